"""The overview's leading rows: the most-cited graded series of a category, each a link.

A series is the ledger entries of one named source for one category and
group (the UN human rights office's civilians killed: 102, then 331, then
351). The overview ranks series by citations (every citing report of every
entry), then by the trust of their best grade, then by their latest as-of
date, and shows per series: the source, its grades (each with the rule of
data/grades.tsv as hover text), the independent outlets behind it, the
min–max of its reports, the latest value and date, and the places. Each row
links to the figures view filtered to that series (category, group and the
source by name and, when the source is an entity, by its id), so any series
shown is one click away. Entries without a named source are counted, not
listed: they cannot be followed as a series.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Any
from urllib.parse import urlencode

from newsledger.consolidate.grades import grade_table
from newsledger.filters import Filters
from newsledger.store import Store

__all__ = ["GRADE_TRUST", "LeadSeries", "grade_meaning", "lead_series", "ordered_grades"]

# Grades from the most to the least a reader can lean on: the order leading rows
# break ties in and a series lists its grades in (the scale's own order is the
# order its tests are tried, which puts "contested" first).
GRADE_TRUST = ("confirmed", "corroborated", "party_claim_only", "contested", "single_source")
MAX_LEAD_SCAN = 5000
MAX_ENTITY_MATCHES = 50
MAX_PLACES_SHOWN = 3


def grade_meaning(grade: Any) -> str:
    """The rule behind a grade, as data/grades.tsv words it ("" for no grade)."""
    meanings = {row.grade: row.meaning for row in grade_table()}
    return f"{grade}: {meanings[grade]}" if grade in meanings else ""


def _trust(grade: str | None) -> int:
    return GRADE_TRUST.index(grade) if grade in GRADE_TRUST else len(GRADE_TRUST)


def ordered_grades(grades: Iterable[str | None]) -> list[str]:
    """Distinct grades, the most trusted first."""
    return sorted({grade for grade in grades if grade}, key=_trust)


@dataclass
class LeadSeries:
    """One source's entries for one category and group, summed up for the overview."""

    source: str
    category: str
    group: str | None
    entries: list[dict] = field(default_factory=list)
    source_id: int | None = None

    @property
    def citations(self) -> int:
        return sum(len(entry.get("citations") or []) for entry in self.entries)

    @property
    def latest(self) -> dict:
        return max(self.entries, key=lambda entry: (entry.get("as_of") or "", entry["entry_id"]))

    def outlets(self) -> int:
        """Independent outlets: an entry's own count when alone, else distinct citing outlets."""
        if len(self.entries) == 1:
            return int(self.entries[0].get("outlets") or 0)
        names = {c.get("outlet") for e in self.entries for c in e.get("citations") or []}
        return len(names)

    def report_range(self) -> tuple[float | None, float | None]:
        lows = [e.get("report_low", e.get("value_low")) for e in self.entries]
        highs = [e.get("report_high", e.get("value_high")) for e in self.entries]
        lows = [value for value in lows if value is not None]
        highs = [value for value in highs if value is not None]
        return (min(lows) if lows else None, max(highs) if highs else None)

    def href(self, place: str | None = None) -> str:
        query = {"category": self.category, "group": self.group or "", "source": self.source}
        if self.source_id is not None:
            query["source_id"] = str(self.source_id)
        if place:
            query["place"] = place
        return "/figures?" + urlencode(query)

    def rank(self) -> tuple:
        best = min((_trust(entry.get("grade")) for entry in self.entries), default=len(GRADE_TRUST))
        return (-self.citations, best, _negated_date(self.latest.get("as_of")), self.source)

    def view(self, place: str | None = None) -> dict[str, Any]:
        low, high = self.report_range()
        places = [e.get("place") for e in sorted(self.entries, key=lambda e: e.get("as_of") or "")]
        distinct = list(dict.fromkeys(p for p in reversed(places) if p))
        return {
            "source": self.source,
            "source_id": self.source_id,
            "group": self.group,
            "grades": ordered_grades(entry.get("grade") for entry in self.entries),
            "outlets": self.outlets(),
            "entries": len(self.entries),
            "citations": self.citations,
            "range": {"value_low": low, "value_high": high, "qualifier": "exact"},
            "latest": self.latest,
            "places": distinct[:MAX_PLACES_SHOWN],
            "more_places": max(0, len(distinct) - MAX_PLACES_SHOWN),
            "href": self.href(place),
        }


def _negated_date(as_of: str | None) -> tuple[int, ...]:
    # Newest first inside a sort that is otherwise ascending.
    digits = (as_of or "0000-00-00").split("-")
    return tuple(-int(part) if part.isdigit() else 0 for part in digits)


def source_entity_id(store: Store, name: str) -> int | None:
    """The entity a source name is (its name, else one alias, equal ignoring case)."""
    folded = name.casefold()
    found = list(store.entities(search=name, limit=MAX_ENTITY_MATCHES))
    for entity in found:
        if entity["name"].casefold() == folded:
            return entity["entity_id"]
    for entity in found:
        if any(alias.casefold() == folded for alias in entity.get("aliases") or []):
            return entity["entity_id"]
    return None


def _grouped(entries: Iterable[Mapping[str, Any]], category: str) -> tuple[list[LeadSeries], int]:
    series: dict[tuple[str, str | None], LeadSeries] = {}
    unnamed = 0
    for entry in entries:
        source = entry.get("source")
        if not source:
            unnamed += 1
            continue
        key = (source, entry.get("group"))
        series.setdefault(key, LeadSeries(source, category, entry.get("group")))
        series[key].entries.append(dict(entry))
    return sorted(series.values(), key=LeadSeries.rank), unnamed


def lead_series(store: Store, category: str, place: str | None, limit: int) -> dict[str, Any]:
    """The `limit` leading series of a category (in `place` when given), as template rows."""
    filters = Filters(category=category, place=place)
    ranked, unnamed = _grouped(islice(store.ledger(filters), MAX_LEAD_SCAN), category)
    shown = ranked[:limit]
    for one in shown:
        one.source_id = source_entity_id(store, one.source)
    return {
        "category": category,
        "rows": [one.view(place) for one in shown],
        "total": len(ranked),
        "unnamed": unnamed,
    }
