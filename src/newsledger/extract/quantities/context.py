"""Context rules for quantity extraction: what makes a number not an amount (a
year, a date, a clock time, an ordinal, list or reference numbering), an age,
an increase or a decrease, and which noun it counts.

Each rule reads the tokens around a number read by `quantities`; the words they
look for are data in `lexicon.quantities`.
"""

from __future__ import annotations

from newsledger.extract.lexicon.quantities import (
    AGE_WORDS,
    CHANGE_DOWN_LEMMAS,
    CHANGE_GAP_WORDS,
    CHANGE_UP_LEMMAS,
    MONTHS,
    PRECEDING_QUALIFIERS,
    SCALE_SUFFIXES,
    TIME_MARKERS,
    UNITS,
)
from newsledger.extract.lexicon.quantities import NOT_COUNTED_NOUNS as _NOT_COUNTED_NOUNS
from newsledger.extract.lexicon.quantities import ONE_PRONOUN_BEFORE as _ONE_PRONOUN_BEFORE
from newsledger.extract.lexicon.quantities import ORDINAL_SUFFIXES as _ORDINAL_SUFFIXES
from newsledger.extract.lexicon.quantities import YEAR_INTRODUCERS as _YEAR_INTRODUCERS
from newsledger.extract.quantities.numbers import NumberReading

__all__ = [
    "AGE_UNIT_SUFFIX",
    "age_end",
    "looks_like_year",
    "change_before",
    "counted_noun",
    "glued_unit",
    "has_change_verb_before",
    "is_age_by_context",
    "is_not_amount",
    "one_is_pronoun",
    "suffix_is_unit_start",
    "unit_is_plausible",
]

# The unit of a number that is an age: "year of age", "month of age".
AGE_UNIT_SUFFIX = " of age"

_SINGLE_UNITS = {key[0]: name for key, name in UNITS.items() if len(key) == 1}
_UNIT_FIRST_WORDS = frozenset(key[0] for key in UNITS)
# The change-gap words and the words of every preceding qualifier ('rose by about 5%').
_CHANGE_GAP_WORDS = CHANGE_GAP_WORDS | frozenset(
    word for key in PRECEDING_QUALIFIERS for word in key
)
# Tokens a counted noun may be preceded by inside its phrase ("two other captured Russians").
_NOUN_PHRASE_POS = frozenset({"ADJ", "NOUN", "PROPN", "VERB", "NUM", "ADV", "PUNCT", "DET"})


def suffix_is_unit_start(suffix: str) -> bool:
    """A glued suffix that can be a unit ("15kHz", "5%", "3923sq"), not "th" or "s"."""
    if suffix in _ORDINAL_SUFFIXES:
        return False
    if suffix.startswith("-"):
        return False
    return glued_unit(suffix) is not None or suffix in _UNIT_FIRST_WORDS


def glued_unit(suffix: str, written: str = "") -> str | None:
    """The unit a glued suffix names ("khz" -> "kilohertz", "%" -> "percentage")."""
    if suffix in ("am", "pm", "a.m.", "p.m."):
        return None
    if written == "G":
        return "generation wireless"  # "4G", "5G": mobile network generations, not grams
    return _SINGLE_UNITS.get(suffix.rstrip(".").strip())


def looks_like_year(doc, number: NumberReading) -> bool:
    """A bare four-digit number from 1000 to 2100 ("2018"), whatever the context."""
    text = doc[number.end - 1].text
    return (
        len(text) == 4
        and text.isdigit()
        and 1000 <= int(text) <= 2100
        and number.unit is None
        and number.scale == 1
    )


def unit_is_plausible(doc, number: NumberReading, matched: tuple[int, str]) -> bool:
    """Reject units that are ordinary words here: "5 in the..." is not inches."""
    end, unit = matched
    first = doc[number.end]
    if first.text == "-" and number.end + 1 < len(doc):
        first = doc[number.end + 1]
    if unit in ("fahrenheit", "celsius") and len(first.text) == 1 and first.text.islower():
        return False
    if unit == "metre" and first.lower_ == "m" and number.unit:
        return False
    if unit == "point" and first.lower_ == "point" and number.is_word and number.low == 1:
        return False  # "at one point": a moment
    return not (unit == "foot" and first.text == "'" and number.has_decimal)


def one_is_pronoun(doc, index: int) -> bool:
    """ "no one", "the one", "one another", "one day": not the count one."""
    token = doc[index]
    if token.pos_ == "PRON":
        return True
    previous = doc[index - 1].lower_ if index > 0 else ""
    following = doc[index + 1].lower_ if index + 1 < len(doc) else ""
    if previous in _ONE_PRONOUN_BEFORE or following in ("another", "day", "time", "way"):
        return True
    return (
        following in ("or", "and") and index + 2 < len(doc) and doc[index + 2].lower_ == "another"
    )


