"""Exports: articles, statements, figures or the consolidated ledger as CSV, JSONL or Parquet,
and the ledger as schema.org Claims in JSON-LD (`export_jsonld`).

Rows are the store's dict shapes (DEVELOPERS.md), streamed from the store and
written as they come: JSONL one object a line with nested values kept; CSV a
header row and nested values (flags, source, summary, citations) as JSON text;
Parquet through pyarrow in record batches of BATCH_ROWS, with the columns and
types declared in COLUMN_TYPES (nested values as JSON text, as in CSV; a key
not declared there is only in CSV and JSONL). Nothing holds more than one
batch in memory.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsledger.errors import NewsledgerError
from newsledger.export_jsonld import write_jsonld

if TYPE_CHECKING:
    from newsledger.store import Store

__all__ = ["BATCH_ROWS", "COLUMN_TYPES", "EXPORTS", "FORMATS", "ONLY_FOR", "export"]

FORMATS = ("csv", "jsonl", "parquet", "jsonld")
# Formats only some exports have: format -> the one `what` it writes.
ONLY_FOR: Mapping[str, str] = {"jsonld": "ledger"}
BATCH_ROWS = 5_000

# what -> how to read its rows from the store
EXPORTS: Mapping[str, Callable[[Store], Iterable[dict[str, Any]]]] = {
    "articles": lambda store: store.articles(),
    "statements": lambda store: store.statements(),
    "figures": lambda store: store.figures(),
    "ledger": lambda store: store.ledger(),
}

# Parquet columns and types ("string", "int64", "float64"); also the CSV column order.
_TEXT, _INT, _FLOAT, _BOOL = "string", "int64", "float64", "bool"
COLUMN_TYPES: Mapping[str, Mapping[str, str]] = {
    "articles": {
        "id": _TEXT, "url": _TEXT, "title": _TEXT, "published": _TEXT, "published_raw": _TEXT,
        "outlet": _TEXT, "source": _TEXT, "flags": _TEXT, "summary": _TEXT,
    },
    "statements": {
        "article_id": _TEXT, "kind": _TEXT, "content": _TEXT, "cue": _TEXT, "cue_lemma": _TEXT,
        "speaker": _TEXT, "speaker_mention": _TEXT, "speaker_kind": _TEXT, "stance": _TEXT,
        "start": _INT, "end": _INT, "sentence_index": _INT, "confidence": _FLOAT,
    },
    "figures": {
        "article_id": _TEXT, "index": _INT, "value_low": _FLOAT, "value_high": _FLOAT,
        "qualifier": _TEXT, "unit": _TEXT, "category": _TEXT, "count_unit": _TEXT,
        "group": _TEXT, "place": _TEXT, "as_of": _TEXT, "period": _TEXT, "as_of_note": _TEXT,
        "source": _TEXT, "source_kind": _TEXT, "status": _TEXT, "text": _TEXT, "start": _INT,
        "end": _INT, "sentence": _TEXT, "sentence_index": _INT, "part_of": _INT,
        "place_name": _TEXT, "place_region": _TEXT, "place_country": _TEXT,
        "place_lat": _FLOAT, "place_lon": _FLOAT, "place_precision": _TEXT, "background": _BOOL,
    },
    "ledger": {
        "entry_id": _INT, "source": _TEXT, "source_kind": _TEXT, "category": _TEXT,
        "group": _TEXT, "place": _TEXT, "as_of": _TEXT, "value_low": _FLOAT,
        "value_high": _FLOAT, "qualifier": _TEXT, "status": _TEXT, "grade": _TEXT,
        "outlets": _INT, "source_kinds": _TEXT, "report_low": _FLOAT, "report_high": _FLOAT,
        "citations": _TEXT, "place_region": _TEXT, "place_country": _TEXT,
    },
}  # fmt: skip


def _flat(value: Any) -> Any:
    """A cell for CSV and Parquet: nested values become JSON text."""
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write_jsonl(rows: Iterable[dict[str, Any]], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            count += 1
    return count


def _write_csv(rows: Iterable[dict[str, Any]], path: Path, columns: list[str]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer: csv.DictWriter | None = None
        for row in rows:
            count += 1
            if writer is None:
                # Declared columns first, then any key a newer store adds.
                header = columns + [key for key in row if key not in columns]
                writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore")
                writer.writeheader()
            writer.writerow({key: _flat(row.get(key)) for key in writer.fieldnames})
        if writer is None:
            csv.writer(out).writerow(columns)
    return count


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_parquet(rows: Iterable[dict[str, Any]], path: Path, types: Mapping[str, str]) -> int:
    import pyarrow as pa  # deferred: only Parquet exports need pyarrow
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.type_for_alias(kind)) for name, kind in types.items()])
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for batch in _batches(rows, BATCH_ROWS):
            columns = {
                name: [_cell(row.get(name), kind) for row in batch] for name, kind in types.items()
            }
            writer.write_table(pa.Table.from_pydict(columns, schema=schema))
            count += len(batch)
    return count


def _cell(value: Any, kind: str) -> Any:
    value = _flat(value)
    if value is None:
        return None
    if kind == _TEXT:
        return str(value)
    if kind == _INT:
        return int(value)
    if kind == _BOOL:
        return bool(value)
    return float(value)


def export(store: Store, what: str, output_format: str, out_path: str | os.PathLike[str]) -> int:
    """Write every `what` row of `store` to `out_path` in `output_format`; return the row count.

    what: articles | statements | figures | ledger; output_format: csv | jsonl | parquet, or
    jsonld for the ledger only (one schema.org Claim per entry, see `export_jsonld`).
    """
    if what not in EXPORTS:
        raise ValueError(f"cannot export {what!r}; choose one of {', '.join(EXPORTS)}")
    if output_format not in FORMATS:
        raise ValueError(f"unknown export format {output_format!r}; choose one of {FORMATS}")
    if ONLY_FOR.get(output_format, what) != what:
        raise ValueError(f"{output_format} exports only the {ONLY_FOR[output_format]}, not {what}")
    path = Path(out_path)
    try:
        if output_format == "jsonld":
            return write_jsonld(store, path)
        rows = EXPORTS[what](store)
        if output_format == "jsonl":
            return _write_jsonl(rows, path)
        if output_format == "csv":
            return _write_csv(rows, path, list(COLUMN_TYPES[what]))
        return _write_parquet(rows, path, COLUMN_TYPES[what])
    except OSError as exc:
        raise NewsledgerError(f"cannot write the {what} export to {path}: {exc}") from exc
