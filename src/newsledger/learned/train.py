"""`newsledger train` / `make train`: rebuild every shipped model from the data.

Today one model: the figure decision (`models/figure_kind.json`), with its card
(`models/figure_kind.md`). Training reads the train part of the real-news gold
only; the C and threshold grid is searched by grouped cross-validation
(`learned.fitting`), the best setting (highest mean fold F1; ties to the
simpler, smaller C) is refitted on the whole train part and written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsledger.eval.realnews_gold import DEFAULT_CORPUS, DEFAULT_GOLD_DIR, load_realnews
from newsledger.learned.fitting import (
    FoldFigures,
    cross_validate,
    fit_model,
    mean,
    rules_figures,
)
from newsledger.learned.model_card import card_text
from newsledger.learned.training import (
    C_GRID,
    THRESHOLDS,
    model_path,
    realnews_examples,
    write_model,
)

__all__ = ["TrainReport", "train_figure_kind"]


@dataclass(slots=True)
class TrainReport:
    path: Path
    c: float
    threshold: float
    folds: list[FoldFigures]
    rules: list[FoldFigures]
    examples: int
    articles: int
    grid: list[tuple[float, float, float | None]]


def _search(data) -> tuple[float, float, list[FoldFigures], list]:
    grid = []
    best = None
    for c in C_GRID:
        for threshold in THRESHOLDS:
            folds = cross_validate(data, c, threshold)
            score = mean([f.f1 for f in folds])
            grid.append((c, threshold, score))
            if score is not None and (best is None or score > best[0] + 1e-9):
                best = (score, c, threshold, folds)
    if best is None:
        raise ValueError("no setting of the grid gave a cross-validated F1")
    return best[1], best[2], best[3], grid


def train_figure_kind(
    gold_dir: str | Path = DEFAULT_GOLD_DIR,
    corpus_dir: str | Path = DEFAULT_CORPUS,
    *,
    nlp=None,
    out: Path | None = None,
) -> TrainReport:
    """Rebuild the figure decision; raises realnews_gold.GoldAbsent without the data."""
    from newsledger.nlp import load_pipeline

    train = [a for a in load_realnews(gold_dir, corpus_dir) if a.part == "train"]
    data = realnews_examples(train, nlp if nlp is not None else load_pipeline())
    c, threshold, folds, grid = _search(data)
    model = fit_model(data.examples, c, threshold)
    path = out if out is not None else model_path()
    report = TrainReport(
        path, c, threshold, folds, rules_figures(data), len(data.examples), len(train), grid
    )
    write_model(path, model, c=c, examples=len(data.examples), card=card_text(report, data, model))
    return report
