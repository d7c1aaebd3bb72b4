"""Quantity extraction: every number in a Doc that is an amount, with its qualifier,
change, unit or counted noun, and its character span.

`extract_quantities(doc)` reads numerals ("5,710", "$2.5bn"), number words
("Nine hundred and twenty-one", "a dozen"), vague amounts ("tens of thousands",
which become ranges from `lexicon.quantities.VAGUE_AMOUNTS`) and ranges ("between 10
and 15", "10-15"), and drops numbers that are not amounts: years, dates, clock
times, ordinals, list numbering, phone and reference numbers ("Resolution 2334",
"COVID-19"). Ages are kept but marked with the unit "year of age" (or "month of
age"), so they are never a count: a count is a Quantity whose `unit` is None.

Only tokens that can start a number are examined, so the cost per document is a
scan over its tokens plus a little work per number. The words and their readings
are data in `lexicon.quantities`; how one token's text splits into a number is
`numbers`; context rules (what is not an amount) are in `quantity_context`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from newsledger.extract.context import doc_text, token_indices, token_starts
from newsledger.extract.lexicon.quantities import (
    CURRENCY_SYMBOLS,
    FOLLOWING_QUALIFIERS,
    PRECEDING_QUALIFIERS,
    QUALIFIER_CHANGE,
    RATE_UNITS,
    SCALE_SUFFIXES,
    UNITS,
    VAGUE_AMOUNTS,
)
from newsledger.extract.lexicon.quantities import NOT_RATE_AFTER as _NOT_RATE_AFTER
from newsledger.extract.quantities import context
from newsledger.extract.quantities.numbers import split_numeral
from newsledger.extract.quantities.reading import (
    START_WORDS,
    NumberReading,
    has_digit,
    read_number,
)
from newsledger.models import Quantity, Span

__all__ = ["extract_quantities", "is_count", "vague_key"]

UNITS_WITH_PERIOD = frozenset(key[0] for key in UNITS if key[0].endswith("."))
_MAX_UNIT_TOKENS = max(len(key) for key in UNITS)
_MAX_QUALIFIER_TOKENS = max(len(key) for key in PRECEDING_QUALIFIERS)


def is_count(quantity: Quantity) -> bool:
    """True when the quantity counts things (no unit of measure, currency or age)."""
    return quantity.unit is None


def vague_key(text: str) -> tuple[str, ...] | None:
    """The `VAGUE_AMOUNTS` key a quantity's span text ends with, if any ("some dozens")."""
    words = tuple(text.lower().split())
    for length in range(min(len(words), 3), 0, -1):
        if words[-length:] in VAGUE_AMOUNTS:
            return words[-length:]
    return None


def extract_quantities(doc) -> list[Quantity]:
    """Every amount in `doc` as a Quantity, sorted by span start.

    Offsets index `doc.text`. Numbers that are not amounts (years, dates, times,
    ordinals, list and reference numbers) are left out; ages carry the unit
    "year of age".
    """
    quantities: list[Quantity] = []
    text = doc_text(doc)
    index = 0
    # Only a token with a non-letter or a number word can start an amount: the
    # loop visits those (the test below is still the rule), not every token.
    for candidate in token_indices(doc, lower=START_WORDS, not_alpha=True):
        if candidate < index:
            continue  # inside the amount read last
        index = candidate
        token = doc[index]
        if not (token.is_digit or token.lower_ in START_WORDS or has_digit(token.text)):
            continue
        number = read_number(doc, index)
        if number is None:
            continue
        quantity, consumed_to = _build(doc, number, text)
        if quantity is not None:
            quantities.append(quantity)
        index = max(consumed_to, index + 1)
    quantities.sort(key=lambda q: (q.span.start, q.span.end))
    _carry_elided_nouns(doc, quantities)
    return quantities


def _carry_elided_nouns(doc, quantities: list[Quantity]) -> None:
    """ "352 civilians killed and more than 1,000 wounded", "6 million homes including
    1.5 million in LA": a bare count after a count of something, in the same
    sentence, counts the same thing (English elides the repeated noun)."""
    if not quantities:
        return
    starts = token_starts(doc)
    previous_noun = None
    previous_sentence = None
    for quantity in quantities:
        token = doc[max(0, bisect_right(starts, quantity.span.start) - 1)]
        sentence = token.sent.start
        if sentence != previous_sentence:
            previous_noun = None
            previous_sentence = sentence
        if quantity.unit is not None or quantity.vague:
            continue
        if quantity.noun is None and previous_noun is not None:
            after = bisect_left(starts, quantity.span.end)
            following = doc[after] if after < len(doc) else None
            if following is None or following.pos_ not in ("NOUN", "PROPN", "ADJ"):
                quantity.noun = previous_noun
        previous_noun = quantity.noun or previous_noun


