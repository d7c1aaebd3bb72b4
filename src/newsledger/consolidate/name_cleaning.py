"""Which speaker and source texts can name an entity, and the page junk cut from them.

Two decisions over a name as stored, both plain functions of its text:

- `is_never_a_name(text)`: a pronoun ("He", "I", "'s"), a quantifier ("many"),
  a number word ("five") or a common noun that never states anything ("the
  country", "war", "footage") is never a speaker, a source or an entity. The
  words are data (`newsledger/data/not_names.json`, the quantities lexicon's
  number words); an all-capital word is an acronym, so "WHO" and "US" are names
  while "who" and "us" are not. `is_pronoun(text)` asks the narrower question
  (pronouns alone) that a statement's speaker is refused by: "the two
  countries" or "some" may stand for an unnamed speaker, "he" left unresolved
  names nobody.
- `clean_name(text)`: the name without the page furniture scrapers glue to it
  (the kinds `quality/boilerplate.py` parts from article text, reusing its
  tables): a live-blog timestamp or time zone in front ("22.56Boris Johnson",
  "BST Sweden"), a link ending or call to action in front or glued behind
  ("Read more Moscow", "ZelenskiyRead", "CLICK HERE TO GET THE FOX NEWS APP
  Zelenskyy"), a letter writer's town glued to the signature ("Diana
  FrancisBath Andy Beckett" -> "Diana Francis"), a possessive glued to the next
  name ("Damascus'sUkraine's president") or a sentence glued to the next
  ("NATO.Stoltenberg"), a leftover word in front ("more Stoltenberg"), all
  but the last line of a name across a line break ("SHOW" above
  "Landsbergis"). A name
  with a link, a picture link or a hashtag in it, a caption ("Video from
  the scene") or a relative clause ("who wanted to be Labour MPs", "some of
  whom") is refused (None).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources

__all__ = ["clean_name", "is_never_a_name", "is_pronoun"]

# A name longer than this is a run of text the parse took for a name, never a name.
MAX_NAME_WORDS = 12
_ARTICLES = frozenset({"the", "a", "an"})
# Brackets stay: "World Health Organization (WHO)" ends with one.
_EDGE = " \t\n\"'“”‘’`.,;:!?-–—•|*"
_NOT_NAMES = ("newsledger", "data", "not_names.json")
_GLUED = re.compile(r"([A-Z][a-z]{3,})[A-Z][a-z]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|['’]s\b")


@cache
def _data(package: str, *path: str) -> dict:
    text = resources.files(package).joinpath(*path).read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _pronouns() -> frozenset[str]:
    return frozenset(word.replace("’", "'") for word in _data(*_NOT_NAMES)["pronouns"])


@cache
def _leftovers() -> frozenset[str]:
    """Lower-case pronouns and quantifiers, cut in front of a capitalised name."""
    return _pronouns() | frozenset(_data(*_NOT_NAMES)["quantifiers"])


@cache
def _not_name_words() -> frozenset[str]:
    tables = _data(*_NOT_NAMES)
    # Read by path from the top package: importing newsledger.extract would load spaCy.
    numbers = _data("newsledger", "extract", "lexicon", "quantities.json")["number_words"]
    listed = [*tables["quantifiers"], *tables["not_source_nouns"], *numbers]
    return _pronouns() | frozenset(word.replace("’", "'") for word in listed)


@cache
def _furniture() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """(junk in front, junk glued behind, refused anywhere, caption openers)."""
    tables = _data("newsledger", "data", "boilerplate.json")
    zones = "|".join(re.escape(zone) for zone in tables["time_zones"])
    calls = "|".join(re.escape(call) for call in tables["calls_to_action"])
    links = "|".join(re.escape(link) for link in tables["link_endings"])
    front = re.compile(
        rf"^(?:\s*(?:\d{{1,2}}[.:]\d{{2}}(?:\s?(?:am|pm))?|(?:{zones})\b|(?:{links})\b"
        rf"|(?:{calls})\b[A-Z ]*(?=\s[A-Z][a-z])|[–—•|:.,-]))+\s*"
    )
    glued_links = "|".join(
        r"\s*".join(re.escape(part) for part in link.split()) for link in tables["link_endings"]
    )
    first_words = "|".join(re.escape(link.split()[0]) for link in tables["link_endings"])
    behind = re.compile(rf"(?<=[a-z])(?:{glued_links}|{first_words})\s*$")
    residue = "|".join(tables["share_residue"])
    refused = re.compile(rf"{residue}|https?://|www\.|\.com/|\(@\w|(?<!\w)#\w")
    openers = frozenset(label.casefold() for label in tables["credit_labels"])
    return front, behind, refused, openers


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_never_a_name(text: str | None) -> bool:
    """Whether `text` only holds pronouns, quantifiers, number words or non-source nouns."""
    return _only_words(text, _not_name_words())


def is_pronoun(text: str | None) -> bool:
    """Whether `text` is a pronoun alone ("He", "they", "'s"), an acronym aside ("WHO")."""
    return _only_words(text, _pronouns())


def _only_words(text: str | None, listed: frozenset[str]) -> bool:
    if not text:
        return True
    words = _WORD.findall(_fold(text))
    if len(words) > 1 and words[0] == "The" and words[1][:1].isupper():
        return False  # a title: "The Economist", "The Times"
    if words and words[0].casefold() in _ARTICLES:
        words = words[1:]
    if words and words[-1].casefold() in ("'s", "s") and len(words) > 1:
        words = words[:-1]
    if not words:
        return True
    for word in words:
        acronym = len(word) > 1 and word.isupper()
        if acronym or word.casefold() not in listed:
            return False
    return True


def _unglued(text: str) -> str:
    """The name before a glued second line ("Diana FrancisBath") or after a glued
    possessive ("Damascus'sUkraine's president" -> "Ukraine's president")."""
    possessive = re.search(r"['’]s(?=[A-Z])|(?<=[a-zA-Z]{2})\.(?=[A-Z][a-z])", text)
    if possessive is not None:
        return text[possessive.end() :]
    words = text.split(" ")
    for position, word in enumerate(words[1:], start=1):
        # Glued only after a name of two words or more: "YouTube" and
        # "PricewaterhouseCoopers" are one word each, a signature is not; and only
        # after four small letters, so "MacKenzie" stays whole.
        glued = _GLUED.match(word)
        if glued is not None and words[position - 1][:1].isupper():
            return " ".join([*words[:position], glued.group(1)])
    return text


def clean_name(text: str) -> str | None:
    """`text` without glued page furniture, or None when it cannot name an entity."""
    # Cutting one piece can bare another ("more 22.56Boris"): cut until nothing changes.
    cleaned: str | None = text
    for _ in range(MAX_NAME_WORDS):
        previous = cleaned
        cleaned = _cleaned_once(previous)
        if cleaned is None or cleaned == previous:
            return cleaned
    return cleaned


def _cleaned_once(text: str) -> str | None:
    front, behind, refused, openers = _furniture()
    if refused.search(text):
        return None
    # A name across a line break is two lines' words ("SHOW" above "Landsbergis"): the
    # speaker or source is the line nearest its verb, the last.
    text = text.strip().rsplit("\n", 1)[-1]
    cleaned = behind.sub("", front.sub("", text))
    cleaned = _unglued(cleaned).strip(_EDGE)
    words = cleaned.split()
    # A leftover lower-case word in front of a name: "more Stoltenberg" (of "Read more").
    while len(words) > 1 and words[1][:1].isupper() and words[0] in _leftovers():
        words.pop(0)
    cleaned = " ".join(words)
    if not words or len(words) > MAX_NAME_WORDS:
        return None
    if words[0].casefold() in openers or is_never_a_name(cleaned):
        return None
    relatives = _data(*_NOT_NAMES)["relative_pronouns"]
    if any(_lowered(word) in relatives for word in (words[0], words[-1])):
        return None
    return cleaned


def _lowered(word: str) -> str:
    """The word case-folded, or itself when it is an acronym ("WHO")."""
    bare = word.strip(_EDGE)
    return bare if len(bare) > 1 and bare.isupper() else bare.casefold()
