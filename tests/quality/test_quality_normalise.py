"""Unicode/whitespace normalisation and duplicate lines, as input -> expected tables."""

from __future__ import annotations

import ftfy
import pytest

from newsledger.quality.normalise import (
    _FTFY_CONFIG,
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
        "",
    ],
)
def test_fast_path_gives_ftfys_output(text: str) -> None:
    assert _fix_text(text) == ftfy.fix_text(text, config=_FTFY_CONFIG)
