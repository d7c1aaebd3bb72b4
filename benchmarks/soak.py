"""Soak benchmark: every text in ../shared through the per-article analysis, each timed alone.

Reads every record of the corpus (../shared/data/corpus: ukraine-2022.jsonl,
wikinews-text.jsonl, wikinews/articles.jsonl) and of each eval set's dev files
(../shared/eval/*/*.jsonl; held-out `test*.jsonl` files are never read), builds an
Article from its `text` (with `title`, `date`, `url` where the record has them),
quality-checks it as ingest does (untimed), then times its analysis alone: the
parse of `analysis.parsed_text` plus `analysis.analyse_doc`. Records of one file
with the same title and text are analysed once (victim_counts holds each event
twice, once per question).

It prints, per file and overall: articles, characters, per-article p50 / p99 / max
seconds, the count over `--budget` seconds, failures; then the slowest articles
(source file, id and line, characters, seconds) and the peak RSS of the process.
An article still running after `--abandon` seconds is interrupted (SIGALRM) and
reported as abandoned, so a hang shows up instead of stalling the soak.

One process, one core, the pipeline loaded once; vocabulary memory is bounded the
way ingest bounds it (nlp/memory.LongZone). The whole set (~14,000 texts, most of
them single sentences) takes roughly 15-30 minutes on a 2-core machine.

    .venv/bin/python benchmarks/soak.py [--limit N] [--files ukraine-2022.jsonl,quotes/dev.jsonl]
        [--budget 60] [--abandon 600] [--slowest 10]
"""

from __future__ import annotations

import argparse
import json
import resource
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from newsledger.analysis import analyse_doc, parsed_text
from newsledger.article import make_article
from newsledger.models import Article, Origin
from newsledger.nlp.memory import LongZone
from newsledger.nlp.pipeline import load_pipeline
from newsledger.quality import check_article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS_FILES = ("ukraine-2022.jsonl", "wikinews-text.jsonl", "wikinews/articles.jsonl")


@dataclass(slots=True)
class Timing:
    label: str  # the file, relative to ../shared/data/corpus or ../shared/eval
    record_id: str
    line: int
    characters: int  # of the parsed text (headline + body)
    seconds: float
    outcome: str = "ok"  # ok | abandoned | error: <reason>


class Abandoned(Exception):
    """Raised by the alarm in an analysis that ran past --abandon seconds."""


def _on_alarm(signum, frame):
    raise Abandoned


def input_files() -> list[tuple[str, Path]]:
    files = [(name, SHARED / "data" / "corpus" / name) for name in CORPUS_FILES]
    for path in sorted((SHARED / "eval").glob("*/*.jsonl")):
        if not path.name.startswith("test"):
            files.append((f"{path.parent.name}/{path.name}", path))
    return files


def _text_or_none(value) -> str | None:
    return value if isinstance(value, str) else None


def read_articles(label: str, path: Path, limit: int | None):
    """(line, record id, Article) for each record with a text, distinct texts only."""
    seen: set[tuple[str | None, str]] = set()
    taken = 0
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if limit is not None and taken >= limit:
                return
            if not line.strip():
                continue
            record = json.loads(line)
            text = record.get("text")
            if not isinstance(text, str):
                continue
            title = _text_or_none(record.get("title"))
            if (title, text) in seen:
                continue
            seen.add((title, text))
            taken += 1
            article = make_article(
                title=title,
                date_raw=_text_or_none(record.get("date")),
                url=_text_or_none(record.get("url")),
                text=text,
                origin=Origin(str(path), f"line {number}"),
            )
            yield number, str(record.get("id", "")), article


def analyse_timed(nlp, zone: LongZone, article: Article, abandon: float) -> tuple[float, str]:
    """Seconds of parse + extraction for one article, and how it ended."""
    text = parsed_text(article)
    outcome = "ok"
    with zone.batch(1):
        signal.setitimer(signal.ITIMER_REAL, abandon)
        began = time.perf_counter()
        try:
            analyse_doc(nlp(text), article)
        except Abandoned:
            outcome = "abandoned"
        except Exception as exc:  # noqa: BLE001 - a soak reports failures and goes on
            outcome = f"error: {type(exc).__name__}: {exc}"[:200]
        finally:
            seconds = time.perf_counter() - began
            signal.setitimer(signal.ITIMER_REAL, 0)
    return seconds, outcome


