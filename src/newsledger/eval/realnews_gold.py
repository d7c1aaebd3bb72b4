"""The real-news gold set (`eval/gold/` in the repository; issue 16) read for scoring.

`eval/gold/figures.jsonl` holds, per sampled article, every casualty figure
labelled by reading (value, qualifier, category, group, place, source, status,
as-of, background, with character offsets); `eval/gold/statements.jsonl` holds
every statement of the articles read for statements. Neither holds the texts:
the Ukraine corpus is copyrighted, so the texts are read at run time from the
shared corpus (`../shared/data/corpus/`), and every span is checked against
them. `part` is `validation` for the articles whose fold
(`int(sha1(id)[:8], 16) % 5`) is 0 or 1: no rule or model is fitted on them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsledger.errors import EvalError
from newsledger.eval.gold import read_gold

__all__ = [
    "DEFAULT_CORPUS",
    "DEFAULT_GOLD_DIR",
    "GoldAbsent",
    "GoldFigure",
    "GoldNewsArticle",
    "GoldStatement",
    "load_realnews",
]

DEFAULT_GOLD_DIR = "eval/gold"
DEFAULT_CORPUS = "../shared/data/corpus"
PARTS = ("validation", "train")


class GoldAbsent(EvalError):
    """The gold files or the corpus texts are not there: the scorer skips."""


@dataclass(frozen=True, slots=True)
class GoldFigure:
    start: int
    end: int
    text: str
    value_low: float
    value_high: float
    qualifier: str
    category: str
    group: str
    place: str
    source: str
    status: str
    as_of: str
    background: bool


@dataclass(frozen=True, slots=True)
class GoldStatement:
    start: int
    end: int
    text: str
    kind: str
    speaker: str
    speaker_is_pronoun_or_description: bool


@dataclass(frozen=True, slots=True)
class GoldNewsArticle:
    id: str
    corpus: str
    part: str
    title: str | None
    date: str | None
    text: str
    figures: tuple[GoldFigure, ...]
    # None: the article was not read for statements; () read, none found.
    statements: tuple[GoldStatement, ...] | None


def _figure(raw: dict[str, Any]) -> GoldFigure:
    return GoldFigure(**{name: raw[name] for name in GoldFigure.__dataclass_fields__})


def _statement(raw: dict[str, Any]) -> GoldStatement:
    return GoldStatement(**{name: raw[name] for name in GoldStatement.__dataclass_fields__})


def _labels(path: Path, key: str, build) -> dict[str, tuple[str, str, tuple]]:
    def record(raw: dict) -> tuple[str, str, str, tuple]:
        if raw["part"] not in PARTS:
            raise ValueError(f"part {raw['part']!r} is not one of {PARTS}")
        return raw["id"], raw["corpus"], raw["part"], tuple(build(item) for item in raw[key])

    return {rid: (corpus, part, items) for rid, corpus, part, items in read_gold(path, record, key)}


def _corpus_records(corpus_dir: Path, wanted: dict[str, set[str]]) -> dict[tuple[str, str], dict]:
    records = {}
    for relative, ids in sorted(wanted.items()):
        path = corpus_dir / relative
        if not path.exists():
            raise GoldAbsent(f"real-news gold skipped: corpus file {path} not found")
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                record = json.loads(line)
                if record.get("id") in ids:
                    records[relative, record["id"]] = record
    return records


def _checked(article_id: str, text: str, items: tuple) -> tuple:
    for item in items:
        if text[item.start : item.end] != item.text:
            raise EvalError(
                f"real-news gold {article_id}: span {item.start}-{item.end} is "
                f"{text[item.start : item.end]!r} in the corpus, not {item.text!r}"
            )
    return items


def load_realnews(
    gold_dir: str | Path = DEFAULT_GOLD_DIR, corpus_dir: str | Path = DEFAULT_CORPUS
) -> list[GoldNewsArticle]:
    """Every annotated article with its text, in figures.jsonl order.

    Raises GoldAbsent when the gold files or the corpus are not there, and
    EvalError when a gold span does not slice the corpus text exactly."""
    gold_dir, corpus_dir = Path(gold_dir), Path(corpus_dir)
    figures_path, statements_path = gold_dir / "figures.jsonl", gold_dir / "statements.jsonl"
    if not figures_path.exists():
        raise GoldAbsent(f"real-news gold skipped: {figures_path} not found")
    if not corpus_dir.is_dir():
        raise GoldAbsent(f"real-news gold skipped: corpus {corpus_dir} not found")
    figures = _labels(figures_path, "figures", _figure)
    statements = (
        _labels(statements_path, "statements", _statement) if statements_path.exists() else {}
    )
    wanted: dict[str, set[str]] = {}
    for rid, (corpus, _, _) in figures.items():
        wanted.setdefault(corpus, set()).add(rid)
    records = _corpus_records(corpus_dir, wanted)
    articles = []
    for rid, (corpus, part, items) in figures.items():
        record = records.get((corpus, rid))
        if record is None:
            raise EvalError(f"real-news gold {rid}: not in {corpus_dir / corpus}")
        said = statements.get(rid)
        articles.append(
            GoldNewsArticle(
                id=rid,
                corpus=corpus,
                part=part,
                title=record.get("title"),
                date=record.get("date"),
                text=record["text"],
                figures=_checked(rid, record["text"], items),
                statements=None if said is None else _checked(rid, record["text"], said[2]),
            )
        )
    return articles
