"""The ingest batch: read -> drop known ids -> analyse -> link near-duplicates -> store.

Records stream from the readers and are cut into batches of `batch_size`
articles. Each batch first drops the ids the ledger already holds (before any
parsing, so a resumed run does not re-analyse what it stored before a crash)
and ids repeated in the batch, then analyses what is left (an article the
analysis fails on becomes a Reject), links near-duplicates and writes it all
with the batch's rejects in one transaction.

With `workers` > 1 the analysis runs in worker processes (newsledger.workers)
while this process reads, links and writes: a few batches are in flight at
once, and their results are taken in input order, so the rows are the same as
with one worker. Records may also arrive already analysed, as
(Article, Analysis | Reject | None) pairs (how `newsledger load` feeds the
Dask batch's results in): they go through the same steps without a second
analysis. Nothing grows
with the input except counters: the ledger itself answers "seen before?", and
at most MAX_KEPT_REJECTS rejects are kept in the report. The same input gives
the same rows whether the run went through once or was killed and resumed.
"""

from __future__ import annotations

import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsledger.models import Analysis, Article, Reject
from newsledger.quality.near_duplicates import DEFAULT_THRESHOLD, NearDuplicateLinker

if TYPE_CHECKING:
    from newsledger.store import Store
    from newsledger.workers import Analyser, Ticket

__all__ = ["MAX_KEPT_REJECTS", "IngestReport", "ingest", "ingest_records"]

# Rejects kept in the report for display; the rest are only counted (all of
# them are in the ledger's rejects table).
MAX_KEPT_REJECTS = 1000
# A file of nothing but bad records must not pile up rejects in memory either.
REJECTS_PER_BATCH_FACTOR = 5
# With worker processes, batches stay in flight until about this many articles
# per worker are waiting (enough to keep every worker busy while this process
# reads and writes), and never more than MAX_BATCHES_IN_FLIGHT batches.
ARTICLES_IN_FLIGHT_PER_WORKER = 48
MAX_BATCHES_IN_FLIGHT = 8
# With worker processes, the pool starts once this many articles wait for analysis
# (or at the first full batch, whichever comes first): its start-up (spawning,
# importing spaCy, loading a pipeline: seconds) then overlaps reading the rest of
# the first batch. A smaller input fits one batch and is analysed in this process.
POOL_START_ARTICLES = 64

