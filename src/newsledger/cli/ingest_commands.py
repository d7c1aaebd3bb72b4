"""`newsledger ingest`: read files into the ledger, with progress and a closing summary.

The command parses options, opens the Store and calls `newsledger.ingest.ingest`
once; everything it prints comes from the progress callback and the returned
IngestReport. Rejects and date warnings go to stderr as "path, record: reason"
so a user can find the record; the exit code is 0 when every record was
accepted, 3 when some were rejected, 2 for usage errors.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from newsledger.cli.options import (
    batch_size_option,
    consolidate_every_option,
    db_option,
    input_options,
    open_store,
    time_limit_option,
    workers_option,
)

if TYPE_CHECKING:
    from newsledger.ingest import IngestReport
    from newsledger.models import Article, Reject

__all__ = ["EXIT_REJECTED", "register"]

EXIT_REJECTED = 3
# Flags that mean the publication date cannot be trusted at all: worth a line on
# stderr while ingesting (date_inconsistent carries a suggestion and shows in `show`).
WARNED_FLAGS = ("date_missing", "date_unparseable")
# Messages of one kind printed before the rest are only counted.
MESSAGES_PER_KIND = 50


def _rate(report: IngestReport) -> float:
    return report.read / report.elapsed if report.elapsed > 0 else 0.0


class _Reporter:
    """Receives ingest progress: keeps the progress bar fresh and writes warnings to stderr.

    Messages go through the progress console so they print above a live bar
    instead of tearing it. With the bar disabled (stderr not a terminal) the
    messages still print.
    """

    def __init__(self, show_bar: bool) -> None:
        from collections import Counter

        from rich.console import Console

        # Messages of each kind printed so far; past MESSAGES_PER_KIND they are only counted.
        self.printed: Counter[str] = Counter()
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.console = Console(stderr=True, highlight=False, soft_wrap=True)
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TextColumn("{task.completed:,} read"),
            TextColumn("[green]{task.fields[accepted]:,} accepted"),
            TextColumn("[red]{task.fields[rejected]:,} rejected"),
            TextColumn("{task.fields[rate]:,.1f} articles/s"),
            TimeElapsedColumn(),
            console=self.console,
            disable=not show_bar,
        )
        self.task = self.progress.add_task(
            "ingesting", total=None, accepted=0, rejected=0, rate=0.0
        )

    def __enter__(self) -> _Reporter:
        self.progress.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.progress.stop()

    def warn(self, kind: str, message: str) -> None:
        # A crawl without dates would otherwise print one line per article.
        self.printed[kind] += 1
        if self.printed[kind] <= MESSAGES_PER_KIND:
            # markup=False: file names and reasons may contain "[" and must print as is.
            self.console.print(message, markup=False, highlight=False)

    def unprinted(self) -> list[str]:
        """One line per kind of message that passed the cap, with how many were held back."""
        return [
            f"... and {count - MESSAGES_PER_KIND:,} more {kind} messages not shown "
            f"(`newsledger rejects` and `newsledger show ID` list them all)"
            for kind, count in sorted(self.printed.items())
            if count > MESSAGES_PER_KIND
        ]

    def reject(self, reject: Reject) -> None:
        self.warn("rejected", f"{reject.origin}: rejected: {reject.reason}")

    def article(self, article: Article) -> None:
        for flag in article.flags:
            if flag.kind in WARNED_FLAGS:
                detail = flag.detail or flag.kind.replace("_", " ")
                self.warn(flag.kind, f"{article.origin}: warning: {flag.kind}: {detail}")

    def __call__(self, report: IngestReport) -> None:
        """The on_progress callback of `ingest()`: called after each batch is written."""
        for reject in report.new_rejects:
            self.reject(reject)
        # Only the articles this batch stored: a re-run does not repeat old warnings.
        for article in report.new_articles:
            self.article(article)
        self.progress.update(
            self.task,
            completed=report.read,
            accepted=report.accepted,
            rejected=report.rejected,
            rate=_rate(report),
        )


def _closing_summary(report: IngestReport) -> str:
    skipped = f"skipped {sum(report.skipped.values()):,}"
    if report.skipped:
        reasons = ", ".join(f"{reason}: {n:,}" for reason, n in report.skipped.most_common())
        skipped += f" ({reasons})"
    parts = [
        f"read {report.read:,}",
        f"accepted {report.accepted:,}",
        f"already stored {report.already_stored:,}",
        f"duplicates {report.duplicates_in_run:,}",
        f"rejected {report.rejected:,}",
        skipped,
    ]
    return f"{', '.join(parts)} in {report.elapsed:.1f}s ({_rate(report):,.1f} articles/s)"


@click.command("ingest")
@db_option
@input_options
@click.option(
    "--no-analysis",
    is_flag=True,
    help="store articles and quality flags only; skip the spaCy statements and figures pass",
)
@batch_size_option
@workers_option()
@time_limit_option
@consolidate_every_option
@click.argument("paths", nargs=-1, required=True)
def ingest_command(
    db_path: str,
    input_format: str,
    fields: dict[str, str] | None,
    no_analysis: bool,
    batch_size: int,
    workers: int,
    analysis_time_limit: float,
    consolidate_every: float,
    paths: tuple[str, ...],
) -> None:
    """Read articles from PATHS (files, directories, globs; - for stdin) into the ledger.

    Every rejected record and every missing or unparseable date is reported on
    stderr as "file, record: reason". Exit status: 0 all accepted, 3 some
    records rejected (see `newsledger rejects`), 2 usage error. An article whose
    analysis takes longer than --time-limit seconds is stopped and rejected; the
    ledger (entities, entries, conflicts) is rebuilt every --consolidate-every
    seconds while the run goes on, and at its end.
    """
    from newsledger.ingest import ingest

    with open_store(db_path) as store, _Reporter(sys.stderr.isatty()) as reporter:
        report = ingest(
            list(paths),
            store,
            format=None if input_format == "auto" else input_format,
            fields=fields,
            analyse=not no_analysis,
            batch_size=batch_size,
            on_progress=reporter,
            workers=workers,
            time_limit=analysis_time_limit,
            consolidate_every=consolidate_every,
        )
    for line in reporter.unprinted():
        click.echo(line, err=True)
    click.echo(_closing_summary(report), err=True)
    if report.rejected:
        click.echo(
            f"{report.rejected:,} record(s) rejected; "
            f"list them with `newsledger rejects --db {db_path}`",
            err=True,
        )
        click.get_current_context().exit(EXIT_REJECTED)


@click.command("consolidate")
@db_option
def consolidate_command(db_path: str) -> None:
    """Rebuild the consolidated ledger (entities, entries, conflicts) from the stored figures.

    Ingest does this as it goes and at its end; run it after a run was stopped.
    """
    from newsledger.consolidate import consolidate

    with open_store(db_path) as store:
        built = consolidate(store)
    click.echo(
        f"{built.entries:,} ledger entries ({built.citations:,} citations), "
        f"{built.entities:,} entities, {built.conflicts:,} conflicts "
        f"from {built.figures:,} figures in {built.elapsed:.1f}s",
        err=True,
    )


def register(main: click.Group) -> None:
    main.add_command(ingest_command)
    main.add_command(consolidate_command)
