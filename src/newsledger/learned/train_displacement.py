"""Rebuild the displacement decision (`models/displacement_kind.json` and its card).

The data and the score are `learned.displacement_training`'s; this module
searches C and the threshold by 5-fold grouped cross-validation (fold =
int(sha1(group)[:8], 16) % 5, group = split_key or article; ties to the smaller
C and threshold) on the displacement figure+term accuracy,
refits on every excerpt and writes the model and its card. Without the dev
half it raises DisplacementDataAbsent and the shipped model is kept.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsledger.errors import NewsledgerError
from newsledger.eval.realnews_gold import DEFAULT_CORPUS, DEFAULT_GOLD_DIR
from newsledger.learned.displacement_kind import MODEL_NAME
from newsledger.learned.displacement_training import (
    DEFAULT_DISPLACEMENT,
    displacement_items,
    examples,
    figure_term_accuracy,
    news_accuracy,
    news_examples,
)
from newsledger.learned.fitting import fit_linear
from newsledger.learned.training import C_GRID, THRESHOLDS, model_path, write_model

__all__ = ["DisplacementDataAbsent", "DisplacementReport", "train_displacement"]


class DisplacementDataAbsent(NewsledgerError):
    """The displacement dev half is not there."""


@dataclass(slots=True)
class DisplacementReport:
    path: Path
    c: float
    threshold: float
    cross_validated: float
    rules: float
    news_cross_validated: float
    news_rules: float
    grid: list[tuple[float, float, float, float]]
    excerpts: int
    rows: int
    labels: dict[str, int]
    news: int
    features: int


def _fit(items, news, c: float, threshold: float):
    features, labels = examples(items)
    features += [e.features for e in news]
    labels += [e.label for e in news]
    return fit_linear(features, labels, name=MODEL_NAME, c=c, threshold=threshold)


def _cross_validated(items, news, c: float, threshold: float) -> tuple[float, float]:
    """(displacement figure+term accuracy, real-news candidate accuracy) on held-out folds."""
    decided, decided_news = [], []
    for fold in range(5):
        model = _fit(
            [item for item in items if item.fold != fold],
            [e for e in news if e.fold != fold],
            c,
            threshold,
        )
        decided.extend((item, model) for item in items if item.fold == fold)
        decided_news.extend((e, model) for e in news if e.fold == fold)
    return figure_term_accuracy(decided), news_accuracy(decided_news)


def train_displacement(
    path: Path = DEFAULT_DISPLACEMENT,
    gold_dir: str | Path = DEFAULT_GOLD_DIR,
    corpus_dir: str | Path = DEFAULT_CORPUS,
    *,
    nlp=None,
    out: Path | None = None,
) -> DisplacementReport:
    """Rebuild the displacement decision from the displacement dev half and the
    real-news gold's train part."""
    from newsledger.learned.model_card import displacement_card_text
    from newsledger.nlp import load_pipeline

    if not path.is_file():
        raise DisplacementDataAbsent(f"no displacement training data ({path} absent)")
    nlp = nlp if nlp is not None else load_pipeline()
    items = displacement_items(path, nlp)
    news = news_examples(gold_dir, corpus_dir, nlp)
    grid, best = [], None
    for c in C_GRID:
        for threshold in THRESHOLDS:
            score, news_score = _cross_validated(items, news, c, threshold)
            grid.append((c, threshold, score, news_score))
            if best is None or score > best[0] + 1e-9:
                best = (score, c, threshold, news_score)
    score, c, threshold, news_score = best
    model = _fit(items, news, c, threshold)
    labels = examples(items)[1] + [e.label for e in news]
    target = out if out is not None else model_path(MODEL_NAME)
    report = DisplacementReport(
        target,
        c,
        threshold,
        score,
        figure_term_accuracy([(item, None) for item in items]),
        news_score,
        news_accuracy([(e, None) for e in news]),
        grid,
        len(items),
        sum(len(item.facts) for item in items),
        dict(sorted(Counter(labels).items())),
        len(news),
        len(model.weights),
    )
    write_model(target, model, c=c, examples=len(labels), card=displacement_card_text(report))
    return report
