"""The per-article analysis: one spaCy pass, then every extractor, to plain data.

`analyse_articles` is the one function that ingest, the local workers and the
Dask scale-out all map over articles, so every path gives identical results.
No spaCy object leaves this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsledger.extract.figures import extract_figures
from newsledger.extract.quantities import extract_quantities
from newsledger.extract.statements import extract_statements
from newsledger.extract.summary import summarise_incident
from newsledger.models import Analysis, Article
from newsledger.nlp.pipeline import load_pipeline

__all__ = ["analyse_articles", "analyse_doc"]

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
