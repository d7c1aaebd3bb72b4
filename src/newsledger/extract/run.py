"""The one orchestration of the extractors over a parsed article.

`run(doc, article)` reads, in the order the data flows: the statements (who said
what), the quantities (every number with its unit and counted noun), the figures
(each quantity's category, source, status, time and place, using the statements
for its source) and the main incident's killed and injured counts. `analysis`
calls it for every article and the spaCy component "newsledger_figures" for a
Doc, passing what earlier components already read.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsledger.extract.figures.assemble import extract_figures
from newsledger.extract.incident.summary import summarise_incident
from newsledger.extract.quantities.find import extract_quantities
from newsledger.extract.statements.find import extract_statements
from newsledger.models import Analysis, Article, Quantity, Statement

__all__ = ["ArticleFacts", "run"]


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """What the extractors need to know of an article besides its parse."""

    article_id: str = ""
    title: str | None = None
    reference_date: str | None = None  # ISO; relative dates ("on Sunday") count from it
    reference_is_suggested: bool = False  # the date was guessed, not published
    outlet: str | None = None  # the outlet's domain: its country settles ambiguous places

    @classmethod
    def of(cls, article: Article) -> ArticleFacts:
        return cls(
            article.id,
            article.title,
            article.reference_date,
            article.flag("date_inconsistent") is not None,
            article.outlet,
        )

    @classmethod
    def of_doc(cls, doc) -> ArticleFacts:
        """From `doc.user_data` ("title", "reference_date", "reference_is_suggested",
        "outlet")."""
        data = doc.user_data
        title = data.get("title")
        return cls(
            "",
            title if isinstance(title, str) else None,
            data.get("reference_date"),
            bool(data.get("reference_is_suggested", False)),
            data.get("outlet") if isinstance(data.get("outlet"), str) else None,
        )


def run(
    doc,
    article: Article | ArticleFacts,
    *,
    statements: list[Statement] | None = None,
    quantities: list[Quantity] | None = None,
) -> Analysis:
    """Every extractor over one parsed article; `statements` / `quantities` given
    are used as they are (read by earlier spaCy components) instead of read again."""
    facts = article if isinstance(article, ArticleFacts) else ArticleFacts.of(article)
    if statements is None:
        statements = extract_statements(doc, title=facts.title)
    if quantities is None:
        quantities = extract_quantities(doc)
    figures = extract_figures(
        doc,
        quantities,
        statements,
        reference_date=facts.reference_date,
        reference_is_suggested=facts.reference_is_suggested,
        outlet=facts.outlet,
    )
    summary = summarise_incident(figures, doc=doc)
    return Analysis(
        article_id=facts.article_id, statements=statements, figures=figures, summary=summary
    )
