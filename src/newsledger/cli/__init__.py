"""The `newsledger` command: a thin layer that parses options and calls the library.

Each command group lives in its own module below; this one only assembles
them. Library errors become `click.ClickException`s (exit 1), usage errors
exit 2, and `ingest` exits 3 when some records were rejected.
"""

from __future__ import annotations

import importlib

import click

__all__ = ["main"]

# Modules that each define `register(group)`; one line per command family.
COMMAND_MODULES = (
    "newsledger.cli.ingest_commands",
    "newsledger.cli.article_commands",
    "newsledger.cli.statement_commands",
    "newsledger.cli.figure_commands",
    "newsledger.cli.eval_commands",
    "newsledger.cli.ledger_commands",
    "newsledger.cli.serve_command",
    "newsledger.cli.scale_commands",
    "newsledger.cli.train_command",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsledger")
def main() -> None:
    """newsledger: a ledger of who claimed what in the news."""


for _module_name in COMMAND_MODULES:
    importlib.import_module(_module_name).register(main)
