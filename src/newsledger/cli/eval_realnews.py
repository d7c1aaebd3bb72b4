"""`newsledger eval realnews [--gold-dir DIR] [--corpus DIR] [--spread] [--format table|json]`:
the real-news scorer (`newsledger.eval.realnews`) as a command.

Prints, for the validation part (the headline: never fitted on), the train part
and all, figure precision and recall, per-field accuracy of the found figures,
the share right on every field, statement precision and recall and speaker
accuracy. When the gold files or the shared corpus are absent it says so and
exits 0 (nothing to score is not a failure).
"""

from __future__ import annotations

import json

import click

from newsledger.cli.output import emit, report_format_option
from newsledger.errors import NewsledgerError

__all__ = ["corpus_option", "gold_dir_option", "register_eval"]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _rows(result, spread: dict[str, float | None] | None) -> list[dict]:
    rows = []
    for metric in result.scores["validation"]:
        row = {"figure": metric}
        row.update({part: _round(result.scores[part][metric]) for part in result.scores})
        if spread is not None:
            row["validation sd"] = _round(spread[metric])
        rows.append(row)
    return rows


def _print(result, spread, output_format: str) -> None:
    if output_format == "json":
        payload = {
            "gold_dir": result.gold_dir,
            "corpus": result.corpus_dir,
            "sizes": result.sizes,
            "scores": {
                part: {name: _round(value) for name, value in scores.items()}
                for part, scores in result.scores.items()
            },
            "notes": result.notes,
        }
        if spread is not None:
            payload["validation_sd"] = {k: _round(v) for k, v in spread.items()}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(f"real-news gold: {result.gold_dir} (texts from {result.corpus_dir})")
    for part, sizes in result.sizes.items():
        click.echo(f"{part}: " + ", ".join(f"{value} {name}" for name, value in sizes.items()))
    emit(_rows(result, spread), "table")
    for note in result.notes:
        click.echo(f"note: {note}")


gold_dir_option = click.option(
    "--gold-dir",
    type=click.Path(file_okay=False),
    default="eval/gold",
    show_default=True,
    help="the real-news gold set's folder (figures.jsonl, statements.jsonl)",
)
corpus_option = click.option(
    "--corpus",
    "corpus_dir",
    type=click.Path(file_okay=False),
    default="../shared/data/corpus",
    show_default=True,
    help="the folder the gold articles' texts are read from",
)


@click.command("realnews")
@gold_dir_option
@corpus_option
@click.option(
    "--spread", is_flag=True, help="also the validation figures' sd over 1,000 article bootstraps"
)
@report_format_option
def realnews_command(gold_dir: str, corpus_dir: str, spread: bool, output_format: str) -> None:
    """Score the ledger on real news read by hand (eval/gold): the headline accuracy."""
    from newsledger.eval.realnews import bootstrap_sd, evaluate_realnews
    from newsledger.eval.realnews_gold import GoldAbsent

    try:
        result = evaluate_realnews(gold_dir, corpus_dir)
    except GoldAbsent as exc:
        click.echo(str(exc), err=True)
        return
    except NewsledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    sd = None
    if spread:
        sd = bootstrap_sd(result.part_counts("validation"))
    _print(result, sd, output_format)


def register_eval(group: click.Group) -> None:
    group.add_command(realnews_command)
