"""Extractors: plain functions over a spaCy Doc, run in order by `run(doc, article)`.

The folders follow the data: `context` (a Doc's views, read once), `lexicon` (the
word tables), `quantities` -> `figures` -> `incident`, and `statements`.
"""

from newsledger.extract.run import ArticleFacts, run

__all__ = ["ArticleFacts", "run"]
