"""Fixtures for the store tests: an in-memory ledger and a builder of small own-words articles."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from newsledger.models import Article, Flag, Origin
from newsledger.store import Store


@pytest.fixture
def store() -> Iterator[Store]:
    ledger = Store(":memory:")
    yield ledger
    ledger.close()


@pytest.fixture
def make_article() -> Callable[..., Article]:
    def build(
        article_id: str,
        text: str = "The council met on Monday.\nIt approved the budget.",
        *,
        title: str | None = None,
        published: str | None = "2024-03-04",
        flags: tuple[Flag, ...] = (),
        record: str | None = None,
    ) -> Article:
        return Article(
            id=article_id,
            url=f"https://news.example.org/{article_id}",
            title=title if title is not None else f"Story {article_id}",
            published=published,
            published_raw=published.replace("-", "") if published else None,
            outlet="example.org",
            text=text,
            origin=Origin("fixture.jsonl", record or f"line {article_id}"),
            flags=list(flags),
        )

    return build
