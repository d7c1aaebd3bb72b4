"""Crash safety: `newsledger ingest` killed with SIGKILL at several points, then re-run,
must leave exactly the rows of one uninterrupted run.

The input is generated here (own-words articles, a few broken lines, repeated
records and near-duplicate copies). The reference ledger comes from one
uninterrupted library run; each trial runs the real CLI in a subprocess, kills
it once the ledger has reached a given number of batches (or as soon as the file
appears), re-runs it to completion and compares a canonical dump of every table.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsledger.ingest import ingest
from newsledger.store import Store

pytestmark = pytest.mark.slow

BATCH_SIZE = 4
# Exit codes of a completed `newsledger ingest`: 0 all accepted, 3 some rejected.
COMPLETED = {0, 3}
POLL_SECONDS = 0.002
TIMEOUT_SECONDS = 60

PLACES = ["Arvik", "Belmora", "Corran", "Dunhal", "Eskby", "Falun", "Gorsk", "Holm", "Istra"]
HAPPENINGS = [
    "a fire swept through a timber yard beside the harbour",
    "a minibus skidded on ice and rolled into a ditch",
    "part of a school roof gave way during a storm",
    "two trains brushed each other at a junction outside the town",
    "a fuel tanker overturned on the coast road",
    "a footbridge collapsed under a crowd leaving a concert",
]
SOURCES = ["the mayor", "a police spokesman", "the regional health office", "a rescue volunteer"]
AFTERMATH = [
    "Neighbours opened their kitchens to the families who could not go home.",
    "The local football club cancelled its weekend match as a mark of respect.",
    "Insurers sent assessors, who expect the repair bill to run for months.",
    "A vigil with candles and songs was held in the square on the following evening.",
    "Opposition councillors demanded an inquiry into the inspection records.",
    "Blood donors queued outside the clinic until it ran out of bags.",
    "Teachers at the nearby school spoke with pupils about what they had seen.",
]
WEATHER = [
    "Rain hampered the search for most of the morning.",
    "A cold wind off the hills made the work slower.",
    "Fog kept the helicopters on the ground until noon.",
    "Clear skies let the drones map the whole area quickly.",
    "Snow began to fall again shortly after midnight.",
]


def _story(n: int) -> str:
    place = PLACES[n % len(PLACES)]
    happening = HAPPENINGS[(n // len(PLACES)) % len(HAPPENINGS)]
    source = SOURCES[n % len(SOURCES)]
    return (
        f"Late on day {n % 28 + 1} in {place}, {happening}.\n"
        f"{source.capitalize()} said {n % 13 + 1} people were injured "
        f"and the dead numbered {n % 4}.\n"
        f'"Crews worked through the night at site {n}," {source} told reporters.\n'
        f"Roads near the scene stayed closed for {n % 6 + 2} hours while inspectors "
        f"checked report number {n * 31 + 7}.\n"
        f"{AFTERMATH[n % len(AFTERMATH)]} {WEATHER[n % len(WEATHER)]}"
    )


def _write_feed(path: Path, count: int) -> dict[str, int]:
    """JSONL of `count` stories plus broken lines, repeated records and edited copies.

    Returns how many distinct articles and broken lines it wrote.
    """
    lines: list[str] = []
    written = {"articles": 0, "broken": 0}
    for n in range(count):
        record = {
            "title": f"Incident in {PLACES[n % len(PLACES)]} ({n})",
            "date": f"2024-0{n % 9 + 1}-1{n % 10}",
            "url": f"https://daily.example.org/{n}",
            "text": _story(n),
        }
        line = json.dumps(record)
        lines.append(line)
        written["articles"] += 1
        if n % 50 == 10:
            lines.append('{"title": "a record cut off in the mid')
            written["broken"] += 1
        if n % 40 == 20:
            lines.append(line)  # the same record again: same id, stored once
        if n % 30 == 15:
            copy = dict(record, url=f"https://weekly.example.net/{n}")
            copy["text"] = record["text"].replace("told reporters", "told journalists")
            lines.append(json.dumps(copy))
            written["articles"] += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return written


def _command(db: Path, feed: Path, *, analyse: bool) -> list[str]:
    command = [sys.executable, "-m", "newsledger", "ingest", "--db", str(db)]
    command += ["--batch-size", str(BATCH_SIZE), str(feed)]
    return command + ([] if analyse else ["--no-analysis"])


def _articles_in(db: Path) -> int:
    if not db.exists():
        return 0
    with Store(db) as ledger:
        return ledger.counts()["articles"]


def _kill_when(process: subprocess.Popen, db: Path, batches: int) -> None:
    """SIGKILL the process once the ledger holds `batches` batches (0: once the file exists)."""
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        if (batches == 0 and db.exists()) or (batches and _articles_in(db) >= batches * BATCH_SIZE):
            break
        time.sleep(POLL_SECONDS)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=TIMEOUT_SECONDS)


def _run_with_kills(db: Path, feed: Path, kill_points: tuple[int, ...], *, analyse: bool) -> None:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    for batches in kill_points:
        process = subprocess.Popen(
            _command(db, feed, analyse=analyse),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        _kill_when(process, db, batches)
        assert process.returncode == -signal.SIGKILL, (
            f"the ingest finished before the kill point ({batches} batches); "
            "the input is too small for this machine"
        )
    finished = subprocess.run(
        _command(db, feed, analyse=analyse),
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT_SECONDS * 2,
    )
    assert finished.returncode in COMPLETED, finished.stderr


def _reference(tmp_path: Path, feed: Path, *, analyse: bool) -> dict[str, list[tuple]]:
    with Store(tmp_path / f"reference-{analyse}.db") as ledger:
        ingest([str(feed)], ledger, analyse=analyse, batch_size=BATCH_SIZE)
        return ledger.dump_tables()


@pytest.fixture(scope="module")
def plain_feed(tmp_path_factory) -> tuple[Path, dict[str, list[tuple]]]:
    tmp_path = tmp_path_factory.mktemp("crash-plain")
    feed = tmp_path / "feed.jsonl"
    written = _write_feed(feed, 200)
    reference = _reference(tmp_path, feed, analyse=False)
    assert len(reference["articles"]) == written["articles"]
    assert len(reference["rejects"]) == written["broken"]
    assert any(row[2] == "duplicate_of" for row in reference["flags"])
    return feed, reference


@pytest.mark.parametrize(
    "kill_points",
    # (2, 3): killed after 2 batches, then the re-run killed again once 3 are stored
    [(0,), (1,), (2, 3)],
    ids=["at-start", "after-1-batch", "after-2-then-after-3-batches"],
)
def test_killed_ingest_resumes_to_the_same_ledger(tmp_path, plain_feed, kill_points):
    feed, reference = plain_feed
    db = tmp_path / "ledger.db"
    _run_with_kills(db, feed, kill_points, analyse=False)
    assert Store(db).dump_tables() == reference


def test_killed_ingest_with_analysis_resumes_to_the_same_ledger(tmp_path):
    feed = tmp_path / "feed.jsonl"
    _write_feed(feed, 24)
    reference = _reference(tmp_path, feed, analyse=True)
    db = tmp_path / "ledger.db"
    _run_with_kills(db, feed, (2,), analyse=True)
    dump = Store(db).dump_tables()
    assert dump == reference
    assert dump["statements"], "the analysis found no statements: the comparison is empty"
