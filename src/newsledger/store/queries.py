"""Reading the ledger: the dict shapes the CLI, the HTTP API and exports all show.

Every function takes an open connection and returns plain dicts with exactly
the keys DEVELOPERS.md documents, so interfaces never see a column name.
Listings take one `newsledger.filters.Filters`; store/filter_sql.py turns it
into SQL. Articles come in ingest order; statements and
figures in their article's ingest order, then their index in the article.
Those two listings walk the articles in ingest order (CROSS JOIN fixes the
join order): a page then stops after the rows it needs, where an index on
the filter column would make SQLite fetch and sort every matching row first.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from newsledger.errors import NotFoundError
from newsledger.filters import Filters
from newsledger.store.filter_sql import FIGURE_CONDITIONS, STATEMENT_CONDITIONS, where

__all__ = [
    "articles_by_id",
    "article",
    "articles",
    "contains",
    "counts",
    "figures",
    "figures_of",
    "fts_query",
    "last_position",
    "near_duplicate_candidates",
    "rejects",
    "statements",
    "stored_positions",
]

_WORD = re.compile(r"\w+")
# SQLite reads a negative LIMIT as "no limit".
_NO_LIMIT = -1
# Ids per "IN (...)" query (`_id_chunks`).
ID_CHUNK = 500

_FLAGS_JSON = """(
    SELECT json_group_array(json_object('kind', kind, 'detail', detail, 'suggested', suggested))
    FROM (SELECT kind, detail, suggested FROM flags WHERE article_id = a.id ORDER BY idx)
)"""
_ARTICLE_COLUMNS = f"""a.id, a.url, a.title, a.published, a.published_raw, a.outlet,
    a.source_path, a.source_record, a.summary, {_FLAGS_JSON} AS flags_json"""

_STATEMENT_COLUMNS = """s.article_id, s.kind, s.content_text AS content, s.cue_text AS cue,
    s.cue_lemma, s.speaker, s.speaker_mention_text AS speaker_mention, s.speaker_kind,
    s.stance, s.content_start AS start, s.content_end AS "end", s.sentence_index,
    s.confidence, s.speaker_mention_start AS speaker_start,
    s.speaker_mention_end AS speaker_end"""
_FIGURE_COLUMNS = """f.article_id, f.idx AS "index", f.value_low, f.value_high, f.qualifier,
    f.unit, f.category, f.count_unit, f.group_name AS "group", f.place, f.as_of, f.period,
    f.as_of_note, f.source, f.source_kind, f.status, f.span_text AS text,
    f.span_start AS start, f.span_end AS "end", f.sentence, f.sentence_index, f.part_of,
    f.place_name, f.place_region, f.place_country, f.place_lat, f.place_lon, f.place_precision,
    f.background"""


def contains(haystack: str | None, needle: str | None) -> bool:
    """Case-insensitive substring test (Unicode casefolding, unlike SQLite's LIKE)."""
    if haystack is None or needle is None:
        return False
    return needle.casefold() in haystack.casefold()


def fts_query(search: str) -> str | None:
    """A MATCH expression that finds every word of `search`, or None when it has no words.

    Each word becomes a quoted FTS5 string, so quotes, AND/OR/NOT, NEAR, `*`,
    `:` and parentheses typed by a user are searched for as text, never parsed.
    """
    words = _WORD.findall(search)
    if not words:
        return None
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


# Shared with store/ledger.py: paging values (-1 is SQLite's "no limit").
def page_limit(limit: int | None) -> int:
    return _NO_LIMIT if limit is None else max(int(limit), 0)


def page_offset(offset: int | None) -> int:
    return 0 if offset is None else max(int(offset), 0)


def figure_dict(row: sqlite3.Row) -> dict[str, Any]:
    """A figure row as the store hands it out: `background` a bool (stored 0/1)."""
    figure = dict(row)
    figure["background"] = bool(figure["background"])
    return figure


def _article_dict(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "url": row["url"],
        "title": row["title"],
        "published": row["published"],
        "published_raw": row["published_raw"],
        "outlet": row["outlet"],
        "source": {"path": row["source_path"], "record": row["source_record"]},
        "flags": json.loads(row["flags_json"]),
        "summary": json.loads(row["summary"]) if row["summary"] is not None else None,
    }


def articles(
    connection: sqlite3.Connection,
    search: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[dict[str, Any]]:
    if search is None or not search.strip():
        rows = connection.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles a ORDER BY a.seq LIMIT ? OFFSET ?",
            (page_limit(limit), page_offset(offset)),
        )
    else:
        match = fts_query(search)
        if match is None:
            return
        rows = connection.execute(
            f"""SELECT {_ARTICLE_COLUMNS} FROM articles a
                JOIN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) m
                  ON m.rowid = a.seq
                ORDER BY a.seq LIMIT ? OFFSET ?""",
            (match, page_limit(limit), page_offset(offset)),
        )
    for row in rows:
        yield _article_dict(row)


def articles_by_id(connection: sqlite3.Connection, ids: Iterable[str]) -> Iterator[dict[str, Any]]:
    """The article objects (no text) of these ids, those that are stored, in ingest order."""
    found = []
    for chunk, marks in _id_chunks(ids):
        found.extend(
            connection.execute(
                f"SELECT {_ARTICLE_COLUMNS}, a.seq FROM articles a WHERE a.id IN ({marks})",
                chunk,
            )
        )
    for row in sorted(found, key=lambda row: row["seq"]):
        yield _article_dict(row)


def article(connection: sqlite3.Connection, article_id: str) -> dict[str, Any]:
    row = connection.execute(
        f"SELECT {_ARTICLE_COLUMNS}, a.text FROM articles a WHERE a.id = ?", (article_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no article with id {article_id!r} in the ledger")
    result = _article_dict(row)
    result["text"] = row["text"]
    result["statements"] = list(statements(connection, Filters(article_id=article_id)))
    result["figures"] = list(figures_of(connection, article_id))
    return result


def rejects(
    connection: sqlite3.Connection, limit: int | None = None, offset: int = 0
) -> Iterator[dict[str, Any]]:
    rows = connection.execute(
        """SELECT source_path AS path, source_record AS record, reason, excerpt
           FROM rejects ORDER BY id LIMIT ? OFFSET ?""",
        (page_limit(limit), page_offset(offset)),
    )
    for row in rows:
        yield dict(row)


def statements(
    connection: sqlite3.Connection,
    filters: Filters | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[dict[str, Any]]:
    """Statements matching `filters` (speaker, article_id, kind), in ingest order."""
    clause, values = where(STATEMENT_CONDITIONS, filters)
    rows = connection.execute(
        f"""SELECT {_STATEMENT_COLUMNS} FROM articles a
            CROSS JOIN statements s ON s.article_id = a.id
            {clause}
            ORDER BY a.seq, s.idx LIMIT :limit OFFSET :offset""",
        {**values, "limit": page_limit(limit), "offset": page_offset(offset)},
    )
    for row in rows:
        yield dict(row)


def figures(
    connection: sqlite3.Connection,
    filters: Filters | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[dict[str, Any]]:
    """Figures matching `filters` (category, group, place, source, dates), in ingest order."""
    clause, values = where(FIGURE_CONDITIONS, filters)
    rows = connection.execute(
        f"""SELECT {_FIGURE_COLUMNS} FROM articles a
            CROSS JOIN figures f ON f.article_id = a.id
            {clause}
            ORDER BY a.seq, f.idx LIMIT :limit OFFSET :offset""",
        {**values, "limit": page_limit(limit), "offset": page_offset(offset)},
    )
    for row in rows:
        yield figure_dict(row)


def figures_of(connection: sqlite3.Connection, article_id: str) -> Iterator[dict[str, Any]]:
    rows = connection.execute(
        f"SELECT {_FIGURE_COLUMNS} FROM figures f WHERE f.article_id = ? ORDER BY f.idx",
        (article_id,),
    )
    for row in rows:
        yield figure_dict(row)


def counts(connection: sqlite3.Connection) -> dict[str, Any]:
    def count(table: str) -> int:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    return {
        "articles": count("articles"),
        "statements": count("statements"),
        "figures": count("figures"),
        "rejects": count("rejects"),
        "flags": {
            row[0]: row[1]
            for row in connection.execute(
                "SELECT kind, count(*) FROM flags GROUP BY kind ORDER BY kind"
            )
        },
    }


def stored_positions(connection: sqlite3.Connection, ids: Iterable[str]) -> dict[str, int]:
    """Ingest order of each of these ids that is stored."""
    positions: dict[str, int] = {}
    for chunk, marks in _id_chunks(ids):
        rows = connection.execute(f"SELECT id, seq FROM articles WHERE id IN ({marks})", chunk)
        positions.update((row[0], row[1]) for row in rows)
    return positions


def _id_chunks(ids: Iterable[str]) -> Iterator[tuple[list[str], str]]:
    """The distinct ids in chunks of ID_CHUNK, each with its "?, ?, ..." placeholders:
    chunked to stay under SQLite's bound-parameter limit on old builds."""
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), ID_CHUNK):
        chunk = unique[start : start + ID_CHUNK]
        yield chunk, ",".join("?" * len(chunk))


def last_position(connection: sqlite3.Connection) -> int:
    return connection.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]


def near_duplicate_candidates(
    connection: sqlite3.Connection, hashes: Iterable[int]
) -> list[tuple[int, str, bytes]]:
    """(ingest order, id, signature bytes) of stored articles sharing any band hash, by order."""
    unique = list(dict.fromkeys(hashes))
    if not unique:
        return []
    marks = ",".join("?" * len(unique))
    rows = connection.execute(
        f"""SELECT a.seq, a.id, s.hashvalues
            FROM (SELECT DISTINCT article_seq FROM near_duplicate_bands WHERE hash IN ({marks})) b
            JOIN articles a ON a.seq = b.article_seq
            JOIN near_duplicate_signatures s ON s.article_seq = b.article_seq
            ORDER BY a.seq""",
        unique,
    )
    return [(row[0], row[1], row[2]) for row in rows]
