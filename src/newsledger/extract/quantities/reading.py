"""Reading one number from the tokens at a position: numerals with their glued
prefixes and suffixes ("US$58", "2.5bn"), a currency sign before them, scale
words ("1.5 million"), number words ("Nine hundred and twenty-one"), fractions
("two-thirds of") and vague amounts ("tens of thousands").

`read_number(doc, index)` returns a `NumberReading` (token and character extent,
value or range, unit read so far) or None; `quantities` then applies the context.
"""

from __future__ import annotations

from newsledger.extract.lexicon.quantities import (
    CURRENCY_SYMBOLS,
    FRACTION_DENOMINATORS,
    NUMBER_START_WORDS,
    NUMBER_WORDS,
    SCALE_SUFFIXES,
    SCALE_WORDS,
    VAGUE_AMOUNTS,
)
from newsledger.extract.lexicon.quantities import DOLLAR_COUNTRY as _DOLLAR_COUNTRY
from newsledger.extract.lexicon.quantities import HALF_FOLLOWERS as _HALF_FOLLOWERS
from newsledger.extract.lexicon.quantities import NOT_FRACTION_BEFORE as _NOT_FRACTION_BEFORE
from newsledger.extract.lexicon.quantities import VAGUE_ALONE as _VAGUE_ALONE
from newsledger.extract.lexicon.quantities import VAGUE_NEEDS_OF as _VAGUE_NEEDS_OF
from newsledger.extract.quantities import context
from newsledger.extract.quantities.numbers import NumberReading, parse_number_words, split_numeral

__all__ = ["START_WORDS", "NumberReading", "has_digit", "read_number"]

_VAGUE_FIRST_WORDS = frozenset(key[0] for key in VAGUE_AMOUNTS)
START_WORDS = (
    frozenset(NUMBER_WORDS) | frozenset(SCALE_WORDS) | _VAGUE_FIRST_WORDS | NUMBER_START_WORDS
)


def has_digit(text: str) -> bool:
    # Most tokens are plain words: one C-level isalpha() answers those (a letter is
    # never a digit), and only the rest are scanned character by character.
    if text.isalpha():
        return False
    return any(character.isdigit() for character in text)


# -- reading one number ---------------------------------------------------------


def read_number(doc, index: int) -> NumberReading | None:
    token = doc[index]
    if has_digit(token.text):
        return _read_numeral(doc, index)
    vague = _read_vague(doc, index)
    if vague is not None:
        return vague
    fraction = _read_fraction(doc, index)
    if fraction is not None:
        return fraction
    return _read_words(doc, index)


def _read_fraction(doc, index: int) -> NumberReading | None:
    """ "a third of", "two-thirds of", "One fourth of", "half the", "one in five"."""
    length = len(doc)
    token = doc[index]
    lowered = token.lower_
    previous = doc[index - 1].lower_ if index > 0 else ""
    if lowered == "half":
        following = doc[index + 1].lower_ if index + 1 < length else ""
        if previous in _NOT_FRACTION_BEFORE or following not in _HALF_FOLLOWERS:
            return None
        return _fraction(doc, index, index + 1, 1, 2)
    numerator = 1 if lowered in ("a", "an") else NUMBER_WORDS.get(lowered)
    if numerator is None or not 1 <= numerator <= 10:
        return None
    position = index + 1
    if position < length and doc[position].text in ("-", "–") and not token.whitespace_:
        position += 1
    if position >= length:
        return None
    word = doc[position].lower_
    if word in FRACTION_DENOMINATORS and word != "half":
        if position + 1 < length and doc[position + 1].lower_ == "of":
            return _fraction(doc, index, position + 1, numerator, FRACTION_DENOMINATORS[word])
        return None
    # "one in five", "one out of three"
    if lowered in ("a", "an") or word not in ("in", "out"):
        return None
    if word == "out":
        if position + 1 >= length or doc[position + 1].lower_ != "of":
            return None
        position += 1
    if position + 1 >= length:
        return None
    denominator_token = doc[position + 1]
    denominator = NUMBER_WORDS.get(denominator_token.lower_)
    if denominator is None and denominator_token.text.isdigit():
        denominator = int(denominator_token.text)
    if not denominator or denominator <= numerator:
        return None
    return _fraction(doc, index, position + 2, numerator, denominator)


