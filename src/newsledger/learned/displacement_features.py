"""The cues of a displacement decision: the figure cues of `learned.features` and
the words of the clause that say what happened to the people or homes counted
("took shelter", "were evacuated", "houses destroyed", "returned", "crossed").

The clause words are the lemmas of the figure's verb (the nearest verb above the
number), that verb's objects and prepositional objects, and the content words
within a few tokens of the number; the model learns which of them mark a
displacement and which term.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsledger.learned.features import figure_features
from newsledger.models import Figure

__all__ = ["displacement_features"]

# Content words this many tokens either side of the figure are cues.
WINDOW = 6
_CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN"})


def _verb(span: Span):
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return token
        token = token.head
    return token


def _clause_words(span: Span) -> set[str]:
    verb = _verb(span)
    words = {f"verb={verb.lemma_.lower()}"}
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "acomp", "xcomp", "prt", "oprd"):
            words.add(f"verb_arg={child.lemma_.lower()}")
        if child.dep_ == "prep":
            words.update(f"verb_prep={c.lemma_.lower()}" for c in child.children)
        if child.dep_ == "auxpass":
            words.add("passive")
    return words


def _window_words(doc: Doc, span: Span) -> set[str]:
    sentence = span.sent
    start = max(sentence.start, span.start - WINDOW)
    end = min(sentence.end, span.end + WINDOW)
    return {
        f"near={token.lemma_.lower()}"
        for token in doc[start:end]
        if token.pos_ in _CONTENT and token.is_alpha and not (span.start <= token.i < span.end)
    }


def displacement_features(doc: Doc, figure: Figure) -> dict[str, float]:
    """The named features of one figure for the displacement decision."""
    features = figure_features(doc, figure)
    span = doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
    if span is not None and len(span):
        for word in _clause_words(span) | _window_words(doc, span):
            features[word] = 1.0
    return features
