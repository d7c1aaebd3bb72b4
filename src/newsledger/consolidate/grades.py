"""Grades of ledger entries: how far a reader can trust a claim at a glance.

The scale is the table `data/grades.tsv` (grade, test, meaning), tried in its
order: the first row whose test holds is the entry's grade. The tests are the
functions of `TESTS`, each over one entry's `Evidence`: how many independent
outlets carry it, the kinds of its sources (party, monitor, media, unnamed),
whether its reports give different values, and whether it is one side of a
disagreement or a decrease. A divergence (a party's and a monitor's counts far
apart, compatible or not) does not contest either entry: it sets two sources
side by side, it does not say either is wrong. Grades are given when the
ledger is rebuilt (`newsledger.consolidate.build_tables`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from newsledger.consolidate.claims import LedgerEntry
from newsledger.consolidate.conflicts import Conflict
from newsledger.quality.tables import load_tsv

__all__ = [
    "GRADES",
    "SOURCE_KINDS",
    "TESTS",
    "Evidence",
    "Grade",
    "evidence_of",
    "grade_entries",
    "grade_of",
    "grade_table",
    "source_kind_class",
]

# A figure's source_kind -> the kind of source a grade reads.
SOURCE_KINDS: Mapping[str, str] = {
    "party": "party",
    "international": "monitor",
    "ngo": "monitor",
    "media": "media",
    "unnamed": "unnamed",
}
# The kinds of conflict that contest an entry (see the module docstring).
CONTESTING_CONFLICTS = frozenset({"disagreement", "decrease"})


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a grade is decided from, for one ledger entry."""

    outlets: int
    source_kinds: tuple[str, ...]
    reports_differ: bool
    contradicted: bool


@dataclass(frozen=True, slots=True)
class Grade:
    """One row of the scale."""

    grade: str
    test: str
    meaning: str


def source_kind_class(source_kind: str | None) -> str:
    """party, monitor, media or unnamed: what a figure's source kind counts as in a grade."""
    return SOURCE_KINDS.get(source_kind or "unnamed", "unnamed")


TESTS: Mapping[str, Callable[[Evidence], bool]] = {
    "reports_differ_or_contradicted": lambda e: e.reports_differ or e.contradicted,
    "independent_monitor": lambda e: "monitor" in e.source_kinds,
    "party_only": lambda e: set(e.source_kinds) == {"party"},
    "two_or_more_outlets": lambda e: e.outlets >= 2,
    "always": lambda e: True,
}


@cache
def grade_table() -> tuple[Grade, ...]:
    """The scale of data/grades.tsv, in the order its rows are tried."""
    rows = [Grade(*row) for row in load_tsv("grades.tsv")]
    unknown = [row.test for row in rows if row.test not in TESTS]
    if unknown:
        raise ValueError(f"grades.tsv names tests grades.py does not define: {unknown}")
    return tuple(rows)


GRADES: tuple[str, ...] = tuple(row.grade for row in grade_table())


def grade_of(evidence: Evidence) -> str:
    """The grade of the first row of the scale whose test holds."""
    for row in grade_table():
        if TESTS[row.test](evidence):
            return row.grade
    raise AssertionError("the last row of grades.tsv must always hold")


def _contested_ids(conflicts: Iterable[Conflict]) -> set[int]:
    """Entry ids that are one side of a contesting conflict (disagreement or decrease)."""
    found: set[int] = set()
    for conflict in conflicts:
        if conflict.kind in CONTESTING_CONFLICTS:
            found.update((conflict.first.entry_id, conflict.second.entry_id))
    return found


def evidence_of(entry: LedgerEntry, contradicted: bool) -> Evidence:
    """An entry's Evidence, read from its citations (each citing figure's outlet, source
    kind and values); citations without an outlet count as one outlet together."""
    values = {(c.value_low, c.value_high) for c in entry.citations}
    return Evidence(
        outlets=len({c.outlet_key for c in entry.citations}),
        source_kinds=tuple(sorted({source_kind_class(c.source_kind) for c in entry.citations})),
        reports_differ=len(values) > 1,
        contradicted=contradicted,
    )


def grade_entries(entries: Iterable[LedgerEntry], conflicts: Iterable[Conflict]) -> None:
    """Set every entry's grade (entries already carry ids and their conflicts are found)."""
    contested = _contested_ids(conflicts)
    for entry in entries:
        evidence = evidence_of(entry, entry.entry_id in contested)
        entry.outlets, entry.source_kinds = evidence.outlets, evidence.source_kinds
        entry.report_low = min(c.value_low for c in entry.citations)
        entry.report_high = max(c.value_high for c in entry.citations)
        entry.grade = grade_of(evidence)
