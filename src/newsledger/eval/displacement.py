"""The displacement scorer: per excerpt, the displacement figure and its term category
against IDMC / IDETECT annotations (`../shared/eval/displacement/`).

Per excerpt: parse, extract quantities and figures, and predict the excerpt's
displacement fact (`pick_displacement_figure`): the first displaced or
evacuated figure, else the first destroyed-housing figure, else the first
housing figure, else (the excerpt was annotated because it reports
displacement) its first plain count as displaced. A stated range counts as its
upper bound ("between 18,000 and 25,000 people" is annotated 25,000).
Gold terms map onto our categories (`TERM_CATEGORY`):

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
from dataclasses import dataclass, field
from pathlib import Path

from newsledger.errors import EvalError
from newsledger.eval.gate import file_sha256
from newsledger.eval.gold import read_gold
from newsledger.eval.quantulum_peer import largest_count, quantulum_numbers
from newsledger.extract.figures import extract_figures
from newsledger.extract.quantities import extract_quantities
from newsledger.models import Figure

__all__ = [
    "DISPLACEMENT_CATEGORIES",
    "TERM_CATEGORY",
    "DisplacementEvalResult",
    "ExcerptPrediction",
    "SystemScores",
    "evaluate_displacement",
    "load_gold",
    "pick_displacement_figure",
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
DISPLACEMENT_CATEGORIES = ("displaced", "evacuated", "housing_destroyed", "housing_damaged")


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
        ours = next(s for s in self.systems if s.system == SYSTEM_NAME)
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


def _reported_value(figure: Figure) -> float:
    """The value an annotator records: the upper bound of a stated range
    ("between 18,000 and 25,000" -> 25,000), the value itself otherwise."""
    if figure.qualifier == "range":
        return figure.value_high
    return figure.value_low


def pick_displacement_figure(figures: list[Figure]) -> tuple[float, str] | None:
    """The excerpt's displacement fact (value, category), or None.

    The first displaced/evacuated figure, else the first destroyed-housing
    figure, else the first housing figure; an excerpt is annotated because it
    reports displacement, so when no figure has a displacement category its
    first plain count (>= 10, the excerpt's lead figure) is taken as displaced.
    """
    facts = [f for f in figures if f.category in DISPLACEMENT_CATEGORIES and f.part_of is None]
    people = [f for f in facts if f.category in ("displaced", "evacuated")]
    destroyed = [f for f in facts if f.category == "housing_destroyed"]
    chosen = (people or destroyed or facts)[:1]
    if chosen:
        return _reported_value(chosen[0]), chosen[0].category
    plain = [f for f in figures if f.category == "other" and f.unit is None and f.value_low >= 10]
    if plain:
        return plain[0].value_low, "displaced"
    return None


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


def predict_excerpts(gold: list[GoldExcerpt], nlp) -> list[ExcerptPrediction]:
    """newsledger's displacement figure and category for each excerpt."""
    predictions = []
    for excerpt, doc in zip(gold, nlp.pipe((e.text for e in gold), batch_size=32), strict=True):
        figures = extract_figures(doc, extract_quantities(doc), [], reference_date=None)
        chosen = pick_displacement_figure(figures)
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


def evaluate_displacement(
    gold_path: str | Path, *, nlp=None, peers: bool = False
) -> DisplacementEvalResult:
    """Score newsledger (and with `peers` quantulum3's largest number) on a displacement file."""
    from newsledger.nlp import load_pipeline

    gold = load_gold(gold_path)
    nlp = nlp if nlp is not None else load_pipeline()
    result = DisplacementEvalResult(str(gold_path), file_sha256(gold_path), len(gold))
    started = time.perf_counter()
    result.predictions = predict_excerpts(gold, nlp)
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
    result.notes = [
        "prediction: first displaced/evacuated figure, else first destroyed-housing, "
        "else first housing figure, else the first plain count as displaced; "
        "a range counts as its upper bound",
        "gold terms mapped by newsledger.eval.displacement.TERM_CATEGORY",
        f"{PEER_NAME}: largest dimensionless whole number; figure accuracy only",
    ]
    return result
