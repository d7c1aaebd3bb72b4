"""Speed of quantity extraction, measured against the same run's baselines.

(a) NewsQuant dev sentences: newsledger (spaCy parse included) vs quantulum3.
(b) The shared corpus (ukraine-2022 + Wikinews texts): bare `nlp.pipe` time vs the
    time `extract_quantities` adds on the parsed docs, as a percentage.

Run: .venv/bin/python benchmarks/quantities_speed.py [--repeat N] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

from newsledger.extract.quantities import extract_quantities
from newsledger.nlp import load_pipeline

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
DEV = SHARED / "eval" / "quantities" / "dev.jsonl"
CORPUS = (
    SHARED / "data" / "corpus" / "ukraine-2022.jsonl",
    SHARED / "data" / "corpus" / "wikinews" / "articles.jsonl",
)


def read_texts(path: Path, limit: int | None = None) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if limit and len(texts) >= limit:
                break
    return texts


def best_of(repeat: int, function) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return min(timings)


def newsquant(nlp, repeat: int) -> None:
    from quantulum3 import parser

    from newsledger.eval.quantities import quantulum_tags

    sentences = read_texts(DEV)
    notes: list[str] = []
    for sentence in sentences:  # warm-up pass; switches the classifier off as the scorer does
        quantulum_tags(sentence, notes)
    for note in notes:
        print(f"note: {note}")
    list(nlp.pipe(sentences[:20]))

    def ours() -> None:
        for doc in nlp.pipe(sentences):
            extract_quantities(doc)

    def theirs() -> None:
        for sentence in sentences:
            parser.parse(sentence)

    # quantities alone need no NER (ent types are only a hint): the lighter pipeline
    # is what a user running quantity extraction alone would load
    light = load_pipeline(("ner",))
    list(light.pipe(sentences[:20]))

    def ours_light() -> None:
        for doc in light.pipe(sentences):
            extract_quantities(doc)

    ours_seconds = best_of(repeat, ours)
    light_seconds = best_of(repeat, ours_light)
    theirs_seconds = best_of(repeat, theirs)
    print(f"(a) NewsQuant dev, {len(sentences)} sentences, best of {repeat}:")
    print(f"    newsledger, full pipeline + extract     {ours_seconds:7.3f} s")
    print(f"    newsledger, pipeline without ner        {light_seconds:7.3f} s")
    print(f"    quantulum3 parser.parse                 {theirs_seconds:7.3f} s")
    print(f"    ratio full / quantulum3                 {ours_seconds / theirs_seconds:7.3f}")
    print(f"    ratio without ner / quantulum3          {light_seconds / theirs_seconds:7.3f}")


def corpus(nlp, repeat: int, limit: int | None) -> None:
    texts = [text for path in CORPUS if path.exists() for text in read_texts(path, limit)]
    characters = sum(len(text) for text in texts)
    docs = []

    def parse() -> None:
        docs.clear()
        docs.extend(nlp.pipe(texts, batch_size=32))

    def extract() -> None:
        for doc in docs:
            extract_quantities(doc)

    parse_seconds = best_of(repeat, parse)
    extract_seconds = best_of(repeat, extract)
    found = sum(len(extract_quantities(doc)) for doc in docs)
    print(f"(b) corpus, {len(texts)} texts, {characters:,} characters, best of {repeat}:")
    print(f"    bare nlp.pipe                           {parse_seconds:7.3f} s")
    print(
        f"    extract_quantities on the parsed docs   {extract_seconds:7.3f} s"
        f"  ({found} quantities)"
    )
    added = 100 * extract_seconds / parse_seconds
    print(f"    added to nlp.pipe                       {added:6.2f} %")


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--repeat", type=int, default=3)
    arguments.add_argument("--limit", type=int, default=None, help="texts per corpus file")
    options = arguments.parse_args()
    warnings.filterwarnings("ignore")
    if not DEV.exists():
        print(f"shared data not found at {SHARED}", file=sys.stderr)
        return 1
    nlp = load_pipeline()
    newsquant(nlp, options.repeat)
    corpus(nlp, options.repeat, options.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
