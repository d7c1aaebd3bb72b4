"""Figure places on own-words texts: the most specific place, resolved by the gazetteer.

Every case runs the real pipeline (spaCy parse -> extract_quantities ->
extract_figures); one test per error kind of issue 18, and property tests of the
gazetteer's entries.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.extract.figures import gazetteer
from newsledger.extract.figures.assemble import extract_figures
from newsledger.extract.quantities.find import extract_quantities
from newsledger.extract.statements.find import extract_statements
from newsledger.nlp import load_pipeline


def figures_of(text: str, outlet: str | None = None):
    doc = load_pipeline()(text)
    return extract_figures(
        doc,
        extract_quantities(doc),
        extract_statements(doc),
        reference_date="2023-05-16",
        outlet=outlet,
    )


def figure_for(text: str, value: float, **kwargs):
    return next(f for f in figures_of(text, **kwargs) if f.value_low == value)


# (text, value, place as written, ISO country, precision): the city over the country.
CITY_OVER_COUNTRY = [
    (
        "Officials in Ukraine said 14 people were killed when a missile hit the city of "
        "Kharkiv on Tuesday.",
        14,
        "Kharkiv",
        "UA",
        "point",
    ),
    (
        "Police in Pakistan said at least 9 people died in a blast in Kohat on Friday.",
        9,
        "Kohat",
        "PK",
        "point",
    ),
    (
        "A shell struck a school in the Ukrainian town of Kremenchuk, killing 6 pupils.",
        6,
        "Kremenchuk",
        "UA",
        "point",
    ),
]


@pytest.mark.parametrize(("text", "value", "written", "country", "precision"), CITY_OVER_COUNTRY)
def test_the_city_is_taken_over_the_country(text, value, written, country, precision):
    figure = figure_for(text, value)
    assert figure.place == written
    assert figure.place_country == country
    assert figure.place_precision == precision
    assert figure.place_lat is not None and figure.place_lon is not None


def test_a_strike_on_belgorod_is_filed_under_russia():
    text = (
        "Ukraine's army fired rockets across the border overnight. The governor said 3 people "
        "were killed in Belgorod after the strike."
    )
    figure = figure_for(text, 3)
    assert figure.place == "Belgorod"
    assert figure.place_country == "RU"
    assert figure.place_region is not None


def test_a_demonym_is_not_a_place():
    # spaCy may label "Ukrainian" a GPE; it is never stored as the place.
    text = "Ukrainian officials said 40 Ukrainian soldiers were captured. The talks went on."
    for figure in figures_of(text):
        assert (figure.place or "").casefold() not in ("ukrainian", "ukrainians")


def test_a_place_name_cut_short_is_never_stored():
    # spaCy labels "the Autonomous Republic of Cri" a GPE: a name cut by the ellipsis.
    text = "Officials said 12 people were killed in the Autonomous Republic of Cri…"
    figure = figure_for(text, 12)
    assert figure.place is None and figure.place_name is None


def test_the_whole_name_beside_a_cut_one_is_kept():
    text = "Officials said 12 people were killed in Kramatorsk.\nMore were hurt in Slov…"
    assert figure_for(text, 12).place == "Kramatorsk"


def test_an_ambiguous_name_is_resolved_by_the_other_places():
    # "Georgia" is a country and a US state: the article's other places are American.
    text = (
        "Storms crossed Alabama and Tennessee overnight. Officials said 7 people were killed "
        "in Georgia."
    )
    figure = figure_for(text, 7)
    assert figure.place == "Georgia"
    assert figure.place_country == "US"
    assert figure.place_precision == "region"


def test_a_region_word_makes_a_region():
    figure = figure_for("The governor said 5 civilians were killed in the Kharkiv region.", 5)
    assert figure.place == "Kharkiv region"
    assert figure.place_country == "UA"
    assert figure.place_precision == "region"


def test_resolved_fields_survive_asdict():
    figure = figure_for("Officials said 14 people were killed in Kharkiv.", 14)
    row = dataclasses.asdict(figure)
    assert row["place_name"] == "Kharkiv" and row["place_country"] == "UA"


def _bounding_boxes() -> dict[str, tuple[float, float, float, float]]:
    """Each country's box around every city the gazetteer gives it."""
    boxes: dict[str, tuple[float, float, float, float]] = {}
    for bucket in gazetteer._index().by_name.values():
        for entry in bucket:
            if entry.precision != "point":
                continue
            low_lat, high_lat, low_lon, high_lon = boxes.get(
                entry.country, (entry.lat, entry.lat, entry.lon, entry.lon)
            )
            boxes[entry.country] = (
                min(low_lat, entry.lat),
                max(high_lat, entry.lat),
                min(low_lon, entry.lon),
                max(high_lon, entry.lon),
            )
    return boxes


NAMES = sorted(gazetteer._index().by_name)
_BOXES = _bounding_boxes()


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(NAMES), st.sampled_from(["UA", "RU", "US", "GB", "PK", None]))
def test_a_resolved_place_lies_in_its_country(name, outlet_country):
    resolved = gazetteer.resolve(name, outlet_country=outlet_country)
    assert resolved is not None
    low_lat, high_lat, low_lon, high_lon = _BOXES[resolved.country]
    assert low_lat <= resolved.lat <= high_lat
    assert low_lon <= resolved.lon <= high_lon
    assert resolved.precision in ("point", "region", "country")
