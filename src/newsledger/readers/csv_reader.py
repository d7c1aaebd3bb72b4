"""CSV and TSV files with a header row. Rows are numbered as a spreadsheet shows them
(the header is row 1). A file without a text column is one Reject naming the columns
it has; lines are read in bounded chunks, so an oversized row ends the file with a
Reject instead of filling memory."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import BinaryIO

from newsledger.models import Article, Origin, Reject
from newsledger.readers.base import ReadContext, build_article, excerpt_of
from newsledger.readers.decoding import Decoder, encoding_detail
from newsledger.readers.fields import resolve_columns
from newsledger.readers.sources import bounded_lines

__all__ = ["read_csv"]


class _TooLarge(Exception):
    def __init__(self, line_number: int) -> None:
        super().__init__(line_number)
        self.line_number = line_number


def _text_lines(
    stream: BinaryIO, decoder: Decoder, max_bytes: int, notes: dict[int, str]
) -> Iterator[str]:
    """The file's lines as text; how a line that was not plain UTF-8 was decoded is
    put in `notes` under its line number, for the row that holds it."""
    for line in bounded_lines(stream, max_bytes):
        if line.data is None:
            raise _TooLarge(line.number)
        decoded = decoder.decode(line.data)
        if decoded.note:
            notes[line.number] = decoded.note
        yield decoded.text


def _row_notes(notes: dict[int, str], last_line: int) -> list[tuple[int, str]]:
    """The notes of the lines up to `last_line` (a row may span several), taken out."""
    taken = sorted(number for number in notes if number <= last_line)
    return [(number, notes.pop(number)) for number in taken]


def read_csv(
    stream: BinaryIO, head: bytes, path: str, context: ReadContext, *, delimiter: str = ","
) -> Iterator[Article | Reject]:
    """Each data row's article or Reject."""
    decoder = Decoder(head)
    # A quoted field may hold a whole article; allow up to the record limit.
    csv.field_size_limit(context.max_record_bytes)
    notes: dict[int, str] = {}
    rows = csv.reader(
        _text_lines(stream, decoder, context.max_record_bytes, notes), delimiter=delimiter
    )
    row_number = 1
    try:
        header = next(rows, None)
        if header is None:
            yield Reject(Origin(path, "row 1"), "empty file")
            return
        _row_notes(notes, rows.line_num)  # the header's own are no article's
        columns = resolve_columns(header, context.fields)
        if columns["text"] is None:
            context.stats.records_seen += 1
            yield Reject(
                Origin(path, "row 1"),
                f"no text column (columns found: {', '.join(header)}); use --field text=COLUMN",
                excerpt_of(",".join(header)),
            )
            return
        index = {ours: header.index(name) if name else None for ours, name in columns.items()}
        for row in rows:
            row_number += 1
            row_notes = _row_notes(notes, rows.line_num)
            if not any(cell.strip() for cell in row):
                continue
            context.stats.records_seen += 1
            origin = Origin(path, f"row {row_number}")
            values = {
                ours: (row[position] if position is not None and position < len(row) else None)
                for ours, position in index.items()
            }
            yield build_article(origin, values, encoding=encoding_detail(row_notes))
    except _TooLarge as exc:
        context.stats.records_seen += 1
        yield Reject(
            Origin(path, f"row {row_number + 1}"),
            f"record too large (line {exc.line_number} is over {context.max_record_bytes} "
            "bytes); the rest of the file is skipped",
        )
    except csv.Error as exc:
        context.stats.records_seen += 1
        yield Reject(
            Origin(path, f"row {row_number + 1}"),
            f"unreadable CSV: {exc}; the rest of the file is skipped",
        )
