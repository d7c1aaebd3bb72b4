"""`articles`, `show`, `rejects` and `summary` over a ledger filled through `ingest`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from cli_helpers import (
    GOOD_RECORD,
    SECOND_RECORD,
    SEED,
    WRONG_DATE_RECORD,
    by_title,
    invoke,
    needs_shared,
    write,
)

ARTICLE_KEYS = {
    "id",
    "url",
    "title",
    "published",
    "published_raw",
    "outlet",
    "source",
    "flags",
    "summary",
}


@pytest.fixture
def filled(tmp_path: Path, db: Path) -> Path:
    """A ledger with three own-words articles and one reject (an empty file)."""
    paths = [
        write(tmp_path / "a.txt", GOOD_RECORD),
        write(tmp_path / "b.txt", SECOND_RECORD),
        write(tmp_path / "c.txt", WRONG_DATE_RECORD),
        write(tmp_path / "empty.txt", ""),
    ]
    run = invoke(["ingest", "--no-analysis", "--db", db, *paths])
    assert run.exit_code == 3, run.stderr
    return db


def test_articles_json_is_one_array_of_article_objects(filled: Path) -> None:
    rows = invoke(["articles", "--db", filled, "--format", "json"]).json()
    assert len(rows) == 3
    for row in rows:
        assert row.keys() >= ARTICLE_KEYS
        assert "text" not in row
    titles = {row["title"] for row in rows}
    assert titles == {r.splitlines()[0] for r in (GOOD_RECORD, SECOND_RECORD, WRONG_DATE_RECORD)}


def test_articles_limit_and_search(filled: Path) -> None:
    assert len(invoke(["articles", "--db", filled, "--format", "json", "--limit", "1"]).json()) == 1
    found = invoke(["articles", "--db", filled, "--format", "json", "--search", "bridge"]).json()
    assert [a["title"] for a in found] == [SECOND_RECORD.splitlines()[0]]


def test_articles_csv_and_table(filled: Path) -> None:
    out = invoke(["articles", "--db", filled, "--format", "csv"]).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 3
    assert {"id", "title", "published", "flags"} <= set(rows[0])
    table = invoke(["articles", "--db", filled]).stdout
    assert "Bridge reopens in Carrow" in table
    assert "date_inconsistent" in table


def test_show_json_has_the_article_and_its_lists(filled: Path) -> None:
    article = by_title(filled, GOOD_RECORD.splitlines()[0])
    shown = invoke(["show", article["id"], "--db", filled, "--format", "json"]).json()
    assert shown.keys() >= ARTICLE_KEYS
    assert isinstance(shown["statements"], list) and isinstance(shown["figures"], list)
    assert "Mayor Jana Holt" in shown["text"]
    assert shown["published"] == "2023-05-14"
    assert shown["url"] == "https://example.org/news/river-floods-elmford"


def test_show_table_is_readable(filled: Path) -> None:
    article = by_title(filled, WRONG_DATE_RECORD.splitlines()[0])
    out = invoke(["show", article["id"], "--db", filled]).stdout
    assert out.startswith("Ceasefire in Valdoria collapses")
    assert "date_inconsistent" in out and "suggested" in out
    assert "collapsed on March 5, 2022" in out


def test_wrong_date_gets_date_inconsistent(filled: Path) -> None:
    article = by_title(filled, WRONG_DATE_RECORD.splitlines()[0])
    shown = invoke(["show", article["id"], "--db", filled, "--format", "json"]).json()
    flags = {f["kind"]: f for f in shown["flags"]}
    assert "date_inconsistent" in flags
    assert flags["date_inconsistent"]["suggested"] >= "2022-03-03"
    assert shown["published"] == "2022-01-05"


def test_show_unknown_id_is_an_error(filled: Path) -> None:
    run = invoke(["show", "no-such-id", "--db", filled])
    assert run.exit_code == 1
    assert "no-such-id" in run.stderr


def test_rejects_listing(filled: Path) -> None:
    rows = invoke(["rejects", "--db", filled, "--format", "json"]).json()
    assert [Path(r["path"]).name for r in rows] == ["empty.txt"]
    assert {"path", "record", "reason", "excerpt"} <= rows[0].keys()
    assert "empty.txt" in invoke(["rejects", "--db", filled]).stdout


def test_summary_without_analysis(filled: Path) -> None:
    out = invoke(["summary", "--db", filled]).stdout
    assert "Articles: 3" in out
    assert "date_inconsistent" in out
    # no spaCy pass ran: both sections say so rather than printing empty tables
    assert out.count("none yet") == 2
    data = invoke(["summary", "--db", filled, "--format", "json"]).json()
    assert data["articles"] == 3 and data["rejects"] == 1
    inconsistent = next(f for f in data["flags"] if f["kind"] == "date_inconsistent")
    assert inconsistent["count"] == 1
    assert inconsistent["example"]["suggested"] >= "2022-03-03"


def test_summary_of_an_empty_ledger(db: Path) -> None:
    run = invoke(["summary", "--db", db])
    assert run.exit_code == 0, run.stderr
    assert "Articles: 0" in run.stdout


def test_db_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_db = tmp_path / "from-env.db"
    monkeypatch.setenv("NEWSLEDGER_DB", str(env_db))
    run = invoke(["ingest", "--no-analysis", write(tmp_path / "a.txt", GOOD_RECORD)])
    assert run.exit_code == 0, run.stderr
    assert env_db.exists()
    assert len(invoke(["articles", "--format", "json"]).json()) == 1


def test_seed_record_gets_a_suggested_date(tmp_path: Path, db: Path) -> None:
    needs_shared()
    run = invoke(["ingest", "--no-analysis", "--db", db, SEED])
    assert run.exit_code == 0, run.stderr
    (article,) = invoke(["articles", "--db", db, "--format", "json"]).json()
    shown = invoke(["show", article["id"], "--db", db, "--format", "json"]).json()
    flags = {f["kind"]: f for f in shown["flags"]}
    assert "date_inconsistent" in flags, shown["flags"]
    assert flags["date_inconsistent"]["suggested"] >= "2022-03-01"
    assert shown["published_raw"] == "20220206"


def test_summary_library_matches_the_command(filled: Path) -> None:
    from newsledger.report import build_summary
    from newsledger.store import Store

    store = Store(str(filled))
    try:
        summary = build_summary(store)
    finally:
        store.close()
    assert summary == invoke(["summary", "--db", filled, "--format", "json"]).json()


def test_next_steps_name_the_article_read_from_a_path(tmp_path: Path, filled: Path) -> None:
    from newsledger.report import next_steps

    article = by_title(filled, SECOND_RECORD.splitlines()[0])
    text = next_steps(str(filled), str(tmp_path / "b.txt"))
    assert f"newsledger show {article['id']} --db {filled} --format json" in text
    assert f"newsledger articles --db {filled}" in text
    # without a path, the example is the article with a suggested date
    flagged = by_title(filled, WRONG_DATE_RECORD.splitlines()[0])
    assert f"newsledger show {flagged['id']}" in next_steps(str(filled))
