"""The validation folds of the dev halves: which of 5 folds an item is in, and a
scorer's figures per fold and their mean (`evaluate_folds`, behind
`newsledger eval quantities|displacement|casualties|quotes GOLD --folds`).

An item's fold is `int(hashlib.sha1(group_id.encode()).hexdigest()[:8], 16) % 5`
(`fold_of`), where group_id is what ties items together in its set
(`GROUP_ID`): every item of one group is in one fold, so a rule fitted on
one article's sentences cannot be checked on another sentence of the same article.

| set | item | group_id (field of the gold record) |
|---|---|---|
| quantities (NewsQuant) | sentence | `id` (NewsQuant has no article ids) |
| displacement (IDMC / IDETECT) | excerpt | `split_key` (rows sharing an excerpt or URL share it) |
| casualties (GVA / SemEval-2018 Task 5) | article | `incident.id` (the articles of one incident) |
| quotes (PolNeAR-style attributions) | article | `id` (the article: its attributions share it) |

Each fold is scored on the predictions of one run over the whole file, so the
fold figures are the whole-dev figures taken apart, not separate runs.
"""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsledger.errors import EvalError
from newsledger.eval.gold import read_gold

__all__ = [
    "FOLDS",
    "GROUP_ID",
    "FoldScores",
    "evaluate_folds",
    "fold_of",
    "fold_rows",
    "fold_scores",
    "folds_of",
    "mean_scores",
    "spread",
]

FOLDS = 5

GROUP_ID: dict[str, Callable[[dict[str, Any]], str]] = {
    "quantities": lambda record: str(record["id"]),
    "displacement": lambda record: str(record.get("split_key") or record["id"]),
    "casualties": lambda record: str(record["incident"]["id"]),
    "quotes": lambda record: str(record["id"]),
}


@dataclass(frozen=True, slots=True)
class FoldScores:
    """A scorer's flat scores on the items of one fold."""

    fold: int
    items: int
    scores: dict[str, float]


def fold_of(group_id: str, folds: int = FOLDS) -> int:
    """The fold (0 .. folds-1) of every item whose group is `group_id`."""
    return int(hashlib.sha1(group_id.encode("utf-8")).hexdigest()[:8], 16) % folds


def folds_of(gold_path: str | Path, set_name: str, folds: int = FOLDS) -> dict[str, int]:
    """Item id -> fold for a gold file of `set_name` (a key of GROUP_ID)."""
    if set_name not in GROUP_ID:
        raise EvalError(f"no fold rule for {set_name!r} (known: {', '.join(GROUP_ID)})")
    group_id = GROUP_ID[set_name]
    pairs = read_gold(gold_path, lambda r: (str(r["id"]), group_id(r)), f"{set_name} record")
    return {item_id: fold_of(group, folds) for item_id, group in pairs}


def fold_scores(
    fold_by_id: dict[str, int],
    score: Callable[[Iterable[str]], dict[str, float]],
    folds: int = FOLDS,
) -> list[FoldScores]:
    """`score(ids)` on the item ids of each fold, fold 0 first."""
    results = []
    for fold in range(folds):
        ids = [item_id for item_id, its_fold in fold_by_id.items() if its_fold == fold]
        results.append(FoldScores(fold, len(ids), score(ids) if ids else {}))
    return results


def mean_scores(per_fold: list[FoldScores]) -> dict[str, float]:
    """The unweighted mean over folds of each metric."""
    names = {name for fold in per_fold for name in fold.scores}
    return {
        name: statistics.fmean(f.scores[name] for f in per_fold if name in f.scores)
        for name in sorted(names)
    }


def spread(per_fold: list[FoldScores]) -> dict[str, float]:
    """The sample standard deviation over folds of each metric (0 with one fold)."""
    names = {name for fold in per_fold for name in fold.scores}
    spreads = {}
    for name in sorted(names):
        values = [f.scores[name] for f in per_fold if name in f.scores]
        spreads[name] = statistics.stdev(values) if len(values) > 1 else 0.0
    return spreads


def fold_rows(per_fold: list[FoldScores], metrics: Iterable[str]) -> list[dict[str, Any]]:
    """Table rows: one a fold, then the mean and the standard deviation over folds."""
    metrics = list(metrics)
    rows: list[dict[str, Any]] = [
        {"fold": f.fold, "items": f.items, **{m: _round(f.scores.get(m)) for m in metrics}}
        for f in per_fold
    ]
    mean, sd = mean_scores(per_fold), spread(per_fold)
    total = sum(f.items for f in per_fold)
    rows.append({"fold": "mean", "items": total, **{m: _round(mean.get(m)) for m in metrics}})
    rows.append({"fold": "sd", "items": "", **{m: _round(sd.get(m)) for m in metrics}})
    return rows


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def evaluate_folds(set_name: str, gold_path: str | Path, *, nlp=None) -> list[FoldScores]:
    """Run the set's scorer once on the whole gold file and score each fold of it."""
    fold_by_id = folds_of(gold_path, set_name)
    if set_name == "quantities":
        from newsledger.eval import quantities

        result = quantities.evaluate_quantities(gold_path, nlp=nlp)
        return fold_scores(fold_by_id, lambda ids: quantities.scores_of(result, ids))
    if set_name == "displacement":
        from newsledger.eval import displacement

        result = displacement.evaluate_displacement(gold_path, nlp=nlp)
        return fold_scores(fold_by_id, lambda ids: displacement.scores_of(result, ids))
    if set_name == "quotes":
        from newsledger.eval import quotes

        result = quotes.evaluate_quotes(gold_path, nlp=nlp)
        return fold_scores(fold_by_id, lambda ids: quotes.scores_of(result, ids))
    from newsledger.eval.casualties import evaluate_casualties

    result = evaluate_casualties(gold_path, nlp=nlp)
    return fold_scores(fold_by_id, lambda ids: _casualty_scores(result.predictions, ids))


def _casualty_scores(predictions, ids: Iterable[str]) -> dict[str, float]:
    # the casualties scorer's accuracies (`CasualtiesEvalResult.flat_scores`) on a subset
    wanted = set(ids)
    subset = [p for p in predictions if p.id in wanted]
    total = len(subset)
    return {
        "killed.accuracy": sum(p.killed_ok for p in subset) / total,
        "injured.accuracy": sum(p.injured_ok for p in subset) / total,
        "both.accuracy": sum(p.killed_ok and p.injured_ok for p in subset) / total,
    }
