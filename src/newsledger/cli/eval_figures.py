"""`newsledger eval displacement|casualties GOLD.jsonl [--peers] [--format table|json] [--folds]`
(casualties also takes `--limit N`):
the figure scorers (`newsledger.eval.displacement`, `newsledger.eval.casualties`) as commands.

Each prints newsledger's scores and, with `--peers`, quantulum3's baseline on
the same input in the same run; `--folds` prints newsledger's scores per
validation fold instead.
"""

from __future__ import annotations

import dataclasses
import json

import click

from newsledger.cli.eval_folds import folds_option, print_folds
from newsledger.cli.output import emit, report_format_option
from newsledger.errors import NewsledgerError

__all__ = ["print_scores", "register_eval"]

_PEERS = click.option(
    "--peers", is_flag=True, help="also score quantulum3's baseline on the same input"
)


def _round(value: object) -> object:
    return round(value, 3) if isinstance(value, float) else value


def _print(result, output_format: str) -> None:
    rows = [dataclasses.asdict(s) for s in result.systems]
    print_scores(result, rows, output_format)


def print_scores(result, rows: list[dict], output_format: str) -> None:
    """A scorer's rows (one a system) with its gold file, checksum and notes."""
    rows = [{k: _round(v) for k, v in row.items()} for row in rows]
    if output_format == "json":
        payload = {
            "gold": result.gold_path,
            "gold_sha256": result.gold_sha256,
            "scores": rows,
            "notes": result.notes,
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(f"gold: {result.gold_path} (sha256 {result.gold_sha256[:12]}…)")
    emit(rows, "table")
    for note in result.notes:
        click.echo(f"note: {note}")


@click.command("displacement")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@_PEERS
@report_format_option
@folds_option
def displacement_command(gold: str, peers: bool, output_format: str, folds: bool) -> None:
    """Score the displacement figure and term category per excerpt (IDMC / IDETECT)."""
    from newsledger.eval.displacement import evaluate_displacement

    if folds:
        print_folds("displacement", gold, output_format)
        return
    try:
        result = evaluate_displacement(gold, peers=peers)
    except NewsledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    _print(result, output_format)


@click.command("casualties")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@_PEERS
@report_format_option
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="score only the first N articles (a quick look; the gate scores all)",
)
@folds_option
def casualties_command(
    gold: str, peers: bool, output_format: str, limit: int | None, folds: bool
) -> None:
    """Score each article's main-incident killed and injured counts (GVA / SemEval-2018 Task 5)."""
    from newsledger.eval.casualties import evaluate_casualties

    if folds:
        print_folds("casualties", gold, output_format)
        return
    try:
        result = evaluate_casualties(gold, peers=peers, limit=limit)
    except NewsledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    _print(result, output_format)


def register_eval(group: click.Group) -> None:
    group.add_command(displacement_command)
    group.add_command(casualties_command)
