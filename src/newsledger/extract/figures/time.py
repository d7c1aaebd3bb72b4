"""When a figure holds: its as-of date or period, resolved against the reference date.

Owns reading the date expressions of a figure's sentence ("On Sunday, February
27", "on Tuesday", "as of March 1", "by March 4", "yesterday") into an ISO
as-of date, and the period phrases ("since the invasion began on 24
February", "from 4 May", "between 3 and 9 May") and vague periods ("last
month", "this year") into a period text. A period says when a count started,
never the day it holds for: dates inside a period phrase are never the as-of
date, and the period text carries them resolved ("since 2022-02-24"); a
phrase without a resolvable date keeps its words ("since the war began").
A weekday resolves to the latest such day on or before the reference date
(news says "on Tuesday" of the same week, in the past). When a
sentence dates nothing, the figure holds as of the reference date itself, and
`as_of_note` says so; when the reference date is only the suggested
publication date (the stated one was flagged inconsistent), the note says that too.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from newsledger.extract.context import sentence_of, span_ents, span_text
from newsledger.extract.lexicon.figures import (
    PERIOD_OPENERS,
    PERIOD_WORDS,
    RANGE_JOINERS,
    RATE_ADVERBS,
    RATE_DETERMINERS,
    RATE_UNITS,
    RELATIVE_DAYS,
    WEEKDAYS,
)

__all__ = ["TimeReading", "parse_reference", "read_time", "resolve_date_text"]

# A month-day more than this many days after the reference date belongs to the year before.
FUTURE_SLACK_DAYS = 7


@dataclass(frozen=True, slots=True)
class TimeReading:
    as_of: str | None
    period: str | None
    as_of_note: str | None


@dataclass(frozen=True, slots=True)
class _Period:
    """A period phrase: its opening word, the token indices it covers, its text."""

    opener: Token
    tokens: frozenset[int]
    text: str


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    text = (
        resources.files("newsledger.data").joinpath("date_words.json").read_text(encoding="utf-8")
    )
    return dict(json.loads(text)["months"])


@lru_cache(maxsize=1)
def _month_day_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = "|".join(sorted(_months(), key=len, reverse=True))
    month_day = re.compile(
        rf"\b({names})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I
    )
    day_month = re.compile(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({names})\b\.?(?:,?\s+(\d{{4}}))?", re.I
    )
    return month_day, day_month


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve_date_text(text: str, reference: dt.date | None) -> dt.date | None:
    """An ISO date for a date expression, or None when it names no single day.

    "Sunday, February 27" -> that February 27; "on Tuesday" -> the latest Tuesday
    on or before the reference; "yesterday" -> the day before.
    """
    lowered = text.lower()
    month_day, day_month = _month_day_patterns()
    months = _months()
    for pattern, month_group, day_group in ((month_day, 1, 2), (day_month, 2, 1)):
        match = pattern.search(text)
        if not match:
            continue
        month = months[match.group(month_group).lower()]
        day = int(match.group(day_group))
        if match.group(3):
            return _safe_date(int(match.group(3)), month, day)
        if reference is None:
            return None
        found = _safe_date(reference.year, month, day)
        if found and (found - reference).days > FUTURE_SLACK_DAYS:
            found = _safe_date(reference.year - 1, month, day)
        return found
    if reference is None:
        return None
    for word, shift in RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", lowered):
            return reference + dt.timedelta(days=shift)
    for number, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", lowered):
            back = (reference.weekday() - number) % 7
            return reference - dt.timedelta(days=back)
    return None


def parse_reference(reference_date: str | None) -> dt.date | None:
    """The ISO reference date as a date, or None when there is none or it is malformed."""
    if not reference_date:
        return None
    try:
        return dt.date.fromisoformat(reference_date[:10])
    except ValueError:
        return None


def _figure_path(anchor: Token) -> list[Token]:
    path = [anchor]
    node = anchor
    # A head chain ends at its root (its own head); bounded by the doc's length all the same.
    for _ in range(len(anchor.doc)):
        if node.head.i == node.i:
            break
        node = node.head
        path.append(node)
    return path


def _clause_tokens(token: Token) -> list[Token]:
    """The words of the phrase `token` opens: a "since" clause or a preposition's subtree."""
    if token.dep_ != "mark":
        return list(token.subtree)
    # "since the Russian invasion began": the clause is the mark's head.
    clause = token.head
    tokens = [t for t in clause.subtree if t.dep_ != "punct" or t.i < clause.i]
    tokens = [t for t in tokens if t.i >= token.i]
    conj_cut = [t.i for t in tokens if t.dep_ == "cc" and t.head.i == clause.i]
    return [t for t in tokens if t.i < conj_cut[0]] if conj_cut else tokens


def _linear_tokens(opener: Token) -> list[Token]:
    """The opener and the words after it up to a comma or a verb, at most 8."""
    tokens = [opener]
    for token in opener.doc[opener.i + 1 : min(opener.sent.end, opener.i + 9)]:
        if token.text in (",", ";", ".") or token.pos_ in ("VERB", "AUX"):
            break
        tokens.append(token)
    return tokens


def _segment_dates(tokens: list[Token], reference: dt.date | None) -> list[dt.date]:
    """The dates of a period phrase, one per part between "and" / "to" / "until"."""
    segments: list[list[str]] = [[]]
    for token in tokens:
        if token.lower_ in RANGE_JOINERS:
            segments.append([])
        else:
            segments[-1].append(token.text)
    found = (resolve_date_text(" ".join(words), reference) for words in segments if words)
    return [date for date in found if date is not None]


