"""Entities and sources on real coverage: no junk name across the ukraine corpus.

Issue 19's acceptance: across ../shared/data/corpus/ukraine-2022.jsonl no entity
name contains a timestamp, a URL, a byline glued to a name, or is a pronoun;
issue 20's: no figure's source is a pronoun or one of the leftovers it lists.
The whole corpus is ingested once per test session (`ukraine_db` in
tests/conftest.py, shared with the dashboard's acceptance test); the test skips
when the corpus is absent. The shapes below are written here,
apart from the code that cleans names, so the test does not grade itself.
"""

from __future__ import annotations

import re

import pytest

from newsledger.store import Store

JUNK_KINDS = {
    # "22.56Boris Johnson", "00:31Ukraine war", "BST Sweden"
    "timestamp": re.compile(r"\d{1,2}[.:]\d{2}(?!\d)|^(?:GMT|BST|UTC|CET|EET|MSK)\b"),
    "url": re.compile(r"https?://|www\.|pic\.twitter\.com|\bt\.co/|\.com/|(?<!\w)#\w"),
    # "Diana FrancisBath Andy Beckett", "ZelenskiyRead", "Read more Moscow", "CLICK HERE ..."
    "glued byline": re.compile(
        r"\b[A-Z][a-z]+ [A-Z][a-z]{3,}[A-Z][a-z]|[a-z](?:Read|READ)\b|^Read more\b|CLICK HERE"
    ),
}
# Written out here on purpose (issue 19: "a test lists them"); acronyms in capitals
# ("US", "WHO") are names, so case matters except at the start of a sentence.
_PRONOUN_WORDS = """
    i me my we us our you your he him his she her it its they them their this that
    these those who whom which what one someone everyone anyone nobody 's ’s
    """
PRONOUNS = frozenset(_PRONOUN_WORDS.split())
# Issue 20's leftovers, never a figure's source.
LEFTOVERS = frozenset({"i", "we", "five", "country", "authors", "war", "strikes", "economist"})


def is_pronoun(name: str) -> bool:
    bare = name.strip(" \"'“”.,")
    if len(bare) > 1 and bare.isupper():
        return False
    return bare.casefold() in PRONOUNS or name.strip() in ("'s", "’s")


@pytest.fixture(scope="module")
def ledger(ukraine_db):
    """The corpus's ledger, ingested once per session (`ukraine_db`, tests/conftest.py)."""
    store = Store(ukraine_db)
    assert store.counts()["articles"] > 600
    yield store
    store.close()


def junk_names(store: Store) -> dict[str, list[str]]:
    names = [entity["name"] for entity in store.entities()]
    found = {kind: [n for n in names if shape.search(n)] for kind, shape in JUNK_KINDS.items()}
    found["pronoun"] = [name for name in names if is_pronoun(name)]
    return found


def test_no_entity_name_holds_a_timestamp_a_url_a_glued_byline_or_is_a_pronoun(ledger):
    assert len(list(ledger.entities())) > 1000
    assert junk_names(ledger) == {"timestamp": [], "url": [], "glued byline": [], "pronoun": []}


def test_no_figure_source_is_a_pronoun_or_a_leftover(ledger):
    sources = {figure["source"] for figure in ledger.figures() if figure["source"]}
    assert len(sources) > 100
    bad = sorted(s for s in sources if is_pronoun(s) or s.strip().casefold() in LEFTOVERS)
    assert bad == []


def test_who_is_never_an_alias_of_the_who(ledger):
    for entity in ledger.entities(search="WHO"):
        forms = [entity["name"], *entity["aliases"]]
        assert "who" not in forms, entity


def test_full_names_and_their_short_forms_are_one_person(ledger):
    for full, short in [("Jens Stoltenberg", "Stoltenberg"), ("Antony Blinken", "Blinken")]:
        [entity] = [e for e in ledger.entities() if e["name"] == full]
        assert entity["kind"] == "person"
        assert short in entity["aliases"]
        assert not [e for e in ledger.entities() if e["name"] == short]
