"""JSON files: an array of article objects, or one object (or several concatenated),
parsed incrementally with ijson so a large array is never held whole. A syntax error
rejects the record where it happens and ends that file: past a JSON syntax error
there is no reliable next record."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import ijson

from newsledger.models import Article, Origin, Reject
from newsledger.readers.base import ReadContext, build_article
from newsledger.readers.jsonl import values_or_reject

__all__ = ["read_json"]


def read_json(
    stream: BinaryIO, head: bytes, path: str, context: ReadContext
) -> Iterator[Article | Reject]:
    """Each array item's (or top-level object's) article or Reject."""
    is_array = head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[")
    items = (
        ijson.items(stream, "item", use_float=True)
        if is_array
        else ijson.items(stream, "", multiple_values=True, use_float=True)
    )
    number = 0
    while True:
        origin = Origin(path, f"record {number + 1}")
        try:
            record = next(items)
        except StopIteration:
            return
        except (ijson.JSONError, UnicodeDecodeError, ValueError) as exc:
            context.stats.records_seen += 1
            yield Reject(origin, f"invalid JSON: {exc}; the rest of the file is skipped")
            return
        number += 1
        context.stats.records_seen += 1
        values = values_or_reject(record, origin, context, str(record)[:400])
        yield values if isinstance(values, Reject) else build_article(origin, values)
