"""Local parallel analysis: worker processes with one spaCy pipeline each.

Ingest hands batches of articles to an analyser and collects the results
later, in the order it handed them over. `InlineAnalyser` analyses in the
calling process when the results are collected; `AnalysisPool` spreads the
articles over worker processes (spawned, so a parent holding threads or a
loaded pipeline is never forked), each of which loads the pipeline once when
it starts. Both call `analysis.analyse_batch`, and the parse of a doc does not
depend on the batch it is parsed in, so every worker count gives the same
analyses.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from typing import Protocol, TypeVar

from newsledger.errors import PipelineError
from newsledger.models import Analysis, Article, Reject

__all__ = [
    "TAIL_CHUNK_SIZE",
    "AnalysisPool",
    "Analyser",
    "InlineAnalyser",
    "Ticket",
    "chunk_sizes",
    "default_workers",
    "make_analyser",
    "read_ahead",
]

T = TypeVar("T")

# The smallest chunk the input's last batch is cut into (see chunk_sizes).
TAIL_CHUNK_SIZE = 2

# The results of one submitted batch, aligned with its articles; calling it waits.
Ticket = Callable[[], list[Analysis | Reject]]


class Analyser(Protocol):
    """What ingest needs: submit a batch now, collect its results later, in order."""

    workers: int

    def submit(self, articles: Sequence[Article], *, last: bool = False) -> Ticket: ...

    def close(self) -> None: ...


def default_workers() -> int:
    """The cores this process may run on (the default worker count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class InlineAnalyser:
    """Analyses in this process, when the ticket is called (one worker, no pool)."""

    workers = 1

    def __init__(self, nlp=None) -> None:
        self.nlp = nlp
        self._zone = None  # nlp/memory.LongZone: this analyser's batches share one

    def submit(self, articles: Sequence[Article], *, last: bool = False) -> Ticket:
        batch = list(articles)

        def collect() -> list[Analysis | Reject]:
            from newsledger.analysis import analyse_batch
            from newsledger.nlp.memory import LongZone
            from newsledger.nlp.pipeline import load_pipeline

            if self.nlp is None:
                self.nlp = load_pipeline()
            if self._zone is None:
                self._zone = LongZone(self.nlp)
            return analyse_batch(batch, self.nlp, zone=self._zone)

        return collect

    def close(self) -> None:
        # The pipeline may be the caller's: its vocabulary goes back as it was.
        if self._zone is not None:
            self._zone.close()
            self._zone = None


def _exit_with_parent(parent: int) -> None:
    # A parent killed with SIGKILL cannot stop its pool: without this the
    # workers would outlive it, holding a pipeline each.
    while os.getppid() == parent:
        threading.Event().wait(1.0)
    os._exit(1)


def _load_worker_pipeline(parent: int) -> None:
    # Runs once as each worker process starts; load_pipeline is cached per
    # process, so every later chunk in this worker reuses the same pipeline.
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    from newsledger.nlp.pipeline import load_pipeline

    load_pipeline()


def _ready() -> None:
    """A no-op task: submitting one per worker makes the pool start every process now."""


def _analyse_chunk(articles: list[Article]) -> list[Analysis | Reject]:
    from newsledger.analysis import analyse_batch
    from newsledger.nlp.pipeline import load_pipeline

    # A worker process's pipeline serves its chunks alone: one long zone for all.
    return analyse_batch(articles, load_pipeline(), zone=_worker_zone())


@lru_cache(maxsize=1)
def _worker_zone():
    from newsledger.nlp.memory import LongZone
    from newsledger.nlp.pipeline import load_pipeline

    return LongZone(load_pipeline())


def chunk_sizes(count: int, chunk_size: int, workers: int, *, last: bool = False) -> list[int]:
    """How a batch of `count` articles is cut into chunks (sizes in submission order).

    Chunks go to whichever worker is free, so the run's end waits for the last
    chunk to be parsed while the other workers idle. The input's last batch
    therefore ends in chunks that halve down to TAIL_CHUNK_SIZE, `workers` of
    each size: the workers then finish within a small chunk of each other.
    """
    tail: list[int] = []
    remaining = count
    if last:
        size = TAIL_CHUNK_SIZE
        while remaining > 0 and size < chunk_size:
            for _ in range(workers):
                tail.append(min(size, remaining))
                remaining -= tail[-1]
                if not remaining:
                    break
            size *= 2
    # A partial chunk goes first, while every worker is still busy.
    head = [remaining % chunk_size] if remaining % chunk_size else []
    head.extend([chunk_size] * (remaining // chunk_size))
    return head + tail[::-1]


class AnalysisPool:
    """`workers` processes, each with its own pipeline; batches are cut into chunks.

    Chunks (see `chunk_sizes`) go to whichever worker is free; a ticket gathers
    its chunks' results in submission order, so the caller sees input order
    however the work was spread. Every worker starts (and loads its pipeline)
    as soon as the pool is made, so a caller that makes it before its first
    batch is read overlaps the two.
    """

    def __init__(self, workers: int, *, chunk_size: int = 16) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self.chunk_size = chunk_size
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load_worker_pipeline,
            initargs=(os.getpid(),),
        )
        # The executor starts a process per submitted task while none is idle.
        for _ in range(workers):
            self._executor.submit(_ready)

    def __enter__(self) -> AnalysisPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def submit(self, articles: Sequence[Article], *, last: bool = False) -> Ticket:
        """Queue the batch; `last` marks the input's last batch (it ends in small chunks)."""
        batch = list(articles)
        futures: list[Future[list[Analysis | Reject]]] = []
        start = 0
        for size in chunk_sizes(len(batch), self.chunk_size, self.workers, last=last):
            futures.append(self._executor.submit(_analyse_chunk, batch[start : start + size]))
            start += size

        def collect() -> list[Analysis | Reject]:
            results: list[Analysis | Reject] = []
            try:
                for future in futures:
                    results.extend(future.result())
            except BrokenProcessPool as exc:
                raise PipelineError(f"an analysis worker process stopped: {exc}") from exc
            return results

        return collect

    def pids(self) -> list[int]:
        """Process ids of the running workers (for memory reports)."""
        processes = getattr(self._executor, "_processes", None) or {}
        return sorted(processes)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def make_analyser(workers: int, nlp=None) -> InlineAnalyser | AnalysisPool:
    """An InlineAnalyser for one worker (reusing `nlp`), else a pool of `workers` processes."""
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    return InlineAnalyser(nlp) if workers == 1 else AnalysisPool(workers)


_DONE = object()


def read_ahead(items: Iterable[T], size: int) -> Iterator[T]:
    """`items` in order, produced by a background thread up to `size` ahead.

    Reading and quality checks then run while this thread waits for worker
    results, writes to the ledger, or sits in the parts of the parse that
    release the GIL. An exception in the producer is raised here, in order;
    stopping the iteration early stops the producer.
    """
    buffer: queue.Queue = queue.Queue(maxsize=max(size, 1))
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in items:
                while not stop.is_set():
                    try:
                        buffer.put((item, None), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            outcome = (_DONE, None)
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer below
            outcome = (_DONE, exc)
        while not stop.is_set():
            try:
                buffer.put(outcome, timeout=0.1)
                return
            except queue.Full:
                continue

    producer = threading.Thread(target=produce, name="newsledger-read-ahead", daemon=True)
    producer.start()
    try:
        while True:
            item, error = buffer.get()
            if item is _DONE:
                if error is not None:
                    raise error
                return
            yield item
    finally:
        stop.set()
        # Bounded: a producer blocked on a slow input (stdin) is a daemon thread.
        producer.join(timeout=5)
