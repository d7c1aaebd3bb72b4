"""`newsledger batch` and `newsledger load`: the Dask scale-out, as two thin commands.

`batch` calls `newsledger.scale.batch.run_batch` (analysis on a Dask cluster,
Parquet shards in --out); `load` calls `newsledger.scale.load.load_shards`
(the shards into the ledger through ingest). Library errors become click
errors; the closing summaries go to stderr.
"""

from __future__ import annotations

import click

from newsledger.cli.options import (
    batch_size_option,
    db_option,
    input_options,
    open_store,
    workers_option,
)
from newsledger.errors import NewsledgerError

__all__ = ["register"]


@click.command("batch")
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False),
    help="directory for the Parquet shards and manifest.json (re-runs overwrite)",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler to use (tcp://HOST:8786); default: a local cluster on 127.0.0.1",
)
@workers_option("worker processes of the local cluster (ignored with --scheduler)")
@click.option(
    "--shard-size",
    type=click.IntRange(min=1),
    default=500,
    show_default=True,
    help="JSONL lines, or record files, per shard (WARC, CSV and JSON files: one shard each)",
)
@input_options
@click.argument("paths", nargs=-1, required=True)
def batch_command(
    out: str,
    scheduler: str | None,
    workers: int,
    shard_size: int,
    input_format: str,
    fields: dict[str, str] | None,
    paths: tuple[str, ...],
) -> None:
    """Analyse PATHS on a Dask cluster into Parquet shards in --out (then `newsledger load`)."""
    from newsledger.scale.batch import run_batch

    def progress(entry: dict) -> None:
        click.echo(
            f"shard {entry['index']}: {entry['articles']:,} articles, {entry['rejects']:,} rejects",
            err=True,
        )

    try:
        report = run_batch(
            list(paths),
            out,
            scheduler=scheduler,
            workers=workers,
            shard_size=shard_size,
            format=None if input_format == "auto" else input_format,
            fields=fields,
            on_shard=progress,
        )
    except (NewsledgerError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"{len(report.shards):,} shards, {report.total('articles'):,} articles, "
        f"{report.total('statements'):,} statements, {report.total('figures'):,} figures, "
        f"{report.total('rejects'):,} rejects in {report.elapsed:.1f}s -> {out}; "
        f"merge them with `newsledger load {out}`",
        err=True,
    )


@click.command("load")
@db_option
@batch_size_option
@click.argument("directory", type=click.Path(file_okay=False, exists=True))
def load_command(db_path: str, batch_size: int, directory: str) -> None:
    """Merge the Parquet shards a `newsledger batch` wrote in DIRECTORY into the ledger."""
    from newsledger.scale.load import load_shards

    with open_store(db_path) as store:
        report = load_shards(directory, store, batch_size=batch_size)
    click.echo(
        f"loaded {report.read:,} records: accepted {report.accepted:,}, "
        f"already stored {report.already_stored:,}, duplicates {report.duplicates_in_run:,}, "
        f"rejected {report.rejected:,} in {report.elapsed:.1f}s",
        err=True,
    )


def register(main: click.Group) -> None:
    main.add_command(batch_command)
    main.add_command(load_command)
