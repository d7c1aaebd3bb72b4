"""The casualties scorer: an article's main-incident killed and injured counts against
the Gun Violence Archive incident it reports (SemEval-2018 Task 5 corpus,
`../shared/eval/casualties/`).

Per article: the summary the ledger stores for it (`newsledger.eval.stored`:
make_article, check_article, analysis.analyse_batch over headline and body with
the article's date as reference date, an in-memory Store read back with
`Store.article`, the `summary` that `newsledger show --format json` prints) is
compared with the incident's `num_killed` / `num_injured`. Decisions:
- a side the article gives no count for (summary None, or its killed/injured
  None) is predicted 0: GVA records 0 when nobody was killed or injured, and
  articles rarely say "nobody was killed";
- a count is exact when its low end equals the gold number (the low end of a
  range is what the article commits to);
- the headline is parsed with the body (analysis.parsed_text): it is the
  line that states the main incident's toll most often ("1 Dead, 3 Injured After
  Fairywood Shooting"), and the summary prefers the earliest count;
- the summary is given the parsed doc (`summarise_incident(figures, doc=doc)`),
  so it can drop ages / addresses / gallery counters read as counts and fall
  back to the one victim a headline names without a number (see
  `extract.victims`); nothing in it knows GVA ids or the gold;
- accuracy is over all articles; "both" needs killed and injured right;
  `--limit N` scores the first N articles only (for iterating, never the gate).
The quantulum3 peer (`--peers`) takes the first number with a kill word near
it as killed and the first with an injure word near it as injured, 0 otherwise.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from newsledger.errors import EvalError
from newsledger.eval.gate import file_sha256
from newsledger.eval.gold import read_gold
from newsledger.eval.quantulum_peer import nearest_count, quantulum_numbers
from newsledger.eval.stored import GoldText, stored_articles

__all__ = [
    "ArticlePrediction",
    "CasualtiesEvalResult",
    "SystemScores",
    "evaluate_casualties",
    "load_gold",
    "predict_articles",
]

SYSTEM_NAME = "newsledger"
PEER_NAME = "quantulum3"
KILL_CUE = re.compile(r"\b(?:killed|dead|died|deaths?|fatal(?:ly)?|murdered|slain|dies)\b", re.I)
INJURE_CUE = re.compile(r"\b(?:injured|wounded|hurt|injuries|hospitali[sz]ed|shot)\b", re.I)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    title: str | None
    date: str | None
    text: str
    killed: int
    injured: int
    incident_id: str = ""  # GVA's: the group of the validation folds


@dataclass(frozen=True, slots=True)
class ArticlePrediction:
    id: str
    gold_killed: int
    gold_injured: int
    killed: float
    injured: float

    @property
    def killed_ok(self) -> bool:
        return self.killed == self.gold_killed

    @property
    def injured_ok(self) -> bool:
        return self.injured == self.gold_injured


@dataclass(frozen=True, slots=True)
class SystemScores:
    system: str
    articles: int
    killed_accuracy: float
    injured_accuracy: float
    both_accuracy: float
    seconds: float


@dataclass(slots=True)
class CasualtiesEvalResult:
    gold_path: str
    gold_sha256: str
    articles: int
    systems: list[SystemScores] = field(default_factory=list)
    predictions: list[ArticlePrediction] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def flat_scores(self) -> dict[str, float]:
        """newsledger's metrics by name, as the gate reads them."""
        ours = next(s for s in self.systems if s.system == SYSTEM_NAME)
        return {
            "killed.accuracy": ours.killed_accuracy,
            "injured.accuracy": ours.injured_accuracy,
            "both.accuracy": ours.both_accuracy,
        }


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Read the gold JSONL; EvalError names the line of a malformed record."""
    articles = list(read_gold(path, _gold_article, "casualties record"))
    if not articles:
        raise EvalError(f"{path} holds no casualties records")
    return articles


def _gold_article(record: dict) -> GoldArticle:
    incident = record["incident"]
    return GoldArticle(
        id=str(record["id"]),
        title=record.get("title"),
        date=record.get("date"),
        text=record.get("text") or "",
        killed=int(incident["num_killed"]),
        injured=int(incident["num_injured"]),
        incident_id=str(incident.get("id", "")),
    )


def _scores(system: str, predictions: list[ArticlePrediction], seconds: float) -> SystemScores:
    total = len(predictions)
    killed = sum(p.killed_ok for p in predictions)
    injured = sum(p.injured_ok for p in predictions)
    both = sum(p.killed_ok and p.injured_ok for p in predictions)
    return SystemScores(system, total, killed / total, injured / total, both / total, seconds)


def article_text(article: GoldArticle) -> str:
    """The headline, then the body: what the peer baseline reads."""
    return f"{article.title}\n\n{article.text}" if article.title else article.text


def predict_articles(
    gold: list[GoldArticle], nlp, notes: list[str] | None = None
) -> list[ArticlePrediction]:
    """newsledger's killed / injured prediction for each gold article: the summary the
    ledger stores for it (`newsledger.eval.stored`: the article built and checked as
    ingest builds it, analysed by `analyse_batch`, written to an in-memory Store and
    read back with `Store.article`), read as stored."""
    items = [GoldText(record.id, record.text, record.title, record.date) for record in gold]
    stored, failures = stored_articles(items, nlp, source="casualties")
    if notes is not None:
        notes.extend(failures)
    predictions = []
    for record, article in zip(gold, stored, strict=True):
        summary = article.summary or {}
        killed, injured = _low(summary.get("killed")), _low(summary.get("injured"))
        predictions.append(
            ArticlePrediction(record.id, record.killed, record.injured, killed, injured)
        )
    return predictions


def _low(count: dict | None) -> float:
    # a stored count's low end; a side with no stored count is predicted 0
    return float(count["value_low"]) if count and count.get("value_low") is not None else 0.0


def _peer_predictions(gold: list[GoldArticle]) -> list[ArticlePrediction]:
    predictions = []
    for article in gold:
        text = article_text(article)
        numbers = quantulum_numbers(text)
        killed = nearest_count(text, numbers, KILL_CUE) or 0.0
        injured = nearest_count(text, numbers, INJURE_CUE) or 0.0
        predictions.append(
            ArticlePrediction(article.id, article.killed, article.injured, killed, injured)
        )
    return predictions


def evaluate_casualties(
    gold_path: str | Path, *, nlp=None, peers: bool = False, limit: int | None = None
) -> CasualtiesEvalResult:
    """Score newsledger (and with `peers` quantulum3's baseline) on a casualties JSONL file.

    `limit` scores only the first N articles (a quick look while iterating; the
    gate always scores the whole file)."""
    from newsledger.nlp import load_pipeline

    gold = load_gold(gold_path)
    if limit is not None:
        gold = gold[: max(1, limit)]
    nlp = nlp if nlp is not None else load_pipeline()
    result = CasualtiesEvalResult(str(gold_path), file_sha256(gold_path), len(gold))
    started = time.perf_counter()
    failures: list[str] = []
    result.predictions = predict_articles(gold, nlp, failures)
    result.systems.append(_scores(SYSTEM_NAME, result.predictions, time.perf_counter() - started))
    if peers:
        started = time.perf_counter()
        peer = _peer_predictions(gold)
        result.systems.append(_scores(PEER_NAME, peer, time.perf_counter() - started))
    result.notes = [
        "a side with no count in the article is predicted 0",
        "exact: the low end of the predicted count equals GVA's num_killed / num_injured",
        f"{PEER_NAME}: first number within {60} characters of a kill / injure word, else 0",
        *failures,
    ]
    return result
