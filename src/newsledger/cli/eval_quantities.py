"""`newsledger eval quantities GOLD.jsonl [--peers] [--format table|json] [--misses] [--folds]`:
the NewsQuant scorer (`newsledger.eval.quantities`) as a command.

Prints precision, recall and F1 per match type (value, value+unit) of the
figures the ledger stores and, with `--peers`, of quantulum3 run on the same
sentences in the same process. `--misses` lists the sentences where the stored
figures and the gold disagree; `--folds` prints the figures per validation fold.
"""

from __future__ import annotations

import json

import click

from newsledger.cli.eval_folds import folds_option, print_folds
from newsledger.cli.output import emit, report_format_option
from newsledger.errors import NewsledgerError

__all__ = ["register_eval"]

_COLUMNS = ("system", "type", "P", "R", "F1", "correct", "gold", "extracted", "seconds")


@click.command("quantities")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--peers", is_flag=True, help="also score quantulum3 on the same sentences")
@report_format_option
@click.option("--misses", is_flag=True, help="list the sentences newsledger gets wrong")
@folds_option
def quantities_command(
    gold: str, peers: bool, output_format: str, misses: bool, folds: bool
) -> None:
    """Score the stored figures on a NewsQuant JSONL file (value, value+unit; CQE's matching)."""
    from newsledger.eval.quantities import compare_sentences, evaluate_quantities

    if folds:
        print_folds("quantities", gold, output_format)
        return
    try:
        result = evaluate_quantities(gold, peers=peers)
        comparisons = compare_sentences(gold) if misses else []
    except NewsledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    rows = [
        {
            "system": scores.system,
            "type": metric.name,
            "P": round(metric.precision, 3),
            "R": round(metric.recall, 3),
            "F1": round(metric.f1, 3),
            "correct": metric.correct,
            "gold": metric.total_gold,
            "extracted": metric.total_system,
            "seconds": round(scores.seconds, 2),
        }
        for scores in result.systems
        for metric in scores.metrics
    ]
    if output_format == "json":
        payload = {
            "gold": result.gold_path,
            "gold_sha256": result.gold_sha256,
            "sentences": result.sentences,
            "gold_quantities": result.gold_quantities,
            "scores": rows,
            "notes": result.notes,
        }
        if misses:
            payload["misses"] = [
                {
                    "id": item.id,
                    "text": item.text,
                    "missed": [[_value(t.value), t.unit, t.change] for t in item.missed],
                    "spurious": [
                        [_value(t.value), t.unit, t.change, t.text] for t in item.spurious
                    ],
                }
                for item in comparisons
            ]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{result.gold_path}: {result.sentences} sentences, {result.gold_quantities} quantities"
        f" (sha256 {result.gold_sha256[:12]}…)"
    )
    emit(rows, "table", columns=_COLUMNS)
    for note in result.notes:
        click.echo(f"note: {note}")
    for item in comparisons:
        click.echo(f"{item.id}: {item.text}")
        for tag in item.missed:
            click.echo(f"    missed   {_value(tag.value)} [{tag.unit}] {tag.change}")
        for tag in item.spurious:
            click.echo(f"    spurious {_value(tag.value)} [{tag.unit}] {tag.change} {tag.text!r}")


def _value(value):
    return list(value) if isinstance(value, tuple) else value


def register_eval(group: click.Group) -> None:
    group.add_command(quantities_command)
