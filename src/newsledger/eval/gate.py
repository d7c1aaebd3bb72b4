"""Quality gates: floors pinned in `eval/floors/<name>.json` with the sha256 of the
gold file they were measured on, and the check that a score stays above them.

A floors file looks like:

    {"gold": "../shared/eval/quantities/dev.jsonl",
     "gold_sha256": "…",
     "floors": {"value.f1": 0.93, "value+unit.f1": 0.87}}

`check_floors(name, scores, gold_path)` returns the list of failures (empty when
the gate passes) and raises EvalError when the gold file is not the one the
floors were pinned on, so a changed corpus cannot silently pass or fail.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

from newsledger.errors import EvalError

__all__ = ["check_floors", "file_sha256", "load_floors"]


def file_sha256(path: str | Path) -> str:
    """The sha256 hex digest of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def load_floors(name: str) -> dict[str, Any]:
    """The floors file `eval/floors/<name>.json` as a dict."""
    try:
        text = (
            resources.files("newsledger.eval")
            .joinpath("floors", f"{name}.json")
            .read_text(encoding="utf-8")
        )
    except FileNotFoundError as exc:
        raise EvalError(f"no floors file for {name!r}") from exc
    return json.loads(text)


def check_floors(name: str, scores: dict[str, float], gold_path: str | Path) -> list[str]:
    """Compare `scores` (metric name -> value) with the pinned floors.

    Returns one message per metric below its floor or missing. Raises EvalError
    when the gold file's checksum differs from the pinned one.
    """
    pinned = load_floors(name)
    actual_sha = file_sha256(gold_path)
    if pinned.get("gold_sha256") and pinned["gold_sha256"] != actual_sha:
        raise EvalError(
            f"{gold_path} has sha256 {actual_sha}, floors for {name!r} were pinned on "
            f"{pinned['gold_sha256']}: re-measure and re-pin the floors"
        )
    failures = []
    for metric, floor in pinned.get("floors", {}).items():
        value = scores.get(metric)
        if value is None:
            failures.append(f"{metric}: missing from the scores")
        elif value < floor:
            failures.append(f"{metric}: {value:.4f} < floor {floor:.4f}")
    return failures
