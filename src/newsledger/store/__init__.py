"""The ledger store: the only package that talks to the database.

`Store(path)` opens (or creates) one SQLite file, brings its schema up to date
and offers the write and query API documented in DEVELOPERS.md ("The store
API"). Submodules: `migrations` (the schema as versioned data), `writes`
(batch writes), `queries` (the dict shapes interfaces show), `dump` (a
canonical dump for comparing ledgers), `database` (the Store itself).
"""

from __future__ import annotations

from newsledger.store.database import Store

__all__ = ["Store"]
