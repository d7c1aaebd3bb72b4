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

Inside a zone spaCy's tokenizer reads its cache but never writes to it (a cached
split would point at lexemes the zone frees), so every new chunk of text is
split the slow way. A LongZone therefore analyses its first `WARM_ARTICLES`
articles outside any zone: their words become permanent lexemes and cached
splits, which every later zone reads. The common words of the language are
among them, so the tokenizer then hits its cache for most of the text. The
budget belongs to the pipeline, not to the LongZone: however many runs one
process makes with a pipeline, the memory this keeps is that of
`WARM_ARTICLES` articles.

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
from weakref import WeakKeyDictionary

__all__ = ["WARM_ARTICLES", "ZONE_ARTICLES", "LongZone"]

# Articles analysed per zone. The vocabulary one zone collects is a few tens of
# MB at most for a thousand news articles; renewing after fewer would bring the
# repeated lexeme creation back.
ZONE_ARTICLES = 1000
# Articles a pipeline analyses before its first zone opens (see the module docstring).
WARM_ARTICLES = 200
# What is left of each pipeline's warm-up budget (weak keys: a pipeline's entry
# goes with it).
_WARM_LEFT: WeakKeyDictionary[Any, int] = WeakKeyDictionary()


class LongZone:
    """One memory zone of `nlp`, held across batches and renewed every `articles` articles."""

    def __init__(self, nlp: Any, articles: int = ZONE_ARTICLES, *, warm: bool = True) -> None:
        self.nlp = nlp
        self.articles = articles
        self.warm = warm  # spend the pipeline's warm-up budget first
        self._open: ExitStack | None = None
        self._count = 0
        self._lock = threading.Lock()  # one batch at a time: renewal needs no live Doc

    @contextmanager
    def batch(self, articles: int) -> Iterator[None]:
        """Analyse one batch of `articles` inside the zone (no Doc may outlive the block)."""
        with self._lock:
            left = _WARM_LEFT.get(self.nlp, WARM_ARTICLES) if self.warm else 0
            if left > 0:
                _WARM_LEFT[self.nlp] = left - articles
                yield
                return
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
