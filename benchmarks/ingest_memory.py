"""Ingest memory benchmark: peak RSS must not grow with the input (10k vs 100k articles).

Generates synthetic JSONL feeds (own-words sentences from word tables, about
300 words an article, deterministic) in a temporary directory, ingests each
feed into a fresh ledger in its own subprocess with analysis OFF (this measures
readers, quality checks, near-duplicate linking and the store, not spaCy),
and prints articles/s and peak RSS for each size and the ratio of the peaks.
Exit status 1 when the peaks differ by more than 25%.

    .venv/bin/python benchmarks/ingest_memory.py [--sizes 10000 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MAX_PEAK_RATIO = 1.25
WORDS_PER_ARTICLE = 300


def _table(entries: str) -> list[str]:
    return [entry.strip() for entry in entries.split("|")]


# Word tables for the generator: sentences are mostly slots, so two generated
# articles share few three-word shingles, as two real stories do.
SUBJECTS = _table("""\
the mayor|a police spokesman|the health ministry|local residents|the fire brigade|
a rescue volunteer|the governor|aid workers|the coast guard|a hospital director|farmers|
the railway operator|teachers|the army|a refugee family|engineers|the city council|nurses|
a union leader|shop owners|the weather office|investigators|the prosecutor|drivers|fishermen|
the energy company|a witness|students|the opposition|the school board""")
VERBS = _table("""reported|denied|confirmed|described|estimated|questioned|criticised|welcomed|
recorded|counted|inspected|repaired|evacuated|closed|reopened|funded|delayed|promised|
blamed|praised|investigated|announced|rejected|measured|cleared|protected|abandoned|
rebuilt|surveyed|supplied""")
OBJECTS = _table("""\
the damaged bridge|new shelters|the flooded roads|several warehouses|the harbour wall|
two schools|the main hospital|a temporary camp|the water supply|power lines|the border crossing|
grain stores|the old market|a chemical plant|the airport runway|fishing boats|the dam|
a mountain pass|emergency funds|the night curfew|food parcels|the rail tunnel|mobile clinics|
the town archive|a ferry terminal|street lighting|the courthouse|drinking water|the ring road|
medical supplies""")
PLACES = _table("""\
in Arvik|near Belmora|outside Corran|in the Dunhal valley|across Eskby|north of Falun|
along the Gorsk coast|in central Holm|beside Lake Istra|in the Jorvik hills|south of Kessel|
around Lorn|in upper Marrow|near the Nessa delta|at Orlo junction|in eastern Pell|
on the Quill plateau|around Rusk|in Sallow county|near Tarn""")
TIMES = _table("""on Monday|on Tuesday morning|late on Wednesday|before dawn on Thursday|on Friday|
over the weekend|last week|earlier this month|after midnight|during the storm|at noon|
in the early hours|since March|by the evening|two days later""")
CONNECTIVES = _table("""while|because|after|although|before|as|once|until""")


def _sentence(rng: random.Random) -> str:
    number = rng.randint(2, 5000)
    clause = (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
        f"{rng.choice(PLACES)} {rng.choice(TIMES)}"
    )
    if rng.random() < 0.5:
        clause += (
            f" {rng.choice(CONNECTIVES)} {rng.choice(SUBJECTS)} {rng.choice(VERBS)} "
            f"{number} {rng.choice(['people', 'homes', 'vehicles', 'tonnes', 'families'])}"
        )
    return clause[0].upper() + clause[1:] + "."


def _article_text(n: int) -> str:
    rng = random.Random(n)
    sentences: list[str] = []
    words = 0
    while words < WORDS_PER_ARTICLE:
        sentence = _sentence(rng)
        sentences.append(sentence)
        words += len(sentence.split())
    return "\n".join(sentences)


def write_feed(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as feed:
        for n in range(count):
            record = {
                "title": f"Regional report {n}",
                "date": f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                "url": f"https://bench.example.org/story/{n}",
                "text": _article_text(n),
            }
            feed.write(json.dumps(record) + "\n")


def child(feed: str, db: str) -> None:
    """Ingest one feed and print a JSON line of figures (runs in its own process)."""
    from newsledger.ingest import ingest
    from newsledger.store import Store

    with Store(db) as store:
        report = ingest([feed], store, analyse=False)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(
        json.dumps(
            {
                "accepted": report.accepted,
                "rejected": report.rejected,
                "near_duplicates": report.near_duplicates,
                "elapsed": report.elapsed,
                "peak_rss_mib": peak_kib / 1024,
            }
        )
    )


def run(sizes: list[int], workdir: Path) -> int:
    print("ingest memory benchmark: analysis OFF (readers + quality + near-duplicates + store)")
    print(f"synthetic own-words articles of about {WORDS_PER_ARTICLE} words, in {workdir}")
    results = {}
    for size in sizes:
        feed = workdir / f"feed-{size}.jsonl"
        started = time.perf_counter()
        write_feed(feed, size)
        generated = time.perf_counter() - started
        db = workdir / f"ledger-{size}.db"
        completed = subprocess.run(
            [sys.executable, __file__, "--child", str(feed), str(db)],
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(completed.stdout.strip().splitlines()[-1])
        figures["feed_mib"] = feed.stat().st_size / 2**20
        figures["db_mib"] = db.stat().st_size / 2**20
        results[size] = figures
        print(
            f"{size:>8,} articles: {figures['accepted'] / figures['elapsed']:8.1f} articles/s, "
            f"peak RSS {figures['peak_rss_mib']:7.1f} MiB, ingest {figures['elapsed']:7.1f} s, "
            f"feed {figures['feed_mib']:.0f} MiB (generated in {generated:.0f} s), "
            f"ledger {figures['db_mib']:.0f} MiB, near-duplicates {figures['near_duplicates']}"
        )
    peaks = [results[size]["peak_rss_mib"] for size in sizes]
    ratio = max(peaks) / min(peaks)
    verdict = "OK" if ratio <= MAX_PEAK_RATIO else "FAIL"
    print(f"peak RSS ratio (largest/smallest): {ratio:.3f} (limit {MAX_PEAK_RATIO}) {verdict}")
    return 0 if verdict == "OK" else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--keep", type=Path, help="generate into this directory and keep it")
    parser.add_argument("--child", nargs=2, metavar=("FEED", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return run(args.sizes, args.keep)
    workdir = Path(tempfile.mkdtemp(prefix="newsledger-ingest-memory-"))
    try:
        return run(args.sizes, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
