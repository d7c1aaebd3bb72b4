"""Loading the data tables under `newsledger/data/` that readers, article building,
quality checks and consolidation share: JSON tables (month names, past/future markers,
tracking parameters, field aliases, glued-word exceptions) and tab-separated ones
(grades, the UN's bodies, aliases). One cached loader per kind, so each is read once."""

from __future__ import annotations

import csv
import json
from functools import cache
from importlib.resources import files
from typing import Any

__all__ = ["load_table", "load_tsv"]


@cache
def load_table(name: str) -> dict[str, Any]:
    """The parsed JSON table `newsledger/data/<name>` (cached; do not mutate)."""
    resource = files("newsledger").joinpath("data", name)
    return json.loads(resource.read_text(encoding="utf-8"))


@cache
def load_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of the tab-separated table `newsledger/data/<name>`, cells stripped,
    without its "#" comment lines and its header row (cached)."""
    text = files("newsledger").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t"))[1:]
    return tuple(tuple(cell.strip() for cell in row) for row in rows)
