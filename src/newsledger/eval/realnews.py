"""The real-news scorer (issue 16): what the ledger stores for real articles,
against the gold set read by hand (`eval/gold/`, see `realnews_gold`).

Each gold article is ingested as `ingest` would (`eval.stored`: build, quality
checks, analysis, an in-memory ledger) and its stored figure and statement
rows are read back; stored offsets are mapped to the published text's offsets
(`eval.alignment`). Matching, per article and one-to-one:

- figures: a stored figure with a casualty category (anything but `other`)
  and a gold figure match when their spans overlap; pairs with the same
  category are taken first, then by the longest overlap. A figure is *right*
  when it matches a gold figure of the same category: precision is right /
  stored casualty figures, recall right / gold figures. Matched pairs are the
  *found* figures, and per-field accuracy (`realnews_fields`) is measured on
  them; `all_fields` is the share of found figures right on every field.
  `background_marked` is, among found figures the gold marks background (a
  count of a past event), the share whose stored row has `background` true.
  `real` is the share of stored casualty figures that match any gold figure:
  counts of people harmed at all, whatever the category.
- statements (only the articles read for statements): a stored statement and
  a gold statement match when the stored content span covers at least half of
  the gold content's whitespace tokens, as in the quotation scorer; the
  speaker is right when the stored resolved speaker names the gold's. Speaker
  accuracy is also given for the gold statements whose speaker is written as
  a pronoun or a description ("he", "the ministry").

Scores are given for the validation part (never fitted on), the train part and
all; `bootstrap_sd` gives each figure's spread over articles.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from newsledger.eval.alignment import SpanMapper, span_mapper
from newsledger.eval.realnews_fields import FIGURE_FIELDS, field_right, same_name
from newsledger.eval.realnews_gold import (
    DEFAULT_CORPUS,
    DEFAULT_GOLD_DIR,
    GoldNewsArticle,
    GoldStatement,
    load_realnews,
)
from newsledger.eval.stored import GoldText, StoredArticle, stored_articles

__all__ = [
    "ArticleCounts",
    "RealNewsResult",
    "bootstrap_sd",
    "evaluate_realnews",
    "f1_of",
    "one_to_one",
    "score_article",
    "scores_of",
]

PARTS = ("validation", "train", "all")
NOT_CASUALTY = frozenset({None, "other"})
_TOKEN = re.compile(r"\S+")


@dataclass(slots=True)
class ArticleCounts:
    """What one article adds to each figure's numerator and denominator."""

    stored_figures: int = 0
    gold_figures: int = 0
    right_figures: int = 0
    found_figures: int = 0
    fields_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIGURE_FIELDS, 0))
    all_fields_right: int = 0
    gold_background: int = 0
    background_marked: int = 0
    stored_statements: int = 0
    gold_statements: int = 0
    matched_statements: int = 0
    speakers_right: int = 0
    pronoun_statements: int = 0
    pronoun_matched: int = 0
    pronoun_speakers_right: int = 0

    def add(self, other: ArticleCounts) -> None:
        for name in (f.name for f in fields(self)):
            if name == "fields_right":
                for key, value in other.fields_right.items():
                    self.fields_right[key] += value
            else:
                setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(slots=True)
