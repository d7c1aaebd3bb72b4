"""The consolidated ledger's SQL: reading consolidation inputs, rebuilding, and reading back.

`read_inputs` gives newsledger.consolidate what it needs (the figures with
their article's publication date, and every speaker and source spelling with
its use counts); `replace` swaps the entities, aliases, ledger entries,
citations and conflicts for a freshly built set (the caller holds the write
transaction); `ledger`, `conflicts` and `entities` return the dict shapes
DEVELOPERS.md documents, paged with limit/offset. Citations are loaded for a
page of entries at a time, so a listing streams in constant memory. What
`replace` reads of a built ledger is the protocol `BuiltLedger`, so the store
never imports newsledger.consolidate: consolidation depends on the store, not
the reverse.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from newsledger.filters import Filters
from newsledger.store.filter_sql import LEDGER_CONDITIONS, where
from newsledger.store.queries import page_limit, page_offset

__all__ = [
    "LEDGER_TABLES",
    "BuiltLedger",
    "conflicts",
    "entities",
    "ledger",
    "read_inputs",
    "replace",
    "source_order",
]

# In the order rows are deleted (children first).
LEDGER_TABLES = ("conflicts", "ledger_citations", "ledger_entries", "entity_aliases", "entities")


def is_stale(connection: sqlite3.Connection) -> bool:
    """Whether articles were stored after the consolidated ledger was last built."""
    row = connection.execute(
        """SELECT coalesce((SELECT built_position FROM ledger_state WHERE id = 1), 0)
                  < (SELECT coalesce(max(seq), 0) FROM articles)"""
    ).fetchone()
    return bool(row[0])


_PAGE = 500

_FIGURE_INPUT = """
    SELECT f.article_id, f.idx, f.value_low, f.value_high, f.qualifier, f.category,
           f.group_name AS "group", f.place, f.as_of, f.source, f.source_kind, f.status,
           f.place_region, f.place_country, a.published,
           -- the outlet grading counts: its outlet, else its URL (consolidate reads the
           -- host); a near-duplicate counts as the article it copies; '' is "not known"
           coalesce((SELECT coalesce(o.outlet, o.url, '') FROM flags d JOIN articles o
                     ON o.id = d.suggested WHERE d.article_id = a.id AND d.kind = 'duplicate_of'),
                    a.outlet, a.url, '') AS outlet_key
    FROM figures f JOIN articles a ON a.id = f.article_id
    WHERE f.category != 'other'
      -- a rate ("50 a day", period "per day") is not a count so far: never in a timeline
      AND (f.period IS NULL OR f.period NOT LIKE 'per %')
      -- a background figure counts a past event (WWII, a 2018 attack): never a current
      -- entry, timeline point or conflict
      AND f.background = 0
    ORDER BY a.seq, f.idx
"""
# (text, uses, person votes, other votes): statements vote on the kind of a name.
_NAME_USES = """
    SELECT text, sum(uses), sum(person), sum(other) FROM (
        SELECT speaker AS text, count(*) AS uses,
               sum(speaker_kind = 'person') AS person,
               sum(coalesce(speaker_kind, '') NOT IN ('person', 'unnamed', '')) AS other
        FROM statements WHERE speaker IS NOT NULL GROUP BY speaker
        UNION ALL
        SELECT source, count(*), 0, 0 FROM figures WHERE source IS NOT NULL GROUP BY source
    ) GROUP BY text ORDER BY text
