"""The quotation scorer: newsledger (and textacy) against PolNeAR-style attribution gold.

Gold is the JSONL of `../shared/eval/quotes/README.md`: one article a line, with
attributions of source, cue and content spans. Matching rules:

- content: a prediction matches a gold attribution when the prediction's content
  span covers at least half of the gold content's whitespace tokens (a token is
  covered when its characters overlap the span; discontinuous gold contents use
  the tokens of their fragments);
- content+speaker: the content matches and the predicted speaker mention overlaps
  the gold source span (when the gold has no source, a prediction with no speaker
  mention is right);
- matching is one-to-one (maximum bipartite matching per article), separately for
  content and for content+speaker;
- "quoted" subset: gold attributions with `content_has_quote_marks` true against
  predictions of kind direct or mixed (the kinds that claim quotation marks);
  precision is matched / quoted predictions, recall matched / quoted gold.

What newsledger is scored on: the statement rows the ledger stores for each
gold article (`newsledger.eval.stored`: the record built and checked as ingest
builds it, with its title and date, analysed by `analysis.analyse_batch`, written
to an in-memory Store and read back with `Store.statements()`). A row's content
span (`start`, `end`) and speaker mention span (`speaker_start`, `speaker_end`)
are offsets into the stored, normalised text; `alignment.OffsetMap` maps them to
the gold text's offsets, and a span none of whose letters or digits maps (a line
normalisation dropped) is lost: a content span scores as no prediction's span,
a speaker as no speaker. Nothing is re-extracted here.

The textacy peer (`--peers`) parses the gold texts (`nlp.pipe`) and reads
`direct_quotations` off the docs. `evaluate_quotes` returns a `QuoteEvaluation`,
which the CLI prints; it keeps each system's predictions per article, so a
subset of the articles (a fold, `scores_of`) is scored without re-running.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from newsledger.errors import EvalError
from newsledger.eval.alignment import SpanMapper, span_mapper
from newsledger.eval.gold import read_gold
from newsledger.eval.stored import GoldText, stored_articles

__all__ = [
    "GoldArticle",
    "GoldAttribution",
    "Prediction",
    "QuoteEvaluation",
    "Scores",
    "SystemScores",
    "evaluate_quotes",
    "load_gold",
    "score_system",
    "scores_of",
    "statement_prediction",
    "stored_predictions",
    "textacy_predictions",
]

QUOTED_KINDS = frozenset({"direct", "mixed"})
SUBSETS = ("all", "quoted")
LEVELS = ("content", "content_speaker")

Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: Ranges
    source: Ranges
    quoted: bool
    tokens: Ranges


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    title: str | None
    text: str
    attributions: tuple[GoldAttribution, ...]
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Prediction:
    """One predicted statement as the scorer sees it: character ranges only."""

    content: Ranges
    speaker: Ranges
    kind: str


@dataclass(slots=True)
class Scores:
    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "matched": self.matched,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass(slots=True)
class SystemScores:
    """Scores of one system: subset ("all", "quoted") -> level ("content", "content_speaker")."""

    name: str
    scores: dict[str, dict[str, Scores]] = field(
        default_factory=lambda: {s: {lvl: Scores() for lvl in LEVELS} for s in SUBSETS}
    )
    failed_articles: int = 0

    def figures(self) -> dict[str, float]:
        """Flat `{"quoted.content.f1": 0.93, ...}` for gates and JSON."""
        flat = {}
        for subset, levels in self.scores.items():
            for level, scores in levels.items():
                for measure in ("precision", "recall", "f1"):
                    flat[f"{subset}.{level}.{measure}"] = getattr(scores, measure)
        return flat

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "failed_articles": self.failed_articles,
            "scores": {
                s: {lvl: sc.to_dict() for lvl, sc in levels.items()}
                for s, levels in self.scores.items()
            },
        }


@dataclass(slots=True)
class QuoteEvaluation:
    gold_path: str
    articles: int
    attributions: int
    quoted_attributions: int
    systems: list[SystemScores]
    notes: list[str] = field(default_factory=list)
    # per system, per gold article (in gold order): its predictions, for `scores_of`
    gold: list[GoldArticle] = field(default_factory=list, repr=False)
    predictions: dict[str, list] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict:
        return {
            "gold": self.gold_path,
            "articles": self.articles,
            "attributions": self.attributions,
            "quoted_attributions": self.quoted_attributions,
            "systems": [system.to_dict() for system in self.systems],
            "notes": self.notes,
        }


def _ranges(span: dict | None) -> Ranges:
    if not span:
        return ()
    parts = span.get("spans") or [span]
    return tuple((int(part["start"]), int(part["end"])) for part in parts)


def _whitespace_tokens(text: str, ranges: Ranges) -> Ranges:
    tokens = []
    for start, end in ranges:
        position = start
        for word in text[start:end].split():
            begin = text.index(word, position, end)
            tokens.append((begin, begin + len(word)))
            position = begin + len(word)
    return tuple(tokens)


def load_gold(path: str | Path, *, limit_articles: int | None = None) -> list[GoldArticle]:
    """Read the gold JSONL; raises EvalError naming the line that cannot be read."""
    return list(islice(read_gold(path, _gold_article, "gold article"), limit_articles))


def _gold_article(raw: dict) -> GoldArticle:
    text = raw["text"]
    attributions = tuple(
        GoldAttribution(
            content=_ranges(item["content"]),
            source=_ranges(item.get("source")),
            quoted=bool(item.get("content_has_quote_marks")),
            tokens=_whitespace_tokens(text, _ranges(item["content"])),
        )
        for item in raw["attributions"]
    )
    return GoldArticle(str(raw["id"]), raw.get("title"), text, attributions, raw.get("date"))


def _overlaps(a: Ranges, b: Ranges) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _content_matches(gold: GoldAttribution, prediction: Prediction) -> bool:
    if not gold.tokens:
        return False
    covered = sum(1 for token in gold.tokens if _overlaps((token,), prediction.content))
    return 2 * covered >= len(gold.tokens)


def _speaker_matches(gold: GoldAttribution, prediction: Prediction) -> bool:
    if not gold.source:
        return not prediction.speaker
    return _overlaps(gold.source, prediction.speaker)


def _max_matching(edges: list[list[int]], right_size: int) -> int:
    """Size of a maximum bipartite matching (Kuhn's augmenting paths; articles are small)."""
    owner = [-1] * right_size

    def augment(left: int, seen: list[bool]) -> bool:
        for right in edges[left]:
            if not seen[right]:
                seen[right] = True
                if owner[right] < 0 or augment(owner[right], seen):
                    owner[right] = left
                    return True
        return False

    return sum(1 for left in range(len(edges)) if augment(left, [False] * right_size))


def _score_article(
    gold: Sequence[GoldAttribution], predicted: Sequence[Prediction], into: dict[str, Scores]
) -> None:
    content_edges = [[j for j, p in enumerate(predicted) if _content_matches(g, p)] for g in gold]
    speaker_edges = [
        [j for j in row if _speaker_matches(g, predicted[j])]
        for g, row in zip(gold, content_edges, strict=True)
    ]
    for level, edges in (("content", content_edges), ("content_speaker", speaker_edges)):
        into[level].matched += _max_matching(edges, len(predicted))
        into[level].predicted += len(predicted)
        into[level].gold += len(gold)


def score_system(
    name: str, articles: Sequence[GoldArticle], predictions: Iterable[list[Prediction] | None]
) -> SystemScores:
    """Score one system's predictions (one list per article; None = the system failed)."""
    system = SystemScores(name)
    for article, predicted in zip(articles, predictions, strict=True):
        if predicted is None:
            system.failed_articles += 1
            predicted = []
        _score_article(article.attributions, predicted, system.scores["all"])
        _score_article(
            [g for g in article.attributions if g.quoted],
            [p for p in predicted if p.kind in QUOTED_KINDS],
            system.scores["quoted"],
        )
    return system


def statement_prediction(row: dict, to_gold: SpanMapper) -> Prediction:
    """A stored statement row as a Prediction in gold-text offsets."""
    content = _gold_span(row["start"], row["end"], to_gold)
    speaker = _gold_span(row.get("speaker_start"), row.get("speaker_end"), to_gold)
    return Prediction(content=content, speaker=speaker, kind=row["kind"])


def _gold_span(start: int | None, end: int | None, to_gold: SpanMapper) -> Ranges:
    if start is None or end is None:
        return ()
    span = to_gold(start, end)
    return (span,) if span is not None else ()


def stored_predictions(
    articles: Sequence[GoldArticle], nlp, notes: list[str] | None = None
) -> list[list[Prediction] | None]:
    """Per gold article, the statements the ledger stores for it as Predictions in
    gold-text offsets; None for an article whose analysis failed (nothing stored)."""
    items = [GoldText(a.id, a.text, a.title, a.date) for a in articles]
    stored, failures = stored_articles(items, nlp, source="quotes")
    if notes is not None:
        notes.extend(failures)
    predictions: list[list[Prediction] | None] = []
    for article, record in zip(articles, stored, strict=True):
        if record.text is None:
            predictions.append(None)
            continue
        to_gold = span_mapper(record.text, article.text)
        predictions.append([statement_prediction(row, to_gold) for row in record.statements])
    return predictions


def textacy_predictions(doc, title: str | None = None) -> list[Prediction] | None:
    """textacy's direct quotations; None when it refuses the document (odd quote marks)."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return None
    predictions = []
    for triple in triples:
        speaker = tuple((t.idx, t.idx + len(t.text)) for t in triple.speaker)
        content = triple.content
        start = content[0].idx
        end = content[-1].idx + len(content[-1].text)
        predictions.append(Prediction(((start, end),), speaker, "direct"))
    return predictions


def _parsed(articles: Sequence[GoldArticle], nlp, batch_size: int, n_process: int) -> Iterator:
    return nlp.pipe((a.text for a in articles), batch_size=batch_size, n_process=n_process)


def _textacy(articles, nlp, docs, batch_size: int, n_process: int) -> list:
    try:
        import textacy.extract.triples  # noqa: F401
    except ImportError as exc:
        raise EvalError("--peers needs textacy (pip install 'newsledger[peers]')") from exc
    if docs is None:
        docs = _parsed(articles, nlp, batch_size, n_process)
    pairs = zip(articles, docs, strict=False)
    predictions = [textacy_predictions(doc, article.title) for article, doc in pairs]
    if len(predictions) != len(articles):
        raise EvalError("fewer parsed docs than gold articles")
    return predictions


def evaluate_quotes(
    gold_path: str | Path,
    *,
    peers: bool = False,
    limit_articles: int | None = None,
    nlp=None,
    docs: Iterable | None = None,
    batch_size: int = 16,
    n_process: int = 1,
) -> QuoteEvaluation:
    """Score the statements the ledger stores (and textacy with `peers`) on the gold file.

    `docs` may supply the textacy peer's parsed docs (same order as the gold file);
    `batch_size` and `n_process` are the peer's `nlp.pipe` settings.
    """
    articles = load_gold(gold_path, limit_articles=limit_articles)
    if nlp is None:
        from newsledger.nlp import load_pipeline

        nlp = load_pipeline()
    notes: list[str] = []
    predictions: dict[str, list] = {"newsledger": stored_predictions(articles, nlp, notes)}
    if peers:
        predictions["textacy"] = _textacy(articles, nlp, docs, batch_size, n_process)
    systems = [score_system(name, articles, found) for name, found in predictions.items()]
    return QuoteEvaluation(
        gold_path=str(gold_path),
        articles=len(articles),
        attributions=sum(len(a.attributions) for a in articles),
        quoted_attributions=sum(1 for a in articles for g in a.attributions if g.quoted),
        systems=systems,
        notes=notes,
        gold=articles,
        predictions=predictions,
    )


def scores_of(
    result: QuoteEvaluation, ids: Iterable[str], system: str = "newsledger"
) -> dict[str, float]:
    """A system's flat figures (`SystemScores.figures`) on the gold articles with these ids."""
    wanted = set(ids)
    keep = [i for i, article in enumerate(result.gold) if article.id in wanted]
    found = result.predictions[system]
    return score_system(system, [result.gold[i] for i in keep], [found[i] for i in keep]).figures()
