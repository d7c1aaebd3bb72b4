"""What every format reader shares: the read statistics (`ReadStats`), the context a
reader runs with (field mapping, size limit, stats), and turning one record's fields
into an Article or a Reject with a clear reason (empty body, missing text field)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from newsledger.article import make_article
from newsledger.models import Article, Flag, Origin, Reject
from newsledger.readers.sources import DEFAULT_MAX_RECORD_BYTES

__all__ = [
    "NO_TEXT_AFTER_NORMALISATION",
    "ReadContext",
    "ReadStats",
    "build_article",
    "excerpt_of",
]

_EXCERPT_CHARS = 200
# The reason for a record whose body holds only characters normalisation removes
# (zero-width spaces, control characters...).
NO_TEXT_AFTER_NORMALISATION = "no body text after normalisation"


@dataclass(slots=True)
class ReadStats:
    """Counts from one read_inputs run; `skipped` counts records that are neither
    articles nor rejects (WARC request/metadata records...), by reason."""

    files: int = 0
    records_seen: int = 0
    articles: int = 0
    rejects: int = 0
    skipped: Counter[str] = field(default_factory=Counter)


@dataclass(slots=True)
class ReadContext:
    """The settings a format reader runs with."""

    stats: ReadStats
    fields: Mapping[str, str] | None = None
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES


def excerpt_of(value: str | bytes | None) -> str:
    """The first characters of a record, printable, for a Reject."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        value = value[: _EXCERPT_CHARS * 4].decode("utf-8", errors="replace")
    return " ".join(value[: _EXCERPT_CHARS * 2].split())[:_EXCERPT_CHARS]


def build_article(
    origin: Origin,
    values: Mapping[str, str | None],
    *,
    encoding: str | None = None,
) -> Article | Reject:
    """An Article from our field values, or a Reject when there is no body text.
    `encoding` says how lines that were not plain UTF-8 were decoded (see
    `decoding.encoding_detail`); it becomes an `encoding` flag."""
    text = values.get("text")
    if text is None or not text.strip():
        return Reject(origin, "no body text", excerpt_of(values.get("title")))
    article = make_article(
        title=values.get("title"),
        date_raw=values.get("date"),
        url=values.get("url"),
        text=text,
        origin=origin,
        outlet=values.get("outlet"),
    )
    if encoding is not None:
        article.flags.append(Flag("encoding", encoding))
    return article
