"""Date sanity: explicit calendar dates in the body ("March 1", "1 March", "Sunday,
February 27", "March 1, 2022") that the text speaks of in the past tense yet fall
after the stated publication date show that date is wrong. Each mention's year is
resolved as the one closest to the publication date (a weekday, when given, picks
among the candidate years); the suggested publication date is the latest such
mention. Weekday-only phrases ("on Tuesday") are not explicit and are ignored here;
`event_anchors` adds a second kind of evidence, well-known dated events the body
speaks of as done, and the flag suggests the latest date either requires.
Plain regular expressions and the word tables in `data/date_words.json`: this runs
before any NLP."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from newsledger.models import Flag
from newsledger.quality.event_anchors import find_anchor_hits
from newsledger.quality.tables import load_table
from newsledger.quality.tense import WORDS, clause_words, is_past, phrase_pattern, split_sentences

__all__ = ["DateMention", "date_sanity", "find_date_mentions"]

# A mention this many days after publication is still consistent: time zones and
# overnight print editions put the next day's date in today's paper.
_TOLERANCE = timedelta(days=1)
# Stated dates wrong by weeks are what scrapers produce; a past-tense date more than
# a quarter after publication is far likelier last year's event named without a year.
_MAX_SHIFT = timedelta(days=92)
# How many paragraphs back a year named in the text still sets the scene.
_CONTEXT_LINES = 3


@dataclass(frozen=True, slots=True)
class DateMention:
    """An explicit date found in the body, resolved to a calendar day."""

    text: str
    day: date
    sentence: str
    past: bool


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = load_table("date_words.json")
    # Month names must be capitalised: "may 5" is a verb, "May 5" a date.
    months = "|".join(
        sorted((name.capitalize() for name in table["months"]), key=len, reverse=True)
    )
    weekdays = "|".join(
        sorted((name.capitalize() for name in table["weekdays"]), key=len, reverse=True)
    )
    weekday = rf"(?:(?P<weekday>{weekdays})\.?,?\s+(?:the\s+)?)?"
    year = r"(?:,?\s+(?P<year>(?:19|20)\d{2})\b)?"
    ordinal = r"(?:st|nd|rd|th)?"
    month_first = re.compile(
        rf"\b{weekday}(?P<month>{months})\.?\s+(?P<day>[0-3]?\d){ordinal}\b(?![,.]?\d|:)"
        rf"{year}"
    )
    day_first = re.compile(
        rf"\b{weekday}(?P<day>[0-3]?\d){ordinal}\s+(?:of\s+)?(?P<month>{months})\b\.?{year}"
    )
    return month_first, day_first


@cache
def _month_probe() -> re.Pattern[str]:
    """Any capitalised month name, as the patterns write them."""
    months = load_table("date_words.json")["months"]
    return re.compile("|".join(sorted((m.capitalize() for m in months), key=len, reverse=True)))


@cache
def _markers() -> dict[str, re.Pattern[str]]:
    table = load_table("date_words.json")
    return {
        "chrome": phrase_pattern(table["page_chrome_markers"]),
        "year_shift": re.compile(
            r"^[\s,]*(" + "|".join(re.escape(k) for k in table["year_shifts"]) + r")\b",
            re.IGNORECASE,
        ),
        "year": re.compile(r"\b(?:19|20)\d{2}\b"),
    }


def _resolve(
    month: int, day: int, year: int | None, weekday: int | None, reference: date
) -> date | None:
    """The calendar day: the stated year, else the year that puts the date closest
    to `reference`, among those whose weekday matches when a weekday is given."""
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    candidates = []
    for candidate_year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(candidate_year, month, day))
        except ValueError:
            continue
    if weekday is not None:
        matching = [c for c in candidates if c.weekday() == weekday]
        candidates = matching or candidates
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs((c - reference).days))


def _is_target(sentence: str, start: int) -> bool:
    # "extended the lockdown to May 1", "by 7 March": a deadline, not an event.
    previous = WORDS.findall(sentence[:start])[-1:]
    targets = load_table("date_words.json")["target_prepositions"]
    return bool(previous) and previous[0].lower() in targets


def _speaks_of_other_year(context: str, day: date, reference: date) -> bool:
    # A passage that names another year ("On 20 March 2003", "in 1945") is likely
    # telling history; its year-less dates cannot be placed safely.
    years = {int(y) for y in _markers()["year"].findall(context)}
    return bool(years - {day.year, reference.year})


def find_date_mentions(text: str, reference: date) -> list[DateMention]:
    """Every explicit day-and-month date in the text, resolved against `reference`;
    `past` tells whether the text speaks of it in the past tense."""
    table = load_table("date_words.json")
    month_numbers, weekday_numbers = table["months"], table["weekdays"]
    markers = _markers()
    mentions: list[DateMention] = []
    lines = [line for line in text.split("\n") if line.strip()]
    month_probe = _month_probe()
    for number, line in enumerate(lines):
        if not month_probe.search(line):
            continue  # every pattern needs a month name
        context = " ".join(lines[max(0, number - _CONTEXT_LINES) : number + 1])
        for sentence in split_sentences(line):
            taken: list[tuple[int, int]] = []
            for pattern in _patterns():
                for match in pattern.finditer(sentence):
                    if any(s < match.end() and match.start() < e for s, e in taken):
                        continue
                    day_number = int(match.group("day"))
                    if not 1 <= day_number <= 31:
                        continue
                    weekday_name = match.group("weekday")
                    year = int(match.group("year")) if match.group("year") else None
                    shift = markers["year_shift"].match(sentence[match.end() :])
                    resolved = _resolve(
                        month_numbers[match.group("month").lower()],
                        day_number,
                        year,
                        weekday_numbers[weekday_name.lower()] if weekday_name else None,
                        reference,
                    )
                    if resolved is None:
                        continue
                    if shift and year is None:
                        offset = table["year_shifts"][shift.group(1).lower()]
                        try:
                            resolved = resolved.replace(year=reference.year + offset)
                        except ValueError:
                            continue
                    taken.append(match.span())
                    historical = year is None and _speaks_of_other_year(
                        context, resolved, reference
                    )
                    past = (
                        is_past(clause_words(sentence, match.start(), match.end()))
                        and not _is_target(sentence, match.start())
                        and not markers["chrome"].search(sentence)
                        and not historical
                    )
                    mentions.append(DateMention(match.group().strip(), resolved, sentence, past))
    return mentions


def date_sanity(text: str, published: str | None) -> Flag | None:
    """A `date_inconsistent` flag when past-tense mentions postdate `published`
    (ISO) by more than a day, or the body speaks of a known event (see
    `event_anchors`) as done although `published` precedes it; `suggested` is the
    latest of those constraints (ISO): the earliest date consistent with the body."""
    if published is None:
        return None
    reference = date.fromisoformat(published)
    late = [
        mention
        for mention in find_date_mentions(text, reference)
        if mention.past and reference + _TOLERANCE < mention.day <= reference + _MAX_SHIFT
    ]
    anchors = find_anchor_hits(text, reference)
    if not late and not anchors:
        return None
    suggested = max([m.day for m in late] + [hit.day for hit in anchors])
    parts = [f"{m.text!r} = {m.day.isoformat()} (past tense)" for m in late]
    parts += [hit.describe() for hit in anchors]
    return Flag(
        "date_inconsistent",
        f"published {published} but the body speaks in the past of {'; '.join(parts)}",
        suggested.isoformat(),
    )
