"""Which place a figure belongs to, as written and resolved.

Owns `ArticlePlaces`: the place mentions of one article (spaCy's GPE, LOC and FAC
entities, read once) and, for a figure's anchor token, the place it is filed
under: the most specific mention of its sentence (a city or a site over a region
over a country: "the Ukrainian town of Kremenchuk" is Kremenchuk; then a place
introduced by "in"/"near"/"at", then the nearest), else the latest mention before
it in its paragraph, else the lede's place (the first of the first three sentences
that names a GPE or LOC; else the one the article names most often). A name that
modifies a noun ("a former US marine") ranks below one that does not. Not places:
demonyms and adjectives ("Ukrainian"), the words of `lexicon/places.json`
`not_places` ("West", "memoriam", "Arctic Circle"), and a name cut short ("the
Autonomous Re…"). Cities spaCy labels otherwise are found by `_named_places`. Each
mention is resolved by `gazetteer.resolve` with the countries of the article's
other places and the outlet's country; a site the gazetteer does not know
("Azovstal steelworks") takes the resolution of its sentence's best known place.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsledger.extract.context import (
    doc_ents,
    doc_sentences,
    doc_text,
    doc_tokens,
    sentence_of,
    token_indices,
)
from newsledger.extract.figures.gazetteer import (
    COUNTRY,
    POINT,
    REGION,
    Resolved,
    candidates,
    country_of_outlet,
    resolve,
    unambiguous_country,
)
from newsledger.extract.lexicon.load import read

__all__ = ["ArticlePlaces", "PlaceChoice"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
INTRODUCING = frozenset({"in", "near", "across", "at", "on", "into", "from", "outside", "around"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
CUT_MARKS = ("…", "...")
# Labels spaCy's small model gives city names it does not know ("in Mykolaiv": ORG).
MISLABELLED = frozenset({"PERSON", "ORG", "PRODUCT"})
CITY_PREPOSITIONS = frozenset({"in", "near", "outside"})
# A fallback outside the figure's sentence takes only these: a FAC there is a building
# ("the Humanitarian Aid Headquarters of Lviv"), not the article's place.
AREA_LABELS = frozenset({"GPE", "LOC"})
# The lede: the first sentences of headline + body, where the main incident's place is.
LEDE_SENTENCES = 3
# How specific a mention is: a resolved entry's precision, else what its label suggests.
SPECIFICITY = {POINT: 3, REGION: 2, COUNTRY: 1}
UNRESOLVED_SPECIFICITY = {"FAC": 3, "GPE": 3, "LOC": 2}


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    """A figure's place: as written, and its gazetteer entry (None when unresolved)."""

    written: str | None
    resolved: Resolved | None


@dataclass(frozen=True, slots=True)
class _Mention:
    text: str
    start: int  # token index
    start_char: int
    sentence_start: int  # token index of its sentence's first token
    paragraph: int
    label: str
    introduced: bool
    modifier: bool
    resolved: Resolved | None

    @property
    def specificity(self) -> int:
        if self.resolved is not None:
            return SPECIFICITY[self.resolved.precision]
        return UNRESOLVED_SPECIFICITY[self.label]


@cache
def _words(table: str) -> frozenset[str]:
    """One word list of lexicon/places.json as a frozenset, built once."""
    return frozenset(read("places.json")[table])


def _written(entity: SpacySpan, text: str) -> str:
    """The entity's text, with a region word right after it ("Kharkiv" + "region")."""
    doc = entity.doc
    following = doc[entity.end] if entity.end < len(doc) else None
    if following is not None and following.lower_ in _words("region_words"):
        return text[entity.start_char : following.idx + len(following.text)]
    return text[entity.start_char : entity.end_char]


def _cut_short(entity: SpacySpan, text: str) -> bool:
    """ "the Autonomous Re…": the name runs into an ellipsis or the end of the text."""
    after = text[entity.end_char : entity.end_char + 3]
    inside = text[entity.start_char : entity.end_char]
    return (
        any(mark in inside for mark in CUT_MARKS)
        or after.startswith(CUT_MARKS)
        or entity.end_char >= len(text.rstrip())
    )


def _is_place(entity: SpacySpan, written: str, text: str) -> bool:
    lowered = written.casefold()
    if lowered in _words("not_places") or lowered in _words("demonyms"):
        return False
    if all(token.tag_ == "JJ" for token in entity):
        return False  # "Ukrainian" labelled GPE: an adjective
    return not _cut_short(entity, text)


