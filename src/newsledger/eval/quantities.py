"""The NewsQuant quantity scorer: value, value+unit and value+change precision,
recall and F1, matched the way CQE's `evaluate_models.py` does (see
`../shared/eval/quantities/README.md`), for newsledger and, as a peer, quantulum3.

Matching, per sentence: gold and system tags are sorted by normalised unit; for
each gold quantity the remaining tags are scanned in order; a value match
(`numpy.isclose` tolerance, ranges are (lo, hi) tuples and never match scalars)
adds to `value` at most len(gold) times per sentence and to `value+change` when
the change strings agree; a value match whose lower-cased units agree adds to
`value+unit`, consumes the tag and ends the scan for that gold quantity.

How newsledger's Quantities become tags (the scorer's side of CQE's tagger.py):
- value: a range (qualifier "range", low != high) is (low, high); else the number.
- vague amounts: the round plurals ("hundreds", "tens of thousands") are scored as
  NewsQuant's annotators wrote them, the order of magnitude (`VAGUE_MAGNITUDE`);
  the others ("dozens", "several", "a few") are not scored, because NewsQuant does
  not annotate them as quantities. The ledger keeps its own ranges either way.
- unit: the Quantity's unit ("fraction" is written "% " + the counted phrase, as
  NewsQuant does: "half the condos" -> "% condo"); for a count, the lemmas of its
  counted noun phrase (NewsQuant annotates "13 people" with unit "people" and
  "13000 workers" with "worker"); "-" when there is neither.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsledger.errors import EvalError
from newsledger.eval.gate import file_sha256
from newsledger.eval.gold import read_gold
from newsledger.eval.quantulum_peer import quiet_classifier_load
from newsledger.extract.quantities import extract_quantities, vague_key
from newsledger.extract.quantity_tables import VAGUE_MAGNITUDE
from newsledger.models import Quantity

__all__ = [
    "GoldSentence",
    "Metric",
    "QuantitiesEvalResult",
    "SentenceComparison",
    "SystemScores",
    "Tag",
    "compare_sentences",
    "evaluate_quantities",
    "load_gold",
    "newsledger_tags",
    "quantulum_tags",
    "score_tags",
]

SYSTEM_NAME = "newsledger"
PEER_NAME = "quantulum3"

# quantulum3 unit names -> NewsQuant's vocabulary (comparable to CQE's tagger.py).
QUANTULUM_UNITS: dict[str, str] = {
    "dimensionless": "-", "unk": "-", "per cent": "percentage", "dollar dollar": "dollar",
    "united states dollar": "dollar", "tonne": "metric ton", "degree angle": "degree",
    "degree celsius": "celsius", "degree fahrenheit": "fahrenheit",
    "percentage drop": "percentage", "second of arc": "second", "minute of arc": "minute",
    "yard yard": "yard", "cubic centimetre": "millilitre",
    "degree angle degree fahrenheit": "fahrenheit",
    "pound sterling year": "pound sterling per year", "per year per newton per day": "year",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Tag:
    """One quantity as the matcher sees it."""

    value: float | tuple[float, float]
    unit: str
    change: str | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    quantities: tuple[dict, ...]


@dataclass(frozen=True, slots=True)
class Metric:
    """Precision, recall and F1 (fractions 0-1) of one match type."""

    name: str
    precision: float
    recall: float
    f1: float
    correct: int
    total_gold: int
    total_system: int


@dataclass(slots=True)
class SystemScores:
    system: str
    metrics: list[Metric]
    seconds: float

    def metric(self, name: str) -> Metric:
        return next(metric for metric in self.metrics if metric.name == name)


@dataclass(slots=True)
class QuantitiesEvalResult:
    gold_path: str
    gold_sha256: str
    sentences: int
    gold_quantities: int
    systems: list[SystemScores] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def flat_scores(self, system: str = SYSTEM_NAME) -> dict[str, float]:
        """{"value.f1": 0.93, "value.precision": ...} for the gate."""
        scores = next(entry for entry in self.systems if entry.system == system)
        flat = {}
        for metric in scores.metrics:
            for part in ("precision", "recall", "f1"):
                flat[f"{metric.name}.{part}"] = getattr(metric, part)
        return flat


@dataclass(frozen=True, slots=True)
class SentenceComparison:
    """A sentence where gold and system disagree on values or units (for `--misses`)."""

    id: str
    text: str
    missed: list[Tag]
    spurious: list[Tag]


def load_gold(path: str | Path) -> list[GoldSentence]:
    """Read a NewsQuant JSONL gold file; EvalError names the first bad line."""
    return list(read_gold(path, _gold_sentence, "NewsQuant record"))


def _gold_sentence(record: dict) -> GoldSentence:
    return GoldSentence(
        id=str(record["id"]),
        text=str(record["text"]),
        quantities=tuple(record["quantities"]),
    )


def gold_tag(quantity: dict, *, average_ranges: bool = False) -> Tag:
    """A gold quantity as a Tag, decoded exactly as `decode_dictionary` does."""
    raw = quantity["value"]
    if "E" not in raw and not raw.startswith("-") and "-" in raw:
        low, high = (float(part) for part in raw.split("-")[:2])
        value: float | tuple[float, float] = (low + high) / 2 if average_ranges else (low, high)
    else:
        value = float(raw)
    return Tag(value, quantity["normalized_unit"].lower(), quantity.get("change"), raw)


def newsledger_tags(doc, quantities: Iterable[Quantity] | None = None) -> list[Tag]:
    """newsledger's quantities for a parsed sentence as Tags (mapping in the module doc)."""
    if quantities is None:
        quantities = extract_quantities(doc)
    tags = []
    for quantity in quantities:
        value: float | tuple[float, float]
        if quantity.vague:
            key = vague_key(quantity.span.text)
            if key not in VAGUE_MAGNITUDE:
                continue
            value = VAGUE_MAGNITUDE[key]
        elif quantity.qualifier == "range" and quantity.value_low != quantity.value_high:
            value = (quantity.value_low, quantity.value_high)
        else:
            value = quantity.value_low
        if quantity.unit == "fraction":
            # NewsQuant writes a fraction's unit as "%" and the counted phrase: "% condo"
            unit = "% " + (_noun_lemma(doc, quantity) or "-")
        else:
            unit = quantity.unit or _noun_lemma(doc, quantity) or "-"
        tags.append(Tag(value, unit.lower(), quantity.change, quantity.span.text))
    return tags


