"""Kill -9 in the middle of a real ingest, run it again, compare with an uninterrupted run.

    .venv/bin/python benchmarks/kill_resume.py ../shared/data/corpus/wikinews-text.jsonl

Runs `newsledger ingest` on INPUT once without interruption (database A), then
again into database B, sends SIGKILL once B holds --kill-after articles, runs
the same command on B to completion, and compares a canonical dump of every
table (articles, flags, statements, figures, rejects, entities, ledger entries,
citations, conflicts: `Store.dump_tables`). Prints the row counts of each
table and whether A and B are identical; exit status 1 when they differ.
Also prints how many ledger entries B held right after the kill: the ledger is
rebuilt as the run goes on (--consolidate-every), so a stopped run leaves one.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsledger.store import Store

COMPLETED = {0, 3}  # all accepted / some records rejected


def _command(db: Path, source: str, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "newsledger", "ingest", "--db", str(db), source, *extra]


def _run(db: Path, source: str, extra: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(_command(db, source, extra), capture_output=True, text=True)
    if done.returncode not in COMPLETED:
        sys.exit(f"ingest failed ({done.returncode}):\n{done.stderr[-2000:]}")
    print(f"  {done.stderr.strip().splitlines()[-2 if done.returncode == 3 else -1]}")
    return time.perf_counter() - started


def _count(db: Path, what: str) -> int:
    try:
        with Store(db) as store:
            return store.counts()[what]
    except Exception:  # noqa: BLE001 - the file may be mid-creation
        return 0


def _kill_midway(db: Path, source: str, extra: list[str], after: int) -> int:
    process = subprocess.Popen(
        _command(db, source, extra), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    while process.poll() is None and _count(db, "articles") < after:
        time.sleep(0.2)
    if process.poll() is not None:
        sys.exit("the run ended before the kill point: lower --kill-after")
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return _count(db, "articles")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input")
    parser.add_argument(
        "--kill-after", type=int, default=800, help="articles stored before the kill"
    )
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    extra = ["--workers", str(args.workers)]
    with tempfile.TemporaryDirectory() as folder:
        whole, resumed = Path(folder, "whole.db"), Path(folder, "resumed.db")
        print(f"uninterrupted run of {args.input}:")
        seconds = _run(whole, args.input, extra)
        print(f"  {seconds:.1f} s")
        stored = _kill_midway(resumed, args.input, extra, args.kill_after)
        with Store(resumed) as store:
            entries = sum(1 for _ in store.ledger())
            print(
                f"killed with SIGKILL at {stored:,} stored articles; ledger entries then: {entries}"
            )
        print("the same command again:")
        _run(resumed, args.input, extra)
        with Store(whole) as a, Store(resumed) as b:
            first, second = a.dump_tables(), b.dump_tables()
        for table, rows in first.items():
            same = "same" if rows == second[table] else "DIFFERENT"
            print(f"  {table:28} {len(rows):>8,} rows  {len(second[table]):>8,} rows  {same}")
        identical = first == second
        print("identical rows" if identical else "THE TWO LEDGERS DIFFER")
        sys.exit(0 if identical else 1)


if __name__ == "__main__":
    main()
