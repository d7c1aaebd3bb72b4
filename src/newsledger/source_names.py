"""What a source filter matches: a source as a name, never as a substring of letters.

A name matches a query when its words equal the query's words or begin with
them: "UN" matches "UN", "U.N." and "UN refugee agency", not "country",
"UNICEF" or "Union"; "human rights" matches "human rights monitoring mission",
not "UN human rights office". Case, full stops inside acronyms and a
possessive "'s" and a leading "the" do not count ("the UN's" is "UN"). A body's parent organisation
lists its members in `data/source_bodies.tsv`, so "UN" also reaches "OHCHR",
"UNICEF" and "WHO"; members are matched whole, and a member written in
capitals (an acronym) only by a name in capitals. A query that matches an
alias of `data/aliases.tsv` also matches its canonical name, whether or not an
article used that alias ("Zelensky" -> "Volodymyr Zelensky"). The store applies this to
entity names and aliases (newsledger_source_matches, registered as an SQL
function), so a filter reaches every spelling merged into a matching entity.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from newsledger.quality.tables import load_tsv

__all__ = ["name_words", "source_matches", "source_members"]

_WORD = re.compile(r"\w+")
# "U.N." -> "UN", "U.S.-led" -> "US-led": a full stop between single letters.
_ACRONYM_STOPS = re.compile(r"(?<=\b\w)\.")
_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)


def name_words(name: str | None, *, fold: bool = True) -> tuple[str, ...]:
    """The words of a name as the source filter compares them (see the module docstring);
    `fold=False` keeps their case."""
    if not name:
        return ()
    words = _WORD.findall(_POSSESSIVE.sub("", _ACRONYM_STOPS.sub("", name)))
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    return tuple(word.casefold() for word in words) if fold else tuple(words)


@cache
def _aliases() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(alias words, canonical name words) of data/aliases.tsv: the store keeps only the
    spellings its articles used, so "Zelensky" must find "Volodymyr Zelensky" here."""
    return tuple((name_words(row[1]), name_words(row[0])) for row in load_tsv("aliases.tsv"))


@cache
def _bodies() -> dict[tuple[str, ...], tuple[str, ...]]:
    """parent's words -> the names of its member bodies (data/source_bodies.tsv)."""
    members: dict[tuple[str, ...], list[str]] = {}
    for parent, member in load_tsv("source_bodies.tsv"):
        members.setdefault(name_words(parent), []).append(member)
    return {parent: tuple(names) for parent, names in members.items()}


def source_members(query: str | None) -> tuple[str, ...]:
    """Names of the bodies that belong to the organisation `query` names, members of
    members included."""
    found: list[str] = []
    pending = [name_words(query)]
    seen: set[tuple[str, ...]] = set()
    while pending:
        words = pending.pop()
        if not words or words in seen:
            continue
        seen.add(words)
        for member in _bodies().get(words, ()):
            found.append(member)
            pending.append(name_words(member))
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=256)
def _wanted(query: str) -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """(prefixes, whole names) the query asks for. Its own words are a prefix, and so are
    those of a member that is itself a parent ("United Nations" -> "UN" -> "UN refugee
    agency"). Other members match whole; an acronym member ("WHO") keeps its case, so
    the pronoun "who" is never the World Health Organization."""
    members = source_members(query)
    prefixes = {name_words(query)} | {
        name_words(member) for member in members if name_words(member) in _bodies()
    }
    prefixes = {words for words in prefixes if words}
    whole = {name_words(member, fold=not member.isupper()) for member in members}
    whole |= {
        canonical
        for alias, canonical in _aliases()
        if any(alias[: len(prefix)] == prefix for prefix in prefixes)
    }
    return frozenset(prefixes), frozenset(whole)


def source_matches(name: str | None, query: str | None) -> bool:
    """Whether `name` is a source `query` asks for: its words equal or begin with the
    query's, or it is one of the member bodies of the organisation the query names."""
    if not name or not query:
        return False
    prefixes, members = _wanted(query)
    words = name_words(name)
    return (
        any(words[: len(prefix)] == prefix for prefix in prefixes)
        or words in members
        or name_words(name, fold=False) in members
    )
