"""The Store: one SQLite ledger file, opened, migrated and written through one object.

The Store owns the connection and its settings (WAL journal so readers never
block the writer, synchronous=NORMAL which WAL makes crash-safe for committed
transactions, foreign keys, a busy timeout so a second process waits instead of
failing), runs the migrations on open, and wraps every batch write in one
transaction. Driver errors leave it as StoreError. The SQL itself lives in
`migrations`, `writes` and `queries`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

# The submodules themselves, not the package: store/__init__ imports this module.
import newsledger.store.dump as dump
import newsledger.store.ledger as ledger_sql
import newsledger.store.queries as queries
import newsledger.store.writes as writes
from newsledger.errors import StoreError
from newsledger.extract.figures.gazetteer import name_key
from newsledger.filters import Filters
from newsledger.models import Analysis, Article, Reject
from newsledger.quality.near_duplicates import Signature
from newsledger.source_names import source_matches
from newsledger.store.ledger import BuiltLedger
from newsledger.store.migrations import apply_migrations

__all__ = ["Store"]

MEMORY = ":memory:"
BUSY_TIMEOUT_MS = 30_000

# Whatever the caller built: rebuild_ledger hands it back unchanged.
Built = TypeVar("Built", bound=BuiltLedger)


def _name_key(name: str | None) -> str | None:
    """The gazetteer's key of a stored name (the place filter compares keys), None for none."""
    return name_key(name) if name else None


_PRAGMAS = (
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
)


