"""`newsledger figures`: listing the ledger's figures with filters, as table, JSON and CSV.

Own-words records are ingested with the real `ingest` command, then listed.
"""

from __future__ import annotations

import csv
import io

import pytest
from cli_helpers import GOOD_RECORD, WRONG_DATE_RECORD, invoke, write

CONTRACT_KEYS = {
    "article_id",
    "value_low",
    "value_high",
    "qualifier",
    "unit",
    "category",
    "group",
    "place",
    "as_of",
    "source",
    "source_kind",
    "status",
    "text",
    "start",
    "end",
}


@pytest.fixture
def ledger(tmp_path):
    db = tmp_path / "ledger.db"
    first = write(tmp_path / "elmford.txt", GOOD_RECORD)
    second = write(tmp_path / "valdoria.txt", WRONG_DATE_RECORD)
    run = invoke(["ingest", first, second, "--db", db])
    assert run.exit_code == 0, run.stderr
    return db


def figures(db, *args):
    run = invoke(["figures", "--db", db, "--format", "json", *args])
    assert run.exit_code == 0, run.stderr
    return run.json()


def test_lists_every_figure_with_the_contract_keys(ledger):
    rows = figures(ledger)
    assert {(r["value_low"], r["category"]) for r in rows} >= {
        (12, "injured"),
        (300, "evacuated"),
        (40, "killed"),
    }
    assert all(set(row) >= CONTRACT_KEYS for row in rows)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--category", "killed"], [40]),
        (["--category", "evacuated"], [300]),
        (["--group", "civilians"], [40]),
        (["--source", "regional fire service"], [12, 300]),
        (["--source", "regional"], [12, 300]),
        # whole words from the start of the name, never a piece of it
        (["--source", "fire service"], []),
        (["--since", "2023-01-01", "--category", "injured"], [12]),
        (["--limit", "1", "--category", "killed"], [40]),
    ],
)
def test_filters(ledger, args, expected):
    assert sorted(r["value_low"] for r in figures(ledger, *args)) == expected


def test_csv_and_table(ledger):
    run = invoke(["figures", "--db", ledger, "--format", "csv", "--category", "injured"])
    assert run.exit_code == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert [row["value_low"] for row in rows] == ["12"]
    table = invoke(["figures", "--db", ledger, "--category", "killed"])
    assert table.exit_code == 0 and "40" in table.stdout


def test_bad_since_is_a_usage_error(ledger):
    run = invoke(["figures", "--db", ledger, "--since", "yesterday"])
    assert run.exit_code == 2
