"""The displacement scorer on a small own-words gold file: metrics, term mapping, errors."""

from __future__ import annotations

import json

import pytest

from newsledger.errors import EvalError
from newsledger.eval import displacement
from newsledger.eval.displacement import (
    TERM_CATEGORY,
    evaluate_displacement,
    load_gold,
    pick_displacement_figure,
)
from newsledger.eval.stored import GoldText, StoredFigures, stored_figures
from newsledger.nlp import load_pipeline

GOLD = [
    {
        "id": "a",
        "text": "The floods displaced 4,500 people in the northern districts.",
        "figure": 4500,
        "term": "Displaced",
        "unit": "People",
    },
    {
        "id": "b",
        "text": "Authorities evacuated 1,200 residents from the coastal villages.",
        "figure": 1200,
        "term": "Evacuated",
        "unit": "People",
    },
    {
        "id": "c",
        "text": "The cyclone destroyed 300 houses along the river.",
        "figure": 300,
        "term": "Destroyed Housing",
        "unit": "Households",
    },
    {
        "id": "d",
        "text": "The storm displaced 700 families, officials said.",
        "figure": 900,
        "term": "Displaced",
        "unit": "Households",
    },
]


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in GOLD), encoding="utf-8")
    return path


def test_scores(gold_file):
    result = evaluate_displacement(gold_file, nlp=load_pipeline())
    scores = result.flat_scores()
    # Three facts right; "d" has the right term but not the annotated figure.
    assert scores["figure.accuracy"] == pytest.approx(3 / 4)
    assert scores["term.accuracy"] == pytest.approx(1.0)
    assert scores["figure+term.accuracy"] == pytest.approx(3 / 4)
    assert [p.id for p in result.predictions if not p.both_ok] == ["d"]


def test_every_gold_term_is_mapped():
    terms = {
        "Displaced",
        "Evacuated",
        "Forced to Flee",
        "Destroyed Housing",
        "Sheltered",
        "Relocated",
        "In Relief Camp",
        "Homeless",
        "Partially Destroyed Housing",
        "Uninhabitable Housing",
    }
    assert set(TERM_CATEGORY) == terms


def test_unknown_term_is_an_eval_error(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(
        json.dumps({"id": "x", "text": "t", "figure": 1, "term": "Teleported"}) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(EvalError, match="line 1"):
        load_gold(path)


def test_peer_scores_figures_only(gold_file):
    pytest.importorskip("quantulum3")
    result = evaluate_displacement(gold_file, nlp=load_pipeline(), peers=True)
    peer = result.systems[1]
    assert peer.system == "quantulum3"
    assert peer.term_accuracy is None
    assert 0.0 <= peer.figure_accuracy <= 1.0


def _pick(text: str):
    rows = stored_figures([GoldText("t", text)], load_pipeline(), source="test").figures[0]
    return pick_displacement_figure(rows)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A stated range is annotated as its upper bound.
        ("Between 1,500 and 2,300 people were displaced by the floods.", (2300, "displaced")),
        # Destroyed housing is the headline housing fact, ahead of damaged.
        (
            "The quake damaged 140 homes and destroyed 35 homes in the valley.",
            (35, "housing_destroyed"),
        ),
        # No displacement word at all: the product stores the counts as `other`, so
        # there is no prediction (the scorer no longer calls the first count displaced).
        ("About 420 households (about 2,100 people) arrived in Elmford this week.", None),
        # An affected population is not the displaced one.
        ("Of the 9,000 people affected, 650 were evacuated.", (650, "evacuated")),
    ],
)
def test_pick_displacement_figure(text, expected):
    assert _pick(text) == expected


def _row(value, category, part_of=None):
    return {"value_low": value, "value_high": value, "qualifier": "exact", "unit": None,
            "count_unit": "people", "category": category, "part_of": part_of}  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([_row(4500.0, "other")], None),
        ([_row(12.0, "other"), _row(4500.0, "other")], None),
        ([_row(4500.0, "other"), _row(300.0, "evacuated")], (300.0, "evacuated")),
        ([_row(4500.0, "displaced", part_of=1), _row(9000.0, "displaced")], (9000.0, "displaced")),
    ],
)
def test_only_stored_displacement_categories_are_picked(rows, expected):
    assert pick_displacement_figure(rows) == expected


def test_a_figure_stored_as_other_is_never_a_displacement_hit(gold_file, monkeypatch):
    # Each excerpt's stored figure has the gold value but the category `other`.
    values = [4500.0, 1200.0, 300.0, 900.0]

    def stored(items, nlp, *, source):
        return StoredFigures([[_row(value, "other")] for value in values])

    monkeypatch.setattr(displacement, "stored_figures", stored)
    result = evaluate_displacement(gold_file, nlp=object())
    assert all(p.figure is None and p.category is None for p in result.predictions)
    assert result.flat_scores() == {
        "figure.accuracy": 0.0,
        "term.accuracy": 0.0,
        "figure+term.accuracy": 0.0,
        "figure+term.f1": 0.0,
    }
