"""Person names the stock pipeline misses: title rules and speaker-of-a-cue evidence.

en_core_web_sm misses "Lieutenant Colonel Astakhov Dmitry Mikhailovich" and
calls "Bachelet" an organisation. Three sources of names are merged here:
the pipeline's PERSON entities, capitalised words after a title or honorific
("Lieutenant Colonel X Y Z", "Mr X"), and capitalised subjects of reporting
cues that are not known bodies or places ("Bachelet said" -> a person). The
result is plain data: token ranges with the name, its titles and gender.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from newsledger.extract.context import doc_ents, token_indices
from newsledger.extract.lexicon.statements import (
    GENDER_BY_TITLE,
    KNOWN_ORGANISATIONS,
    ORGANISATION_WORDS,
    TITLE_ABBREVIATIONS,
    TITLE_CONTINUATIONS,
    TITLE_WORDS,
)

__all__ = ["PersonName", "find_person_names", "is_organisation_name", "normalise_title"]

MAX_NAME_TOKENS = 4
NON_PERSON_ENTITIES = frozenset(
    {
        "GPE",
        "NORP",
        "LOC",
        "FAC",
        "DATE",
        "TIME",
        "EVENT",
        "LAW",
        "PRODUCT",
        "WORK_OF_ART",
        "LANGUAGE",
        "MONEY",
        "CARDINAL",
        "ORDINAL",
        "PERCENT",
        "QUANTITY",
    }
)
NAME_PARTICLES = frozenset({"de", "van", "von", "bin", "al", "da", "di", "le", "la", "del"})


@dataclass(slots=True)
class PersonName:
    """A person's name in the doc: tokens [start, end) of the name itself (no title)."""

    start: int
    end: int
    name: str
    titles: list[str] = field(default_factory=list)
    gender: str | None = None


def normalise_title(word: str, lang: str = "en") -> str:
    """'Lt.' -> 'lieutenant', 'Colonel' -> 'colonel'."""
    bare = word.lower().rstrip(".")
    return TITLE_ABBREVIATIONS[lang].get(bare, bare)


def _is_title_word(token, lang: str) -> bool:
    return token.text[:1].isupper() and token.lower_.rstrip(".") in TITLE_WORDS[lang]


def _is_name_word(token, lang: str) -> bool:
    text = token.text
    if not text[:1].isupper() or not any(c.isalpha() for c in text):
        return False
    if token.ent_type_ in NON_PERSON_ENTITIES or token.lower_.rstrip(".") in TITLE_WORDS[lang]:
        return False
    return token.pos_ == "PROPN" or token.ent_type_ == "PERSON"


def is_organisation_name(words: Iterable[str], lang: str = "en") -> bool:
    """Whether a capitalised name reads as a body ("Daily News", "UN") rather than a person."""
    lowered = [word.lower().strip(".'’") for word in words]
    if any(word in ORGANISATION_WORDS[lang] for word in lowered):
        return True
    return len(lowered) == 1 and lowered[0] in KNOWN_ORGANISATIONS[lang]


def _name_text(doc, start: int, end: int) -> str:
    text = doc[start:end].text
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


def _titled_names(doc, lang: str) -> list[PersonName]:
    names = []
    index = 0
    length = len(doc)
    # A title word is one of TITLE_WORDS, or has a dot ("Lt."): a non-letter token.
    # The loop visits those (the test below is still the rule), not every token.
    for candidate in token_indices(doc, lower=TITLE_WORDS[lang], not_alpha=True):
        if candidate < index:
            continue  # inside the name read last
        index = candidate
        token = doc[index]
        if not _is_title_word(token, lang) or token.lower_ in TITLE_CONTINUATIONS[lang]:
            continue
        title_end = index
        while title_end < length and (
            _is_title_word(doc[title_end], lang) or doc[title_end].text == "."
        ):
            title_end += 1
        name_end = title_end
        while (
            name_end < length
            and name_end - title_end < MAX_NAME_TOKENS
            and (
                _is_name_word(doc[name_end], lang)
                or (doc[name_end].lower_ in NAME_PARTICLES and name_end > title_end)
            )
        ):
            name_end += 1
        while name_end > title_end and doc[name_end - 1].lower_ in NAME_PARTICLES:
            name_end -= 1
        words = [t.text for t in doc[title_end:name_end]]
        if name_end > title_end and not is_organisation_name(words, lang):
            titles = [normalise_title(t.text, lang) for t in doc[index:title_end] if t.text != "."]
            names.append(
                PersonName(
                    title_end,
                    name_end,
                    _name_text(doc, title_end, name_end),
                    titles,
                    _gender(titles, lang),
                )
            )
        index = max(name_end, index + 1)
    return names


def _gender(titles: list[str], lang: str) -> str | None:
    for title in titles:
        gender = GENDER_BY_TITLE[lang].get(title)
        if gender:
            return gender
    return None


def _title_before(doc, start: int, lang: str) -> list[str]:
    titles = []
    index = start - 1
    while index >= 0 and (_is_title_word(doc[index], lang) or doc[index].text == "."):
        if doc[index].text != ".":
            titles.insert(0, normalise_title(doc[index].text, lang))
        index -= 1
    return titles


def _name_around(token) -> tuple[int, int]:
    """The compound/flat chain a proper-noun head belongs to."""
    start = end = token.i
    for child in token.children:
        if child.dep_ in ("compound", "flat") and child.pos_ == "PROPN":
            start = min(start, child.i)
            end = max(end, child.i)
    return start, end + 1


def find_person_names(
    doc, speaker_heads: Iterable[int | None] = (), lang: str = "en"
) -> list[PersonName]:
    """Every person name: PERSON entities, titled names and capitalised cue subjects.

    Overlapping finds keep the longest; the list is in text order.
    """
    found = _titled_names(doc, lang)
    for ent in doc_ents(doc):
        if ent.label_ == "PERSON" and not is_organisation_name([t.text for t in ent], lang):
            start, end = ent.start, ent.end
            while start < end and _is_title_word(doc[start], lang):
                start += 1
            if start < end:
                titles = _title_before(doc, start, lang) + [
                    normalise_title(t.text, lang) for t in doc[ent.start : start]
                ]
                found.append(
                    PersonName(
                        start, end, _name_text(doc, start, end), titles, _gender(titles, lang)
                    )
                )
    for head in speaker_heads:
        if head is None:
            continue
        token = doc[head]
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        if token.ent_type_ in NON_PERSON_ENTITIES:
            continue
        if token.lower_.rstrip(".") in TITLE_WORDS[lang]:
            continue
        has_determiner = any(child.dep_ in ("det", "poss") for child in token.children)
        if token.ent_type_ == "ORG" and has_determiner:
            continue
        start, end = _name_around(token)
        while start < end and _is_title_word(doc[start], lang):
            start += 1
        if is_organisation_name([t.text for t in doc[start:end]], lang):
            continue
        titles = _title_before(doc, start, lang)
        found.append(
            PersonName(start, end, _name_text(doc, start, end), titles, _gender(titles, lang))
        )
    found.sort(key=lambda name: (name.start, -(name.end - name.start)))
    merged: list[PersonName] = []
    for name in found:
        if merged and name.start < merged[-1].end:
            kept = merged[-1]
            if name.end - name.start > kept.end - kept.start:
                name.titles = name.titles or kept.titles
                merged[-1] = name
            else:
                kept.titles = kept.titles or name.titles
            continue
        merged.append(name)
    return [name for name in merged if name.name]
