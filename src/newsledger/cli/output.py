"""Writing listings as a table, JSON or CSV: the one place every listing command prints.

JSON is one array of objects; CSV has a header row and flattens nested values
to JSON text; the table is for people and may shorten long cells.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

import click

__all__ = ["FORMATS", "emit", "format_option", "limit_option", "report_format_option"]

FORMATS = ("table", "json", "csv")
TABLE_CELL_WIDTH = 60


def _format_option(choices: Sequence[str]):
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(choices),
        default="table",
        show_default=True,
        help="output format",
    )


# Listings: rows as a table, JSON or CSV.
format_option = _format_option(FORMATS)
# Reports that are not row listings (show, summary, the scorers): a table or one JSON document.
report_format_option = _format_option(("table", "json"))
limit_option = click.option(
    "--limit", type=click.IntRange(min=0), default=None, help="at most N rows (default: all)"
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def emit(
    rows: Iterable[Mapping[str, Any]],
    output_format: str,
    columns: Sequence[str] | None = None,
    stream: TextIO | None = None,
) -> int:
    """Print rows in the chosen format; `columns` picks and orders the table/CSV columns.

    Returns the number of rows written. JSON and CSV stream row by row.
    """
    out = stream or sys.stdout
    count = 0
    if output_format == "json":
        out.write("[")
        for count, row in enumerate(rows, start=1):
            out.write(",\n" if count > 1 else "\n")
            out.write(json.dumps(dict(row), ensure_ascii=False, default=str))
        out.write("\n]\n" if count else "]\n")
        return count
    if output_format == "csv":
        writer = None
        for row in rows:
            count += 1
            if writer is None:
                header = list(columns or row.keys())
                writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore")
                writer.writeheader()
            writer.writerow({key: _cell(row.get(key)) for key in writer.fieldnames})
        if writer is None and columns:
            csv.writer(out).writerow(columns)
        return count
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    materialised = list(rows)
    header = list(columns or (materialised[0].keys() if materialised else []))
    table = Table(*header, show_lines=False)
    for row in materialised:
        cells = []
        for key in header:
            text = _cell(row.get(key))
            if len(text) > TABLE_CELL_WIDTH:
                text = text[: TABLE_CELL_WIDTH - 1] + "…"
            # Text, not a str: rich would read "[x]" in article text as markup.
            cells.append(Text(text))
        table.add_row(*cells)
    Console(file=out, soft_wrap=False, width=max(120, 20 * len(header))).print(table)
    return len(materialised)
