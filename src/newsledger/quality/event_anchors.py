"""Event anchors for date sanity: an article that speaks of a well-known dated event
as having happened ("after the Kremlin launched its long-anticipated military
operation", "since the invasion began") cannot have been published before it. The
events, their completed-event wording and their guards live in the user-extensible
table `data/known_events.json` (its `_about` says how to add one).

Besides the event's own date, two kinds of phrase move the earliest consistent date
forward: a weekday the article narrates in the past tense in a sentence about the
event or its aftermath ("the health minister said on Saturday that 198 civilians had
been killed" after a Thursday invasion: the first Saturday on or after it), and an
"Nth day of the war" phrase (the event's date plus N-1 days). Plain regular
expressions: this runs before any NLP, on every article."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from newsledger.errors import InputError
from newsledger.quality.tables import load_table
from newsledger.quality.tense import WORDS, clause_words, is_past, phrase_pattern, split_sentences

__all__ = ["AnchorHit", "KnownEvent", "find_anchor_hits", "known_events"]

_TABLE = "known_events.json"
# Guards look this many words before a match and after it, within its clause: the
# modal or conditional that makes "invaded Ukraine" hypothetical sits next to it.
_GUARD_BEFORE, _GUARD_AFTER = 8, 3
# Commas, semicolons, colons and dashes end the clause a guard word may govern.
_GUARD_CUT = re.compile(r",(?=\s)|[;:—–()]|\s-\s")
_QUOTES = re.compile(r"[\"“”«»„]|(?<![A-Za-z])'|'(?![A-Za-z])")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_GROUP_NAME = re.compile(r"\(\?P<\w+>")
_BACKREFERENCE = re.compile(r"\(\?P=|\\[1-9]")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Full names only, capitalised, singular: "Sat" and "Wed" are words, "on Mondays" a habit.
_WEEKDAY = re.compile(rf"\b({'|'.join(_WEEKDAY_NAMES)})\b(?!s\b)")
# A weekday narrated after an event lies 0..5 days after it; the day before the
# event's weekday is most likely the event itself seen from a time zone west of it
# ("Russia invaded Ukraine late Wednesday", US time), so it moves nothing.
_MAX_WEEKDAY_OFFSET = 5
_MAX_DAY_NUMBER = 400


@dataclass(frozen=True, slots=True)
class KnownEvent:
    """One row of `data/known_events.json`, compiled."""

    name: str
    day: date
    patterns: tuple[re.Pattern[str], ...]
    # The patterns as one alternation: whether any of them matches a sentence, in one search.
    any_pattern: re.Pattern[str]
    subject: re.Pattern[str] | None
    exclude: re.Pattern[str] | None
    narration: re.Pattern[str] | None
    tolerance: timedelta
    max_before: timedelta


@dataclass(frozen=True, slots=True)
class AnchorHit:
    """An article's evidence that it postdates `event`: the completed-event phrases
    found, the later days it narrates, and the earliest consistent date `day`."""

    event: KnownEvent
    phrases: tuple[str, ...]
    later: tuple[str, ...]
    day: date

    def describe(self) -> str:
        """A short human-readable account for a flag detail."""
        said = ", ".join(repr(p) for p in self.phrases)
        text = f"{self.event.name} ({self.event.day.isoformat()}) as having happened: {said}"
        if self.later:
            text += f"; narrates {', '.join(self.later)} after it"
        return text


def _compile(expression: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(expression, re.IGNORECASE)
    except re.error as exc:
        raise InputError(f"{_TABLE}: bad regular expression in {where}: {exc}") from exc


def _any_of(patterns: tuple[re.Pattern[str], ...], where: str) -> re.Pattern[str]:
    """One pattern matching wherever one of `patterns` does: their alternation, with
    group names dropped (alternatives may name the same group)."""
    expressions = [pattern.pattern for pattern in patterns]
    if any(_BACKREFERENCE.search(expression) for expression in expressions):
        raise InputError(f"{_TABLE}: {where} may not use backreferences")
    return _compile("|".join(f"(?:{_GROUP_NAME.sub('(?:', e)})" for e in expressions), where)


def _event(row: dict[str, Any], table: dict[str, Any], ordinal: str) -> KnownEvent:
    name = row.get("name") or "?"
    try:
        day = date.fromisoformat(row["date"])
        patterns = tuple(
            _compile(p.replace("<ORDINAL>", ordinal), f"{name!r} patterns") for p in row["patterns"]
        )
        max_before = int(row.get("max_days_before", table["default_max_days_before"]))
        tolerance = int(row.get("tolerance_days", 1))
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{_TABLE}: event {name!r} is malformed: {exc!r}") from exc
    if not patterns:
        raise InputError(f"{_TABLE}: event {name!r} has no patterns")

    def optional(key: str) -> re.Pattern[str] | None:
        return _compile(row[key], f"{name!r} {key}") if row.get(key) else None

    return KnownEvent(
        name=name,
        day=day,
        patterns=patterns,
        any_pattern=_any_of(patterns, f"{name!r} patterns"),
        subject=optional("subject"),
        exclude=optional("exclude"),
        narration=optional("narration"),
        tolerance=timedelta(days=tolerance),
        max_before=timedelta(days=max_before),
    )


@cache
def known_events() -> tuple[KnownEvent, ...]:
    """The events of `data/known_events.json`, compiled once (cached).

    Raises InputError naming the event when the table is malformed."""
    try:
        table = load_table(_TABLE)
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"{_TABLE} cannot be read: {exc}") from exc
    # Longest first, so "twenty-first" wins over "first".
    ordinal = "|".join(
        [re.escape(word) for word in sorted(table["ordinals"], key=len, reverse=True)]
        + [r"\d{1,3}(?:st|nd|rd|th)"]
    )
    return tuple(_event(row, table, ordinal) for row in table["events"])


@cache
def _not_completed() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(markers that count before a match, markers that count anywhere near it)."""
    table = load_table(_TABLE)
    either = table["not_completed_markers"]
    return phrase_pattern(either + table["before_only_markers"]), phrase_pattern(either)


