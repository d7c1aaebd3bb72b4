"""Bounded vocabulary memory for long runs: spaCy memory zones renewed every N articles.

Every new word a parse meets becomes a lexeme and a string in the pipeline's
shared vocabulary, which would grow with the input for as long as a process
lives. Inside `nlp.memory_zone()` those additions are transient and are freed
when the zone closes, provided no Doc made inside outlives it.

A zone per batch keeps memory flat but throws the vocabulary (and the
tokenizer's cache) away after every batch, so the next batch creates the same
lexemes again: about 3% of ingest time at 200 articles per batch. `LongZone`
holds one zone open across batches and renews it every `ZONE_ARTICLES`
articles, between batches, when no Doc is alive. Memory is still bounded by
the vocabulary of one zone, never by the input's length.

Only a process (or caller) that owns the pipeline for analysis alone may hold
a long zone: a Doc kept from outside the analysis would be freed under it at
the next renewal. Ingest's single-process analyser and the worker processes
qualify; other callers of `analysis.analyse_batch` get a zone per call.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

__all__ = ["ZONE_ARTICLES", "LongZone"]

# Articles analysed per zone. The vocabulary one zone collects is a few tens of
# MB at most for a thousand news articles; renewing after fewer would bring the
# repeated lexeme creation back.
ZONE_ARTICLES = 1000


class LongZone:
    """One memory zone of `nlp`, held across batches and renewed every `articles` articles."""

    def __init__(self, nlp: Any, articles: int = ZONE_ARTICLES) -> None:
        self.nlp = nlp
        self.articles = articles
        self._open: ExitStack | None = None
        self._count = 0
        self._lock = threading.Lock()  # one batch at a time: renewal needs no live Doc

    @contextmanager
    def batch(self, articles: int) -> Iterator[None]:
        """Analyse one batch of `articles` inside the zone (no Doc may outlive the block)."""
        with self._lock:
            if self._open is None:
                self._open = ExitStack()
                memory_zone = getattr(self.nlp, "memory_zone", None)
                if memory_zone is not None:  # any object with spaCy's `pipe` will do as nlp
                    self._open.enter_context(memory_zone())
            try:
                yield
            finally:
                self._count += articles
                if self._count >= self.articles:
                    self._close()

    def close(self) -> None:
        """Free the zone's vocabulary now (the next batch opens a new zone)."""
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._open is not None:
            self._open.close()
        self._open = None
        self._count = 0
