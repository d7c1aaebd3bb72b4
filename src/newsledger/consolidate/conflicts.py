"""Contradictions between ledger entries: disagreements, decreases and divergences.

- disagreement: two different sources give incompatible values for the same
  count (category, group, place) on the same as-of date. A value is read as an
  interval: "at least N" / "more than N" are lower bounds (N..infinity), "at
  most" / "fewer than" upper bounds (0..N), "about N" is N +/- ABOUT_TOLERANCE,
  a range its two ends, an exact value itself. Intervals that do not overlap
  disagree; so the UN's "at least 331" never disagrees with a larger government
  count, but an exact 300 does.
- decrease: one source's cumulative count (CUMULATIVE_CATEGORIES) for the same
  group and place is stated lower on a later date than its highest earlier
  value (later value_high < earlier value_low; stated numbers are compared, so
  "at least 300" after "at least 331" is a decrease).
- divergence: a party to the conflict (a government, an army, local
  authorities) and an outside monitor (an international organisation or an
  NGO) give cumulative counts (category, group, place) within
  DIVERGENCE_DAYS of each other whose stated values differ by a factor of
  DIVERGENCE_RATIO or more. Such counts need not contradict each other ("at
  least 102" allows 198), but putting the government's and the UN's figures
  for the same days side by side is what monitors ask the ledger for; the
  detail says whether the two statements are compatible as stated.

Entries without a source or without a group are not compared: a count of "people
killed" and one of "civilians killed" are not the same count. Nor are entries whose
source is an unnamed description ("the region's governor", "officials", all lower
case): the same words name different people in different articles.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from newsledger.consolidate.claims import LedgerEntry
from newsledger.models import HARM_CATEGORIES

__all__ = [
    "ABOUT_TOLERANCE",
    "CUMULATIVE_CATEGORIES",
    "DIVERGENCE_DAYS",
    "DIVERGENCE_RATIO",
    "Conflict",
    "find_conflicts",
    "interval",
]

# Counts that only grow over time for one source: the people harmed.
CUMULATIVE_CATEGORIES = HARM_CATEGORIES
ABOUT_TOLERANCE = 0.1
DIVERGENCE_DAYS = 3
DIVERGENCE_RATIO = 1.5
# source kinds (sources.py / the known-bodies table): who is a party, who monitors
PARTY_KINDS = frozenset({"party"})
MONITOR_KINDS = frozenset({"international", "ngo"})


@dataclass(slots=True)
class Conflict:
    """Two entries that contradict each other; `first` is the earlier or lower one."""

    kind: str
    first: LedgerEntry
    second: LedgerEntry
    detail: str
    conflict_id: int = 0

    def sort_key(self) -> tuple:
        return (
            self.first.category,
            self.first.group or "",
            self.first.place or "",
            self.second.as_of or "",
            self.kind,
            self.first.entry_id,
            self.second.entry_id,
        )


def interval(entry: LedgerEntry) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open) of the values an entry's statement allows."""
    low, high, qualifier = entry.value_low, entry.value_high, entry.qualifier
    if qualifier == "at_least":
        return low, math.inf, False, True
    if qualifier == "more_than":
        return low, math.inf, True, True
    if qualifier == "at_most":
        return 0.0, high, False, False
    if qualifier == "fewer_than":
        return 0.0, high, False, True
    if qualifier == "about":
        return low * (1 - ABOUT_TOLERANCE), high * (1 + ABOUT_TOLERANCE), False, False
    return low, high, False, False


def _overlap(a: LedgerEntry, b: LedgerEntry) -> bool:
    a_low, a_high, a_low_open, a_high_open = interval(a)
    b_low, b_high, b_low_open, b_high_open = interval(b)
    if a_high < b_low or b_high < a_low:
        return False
    # Touching ends overlap unless one of the touching ends is open.
    if a_high == b_low and (a_high_open or b_low_open):
        return False
    return not (b_high == a_low and (b_high_open or a_low_open))


def describe(entry: LedgerEntry) -> str:
    words = {
        "at_least": "at least ",
        "more_than": "more than ",
        "at_most": "at most ",
        "fewer_than": "fewer than ",
        "about": "about ",
    }
    if entry.value_low == entry.value_high:
        value = f"{entry.value_low:,.0f}"
    else:
        value = f"{entry.value_low:,.0f}-{entry.value_high:,.0f}"
    return f"{entry.source}: {words.get(entry.qualifier, '')}{value} ({entry.as_of})"


def _comparable(entry: LedgerEntry) -> bool:
    """A named source (a capital letter: a name or an acronym), a group and a date."""
    return (
        entry.entity is not None
        and any(character.isupper() for character in entry.entity.name)
        and bool(entry.group)
        and bool(entry.as_of)
    )


