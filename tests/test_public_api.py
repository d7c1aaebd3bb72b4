"""The public API is exactly what README's "Python API" section documents, and it all resolves."""

from __future__ import annotations

import re
from pathlib import Path

import newsledger

README = Path(__file__).resolve().parents[1] / "README.md"


def documented_names() -> set[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Python API", 1)[1].split("\n## ", 1)[0]
    listed = section.split("```", 2)[2]  # the bullet list after the code example
    return set(re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)`", listed)) - {"__all__", "newsledger"}


def test_exported_names_are_the_documented_ones():
    assert set(newsledger.__all__) == documented_names()


def test_every_exported_name_resolves():
    for name in newsledger.__all__:
        assert getattr(newsledger, name) is not None, name


def test_errors_share_one_root():
    for name in newsledger.__all__:
        value = getattr(newsledger, name)
        if isinstance(value, type) and issubclass(value, Exception):
            assert issubclass(value, newsledger.NewsledgerError), name
