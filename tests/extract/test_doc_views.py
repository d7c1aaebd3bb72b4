"""doc_views gives spaCy's own text, entities and token selections, computed once per Doc."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from newsledger.extract.context import (
    doc_ents,
    doc_sentences,
    doc_text,
    doc_tokens,
    remember_text,
    sentence_of,
    span_ents,
    span_text,
    span_tokens,
    token_indices,
    token_starts,
)
from newsledger.nlp import load_pipeline

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "data" / "seed-article.txt"

OWN_TEXT = (
    "At least 352 civilians, including 14 children, were killed in Ukraine by Sunday, "
    "according to the health ministry in Kyiv. Lt. Gen. Ivan Petrov said on Monday that "
    "the UN had confirmed 136 deaths.\n\nThe Red Cross in Geneva warned of more to come."
)


def _texts() -> list[str]:
    texts = [OWN_TEXT] + [
        p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))
    ]
    if SEED.exists():
        texts.append(SEED.read_text(encoding="utf-8"))
    return texts


@pytest.fixture(scope="module")
def docs():
    return list(load_pipeline().pipe(_texts()))


def test_text_and_entities_are_spacys(docs):
    for doc in docs:
        assert doc_text(doc) == doc.text
        assert doc_ents(doc) == doc.ents
        assert token_starts(doc) == [token.idx for token in doc]


def test_sentence_entities_are_spacys(docs):
    compared = 0
    for doc in docs:
        for sentence in doc.sents:
            assert span_ents(sentence) == list(sentence.ents)
            compared += len(sentence.ents)
        # Spans that cut through entities, too.
        for start in range(0, len(doc), 7):
            span = doc[start : start + 11]
            assert span_ents(span) == list(span.ents)
    assert compared > 20


def test_sentences_and_tokens_are_spacys(docs):
    compared = 0
    for doc in docs:
        assert doc_sentences(doc) == tuple(doc.sents)
        assert doc_tokens(doc) == list(doc)
        for token in doc:
            sentence = sentence_of(token)
            assert (sentence.start, sentence.end) == (token.sent.start, token.sent.end)
            compared += 1
        for sentence in doc.sents:
            assert span_text(sentence) == sentence.text
            assert span_tokens(sentence) == list(sentence)
            assert [t.i for t in span_tokens(sentence)] == list(range(sentence.start, sentence.end))
    assert compared > 1000


def test_token_selections_match_a_walk_over_every_token(docs):
    words = frozenset({"according", "said", "the"})
    for doc in docs:
        assert token_indices(doc, pos=("VERB",)) == [t.i for t in doc if t.pos_ == "VERB"]
        assert token_indices(doc, dep=("nsubj", "dobj")) == [
            t.i for t in doc if t.dep_ in ("nsubj", "dobj")
        ]
        assert token_indices(doc, lower=words) == [t.i for t in doc if t.lower_ in words]
        assert token_indices(doc, not_alpha=True) == [t.i for t in doc if not t.is_alpha]
        assert token_indices(doc, pos=("PROPN",), lower=words) == [
            t.i for t in doc if t.pos_ == "PROPN" or t.lower_ in words
        ]
    assert token_indices(docs[0], lower=words)  # the own text has them


def test_views_follow_each_doc(docs):
    nlp = load_pipeline()
    first, second = nlp("Five people died in Kharkiv."), nlp("Ten people died in Odesa.")
    assert doc_text(first) != doc_text(second)
    assert [e.text for e in doc_ents(second)] == [e.text for e in second.ents]


def test_views_do_not_keep_docs_alive():
    # A cache that held every Doc it saw leaked memory on long runs.
    nlp = load_pipeline()
    first = nlp("Three people were hurt in Lviv.")
    doc_ents(first)
    gone = weakref.ref(first)
    del first
    for text in ("Two died in Sumy.", "One was hurt in Dnipro.", "Four fled Izium."):
        doc_ents(nlp(text))
    gc.collect()
    assert gone() is None


def test_the_parsed_text_is_taken_only_when_it_is_the_docs():
    nlp = load_pipeline()
    text = "Five people were injured in Kharkiv on Monday."
    doc = nlp(text)
    remember_text(doc, text[:-1])  # not where the last token ends: ignored
    assert doc_text(doc) == text
    other = nlp(text)
    remember_text(other, text)
    assert doc_text(other) == other.text