def _disagreements(entries: Sequence[LedgerEntry]) -> list[Conflict]:
    same_count: dict[tuple, list[LedgerEntry]] = defaultdict(list)
    for entry in entries:
        if _comparable(entry):
            place = (entry.place or "").casefold()
            same_count[(entry.category, entry.group, place, entry.as_of)].append(entry)
    conflicts = []
    for group in same_count.values():
        for index, a in enumerate(group):
            for b in group[index + 1 :]:
                if a.entity is b.entity or _overlap(a, b):
                    continue
                low, high = sorted((a, b), key=lambda e: (e.value_low, e.entry_id))
                detail = (
                    f"{describe(low)} vs {describe(high)}: different sources, same "
                    f"{low.category} count of {low.group}, same day"
                )
                conflicts.append(Conflict("disagreement", low, high, detail))
    return conflicts


def _decreases(entries: Sequence[LedgerEntry]) -> list[Conflict]:
    timelines: dict[tuple, list[LedgerEntry]] = defaultdict(list)
    for entry in entries:
        if _comparable(entry) and entry.category in CUMULATIVE_CATEGORIES:
            place = (entry.place or "").casefold()
            timelines[(entry.entity.entity_id, entry.category, entry.group, place)].append(entry)
    conflicts = []
    for timeline in timelines.values():
        timeline.sort(key=lambda e: (e.as_of, -e.value_low, e.entry_id))
        highest: LedgerEntry | None = None
        for entry in timeline:
            if (
                highest is not None
                and entry.as_of > highest.as_of
                and entry.value_high < highest.value_low
            ):
                detail = (
                    f"{describe(highest)} then {describe(entry)}: the cumulative "
                    f"{entry.category} count of {entry.group} went down"
                )
                conflicts.append(Conflict("decrease", highest, entry, detail))
                continue
            if highest is None or entry.value_low > highest.value_low:
                highest = entry
    return conflicts


def _days_apart(a: LedgerEntry, b: LedgerEntry) -> int | None:
    try:
        return abs((date.fromisoformat(a.as_of) - date.fromisoformat(b.as_of)).days)
    except (TypeError, ValueError):  # a period or a malformed date: not comparable by day
        return None


def _stated(entry: LedgerEntry) -> float:
    """The number the statement gives: the low end, or a range's midpoint."""
    if entry.qualifier == "range":
        return (entry.value_low + entry.value_high) / 2
    return entry.value_low


def _divergences(entries: Sequence[LedgerEntry]) -> list[Conflict]:
    parties: dict[tuple, list[LedgerEntry]] = defaultdict(list)
    monitors: dict[tuple, list[LedgerEntry]] = defaultdict(list)
    for entry in entries:
        if not (_comparable(entry) and entry.category in CUMULATIVE_CATEGORIES):
            continue
        count = (entry.category, entry.group, (entry.place or "").casefold())
        if entry.source_kind in PARTY_KINDS:
            parties[count].append(entry)
        elif entry.source_kind in MONITOR_KINDS:
            monitors[count].append(entry)
    conflicts = []
    for count, party_entries in parties.items():
        for party in party_entries:
            # the monitor's nearest count in time is the one to set beside it
            nearby = [
                (days, monitor.as_of, monitor.entry_id, monitor)
                for monitor in monitors.get(count, ())
                if (days := _days_apart(party, monitor)) is not None
                and days <= DIVERGENCE_DAYS
                and not (days == 0 and not _overlap(party, monitor))  # a disagreement
            ]
            if not nearby:
                continue
            days, _, _, monitor = min(nearby, key=lambda n: n[:3])
            low, high = sorted((_stated(party), _stated(monitor)))
            if low <= 0 or high / low < DIVERGENCE_RATIO:
                continue
            first, second = sorted((party, monitor), key=lambda e: (e.as_of, e.entry_id))
            compatible = "compatible" if _overlap(party, monitor) else "incompatible"
            detail = (
                f"{describe(first)} vs {describe(second)}: a party's and a monitor's "
                f"{party.category} counts of {party.group}, {days} day(s) apart, differ "
                f"{high / low:.1f}x ({compatible} as stated)"
            )
            conflicts.append(Conflict("divergence", first, second, detail))
    return conflicts


def find_conflicts(entries: Sequence[LedgerEntry]) -> list[Conflict]:
    """Every disagreement, decrease and divergence among `entries`, ids in a stable order."""
    conflicts = _disagreements(entries) + _decreases(entries) + _divergences(entries)
    conflicts.sort(key=Conflict.sort_key)
    for number, conflict in enumerate(conflicts, start=1):
        conflict.conflict_id = number
    return conflicts
