"""Supervised analysis processes: every article gets a time budget, no input stalls a batch.

`AnalysisPool` runs `workers` processes (spawned, each loading the pipeline
once) and a supervisor thread in the calling process that hands them pieces of
the submitted batches, reads each article's outcome as soon as it is done, and
times every article. An article whose analysis takes longer than `time_limit`
seconds is stopped by killing its worker (nothing inside a process, not even a
regular expression stuck in C code, can defeat that); it becomes a Reject with
the reason "analysis timed out after N s", a fresh worker replaces the killed
one, and the rest of its piece goes on. A worker that dies (a crash, the kernel's
out-of-memory killer) is replaced the same way.

Which article is at fault is exact: a piece is parsed in `nlp.pipe` batches, so
the first article of a piece also waits for the parse of those after it. A
timeout or crash in a batched piece therefore rejects nobody; the piece's
unfinished articles are run again one at a time, where the next timeout or
crash can only be that article's. A slow article thus costs at most two
budgets.

Results come back per submitted batch, in input order (`Ticket`), whatever
worker did the work, so every worker count stores the same rows.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from newsledger.errors import PipelineError
from newsledger.models import Analysis, Article, Reject

__all__ = [
    "TAIL_CHUNK_SIZE",
    "TIMEOUT_REASON",
    "AnalysisPool",
    "chunk_sizes",
    "exit_with_parent",
    "timeout_reason",
]

# The smallest chunk the input's last batch is cut into (see chunk_sizes).
TAIL_CHUNK_SIZE = 2
TIMEOUT_REASON = "analysis timed out after {seconds} s"
# How long a new worker may take to import spaCy and load its pipeline.
START_TIMEOUT = 300.0
# A worker that dies before it is ready this many times in a row means the
# pipeline cannot load at all: the pool fails instead of respawning forever.
MAX_FAILED_STARTS = 3
# The supervisor wakes at least this often (seconds) to check deadlines.
TICK = 0.5

Outcome = Analysis | Reject
Ticket = Callable[[], list[Outcome]]


def timeout_reason(seconds: float) -> str:
    return TIMEOUT_REASON.format(seconds=f"{seconds:g}")


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


def exit_with_parent(parent: int) -> None:
    """Wait for the parent to go, then exit: a parent killed with SIGKILL cannot stop
    its workers, which would otherwise outlive it holding a pipeline each."""
    while os.getppid() == parent:
        threading.Event().wait(1.0)
    os._exit(1)


def _worker_main(connection: Connection, parent: int) -> None:
    """A worker process: load the pipeline, then analyse each piece it is sent,
    sending every article's outcome as soon as it is done."""
    threading.Thread(target=exit_with_parent, args=(parent,), daemon=True).start()
    try:
        from newsledger.analysis import analyse_stream, warm_up
        from newsledger.nlp.memory import LongZone
        from newsledger.nlp.pipeline import load_pipeline

        nlp = load_pipeline()
        warm_up(nlp)  # lazy tables and the gazetteer index, before any article is timed
        zone = LongZone(nlp)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which fails the pool
        connection.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    connection.send(("ready", os.getpid()))
    while True:
        try:
            message = connection.recv()
        except EOFError:
            return
        if message is None:
            return
        piece_id, articles, one_at_a_time = message
        with zone.batch(len(articles)):
            for index, outcome in analyse_stream(articles, nlp, one_at_a_time=one_at_a_time):
                connection.send((piece_id, index, outcome))


@dataclass(eq=False)
class _Task:
    """One submitted batch: its articles, and their outcomes as they arrive."""

    articles: list[Article]
    future: Future
    outcomes: list[Outcome | None] = field(default_factory=list)
    missing: int = 0

    def __post_init__(self) -> None:
        self.outcomes = [None] * len(self.articles)
        self.missing = len(self.articles)
        if not self.articles:
            self.future.set_result([])

    def settle(self, position: int, outcome: Outcome) -> None:
        if self.outcomes[position] is None:
            self.missing -= 1
        self.outcomes[position] = outcome
        if not self.missing and not self.future.done():
            self.future.set_result(list(self.outcomes))


@dataclass(eq=False)
class _Piece:
    """Articles [start, stop) of a task, sent to one worker as one message."""

    task: _Task
    start: int
    stop: int
    one_at_a_time: bool = False


class _Worker:
    """One worker process and what it is doing: the piece, the next article, its deadline."""

    def __init__(self, context, parent: int) -> None:
        self.connection, child = context.Pipe(duplex=True)
        self.process = context.Process(target=_worker_main, args=(child, parent), daemon=True)
        self.process.start()
        child.close()
        self.started = time.monotonic()
        self.ready = False
        self.piece: _Piece | None = None
        self.next = 0  # the task position whose outcome is awaited
        self.deadline: float | None = None

    def give(self, piece: _Piece, piece_id: int, time_limit: float | None) -> None:
        articles = piece.task.articles[piece.start : piece.stop]
        self.connection.send((piece_id, articles, piece.one_at_a_time))
        self.piece, self.next = piece, piece.start
        self.deadline = time.monotonic() + time_limit if time_limit else None

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=10)
        self.connection.close()


