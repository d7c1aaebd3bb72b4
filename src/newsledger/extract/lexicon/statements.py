"""Data tables for statement extraction: cue words with their stance, titles, descriptions.

Everything language-specific that the statement extractor consults lives in
`lexicon/statements.json` as plain data keyed by language ("en"), so a new cue
verb or title is a one-line change there and never a new branch in code
(textacy keeps its reporting verbs the same way in `constants.py`). The file
says what each table means; this module loads it once and gives each table its
Python shape (dicts keyed by language of dicts, frozensets or tuples).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from newsledger.extract.lexicon.load import read

__all__ = [
    "ACCORDING_TO",
    "CONTENT_DEPS",
    "CUE_VERBS",
    "DESCRIPTION_NOUNS",
    "DOCUMENT_NOUNS",
    "GENDER_BY_TITLE",
    "IRREGULAR_CUE_FORMS",
    "KNOWN_ORGANISATIONS",
    "MILITARY_TITLES",
    "ORGANISATION_WORDS",
    "PRONOUNS",
    "QUOTE_ONLY_CUES",
    "SUBJECT_DEPS",
    "TITLE_ABBREVIATIONS",
    "TITLE_CONTINUATIONS",
    "TITLE_WORDS",
]

_DATA = read("statements.json")

Value = TypeVar("Value")


def _by_language(table: str, convert: Callable[[Any], Value]) -> dict[str, Value]:
    return {language: convert(value) for language, value in _DATA[table].items()}


def _pronouns(table: dict[str, list[Any]]) -> dict[str, tuple[str, str | None]]:
    """pronoun -> [kind, gender or null] as pronoun -> (kind, gender or None)."""
    return {pronoun: (kind, gender) for pronoun, (kind, gender) in table.items()}


CUE_VERBS: dict[str, dict[str, str]] = _by_language("cue_verbs", dict)
IRREGULAR_CUE_FORMS: dict[str, dict[str, str]] = _by_language("irregular_cue_forms", dict)
QUOTE_ONLY_CUES: dict[str, frozenset[str]] = _by_language("quote_only_cues", frozenset)
ACCORDING_TO: dict[str, tuple[str, ...]] = _by_language("according_to", tuple)
CONTENT_DEPS: dict[str, frozenset[str]] = _by_language("content_deps", frozenset)
SUBJECT_DEPS: dict[str, frozenset[str]] = _by_language("subject_deps", frozenset)
TITLE_WORDS: dict[str, frozenset[str]] = _by_language("title_words", frozenset)
TITLE_CONTINUATIONS: dict[str, frozenset[str]] = _by_language("title_continuations", frozenset)
TITLE_ABBREVIATIONS: dict[str, dict[str, str]] = _by_language("title_abbreviations", dict)
GENDER_BY_TITLE: dict[str, dict[str, str]] = _by_language("gender_by_title", dict)
DESCRIPTION_NOUNS: dict[str, dict[str, str]] = _by_language("description_nouns", dict)
MILITARY_TITLES: dict[str, frozenset[str]] = _by_language("military_titles", frozenset)
PRONOUNS: dict[str, dict[str, tuple[str, str | None]]] = _by_language("pronouns", _pronouns)
DOCUMENT_NOUNS: dict[str, frozenset[str]] = _by_language("document_nouns", frozenset)
ORGANISATION_WORDS: dict[str, frozenset[str]] = _by_language("organisation_words", frozenset)
KNOWN_ORGANISATIONS: dict[str, frozenset[str]] = _by_language("known_organisations", frozenset)
