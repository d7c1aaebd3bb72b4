"""A figure's verification status: from its reporting cue, then from hedges in the article.

Owns two steps. `status_from_cue` maps the cue lemma (confirm -> confirmed,
claim -> claimed, report/say/show -> reported, estimate -> estimated,
deny/dispute -> disputed; "an estimated 500" -> estimated); a figure with no
cue is reported (the outlet states it). `apply_hedges` then marks figures
unverified where a hedge sentence ("These claims have not yet been
independently verified") reaches them. Scope, decided so that a hedge never
overrides a verification stated elsewhere:

- a hedge whose subject points back ("these claims", "the figures", "it")
  reaches the figures of the `hedge_reach_sentences` sentences before it in
  the text, except confirmed ones;
- inside its own sentence a hedge reaches only the figures its verb governs,
  not those of a clause joined to it ("... not verified, but the UN has
  confirmed more than 500 casualties" keeps the 500 confirmed).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from newsledger.extract.context import doc_sentences, sentence_of, span_text, span_tokens
from newsledger.extract.lexicon.figures import ESTIMATE_WORDS, HEDGE_VERBS, tables
from newsledger.models import Figure

__all__ = ["apply_hedges", "status_from_cue"]

DEFAULT_STATUS = "reported"
# Links through which a hedge verb does not govern a figure's clause.
INDEPENDENT_DEPS = frozenset({"conj", "parataxis"})


def status_from_cue(cue_lemma: str | None, anchor: Token) -> str:
    """The status a reporting cue gives, "estimated" for "an estimated 500"."""
    start = max(sentence_of(anchor).start, anchor.i - 3)
    if any(t.lower_ in ESTIMATE_WORDS for t in anchor.doc[start : anchor.i]):
        return "estimated"
    if cue_lemma is None:
        return DEFAULT_STATUS
    return tables().cue_status.get(cue_lemma, DEFAULT_STATUS)


@lru_cache(maxsize=1)
def _hedge_pattern() -> re.Pattern[str]:
    # One alternation finds a sentence any of the hedge patterns finds, in one scan.
    return re.compile("|".join(f"(?:{p.pattern})" for p in tables().hedge_patterns))


def _hedge_verb(sentence) -> Token | None:
    text = span_text(sentence).lower()
    if not _hedge_pattern().search(text):
        return None
    verbs = [
        t
        for t in span_tokens(sentence)
        if t.lemma_.lower() in HEDGE_VERBS or t.lower_ in HEDGE_VERBS
    ]
    return verbs[0] if verbs else sentence.root


def _is_anaphoric(verb: Token) -> bool:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return True
    words = " ".join(t.lower_ for t in subjects[0].subtree)
    return any(
        words == phrase or words.startswith(phrase + " ") for phrase in tables().anaphoric_subjects
    )


def _governed(anchor: Token, verb: Token) -> bool:
    node = anchor
    # A head chain ends at its root (its own head); bounded by the doc's length all the same.
    for _ in range(len(anchor.doc)):
        if node.head.i == node.i:
            break
        if node.head.i == verb.i:
            return node.dep_ not in INDEPENDENT_DEPS
        node = node.head
    return False


def apply_hedges(doc: Doc, figures: list[Figure]) -> None:
    """Mark hedged figures unverified, in place (see the module docstring for the scope)."""
    # Confirmed figures and non-counts are never hedged: without others there is no work.
    if not any(f.status != "confirmed" and f.category != "other" for f in figures):
        return
    reach = tables().hedge_reach_sentences
    sentences = doc_sentences(doc)
    for index, sentence in enumerate(sentences):
        verb = _hedge_verb(sentence)
        if verb is None:
            continue
        anaphoric = _is_anaphoric(verb)
        for figure in figures:
            if figure.status == "confirmed" or figure.category == "other":
                continue
            if figure.sentence_index == index:
                token = doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
                if token is not None and _governed(token.root, verb):
                    figure.status = "unverified"
            elif anaphoric and index - reach <= figure.sentence_index < index:
                figure.status = "unverified"
