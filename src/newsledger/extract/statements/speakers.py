"""Speaker resolution: from a mention as written to one entity per person or body.

Works over the whole article, never only the previous line (scraped lines may
be out of order): names are clustered ("Astakhov Dmitry Mikhailovich" and
"Astakhov" are one person), each person gets a salience (mentions, times quoted,
presence in the headline) and titles ("lieutenant colonel"); a pronoun goes to
the most salient compatible person, a title or description ("The Lt Col", "the
POW", "the president") to the person holding a matching title, and bodies and
documents ("a UN report") come out as organisations and documents.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from newsledger.consolidate.name_cleaning import is_pronoun
from newsledger.extract.lexicon.statements import (
    DESCRIPTION_NOUNS,
    DOCUMENT_NOUNS,
    MILITARY_TITLES,
    PRONOUNS,
)
from newsledger.extract.statements.names import (
    PersonName,
    find_person_names,
    is_organisation_name,
    normalise_title,
)

__all__ = ["Person", "resolve_speakers"]

SPEAKER_WEIGHT = 2.0
HEADLINE_WEIGHT = 3.0
ORGANISATION_ENTITIES = frozenset({"ORG", "GPE", "NORP"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


@dataclass(slots=True)
class Person:
    """One person of the article: the fullest name seen, titles, gender and salience."""

    name: str
    words: frozenset[str]
    titles: set[str] = field(default_factory=set)
    gender: str | None = None
    mentions: int = 0
    spoken: int = 0
    in_headline: bool = False

    @property
    def salience(self) -> float:
        return self.mentions + SPEAKER_WEIGHT * self.spoken + HEADLINE_WEIGHT * self.in_headline


def _words(text: str) -> frozenset[str]:
    return frozenset(word.lower().strip(".,'’") for word in text.split() if word.strip(".,'’"))


def _cluster(names: list[PersonName]) -> tuple[list[Person], dict[int, Person]]:
    """One Person per distinct name; a name inside a longer one joins it."""
    people: list[Person] = []
    by_token: dict[int, Person] = {}
    for name in sorted(names, key=lambda n: -len(n.name.split())):
        words = _words(name.name)
        person = next((p for p in people if words <= p.words), None)
        if person is None:
            person = Person(name.name, words)
            people.append(person)
        person.titles.update(name.titles)
        person.gender = person.gender or name.gender
        person.mentions += 1
        for index in range(name.start, name.end):
            by_token[index] = person
    return people, by_token


def _fits_description(person: Person, wanted: str, lang: str) -> bool:
    if wanted == "*":
        return True
    if wanted == "military":
        return bool(person.titles & MILITARY_TITLES[lang])
    return wanted in person.titles


def _headline_classes(title: str | None, lang: str) -> set[str]:
    if not title:
        return set()
    return {DESCRIPTION_NOUNS[lang][w] for w in _words(title) if w in DESCRIPTION_NOUNS[lang]}


def _most_salient(people: Iterable[Person]) -> Person | None:
    ranked = sorted(people, key=lambda p: -p.salience)
    return ranked[0] if ranked else None


def _mention_text(doc, head) -> str:
    start, end = head.left_edge.i, head.right_edge.i + 1
    if end - start > 8:
        start, end = head.i, head.i + 1
        for child in head.lefts:
            start = min(start, child.left_edge.i)
    words = doc[start:end].text.split()
    if words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _proper_name(head) -> tuple[int, int]:
    start = end = head.i
    for child in head.lefts:
        if child.dep_ in ("compound", "flat") and child.pos_ == "PROPN":
            start = min(start, child.i)
    return start, end + 1


def _describe(doc, head, people: list[Person], lang: str) -> tuple[str | None, str | None]:
    lemma = head.lemma_.lower()
    lower = head.lower_.rstrip(".")
    # "The Lt Col": the title words of the mention must all be titles of the person.
    title_words = {normalise_title(t.text, lang) for t in head.subtree if t.text[:1].isupper()}
    title_words.discard("the")
    titled = [p for p in people if title_words and title_words <= p.titles]
    if titled:
        return _most_salient(titled).name, "person"
    wanted = DESCRIPTION_NOUNS[lang].get(lemma) or DESCRIPTION_NOUNS[lang].get(lower)
    has_owner = any(child.dep_ == "poss" for child in head.children)
    if wanted and not has_owner:
        fitting = [p for p in people if _fits_description(p, wanted, lang)]
        if wanted != "*" and fitting:
            return _most_salient(fitting).name, "person"
    if wanted:
        return _mention_text(doc, head), "unnamed"
    return None, None


def _resolve_one(doc, head_index: int, people, by_token, lang) -> tuple[str | None, str | None]:
    head = doc[head_index]
    person = by_token.get(head_index)
    if person is None:
        # "the minister Paul Okafor": the name hangs off the description.
        person = next(
            (
                by_token[c.i]
                for c in head.children
                if c.dep_ in ("appos", "compound", "flat") and c.i in by_token
            ),
            None,
        )
    if person is not None:
        return person.name, "person"
    pronoun = PRONOUNS[lang].get(head.lower_)
    if pronoun is not None:
        kind, gender = pronoun
        if kind != "person":
            return None, None
        compatible = [p for p in people if p.gender in (None, gender)]
        best = _most_salient(compatible)
        return (best.name, "person") if best else (None, None)
    name, kind = _describe(doc, head, people, lang)
    if name:
        return name, kind
    if head.lemma_.lower() in DOCUMENT_NOUNS[lang]:
        return _mention_text(doc, head), "document"
    if head.ent_type_ in ORGANISATION_ENTITIES or is_organisation_name([head.text], lang):
        return _mention_text(doc, head), "organisation"
    if head.pos_ == "PROPN":
        start, end = _proper_name(head)
        return doc[start:end].text, "person"
    return _mention_text(doc, head), "unnamed"


def resolve_speakers(
    doc, heads: Iterable[int | None], *, title: str | None = None, lang: str = "en"
) -> dict[int | None, tuple[str | None, str | None]]:
    """Resolved (name, kind) for each speaker head token; the None key holds the
    article's main speaker, for quotations that have no cue of their own."""
    heads = list(heads)
    names = find_person_names(doc, heads, lang)
    people, by_token = _cluster(names)
    headline = _words(title or "")
    headline_classes = _headline_classes(title, lang)
    for person in people:
        person.in_headline = bool(person.words & headline) or any(
            _fits_description(person, wanted, lang) and wanted != "*" for wanted in headline_classes
        )
    # Who has been quoted by name counts towards salience before pronouns are read.
    for head in heads:
        if head is not None and head in by_token:
            by_token[head].spoken += 1
    resolved: dict[int | None, tuple[str | None, str | None]] = {}
    for head in heads:
        if head is not None and head not in resolved:
            name, kind = _resolve_one(doc, head, people, by_token, lang)
            # A pronoun left as the name ("He", "'s", "" of "Those") names nobody;
            # descriptions ("the two countries") stay, as the gold writes them.
            named = name is not None and not is_pronoun(name)
            resolved[head] = (name, kind) if named else (None, None)
    speakers = [p for p in people if p.spoken]
    main = _most_salient(speakers or people)
    resolved[None] = (main.name, "person") if main else (None, None)
    return resolved
