"""Fit, cross-validate and export the figure decision (needs scikit-learn: `.[train]`).

The cross-validated figures are measured through the exported model
(`linear.LinearModel` and `figure_kind.decided_category`), the same code that
decides at ingest time, so the card reports what the product does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsledger.eval.folds import fold_of
from newsledger.eval.realnews import f1_of
from newsledger.learned.figure_kind import MODEL_NAME, decided_category
from newsledger.learned.linear import LinearModel
from newsledger.learned.training import Example, TrainingSet

__all__ = ["FoldFigures", "cross_validate", "fit_linear", "fit_model", "rules_figures"]


@dataclass(frozen=True, slots=True)
class FoldFigures:
    fold: int
    precision: float | None
    recall: float | None
    f1: float | None


def fit_model(examples: Sequence[Example], c: float, threshold: float) -> LinearModel:
    """A multinomial logistic regression on `examples`, as the shipped model type."""
    return fit_linear(
        [example.features for example in examples],
        [example.label for example in examples],
        name=MODEL_NAME,
        c=c,
        threshold=threshold,
    )


def fit_linear(
    features: Sequence[dict[str, float]],
    labels: Sequence[str],
    *,
    name: str,
    c: float,
    threshold: float = 0.5,
) -> LinearModel:
    """A logistic regression (multinomial over the labels) as the shipped model type."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(features)
    classifier = LogisticRegression(C=c, max_iter=5000, tol=1e-6)
    classifier.fit(matrix, list(labels))
    names = vectorizer.get_feature_names_out()
    coef, intercept = classifier.coef_, classifier.intercept_
    if len(classifier.classes_) == 2:
        # scikit-learn keeps one row for two classes (the second's score against the
        # first's); a zero row for the first gives the same softmax.
        coef = np.vstack([np.zeros_like(coef), coef])
        intercept = np.concatenate([np.zeros_like(intercept), intercept])
    weights = {
        str(feature): [round(float(w), 6) for w in coef[:, j]]
        for j, feature in enumerate(names)
        if any(abs(w) > 1e-9 for w in coef[:, j])
    }
    return LinearModel.from_dict(
        {
            "name": name,
            "classes": [str(label) for label in classifier.classes_],
            "intercept": [round(float(b), 6) for b in intercept],
            "weights": weights,
            "threshold": threshold,
        }
    )


def _figures(fold: int, decided: list[tuple[str, str]], gold: int) -> FoldFigures:
    """decided: (category given, gold label) per candidate; gold: gold figures in the fold."""
    given = sum(1 for category, _ in decided if category != "other")
    right = sum(1 for category, label in decided if category != "other" and category == label)
    precision = right / given if given else None
    recall = right / gold if gold else None
    return FoldFigures(fold, precision, recall, f1_of(precision, recall))


def _gold_in_fold(data: TrainingSet, fold: int) -> int:
    """The gold figures of the fold's articles (recall's denominator)."""
    return sum(count for group, count in data.gold_figures.items() if fold_of(group) == fold)


def cross_validate(data: TrainingSet, c: float, threshold: float) -> list[FoldFigures]:
    """Fit on all folds but one, decide the held-out fold's candidates; per fold."""
    results = []
    for fold in sorted({example.fold for example in data.examples}):
        train = [e for e in data.examples if e.fold != fold]
        held = [e for e in data.examples if e.fold == fold]
        model = fit_model(train, c, threshold)
        decided = [(decided_category(model, e.features, e.rule), e.label) for e in held]
        results.append(_figures(fold, decided, _gold_in_fold(data, fold)))
    return results


def rules_figures(data: TrainingSet) -> list[FoldFigures]:
    """The rules' own categories on the same folds (the baseline)."""
    results = []
    for fold in sorted({example.fold for example in data.examples}):
        held = [(e.rule, e.label) for e in data.examples if e.fold == fold]
        results.append(_figures(fold, held, _gold_in_fold(data, fold)))
    return results


def mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None
