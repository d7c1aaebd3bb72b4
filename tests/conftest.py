"""Session fixtures shared across test folders.

`ukraine_db`: the whole ../shared/data/corpus/ukraine-2022.jsonl (685 records)
ingested once per test session by `python -m newsledger ingest` (real analysis
and consolidation) into a temporary ledger file; the entity-junk tests
(tests/consolidate) and the dashboard acceptance test (tests/web) read the same
ledger, so the corpus is analysed once. Skipped with a message when ../shared is
absent.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
UKRAINE_CORPUS = REPO_ROOT.parent / "shared" / "data" / "corpus" / "ukraine-2022.jsonl"
# One ingest of the corpus takes 1-2 minutes on 2 cores; this bounds a stalled one.
INGEST_TIMEOUT_SECONDS = 900


@pytest.fixture(scope="session")
def ukraine_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ukraine-2022 corpus of ../shared, ingested once per session (real analysis)."""
    if not UKRAINE_CORPUS.exists():
        pytest.skip(f"{UKRAINE_CORPUS} is missing: this test reads the corpus in ../shared")
    db = tmp_path_factory.mktemp("ukraine") / "ukraine.db"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("NEWSLEDGER_DB", None)
    done = subprocess.run(
        [sys.executable, "-m", "newsledger", "ingest", "--db", str(db), str(UKRAINE_CORPUS)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=INGEST_TIMEOUT_SECONDS,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return db
