"""What the ledger stores for a gold file's texts, for the scorers to score.

Each gold text is built into an Article the way ingest builds one
(`article.make_article`, then `quality.check_article`), analysed by
`analysis.analyse_batch` (what ingest, the workers and the Dask batch call),
written to a private in-memory ledger (`Store(":memory:")`) and read back with
`Store.figures()`. The rows are the ones `newsledger figures --format json`
prints: a scorer reads their fields as stored and derives nothing from the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newsledger.analysis import analyse_batch
from newsledger.article import make_article
from newsledger.models import Analysis, Origin
from newsledger.quality import check_article
from newsledger.store import Store

__all__ = ["GoldText", "StoredFigures", "stored_figures"]


@dataclass(frozen=True, slots=True)
class GoldText:
    """One gold item's text as an input record: what ingest would read."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None


@dataclass(slots=True)
class StoredFigures:
    """Per gold item (in input order), the figure rows the ledger stores for its text."""

    figures: list[list[dict[str, Any]]]
    notes: list[str] = field(default_factory=list)


def stored_figures(items: Sequence[GoldText], nlp, *, source: str) -> StoredFigures:
    """The stored figure rows of each item; `source` names the gold file in origins.

    Items with the same article id (the same text) share one stored article, as
    ingest would store it once; an item whose analysis fails gets no figures
    and a note.
    """
    articles = [
        check_article(
            make_article(
                title=item.title,
                date_raw=item.date,
                url=None,
                text=item.text,
                origin=Origin(source, item.id),
            )
        )
        for item in items
    ]
    notes = []
    results = []
    seen: set[str] = set()
    for item, article, outcome in zip(items, articles, analyse_batch(articles, nlp), strict=True):
        if not isinstance(outcome, Analysis):
            notes.append(f"{item.id}: the analysis failed ({outcome.reason}); scored as no figures")
            continue
        if article.id not in seen:
            seen.add(article.id)
            results.append((article, outcome))
    store = Store(":memory:")
    try:
        store.write_batch(results)
        by_article: dict[str, list[dict[str, Any]]] = {}
        for row in store.figures():
            by_article.setdefault(row["article_id"], []).append(row)
    finally:
        store.close()
    return StoredFigures([by_article.get(article.id, []) for article in articles], notes)
