"""The Parquet form of a shard's results: four tables, and the way back to records.

A shard's records (in input order) become rows of `articles` (with the
analysis outcome), `statements`, `figures` and `rejects`, each row carrying
its `position` in the shard so `records_from_tables` rebuilds the exact
sequence ingest would have read. Statement and figure columns follow the
model fields one to one; a Span field becomes three columns (`<name>_start`,
`<name>_end`, `<name>_text`, all null for None). Flags and the incident
summary are small JSON strings. The schemas are explicit, so every shard has
the same columns even when a table is empty.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from collections.abc import Iterator, Sequence

import pyarrow as pa

from newsledger.models import (
    Analysis,
    Article,
    Count,
    Figure,
    Flag,
    IncidentSummary,
    Origin,
    Reject,
    Span,
    Statement,
)

__all__ = ["TABLES", "ShardRecord", "records_from_tables", "tables_from_records"]

TABLES = ("articles", "statements", "figures", "rejects")

# One record of a shard: a reader's Reject, or an article with its analysis
# outcome (an Analysis, a Reject when the analysis failed, None when not analysed).
ShardRecord = Reject | tuple[Article, Analysis | Reject | None]

_ARROW_TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}

_ARTICLE_SCHEMA = pa.schema(
    [
        ("position", pa.int64()),
        ("id", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("published", pa.string()),
        ("published_raw", pa.string()),
        ("outlet", pa.string()),
        ("text", pa.string()),
        ("origin_path", pa.string()),
        ("origin_record", pa.string()),
        ("flags", pa.string()),
        ("analysed", pa.bool_()),
        ("summary", pa.string()),
        ("failure", pa.string()),
    ]
)
_REJECT_SCHEMA = pa.schema(
    [
        ("position", pa.int64()),
        ("origin_path", pa.string()),
        ("origin_record", pa.string()),
        ("reason", pa.string()),
        ("excerpt", pa.string()),
    ]
)


def _model_columns(model: type) -> list[tuple[str, str]]:
    """(field name, base type name) of a model; "Span" for span fields."""
    hints = typing.get_type_hints(model)
    columns = []
    for model_field in dataclasses.fields(model):
        hint = hints[model_field.name]
        args = [arg for arg in typing.get_args(hint) if arg is not type(None)] or [hint]
        columns.append((model_field.name, args[0].__name__))
    return columns


def _model_schema(model: type) -> pa.Schema:
    fields = [("position", pa.int64()), ("article_id", pa.string()), ("idx", pa.int64())]
    for name, base in _model_columns(model):
        if base == "Span":
            fields += [(f"{name}_start", pa.int64()), (f"{name}_end", pa.int64())]
            fields.append((f"{name}_text", pa.string()))
        else:
            fields.append((name, _ARROW_TYPES[base]))
    return pa.schema(fields)


_STATEMENT_COLUMNS = _model_columns(Statement)
_FIGURE_COLUMNS = _model_columns(Figure)
SCHEMAS = {
    "articles": _ARTICLE_SCHEMA,
    "statements": _model_schema(Statement),
    "figures": _model_schema(Figure),
    "rejects": _REJECT_SCHEMA,
}


def _model_row(item: object, columns: list[tuple[str, str]], **keys: object) -> dict:
    row = dict(keys)
    for name, base in columns:
        value = getattr(item, name)
        if base == "Span":
            row[f"{name}_start"] = value.start if value is not None else None
            row[f"{name}_end"] = value.end if value is not None else None
            row[f"{name}_text"] = value.text if value is not None else None
        else:
            row[name] = value
    return row


def _model_from_row(model: type, columns: list[tuple[str, str]], row: dict) -> object:
    values = {}
    for name, base in columns:
        if base == "Span":
            start = row[f"{name}_start"]
            values[name] = (
                None if start is None else Span(start, row[f"{name}_end"], row[f"{name}_text"])
            )
        else:
            values[name] = row[name]
    return model(**values)


def _summary_json(summary: IncidentSummary | None) -> str | None:
    if summary is None:
        return None

    def count(value: Count | None) -> list[float] | None:
        return None if value is None else [value.value_low, value.value_high]

    return json.dumps({"killed": count(summary.killed), "injured": count(summary.injured)})


def _summary_from_json(raw: str | None) -> IncidentSummary | None:
    if raw is None:
        return None
    data = json.loads(raw)
    killed, injured = data["killed"], data["injured"]
    return IncidentSummary(
        killed=None if killed is None else Count(*killed),
        injured=None if injured is None else Count(*injured),
    )


def tables_from_records(records: Sequence[ShardRecord]) -> dict[str, pa.Table]:
    """The four tables of one shard's records (in input order)."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for position, record in enumerate(records):
        if isinstance(record, Reject):
            rows["rejects"].append(_reject_row(position, record))
            continue
        article, outcome = record
        analysis = outcome if isinstance(outcome, Analysis) else None
        rows["articles"].append(
            {
                "position": position,
                "id": article.id,
                "url": article.url,
                "title": article.title,
                "published": article.published,
                "published_raw": article.published_raw,
                "outlet": article.outlet,
                "text": article.text,
                "origin_path": article.origin.path,
                "origin_record": article.origin.record,
                "flags": json.dumps([[f.kind, f.detail, f.suggested] for f in article.flags]),
                "analysed": analysis is not None,
                "summary": _summary_json(analysis.summary) if analysis is not None else None,
                "failure": outcome.reason if isinstance(outcome, Reject) else None,
            }
        )
        if analysis is None:
            continue
        keys = {"position": position, "article_id": article.id}
        for idx, statement in enumerate(analysis.statements):
            rows["statements"].append(_model_row(statement, _STATEMENT_COLUMNS, **keys, idx=idx))
        for idx, figure in enumerate(analysis.figures):
            rows["figures"].append(_model_row(figure, _FIGURE_COLUMNS, **keys, idx=idx))
    return {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in TABLES}


