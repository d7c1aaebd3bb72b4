"""The plain record format: line 1 title, line 2 publication date (YYYYMMDD), line 3
URL, lines 4+ body, one record per file. Lenient as real scrapes need: line 2 is the
date line whatever it holds (a bad value is flagged, not fatal), and a line 3 that is
not a URL is body text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from newsledger.models import Article, Origin, Reject
from newsledger.readers.base import ReadContext, build_article, excerpt_of
from newsledger.readers.decoding import Decoder, encoding_detail
from newsledger.readers.sources import bounded_lines

__all__ = ["read_record"]

_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


def read_record(
    stream: BinaryIO, head: bytes, path: str, context: ReadContext
) -> Iterator[Article | Reject]:
    """The one article of a record file, or a Reject."""
    context.stats.records_seen += 1
    lines: list[tuple[int, bytes]] = []
    total = 0
    first_line_number: int | None = None
    for line in bounded_lines(stream, context.max_record_bytes):
        total += line.size
        if line.data is None or total > context.max_record_bytes:
            yield Reject(
                Origin(path, f"line {line.number}"),
                f"record too large (over {context.max_record_bytes} bytes)",
                excerpt_of(lines[0][1] if lines else None),
            )
            return
        if first_line_number is None:
            if not line.data.strip():
                continue  # blank lines before the title are framing
            first_line_number = line.number
        lines.append((line.number, line.data))
    origin = Origin(path, f"line {first_line_number or 1}")
    decoder = Decoder(head)
    text_lines: list[str] = []
    notes: list[tuple[int, str]] = []
    for number, data in lines:
        decoded = decoder.decode(data)
        text_lines.append(decoded.text.rstrip("\r\n"))
        if decoded.note:
            notes.append((number, decoded.note))
    title = text_lines[0] if text_lines else None
    date_raw = text_lines[1] if len(text_lines) > 1 else None
    rest = text_lines[2:]
    url = None
    if rest and _URL.match(rest[0].strip()):
        url = rest.pop(0).strip()
    values = {
        "title": title,
        "date": date_raw,
        "url": url,
        "text": "\n".join(rest),
        "outlet": None,
    }
    yield build_article(origin, values, encoding=encoding_detail(notes))
