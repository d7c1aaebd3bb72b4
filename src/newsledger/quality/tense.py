"""Tense of a clause, for the date checks: splitting a paragraph into sentences,
finding the clause a date or weekday belongs to, and telling whether that clause
speaks in the past (a reported event) or in the future (a plan, a deadline). Plain
regular expressions over the word tables in `data/date_words.json`; shared by
`quality.dates` (explicit dates) and `quality.event_anchors` (well-known events)."""

from __future__ import annotations

import re
from functools import cache

from newsledger.quality.tables import load_table

__all__ = ["WORDS", "clause_words", "is_past", "phrase_pattern", "split_sentences"]

# Past/future cues are looked for this many words before the mention (or after it,
# when it opens its clause): the verb governing a date sits close to it.
_WINDOW_BEFORE, _WINDOW_AFTER = 8, 8
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘']?[A-Z])")
WORDS = re.compile(r"[A-Za-z’']+")
# Words that may stand before a date at the head of its clause ("On Sunday, March 1, ...").
_CLAUSE_HEAD = frozenset({"on", "by", "since", "from", "of", "in", "as", "the", "until", "and"})


def split_sentences(line: str) -> list[str]:
    """The sentences of one paragraph (a capital after . ! or ? starts a new one)."""
    return _SENTENCE_END.split(line)


def phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Any of `phrases` as whole words, case-insensitive, longest first."""
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w’'])(?:{alternatives})(?![\w’'])", re.IGNORECASE)


@cache
def _markers() -> dict[str, re.Pattern[str]]:
    table = load_table("date_words.json")
    boundaries = [b for b in table["clause_boundaries"] if b.strip().isalpha()]
    marks = [re.escape(b.strip()) for b in table["clause_boundaries"] if not b.strip().isalpha()]
    return {
        "past": phrase_pattern(table["past_markers"]),
        "future": phrase_pattern(table["future_markers"]),
        # Punctuation ends a clause only when followed by a space (5,710 is a number).
        "boundary": re.compile(
            rf"(?:{'|'.join(marks)})(?=\s)|(?<![\w’'])(?:{'|'.join(boundaries)})(?![\w’'])",
            re.IGNORECASE,
        ),
    }


def clause_words(sentence: str, start: int, end: int) -> list[str]:
    """The words of the clause the span [start, end) belongs to: the words before
    it back to a clause boundary, or, when the span opens its clause ("On March 1,
    Ukraine claimed..."), the words after it up to the next boundary."""
    boundary = _markers()["boundary"]
    before_text = sentence[:start]
    cuts = [m.end() for m in boundary.finditer(before_text)]
    before = WORDS.findall(before_text[cuts[-1] :] if cuts else before_text)
    if any(word.lower() not in _CLAUSE_HEAD for word in before):
        return before[-_WINDOW_BEFORE:]
    after_text = sentence[end:].lstrip(" ,")
    stop = boundary.search(after_text)
    return WORDS.findall(after_text[: stop.start()] if stop else after_text)[:_WINDOW_AFTER]


def is_past(words: list[str]) -> bool:
    """Whether a clause speaks in the past: a past cue ("said", "-ed" verbs) and no
    future cue ("will", "scheduled", "until")."""
    table = load_table("date_words.json")
    markers = _markers()
    window = " ".join(words)
    if markers["future"].search(window):
        return False
    if markers["past"].search(window):
        return True
    exceptions = set(table["past_suffix_exceptions"])
    return any(
        word.lower().endswith(table["past_suffix"])
        and word.lower() not in exceptions
        and len(word) > 4
        for word in words
    )
