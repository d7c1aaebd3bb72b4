"""What the ledger stores for a gold file's texts, for the scorers to score.

Each gold text is built into an Article the way ingest builds one
(`article.make_article`, then `quality.check_article`), analysed by
`analysis.analyse_batch` (what ingest, the workers and the Dask batch call),
written to a private in-memory ledger (`Store(":memory:")`) and read back with
`Store.figures()`, `Store.statements()` and `Store.article()`. The rows are the
ones `newsledger figures|statements --format json` and `newsledger article`
print: a scorer reads their fields as stored and derives nothing from the text.

The stored text is the normalised one (`quality.check_article` collapses
spaces, repairs glued sentences, drops repeated lines), so stored offsets are
offsets into `StoredArticle.text`; `newsledger.eval.alignment` maps them back
to the gold text's offsets.
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

__all__ = [
    "GoldText",
    "StoredArticle",
    "StoredFigures",
    "build_articles",
    "stored_articles",
    "stored_figures",
]


@dataclass(frozen=True, slots=True)
class GoldText:
    """One gold item's text as an input record: what ingest would read."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What the ledger stores for one gold item: its rows and its (normalised) text.

    `text` is None and the lists are empty when the analysis failed."""

    text: str | None
    figures: list[dict[str, Any]]
    statements: list[dict[str, Any]]
    summary: dict[str, Any] | None


@dataclass(slots=True)
class StoredFigures:
    """Per gold item (in input order), the figure rows the ledger stores for its text."""

    figures: list[list[dict[str, Any]]]
    notes: list[str] = field(default_factory=list)


def build_articles(items: Sequence[GoldText], source: str) -> list:
    """Each item as the Article ingest would build (make_article, then check_article)."""
    return [
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


def stored_articles(
    items: Sequence[GoldText], nlp, *, source: str
) -> tuple[list[StoredArticle], list[str]]:
    """What the ledger stores for each item (in input order), and notes on failures.

    `source` names the gold file in origins. Items with the same article id (the
    same text) share one stored article, as ingest would store it once; an item
    whose analysis fails gets nothing stored and a note.
    """
    articles = build_articles(items, source)
    notes = []
    results = []
    seen: set[str] = set()
    for item, article, outcome in zip(items, articles, analyse_batch(articles, nlp), strict=True):
        if not isinstance(outcome, Analysis):
            notes.append(f"{item.id}: the analysis failed ({outcome.reason}); nothing stored")
            continue
        if article.id not in seen:
            seen.add(article.id)
            results.append((article, outcome))
    store = Store(":memory:")
    try:
        store.write_batch(results)
        records = {article_id: _stored(store.article(article_id)) for article_id in seen}
    finally:
        store.close()
    nothing = StoredArticle(None, [], [], None)
    return [records.get(article.id, nothing) for article in articles], notes


def _stored(record: dict[str, Any]) -> StoredArticle:
    """An article as `Store.article` returns it: the rows `figures`/`statements` print."""
    return StoredArticle(
        record["text"], record["figures"], record["statements"], record.get("summary")
    )


def stored_figures(items: Sequence[GoldText], nlp, *, source: str) -> StoredFigures:
    """The stored figure rows of each item (see `stored_articles`)."""
    stored, notes = stored_articles(items, nlp, source=source)
    return StoredFigures([article.figures for article in stored], notes)
