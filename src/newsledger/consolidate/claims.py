"""Claim consolidation: the figures that are the same claim -> one ledger entry with citations.

Two figures are the same claim when they have the same resolved source entity
and category, compatible groups and places, as-of dates within
AS_OF_TOLERANCE_DAYS of the entry's first one, and compatible values.

Normalisation before comparing (documented here because it decides what counts
as "the same count"):
- group: lower case, no articles or possessives, singular -> plural
  ("civilian" -> "civilians", "troops" -> "soldiers"). A nationality in front of
  a civilian group is where the count was made: "Ukrainian civilians" with no
  place gets place Ukraine, and with place Ukraine it becomes "civilians".
  Nationality stays on soldiers ("Russian soldiers" die in Ukraine).
- place: "the" dropped, old spellings folded ("Kiev" -> "Kyiv"), a demonym as a
  place becomes the country ("Ukrainian" -> "Ukraine").
- A missing group or place is compatible with any: "102 killed" and "102
  civilians killed" from one source on one day are one claim; the entry shows
  the group and place its citations name most often.
- A figure without an as-of date is dated by its article's publication date.
  Such a date (and an as-of date equal to the publication date, which is what
  extraction falls back to) only says "by then": the figure may also join an
  entry of the same value up to REPORTED_LATER_DAYS earlier (a count repeated
  by a later article without its date is still the same claim).
- Values are compatible when both ends are equal and the qualifiers do not point
  in opposite directions ("at least 198" = "198", but not = "at most 198"), or
  when both are ranges (vague numbers) that overlap.

An entry takes the most frequent value, status, as-of date and source kind of
its citations (ties: the earliest citation). Figures of category "other" are
not consolidated; figures without a source are (source None) but never conflict.
Background figures (counts of a past event, `background` true) are never
consolidated: they stay out of the entries, so out of timelines and conflicts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from newsledger.consolidate.entities import Entity, EntityIndex
from newsledger.consolidate.entity_tables import (
    ARTICLES,
    CIVILIAN_GROUPS,
    COUNTRY_NAMES,
    DEMONYMS,
    GROUP_PLURALS,
    PLACE_SPELLINGS,
)

__all__ = [
    "AS_OF_TOLERANCE_DAYS",
    "REPORTED_LATER_DAYS",
    "Citation",
    "LedgerEntry",
    "build_entries",
    "normalise_count",
    "normalise_place",
    "values_compatible",
]

AS_OF_TOLERANCE_DAYS = 1
REPORTED_LATER_DAYS = 3
LOWER_QUALIFIERS = frozenset({"at_least", "more_than"})
UPPER_QUALIFIERS = frozenset({"at_most", "fewer_than"})

_WORDS = re.compile(r"[\w-]+")


@dataclass(frozen=True, slots=True)
class Citation:
    """One figure citing a ledger entry: the article it is in and its index there."""

    article_id: str
    figure_idx: int
    published: str | None
    # What grading reads (consolidate/grades.py): the outlet the store counts the
    # article under (a near-duplicate: the outlet it copies), and the figure's own
    # source kind and values.
    outlet_key: str | None = None
    source_kind: str | None = None
    value_low: float = 0.0
    value_high: float = 0.0


@dataclass(slots=True)
class LedgerEntry:
    """One claim: a source's value for a count on a date, with every citation of it."""

    entity: Entity | None
    category: str
    group: str | None
    place: str | None
    as_of: str | None
    value_low: float
    value_high: float
    qualifier: str
    status: str
    source_kind: str | None
    citations: list[Citation] = field(default_factory=list)
    entry_id: int = 0
    # Set by consolidate/grades.py from the citations: independent outlets, kinds of
    # source, the min-max range of the reports, and the grade.
    outlets: int = 0
    source_kinds: tuple[str, ...] = ()
    report_low: float = 0.0
    report_high: float = 0.0
    grade: str = ""
    # The gazetteer's reading of the place its citations name (most often), when resolved.
    place_region: str | None = None
    place_country: str | None = None

    @property
    def source(self) -> str | None:
        return self.entity.name if self.entity is not None else None

    def sort_key(self) -> tuple:
        first = self.citations[0]
        return (
            (self.source or "").casefold(),
            self.category,
            self.group or "",
            self.place or "",
            self.as_of or "",
            self.value_low,
            self.value_high,
            self.qualifier,
            first.article_id,
            first.figure_idx,
        )


