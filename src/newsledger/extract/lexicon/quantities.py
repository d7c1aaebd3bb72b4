"""The word tables quantity extraction reads: number words, scales, vague amounts,
qualifiers, change verbs, units and the words that mark a number as not a count.

The words live in `lexicon/quantities.json`, which documents every table (the
reading of "hundreds" as 200-999, NewsQuant's order-of-magnitude convention for
the scorer, which unit each surface names); this module only loads the file
once and gives each table its Python shape. Keys are lower-case; multi-word keys
are tuples of lower-case spaCy token texts, written space-joined in the file.

Vague amounts ("dozens", "hundreds") become ranges, never point guesses:
`VAGUE_AMOUNTS` is the ledger's reading, `VAGUE_MAGNITUDE` NewsQuant's (scorer only).
"""

from __future__ import annotations

from newsledger.extract.lexicon.load import by_phrase, phrase, read, words

__all__ = [
    "AGE_WORDS",
    "CHANGE_DOWN_LEMMAS",
    "CHANGE_GAP_WORDS",
    "CHANGE_UP_LEMMAS",
    "CURRENCY_CODES",
    "CURRENCY_SYMBOLS",
    "DOLLAR_COUNTRY",
    "FOLLOWING_QUALIFIERS",
    "FRACTION_DENOMINATORS",
    "HALF_FOLLOWERS",
    "MONTHS",
    "NEGATIVE_PREFIXES",
    "NOT_COUNTED_NOUNS",
    "NOT_FRACTION_BEFORE",
    "NOT_RATE_AFTER",
    "NUMBER_START_WORDS",
    "NUMBER_WORDS",
    "ONE_PRONOUN_BEFORE",
    "ORDINAL_SUFFIXES",
    "PRECEDING_QUALIFIERS",
    "QUALIFIER_CHANGE",
    "RATE_UNITS",
    "SCALE_SUFFIXES",
    "SCALE_WORDS",
    "TIME_MARKERS",
    "UNITS",
    "VAGUE_ALONE",
    "VAGUE_AMOUNTS",
    "VAGUE_MAGNITUDE",
    "VAGUE_NEEDS_OF",
    "YEAR_INTRODUCERS",
]

_DATA = read("quantities.json")


def _range(pair: list[float]) -> tuple[float, float]:
    low, high = pair
    return (low, high)


# Numbers written as words, and their multipliers.
NUMBER_WORDS: dict[str, int] = dict(_DATA["number_words"])
SCALE_WORDS: dict[str, float] = dict(_DATA["scale_words"])
SCALE_SUFFIXES: dict[str, float] = dict(_DATA["scale_suffixes"])
FRACTION_DENOMINATORS: dict[str, int] = dict(_DATA["fraction_denominators"])
NUMBER_START_WORDS: frozenset[str] = words(_DATA["number_start_words"])
NEGATIVE_PREFIXES: frozenset[str] = words(_DATA["negative_prefixes"])

# Vague amounts: the ledger's ranges, NewsQuant's magnitudes, and when they are amounts.
VAGUE_AMOUNTS: dict[tuple[str, ...], tuple[float, float]] = by_phrase(
    _DATA["vague_amounts"], _range
)
VAGUE_MAGNITUDE: dict[tuple[str, ...], tuple[float, float]] = by_phrase(
    _DATA["vague_magnitude"], _range
)
VAGUE_NEEDS_OF: frozenset[tuple[str, ...]] = frozenset(
    phrase(key) for key in _DATA["vague_needs_of"]
)
VAGUE_ALONE: frozenset[str] = words(_DATA["vague_alone"])
NOT_FRACTION_BEFORE: frozenset[str] = words(_DATA["not_fraction_before"])
HALF_FOLLOWERS: frozenset[str] = words(_DATA["half_followers"])

# Qualifiers and changes.
PRECEDING_QUALIFIERS: dict[tuple[str, ...], str] = by_phrase(_DATA["preceding_qualifiers"])
FOLLOWING_QUALIFIERS: dict[tuple[str, ...], str] = by_phrase(_DATA["following_qualifiers"])
QUALIFIER_CHANGE: dict[str, str] = dict(_DATA["qualifier_change"])
CHANGE_UP_LEMMAS: frozenset[str] = words(_DATA["change_up_lemmas"])
CHANGE_DOWN_LEMMAS: frozenset[str] = words(_DATA["change_down_lemmas"])
CHANGE_GAP_WORDS: frozenset[str] = words(_DATA["change_gap_words"])

# What makes a number a date, a clock time, an age, an ordinal or no count.
MONTHS: frozenset[str] = words(_DATA["months"])
TIME_MARKERS: frozenset[str] = words(_DATA["time_markers"])
AGE_WORDS: frozenset[str] = words(_DATA["age_words"])
YEAR_INTRODUCERS: frozenset[str] = words(_DATA["year_introducers"])
ORDINAL_SUFFIXES: frozenset[str] = words(_DATA["ordinal_suffixes"])
ONE_PRONOUN_BEFORE: frozenset[str] = words(_DATA["one_pronoun_before"])
NOT_COUNTED_NOUNS: frozenset[str] = words(_DATA["not_counted_nouns"])

# Currencies and units.
CURRENCY_SYMBOLS: dict[str, str] = dict(_DATA["currency_symbols"])
DOLLAR_COUNTRY: dict[str, str] = dict(_DATA["dollar_country"])
CURRENCY_CODES: frozenset[str] = words(_DATA["currency_codes"])
UNITS: dict[tuple[str, ...], str] = by_phrase(_DATA["units"])
RATE_UNITS: dict[tuple[str, ...], str] = by_phrase(_DATA["rate_units"])
NOT_RATE_AFTER: frozenset[str] = words(_DATA["not_rate_after"])
