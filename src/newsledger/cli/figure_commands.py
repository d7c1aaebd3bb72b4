"""`newsledger figures`: the figures in the ledger, filtered by category, group, source,
place and date.

A thin layer: it opens the Store, calls `Store.figures(...)` and prints the
rows with `output.emit`. JSON rows are the store's figure objects unchanged
(article_id, value_low, value_high, qualifier, unit, category, group, place,
as_of, source, source_kind, status, text, start, end and the rest of the contract).
Without filters every quantity is listed, category "other" included.
"""

from __future__ import annotations

import datetime as dt

import click

from newsledger.cli.options import db_option, open_store
from newsledger.cli.output import emit, format_option, limit_option
from newsledger.models import FIGURE_CATEGORIES

__all__ = ["register"]

FIGURE_COLUMNS = (
    "article_id", "value_low", "value_high", "qualifier", "category", "group", "place",
    "as_of", "source", "source_kind", "status", "text",
)  # fmt: skip


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc


@click.command("figures")
@click.option(
    "--category", type=click.Choice(FIGURE_CATEGORIES), default=None, help="figure category"
)
@click.option("--group", default=None, help="group counted contains this (case-insensitive)")
@click.option("--source", default=None, help="source contains this (case-insensitive)")
@click.option("--place", default=None, help="place contains this (case-insensitive)")
@click.option("--since", default=None, callback=_iso_date, help="as-of date on or after YYYY-MM-DD")
@db_option
@format_option
@limit_option
def figures_command(
    category: str | None,
    group: str | None,
    source: str | None,
    place: str | None,
    since: str | None,
    db_path: str,
    output_format: str,
    limit: int | None,
) -> None:
    """List quantitative claims with their category, source, date, place and status."""
    with open_store(db_path) as store:
        rows = store.figures(
            category=category, group=group, source=source, place=place, since=since, limit=limit
        )
        emit(rows, output_format, columns=FIGURE_COLUMNS if output_format == "table" else None)


def register(main: click.Group) -> None:
    main.add_command(figures_command)
