"""A canonical dump of the ledger: every table as sorted rows, for comparing two databases.

Two ledgers built from the same input must hold the same rows whether the
ingest ran once or was killed and resumed. The dump leaves out only what may
legitimately differ between runs: wall-clock timestamps and surrogate row ids.
The contentless full-text index is represented by its row ids.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

__all__ = ["DUMPED_TABLES", "dump_tables"]

# table -> columns left out of the comparison (and why: see the module docstring)
DUMPED_TABLES: Mapping[str, frozenset[str]] = {
    "articles": frozenset({"ingested_at"}),
    "flags": frozenset(),
    "statements": frozenset(),
    "figures": frozenset(),
    "rejects": frozenset({"id"}),
    "near_duplicate_signatures": frozenset(),
    "near_duplicate_bands": frozenset(),
    "entities": frozenset(),
    "entity_aliases": frozenset(),
    "ledger_entries": frozenset(),
    "ledger_citations": frozenset(),
    "conflicts": frozenset({"id"}),
    "ledger_state": frozenset(),
}


def dump_tables(connection: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every ledger table as a sorted list of row tuples (columns in schema order)."""
    dump: dict[str, list[tuple]] = {}
    for table, ignored in DUMPED_TABLES.items():
        columns = [
            row[1]
            for row in connection.execute(f"PRAGMA table_info({table})")
            if row[1] not in ignored
        ]
        selected = ", ".join(f'"{column}"' for column in columns)
        rows = connection.execute(f"SELECT {selected} FROM {table}").fetchall()
        dump[table] = sorted((tuple(row) for row in rows), key=repr)
    dump["articles_fts"] = sorted(
        (tuple(row) for row in connection.execute("SELECT rowid FROM articles_fts")), key=repr
    )
    return dump
