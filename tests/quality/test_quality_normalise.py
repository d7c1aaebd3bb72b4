"""Unicode/whitespace normalisation and duplicate lines, as input -> expected tables."""

from __future__ import annotations

import itertools

import ftfy
import pytest

from newsledger.quality.normalise import (
    _FTFY_CONFIG,
    SAFE_MARKS,
    _fix_text,
    drop_duplicate_lines,
    normalise_text,
)


@pytest.mark.parametrize(
    ("text", "expected", "changed"),
    [
        ("Plain line.\nSecond line.", "Plain line.\nSecond line.", False),
        ("Two  spaces\tand a tab.", "Two spaces and a tab.", True),
        ("No\u00a0break and\u2009thin and\u202fnarrow.", "No break and thin and narrow.", True),
        ("Zero\u200bwidth.", "Zerowidth.", True),
        ("  padded  \n\n\n next  ", "padded\nnext", True),
        (
            "He said \u201cno\u201d and \u2018maybe\u2019.",
            "He said \u201cno\u201d and \u2018maybe\u2019.",
            False,
        ),
        ("The caf\u00c3\u00a9 reopened.", "The caf\u00e9 reopened.", True),
        ("Windows\r\nline\r\nends", "Windows\nline\nends", True),
    ],
)
def test_normalise_text(text: str, expected: str, changed: bool) -> None:
    result, changes = normalise_text(text)
    assert result == expected
    assert bool(changes) == changed


@pytest.mark.parametrize(
    ("text", "expected", "dropped"),
    [
        ("a\nb\na\nc\nb", "a\nb\nc", 2),
        ("a\nb\nc", "a\nb\nc", 0),
        ("Same.\nsame.", "Same.\nsame.", 0),
    ],
)
def test_drop_duplicate_lines(text: str, expected: str, dropped: int) -> None:
    assert drop_duplicate_lines(text) == (expected, dropped)


# Lines ftfy is skipped on and lines it must still see, mixed: the fast path must give
# ftfy's own output, including its one piece of state ("<" turns entity decoding off
# for the rest of the text).
@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII line.\nAnother one, with a tab\there.",
        "Plain line.\nThe caf\u00c3\u00a9 reopened.\nPlain again.",
        "AT&amp;T said so.\nPlain.",
        "A <b>tag</b> first.\nThen AT&amp;T: left alone after a tag.",
        "AT&amp;T before.\n<p> a tag after.\nAT&amp;T again.",
        "Control\x00char and\x1b[31m an escape.\nPlain.",
        "Windows\r\nline\rends\n",
        "Ligature \ufb01ne and \uff21\uff22 wide.\n\u201cCurly\u201d kept.",
        "\n\nLeading newlines and no final one",
        "sch\u00c3\u00b6n\n\u00e2\u20ac\u201c mojibake dash",
        "He said \u201cno\u201d \u2013 twice\u2026\nIt\u2019s \u2018over\u2019\u00a0\u2014 now.",
        "Marks beside mojibake: \u201cthe caf\u00c3\u00a9\u201d \u2014 and \u00e2\u20ac\u2122.",
        "",
    ],
)
def test_fast_path_gives_ftfys_output(text: str) -> None:
    assert _fix_text(text) == ftfy.fix_text(text, config=_FTFY_CONFIG)


def test_ftfy_leaves_every_short_run_of_the_safe_marks_alone() -> None:
    """The fast path skips lines of ASCII and SAFE_MARKS: ftfy must not change any of
    them. Every string of up to four marks, letters and spaces (a decodable UTF-8
    sequence is at most four bytes long)."""
    alphabet = SAFE_MARKS + "a A"
    for length in range(1, 5):
        for letters in itertools.product(alphabet, repeat=length):
            text = "".join(letters)
            assert ftfy.fix_text(text, config=_FTFY_CONFIG) == text
