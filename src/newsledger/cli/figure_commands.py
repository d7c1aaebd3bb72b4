"""`newsledger figures`: the figures in the ledger, filtered by category, group, source,
place, date and background.

A thin layer: it opens the Store, calls `Store.figures(...)` and prints the
rows with `output.emit`. JSON rows are the store's figure objects unchanged
(article_id, value_low, value_high, qualifier, unit, category, group, place,
as_of, source, source_kind, status, text, start, end, the resolved place fields,
background and the rest of the contract). The table shows the place's country and
marks background figures (counts of a past event) in the `background` column.
Without filters every quantity is listed, category "other" included.
"""

from __future__ import annotations

from typing import Any

import click

from newsledger.cli.filter_options import build_filters, filter_options
from newsledger.cli.options import db_option, open_store
from newsledger.cli.output import emit, format_option, limit_option

__all__ = ["register"]

FIGURE_COLUMNS = (
    "article_id", "value_low", "value_high", "qualifier", "category", "group", "place",
    "place_country", "as_of", "source", "source_kind", "status", "background", "text",
)  # fmt: skip


@click.command("figures")
@filter_options(
    "figure_category", "group", "source", "source_id", "place", "since", "until", "background"
)
@db_option
@format_option
@limit_option
def figures_command(db_path: str, output_format: str, limit: int | None, **criteria: Any) -> None:
    """List quantitative claims with their category, source, date, place and status."""
    filters = build_filters(**criteria)
    with open_store(db_path) as store:
        rows = store.figures(filters, limit=limit)
        emit(rows, output_format, columns=FIGURE_COLUMNS if output_format == "table" else None)


def register(main: click.Group) -> None:
    main.add_command(figures_command)
