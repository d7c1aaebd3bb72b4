"""Word tables for reading victims out of news text (`extract.victims`, `extract.summary`).

Owns the English wording, kept as data rather than branches:
- `GUNSHOT_WORDS`: what marks a wound as a gunshot ("five with gunshot wounds",
  "five by gunfire"), so that a count of the hurt can be narrowed to the shot;
- `GUNSHOT_PART_VERBS`: the words that join such a part to its number
  ("eight who had sustained gunshot wounds", "two suffering bullet wounds");
- `INCIDENT_NOUNS`, `SPAN_PREPOSITIONS`, `INCIDENT_COUNT_WORDS`, `SEPARATE_WORDS`: how a
  roundup says its count spans several incidents ("wounded in weekend shootings",
  "in two separate shootings");
- `WEEKDAYS`, `DAY_SPAN_JOINERS`, `HOUR_SPAN_NOUNS`: how a roundup says its count spans
  days ("13 people shot Friday and Saturday", "from Sunday to early Monday", "two teens
  shot in a 24-hour span");
- `VAGUE_SIDE_COUNTS`: vague words that still give the killed or the injured side its
  range ("two dead, several injured": 3 or more); a vague count of the shot ("several
  people were shot") stays no count, as it cannot be reckoned with (less the dead);
- `ATTACKER_WORDS`, `INCLUDING_ATTACKER`: what a count of the dead calls the attacker it
  includes ("including the shooter");
- `REFLEXIVE_VICTIMS`: the attacker among those hit ("shot himself and his son");
- `AFTER_WORDS`, `SELF_HARM_VERBS`, `SHOOTER_COUNTED_WORDS`: how the lede says the
  attacker killed themself after the shooting ("then turned the gun on himself", "before
  killing himself") and how a death count says it includes them ("murder-suicide");
- `HARM_VERBS`: the harms an article may deny of someone ("was not injured", "wasn't
  shot"; "was not hospitalized" may still be hurt);
- `HURT_VERBS`: the harms that leave someone hurt, not dead (part of `HARM_VERBS`);
- `HURT_WORDS`: how a death count's sentence goes on to one more hurt ("left three dead
  and another person injured");
- `SEVERITY_WORDS`: how a denied harm still admits a lesser one ("was not seriously
  injured": hurt all the same);
- `LAW_OFFICERS`: who may shoot the attacker dead ("before he was shot and killed by police");
- `NAME_WORDS_AFTER_NUMBER`: capitalised words that make the number before them part of a
  name, not a count ("Police told 13 News two people were shot": a station).
`alternation(words)` puts a table into a pattern as one non-capturing group.
"""

from __future__ import annotations

__all__ = [
    "alternation",
    "AFTER_WORDS",
    "ATTACKER_WORDS",
    "INCLUDING_ATTACKER",
    "REFLEXIVE_VICTIMS",
    "LAW_OFFICERS",
    "SEVERITY_WORDS",
    "HURT_WORDS",
    "HURT_VERBS",
    "HARM_VERBS",
    "SELF_HARM_VERBS",
    "SHOOTER_COUNTED_WORDS",
    "GUNSHOT_PART_VERBS",
    "GUNSHOT_WORDS",
    "INCIDENT_COUNT_WORDS",
    "INCIDENT_NOUNS",
    "NAME_WORDS_AFTER_NUMBER",
    "SEPARATE_WORDS",
    "SPAN_PREPOSITIONS",
    "SIDE_CATEGORIES",
    "VAGUE_SIDE_COUNTS",
    "WEEKDAYS",
    "DAY_SPAN_JOINERS",
    "HOUR_SPAN_NOUNS",
]


def alternation(words: tuple[str, ...]) -> str:
    """`words` (plain words or pattern pieces) as one non-capturing regex group."""
    return "(?:" + "|".join(words) + ")"


GUNSHOT_WORDS = ("gunshot", "gunshots", "gunfire", "bullet", "bullets")
GUNSHOT_PART_VERBS = ("with", "by", "from", "suffered", "sustained", "suffering", "sustaining")
NAME_WORDS_AFTER_NUMBER = frozenset({"News"})
INCIDENT_NOUNS = ("shootings", "incidents")
SPAN_PREPOSITIONS = ("in", "across", "during", "from")
INCIDENT_COUNT_WORDS = (
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "several",
    "multiple",
    "separate",
)
SEPARATE_WORDS = ("separate", "different", "unrelated")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_SPAN_JOINERS = ("and", "through", "to", "into", "until")
HOUR_SPAN_NOUNS = ("span", "period", "stretch")
VAGUE_SIDE_COUNTS = frozenset({"several", "multiple", "a few"})
SIDE_CATEGORIES = frozenset({"killed", "injured"})
AFTER_WORDS = ("then", "before", "later")
SELF_HARM_VERBS = (
    "shot",
    "shooting",
    "killed",
    "killing",
    "turned",
    "turning",
    "took",
    "taking",
)
ATTACKER_WORDS = ("gunman", "shooter", "suspect", "attacker")
# "three are dead, including the shooter": the attacker named among a count.
INCLUDING_ATTACKER = "including the " + alternation(ATTACKER_WORDS)
SHOOTER_COUNTED_WORDS = (
    "murder-suicide",
    "murder suicide",
    INCLUDING_ATTACKER,
    r"including (?:himself|herself)",
    r"and (?:himself|herself)",
    r"(?:himself|herself) and",
)
LAW_OFFICERS = (
    "police",
    r"(?:an |a )?(?:police )?officers?",
    r"(?:a )?deput(?:y|ies)",
    r"(?:a )?troopers?",
)
HURT_VERBS = frozenset({"shoot", "wound", "injure", "hurt", "graze", "hit", "strike"})
HARM_VERBS = HURT_VERBS | {"kill", "die", "maim"}
REFLEXIVE_VICTIMS = frozenset({"himself", "herself"})
HURT_WORDS = ("injured", "wounded", "hurt")
SEVERITY_WORDS = frozenset(
    {
        "seriously",
        "severely",
        "critically",
        "badly",
        "gravely",
        "fatally",
        "too",
        "life-threateningly",
    }
)
