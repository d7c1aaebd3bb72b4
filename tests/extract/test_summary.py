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


def doc_summary_of(text: str):
    """The summary with the parsed article, as the casualties scorer makes it."""
    doc = load_pipeline()(text)
    figures = extract_figures(doc, extract_quantities(doc), [], reference_date="2016-05-02")
    return summarise_incident(figures, doc=doc)


DOC_CASES = [
    # An age in apposition is not a death toll.
    ("Boy, 14, dies in hunting accident\n\nThe boy was hunting with his father.", 1, 0),
    # A gallery counter is not a count of the shot.
    ("Image 2 of 8 A child was shot at a home on Redbud Lane on Tuesday.", 0, 1),
    # No figure at all: the headline still names one victim.
    ("Farmer dies after accident at the range\n\nDeputies are investigating.", 1, 0),
    ("Teen hurt in shooting outside club\n\nPolice are looking for the gunman.", None, 1),
    # Shot, then the lede says the victim died: the shot victim is the dead one.
    ("Teen shot in the head at the mall dies\n\nThe teen was shot by a stranger.", 1, 0),
    # A house number is not a count.
    ("The victim was shot at 900 Garden Way on Friday, police said.", None, 1),
]


@pytest.mark.parametrize(("text", "killed", "injured"), DOC_CASES)
def test_summary_with_doc(text, killed, injured):
    summary = doc_summary_of(text)
    got = (
        summary.killed.value_low if summary.killed else None,
        summary.injured.value_low if summary.injured else None,
    )
    assert got == (killed, injured)


def test_ordinal_victim_raises_the_toll():
    summary = summary_of(
        "Two men were wounded on Friday night. A third victim walked into the hospital later."
    )
    assert summary.injured == Count(3, 3)


def test_pronoun_after_a_death_is_not_a_second_victim():
    summary = doc_summary_of(
        "A girl was killed by a stray bullet on Saturday. She had been hurt in the head."
    )
    assert summary.killed == Count(1, 1)
    assert summary.injured is None or summary.injured.value_low == 0


def test_several_is_no_count():
    summary = doc_summary_of("Several people were shot at a party early Sunday, police said.")
    assert summary is None or summary.injured is None or summary.injured.value_low != 3


def test_summary_without_doc_still_works():
    # analysis.py calls summarise_incident(figures) alone; the doc only refines.
    assert counts(summary_of("Three people were wounded in a shooting on Friday.")) == (None, 3)


def test_deadly_weapon_is_not_a_death():
    # "deadly weapon" says nothing about a death; the four shot stay injured.
    summary = doc_summary_of(
        "Four people were shot outside a bar on Friday. "
        "The suspect is charged with assault with a deadly weapon."
    )
    assert summary.killed is None
    assert summary.injured == Count(4, 4)


def test_dead_in_the_lede_turns_one_shot_victim_into_the_dead():
    summary = doc_summary_of(
        "Teen dies after shooting at the park\n\nA teenager was shot near the pool on Friday."
    )
    assert summary.killed == Count(1, 1)
    assert summary.injured == Count(0, 0)


def test_casualties_of_one_source_are_not_reduced_by_deaths_from_another():
    text = (
        "The regional army command said on Monday that it had confirmed 60 casualties in the "
        "shelling of Elmford.\n"
        "A hospital report said 14 people were killed in the town."
    )
    assert counts(doc_summary_of(text)) == (14, None)


VICTIM_CASES = [
    # A possessive pronoun brings in a second, wounded person.
    ("A shooting left a girl dead and her grandmother wounded on Sunday.", (1, 1)),
    # The subject of "killed ... his son" is the killer; the people listed died.
    ("Police said the man killed his son, his daughter and himself.", (3, None)),
    # A charge names a crime, not a death.
    (
        "A teenager was shot in the leg on Friday. A man is charged with attempted murder.",
        (None, 1),
    ),
    # "a triple shooting" means three were hit, one of whom died.
    ("Police are investigating a triple shooting on Elm Street.\n\nOne man died there.", (1, 2)),
    # "non-life-threatening" describes a survivor's wound.
    ("A trooper was shot during a struggle. He suffered a non-life-threatening wound.", (None, 1)),
    # The men in a "by" phrase did the shooting.
    ("A woman was wounded by two masked men on Saturday.", (None, 1)),
    # An unattributed death is part of the shot count a named source gave.
    ("Police say four teenagers were shot on Friday. One of them has died.", (1, 3)),
    ("A soldier was nearly killed when a shell hit his post.", (None, 1)),
]


@pytest.mark.parametrize(("text", "expected"), VICTIM_CASES)
def test_victims_read_from_the_wording(text, expected):
    assert counts(doc_summary_of(text)) == expected


LISTED_VICTIM_CASES = [
    # People listed in one noun phrase add up; the parser keeps them as two figures.
    ("A woman and three men were wounded by the shell on Monday.", (None, 4)),
    # A breakdown in apposition repeats the count; it adds nobody.
    ("Nine people, seven soldiers and two medics, were wounded by the blast.", (None, 9)),
    # A headline list drops articles: the person before the count is one more victim.
    ("Shelling leaves woman, 2 boys wounded\n\nThe village was hit at dawn.", (None, 3)),
    # One named dead, one named after it as shot in the same sentence: a survivor.
    ("A guard was killed and his brother was shot in the raid on Tuesday.", (1, 1)),
    # "another" after a death is a second, hurt person.
    ("The blast killed one soldier and wounded another at the checkpoint.", (1, 1)),
    # A survivor's state in hospital, the harm a subject took: each one injured person.
    ("A driver died at the scene. A passenger was in critical condition on Monday.", (1, 1)),
    ("A soldier was killed on Monday. A second soldier suffered minor injuries.", (1, 1)),
    ("A man was killed. A teenager was taken to the hospital with gunshot wounds.", (1, 1)),
]


@pytest.mark.parametrize(("text", "expected"), LISTED_VICTIM_CASES)
def test_listed_and_hospitalised_victims(text, expected):
    assert counts(doc_summary_of(text)) == expected


SAME_PERSON_CASES = [
    # The one person named hurt is the one the headline says died.
    (
        "Fisherman dies after boat is shot at\n\nHis nephew said a fisherman was wounded "
        "by gunfire from the shore on Sunday.",
        (1, 0),
    ),
    # Someone hurt, then "she" died: one person, dead.
    ("A nurse was wounded by a sniper on Friday. She died in the ambulance.", (1, None)),
    # A suicide in the lede does not make the wounded officer the dead one.
    (
        "Gunman kills himself after standoff\n\nAn officer was wounded in the exchange "
        "of fire on Sunday.",
        (1, 1),
    ),
]


@pytest.mark.parametrize(("text", "expected"), SAME_PERSON_CASES)
def test_a_hurt_person_who_died_is_counted_once(text, expected):
    assert counts(doc_summary_of(text)) == expected
