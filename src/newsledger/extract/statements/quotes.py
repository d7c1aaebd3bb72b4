"""Finding quotation spans in raw text: straight, curly and single marks, never raising.

News text is messy: a quotation that runs over several paragraphs reopens the
mark on each paragraph and closes only on the last; a scraped line may open a
quotation and never close it; apostrophes look like single quotes; a single
quote inside a double quotation is a nested quotation, not a new one, and so is
a double quotation in the other style of marks ('"about “justice” now"') or in
the same curly marks when two closings follow it. This
module turns the characters of a text into `QuoteSpan`s, one per stretch of
quoted text within a paragraph, and never loses the rest of the text because
a mark is unbalanced: an unclosed quotation ends at its paragraph's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuoteSpan", "find_quotes"]

OPENING_DOUBLE = frozenset("“„‟«〝")
CLOSING_DOUBLE = frozenset("”»〞″")
STRAIGHT_DOUBLE = frozenset('"＂')
# Any double mark: a paragraph is scanned mark to mark, not character by character.
_DOUBLE_MARK = re.compile(
    "[" + re.escape("".join(sorted(OPENING_DOUBLE | CLOSING_DOUBLE | STRAIGHT_DOUBLE))) + "]"
)
OPENING_SINGLE = frozenset("‘‚")
CLOSING_SINGLE = frozenset("’")
STRAIGHT_SINGLE = frozenset("'")
_SINGLE_MARK = re.compile(
    "[" + re.escape("".join(OPENING_SINGLE | CLOSING_SINGLE | STRAIGHT_SINGLE)) + "]"
)
# Characters after which a straight mark opens rather than closes a quotation.
OPENING_CONTEXT = frozenset(" \t\n([{—–-/:;")
# Markup tags left in scraped text; the quotes of their attributes are not quotations.
MARKUP_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>\n]*)?>")
# A single-quoted stretch longer than this is more likely two apostrophes.
MAX_SINGLE_QUOTE_CHARS = 400


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One stretch of quoted text within a paragraph.

    start/end include the marks; `closed` is False when the paragraph ended
    before a closing mark; `continues` is True when it reopens a quotation left
    unclosed by the previous paragraph (the multi-paragraph convention);
    `single` is True for a top-level single-quoted stretch; `opened` is False
    when the paragraph only closes a quotation (its opening mark was elsewhere).
    """

    start: int
    end: int
    closed: bool
    continues: bool = False
    single: bool = False
    opened: bool = True

    @property
    def inner_start(self) -> int:
        return self.start + 1 if self.opened else self.start

    @property
    def inner_end(self) -> int:
        return self.end - 1 if self.closed else self.end


def _double_direction(text: str, index: int) -> str:
    """'open', 'close' or 'either' for the double mark at `index`."""
    char = text[index]
    if char in OPENING_DOUBLE:
        return "open"
    if char in CLOSING_DOUBLE:
        return "close"
    before = text[index - 1] if index > 0 else "\n"
    after = text[index + 1] if index + 1 < len(text) else "\n"
    if before in OPENING_CONTEXT and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return "close"
    return "either"


def _nests(text: str, index: int, end: int) -> bool:
    """Whether the curly opening mark at `index`, inside an open curly quotation, opens a
    nested one: the next two curly marks before `end` both close."""
    if text[index] not in OPENING_DOUBLE:
        return False
    closings = 0
    for position in range(index + 1, end):
        char = text[position]
        if char in OPENING_DOUBLE or char in STRAIGHT_DOUBLE:
            return False
        if char in CLOSING_DOUBLE:
            closings += 1
            if closings == 2:
                return True
    return False


