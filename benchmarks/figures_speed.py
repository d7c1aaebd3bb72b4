"""How much quantity + figure extraction adds to bare spaCy parsing, measured in one run.

Texts: ../shared/data/corpus/ukraine-2022.jsonl and wikinews/articles.jsonl (read at run
time, never copied). Each round times bare `nlp.pipe` over all texts, then `nlp.pipe`
followed by `extract_quantities` + `extract_figures` on every doc; the best of the
rounds is reported, with the added time as a percentage (the bar is 15%).

    .venv/bin/python benchmarks/figures_speed.py [--rounds 3] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from newsledger.extract.figures.assemble import extract_figures
from newsledger.extract.quantities.find import extract_quantities
from newsledger.nlp import load_pipeline

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus"
FILES = ("ukraine-2022.jsonl", "wikinews/articles.jsonl")
BATCH = 32


def load_texts(limit: int | None) -> list[tuple[str, str | None]]:
    texts = []
    for name in FILES:
        with open(CORPUS / name, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record.get("text"):
                    texts.append((record["text"], (record.get("date") or "")[:10] or None))
    return texts[:limit] if limit else texts


def bare(nlp, texts) -> tuple[float, float]:
    """Wall and CPU seconds of bare `nlp.pipe`."""
    started, cpu = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe((t for t, _ in texts), batch_size=BATCH):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def with_figures(nlp, texts) -> tuple[float, float, int]:
    """Wall and CPU seconds of `nlp.pipe` + quantities + figures, and the figures found."""
    started, cpu = time.perf_counter(), time.process_time()
    count = 0
    docs = nlp.pipe((t for t, _ in texts), batch_size=BATCH)
    for doc, (_, date) in zip(docs, texts, strict=True):
        figures = extract_figures(doc, extract_quantities(doc), [], reference_date=date)
        count += len(figures)
    return time.perf_counter() - started, time.process_time() - cpu, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"corpus not found at {CORPUS} (../shared is not mounted)")
    texts = load_texts(args.limit)
    nlp = load_pipeline()
    words = sum(len(t.split()) for t, _ in texts)
    ruler = (
        type(nlp.get_pipe("attribute_ruler")).__name__
        if "attribute_ruler" in nlp.pipe_names
        else "-"
    )
    # Both sides run this same pipeline: the product's, as load_pipeline returns it.
    print(f"pipeline (both sides): {' '.join(nlp.pipe_names)} (attribute_ruler: {ruler})")
    bare_times, full_times, bare_cpu, full_cpu = [], [], [], []
    figures = 0
    for round_number in range(1, args.rounds + 1):
        seconds, cpu = bare(nlp, texts)
        bare_times.append(seconds)
        bare_cpu.append(cpu)
        seconds, cpu, figures = with_figures(nlp, texts)
        full_times.append(seconds)
        full_cpu.append(cpu)
        print(
            f"round {round_number}: bare {bare_times[-1]:.2f}s (cpu {bare_cpu[-1]:.2f}s), "
            f"with figures {seconds:.2f}s (cpu {cpu:.2f}s), load avg {os.getloadavg()[0]:.2f}"
        )
    best_bare, best_full = min(bare_times), min(full_times)
    added = (best_full - best_bare) / best_bare * 100
    # CPU seconds hardly move with other jobs on a shared machine: a second reading.
    added_cpu = (min(full_cpu) - min(bare_cpu)) / min(bare_cpu) * 100
    print(f"texts: {len(texts)}, words: {words}, figures: {figures}")
    print(f"bare nlp.pipe (best of {args.rounds}): {best_bare:.2f}s")
    print(f"nlp.pipe + quantities + figures (best of {args.rounds}): {best_full:.2f}s")
    print(f"added: {added:.1f}% (bar: 15%); in CPU seconds: {added_cpu:.1f}%")


if __name__ == "__main__":
    main()