def _noun_lemma(doc, quantity: Quantity) -> str | None:
    """The counted noun phrase as NewsQuant writes count units: the lemmas of the
    adjectives and nouns from the number to the counted noun, and of a following
    "of" phrase ("4 different bosses" -> "different boss", "5,700 categories of
    products" -> "category product", "one of the best speakers" -> "good speaker")."""
    if quantity.noun is None:
        return None
    tokens = [token for token in doc if token.idx >= quantity.span.end]
    head = next((i for i, token in enumerate(tokens) if token.text == quantity.noun), None)
    if head is None:
        return quantity.noun
    phrase = [
        token
        for token in tokens[: head + 1]
        if token.pos_ in _CONCEPT_POS and token.lower_ not in ("more", "other", "additional")
    ]
    following = tokens[head + 1 : head + 5]
    if following and following[0].lower_ == "of":
        for token in following[1:]:
            if token.pos_ in ("NOUN", "PROPN"):
                phrase.append(token)
            elif token.pos_ not in ("DET", "ADJ"):
                break
    return " ".join(_concept_word(token) for token in phrase) or quantity.noun


_CONCEPT_POS = frozenset({"ADJ", "NOUN", "PROPN"})


def _concept_word(token) -> str:
    if token.lower_ == "people":
        return token.lower_
    return token.lemma_.lower()


def quantulum_tags(text: str, notes: list[str] | None = None) -> list[Tag]:
    """quantulum3's quantities for a sentence, units mapped like CQE's QuantulumTagger.

    quantulum3 ships its unit classifier pickled with one scikit-learn version; when
    the installed scikit-learn cannot load it, the classifier is switched off (its
    documented fallback, `USE_CLF = False`) and a note says so.
    """
    from quantulum3 import classifier, parser  # deferred: a peer, only with --peers

    try:
        with quiet_classifier_load():
            found_all = parser.parse(text)
    except (ImportError, AttributeError, ValueError) as exc:
        if not classifier.USE_CLF:
            raise
        classifier.USE_CLF = False
        if notes is not None:
            notes.append(
                "quantulum3's shipped unit classifier cannot be loaded with the installed "
                f"scikit-learn ({type(exc).__name__}: {exc}); scored without it"
            )
        found_all = parser.parse(text)
    tags = []
    for found in found_all:
        unit = found.unit.name
        unit = QUANTULUM_UNITS.get(unit.lower(), unit).strip()
        tags.append(Tag(float(found.value), unit.lower(), None, found.surface))
    return tags


def _values_match(gold: float | tuple, system: float | tuple) -> bool:
    if isinstance(gold, tuple) != isinstance(system, tuple):
        return False
    if isinstance(gold, tuple):
        return _isclose(gold[0], system[0]) and _isclose(gold[1], system[1])
    return _isclose(gold, system)


