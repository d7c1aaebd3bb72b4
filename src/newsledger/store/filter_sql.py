"""A `Filters` object as SQL: the WHERE clause and parameters of each listing.

Each listing (ledger entries, figures, statements) declares its conditions
as data (criterion -> SQL), tested in that order: plain comparisons first, so
a row they reject never pays for a call into Python. Name filters on groups,
speakers are case-insensitive substring matches through the
`newsledger_contains` SQL function the Store registers; a place filter is read
with the gazetteer (store/place_terms.py) and matches the resolved country,
region or place exactly (`newsledger_name_key`), or whole words of the place as
written; a source filter
matches entities by name and alias (`newsledger_source_matches`, i.e.
newsledger.source_names.source_matches), never a substring of letters, and
`unnamed` asks for rows without a source.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from newsledger.filters import Filters
from newsledger.store.place_terms import place_terms

__all__ = ["FIGURE_CONDITIONS", "LEDGER_CONDITIONS", "STATEMENT_CONDITIONS", "where"]

# The entities a named source filter asks for (newsledger.source_names), matched once
# per entity name and alias (uncorrelated subqueries), then found through the indexes.
_SOURCE_ENTITIES = """SELECT n.id FROM entities n
        WHERE newsledger_source_matches(n.name, :named_source)
    UNION SELECT x.entity_id FROM entity_aliases x
        WHERE newsledger_source_matches(x.alias, :named_source)"""


def _place_condition(table: str, name: str) -> str:
    """A resolved place (country, region, place `name`) in `:place`, the JSON object of
    store/place_terms.py, or the query's whole words in the place as written ("harbour"
    finds "Solvik harbour", "UK" never "Ukraine"); the plain country comparison first."""
    return f"""({table}.place_country IN (SELECT value FROM json_each(:place, '$.countries'))
        OR {table}.place_country || '|' || newsledger_name_key({table}.place_region)
            IN (SELECT value FROM json_each(:place, '$.regions'))
        OR {table}.place_country || '|' || newsledger_name_key({table}.{name})
            IN (SELECT value FROM json_each(:place, '$.points'))
        OR instr(' ' || newsledger_name_key({table}.place) || ' ',
                 ' ' || json_extract(:place, '$.written') || ' ') > 0)"""


# Criteria whose SQL parameter is derived from the filter's value.
_PARAMETERS: Mapping[str, Callable[[Any], Any]] = {"place": place_terms}

LEDGER_CONDITIONS: Mapping[str, str] = {
    "category": "e.category = :category",
    "since": "e.as_of >= :since",
    "until": "substr(e.as_of, 1, 10) <= :until",
    "group": "newsledger_contains(e.group_name, :group)",
    "place": _place_condition("e", "place"),
    # ledger entries hold no background figure (store/ledger.py)
    "only_background": "0",
    "named_source": f"e.entity_id IN ({_SOURCE_ENTITIES})",
    "unnamed_source": "e.entity_id IS NULL",
    "source_id": "e.entity_id = :source_id",
    "grade": "e.grade = :grade",
}
FIGURE_CONDITIONS: Mapping[str, str] = {
    "category": "f.category = :category",
    "since": "f.as_of >= :since",
    "until": "substr(f.as_of, 1, 10) <= :until",
    "group": "newsledger_contains(f.group_name, :group)",
    "unnamed_source": "f.source IS NULL",
    # A figure's source is the spelling its article used: every spelling merged into a
    # matching entity, or (ledger not built yet) a spelling that matches itself.
    "named_source": f"""(f.source IN (SELECT x.alias FROM entity_aliases x
            WHERE x.entity_id IN ({_SOURCE_ENTITIES}))
        OR newsledger_source_matches(f.source, :named_source))""",
    "source_id": """f.source IN (SELECT x.alias FROM entity_aliases x
        WHERE x.entity_id = :source_id)""",
    "place": _place_condition("f", "place_name"),
    "only_background": "f.background = 1",
    "current_only": "f.background = 0",
}
STATEMENT_CONDITIONS: Mapping[str, str] = {
    "article_id": "s.article_id = :article_id",
    "kind": "s.kind = :kind",
    "speaker": "newsledger_contains(s.speaker, :speaker)",
}


def where(conditions: Mapping[str, str], filters: Filters | None) -> tuple[str, dict[str, Any]]:
    """(WHERE clause or "", its named parameters) for the criteria `filters` sets."""
    if filters is None:
        return "", {}
    values: dict[str, Any] = {}
    clauses: list[str] = []
    for name, sql in conditions.items():
        value = getattr(filters, name)
        if value is None or value is False:
            continue
        if name in _PARAMETERS:
            value = _PARAMETERS[name](value)
        values[name] = value.isoformat() if isinstance(value, date) else value
        clauses.append(sql)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), values
