"""The per-article analysis: one spaCy pass, then every extractor, to plain data.

`analyse_articles` is the one function that ingest, the local workers and the
Dask scale-out all map over articles, so every path gives identical results.
No spaCy object leaves this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import nullcontext

from newsledger.extract.figures import extract_figures
from newsledger.extract.quantities import extract_quantities
from newsledger.extract.statements import extract_statements
from newsledger.extract.summary import summarise_incident
from newsledger.models import Analysis, Article, Reject
from newsledger.nlp.pipeline import load_pipeline

__all__ = ["PIPE_BATCH_SIZE", "analyse_articles", "analyse_batch", "analyse_doc"]

# Docs per `nlp.pipe` minibatch. The parse of a doc does not depend on the batch
# it is in (checked: identical tags, heads, entities and lemmas for 1, 8, 32, 128
# and 1000), and speed hardly changes above 8, so a small batch keeps memory low.
PIPE_BATCH_SIZE = 32


def analyse_doc(doc, article: Article) -> Analysis:
    """Run every extractor over one parsed article."""
    statements = extract_statements(doc, title=article.title)
    quantities = extract_quantities(doc)
    figures = extract_figures(
        doc,
        quantities,
        statements,
        reference_date=article.reference_date,
        reference_is_suggested=article.flag("date_inconsistent") is not None,
    )
    return Analysis(
        article_id=article.id,
        statements=statements,
        figures=figures,
        summary=summarise_incident(figures),
    )


def analyse_articles(
    articles: Iterable[Article], nlp=None, *, batch_size: int = PIPE_BATCH_SIZE
) -> Iterator[tuple[Article, Analysis]]:
    """Parse articles in batches and yield each with its analysis, in input order."""
    nlp = nlp if nlp is not None else load_pipeline()
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield article, analyse_doc(doc, article)


def analyse_batch(
    articles: Iterable[Article], nlp=None, *, batch_size: int = PIPE_BATCH_SIZE
) -> list[Analysis | Reject]:
    """The analysis of each article, or a Reject for one the analysis fails on.

    The list is aligned with `articles`. When the batch fails as a whole, each
    article is analysed alone to find the ones at fault; their Rejects carry the
    reason, so a re-run after the extractor is fixed analyses them again. This
    is what ingest, the local workers and the Dask batch all call.
    """
    articles = list(articles)
    nlp = nlp if nlp is not None else load_pipeline()
    # No Doc outlives this call, so the strings the batch added to the shared
    # vocabulary can be freed when it ends: a long run's memory stays flat.
    # (Any object with spaCy's `pipe` will do as `nlp`; a zone only if it has one.)
    memory_zone = getattr(nlp, "memory_zone", None)
    with memory_zone() if memory_zone is not None else nullcontext():
        return _analyse_or_reject(articles, nlp, batch_size)


def _analyse_or_reject(articles: list[Article], nlp, batch_size: int) -> list[Analysis | Reject]:
    try:
        return [analysis for _, analysis in analyse_articles(articles, nlp, batch_size=batch_size)]
    except Exception:  # noqa: BLE001 - find the article at fault, keep the others
        pass
    results: list[Analysis | Reject] = []
    for article in articles:
        try:
            results.extend(analysis for _, analysis in analyse_articles([article], nlp))
        except Exception as exc:  # noqa: BLE001 - one article must not stop the batch
            reason = f"analysis failed: {type(exc).__name__}: {exc}"
            results.append(Reject(article.origin, reason, article.title or ""))
    return results