def has_change_verb_before(doc, start: int) -> bool:
    return change_before(doc, start) is not None


def change_before(doc, start: int) -> str | None:
    """ "up"/"down" when an increase or decrease word comes just before the number."""
    index = start - 1
    steps = 0
    while index >= 0 and steps < 5:
        token = doc[index]
        lemma = token.lemma_.lower()
        lowered = token.lower_
        if lowered in ("up", "down") and token.pos_ in ("ADV", "ADP", "ADJ", "PART"):
            if lowered == "up" and index + 1 < len(doc) and doc[index + 1].lower_ == "to":
                return None  # "up to 30" is a bound
            return lowered
        if token.pos_ in ("VERB", "NOUN", "AUX") or lowered in ("up", "down"):
            if lemma in CHANGE_UP_LEMMAS and token.pos_ == "VERB":
                return "up"
            if lemma in CHANGE_DOWN_LEMMAS and token.pos_ == "VERB":
                return "down"
            return None
        if lowered not in _CHANGE_GAP_WORDS:
            return None
        index -= 1
        steps += 1
    return None


def is_not_amount(doc, number: NumberReading, qualifier: str | None) -> bool:
    """Years, dates, clock times, ordinals, list numbering, phone and reference numbers."""
    first = doc[number.start]
    last = doc[number.end - 1]
    previous = doc[number.start - 1] if number.start > 0 else None
    following = doc[number.end] if number.end < len(doc) else None
    if number.unit == "score":
        return True
    if number.vague:
        return False
    if following is not None and following.lower_ in TIME_MARKERS:
        return True
    if last.lower_.endswith(("am", "pm", "a.m.", "p.m.")) and not last.is_alpha:
        return True
    if _is_date(doc, number, previous, following):
        return True
    if _is_year(doc, number, qualifier, previous):
        return True
    if number.is_word:
        return False
    text = first.text
    if text.startswith("0") and len(text) > 1 and not number.has_decimal and "." not in text:
        return True  # "0401 GMT", "020 7946": codes and phone numbers keep leading zeros
    if number.unit is None and (
        (previous is not None and previous.text.isdigit())
        or (following is not None and following.text.isdigit())
    ):
        return True  # "020 7946 0000": digit groups side by side are a phone number
    return number.unit is None and _is_list_or_reference(doc, number, previous, following)


def is_compound_modifier(doc, number: NumberReading) -> bool:
    """ "a six-speed gearbox", "a four-door car": the number is part of a compound
    adjective naming a kind of thing, not an amount (units such as "10-year" are
    read before this check)."""
    end = number.end
    if end + 1 >= len(doc) or number.unit is not None or number.low != number.high:
        return False
    hyphen, word = doc[end], doc[end + 1]
    return (
        hyphen.text in ("-", "–")
        and not doc[end - 1].whitespace_
        and not hyphen.whitespace_
        and word.is_alpha
        and word.lower_ not in ("plus", "odd")
    )


def _is_date(doc, number: NumberReading, previous, following) -> bool:
    if number.unit is not None or number.has_decimal or number.has_separator:
        return False
    if not 1 <= abs(number.low) <= 31 and not 1000 <= number.low <= 2100:
        return False
    words = []
    if previous is not None:
        words.append(previous.lower_)
        if number.start > 1 and previous.text in (".", ","):
            words.append(doc[number.start - 2].lower_)
    if following is not None:
        words.append(following.lower_)
    if any(word in MONTHS or word.rstrip(".") in MONTHS for word in words):
        return True
    return (
        "/" in doc[number.start].text
        and doc[number.start].ent_type_ == "DATE"
        and number.low != int(number.low)
    )


def _is_year(doc, number: NumberReading, qualifier: str | None, previous) -> bool:
    if number.unit is not None or number.has_decimal or number.has_separator:
        return False
    if number.scale != 1 or number.is_word or qualifier is not None:
        return False
    first = doc[number.start]
    if len(first.text) != 4 or not first.text.isdigit():
        return False
    year = int(first.text)
    if number.low != number.high:
        other = number.high
        return 1000 <= other <= 2100 and (1900 <= year <= 2100 or first.ent_type_ == "DATE")
    if 1900 <= year <= 2100:
        return True
    if 1000 <= year < 1900:
        introduced = previous is not None and previous.lower_ in _YEAR_INTRODUCERS
        return first.ent_type_ == "DATE" or (introduced and previous.lower_ != "of")
    return False


