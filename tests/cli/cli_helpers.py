"""Helpers for the CLI tests: own-words records, a runner over `newsledger.cli.main`,
JSON readers for the ledger, and the location of ../shared (relative to the repo root)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsledger.cli import main

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT.parent / "shared"
SEED = SHARED / "data" / "seed-article.txt"

# Own-words records (invented events, written for these tests).
GOOD_RECORD = """River floods Elmford after two days of rain
20230514
https://example.org/news/river-floods-elmford
Heavy rain flooded the river town of Elmford on Saturday, officials said.
At least 12 people were injured and 300 residents were evacuated, the regional fire service said.
"We have never seen the water rise this fast," said Mayor Jana Holt.
"""

SECOND_RECORD = """Bridge reopens in Carrow after repairs
20230602
https://example.org/news/carrow-bridge-reopens
The old stone bridge in Carrow reopened on Friday after eight months of repairs.
"Traffic will flow again by the weekend," said council engineer Tomas Ruiz.
"""

# Published 5 January 2022, yet the body reports events of March 2022 as past.
WRONG_DATE_RECORD = """Ceasefire in Valdoria collapses after two days
20220105
https://example.org/news/valdoria-ceasefire-collapses
The ceasefire announced on March 3, 2022 collapsed on March 5, 2022, officials said.
At least 40 civilians were killed in the fighting that followed, the local health office said.
"""


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def invoke(args: Sequence[str], input: str | bytes | None = None) -> Run:
    """Invoke the CLI in-process; stdout and stderr are kept apart."""
    result = CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def articles(db: Path) -> list[dict[str, Any]]:
    run = invoke(["articles", "--db", db, "--format", "json"])
    assert run.exit_code == 0, run.stderr
    return run.json()


def rejects(db: Path) -> list[dict[str, Any]]:
    run = invoke(["rejects", "--db", db, "--format", "json"])
    assert run.exit_code == 0, run.stderr
    return run.json()


def by_title(db: Path, title: str) -> dict[str, Any]:
    matches = [a for a in articles(db) if a["title"] == title]
    assert len(matches) == 1, f"{title!r} stored {len(matches)} times"
    return matches[0]


def needs_shared() -> None:
    if not SEED.is_file():
        pytest.skip(f"shared data not found at {SEED} (expected ../shared next to the repo)")
