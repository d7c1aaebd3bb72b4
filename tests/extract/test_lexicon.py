"""The lexicon's data files: each parses, documents itself and holds clean tables.

Every `extract/lexicon/*.json` file must have an "_about" text, every table a
non-empty value, and every list of words no duplicate and no word with spaces
around it (a duplicate in a word list is a silent no-op, a padded word never
matches a token). The checks run on a file's parsed content, so the same
functions also prove they fail on a bad file.
"""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources

import pytest

from newsledger.extract.lexicon import load

DATA_FILES = sorted(
    entry.name
    for entry in resources.files(load.LEXICON_PACKAGE).iterdir()
    if entry.name.endswith(".json")
)


def _word_lists(value, where: str):
    """Every list of strings inside a table, with where it sits."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        yield where, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _word_lists(inner, f"{where}.{key}")


def _problems(data: dict) -> list[str]:
    """What is wrong with one parsed data file (empty when it is clean)."""
    problems = []
    if not isinstance(data.get("_about"), str) or not data["_about"].strip():
        problems.append("no _about text")
    names = load.table_names(data)
    if not names:
        problems.append("no tables")
    for key in data:
        if key.startswith("_about_") and key.removeprefix("_about_") not in names:
            problems.append(f"{key} documents no table")
    for name in names:
        if not data[name]:
            problems.append(f"{name} is empty")
        for where, listed in _word_lists(data[name], name):
            twice = sorted(word for word, count in Counter(listed).items() if count > 1)
            if twice:
                problems.append(f"{where} lists {twice} twice")
            padded = [word for word in listed if word != word.strip() or not word]
            if padded:
                problems.append(f"{where} has padded or empty words {padded}")
        if isinstance(data[name], dict):
            padded_keys = [key for key in data[name] if key != key.strip() or "  " in key]
            if padded_keys:
                problems.append(f"{name} has padded keys {padded_keys}")
    return problems


def test_the_lexicon_has_its_data_files():
    assert {"figures.json", "quantities.json", "statements.json", "victims.json"} <= set(DATA_FILES)


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_file_parses_and_is_clean(name):
    text = resources.files(load.LEXICON_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    assert _problems(json.loads(text)) == []


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        ({"words": ["a"]}, "no _about text"),
        ({"_about": "x"}, "no tables"),
        ({"_about": "x", "words": []}, "words is empty"),
        ({"_about": "x", "words": ["a", "b", "a"]}, "words lists ['a'] twice"),
        (
            {"_about": "x", "words": {"en": ["a ", "b"]}},
            "words.en has padded or empty words ['a ']",
        ),
        ({"_about": "x", "units": {" km": "kilometre"}}, "units has padded keys [' km']"),
        ({"_about": "x", "_about_word": "y", "words": ["a"]}, "_about_word documents no table"),
    ],
)
def test_a_bad_file_is_caught(bad, problem):
    assert problem in _problems(bad)


def test_each_file_is_read_once():
    assert load.read("quantities.json") is load.read("quantities.json")


@pytest.mark.parametrize(
    ("phrase", "tokens"),
    [("tens of thousands", ("tens", "of", "thousands")), ("km/h", ("km/h",)), ("%", ("%",))],
)
def test_phrase_keys_are_token_tuples(phrase, tokens):
    assert load.phrase(phrase) == tokens
