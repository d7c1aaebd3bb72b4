"""Figure semantics on own-words sentences: category, group, source, status, dates, links.

Every case runs the real pipeline: spaCy parse -> extract_quantities -> extract_figures.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsledger.extract.figures.assemble import extract_figures
from newsledger.extract.figures.source import classify_source
from newsledger.extract.figures.time import resolve_date_text
from newsledger.extract.quantities.find import extract_quantities
from newsledger.extract.statements.find import extract_statements
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
    # Ages beside a harm word are no toll: "at the age of N" / "aged N", digits or words.
    ("The former senator died on Monday at the age of 89, his family said.", 89, "other", None),
    ("The singer has died at the age of ninety-three in Madrid.", 93, "other", None),
    ("The driver, aged 45, was killed when the lorry hit his car.", 45, "other", None),
    ("A girl aged eight was injured by the falling wall.", 8, "other", None),
    ("Three people aged 18 to 34 were injured in the crash.", 18, "other", None),
    # Weapons, vehicles and attacks near a harm word are not the people they hurt.
    ("Officials reported four injuries from 51 attacks by Russian forces.", 51, "other", None),
    ("The mayor said eight missiles had hit the city, wounding 20 people.", 8, "other", None),
    ("Seven people were shot in four shootings on the Fourth of July.", 4, "other", None),
    ("Pirates now control 29 ships and 660 hostages.", 29, "other", None),
    # In a run of "label: number" pairs each number counts its own label.
    (
        "Victoria Deaths: 23 Cases: 10,777 In hospital: 463 (with 25 people in ICU)",
        23,
        "killed",
        None,
    ),
    (
        "Victoria Deaths: 23 Cases: 10,777 In hospital: 463 (with 25 people in ICU)",
        463,
        "other",
        None,
    ),
    ("NSW Deaths: 11 Cases: 6,862 In hospital: 1,507 (with 55 people in ICU)", 6862, "other", None),
    ("Killed: 12\nInjured: 40\nMissing: 3", 40, "injured", None),
    ("Update: 5 people were killed in the blast, police said.", 5, "killed", "people"),
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


HARM_CASES = [
    # A state in hospital or the harm a subject took makes the person injured.
    ("Two villagers were in serious condition after the air strike.", 2, "injured"),
    ("A guard suffered minor injuries in the attack.", 1, "injured"),
    ("A fighter sustained fatal wounds in the ambush.", 1, "killed"),
    ("Five patients were brought in with shrapnel wounds.", 5, "injured"),
]


@pytest.mark.parametrize(("text", "value", "category"), HARM_CASES)
def test_harm_taken_gives_the_category(text, value, category):
    assert figure_for(text, value).category == category


def test_another_after_a_death_is_one_more_victim():
    figures = figures_of("The mine killed one shepherd and injured another near the road.")
    assert [(f.value_low, f.category, f.span.text) for f in figures][-1] == (
        1,
        "injured",
        "another",
    )


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


# --- periods are never as-of dates; as-of is the statement day, else the reference ---

PERIOD_CASES = [
    # (text, value, as_of, period)
    (
        "The mission said 40 civilians had been killed since the fighting began on 2 May.",
        40,
        "2023-05-16",
        "since 2023-05-02",
    ),
    (
        "Between 3 May and 9 May, 120 families were displaced, the agency said on Monday.",
        120,
        "2023-05-15",
        "between 2023-05-03 and 2023-05-09",
    ),
    (
        "Officials said 75 homes were destroyed from 4 May onwards.",
        75,
        "2023-05-16",
        "from 2023-05-04",
    ),
    (
        "As of 12 May, 60 people had been evacuated since the dam failed on 1 May.",
        60,
        "2023-05-12",
        "since 2023-05-01",
    ),
]


@pytest.mark.parametrize(("text", "value", "as_of", "period"), PERIOD_CASES)
def test_period_dates_are_not_as_of(text, value, as_of, period):
    figure = figure_for(text, value)
    assert figure.as_of == as_of
    assert figure.period == period


def test_from_a_place_is_not_a_period():
    figure = figure_for("Police said 30 people fled from Elmford on 10 May.", 30)
    assert figure.as_of == "2023-05-10"
    assert figure.period is None


# --- the verification cue reaches a figure in its complement clause ---


def test_confirmed_in_complement_clause():
    figures = figures_of(
        "The monitoring office said it had confirmed 210 civilians, including 12 children, "
        "had been killed and 430 injured since the offensive began on 3 May."
    )
    by_value = {f.value_low: f for f in figures}
    for value in (210, 12, 430):
        assert by_value[value].status == "confirmed", value
        assert by_value[value].source == "monitoring office", value
        assert by_value[value].as_of == "2023-05-16"
        assert by_value[value].period == "since 2023-05-03"


def test_said_alone_stays_reported():
    figure = figure_for("The monitoring office said 210 civilians had been killed.", 210)
    assert figure.status == "reported"
    assert figure.source == "monitoring office"


# --- an elided count takes its group from the coordinated head, not from a part ---


def test_group_inherited_from_head_not_from_part():
    figures = figures_of(
        "At least 90 civilians, including 7 children, were killed and 260 wounded in the raids."
    )
    by_value = {f.value_low: f for f in figures}
    assert by_value[7].group == "children"
    assert by_value[7].part_of is not None
    assert by_value[260].category == "injured"
    assert by_value[260].group == "civilians"


def test_others_take_the_head_group():
    figures = figures_of(
        "The minister said 150 soldiers had been killed and that 400 others had been wounded."
    )
    by_value = {f.value_low: f for f in figures}
    assert by_value[400].group == "soldiers"


# --- numbers that are not counts of people ---


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Between  17  June  and 2 July, about 900 people were displaced.", 17),
        ("A magnitude 6.1 earthquake displaced 3,000 people.", 6.1),
        ("The floods affected 12 districts and displaced 800 people.", 12),
    ],
)
def test_not_a_count_of_people(text, value):
    assert figure_for(text, value).category == "other"


def test_affected_is_not_displaced():
    text = "Of the 5,000 people affected, 1,100 have been evacuated."
    assert figure_for(text, 5000).category == "other"
    assert figure_for(text, 1100).category == "evacuated"


@pytest.mark.parametrize(
    ("text", "value", "category"),
    [
        ("Evacuations in the district: 2,450", 2450, "evacuated"),
        ("Fully destroyed houses: 312", 312, "housing_destroyed"),
        ("The storm has claimed 45 lives in the valley.", 45, "killed"),
    ],
)
def test_labels_and_lives(text, value, category):
    assert figure_for(text, value).category == category
