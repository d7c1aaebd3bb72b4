"""Consolidation: the ledger across articles (entities, claims, timelines, contradictions).

`consolidate(store)` rebuilds, in one write transaction, everything derived
from the stored figures and statements: entities with their aliases
(`entities`), ledger entries that each gather every citation of one claim
(`claims`), the contradictions between entries (`conflicts`) and each entry's
grade (`grades`: independent outlets, kinds of source, range of its reports). It is a full
rebuild from the stored rows, so running it twice gives the same rows, and
ingest calls it after every run that stored something. Reading the result is
the Store's job: `store.ledger(...)`, `store.conflicts(...)`, `store.entities(...)`;
`timelines` groups ledger rows per source.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsledger.consolidate.claims import LedgerEntry, build_entries
from newsledger.consolidate.conflicts import Conflict, find_conflicts
from newsledger.consolidate.entities import (
    AliasTable,
    Entity,
    NameUse,
    load_aliases,
    resolve_entities,
)
from newsledger.consolidate.grades import grade_entries
from newsledger.consolidate.timelines import Timeline, timelines
from newsledger.settings import setting

if TYPE_CHECKING:
    from newsledger.store import Store

__all__ = [
    "ConsolidationReport",
    "LedgerTables",
    "Timeline",
    "build_tables",
    "consolidate",
    "timelines",
]


@dataclass(slots=True)
class LedgerTables:
    """A freshly built consolidated ledger, ready for the store to write."""

    entities: list[Entity]
    entries: list[LedgerEntry]
    conflicts: list[Conflict]


@dataclass(frozen=True, slots=True)
class ConsolidationReport:
    """What a consolidation built: counts of each table's rows, and how long it took."""

    figures: int
    entities: int
    entries: int
    citations: int
    conflicts: int
    elapsed: float


def build_tables(figures: list[dict], name_uses: list[tuple], aliases: AliasTable) -> LedgerTables:
    """Entities, entries and conflicts from figure rows and (text, uses, person, other) tuples."""
    uses = [
        NameUse(text, int(count), int(person or 0), int(other or 0))
        for text, count, person, other in name_uses
    ]
    index = resolve_entities(uses, aliases)
    entries = build_entries(figures, index)
    conflicts = find_conflicts(entries)
    grade_entries(entries, conflicts)
    return LedgerTables(index.entities, entries, conflicts)


def consolidate(
    store: Store, *, aliases_path: str | os.PathLike[str] | None = None
) -> ConsolidationReport:
    """Rebuild the consolidated ledger of `store` from its figures and statements.

    `aliases_path` (else the NEWSLEDGER_ALIASES setting) is the user's alias table.
    """
    started = time.perf_counter()
    if aliases_path is None:
        aliases_path = str(setting("aliases")) or None
    # Read before the write transaction starts: a bad user table must not hold the lock.
    aliases = load_aliases(aliases_path)
    counted: dict[str, int] = {}

    def build(figures: list[dict], name_uses: list[tuple]) -> LedgerTables:
        counted["figures"] = len(figures)
        return build_tables(figures, name_uses, aliases)

    tables = store.rebuild_ledger(build)
    return ConsolidationReport(
        figures=counted["figures"],
        entities=len(tables.entities),
        entries=len(tables.entries),
        citations=sum(len(entry.citations) for entry in tables.entries),
        conflicts=len(tables.conflicts),
        elapsed=time.perf_counter() - started,
    )
