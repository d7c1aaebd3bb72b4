"""Encoding is decided per line: one bad line never changes how the valid UTF-8 lines
around it read (issue 15). The bad line is decoded with U+FFFD replacement or a
detected charset and flagged `encoding` naming its line; a file written wholly in one
legacy charset still reads with that charset."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reader_helpers import read_all

from newsledger.readers import decoding

# Curly quotes and dashes: the characters a wrong legacy charset turns into mojibake
# ("Zelenskyy‚Äôs").
BODIES = [
    f"President Zelenskyy\u2019s \u201cpeace formula\u201d \u2014 point {number} \u2013 was "
    "discussed in Kyiv on Tuesday, officials said."
    for number in range(30)
]
BAD_LINE = 13  # 1-based line number of the record holding an invalid byte


def _jsonl(path: Path, bad: bytes) -> None:
    lines = [
        json.dumps(
            {"title": f"Zelenskyy\u2019s story {n}", "text": body}, ensure_ascii=False
        ).encode()
        for n, body in enumerate(BODIES)
    ]
    lines[BAD_LINE - 1] = bad
    path.write_bytes(b"\n".join(lines) + b"\n")


@pytest.mark.parametrize(
    ("bad", "expected_text", "note"),
    [
        # A stray Windows-1252 apostrophe in otherwise ASCII text: that charset reads it.
        (
            b'{"title": "Bad", "text": "Zelenskyy\x92s plan was discussed \xff in Kyiv."}',
            "Zelenskyy\u2019s plan was discussed \u00ff in Kyiv.",
            "decoded as cp1252, not UTF-8",
        ),
        # UTF-8 with one broken byte: the good characters stay, the bad byte is U+FFFD.
        (
            b'{"title": "Bad", "text": "Zelenskyy\xe2\x80\x99s \xff plan was discussed."}',
            "Zelenskyy\u2019s \ufffd plan was discussed.",
            "invalid UTF-8 byte sequence replaced with U+FFFD",
        ),
    ],
)
def test_jsonl_one_bad_line_leaves_the_others_exact(
    tmp_path: Path, bad: bytes, expected_text: str, note: str
) -> None:
    path = tmp_path / "mixed.jsonl"
    _jsonl(path, bad)
    articles, rejects, _ = read_all(path)
    assert rejects == []
    good = [a for a in articles if a.origin.record != f"line {BAD_LINE}"]
    assert [a.text for a in good] == BODIES[: BAD_LINE - 1] + BODIES[BAD_LINE:]
    assert {a.title for a in good} == {
        f"Zelenskyy\u2019s story {n}" for n in range(len(BODIES)) if n != BAD_LINE - 1
    }
    assert all(a.flag("encoding") is None for a in good)
    [flagged] = [a for a in articles if a.origin.record == f"line {BAD_LINE}"]
    assert flagged.origin.path == str(path)
    assert flagged.text == expected_text
    flag = flagged.flag("encoding")
    assert flag is not None and note in flag.detail


def test_jsonl_bad_line_in_a_file_with_no_other_non_ascii(tmp_path: Path) -> None:
    path = tmp_path / "ascii.jsonl"
    path.write_bytes(
        b'{"title": "One", "text": "Plain first body."}\n'
        b'{"title": "Two", "text": "Caf\xe9 cr\xe8me for two."}\n'
        b'{"title": "Three", "text": "Plain third body \xe2\x80\x94 with a dash."}\n'
    )
    articles, [], _ = read_all(path)
    assert [a.text for a in articles] == [
        "Plain first body.",
        "Café crème for two.",
        "Plain third body \u2014 with a dash.",
    ]
    assert [a.flag("encoding") is not None for a in articles] == [False, True, False]


def _cp1252_lines(count: int) -> list[str]:
    return [
        f"Le caf\u00e9 \u201cdu port\u201d n\u00b0{n} a rouvert apr\u00e8s la temp\u00eate "
        "\u2014 a d\u00e9clar\u00e9 le maire."
        for n in range(count)
    ]


def test_whole_cp1252_jsonl_file_still_decodes(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.jsonl"
    bodies = _cp1252_lines(12)
    path.write_bytes(
        "".join(
            json.dumps({"title": f"T{n}", "text": body}, ensure_ascii=False) + "\n"
            for n, body in enumerate(bodies)
        ).encode("cp1252")
    )
    articles, [], _ = read_all(path)
    assert [a.text for a in articles] == bodies
    for number, article in enumerate(articles, start=1):
        flag = article.flag("encoding")
        assert article.origin.record == f"line {number}"
        assert flag is not None and flag.detail == "decoded as cp1252, not UTF-8"


def test_whole_cp1252_record_and_csv_files_still_decode(tmp_path: Path) -> None:
    bodies = _cp1252_lines(4)
    record = tmp_path / "cp1252.txt"
    record.write_bytes(
        ("Caf\u00e9 rouvert\n20220301\n" + "\n".join(bodies) + "\n").encode("cp1252")
    )
    table = tmp_path / "cp1252.csv"
    table.write_bytes(
        ("title,text\n" + "".join(f'T{n},"{body}"\n' for n, body in enumerate(bodies))).encode(
            "cp1252"
        )
    )
    articles, [], _ = read_all(record, table)
    assert articles[0].title == "Café rouvert"
    assert articles[0].text == "\n".join(bodies)
    assert [a.text for a in articles[1:]] == bodies
    assert all(a.flag("encoding") is not None for a in articles)


def test_record_file_one_bad_line_leaves_the_others_exact(tmp_path: Path) -> None:
    path = tmp_path / "record.txt"
    path.write_bytes(
        "Zelenskyy\u2019s \u201cplan\u201d\n20220301\nhttps://example.com/a\n".encode()
        + BODIES[0].encode()
        + b"\nA second paragraph with a stray \x92 byte.\n"
        + BODIES[1].encode()
        + b"\n"
    )
    [article], [], _ = read_all(path)
    assert article.title == "Zelenskyy\u2019s \u201cplan\u201d"
    assert article.text.split("\n") == [
        BODIES[0],
        "A second paragraph with a stray \u2019 byte.",
        BODIES[1],
    ]
    flag = article.flag("encoding")
    assert flag is not None and flag.detail == "decoded as cp1252, not UTF-8 (line 5)"


def test_csv_one_bad_row_leaves_the_others_exact(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    rows = [f'"Story {n}","{body}"'.encode() for n, body in enumerate(BODIES[:6])]
    # Row 4 (file lines 4-5: a quoted newline) holds the bad byte on its second line.
    rows[2] = b'"Bad","First line of the cell,\nsecond \xe2\x80\x9cline\xe2\x80\x9d \xff here."'
    path.write_bytes(b"title,text\n" + b"\n".join(rows) + b"\n")
    articles, [], _ = read_all(path)
    assert [a.origin.record for a in articles] == [f"row {n}" for n in range(2, 8)]
    good = [a for a in articles if a.origin.record != "row 4"]
    assert [a.text for a in good] == BODIES[:2] + BODIES[3:6]
    assert all(a.flag("encoding") is None for a in good)
    bad = articles[2]
    assert bad.text == "First line of the cell,\nsecond \u201cline\u201d \ufffd here."
    flag = bad.flag("encoding")
    assert flag is not None and flag.detail.endswith("(line 5)")


def test_legacy_lines_past_an_ascii_head_are_detected_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[bytes] = []
    real_detect = decoding._detect

    def counting_detect(data: bytes) -> str | None:
        calls.append(data)
        return real_detect(data)

    monkeypatch.setattr(decoding, "_detect", counting_detect)
    path = tmp_path / "late.jsonl"
    ascii_line = json.dumps({"title": "Plain", "text": "A plain ASCII body. " * 20}) + "\n"
    head = ascii_line * (decoding.HEAD_BYTES // len(ascii_line) + 1)
    bodies = _cp1252_lines(20)
    late = "".join(json.dumps({"title": "T", "text": b}, ensure_ascii=False) + "\n" for b in bodies)
    path.write_bytes(head.encode() + late.encode("cp1252"))
    articles, [], _ = read_all(path)
    assert [a.text for a in articles[-20:]] == bodies
    assert all("decoded as cp1252" in a.flag("encoding").detail for a in articles[-20:])
    assert len(calls) == 1
