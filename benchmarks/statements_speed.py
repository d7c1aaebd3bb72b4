"""Speed of statement extraction against bare spaCy parsing, in the same run.

Reads ../shared/data/corpus/ukraine-2022.jsonl and wikinews/articles.jsonl,
then times, in alternating rounds with the same pipeline and settings,
`nlp.pipe` alone and `nlp.pipe` followed by `extract_statements` on each doc.
Prints the best round of each and the overhead ratio (target: at most +15%).

    .venv/bin/python benchmarks/statements_speed.py [--rounds 2] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from newsledger.extract.statements.find import extract_statements
from newsledger.nlp import load_pipeline

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = REPO_ROOT.parent / "shared" / "data" / "corpus"
FILES = ("ukraine-2022.jsonl", "wikinews/articles.jsonl")
BATCH_SIZE = 32


def read_texts(limit: int | None) -> list[str]:
    texts = []
    for name in FILES:
        with open(CORPUS / name, encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] or "" for line in handle if line.strip()]
    return texts[:limit] if limit else texts


def bare_round(nlp, texts: list[str]) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - start


def extraction_round(nlp, texts: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    found = 0
    for doc in nlp.pipe(texts, batch_size=BATCH_SIZE):
        found += len(extract_statements(doc))
    return time.perf_counter() - start, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    texts = read_texts(args.limit)
    nlp = load_pipeline()
    nlp("warm up the pipeline before timing.")
    bare, full, statements = [], [], 0
    for _ in range(args.rounds):
        bare.append(bare_round(nlp, texts))
        seconds, statements = extraction_round(nlp, texts)
        full.append(seconds)
    characters = sum(len(t) for t in texts)
    best_bare, best_full = min(bare), min(full)
    print(f"articles: {len(texts)}  characters: {characters}  rounds: {args.rounds}")
    print(
        f"bare nlp.pipe:               {best_bare:8.2f} s  (rounds: "
        + ", ".join(f"{s:.2f}" for s in bare)
        + ")"
    )
    print(
        f"nlp.pipe + statements:       {best_full:8.2f} s  (rounds: "
        + ", ".join(f"{s:.2f}" for s in full)
        + ")"
    )
    print(f"statements found: {statements}")
    print(f"extraction overhead: {100 * (best_full / best_bare - 1):+.1f}% (target <= +15%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
