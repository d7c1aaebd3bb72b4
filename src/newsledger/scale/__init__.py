"""Scale-out: the per-article analysis mapped over input shards on Dask, and back.

`run_batch` (Dask, Parquet shards) and `load_shards` (Parquet into a ledger
through ingest) are the library behind `newsledger batch` and `newsledger load`;
`plan_shards` and `read_shard` cut the inputs; `tables` is the Parquet layout.
Dask and pyarrow are imported only by the modules that need them.
"""

from __future__ import annotations

__all__ = ["load_shards", "plan_shards", "read_shard", "run_batch"]


def __getattr__(name: str):
    # Lazy: `import newsledger.scale` must not start importing Dask.
    if name == "run_batch":
        from newsledger.scale.batch import run_batch

        return run_batch
    if name == "load_shards":
        from newsledger.scale.load import load_shards

        return load_shards
    if name in ("plan_shards", "read_shard"):
        from newsledger.scale import shards

        return getattr(shards, name)
    raise AttributeError(name)
