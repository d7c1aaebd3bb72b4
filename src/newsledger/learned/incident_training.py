"""Rebuild the main-incident counts model (`models/incident_counts.json` and its card).

Training data: the dev halves of two sets in `../shared/eval/` that give an
article's (or an event description's) killed and injured counts:
- casualties (SemEval-2018 Task 5: US local news on gun violence, GVA's
  incident totals; group = the GVA incident);
- victim_counts (WAD: one- to five-sentence descriptions of atrocities
  worldwide, the coder's counts; group = the event).
Each text is built and parsed as ingest does (`analysis.candidate_analysis`:
the rules' figures and their summary) and every candidate of
`extract.incident.candidates` becomes one example per side, labelled `count`
when its value is the gold number and `not` otherwise. A side whose gold is
missing (WAD leaves some injured cells blank) gives no examples.

Model: scikit-learn's logistic regression over the candidates' named features
(a DictVectorizer); the candidate with the highest probability is the side's
count (`learned.incident_counts`). C is chosen by 5-fold grouped
cross-validation (fold = int(sha1(group)[:8], 16) % 5) on the mean exact
accuracy of both sides over both sets, measured through `best_candidate`, the
code that decides at ingest time. Everything is sorted and seeded: the same
data give the same weights.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsledger.analysis import candidate_analysis, parsed_text
from newsledger.eval import casualties, victim_counts
from newsledger.eval.folds import fold_of
from newsledger.eval.stored import GoldText, build_articles
from newsledger.extract.incident.candidates import SIDES, Candidate, incident_candidates
from newsledger.learned.incident_counts import POSITIVE, best_candidate

__all__ = [
    "DEFAULT_SETS",
    "IncidentItem",
    "accuracies",
    "cross_validate_counts",
    "examples",
    "incident_items",
    "mean_accuracy",
]

DEFAULT_SETS = {
    "casualties": Path("../shared/eval/casualties/dev.jsonl"),
    "victim_counts": Path("../shared/eval/victim_counts/dev.jsonl"),
}
NEGATIVE = "not"


@dataclass(slots=True)
class IncidentItem:
    """One gold text: its set, fold, gold counts, the rules' counts and the candidates."""

    id: str
    set: str
    fold: int
    gold: dict[str, float | None]
    rules: dict[str, float]
    candidates: dict[str, list[Candidate]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Gold:
    id: str
    group: str
    set: str
    text: GoldText
    killed: float | None
    injured: float | None


def _gold_texts(sets: dict[str, Path]) -> list[_Gold]:
    found = []
    if sets.get("casualties") is not None:
        for a in casualties.load_gold(sets["casualties"]):
            text = GoldText(a.id, a.text, a.title, a.date)
            group = a.incident_id or a.id
            found.append(_Gold(a.id, group, "casualties", text, a.killed, a.injured))
    if sets.get("victim_counts") is not None:
        for e in victim_counts.load_gold(sets["victim_counts"]):
            answers = e.answers
            found.append(
                _Gold(
                    e.id,
                    e.id,
                    "victim_counts",
                    GoldText(e.id, e.text),
                    answers.get("deaths"),
                    answers.get("injured"),
                )
            )
    return found


def _low(summary, side: str) -> float:
    count = getattr(summary, side, None) if summary is not None else None
    return count.value_low if count is not None else 0.0


def incident_items(sets: dict[str, Path], nlp) -> list[IncidentItem]:
    """Every gold text of the sets, parsed and read by the rules, with its candidates."""
    gold = _gold_texts(sets)
    built = build_articles([g.text for g in gold], "training")
    pairs = ((parsed_text(article), (article, g)) for article, g in zip(built, gold, strict=True))
    items = []
    for doc, (article, g) in nlp.pipe(pairs, as_tuples=True, batch_size=8):
        analysis = candidate_analysis(doc, article)
        sides = incident_candidates(analysis.figures, analysis.summary, doc)
        items.append(
            IncidentItem(
                g.id,
                g.set,
                fold_of(g.group),
                {"killed": g.killed, "injured": g.injured},
                {side: _low(analysis.summary, side) for side in SIDES},
                sides,
            )
        )
    return items


def examples(items: Iterable[IncidentItem]) -> tuple[list[dict[str, float]], list[str]]:
    """Candidate features and labels (`count` / `not`) of every side with a gold number."""
    features, labels = [], []
    for item in items:
        for side in SIDES:
            gold = item.gold[side]
            if gold is None:
                continue
            for candidate in item.candidates[side]:
                features.append(candidate.features)
                labels.append(POSITIVE if candidate.value == gold else NEGATIVE)
    return features, labels


def accuracies(items: Sequence[IncidentItem], model=None) -> dict[str, float]:
    """Exact accuracy per set and side: the model's pick, or with no model the rules'."""
    right: dict[str, list[bool]] = {}
    for item in items:
        for side in SIDES:
            gold = item.gold[side]
            if gold is None:
                continue
            if model is None:
                value = item.rules[side]
            else:
                best = best_candidate(model, item.candidates[side])
                value = best.value if best is not None else 0.0
            right.setdefault(f"{item.set}.{side}", []).append(value == gold)
    return {name: sum(marks) / len(marks) for name, marks in sorted(right.items())}


def cross_validate_counts(items: Sequence[IncidentItem], fit) -> tuple[dict, dict]:
    """The model's and the rules' accuracies over the 5 held-out folds, pooled.

    `fit(features, labels)` returns a LinearModel; each fold's items are decided by a
    model fitted on the other four."""
    decided: list[tuple[IncidentItem, object]] = []
    for fold in range(5):
        train = [item for item in items if item.fold != fold]
        held = [item for item in items if item.fold == fold]
        if not held:
            continue
        model = fit(*examples(train))
        decided.extend((item, model) for item in held)
    model_right: dict[str, list[bool]] = {}
    for item, model in decided:
        for name, value in accuracies([item], model).items():
            model_right.setdefault(name, []).append(value == 1.0)
    pooled = {name: sum(m) / len(m) for name, m in sorted(model_right.items())}
    return pooled, accuracies(items)


def mean_accuracy(scores: dict[str, float]) -> float:
    """The mean of the per-set, per-side accuracies (each set and side weighs the same)."""
    return sum(scores.values()) / len(scores) if scores else 0.0
