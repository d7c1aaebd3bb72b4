"""`newsledger eval victims GOLD.jsonl [--peers] [--folds] [--format table|json]`: the
victim-count scorer (`newsledger.eval.victim_counts`, WAD event descriptions) as a command.

`--folds` prints newsledger's accuracies on each of the 5 folds (sha1 of the
event id) with their mean and standard deviation.
"""

from __future__ import annotations

import click

from newsledger.cli.eval_figures import print_scores
from newsledger.cli.eval_folds import folds_option, print_fold_scores
from newsledger.cli.output import report_format_option
from newsledger.errors import NewsledgerError

__all__ = ["register_eval"]

METRICS = ("deaths.accuracy", "injured.accuracy")


@click.command("victims")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--peers", is_flag=True, help="also score quantulum3's baseline on the same input")
@report_format_option
@folds_option
def victims_command(gold: str, peers: bool, output_format: str, folds: bool) -> None:
    """Score each WAD event's stored killed and injured counts (victim_counts)."""
    from newsledger.eval.folds import fold_of, fold_scores
    from newsledger.eval.victim_counts import evaluate_victim_counts

    try:
        result = evaluate_victim_counts(gold, peers=peers and not folds)
    except NewsledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    if folds:
        fold_by_id = {p.id: fold_of(p.id) for p in result.predictions}
        per_fold = fold_scores(fold_by_id, result.flat_scores)
        print_fold_scores("victim_counts", gold, per_fold, METRICS, output_format)
        return
    print_scores(result, result.systems, output_format)


def register_eval(group: click.Group) -> None:
    group.add_command(victims_command)
