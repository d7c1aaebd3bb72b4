"""The ledger as schema.org `Claim`s in one JSON-LD document (`export --format jsonld`, the API).

One `Claim` per ledger entry (a consolidated claim: same source, count, group,
place and as-of date across outlets), shaped from the entry dicts that
`Store.ledger()` yields:

- `text`: the figure as a sentence ("At least 352 civilians killed in Ukraine
  (as of 2022-02-27), according to Ukraine's health minister");
- `author`: the source as a `Person` or `Organization` (the entity's kind in
  the ledger), else `Organization` for a source whose kind (party,
  international, ngo, media) names a body, else `Thing`; no author when the
  source is unnamed;
- `appearance`: one `CreativeWork` per citing article (`url`, `datePublished`,
  `publisher` the outlet, `headline` the title, `identifier` the article id),
  oldest first, and `firstAppearance` the earliest of them;
- `identifier`: a `PropertyValue` with propertyID `newsledger:entry_id`;
- `additionalProperty`: newsledger's own fields as `PropertyValue`s whose
  propertyID is `newsledger:<field>` (category, value_low, value_high,
  qualifier, group, place, as_of, status, grade, outlets, report_low,
  report_high); a field without a value is left out.

The document is `{"@context": "https://schema.org", "@graph": [...]}`; the
file is written one claim at a time, so no more than a page of the store's
ledger reading is in memory besides the entity kinds (one name -> kind map).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsledger.store import Store

__all__ = [
    "CONTEXT",
    "MEDIA_TYPE",
    "PROPERTY_PREFIX",
    "claim",
    "claim_text",
    "claims",
    "document",
    "entity_kinds",
    "write_jsonld",
]

CONTEXT = "https://schema.org"
MEDIA_TYPE = "application/ld+json"
PROPERTY_PREFIX = "newsledger:"
PROPERTIES = ("category", "value_low", "value_high", "qualifier", "group", "place", "as_of",
              "status", "grade", "outlets", "report_low", "report_high")  # fmt: skip
# The entity's kind in the ledger -> schema.org type.
ENTITY_TYPES: Mapping[str, str] = {"person": "Person", "organisation": "Organization"}
# Source kinds that name a body, for a source the entity table does not know.
BODY_KINDS = frozenset({"party", "international", "ngo", "media"})
_QUALIFIER_WORDS: Mapping[str, str] = {
    "at_least": "at least ",
    "more_than": "more than ",
    "at_most": "at most ",
    "fewer_than": "fewer than ",
    "about": "about ",
}
# category -> (what is counted when the entry has no group, the words after it)
_CATEGORY_WORDS: Mapping[str, tuple[str, str]] = {
    "killed": ("people", "killed"),
    "injured": ("people", "injured"),
    "casualties": ("people", "killed or injured"),
    "missing": ("people", "missing"),
    "displaced": ("people", "displaced"),
    "evacuated": ("people", "evacuated"),
    "detained": ("people", "detained"),
    "housing_destroyed": ("homes", "destroyed"),
    "housing_damaged": ("homes", "damaged"),
}
_SINGULAR: Mapping[str, str] = {"people": "person", "homes": "home"}


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def claim_text(entry: Mapping[str, Any]) -> str:
    """The entry as a sentence: qualifier, value, group, category, place, as-of date, source."""
    low, high = entry["value_low"], entry["value_high"]
    value = _number(low) if low == high else f"{_number(low)} to {_number(high)}"
    counted, done = _CATEGORY_WORDS.get(entry["category"], ("", entry["category"]))
    if low == high == 1:
        counted = _SINGULAR.get(counted, counted)
    words = [_QUALIFIER_WORDS.get(entry["qualifier"], "") + value, entry["group"] or counted, done]
    text = " ".join(word for word in words if word)
    if entry.get("place"):
        text += f" in {entry['place']}"
    if entry.get("as_of"):
        text += f" (as of {entry['as_of']})"
    if entry.get("source"):
        text += f", according to {entry['source']}"
    return text[:1].upper() + text[1:]


def _author(entry: Mapping[str, Any], kinds: Mapping[str, str]) -> dict[str, Any] | None:
    name = entry.get("source")
    if not name:
        return None
    kind = ENTITY_TYPES.get(kinds.get(name, ""))
    if kind is None:
        kind = "Organization" if entry.get("source_kind") in BODY_KINDS else "Thing"
    return {"@type": kind, "name": name}


def _property(name: str, value: Any) -> dict[str, Any]:
    return {"@type": "PropertyValue", "propertyID": PROPERTY_PREFIX + name, "name": name,
            "value": value}  # fmt: skip


def _appearances(citations: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One CreativeWork per citing article (an article citing twice appears once), oldest first."""
    works: dict[str, dict[str, Any]] = {}
    for citation in citations:
        if citation["article_id"] in works:
            continue
        work: dict[str, Any] = {"@type": "CreativeWork", "identifier": citation["article_id"]}
        if citation.get("url"):
            work["url"] = citation["url"]
        if citation.get("published"):
            work["datePublished"] = citation["published"]
        if citation.get("outlet"):
            work["publisher"] = {"@type": "Organization", "name": citation["outlet"]}
        if citation.get("title"):
            work["headline"] = citation["title"]
        works[citation["article_id"]] = work
    # Oldest first, undated articles last (the store sorts them first: NULL is the lowest date).
    return sorted(works.values(), key=_by_date)


def _by_date(work: Mapping[str, Any]) -> tuple[bool, str]:
    return work.get("datePublished") is None, work.get("datePublished") or ""


def claim(entry: Mapping[str, Any], kinds: Mapping[str, str]) -> dict[str, Any]:
    """One ledger entry (a `Store.ledger()` dict) as a schema.org Claim node (no @context)."""
    node: dict[str, Any] = {
        "@type": "Claim",
        "identifier": _property("entry_id", entry["entry_id"]),
        "text": claim_text(entry),
    }
    author = _author(entry, kinds)
    if author is not None:
        node["author"] = author
    appearances = _appearances(entry["citations"])
    node["appearance"] = appearances
    if appearances:
        node["firstAppearance"] = appearances[0]
    node["additionalProperty"] = [
        _property(name, entry[name]) for name in PROPERTIES if entry.get(name) is not None
    ]
    return node


def entity_kinds(store: Store) -> dict[str, str]:
    """Entity name -> kind (person, organisation) for every entity of the ledger."""
    return {row["name"]: row["kind"] for row in store.entities()}


def claims(entries: Iterable[Mapping[str, Any]], kinds: Mapping[str, str]) -> Iterator[dict]:
    for entry in entries:
        yield claim(entry, kinds)


def document(entries: Iterable[Mapping[str, Any]], kinds: Mapping[str, str]) -> dict[str, Any]:
    """The JSON-LD document {"@context": "https://schema.org", "@graph": [Claim, ...]}."""
    return {"@context": CONTEXT, "@graph": list(claims(entries, kinds))}


def write_jsonld(store: Store, path: Path) -> int:
    """Write the whole ledger of `store` to `path` as one JSON-LD document; return the count."""
    kinds = entity_kinds(store)
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write('{"@context": ' + json.dumps(CONTEXT) + ', "@graph": [')
        for node in claims(store.ledger(), kinds):
            out.write(",\n" if count else "\n")
            out.write(json.dumps(node, ensure_ascii=False, default=str))
            count += 1
        out.write("\n]}\n")
    return count
