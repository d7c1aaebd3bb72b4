"""Loading a Dask batch's Parquet shards into a ledger, through ingest's own path.

The shards are read one at a time in the manifest's (input) order and their
records, already analysed, go to `ingest.ingest_records` as
(Article, Analysis) pairs and Rejects. So dedup, near-duplicate links and
consolidation are done exactly as a local ingest of the same input does them,
and loading twice stores nothing twice.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow.parquet as pq

from newsledger.errors import InputError
from newsledger.scale.batch import MANIFEST, MANIFEST_VERSION, shard_file
from newsledger.scale.tables import TABLES, ShardRecord, records_from_tables

if TYPE_CHECKING:
    from newsledger.ingest import IngestReport, ProgressCallback
    from newsledger.store import Store

__all__ = ["load_shards", "read_manifest", "shard_records"]


def read_manifest(directory: str | os.PathLike[str]) -> dict:
    """The batch's manifest; InputError when it is missing or not one."""
    path = Path(directory) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"no batch results in {directory}: cannot read {path}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not a batch manifest: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("version") != MANIFEST_VERSION:
        raise InputError(f"{path} is not a version {MANIFEST_VERSION} batch manifest")
    return manifest


def shard_records(directory: str | os.PathLike[str]) -> Iterator[ShardRecord]:
    """Every record of the batch in input order, one shard in memory at a time."""
    for entry in read_manifest(directory)["shards"]:
        tables = {}
        for table in TABLES:
            path = shard_file(directory, entry["name"], table)
            try:
                tables[table] = pq.read_table(path)
            except (OSError, ValueError) as exc:
                raise InputError(f"cannot read shard file {path}: {exc}") from exc
        yield from records_from_tables(tables)


def load_shards(
    directory: str | os.PathLike[str],
    store: Store,
    *,
    batch_size: int = 200,
    on_progress: ProgressCallback | None = None,
    near_duplicate_threshold: float | None = None,
) -> IngestReport:
    """Merge the batch results in `directory` into `store` (idempotent)."""
    from newsledger.ingest import ingest_records
    from newsledger.quality.near_duplicates import DEFAULT_THRESHOLD

    read_manifest(directory)  # fail before opening anything when it is not a batch
    return ingest_records(
        shard_records(directory),
        store,
        batch_size=batch_size,
        on_progress=on_progress,
        near_duplicate_threshold=(
            DEFAULT_THRESHOLD if near_duplicate_threshold is None else near_duplicate_threshold
        ),
    )
