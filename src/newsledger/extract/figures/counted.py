"""What a number counts: its counted noun, unit of count and group, read from the parse.

Owns `counted_noun(anchor)` (the noun a number counts: "352 civilians", "dozens of
people"), `group_of(noun)` (who a count of people counts, with their side:
"Ukrainian civilians"), `count_unit(category, noun, group)` (people, households,
homes..., or for a count of anything else the counted phrase, as NewsQuant
annotates it: "kia hyundai vehicle") and `counted_phrase(noun)`. Words come from
`lexicon.figures`.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsledger.extract.lexicon.figures import tables

__all__ = ["PERSON_UNIT", "count_unit", "counted_noun", "counted_phrase", "group_of"]

NUMBER_DEPS = frozenset({"nummod", "quantmod", "amod", "compound", "advmod", "npadvmod"})
PERSON_UNIT = "people"
# The modifiers of a counted noun that are part of what is counted.
MODIFIER_DEPS = ("compound", "amod", "nmod")


def counted_noun(anchor: Token) -> Token | None:
    """The noun a number counts: its head for "352 civilians", None for "1,000 wounded"."""
    node = anchor
    # "more than 500", "at least 136": climb through number-internal links.
    for _ in range(3):
        if (
            node.dep_ in NUMBER_DEPS
            and node.head.pos_ in ("NOUN", "PROPN")
            and node.head.i != node.i
        ):
            return node.head
        if node.dep_ in ("quantmod", "compound") and node.head.pos_ == "NUM":
            node = node.head
            continue
        break
    # "dozens of people", "thousands of families": the noun is the object of "of".
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ in ("NOUN", "PROPN"):
                return objects[0]
    if anchor.pos_ == "NOUN" and not anchor.like_num:
        return anchor
    return None


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def group_of(noun: Token | None) -> str | None:
    """Who a count of people counts ("Ukrainian civilians", "Russian soldiers"), or None
    when its noun is no person."""
    t = tables()
    if noun is None:
        return None
    lemma = _lemma(noun)
    base = None
    # "500 civilian casualties": the adjective names who is counted.
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and _lemma(child) in t.civilian_adjectives:
            base = t.civilian_adjectives[_lemma(child)]
    if base is None and (lemma in t.person_nouns or noun.lower_ in t.person_nouns):
        base = t.group_plural.get(lemma, noun.text if noun.text[:1].isupper() else noun.lower_)
    if base is None:
        return None
    sides = [
        child.text
        for child in noun.children
        if child.dep_ in ("amod", "compound", "nmod")
        and child.i < noun.i
        and (child.lower_ in t.nationality or child.ent_type_ == "NORP")
        and child.lower_ != base
    ]
    return " ".join([*sides, base]) if sides else base


def counted_phrase(noun: Token) -> str:
    """What a count counts, lemmatised with the words that narrow it, as NewsQuant
    annotates a count's unit: "460 Kia and Hyundai vehicles" -> "kia hyundai vehicle",
    "22 goals" -> "goal", "the best wireless speakers" -> "good wireless speaker"."""
    return " ".join([*_modifier_words(noun), _lemma(noun)])


def _modifier_words(token: Token) -> list[str]:
    """The lemmas of the modifiers before `token`, theirs first, with the words
    joined to them ("Kia and Hyundai", "digital and physical")."""
    words = []
    for child in token.lefts:
        if child.dep_ in MODIFIER_DEPS and child.is_alpha:
            words.extend(_modifier_words(child))
            words.append(_lemma(child))
            words.extend(_lemma(c) for c in child.children if c.dep_ == "conj" and c.is_alpha)
    return words


def count_unit(category: str, noun: Token | None, group: str | None) -> str | None:
    """People, households, homes... for the nouns of the count-unit table; for a count
    of people harmed or a group, people; for any other count, the counted phrase."""
    t = tables()
    if noun is not None:
        lemma = _lemma(noun)
        if category.startswith("housing") and lemma in t.housing_nouns:
            return t.housing_nouns[lemma]
        if lemma in t.count_units:
            return t.count_units[lemma]
    if group is not None or category != "other":
        return PERSON_UNIT
    if noun is not None and noun.is_alpha:
        return counted_phrase(noun)
    return None
