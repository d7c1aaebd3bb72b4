"""The NewsQuant quantity scorer: value and value+unit precision, recall and F1 of
the figures the ledger stores, for newsledger and, as a peer, quantulum3.

What is scored: each sentence is ingested as an article of its own
(`newsledger.eval.stored`: make_article, check_article, analysis.analyse_batch,
an in-memory Store) and the rows `Store.figures()` returns are read as stored
(`figure_tag`): the value is value_low, or the pair (value_low, value_high) when
they differ; the unit is `unit`, else `count_unit`, else "-". Nothing is re-parsed
or re-derived here, so a count stored without a counted noun is scored as "-" and
a fraction as "fraction". The ledger stores no direction of change, so
value+change (which CQE reports for its own system) is not scored.

How they are matched is a port of the published CQE evaluation: `evaluate_models.py`
in https://github.com/satya77/CQE_Evaluation (the repository the NewsQuant
README cites, file read at commit e7d6607ca11be84dfadecb2e3ddaa92e532f9027).
Ported: `decode_dictionary` (a gold value "lo-hi" without "E" and not starting
with "-" is the tuple (lo, hi), else float; ranges averaged for quantulum3 only;
units compared lower-cased), `values_match` (`numpy.isclose(gt, sys, rtol=1e-05,
atol=1e-08)`, tuples element-wise in order, a tuple never matches a scalar) and
`calculate_metrics` (per sentence gold and system tags each sorted by
normalized_unit, gold by the unit as annotated; for each gold quantity the
remaining tags are scanned in order; a value match adds to `value` while the
sentence's budget of len(gold) lasts; a value match whose units agree adds to
`value+unit`, removes the tag and ends the scan; P = correct / system tags,
R = correct / gold quantities). CQE prints percentages rounded to 0.1; the
scores here are the unrounded fractions. The quantulum3 peer's units are mapped
as CQE's `tagger.py` QuantulumTagger maps them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsledger.errors import EvalError
from newsledger.eval.gate import file_sha256
from newsledger.eval.gold import read_gold
from newsledger.eval.quantulum_peer import quiet_classifier_load
from newsledger.eval.stored import GoldText, stored_figures

__all__ = [
    "GoldSentence",
    "Metric",
    "QuantitiesEvalResult",
    "SentenceComparison",
    "SystemScores",
    "Tag",
    "compare_sentences",
    "evaluate_quantities",
    "figure_tag",
    "gold_tags",
    "load_gold",
    "quantulum_tags",
    "score_tags",
    "scores_of",
    "stored_tags",
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
    sort_unit: str | None = None  # the unit CQE sorts by, when not `unit` (gold: as annotated)


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
    # per sentence, for scoring a subset (a fold): ids, gold tags, newsledger's tags
    sentence_ids: list[str] = field(default_factory=list)
    gold_tags: list[list[Tag]] = field(default_factory=list)
    system_tags: list[list[Tag]] = field(default_factory=list)

    def flat_scores(self, system: str = SYSTEM_NAME) -> dict[str, float]:
        """{"value.f1": 0.93, "value.precision": ...} for the gate."""
        scores = next(entry for entry in self.systems if entry.system == system)
        return {f"{m.name}.{part}": getattr(m, part) for m in scores.metrics for part in _PARTS}


_PARTS = ("precision", "recall", "f1")


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
    unit = quantity["normalized_unit"]
    return Tag(value, unit.lower(), quantity.get("change"), raw, sort_unit=unit)


def gold_tags(sentence: GoldSentence, *, average_ranges: bool = False) -> list[Tag]:
    return [gold_tag(q, average_ranges=average_ranges) for q in sentence.quantities]


def figure_tag(row: Mapping[str, Any]) -> Tag:
    """A stored figure row (`Store.figures()`) as a Tag, reading its fields as stored.

    value: (value_low, value_high) when the two differ (CQE's taggers give a range
    as a (lower, upper) tuple), else value_low. unit: `unit`, else `count_unit`
    (what a count counts: "people", "homes"), else "-" (NewsQuant's "no unit"),
    lower-cased as `decode_dictionary` lower-cases both sides.
    """
    low, high = float(row["value_low"]), float(row["value_high"])
    value: float | tuple[float, float] = (low, high) if low != high else low
    unit = row["unit"] or row["count_unit"] or "-"
    return Tag(value, unit.strip().lower(), None, row.get("text") or "")


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


def _sort_unit(tag: Tag) -> str:
    return tag.unit if tag.sort_unit is None else tag.sort_unit


def score_tags(
    gold_tags: list[list[Tag]], system_tags: list[list[Tag]], *, with_change: bool = False
) -> list[Metric]:
    """CQE's `calculate_metrics` (see the module doc); one list of tags per sentence.

    `with_change` adds value+change (a value match whose change strings agree,
    the unit not required), for systems that say a change; the ledger does not.
    """
    total_gold = total_system = 0
    correct_value = correct_unit = correct_change = 0
    for gold, system in zip(gold_tags, system_tags, strict=True):
        total_gold += len(gold)
        total_system += len(system)
        pool = sorted(system, key=_sort_unit)
        budget = len(gold)
        for gold_tag_ in sorted(gold, key=_sort_unit):
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


def _timed(function: Callable[[], list[list[Tag]]]) -> tuple[list[list[Tag]], float]:
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def stored_tags(
    sentences: list[GoldSentence], nlp, notes: list[str] | None = None
) -> list[list[Tag]]:
    """Per sentence, the figures the ledger stores for it (each sentence ingested as
    an article of its own, see `newsledger.eval.stored`) as Tags, in stored order."""
    items = [GoldText(sentence.id, sentence.text) for sentence in sentences]
    stored = stored_figures(items, nlp, source="newsquant")
    if notes is not None:
        notes.extend(stored.notes)
    return [[figure_tag(row) for row in rows] for rows in stored.figures]


def _load_nlp(nlp):
    if nlp is not None:
        return nlp
    from newsledger.nlp import load_pipeline

    return load_pipeline()


def evaluate_quantities(
    gold_path: str | Path, *, peers: bool = False, nlp=None
) -> QuantitiesEvalResult:
    """Score the stored figures (and quantulum3 with `peers`) on a NewsQuant JSONL gold file.

    Raises EvalError when the gold file cannot be read or a peer is not installed.
    """
    nlp = _load_nlp(nlp)
    sentences = load_gold(gold_path)
    gold = [gold_tags(sentence) for sentence in sentences]
    result = QuantitiesEvalResult(
        gold_path=str(gold_path),
        gold_sha256=file_sha256(gold_path),
        sentences=len(sentences),
        gold_quantities=sum(len(tags) for tags in gold),
        sentence_ids=[sentence.id for sentence in sentences],
        gold_tags=gold,
    )
    ours, seconds = _timed(lambda: stored_tags(sentences, nlp, result.notes))
    result.system_tags = ours
    result.systems.append(SystemScores(SYSTEM_NAME, score_tags(gold, ours), seconds))
    result.notes.append(
        f"{SYSTEM_NAME}: the figures the ledger stores for each sentence, value "
        "(value_low, or (value_low, value_high) when they differ) and unit (unit, else "
        "count_unit, else '-') as stored; matched as CQE_Evaluation's calculate_metrics. "
        "No value+change: the ledger stores no change"
    )
    if peers:
        try:
            import quantulum3  # noqa: F401
        except ImportError as exc:
            raise EvalError("--peers needs quantulum3 (pip install quantulum3)") from exc
        averaged = [gold_tags(sentence, average_ranges=True) for sentence in sentences]
        texts = [sentence.text for sentence in sentences]
        theirs, seconds = _timed(lambda: [quantulum_tags(text, result.notes) for text in texts])
        result.systems.append(SystemScores(PEER_NAME, score_tags(averaged, theirs), seconds))
    return result


def scores_of(result: QuantitiesEvalResult, ids: Iterable[str]) -> dict[str, float]:
    """The stored figures' flat scores on the sentences with these ids (a fold)."""
    wanted = set(ids)
    keep = [i for i, sentence_id in enumerate(result.sentence_ids) if sentence_id in wanted]
    metrics = score_tags([result.gold_tags[i] for i in keep], [result.system_tags[i] for i in keep])
    return {f"{m.name}.{part}": getattr(m, part) for m in metrics for part in _PARTS}


def compare_sentences(gold_path: str | Path, *, nlp=None) -> list[SentenceComparison]:
    """Per sentence, the gold tags with no value+unit match and the unmatched stored figures."""
    sentences = load_gold(gold_path)
    comparisons = []
    for sentence, pool in zip(sentences, stored_tags(sentences, _load_nlp(nlp)), strict=True):
        missed = []
        for gold in gold_tags(sentence):
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
