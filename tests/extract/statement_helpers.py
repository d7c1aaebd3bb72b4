"""Helpers shared by the statement tests: extract from own-words text, pick a statement."""

from __future__ import annotations

from newsledger.extract.statements.find import extract_statements


def statements(nlp, text: str):
    return extract_statements(nlp(text))


def containing(found, fragment: str):
    """The first statement whose content holds `fragment` (fails the test when none does)."""
    hits = [s for s in found if fragment in s.content.text]
    assert hits, f"no statement contains {fragment!r}: {[s.content.text for s in found]}"
    return hits[0]


def mention(statement) -> str | None:
    return statement.speaker_mention.text if statement.speaker_mention else None