def _is_list_or_reference(doc, number: NumberReading, previous, following) -> bool:
    """ "1." opening a line, "(2)", "Resolution 2334", "Article 5", "S&P 500"."""
    first = doc[number.start]
    if (
        previous is not None
        and previous.text == "("
        and following is not None
        and following.text == ")"
    ):
        return True
    at_line_start = number.start == 0 or previous.text in ("\n",) or previous.is_space
    if at_line_start and following is not None and following.text in (".", ")"):
        return True
    if previous is None:
        return False
    if previous.is_alpha and (previous.text[0].isupper() or previous.pos_ == "PROPN"):
        lowered = previous.lower_
        if lowered in MONTHS or lowered in _YEAR_INTRODUCERS or previous.pos_ in ("DET", "ADP"):
            return False
        if previous.pos_ in ("VERB", "AUX", "ADV", "PRON", "CCONJ", "SCONJ", "PART"):
            return False
        return not first.is_sent_start
    if previous.text in ("&", "-", "#", "No.", "no."):
        return True
    # "S&P 500", "TA-125 index": a name with capitals and a symbol, then the number
    return previous.pos_ == "PROPN" and previous.text[0].isupper() and not previous.is_alpha


def age_end(doc, number: NumberReading, end: int) -> int | None:
    """ "34-year-old", "30 years old", "18 month-old": mark an age and return its end."""
    if number.unit not in ("year", "month", "week", "day"):
        return None
    position = end
    if position < len(doc) and doc[position].text in ("-", "–"):
        position += 1
    if position < len(doc) and doc[position].lower_ in ("old", "olds"):
        number.unit = f"{number.unit}{AGE_UNIT_SUFFIX}"
        return position + 1
    return None


def _after_age_of(doc, start: int) -> bool:
    """The number follows "age of" / "ages of"."""
    return start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in AGE_WORDS


def is_age_by_context(doc, number: NumberReading) -> bool:
    """ "aged 12", "at the age of 89", "Maddon, 66, has...": a bare number that is an age."""
    if number.has_decimal or not 1 <= number.low <= 120:
        return False
    previous = doc[number.start - 1] if number.start > 0 else None
    if previous is not None and previous.lower_ in AGE_WORDS:
        # "aged 12", "aged 18 to 34", "aged seventeen"; not "the old one".
        return not number.is_word or previous.lower_ != "old"
    if _after_age_of(doc, number.start):
        return True  # "died at the age of 89", "between the ages of four and 17"
    if number.is_word:
        return False
    if number.low != number.high:
        return False
    following = doc[number.end] if number.end < len(doc) else None
    if (
        previous is not None
        and previous.text == ","
        and number.start > 1
        and doc[number.start - 2].pos_ == "PROPN"
        and following is not None
        and following.text == ","
    ):
        return doc[number.start].dep_ in ("appos", "npadvmod", "amod") or True
    return False


def counted_noun(doc, start: int, end: int) -> str | None:
    """The noun a number counts, as written: from the parse, else the next noun.

    "352 Ukrainian civilians" -> "civilians"; "dozens of homes" -> "homes";
    "one of the people" -> "people"; "two other captured Russians" -> "Russians".
    """
    if end >= len(doc):
        return None
    following = doc[end]
    if following.lower_ in ("of", "the"):
        return _noun_after(doc, end + 1)
    if following.lower_ in SCALE_SUFFIXES:
        return None
    last = doc[end - 1]
    head = last.head
    if (
        last.dep_ in ("nummod", "quantmod", "compound", "amod")
        and head.i >= end
        and head.pos_ in ("NOUN", "PROPN")
        and head.i - end <= 4
        and head.lower_ not in _NOT_COUNTED_NOUNS
    ):
        return head.text
    return _noun_after(doc, end)


def _noun_after(doc, position: int) -> str | None:
    """The last noun of the contiguous noun phrase starting at `position`."""
    noun = None
    for index in range(position, min(position + 6, len(doc))):
        token = doc[index]
        if index > position and doc[index - 1].like_num and token.lower_ in SCALE_SUFFIXES:
            continue  # "the combined 4.3M digital sales": "M" scales the number
        if token.pos_ in ("NOUN", "PROPN"):
            if token.lower_ in _NOT_COUNTED_NOUNS:
                return noun
            noun = token.text
            following = doc[index + 1] if index + 1 < len(doc) else None
            if following is None or following.pos_ not in ("NOUN", "PROPN"):
                return noun
            continue
        if noun is not None or token.pos_ not in _NOUN_PHRASE_POS or token.text in (",", "."):
            break
        if token.pos_ == "VERB" and token.tag_ not in ("VBN", "VBG"):
            break
    return noun