# A record as ingest_records takes it: read, or read and already analysed.
Record = Article | Reject | tuple[Article, "Analysis | Reject | None"]


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did; also what `on_progress` receives after each batch.

    read: records read (articles and rejects); accepted: articles newly stored;
    already_stored: article records whose id the ledger held before this run
    (repeats included); duplicates_in_run: records of an id first stored by this run;
    accepted + already_stored + duplicates_in_run = the article records read;
    near_duplicates: accepted articles flagged duplicate_of an earlier one;
    rejected: all rejects (the first MAX_KEPT_REJECTS are in `rejects`);
    skipped: the readers' counts of inputs they skipped (by reason);
    new_articles / new_rejects: the last batch's stored articles and rejects,
    for progress displays.
    """

    read: int = 0
    accepted: int = 0
    already_stored: int = 0
    duplicates_in_run: int = 0
    near_duplicates: int = 0
    rejected: int = 0
    rejects: list[Reject] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    elapsed: float = 0.0
    batches: int = 0
    new_articles: list[Article] = field(default_factory=list, repr=False)
    new_rejects: list[Reject] = field(default_factory=list, repr=False)


ProgressCallback = Callable[[IngestReport], None]


def ingest(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    store: Store,
    *,
    format: str | None = None,
    fields: dict[str, str] | None = None,
    analyse: bool = True,
    batch_size: int = 200,
    nlp=None,
    on_progress: ProgressCallback | None = None,
    near_duplicate_threshold: float = DEFAULT_THRESHOLD,
    workers: int = 1,
    time_limit: float | None = None,
    consolidate_every: float | None = None,
) -> IngestReport:
    """Read every input in `paths` into `store`; see the module docstring for the steps.

    `analyse=False` stores articles, quality flags and near-duplicate links
    only (no spaCy pass). `nlp` is a loaded pipeline to reuse; by default the
    project pipeline is loaded when the first batch needs it. `workers` > 1
    analyses in that many processes, each loading its own pipeline (`nlp` is
    then not used); the stored rows are the same for every worker count.
    `time_limit` is each article's analysis budget in seconds (default: the
    analysis_time_limit setting; 0: none) and `consolidate_every` the seconds
    between ledger rebuilds while the run goes on (default: the setting).
    """
    # Deferred: the readers pull in trafilatura and warcio, which a caller
    # ingesting already-built Articles through ingest_records never needs.
    from newsledger.readers import ReadStats, read_inputs

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]

    stats = ReadStats()
    # The report shares the readers' skipped counter, so it is current at every progress call.
    report = IngestReport(skipped=stats.skipped)
    records = read_inputs(list(paths), format=format, fields=fields, stats=stats)
    if analyse:
        # Read (and quality-check) the next batch while this one is analysed.
        from newsledger.workers import read_ahead

        records = read_ahead(records, batch_size)
    return ingest_records(
        records,
        store,
        analyse=analyse,
        batch_size=batch_size,
        nlp=nlp,
        on_progress=on_progress,
        near_duplicate_threshold=near_duplicate_threshold,
        report=report,
        workers=workers,
        time_limit=time_limit,
        consolidate_every=consolidate_every,
    )


def ingest_records(
    records: Iterable[Record],
    store: Store,
    *,
    analyse: bool = True,
    batch_size: int = 200,
    nlp=None,
    on_progress: ProgressCallback | None = None,
    near_duplicate_threshold: float = DEFAULT_THRESHOLD,
    report: IngestReport | None = None,
    workers: int = 1,
    time_limit: float | None = None,
    consolidate_every: float | None = None,
) -> IngestReport:
    """Ingest already-read records (in input order) into `store`.

    A record is an Article, a Reject, or an (Article, Analysis | Reject | None)
    pair analysed elsewhere (a Reject there means its analysis failed).
    `time_limit` and `consolidate_every` are as for `ingest`.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    run = _Run(
        store,
        report if report is not None else IngestReport(),
        analyse=analyse,
        nlp=nlp,
        on_progress=on_progress,
        linker=NearDuplicateLinker(store, threshold=near_duplicate_threshold),
        workers=workers,
        time_limit=_setting_unless(time_limit, "analysis_time_limit"),
        consolidate_every=_setting_unless(consolidate_every, "consolidate_every"),
    )
    articles: list[Article] = []
    rejects: list[Reject] = []
    given: dict[int, Analysis | Reject | None] = {}
    # A full batch waits for the next record before it is submitted: only then is
    # it known not to be the input's last, which the analyser cuts finer so that
    # the workers finish together (an input of exactly N batches has a last one too).
    full: tuple[list[Article], list[Reject], dict[int, Analysis | Reject | None]] | None = None
    try:
        for record in records:
            if full is not None:
                run.submit(*full)
                full = None
            run.report.read += 1
            if isinstance(record, Reject):
                rejects.append(record)
            elif isinstance(record, tuple):
                given[len(articles)] = record[1]
                articles.append(record[0])
            else:
                articles.append(record)
            if len(articles) - len(given) == POOL_START_ARTICLES:
                run.start_pool(articles)
            if len(articles) >= batch_size or len(rejects) >= batch_size * REJECTS_PER_BATCH_FACTOR:
                full = (articles, rejects, given)
                articles, rejects, given = [], [], {}
        if full is not None:
            run.submit(*full, last=True)
        elif articles or rejects:
            run.submit(articles, rejects, given, last=True)
        run.finish()
    finally:
        run.close()
    if store.ledger_is_stale():
        # The consolidated ledger (entities, entries, conflicts) is derived from
        # every stored figure, so it is rebuilt once the run's last batch is in,
        # and by a re-run when a crash came between the last batch and the rebuild.
        run.consolidate()
    run.report.elapsed = time.perf_counter() - run.started
    return run.report


_UNSET = object()


