"""The Dask scale-out: batch on a 2-worker LocalCluster, load, and compare with ingest.

The inputs are own-words: a record directory (cut into groups of files) and a
JSONL feed (cut into line ranges) with a broken line, a repeated URL and a
near-duplicate copy. The loaded ledger must hold exactly the rows a local
`ingest` of the same inputs stores.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from own_words import write_jsonl, write_record_dir

from newsledger.ingest import ingest
from newsledger.readers import read_inputs
from newsledger.scale.batch import MANIFEST, run_batch
from newsledger.scale.load import load_shards
from newsledger.scale.shards import plan_shards, read_shard
from newsledger.store import Store

SHARD_SIZE = 4


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    root = tmp_path_factory.mktemp("scale-inputs")
    records = write_record_dir(root / "records", first=20)
    feed = write_jsonl(root / "feed.jsonl", first=0, count=9)
    return [str(records), str(feed), str(root / "missing.jsonl")]


@pytest.fixture(scope="module")
def local_dump(inputs: list[str]) -> dict:
    with Store(":memory:") as store:
        ingest(inputs, store, workers=1)
        return store.dump_tables()


@pytest.fixture(scope="module")
def batch_dir(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scale-out")
    report = run_batch(inputs, out, workers=2, shard_size=SHARD_SIZE)
    assert len(report.shards) == len(plan_shards(inputs, shard_size=SHARD_SIZE))
    return out


def test_shards_read_the_same_records_as_the_readers(inputs: list[str]) -> None:
    shards = plan_shards(inputs, shard_size=SHARD_SIZE)
    line_ranges = [shard for shard in shards if shard.is_line_range]
    assert len(line_ranges) == 3  # 12 lines in ranges of 4
    assert [shard.first_line for shard in line_ranges] == [1, 5, 9]
    sharded = [record for shard in shards for record in read_shard(shard)]
    assert sharded == list(read_inputs(inputs))


def test_loaded_batch_equals_local_ingest(batch_dir: Path, local_dump: dict, tmp_path) -> None:
    with Store(tmp_path / "loaded.db") as store:
        report = load_shards(batch_dir, store)
        assert report.accepted > 0 and report.rejected > 0
        loaded = store.dump_tables()
    assert loaded["figures"] and loaded["statements"] and loaded["near_duplicate_bands"]
    assert loaded == local_dump


def test_load_twice_stores_nothing_twice(batch_dir: Path, local_dump: dict) -> None:
    with Store(":memory:") as store:
        load_shards(batch_dir, store)
        again = load_shards(batch_dir, store)
        assert again.accepted == 0
        assert store.dump_tables() == local_dump


def test_rerun_overwrites_the_same_files(
    batch_dir: Path, inputs: list[str], local_dump: dict
) -> None:
    before = sorted(path.name for path in batch_dir.iterdir())
    assert MANIFEST in before
    assert len(before) == 1 + 4 * len(plan_shards(inputs, shard_size=SHARD_SIZE))
    run_batch(inputs, batch_dir, workers=1, shard_size=SHARD_SIZE)
    assert sorted(path.name for path in batch_dir.iterdir()) == before
    with Store(":memory:") as store:
        load_shards(batch_dir, store)
        assert store.dump_tables() == local_dump
