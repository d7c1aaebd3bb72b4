"""Schema migrations: an old ledger is brought up to date on open, a newer one is refused,
and a migration that fails leaves the database at its previous version.

These tests build old-version databases at the driver level on purpose: that is
the state a user's file is in before newsledger ever touches it.
"""

from __future__ import annotations

import sqlite3

import pytest

from newsledger.errors import StoreError
from newsledger.store import Store
from newsledger.store.migrations import MIGRATIONS, Migration, apply_migrations, latest_version


def _connect(path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_versions_are_consecutive_from_one():
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


def test_new_ledger_is_at_latest_version(store):
    assert store.schema_version == latest_version()


def test_opening_a_version_1_ledger_migrates_it_and_keeps_its_data(tmp_path, make_article):
    path = tmp_path / "old.db"
    connection = _connect(path)
    assert apply_migrations(connection, upto=1) == 1
    connection.execute(
        """INSERT INTO articles (id, seq, title, text, source_path, source_record)
           VALUES ('old-1', 1, 'Harbour strike ends', 'Dock workers returned on Monday.',
                   'old.txt', 'line 1')"""
    )
    connection.close()

    with Store(path) as ledger:
        assert ledger.schema_version == latest_version()
        assert [a["id"] for a in ledger.articles()] == ["old-1"]
        # migration 2 indexed the article that was already there
        assert [a["id"] for a in ledger.articles(search="dock workers")] == ["old-1"]
        # and the ledger keeps working: new articles get the next ingest position
        ledger.write_batch([(make_article("new-1"), None)], [])
        assert [a["id"] for a in ledger.articles()] == ["old-1", "new-1"]


def test_a_ledger_from_a_newer_newsledger_is_refused(tmp_path):
    path = tmp_path / "future.db"
    connection = _connect(path)
    connection.execute(f"PRAGMA user_version = {latest_version() + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_a_failing_migration_leaves_the_previous_version(tmp_path):
    broken = (
        MIGRATIONS[0],
        Migration(2, "half-done", ("CREATE TABLE extra (x)", "THIS IS NOT SQL")),
    )
    connection = _connect(tmp_path / "broken.db")
    with pytest.raises(sqlite3.Error):
        apply_migrations(connection, migrations=broken)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "articles" in tables
    assert "extra" not in tables
    connection.close()


def test_applying_twice_changes_nothing(tmp_path):
    connection = _connect(tmp_path / "twice.db")
    apply_migrations(connection)
    before = connection.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    assert apply_migrations(connection) == latest_version()
    assert connection.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == before
    connection.close()


def test_the_grades_migration_marks_an_older_ledger_for_a_rebuild(tmp_path):
    path = tmp_path / "version5.db"
    connection = sqlite3.connect(path, isolation_level=None)
    apply_migrations(connection, upto=5)
    connection.execute(
        "INSERT INTO articles (id, seq, text, source_path, source_record) "
        "VALUES ('a1', 1, 'Fighting went on.', 'old.txt', 'line 1')"
    )
    connection.execute("INSERT INTO ledger_state (id, built_position) VALUES (1, 1)")
    connection.close()
    with Store(path) as ledger:
        assert ledger.schema_version == latest_version() >= 6
        # built before grades existed: the next ingest rebuilds (and grades) it
        assert ledger.ledger_is_stale()
        assert list(ledger.ledger(grade="confirmed")) == []
