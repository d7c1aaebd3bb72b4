"""Texts the pipeline-equivalence tests parse: own sentences, the bundled examples, the seed."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "data" / "seed-article.txt"


def news_texts(sentences: list[str]) -> list[str]:
    """`sentences`, then every bundled example article, then the seed article when present."""
    texts = list(sentences)
    texts += [
        path.read_text(encoding="utf-8") for path in sorted((REPO / "examples").glob("*.txt"))
    ]
    if SEED.exists():
        texts.append(SEED.read_text(encoding="utf-8"))
    return texts
