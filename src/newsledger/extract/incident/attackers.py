"""What a report's lede says of the attacker, for the incident summary.

GVA-style tolls count every person shot, the attacker included, so the summary
needs to know when the headline and first sentences (`victims.lede_text`) have
the attacker die or get hurt after the shooting:
- `lede_says_self_killed(doc)`: someone killed themself ("then killed himself",
  "murder-suicide"): the dead may be the attacker;
- `lede_shooter_died(doc)`: the attacker died after the shooting, by their own hand
  ("before turning the gun on himself", "shoots 4, killing 2, then himself") or by
  police ("before he was shot and killed by police"): one more dead than the
  victims the count names;
- `counts_shooter(figure)`: the death count's own sentence already counts the
  attacker ("two dead in murder-suicide").
The word lists are in `lexicon.victims`; the patterns are English news wording.
"""

from __future__ import annotations

import re

from newsledger.extract.incident.victims import lede_text
from newsledger.extract.lexicon.victims import (
    AFTER_WORDS,
    LAW_OFFICERS,
    SELF_HARM_VERBS,
    SHOOTER_COUNTED_WORDS,
    alternation,
)
from newsledger.models import Figure

__all__ = [
    "counts_shooter",
    "lede_says_self_killed",
    "lede_shooter_died",
]


SELF_KILLING = re.compile(
    r"\b(?:kill(?:ed|s|ing)? (?:himself|herself)|(?:took|takes|taking) (?:his|her) own life|"
    r"suicide)\b",
    re.I,
)


def lede_says_self_killed(doc) -> bool:
    """True when the headline / lede has someone kill themself: the dead may be the attacker."""
    return bool(SELF_KILLING.search(lede_text(doc)))


_AFTER = r"\b" + alternation(AFTER_WORDS) + r"\s+"
# "then", "before" and up to three words: "then the 17-year-old", "before".
_AFTER_AND_SUBJECT = _AFTER + r"(?:[\w-]+\s+){0,3}?"
# The attacker's own death after the killing ("shot his wife, then turned the gun on
# himself", "before he was shot and killed by police"): one more dead than the victims
# the count names.
SHOOTER_DEATH = re.compile(
    _AFTER_AND_SUBJECT
    + r"(?:fatally\s+)?"
    + alternation(SELF_HARM_VERBS)
    + r"\s+(?:the (?:gun|weapon) on\s+)?(?:himself|herself|his own life|her own life)\b"
    # "shoots 4 relatives, killing 2, then himself"; "killed his wife, his son, himself"
    + r"|,\s+(?:and\s+)?(?:then\s+)?(?:himself|herself)\b"
    # "killed four people before he was shot and killed by police"
    + "|"
    + _AFTER
    + r"(?:he|she|the (?:gunman|shooter|suspect|attacker))\s+was\s+"
    + r"(?:fatally shot|shot and killed|shot dead|killed)\s+by\s+"
    + alternation(LAW_OFFICERS)
    + r"\b",
    re.I,
)
# The count names the attacker among its dead: "two dead in murder-suicide".
SHOOTER_COUNTED = re.compile(r"\b" + alternation(SHOOTER_COUNTED_WORDS) + r"\b", re.I)


def lede_shooter_died(doc) -> bool:
    """True when the headline / lede has the attacker die after the shooting: by their own
    hand ("killed two people before turning the gun on himself", "shoots 4, then himself")
    or by police ("before he was shot and killed by police")."""
    return bool(SHOOTER_DEATH.search(lede_text(doc)))


def counts_shooter(figure: Figure) -> bool:
    """True when the death count's sentence counts the attacker among the dead."""
    return bool(SHOOTER_COUNTED.search(figure.sentence or ""))
