"""The displacement scorer: per excerpt, the displacement figure and its term category
against IDMC / IDETECT annotations (`../shared/eval/displacement/`).

Per excerpt: the figures the ledger stores for it (the excerpt ingested as an
article of its own, see `newsledger.eval.stored`), and the excerpt's displacement
fact picked from them (`pick_displacement_figure`): the first stored figure with
category displaced or evacuated, else the first housing_destroyed one, else the
first housing_damaged one; with none, the excerpt has no prediction. The
category is the stored one: no figure the product left as `other` is counted as
displacement. A stored range counts as its upper bound ("between 18,000 and
25,000 people" is annotated 25,000). Gold terms map onto our categories
(`TERM_CATEGORY`):

| gold term | our category |
|---|---|
| Displaced, Forced to Flee, Sheltered, In Relief Camp, Homeless | displaced |
| Evacuated, Relocated | evacuated |
| Destroyed Housing | housing_destroyed |
| Partially Destroyed Housing, Uninhabitable Housing | housing_damaged |

Sheltered, In Relief Camp and Homeless describe where displaced people are,
not a separate movement; Relocated is an organised move, like an evacuation.
Metrics: figure accuracy (value equals gold `figure`), term accuracy (category
equals the mapped term), figure+term accuracy, and P/R/F1 of figure+term
(precision over excerpts with a prediction). The quantulum3 peer predicts the
largest dimensionless whole number (figure accuracy only: it has no terms).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsledger.errors import EvalError
from newsledger.eval.gate import file_sha256
from newsledger.eval.gold import read_gold
from newsledger.eval.quantulum_peer import largest_count, quantulum_numbers
from newsledger.eval.stored import GoldText, stored_figures
from newsledger.models import DISPLACEMENT_CATEGORIES

__all__ = [
    "DISPLACEMENT_CATEGORIES",
    "TERM_CATEGORY",
    "DisplacementEvalResult",
    "ExcerptPrediction",
    "SystemScores",
    "evaluate_displacement",
    "load_gold",
    "pick_displacement_figure",
    "predict_excerpts",
    "scores_of",
]

SYSTEM_NAME = "newsledger"
PEER_NAME = "quantulum3"
TERM_CATEGORY: dict[str, str] = {
    "Displaced": "displaced",
    "Forced to Flee": "displaced",
    "Sheltered": "displaced",
    "In Relief Camp": "displaced",
    "Homeless": "displaced",
    "Evacuated": "evacuated",
    "Relocated": "evacuated",
    "Destroyed Housing": "housing_destroyed",
    "Partially Destroyed Housing": "housing_damaged",
    "Uninhabitable Housing": "housing_damaged",
}


@dataclass(frozen=True, slots=True)
class GoldExcerpt:
    id: str
    text: str
    figure: int | None
    category: str


@dataclass(frozen=True, slots=True)
class ExcerptPrediction:
    id: str
    gold_figure: int | None
    gold_category: str
    figure: float | None
    category: str | None

    @property
    def figure_ok(self) -> bool:
        return self.figure is not None and self.figure == self.gold_figure

    @property
    def category_ok(self) -> bool:
        return self.category == self.gold_category

    @property
    def both_ok(self) -> bool:
        return self.figure_ok and self.category_ok


@dataclass(frozen=True, slots=True)
class SystemScores:
    system: str
    excerpts: int
    predicted: int
    figure_accuracy: float
    term_accuracy: float | None
    figure_term_accuracy: float | None
    precision: float | None
    recall: float | None
    f1: float | None
    seconds: float


@dataclass(slots=True)
class DisplacementEvalResult:
    gold_path: str
    gold_sha256: str
    excerpts: int
    systems: list[SystemScores] = field(default_factory=list)
    predictions: list[ExcerptPrediction] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def flat_scores(self) -> dict[str, float]:
        """newsledger's metrics by name, as the gate reads them."""
        return _flat(next(s for s in self.systems if s.system == SYSTEM_NAME))


def _flat(ours: SystemScores) -> dict[str, float]:
    return {
        "figure.accuracy": ours.figure_accuracy,
        "term.accuracy": ours.term_accuracy or 0.0,
        "figure+term.accuracy": ours.figure_term_accuracy or 0.0,
        "figure+term.f1": ours.f1 or 0.0,
    }


def load_gold(path: str | Path) -> list[GoldExcerpt]:
    """Read the gold JSONL; EvalError names the line of a malformed record or unknown term."""
    excerpts = list(read_gold(path, _gold_excerpt, "displacement record"))
    if not excerpts:
        raise EvalError(f"{path} holds no displacement records")
    return excerpts


