"""The main incident of an article: how many were killed and injured in it.

Owns `summarise_incident(figures, *, doc=None)`. News puts its main incident first (the
lede) and background later ("the city's 40th homicide", "12 people have been
shot this year"), so the headline count is the first casualty figure that is
not part of another one (the 13 children of 136 killed) and is not a running
total over a period ("since the invasion began", "so far this year") or over
several incidents or days ("seven wounded in weekend shootings", "13 shot Friday
and Saturday"). A figure
counting people shot without saying whether they died ("three people were
shot, one fatally") is casualties: the injured are those shot minus those
killed. The article gives no count for a category -> that side is None; no
casualty figure at all -> None.

Refinements (each a pattern that recurs; the learned ranking of
`learned.incident_counts` decides among these readings and the other candidates,
and four rules that each changed one dev article were removed in its favour):
- "one victim" hurt is one of several: a larger count of the shot, even stated after
  it, is the toll ("One victim is in critical condition ... At least six were shot": 6);
- a count of the shot stated before any injured count is the wider toll
  ("Four people were shot, one fatally ... another victim was treated": 3
  injured, not 1);
- once a death is counted, a later pronoun or definite mention ("she", "the
  victim") is that person again, not a second, wounded victim;
- an ordinal victim ("a fourth victim") means at least that many were hit, and so
  does a "triple shooting" in the headline / lede ("a double murder": killed);
- a count of the shot less the deaths is taken unless two different named
  sources give them (an unattributed death is part of the article's own account);
- people listed in one phrase add up ("a woman and three men were hospitalized":
  4; a headline's "man, 2 teens wounded": 3), unless the list only breaks the
  count down ("13 people, 11 men and two women");
- one hurt person named without a number is the dead one when a later "she" /
  "the boy" dies, or when only the lede says someone died (not a suicide);
- a count of others adds the people of its category named just before it ("a boy
  was wounded in a shooting that also injured three other people": 4), and others
  shot after a death are not reduced by it ("one man died ... three other men were
  hit": 3 injured), and neither are victims counted after the deaths, in their own
  sentence, as survivors ("Two died at the scene. Three victims were treated for
  non-life-threatening injuries": 3 injured);
- counts split over joined clauses add up ("two are in critical condition and
  three are being treated": 5); a part ("hurt 11, including 3 children") is not
  the toll; a "she" after the death who "is in stable condition" is a survivor;
- of the hurt, only those the sentence says were shot are the shooting's injured
  ("six injured, five by gunfire": 5);
- a count of the shot restated later as the injured is the same people, the dead
  among them ("12 were shot, including King ... 12 injured": 11);
- a death named first by definite reference ("UPDATE: The boy died") is the one an
  earlier report below names hurt by the same noun ("injured a 9-year-old boy");
- a bare "he" shot, alone in its sentence, gives way to a count of the shot elsewhere;
- an attacker the lede has die after the shooting ("then turned the gun on himself",
  "before he was shot and killed by police") is one more dead, unless the count names
  them ("murder-suicide"); those shot less the dead are still less only their victims;
- a death count that goes on "and another person injured" has one hurt;
- a sentence that opens on "Another victim" within three after the count names one more
  ("found three victims ... One died and two were taken to hospital. Another victim was
  found a block away": 4 hit).
With the parsed `doc` (optional keyword; `analysis` may pass it too) it also
drops numerals that are ages, addresses, gallery counters, measures or stated
running totals, video titles in a playlist, people said not to be hurt ("was not
injured"), vague counts of the shot ("several were shot"), reads the shot
victim as the dead one when the lede says someone died and no death is counted,
and, with no casualty figure at all, takes the one victim a headline names
(`extract.victims`); what the words around a count add to it, narrow in it or deny
is read by `extract.more_victims`.
"""

from __future__ import annotations

import re

