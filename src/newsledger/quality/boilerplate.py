"""Page furniture in an article body: picture and video credits with their captions
("... in Lviv. Photograph: Name/Reuters"), live-blog post headers (timestamps,
section headlines and bylines glued to the post: "24 Mar 202218.08Trump sues
...Joanna Walters"), calls to the reader ("CLICK HERE TO GET THE FOX NEWS APP"),
link texts ("... says Estonia Read more") and share residue ("pic.twitter.com/...").
`separate_boilerplate(line)` parts each such stretch from the text it is glued to
(a sentence break, as glued-sentence repair gives), so it is never read as part
of a name or a quotation, and `furniture_spans(text)` gives the stretches the
extractors leave out. The text keeps its lines and its letters and digits in
order: the scorers' offset alignment (`eval/alignment.py`) pairs the stored text
with the published one line by line on those letters, so cutting a credit out of
a scraped one-line article, or putting it on a line of its own next to repeated
paragraphs, would unpair the whole article. The patterns are data in
`data/boilerplate.json`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsledger.quality.tables import load_table

__all__ = [
    "BOILERPLATE_KINDS",
    "boilerplate_kind",
    "boilerplate_spans",
    "furniture_spans",
    "separate_boilerplate",
]

BOILERPLATE_KINDS = (
    "picture_credit",
    "liveblog_header",
    "call_to_action",
    "link_text",
    "share_residue",
)
# A caption or a link text is one sentence; past this many characters before a credit
# or a link ending, what comes before is article text, not a caption.
MAX_CAPTION_CHARS = 400
# Rounds of parting before a line is left as it is (one is the rule, two is rare).
MAX_PARTING_ROUNDS = 4
# A section headline after a live-blog timestamp is short.
MAX_HEADLINE_CHARS = 250

_NAME_WORD = r"(?:[A-ZÀ-Ý][a-zà-ÿ’'.\-]+|[A-Z]{2,}(?![a-z])|[A-Z]\.)"
_NAMES = rf"{_NAME_WORD}(?:(?:, | |-){_NAME_WORD}){{0,5}}"
# A sentence ends here: after a stop and spaces, after a stop glued to a capital, or
# where a scraper glued two texts ("ShutterstockVolunteers", "202218.08Trump").
_BOUNDARY = re.compile(
    r"[.!?…][”\"’)]*\s+(?=\S)|[.!?][”\"’]?(?=[A-Z‘“])"
    r"|(?<=[a-z]{2})(?=[A-Z][a-z])|(?<=\d\.\d\d)(?=[A-Z‘“])"
)
# Two texts glued without a space: a headline ending and the byline or post after it.
# A word start, or a capital glued to a lower-case word ("/ReutersPhotograph: ").
_GLUED_START = r"(?:\b|(?<=[a-z]))"
_GLUE = re.compile(r"(?:(?<=[a-z]{2})|(?<=[’”?!)]))(?=[A-Z][a-z])")
# What may sit between two stretches of furniture without being text.
_SEPARATORS = " .,;:–—-|"
_ENDS_SENTENCE = re.compile(r"[.!?][”\"’]*\s*$")
_SENTENCE_END = frozenset('.!?:;,–—-|”"’)')
_STOP = re.compile(r"[.!?][”\"’]?\s+")
_BYLINE = re.compile(
    r"\s*[A-ZÀ-Ý][a-zà-ÿ’'\-]+(?: [A-ZÀ-Ý][a-zà-ÿ’'\-]+){1,2}(?=[A-Z][a-z‘“]|\s*$)"
)


@dataclass(frozen=True, slots=True)
class _Patterns:
    credit: re.Pattern[str]
    header: re.Pattern[str]
    call: re.Pattern[str]
    link: re.Pattern[str]
    residue: re.Pattern[str]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> _Patterns:
    table = load_table("boilerplate.json")
    labels = _alternatives(table["credit_labels"])
    known = rf"(?:{_alternatives(table['picture_agencies'])})(?![a-z])"
    agency = rf"(?:{known}|[A-Z]{{2,}}(?: [A-Z]{{2,}})*(?![a-z])|{_NAME_WORD})"
    credit = re.compile(
        rf"{_GLUED_START}(?:{labels}): (?:(?:{_NAMES})?(?:/{agency})+|{known}|{_NAMES})"
    )
    zones = _alternatives(table["time_zones"])
    stamp = r"\d{1,2}[.:]\d{2}"
    header = re.compile(
        rf"(?:Updated at {stamp}(?: (?:{zones}))?\s*)?"
        rf"(?:\d{{1,2}} [A-Z][a-z]{{2}} \d{{4}}|\d{{1,2}}[hmd] ago)\s?{stamp}"
        rf"|Updated at {stamp}(?: (?:{zones}))?"
        # a bare post time or video length glued to its headline, at a line or
        # sentence start ("said. 01:56Russia has invaded", "22.56Boris Johnson sets")
        rf"|(?:^|(?<=[.!?”\"’)] )){stamp}(?=[A-Z‘“'])"
    )
    upper = [call for call in table["calls_to_action"] if call.isupper()]
    sentence = [call for call in table["calls_to_action"] if not call.isupper()]
    call = re.compile(
        rf"{_GLUED_START}(?:{_alternatives(upper)})\b[A-Z0-9 ,'’&:\-]*(?![a-z])"
        rf"|\b(?:{_alternatives(sentence)})\b[^.!?\n]*[.!?]?"
    )
    link = re.compile(rf"(?:{_alternatives(table['link_endings'])})\b|\s[–—-] (?:video|audio)\b")
    residue = re.compile("|".join(table["share_residue"]))
    return _Patterns(credit, header, call, link, residue)


def _sentence_start(line: str, end: int) -> int:
    """Where the sentence ending at `end` starts: after the last boundary before it
    (the line start when none), or `end` itself when that is too far back."""
    window = max(0, end - MAX_CAPTION_CHARS)
    start = window
    for match in _BOUNDARY.finditer(line, window, end):
        if match.end() < end:
            start = match.end()
    if start == window and window > 0:
        return end
    return start


def _headline_end(line: str, start: int) -> int:
    """The end of the section headline and byline that follow a live-blog timestamp
    at `start`; `start` itself when the post's own text follows at once."""
    rest = line[start : start + MAX_HEADLINE_CHARS]
    glue = _GLUE.search(rest)
    stop = _STOP.search(rest)
    end = None
    if glue is not None and (stop is None or glue.start() < stop.start()):
        end = start + glue.start()
    elif stop is not None and _BYLINE.match(rest, stop.end()):
        end = start + stop.start() + 1  # "allegations. Joanna Walters" once repaired
    elif stop is None and start + len(rest) == len(line) and not _ENDS_SENTENCE.search(rest):
        return len(line)  # a headline alone on its line, set apart before
    if end is None:
        return start
    byline = _BYLINE.match(line, end if line[end] != "." else end + 1)
    return byline.end() if byline is not None else end