def _named_places(doc: Doc, taken: set[int]) -> list[SpacySpan]:
    """Places spaCy's NER labels otherwise or misses, in two recurring shapes: "the
    Ukrainian town of Kremenchuk" (a place noun + "of" + a proper noun: 301 times in
    the ukraine corpus, 246 in wikinews-text) and a person or organisation entity
    after "in"/"near" that the gazetteer knows as a city ("in Mykolaiv" labelled ORG)."""
    place_nouns = _words("place_nouns")
    found = []
    for entity in doc_ents(doc):
        if (
            entity.label_ in MISLABELLED
            and entity.start not in taken
            and entity.root.head.lower_ in CITY_PREPOSITIONS
            and any(e.precision == POINT for e in candidates(entity.text))
        ):
            found.append(entity)
            taken.add(entity.start)
    tokens = doc_tokens(doc)
    for index in token_indices(doc, lower=("of",)):
        token = tokens[index]
        if token.lower_ != "of" or token.head.lower_ not in place_nouns:
            continue
        objects = [c for c in token.children if c.dep_ == "pobj" and c.tag_ == "NNP"]
        if not objects or objects[0].i in taken:
            continue
        name = objects[0]
        first = name.i
        while first > name.left_edge.i and doc[first - 1].tag_ == "NNP":
            first -= 1
        if first not in taken:
            found.append(doc[first : name.i + 1])
            taken.update(range(first, name.i + 1))
    return found


def _is_modifier(entity: SpacySpan) -> bool:
    """ "US deaths", "a former US marine": the name modifies a noun after it."""
    root = entity.root
    return root.dep_ in MODIFIER_DEPS and root.head.i >= entity.end


class ArticlePlaces:
    """The place mentions of one article, resolved, and the place of each figure."""

    def __init__(self, doc: Doc, *, outlet: str | None = None) -> None:
        text = doc_text(doc)
        self._paragraph_breaks = [match.start() for match in re.finditer("\n", text)]
        entities = [e for e in doc_ents(doc) if e.label_ in PLACE_LABELS]
        taken = {token for e in entities for token in range(e.start, e.end)}
        found = []
        for entity in sorted([*entities, *_named_places(doc, taken)], key=lambda e: e.start):
            written = _written(entity, text)
            if _is_place(entity, written, text):
                found.append((entity, written))
        countries = Counter(
            country for _, written in found if (country := unambiguous_country(written))
        )
        outlet_country = country_of_outlet(outlet)
        self.mentions: list[_Mention] = []
        for entity, written in found:
            resolved = resolve(written, countries=countries, outlet_country=outlet_country)
            self.mentions.append(
                _Mention(
                    written,
                    entity.start,
                    entity.start_char,
                    sentence_of(entity.root).start,
                    self._paragraph(entity.start_char),
                    entity.label_ if entity.label_ in PLACE_LABELS else "GPE",
                    entity.root.head.lower_ in INTRODUCING,
                    _is_modifier(entity),
                    resolved,
                )
            )
        self._lede_starts = {s.start for s in doc_sentences(doc)[:LEDE_SENTENCES]}
        self._lede = self._lede_place()

    def _paragraph(self, char: int) -> int:
        return bisect_right(self._paragraph_breaks, char)

    def _best(self, mentions: list[_Mention], anchor_index: int) -> PlaceChoice:
        def rank(mention: _Mention) -> tuple:
            return (
                -mention.specificity,
                mention.modifier,
                not mention.introduced,
                abs(mention.start - anchor_index),
            )

        ordered = sorted(mentions, key=rank)
        chosen = ordered[0]
        resolved = chosen.resolved or next((m.resolved for m in ordered if m.resolved), None)
        return PlaceChoice(chosen.text, resolved)

    def _lede_place(self) -> PlaceChoice:
        """The lede's place (the most specific of the first sentence that names an area),
        else the area the article names most often, the earliest on a tie."""
        areas = [m for m in self.mentions if m.label in AREA_LABELS]
        if not areas:
            return PlaceChoice(None, None)
        if areas[0].sentence_start in self._lede_starts:
            first = [m for m in areas if m.sentence_start == areas[0].sentence_start]
            return self._best(first, first[0].start)
        counts = Counter(m.text for m in areas)
        top = max(counts, key=lambda text: counts[text])  # first most frequent: text order
        return self._best([m for m in areas if m.text == top], 0)

    @property
    def lede(self) -> PlaceChoice:
        """The article's main place: the lede's, else the one it names most often."""
        return self._lede

    def of(self, anchor: Token) -> PlaceChoice:
        """The place of the figure anchored at `anchor`: its sentence's, its paragraph's
        (the latest before it), else the lede's."""
        sentence_start = sentence_of(anchor).start
        in_sentence = [m for m in self.mentions if m.sentence_start == sentence_start]
        if in_sentence:
            return self._best(in_sentence, anchor.i)
        paragraph = self._paragraph(anchor.idx)
        before = [
            m
            for m in self.mentions
            if m.paragraph == paragraph and m.start < anchor.i and m.label in AREA_LABELS
        ]
        if before:
            return self._best([before[-1]], anchor.i)
        return self._lede
