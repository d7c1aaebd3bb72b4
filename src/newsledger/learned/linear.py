"""A fitted multinomial logistic regression, shipped as JSON and applied in plain Python.

The file (`learned/models/<name>.json`, written by `learned.training`) holds the
classes, the intercepts and, per feature name, one weight per class. Loading
reads that file only: no scikit-learn, no pickle, no network, no training data.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["LinearModel", "load_model"]


@dataclass(frozen=True, slots=True)
class LinearModel:
    name: str
    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    threshold: float
    card: Mapping[str, Any]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LinearModel:
        classes = tuple(data["classes"])
        weights = {name: tuple(row) for name, row in data["weights"].items()}
        if len(data["intercept"]) != len(classes) or any(
            len(row) != len(classes) for row in weights.values()
        ):
            raise ValueError(f"model {data.get('name')!r}: weights do not match its classes")
        return cls(
            data["name"],
            classes,
            tuple(data["intercept"]),
            weights,
            float(data.get("threshold", 0.5)),
            data.get("card", {}),
        )

    def probabilities(self, features: Mapping[str, float]) -> dict[str, float]:
        """P(class | features) for every class (softmax of the linear scores)."""
        scores = list(self.intercept)
        for name, value in features.items():
            row = self.weights.get(name)
            if row is not None and value:
                for index, weight in enumerate(row):
                    scores[index] += weight * value
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        return {label: exp / total for label, exp in zip(self.classes, exps, strict=True)}


@cache
def load_model(name: str) -> LinearModel:
    """The shipped model `learned/models/<name>.json`."""
    text = (
        resources.files("newsledger.learned")
        .joinpath("models", f"{name}.json")
        .read_text(encoding="utf-8")
    )
    return LinearModel.from_dict(json.loads(text))
