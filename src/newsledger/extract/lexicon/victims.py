"""Word tables for reading victims out of news text (`extract.incident`, `extract.figures`).

Owns the English wording, kept as data rather than branches: the words live in
`lexicon/victims.json`, which says for each table what it marks (gunshot wounds,
roundups over several incidents or days, vague side counts, the attacker counted
among the dead, denied and lesser harms); this module loads the file once and
gives each table its Python shape. The pieces that are regular expressions
(`LAW_OFFICERS`, `SHOOTER_COUNTED_WORDS`, `INCLUDING_ATTACKER`) stay here, as
they are patterns rather than words.
`alternation(words)` puts a table into a pattern as one non-capturing group.
"""

from __future__ import annotations

from newsledger.extract.lexicon.load import read

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


_DATA = read("victims.json")

GUNSHOT_WORDS: tuple[str, ...] = tuple(_DATA["gunshot_words"])
GUNSHOT_PART_VERBS: tuple[str, ...] = tuple(_DATA["gunshot_part_verbs"])
NAME_WORDS_AFTER_NUMBER: frozenset[str] = frozenset(_DATA["name_words_after_number"])
INCIDENT_NOUNS: tuple[str, ...] = tuple(_DATA["incident_nouns"])
SPAN_PREPOSITIONS: tuple[str, ...] = tuple(_DATA["span_prepositions"])
INCIDENT_COUNT_WORDS: tuple[str, ...] = tuple(_DATA["incident_count_words"])
SEPARATE_WORDS: tuple[str, ...] = tuple(_DATA["separate_words"])
WEEKDAYS: tuple[str, ...] = tuple(_DATA["weekdays"])
DAY_SPAN_JOINERS: tuple[str, ...] = tuple(_DATA["day_span_joiners"])
HOUR_SPAN_NOUNS: tuple[str, ...] = tuple(_DATA["hour_span_nouns"])
VAGUE_SIDE_COUNTS: frozenset[str] = frozenset(_DATA["vague_side_counts"])
SIDE_CATEGORIES: frozenset[str] = frozenset(_DATA["side_categories"])
AFTER_WORDS: tuple[str, ...] = tuple(_DATA["after_words"])
SELF_HARM_VERBS: tuple[str, ...] = tuple(_DATA["self_harm_verbs"])
ATTACKER_WORDS: tuple[str, ...] = tuple(_DATA["attacker_words"])
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
HURT_VERBS: frozenset[str] = frozenset(_DATA["hurt_verbs"])
HARM_VERBS: frozenset[str] = HURT_VERBS | frozenset(_DATA["harm_verbs_beyond_hurt"])
REFLEXIVE_VICTIMS: frozenset[str] = frozenset(_DATA["reflexive_victims"])
HURT_WORDS: tuple[str, ...] = tuple(_DATA["hurt_words"])
SEVERITY_WORDS: frozenset[str] = frozenset(_DATA["severity_words"])
