"""`newsledger quotes`: the statements in the ledger, filtered by speaker, article or kind.

A thin layer: it opens the Store, calls `Store.statements(...)` and prints the
rows with `output.emit`. JSON rows are the store's statement objects unchanged.
"""

from __future__ import annotations

import click

from newsledger.cli.options import db_option, open_store
from newsledger.cli.output import emit, format_option, limit_option

__all__ = ["register"]

KINDS = ("direct", "indirect", "mixed")
QUOTE_COLUMNS = ("article_id", "kind", "speaker", "speaker_mention", "cue", "stance", "content")


@click.command("quotes")
@click.option("--speaker", default=None, help="speaker name contains this (case-insensitive)")
@click.option("--article", "article_id", default=None, help="only this article id")
@click.option("--kind", type=click.Choice(KINDS), default=None, help="statement kind")
@db_option
@format_option
@limit_option
def quotes_command(
    speaker: str | None,
    article_id: str | None,
    kind: str | None,
    db_path: str,
    output_format: str,
    limit: int | None,
) -> None:
    """List quotations and reported statements with their speakers."""
    with open_store(db_path) as store:
        rows = store.statements(speaker=speaker, article_id=article_id, kind=kind, limit=limit)
        emit(rows, output_format, columns=QUOTE_COLUMNS if output_format == "table" else None)


def register(main: click.Group) -> None:
    main.add_command(quotes_command)
