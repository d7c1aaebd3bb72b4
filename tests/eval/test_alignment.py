"""Stored offsets (into the normalised text) map back to the published text's offsets."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.article import make_article
from newsledger.eval.alignment import OffsetMap
from newsledger.models import Origin
from newsledger.quality import check_article

PUBLISHED = (
    "Three people were killed in Kharkiv,  officials said.The mayor said   more help was coming."
    "\n\n\nRead more\nShelling continued overnight, the governor wrote.Read more\n"
    "Shelling continued overnight, the governor wrote.Read more\n"
    "Two soldiers were wounded\u200b near Izium."
)


def _stored(text: str) -> str:
    return check_article(
        make_article(title=None, date_raw=None, url=None, text=text, origin=Origin("t", "1"))
    ).text


def test_words_of_the_normalised_text_map_to_the_same_words():
    stored = _stored(PUBLISHED)
    assert stored != PUBLISHED
    mapping = OffsetMap(stored, PUBLISHED)
    for word in re.finditer(r"\w+", stored):
        start, end = mapping.to_gold(word.start(), word.end())
        assert PUBLISHED[start:end].replace("\u200b", "") == word.group()


def test_a_phrase_across_a_repaired_sentence_break_maps_to_the_published_phrase():
    stored = _stored(PUBLISHED)
    phrase = "officials said. The mayor"
    start = stored.index(phrase)
    gold = OffsetMap(stored, PUBLISHED).to_gold(start, start + len(phrase))
    assert PUBLISHED[gold[0] : gold[1]] == "officials said.The mayor"


def test_an_unmapped_span_is_none():
    mapping = OffsetMap("", "Nothing here.")
    assert mapping.to_gold(0, 0) is None
    assert OffsetMap("a b", "a b").to_gold(1, 2) is None  # only a space


_WORDS = st.lists(
    st.sampled_from(["killed", "Kyiv", "12", "said.", "The", "  ", "\n", "\n\n", "x", "\u00a0"]),
    max_size=60,
)


@given(_WORDS)
@settings(max_examples=150, deadline=None)
def test_every_stored_word_maps_to_an_equal_published_word(pieces):
    published = " ".join(pieces)
    stored = _stored(published)
    mapping = OffsetMap(stored, published)
    for word in re.finditer(r"\w+", stored):
        span = mapping.to_gold(word.start(), word.end())
        assert span is not None
        assert published[span[0] : span[1]] == word.group()
