"""Training data and cross-validation of the displacement decision
(`learned.displacement_kind`).

Data: the displacement dev half (`../shared/eval/displacement/dev.jsonl`: IDMC
and IDETECT excerpts, one displacement fact each; rows sharing an excerpt share
a `split_key`, the group), and the decided candidates of the real-news gold's
train part (`eval/gold`; group = article), labelled with their gold category
when it is a displacement one, else `other`: excerpts chosen for displacement
alone teach that every count near "fled" or "people" is one (a model trained on
them turned troops and voters into displaced people on real news). Each
distinct excerpt is built and parsed as ingest does
(`analysis.candidate_analysis`); every figure the model decides (`is_decided`)
becomes one example, labelled with the term of the excerpt's
fact whose figure it states (the upper end of a range, as the annotators
record it), or `other`. The score is the displacement scorer's
(`eval.displacement`): per row, the fact `pick_displacement_figure` reads from
the decided categories, right when figure and term both match.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsledger.analysis import candidate_analysis, parsed_text
from newsledger.eval.displacement import TERM_CATEGORY, pick_displacement_figure
from newsledger.eval.folds import fold_of
from newsledger.eval.stored import GoldText, build_articles
from newsledger.learned.displacement_features import displacement_features
from newsledger.learned.displacement_kind import decided_term, is_decided
from newsledger.models import DISPLACEMENT_CATEGORIES, Figure

__all__ = [
    "DEFAULT_DISPLACEMENT",
    "NewsExample",
    "news_accuracy",
    "news_examples",
    "DisplacementItem",
    "displacement_items",
    "examples",
    "figure_term_accuracy",
]

DEFAULT_DISPLACEMENT = Path("../shared/eval/displacement/dev.jsonl")
OTHER = "other"


@dataclass(slots=True)
class _Candidate:
    figure: Figure
    features: dict[str, float]
    decided: bool


@dataclass(slots=True)
class DisplacementItem:
    """One distinct excerpt: its fold, its gold facts (value, category) and candidates."""

    id: str
    fold: int
    facts: list[tuple[int | None, str]]
    candidates: list[_Candidate] = field(default_factory=list)


def _reported(figure: Figure) -> float:
    return figure.value_high if figure.qualifier == "range" else figure.value_low


def _gold_rows(path: Path) -> tuple[dict[tuple[str, str], DisplacementItem], dict]:
    items: dict[tuple[str, str], DisplacementItem] = {}
    texts: dict[tuple[str, str], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        key = (row["split_key"], row["text"])
        if key not in items:
            items[key] = DisplacementItem(row["id"], fold_of(row["split_key"]), [])
            texts[key] = row["text"]
        items[key].facts.append((row.get("figure"), TERM_CATEGORY[row["term"]]))
    return items, texts


def displacement_items(path: Path, nlp) -> list[DisplacementItem]:
    """Every distinct excerpt of the gold file, parsed and read by the rules."""
    items, texts = _gold_rows(path)
    keys = list(items)
    built = build_articles([GoldText(items[k].id, texts[k]) for k in keys], "training")
    pairs = (
        (parsed_text(article), (article, key)) for article, key in zip(built, keys, strict=True)
    )
    for doc, (article, key) in nlp.pipe(pairs, as_tuples=True, batch_size=8):
        for figure in candidate_analysis(doc, article).figures:
            decided = is_decided(figure)
            features = displacement_features(doc, figure) if decided else {}
            items[key].candidates.append(_Candidate(figure, features, decided))
    return [items[key] for key in keys]


def _label(candidate: _Candidate, facts: list[tuple[int | None, str]]) -> str:
    value = _reported(candidate.figure)
    for figure, category in facts:
        if figure is not None and value == figure:
            return category
    return OTHER


def examples(items: Sequence[DisplacementItem]) -> tuple[list[dict[str, float]], list[str]]:
    """Features and labels of every decided candidate of the items."""
    features, labels = [], []
    for item in items:
        for candidate in item.candidates:
            if candidate.decided:
                features.append(candidate.features)
                labels.append(_label(candidate, item.facts))
    return features, labels


def _row(figure: Figure, category: str) -> dict:
    return {
        "category": category,
        "part_of": figure.part_of,
        "qualifier": figure.qualifier,
        "value_low": figure.value_low,
        "value_high": figure.value_high,
    }


def _rows(item: DisplacementItem, model) -> list[dict]:
    rows = []
    for candidate in item.candidates:
        category = candidate.figure.category
        if model is not None and candidate.decided:
            category = decided_term(model, candidate.features, category)
        rows.append(_row(candidate.figure, category))
    return rows


def figure_term_accuracy(decided: Sequence[tuple[DisplacementItem, object]]) -> float:
    """Figure+term accuracy over the gold rows of (item, model or None for the rules)."""
    right = total = 0
    for item, model in decided:
        pick = pick_displacement_figure(_rows(item, model))
        for figure, category in item.facts:
            total += 1
            right += pick is not None and pick[0] == figure and pick[1] == category
    return right / total if total else 0.0


@dataclass(frozen=True, slots=True)
class NewsExample:
    """A decided candidate of a real-news gold article: fold, cues, rules' call, label."""

    fold: int
    features: dict[str, float]
    rule: str
    label: str


def news_examples(gold_dir, corpus_dir, nlp) -> list[NewsExample]:
    """The decided candidates of the real-news gold's train part (none without the gold)."""
    from newsledger.eval.realnews_gold import GoldAbsent, load_realnews
    from newsledger.learned.training import realnews_examples

    try:
        train = [a for a in load_realnews(gold_dir, corpus_dir) if a.part == "train"]
    except GoldAbsent:
        return []
    data = realnews_examples(train, nlp, features=displacement_features, keep=is_decided)
    return [
        NewsExample(
            e.fold, e.features, e.rule, e.label if e.label in DISPLACEMENT_CATEGORIES else OTHER
        )
        for e in data.examples
    ]


def news_accuracy(decided: Sequence[tuple[NewsExample, object]]) -> float:
    """The share of real-news candidates whose decided category (the model's, or the
    rules' with None) is their gold one."""
    right = [
        (e.rule if model is None else decided_term(model, e.features, e.rule)) == e.label
        for e, model in decided
    ]
    return sum(right) / len(right) if right else 0.0
