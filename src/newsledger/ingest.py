"""The ingest batch: read -> drop known ids -> analyse -> link near-duplicates -> store.

Records stream from the readers and are cut into batches of `batch_size`
articles. Each batch first drops the ids the ledger already holds (before any
parsing, so a resumed run does not re-analyse what it stored before a crash)
and ids repeated in the batch, then analyses what is left (an article the
analysis fails on becomes a Reject), links near-duplicates and writes it all
with the batch's rejects in one transaction. Nothing grows
with the input except counters: the ledger itself answers "seen before?", and
at most MAX_KEPT_REJECTS rejects are kept in the report. The same input gives
the same rows whether the run went through once or was killed and resumed.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsledger.models import Analysis, Article, Reject
from newsledger.quality.near_duplicates import DEFAULT_THRESHOLD, NearDuplicateLinker

if TYPE_CHECKING:
    from newsledger.store import Store

__all__ = ["MAX_KEPT_REJECTS", "IngestReport", "ingest", "ingest_records"]

# Rejects kept in the report for display; the rest are only counted (all of
# them are in the ledger's rejects table).
MAX_KEPT_REJECTS = 1000
# A file of nothing but bad records must not pile up rejects in memory either.
REJECTS_PER_BATCH_FACTOR = 5


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
) -> IngestReport:
    """Read every input in `paths` into `store`; see the module docstring for the steps.

    `analyse=False` stores articles, quality flags and near-duplicate links
    only (no spaCy pass). `nlp` is a loaded pipeline to reuse; by default the
    project pipeline is loaded when the first batch needs it.
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
    return ingest_records(
        records,
        store,
        analyse=analyse,
        batch_size=batch_size,
        nlp=nlp,
        on_progress=on_progress,
        near_duplicate_threshold=near_duplicate_threshold,
        report=report,
    )


def ingest_records(
    records: Iterable[Article | Reject],
    store: Store,
    *,
    analyse: bool = True,
    batch_size: int = 200,
    nlp=None,
    on_progress: ProgressCallback | None = None,
    near_duplicate_threshold: float = DEFAULT_THRESHOLD,
    report: IngestReport | None = None,
) -> IngestReport:
    """Ingest already-read records (Articles and Rejects, in input order) into `store`."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    run = _Run(
        store,
        report if report is not None else IngestReport(),
        analyse=analyse,
        nlp=nlp,
        on_progress=on_progress,
        linker=NearDuplicateLinker(store, threshold=near_duplicate_threshold),
    )
    articles: list[Article] = []
    rejects: list[Reject] = []
    for record in records:
        run.report.read += 1
        if isinstance(record, Reject):
            rejects.append(record)
        else:
            articles.append(record)
        if len(articles) >= batch_size or len(rejects) >= batch_size * REJECTS_PER_BATCH_FACTOR:
            run.write(articles, rejects)
            articles, rejects = [], []
    if articles or rejects:
        run.write(articles, rejects)
    if run.report.accepted or store.ledger_is_stale():
        # The consolidated ledger (entities, entries, conflicts) is derived from
        # every stored figure, so it is rebuilt once the run's last batch is in,
        # and by a re-run when a crash came between the last batch and the rebuild.
        from newsledger.consolidate import consolidate

        consolidate(store)
    run.report.elapsed = time.perf_counter() - run.started
    return run.report


class _Run:
    """The state of one ingest run: the counters and what the run was started against."""

    def __init__(
        self,
        store: Store,
        report: IngestReport,
        *,
        analyse: bool,
        nlp,
        on_progress: ProgressCallback | None,
        linker: NearDuplicateLinker,
    ) -> None:
        self.store = store
        self.report = report
        self.analyse = analyse
        self.nlp = nlp
        self.on_progress = on_progress
        self.linker = linker
        self.started = time.perf_counter()
        # Articles stored after this position were stored by this run: that is
        # how a repeated id is told apart from one stored by an earlier run
        # without remembering every id seen.
        self.start_position = store.last_position()

    def write(self, articles: Sequence[Article], rejects: Sequence[Reject]) -> None:
        fresh = self._drop_known(articles)
        rejects = list(rejects)
        results = self._analyse(fresh, rejects)
        fresh = [article for article, _ in results]
        # Linked after the analysis so that an article the analysis rejected can
        # never be named as the original of a later one.
        signatures = self.linker.link(fresh)
        written = self.store.write_batch(results, rejects, signatures=signatures)
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
        self.report.elapsed = time.perf_counter() - self.started
        if self.on_progress is not None:
            self.on_progress(self.report)

    def _drop_known(self, articles: Sequence[Article]) -> list[Article]:
        positions = self.store.stored_positions(article.id for article in articles)
        fresh: list[Article] = []
        seen: set[str] = set()
        for article in articles:
            if article.id in seen or positions.get(article.id, 0) > self.start_position:
                self.report.duplicates_in_run += 1
            elif article.id in positions:
                self.report.already_stored += 1
            else:
                seen.add(article.id)
                fresh.append(article)
        return fresh

    def _analyse(
        self, articles: list[Article], rejects: list[Reject]
    ) -> list[tuple[Article, Analysis | None]]:
        """Each article with its analysis; one that fails analysis becomes a Reject instead.

        It is not stored, so a re-run after the extractor is fixed analyses it again.
        """
        if not self.analyse or not articles:
            return [(article, None) for article in articles]
        # Deferred: analysis imports spaCy, which a run with analysis off never needs.
        from newsledger.analysis import analyse_articles
        from newsledger.nlp.pipeline import load_pipeline

        if self.nlp is None:
            self.nlp = load_pipeline()
        try:
            return list(analyse_articles(articles, self.nlp))
        except Exception:  # noqa: BLE001 - find the article at fault, keep the others
            pass
        results: list[tuple[Article, Analysis | None]] = []
        for article in articles:
            try:
                results.extend(analyse_articles([article], self.nlp))
            except Exception as exc:  # noqa: BLE001 - one article must not stop the batch
                reason = f"analysis failed: {type(exc).__name__}: {exc}"
                rejects.append(Reject(article.origin, reason, article.title or ""))
        return results