def _paragraph_quotes(
    text: str, start: int, end: int, reopened: bool
) -> tuple[list[QuoteSpan], bool]:
    """Double-quoted spans in text[start:end]; returns them and whether one is left open."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    opened_straight = nested = False
    first_mark = True
    tags = [(m.start(), m.end()) for m in MARKUP_TAG.finditer(text, start, end)]
    for mark in _DOUBLE_MARK.finditer(text, start, end):
        index, char = mark.start(), mark.group()
        if tags and any(a < index < b for a, b in tags):
            # Attribute values of markup left in scraped text (<tweet author="x">).
            continue
        direction = _double_direction(text, index)
        if open_at is None:
            if direction == "close":
                if first_mark and index - start > 1:
                    # A paragraph that ends a quotation opened in an earlier one
                    # (scraped lines may have lost their order or opening mark).
                    spans.append(
                        QuoteSpan(start, index + 1, closed=True, continues=True, opened=False)
                    )
                first_mark = False
                # Otherwise a stray closing mark: nothing to close, keep going.
                continue
            open_at = index
            opened_straight = char in STRAIGHT_DOUBLE
            nested = False
            continues = reopened and first_mark and not text[start:index].strip()
            first_mark = False
        elif nested:
            # The mark that closes the quotation nested in this one.
            nested = direction == "open"
        elif (
            direction == "open"
            and index > open_at + 1
            and (char in STRAIGHT_DOUBLE) != opened_straight
        ):
            # A mark of the other style opening inside a quotation ('"isn't about
            # “Equal Justice” anymore."') nests a quotation in it; only a mark of the
            # same style opening again means the first was never closed.
            nested = True
        elif direction == "open" and _nests(text, index, end):
            # '“... what he calls “hell” than ...”': an inner quotation in the same
            # marks, closed twice before anything opens again.
            nested = True
        elif direction == "open" and index > open_at + 1 and text[index - 1].isspace():
            # Two openings in a row: the first was never closed. Close it before
            # this mark so the rest of the paragraph is still read.
            spans.append(QuoteSpan(open_at, index - 1, closed=False, continues=continues))
            open_at = index
            continues = False
        else:
            spans.append(QuoteSpan(open_at, index + 1, closed=True, continues=continues))
            open_at = None
    if open_at is not None:
        stop = end
        while stop > open_at + 1 and text[stop - 1].isspace():
            stop -= 1
        spans.append(QuoteSpan(open_at, stop, closed=False, continues=continues))
        return spans, True
    return spans, False


def _is_single_open(text: str, index: int) -> bool:
    char = text[index]
    before = text[index - 1] if index > 0 else "\n"
    after = text[index + 1] if index + 1 < len(text) else "\n"
    if char in OPENING_SINGLE:
        return after.isalnum() or after in '“"'
    return char in STRAIGHT_SINGLE and before in OPENING_CONTEXT and after.isalpha()


def _is_single_close(text: str, index: int) -> bool:
    char = text[index]
    if char not in CLOSING_SINGLE and char not in STRAIGHT_SINGLE:
        return False
    before = text[index - 1] if index > 0 else "\n"
    after = text[index + 1] if index + 1 < len(text) else "\n"
    # A letter on both sides is an apostrophe ("didn't", "O'Brien").
    return not before.isspace() and not after.isalnum()


def _single_quotes(text: str, start: int, end: int, covered: list[QuoteSpan]) -> list[QuoteSpan]:
    """Top-level single-quoted spans (British style) outside double quotations."""
    spans: list[QuoteSpan] = []
    inside = [(span.start, span.end) for span in covered]
    open_at: int | None = None
    # Only the quote marks matter: visiting every character made this the slowest
    # step of statement extraction on long articles.
    for mark in _SINGLE_MARK.finditer(text, start, end):
        index = mark.start()
        if any(a <= index < b for a, b in inside):
            continue
        if open_at is None:
            if _is_single_open(text, index):
                open_at = index
        elif _is_single_close(text, index) and index > open_at + 1:
            if index - open_at <= MAX_SINGLE_QUOTE_CHARS:
                spans.append(QuoteSpan(open_at, index + 1, closed=True, single=True))
            open_at = None
    return spans


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quoted stretch of `text`, in order; never raises on unbalanced marks."""
    spans: list[QuoteSpan] = []
    position = 0
    left_open = False
    length = len(text)
    while position <= length:
        newline = text.find("\n", position)
        stop = length if newline < 0 else newline
        if text[position:stop].strip():
            doubles, still_open = _paragraph_quotes(text, position, stop, left_open)
            singles = _single_quotes(text, position, stop, doubles)
            spans.extend(sorted(doubles + singles, key=lambda span: span.start))
            left_open = still_open
        if newline < 0:
            break
        position = newline + 1
    return spans
