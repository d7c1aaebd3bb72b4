"""Mapping an input record's own field names (JSONL, JSON, CSV) to ours: title, date,
url, text, outlet. An explicit mapping (`--field text=body`) wins; otherwise the
common alternatives in `data/field_aliases.json` are tried, case-insensitively."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsledger.quality.tables import load_table

__all__ = ["OUR_FIELDS", "pick_fields", "resolve_columns"]

OUR_FIELDS = ("title", "date", "url", "text", "outlet")


def resolve_columns(
    available: list[str], fields: Mapping[str, str] | None = None
) -> dict[str, str | None]:
    """For each of our fields, the input's name for it (or None when absent)."""
    aliases = load_table("field_aliases.json")
    by_lower = {name.lower(): name for name in available}
    chosen: dict[str, str | None] = {}
    for ours in OUR_FIELDS:
        if fields and ours in fields:
            wanted = fields[ours]
            chosen[ours] = wanted if wanted in available else by_lower.get(wanted.lower())
            continue
        chosen[ours] = next((by_lower[alias] for alias in aliases[ours] if alias in by_lower), None)
    return chosen


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        parts = [str(item) for item in value if item is not None]
        return "\n".join(parts) if parts else None
    if isinstance(value, dict):
        return None
    return str(value)


def pick_fields(
    record: Mapping[str, Any], fields: Mapping[str, str] | None = None
) -> dict[str, str | None]:
    """Our fields' values from one record (strings or None)."""
    columns = resolve_columns(list(record), fields)
    return {ours: _as_text(record[name]) if name else None for ours, name in columns.items()}
