"""`newsledger eval victims GOLD.jsonl [--peers] [--folds] [--format table|json]`: the
victim-count scorer (`newsledger.eval.victim_counts`, WAD event descriptions) as a command.

`--folds` prints newsledger's accuracies on each of the 5 folds (sha1 of the
event id) with their mean and standard deviation.
"""

from __future__ import annotations

import json

import click

from newsledger.cli.eval_folds import folds_option
from newsledger.cli.output import emit, report_format_option
from newsledger.errors import NewsledgerError

__all__ = ["register_eval"]

METRICS = ("deaths.accuracy", "injured.accuracy")


def _round(value: object) -> object:
    return round(value, 3) if isinstance(value, float) else value


def _print_folds(result, output_format: str) -> None:
    from newsledger.eval.folds import fold_of, fold_rows, fold_scores, mean_scores, spread

    fold_by_id = {p.id: fold_of(p.id) for p in result.predictions}
    per_fold = fold_scores(fold_by_id, result.flat_scores)
    if output_format == "json":
        payload = {
            "gold": result.gold_path,
            "set": "victim_counts",
            "folds": [{"fold": f.fold, "items": f.items, "scores": f.scores} for f in per_fold],
            "mean": mean_scores(per_fold),
            "sd": spread(per_fold),
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(f"{result.gold_path}: victim_counts, 5 folds by sha1(event id) % 5")
    emit(fold_rows(per_fold, METRICS), "table", columns=("fold", "items", *METRICS))


@click.command("victims")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--peers", is_flag=True, help="also score quantulum3's baseline on the same input")
@report_format_option
@folds_option
def victims_command(gold: str, peers: bool, output_format: str, folds: bool) -> None:
    """Score each WAD event's stored killed and injured counts (victim_counts)."""
    from newsledger.eval.victim_counts import evaluate_victim_counts

    try:
        result = evaluate_victim_counts(gold, peers=peers and not folds)
    except NewsledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    if folds:
        _print_folds(result, output_format)
        return
    rows = [{k: _round(v) for k, v in system.items()} for system in result.systems]
    if output_format == "json":
        payload = {
            "gold": result.gold_path,
            "gold_sha256": result.gold_sha256,
            "scores": rows,
            "notes": result.notes,
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"gold: {result.gold_path} (sha256 {result.gold_sha256[:12]}…), {result.events} events"
    )
    emit(rows, "table")
    for note in result.notes:
        click.echo(f"note: {note}")


def register_eval(group: click.Group) -> None:
    group.add_command(victims_command)
