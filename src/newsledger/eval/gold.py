"""Reading a gold JSONL file for the scorers: one record a line, errors naming the line."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from newsledger.errors import EvalError

__all__ = ["read_gold"]

T = TypeVar("T")


def read_gold(path: str | Path, build: Callable[[dict], T], what: str) -> Iterator[T]:
    """`build(record)` for each non-blank line of `path`, in order.

    A line that is not JSON, or a record `build` cannot read (ValueError,
    KeyError, TypeError), raises EvalError naming the file, the line and `what`
    a record should be; an unreadable file raises EvalError too.
    """
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = build(json.loads(line))
                except (ValueError, KeyError, TypeError) as exc:
                    raise EvalError(f"{path}, line {number}: not a {what} ({exc!r})") from exc
                yield record
    except OSError as exc:
        raise EvalError(f"cannot read gold file {path}: {exc}") from exc
