"""Throughput benchmark: newsledger end-to-end ingest against bare spaCy `nlp.pipe`.

On the corpus in ../shared/data/corpus (ukraine-2022.jsonl, wikinews/articles.jsonl,
wikinews-text.jsonl; records taken in turn from each file, `--limit N` for a
quick run) it measures, each in a fresh subprocess, interleaved round by round
(the machine may be shared: the best of `--rounds` counts, and the load average
is printed with every measurement):

- bare: loading the pipeline, then `nlp.pipe` over the texts newsledger parses
  (each distinct article once, read and quality-checked beforehand, untimed,
  headline + body as `analysis.parsed_text` builds them), the same pipeline and
  batch size; n_process=1 and 2 (spaCy forks its processes from the loaded pipeline);
- ingest: `newsledger.ingest.ingest` of the same JSONL into a fresh ledger file
  (read -> quality -> analysis -> near-duplicates -> store -> consolidation);
  workers=1 (the pipeline loaded in the timed window, as bare) and workers=2
  (each worker loads its own, also timed);

Every configuration counts loading the pipeline, as a user waits for it: leaving
it out of one side only would favour or penalise that side;

with articles/s, words/s, the ratios, CPU seconds (all processes, and the
parent's own), and the peak RSS of every process (the kernel's VmHWM, read
every 50 ms; the parent's from getrusage). Then the
flat-memory check: ingest `--memory-n` articles and ten times as many (the
corpus repeated with altered URLs, titles and text, so nothing dedups) and
print both peaks and whether they stay within MAX_PEAK_RATIO.

    .venv/bin/python benchmarks/throughput.py [--limit 600] [--rounds 3] [--memory-n 100]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "data" / "corpus"
CORPUS_FILES = ("ukraine-2022.jsonl", "wikinews/articles.jsonl", "wikinews-text.jsonl")
MB = 1024 * 1024
# Ten times the input may raise a peak RSS by at most this factor ("flat memory").
MAX_PEAK_RATIO = 1.25


# --- the measured side (runs in a subprocess) ----------------------------------------


class _PeakRss:
    """Tracks the peak RSS of this process and its children, cheaply.

    Every 50 ms it lists the children from /proc/<pid>/task/*/children and reads
    each one's VmHWM (the kernel's own peak-RSS mark, so a spike between two
    samples is not missed). Scanning every process on the machine for children
    (psutil's way) costs a shared machine's parent real CPU; this thread's own CPU
    is still measured (`cpu`) so it can be left out of the parent's figure.
    """

    def __init__(self) -> None:
        # By (pid, command line): a child forked to exec another program (the
        # resource tracker) briefly shows the parent's pages under the parent's
        # command line; only a pid's last command line counts.
        self.peaks: dict[tuple[int, str], int] = {}
        self.cpu = 0.0
        self._commands: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> _PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = os.getpid()
        while True:
            for pid in _descendants(me):
                command, peak = _command(pid), _peak_rss(pid)
                if command is None or peak is None:
                    continue
                self._commands[pid] = command
                self.peaks[pid, command] = max(self.peaks.get((pid, command), 0), peak)
            if self._stop.wait(0.05):
                break
        self.cpu = time.thread_time()

    def report(self) -> dict:
        parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        last = [
            (peak, command)
            for (pid, command), peak in self.peaks.items()
            if self._commands[pid] == command
        ]
        workers = [peak for peak, command in last if not _helper(command)]
        others = [peak for peak, command in last if _helper(command)]
        return {
            "parent_mb": round(parent / MB),
            "workers_mb": sorted((round(w / MB) for w in workers), reverse=True),
            "helpers_mb": sorted((round(o / MB) for o in others), reverse=True),
        }


def _descendants(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as listing:
                children = [int(child) for child in listing.read().split()]
        except OSError:
            continue
        for child in children:
            found.append(child)
            found.extend(_descendants(child))
    return found


def _peak_rss(pid: int) -> int | None:
    """The process's peak RSS so far in bytes (VmHWM), None once it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


def _command(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return cmdline.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return None


def _helper(command: str) -> bool:
    # multiprocessing's resource tracker and fork server are not workers.
    return "resource_tracker" in command or "forkserver" in command


def _texts(sample: str) -> list[str]:
    """What ingest parses: each distinct article once, quality-checked, headline + body."""
    from newsledger.analysis import parsed_text
    from newsledger.models import Article
    from newsledger.quality import check_article
    from newsledger.readers import read_inputs

    seen: set[str] = set()
    texts = []
    for record in read_inputs([sample]):
        if isinstance(record, Article) and record.id not in seen:
            seen.add(record.id)
            texts.append(parsed_text(check_article(record)))
    return texts


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def measure(kind: str, workers: int, sample: str, batch_size: int = 200) -> dict:
    """One timed run in this process; its figures as a dict."""
    from newsledger.analysis import PIPE_BATCH_SIZE
    from newsledger.ingest import ingest
    from newsledger.nlp.pipeline import load_pipeline
    from newsledger.store import Store

    texts = _texts(sample)
    words = sum(len(text.split()) for text in texts)
    parent_before = _cpu(resource.RUSAGE_SELF)
    cpu_before = parent_before + _cpu(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory() as scratch, _PeakRss() as peaks:
        started = time.perf_counter()
        # loading is timed on every side (workers=2 ingest loads in its workers)
        nlp = load_pipeline() if (kind == "bare" or workers == 1) else None
        if kind == "bare":
            for _ in nlp.pipe(texts, batch_size=PIPE_BATCH_SIZE, n_process=workers):
                pass
            articles = len(texts)
        else:
            with Store(Path(scratch) / "ledger.db") as store:
                report = ingest([sample], store, workers=workers, nlp=nlp, batch_size=batch_size)
            # the distinct articles, as bare parses them (a repeat is read, not analysed)
            articles = report.accepted + report.already_stored
        elapsed = time.perf_counter() - started
    # CPU seconds of this process and its (finished) children: unlike elapsed
    # time, hardly affected by other jobs on a shared machine.
    # The parent's own work, without the RSS sampler's thread.
    parent_cpu = _cpu(resource.RUSAGE_SELF) - parent_before - peaks.cpu
    cpu = _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN)
    return {
        "cpu": cpu - cpu_before,
        "parent_cpu": parent_cpu,
        "kind": kind,
        "workers": workers,
        "articles": articles,
        "words": words,
        "elapsed": elapsed,
        "load": os.getloadavg()[0],
        **peaks.report(),
    }


# --- the driver ----------------------------------------------------------------------


def _write_sample(path: Path, limit: int | None, copies: int = 1) -> int:
    """Corpus records in turn from each file (up to `limit`), `copies` times, altered per copy."""
    streams = [open(CORPUS / name, encoding="utf-8") for name in CORPUS_FILES]  # noqa: SIM115
    try:
        lines = [
            line for line in itertools.chain.from_iterable(itertools.zip_longest(*streams)) if line
        ]
    finally:
        for stream in streams:
            stream.close()
    lines = lines[:limit] if limit else lines
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(copies):
            for number, line in enumerate(lines):
                record = json.loads(line)
                if copy:
                    # A different URL, title and text: a new article id every copy.
                    record["url"] = f"https://copy{copy}.example.org/{number}"
                    record["title"] = f"{record.get('title') or 'Untitled'} (copy {copy})"
                    record["text"] = f"Copy {copy} of record {number}.\n{record['text']}"
                out.write(json.dumps(record) + "\n")
    return len(lines) * copies


def _run_child(kind: str, workers: int, sample: Path, batch_size: int = 200) -> dict:
    command = [sys.executable, __file__, "--measure", kind, str(workers), str(sample)]
    command.append(str(batch_size))
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _line(result: dict) -> str:
    rate = result["articles"] / result["elapsed"]
    words = result["words"] / result["elapsed"]
    workers = ",".join(str(w) for w in result["workers_mb"]) or "-"
    return (
        f"{result['kind']:<6} x{result['workers']}  {result['articles']:>6} articles "
        f"{result['elapsed']:>8.1f}s  {rate:>7.2f} articles/s  {words:>8.0f} words/s  "
        f"cpu {result.get('cpu', 0):>7.1f}s (parent {result.get('parent_cpu', 0):.1f}s)  "
        f"peak RSS parent {result['parent_mb']} MB, workers [{workers}] MB  "
        f"(load avg {result['load']:.2f})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="articles from the corpus")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--memory-n", type=int, default=100, help="N of the N vs 10N check")
    parser.add_argument("--memory-workers", type=int, default=2)
    parser.add_argument("--memory-batch", type=int, default=50, help="ingest batch size there")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument(
        "--measure", nargs=4, metavar=("KIND", "WORKERS", "SAMPLE", "BATCH"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.measure:
        kind, workers, sample, batch_size = args.measure
        print(json.dumps(measure(kind, int(workers), sample, int(batch_size))))
        return 0
    if not CORPUS.is_dir():
        print(f"skipped: no corpus at {CORPUS}", file=sys.stderr)
        return 0

    with tempfile.TemporaryDirectory() as scratch:
        sample = Path(scratch) / "sample.jsonl"
        count = _write_sample(sample, args.limit)
        print(f"corpus sample: {count} records from {', '.join(CORPUS_FILES)}", flush=True)
        best: dict[tuple[str, int], dict] = {}
        runs: dict[tuple[str, int], list[dict]] = {}
        for round_number in range(1, args.rounds + 1):
            for workers in (1, 2):
                for kind in ("bare", "ingest"):
                    result = _run_child(kind, workers, sample)
                    print(f"round {round_number}: {_line(result)}", flush=True)
                    key = (kind, workers)
                    runs.setdefault(key, []).append(result)
                    if key not in best or result["elapsed"] < best[key]["elapsed"]:
                        best[key] = result

        def rate(kind: str, workers: int) -> float:
            result = best[(kind, workers)]
            return result["articles"] / result["elapsed"]

        print(f"\nbest of {args.rounds} rounds:")
        for key in sorted(best, key=lambda k: (k[1], k[0])):
            print("  " + _line(best[key]))
        single = rate("ingest", 1) / rate("bare", 1)
        print(f"ingest/bare, 1 process:    {single:.3f}  (target >= 0.85)")
        print(f"ingest/bare, 2 processes:  {rate('ingest', 2) / rate('bare', 2):.3f}")
        scaling = rate("ingest", 2) / rate("ingest", 1)
        print(f"ingest 2 workers / 1:      {scaling:.3f}  (target >= 1.7)")
        print(f"bare n_process=2 / 1:      {rate('bare', 2) / rate('bare', 1):.3f}")
        # The same ratios in CPU seconds per article (best round by CPU): what a quiet
        # machine would show, since other jobs inflate elapsed time, not CPU time.
        cpu = {key: min(r["cpu"] / r["articles"] for r in runs[key]) for key in runs}
        print(
            f"CPU s/article: bare {cpu[('bare', 1)]:.3f}, ingest {cpu[('ingest', 1)]:.3f} "
            f"(1 process: bare/ingest {cpu[('bare', 1)] / cpu[('ingest', 1)]:.3f}); "
            f"ingest x2 {cpu[('ingest', 2)]:.3f} (all processes)"
        )
        worst = max(max(r["workers_mb"] or [r["parent_mb"]]) for r in best.values())
        print(f"largest worker peak RSS:   {worst} MB  (target <= 1024)", flush=True)

        if not args.skip_memory:
            print(
                f"\nflat memory: ingest --workers {args.memory_workers} "
                f"--batch-size {args.memory_batch} of N and 10N articles"
            )
            peaks = []
            for copies in (1, 10):
                path = Path(scratch) / f"memory-{copies}.jsonl"
                total = _write_sample(path, args.memory_n, copies)
                result = _run_child("ingest", args.memory_workers, path, args.memory_batch)
                peaks.append(result)
                print(f"  {total:>6} articles: {_line(result)}", flush=True)
            small, large = peaks
            parent_ratio = large["parent_mb"] / small["parent_mb"]
            worker_ratio = max(large["workers_mb"], default=1) / max(small["workers_mb"], default=1)
            flat = max(parent_ratio, worker_ratio) <= MAX_PEAK_RATIO
            print(
                f"  peak parent {small['parent_mb']} -> {large['parent_mb']} MB "
                f"(x{parent_ratio:.2f}), largest worker {max(small['workers_mb'], default=0)} -> "
                f"{max(large['workers_mb'], default=0)} MB (x{worker_ratio:.2f}): "
                f"{'flat' if flat else 'GROWS'} (limit x{MAX_PEAK_RATIO})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
