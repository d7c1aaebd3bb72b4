"""Figure semantics on own-words sentences: category, group, source, status, dates, links.

Every case runs the real pipeline: spaCy parse -> extract_quantities -> extract_figures.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsledger.extract.figures import extract_figures
from newsledger.extract.quantities import extract_quantities
from newsledger.extract.sources import classify_source
from newsledger.extract.statements import extract_statements
from newsledger.extract.times import resolve_date_text
from newsledger.nlp import load_pipeline


def figures_of(text: str, reference_date: str = "2023-05-16", suggested: bool = False):
    doc = load_pipeline()(text)
    return extract_figures(
        doc,
        extract_quantities(doc),
        extract_statements(doc),
        reference_date=reference_date,
        reference_is_suggested=suggested,
    )


def figure_for(text: str, value: float, **kwargs):
    return next(f for f in figures_of(text, **kwargs) if f.value_low == value)


CATEGORY_CASES = [
    ("Officials said 352 civilians have been killed in the region.", 352, "killed", "civilians"),
    ("The army said it killed 5,710 enemy soldiers.", 5710, "killed", "enemy soldiers"),
    ("The death toll rose to 50 on Monday.", 50, "killed", None),
    ("Rescuers counted 50 dead and 1,000 wounded.", 1000, "injured", None),
    ("The floods displaced 82,000 people across the province.", 82000, "displaced", "people"),
    ("About 300 houses were destroyed by the storm.", 300, "housing_destroyed", None),
    ("More than 120 homes were damaged in the district.", 120, "housing_damaged", None),
    ("The agency recorded 500 civilian casualties in the city.", 500, "casualties", "civilians"),
    ("Police arrested 40 protesters in the capital.", 40, "detained", "protesters"),
    (
        "Some 2,000 residents were evacuated before the fire reached the valley.",
        2000,
        "evacuated",
        "residents",
    ),
    ("Twelve people are still missing after the landslide.", 12, "missing", "people"),
    ("The ministry spent $5 million on new schools.", 5_000_000, "other", None),
    ("Prices rose 7 percent last year.", 7, "other", None),
    ("The 19-year-old was shot in the leg.", 19, "other", None),
    ("He spoke alongside two other captured soldiers.", 2, "other", "soldiers"),
]


@pytest.mark.parametrize(("text", "value", "category", "group"), CATEGORY_CASES)
def test_category_and_group(text, value, category, group):
    figure = figure_for(text, value)
    assert figure.category == category
    if group is not None:
        assert figure.group == group


SOURCE_CASES = [
    (
        "At least 20 people were killed, according to the World Health Organization.",
        20,
        "World Health Organization",
        "international",
        "reported",
    ),
    (
        "The interior ministry claimed that 300 fighters had been captured.",
        300,
        "interior ministry",
        "party",
        "claimed",
    ),
    (
        "Amnesty International confirmed that 17 civilians died in the strike.",
        17,
        "Amnesty International",
        "ngo",
        "confirmed",
    ),
    (
        "Local officials estimated that 4,000 families had fled.",
        4000,
        "Local officials",
        "party",
        "estimated",
    ),
    ("The rebels denied that 80 prisoners were executed.", 80, "rebels", "party", "disputed"),
    ("Nine people were injured in the crash.", 9, None, "unnamed", "reported"),
]


@pytest.mark.parametrize(("text", "value", "source", "kind", "status"), SOURCE_CASES)
def test_source_kind_and_status(text, value, source, kind, status):
    figure = figure_for(text, value)
    assert (figure.source, figure.source_kind, figure.status) == (source, kind, status)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("UN report", "international"),
        ("OHCHR", "international"),
        ("Ukraine's health minister", "party"),
        ("the Pentagon", "party"),
        ("Reuters", "media"),
        ("Human Rights Watch", "ngo"),
        ("a neighbour", "unnamed"),
        (None, "unnamed"),
    ],
)
def test_classify_source(text, kind):
    assert classify_source(text) == kind


REFERENCE = dt.date(2022, 3, 1)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sunday, February 27", "2022-02-27"),
        ("on March 1", "2022-03-01"),
        ("27 February", "2022-02-27"),
        ("on Tuesday", "2022-03-01"),
        ("on Sunday", "2022-02-27"),
        ("yesterday", "2022-02-28"),
        ("December 30", "2021-12-30"),
        ("March 5, 2020", "2020-03-05"),
        ("last month", None),
    ],
)
def test_resolve_date_text(text, expected):
    resolved = resolve_date_text(text, REFERENCE)
    assert (resolved.isoformat() if resolved else None) == expected


def test_as_of_from_the_sentence_and_default_note():
    dated = figure_for("On Sunday, 14 people were killed in Elmford, police said.", 14)
    assert dated.as_of == "2023-05-14"
    undated = figure_for("Police said 14 people were killed in Elmford.", 14)
    assert undated.as_of == "2023-05-16"
    assert "publication date" in undated.as_of_note


def test_suggested_reference_date_is_noted():
    figure = figure_for(
        "On Tuesday, 8 people were injured.", 8, reference_date="2022-03-01", suggested=True
    )
    assert figure.as_of == "2022-03-01"
    assert "suggested" in figure.as_of_note


def test_since_period():
    figure = figure_for(
        "Since the war began, 3,000 civilians have been killed, the mission said.", 3000
    )
    assert figure.period == "Since the war began"


def test_part_of_link():
    figures = figures_of("At least 40 people were killed, including 9 children, the governor said.")
    parent = next(i for i, f in enumerate(figures) if f.value_low == 40)
    child = next(f for f in figures if f.value_low == 9)
    assert child.part_of == parent
    assert child.category == "killed"


def test_place_from_the_sentence():
    figure = figure_for("Eleven people were killed in Kharkiv on Monday.", 11)
    assert figure.place == "Kharkiv"


def test_victims_without_digits():
    figures = figures_of("A man was shot and killed on Sunday. No one else was injured.")
    assert [(f.value_low, f.category) for f in figures] == [(1, "killed"), (0, "injured")]


# An own-words article with the seed's traps: a hedge pointing back at party claims,
# a confirmed figure in the same sentence as the hedge, a "captured" description.
HEDGED_ARTICLE = "\n".join(
    [
        "The rebel command claimed to have killed 900 government soldiers since the offensive"
        " began.",
        "These claims have not yet been independently verified, but a monitoring team from the"
        " United Nations has confirmed more than 60 civilian casualties in the valley.",
        "Speaking alongside three other captured fighters, the commander said he regretted"
        " the war.",
    ]
)


def test_hedges_and_traps():
    figures = figures_of(HEDGED_ARTICLE)
    by_value = {f.value_low: f for f in figures}
    assert by_value[900].category == "killed"
    assert by_value[900].status == "unverified"
    assert by_value[900].source == "rebel command"
    assert by_value[60].status == "confirmed"
    assert by_value[60].source == "UN monitoring team"
    assert by_value[60].source_kind == "international"
    assert by_value[3].category == "other"


def test_spacy_component_writes_plain_figures():
    import pickle

    from newsledger.nlp.figures_component import figures_component

    text = "At least 40 people were killed, including 9 children, the governor said."
    doc = load_pipeline()(text)
    doc.user_data["reference_date"] = "2023-05-16"
    figures = figures_component(doc)._.figures
    assert [(f["value_low"], f["category"], f["part_of"]) for f in figures] == [
        (40, "killed", None),
        (9, "killed", 0),
    ]
    assert pickle.loads(pickle.dumps(figures)) == figures