class AnalysisPool:
    """`workers` supervised processes, each with its own pipeline (see the module docstring).

    `time_limit` is each article's budget in seconds (None or 0: none); batches
    are cut into chunks of `chunk_size` (see `chunk_sizes`).
    """

    def __init__(
        self, workers: int, *, chunk_size: int = 16, time_limit: float | None = None
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self.chunk_size = chunk_size
        self.time_limit = time_limit or None
        self.timed_out = 0  # articles stopped for their time budget
        self.replaced = 0  # workers replaced after a timeout or a crash
        self._context = multiprocessing.get_context("spawn")
        self._parent = os.getpid()
        self._lock = threading.Lock()
        self._queue: deque[_Piece] = deque()
        self._failed_starts = 0
        self._error: BaseException | None = None
        self._closing = threading.Event()
        self._tasks: list[_Task] = []
        self._piece_ids = 0
        self._pool = [_Worker(self._context, self._parent) for _ in range(workers)]
        self._supervisor = threading.Thread(
            target=self._supervise, name="newsledger-analysis-supervisor", daemon=True
        )
        self._supervisor.start()

    def __enter__(self) -> AnalysisPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def submit(self, articles: Sequence[Article], *, last: bool = False) -> Ticket:
        """Queue the batch; `last` marks the input's last batch (it ends in small chunks)."""
        task = _Task(list(articles), Future())
        with self._lock:
            if self._error is not None:
                task.future.set_exception(self._error)
            start = 0
            for size in chunk_sizes(len(task.articles), self.chunk_size, self.workers, last=last):
                self._queue.append(_Piece(task, start, start + size))
                start += size
            # Only tickets still waiting are kept (for _fail): nothing grows with the input.
            self._tasks = [t for t in self._tasks if not t.future.done()]
            if not task.future.done():
                self._tasks.append(task)

        def collect() -> list[Outcome]:
            return task.future.result()

        return collect

    def pids(self) -> list[int]:
        """Process ids of the running workers (for memory reports)."""
        return sorted(w.process.pid for w in self._pool if w.process.pid is not None)

    def close(self) -> None:
        self._closing.set()
        self._supervisor.join(timeout=30)
        for worker in self._pool:
            with contextlib.suppress(OSError):
                worker.connection.send(None)
        for worker in self._pool:
            worker.process.join(timeout=5)
            worker.stop()

    # The supervisor thread: everything below runs there.

    def _supervise(self) -> None:
        try:
            while not self._closing.is_set():
                self._dispatch()
                ready = wait([w.connection for w in self._pool], timeout=self._wake_in())
                for connection in ready:
                    worker = next((w for w in self._pool if w.connection is connection), None)
                    if worker is not None:
                        self._receive(worker)
                self._check_clocks()
        except BaseException as exc:  # noqa: BLE001 - every waiting ticket must learn of it
            self._fail(exc)

    def _dispatch(self) -> None:
        with self._lock:
            for worker in self._pool:
                if worker.ready and worker.piece is None and self._queue:
                    self._piece_ids += 1
                    worker.give(self._queue.popleft(), self._piece_ids, self.time_limit)

    def _wake_in(self) -> float:
        now = time.monotonic()
        deadlines = [w.deadline - now for w in self._pool if w.deadline is not None]
        return max(0.0, min([TICK, *deadlines]))

    def _receive(self, worker: _Worker) -> None:
        try:
            message = worker.connection.recv()
        except (EOFError, OSError):
            self._lost(worker, self._stopped_reason(worker))
            return
        if message[0] == "ready":
            worker.ready, self._failed_starts = True, 0
            return
        if message[0] == "failed":
            raise PipelineError(f"an analysis worker could not load the pipeline: {message[1]}")
        _, index, outcome = message
        piece = worker.piece
        if piece is None:
            return
        piece.task.settle(piece.start + index, outcome)
        worker.next = piece.start + index + 1
        if worker.next >= piece.stop:
            worker.piece, worker.deadline = None, None
        elif self.time_limit:
            worker.deadline = time.monotonic() + self.time_limit

    def _check_clocks(self) -> None:
        now = time.monotonic()
        for worker in list(self._pool):
            if not worker.ready and now - worker.started > START_TIMEOUT:
                raise PipelineError(
                    f"an analysis worker did not load the pipeline in {START_TIMEOUT:g} s"
                )
            if worker.deadline is not None and now > worker.deadline:
                self.timed_out += worker.piece is not None and worker.piece.one_at_a_time
                self._lost(worker, timeout_reason(self.time_limit or 0))
            elif not worker.process.is_alive() and not worker.connection.poll():
                self._lost(worker, self._stopped_reason(worker))

    @staticmethod
    def _stopped_reason(worker: _Worker) -> str:
        worker.process.join(timeout=1)
        return f"analysis worker process stopped (exit code {worker.process.exitcode})"

    def _lost(self, worker: _Worker, reason: str) -> None:
        """Replace `worker`; its awaited article is rejected when the fault is surely its own."""
        worker.stop()
        self._pool[self._pool.index(worker)] = _Worker(self._context, self._parent)
        if not worker.ready:
            self._failed_starts += 1
            if self._failed_starts >= MAX_FAILED_STARTS:
                raise PipelineError(f"analysis workers keep failing to start: {reason}")
            return
        self.replaced += 1
        piece = worker.piece
        if piece is None:
            return
        first = worker.next
        if piece.one_at_a_time:
            article = piece.task.articles[first]
            piece.task.settle(first, Reject(article.origin, reason, article.title or ""))
            first += 1
        if first < piece.stop:
            with self._lock:
                self._queue.appendleft(_Piece(piece.task, first, piece.stop, one_at_a_time=True))

    def _fail(self, error: BaseException) -> None:
        with self._lock:
            self._error = error
            self._queue.clear()
            for task in self._tasks:
                if not task.future.done():
                    task.future.set_exception(error)
