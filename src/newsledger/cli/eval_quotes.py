"""`newsledger eval quotes GOLD.jsonl [--peers] [--format table|json] [--folds]`: print the
quotation scorer's result.

The scoring is `newsledger.eval.quotes.evaluate_quotes` (the statements the
ledger stores); this module only parses options and prints the returned
`QuoteEvaluation` as a table or JSON. `--folds` prints the figures per
validation fold (sha1 of the article id), their mean and sd instead.
"""

from __future__ import annotations

import json

import click

from newsledger.cli.eval_folds import folds_option, print_folds
from newsledger.cli.output import report_format_option
from newsledger.errors import NewsledgerError

__all__ = ["register_eval"]

ROWS = (
    ("all", "content", "all attributions, content"),
    ("all", "content_speaker", "all attributions, content+speaker"),
    ("quoted", "content", "quoted subset, content"),
    ("quoted", "content_speaker", "quoted subset, content+speaker"),
)


def _print_table(result) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"quotes: {result.articles} articles, {result.attributions} gold "
        f"attributions ({result.quoted_attributions} quoted)"
    )
    table.add_column("figure")
    for system in result.systems:
        for measure in ("P", "R", "F1"):
            table.add_column(f"{system.name} {measure}", justify="right")
    for subset, level, label in ROWS:
        cells = [label]
        for system in result.systems:
            scores = system.scores[subset][level]
            cells += [f"{scores.precision:.3f}", f"{scores.recall:.3f}", f"{scores.f1:.3f}"]
        table.add_row(*cells)
    console = Console(width=160)
    console.print(table)
    for note in result.notes:
        console.print(f"note: {note}")
    for system in result.systems:
        if system.failed_articles:
            console.print(
                f"{system.name} refused {system.failed_articles} articles "
                "(scored as no predictions)"
            )


@click.command("quotes")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--peers", is_flag=True, help="also score textacy's direct_quotations")
@report_format_option
@click.option(
    "--limit-articles",
    type=click.IntRange(min=1),
    default=None,
    help="score only the first N articles",
)
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="parser processes for the textacy peer's nlp.pipe",
)
@folds_option
def eval_quotes_command(
    gold: str,
    peers: bool,
    output_format: str,
    limit_articles: int | None,
    processes: int,
    folds: bool,
) -> None:
    """Score the stored statements against PolNeAR-style attribution gold (JSONL)."""
    from newsledger.eval.quotes import evaluate_quotes

    if folds:
        print_folds("quotes", gold, output_format)
        return
    try:
        result = evaluate_quotes(
            gold, peers=peers, limit_articles=limit_articles, n_process=processes
        )
    except NewsledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    if output_format == "json":
        click.echo(json.dumps(result.to_dict(), indent=2))
    else:
        _print_table(result)


def register_eval(group: click.Group) -> None:
    group.add_command(eval_quotes_command)