def quantile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank quantile of an ascending list (0 for an empty one)."""
    if not sorted_values:
        return 0.0
    rank = max(1, round(q * len(sorted_values) + 0.5))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def summary_line(name: str, timings: list[Timing], budget: float) -> str:
    seconds = sorted(t.seconds for t in timings)
    failed = sum(t.outcome != "ok" for t in timings)
    over = sum(s > budget for s in seconds)
    chars = sum(t.characters for t in timings)
    return (
        f"{name:<32} {len(timings):>6} {chars:>11,} {quantile(seconds, 0.5):>8.3f}"
        f" {quantile(seconds, 0.99):>8.3f} {(seconds[-1] if seconds else 0):>8.3f}"
        f" {sum(seconds):>9.1f} {over:>5} {failed:>6}"
    )


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--limit", type=int, default=None, help="records per file (default all)")
    parser.add_argument(
        "--files",
        default=None,
        help="comma-separated files to read, as listed (e.g. ukraine-2022.jsonl,quotes/dev.jsonl)",
    )
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per article")
    parser.add_argument(
        "--abandon", type=float, default=600.0, help="interrupt an analysis after this many s"
    )
    parser.add_argument("--slowest", type=int, default=10, help="slowest articles to list")
    parser.add_argument("--progress", type=int, default=500, help="a line every N articles")
    args = parser.parse_args(argv)

    files = input_files()
    if args.files:
        wanted = [name.strip() for name in args.files.split(",") if name.strip()]
        known = {label for label, _ in files}
        unknown = [name for name in wanted if name not in known]
        if unknown:
            parser.error(f"unknown files {unknown}; known: {sorted(known)}")
        files = [(label, path) for label, path in files if label in wanted]
    missing = [str(path) for _, path in files if not path.exists()]
    if missing:
        print(f"shared data not found: {missing} (../shared is absent?)", file=sys.stderr)
        return 2

    started = time.perf_counter()
    nlp = load_pipeline()
    nlp("Warm-up: the pipeline's first call builds its caches.")
    load_seconds = time.perf_counter() - started
    zone = LongZone(nlp)
    signal.signal(signal.SIGALRM, _on_alarm)
    print(
        f"pipeline loaded in {load_seconds:.1f} s; budget {args.budget:g} s, abandon after "
        f"{args.abandon:g} s, limit {args.limit or 'none'} per file",
        flush=True,
    )

    by_file: dict[str, list[Timing]] = {}
    done = 0
    for label, path in files:
        timings = by_file.setdefault(label, [])
        for line, record_id, article in read_articles(label, path, args.limit):
            check_article(article)  # untimed: the quality step ingest runs first
            seconds, outcome = analyse_timed(nlp, zone, article, args.abandon)
            timing = Timing(label, record_id, line, len(parsed_text(article)), seconds, outcome)
            timings.append(timing)
            done += 1
            if outcome != "ok" or seconds > args.budget:
                print(
                    f"  ! {label} line {line} {record_id}: {seconds:.1f} s, {outcome}", flush=True
                )
            if args.progress and done % args.progress == 0:
                elapsed = time.perf_counter() - started
                print(
                    f"  {done} articles, {elapsed:.0f} s, peak RSS {peak_rss_mb():.0f} MB",
                    flush=True,
                )
    zone.close()

    every = [t for timings in by_file.values() for t in timings]
    print()
    header = (
        f"{'file':<32} {'arts':>6} {'chars':>11} {'p50 s':>8} {'p99 s':>8} {'max s':>8}"
        f" {'total s':>9} {'over':>5} {'failed':>6}"
    )
    print(header)
    print("-" * len(header))
    for label, timings in by_file.items():
        print(summary_line(label, timings, args.budget))
    print("-" * len(header))
    print(summary_line("all", every, args.budget))

    print(f"\n{args.slowest} slowest articles (parse + extraction, each alone):")
    for t in sorted(every, key=lambda t: -t.seconds)[: args.slowest]:
        per_1000 = t.seconds / max(t.characters, 1) * 1000
        print(
            f"  {t.seconds:8.3f} s  {t.characters:>7,} chars  ({per_1000:.3f} s/1000)  "
            f"{t.label} line {t.line}  {t.record_id}"
        )
    failures = [t for t in every if t.outcome != "ok"]
    for t in failures:
        print(f"  FAILED {t.label} line {t.line} {t.record_id}: {t.outcome}")
    wall = time.perf_counter() - started
    over = sum(t.seconds > args.budget for t in every)
    print(
        f"\n{len(every)} articles in {wall:.0f} s wall; {over} over the {args.budget:g} s budget;"
        f" {len(failures)} failed or abandoned; peak RSS {peak_rss_mb():.0f} MB"
    )
    return 1 if failures or over else 0


if __name__ == "__main__":
    sys.exit(main())
