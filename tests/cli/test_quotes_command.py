"""`newsledger quotes`: statements read back from a ledger filled by `ingest`."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import GOOD_RECORD, SECOND_RECORD, invoke

CONTRACT_KEYS = {
    "article_id",
    "kind",
    "content",
    "cue",
    "speaker",
    "speaker_mention",
    "stance",
    "start",
    "end",
}


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    db = tmp_path / "ledger.db"
    paths = []
    for name, record in (("a.txt", GOOD_RECORD), ("b.txt", SECOND_RECORD)):
        path = tmp_path / name
        path.write_text(record, encoding="utf-8")
        paths.append(path)
    assert invoke(["ingest", "--db", db, *paths]).exit_code == 0
    return db


def test_json_rows_follow_the_contract(ledger: Path) -> None:
    rows = invoke(["quotes", "--db", ledger, "--format", "json"]).json()
    assert rows and all(set(row) >= CONTRACT_KEYS for row in rows)
    holt = [row for row in rows if row["speaker"] == "Jana Holt"]
    assert holt and holt[0]["kind"] == "direct" and "water rise" in holt[0]["content"]


def test_filters_by_speaker_kind_and_article(ledger: Path) -> None:
    rows = invoke(["quotes", "--db", ledger, "--speaker", "ruiz", "--format", "json"]).json()
    assert [row["speaker"] for row in rows] == ["Tomas Ruiz"]
    article = rows[0]["article_id"]
    same = invoke(["quotes", "--db", ledger, "--article", article, "--format", "json"]).json()
    assert {row["article_id"] for row in same} == {article}
    direct = invoke(["quotes", "--db", ledger, "--kind", "direct", "--format", "json"]).json()
    assert direct and all(row["kind"] == "direct" for row in direct)


def test_csv_table_and_limit(ledger: Path) -> None:
    csv_run = invoke(["quotes", "--db", ledger, "--format", "csv", "--limit", "1"])
    lines = csv_run.stdout.strip().splitlines()
    assert lines[0].startswith("article_id,") and len(lines) == 2
    table = invoke(["quotes", "--db", ledger])
    assert table.exit_code == 0 and "Jana Holt" in table.stdout


def test_bad_kind_is_a_usage_error(ledger: Path) -> None:
    assert invoke(["quotes", "--db", ledger, "--kind", "rumour"]).exit_code == 2
