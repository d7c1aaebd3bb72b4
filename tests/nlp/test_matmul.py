"""The pipeline multiplies through numpy's BLAS and annotates news text as the stock pipeline does.

The stock pipeline (blis matrix products, as its package loads it) and the
product's pipeline parse the same texts; tags, dependencies, heads, entities and
lemmas must agree token for token. Only the floating-point summation order
differs between the two backends, which could in principle flip a near-tie, so
the comparison runs on the bundled examples, the seed article and own sentences.
"""

from __future__ import annotations

from nlp_helpers import news_texts
from spacy.tokens import Doc

from newsledger.nlp import load_pipeline, load_stock_pipeline

SENTENCES = [
    "At least 352 civilians, including 14 children, have been killed, the health ministry said.",
    "The UN said on Tuesday it had confirmed 136 deaths but that the real toll was far higher.",
    "Lieutenant Colonel Ivanov told reporters in Kyiv that the order had taken him by surprise.",
]


def _texts() -> list[str]:
    return news_texts(SENTENCES)


def _annotations(doc: Doc) -> list[tuple]:
    return [
        (
            token.text,
            token.tag_,
            token.dep_,
            token.head.i,
            token.ent_iob_,
            token.ent_type_,
            token.lemma_,
        )
        for token in doc
    ]


def test_every_layer_multiplies_through_numpy():
    nlp = load_pipeline()
    layers = [
        layer
        for _name, component in nlp.pipeline
        if hasattr(getattr(component, "model", None), "walk")
        for layer in component.model.walk()
    ]
    assert layers
    assert all(layer.ops.use_blis is False for layer in layers)


def test_stock_pipeline_still_multiplies_through_blis():
    # The reference below must really be the other backend, or the comparison proves nothing.
    stock = load_stock_pipeline()
    assert stock.get_pipe("ner").model.ops.use_blis is True


def test_same_annotations_as_the_stock_pipeline():
    texts = _texts()
    ours = [_annotations(doc) for doc in load_pipeline().pipe(texts)]
    stock = [_annotations(doc) for doc in load_stock_pipeline().pipe(texts)]
    assert sum(len(doc) for doc in ours) > 1000
    for text, mine, theirs in zip(texts, ours, stock, strict=True):
        assert mine == theirs, text[:60]
