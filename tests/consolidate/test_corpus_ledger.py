"""The ledger on real coverage: the UN's and Ukraine's civilian death tolls in early 2022.

Reads ../shared/data/corpus/ukraine-2022.jsonl at run time (never copied) and
ingests, with the real analysis, the early-March articles that report the UN
human rights office's or Ukraine's health ministry's counts, plus the six
crawls of one health-ministry article. Skips when the corpus is absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsledger.ingest import ingest
from newsledger.store import Store

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "corpus"
UKRAINE = CORPUS / "ukraine-2022.jsonl"
# the two counts the acceptance follows, found by who gives them, not by the numbers
REPORTS = re.compile(
    r"health minist|human rights office|human rights commissioner"
    r"|commissioner for human rights"
)


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    if not UKRAINE.exists():
        pytest.skip(f"shared corpus not found at {UKRAINE}")
    chosen = []
    with open(UKRAINE, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text, day = record.get("text") or "", (record.get("date") or "")[:10]
            early_march = "2022-02-24" <= day <= "2022-03-07"
            crawled_copy = record["id"].startswith("gdelt-") and "198" in text
            if (early_march or crawled_copy) and REPORTS.search(text):
                chosen.append(line)
    path = tmp_path_factory.mktemp("corpus") / "ukraine-early-2022.jsonl"
    path.write_text("".join(chosen), encoding="utf-8")
    store = Store(tmp_path_factory.mktemp("db") / "ledger.db")
    report = ingest([path], store)
    assert report.rejected == 0
    yield store
    store.close()


def _timeline(store, source_words: str) -> list[dict]:
    rows = store.ledger(category="killed", group="civilians", source=source_words)
    return sorted(rows, key=lambda row: (row["as_of"], row["value_low"]))


def test_the_un_timeline_rises_with_its_citations(ledger):
    timeline = _timeline(ledger, "human rights")
    values = [row["value_low"] for row in timeline]
    assert values == [102, 331, 351]
    assert [row["as_of"] for row in timeline][:2] == ["2022-02-28", "2022-03-04"]
    assert values == sorted(values)  # a cumulative count never goes down
    assert all(row["citations"] for row in timeline)
    # 351 was reported on two days by two articles: one entry, two citations
    assert len(timeline[-1]["citations"]) == 2


def test_the_crawled_copies_of_one_health_ministry_figure_are_one_entry(ledger):
    entries = [
        row for row in ledger.ledger(category="killed", source="health") if row["value_low"] == 198
    ]
    assert len(entries) == 2  # "198 civilians" in the crawled article, "198 people" in another
    assert {row["group"] for row in entries} == {"civilians", "people"}
    assert all(len(row["citations"]) == 1 for row in entries)


def test_conflicts_set_the_government_and_the_un_side_by_side(ledger):
    [conflict] = [c for c in ledger.conflicts(category="killed") if c["kind"] == "divergence"]
    sources = [entry["source"] for entry in conflict["entries"]]
    assert "UN human rights office" in sources
    assert any("health" in source for source in sources)
    assert all(entry["citations"] for entry in conflict["entries"])
