"""`newsledger articles | show | rejects | summary`: reading the ledger back.

Each command opens the Store, calls one query (or `report.build_summary`) and
prints the result with `output.emit`; nothing here decides what is in the
ledger. JSON output is the store's objects unchanged; the table view only
shortens them for people.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import click

from newsledger.cli.options import db_option, open_store
from newsledger.cli.output import emit, format_option, limit_option, report_format_option

__all__ = ["register"]

ARTICLE_COLUMNS = ("id", "published", "outlet", "title", "flags")
REJECT_COLUMNS = ("path", "record", "reason", "excerpt")
PATH_WIDTH = 40
STATEMENT_COLUMNS = ("kind", "speaker", "cue", "stance", "content")
FIGURE_COLUMNS = (
    "value",
    "qualifier",
    "category",
    "group",
    "place",
    "as_of",
    "source",
    "status",
)


def _flag_kinds(flags: Iterable[Mapping[str, Any]] | None) -> str:
    return ", ".join(f["kind"] for f in flags or [])


def _for_table(articles: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    # The table has one line per article, so flags shrink to their kinds;
    # JSON and CSV keep the full flag objects.
    for article in articles:
        yield {**article, "flags": _flag_kinds(article.get("flags"))}


@click.command("articles")
@click.option("--search", "-q", default=None, help="full-text search over title and text")
@db_option
@format_option
@limit_option
def articles_command(
    search: str | None, db_path: str, output_format: str, limit: int | None
) -> None:
    """List the articles in the order they were stored, optionally matching a search."""
    with open_store(db_path) as store:
        rows: Iterable[dict[str, Any]] = store.articles(search=search, limit=limit)
        if output_format == "table":
            rows = _for_table(rows)
        emit(rows, output_format, columns=ARTICLE_COLUMNS if output_format == "table" else None)


def _value(figure: Mapping[str, Any]) -> str:
    low, high = figure.get("value_low"), figure.get("value_high")
    as_text = [
        str(int(v)) if isinstance(v, float) and v.is_integer() else str(v) for v in (low, high)
    ]
    return as_text[0] if low == high else f"{as_text[0]}–{as_text[1]}"


def _summary_text(summary: Mapping[str, Any] | None) -> str:
    if not summary:
        return "none"
    parts = []
    for key in ("killed", "injured"):
        count = summary.get(key)
        parts.append(f"{key} {_value(count) if count else 'not stated'}")
    return ", ".join(parts)


def _print_article(article: Mapping[str, Any]) -> None:
    """The readable view of one article: header, flags, statements, figures, text."""
    echo = click.echo
    echo(article.get("title") or "(no title)")
    echo("=" * min(len(article.get("title") or "(no title)"), 100))
    source = article.get("source") or {}
    published = article.get("published") or "unknown"
    if article.get("published_raw") and article.get("published_raw") != article.get("published"):
        published += f" (as given: {article['published_raw']})"
    for label, value in (
        ("id", article.get("id")),
        ("url", article.get("url")),
        ("outlet", article.get("outlet")),
        ("published", published),
        ("source", ", ".join(str(v) for v in (source.get("path"), source.get("record")) if v)),
        ("summary", _summary_text(article.get("summary"))),
    ):
        echo(f"{label:>10}: {value or ''}")
    echo("\nFlags:")
    flags = article.get("flags") or []
    if not flags:
        echo("  none")
    for flag in flags:
        suggestion = f" (suggested: {flag['suggested']})" if flag.get("suggested") else ""
        echo(f"  {flag['kind']}: {flag.get('detail') or ''}{suggestion}")

    statements = article.get("statements") or []
    echo(f"\nStatements ({len(statements)}):")
    if statements:
        emit(statements, "table", columns=STATEMENT_COLUMNS)
    figures = article.get("figures") or []
    echo(f"\nFigures ({len(figures)}):")
    if figures:
        emit(({**f, "value": _value(f)} for f in figures), "table", columns=FIGURE_COLUMNS)
    echo("\nText:")
    echo(article.get("text") or "")


@click.command("show")
@click.argument("article_id")
@db_option
@report_format_option
def show_command(article_id: str, db_path: str, output_format: str) -> None:
    """Show one article: flags, summary, statements, figures and text."""
    with open_store(db_path) as store:
        article = store.article(article_id)
    if output_format == "json":
        click.echo(json.dumps(article, ensure_ascii=False, indent=2, default=str))
    else:
        _print_article(article)


def _path_tails(rejects: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    # The table cuts long cells at the end, but the end of a path (the file name)
    # is the part a reader needs, so long paths lose their start instead.
    for reject in rejects:
        path = str(reject.get("path") or "")
        if len(path) > PATH_WIDTH:
            path = "…" + path[-(PATH_WIDTH - 1) :]
        yield {**reject, "path": path}


@click.command("rejects")
@db_option
@format_option
@limit_option
def rejects_command(db_path: str, output_format: str, limit: int | None) -> None:
    """List the records ingest could not accept, with the file, record and reason."""
    with open_store(db_path) as store:
        rows: Iterable[dict[str, Any]] = store.rejects(limit=limit)
        if output_format == "table":
            emit(_path_tails(rows), output_format, columns=REJECT_COLUMNS)
        else:
            emit(rows, output_format)


@click.command("summary")
@db_option
@report_format_option
def summary_command(db_path: str, output_format: str) -> None:
    """Summarise the ledger: articles, quality flags, speakers, casualty figures."""
    from newsledger.report import build_summary, render_summary

    with open_store(db_path) as store:
        summary = build_summary(store)
    if output_format == "json":
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        click.echo(render_summary(summary), nl=False)


def register(main: click.Group) -> None:
    for command in (articles_command, show_command, rejects_command, summary_command):
        main.add_command(command)
