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
    """Rebuild the shipped models and their cards: the figure decision from the real-news
    gold's train part, the displacement decision from the displacement dev half and that
    train part, the main-incident counts from the casualties and victim_counts dev
    halves in ../shared/eval."""
    try:
        import sklearn  # noqa: F401
    except ImportError as exc:
        raise click.ClickException(
            "training needs scikit-learn: pip install -e '.[train]' (or run make train)"
        ) from exc
    from newsledger.eval.realnews_gold import GoldAbsent
    from newsledger.learned.fitting import mean
    from newsledger.learned.train import train_figure_kind
    from newsledger.learned.train_incidents import IncidentDataAbsent, train_incident_counts

    try:
        report = train_figure_kind(gold_dir, corpus_dir)
    except GoldAbsent as exc:
        click.echo(f"{exc}: the shipped figure model is kept", err=True)
    except NewsledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    else:
        f1 = mean([f.f1 for f in report.folds])
        rules = mean([f.f1 for f in report.rules])
        click.echo(
            f"{report.path}: {report.examples} candidates from {report.articles} articles; "
            f"C={report.c}, threshold={report.threshold}; cross-validated F1 {f1:.3f} "
            f"(rules {rules:.3f})"
        )
    _train_displacement(gold_dir, corpus_dir)
    try:
        incidents = train_incident_counts()
    except IncidentDataAbsent as exc:
        click.echo(f"{exc}: the shipped incident model is kept", err=True)
        return
    scores = ", ".join(
        f"{name} {value:.3f} (rules {incidents.rules.get(name, 0.0):.3f})"
        for name, value in incidents.cross_validated.items()
    )
    click.echo(
        f"{incidents.path}: {incidents.examples} candidates from "
        f"{sum(incidents.sets.values())} texts; C={incidents.c}; cross-validated {scores}"
    )


def _train_displacement(gold_dir: str, corpus_dir: str) -> None:
    from newsledger.learned.train_displacement import DisplacementDataAbsent, train_displacement

    try:
        report = train_displacement(gold_dir=gold_dir, corpus_dir=corpus_dir)
    except DisplacementDataAbsent as exc:
        click.echo(f"{exc}: the shipped displacement model is kept", err=True)
        return
    click.echo(
        f"{report.path}: {report.excerpts} excerpts and {report.news} real-news candidates; "
        f"C={report.c}, threshold={report.threshold}; cross-validated figure+term "
        f"{report.cross_validated:.3f} (rules {report.rules:.3f}), real-news candidates "
        f"{report.news_cross_validated:.3f} (rules {report.news_rules:.3f})"
    )


def register(main: click.Group) -> None:
    main.add_command(train_command)
