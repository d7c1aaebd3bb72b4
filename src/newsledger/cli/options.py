"""Options several command families share, declared once: the ledger database (--db)
and how inputs are read (--format, --field).

The default and the help text come from `newsledger.settings`, so `--db`,
`NEWSLEDGER_DB` and the documentation cannot drift apart. `open_store` is the
one place the CLI opens a `Store` and turns its errors into click errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from newsledger.errors import NewsledgerError
from newsledger.settings import SETTINGS, Setting, setting

if TYPE_CHECKING:
    from newsledger.store import Store

__all__ = [
    "batch_size_option",
    "db_option",
    "declared",
    "input_options",
    "open_store",
    "workers_option",
]


def declared(name: str) -> Setting:
    """The declaration of a setting, for an option's default and help text."""
    return next(s for s in SETTINGS if s.name == name)


_DB_SETTING = declared("db")


def _default_db() -> str:
    # Read at call time, not import time, so NEWSLEDGER_DB set by a test or a
    # wrapper script after import still counts.
    return str(setting("db"))


db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    default=_default_db,
    show_default=f"${_DB_SETTING.env} or {_DB_SETTING.default}",
    help=_DB_SETTING.help,
)


def _count_option(flag: str, name: str, show_default: str, help_text: str | None):
    """A positive-integer option whose default is the setting `name`, read at call time."""
    return click.option(
        flag,
        type=click.IntRange(min=1),
        default=lambda: int(setting(name)),
        show_default=show_default,
        help=help_text or declared(name).help,
    )


_BATCH = declared("batch_size")
batch_size_option = _count_option(
    "--batch-size", "batch_size", f"${_BATCH.env} or {_BATCH.default}", None
)


def workers_option(help_text: str | None = None):
    """--workers, defaulting to $NEWSLEDGER_WORKERS or the number of cores."""
    return _count_option(
        "--workers", "workers", f"${declared('workers').env} or the number of cores", help_text
    )


def _seconds_option(flag: str, name: str):
    """A seconds option (0 or more) whose default is the setting `name`, read at call time."""
    declared_setting = declared(name)
    return click.option(
        flag,
        name,
        type=click.FloatRange(min=0),
        default=lambda: float(setting(name)),
        show_default=f"${declared_setting.env} or {declared_setting.default:g}",
        help=declared_setting.help,
    )


time_limit_option = _seconds_option("--time-limit", "analysis_time_limit")
consolidate_every_option = _seconds_option("--consolidate-every", "consolidate_every")


@contextmanager
def open_store(db_path: str) -> Iterator[Store]:
    """Open the ledger for one command and close it however the command ends."""
    from newsledger.store import Store  # imported late: `--help` should not need the store

    try:
        store = Store(db_path)
    except NewsledgerError as exc:
        raise click.ClickException(f"cannot open ledger {db_path}: {exc}") from exc
    try:
        yield store
    except NewsledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


INPUT_FORMATS = ("auto", "record", "jsonl", "json", "csv", "html", "warc")


def _parse_fields(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> dict[str, str] | None:
    """--field text=body --field date=published -> {"text": "body", "date": "published"}."""
    fields: dict[str, str] = {}
    for value in values:
        name, sep, column = value.partition("=")
        if not sep or not name.strip() or not column.strip():
            raise click.BadParameter(
                f"{value!r} is not NAME=COLUMN (for example text=body)", ctx=ctx, param=param
            )
        fields[name.strip()] = column.strip()
    return fields or None


def input_options(command):
    """--format and --field, for every command that reads inputs (ingest, batch)."""
    command = click.option(
        "--field",
        "fields",
        multiple=True,
        callback=_parse_fields,
        metavar="NAME=COLUMN",
        help="where a JSON/JSONL/CSV record keeps title, date, url, text or outlet (repeatable)",
    )(command)
    return click.option(
        "--format",
        "input_format",
        type=click.Choice(INPUT_FORMATS),
        default="auto",
        show_default=True,
        help="input format; auto chooses per file by suffix, else by the first bytes",
    )(command)
