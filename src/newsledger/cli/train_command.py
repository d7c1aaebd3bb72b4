"""`newsledger train [--gold-dir DIR] [--corpus DIR]`: rebuild the shipped models
(`newsledger.learned.train`) from the data; needs scikit-learn (`pip install -e '.[train]'`,
which `make train` does)."""

from __future__ import annotations

import click

from newsledger.cli.eval_realnews import corpus_option, gold_dir_option
from newsledger.errors import NewsledgerError

__all__ = ["register"]


@click.command("train")
@gold_dir_option
@corpus_option
def train_command(gold_dir: str, corpus_dir: str) -> None:
    """Rebuild the figure decision model and its card from the real-news gold's train part."""
    try:
        import sklearn  # noqa: F401
    except ImportError as exc:
        raise click.ClickException(
            "training needs scikit-learn: pip install -e '.[train]' (or run make train)"
        ) from exc
    from newsledger.eval.realnews_gold import GoldAbsent
    from newsledger.learned.fitting import mean
    from newsledger.learned.train import train_figure_kind

    try:
        report = train_figure_kind(gold_dir, corpus_dir)
    except GoldAbsent as exc:
        raise click.ClickException(f"{exc}: the shipped models are kept") from exc
    except NewsledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    f1 = mean([f.f1 for f in report.folds])
    rules = mean([f.f1 for f in report.rules])
    click.echo(
        f"{report.path}: {report.examples} candidates from {report.articles} articles; "
        f"C={report.c}, threshold={report.threshold}; cross-validated F1 {f1:.3f} "
        f"(rules {rules:.3f})"
    )


def register(main: click.Group) -> None:
    main.add_command(train_command)