def _reject_row(position: int, reject: Reject) -> dict:
    return {
        "position": position,
        "origin_path": reject.origin.path,
        "origin_record": reject.origin.record,
        "reason": reject.reason,
        "excerpt": reject.excerpt,
    }


def records_from_tables(tables: dict[str, pa.Table]) -> Iterator[ShardRecord]:
    """The shard's records again, in input order (the inverse of tables_from_records)."""
    statements: dict[int, list[Statement]] = {}
    for row in sorted(tables["statements"].to_pylist(), key=lambda r: (r["position"], r["idx"])):
        statement = _model_from_row(Statement, _STATEMENT_COLUMNS, row)
        statements.setdefault(row["position"], []).append(statement)  # type: ignore[arg-type]
    figures: dict[int, list[Figure]] = {}
    for row in sorted(tables["figures"].to_pylist(), key=lambda r: (r["position"], r["idx"])):
        figure = _model_from_row(Figure, _FIGURE_COLUMNS, row)
        figures.setdefault(row["position"], []).append(figure)  # type: ignore[arg-type]
    positioned: list[tuple[int, ShardRecord]] = [
        (row["position"], _reject_from_row(row)) for row in tables["rejects"].to_pylist()
    ]
    for row in tables["articles"].to_pylist():
        position = row["position"]
        article = Article(
            id=row["id"],
            url=row["url"],
            title=row["title"],
            published=row["published"],
            published_raw=row["published_raw"],
            outlet=row["outlet"],
            text=row["text"],
            origin=Origin(row["origin_path"], row["origin_record"]),
            flags=[
                Flag(kind, detail, suggested)
                for kind, detail, suggested in json.loads(row["flags"])
            ],
        )
        outcome: Analysis | Reject | None = None
        if row["failure"] is not None:
            outcome = Reject(article.origin, row["failure"], article.title or "")
        elif row["analysed"]:
            outcome = Analysis(
                article_id=article.id,
                statements=statements.get(position, []),
                figures=figures.get(position, []),
                summary=_summary_from_json(row["summary"]),
            )
        positioned.append((position, (article, outcome)))
    positioned.sort(key=lambda item: item[0])
    for _, record in positioned:
        yield record


def _reject_from_row(row: dict) -> Reject:
    return Reject(Origin(row["origin_path"], row["origin_record"]), row["reason"], row["excerpt"])
