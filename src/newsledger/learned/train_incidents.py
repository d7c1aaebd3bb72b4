"""Rebuild the main-incident counts model (`models/incident_counts.json` and its card).

The data and the cross-validation are `learned.incident_training`'s; this module
searches C over the grid by the cross-validated mean accuracy (ties to the
smaller C), refits on every item and writes the model and its card. Either set
may be absent: training then uses the other and the card says so; with neither
it raises IncidentDataAbsent and the shipped model is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from newsledger.errors import NewsledgerError
from newsledger.learned.fitting import fit_linear
from newsledger.learned.incident_counts import MODEL_NAME
from newsledger.learned.incident_training import (
    DEFAULT_SETS,
    cross_validate_counts,
    examples,
    incident_items,
    mean_accuracy,
)
from newsledger.learned.training import C_GRID, model_path, write_model

__all__ = ["IncidentDataAbsent", "IncidentReport", "train_incident_counts"]


class IncidentDataAbsent(NewsledgerError):
    """Neither dev half the incident model trains on is there."""


@dataclass(slots=True)
class IncidentReport:
    path: Path
    c: float
    cross_validated: dict[str, float]
    rules: dict[str, float]
    grid: list[tuple[float, float]]
    sets: dict[str, int]
    examples: int
    features: int


def _fit(features, labels, *, c: float):
    return fit_linear(features, labels, name=MODEL_NAME, c=c)


def train_incident_counts(
    sets: dict[str, Path] | None = None, *, nlp=None, out: Path | None = None
) -> IncidentReport:
    """Rebuild the incident counts model from the dev halves that are present."""
    from newsledger.learned.model_card import incident_card_text
    from newsledger.nlp import load_pipeline

    present = {name: path for name, path in (sets or DEFAULT_SETS).items() if path.is_file()}
    if not present:
        wanted = ", ".join(str(path) for path in (sets or DEFAULT_SETS).values())
        raise IncidentDataAbsent(f"no incident training data ({wanted} absent)")
    items = incident_items(present, nlp if nlp is not None else load_pipeline())
    grid, best = [], None
    for c in C_GRID:
        pooled, rules = cross_validate_counts(items, partial(_fit, c=c))
        score = mean_accuracy(pooled)
        grid.append((c, score))
        if best is None or score > best[0] + 1e-9:
            best = (score, c, pooled, rules)
    _, c, pooled, rules = best
    features, labels = examples(items)
    model = _fit(features, labels, c=c)
    counts = {name: sum(1 for item in items if item.set == name) for name in present}
    path = out if out is not None else model_path(MODEL_NAME)
    report = IncidentReport(path, c, pooled, rules, grid, counts, len(labels), len(model.weights))
    write_model(path, model, c=c, examples=len(labels), card=incident_card_text(report))
    return report
