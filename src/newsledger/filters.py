"""The one filter object of every listing: what the CLI, the HTTP API and the dashboard ask for.

`Filters` is a frozen dataclass holding every criterion a ledger, figure or
statement listing understands (category, group, place, source or source
entity id, as-of date range, grade; speaker, article and kind for
statements). Interfaces build one from their inputs (`Filters.parse` reads
query-string text and raises FilterError on a bad value; `Filters.lenient`
drops a bad value instead, for a web form) and the store turns it into SQL.
The store imports this module, never the reverse.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date

from newsledger.errors import NewsledgerError
from newsledger.models import FIGURE_CATEGORIES

__all__ = [
    "MAX_ENTITY_ID",
    "MAX_FILTER_CHARS",
    "STATEMENT_KINDS",
    "UNNAMED",
    "FilterError",
    "Filters",
]

MAX_FILTER_CHARS = 200
# SQLite integers are 64-bit; an id past this is no entity and must not reach the driver.
MAX_ENTITY_ID = 10**12
STATEMENT_KINDS = ("direct", "indirect", "mixed")
# The source filter value that asks for figures and entries without a source.
UNNAMED = "unnamed"
_GRADE_WORD = re.compile(r"^[a-z][a-z_]*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_TEXT_FIELDS = ("category", "group", "place", "source", "grade", "speaker", "article_id", "kind")


class FilterError(NewsledgerError, ValueError):
    """A filter value that cannot be used (an unknown category, a bad date...)."""


@dataclass(frozen=True, slots=True)
class Filters:
    """Criteria of a listing; None means "any". Each listing uses the ones it has:
    ledger entries (category, group, place, source, source_id, since, until, grade),
    figures (category, group, place, source, since, until, background), statements
    (speaker, article_id, kind). A place is matched by its resolved country, region or
    name, by name or ISO code (store/place_terms.py)."""

    category: str | None = None
    group: str | None = None
    place: str | None = None
    source: str | None = None
    source_id: int | None = None
    since: date | None = None
    until: date | None = None
    grade: str | None = None
    speaker: str | None = None
    article_id: str | None = None
    kind: str | None = None
    # True: only background figures (counts of a past event); False: only current ones.
    background: bool | None = None

    @classmethod
    def parse(cls, raw: Mapping[str, str | None]) -> Filters:
        """Filters from text values (a query string, form or CLI); empty means "any".

        Unknown keys are ignored; a value that cannot be used raises FilterError.
        """
        values: dict[str, object] = {}
        for name in _TEXT_FIELDS:
            text = _clean(raw.get(name), name)
            if text is not None:
                values[name] = text
        for name in ("since", "until"):
            text = _clean(raw.get(name), name)
            if text is not None:
                values[name] = _date(text, name)
        text = _clean(raw.get("source_id"), "source_id")
        if text is not None:
            values["source_id"] = _entity_id(text)
        text = _clean(raw.get("background"), "background")
        if text is not None:
            values["background"] = _yes_no(text, "background")
        return cls(**values).checked()

    @classmethod
    def lenient(cls, raw: Mapping[str, str | None]) -> Filters:
        """Like `parse`, but a value that cannot be used (alone or with the ones before it)
        is dropped: a web form then shows that field empty, which tells the user."""
        kept: dict[str, str | None] = {}
        for name, value in raw.items():
            try:
                cls.parse({**kept, name: value})
            except FilterError:
                continue
            kept[name] = value
        return cls.parse(kept)

    @classmethod
    def of(cls, base: Filters | None = None, **criteria: object) -> Filters:
        """`base` (or no criteria) with these set; text dates and entity ids are parsed.

        For callers holding plain values (`store.ledger(category="killed")`);
        an unknown criterion is a TypeError, like an unknown keyword.
        """
        names = {item.name for item in fields(cls)}
        unknown = sorted(set(criteria) - names)
        if unknown:
            raise TypeError(f"unknown filter {unknown[0]!r}")
        text = {k: v for k, v in criteria.items() if isinstance(v, str)}
        other = {k: v for k, v in criteria.items() if v is not None and not isinstance(v, str)}
        parsed = {k: getattr(cls.parse(text), k) for k in text}
        return replace(base or cls(), **parsed, **other).checked()

    def checked(self) -> Filters:
        """This object, after checking every value it holds; FilterError names the bad one."""
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, str) and (not value.strip() or len(value) > MAX_FILTER_CHARS):
                raise FilterError(f"{item.name} must be 1 to {MAX_FILTER_CHARS} characters")
        if self.category is not None and self.category not in FIGURE_CATEGORIES:
            raise FilterError(f"unknown category {self.category!r}")
        if self.kind is not None and self.kind not in STATEMENT_KINDS:
            raise FilterError(f"unknown statement kind {self.kind!r}")
        if self.place is not None and not any(c.isalnum() for c in self.place):
            raise FilterError(f"place {self.place!r} names no place")
        if self.grade is not None and not _GRADE_WORD.match(self.grade):
            raise FilterError(f"{self.grade!r} is not a grade")
        if self.source_id is not None and not 1 <= self.source_id <= MAX_ENTITY_ID:
            raise FilterError(f"source_id must be an entity id, 1 to {MAX_ENTITY_ID}")
        if self.since and self.until and self.since > self.until:
            raise FilterError("since is after until")
        return self

    def with_values(self, **values: object) -> Filters:
        """A copy with these criteria changed (None clears one)."""
        return replace(self, **values).checked()

    def as_query(self) -> dict[str, str]:
        """The criteria set, as text: `Filters.parse(f.as_query()) == f`."""
        query: dict[str, str] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if value is not None:
                if isinstance(value, bool):
                    query[item.name] = "true" if value else "false"
                else:
                    query[item.name] = value.isoformat() if isinstance(value, date) else str(value)
        return query

    def form(self) -> dict[str, str]:
        """Every criterion as text for a form, "" when unset."""
        return {item.name: "" for item in fields(self)} | self.as_query()

    def describe(self) -> str:
        """The criteria in words: "killed, group ~ civilians, source ~ UN, from 2022-03-01"."""
        parts = [self.category or "all categories"]
        for name in ("group", "place", "source", "source_id", "grade"):
            if getattr(self, name) is not None:
                parts.append(f"{name} ~ {getattr(self, name)}")
        if self.background is not None:
            parts.append("background only" if self.background else "no background")
        if self.since:
            parts.append(f"from {self.since.isoformat()}")
        if self.until:
            parts.append(f"until {self.until.isoformat()}")
        return ", ".join(parts)

    @property
    def only_background(self) -> bool | None:
        """True when only background figures (counts of a past event) are asked for."""
        return self.background is True or None

    @property
    def current_only(self) -> bool | None:
        """True when background figures are to be left out."""
        return self.background is False or None

    @property
    def unnamed_source(self) -> bool | None:
        """True when the source criterion is `unnamed`: figures and entries without a source."""
        return (self.source is not None and self.source.strip().casefold() == UNNAMED) or None

    @property
    def named_source(self) -> str | None:
        """The source criterion when it names a source (see newsledger.source_names)."""
        return None if self.unnamed_source else self.source


def _clean(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise FilterError(f"{name} must be text")
    text = value.strip()
    if len(text) > MAX_FILTER_CHARS:
        raise FilterError(f"{name} is longer than {MAX_FILTER_CHARS} characters")
    return text or None


def _date(text: str, name: str) -> date:
    # Only YYYY-MM-DD: Python 3.11 would also read "20220301" or "2022-W09".
    try:
        if not _ISO_DATE.match(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError as exc:
        raise FilterError(f"{name}: {text!r} is not a date (YYYY-MM-DD)") from exc


_YES = frozenset({"true", "yes", "1", "on"})
_NO = frozenset({"false", "no", "0", "off"})


def _yes_no(text: str, name: str) -> bool:
    word = text.casefold()
    if word in _YES or word in _NO:
        return word in _YES
    raise FilterError(f"{name}: {text!r} is not true or false")


def _entity_id(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) <= 13):
        raise FilterError(f"source_id: {text!r} is not an entity id")
    return int(text)