"""

_ENTRY_COLUMNS = """e.id AS entry_id, e.source, e.source_kind, e.category, e.group_name AS "group",
    e.place, e.as_of, e.value_low, e.value_high, e.qualifier, e.status, e.grade, e.outlets,
    e.source_kinds, e.report_low, e.report_high, e.place_region, e.place_country"""


def source_order(source: str | None) -> str:
    """The sort key of a source in timelines: case-insensitive, unattributed entries last."""
    return "\U0010ffff" if source is None else source.casefold()


def read_inputs(connection: sqlite3.Connection) -> tuple[list[dict], list[tuple]]:
    """(figure rows, name uses): what consolidation reads, in a deterministic order."""
    cursor = connection.cursor()
    # Plain tuples zipped with the column names: several times faster than sqlite3.Row.
    cursor.row_factory = None
    cursor.execute(_FIGURE_INPUT)
    columns = [description[0] for description in cursor.description]
    figures = [dict(zip(columns, row, strict=True)) for row in cursor]
    names = cursor.execute(_NAME_USES).fetchall()
    return figures, names


class BuiltLedger(Protocol):
    """A consolidated ledger ready to write (newsledger.consolidate's LedgerTables):
    its entities, entries (with their citations) and conflicts, read by `replace`."""

    @property
    def entities(self) -> Sequence[Any]: ...
    @property
    def entries(self) -> Sequence[Any]: ...
    @property
    def conflicts(self) -> Sequence[Any]: ...


def replace(connection: sqlite3.Connection, tables: BuiltLedger) -> None:
    """Delete the consolidated tables and insert `tables` (inside the caller's transaction)."""
    for table in LEDGER_TABLES:
        connection.execute(f"DELETE FROM {table}")
    connection.execute(
        """INSERT INTO ledger_state (id, built_position)
           VALUES (1, (SELECT coalesce(max(seq), 0) FROM articles))
           ON CONFLICT (id) DO UPDATE SET built_position = excluded.built_position"""
    )
    connection.executemany(
        "INSERT INTO entities (id, name, kind, mentions) VALUES (?, ?, ?, ?)",
        ((e.entity_id, e.name, e.kind, e.mentions) for e in tables.entities),
    )
    connection.executemany(
        "INSERT OR IGNORE INTO entity_aliases (alias, entity_id) VALUES (?, ?)",
        ((form, e.entity_id) for e in tables.entities for form in sorted(e.forms)),
    )
    connection.executemany(
        """INSERT INTO ledger_entries (id, entity_id, source, source_order, source_kind, category,
               group_name, place, as_of, value_low, value_high, qualifier, status, citation_count,
               grade, outlets, source_kinds, report_low, report_high, place_region, place_country)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            (
                x.entry_id,
                x.entity.entity_id if x.entity is not None else None,
                x.source,
                source_order(x.source),
                x.source_kind,
                x.category,
                x.group,
                x.place,
                x.as_of,
                x.value_low,
                x.value_high,
                x.qualifier,
                x.status,
                len(x.citations),
                x.grade,
                x.outlets,
                ",".join(x.source_kinds),
                x.report_low,
                x.report_high,
                x.place_region,
                x.place_country,
            )
            for x in tables.entries
        ),
    )
    connection.executemany(
        "INSERT INTO ledger_citations (entry_id, article_id, figure_idx) VALUES (?, ?, ?)",
        ((x.entry_id, c.article_id, c.figure_idx) for x in tables.entries for c in x.citations),
    )
    connection.executemany(
        """INSERT INTO conflicts (id, kind, category, group_name, place, as_of, entry_a, entry_b,
               detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            (
                c.conflict_id,
                c.kind,
                c.first.category,
                c.first.group,
                c.first.place,
                c.second.as_of,
                c.first.entry_id,
                c.second.entry_id,
                c.detail,
            )
            for c in tables.conflicts
        ),
    )


def _citations(connection: sqlite3.Connection, entry_ids: Sequence[int]) -> dict[int, list]:
    """entry id -> its citations, oldest publication first."""
    if not entry_ids:
        return {}
    marks = ",".join("?" * len(entry_ids))
    rows = connection.execute(
        f"""SELECT c.entry_id, c.article_id, a.outlet, a.published, a.url, a.title,
                   f.span_start AS start, f.span_end AS "end", f.span_text AS text
            FROM ledger_citations c
            JOIN articles a ON a.id = c.article_id
            JOIN figures f ON f.article_id = c.article_id AND f.idx = c.figure_idx
            WHERE c.entry_id IN ({marks})
            ORDER BY c.entry_id, a.published, a.seq, c.figure_idx""",
        list(entry_ids),
    )
    found: dict[int, list] = {entry_id: [] for entry_id in entry_ids}
    for row in rows:
        citation = dict(row)
        found[citation.pop("entry_id")].append(citation)
    return found


def _with_citations(
    connection: sqlite3.Connection, cursor: sqlite3.Cursor
) -> Iterator[dict[str, Any]]:
    while True:
        page = [dict(row) for row in cursor.fetchmany(_PAGE)]
        if not page:
            return
        citations = _citations(connection, [row["entry_id"] for row in page])
        for row in page:
            row["source_kinds"] = row["source_kinds"].split(",") if row["source_kinds"] else []
            row["citations"] = citations[row["entry_id"]]
            yield row


def ledger(
    connection: sqlite3.Connection,
    filters: Filters | None = None,
    latest_first: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[dict[str, Any]]:
    """Timeline rows: entries ordered by source, then as-of date (newest first on request)."""
    clause, values = where(LEDGER_CONDITIONS, filters)
    direction = "DESC" if latest_first else "ASC"
    cursor = connection.execute(
        f"""SELECT {_ENTRY_COLUMNS} FROM ledger_entries e
            {clause}
            ORDER BY e.source_order, e.as_of {direction}, e.id {direction}
            LIMIT :limit OFFSET :offset""",
        {**values, "limit": page_limit(limit), "offset": page_offset(offset)},
    )
    yield from _with_citations(connection, cursor)


def _entries_by_id(connection: sqlite3.Connection, ids: Sequence[int]) -> dict[int, dict]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    cursor = connection.execute(
        f"SELECT {_ENTRY_COLUMNS} FROM ledger_entries e WHERE e.id IN ({marks})", list(ids)
    )
    return {row["entry_id"]: row for row in _with_citations(connection, cursor)}


def conflicts(
    connection: sqlite3.Connection,
    category: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[dict[str, Any]]:
    """Conflicts with their two entries (citations = the evidence), in a stable order."""
    cursor = connection.execute(
        f"""SELECT id, kind, category, group_name, place, as_of, entry_a, entry_b, detail
            FROM conflicts {"WHERE category = :category" if category is not None else ""}
            ORDER BY id LIMIT :limit OFFSET :offset""",
        {"category": category, "limit": page_limit(limit), "offset": page_offset(offset)},
    )
    while True:
        page = cursor.fetchmany(_PAGE)
        if not page:
            return
        entries = _entries_by_id(
            connection, sorted({row[key] for row in page for key in ("entry_a", "entry_b")})
        )
        for row in page:
            yield {
                "conflict_id": row["id"],
                "kind": row["kind"],
                "category": row["category"],
                "group": row["group_name"],
                "place": row["place"],
                "as_of": row["as_of"],
                "entries": [entries[row["entry_a"]], entries[row["entry_b"]]],
                "detail": row["detail"],
            }


def entities(
    connection: sqlite3.Connection,
    search: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[dict[str, Any]]:
    """Entities by name (ids follow name order); `search` matches the name or any alias."""
    condition = (
        """WHERE newsledger_contains(n.name, :search) OR n.id IN (
               SELECT x.entity_id FROM entity_aliases x
               WHERE newsledger_contains(x.alias, :search))"""
        if search
        else ""
    )
    cursor = connection.execute(
        f"""SELECT n.id, n.name, n.kind, n.mentions,
                   (SELECT json_group_array(alias) FROM (
                        SELECT alias FROM entity_aliases WHERE entity_id = n.id
                        AND alias != n.name ORDER BY alias)) AS aliases
            FROM entities n {condition}
            ORDER BY n.id LIMIT :limit OFFSET :offset""",
        {"search": search, "limit": page_limit(limit), "offset": page_offset(offset)},
    )
    for row in cursor:
        yield {
            "entity_id": row["id"],
            "name": row["name"],
            "kind": row["kind"],
            "aliases": json.loads(row["aliases"]),
            "mentions": row["mentions"],
        }
