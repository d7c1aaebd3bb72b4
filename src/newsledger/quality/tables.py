"""Loading the JSON data tables under `newsledger/data/` that readers, article building
and quality checks share (month names, past/future markers, tracking parameters, field
aliases, glued-word exceptions). One cached loader so every table is read once."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

__all__ = ["load_table"]


@cache
def load_table(name: str) -> dict[str, Any]:
    """The parsed JSON table `newsledger/data/<name>` (cached; do not mutate)."""
    resource = files("newsledger").joinpath("data", name)
    return json.loads(resource.read_text(encoding="utf-8"))
