"""`newsledger eval ...`: the scorers. Each scorer module adds its own subcommand."""

from __future__ import annotations

import importlib

import click

__all__ = ["register"]

# Modules that each define `register_eval(group)`.
EVAL_MODULES: tuple[str, ...] = (
    "newsledger.cli.eval_quotes",
    "newsledger.cli.eval_quantities",
    "newsledger.cli.eval_figures",
    "newsledger.cli.eval_realnews",
    "newsledger.cli.eval_victims",
)


@click.group("eval")
def eval_group() -> None:
    """Score newsledger (and, with --peers, other tools) against annotated data."""


def register(main: click.Group) -> None:
    for module_name in EVAL_MODULES:
        importlib.import_module(module_name).register_eval(eval_group)
    main.add_command(eval_group)
