"""The exception tree: every error newsledger raises on purpose.

NewsledgerError
├── InputError            a file or stream cannot be read at all
│   └── FormatError       the format is unknown or cannot be sniffed
├── RecordError           one record is unusable (the batch goes on; it becomes a Reject)
├── PipelineError         the spaCy pipeline cannot be loaded
├── StoreError            the ledger database cannot be opened or written
│   └── NotFoundError     an id that is not in the ledger
├── EvalError             a gold file cannot be scored
└── FilterError           a filter value cannot be used (defined in newsledger.filters;
                          also a ValueError)
"""

from __future__ import annotations

__all__ = [
    "EvalError",
    "FormatError",
    "InputError",
    "NewsledgerError",
    "NotFoundError",
    "PipelineError",
    "RecordError",
    "StoreError",
]


class NewsledgerError(Exception):
    """Root of every error newsledger raises on purpose."""


class InputError(NewsledgerError):
    """A file or stream cannot be read at all."""


class FormatError(InputError):
    """The input format is unknown or cannot be sniffed."""


class RecordError(NewsledgerError):
    """One record is unusable; readers turn it into a Reject and go on."""


class PipelineError(NewsledgerError):
    """The spaCy pipeline cannot be loaded."""


class StoreError(NewsledgerError):
    """The ledger database cannot be opened or written."""


class NotFoundError(StoreError):
    """An id that is not in the ledger."""


class EvalError(NewsledgerError):
    """A gold file cannot be scored."""
