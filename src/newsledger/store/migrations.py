"""The ledger schema as an ordered list of migrations, and the code that applies them.

Each migration is data: a version number, a one-line description and the SQL
statements that take a database from the previous version to this one. The
version a database is at lives in `PRAGMA user_version`; opening a database
applies every migration above it, each in its own transaction together with the
version bump, so a crash mid-migration leaves the previous version intact.
Never edit a released migration: append a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from newsledger.errors import StoreError

__all__ = ["MIGRATIONS", "Migration", "apply_migrations", "latest_version", "schema_version"]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, flags, statements, figures, rejects",
        (
            # `seq` is the ingest order; it is also the full-text index rowid.
            """CREATE TABLE articles (
                id TEXT PRIMARY KEY,
                seq INTEGER NOT NULL UNIQUE,
                url TEXT,
                title TEXT,
                published TEXT,
                published_raw TEXT,
                outlet TEXT,
                text TEXT NOT NULL,
                source_path TEXT NOT NULL,
                source_record TEXT NOT NULL,
                analysed INTEGER NOT NULL DEFAULT 0,
                summary TEXT,
                ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
            )""",
            "CREATE INDEX articles_published ON articles (published)",
            "CREATE INDEX articles_outlet ON articles (outlet)",
            """CREATE TABLE flags (
                article_id TEXT NOT NULL REFERENCES articles (id),
                idx INTEGER NOT NULL,
                kind TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT '',
                suggested TEXT,
                PRIMARY KEY (article_id, idx)
            ) WITHOUT ROWID""",
            "CREATE INDEX flags_kind ON flags (kind)",
            """CREATE TABLE statements (
                article_id TEXT NOT NULL REFERENCES articles (id),
                idx INTEGER NOT NULL,
                kind TEXT NOT NULL,
                content_text TEXT NOT NULL,
                content_start INTEGER NOT NULL,
                content_end INTEGER NOT NULL,
                cue_text TEXT,
                cue_start INTEGER,
                cue_end INTEGER,
                cue_lemma TEXT,
                speaker_mention_text TEXT,
                speaker_mention_start INTEGER,
                speaker_mention_end INTEGER,
                speaker TEXT,
                speaker_kind TEXT,
                stance TEXT NOT NULL,
                sentence_index INTEGER NOT NULL,
                confidence REAL NOT NULL,
                PRIMARY KEY (article_id, idx)
            ) WITHOUT ROWID""",
            "CREATE INDEX statements_kind ON statements (kind)",
            "CREATE INDEX statements_speaker ON statements (speaker)",
            """CREATE TABLE figures (
                article_id TEXT NOT NULL REFERENCES articles (id),
                idx INTEGER NOT NULL,
                value_low REAL NOT NULL,
                value_high REAL NOT NULL,
                qualifier TEXT NOT NULL,
                unit TEXT,
                category TEXT NOT NULL,
                count_unit TEXT,
                group_name TEXT,
                place TEXT,
                as_of TEXT,
                period TEXT,
                as_of_note TEXT,
                source TEXT,
                source_mention_text TEXT,
                source_mention_start INTEGER,
                source_mention_end INTEGER,
                source_kind TEXT,
                status TEXT NOT NULL,
                span_text TEXT NOT NULL,
                span_start INTEGER NOT NULL,
                span_end INTEGER NOT NULL,
                sentence TEXT NOT NULL,
                sentence_index INTEGER NOT NULL,
                part_of INTEGER,
                PRIMARY KEY (article_id, idx)
            ) WITHOUT ROWID""",
            "CREATE INDEX figures_category ON figures (category)",
            "CREATE INDEX figures_as_of ON figures (as_of)",
            "CREATE INDEX figures_source ON figures (source)",
            # The UNIQUE key makes a re-run upsert the same reject instead of adding one.
            """CREATE TABLE rejects (
                id INTEGER PRIMARY KEY,
                source_path TEXT NOT NULL,
                source_record TEXT NOT NULL,
                reason TEXT NOT NULL,
                excerpt TEXT NOT NULL DEFAULT '',
                UNIQUE (source_path, source_record, reason)
            )""",
        ),
    ),
    Migration(
        2,
        "full-text index over article title and text",
        (
            # Contentless: the text already lives in `articles`; rows are added by
            # explicit inserts in the same transaction as the article (never deleted).
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='')",
            "INSERT INTO articles_fts (rowid, title, text) "
            "SELECT seq, coalesce(title, ''), text FROM articles",
        ),
    ),
    Migration(
        3,
        "near-duplicate signatures: MinHash values and LSH band hashes",
        (
            """CREATE TABLE near_duplicate_signatures (
                article_seq INTEGER PRIMARY KEY REFERENCES articles (seq),
                hashvalues BLOB NOT NULL
            )""",
            # Looked up by band hash; the band number is already mixed into the hash.
            """CREATE TABLE near_duplicate_bands (
                hash INTEGER NOT NULL,
                article_seq INTEGER NOT NULL REFERENCES articles (seq),
                band INTEGER NOT NULL,
                PRIMARY KEY (hash, article_seq)
            ) WITHOUT ROWID""",
        ),
    ),
    Migration(
        4,
        "consolidated ledger: entities, aliases, ledger entries, citations, conflicts",
        (
            # Rebuilt as a whole by newsledger.consolidate; ids are assigned in a
            # deterministic order, so a rebuild of the same figures gives the same rows.
            """CREATE TABLE entities (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                mentions INTEGER NOT NULL
            )""",
            # Every surface form seen (and every alias-table form) -> its entity.
            """CREATE TABLE entity_aliases (
                alias TEXT PRIMARY KEY,
                entity_id INTEGER NOT NULL REFERENCES entities (id)
            ) WITHOUT ROWID""",
            "CREATE INDEX entity_aliases_entity ON entity_aliases (entity_id)",
            """CREATE TABLE ledger_entries (
                id INTEGER PRIMARY KEY,
                entity_id INTEGER REFERENCES entities (id),
                source TEXT,
                -- the timeline order of sources: case-folded name, unattributed last
                source_order TEXT NOT NULL,
                source_kind TEXT,
                category TEXT NOT NULL,
                group_name TEXT,
                place TEXT,
                as_of TEXT,
                value_low REAL NOT NULL,
                value_high REAL NOT NULL,
                qualifier TEXT NOT NULL,
                status TEXT NOT NULL,
                citation_count INTEGER NOT NULL
            )""",
            # The timeline order (source, as_of) under the common category filter.
            """CREATE INDEX ledger_entries_timeline
               ON ledger_entries (category, source_order, as_of, id)""",
            "CREATE INDEX ledger_entries_order ON ledger_entries (source_order, as_of, id)",
            "CREATE INDEX ledger_entries_entity ON ledger_entries (entity_id)",
            """CREATE TABLE ledger_citations (
                entry_id INTEGER NOT NULL REFERENCES ledger_entries (id),
                article_id TEXT NOT NULL REFERENCES articles (id),
                figure_idx INTEGER NOT NULL,
                PRIMARY KEY (entry_id, article_id, figure_idx)
            ) WITHOUT ROWID""",
            "CREATE INDEX ledger_citations_figure ON ledger_citations (article_id, figure_idx)",
            """CREATE TABLE conflicts (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                category TEXT NOT NULL,
                group_name TEXT,
                place TEXT,
                as_of TEXT,
                entry_a INTEGER NOT NULL REFERENCES ledger_entries (id),
                entry_b INTEGER NOT NULL REFERENCES ledger_entries (id),
                detail TEXT NOT NULL
            )""",
            "CREATE INDEX conflicts_category ON conflicts (category)",
        ),
    ),
    Migration(
        5,
        "the ingest position the consolidated ledger was last built at",
        (
            # One row; a ledger older than the newest article is rebuilt by the next
            # ingest even when that ingest accepts nothing (a crash between the last
            # batch and the rebuild).
            """CREATE TABLE ledger_state (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                built_position INTEGER NOT NULL
            )""",
        ),
    ),
    Migration(
        6,
        "ledger entry grades: independent outlets, source kinds, report range, grade",
        (
            # Set when the ledger is rebuilt (newsledger.consolidate.grades); an older
            # ledger is marked stale so that the next ingest rebuilds and grades it.
            "ALTER TABLE ledger_entries ADD COLUMN grade TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE ledger_entries ADD COLUMN outlets INTEGER NOT NULL DEFAULT 0",
            # the kinds of source among its citations, comma separated (party, monitor...)
            "ALTER TABLE ledger_entries ADD COLUMN source_kinds TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE ledger_entries ADD COLUMN report_low REAL",
            "ALTER TABLE ledger_entries ADD COLUMN report_high REAL",
            "CREATE INDEX ledger_entries_grade ON ledger_entries (grade, source_order, as_of, id)",
            "UPDATE ledger_state SET built_position = 0",
        ),
    ),
    Migration(
        7,
        "figure places resolved by the gazetteer, and background figures",
        (
            # Filled by extraction (newsledger.extract.figures.place / background); rows
            # stored before this version keep NULL places and background 0 until re-ingested.
            "ALTER TABLE figures ADD COLUMN place_name TEXT",
            "ALTER TABLE figures ADD COLUMN place_region TEXT",
            "ALTER TABLE figures ADD COLUMN place_country TEXT",
            "ALTER TABLE figures ADD COLUMN place_lat REAL",
            "ALTER TABLE figures ADD COLUMN place_lon REAL",
            "ALTER TABLE figures ADD COLUMN place_precision TEXT",
            "ALTER TABLE figures ADD COLUMN background INTEGER NOT NULL DEFAULT 0",
            "CREATE INDEX figures_place_country ON figures (place_country)",
        ),
    ),
    Migration(
        8,
        "ledger entries keep their place's country and region",
        (
            # Set when the ledger is rebuilt: an older ledger is marked stale.
            "ALTER TABLE ledger_entries ADD COLUMN place_region TEXT",
            "ALTER TABLE ledger_entries ADD COLUMN place_country TEXT",
            "UPDATE ledger_state SET built_position = 0",
        ),
    ),
)


def latest_version() -> int:
    return MIGRATIONS[-1].version


def schema_version(connection: sqlite3.Connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


def apply_migrations(
    connection: sqlite3.Connection,
    *,
    upto: int | None = None,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> int:
    """Bring the database to version `upto` (default: the latest); return the version reached.

    The connection must be in autocommit mode (isolation_level=None). Each
    migration re-reads the version after taking the write lock, so two
    processes opening the same new file at once do not both apply it.
    """
    newest = migrations[-1].version
    target = newest if upto is None else upto
    current = schema_version(connection)
    if current > newest:
        raise StoreError(
            f"the ledger database is at schema version {current}, newer than this "
            f"newsledger understands ({newest}); upgrade newsledger"
        )
    for migration in migrations:
        if migration.version > target:
            break
        if migration.version <= current:
            continue
        connection.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(connection) >= migration.version:
                connection.execute("COMMIT")
                continue
            for statement in migration.statements:
                connection.execute(statement)
            # user_version is part of the database header, so it commits (or
            # rolls back) atomically with the schema change.
            connection.execute(f"PRAGMA user_version = {int(migration.version)}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        current = migration.version
    return schema_version(connection)