from newsledger.extract.incident.attackers import (
    counts_shooter,
    lede_says_self_killed,
    lede_shooter_died,
)
from newsledger.extract.incident.more_victims import (
    SURVIVORS,
    another_hurt_with,
    is_negated,
    one_of_several,
    with_another,
)
from newsledger.extract.incident.victims import (
    GENERIC_VICTIMS,
    clause_partners,
    coordinated_with,
    counts_others,
    gunshot_part,
    headline_victims,
    is_back_reference,
    is_incidental_number,
    is_part_count,
    lede_multiple,
    lede_says_died,
    listed_before,
    same_person,
    states_number,
    victim_ordinal,
)
from newsledger.extract.lexicon.victims import (
    DAY_SPAN_JOINERS,
    HOUR_SPAN_NOUNS,
    INCIDENT_COUNT_WORDS,
    INCIDENT_NOUNS,
    SEPARATE_WORDS,
    SPAN_PREPOSITIONS,
    WEEKDAYS,
    alternation,
)
from newsledger.models import Count, Figure, IncidentSummary

__all__ = ["summarise_incident"]

# Periods that make a figure a running total rather than the incident's toll.
CUMULATIVE_MARKERS = (
    "since",
    "this year",
    "so far",
    "to date",
    "in total",
    "this month",
)
PEOPLE_UNITS = (None, "people")


def _is_cumulative(figure: Figure) -> bool:
    period = (figure.period or "").lower()
    return any(marker in period for marker in CUMULATIVE_MARKERS)


# A count of several shootings or incidents: a roundup's total, not the main incident's.
_INCIDENTS = alternation(INCIDENT_NOUNS) + r"\b"
SEVERAL_INCIDENTS = re.compile(
    # "in weekend shootings", "during two incidents"
    r"\b"
    + alternation(SPAN_PREPOSITIONS)
    + r"\s+(?!the\b)(?:\S+\s+){0,2}?"
    + _INCIDENTS
    # "three separate incidents", "two separate drive-by shootings"
    + r"|\b"
    + alternation((r"\d+", *INCIDENT_COUNT_WORDS))
    + r"\s+"
    + "(?:"
    + alternation(SEPARATE_WORDS)
    + r"\s+)?(?:\S+\s+){0,3}?"
    + _INCIDENTS,
    re.I,
)


_WEEKDAY = alternation(WEEKDAYS) + r"\b"
# A count over a span of days or hours: "Friday and Saturday", "a 24-hour span".
SPAN_OF_DAYS = re.compile(
    r"\b"
    + _WEEKDAY
    + r"\s+(?:morning\s+|night\s+)?"
    + alternation(DAY_SPAN_JOINERS)
    + r"\s+(?:early\s+|late\s+)?"
    + _WEEKDAY
    + r"|\b\d+-hour\s+"
    + alternation(HOUR_SPAN_NOUNS)
    + r"\b",
    re.I,
)


def _names_several_incidents(text: str) -> bool:
    """Whether `text` speaks of several incidents ("in two separate shootings") or of a
    span of days ("Friday and Saturday"); "the shootings" may be one."""
    return bool(SEVERAL_INCIDENTS.search(text) or SPAN_OF_DAYS.search(text))


def _over_several_incidents(figure: Figure) -> bool:
    """A count over several incidents ("Seven wounded in weekend shootings") is no one
    incident's toll."""
    return _names_several_incidents(figure.sentence or "")


def _candidates(figures: list[Figure], category: str, doc=None) -> list[Figure]:
    return [
        f
        for f in figures
        if f.category == category
        and f.part_of is None
        and not f.background
        and f.count_unit in PEOPLE_UNITS
        and not _is_cumulative(f)
        and not _over_several_incidents(f)
        and (
            doc is None
            or not (is_incidental_number(f, doc) or is_part_count(f, doc) or is_negated(f, doc))
        )
    ]


# How many sentences after the first mention an explicit count may still be the same toll.
COUNT_REACH = 2


