"""The analysers ingest hands its batches to, and the read-ahead of its input.

Ingest hands batches of articles to an analyser and collects the results
later, in the order it handed them over. `AnalysisPool` (newsledger.worker_pool)
spreads the articles over supervised worker processes (spawned, so a parent
holding threads or a loaded pipeline is never forked), each loading the
pipeline once, and stops any article past its time budget; `InlineAnalyser`
analyses with a caller's own pipeline in the calling process when the results
are collected. Both run `analysis.analyse_stream`, and the parse of a doc does
not depend on the batch it is parsed in, so every worker count gives the same
analyses.
"""

from __future__ import annotations

import os
import queue
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Protocol, TypeVar

from newsledger.models import Analysis, Article, Reject
from newsledger.worker_pool import TAIL_CHUNK_SIZE, AnalysisPool, chunk_sizes, timeout_reason

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

# The results of one submitted batch, aligned with its articles; calling it waits.
Ticket = Callable[[], list[Analysis | Reject]]


class Analyser(Protocol):
    """What ingest needs: submit a batch now, collect its results later, in order."""

    workers: int

    def submit(self, articles: Sequence[Article], *, last: bool = False) -> Ticket: ...

    def close(self) -> None: ...


# Seconds between rings once the budget is spent: a ring raised inside a callback
# that cannot raise (a gc callback: Python reports it as unraisable and goes on) is
# followed by another, so the article is stopped all the same.
RING_AGAIN = 0.05


class _OutOfTime(BaseException):  # noqa: N818 - not an error the analysis may catch
    """Raised by the alarm inside an article's analysis that ran past its budget."""


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def _alarm(seconds: float) -> Iterator[Callable[[], None]]:
    """SIGALRM after `seconds`; the yielded function restarts the clock."""

    armed = [True]

    def ring(signum, frame):  # noqa: ARG001 - the signal handler's signature
        if armed[0]:
            raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, ring)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds, RING_AGAIN)
        yield lambda: signal.setitimer(signal.ITIMER_REAL, seconds, RING_AGAIN)
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _timed_outcomes(articles: list[Article], nlp, time_limit: float) -> list[Analysis | Reject]:
    """The outcomes of `articles` in this process, each article within `time_limit`.

    As in the worker pool, a batched parse that runs out of time blames nobody:
    its unfinished articles run again one at a time, where running out of time
    rejects that article alone.
    """
    from newsledger.analysis import analyse_stream

    outcomes: list[Analysis | Reject | None] = [None] * len(articles)
    start, one_at_a_time = 0, False
    while start < len(articles):
        awaited = start
        try:
            with _alarm(time_limit) as restart:
                stream = analyse_stream(articles[start:], nlp, one_at_a_time=one_at_a_time)
                for index, outcome in stream:
                    outcomes[start + index] = outcome
                    awaited = start + index + 1
                    restart()
            break
        except _OutOfTime:
            if awaited >= len(articles):
                break  # the alarm rang as the last article came out
            if one_at_a_time:
                article = articles[awaited]
                reason = timeout_reason(time_limit)
                outcomes[awaited] = Reject(article.origin, reason, article.title or "")
                awaited += 1
            start, one_at_a_time = awaited, True
    return outcomes  # type: ignore[return-value]


def default_workers() -> int:
    """The cores this process may run on (the default worker count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class InlineAnalyser:
    """Analyses in this process, when the ticket is called (one worker, no pool)."""

    workers = 1

    def __init__(self, nlp=None, *, time_limit: float | None = None) -> None:
        self.nlp = nlp
        self.time_limit = time_limit or None
        self._zone = None  # nlp/memory.LongZone: this analyser's batches share one

    def submit(self, articles: Sequence[Article], *, last: bool = False) -> Ticket:
        batch = list(articles)

        def collect() -> list[Analysis | Reject]:
            from newsledger.analysis import analyse_batch, warm_up
            from newsledger.nlp.memory import LongZone
            from newsledger.nlp.pipeline import load_pipeline

            if self.nlp is None:
                self.nlp = load_pipeline()
            if self._zone is None:
                warm_up()  # the gazetteer's index, before any article is timed
                self._zone = LongZone(self.nlp)
            if self.time_limit is None or not _can_alarm():
                return analyse_batch(batch, self.nlp, zone=self._zone)
            with self._zone.batch(len(batch)):
                return _timed_outcomes(batch, self.nlp, self.time_limit)

        return collect

    def close(self) -> None:
        # The pipeline may be the caller's: its vocabulary goes back as it was.
        if self._zone is not None:
            self._zone.close()
            self._zone = None


def make_analyser(
    workers: int, nlp=None, *, time_limit: float | None = None
) -> InlineAnalyser | AnalysisPool:
    """The analyser for `workers` processes, each article within `time_limit` seconds.

    Without a caller's `nlp`, the analysis runs in supervised worker processes
    (newsledger.worker_pool), one for `workers` = 1 too: only a process can be
    stopped whatever its article does. A caller's own loaded `nlp` is used in
    this process (InlineAnalyser), where the budget holds only for analysis
    that Python can interrupt.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if nlp is not None:
        return InlineAnalyser(nlp, time_limit=time_limit)
    return AnalysisPool(workers, time_limit=time_limit)


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