@cache
def _ordinals() -> dict[str, int]:
    return {word.lower(): number for word, number in load_table(_TABLE)["ordinals"].items()}


def _day_number(text: str) -> int | None:
    text = text.lower()
    if text in _ordinals():
        return _ordinals()[text]
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else None


def _clean(sentence: str) -> str:
    # Quotation marks split phrases ("a “special military operation”") without
    # changing them; curly apostrophes are made straight for the patterns.
    return _QUOTES.sub("", sentence.replace("’", "'").replace("‘", "'"))


def _plain_words(text: str) -> list[str]:
    # Parts of compounds are no guard words: a "long-feared offensive", "long-planned
    # exercises" are things that happened.
    return [word for token in text.split() if "-" not in token for word in WORDS.findall(token)]


def _completed(sentence: str, start: int, end: int) -> bool:
    """Whether the match at [start, end) is told as done, not forecast, conditioned,
    wished, questioned or denied: no guard word before it, inside it ("Russia has
    not invaded Ukraine") or just after it, within its clause."""
    before = _GUARD_CUT.split(sentence[:start])[-1]
    after = _GUARD_CUT.split(sentence[end:])[0]
    markers_before, markers_either = _not_completed()
    return not (
        markers_before.search(" ".join(_plain_words(before)[-_GUARD_BEFORE:]))
        or markers_either.search(" ".join(_plain_words(sentence[start:end])))
        or markers_either.search(" ".join(_plain_words(after)[:_GUARD_AFTER]))
    )


def _about_other_time(sentence: str, event: KnownEvent) -> bool:
    years = {int(y) for y in _YEAR.findall(sentence)}
    if years - {event.day.year}:
        return True
    return bool(event.exclude and event.exclude.search(sentence))


def _sentences(text: str) -> list[tuple[str, str]]:
    """(paragraph, cleaned sentence) pairs."""
    pairs = []
    for line in text.split("\n"):
        if line.strip():
            pairs.extend((line, _clean(s)) for s in split_sentences(line))
    return pairs


def _later_weekdays(sentence: str, event: KnownEvent) -> list[tuple[str, int]]:
    """Weekdays the sentence narrates in the past, as (words, days after the event)."""
    found = []
    for match in _WEEKDAY.finditer(sentence):
        offset = (_WEEKDAY_NAMES.index(match.group(1)) - event.day.weekday()) % 7
        if offset > _MAX_WEEKDAY_OFFSET:
            continue
        if not is_past(clause_words(sentence, match.start(), match.end())):
            continue
        if not _completed(sentence, match.start(), match.end()):
            continue
        before = WORDS.findall(sentence[: match.start()])[-1:]
        shown = " ".join([*before, match.group(1)])
        found.append((shown, offset))
    return found


def _hit_for(event: KnownEvent, sentences: list[tuple[str, str]]) -> AnchorHit | None:
    phrases: list[str] = []
    offset, later = 0, []
    anchor_sentences = set()
    for index, (paragraph, sentence) in enumerate(sentences):
        if not event.any_pattern.search(sentence):
            continue  # most sentences: nothing below could find a phrase in them
        if sentence.rstrip(" \"”'").endswith("?") or _about_other_time(sentence, event):
            continue
        if event.subject and not event.subject.search(paragraph):
            continue
        for pattern in event.patterns:
            for match in pattern.finditer(sentence):
                if not _completed(sentence, match.start(), match.end()):
                    continue
                phrases.append(match.group())
                anchor_sentences.add(index)
                number = match.groupdict().get("day")
                days = _day_number(number) if number else None
                if days and 1 <= days <= _MAX_DAY_NUMBER and days - 1 > offset:
                    offset = days - 1
                    later = [repr(match.group())]
    if not phrases:
        return None
    for index, (_, sentence) in enumerate(sentences):
        narrates = index in anchor_sentences or (
            event.narration is not None and event.narration.search(sentence) is not None
        )
        if not narrates or _about_other_time(sentence, event):
            continue
        for shown, days in _later_weekdays(sentence, event):
            if days > offset:
                offset, later = days, [f"{shown!r}"]
    unique = tuple(dict.fromkeys(phrases))
    return AnchorHit(event, unique, tuple(later), event.day + timedelta(days=offset))


def find_anchor_hits(text: str, published: date) -> list[AnchorHit]:
    """Known events the text speaks of as done although `published` precedes them
    (by more than the event's tolerance, at most its max_days_before), each with the
    earliest publication date consistent with the text."""
    candidates = [
        event
        for event in known_events()
        if event.tolerance < event.day - published <= event.max_before
    ]
    if not candidates:
        return []
    sentences = _sentences(text)
    hits = [_hit_for(event, sentences) for event in candidates]
    return [hit for hit in hits if hit is not None]
