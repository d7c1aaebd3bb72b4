"""Reading inputs in every supported format into Articles (or Rejects), streaming and
in input order: the plain record format, JSON Lines, JSON, CSV/TSV, saved HTML pages
and WARC archives, from files, directories, globs or stdin ("-"). Each article is
built by `newsledger.article.make_article` and passed through
`newsledger.quality.check_article`. Bad input never stops a batch and never raises
out of `read_inputs`: it becomes a Reject with a clear reason."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import BinaryIO

from newsledger.errors import FormatError
from newsledger.models import Article, Origin, Reject
from newsledger.quality import check_article
from newsledger.readers.base import (
    NO_TEXT_AFTER_NORMALISATION,
    ReadContext,
    ReadStats,
    excerpt_of,
)
from newsledger.readers.csv_reader import read_csv
from newsledger.readers.html import read_html
from newsledger.readers.json_reader import read_json
from newsledger.readers.jsonl import read_jsonl
from newsledger.readers.record import read_record
from newsledger.readers.sniff import FORMATS, format_for
from newsledger.readers.sources import (
    DEFAULT_MAX_RECORD_BYTES,
    PathProblem,
    expand_paths,
    looks_binary,
    open_stream,
)
from newsledger.readers.warc import read_warc

__all__ = ["DEFAULT_MAX_RECORD_BYTES", "FORMATS", "ReadStats", "read_inputs"]

_Reader = Callable[[BinaryIO, bytes, str, ReadContext], Iterator[Article | Reject]]


def _read_tsv(
    stream: BinaryIO, head: bytes, path: str, context: ReadContext
) -> Iterator[Article | Reject]:
    return read_csv(stream, head, path, context, delimiter="\t")


_READERS: dict[str, _Reader] = {
    "record": read_record,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
    "tsv": _read_tsv,
    "html": read_html,
    "warc": read_warc,
}


def read_inputs(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    format: str | None = None,  # noqa: A002 - the documented keyword
    fields: Mapping[str, str] | None = None,
    stats: ReadStats | None = None,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
) -> Iterator[Article | Reject]:
    """Articles (checked) and Rejects from every input, in input order.

    `format` forces one reader (see FORMATS); `fields` maps our field names (title,
    date, url, text, outlet) to the input's, e.g. {"text": "body"}; `stats`, when
    given, is filled in as records are read. Raises FormatError at once for an
    unknown `format`; nothing else escapes.
    """
    if format is not None and format not in FORMATS:
        raise FormatError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return _read_all(list(paths), format, fields, stats or ReadStats(), max_record_bytes)


def _read_all(
    paths: list[str | os.PathLike[str]],
    format_override: str | None,
    fields: Mapping[str, str] | None,
    stats: ReadStats,
    max_record_bytes: int,
) -> Iterator[Article | Reject]:
    context = ReadContext(stats=stats, fields=fields, max_record_bytes=max_record_bytes)
    for item in expand_paths(paths):
        if isinstance(item, PathProblem):
            stats.rejects += 1
            yield Reject(Origin(item.path, "file"), item.reason)
            continue
        for result in _read_file(item, format_override, context):
            if isinstance(result, Article):
                try:
                    result = check_article(result)
                except Exception as exc:  # noqa: BLE001 - one bad record must not stop a batch
                    result = Reject(result.origin, f"quality check failed: {exc}")
            if isinstance(result, Article) and not result.text:
                # Only invisible or control characters, which normalisation removes.
                result = Reject(result.origin, NO_TEXT_AFTER_NORMALISATION, result.title or "")
            if isinstance(result, Article):
                stats.articles += 1
            else:
                stats.rejects += 1
            yield result


def _read_file(
    path: str, format_override: str | None, context: ReadContext
) -> Iterator[Article | Reject]:
    file_origin = Origin(path, "file")
    try:
        stream, head = open_stream(path)
    except OSError as exc:
        yield Reject(file_origin, f"cannot read file: {exc.strerror or exc}")
        return
    context.stats.files += 1
    with stream:
        if not head.strip():
            yield Reject(file_origin, "empty file")
            return
        try:
            chosen = format_for(path, head, format_override)
        except FormatError as exc:
            yield Reject(file_origin, str(exc), excerpt_of(head))
            return
        if chosen != "warc" and looks_binary(head):
            yield Reject(file_origin, "not text (binary data)", excerpt_of(head[:60]))
            return
        try:
            yield from _READERS[chosen](stream, head, path, context)
        except OSError as exc:
            yield Reject(file_origin, f"cannot read file: {exc.strerror or exc}")
        except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the batch
            yield Reject(file_origin, f"{chosen} reader failed: {type(exc).__name__}: {exc}")
