"""Background figures (counts of a past event) stay out of the ledger, its timelines and its
conflicts (issue 18, deliverable 3): over own-words articles through the real pipeline."""

from __future__ import annotations

import dataclasses
import json

import pytest
from ledger_helpers import Claim, article

from newsledger.consolidate.timelines import timelines
from newsledger.ingest import ingest
from newsledger.store import Store

VICTORY_DAY = {
    "url": "https://news.example.org/history",
    "title": "Victory Day",
    "published": "2024-05-09",
    "text": "Russia marked Victory Day on Thursday. During the Second World War, 27 million "
    "Soviet citizens were killed, historians say.\nOn Wednesday, a missile strike killed four "
    "civilians in Odesa, the regional governor Oleh Kiper said.",
}


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    folder = tmp_path_factory.mktemp("background")
    source = folder / "history.jsonl"
    source.write_text(json.dumps(VICTORY_DAY) + "\n", encoding="utf-8")
    with Store(folder / "history.db") as store:
        ingest([source], store)
        yield store


def test_a_background_figure_is_stored_but_not_in_the_ledger(ledger):
    war = [f for f in ledger.figures() if f["background"]]
    assert [f["value_low"] for f in war] == [27_000_000.0]
    entries = list(ledger.ledger())
    assert 27_000_000.0 not in {e["value_low"] for e in entries}
    assert 4.0 in {e["value_low"] for e in entries}  # the current Odesa count beside it
    points = [p["value_low"] for t in timelines(entries) for p in t.points]
    assert 27_000_000.0 not in points


def _with_background(built, *background):
    """The (Article, Analysis) pair with these of its figures marked background."""
    item, analysis = built
    marked = [
        dataclasses.replace(f, background=True) if n in background else f
        for n, f in enumerate(analysis.figures)
    ]
    return item, dataclasses.replace(analysis, figures=marked)


def test_background_figures_never_contradict_a_current_one(ledger_of):
    store = ledger_of(
        article("a1", [Claim(331, "UN human rights office")], outlet="one.org"),
        _with_background(
            article("a2", [Claim(2000, "Valdorian emergency service")], outlet="two.org"), 0
        ),
        _with_background(
            article("a3", [Claim(5, "Valdorian emergency service")], outlet="three.org"), 0
        ),
    )
    assert [e["value_low"] for e in store.ledger()] == [331]
    assert list(store.conflicts()) == []
    assert sorted(f["value_low"] for f in store.figures(background=True)) == [5, 2000]
