"""`newsledger quotes`: the statements in the ledger, filtered by speaker, article or kind.

A thin layer: it opens the Store, calls `Store.statements(...)` and prints the
rows with `output.emit`. JSON rows are the store's statement objects unchanged.
"""

from __future__ import annotations

from typing import Any

import click

from newsledger.cli.filter_options import build_filters, filter_options
from newsledger.cli.options import db_option, open_store
from newsledger.cli.output import emit, format_option, limit_option

__all__ = ["register"]

QUOTE_COLUMNS = ("article_id", "kind", "speaker", "speaker_mention", "cue", "stance", "content")


@click.command("quotes")
@filter_options("speaker", "article_id", "kind")
@db_option
@format_option
@limit_option
def quotes_command(db_path: str, output_format: str, limit: int | None, **criteria: Any) -> None:
    """List quotations and reported statements with their speakers."""
    filters = build_filters(**criteria)
    with open_store(db_path) as store:
        rows = store.statements(filters, limit=limit)
        emit(rows, output_format, columns=QUOTE_COLUMNS if output_format == "table" else None)


def register(main: click.Group) -> None:
    main.add_command(quotes_command)
