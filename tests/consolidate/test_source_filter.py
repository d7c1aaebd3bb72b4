"""The source filter matches entities by name, alias or parent body, never letters inside a word.

Own-words articles go through the real extractor (`ingest`); the filter is then asked
for "UN" and must reach the UN's bodies and no one else.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsledger.filters import Filters
from newsledger.ingest import ingest
from newsledger.store import Store

SENTENCES = {
    "ohchr": "The UN human rights office said on Tuesday that 102 civilians had been killed.",
    "unicef": "UNICEF said on Tuesday that 7 children had been killed in the shelling.",
    "country": "The country said on Tuesday that 40 soldiers had been killed in the fighting.",
    "zelensky": "President Volodymyr Zelensky said on Tuesday that 137 people had been killed.",
    "unnamed": "At least 12 people were killed in the shelling on Tuesday.",
}


def _record(name: str, sentence: str) -> str:
    return f"""Fighting continues in Valdoria ({name})
20230503
https://{name}-news.example.org/valdoria/{name}
Shelling continued in eastern Valdoria on Tuesday.
{sentence}
Aid groups asked for a pause in the fighting.
"""


@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("records")
    paths = []
    for name, sentence in SENTENCES.items():
        path = folder / f"{name}.txt"
        path.write_text(_record(name, sentence), encoding="utf-8")
        paths.append(path)
    store = Store(tmp_path_factory.mktemp("db") / "ledger.db")
    assert ingest(paths, store).accepted == len(SENTENCES)
    yield store
    store.close()


def _sources(store: Store, **criteria) -> set[str | None]:
    return {row["source"] for row in store.ledger(category="killed", **criteria)}


def test_the_extractor_gave_every_claim_its_source(ledger):
    values = {row["value_low"]: row["source"] for row in ledger.ledger(category="killed")}
    assert set(values) >= {102, 7, 137, 12}
    assert values[12] is None


def test_un_reaches_the_un_bodies_and_nobody_else(ledger):
    found = _sources(ledger, source="UN")
    assert "UN human rights office" in found
    assert any("UNICEF" in (source or "") for source in found)
    assert not any("Zelensky" in (s or "") or "country" in (s or "") for s in found)
    assert None not in found
    # "United Nations" names the same organisation; lower case is the same query
    assert _sources(ledger, source="United Nations") == found == _sources(ledger, source="un")


def test_a_prefix_of_words_matches_and_letters_inside_a_word_do_not(ledger):
    assert _sources(ledger, source="Volodymyr") == {"Volodymyr Zelensky"}
    assert _sources(ledger, source="zelensky") == {"Volodymyr Zelensky"}
    assert _sources(ledger, source="olodymyr") == set()
    assert _sources(ledger, source="ountry") == set()


def test_unnamed_asks_for_the_claims_without_a_source(ledger):
    rows = list(ledger.ledger(Filters(category="killed", source="unnamed")))
    assert rows and all(row["source"] is None for row in rows)
    assert 12 in {row["value_low"] for row in rows}
    figures = list(ledger.figures(source="unnamed"))
    assert figures and all(figure["source"] is None for figure in figures)


def test_an_entity_id_selects_its_entries_and_figures(ledger):
    [entity] = [e for e in ledger.entities() if e["name"] == "UN human rights office"]
    rows = list(ledger.ledger(source_id=entity["entity_id"]))
    assert {row["source"] for row in rows} == {"UN human rights office"}
    assert [f["value_low"] for f in ledger.figures(source_id=entity["entity_id"])] == [102]


def test_figures_use_the_same_source_rule(ledger):
    values = {figure["value_low"] for figure in ledger.figures(source="UN")}
    assert 102 in values and 137 not in values and 40 not in values


def test_the_ledger_file_answers_the_same_after_reopening(ledger, tmp_path: Path):
    with Store(ledger.path) as again:
        assert _sources(again, source="UN") == _sources(ledger, source="UN")
