"""Reading the lexicon's JSON word tables: each file parsed once per process.

Owns the one way a table module turns a data file of this package into Python
values: `read(name)` parses `lexicon/<name>` with importlib.resources (so an
installed package finds it too) and caches it; `words`, `phrase` and
`by_phrase` turn JSON lists and space-joined keys into the frozensets and
token tuples the extractors test. Keys starting with "_" document a file and
are never tables.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import Any, TypeVar

__all__ = ["by_phrase", "phrase", "read", "read_text", "table_names", "words"]

LEXICON_PACKAGE = "newsledger.extract.lexicon"

Value = TypeVar("Value")


def read_text(name: str, package: str = LEXICON_PACKAGE) -> str:
    """The data file `name` of `package` as text (an installed package finds it too)."""
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


@cache
def read(name: str, package: str = LEXICON_PACKAGE) -> dict[str, Any]:
    """The parsed JSON data file `name` of `package` (read once per process)."""
    return json.loads(read_text(name, package))


def table_names(data: dict[str, Any]) -> list[str]:
    """The tables of a parsed data file: every key but the "_about" notes."""
    return [key for key in data if not key.startswith("_")]


def words(listed: Iterable[str]) -> frozenset[str]:
    """A JSON list of words as a frozenset."""
    return frozenset(listed)


def phrase(text: str) -> tuple[str, ...]:
    """A space-joined key ("tens of thousands") as its tuple of token texts."""
    return tuple(text.split(" "))


def by_phrase(
    table: dict[str, Any], convert: Callable[[Any], Value] = lambda value: value
) -> dict[tuple[str, ...], Value]:
    """A table keyed by space-joined phrases as a dict keyed by token tuples, in file order."""
    return {phrase(key): convert(value) for key, value in table.items()}
