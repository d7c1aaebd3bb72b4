"""A parsed Doc's text, entities and token attributes, computed once per Doc.

spaCy rebuilds `Doc.text` by joining every token on each access, builds
`Doc.ents` (which `Span.ents` filters) by walking every token on each access,
and creates a new Token object each time a loop visits a token. Extractors
asked for the text and entities once per figure or source phrase, and walked
every token of the article in seven separate passes; on long articles those
walks were most of the extraction time. Here each Doc's text, entities and the
token attributes the passes test are read once (with one `Doc.to_array`, kept
as plain lists), so a pass can visit only the tokens that can matter and test
them with the same rule as before.

Extraction never changes a Doc's tokens or entities, which is what makes the
cache valid; the values are spaCy's own, so results are identical. Only the
last few Docs are kept (see RECENT_DOCS), so memory does not grow with a run.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import DEP, IDX, IS_ALPHA, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

__all__ = [
    "doc_ents",
    "doc_sentences",
    "doc_text",
    "doc_tokens",
    "remember_text",
    "sentence_of",
    "span_ents",
    "span_text",
    "span_tokens",
    "token_indices",
    "token_starts",
]

# Columns of the per-Doc attribute array.
_ATTRIBUTES = (IDX, LOWER, POS, DEP, IS_ALPHA)
_IDX, _LOWER, _POS, _DEP, _IS_ALPHA = range(len(_ATTRIBUTES))


@dataclass(slots=True)
class _Views:
    text: str | None  # built at the first request, or given by remember_text
    ents: tuple[Span, ...]
    starts: tuple[int, ...]  # token start of each entity, for bisecting
    columns: list[list[int]] | None = None  # one list per attribute in _ATTRIBUTES
    tokens: list[Token] | None = None
    sentences: tuple[Span, ...] | None = None
    sentence_starts: list[int] | None = None  # token start of each sentence, for bisecting


# The views of the docs read last, newest first. Extraction reads one doc at a
# time, so a few entries hit as often as a cache of every doc would. Held by
# strong reference and compared by identity: a view's entities refer to their
# Doc, so a weak-keyed cache would keep every Doc alive (that leaked 0.5 MB per
# article), while this one holds at most RECENT_DOCS of them.
RECENT_DOCS = 2
_RECENT: list[tuple[Doc, _Views]] = []


def _views(doc: Doc) -> _Views:
    for cached, views in _RECENT:
        if cached is doc:
            return views
    ents = tuple(doc.ents)
    views = _Views(None, ents, tuple(ent.start for ent in ents))
    # One slice assignment, atomic for other threads: at worst one of them misses
    # the cache and builds the same views again.
    _RECENT[:] = [(doc, views), *_RECENT[: RECENT_DOCS - 1]]
    return views


def _columns(doc: Doc) -> list[list[int]]:
    """The token attributes as plain lists, one per column of _ATTRIBUTES.

    Plain lists and set lookups: on a news article's few hundred tokens they
    beat numpy's `isin`, whose fixed cost dominates there.
    """
    views = _views(doc)
    if views.columns is None:
        table = doc.to_array(list(_ATTRIBUTES)).reshape(len(doc), len(_ATTRIBUTES))
        views.columns = table.T.tolist()
    return views.columns


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once."""
    views = _views(doc)
    if views.text is None:
        views.text = doc.text
    return views.text


def remember_text(doc: Doc, text: str) -> None:
    """Give the views the text `doc` was parsed from, sparing `doc.text` its rebuild.

    spaCy's tokenizer keeps the text exactly, so `doc.text` is the parsed string;
    building it again from the tokens costs about 3 ms per news article. A text
    whose length does not end where the doc's last token ends is not taken.
    """
    if len(doc):
        last = doc[-1]
        if last.idx + len(last.text_with_ws) != len(text):
            return
    elif text:
        return
    _views(doc).text = text


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once."""
    return _views(doc).ents


def doc_tokens(doc: Doc) -> list[Token]:
    """Every token of `doc`, made once: `doc[i]` and iterating a Span make a new
    Token object at each visit, which per-figure passes over a sentence repeat."""
    views = _views(doc)
    if views.tokens is None:
        views.tokens = list(doc)
    return views.tokens


def doc_sentences(doc: Doc) -> tuple[Span, ...]:
    """`doc.sents`, built once."""
    views = _views(doc)
    if views.sentences is None:
        views.sentences = tuple(doc.sents)
        views.sentence_starts = [sentence.start for sentence in views.sentences]
    return views.sentences


def sentence_of(token: Token) -> Span:
    """`token.sent`, from the Doc's sentences built once.

    The same span spaCy gives: `Token.sent` walks back to the nearest sentence
    start (or the first token) and on to the next one, as `Doc.sents` cuts them.
    """
    sentences = doc_sentences(token.doc)
    starts = _views(token.doc).sentence_starts
    return sentences[bisect_right(starts, token.i) - 1]


def span_tokens(span: Span) -> list[Token]:
    """The tokens of `span` (iterating it makes new Token objects at each visit)."""
    return doc_tokens(span.doc)[span.start : span.end]


def span_text(span: Span) -> str:
    """`span.text` of a non-empty span, sliced from the Doc's text built once."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def span_ents(span: Span) -> list[Span]:
    """`span.ents`: the entities wholly inside `span`, from the Doc's entities built once.

    Same result as spaCy's `Span.ents`: the entities from the first one that
    starts at or after the span's start, up to the first one that ends past it.
    """
    views = _views(span.doc)
    found = []
    for ent in views.ents[bisect_left(views.starts, span.start) :]:
        if ent.end > span.end:
            break
        found.append(ent)
    return found


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token (`token.idx`), in order."""
    return _columns(doc)[_IDX]


def _frozen(strings: Iterable[str]) -> frozenset[str]:
    # The tables are frozensets already: their hash is computed once and kept.
    return strings if isinstance(strings, frozenset) else frozenset(strings)


@lru_cache(maxsize=256)
def _ids(strings: frozenset[str]) -> frozenset[int]:
    return frozenset(get_string_id(s) for s in strings)


@lru_cache(maxsize=64)
def _pos_ids(tags: frozenset[str]) -> frozenset[int]:
    return frozenset(POS_IDS[tag] for tag in tags)


def token_indices(
    doc: Doc,
    *,
    pos: Iterable[str] = (),
    dep: Iterable[str] = (),
    lower: Iterable[str] = (),
    not_alpha: bool = False,
) -> list[int]:
    """Indices of the tokens with any of: a coarse POS in `pos`, a dependency label
    in `dep`, a lowercase form in `lower`, or (`not_alpha`) a character that is not
    a letter. A pass over the whole doc visits these instead of every token; the
    pass's own test still decides.
    """
    columns = _columns(doc)
    pos_ids = _pos_ids(_frozen(pos)) if pos else frozenset()
    dep_ids = _ids(_frozen(dep)) if dep else frozenset()
    lower_ids = _ids(_frozen(lower)) if lower else frozenset()
    return [
        index
        for index, (tag, label, form, alpha) in enumerate(
            zip(columns[_POS], columns[_DEP], columns[_LOWER], columns[_IS_ALPHA], strict=True)
        )
        if tag in pos_ids or label in dep_ids or form in lower_ids or (not_alpha and not alpha)
    ]