class Store:
    """The ledger database. `Store(":memory:")` gives a private in-memory ledger.

    One Store is one connection: share it between threads only for reading.
    Concurrent writers (threads or processes) each open their own Store; WAL
    and the busy timeout let them take turns.
    """

    def __init__(self, path: str | os.PathLike[str] = MEMORY) -> None:
        self.path = str(path)
        try:
            # Autocommit mode: transactions are opened explicitly, so a batch is
            # exactly one transaction and nothing is committed behind our back.
            self._connection = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the ledger database {self.path}: {exc}") from exc
        try:
            self._connection.row_factory = sqlite3.Row
            self._connection.create_function(
                "newsledger_contains", 2, queries.contains, deterministic=True
            )
            self._connection.create_function(
                "newsledger_source_matches", 2, source_matches, deterministic=True
            )
            self._connection.create_function(
                "newsledger_name_key", 1, _name_key, deterministic=True
            )
            for pragma in _PRAGMAS:
                self._connection.execute(pragma)
            apply_migrations(self._connection)
        except sqlite3.Error as exc:
            self._connection.close()
            raise StoreError(f"cannot open the ledger database {self.path}: {exc}") from exc
        except BaseException:
            self._connection.close()
            raise

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._connection.close()

    # writes ---------------------------------------------------------------

    def write_batch(
        self,
        results: Sequence[tuple[Article, Analysis | None]],
        rejects: Sequence[Reject] = (),
        *,
        signatures: Mapping[str, Signature] | None = None,
    ) -> int:
        """Store articles (with their analysis) and rejects in one transaction.

        Articles whose id is already stored are skipped with their analysis;
        rejects are upserted on (path, record, reason). Returns how many
        articles were new. On any error nothing of the batch is kept.
        """
        try:
            self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        try:
            written = writes.write_batch(self._connection, results, rejects, signatures)
            self._connection.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        except BaseException:
            self._rollback()
            raise
        return written

    def _rollback(self) -> None:
        if self._connection.in_transaction:
            self._connection.execute("ROLLBACK")

    # lookups used by ingest ------------------------------------------------

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored."""
        return set(self.stored_positions(ids))

    def stored_positions(self, ids: Iterable[str]) -> dict[str, int]:
        """Ingest order (1, 2, ...) of each of these ids that is stored."""
        return self._read(queries.stored_positions, ids)

    def last_position(self) -> int:
        """The ingest order of the newest article, 0 for an empty ledger."""
        return self._read(queries.last_position)

    def near_duplicate_candidates(self, hashes: Iterable[int]) -> list[tuple[int, str, bytes]]:
        """(ingest order, id, signature bytes) of stored articles sharing a band hash."""
        return self._read(queries.near_duplicate_candidates, hashes)

    # queries --------------------------------------------------------------

    def articles(
        self, search: str | None = None, limit: int | None = None, offset: int = 0
    ) -> Iterator[dict]:
        """Article objects (no text) in ingest order; `search` is full-text, words ANDed."""
        return self._iterate(queries.articles, search=search, limit=limit, offset=offset)

    def articles_by_id(self, ids: Iterable[str]) -> Iterator[dict]:
        """The article objects (no text) of these ids that are stored, in ingest order."""
        return self._iterate(queries.articles_by_id, ids=ids)

    def article(self, article_id: str) -> dict[str, Any]:
        """One article with text, statements and figures; NotFoundError if absent."""
        return self._read(queries.article, article_id)

    def rejects(self, limit: int | None = None, offset: int = 0) -> Iterator[dict]:
        return self._iterate(queries.rejects, limit=limit, offset=offset)

    def statements(
        self,
        filters: Filters | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        **criteria: Any,
    ) -> Iterator[dict]:
        """Statements matching `filters` (or keyword criteria: speaker, article_id, kind)."""
        return self._iterate(
            queries.statements, filters=Filters.of(filters, **criteria), limit=limit, offset=offset
        )

    def figures(
        self,
        filters: Filters | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        **criteria: Any,
    ) -> Iterator[dict]:
        """Figures matching `filters` (or keyword criteria: category, group, source, place,
        source_id, since, until)."""
        return self._iterate(
            queries.figures, filters=Filters.of(filters, **criteria), limit=limit, offset=offset
        )

    def counts(self) -> dict[str, Any]:
        """articles, statements, figures, rejects, and flags as {kind: count}."""
        return self._read(queries.counts)

    def dump_tables(self) -> dict[str, list[tuple]]:
        """Every table as sorted rows without timestamps or surrogate ids (for comparisons)."""
        return self._read(dump.dump_tables)

    @property
    def schema_version(self) -> int:
        return self._read(
            lambda connection: connection.execute("PRAGMA user_version").fetchone()[0]
        )

    def data_version(self) -> int:
        """A number that changes whenever another connection (or process) commits a write."""
        return self._read(
            lambda connection: connection.execute("PRAGMA data_version").fetchone()[0]
        )

    # plumbing -------------------------------------------------------------

    def _read(self, query, *args: Any, **kwargs: Any) -> Any:
        try:
            return query(self._connection, *args, **kwargs)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read {self.path}: {exc}") from exc

    def _iterate(self, query, **kwargs: Any) -> Iterator[dict]:
        try:
            yield from query(self._connection, **kwargs)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read {self.path}: {exc}") from exc

    # the consolidated ledger (SQL in store/ledger.py; built by newsledger.consolidate) -----

    def ledger_is_stale(self) -> bool:
        """Whether articles were stored after the consolidated ledger was last built."""
        return self._read(ledger_sql.is_stale)

    def rebuild_ledger(self, build: Callable[[list[dict], list[tuple]], Built]) -> Built:
        """Replace the consolidated tables with `build(figures, name_uses)` in one transaction.

        The inputs are read inside the same write transaction, so the rebuilt
        ledger matches exactly the figures stored when it committed. The caller
        (newsledger.consolidate) passes the building in; the store only writes
        what `build` returns.
        """
        try:
            self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        try:
            tables = build(*ledger_sql.read_inputs(self._connection))
            ledger_sql.replace(self._connection, tables)
            self._connection.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(f"cannot rebuild the ledger in {self.path}: {exc}") from exc
        except BaseException:
            self._rollback()
            raise
        return tables

    def ledger(
        self,
        filters: Filters | None = None,
        *,
        latest_first: bool = False,
        limit: int | None = None,
        offset: int = 0,
        **criteria: Any,
    ) -> Iterator[dict]:
        """Timeline rows (ledger entries with citations), by source then as-of date.

        `filters` (or keyword criteria: category, group, place, source, source_id,
        since, until, grade) choose the entries.
        """
        return self._iterate(
            ledger_sql.ledger,
            filters=Filters.of(filters, **criteria),
            latest_first=latest_first,
            limit=limit,
            offset=offset,
        )

    def conflicts(
        self, category: str | None = None, limit: int | None = None, offset: int = 0
    ) -> Iterator[dict]:
        """Disagreements and decreases, each with its two entries and their citations."""
        return self._iterate(ledger_sql.conflicts, category=category, limit=limit, offset=offset)

    def entities(
        self, search: str | None = None, limit: int | None = None, offset: int = 0
    ) -> Iterator[dict]:
        """People and bodies across articles, with aliases and mention counts."""
        return self._iterate(ledger_sql.entities, search=search, limit=limit, offset=offset)