def _count(figure: Figure, candidates: list[Figure] = (), doc=None) -> Count:
    """The figure's count, plus the people listed with it in one phrase ("a woman and
    three men were hospitalized": 4), which the extractor reads as separate figures."""
    low, high = figure.value_low, figure.value_high
    if doc is not None:
        listed: dict[tuple[int, int], Figure] = {}
        for other in coordinated_with(figure, list(candidates), doc):
            if other.value_low >= 1:
                listed[(other.span.start, other.span.end)] = other
        # "13 people, 11 men and two women": a breakdown of the count, not more people.
        if len(listed) < 2 or sum(f.value_low for f in listed.values()) != low:
            low += sum(f.value_low for f in listed.values())
            high += sum(f.value_high for f in listed.values())
        if not listed:
            # The parser did not join a headline's list ("man, 2 teens wounded").
            extra = listed_before(figure, doc, candidates)
            low, high = low + extra, high + extra
    return Count(low, high)


def _with_others(count: Count, chosen: Figure, candidates: list[Figure], doc) -> Count:
    """A count of others adds the people of the same category named just before it:
    "a boy was wounded in a shooting that also injured three other people" (4, not 3);
    "Two men critical ... two men were critical and two others injured" (4, not 2)."""
    if doc is None:
        return count

    def named_before(other: Figure, reach: int) -> Figure | None:
        before = [
            f
            for f in candidates
            if f.span.end <= other.span.start
            and other.sentence_index - f.sentence_index <= reach
            and not is_back_reference(f)
        ]
        return before[-1] if before else None

    if counts_others(chosen, doc):
        first = named_before(chosen, 1)
        if first is None:
            return count
        return Count(count.value_low + first.value_low, count.value_high + first.value_high)
    for other in candidates:
        if other.span.start <= chosen.span.start:
            continue
        if other.sentence_index > chosen.sentence_index + COUNT_REACH:
            break
        if not counts_others(other, doc):
            continue
        first = named_before(other, 0)
        # The others add to the group the chosen count names, restated in their sentence.
        if first is not None and first.value_low == count.value_low:
            return Count(count.value_low + other.value_low, count.value_high + other.value_high)
    return count


def _one_named(figure: Figure) -> bool:
    """One person named without a number: "a child", "his son", "the victim"."""
    return figure.value_low == 1 and not states_number(figure)


# A survivor's state: nobody dead is in stable condition or recovering.
ALIVE = re.compile(r"\b(?:stable condition|is recovering|was recovering|treated and released)\b")


def _alive(figure: Figure) -> bool:
    return bool(ALIVE.search(figure.sentence.lower()))


def _source_key(figure: Figure) -> str:
    return (figure.source or "").casefold()


def summarise_incident(figures: list[Figure], *, doc=None) -> IncidentSummary | None:
    """Killed and injured counts of the article's main incident, or None when it gives none."""
    killed, injured, shot = _pruned_candidates(figures, doc)
    if not (killed or injured or shot):
        named = headline_victims(doc) if doc is not None else None
        if named is None:
            return None
        return IncidentSummary(killed=Count(named[0], named[0]), injured=Count(named[1], named[1]))
    killed_count, shooter_dead, injured = _killed_count(killed, injured, shot, doc)
    if killed_count is None and not (killed or injured or shot):
        # The lede's death was the one hurt person named: nobody else was hurt.
        return IncidentSummary(killed=Count(1.0, 1.0), injured=Count(0.0, 0.0))
    injured_count = _injured_count(killed, injured, shot, doc)
    if killed and shot:
        shot = _same_account(killed, shot)
    if injured_count is None and shot:
        injured_count = _shot_less_dead(killed, injured, shot, killed_count, shooter_dead, doc)
    injured_count = _at_least_ordinal(injured + shot, killed_count, injured_count, doc)
    return IncidentSummary(killed=killed_count, injured=injured_count)