class RealNewsResult:
    gold_dir: str
    corpus_dir: str
    articles: list[GoldNewsArticle]
    counts: list[ArticleCounts]
    scores: dict[str, dict[str, float | None]] = field(default_factory=dict)
    sizes: dict[str, dict[str, int]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def part_counts(self, part: str) -> list[ArticleCounts]:
        """The counts of the articles of one part ("all" for every article)."""
        return [
            counts
            for article, counts in zip(self.articles, self.counts, strict=True)
            if part == "all" or article.part == part
        ]


def _mapped(rows: Iterable[dict[str, Any]], to_gold: SpanMapper) -> list[tuple]:
    """(gold start, gold end, row) of each row whose span has a place in the gold text."""
    out = []
    for row in rows:
        span = to_gold(row["start"], row["end"])
        if span is not None:
            out.append((*span, row))
    return out


def one_to_one(pairs: list[tuple[tuple, int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, stored index) from (key, gold, stored) candidates,
    best key first; equal keys in the order given."""
    taken_gold: set[int] = set()
    taken_stored: set[int] = set()
    chosen = []
    for _, gold_index, stored_index in sorted(pairs, key=lambda pair: pair[0], reverse=True):
        if gold_index not in taken_gold and stored_index not in taken_stored:
            taken_gold.add(gold_index)
            taken_stored.add(stored_index)
            chosen.append((gold_index, stored_index))
    return sorted(chosen)


def _score_figures(gold: GoldNewsArticle, rows: list[tuple], counts: ArticleCounts) -> None:
    stored = [item for item in rows if item[2]["category"] not in NOT_CASUALTY]
    counts.stored_figures = len(stored)
    counts.gold_figures = len(gold.figures)
    pairs = []
    for g, figure in enumerate(gold.figures):
        for s, (start, end, row) in enumerate(stored):
            overlap = min(end, figure.end) - max(start, figure.start)
            if overlap > 0:
                pairs.append(((row["category"] == figure.category, overlap, -s), g, s))
    for g, s in one_to_one(pairs):
        figure, row = gold.figures[g], stored[s][2]
        counts.found_figures += 1
        right = {name: field_right(name, figure, row) for name in FIGURE_FIELDS}
        counts.right_figures += right["category"]
        counts.all_fields_right += all(right.values())
        if figure.background:
            # what the product stores: the row's own mark, nothing re-derived
            counts.gold_background += 1
            counts.background_marked += bool(row.get("background"))
        for name, ok in right.items():
            counts.fields_right[name] += ok


def _coverage(statement: GoldStatement, start: int, end: int, text: str) -> float:
    piece = text[statement.start : statement.end]
    offset = statement.start
    tokens = [(offset + t.start(), offset + t.end()) for t in _TOKEN.finditer(piece)]
    if not tokens:
        return 0.0
    covered = sum(1 for a, b in tokens if a < end and start < b)
    return covered / len(tokens)


def _score_statements(gold: GoldNewsArticle, rows: list[tuple], counts: ArticleCounts) -> None:
    said = gold.statements or ()
    counts.stored_statements = len(rows)
    counts.gold_statements = len(said)
    counts.pronoun_statements = sum(s.speaker_is_pronoun_or_description for s in said)
    pairs = []
    for g, statement in enumerate(said):
        for s, (start, end, _) in enumerate(rows):
            share = _coverage(statement, start, end, gold.text)
            if share >= 0.5:
                pairs.append(((share, -s), g, s))
    for g, s in one_to_one(pairs):
        statement, row = said[g], rows[s][2]
        right = same_name(statement.speaker, row["speaker"])
        counts.matched_statements += 1
        counts.speakers_right += right
        if statement.speaker_is_pronoun_or_description:
            counts.pronoun_matched += 1
            counts.pronoun_speakers_right += right


def score_article(gold: GoldNewsArticle, stored: StoredArticle) -> ArticleCounts:
    """The counts of one article: its stored rows against its gold labels."""
    counts = ArticleCounts()
    if stored.text is None:
        counts.gold_figures = len(gold.figures)
        counts.gold_statements = len(gold.statements or ())
        return counts
    to_gold = span_mapper(stored.text, gold.text)
    _score_figures(gold, _mapped(stored.figures, to_gold), counts)
    if gold.statements is not None:
        _score_statements(gold, _mapped(stored.statements, to_gold), counts)
    return counts


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def f1_of(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None or precision + recall == 0:
        return None if precision is None or recall is None else 0.0
    return 2 * precision * recall / (precision + recall)


def scores_of(counts: Sequence[ArticleCounts]) -> dict[str, float | None]:
    """Every figure of the module text, from the summed counts of some articles."""
    total = ArticleCounts()
    for item in counts:
        total.add(item)
    scores: dict[str, float | None] = {
        "figures.precision": _ratio(total.right_figures, total.stored_figures),
        "figures.recall": _ratio(total.right_figures, total.gold_figures),
        "figures.real": _ratio(total.found_figures, total.stored_figures),
    }
    scores["figures.f1"] = f1_of(scores["figures.precision"], scores["figures.recall"])
    for name in FIGURE_FIELDS:
        scores[f"found.{name}"] = _ratio(total.fields_right[name], total.found_figures)
    scores["found.all_fields"] = _ratio(total.all_fields_right, total.found_figures)
    scores["found.background_marked"] = _ratio(total.background_marked, total.gold_background)
    scores["statements.precision"] = _ratio(total.matched_statements, total.stored_statements)
    scores["statements.recall"] = _ratio(total.matched_statements, total.gold_statements)
    scores["statements.f1"] = f1_of(scores["statements.precision"], scores["statements.recall"])
    scores["statements.speaker"] = _ratio(total.speakers_right, total.matched_statements)
    scores["statements.pronoun_speaker"] = _ratio(
        total.pronoun_speakers_right, total.pronoun_matched
    )
    return scores


def _sizes(articles: Sequence[GoldNewsArticle], counts: Sequence[ArticleCounts]) -> dict[str, int]:
    return {
        "articles": len(articles),
        "gold figures": sum(c.gold_figures for c in counts),
        "stored casualty figures": sum(c.stored_figures for c in counts),
        "statement articles": sum(1 for a in articles if a.statements is not None),
        "gold statements": sum(c.gold_statements for c in counts),
        "stored statements": sum(c.stored_statements for c in counts),
    }


def bootstrap_sd(
    counts: Sequence[ArticleCounts], draws: int = 1000, seed: int = 0
) -> dict[str, float | None]:
    """Each figure's standard deviation over `draws` resamplings of the articles."""
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {}
    for _ in range(draws):
        drawn = [counts[rng.randrange(len(counts))] for _ in counts]
        for name, value in scores_of(drawn).items():
            if value is not None:
                samples.setdefault(name, []).append(value)
    spread: dict[str, float | None] = {}
    for name in scores_of(counts):
        values = samples.get(name, [])
        if len(values) < 2:
            spread[name] = None
            continue
        mean = sum(values) / len(values)
        spread[name] = (sum((v - mean) ** 2 for v in values) / (len(values) - 1)) ** 0.5
    return spread


def evaluate_realnews(
    gold_dir: str | Path = DEFAULT_GOLD_DIR, corpus_dir: str | Path = DEFAULT_CORPUS, *, nlp=None
) -> RealNewsResult:
    """Score the ledger on the real-news gold set: validation part, train part, all.

    Raises realnews_gold.GoldAbsent when the gold or the corpus is not there."""
    from newsledger.nlp import load_pipeline

    gold = load_realnews(gold_dir, corpus_dir)
    nlp = nlp if nlp is not None else load_pipeline()
    items = [GoldText(a.id, a.text, a.title, a.date) for a in gold]
    stored, notes = stored_articles(items, nlp, source="realnews")
    counts = [score_article(a, s) for a, s in zip(gold, stored, strict=True)]
    result = RealNewsResult(str(gold_dir), str(corpus_dir), gold, counts, notes=notes)
    for part in PARTS:
        articles = [a for a in gold if part == "all" or a.part == part]
        result.scores[part] = scores_of(result.part_counts(part))
        result.sizes[part] = _sizes(articles, result.part_counts(part))
    return result
