"""Fixtures for the consolidation tests: an in-memory ledger, stored and consolidated."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from newsledger.consolidate import consolidate
from newsledger.models import Analysis, Article
from newsledger.store import Store


@pytest.fixture
def store() -> Iterator[Store]:
    ledger = Store(":memory:")
    yield ledger
    ledger.close()


@pytest.fixture
def ledger_of(store: Store) -> Callable[..., Store]:
    """Store these (Article, Analysis) pairs and consolidate; returns the store."""

    def build(*results: tuple[Article, Analysis]) -> Store:
        store.write_batch(list(results))
        consolidate(store)
        return store

    return build
