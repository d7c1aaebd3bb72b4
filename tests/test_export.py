"""Exports: every kind of row in every format, read back with the row counts the store has."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsledger.consolidate import consolidate
from newsledger.export import export
from newsledger.models import Analysis, Article, Figure, Origin, Span, Statement
from newsledger.store import Store


def _figure(value: float, source: str, as_of: str) -> Figure:
    text = f"{value:.0f} people were killed"
    return Figure(value, value, "exact", None, "killed", "people", "civilians", "Valdoria",
                  as_of, None, None, source, None, "party", "reported",
                  Span(0, len(text), text), text + ".", 0)  # fmt: skip


def _statement(speaker: str) -> Statement:
    return Statement("direct", Span(0, 8, "We stay."), None, "say", None, speaker, "person",
                     "says", 0, 0.9)  # fmt: skip


@pytest.fixture
def store() -> Iterator[Store]:
    """Three own-words articles: one claim cited twice, one other claim, two statements."""
    ledger = Store(":memory:")
    results = []
    for number, (source, value) in enumerate(
        [("Elmford council", 12), ("Elmford council", 12), ("Ash Trust", 15)], start=1
    ):
        article = Article(
            id=f"a{number}", url=f"https://news{number}.org/a{number}", title=f"Story {number}",
            published="2023-05-03", published_raw="20230503", outlet=f"news{number}.org",
            text="Flood waters rose in Elmford, with a comma, and \"quotes\".",
            origin=Origin("fixture.jsonl", f"line {number}"),
        )  # fmt: skip
        statements = [_statement("Mara Holt")] if number < 3 else []
        results.append(
            (article, Analysis(article.id, statements, [_figure(value, source, "2023-05-02")]))
        )
    ledger.write_batch(results)
    consolidate(ledger)
    yield ledger
    ledger.close()


EXPECTED = {"articles": 3, "statements": 2, "figures": 3, "ledger": 2}


def read_back(path: Path, output_format: str) -> list[dict]:
    if output_format == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if output_format == "csv":
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    return pq.read_table(path).to_pylist()


@pytest.mark.parametrize("output_format", ["csv", "jsonl", "parquet"])
@pytest.mark.parametrize("what", sorted(EXPECTED))
def test_export_round_trips_row_counts(store, tmp_path, what, output_format):
    path = tmp_path / f"{what}.{output_format}"
    assert export(store, what, output_format, path) == EXPECTED[what]
    assert len(read_back(path, output_format)) == EXPECTED[what]


@pytest.mark.parametrize("output_format", ["csv", "jsonl", "parquet"])
def test_exported_ledger_keeps_values_and_citations(store, tmp_path, output_format):
    path = tmp_path / f"ledger.{output_format}"
    export(store, "ledger", output_format, path)
    rows = {row["source"]: row for row in read_back(path, output_format)}
    cited = rows["Elmford council"]
    citations = cited["citations"]
    if isinstance(citations, str):  # CSV and Parquet keep nested values as JSON text
        citations = json.loads(citations)
    assert [c["outlet"] for c in citations] == ["news1.org", "news2.org"]
    assert float(cited["value_low"]) == 12


def test_parquet_export_has_typed_columns(store, tmp_path):
    path = tmp_path / "figures.parquet"
    export(store, "figures", "parquet", path)
    schema = pq.read_schema(path)
    assert str(schema.field("value_low").type) == "double"
    assert str(schema.field("index").type) == "int64"
    assert str(schema.field("source").type) == "string"


def test_an_empty_export_still_writes_a_readable_file(tmp_path):
    with Store(":memory:") as empty:
        for output_format in ("csv", "jsonl", "parquet"):
            path = tmp_path / f"ledger.{output_format}"
            assert export(empty, "ledger", output_format, path) == 0
            assert read_back(path, output_format) == []


def test_unknown_exports_are_refused(store, tmp_path):
    with pytest.raises(ValueError, match="cannot export"):
        export(store, "rejects-and-more", "csv", tmp_path / "x.csv")
    with pytest.raises(ValueError, match="format"):
        export(store, "ledger", "xlsx", tmp_path / "x.xlsx")