def _pruned_candidates(
    figures: list[Figure], doc
) -> tuple[list[Figure], list[Figure], list[Figure]]:
    """The killed, injured and shot candidates, less the people counted twice."""
    killed = _candidates(figures, "killed", doc)
    injured = _candidates(figures, "injured", doc)
    shot = _candidates(figures, "casualties", doc)
    if killed:
        injured = _hurt_before_dying(killed, injured)
        # After a death is counted, "she" / "the victim" is that person again,
        # not a second, wounded one.
        first = killed[0].span.start
        # ... unless the sentence keeps them alive: "she is in stable condition".
        injured = [
            f for f in injured if f.span.start < first or not is_back_reference(f) or _alive(f)
        ]
        shot = [f for f in shot if f.span.start < first or not is_back_reference(f)]
    numbered = {f.sentence_index for f in shot if states_number(f)}
    if numbered:
        # A bare "he" alone in its sentence names someone counted elsewhere ("victim
        # believes he was the target ... Five people were shot"): it is no toll of its
        # own. With a count beside it ("he and three others"), it is listed with them.
        shot = [
            f
            for f in shot
            if f.sentence_index in numbered
            or len(f.span.text.split()) > 1
            or not is_back_reference(f)
        ]
    return killed, injured, shot


def _hurt_before_dying(killed: list[Figure], injured: list[Figure]) -> list[Figure]:
    """The injured less the one hurt person a later death names again."""
    if is_back_reference(killed[0]):
        # "A child was in critical condition ... The child died": the first death
        # named is someone already introduced, the one hurt person named before it.
        injured = [
            f
            for f in injured
            if f.span.start > killed[0].span.start
            or not (_one_named(f) and same_person(f, killed[0]))
        ]
    if is_back_reference(killed[0]) and len(killed[0].span.text.split()) >= 2:
        # "UPDATE: The boy died ... PREVIOUS: a shooting injured a 9-year-old boy": an
        # update put first; the boy named hurt after it is the one who died.
        noun = killed[0].span.text.split()[-1].lower()
        if noun not in GENERIC_VICTIMS:
            injured = [
                f
                for f in injured
                if f.span.start < killed[0].span.start
                or not (_one_named(f) and noun in f.span.text.lower().split())
            ]
    for death in killed[1:]:
        # "a 16-year-old male had a gunshot wound ... the 16-year-old male died": a later
        # death of someone named by the same noun is the hurt person named before.
        if is_back_reference(death) and len(death.span.text.split()) >= 2:
            injured = [
                f
                for f in injured
                if f.span.start > death.span.start or not (_one_named(f) and same_person(f, death))
            ]
    return injured


def _killed_count(
    killed: list[Figure], injured: list[Figure], shot: list[Figure], doc
) -> tuple[Count | None, float, list[Figure]]:
    """The killed count, the attacker's own death among it, and the injured left
    once a hurt person turns out to be the dead one (no count and nobody left: that
    one death and nobody else hurt)."""
    shooter_dead = 0.0  # the attacker's own death, which no count of those they shot has
    if not killed and (injured or shot) and doc is not None and lede_says_died(doc):
        # "Teen shot in head ... died": the victims counted as shot include the dead,
        # and so does one hurt person named without a number ("his son was wounded").
        killed_count = Count(1.0, 1.0)
        # Not when someone killed themself: "shot an officer, then killed himself".
        if injured and _one_named(injured[0]) and not lede_says_self_killed(doc):
            injured = [f for f in injured if not _one_named(f)]
            if not injured and not shot:
                return None, shooter_dead, []
    else:
        killed_count = _count(killed[0], killed, doc) if killed else None
        if (
            killed_count is not None
            and doc is not None
            and lede_shooter_died(doc)
            and not counts_shooter(killed[0])
            and not is_back_reference(killed[0])
        ):
            # "shot his wife and daughter, then turned the gun on himself": three dead.
            killed_count = Count(killed_count.value_low + 1, killed_count.value_high + 1)
            shooter_dead = 1.0
    if doc is not None:
        # "a quadruple homicide": at least four were killed.
        multiple_killed = lede_multiple(doc)[0]
        if multiple_killed > (killed_count.value_low if killed_count else 0.0):
            killed_count = Count(float(multiple_killed), float(multiple_killed))
    return killed_count, shooter_dead, injured