def _fraction(doc, start: int, end: int, numerator: int, denominator: int) -> NumberReading:
    last = doc[end - 1]
    if last.lower_ == "of":  # the span is "a third", the noun follows "of"
        end -= 1
        last = doc[end - 1]
    value = numerator / denominator
    return NumberReading(
        start=start,
        end=end,
        start_char=doc[start].idx,
        end_char=last.idx + len(last.text),
        low=value,
        high=value,
        unit="fraction",
        is_word=True,
    )


def _read_numeral(doc, index: int) -> NumberReading | None:
    token = doc[index]
    numeral = split_numeral(token.text)
    if numeral is None:
        return None
    number = NumberReading(
        start=index,
        end=index + 1,
        start_char=token.idx,
        end_char=token.idx + len(token.text),
        low=numeral.value,
        high=numeral.value,
        has_separator=numeral.has_separator,
        has_decimal=numeral.has_decimal,
    )
    if not _apply_prefix(number, numeral.prefix):
        return None
    _read_currency_before(doc, number)
    suffix = numeral.suffix
    if suffix:
        lowered = suffix.lower().rstrip(".")
        if lowered in SCALE_SUFFIXES and _scale_suffix_is_scale(doc, index, lowered, number):
            _scale(number, SCALE_SUFFIXES[lowered])
        elif not context.suffix_is_unit_start(lowered):
            return None  # "10th", "MH17"-like codes, "1970s", "5pm"
    _read_scale_words(doc, number)
    return number


def _read_currency_before(doc, number: NumberReading) -> None:
    """A currency sign before the digits ("$ 5", "US $4.46", "C $6") starts the quantity."""
    if number.start == 0:
        return
    symbol = doc[number.start - 1].lower_
    if symbol not in CURRENCY_SYMBOLS or symbol in ("us", "yen", "rs"):
        return
    if number.unit is None or number.unit == "dollar":  # "$" + "US160": keep "US"'s dollar
        number.unit = number.unit or CURRENCY_SYMBOLS[symbol]
    number.start -= 1
    number.start_char = doc[number.start].idx
    if symbol == "$" and number.start > 0:
        country = doc[number.start - 1].lower_
        if country in _DOLLAR_COUNTRY:
            number.unit = _DOLLAR_COUNTRY[country]
            number.start -= 1
            number.start_char = doc[number.start].idx


def _apply_prefix(number: NumberReading, prefix: str) -> bool:
    """Read what is glued before the digits; False when it makes this no amount."""
    if not prefix:
        return True
    lowered = prefix.lower()
    if lowered in ("-", "−", "–", "minus-", "minus"):
        return True  # the sign is already in the value
    if lowered == "+":
        number.sign_change = "up"
        return True
    if lowered == "~":
        number.prefix_qualifier = "about"
        return True
    if lowered == "sub-":
        number.prefix_qualifier = "fewer_than"
        return True
    stripped = lowered.strip("-−")
    if stripped in CURRENCY_SYMBOLS:
        number.unit = CURRENCY_SYMBOLS[stripped]
        return True
    # "now-18", "mid-30": a lower-case word joined by a hyphen; "COVID-19", "F-16",
    # "MH17", "G7" (upper case, or no hyphen) are names and codes, not amounts.
    return prefix.endswith("-") and prefix[:-1].isalpha() and prefix[:-1].islower()


def _scale_suffix_is_scale(doc, index: int, suffix: str, number: NumberReading) -> bool:
    """ "m" and "b" are also metres and bytes: they scale money and counted nouns."""
    if suffix not in ("m", "b"):
        return True
    if number.unit is not None and number.unit != "metre":
        return True
    following = doc[index + 1] if index + 1 < len(doc) else None
    if following is None:
        return False
    return following.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or following.tag_ in ("VBN", "JJ")