def _period_phrases(anchor: Token, reference: dt.date | None, lowered: str) -> list[_Period]:
    """ "since ...", and "from X (to Y)" / "between X and Y" when they hold a date.

    These phrases say when a count started, never the day it holds for: the
    dates inside them are kept out of the as-of candidates. `lowered` is the
    sentence's lowered text.
    """
    sentence = sentence_of(anchor)
    # Most sentences hold no opener: a substring test spares walking their tokens
    # (a token whose lower form is an opener always shows in the lowered text).
    if not any(opener in lowered for opener in PERIOD_OPENERS):
        return []
    dates = [e for e in span_ents(sentence) if e.label_ in ("DATE", "TIME")]
    phrases = []
    for token in sentence:
        word = token.lower_
        if word not in PERIOD_OPENERS:
            continue
        if token.dep_ in ("prep", "mark", "advmod"):
            tokens = _clause_tokens(token)
        elif word != "since":
            # "Between 3 May and 9 May" is often parsed as a number range.
            tokens = _linear_tokens(token)
        else:
            continue
        indices = frozenset(t.i for t in tokens)
        inside = [e for e in dates if e.start in indices]
        if word != "since" and not inside:
            continue  # "from Kharkiv", "between the two towns": places, not periods
        resolved = _segment_dates(tokens, reference)
        if resolved and word == "since":
            text = f"since {resolved[0].isoformat()}"
        elif len(resolved) >= 2:
            joiner = "and" if word == "between" else "to"
            text = f"{word} {resolved[0].isoformat()} {joiner} {resolved[1].isoformat()}"
        elif resolved:
            text = f"{word} {resolved[0].isoformat()}"
        else:
            text = " ".join(t.text for t in tokens).strip(" ,")
        phrases.append(_Period(token, indices, text))
    return phrases


def _since_phrase(anchor: Token, phrases: list[_Period], path: set[int]) -> str | None:
    """The period phrase of the number: one attached to its clause, else the nearest."""
    if not phrases:
        return None

    def rank(phrase: _Period) -> tuple[bool, int]:
        opener = phrase.opener
        attached = opener.head.i in path or opener.i in path
        return (not attached, abs(opener.i - anchor.i))

    return sorted(phrases, key=rank)[0].text


def _rate(figure_path: list[Token]) -> str | None:
    """ "per day" for "50 soldiers are dying every day", "100 a week", "200 per day".

    A rate says how many in each day (week, ...), never how many so far: it is
    read from the words attached to the number's own phrase or clause, up to the
    clause's verb, so "a year ago" or "in a day" elsewhere never count.
    """
    for node in figure_path:
        for child in node.children:
            word = child.lower_
            if word in RATE_ADVERBS and child.dep_ in ("advmod", "amod"):
                return f"per {RATE_ADVERBS[word]}"
            if (
                word in RATE_UNITS
                and child.dep_ in ("npadvmod", "obl", "dobj", "advmod")
                and any(d.lower_ in RATE_DETERMINERS for d in child.children if d.i < child.i)
            ):
                return f"per {word}"
            if word == "per" and child.dep_ == "prep":
                units = [o for o in child.children if o.lower_ in RATE_UNITS]
                if units:
                    return f"per {units[0].lower_}"
        if node.pos_ in ("VERB", "AUX"):
            break
    return None


def _vague_period(text: str) -> str | None:
    for phrase in PERIOD_WORDS[:-1]:
        if phrase in text:
            return phrase
    return None


def read_time(
    anchor: Token, reference_date: str | None, reference_is_suggested: bool
) -> TimeReading:
    """as_of, period and as_of_note for the number at `anchor`."""
    reference = parse_reference(reference_date)
    suggested = (
        " (the suggested publication date; the stated one is inconsistent)"
        if reference_is_suggested
        else ""
    )
    sentence = sentence_of(anchor)
    figure_path = _figure_path(anchor)
    path = {t.i for t in figure_path}
    # Built once (a Span joins its tokens each time) for both period readers.
    lowered = span_text(sentence).lower()
    phrases = _period_phrases(anchor, reference, lowered)
    in_periods = frozenset().union(*(p.tokens for p in phrases)) if phrases else frozenset()
    dated: list[tuple[bool, int, dt.date, str]] = []
    for entity in span_ents(sentence):
        if entity.label_ not in ("DATE", "TIME") or entity.start in in_periods:
            continue
        resolved = resolve_date_text(entity.text, reference)
        if resolved is None:
            continue
        attached = any(t.head.i in path or t.i in path for t in entity)
        dated.append((not attached, abs(entity.start - anchor.i), resolved, entity.text))
    period = _rate(figure_path) or _since_phrase(anchor, phrases, path) or _vague_period(lowered)
    if dated:
        _, _, resolved, text = sorted(dated)[0]
        note = None
        if reference_is_suggested:
            note = f"'{text}' resolved against {reference_date}{suggested}"
        return TimeReading(resolved.isoformat(), period, note)
    if reference is None:
        return TimeReading(None, period, "no date in the sentence and no publication date")
    return TimeReading(
        reference.isoformat(), period, f"no date in the sentence: publication date{suggested}"
    )
