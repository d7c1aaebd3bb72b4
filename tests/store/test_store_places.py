"""Resolved places and background marks: stored, returned, exported, and migrated (issue 18)."""

from __future__ import annotations

import csv
import json
import sqlite3

import pyarrow.parquet as pq
import pytest
from place_helpers import ingest_places

from newsledger.export import export
from newsledger.store import Store
from newsledger.store.migrations import apply_migrations, latest_version


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory):
    return ingest_places(tmp_path_factory.mktemp("places"))


@pytest.fixture
def ledger(ledger_path):
    with Store(ledger_path) as store:
        yield store


def _by_value(rows):
    return {row["value_low"]: row for row in rows}


def test_resolved_places_and_background_round_trip(ledger):
    figures = _by_value(ledger.figures())
    kharkiv = figures[7.0]
    assert (kharkiv["place"], kharkiv["place_name"], kharkiv["place_country"]) == (
        "Kharkiv",
        "Kharkiv",
        "UA",
    )
    assert kharkiv["place_region"].startswith("Kharkiv")
    assert kharkiv["place_precision"] == "point"
    assert 49 < kharkiv["place_lat"] < 51 and 35 < kharkiv["place_lon"] < 37
    assert kharkiv["background"] is False
    assert figures[3.0]["place_country"] == "RU"
    assert figures[2.0]["place_country"] == "GB"
    war = figures[27_000_000.0]
    assert war["background"] is True and war["period"] == "second world war"
    assert figures[4.0]["background"] is False


def test_an_article_shows_its_figures_with_places(ledger):
    article_id = _by_value(ledger.figures())[7.0]["article_id"]
    shown = ledger.article(article_id)["figures"]
    assert {f["place_country"] for f in shown} == {"UA"}


@pytest.mark.parametrize("output_format", ["csv", "jsonl", "parquet"])
def test_exports_carry_the_place_fields(ledger, tmp_path, output_format):
    path = tmp_path / f"figures.{output_format}"
    export(ledger, "figures", output_format, path)
    if output_format == "csv":
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        by_value = {float(r["value_low"]): r for r in rows}
        assert by_value[7.0]["place_country"] == "UA"
        assert by_value[27_000_000.0]["background"] == "True"
        return
    if output_format == "jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    else:
        rows = pq.read_table(path).to_pylist()
    by_value = _by_value(rows)
    assert by_value[7.0]["place_country"] == "UA"
    assert by_value[7.0]["place_precision"] == "point"
    assert by_value[27_000_000.0]["background"] is True
    assert by_value[4.0]["background"] is False


def test_a_version_6_ledger_migrates_with_empty_places(tmp_path):
    path = tmp_path / "version6.db"
    connection = sqlite3.connect(path, isolation_level=None)
    apply_migrations(connection, upto=6)
    connection.execute(
        "INSERT INTO articles (id, seq, text, source_path, source_record, published) "
        "VALUES ('a1', 1, 'Five people were killed in Kharkiv.', 'old.txt', 'line 1', "
        "'2024-05-01')"
    )
    connection.execute(
        "INSERT INTO figures (article_id, idx, value_low, value_high, qualifier, category, "
        "place, status, span_text, span_start, span_end, sentence, sentence_index) VALUES "
        "('a1', 0, 5, 5, 'exact', 'killed', 'Kharkiv', 'reported', 'Five people', 0, 11, "
        "'Five people were killed in Kharkiv.', 0)"
    )
    connection.close()
    with Store(path) as store:
        assert store.schema_version == latest_version() >= 7
        (row,) = store.figures()
        assert row["place"] == "Kharkiv"
        assert row["place_country"] is None and row["place_lat"] is None
        assert row["background"] is False
