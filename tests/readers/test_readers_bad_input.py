"""Bad input never stops a batch: each case is a real file and becomes a Reject (or a
flagged article) while the good records around it still come out."""

from __future__ import annotations

import gc
import os
import random
import resource
from pathlib import Path

import pytest
from reader_helpers import read_all

GOOD = "Good title\n20220301\nhttps://example.com/good\nA good body line.\n"


def _good(tmp_path: Path) -> Path:
    path = tmp_path / "zz-good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.jsonl", b"\n\n  \n", "empty file"),
        ("title-only.txt", b"Just a title\n", "no body text"),
        ("no-body.txt", b"Title\n20220301\nhttps://example.com/x\n", "no body text"),
        ("random.bin", random.Random(7).randbytes(4096), "not text (binary data)"),
        ("random.txt", random.Random(8).randbytes(4096), "not text (binary data)"),
    ],
)
def test_rejected_file(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    articles, rejects, _ = read_all(bad, _good(tmp_path))
    assert [r.reason for r in rejects] == [reason]
    assert rejects[0].origin.path == str(bad)
    assert [a.title for a in articles] == ["Good title"]


@pytest.mark.parametrize(
    ("date_line", "flag"),
    [("yesterday", "date_unparseable"), ("20221345", "date_unparseable"), ("", "date_missing")],
)
def test_bad_date_line_is_flagged_not_rejected(tmp_path: Path, date_line: str, flag: str) -> None:
    path = tmp_path / "record.txt"
    path.write_text(f"Title\n{date_line}\nhttps://example.com/a\nBody text.\n", encoding="utf-8")
    [article], [], _ = read_all(path)
    assert article.published is None
    found = article.flag(flag)
    assert found is not None and date_line in found.detail
    assert article.text == "Body text."


def test_latin1_record_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    body = "Le café du port a rouvert après la tempête, a déclaré le maire à la presse."
    path.write_bytes(f"Café rouvert\n20220301\n{body}\n".encode("latin-1"))
    [article], [], _ = read_all(path)
    assert article.title == "Café rouvert"
    assert "café du port" in article.text and "tempête" in article.text
    flag = article.flag("encoding")
    assert flag is not None and "UTF-8" in flag.detail


def test_latin1_jsonl_line_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    line = '{"title": "Bon", "text": "Un caf\u00e9 cr\u00e8me et un g\u00e2teau, merci."}\n'
    path.write_bytes(line.encode("latin-1"))
    [article], [], _ = read_all(path)
    assert "café crème" in article.text
    assert article.flag("encoding") is not None


def test_csv_without_text_column(fixtures: Path, tmp_path: Path) -> None:
    articles, rejects, _ = read_all(fixtures / "no-text-column.csv", _good(tmp_path))
    [reject] = rejects
    assert "headline, when, where" in reject.reason
    assert "--field text=COLUMN" in reject.reason
    assert len(articles) == 1


def test_html_without_main_text(fixtures: Path) -> None:
    [], [reject], _ = read_all(fixtures / "empty-page.html")
    assert reject.reason == "no main text found"


def test_missing_and_unmatched_paths(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    articles, rejects, _ = read_all(missing, tmp_path / "none-*.txt", _good(tmp_path))
    assert [r.reason for r in rejects] == ["file not found", "no files match this pattern"]
    assert len(articles) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without permission")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    [], [reject], _ = read_all(path)
    assert reject.reason.startswith("cannot read file")


def test_unreadable_path_is_a_directory_inside_glob(tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    articles, rejects, _ = read_all(tmp_path / "*.txt", _good(tmp_path))
    assert [r.reason for r in rejects] == []
    assert len(articles) == 2  # the glob found zz-good.txt, then the explicit path


def _write_huge_line(path: Path, size: int, prefix: bytes = b"") -> None:
    chunk = b"x" * (1024 * 1024)
    with open(path, "wb") as output:
        output.write(prefix)
        for _ in range(size // len(chunk)):
            output.write(chunk)


@pytest.mark.parametrize(("name", "prefix"), [("huge.txt", b""), ("huge.jsonl", b'{"text": "')])
def test_50mb_single_line_is_rejected_with_bounded_memory(
    tmp_path: Path, name: str, prefix: bytes
) -> None:
    path = tmp_path / name
    _write_huge_line(path, 50 * 1024 * 1024, prefix)
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    articles, rejects, _ = read_all(path, _good(tmp_path))
    growth_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert [r.reason.split(" (")[0] for r in rejects] == ["record too large"]
    assert [a.title for a in articles] == ["Good title"]
    assert growth_mb < 30, f"peak RSS grew by {growth_mb:.1f} MB"


def test_jsonl_mixed_good_and_broken_lines(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"title": "One", "text": "First body."}\n'
        '{"title": "Two", "text": "Second body.\n'
        "[1, 2, 3]\n"
        '{"title": "Four", "body": "Fourth body."}\n'
        '{"title": "Five", "summary": "no text here"}\n',
        encoding="utf-8",
    )
    articles, rejects, stats = read_all(path)
    assert [a.title for a in articles] == ["One", "Four"]
    assert [r.origin.record for r in rejects] == ["line 2", "line 3", "line 5"]
    assert "invalid JSON" in rejects[0].reason
    assert "not a JSON object" in rejects[1].reason
    assert "no text field (fields found: title, summary)" in rejects[2].reason
    assert stats.records_seen == 5


def test_body_of_only_invisible_characters_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "invisible.jsonl"
    path.write_text(
        '{"title": "Blank", "text": "\\u200b\\u00ad \\u200b"}\n{"title": "Two", "text": "Body."}\n',
        encoding="utf-8",
    )
    articles, [reject], _ = read_all(path)
    assert reject.reason == "no body text after normalisation"
    assert reject.origin.record == "line 1"
    assert [a.title for a in articles] == ["Two"]
