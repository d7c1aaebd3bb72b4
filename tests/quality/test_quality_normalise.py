"""Unicode/whitespace normalisation and duplicate lines, as input -> expected tables."""

from __future__ import annotations

import pytest

from newsledger.quality.normalise import drop_duplicate_lines, normalise_text


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
