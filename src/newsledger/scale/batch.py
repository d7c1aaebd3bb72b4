"""The Dask batch: the per-article analysis mapped over input shards, results to Parquet.

`run_batch` plans the shards (newsledger.scale.shards), sends each to a Dask
worker, which reads it with the readers and quality checks, analyses its
articles with `analysis.analyse_batch` (the function ingest uses; the
pipeline is loaded once per worker process, `load_pipeline` being cached) and
returns the shard's four Parquet tables as bytes. The client writes them
under `out` with names fixed by the shard (a re-run overwrites instead of
adding), a few shards in flight at a time so memory stays flat, and finally
`manifest.json`, which lists the shards in input order for `load`.
Without a scheduler address it starts a LocalCluster on 127.0.0.1.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from newsledger.models import Article, Reject
from newsledger.scale.shards import DEFAULT_SHARD_SIZE, Shard, plan_shards, read_shard
from newsledger.scale.tables import TABLES, tables_from_records

__all__ = ["MANIFEST", "BatchReport", "analyse_shard", "run_batch", "shard_file"]

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
# Shards submitted per worker before the client waits for one to finish.
SHARDS_IN_FLIGHT_PER_WORKER = 2


@dataclass(slots=True)
class BatchReport:
    """What a batch run wrote: per-shard counts in input order, and totals."""

    out: str
    shards: list[dict] = field(default_factory=list)
    elapsed: float = 0.0

    def total(self, name: str) -> int:
        return sum(shard[name] for shard in self.shards)


def shard_file(out: str | os.PathLike[str], shard_name: str, table: str) -> Path:
    return Path(out) / f"{shard_name}.{table}.parquet"


def analyse_shard(
    shard: Shard, format: str | None = None, fields: Mapping[str, str] | None = None
) -> dict:
    """Read, check and analyse one shard; its tables as Parquet bytes, and its counts."""
    from newsledger.analysis import analyse_batch

    records = list(read_shard(shard, format=format, fields=fields))
    articles = [record for record in records if isinstance(record, Article)]
    outcomes = iter(analyse_batch(articles) if articles else [])
    shard_records = [
        record if isinstance(record, Reject) else (record, next(outcomes)) for record in records
    ]
    tables = tables_from_records(shard_records)
    payload = {}
    for name, table in tables.items():
        buffer = io.BytesIO()
        pq.write_table(table, buffer)
        payload[name] = buffer.getvalue()
    counts = {name: tables[name].num_rows for name in TABLES}
    return {"index": shard.index, "name": shard.name, "tables": payload, "counts": counts}


@contextmanager
def _client(scheduler: str | None, workers: int):
    from distributed import Client, LocalCluster

    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".partial")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    scheduler: str | None = None,
    workers: int = 1,
    shard_size: int = DEFAULT_SHARD_SIZE,
    format: str | None = None,  # noqa: A002 - the ingest keyword
    fields: Mapping[str, str] | None = None,
    on_shard: Callable[[dict], None] | None = None,
) -> BatchReport:
    """Analyse `inputs` shard by shard on a Dask cluster and write Parquet shards to `out`.

    `scheduler` is a Dask scheduler address (tcp://host:8786); without it a
    LocalCluster of `workers` processes runs on this machine. `on_shard`
    receives each finished shard's entry (index, name, counts) as it lands.
    """
    from distributed import as_completed

    started = time.perf_counter()
    shards = plan_shards(inputs, shard_size=shard_size, format=format)
    Path(out).mkdir(parents=True, exist_ok=True)
    entries: dict[int, dict] = {}
    with _client(scheduler, workers) as client:
        window = SHARDS_IN_FLIGHT_PER_WORKER * max(len(client.scheduler_info()["workers"]), 1)
        queue = iter(shards)
        running = as_completed(
            [
                client.submit(analyse_shard, shard, format, fields, pure=False)
                for shard in itertools.islice(queue, window)
            ]
        )
        for future in running:
            result = future.result()
            future.release()
            for name, data in result["tables"].items():
                _write_atomic(shard_file(out, result["name"], name), data)
            entry = {"index": result["index"], "name": result["name"], **result["counts"]}
            entries[entry["index"]] = entry
            if on_shard is not None:
                on_shard(entry)
            following = next(queue, None)
            if following is not None:
                running.add(client.submit(analyse_shard, following, format, fields, pure=False))
    report = BatchReport(str(out), [entries[shard.index] for shard in shards])
    for shard, entry in zip(shards, report.shards, strict=True):
        entry["input"] = shard.describe()
    manifest = {
        "version": MANIFEST_VERSION,
        "inputs": [os.fspath(path) for path in inputs],
        "shard_size": shard_size,
        "shards": report.shards,
    }
    _write_atomic(Path(out) / MANIFEST, json.dumps(manifest, indent=1).encode("utf-8") + b"\n")
    report.elapsed = time.perf_counter() - started
    return report
