"""JSON Lines: one JSON object per line, read line by line in bounded chunks. A broken
line becomes a Reject with its line number and the batch goes on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from newsledger.models import Article, Origin, Reject
from newsledger.readers.base import ReadContext, build_article, excerpt_of
from newsledger.readers.decoding import Decoder
from newsledger.readers.fields import pick_fields, resolve_columns
from newsledger.readers.sources import bounded_lines

__all__ = ["read_jsonl", "values_or_reject"]


def values_or_reject(
    record: object, origin: Origin, context: ReadContext, raw: str
) -> dict[str, str | None] | Reject:
    """Our field values from one decoded JSON value, or why it cannot be an article."""
    if not isinstance(record, dict):
        return Reject(origin, f"not a JSON object (a {type(record).__name__})", excerpt_of(raw))
    if resolve_columns(list(record), context.fields)["text"] is None:
        found = ", ".join(list(record)[:20]) or "none"
        return Reject(
            origin,
            f"no text field (fields found: {found}); use --field text=FIELD",
            excerpt_of(raw),
        )
    return pick_fields(record, context.fields)


def read_jsonl(
    stream: BinaryIO, head: bytes, path: str, context: ReadContext
) -> Iterator[Article | Reject]:
    """Each line's article or Reject, in file order."""
    decoder = Decoder(head)
    for line in bounded_lines(stream, context.max_record_bytes):
        origin = Origin(path, f"line {line.number}")
        if line.data is None:
            context.stats.records_seen += 1
            yield Reject(
                origin, f"record too large ({line.size} bytes, limit {context.max_record_bytes})"
            )
            continue
        if not line.data.strip():
            continue
        context.stats.records_seen += 1
        decoded = decoder.decode(line.data)
        raw = decoded.text
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield Reject(
                origin, f"invalid JSON ({exc.msg}, column {exc.colno})", excerpt_of(line.data)
            )
            continue
        values = values_or_reject(record, origin, context, raw)
        if isinstance(values, Reject):
            yield values
            continue
        # The record is the line, so its origin already names the line (and a shard of
        # the file, read by scale.shards, renumbers only the origin).
        yield build_article(origin, values, encoding=decoded.note)
