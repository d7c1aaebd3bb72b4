"""Reading one number: numerals with separators, decimals, signs and fractions,
glued prefixes and suffixes ("US$58", "2.5bn", "15kHz"), and number words
("twenty-one", "Nine hundred and twenty-one", "a dozen").

Pure string functions; which tokens form a number is decided in quantities.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsledger.extract.lexicon.quantities import NEGATIVE_PREFIXES as _NEGATIVE_PREFIXES
from newsledger.extract.lexicon.quantities import NUMBER_WORDS, SCALE_WORDS

__all__ = ["NumberReading", "Numeral", "parse_number_words", "parse_numeral", "split_numeral"]

# prefix (currency, sign, "~", "minus-") + digits + suffix (unit, scale, "pm").
_NUMERAL = re.compile(
    r"""^(?P<prefix>[^\d.]*?)
        (?P<number>
            \d{1,3}(?:,\d{3})+(?:\.\d+)?     # 5,710  1,000.5
          | \d+(?:\.\d+)?                    # 5710  1.5
          | \.\d+                            # .5
        )
        (?P<exponent>[x×]10[−-]?\d+)?        # 1.99×10−30
        (?P<suffix>.*)$""",
    re.VERBOSE,
)
_FRACTION = re.compile(r"^(?P<num>\d+)[/⁄](?P<den>\d+)$")


@dataclass(frozen=True, slots=True)
class Numeral:
    """A token's text split around its number: prefix and suffix kept as written,
    offsets of the digits inside the token."""

    value: float
    prefix: str
    suffix: str
    number_start: int
    number_end: int
    has_separator: bool
    has_decimal: bool


def split_numeral(text: str) -> Numeral | None:
    """Split "US$58.24", "2.5bn", "~1.2", "minus-130", "1/16" into value, prefix and suffix.

    Returns None when the text holds no number or holds digits in a shape that is
    not one amount (a clock time "12:01", a phone-like "555-1234-99").
    """
    fraction = _FRACTION.match(text)
    if fraction:
        denominator = int(fraction["den"])
        if denominator == 0:
            return None
        return Numeral(int(fraction["num"]) / denominator, "", "", 0, len(text), False, True)
    match = _NUMERAL.match(text)
    if match is None:
        return None
    prefix, suffix = match["prefix"], match["suffix"]
    if ":" in suffix or re.match(r"^[.,]?\d", suffix):
        return None  # "12:01", "1.2.3", "2,34": not one amount
    digits = match["number"]
    value = float(digits.replace(",", ""))
    if match["exponent"]:
        value *= 10.0 ** int(match["exponent"][3:].replace("−", "-"))
    lowered = prefix.lower()
    if lowered in _NEGATIVE_PREFIXES:
        value = -value
    return Numeral(
        value=value,
        prefix=prefix,
        suffix=suffix,
        number_start=match.start("number"),
        number_end=match.end("exponent") if match["exponent"] else match.end("number"),
        has_separator="," in digits,
        has_decimal="." in digits,
    )


def parse_numeral(text: str) -> float | None:
    """The value of a bare numeral ("5,710", "1.5", "-3", "1/16"), else None."""
    numeral = split_numeral(text)
    if numeral is None or numeral.suffix or numeral.prefix not in ("", "-", "−", "+"):
        return None
    return numeral.value


def parse_number_words(words: list[str]) -> float | None:
    """The value of number words in order: ["nine", "hundred", "and", "twenty", "-", "one"] -> 921.

    Accepts "and" and "-" between parts and a leading "a" ("a dozen", "a hundred").
    Returns None for an empty or malformed sequence ("hundred five hundred").
    """
    total = 0.0
    current = 0.0
    seen_number = False
    for position, raw in enumerate(words):
        word = raw.lower()
        if word in ("and", "-", "–"):
            continue
        if word in ("a", "an") and position == 0:
            current = 1.0
            continue
        if word in NUMBER_WORDS:
            value = NUMBER_WORDS[word]
            if current % 100 and value < 100 and (current % 10 or value >= 10):
                return None  # "twenty thirty", "five five": two numbers, not one
            current += value
            seen_number = True
        elif word in SCALE_WORDS:
            scale = SCALE_WORDS[word]
            if scale == 100 or scale == 12:
                current = (current or 1.0) * scale
            else:
                total += (current or 1.0) * scale
                current = 0.0
            seen_number = True
        else:
            return None
    return total + current if seen_number else None


@dataclass(slots=True)
class NumberReading:
    """One number as read from the tokens, before context is applied."""

    start: int  # first token
    end: int  # token after the last
    start_char: int
    end_char: int
    low: float
    high: float
    unit: str | None = None
    vague: tuple[str, ...] | None = None
    scale: float = 1.0
    is_word: bool = False
    has_separator: bool = False
    has_decimal: bool = False
    sign_change: str | None = None  # "+1.2%" is an increase
    prefix_qualifier: str | None = None  # "~1.2", "sub-7"
