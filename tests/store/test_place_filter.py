"""The place and background filters on figures and ledger entries, over own-words articles
ingested through the real pipeline (issue 18, deliverables 2 and 3)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from place_helpers import ingest_places, values

from newsledger.filters import FilterError, Filters
from newsledger.store import Store
from newsledger.store.place_terms import place_terms


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    with Store(ingest_places(tmp_path_factory.mktemp("place-filter"))) as store:
        yield store


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("UA", [4.0, 7.0, 20.0]),
        ("ua", [4.0, 7.0, 20.0]),
        ("UKR", [4.0, 7.0, 20.0]),
        ("Ukraine", [4.0, 7.0, 20.0]),
        ("Kharkiv oblast", [7.0, 20.0]),
        ("Kharkivs'ka Oblast'", [7.0, 20.0]),
        ("Kharkiv", [7.0, 20.0]),
        ("Odesa", [4.0]),
        ("RU", [3.0, 27_000_000.0]),
        ("Russia", [3.0, 27_000_000.0]),
        ("UK", [2.0]),
        ("United Kingdom", [2.0]),
        ("GB", [2.0]),
        ("Valdoria", []),
    ],
)
def test_place_finds_the_resolved_place_its_region_and_country(ledger, query, expected):
    assert values(ledger.figures(Filters.of(place=query))) == expected


def test_uk_is_never_a_substring_of_ukraine(ledger):
    found = list(ledger.figures(Filters.of(place="UK")))
    assert {f["place_country"] for f in found} == {"GB"}
    assert list(ledger.figures(Filters.of(place="Ukr"))) == []


def test_ledger_entries_carry_the_country_and_filter_the_same_way(ledger):
    entries = list(ledger.ledger(place="UA"))
    assert {e["place_country"] for e in entries} == {"UA"}
    assert sorted(e["value_low"] for e in entries) == [4.0, 7.0, 20.0]
    kharkiv = list(ledger.ledger(place="Kharkiv oblast"))
    assert sorted(e["value_low"] for e in kharkiv) == [7.0, 20.0]
    assert list(ledger.ledger(place="UK"))[0]["place_country"] == "GB"


def test_the_background_filter(ledger):
    assert values(ledger.figures(Filters.of(background=True))) == [27_000_000.0]
    current = values(ledger.figures(Filters.of(background=False)))
    assert 27_000_000.0 not in current and 7.0 in current
    assert Filters.parse({"background": "false"}).background is False
    assert Filters.parse(Filters.of(background=True).as_query()).background is True
    with pytest.raises(FilterError, match="background"):
        Filters.parse({"background": "maybe"})


def test_a_query_without_a_name_is_a_clear_error():
    with pytest.raises(FilterError, match="names no place"):
        Filters.parse({"place": "!!"})


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_place_query_is_a_filter_or_a_filter_error(ledger, text):
    try:
        filters = Filters.parse({"place": text})
    except FilterError:
        return
    if filters.place is not None:
        terms = json.loads(place_terms(filters.place))
        assert set(terms) == {"countries", "regions", "points", "written"}
        list(ledger.figures(filters))
        list(ledger.ledger(filters))
