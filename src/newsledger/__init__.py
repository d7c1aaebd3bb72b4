"""newsledger: a ledger of who claimed what in the news.

The public API is what `__all__` lists (and README's "Python API" section
documents); every other module is private and may change. Names are imported
lazily so that `import newsledger` stays cheap: spaCy, FastAPI and the readers'
libraries load only when a function that needs them is first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from newsledger.errors import (
    EvalError,
    FormatError,
    InputError,
    NewsledgerError,
    NotFoundError,
    PipelineError,
    RecordError,
    StoreError,
)
from newsledger.models import (
    Analysis,
    Article,
    Count,
    Figure,
    Flag,
    IncidentSummary,
    Origin,
    Quantity,
    Reject,
    Span,
    Statement,
    to_dict,
)

# public name -> the private module that defines it
_LAZY = {
    "make_article": "newsledger.article",
    "read_inputs": "newsledger.readers",
    "check_article": "newsledger.quality",
    "load_pipeline": "newsledger.nlp.pipeline",
    "analyse_articles": "newsledger.analysis",
    "extract_statements": "newsledger.extract.statements.find",
    "extract_quantities": "newsledger.extract.quantities.find",
    "extract_figures": "newsledger.extract.figures.assemble",
    "summarise_incident": "newsledger.extract.incident.summary",
    "Store": "newsledger.store",
    "ingest": "newsledger.ingest",
    "ingest_records": "newsledger.ingest",
    "IngestReport": "newsledger.ingest",
    "consolidate": "newsledger.consolidate",
    "export": "newsledger.export",
    "create_app": "newsledger.api",
}

if TYPE_CHECKING:
    from newsledger.analysis import analyse_articles
    from newsledger.api import create_app
    from newsledger.article import make_article
    from newsledger.consolidate import consolidate
    from newsledger.export import export
    from newsledger.extract.figures.assemble import extract_figures
    from newsledger.extract.incident.summary import summarise_incident
    from newsledger.extract.quantities.find import extract_quantities
    from newsledger.extract.statements.find import extract_statements
    from newsledger.ingest import IngestReport, ingest, ingest_records
    from newsledger.nlp.pipeline import load_pipeline
    from newsledger.quality import check_article
    from newsledger.readers import read_inputs
    from newsledger.store import Store


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsledger' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "Analysis",
    "Article",
    "Count",
    "EvalError",
    "Figure",
    "Flag",
    "FormatError",
    "IncidentSummary",
    "IngestReport",
    "InputError",
    "NewsledgerError",
    "NotFoundError",
    "Origin",
    "PipelineError",
    "Quantity",
    "RecordError",
    "Reject",
    "Span",
    "Statement",
    "Store",
    "StoreError",
    "analyse_articles",
    "check_article",
    "consolidate",
    "create_app",
    "export",
    "extract_figures",
    "extract_quantities",
    "extract_statements",
    "ingest",
    "ingest_records",
    "load_pipeline",
    "make_article",
    "read_inputs",
    "summarise_incident",
    "to_dict",
]
