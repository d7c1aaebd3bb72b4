"""The one filter object: parsing text inputs, round trips, and the same rows everywhere."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.filters import MAX_FILTER_CHARS, FilterError, Filters
from newsledger.models import FIGURE_CATEGORIES

NAMES = ("category", "group", "place", "source", "source_id", "since", "until", "grade")
NAMES += ("speaker", "article_id", "kind")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({}, Filters()),
        ({"category": "killed", "group": " civilians "}, Filters("killed", "civilians")),
        ({"group": "", "place": "   "}, Filters()),
        ({"since": "2022-03-01"}, Filters(since=date(2022, 3, 1))),
        ({"source_id": "12"}, Filters(source_id=12)),
        ({"kind": "direct", "unknown": "x"}, Filters(kind="direct")),
    ],
)
def test_parse_reads_text_values(raw, expected):
    assert Filters.parse(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        {"category": "murdered"},
        {"since": "yesterday"},
        {"since": "20220301"},
        {"until": "2022-02-30"},
        {"since": "2022-03-02", "until": "2022-03-01"},
        {"source_id": "0"},
        {"source_id": "-3"},
        {"source_id": "1e3"},
        {"source_id": "10000000000001"},
        {"kind": "rumour"},
        {"grade": "Very Good"},
        {"place": "x" * (MAX_FILTER_CHARS + 1)},
    ],
)
def test_parse_refuses_values_it_cannot_use(raw):
    with pytest.raises(FilterError):
        Filters.parse(raw)


def test_lenient_drops_only_the_bad_values():
    found = Filters.lenient({"category": "killed", "since": "soon", "place": "Kyiv"})
    assert found == Filters(category="killed", place="Kyiv")
    # until before since: the later one is dropped
    pair = Filters.lenient({"since": "2022-03-02", "until": "2022-03-01"})
    assert pair == Filters(since=date(2022, 3, 2))


def test_of_takes_plain_values_and_refuses_unknown_criteria():
    assert Filters.of(since="2024-03-01", source_id=3) == Filters(
        since=date(2024, 3, 1), source_id=3
    )
    assert Filters.of(Filters(category="killed"), group="civilians").category == "killed"
    with pytest.raises(TypeError):
        Filters.of(colour="red")


def test_describe_names_every_criterion_set():
    filters = Filters(category="killed", group="civilians", since=date(2022, 3, 1))
    assert filters.describe() == "killed, group ~ civilians, from 2022-03-01"
    assert Filters().describe() == "all categories"


query_text = st.one_of(st.none(), st.text(max_size=40), st.sampled_from(FIGURE_CATEGORIES))
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))
raw_queries = st.dictionaries(
    st.sampled_from(NAMES),
    st.one_of(query_text, dates.map(date.isoformat), st.integers(-5, 10**13).map(str)),
)


@given(raw_queries)
def test_parse_gives_checked_filters_or_a_filter_error(raw):
    try:
        filters = Filters.parse(raw)
    except FilterError:
        return
    assert filters.checked() is filters
    for name in ("group", "place", "source", "speaker", "article_id"):
        value = getattr(filters, name)
        assert value is None or (value == value.strip() and 0 < len(value) <= MAX_FILTER_CHARS)
    assert filters.category is None or filters.category in FIGURE_CATEGORIES


@given(raw_queries)
def test_lenient_never_raises_and_keeps_what_parse_accepts(raw):
    filters = Filters.lenient(raw)
    assert Filters.parse(filters.as_query()) == filters
    with contextlib.suppress(FilterError):
        assert Filters.parse(raw) == filters


filter_objects = st.builds(
    Filters,
    category=st.one_of(st.none(), st.sampled_from(FIGURE_CATEGORIES)),
    group=st.one_of(st.none(), st.text(min_size=1, max_size=20).map(str.strip).filter(bool)),
    source_id=st.one_of(st.none(), st.integers(1, 10**6)),
    since=st.one_of(st.none(), dates),
)


@given(filter_objects)
def test_as_query_round_trips(filters):
    assert Filters.parse(filters.as_query()) == filters