def _isclose(gold: float, system: float) -> bool:
    # numpy.isclose(a=gold, b=system, rtol=1e-05, atol=1e-08): |a - b| <= atol + rtol * |b|
    if math.isnan(gold) or math.isnan(system):
        return False
    return abs(gold - system) <= 1e-08 + 1e-05 * abs(system)


def _prf(correct: int, total_gold: int, total_system: int, name: str) -> Metric:
    precision = correct / total_system if total_system else 0.0
    recall = correct / total_gold if total_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Metric(name, precision, recall, f1, correct, total_gold, total_system)


def score_tags(
    gold_tags: list[list[Tag]], system_tags: list[list[Tag]], *, with_change: bool = True
) -> list[Metric]:
    """Greedy per-sentence matching of `calculate_metrics`; one list of tags per sentence."""
    total_gold = total_system = 0
    correct_value = correct_unit = correct_change = 0
    for gold, system in zip(gold_tags, system_tags, strict=True):
        total_gold += len(gold)
        total_system += len(system)
        pool = sorted(system, key=lambda tag: tag.unit)
        budget = len(gold)
        for gold_tag_ in sorted(gold, key=lambda tag: tag.unit):
            for candidate in list(pool):
                if not _values_match(gold_tag_.value, candidate.value):
                    continue
                if budget > 0:
                    correct_value += 1
                    budget -= 1
                if with_change and candidate.change == gold_tag_.change:
                    correct_change += 1
                if candidate.unit == gold_tag_.unit:
                    correct_unit += 1
                    pool.remove(candidate)
                    break
    metrics = [
        _prf(correct_value, total_gold, total_system, "value"),
        _prf(correct_unit, total_gold, total_system, "value+unit"),
    ]
    if with_change:
        metrics.append(_prf(correct_change, total_gold, total_system, "value+change"))
    return metrics


def _our_tags(texts: list[str], nlp) -> list[list[Tag]]:
    return [newsledger_tags(doc) for doc in nlp.pipe(texts)]


def _timed(function: Callable[[], list[list[Tag]]]) -> tuple[list[list[Tag]], float]:
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def evaluate_quantities(
    gold_path: str | Path, *, peers: bool = False, nlp=None
) -> QuantitiesEvalResult:
    """Score newsledger (and quantulum3 with `peers`) on a NewsQuant JSONL gold file.

    Raises EvalError when the gold file cannot be read or a peer is not installed.
    """
    if nlp is None:
        from newsledger.nlp import load_pipeline

        nlp = load_pipeline()
    sentences = load_gold(gold_path)
    texts = [sentence.text for sentence in sentences]
    gold = [[gold_tag(q) for q in sentence.quantities] for sentence in sentences]
    result = QuantitiesEvalResult(
        gold_path=str(gold_path),
        gold_sha256=file_sha256(gold_path),
        sentences=len(sentences),
        gold_quantities=sum(len(tags) for tags in gold),
    )
    ours, seconds = _timed(lambda: _our_tags(texts, nlp))
    result.systems.append(SystemScores(SYSTEM_NAME, score_tags(gold, ours), seconds))
    if peers:
        try:
            import quantulum3  # noqa: F401
        except ImportError as exc:
            raise EvalError("--peers needs quantulum3 (pip install quantulum3)") from exc
        averaged = [
            [gold_tag(q, average_ranges=True) for q in sentence.quantities]
            for sentence in sentences
        ]
        theirs, seconds = _timed(lambda: [quantulum_tags(text, result.notes) for text in texts])
        result.systems.append(
            SystemScores(PEER_NAME, score_tags(averaged, theirs, with_change=False), seconds)
        )
    return result


def compare_sentences(gold_path: str | Path, *, nlp=None) -> list[SentenceComparison]:
    """Per sentence, the gold tags with no value+unit match and the unmatched system tags."""
    if nlp is None:
        from newsledger.nlp import load_pipeline

        nlp = load_pipeline()
    sentences = load_gold(gold_path)
    comparisons = []
    for sentence, doc in zip(sentences, nlp.pipe(s.text for s in sentences), strict=True):
        pool = newsledger_tags(doc)
        missed = []
        for gold in (gold_tag(q) for q in sentence.quantities):
            match = next(
                (t for t in pool if _values_match(gold.value, t.value) and t.unit == gold.unit),
                None,
            )
            if match is None:
                missed.append(gold)
            else:
                pool.remove(match)
        if missed or pool:
            comparisons.append(SentenceComparison(sentence.id, sentence.text, missed, pool))
    return comparisons
