"""Background figures: counts of a past event that is not the article's present story.

Owns `read_background(anchor, reference_date)`. A figure is background when its
sentence dates it to a year before the article's (a DATE naming a year earlier
than the publication year: "the 2010 Upper Big Branch Mine disaster", "during
the 1991 Hajj", "in 2018") or names a past war, famine or disaster of the
lexicon ("during the Second World War", "the Holodomor"). A year that opens a
count still running ("since 2014", "from the beginning of the invasion in
2022") is a period, not a past event, and so is the article's own year.
Background figures carry the event's time as their period (and its day as
their as-of when the sentence gives a full date); they are kept out of the main
incident's counts, the timelines and the conflicts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from newsledger.extract.context import sentence_of, span_ents, span_text
from newsledger.extract.figures.time import parse_reference, resolve_date_text
from newsledger.extract.lexicon.load import read, words

__all__ = ["Background", "read_background"]

_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
# Words before a year this far back may open a running count ("since early 2014").
OPENER_REACH = 10
# "the worst losses since the Second World War": a comparison, not a count of that war.
_SINCE_EVENT = re.compile(r"\bsince(?: the)?\s*$")


@dataclass(frozen=True, slots=True)
class Background:
    period: str  # the past event's time as the text gives it ("1991", "the Second World War")
    as_of: str | None  # its day, when the sentence gives one
    note: str


@cache
def _tables() -> tuple[re.Pattern[str], frozenset[str]]:
    data = read("background.json")
    events = sorted(data["past_events"], key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(e) for e in events) + r")\b")
    return pattern, words(data["running_openers"])


def _runs_on(entity, openers: frozenset[str]) -> bool:
    """Whether the year opens a count still running: "since 2014", "since the Russian
    full-scale invasion in February 2022" (an opener just before it, or one whose phrase
    holds it)."""
    doc = entity.doc
    before = doc[max(entity.sent.start, entity.start - OPENER_REACH) : entity.start]
    if any(token.lower_ in openers or token.lemma_ in openers for token in before):
        return True
    return any(
        (token.lower_ in openers or token.lemma_ in openers)
        and token.left_edge.i <= entity.start <= token.right_edge.i
        for token in doc[entity.sent.start : entity.start]
    )


def _past_year(anchor: Token, reference: dt.date, openers: frozenset[str]):
    """The DATE nearest the number that names a year before the reference's."""
    past = []
    for entity in span_ents(sentence_of(anchor)):
        if entity.label_ != "DATE":
            continue
        years = [int(year) for year in _YEAR.findall(entity.text)]
        if years and max(years) < reference.year and not _runs_on(entity, openers):
            past.append((abs(entity.start - anchor.i), entity.start, entity))
    return min(past)[2] if past else None


def read_background(anchor: Token, reference_date: str | None) -> Background | None:
    """The past event the number at `anchor` counts, or None for a present figure."""
    reference = parse_reference(reference_date)
    if reference is None:
        return None  # no publication date: nothing is known to be past
    pattern, openers = _tables()
    entity = _past_year(anchor, reference, openers)
    if entity is not None:
        day = resolve_date_text(entity.text, None)
        return Background(
            entity.text, day.isoformat() if day else None, f"background: '{entity.text}'"
        )
    text = span_text(sentence_of(anchor)).lower()
    for found in pattern.finditer(text):
        if not _SINCE_EVENT.search(text[: found.start()]):
            return Background(found.group(1), None, f"background: '{found.group(1)}'")
    return None
