"""newsledger: a ledger of who claimed what in the news.

The public API is what `__all__` lists; everything else is private and may change.
"""

from __future__ import annotations

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
    Figure,
    Flag,
    Origin,
    Quantity,
    Reject,
    Span,
    Statement,
)
from newsledger.nlp.pipeline import load_pipeline

__all__ = [
    "Analysis",
    "Article",
    "EvalError",
    "Figure",
    "Flag",
    "FormatError",
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
    "StoreError",
    "load_pipeline",
]
