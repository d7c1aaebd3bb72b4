"""Timelines: for one count (category, group, place), each source's dated values.

The ledger rows `Store.ledger(...)` yields are already in timeline order
(source, then as-of date); `timelines` cuts them into one `Timeline` per source
and count, and `Timeline.decreases` lists where a cumulative count went down
(the same rule as the "decrease" conflicts, for a quick check of one timeline).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Timeline", "timelines"]


@dataclass(slots=True)
class Timeline:
    """One source's values for one count, in the order the ledger gave them."""

    source: str | None
    category: str
    group: str | None
    place: str | None
    points: list[Mapping[str, Any]] = field(default_factory=list)

    def decreases(self) -> list[tuple[Mapping[str, Any], Mapping[str, Any]]]:
        """(highest earlier point, later lower point) pairs, by as-of date."""
        found = []
        highest: Mapping[str, Any] | None = None
        dated = sorted(
            (p for p in self.points if p["as_of"]), key=lambda p: (p["as_of"], -p["value_low"])
        )
        for point in dated:
            if (
                highest is not None
                and point["as_of"] > highest["as_of"]
                and point["value_high"] < highest["value_low"]
            ):
                found.append((highest, point))
                continue
            if highest is None or point["value_low"] > highest["value_low"]:
                highest = point
        return found


def timelines(rows: Iterable[Mapping[str, Any]]) -> list[Timeline]:
    """Ledger rows grouped per (source, category, group, place), in first-seen order."""
    found: dict[tuple, Timeline] = {}
    for row in rows:
        place = (row["place"] or "").casefold()
        key = (row["source"], row["category"], row["group"], place)
        timeline = found.get(key)
        if timeline is None:
            timeline = Timeline(row["source"], row["category"], row["group"], row["place"])
            found[key] = timeline
        timeline.points.append(row)
    return list(found.values())
