"""`--folds` for `newsledger eval quantities|displacement|casualties|quotes`: the scorer's
figures on each of the 5 validation folds of the gold file, their mean and their
standard deviation (`newsledger.eval.folds`).
"""

from __future__ import annotations

import json

import click

from newsledger.cli.output import emit
from newsledger.errors import NewsledgerError

__all__ = ["FOLD_METRICS", "folds_option", "print_fold_scores", "print_folds"]

# The metrics shown per fold, by set.
FOLD_METRICS: dict[str, tuple[str, ...]] = {
    "quantities": ("value.f1", "value+unit.precision", "value+unit.recall", "value+unit.f1"),
    "displacement": (
        "figure.accuracy",
        "term.accuracy",
        "figure+term.accuracy",
        "figure+term.f1",
    ),
    "casualties": ("killed.accuracy", "injured.accuracy", "both.accuracy"),
    "quotes": (
        "all.content.f1",
        "all.content_speaker.f1",
        "quoted.content.f1",
        "quoted.content_speaker.f1",
    ),
}

folds_option = click.option(
    "--folds",
    is_flag=True,
    help="score each of the 5 validation folds (sha1 of the article/incident id), the mean "
    "and the sd",
)


def print_folds(set_name: str, gold: str, output_format: str) -> None:
    """Score `gold` per fold and print the table (or JSON) of folds, mean and sd."""
    from newsledger.eval.folds import evaluate_folds

    try:
        per_fold = evaluate_folds(set_name, gold)
    except NewsledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    print_fold_scores(set_name, gold, per_fold, FOLD_METRICS[set_name], output_format)


def print_fold_scores(set_name: str, gold: str, per_fold, metrics, output_format: str) -> None:
    """The table (or JSON) of each fold's scores, their mean and their sd."""
    from newsledger.eval.folds import fold_rows, mean_scores, spread

    if output_format == "json":
        payload = {
            "gold": gold,
            "set": set_name,
            "folds": [{"fold": f.fold, "items": f.items, "scores": f.scores} for f in per_fold],
            "mean": mean_scores(per_fold),
            "sd": spread(per_fold),
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(f"{gold}: {set_name}, 5 folds by sha1(group id) % 5")
    emit(fold_rows(per_fold, metrics), "table", columns=("fold", "items", *metrics))
