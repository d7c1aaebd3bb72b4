"""Property tests of the readers (issue 15): any bytes in any format never escape
`read_inputs` as an exception, every record comes out as an Article or a Reject with a
reason, and a record that is accepted comes out as it went in. "As it went in" is
after the project's own normalisation: the expected text and title are what
`make_article` + `quality.check_article` make of the values written, so the readers
must add nothing of their own (no mojibake, no lost character, no neighbour's bytes).

Files are written in a fresh temporary folder per example (`@given` and pytest's
function-scoped `tmp_path` do not mix)."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reader_helpers import read_all

from newsledger.article import make_article
from newsledger.models import Article, Origin, Reject
from newsledger.quality import check_article
from newsledger.readers.base import NO_TEXT_AFTER_NORMALISATION

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    database=None,  # no .hypothesis folder in the checkout
    suppress_health_check=[HealthCheck.too_slow],
)
# trafilatura and warcio are slower per example.
SLOW_SETTINGS = settings(SETTINGS, max_examples=40)

NO_TEXT = ("no body text", NO_TEXT_AFTER_NORMALISATION)
# Reasons that mean a reader or the quality check crashed (caught by read_inputs).
CRASH_MARKERS = ("reader failed", "quality check failed")

# First bytes that lead the sniffer to each reader, so arbitrary bytes reach them all.
SNIFF_PREFIXES = [b"", b"{", b'{"text": "', b"[", b"<html><body><p>", b"WARC/1.0\r\n", b"\x1f\x8b"]
NEWS_BYTES = st.sampled_from(
    [
        "Zelenskyy\u2019s \u201cplan\u201d \u2014 said".encode(),
        "caf\u00e9".encode("cp1252"),
        b"\x92",
        b"\xff\xfe",
        b"\xe2\x80",
        b"\n",
        b"\r\n",
        b",",
        b'"',
        b"\t",
        b"{}",
        b'"text":',
    ]
)
ANY_BYTES = st.lists(st.one_of(st.binary(max_size=200), NEWS_BYTES), max_size=30).map(b"".join)

# Text with no C0/C1 control characters: a file full of them is rejected whole as
# binary (looks_binary), which is by design and not what these tests are about.
PRINTABLE_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=120)
# Any text at all: JSON escapes control characters, so JSONL can carry them.
ANY_TEXT = st.text(max_size=120)
# Lines of bytes that are never blank-only controls: may be invalid UTF-8, never hold
# a newline or a control byte (which could make the file look binary).
GARBAGE_LINE = st.one_of(st.binary(min_size=1, max_size=80), NEWS_BYTES).map(
    lambda data: bytes(byte for byte in data if byte >= 0x20 or byte == 0x09) or b"\xff"
)


def _read_bytes(name: str, data: bytes) -> tuple[str, list[Article | Reject]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        articles, rejects, stats = read_all(path)
        results: list[Article | Reject] = [*articles, *rejects]
        assert stats.articles == len(articles) and stats.rejects == len(rejects)
        return str(path), results


def _assert_well_formed(path: str, results: list[Article | Reject]) -> None:
    for result in results:
        assert isinstance(result, (Article, Reject))
        assert result.origin.path == path
        assert result.origin.record
        if isinstance(result, Reject):
            assert result.reason
            assert not any(marker in result.reason for marker in CRASH_MARKERS), result.reason
        else:
            assert result.text.strip()


def _expected(title: str | None, text: str) -> tuple[str | None, str] | None:
    """(title, text) as the project's normalisation makes them, or None when the
    record has no body text and must be rejected."""
    if not text.strip():
        return None
    article = check_article(make_article(title=title, date_raw=None, url=None, text=text,
                                         origin=Origin("x", "line 1")))  # fmt: skip
    return (article.title, article.text) if article.text else None


@SETTINGS
@given(
    name=st.sampled_from(["in.jsonl", "in.csv", "in.tsv", "in.txt", "in.json", "in.data"]),
    prefix=st.sampled_from(SNIFF_PREFIXES),
    data=ANY_BYTES,
)
def test_any_bytes_line_formats(name: str, prefix: bytes, data: bytes) -> None:
    path, results = _read_bytes(name, prefix + data)
    _assert_well_formed(path, results)


@SLOW_SETTINGS
@given(
    name=st.sampled_from(["in.html", "in.warc", "in.warc.gz", "in.data"]),
    prefix=st.sampled_from(SNIFF_PREFIXES),
    data=ANY_BYTES,
)
def test_any_bytes_page_formats(name: str, prefix: bytes, data: bytes) -> None:
    path, results = _read_bytes(name, prefix + data)
    _assert_well_formed(path, results)


JSONL_RECORD = st.tuples(st.one_of(st.none(), ANY_TEXT), ANY_TEXT)


@SETTINGS
@given(
    lines=st.lists(
        st.one_of(JSONL_RECORD, GARBAGE_LINE),
        min_size=1,
        max_size=25,
    )
)
def test_jsonl_valid_records_come_out_as_written(lines: list[tuple | bytes]) -> None:
    encoded = []
    for line in lines:
        if isinstance(line, tuple):
            title, text = line
            encoded.append(json.dumps({"title": title, "text": text}, ensure_ascii=False).encode())
        else:
            encoded.append(line)
    path, results = _read_bytes("in.jsonl", b"\n".join(encoded) + b"\n")
    _assert_well_formed(path, results)
    by_line = {result.origin.record: result for result in results}
    for number, line in enumerate(lines, start=1):
        result = by_line.get(f"line {number}")
        if isinstance(line, bytes):
            # A garbage line is rejected with its line number or (by chance valid
            # JSON with a text field) accepted; blank ones are skipped.
            assert result is not None or not line.strip()
            continue
        expected = _expected(*line)
        if expected is None:
            assert isinstance(result, Reject) and result.reason in NO_TEXT
            continue
        assert isinstance(result, Article), result
        assert (result.title, result.text) == expected
        assert result.flag("encoding") is None


CSV_CELL = PRINTABLE_TEXT.filter(lambda text: "\x00" not in text)


@SETTINGS
@given(
    rows=st.lists(st.tuples(CSV_CELL, CSV_CELL), min_size=1, max_size=15),
    garbage=st.one_of(st.none(), GARBAGE_LINE.map(lambda data: data.replace(b'"', b""))),
    garbage_at=st.integers(min_value=0, max_value=15),
)
def test_csv_valid_rows_come_out_as_written(
    rows: list[tuple[str, str]], garbage: bytes | None, garbage_at: int
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["title", "text"])
    encoded_rows = []
    for row in rows:
        part = io.StringIO()
        csv.writer(part, lineterminator="\n").writerow(row)
        encoded_rows.append(part.getvalue().encode())
    position = min(garbage_at, len(encoded_rows))
    if garbage is not None:
        encoded_rows.insert(position, garbage + b"\n")
    path, results = _read_bytes("in.csv", buffer.getvalue().encode() + b"".join(encoded_rows))
    _assert_well_formed(path, results)
    by_row = {result.origin.record: result for result in results}
    row_number = 1
    for index, row in enumerate(rows):
        # Rows are numbered as a spreadsheet shows them; the garbage line is a row too.
        row_number += 2 if garbage is not None and index == position else 1
        result = by_row.get(f"row {row_number}")
        if not any(cell.strip() for cell in row):
            assert result is None  # an empty row is skipped
            continue
        expected = _expected(*row)
        if expected is None:
            assert isinstance(result, Reject) and result.reason in NO_TEXT
            continue
        assert isinstance(result, Article), result
        assert (result.title, result.text) == expected
        assert result.flag("encoding") is None


RECORD_LINE = PRINTABLE_TEXT.map(lambda text: text.replace("\n", " ").replace("\r", " "))


@SETTINGS
@given(
    title=RECORD_LINE.filter(str.strip),
    body=st.lists(RECORD_LINE, min_size=1, max_size=8),
)
def test_record_file_comes_out_as_written(title: str, body: list[str]) -> None:
    data = "\n".join([title, "20220301", "https://example.com/a", *body]) + "\n"
    path, results = _read_bytes("in.txt", data.encode())
    _assert_well_formed(path, results)
    [result] = results
    expected = _expected(title, "\n".join(body))
    if expected is None:
        assert isinstance(result, Reject) and result.reason in NO_TEXT
        return
    assert isinstance(result, Article), result
    assert (result.title, result.text) == expected
    assert result.flag("encoding") is None


# Words of Western European news, with the characters a legacy code page holds.
_WESTERN_WORDS = (
    "the mayor said café crème Zürich São Paulo naïve façade déclaré après tempête "
    "“quoted” ‘single’ — – … £5 €10 50% Müller Ångström señor año"
)
LEGACY_WORDS = st.sampled_from(_WESTERN_WORDS.split())
LEGACY_TEXT = st.lists(LEGACY_WORDS, min_size=3, max_size=40).map(" ".join)


@SETTINGS
@given(bodies=st.lists(LEGACY_TEXT, min_size=1, max_size=10), charset=st.just("cp1252"))
def test_whole_legacy_jsonl_file_comes_out_as_written(bodies: list[str], charset: str) -> None:
    data = "".join(
        json.dumps({"title": "T", "text": body}, ensure_ascii=False) + "\n" for body in bodies
    ).encode(charset)
    path, results = _read_bytes("in.jsonl", data)
    _assert_well_formed(path, results)
    assert [result.text for result in results] == [_expected("T", body)[1] for body in bodies]
