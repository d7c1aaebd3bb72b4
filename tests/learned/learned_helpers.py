"""Shared by the tests of learned/: an own-words text built and parsed as ingest does."""

from __future__ import annotations

from newsledger.analysis import parsed_text
from newsledger.article import make_article
from newsledger.models import Article, Origin
from newsledger.quality import check_article


def parsed(nlp, text: str, date: str = "2022-05-16") -> tuple[object, Article]:
    """(doc, article) of `text` published on `date`: make_article, check_article, nlp."""
    article = check_article(
        make_article(title=None, date_raw=date, url=None, text=text, origin=Origin("t", "1"))
    )
    return nlp(parsed_text(article)), article
