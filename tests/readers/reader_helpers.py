"""Helpers for reader tests: the fixtures folder and a read-everything function."""

from __future__ import annotations

from pathlib import Path

from newsledger.models import Article, Reject
from newsledger.readers import ReadStats, read_inputs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def read_all(*paths, **options) -> tuple[list[Article], list[Reject], ReadStats]:
    stats = ReadStats()
    results = list(read_inputs([str(p) for p in paths], stats=stats, **options))
    articles = [r for r in results if isinstance(r, Article)]
    rejects = [r for r in results if isinstance(r, Reject)]
    return articles, rejects, stats