def boilerplate_spans(line: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every stretch of page furniture in one line, merged and
    in order; kind is one of BOILERPLATE_KINDS."""
    patterns = _patterns()
    spans: list[tuple[int, int, str]] = []
    for match in patterns.credit.finditer(line):
        spans.append((_sentence_start(line, match.start()), match.end(), "picture_credit"))
    for match in patterns.header.finditer(line):
        # The timestamp and the headline after it are parted too ("202218.08Trump").
        spans.append((match.start(), match.end(), "liveblog_header"))
        headline_end = _headline_end(line, match.end())
        if headline_end > match.end():
            spans.append((match.end(), headline_end, "liveblog_header"))
    for match in patterns.call.finditer(line):
        spans.append((match.start(), match.end(), "call_to_action"))
    for match in patterns.link.finditer(line):
        spans.append((_sentence_start(line, match.start()), match.end(), "link_text"))
    for match in patterns.residue.finditer(line):
        spans.append((match.start(), match.end(), "share_residue"))
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(spans):
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2])
        else:
            merged.append((start, end, kind))
    return merged


def boilerplate_kind(line: str) -> str | None:
    """The kind of page furniture the whole line is, or None when it holds any other text."""
    stripped = line.strip()
    if not stripped:
        return None
    spans = boilerplate_spans(stripped)
    covered = 0
    for start, end, _ in spans:
        if stripped[covered:start].strip(_SEPARATORS):
            return None
        covered = max(covered, end)
    if not spans or stripped[covered:].strip(_SEPARATORS):
        return None
    return spans[0][2]


def separate_boilerplate(line: str) -> tuple[str, list[str]]:
    """(the line with each stretch of page furniture parted from the text it is glued
    to, the kinds found). A glued edge gets a sentence break (". ", or a space after
    a stop), as glued-sentence repair gives one; only spaces and stops are added.
    A break can move where a stretch ends ("/AbC1.Updated"), so parting repeats
    until nothing changes (a second run then changes nothing either)."""
    parted, kinds = _part_once(line)
    for _ in range(MAX_PARTING_ROUNDS):
        again, _ = _part_once(parted)
        if again == parted:
            break
        parted = again
    return parted, kinds


def _part_once(line: str) -> tuple[str, list[str]]:
    spans = boilerplate_spans(line)
    if not spans:
        return line, []
    edges = sorted({edge for start, end, _ in spans for edge in (start, end)} - {0, len(line)})
    pieces: list[str] = []
    position = 0
    for edge in edges:
        pieces.append(line[position:edge])
        left, right = line[edge - 1], line[edge]
        if not left.isspace() and (right.isalnum() or right in "‘“\"'"):
            pieces.append(" " if left in _SENTENCE_END else ". ")
        position = edge
    pieces.append(line[position:])
    return "".join(pieces), [kind for _, _, kind in spans]


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) in `text` of every stretch of page furniture, in order: what no
    extractor reads as a statement, a speaker or a source."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        spans.extend((offset + start, offset + end) for start, end, _ in boilerplate_spans(line))
        offset += len(line) + 1
    return spans