# -- context: ranges, units, qualifiers, change, noun ---------------------------


def _build(doc, number: NumberReading, text: str) -> tuple[Quantity | None, int]:
    """The Quantity for a number read at `number.start`, and the token to go on from."""
    qualifier_start, qualifier = _preceding_qualifier(doc, number)
    # a change verb comes before a qualifier ("up nearly 57%"), not before "from"/"between"
    change_anchor = qualifier_start if qualifier is not None else number.start
    range_end = _read_range(doc, number, qualifier)
    unit_end = _read_unit(doc, number)
    consumed = max(range_end, unit_end, number.end)
    if context.is_not_amount(doc, number, qualifier) or context.is_compound_modifier(doc, number):
        return None, consumed
    if qualifier is None and number.prefix_qualifier:
        qualifier = number.prefix_qualifier
    following_end, following_qualifier = _following_qualifier(doc, consumed)
    if following_qualifier and qualifier is None:
        qualifier = following_qualifier
        consumed = following_end
    is_range = number.low != number.high and not number.vague
    if is_range or (number.vague and qualifier is None):
        qualifier = "range"
    qualifier = qualifier or "exact"
    change = _change(doc, min(change_anchor, number.start))
    change = number.sign_change or change or QUALIFIER_CHANGE[qualifier]
    noun = None if number.unit not in (None, "fraction") else _counted_noun(doc, number)
    start_char = doc[qualifier_start].idx if qualifier_start is not None else number.start_char
    start_char = min(start_char, number.start_char)
    end_char = max(number.end_char, doc[consumed - 1].idx + len(doc[consumed - 1].text))
    if number.unit is None:
        end_char = number.end_char
    quantity = Quantity(
        value_low=min(number.low, number.high),
        value_high=max(number.low, number.high),
        qualifier=qualifier,
        unit=number.unit,
        noun=noun,
        span=Span(start_char, end_char, text[start_char:end_char]),
        change=change,
        vague=number.vague is not None,
    )
    return quantity, consumed


def _preceding_qualifier(doc, number: NumberReading) -> tuple[int | None, str | None]:
    """The qualifier words before the number (or before its currency sign)."""
    start = number.start
    lowest = max(0, start - _MAX_QUALIFIER_TOKENS)
    for first in range(lowest, start):
        key = tuple(doc[i].lower_ for i in range(first, start))
        if key in PRECEDING_QUALIFIERS:
            return first, PRECEDING_QUALIFIERS[key]
    if start > 0 and doc[start - 1].lower_ in ("between", "from"):
        return start - 1, None
    return None, None


def _following_qualifier(doc, end: int) -> tuple[int, str | None]:
    for length in (2, 1):
        key = tuple(doc[i].lower_ for i in range(end, min(end + length, len(doc))))
        if len(key) == length and key in FOLLOWING_QUALIFIERS:
            return end + length, FOLLOWING_QUALIFIERS[key]
    return end, None


def _read_range(doc, number: NumberReading, qualifier: str | None) -> int:
    """Extend `number` to a range ("10-15", "between 10 and 15", "1% to 1.5%")."""
    if number.vague:
        return number.end
    position = number.end
    first_unit_end = _match_unit(doc, position)
    if first_unit_end is not None:
        position = first_unit_end[0]
    if position >= len(doc):
        return number.end
    connective = doc[position].lower_
    before = doc[number.start - 1].lower_ if number.start > 0 else ""
    if connective in ("-", "–"):
        allowed = True
    elif connective == "to":
        # "rose 6.5% to 164p": after a change verb, "to" gives the new level, unless
        # the unit comes only after the second number ("dropped by 1 to 1.5 degrees").
        allowed = (
            before == "from"
            or first_unit_end is None
            or not context.has_change_verb_before(doc, number.start)
        )
    elif connective == "and":
        allowed = before == "between"
    else:
        allowed = False
    if not allowed or position + 1 >= len(doc):
        return number.end
    second_index = position + 1
    second_token = doc[second_index]
    if second_token.text in CURRENCY_SYMBOLS and second_index + 1 < len(doc):
        second_index += 1
    second = read_number(doc, second_index)
    if second is None or second.vague:
        return number.end
    if second.unit and number.unit and second.unit != number.unit:
        return number.end
    if context.looks_like_year(doc, number) and (
        second.scale > 1 or second.has_decimal or second.has_separator
    ):
        return number.end  # "in 2018 to 3.9 million": a year, then an amount
    low, high = number.low, second.low
    if number.scale == 1 and second.scale > 1 and number.low * second.scale <= second.low * 10:
        low = number.low * second.scale  # "four to five thousand", "1.8 to 2.7 million"
    if connective in ("-", "–") and low >= high:
        number.end = second.end  # "2-2", "89-89", "3-1": a score, swallow it
        number.unit = "score"
        return second.end
    if before != "from" and low >= high:
        return number.end
    number.low, number.high = low, high
    number.unit = number.unit or second.unit
    number.end = second.end
    number.end_char = second.end_char
    number.has_separator = number.has_separator or second.has_separator
    return second.end