def normalise_place(place: str | None) -> str | None:
    """The place as the ledger shows it (see the module docstring), None when empty."""
    if not place or not place.strip():
        return None
    text = " ".join(place.replace("’", "'").split())
    if text.casefold().startswith("the ") and text.casefold() != "the ukraine":
        text = text[4:]
    folded = text.casefold()
    if folded in PLACE_SPELLINGS:
        return PLACE_SPELLINGS[folded]
    if folded in DEMONYMS:
        return COUNTRY_NAMES.get(DEMONYMS[folded], text)
    return text


def normalise_count(group: str | None, place: str | None) -> tuple[str | None, str | None]:
    """(group, place) of a count, normalised as the module docstring describes."""
    place = normalise_place(place)
    if not group or not group.strip():
        return None, place
    words = [
        GROUP_PLURALS.get(word, word)
        for word in _WORDS.findall(group.replace("’", "'").casefold().replace("'s", ""))
        if word not in ARTICLES
    ]
    if not words:
        return None, place
    country = DEMONYMS.get(words[0])
    if country is not None and len(words) > 1 and words[-1] in CIVILIAN_GROUPS:
        country_name = COUNTRY_NAMES.get(country, country)
        if place is None:
            place = country_name
        if place.casefold() == country_name.casefold():
            words = words[1:]
    return " ".join(words), place


