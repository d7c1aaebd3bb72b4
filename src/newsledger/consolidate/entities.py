"""Entity consolidation: the speakers and figure sources of every article -> one entity each.

Names are compared in three steps, most certain first:

1. normalisation (`name_key`): case and accents, "the"/"a", possessives, dots in
   acronyms, demonyms -> country ("Ukrainian" -> "ukraine"), spelling variants
   ("defense" -> "defence"), "ministry of health of Ukraine" -> "ukraine health
   ministry", and a final "minister" -> "ministry" when an owner is named
   before the field (a minister speaks for the ministry): "Ukraine's health
   minister" and "the Ukrainian health ministry" share the key "ukraine health
   ministry", while a bare "foreign minister" (whose?) stays apart from "the
   foreign ministry" (OFFICE_HOLDERS keep the fuzzy match off it). For people,
   honorific titles and the bodies they hold office in are stripped in front of
   a name too ("NATO Secretary-General Jens Stoltenberg" -> "jens stoltenberg");
2. the alias table (`newsledger/data/aliases.tsv`, extendable with a user file);
3. fuzzy matching with rapidfuzz, conservative and only within one kind
   (person or organisation): a person matches an entity whose surname is at
   least SURNAME_SCORE similar and whose first names do not contradict
   ("Zelenskyy" ~ "Volodymyr Zelensky"; a lone surname that could be two known
   people stays apart); an organisation matches one whose whole key is at least
   ORGANISATION_SCORE similar and that names the same countries ("defence
   ministry of Ukraine" never merges with Russia's).

Before any of this, `name_cleaning` refuses what never names anyone (pronouns,
generic nouns, captions, links) and cuts glued page furniture from the rest. A
one-word "organisation" that is the surname of a person named in full elsewhere
is that person's short form, and lone surnames are matched after every full
name, so "Stoltenberg" joins "Jens Stoltenberg" unless two people share it.

Names are processed most mentioned first, so an entity takes the spelling most
articles use as its name unless the alias table gives a canonical one.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz

from newsledger.consolidate.entity_tables import (
    ARTICLES,
    COUNTRY_NAMES,
    DEMONYMS,
    OFFICE_HOLDERS,
    ORGANISATION_WORDS,
    PERSON_TITLES,
    SPELLINGS,
)
from newsledger.consolidate.name_cleaning import clean_name
from newsledger.errors import InputError

__all__ = [
    "KINDS",
    "ORGANISATION_SCORE",
    "SURNAME_SCORE",
    "AliasTable",
    "Entity",
    "EntityIndex",
    "NameUse",
    "load_aliases",
    "name_key",
    "person_key",
    "resolve_entities",
]

KINDS = ("person", "organisation")
# Conservative on purpose: a wrong merge mixes two sources' claims, a missed one
# only splits a timeline (and the alias table fixes it).
SURNAME_SCORE = 85.0
FIRST_NAME_SCORE = 80.0
ORGANISATION_SCORE = 92.0
# "<owner> <field> minister": a key this long names whose ministry the minister speaks for.
OWNED_MINISTER_WORDS = 3
# Surnames shorter than this must match exactly ("Li" vs "Lu").
MIN_FUZZY_SURNAME = 5

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": " ", "”": " ", '"': " "})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_NON_WORD = re.compile(r"[^\w'\s]+")
_MINISTRY_OF = re.compile(r"\b(ministry|minister) of (\w+)(?: of (\w+))?")
_COUNTRIES = frozenset(COUNTRY_NAMES)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_key(text: str) -> str:
    """The normalised form names are compared by (see the module docstring)."""
    folded = _POSSESSIVE.sub("", _fold(text))
    folded = folded.replace(".", "").replace("-", " ").replace("'", "")
    words = [
        SPELLINGS.get(word, DEMONYMS.get(word, word))
        for word in _NON_WORD.sub(" ", folded).split()
        if word not in ARTICLES
    ]
    key = " ".join(words).replace("russia federation", "russia")

    def reorder(match: re.Match[str]) -> str:
        role, field_, country = match.group(1), match.group(2), match.group(3)
        return " ".join(part for part in (country, field_, role) if part)

    key = _MINISTRY_OF.sub(reorder, key)
    # "Ukraine's health minister" speaks for Ukraine's health ministry; a bare "foreign
    # minister" names no country's ministry, and stays a person's office.
    if key.endswith(" minister") and len(key.split()) >= OWNED_MINISTER_WORDS:
        key = key[: -len("minister")] + "ministry"
    return key


def person_key(key: str) -> str:
    """A name key without honorific titles in front ("president volodymyr zelensky")."""
    words = key.split()
    while len(words) > 1 and words[0] in PERSON_TITLES:
        words.pop(0)
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class NameUse:
    """One spelling of a speaker or source as stored, and how it was used.

    person_votes / other_votes: statements whose speaker_kind said person / not.
    """

    text: str
    count: int
    person_votes: int = 0
    other_votes: int = 0


@dataclass(slots=True)
class Entity:
    """One person or body; `forms` are the spellings seen with their mention counts."""

    name: str
    kind: str
    key: str
    forms: Counter[str] = field(default_factory=Counter)
    first_names: set[str] = field(default_factory=set)
    entity_id: int = 0

    @property
    def mentions(self) -> int:
        return sum(self.forms.values())

    @property
    def surname(self) -> str:
        return self.key.split()[-1] if self.key else ""

    @property
    def aliases(self) -> list[str]:
        return sorted(form for form in self.forms if form != self.name)


@dataclass(frozen=True, slots=True)
class AliasTable:
    """Normalised alias key -> (canonical name, kind)."""

    entries: Mapping[str, tuple[str, str]]

    def lookup(self, key: str) -> tuple[str, str] | None:
        return self.entries.get(key)


def _read_alias_rows(text: str, origin: str) -> dict[str, tuple[str, str]]:
    entries: dict[str, tuple[str, str]] = {}
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for number, row in enumerate(csv.reader(lines, delimiter="\t"), start=1):
        if row == ["canonical", "alias", "kind"]:
            continue
        if len(row) != 3 or row[2].strip() not in KINDS or not row[0].strip():
            raise InputError(
                f"{origin}: row {number} must be canonical<TAB>alias<TAB>person|organisation,"
                f" not {row!r}"
            )
        canonical, alias, kind = (cell.strip() for cell in row)
        keys = {name_key(canonical), name_key(alias)}
        if kind == "person":
            keys |= {person_key(key) for key in set(keys)}
        for key in keys:
            previous = entries.get(key)
            if previous is not None and previous[0] != canonical:
                raise InputError(
                    f"{origin}: {alias!r} normalises to {key!r}, already an alias of "
                    f"{previous[0]!r}; give it one canonical name"
                )
            entries[key] = (canonical, kind)
    return entries


def load_aliases(path: str | Path | None = None) -> AliasTable:
    """The packaged alias table, then the rows of `path` (a user's table wins on a clash)."""
    packaged = resources.files("newsledger.data").joinpath("aliases.tsv")
    entries = _read_alias_rows(packaged.read_text(encoding="utf-8"), "aliases.tsv")
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read the alias table {path}: {exc}") from exc
        entries.update(_read_alias_rows(text, str(path)))
    return AliasTable(entries)


class EntityIndex:
    """Every entity, and the entity each stored spelling resolves to."""

    def __init__(self, entities: list[Entity], by_text: dict[str, Entity]) -> None:
        self.entities = entities
        self._by_text = by_text

    def of(self, text: str | None) -> Entity | None:
        return self._by_text.get(text) if text else None


def _guess_kind(use: NameUse, key: str, text: str) -> str:
    """person or organisation: the statements' vote, else the shape of the name.

    A name reads as a person's when titles were stripped from its front and
    what is left is one to three capitalised words that are no body's words
    ("Ukraine's president, Volodymyr Zelenskiy" but not "UN Security Council").
    """
    if use.person_votes > use.other_votes:
        return "person"
    if use.other_votes:
        return "organisation"
    words = key.split()
    rest = person_key(key).split()
    if not words or len(rest) == len(words) or len(rest) > 3:
        return "organisation"
    if ORGANISATION_WORDS.intersection(rest):
        return "organisation"
    written = _NON_WORD.sub(" ", text.replace("'", " ")).split()[-len(rest) :]
    return "person" if all(word[:1].isupper() for word in written) else "organisation"


class _Resolver:
    def __init__(self, aliases: AliasTable) -> None:
        self.aliases = aliases
        self.entities: list[Entity] = []
        self.canonical: dict[str, Entity] = {}
        # Blocking indexes keep fuzzy matching linear in the number of names.
        self.by_surname_prefix: dict[str, list[Entity]] = defaultdict(list)
        self.by_word: dict[str, list[Entity]] = defaultdict(list)

    def add(self, name: str, kind: str, key: str) -> Entity:
        entity = Entity(name=name, kind=kind, key=key)
        self.entities.append(entity)
        self._index(entity)
        return entity

    def _index(self, entity: Entity) -> None:
        if entity.kind == "person":
            first = _first_name(entity.key)
            if first is not None:
                entity.first_names.add(first)
            self.by_surname_prefix[entity.surname[:3]].append(entity)
        else:
            for word in set(entity.key.split()):
                self.by_word[word].append(entity)

    def from_alias(self, canonical: str, kind: str) -> Entity:
        entity = self.canonical.get(canonical)
        if entity is None:
            key = name_key(canonical)
            entity = self.add(canonical, kind, person_key(key) if kind == "person" else key)
            self.canonical[canonical] = entity
        return entity

    def match_person(self, key: str) -> Entity | None:
        words = key.split()
        surname, first = words[-1], _first_name(key)
        matches: dict[int, tuple[float, Entity]] = {}
        for entity in self.by_surname_prefix.get(surname[:3], ()):
            if len(surname) < MIN_FUZZY_SURNAME or len(entity.surname) < MIN_FUZZY_SURNAME:
                score = 100.0 if surname == entity.surname else 0.0
            else:
                score = fuzz.ratio(surname, entity.surname)
            if score < SURNAME_SCORE:
                continue
            if (
                first is not None
                and entity.first_names
                and not any(
                    fuzz.ratio(first, known) >= FIRST_NAME_SCORE for known in entity.first_names
                )
            ):
                continue
            if first is None and _two_first_names(entity.first_names):
                continue
            matches[id(entity)] = (score, entity)
        if not matches:
            return None
        # A lone surname shared by two different people is ambiguous: keep it apart.
        people = set().union(*(entity.first_names for _, entity in matches.values()))
        if first is None and (_two_first_names(people) or (len(matches) > 1 and not people)):
            return None
        return max(matches.values(), key=lambda item: item[0])[1]

    def match_organisation(self, key: str) -> Entity | None:
        countries = _COUNTRIES.intersection(key.split())
        holders = OFFICE_HOLDERS.intersection(key.split())
        best: tuple[float, Entity] | None = None
        seen: set[int] = set()
        # Words in their order, not a set's: with two candidates of equal score the first
        # found wins, and a set's order changes with each process's hash seed.
        for word in dict.fromkeys(key.split()):
            for entity in self.by_word.get(word, ()):
                if id(entity) in seen:
                    continue
                seen.add(id(entity))
                if _COUNTRIES.intersection(entity.key.split()) != countries:
                    continue
                if OFFICE_HOLDERS.intersection(entity.key.split()) != holders:
                    continue
                score = max(fuzz.ratio(key, entity.key), fuzz.token_sort_ratio(key, entity.key))
                if score >= ORGANISATION_SCORE and (best is None or score > best[0]):
                    best = (score, entity)
        return best[1] if best else None


def _first_name(key: str) -> str | None:
    """The word before the surname, initials skipped: what tells two people of one
    surname apart ("pentagon spokesman john kirby" -> "john", "joseph r biden" -> "joseph")."""
    words = [word for word in key.split()[:-1] if len(word) > 1]
    return words[-1] if words else None


def _two_first_names(first_names: set[str]) -> bool:
    """Whether the first names are two people's, not one's spellings ("Sergei", "Sergey")."""
    names = sorted(first_names)
    return any(
        fuzz.ratio(one, other) < FIRST_NAME_SCORE
        for position, one in enumerate(names)
        for other in names[position + 1 :]
    )


def _display_name(forms: Counter[str]) -> str:
    # Forms stay as stored (figures find their entity by them); the name is cleaned.
    cleaned: Counter[str] = Counter()
    for form, count in forms.items():
        cleaned[clean_name(form) or form] += count
    text, _ = min(cleaned.items(), key=lambda item: (-item[1], len(item[0]), item[0]))
    text = " ".join(text.translate(_QUOTES).split())
    words = text.split(" ", 1)
    if len(words) == 2 and words[0].casefold() in ARTICLES:
        text = words[1]
    return text


def resolve_entities(uses: Iterable[NameUse], aliases: AliasTable) -> EntityIndex:
    """Group every spelling into entities; ids follow the order of entity names."""
    resolver = _Resolver(aliases)
    by_text: dict[str, Entity] = {}
    # Unmatched spellings with the same (kind, key) form one candidate entity.
    buckets: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for use in uses:
        # Pronouns, generic nouns and page furniture never make an entity (name_cleaning).
        cleaned = clean_name(use.text)
        key = name_key(cleaned) if cleaned is not None else ""
        if not key:
            continue
        kind = _guess_kind(use, key, cleaned)
        hit = aliases.lookup(key)
        if hit is None and kind == "person":
            hit = aliases.lookup(person_key(key))
        if hit is not None:
            entity = resolver.from_alias(*hit)
            entity.forms[use.text] += use.count
            by_text[use.text] = entity
            continue
        bucket_key = person_key(key) if kind == "person" else key
        buckets[(kind, bucket_key)][use.text] += use.count

    _surnames_as_people(buckets)
    # A lone surname comes after every full name, so it joins the one person it can
    # be instead of founding an entity the full names then join under the surname.
    ordered = sorted(
        buckets.items(),
        key=lambda item: (
            item[0][0] == "person" and " " not in item[0][1],
            -sum(item[1].values()),
            item[0],
        ),
    )
    for (kind, key), forms in ordered:
        entity = (
            resolver.match_person(key) if kind == "person" else resolver.match_organisation(key)
        )
        if entity is None:
            entity = resolver.add(_display_name(forms), kind, key)
        elif kind == "person" and _first_name(key) is not None:
            entity.first_names.add(_first_name(key))
        entity.forms.update(forms)
        for text in forms:
            by_text[text] = entity

    canonical = {id(entity) for entity in resolver.canonical.values()}
    for entity in resolver.entities:
        # Named by the spelling most used, whichever spelling founded it.
        if id(entity) not in canonical:
            entity.name = _display_name(entity.forms)
    entities = _unique_names(resolver.entities)
    for number, entity in enumerate(entities, start=1):
        entity.entity_id = number
    return EntityIndex(entities, by_text)


def _surnames_as_people(buckets: dict[tuple[str, str], Counter[str]]) -> None:
    """A one-word "organisation" that is the surname of a person named in full is that
    person's short form ("Stoltenberg" beside "Jens Stoltenberg"): the parse types a
    lone surname by its shape, which says nothing, so the full name decides."""
    surnames = {key.rsplit(" ", 1)[-1] for kind, key in buckets if kind == "person" and " " in key}
    for kind, key in list(buckets):
        if kind != "organisation" or " " in key or key not in surnames:
            continue
        if key in _COUNTRIES or key in ORGANISATION_WORDS:
            continue
        if not all((clean_name(form) or "")[:1].isupper() for form in buckets[(kind, key)]):
            continue
        buckets[("person", key)].update(buckets.pop((kind, key)))


def _unique_names(entities: list[Entity]) -> list[Entity]:
    """Sorted by name; a name two entities share gets its kind appended (names are unique)."""
    counts = Counter(entity.name for entity in entities)
    for entity in entities:
        if counts[entity.name] > 1:
            entity.name = f"{entity.name} ({entity.kind}: {entity.key})"
    return sorted(entities, key=lambda entity: (entity.name.casefold(), entity.name))
