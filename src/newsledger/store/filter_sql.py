"""A `Filters` object as SQL: the WHERE clause and parameters of each listing.

Each listing (ledger entries, figures, statements) declares its conditions
as data (criterion -> SQL), tested in that order: plain comparisons first, so
a row they reject never pays for a call into Python. Name filters on groups,
places and speakers are case-insensitive substring matches through the
`newsledger_contains` SQL function the Store registers.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from newsledger.filters import Filters

__all__ = ["FIGURE_CONDITIONS", "LEDGER_CONDITIONS", "STATEMENT_CONDITIONS", "where"]

# Every distinct source_order, one index seek each (a loose index scan): a few
# dozen sources instead of every entry.
_SOURCE_ORDERS = """WITH RECURSIVE o(v) AS (
        SELECT min(source_order) FROM ledger_entries
        UNION ALL
        SELECT (SELECT min(source_order) FROM ledger_entries WHERE source_order > o.v)
        FROM o WHERE o.v IS NOT NULL)"""

LEDGER_CONDITIONS: Mapping[str, str] = {
    "category": "e.category = :category",
    "since": "e.as_of >= :since",
    "until": "substr(e.as_of, 1, 10) <= :until",
    "group": "newsledger_contains(e.group_name, :group)",
    "place": "newsledger_contains(e.place, :place)",
    # Matched once per distinct source and alias (uncorrelated subqueries), not once
    # per entry, then found through the indexes. source_order is the case-folded
    # source and the match case-folds anyway, so matching it is matching the source.
    "source": f"""((e.source IS NOT NULL AND e.source_order IN ({_SOURCE_ORDERS}
            SELECT v FROM o WHERE newsledger_contains(v, :source)))
        OR e.entity_id IN (SELECT x.entity_id FROM entity_aliases x
            WHERE newsledger_contains(x.alias, :source)))""",
    "source_id": "e.entity_id = :source_id",
}
FIGURE_CONDITIONS: Mapping[str, str] = {
    "category": "f.category = :category",
    "since": "f.as_of >= :since",
    "until": "substr(f.as_of, 1, 10) <= :until",
    "group": "newsledger_contains(f.group_name, :group)",
    "source": "newsledger_contains(f.source, :source)",
    "source_id": """f.source IN (SELECT x.alias FROM entity_aliases x
        WHERE x.entity_id = :source_id)""",
    "place": "newsledger_contains(f.place, :place)",
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
        if value is None:
            continue
        values[name] = value.isoformat() if isinstance(value, date) else value
        clauses.append(sql)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), values
