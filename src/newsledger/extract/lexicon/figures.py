"""The word tables that give figures their meaning, loaded once from `newsledger/data`.

Owns reading `figure_words.json` (category, housing, unit, group and nationality
words), `status_cues.json` (reporting cues -> status, hedges) and
`known_bodies.tsv` (named sources and their kind), and the month names of
`date_words.json` into plain, immutable lookups, and the small word tables the
figure readers test directly (`lexicon/figures.json`: victims without a digit,
charges, conditions, rates, periods) as module-level frozensets, tuples and dicts.
The files document themselves; this module only indexes them.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from newsledger.extract.lexicon.load import read, read_text

__all__ = [
    "ANAPHORIC_GROUP_NOUNS",
    "CHARGE_WORDS",
    "CONDITION_STATES",
    "CRIME_NOUNS",
    "DEFINITE_VICTIMS",
    "ELIDED_NOUNS",
    "ESTIMATE_WORDS",
    "FigureTables",
    "HARM_TAKING_VERBS",
    "HEDGE_VERBS",
    "KnownBody",
    "NEAR_MISS",
    "NEW_PERSON_PRONOUNS",
    "NOBODY",
    "PART_OF_WORDS",
    "PERIOD_OPENERS",
    "PERIOD_WORDS",
    "POSSESSIVE_PRONOUNS",
    "PRONOUNS",
    "RANGE_JOINERS",
    "RATE_ADVERBS",
    "RATE_DETERMINERS",
    "RATE_UNITS",
    "RELATIVE_DAYS",
    "REPORTING_STOP",
    "SCALE_WORDS",
    "SINGLE_DETERMINERS",
    "SPEAKING_VERBS",
    "WEEKDAYS",
    "tables",
]

DATA_PACKAGE = "newsledger.data"

_WORDS = read("figures.json")

# Victims without a digit and the links between figures (figures.assemble).
PART_OF_WORDS: frozenset[str] = frozenset(_WORDS["part_of_words"])
SINGLE_DETERMINERS: frozenset[str] = frozenset(_WORDS["single_determiners"])
ANAPHORIC_GROUP_NOUNS: frozenset[str] = frozenset(_WORDS["anaphoric_group_nouns"])
DEFINITE_VICTIMS: frozenset[str] = frozenset(_WORDS["definite_victims"])
POSSESSIVE_PRONOUNS: frozenset[str] = frozenset(_WORDS["possessive_pronouns"])
NEW_PERSON_PRONOUNS: frozenset[str] = frozenset(_WORDS["new_person_pronouns"])
NOBODY: frozenset[str] = frozenset(_WORDS["nobody"])
SPEAKING_VERBS: frozenset[str] = frozenset(_WORDS["speaking_verbs"])
# What a number counts (figures.category).
SCALE_WORDS: frozenset[str] = frozenset(_WORDS["scale_words"])
NEAR_MISS: frozenset[str] = frozenset(_WORDS["near_miss"])
CRIME_NOUNS: frozenset[str] = frozenset(_WORDS["crime_nouns"])
CHARGE_WORDS: frozenset[str] = frozenset(_WORDS["charge_words"])
CONDITION_STATES: frozenset[str] = frozenset(_WORDS["condition_states"])
HARM_TAKING_VERBS: frozenset[str] = frozenset(_WORDS["harm_taking_verbs"])
REPORTING_STOP: frozenset[str] = frozenset(_WORDS["reporting_stop"])
ELIDED_NOUNS: frozenset[str] = frozenset(_WORDS["elided_nouns"])
# Sources and status (figures.source, figures.status).
PRONOUNS: frozenset[str] = frozenset(_WORDS["pronouns"])
ESTIMATE_WORDS: frozenset[str] = frozenset(_WORDS["estimate_words"])
HEDGE_VERBS: frozenset[str] = frozenset(_WORDS["hedge_verbs"])
# Dates, periods and rates (figures.time).
WEEKDAYS: tuple[str, ...] = tuple(_WORDS["weekdays"])
RELATIVE_DAYS: dict[str, int] = dict(_WORDS["relative_days"])
PERIOD_WORDS: tuple[str, ...] = tuple(_WORDS["period_words"])
RATE_UNITS: frozenset[str] = frozenset(_WORDS["rate_units"])
RATE_DETERMINERS: frozenset[str] = frozenset(_WORDS["rate_determiners"])
RATE_ADVERBS: dict[str, str] = dict(_WORDS["rate_adverbs"])
PERIOD_OPENERS: frozenset[str] = frozenset(_WORDS["period_openers"])
RANGE_JOINERS: frozenset[str] = frozenset(_WORDS["range_joiners"])


@dataclass(frozen=True, slots=True)
class KnownBody:
    """A named source: its stored name, the aliases that find it, its source kind."""

    name: str
    aliases: tuple[str, ...]
    source_kind: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class FigureTables:
    """Every figure word table, indexed for lookups."""

    category_of_lemma: dict[str, str]
    weak_lemmas: frozenset[str]
    category_phrases: tuple[tuple[str, str], ...]
    housing_nouns: dict[str, str]
    housing_verbs: dict[str, str]
    count_units: dict[str, str]
    person_nouns: frozenset[str]
    group_plural: dict[str, str]
    civilian_adjectives: dict[str, str]
    nationality: frozenset[str]
    not_counted_units: frozenset[str]
    not_counted_nouns: frozenset[str]
    cue_status: dict[str, str]
    source_prepositions: tuple[str, ...]
    hedge_patterns: tuple[re.Pattern[str], ...]
    anaphoric_subjects: tuple[str, ...]
    hedge_reach_sentences: int
    source_kind_words: dict[str, tuple[str, ...]]
    descriptive_prepositions: frozenset[str]
    known_bodies: tuple[KnownBody, ...]
    month_words: frozenset[str]


def _known_bodies(text: str) -> tuple[KnownBody, ...]:
    rows = csv.reader(
        (line for line in text.splitlines() if line.strip() and not line.startswith("#")),
        delimiter="\t",
    )
    bodies = []
    for row in rows:
        if row[0] == "name":
            continue
        name, aliases, kind = row[0], tuple(a for a in row[1].split("|") if a), row[2]
        # Short all-capital aliases (UN, WHO, AP) must match in their own case:
        # "who" and "ap" are ordinary words.
        exact = [re.escape(a) for a in aliases if a.isupper() and len(a) <= 4]
        loose = [re.escape(a) for a in aliases if not (a.isupper() and len(a) <= 4)]
        parts = []
        if exact:
            parts.append(r"(?<![\w.])(?:" + "|".join(exact) + r")(?![\w])")
        if loose:
            parts.append(r"(?i:(?<![\w])(?:" + "|".join(loose) + r")(?![\w]))")
        bodies.append(KnownBody(name, aliases, kind, re.compile("|".join(parts))))
    return tuple(bodies)


@lru_cache(maxsize=1)
def tables() -> FigureTables:
    """The loaded tables (read once per process)."""
    words = read("figure_words.json", DATA_PACKAGE)
    cues = read("status_cues.json", DATA_PACKAGE)
    category_of_lemma: dict[str, str] = {}
    for category, lemmas in words["category_lemmas"].items():
        for lemma in lemmas:
            category_of_lemma.setdefault(lemma, category)
    phrases = tuple(
        (phrase, category)
        for category, listed in words["category_phrases"].items()
        for phrase in listed
    )
    return FigureTables(
        category_of_lemma=category_of_lemma,
        weak_lemmas=frozenset(words["weak_lemmas"]),
        category_phrases=phrases,
        housing_nouns=dict(words["housing_nouns"]),
        housing_verbs=dict(words["housing_verbs"]),
        count_units=dict(words["count_units"]),
        person_nouns=frozenset(words["person_nouns"]),
        group_plural=dict(words["group_plural"]),
        civilian_adjectives=dict(words["civilian_adjectives"]),
        nationality=frozenset(words["nationality"]),
        not_counted_units=frozenset(words["not_counted_units"]),
        not_counted_nouns=frozenset(words["not_counted_nouns"]),
        cue_status=dict(cues["cue_status"]),
        source_prepositions=tuple(cues["source_prepositions"]),
        hedge_patterns=tuple(re.compile(p) for p in cues["hedge_patterns"]),
        anaphoric_subjects=tuple(cues["anaphoric_subjects"]),
        hedge_reach_sentences=int(cues["hedge_reach_sentences"]),
        source_kind_words={k: tuple(v) for k, v in cues["source_kind_words"].items()},
        descriptive_prepositions=frozenset(cues["descriptive_prepositions"]),
        known_bodies=_known_bodies(read_text("known_bodies.tsv", DATA_PACKAGE)),
        month_words=frozenset(read("date_words.json", DATA_PACKAGE)["months"]),
    )
