"""Rebuild the figure decision (`models/figure_kind.json` and its card) from the data.

Training data: the train part of the real-news gold (`eval/gold`, texts from
the shared corpus; the validation part is never read here). Each article is
built and parsed as ingest does, and every figure candidate the rules produce
in its body (`analysis.candidate_analysis`) becomes one example: labelled with
the category of the gold figure it overlaps (paired one-to-one, longest
overlap first) or `other`. The gold labels every casualty figure of an article,
so an unpaired candidate is a true `other`.

Model: scikit-learn's multinomial logistic regression over `learned.features`
(one-hot cues through a DictVectorizer). C and the decision threshold are
chosen by grouped cross-validation over the train part's folds (fold =
int(sha1(article id)[:8], 16) % 5: folds 2, 3, 4; all candidates of an article
in one fold) on the realnews figure F1; the card reports those folds' figures
beside the rules' own. Everything is sorted and seeded: the same data give the
same weights.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from newsledger.analysis import body_offset, candidate_analysis, parsed_text
from newsledger.eval.alignment import span_mapper
from newsledger.eval.folds import fold_of
from newsledger.eval.realnews import one_to_one
from newsledger.eval.realnews_gold import GoldNewsArticle
from newsledger.eval.stored import GoldText, build_articles
from newsledger.learned.features import figure_features
from newsledger.learned.figure_kind import MODEL_NAME

__all__ = ["Example", "TrainingSet", "realnews_examples", "write_json", "write_model"]

C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass(frozen=True, slots=True)
class Example:
    group: str
    fold: int
    features: dict[str, float]
    rule: str
    label: str


@dataclass(slots=True)
class TrainingSet:
    examples: list[Example] = field(default_factory=list)
    # gold figures per article, including those no candidate reaches (recall's denominator)
    gold_figures: dict[str, int] = field(default_factory=dict)


def _pairs(candidates: list[tuple[int, int]], gold: GoldNewsArticle) -> dict[int, str]:
    """Candidate index -> gold category, one-to-one by the longest overlap."""
    pairs = []
    for g, figure in enumerate(gold.figures):
        for c, (start, end) in enumerate(candidates):
            overlap = min(end, figure.end) - max(start, figure.start)
            if overlap > 0:
                pairs.append(((overlap, -c), g, c))
    return {c: gold.figures[g].category for g, c in one_to_one(pairs)}


def _article_examples(doc, article, gold: GoldNewsArticle, features, keep) -> list[Example]:
    analysis = candidate_analysis(doc, article)
    offset = body_offset(doc, article)
    to_gold = span_mapper(article.text, gold.text)
    kept, spans = [], []
    for figure in analysis.figures:
        if figure.span.start < offset or not keep(figure):
            continue
        start, end = figure.span.start - offset, figure.span.end - offset
        span = to_gold(start, end)
        if span is not None:
            kept.append(figure)
            spans.append(span)
    labels = _pairs(spans, gold)
    fold = fold_of(gold.id)
    return [
        Example(gold.id, fold, features(doc, f), f.category, labels.get(i, "other"))
        for i, f in enumerate(kept)
    ]


def _every(_figure) -> bool:
    return True


def realnews_examples(
    articles: Sequence[GoldNewsArticle], nlp, *, features=figure_features, keep=_every
) -> TrainingSet:
    """One example per figure candidate of the given gold articles (see the module text);
    `features(doc, figure)` computes the cues, `keep(figure)` chooses the candidates."""
    built = build_articles([GoldText(a.id, a.text, a.title, a.date) for a in articles], "realnews")
    data = TrainingSet()
    together = zip(built, articles, strict=True)
    pairs = ((parsed_text(article), (article, gold)) for article, gold in together)
    for doc, (article, gold) in nlp.pipe(pairs, as_tuples=True, batch_size=8):
        data.examples.extend(_article_examples(doc, article, gold, features, keep))
        data.gold_figures[gold.id] = len(gold.figures)
    return data


def model_path(name: str = MODEL_NAME) -> Path:
    """Where the shipped model `name` is written (in the installed package's models/)."""
    return Path(str(resources.files("newsledger.learned").joinpath("models", f"{name}.json")))


def today() -> str:
    return datetime.date.today().isoformat()


def write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def write_model(path: Path, model, *, c: float, examples: int, card: str) -> None:
    """The fitted `model` as the shipped JSON at `path` (what `linear.load_model` reads),
    and its model card beside it (`path` with .md)."""
    payload = {
        "name": model.name,
        "classes": list(model.classes),
        "intercept": list(model.intercept),
        "weights": {name: list(row) for name, row in sorted(model.weights.items())},
        "threshold": model.threshold,
        "card": {"c": c, "examples": examples, "see": f"{model.name}.md"},
    }
    write_json(path, payload)
    path.with_suffix(".md").write_text(card, encoding="utf-8")
