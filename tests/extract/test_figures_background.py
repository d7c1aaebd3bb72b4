"""Background figures (issue 18): counts of a past event carry its time and are marked,
and a running count since a past year is not background. Own-words texts, real parse."""

from __future__ import annotations

import pytest

from newsledger.extract.figures.assemble import extract_figures
from newsledger.extract.incident.summary import summarise_incident
from newsledger.extract.quantities.find import extract_quantities
from newsledger.extract.statements.find import extract_statements
from newsledger.nlp import load_pipeline

PUBLISHED = "2023-05-16"


def _figures(text: str, reference_date: str | None = PUBLISHED):
    doc = load_pipeline()(text)
    figures = extract_figures(
        doc, extract_quantities(doc), extract_statements(doc), reference_date=reference_date
    )
    return doc, figures


def _figure(text: str, value: float, reference_date: str | None = PUBLISHED):
    return next(f for f in _figures(text, reference_date)[1] if f.value_low == value)


@pytest.mark.parametrize(
    ("text", "value", "period"),
    [
        (
            "About 27 million Soviet citizens died during the Second World War.",
            27e6,
            "second world war",
        ),
        ("The 2018 Salisbury poisoning left two people dead.", 2, "2018"),
        ("In 2021, 300 people died in the floods that hit the valley.", 300, "2021"),
        ("The famine known as the Holodomor killed millions of Ukrainians.", 2e6, "holodomor"),
    ],
)
def test_a_past_event_is_background_with_its_time(text, value, period):
    figure = _figure(text, value)
    assert figure.background is True
    assert figure.period == period
    assert figure.as_of is None or figure.as_of < PUBLISHED


def test_a_full_past_date_is_the_as_of():
    figure = _figure("On March 3, 2019, 40 people were killed in the attack.", 40)
    assert figure.background and figure.as_of == "2019-03-03"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Since 2014, the conflict in Donbas has killed more than 14,000 people.", 14000),
        ("91 rescuers have been killed since the full-scale invasion in February 2022.", 91),
        ("The worst losses since the Second World War: 300 soldiers were killed on Monday.", 300),
        ("On Sunday, 12 people were killed in Kharkiv.", 12),
        ("In 2023, 12 people were killed in the region so far.", 12),
    ],
)
def test_present_and_running_counts_are_not_background(text, value):
    assert _figure(text, value).background is False


def test_without_a_publication_date_nothing_is_known_to_be_past():
    assert (
        _figure("In 2018, 300 people died in floods.", 300, reference_date=None).background is False
    )


def test_background_stays_out_of_the_main_incident():
    doc, figures = _figures(
        "Five people were killed in a shelling of the market on Sunday. In 2014, "
        "an explosion at the depot killed 40 people."
    )
    assert any(f.background for f in figures)
    summary = summarise_incident(figures, doc=doc)
    assert summary is not None and summary.killed.value_low == 5