def _gold_excerpt(record: dict) -> GoldExcerpt:
    figure = record.get("figure")
    return GoldExcerpt(
        id=str(record["id"]),
        text=record["text"],
        figure=int(figure) if figure is not None else None,
        category=TERM_CATEGORY[record["term"]],
    )


def _reported_value(row: Mapping[str, Any]) -> float:
    """The value an annotator records: the upper bound of a stored range
    ("between 18,000 and 25,000" -> 25,000), the value itself otherwise."""
    if row["qualifier"] == "range":
        return row["value_high"]
    return row["value_low"]


def pick_displacement_figure(rows: list[Mapping[str, Any]]) -> tuple[float, str] | None:
    """The excerpt's displacement fact (value, stored category), or None.

    `rows` are stored figure rows (`Store.figures()`). The first displaced or
    evacuated figure, else the first destroyed-housing figure, else the first
    housing figure; a figure that is part of another is not a fact of its own.
    Only the stored category counts: with no displacement figure there is no
    prediction.
    """
    facts = [
        row for row in rows if row["category"] in DISPLACEMENT_CATEGORIES and row["part_of"] is None
    ]
    people = [row for row in facts if row["category"] in ("displaced", "evacuated")]
    destroyed = [row for row in facts if row["category"] == "housing_destroyed"]
    chosen = (people or destroyed or facts)[:1]
    if not chosen:
        return None
    return _reported_value(chosen[0]), chosen[0]["category"]


def _scores(
    system: str, predictions: list[ExcerptPrediction], seconds: float, *, terms: bool
) -> SystemScores:
    total = len(predictions)
    predicted = sum(p.figure is not None for p in predictions)
    figure_ok = sum(p.figure_ok for p in predictions)
    if not terms:
        return SystemScores(
            system, total, predicted, figure_ok / total, None, None, None, None, None, seconds
        )
    both = sum(p.both_ok for p in predictions)
    precision = both / predicted if predicted else 0.0
    recall = both / total
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return SystemScores(
        system,
        total,
        predicted,
        figure_ok / total,
        sum(p.category_ok for p in predictions) / total,
        both / total,
        precision,
        recall,
        f1,
        seconds,
    )


def predict_excerpts(
    gold: list[GoldExcerpt], nlp, notes: list[str] | None = None
) -> list[ExcerptPrediction]:
    """The displacement figure and category of each excerpt, from its stored figures."""
    stored = stored_figures(
        [GoldText(excerpt.id, excerpt.text) for excerpt in gold], nlp, source="displacement"
    )
    if notes is not None:
        notes.extend(stored.notes)
    predictions = []
    for excerpt, rows in zip(gold, stored.figures, strict=True):
        chosen = pick_displacement_figure(rows)
        predictions.append(
            ExcerptPrediction(
                excerpt.id,
                excerpt.figure,
                excerpt.category,
                chosen[0] if chosen else None,
                chosen[1] if chosen else None,
            )
        )
    return predictions


def scores_of(result: DisplacementEvalResult, ids: Iterable[str]) -> dict[str, float]:
    """newsledger's flat scores on the excerpts with these ids (a fold)."""
    wanted = set(ids)
    subset = [p for p in result.predictions if p.id in wanted]
    return _flat(_scores(SYSTEM_NAME, subset, 0.0, terms=True))


def evaluate_displacement(
    gold_path: str | Path, *, nlp=None, peers: bool = False
) -> DisplacementEvalResult:
    """Score newsledger (and with `peers` quantulum3's largest number) on a displacement file."""
    from newsledger.nlp import load_pipeline

    gold = load_gold(gold_path)
    nlp = nlp if nlp is not None else load_pipeline()
    result = DisplacementEvalResult(str(gold_path), file_sha256(gold_path), len(gold))
    started = time.perf_counter()
    result.predictions = predict_excerpts(gold, nlp, result.notes)
    result.systems.append(
        _scores(SYSTEM_NAME, result.predictions, time.perf_counter() - started, terms=True)
    )
    if peers:
        started = time.perf_counter()
        peer = [
            ExcerptPrediction(
                e.id, e.figure, e.category, largest_count(quantulum_numbers(e.text)), None
            )
            for e in gold
        ]
        result.systems.append(_scores(PEER_NAME, peer, time.perf_counter() - started, terms=False))
    result.notes += [
        "prediction: of the figures the ledger stores for the excerpt, the first "
        "displaced/evacuated one, else the first destroyed-housing one, else the first "
        "housing one, with its stored category; none: no prediction; "
        "a stored range counts as its upper bound",
        "gold terms mapped by newsledger.eval.displacement.TERM_CATEGORY",
        f"{PEER_NAME}: largest dimensionless whole number; figure accuracy only",
    ]
    return result
