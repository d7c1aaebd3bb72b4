"""Source names: whole words or a prefix of words, parent bodies from data, never letters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.source_names import name_words, source_matches, source_members


@pytest.mark.parametrize(
    ("name", "query", "expected"),
    [
        ("UN", "UN", True),
        ("U.N.", "un", True),
        ("the UN's", "UN", True),
        ("UN refugee agency", "UN", True),
        ("United Nations", "UN", True),
        ("OHCHR", "UN", True),
        ("UNICEF", "UN", True),
        ("WHO", "UN", True),
        ("UN human rights office", "United Nations", True),
        ("country", "UN", False),
        ("Union", "UN", False),
        ("European Union", "UN", False),
        ("Volodymyr Zelensky", "UN", False),
        ("who", "UN", False),
        ("unicef", "UN", False),
        ("Volodymyr Zelensky", "Zelensky", True),
        ("Volodymyr Zelensky", "volodymyr", True),
        ("Volodymyr Zelensky", "olodymyr", False),
        ("regional fire service", "regional fire", True),
        ("regional fire service", "fire service", False),
        (None, "UN", False),
        ("UN", "", False),
        ("UN", "...", False),
    ],
)
def test_source_matches(name, query, expected):
    assert source_matches(name, query) is expected


def test_the_un_has_its_agencies_as_members_and_no_person():
    members = set(source_members("UN"))
    assert {"OHCHR", "UNHCR", "UNICEF", "WHO", "United Nations"} <= members
    assert "Antonio Guterres" not in members
    assert source_members("Valdorian health ministry") == ()


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
names = st.lists(words, min_size=1, max_size=4).map(" ".join)


@given(names, names)
def test_a_query_whose_words_start_the_name_always_matches(name, query):
    if name_words(name)[: len(name_words(query))] == name_words(query):
        assert source_matches(name, query)
    assert source_matches(f"{query} {name}", query)


@given(words, words)
def test_letters_inside_a_word_never_match(head, tail):
    """Part of one word is never a match: "UN" is not in "country", "ountry" not either."""
    word = head + tail
    if source_members(head) or source_members(tail):
        return
    assert not source_matches(word + " council", tail)
    assert source_matches(word + " council", word)


@given(names, st.sampled_from(["", "the ", "THE "]), st.booleans())
def test_case_and_a_leading_the_do_not_count(name, article, upper):
    query = name.upper() if upper else name
    assert source_matches(article + name, query)
