"""WARC and WARC.gz archives (Common Crawl News style), read record by record with
warcio. HTTP responses with an HTML content type go through the HTML reader, with
the WARC-Target-URI and WARC-Date as fallbacks; other records are skipped and
counted. A truncated or corrupt archive yields the records before the damage, then
one Reject at the offset where reading failed."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from newsledger.models import Article, Origin, Reject
from newsledger.readers.base import ReadContext
from newsledger.readers.html import article_from_html

__all__ = ["read_warc"]


def _content_type(record: object) -> str:
    http_headers = getattr(record, "http_headers", None)
    if http_headers is None:
        return ""
    return (http_headers.get_header("Content-Type") or "").lower()


def _size_of(stream: BinaryIO) -> int | None:
    try:
        return os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        return None  # stdin or another stream without a size


def read_warc(
    stream: BinaryIO, head: bytes, path: str, context: ReadContext
) -> Iterator[Article | Reject]:
    """Each HTML response's article or Reject, in archive order."""
    archive = ArchiveIterator(stream)
    records = iter(archive)
    # Where the next record starts: the offset a failure is reported at.
    next_offset = 0
    while True:
        try:
            record = next(records)
            if record.rec_type == "response" and "html" in _content_type(record):
                # warcio reads a record to its end when asked for its offset, so the
                # payload is read first.
                data = record.content_stream().read(context.max_record_bytes + 1)
            else:
                data = None
            offset = archive.get_record_offset()
            if getattr(record.raw_stream, "limit", 0):
                # The record declared more bytes than the archive still holds.
                raise EOFError(f"record at offset {offset} ends early")
            next_offset = offset + (archive.get_record_length() or 0)
        except StopIteration:
            # A gzip member cut short ends warcio's iteration silently; bytes left
            # over past the last whole record mean the archive is damaged there.
            size = _size_of(stream)
            if size is not None and next_offset < size:
                context.stats.records_seen += 1
                yield Reject(
                    Origin(path, f"offset {next_offset}"),
                    f"truncated or corrupt WARC: {size - next_offset} bytes after the last "
                    "complete record could not be read",
                )
            return
        except Exception as exc:  # noqa: BLE001 - warcio raises many types on damage
            context.stats.records_seen += 1
            yield Reject(
                Origin(path, f"offset {next_offset}"),
                f"truncated or corrupt WARC: {type(exc).__name__}: {exc}",
            )
            return
        if data is None:
            reason = (
                "warc response that is not HTML"
                if record.rec_type == "response"
                else f"warc {record.rec_type} record"
            )
            context.stats.skipped[reason] += 1
            continue
        context.stats.records_seen += 1
        origin = Origin(path, f"offset {offset}")
        if len(data) > context.max_record_bytes:
            yield Reject(origin, f"page too large (over {context.max_record_bytes} bytes)")
            continue
        yield article_from_html(
            data,
            origin,
            fallback_url=record.rec_headers.get_header("WARC-Target-URI"),
            fallback_date=record.rec_headers.get_header("WARC-Date"),
        )
