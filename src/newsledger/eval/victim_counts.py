"""The victim-count scorer: the stored main-incident killed and injured counts of
a WAD event description against the coder's deaths / injured numbers
(`../shared/eval/victim_counts/`, the count-QA set of Zhong, Dhuliawala &
Stoehr, EACL 2023, rebuilt from the 2016-2020 WAD file; see its README).

Per event: the description is ingested as `ingest` would (`eval.stored`) and
the stored summary (`newsledger article ID` prints it) is read back. Decisions,
as in the casualties scorer:
- a side the summary has no count for is predicted 0 (WAD records 0 injured
  when the report names none; deaths are never 0 in this set);
- a count is right when its low end equals the answer (exact match, the
  paper's accuracy);
- accuracy is per question: deaths over every event, injured over the events
  with an injured answer. Folds (`--folds`) group by `event_id`.
The quantulum3 peer (`--peers`) takes the first number with a kill word near it
as deaths and the first with an injure word near it as injured, 0 otherwise.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsledger.errors import EvalError
from newsledger.eval.casualties import INJURE_CUE, KILL_CUE
from newsledger.eval.gate import file_sha256
from newsledger.eval.gold import read_gold
from newsledger.eval.quantulum_peer import nearest_count, quantulum_numbers
from newsledger.eval.stored import GoldText, stored_articles

__all__ = ["EventPrediction", "VictimCountsResult", "evaluate_victim_counts", "load_gold"]

SYSTEM_NAME = "newsledger"
PEER_NAME = "quantulum3"
FIELDS = {"deaths": "killed", "injured": "injured"}


@dataclass(slots=True)
class GoldEvent:
    id: str
    text: str
    answers: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EventPrediction:
    id: str
    answers: dict[str, int]
    predicted: dict[str, float]

    def right(self, name: str) -> bool | None:
        """Whether the answer to `name` (deaths / injured) is right; None if not asked."""
        if name not in self.answers:
            return None
        return self.predicted.get(name, 0.0) == self.answers[name]


@dataclass(slots=True)
class VictimCountsResult:
    gold_path: str
    gold_sha256: str
    events: int
    systems: list[dict] = field(default_factory=list)
    predictions: list[EventPrediction] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def flat_scores(self, ids: Iterable[str] | None = None) -> dict[str, float]:
        """newsledger's accuracies (on the events `ids`, all by default), as the gate reads them."""
        wanted = None if ids is None else set(ids)
        chosen = [p for p in self.predictions if wanted is None or p.id in wanted]
        return accuracies(chosen)


def accuracies(predictions: list[EventPrediction]) -> dict[str, float]:
    scores = {}
    for name in FIELDS:
        marks = [p.right(name) for p in predictions if p.right(name) is not None]
        if marks:
            scores[f"{name}.accuracy"] = sum(marks) / len(marks)
    return scores


def load_gold(path: str | Path) -> list[GoldEvent]:
    """One GoldEvent per event_id, in file order; EvalError names a malformed line."""

    def record(raw: dict) -> tuple[str, str, str, int]:
        if raw["field"] not in FIELDS:
            raise ValueError(f"field {raw['field']!r} is not one of {sorted(FIELDS)}")
        return raw["event_id"], raw["text"], raw["field"], int(raw["answer"])

    events: dict[str, GoldEvent] = {}
    for event_id, text, name, answer in read_gold(path, record, "victim_counts record"):
        events.setdefault(event_id, GoldEvent(event_id, text)).answers[name] = answer
    if not events:
        raise EvalError(f"{path} holds no victim_counts records")
    return list(events.values())


def _stored_predictions(gold: list[GoldEvent], nlp) -> tuple[list[EventPrediction], list[str]]:
    stored, notes = stored_articles(
        [GoldText(event.id, event.text) for event in gold], nlp, source="victim_counts"
    )
    predictions = []
    for event, article in zip(gold, stored, strict=True):
        summary = article.summary or {}
        predicted = {
            name: (summary.get(side) or {}).get("value_low") or 0.0 for name, side in FIELDS.items()
        }
        predictions.append(EventPrediction(event.id, event.answers, predicted))
    return predictions, notes


def _peer_predictions(gold: list[GoldEvent]) -> list[EventPrediction]:
    predictions = []
    for event in gold:
        numbers = quantulum_numbers(event.text)
        predicted = {
            "deaths": nearest_count(event.text, numbers, KILL_CUE) or 0.0,
            "injured": nearest_count(event.text, numbers, INJURE_CUE) or 0.0,
        }
        predictions.append(EventPrediction(event.id, event.answers, predicted))
    return predictions


def evaluate_victim_counts(
    gold_path: str | Path, *, nlp=None, peers: bool = False
) -> VictimCountsResult:
    """Score the stored summaries (and with `peers` quantulum3's baseline) on a WAD file."""
    from newsledger.nlp import load_pipeline

    gold = load_gold(gold_path)
    nlp = nlp if nlp is not None else load_pipeline()
    result = VictimCountsResult(str(gold_path), file_sha256(gold_path), len(gold))
    started = time.perf_counter()
    result.predictions, result.notes = _stored_predictions(gold, nlp)
    seconds = time.perf_counter() - started
    result.systems.append({"system": SYSTEM_NAME, **result.flat_scores(), "seconds": seconds})
    if peers:
        started = time.perf_counter()
        peer = accuracies(_peer_predictions(gold))
        result.systems.append(
            {"system": PEER_NAME, **peer, "seconds": time.perf_counter() - started}
        )
    result.notes.append("a side with no stored count is predicted 0; right = low end equals")
    return result
