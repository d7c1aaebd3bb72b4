"""`newsledger ledger | conflicts | entities | export`: the consolidated ledger and exports.

Thin: each command opens the Store, calls one library function
(`Store.ledger`, `Store.conflicts`, `Store.entities`, `export.export`) and
prints with `output.emit`. JSON rows are the library's dicts unchanged; the
table view only shortens them for people (citations as a count and the first
outlet; a conflict's two sources side by side).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import click

from newsledger.cli.filter_options import build_filters, filter_options
from newsledger.cli.options import db_option, open_store
from newsledger.cli.output import emit, format_option, limit_option
from newsledger.models import CATEGORIES

__all__ = ["register"]

LEDGER_COLUMNS = (
    "source",
    "group",
    "place",
    "as_of",
    "value_low",
    "value_high",
    "qualifier",
    "status",
    "grade",
    "outlets",
    "citations",
)
LEDGER_CSV_COLUMNS = (
    "entry_id",
    "source",
    "source_kind",
    "source_kinds",
    "category",
    *LEDGER_COLUMNS[1:],
    "report_low",
    "report_high",
)
CONFLICT_COLUMNS = (
    "kind",
    "category",
    "group",
    "place",
    "as_of",
    "source_a",
    "value_a",
    "source_b",
    "value_b",
    "evidence",
)
ENTITY_COLUMNS = ("entity_id", "name", "kind", "mentions", "aliases")
_QUALIFIER_WORDS = {
    "at_least": "at least ",
    "more_than": "more than ",
    "at_most": "at most ",
    "fewer_than": "fewer than ",
    "about": "about ",
}

category_option = click.option(
    "--category", type=click.Choice(CATEGORIES), default=None, help="figure category"
)


def _citation_summary(citations: list[Mapping[str, Any]]) -> str:
    if not citations:
        return "0"
    return f"{len(citations)} ({citations[0].get('outlet') or 'unknown outlet'})"


def _ledger_table(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for row in rows:
        yield {**row, "citations": _citation_summary(row["citations"])}


def _value(entry: Mapping[str, Any]) -> str:
    low, high = entry["value_low"], entry["value_high"]
    text = f"{low:,.0f}" if low == high else f"{low:,.0f}-{high:,.0f}"
    return _QUALIFIER_WORDS.get(entry["qualifier"], "") + text


def _conflict_table(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for row in rows:
        first, second = row["entries"]
        dated = row["kind"] in ("decrease", "divergence")
        yield {
            **row,
            "source_a": first["source"],
            "value_a": _value(first) + (f" ({first['as_of']})" if dated else ""),
            "source_b": second["source"],
            "value_b": _value(second) + (f" ({second['as_of']})" if dated else ""),
            "evidence": f"{_citation_summary(first['citations'])} / "
            f"{_citation_summary(second['citations'])}",
        }


@click.command("ledger")
@filter_options("category", "group", "place", "source", "source_id", "since", "until", "grade")
@click.option("--latest-first", is_flag=True, help="newest as-of date first within each source")
@db_option
@format_option
@limit_option
def ledger_command(
    latest_first: bool, db_path: str, output_format: str, limit: int | None, **criteria: Any
) -> None:
    """Timelines: each source's consolidated claims with their citations, by as-of date."""
    filters = build_filters(**criteria)
    with open_store(db_path) as store:
        rows: Iterable[dict[str, Any]] = store.ledger(
            filters, latest_first=latest_first, limit=limit
        )
        if output_format == "table":
            emit(_ledger_table(rows), output_format, columns=LEDGER_COLUMNS)
        else:
            emit(rows, output_format, columns=LEDGER_CSV_COLUMNS)


@click.command("conflicts")
@category_option
@db_option
@format_option
@limit_option
def conflicts_command(
    category: str | None, db_path: str, output_format: str, limit: int | None
) -> None:
    """Contradictions: sources disagreeing on the same day, cumulative counts going down, and
    a party's and a monitor's counts for the same days far apart."""
    with open_store(db_path) as store:
        rows: Iterable[dict[str, Any]] = store.conflicts(category=category, limit=limit)
        if output_format == "json":
            emit(rows, output_format)
        else:
            columns = CONFLICT_COLUMNS + (("detail",) if output_format == "csv" else ())
            emit(_conflict_table(rows), output_format, columns=columns)


@click.command("entities")
@click.option("--search", default=None, help="name or alias contains this (case-insensitive)")
@db_option
@format_option
@limit_option
def entities_command(
    search: str | None, db_path: str, output_format: str, limit: int | None
) -> None:
    """People and bodies across articles, with the spellings merged into each."""
    with open_store(db_path) as store:
        rows: Iterable[dict[str, Any]] = store.entities(search=search, limit=limit)
        if output_format == "table":
            rows = ({**row, "aliases": "; ".join(row["aliases"])} for row in rows)
        emit(rows, output_format, columns=ENTITY_COLUMNS)


@click.command("export")
@click.option(
    "--what",
    type=click.Choice(("articles", "statements", "figures", "ledger")),
    required=True,
    help="which rows to export",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("csv", "jsonl", "parquet", "jsonld")),
    required=True,
    help="file format (jsonld: the ledger as schema.org Claims)",
)
@click.argument("out", type=click.Path(dir_okay=False, writable=True))
@db_option
def export_command(what: str, output_format: str, out: str, db_path: str) -> None:
    """Write every article, statement, figure or ledger entry to OUT."""
    from newsledger.export import ONLY_FOR, export  # deferred: pyarrow is only needed here

    if ONLY_FOR.get(output_format, what) != what:
        raise click.UsageError(
            f"--format {output_format} exports only --what {ONLY_FOR[output_format]}"
        )

    with open_store(db_path) as store:
        count = export(store, what, output_format, out)
    click.echo(f"exported {count} {what} rows to {out}", err=True)


def register(main: click.Group) -> None:
    for command in (ledger_command, conflicts_command, entities_command, export_command):
        main.add_command(command)
