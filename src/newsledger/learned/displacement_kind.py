"""The learned displacement decision (issue 17, decision c): is a count of people or
homes a displacement figure, and of which term (displaced, evacuated, homes
destroyed, homes damaged), or none?

The rules (`extract.figures.category`) give each number a category; for the
counts the rules call a displacement category or `other` (a plain count, no unit),
the model (`models/displacement_kind.json`, card beside it, rebuilt by
`make train`) weighs the rules' call with the clause's words
(`learned.displacement_features`) and gives a probability per term. A figure
takes the model's term when the model is at least `threshold` sure of it;
otherwise the rules' category stands. Counts the rules call killed, injured,
missing or detained are never touched.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from newsledger.learned.displacement_features import displacement_features
from newsledger.learned.linear import LinearModel, load_model
from newsledger.models import DISPLACEMENT_CATEGORIES, Figure

__all__ = ["DECIDED", "MODEL_NAME", "decide_displacement", "decided_term", "is_decided"]

MODEL_NAME = "displacement_kind"
# The rules' categories the model may overrule.
DECIDED = frozenset({*DISPLACEMENT_CATEGORIES, "other"})


def is_decided(figure: Figure) -> bool:
    """Whether the model decides this figure: a plain count the rules call a
    displacement category or other."""
    return figure.category in DECIDED and figure.unit is None and figure.value_low >= 1


def decided_term(model: LinearModel, features: dict[str, float], rule: str) -> str:
    """The category a figure takes: the model's when it is sure enough, else `rule`."""
    probabilities = model.probabilities(features)
    best = max(model.classes, key=lambda label: probabilities[label])
    return best if probabilities[best] >= model.threshold else rule


def decide_displacement(
    doc: Doc, figures: list[Figure], model: LinearModel | None = None
) -> list[Figure]:
    """The figures with the displacement decision applied (new objects where it changes)."""
    model = model if model is not None else load_model(MODEL_NAME)
    decided = []
    for figure in figures:
        if is_decided(figure):
            term = decided_term(model, displacement_features(doc, figure), figure.category)
            if term != figure.category:
                figure = dataclasses.replace(figure, category=term)
        decided.append(figure)
    return decided
