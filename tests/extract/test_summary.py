"""The main-incident summary on own-words articles: killed and injured counts, or None."""

from __future__ import annotations

import pytest

from newsledger.extract.figures import extract_figures
from newsledger.extract.quantities import extract_quantities
from newsledger.extract.summary import summarise_incident
from newsledger.models import Count
from newsledger.nlp import load_pipeline


def summary_of(text: str):
    doc = load_pipeline()(text)
    figures = extract_figures(doc, extract_quantities(doc), [], reference_date="2016-05-02")
    return summarise_incident(figures)


def counts(summary):
    if summary is None:
        return None
    return (
        summary.killed.value_low if summary.killed else None,
        summary.injured.value_low if summary.injured else None,
    )


CASES = [
    ("A man was shot and killed on Elm Street on Sunday night, police said.", (1, None)),
    ("Three people were wounded in a shooting outside a bar early Saturday.", (None, 3)),
    ("Four men were shot and one was killed overnight, police said.", (1, 3)),
    ("Two people died and five were injured when a gunman opened fire at a party.", (2, 5)),
    ("A woman was shot in the arm on Friday. She is expected to recover.", (None, 1)),
    (
        "At least 12 people were killed, including three children, officials said. "
        "So far this year 140 people have been killed in the city.",
        (12, None),
    ),
    ("The city council approved a new budget of $3 million on Monday.", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_summary_counts(text, expected):
    assert counts(summary_of(text)) == expected


def test_summary_is_counts():
    summary = summary_of("Two people died and five were injured when a gunman opened fire.")
    assert summary.killed == Count(2, 2)
    assert summary.injured == Count(5, 5)


def test_no_figures_no_summary():
    assert summarise_incident([]) is None