def _match_unit(doc, position: int, first: str | None = None) -> tuple[int, str] | None:
    """The longest unit starting at token `position` (a hyphen before it is allowed);
    `first` is a unit word glued to the digits ("3923sq m") that comes before them."""
    if (
        position < len(doc)
        and doc[position].text in ("-", "–")
        and not doc[position - 1].whitespace_
    ):
        position += 1
    best = None
    prefix = (first,) if first else ()
    for length in range(0 if first else 1, _MAX_UNIT_TOKENS + 1):
        if position + length > len(doc):
            break
        key = prefix + tuple(_unit_word(doc[i]) for i in range(position, position + length))
        if key in UNITS:
            best = (position + length, UNITS[key])
    return best


def _unit_word(token) -> str:
    # "287 miles- and": a dangling hyphen or a sentence-final period is not part of the unit
    text = token.lower_
    if len(text) > 1 and text[-1] in "-." and text not in UNITS_WITH_PERIOD:
        return text[:-1]
    return text


def _read_unit(doc, number: NumberReading) -> int:
    """Attach the unit: a currency sign before, a glued or following unit, a rate."""
    end = number.end
    token = doc[number.end - 1]
    numeral = split_numeral(token.text) if has_digit(token.text) else None
    glued = numeral.suffix.lower() if numeral and numeral.suffix else ""
    if glued and glued not in SCALE_SUFFIXES:
        unit = context.glued_unit(glued, numeral.suffix)
        matched = _match_unit(doc, number.end, first=glued)
        if matched is not None and (unit is None or matched[0] > number.end):
            end, number.unit = matched  # "3923sq m", "1.19deg C": the longer unit wins
        elif unit is not None:
            number.unit = unit
    elif number.unit is None or number.unit in ("score",):
        matched = _match_unit(doc, number.end)
        if matched is not None and context.unit_is_plausible(doc, number, matched):
            end, number.unit = matched
            unit_token = doc[number.end]
            if unit_token.text == "G" and not doc[number.end - 1].whitespace_:
                number.unit = "generation wireless"  # "3G", "4G" networks
    elif number.unit in CURRENCY_SYMBOLS.values():
        # "$5 US", "10.5 million Australian dollars ($7.5 million)" - nothing more to read
        pass
    if number.unit is not None:
        end = max(end, _read_rate(doc, number, end))
        age_end = context.age_end(doc, number, end)
        if age_end is not None:
            end = age_end
    elif context.is_age_by_context(doc, number):
        number.unit = f"year{context.AGE_UNIT_SUFFIX}"
    return end


def _read_rate(doc, number: NumberReading, end: int) -> int:
    """ "barrels a day", "$ per share", "percent a year": unit per something.

    A parenthesis between the amount and its rate ("9 billion shekels ($2.4
    billion) a year") is skipped; the amount in it is read on its own later."""
    if end < len(doc) and doc[end].text == "(":
        closing = next(
            (i for i in range(end + 1, min(end + 8, len(doc))) if doc[i].text == ")"), None
        )
        if closing is not None:
            _read_rate(doc, number, closing + 1)
            return end
    if end + 1 >= len(doc) or doc[end].lower_ not in ("per", "a", "an", "/", "every"):
        return end
    start = end + 1
    if doc[start].text == "-" and start + 1 < len(doc):
        start += 1  # "£24 a-year"
    for length in (2, 1):
        if start + length > len(doc):
            continue
        words = tuple(doc[i].lemma_.lower() for i in range(start, start + length))
        after = doc[start + length].lower_ if start + length < len(doc) else ""
        if words in RATE_UNITS and after not in _NOT_RATE_AFTER:
            number.unit = f"{number.unit} per {RATE_UNITS[words]}"
            return start + length
    return end


def _change(doc, start: int) -> str | None:
    """ "up"/"down" when an increase or decrease verb governs the number."""
    return context.change_before(doc, start)


def _counted_noun(doc, number: NumberReading) -> str | None:
    """The noun the number counts: "352 Ukrainian civilians" -> "civilians"."""
    return context.counted_noun(doc, number.start, number.end)
