"""People a report names beside a count, in other words than a number.

Owns the readings that widen, narrow or deny a count of victims from the words around
it, for the incident summary (`extract.summary`):
- `is_negated(figure, doc)`: people the article says were not hurt ("the mother was
  not injured"; "was not seriously injured" still is; "was not hospitalized" may be);
- `another_hurt(figure)` / `another_hurt_with(death, killed, reach)`: a death count
  that goes on "and another person injured" (one hurt);
- `with_another(toll, counted, figures)`: a sentence that opens on "Another victim"
  after a count and its account: one more;
- `one_of_several(figure)`: "One victim" hurt is one picked out of several;
- `SURVIVORS`: how a sentence counts its people as survivors ("treated for
  non-life-threatening injuries").
The word lists are in `lexicon.victims`; the patterns are English news wording.
"""

from __future__ import annotations

import re

from newsledger.extract.incident.victims import (
    person_token,
    sentence_from,
    states_number,
)
from newsledger.extract.lexicon.figures import tables
from newsledger.extract.lexicon.victims import (
    HARM_VERBS,
    HURT_WORDS,
    SEVERITY_WORDS,
    alternation,
)
from newsledger.models import Count, Figure

__all__ = [
    "SURVIVORS",
    "another_hurt",
    "another_hurt_with",
    "is_negated",
    "one_of_several",
    "with_another",
]

# A sentence that counts its people as survivors: "Three victims were treated for
# non-life-threatening injuries" (after the deaths: besides the dead).
SURVIVORS = re.compile(
    r"\b(?:non-?\s?life[- ]threatening|stable condition|expected to survive|treated for|"
    r"treatment of)\b",
    re.I,
)


def is_negated(figure: Figure, doc) -> bool:
    """True when the figure's people are the subject of a denied harm ("the father was
    not injured", "another child was not killed"): nobody hurt. "Was not seriously
    injured" still is."""
    noun = person_token(figure, doc)
    if noun is None or noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    # "The mother was in the room but was not injured": a verb joined on, sharing the subject.
    verbs = [noun.head] + [
        v
        for v in noun.head.conjuncts
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
    ]
    for verb in verbs:
        if verb.lemma_.lower() not in HARM_VERBS:
            continue  # "was not hospitalized" may still be hurt
        children = list(verb.children)
        if any(c.dep_ == "neg" for c in children) and not any(
            c.lower_ in SEVERITY_WORDS for c in children
        ):
            return True
    return False


# "left three people dead and another person injured": one more, hurt, named after the
# dead in the same breath (the figures read "and another injured" already).
ANOTHER_HURT = re.compile(
    r"\band (?:another|one other)\s+(\w+)\s+(?:was\s+|is\s+)?(?:\w+ly\s+)?"
    + alternation(HURT_WORDS)
    + r"\b",
    re.I,
)


def another_hurt(figure: Figure) -> bool:
    """True when the death count's own sentence goes on to one more person hurt ("left
    three people dead and another person injured")."""
    rest = sentence_from(figure)
    match = ANOTHER_HURT.search(rest) if rest is not None else None
    return match is not None and _is_person_word_text(match.group(1))


def _is_person_word_text(word: str) -> bool:
    person_nouns = tables().person_nouns
    return word.lower() in person_nouns or word.lower().rstrip("s") in person_nouns


def another_hurt_with(death: Figure, killed: list[Figure], reach: int) -> bool:
    """Whether the death count, or its restatement close by ("3 dead" in the headline,
    "left three people dead and another person injured" in the lede), adds one hurt."""
    return any(
        another_hurt(f)
        for f in killed
        if f.value_low == death.value_low
        and death.sentence_index <= f.sentence_index <= death.sentence_index + reach
    )


# "One victim is in critical condition", "one of the victims": one picked out of several.
ONE_OF_SEVERAL = re.compile(r"one\s+(?:victim\b|of\s+the\s+victims\b)", re.I)


def one_of_several(figure: Figure) -> bool:
    """True for "One victim" / "one of the victims": a single person out of several."""
    rest = sentence_from(figure)
    return rest is not None and bool(ONE_OF_SEVERAL.match(rest))


# A sentence that opens on "Another victim" after a count and its account of those people
# names one more: "three victims ... One died and two others were taken to hospital.
# Another victim, who fled, was found a few blocks away" (4).
ANOTHER_VICTIM = re.compile(r"another\s+victim\b", re.I)
ANOTHER_REACH = 3


def with_another(toll: Count, counted: Figure, figures: list[Figure]) -> Count:
    """The toll plus one when a sentence within `ANOTHER_REACH` after the count opens on
    "Another victim"."""
    if not states_number(counted):
        return toll
    for figure in figures:
        if (
            not counted.sentence_index
            < figure.sentence_index
            <= counted.sentence_index + ANOTHER_REACH
        ):
            continue
        sentence = (figure.sentence or "").lstrip()
        if ANOTHER_VICTIM.match(figure.span.text) and ANOTHER_VICTIM.match(sentence):
            return Count(toll.value_low + 1, toll.value_high + 1)
    return toll