def _injured_count(
    killed: list[Figure], injured: list[Figure], shot: list[Figure], doc
) -> Count | None:
    """The injured count from the injured candidates, None where the shot are the toll."""
    injured_count = None
    if injured:
        chosen = injured[0]
        injured_count = _count(chosen, injured, doc)
        # "two were listed in critical condition and three were treated": 5.
        partners = clause_partners(chosen, injured, doc) if doc is not None else []
        for partner in partners:
            injured_count = Count(
                injured_count.value_low + partner.value_low,
                injured_count.value_high + partner.value_high,
            )
        if not partners:
            injured_count = _with_others(injured_count, chosen, injured, doc)
        injured_count = with_another(injured_count, chosen, injured + shot)
    # "Four people were shot, one fatally ... another victim was treated": a
    # count of the shot stated before any injured count is the wider toll. The
    # same number restated as injured is the same people, the dead among them
    # ("Six were shot, including a man who died ... six people were injured": 5).
    shot_first = bool(shot) and (not injured or shot[0].span.start < injured[0].span.start)
    hurt_so_far = injured_count.value_low if injured_count else 0.0
    if shot_first:
        shot_toll = _count(shot[0], shot, doc).value_low
        restated = shot_toll >= 2 and states_number(shot[0]) and shot_toll == hurt_so_far
        if shot_toll > hurt_so_far or restated:
            injured_count = None
    if (
        injured_count is not None
        and injured_count.value_low == 1
        and one_of_several(injured[0])
        and any(states_number(f) and f.value_low > 1 for f in shot)
    ):
        # "One victim is being treated for life-threatening injuries ... At least six
        # people were shot": "one victim" is one of several, the count of the shot the toll.
        injured_count = None
    if injured_count is None and killed and another_hurt_with(killed[0], killed, COUNT_REACH):
        injured_count = Count(1.0, 1.0)  # "left three dead and another person injured"
    # "six injured, five by gunfire": only the shot are the shooting's injured.
    for figure in injured if injured_count is not None else ():
        part = gunshot_part(figure) if figure.value_low == injured_count.value_low else None
        if part is not None and 0 < part < injured_count.value_low:
            return Count(float(part), float(part))
    return injured_count


def _same_account(killed: list[Figure], shot: list[Figure]) -> list[Figure]:
    """The shot, kept only where one source's account gives both them and the dead.

    Casualties minus deaths only within one source's account: "500 casualties,
    says the UN" less "136 killed, says a report" is nobody's injured count.
    An unattributed count is the article's own account, which may combine both.
    """
    shot_source, death_source = _source_key(shot[0]), _source_key(killed[0])
    if shot_source and death_source and shot_source != death_source:
        return []
    return shot


def _shot_less_dead(
    killed: list[Figure],
    injured: list[Figure],
    shot: list[Figure],
    killed_count: Count | None,
    shooter_dead: float,
    doc,
) -> Count:
    """The injured as the shot less the dead among them."""
    dead = killed_count.value_low - shooter_dead if killed_count else 0.0
    toll = _count(shot[0], shot, doc)
    toll = with_another(toll, shot[0], injured + shot)
    # "One man died ... three other men were hit": the others are besides the dead.
    if (
        doc is not None
        and counts_others(shot[0], doc)
        and (not killed or shot[0].span.start > killed[0].span.start)
    ):
        dead = 0.0
    # "Two victims died at the scene. Three victims were treated for non-life-threatening
    # injuries": counted after the deaths, in their own sentence, as survivors.
    if (
        killed
        and states_number(shot[0])
        and shot[0].sentence_index > killed[0].sentence_index
        and SURVIVORS.search(shot[0].sentence or "")
    ):
        dead = 0.0
    low = max(0.0, toll.value_low - dead)
    high = max(0.0, toll.value_high - dead)
    return Count(low, high)


def _at_least_ordinal(
    hurt_figures: list[Figure], killed_count: Count | None, injured_count: Count | None, doc
) -> Count | None:
    """ "A fourth victim was treated" / "a triple shooting": at least that many were hit;
    "a double murder": at least two were killed."""
    ordinal = max((victim_ordinal(f) for f in hurt_figures), default=0)
    if doc is not None:
        ordinal = max(ordinal, lede_multiple(doc)[1])
    dead = killed_count.value_low if killed_count else 0.0
    hurt = injured_count.value_low if injured_count else 0.0
    if ordinal > dead + hurt:
        return Count(ordinal - dead, ordinal - dead)
    return injured_count
