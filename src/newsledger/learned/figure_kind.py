"""The learned figure decision (issue 17, decision a): for every figure candidate
the rules produce, is it a count of people harmed, and in which category?

The rules (`extract.figures`) give each number a category, or `other`; the
model (`models/figure_kind.json`, card beside it, rebuilt by `make train`)
weighs that decision with the other cues of `learned.features` and gives a
probability per category. A figure takes the model's category when the model
is at least `threshold` sure of it; otherwise the rules' category stands.

Displacement and housing figures are outside the model: they pass unchanged,
and the model's choice of those categories is not taken. The real-news train
part holds 14 displacement figures, and a first model that decided them too
lowered the displacement dev figure accuracy from 0.806 to 0.718 (the rules
there were written on that dev half, which the model never saw).
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from newsledger.learned.features import figure_features
from newsledger.learned.linear import LinearModel, load_model
from newsledger.models import Figure

__all__ = ["MODEL_NAME", "UNDECIDED", "decide_figures", "decided_category"]

MODEL_NAME = "figure_kind"
UNDECIDED = frozenset({"displaced", "evacuated", "housing_damaged", "housing_destroyed"})


def decided_category(model: LinearModel, features: dict[str, float], rule: str) -> str:
    """The category a figure takes: the model's when it is sure enough, else `rule`."""
    if rule in UNDECIDED:
        return rule
    probabilities = model.probabilities(features)
    best = max(model.classes, key=lambda label: probabilities[label])
    if best in UNDECIDED or probabilities[best] < model.threshold:
        return rule
    return best


def decide_figures(doc: Doc, figures: list[Figure]) -> list[Figure]:
    """The figures with the learned category decision applied (new objects where it changes)."""
    model = load_model(MODEL_NAME)
    decided = []
    for figure in figures:
        if figure.category in UNDECIDED:
            decided.append(figure)
            continue
        category = decided_category(model, figure_features(doc, figure), figure.category)
        if category != figure.category:
            figure = dataclasses.replace(figure, category=category)
        decided.append(figure)
    return decided
