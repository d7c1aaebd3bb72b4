"""The listing commands' filter options, declared once, and the one `Filters` they build.

Each option is a (flag, help) row; a command lists the criteria it takes and
`filter_options(...)` adds those options. `build_filters` reads the values
click hands over into `newsledger.filters.Filters` (which checks them), so a
bad value is a usage error (exit code 2) that names the option.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import click

from newsledger.consolidate.grades import GRADES
from newsledger.filters import MAX_ENTITY_ID, STATEMENT_KINDS, FilterError, Filters
from newsledger.models import CATEGORIES, FIGURE_CATEGORIES

__all__ = ["build_filters", "filter_options"]

_SOURCE_HELP = (
    "source entity: its name or an alias, whole words from the start (UN, Volodymyr); "
    "an organisation's bodies too (UN: OHCHR, UNHCR, WHO...); unnamed: no source"
)
# criterion -> (click option arguments, keyword arguments)
_OPTIONS: Mapping[str, tuple[tuple[str, ...], dict[str, Any]]] = {
    "category": (("--category",), {"type": click.Choice(CATEGORIES), "help": "figure category"}),
    "figure_category": (
        ("--category", "category"),
        {"type": click.Choice(FIGURE_CATEGORIES), "help": "figure category"},
    ),
    "group": (("--group",), {"help": "group counted contains this (e.g. civilians)"}),
    "place": (
        ("--place",),
        {
            "help": "country (UA, Ukraine), region (Kharkiv oblast) or place (Kharkiv), "
            "matched on the resolved place; never a substring (UK is not Ukraine)"
        },
    ),
    "background": (
        ("--background/--no-background",),
        {"help": "only background figures (counts of a past event) / only current ones"},
    ),
    "source": (("--source",), {"help": _SOURCE_HELP}),
    "source_id": (
        ("--source-id",),
        {
            "type": click.IntRange(1, MAX_ENTITY_ID),
            "help": "only this source entity (`entities` ids)",
        },
    ),
    "since": (("--since",), {"help": "as-of date on or after YYYY-MM-DD"}),
    "until": (("--until",), {"help": "as-of date on or before YYYY-MM-DD"}),
    "speaker": (("--speaker",), {"help": "speaker name contains this (case-insensitive)"}),
    "article_id": (("--article", "article_id"), {"help": "only this article id"}),
    "kind": (("--kind",), {"type": click.Choice(STATEMENT_KINDS), "help": "statement kind"}),
    "grade": (
        ("--grade",),
        {"type": click.Choice(GRADES), "help": "entry grade (README: the grades of the ledger)"},
    ),
}


def filter_options(*criteria: str) -> Callable:
    """A decorator adding the options of these criteria (rows of _OPTIONS), in this order."""

    def decorate(command: Callable) -> Callable:
        for name in reversed(criteria):
            flags, settings = _OPTIONS[name]
            command = click.option(*flags, default=None, **settings)(command)
        return command

    return decorate


def build_filters(**values: Any) -> Filters:
    """The Filters of a command's option values (None = not given); bad ones are usage errors."""
    text = {name: None if value is None else str(value) for name, value in values.items()}
    try:
        return Filters.parse(text)
    except FilterError as exc:
        raise click.UsageError(str(exc)) from exc
