"""The indexed attribute ruler gives exactly the stock AttributeRuler's POS, morphology and lemmas.

Each text is parsed once up to the parser; then the stock ruler (rebuilt from the
same patterns) and the product's ruler each annotate their own copy, followed by
the same lemmatizer, and every token is compared.
"""

from __future__ import annotations

import pytest
from nlp_helpers import news_texts
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from newsledger.nlp import load_pipeline
from newsledger.nlp.attribute_ruler import IndexedAttributeRuler

# Sentences that reach the rules a tag alone does not decide: "that" as SCONJ or
# relative PRON, "not"/"n't" as PART, auxiliaries, possessives, reflexives,
# existential "there is", and the two-token rules ("gonna", "let's", "ain't").
SENTENCES = [
    "He said that the 352 civilians that were killed had not been counted.",
    "There are at least 1,000 wounded, and there's no sign it will stop.",
    "I'd say they ain't gonna let us go; let's see whether she herself can do it.",
    "Nobody knew if anything was left of their homes, but someone saw it burn.",
    "Y'all must've been told: the UN has been unable to verify these figures.",
    "Being there, we could not do much, c'mon, it is what it is.",
]


def _texts() -> list[str]:
    return news_texts(SENTENCES)


def _annotations(doc: Doc) -> list[tuple[str, str, str, str]]:
    return [(token.text, token.pos_, str(token.morph), token.lemma_) for token in doc]


def test_load_pipeline_uses_the_indexed_ruler_under_the_stock_name():
    nlp = load_pipeline()
    assert "attribute_ruler" in nlp.pipe_names
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)


@pytest.mark.parametrize("text", _texts(), ids=lambda text: text[:30])
def test_same_annotations_as_the_stock_ruler(text):
    nlp = load_pipeline()
    indexed = nlp.get_pipe("attribute_ruler")
    stock = AttributeRuler(nlp.vocab)
    stock.add_patterns(indexed.patterns)
    lemmatizer = nlp.get_pipe("lemmatizer")
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = nlp(text)
    ours, theirs = parsed.copy(), parsed.copy()
    lemmatizer(indexed(ours))
    lemmatizer(stock(theirs))
    assert _annotations(ours) == _annotations(theirs)
    # The rules did something: coarse tags were empty before the ruler ran.
    assert any(token.pos_ for token in ours)


def test_two_token_rules_still_apply():
    doc = load_pipeline()("They're gonna leave, let's go.")
    lemmas = {token.text: token.lemma_ for token in doc}
    assert lemmas["gon"] == "go"
    assert lemmas["na"] == "to"
    assert lemmas["'s"] == "us"
