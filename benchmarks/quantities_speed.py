"""Speed of quantity extraction, measured against the same run's baselines.

(a) NewsQuant dev sentences: newsledger's figure extraction (the product's spaCy
    pipeline, parse and NER included, then `extract_quantities` + `extract_figures`)
    vs quantulum3's `parser.parse`, in interleaved rounds of the same run. quantulum3
    runs as installed: its unit classifier cannot load with the installed
    scikit-learn, so it runs without it (the note printed says so).
(b) The shared corpus (ukraine-2022 + Wikinews texts): bare `nlp.pipe` time vs the
    time `extract_quantities` adds on the parsed docs, as a percentage.

Run: .venv/bin/python benchmarks/quantities_speed.py [--repeat N] [--limit N]

Notes (2 cores): with blis doing the pipeline's matrix products, the bare
pipeline alone was 1.14x quantulum3 and the figure path 1.31x, with NER (needed
for places, GPE source kinds and NER dates) the largest part. With numpy's
OpenBLAS doing them (nlp/matmul.py, same annotations) the whole parse is about
35% faster and the figure path, parse included, about 0.97x quantulum3.
spaCy's own build matters as much: on spaCy 3.8.18 the bare pipeline took 0.72 s
and the figure path 1.13x quantulum3; on 3.8.6 (the pinned release, DEVELOPERS.md)
0.41 s and 0.71x.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

from newsledger.extract.figures.assemble import extract_figures
from newsledger.extract.quantities.find import extract_quantities
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

    # Figure extraction as the product runs it: the product's pipeline (every
    # component, NER included), then quantities, then figures (no statements:
    # figures' own source reading is what runs without the statements extractor).
    def figures() -> None:
        for doc in nlp.pipe(sentences):
            extract_figures(doc, extract_quantities(doc), [])

    def quantities() -> None:
        for doc in nlp.pipe(sentences):
            extract_quantities(doc)

    def bare() -> None:
        for _doc in nlp.pipe(sentences):
            pass

    def theirs() -> None:
        for sentence in sentences:
            parser.parse(sentence)

    # Rounds interleave the four so that load from other processes hits them alike.
    timings: dict[str, list[float]] = {"figures": [], "quantities": [], "bare": [], "theirs": []}
    for _ in range(repeat):
        for name, function in (
            ("figures", figures),
            ("quantities", quantities),
            ("bare", bare),
            ("theirs", theirs),
        ):
            timings[name].append(best_of(1, function))
    best = {name: min(values) for name, values in timings.items()}
    print(f"(a) NewsQuant dev, {len(sentences)} sentences, best of {repeat} interleaved rounds:")
    print(f"    pipeline: {' '.join(nlp.pipe_names)} ({_ruler_note(nlp)})")
    print(f"    bare nlp.pipe                           {best['bare']:7.3f} s")
    print(f"    nlp.pipe + extract_quantities           {best['quantities']:7.3f} s")
    print(f"    nlp.pipe + quantities + extract_figures {best['figures']:7.3f} s")
    print(f"    quantulum3 parser.parse                 {best['theirs']:7.3f} s")
    print(f"    ratio figures / quantulum3              {best['figures'] / best['theirs']:7.3f}")
    print(f"    ratio quantities / quantulum3           {best['quantities'] / best['theirs']:7.3f}")


def _ruler_note(nlp) -> str:
    if "attribute_ruler" not in nlp.pipe_names:
        return "no attribute_ruler"
    return f"attribute_ruler is {type(nlp.get_pipe('attribute_ruler')).__name__}"


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
    print(f"    pipeline: {' '.join(nlp.pipe_names)} ({_ruler_note(nlp)})")
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
