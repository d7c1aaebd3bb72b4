"""The main incident of an article: how many were killed and injured in it.

Owns `summarise_incident(figures)`. News puts its main incident first (the
lede) and background later ("the city's 40th homicide", "12 people have been
shot this year"), so the headline count is the first casualty figure that is
not part of another one (the 13 children of 136 killed) and is not a running
total over a period ("since the invasion began", "so far this year"). A figure
counting people shot without saying whether they died ("three people were
shot, one fatally") is casualties: the injured are those shot minus those
killed. The article gives no count for a category -> that side is None; no
casualty figure at all -> None.
"""

from __future__ import annotations

from newsledger.models import Count, Figure, IncidentSummary

__all__ = ["summarise_incident"]

# Periods that make a figure a running total rather than the incident's toll.
CUMULATIVE_MARKERS = (
    "since",
    "this year",
    "last year",
    "so far",
    "to date",
    "in total",
    "this month",
)
PEOPLE_UNITS = (None, "people")


def _is_cumulative(figure: Figure) -> bool:
    period = (figure.period or "").lower()
    return any(marker in period for marker in CUMULATIVE_MARKERS)


def _candidates(figures: list[Figure], category: str) -> list[Figure]:
    return [
        f
        for f in figures
        if f.category == category
        and f.part_of is None
        and f.count_unit in PEOPLE_UNITS
        and not _is_cumulative(f)
    ]


def _count(figure: Figure) -> Count:
    return Count(figure.value_low, figure.value_high)


def summarise_incident(figures: list[Figure]) -> IncidentSummary | None:
    """Killed and injured counts of the article's main incident, or None when it gives none."""
    killed = _candidates(figures, "killed")
    injured = _candidates(figures, "injured")
    shot = _candidates(figures, "casualties")
    if not (killed or injured or shot):
        return None
    killed_count = _count(killed[0]) if killed else None
    injured_count = _count(injured[0]) if injured else None
    if injured_count is None and shot:
        dead = killed_count.value_low if killed_count else 0.0
        low = max(0.0, shot[0].value_low - dead)
        high = max(0.0, shot[0].value_high - dead)
        injured_count = Count(low, high)
    return IncidentSummary(killed=killed_count, injured=injured_count)