def _read_scale_words(doc, number: NumberReading) -> None:
    """Multiply by scale words and abbreviations after the digits ("1.5 million", "2 bn")."""
    while number.end < len(doc):
        token = doc[number.end]
        lowered = token.lower_.rstrip(".") if len(token.text) > 1 else token.lower_
        if lowered in SCALE_WORDS and lowered != "dozen":
            scale = SCALE_WORDS[lowered]
        elif lowered in SCALE_SUFFIXES and _scale_suffix_is_scale(doc, number.end, lowered, number):
            if lowered == "m" and doc[number.end - 1].whitespace_ and number.unit is None:
                break  # "1.5 m" spaced, no currency: metres, not millions
            scale = SCALE_SUFFIXES[lowered]
        else:
            break
        _scale(number, scale)
        number.end += 1
        number.end_char = token.idx + len(token.text)


def _scale(number: NumberReading, scale: float) -> None:
    number.low *= scale
    number.high *= scale
    number.scale *= scale


def _read_vague(doc, index: int) -> NumberReading | None:
    words = [doc[i].lower_ for i in range(index, min(index + 3, len(doc)))]
    for length in range(len(words), 0, -1):
        key = tuple(words[:length])
        if key not in VAGUE_AMOUNTS:
            continue
        end = index + length
        after = doc[end] if end < len(doc) else None
        if key in _VAGUE_NEEDS_OF and (after is None or after.lower_ != "of"):
            return None
        if len(key) == 1 and not _vague_is_amount(doc, index, after):
            return None
        low, high = VAGUE_AMOUNTS[key]
        number = NumberReading(
            start=index,
            end=end,
            start_char=doc[index].idx,
            end_char=doc[end - 1].idx + len(doc[end - 1].text),
            low=low,
            high=high,
            vague=key,
            is_word=True,
        )
        # "several hundred", "a few thousand": the vague word scales.
        if (
            after is not None
            and after.lower_ in SCALE_WORDS
            and key
            in (
                ("several",),
                ("a", "few"),
            )
        ):
            _scale(number, SCALE_WORDS[after.lower_])
            number.end += 1
            number.end_char = after.idx + len(after.text)
        return number
    return None


def _vague_is_amount(doc, index: int, after) -> bool:
    """ "hundreds of people", "several homes", "killed dozens": not "a few" alone."""
    if after is None:
        return doc[index].lower_ in _VAGUE_ALONE
    if after.lower_ in ("of", "more", "other") or after.lower_ in SCALE_WORDS:
        return True
    if after.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
        return True
    return doc[index].lower_ in _VAGUE_ALONE


def _read_words(doc, index: int) -> NumberReading | None:
    """Number words: "twenty-one", "Nine hundred and twenty-one", "a dozen", "four"."""
    end = index
    words: list[str] = []
    length = len(doc)
    while end < length:
        lowered = doc[end].lower_
        if lowered in NUMBER_WORDS or lowered in SCALE_WORDS:
            words.append(lowered)
        elif lowered in ("a", "an") and end == index:
            following = doc[end + 1].lower_ if end + 1 < length else ""
            if following not in SCALE_WORDS:
                return None
            words.append(lowered)
        elif lowered in ("-", "–") and words and end + 1 < length:
            if doc[end + 1].lower_ not in NUMBER_WORDS or doc[end - 1].whitespace_:
                break
            words.append(lowered)
        elif lowered == "and" and words and words[-1] in SCALE_WORDS and end + 1 < length:
            if doc[end + 1].lower_ not in NUMBER_WORDS:
                break
            words.append(lowered)
        else:
            break
        end += 1
    if not words or words == ["a"] or (len(words) == 1 and words[0] in SCALE_WORDS):
        return None  # "a baker's dozen", "hundred" alone: not an amount
    joined = index > 1 and doc[index - 1].text in ("-", "–") and not doc[index - 2].whitespace_
    if joined and doc[index - 2].is_alpha:
        return None  # "production-four-door": part of a compound word
    value = parse_number_words(words)
    if value is None:
        return None
    if words == ["one"] and context.one_is_pronoun(doc, index):
        return None
    last = doc[end - 1]
    number = NumberReading(
        start=index,
        end=end,
        start_char=doc[index].idx,
        end_char=last.idx + len(last.text),
        low=value,
        high=value,
        is_word=True,
    )
    for word in words:
        if word in SCALE_WORDS and word != "hundred":
            number.scale *= SCALE_WORDS[word]
    return number
