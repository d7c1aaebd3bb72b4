"""The main incident of an article: how many were killed and injured in it.

Owns `summarise_incident(figures, *, doc=None)`. News puts its main incident first (the
lede) and background later ("the city's 40th homicide", "12 people have been
shot this year"), so the headline count is the first casualty figure that is
not part of another one (the 13 children of 136 killed) and is not a running
total over a period ("since the invasion began", "so far this year"). A figure
counting people shot without saying whether they died ("three people were
shot, one fatally") is casualties: the injured are those shot minus those
killed. The article gives no count for a category -> that side is None; no
casualty figure at all -> None.

Refinements (all general, none tuned to one article):
- a first count that only names a person ("Man, woman dead") gives way to an
  explicit larger count of the same category within two sentences ("left two
  people dead");
- a count of the shot stated before any injured count is the wider toll
  ("Four people were shot, one fatally ... another victim was treated": 3
  injured, not 1);
- once a death is counted, a later pronoun or definite mention ("she", "the
  victim") is that person again, not a second, wounded victim;
- an ordinal victim ("a fourth victim") means at least that many were hit, and so
  does a "triple shooting" in the headline / lede ("a double murder": killed);
- a count of the shot less the deaths is taken unless two different named
  sources give them (an unattributed death is part of the article's own account).
With the parsed `doc` (optional keyword; `analysis` may pass it too) it also
drops numerals that are ages, addresses, gallery counters, measures or stated
running totals, vague words ("several"), reads the shot victim as the dead one
when the lede says someone died and no death is counted, and, with no casualty
figure at all, takes the one victim a headline names (`extract.victims`).
"""

from __future__ import annotations

from newsledger.extract.victims import (
    headline_victims,
    is_back_reference,
    is_incidental_number,
    lede_multiple,
    lede_says_died,
    states_number,
    victim_ordinal,
)
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


def _candidates(figures: list[Figure], category: str, doc=None) -> list[Figure]:
    return [
        f
        for f in figures
        if f.category == category
        and f.part_of is None
        and f.count_unit in PEOPLE_UNITS
        and not _is_cumulative(f)
        and (doc is None or not is_incidental_number(f, doc))
    ]


# How many sentences after the first mention an explicit count may still be the same toll.
COUNT_REACH = 2


def _headline(candidates: list[Figure]) -> Figure:
    """The first candidate, unless it only names a person ("Man, woman dead") and an
    explicit larger count follows close by ("left two people dead")."""
    first = candidates[0]
    if states_number(first) and not first.span.text.lower().startswith(("a ", "an ")):
        return first
    for figure in candidates[1:]:
        if figure.sentence_index > first.sentence_index + COUNT_REACH:
            break
        if states_number(figure) and figure.value_low > first.value_low:
            return figure
    return first


def _count(figure: Figure) -> Count:
    return Count(figure.value_low, figure.value_high)


def _source_key(figure: Figure) -> str:
    return (figure.source or "").casefold()


def summarise_incident(figures: list[Figure], *, doc=None) -> IncidentSummary | None:
    """Killed and injured counts of the article's main incident, or None when it gives none."""
    killed = _candidates(figures, "killed", doc)
    injured = _candidates(figures, "injured", doc)
    shot = _candidates(figures, "casualties", doc)
    if killed:
        # After a death is counted, "she" / "the victim" is that person again,
        # not a second, wounded one.
        first = killed[0].span.start
        injured = [f for f in injured if f.span.start < first or not is_back_reference(f)]
        shot = [f for f in shot if f.span.start < first or not is_back_reference(f)]
    if not (killed or injured or shot):
        named = headline_victims(doc) if doc is not None else None
        if named is None:
            return None
        return IncidentSummary(killed=Count(named[0], named[0]), injured=Count(named[1], named[1]))
    if not killed and (injured or shot) and doc is not None and lede_says_died(doc):
        # "Teen shot in head ... died": the victims counted as shot include the dead.
        killed_count = Count(1.0, 1.0)
    else:
        killed_count = _count(_headline(killed)) if killed else None
    if doc is not None:
        # "a quadruple homicide": at least four were killed.
        multiple_killed = lede_multiple(doc)[0]
        if multiple_killed > (killed_count.value_low if killed_count else 0.0):
            killed_count = Count(float(multiple_killed), float(multiple_killed))
    injured_count = _count(_headline(injured)) if injured else None
    # "Four people were shot, one fatally ... another victim was treated": a
    # count of the shot stated before any injured count is the wider toll.
    shot_first = bool(shot) and (not injured or shot[0].span.start < injured[0].span.start)
    if shot_first and shot[0].value_low > (injured_count.value_low if injured_count else 0.0):
        injured_count = None
    # Casualties minus deaths only within one source's account: "500 casualties,
    # says the UN" less "136 killed, says a report" is nobody's injured count.
    # An unattributed count is the article's own account, which may combine both.
    if killed and shot:
        shot_source, death_source = _source_key(shot[0]), _source_key(_headline(killed))
        if shot_source and death_source and shot_source != death_source:
            shot = []
    if injured_count is None and shot:
        dead = killed_count.value_low if killed_count else 0.0
        toll = shot[0]
        low = max(0.0, toll.value_low - dead)
        high = max(0.0, toll.value_high - dead)
        injured_count = Count(low, high)
    # "A fourth victim was treated" / "a triple shooting": at least that many were hit;
    # "a double murder": at least two were killed.
    ordinal = max((victim_ordinal(f) for f in injured + shot), default=0)
    if doc is not None:
        ordinal = max(ordinal, lede_multiple(doc)[1])
    dead = killed_count.value_low if killed_count else 0.0
    hurt = injured_count.value_low if injured_count else 0.0
    if ordinal > dead + hurt:
        injured_count = Count(ordinal - dead, ordinal - dead)
    return IncidentSummary(killed=killed_count, injured=injured_count)