def _setting_unless(value: float | None, name: str) -> float:
    from newsledger.settings import setting

    return float(setting(name)) if value is None else float(value)


@dataclass(slots=True)
class _Batch:
    """One batch between reading and writing: what to store and, once collected, how.

    fresh: the articles to store, in input order; given: pre-analysed outcomes
    by position in `fresh`; ticket: the analyser's results for the others;
    deferred: (position, article, given outcome) of repeats of an id still in
    flight in an earlier batch, stored only if that earlier copy was not.
    """

    fresh: list[Article]
    rejects: list[Reject]
    given: dict[int, Analysis | Reject | None]
    ticket: Ticket | None = None
    deferred: list[tuple[int, Article, object]] = field(default_factory=list)


class _Run:
    """The state of one ingest run: the counters, the analyser and the batches in flight."""

    def __init__(
        self,
        store: Store,
        report: IngestReport,
        *,
        analyse: bool,
        nlp,
        on_progress: ProgressCallback | None,
        linker: NearDuplicateLinker,
        workers: int = 1,
        time_limit: float = 0.0,
        consolidate_every: float = 0.0,
    ) -> None:
        self.store = store
        self.report = report
        self.analyse = analyse
        self.nlp = nlp
        self.on_progress = on_progress
        self.linker = linker
        self.workers = workers
        self.time_limit = time_limit
        self.consolidate_every = consolidate_every
        self.analyser: Analyser | None = None
        self.started = time.perf_counter()
        # When the ledger was last rebuilt, and how long that took (see _maybe_consolidate).
        self.consolidated_at = self.started
        self.consolidation_seconds = 0.0
        # Articles stored after this position were stored by this run: that is
        # how a repeated id is told apart from one stored by an earlier run
        # without remembering every id seen.
        self.start_position = store.last_position()
        self.pending: deque[_Batch] = deque()
        # Ids of fresh articles in batches submitted but not yet written.
        self.in_flight: set[str] = set()

    def submit(
        self,
        articles: Sequence[Article],
        rejects: Sequence[Reject],
        given: dict[int, Analysis | Reject | None] | None = None,
        *,
        last: bool = False,
    ) -> None:
        """Drop known ids, start the analysis, and write what is due.

        `last` marks the input's last batch: when it is also the first to need
        analysis, the input is one batch and starting worker processes would
        cost more than analysing it here.
        """
        batch = self._drop_known(articles, given or {})
        batch.rejects = list(rejects)
        missing = [a for i, a in enumerate(batch.fresh) if i not in batch.given]
        if self.analyse and missing:
            batch.ticket = self._analyser(inline=last).submit(missing, last=last)
        self.in_flight.update(article.id for article in batch.fresh)
        self.pending.append(batch)
        while self.pending and self._must_write():
            self._write(self.pending.popleft())

    def finish(self) -> None:
        while self.pending:
            self._write(self.pending.popleft())

    def close(self) -> None:
        if self.analyser is not None:
            self.analyser.close()
            self.analyser = None

    def start_pool(self, articles: Sequence[Article]) -> None:
        """Start the worker processes now if this run analyses with several.

        Not when every one of `articles` is stored already: a re-run of stored
        input would start a pool only to wait for it to load and close it.
        """
        if not self.analyse or self.workers == 1 or self.analyser is not None:
            return
        if len(self.store.stored_positions(a.id for a in articles)) < len(articles):
            self._analyser()

    def _analyser(self, *, inline: bool = False) -> Analyser:
        if self.analyser is None:
            from newsledger.workers import make_analyser

            self.analyser = make_analyser(
                1 if inline else self.workers, self.nlp, time_limit=self.time_limit or None
            )
        return self.analyser

    def _must_write(self) -> bool:
        if self.analyser is None or self.analyser.workers == 1:
            return True  # nothing runs in parallel: write each batch at once
        if len(self.pending) > MAX_BATCHES_IN_FLIGHT:
            return True
        waiting = sum(len(batch.fresh) for batch in self.pending)
        return len(self.pending) > 1 and (
            waiting > ARTICLES_IN_FLIGHT_PER_WORKER * self.analyser.workers
        )

    def _write(self, batch: _Batch) -> None:
        rejects = batch.rejects
        results = self._outcomes(batch, rejects)
        fresh = [article for article, _ in results]
        # Linked after the analysis so that an article the analysis rejected can
        # never be named as the original of a later one.
        signatures = self.linker.link(fresh)
        written = self.store.write_batch(results, rejects, signatures=signatures)
        self.in_flight.difference_update(article.id for article in batch.fresh)
        # Fewer written than offered only when another process stored some of
        # these ids in the meantime.
        self.report.already_stored += len(fresh) - written
        self.report.accepted += written
        self.report.near_duplicates += sum(1 for a in fresh if a.flag("duplicate_of"))
        self.report.rejected += len(rejects)
        room = MAX_KEPT_REJECTS - len(self.report.rejects)
        self.report.rejects.extend(rejects[: max(room, 0)])
        self.report.batches += 1
        self.report.new_articles = list(fresh)
        self.report.new_rejects = list(rejects)
        self._maybe_consolidate()
        self.report.elapsed = time.perf_counter() - self.started
        if self.on_progress is not None:
            self.on_progress(self.report)

    def consolidate(self) -> None:
        from newsledger.consolidate import consolidate

        started = time.perf_counter()
        consolidate(self.store)
        self.consolidated_at = time.perf_counter()
        self.consolidation_seconds = self.consolidated_at - started

    def _maybe_consolidate(self) -> None:
        """Rebuild the ledger between batches of a long run, so that a run stopped
        midway leaves entities, entries and conflicts for what it committed.

        A rebuild reads every stored figure, so its cost grows with the ledger: it
        runs once `consolidate_every` seconds have passed and at least ten times as
        long as the last rebuild took, which keeps it under a tenth of the run.
        """
        if not self.consolidate_every:
            return
        waited = time.perf_counter() - self.consolidated_at
        if waited >= max(self.consolidate_every, 10 * self.consolidation_seconds):
            self.consolidate()

    def _outcomes(
        self, batch: _Batch, rejects: list[Reject]
    ) -> list[tuple[Article, Analysis | None]]:
        """Each article with its analysis; one whose analysis failed becomes a Reject instead.

        It is not stored, so a re-run after the extractor is fixed analyses it again.
        """
        analysed = iter(batch.ticket() if batch.ticket is not None else ())
        entries: list[tuple[Article, object]] = [
            (article, batch.given[i] if i in batch.given else next(analysed, None))
            for i, article in enumerate(batch.fresh)
        ]
        # A repeat whose earlier copy was not stored (its analysis failed) is
        # the first copy after all, as it would have been with one worker.
        for position, article, outcome in reversed(batch.deferred):
            if self.store.stored_positions([article.id]):
                continue
            self.report.duplicates_in_run -= 1
            if outcome is _UNSET:
                outcome = self._analyser().submit([article])()[0] if self.analyse else None
            entries.insert(position, (article, outcome))
        results: list[tuple[Article, Analysis | None]] = []
        for article, outcome in entries:
            if isinstance(outcome, Reject):
                rejects.append(outcome)
            else:
                results.append((article, outcome if self.analyse else None))
        return results

    def _drop_known(
        self, articles: Sequence[Article], given: dict[int, Analysis | Reject | None]
    ) -> _Batch:
        positions = self.store.stored_positions(article.id for article in articles)
        batch = _Batch(fresh=[], rejects=[], given={})
        seen: set[str] = set()
        for index, article in enumerate(articles):
            if article.id in seen or positions.get(article.id, 0) > self.start_position:
                self.report.duplicates_in_run += 1
            elif article.id in positions:
                self.report.already_stored += 1
            elif article.id in self.in_flight:
                self.report.duplicates_in_run += 1
                seen.add(article.id)
                batch.deferred.append((len(batch.fresh), article, given.get(index, _UNSET)))
            else:
                seen.add(article.id)
                if index in given:
                    batch.given[len(batch.fresh)] = given[index]
                batch.fresh.append(article)
        return batch
