"""Saved HTML pages: trafilatura finds the main text (one paragraph per line), the
title, the publication date and the canonical URL. A page with no main text is a
Reject. The WARC reader hands its HTML responses here with the WARC target URI and
date as fallbacks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from newsledger.models import Article, Origin, Reject
from newsledger.readers.base import ReadContext, build_article, excerpt_of

__all__ = ["article_from_html", "read_html"]

# Below this many words the "main text" is navigation or a cookie notice, not a story.
_MIN_MAIN_TEXT_WORDS = 8


def article_from_html(
    data: bytes,
    origin: Origin,
    *,
    fallback_url: str | None = None,
    fallback_date: str | None = None,
) -> Article | Reject:
    """The article in one HTML page, or a Reject saying why there is none."""
    import trafilatura  # heavy import; only HTML and WARC input needs it

    try:
        document = trafilatura.bare_extraction(
            data,
            url=fallback_url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    except Exception as exc:  # noqa: BLE001 - a broken page must not stop the batch
        return Reject(origin, f"HTML could not be parsed: {exc}", excerpt_of(data))
    text = getattr(document, "text", None) if document is not None else None
    if not text or len(text.split()) < _MIN_MAIN_TEXT_WORDS:
        return Reject(origin, "no main text found", excerpt_of(text or data))
    lines = text.strip().split("\n")
    if document.title and " ".join(lines[0].split()) == " ".join(document.title.split()):
        # trafilatura keeps the page's <h1>; the title is stored on its own.
        text = "\n".join(lines[1:])
    values = {
        "title": document.title,
        "date": document.date or fallback_date,
        "url": document.url or fallback_url,
        "text": text,
        "outlet": document.sitename,
    }
    return build_article(origin, values)


def read_html(
    stream: BinaryIO, head: bytes, path: str, context: ReadContext
) -> Iterator[Article | Reject]:
    """The article of one saved page."""
    context.stats.records_seen += 1
    origin = Origin(path, "record 1")
    data = stream.read(context.max_record_bytes + 1)
    if len(data) > context.max_record_bytes:
        yield Reject(origin, f"page too large (over {context.max_record_bytes} bytes)")
        return
    yield article_from_html(data, origin)
