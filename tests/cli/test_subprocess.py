"""The CLI as a user runs it: `python -m newsledger` in a real process, stderr not a TTY."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cli_helpers import GOOD_RECORD, SEED, WRONG_DATE_RECORD, needs_shared, write


def newsledger(*args: object, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("NEWSLEDGER_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "newsledger", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=600,
    )


def test_ingest_then_list_in_a_real_process(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    good = write(tmp_path / "good.txt", GOOD_RECORD)
    empty = write(tmp_path / "empty.txt", "")
    run = newsledger("ingest", "--no-analysis", "--db", db, empty, good)
    assert run.returncode == 3, run.stderr
    assert str(empty) in run.stderr
    # No progress bar off a terminal (no cursor control codes), but the summary prints.
    assert "\x1b[" not in run.stderr
    assert "accepted 1" in run.stderr and "rejected 1" in run.stderr
    listed = json.loads(newsledger("articles", "--db", db, "--format", "json").stdout)
    assert [a["title"] for a in listed] == [GOOD_RECORD.splitlines()[0]]


def test_exit_codes_in_a_real_process(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    good = write(tmp_path / "good.txt", WRONG_DATE_RECORD)
    assert newsledger("ingest", "--no-analysis", "--db", db, good).returncode == 0
    assert newsledger("ingest", "--db", db, "--field", "oops", good).returncode == 2
    assert newsledger("ingest", "--db", db, "--format", "pdf", good).returncode == 2
    assert newsledger("show", "missing-id", "--db", db).returncode == 1


def test_seed_with_analysis_in_a_real_process(tmp_path: Path) -> None:
    """The smallest end-to-end run of the product: the seed record with the spaCy pass."""
    needs_shared()
    db = tmp_path / "ledger.db"
    run = newsledger("ingest", "--db", db, SEED)
    assert run.returncode == 0, run.stderr
    (article,) = json.loads(newsledger("articles", "--db", db, "--format", "json").stdout)
    shown = json.loads(newsledger("show", article["id"], "--db", db, "--format", "json").stdout)
    assert {"date_inconsistent"} <= {f["kind"] for f in shown["flags"]}
    assert isinstance(shown["statements"], list) and isinstance(shown["figures"], list)
    summary = newsledger("summary", "--db", db)
    assert summary.returncode == 0, summary.stderr
    assert "Articles: 1" in summary.stdout