def values_compatible(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two figures' values can be the same claim (see the module docstring)."""
    if (a["value_low"], a["value_high"]) == (b["value_low"], b["value_high"]):
        directions = {_direction(a["qualifier"]), _direction(b["qualifier"])}
        return directions != {"lower", "upper"}
    both_ranges = a["value_low"] < a["value_high"] and b["value_low"] < b["value_high"]
    return both_ranges and a["value_low"] <= b["value_high"] and b["value_low"] <= a["value_high"]


def _direction(qualifier: str) -> str:
    if qualifier in LOWER_QUALIFIERS:
        return "lower"
    if qualifier in UPPER_QUALIFIERS:
        return "upper"
    return "both"


def _ordinal(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


@dataclass(slots=True)
class _Cluster:
    first: dict[str, Any]
    anchor: int | None
    group: str | None
    place: str | None
    members: list[dict[str, Any]] = field(default_factory=list)

    def accepts(self, figure: dict[str, Any]) -> bool:
        if figure["_group"] and self.group and figure["_group"] != self.group:
            return False
        if figure["_place"] and self.place and figure["_place"].casefold() != self.place.casefold():
            return False
        return values_compatible(self.first, figure)

    def add(self, figure: dict[str, Any]) -> None:
        self.members.append(figure)
        self.group = self.group or figure["_group"]
        self.place = self.place or figure["_place"]


def _within(day: int | None, anchor: int | None, days: int) -> bool:
    """Whether a figure of `day` may join a cluster first dated `anchor` (days are sorted)."""
    if day is None or anchor is None:
        return day is None and anchor is None
    return day - anchor <= days


def _most_common(values: Iterable[Any]) -> Any:
    """The most frequent value; ties go to the one seen first (members are in date order)."""
    counts: dict[Any, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    best, top = None, 0
    for value, count in counts.items():
        if count > top:
            best, top = value, count
    return best


def _outlet(key: str | None) -> str | None:
    """An outlet name as given, or the host of a URL standing in for it (www. dropped)."""
    if not key or "://" not in key:
        return key or None
    host = (urlsplit(key).hostname or "").casefold()
    return host.removeprefix("www.") or None


def _citation(figure: dict[str, Any]) -> Citation:
    return Citation(
        figure["article_id"],
        figure["idx"],
        figure["published"],
        outlet_key=_outlet(figure.get("outlet_key")),
        source_kind=figure["source_kind"],
        value_low=figure["value_low"],
        value_high=figure["value_high"],
    )


def _resolved_place(
    members: list[dict[str, Any]], place: str | None
) -> tuple[str | None, str | None]:
    """(region, country) the members naming the entry's place resolve it to most often."""
    if place is None:
        return None, None
    resolved = [
        (m.get("place_region"), m.get("place_country"))
        for m in members
        if m["_place"] and m["_place"].casefold() == place.casefold() and m.get("place_country")
    ]
    return _most_common(resolved) or (None, None)


def _entry(entity: Entity | None, category: str, cluster: _Cluster) -> LedgerEntry:
    members = cluster.members
    if len(members) == 1:
        # Most claims are cited once; skip the vote.
        only = members[0]
        value = (only["value_low"], only["value_high"], only["qualifier"])
        group, place, as_of = only["_group"], only["_place"], only["_as_of"]
        status, source_kind = only["status"], only["source_kind"]
        citations = [_citation(only)]
        resolved = (only.get("place_region"), only.get("place_country"))
    else:
        value = _most_common((m["value_low"], m["value_high"], m["qualifier"]) for m in members)
        group = _most_common(m["_group"] for m in members if m["_group"])
        place = _most_common(m["_place"] for m in members if m["_place"])
        # A date the text gave outranks a publication date ("by then") on a tie.
        as_of = _most_common(
            [m["_as_of"] for m in members if not m["_undated"]] or [m["_as_of"] for m in members]
        )
        status = _most_common(m["status"] for m in members)
        source_kind = _most_common(m["source_kind"] for m in members if m["source_kind"])
        citations = sorted(
            (_citation(m) for m in members),
            key=lambda c: (c.published or "", c.article_id, c.figure_idx),
        )
        resolved = _resolved_place(members, place)
    return LedgerEntry(
        entity=entity,
        category=category,
        group=group,
        place=place,
        as_of=as_of,
        value_low=value[0],
        value_high=value[1],
        qualifier=value[2],
        status=status,
        source_kind=source_kind,
        citations=citations,
        place_region=resolved[0] if place else None,
        place_country=resolved[1] if place else None,
    )


def build_entries(figures: Iterable[dict[str, Any]], entities: EntityIndex) -> list[LedgerEntry]:
    """Group figure rows (store keys plus `published`) into ledger entries, ids assigned.

    Figures are bucketed by (source entity, category), sorted by as-of date, and
    each joins the first open cluster of its bucket that accepts it; a cluster
    stays open while a figure's date is within the tolerance of its first date.
    """
    buckets: dict[tuple[int, str], list[dict[str, Any]]] = {}
    owners: dict[tuple[int, str], Entity | None] = {}
    for figure in figures:
        if figure.get("background"):
            continue
        entity = entities.of(figure["source"])
        figure["_group"], figure["_place"] = normalise_count(figure["group"], figure["place"])
        figure["_as_of"] = figure["as_of"] or figure["published"]
        figure["_undated"] = figure["_as_of"] == figure["published"]
        figure["_day"] = _ordinal(figure["_as_of"])
        bucket = (entity.entity_id if entity is not None else 0, figure["category"])
        buckets.setdefault(bucket, []).append(figure)
        owners[bucket] = entity

    entries: list[LedgerEntry] = []
    for bucket, members in buckets.items():
        members.sort(
            key=lambda f: (
                f["_day"] is None,
                f["_day"] or 0,
                f["published"] or "",
                f["article_id"],
                f["idx"],
            )
        )
        clusters: list[_Cluster] = []
        open_clusters: list[_Cluster] = []
        for figure in members:
            day = figure["_day"]
            open_clusters = [
                c for c in open_clusters if _within(day, c.anchor, REPORTED_LATER_DAYS)
            ]
            reach = REPORTED_LATER_DAYS if figure["_undated"] else AS_OF_TOLERANCE_DAYS
            cluster = next(
                (c for c in open_clusters if _within(day, c.anchor, reach) and c.accepts(figure)),
                None,
            )
            if cluster is None:
                cluster = _Cluster(figure, day, figure["_group"], figure["_place"])
                clusters.append(cluster)
                open_clusters.append(cluster)
            cluster.add(figure)
        entries.extend(_entry(owners[bucket], bucket[1], cluster) for cluster in clusters)

    entries.sort(key=LedgerEntry.sort_key)
    for number, entry in enumerate(entries, start=1):
        entry.entry_id = number
    return entries
