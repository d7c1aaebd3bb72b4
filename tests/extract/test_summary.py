"""The main-incident summary on own-words articles: killed and injured counts, or None."""

from __future__ import annotations

import pytest

from newsledger.extract.figures.assemble import extract_figures
from newsledger.extract.incident.summary import summarise_incident
from newsledger.extract.incident.victims import counts_others
from newsledger.extract.quantities.find import extract_quantities
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
    # An update put first: "the girl" who died is the girl the earlier report named hurt.
    (
        "UPDATE: The girl died in hospital on Sunday, police said. EARLIER: A shooting on "
        "Friday critically injured a 7-year-old girl in Elm Park.",
        (1, None),
    ),
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


READING_CASES = [
    # "a total of 4" counts people; only "Image 2 of 8" is a gallery counter.
    ("Officers found a total of 4 victims, 3 men and 1 woman, on Friday night.", (None, 4)),
    # "No other injuries" says nobody else was hurt, not that nobody was.
    ("Boy, 9, shot in the park\n\nNo other injuries were reported, police said.", (0, 1)),
    # A number inside a place's name counts nobody.
    (
        "An 11-year-old boy was fatally shot on a hunting trip.\n\n"
        "The boy was accidentally shot Sunday at the Three Oaks Hunting Preserve.",
        (1, None),
    ),
    # "three other people" are besides the girl named before them.
    ("A girl was wounded in a shooting on Friday that also injured three other people.", (None, 4)),
    (
        "Two men were in critical condition and two others were injured after the shooting.",
        (None, 4),
    ),
    # Others shot after a death are besides the dead: not reduced by them.
    ("A man was shot and killed outside a bar on Friday. Three other men were also shot.", (1, 3)),
    # Wounded, then died: the verb of her own clause says more than the description.
    ("A woman who was wounded in the attack on Sunday has died, police said.", (1, None)),
    # "the 15-year-old boy died": the boy found wounded before, not a second victim.
    (
        "Teen dies after gun goes off\n\nDeputies found a 15-year-old boy who had suffered a "
        "gunshot wound to the chest. Later the 15-year-old boy died at the scene.",
        (1, None),
    ),
    # Headline lists: a person before or after the count is one more victim.
    (
        "5-year-old girl, woman shot on the South Side\n\nThe shooting happened on Friday.",
        (None, 2),
    ),
    ("Girl, woman shot on the South Side\n\nThe shooting happened on Friday night.", (None, 2)),
    ("4 women, man shot at vigil\n\nThe shooting happened on Monday evening.", (None, 5)),
    # ... also past an age in commas: "Boy, 2, and man killed".
    (
        "Boy, 2, and man killed, woman wounded in shooting\n\n"
        "A gunman opened fire on their car on Tuesday.",
        (2, 1),
    ),
    # "a man was shot and killed" is a clause with its own subject: the second man lived.
    ("A 50-year-old man was shot and killed; a second man was critically injured.", (1, 1)),
    # "both victims" counts two.
    ("Both victims were taken to a hospital with gunshot wounds after the shooting.", (None, 2)),
    # The shooters who opened fire are not among the shot.
    ("Police say a man was wounded when two shooters opened fire outside the store.", (None, 1)),
    # "hit by gunfire" counts the shot.
    ("Three men were hit by gunfire outside a bar on Friday, police said.", (None, 3)),
    # "and at least 10 more were wounded": the verb after an elided "more".
    ("Two people were killed and at least 10 more were wounded in the attack.", (2, 10)),
    # "including 3 children" is part of the 11 hurt, not the toll; with no whole counted
    # before it, the part is all the article gives.
    (
        "Gunfire At Block Party Hurt 11, Including 3 Children\n\n"
        "The gunfire injured 11 people on Saturday night.",
        (None, 11),
    ),
    ("Police said the victims, including two boys who were wounded, had no gang ties.", (None, 2)),
    # "said the father": the speaker, not a victim; the bullets hit two.
    (
        "We heard a gunshot and then the glass broke, said the father. "
        "The bullets hit his wife and his son.",
        (None, 2),
    ),
    # "the 3rd grade girl" is in third grade, not a third victim.
    (
        "The weapon went off and grazed a student in her side. "
        "The 3rd grade girl who was grazed by the bullet is resting at home.",
        (None, 1),
    ),
    # Gunshots heard are not people shot.
    ("Neighbors heard 3 gunshots. A boy was wounded in the leg, police said.", (None, 1)),
    # Counts split over joined clauses add up.
    (
        "One woman is dead, two people are listed in critical condition and three are being "
        "treated for minor wounds after the shooting.",
        (1, 5),
    ),
    # Nobody dead is in stable condition: "he" is the survivor, not the dead man again.
    (
        "A man was shot and killed at a party on Sunday. His brother was also shot. "
        "He is listed in stable condition.",
        (1, 1),
    ),
    # An incident dated "last year" is still a count; "Last year, 400 were shot" is a total.
    ("A gunfight left a bystander dead and nine people hurt on Main Street last year.", (1, 9)),
    # The teen accused of shooting five is the attacker, not a sixth victim.
    (
        "A teen accused of shooting five people near a school was denied bond on Wednesday.",
        (None, 5),
    ),
    # The shot count restated as injured is the same people, the dead among them.
    (
        "Six people were shot at the party, including a man who died at the scene. "
        "Police said six people were injured.",
        (1, 5),
    ),
    # "several injured" gives the injured side its range (3 or more); see also
    # test_several_is_no_count: a vague count of the shot is no toll.
    ("Two people were killed and several others were injured in the shooting on Friday.", (2, 3)),
    # A bare "he" alone in its sentence is no toll; the count of the shot is.
    (
        "Shooting victim says he was targeted\n\nNeighbors heard the gunfire at midnight. "
        "A car pulled up to the party. Five people at the party were shot, police said.",
        (None, 5),
    ),
    # A roundup's total over several shootings is no one incident's toll ...
    (
        "Seven people were wounded in weekend shootings across the city. On Elm Street, "
        "a man was shot in the leg on Sunday.",
        (None, 1),
    ),
    # ... and so is a total over a span of days.
    (
        "Nine people were shot in the city Friday and Saturday. On Elm Street, a woman was "
        "wounded in the arm.",
        (None, 1),
    ),
    # ... and so is the lede's count under a headline that names several shootings.
    (
        "Police investigate 2 east side shootings\n\nAt least two people were shot on the "
        "east side on Tuesday night. In the first case, a 30-year-old man was shot in the leg "
        "on Elm Street.",
        (None, 1),
    ),
    (
        "Police investigate shooting on the east side\n\nAt least two people were shot on "
        "Elm Street on Tuesday night.",
        (None, 2),
    ),
    # ... but "the shootings" can be one incident's.
    ("Two teens were killed and three were wounded in the shootings at the park.", (2, 3)),
    # A station's name is no count of the shot.
    ("Police told 7 News that two people were shot on Elm Street.", (None, 2)),
    # An attacker who killed themself after the shooting is one more dead ...
    (
        "Two neighbors were killed on Sunday when a man opened fire on them, then turned "
        "the gun on himself, police said.",
        (3, None),
    ),
    ("A man fatally shot his brother on Sunday and later killed himself, police said.", (2, None)),
    (
        "Police said a man killed his neighbor on Sunday, then the 40-year-old shot himself.",
        (2, None),
    ),
    ("Police: Man shoots 4 relatives, killing 2, then himself", (3, 2)),
    ("A former guard killed his wife, his mother, himself on Friday, police said.", (3, None)),
    (
        "Three people were killed at a motel on Sunday before he was shot and killed by police.",
        (4, None),
    ),
    # ... unless the count already has them, or the one who shot himself is the victim.
    (
        "Three people died in a murder-suicide on Sunday. The man killed his wife and son "
        "before shooting himself.",
        (3, None),
    ),
    ("A boy found a loaded gun in a closet and shot himself in the hand.", (0, 1)),
    # One who shot themself and someone else is one of those hit.
    ("A man accidentally shot himself and his son while cleaning a rifle on Sunday.", (None, 2)),
    ("A man killed himself and his wife on Sunday, police said.", (2, None)),
    # Someone the article says was not hurt is no victim ("was not seriously hurt" is).
    (
        "A boy was shot in the leg at a park on Friday. His sister was with him but was not "
        "injured, police said.",
        (None, 1),
    ),
    ("A man was shot on Friday. Two women in the car with him were not hurt.", (None, 1)),
    # Victims counted after the deaths, in their own sentence, as survivors: besides the dead.
    (
        "Two men died at the scene of the shooting on Friday. Three victims were taken to a "
        "hospital with non-life-threatening injuries.",
        (2, 3),
    ),
    # One more hurt, named after the dead in the same breath.
    ("A fight at a motel left two people dead and another man wounded, police said.", (2, 1)),
    # "One victim" is one of several: the count of the shot, though later, is the toll.
    (
        "One victim is being treated for life-threatening injuries, police said. Officers "
        "said at least four people were shot near the station on Friday.",
        (None, 4),
    ),
    # "Another victim" opening a sentence after the count and its account is one more.
    (
        "Officers found three victims with gunshot wounds at the house. One man died at the "
        "scene and two others were taken to a hospital. Another victim was found a block away "
        "with a wound to the leg.",
        (1, 3),
    ),
    # A playlist's video titles beside the article tell other stories.
    (
        "Girl, 4, dies after finding gun in a car\n\n2:15 Three teens shot downtown\n\n"
        "The girl found the handgun under a seat on Monday.",
        (1, None),
    ),
    # The suspects sought for a murder are not among the dead; "a 10 MO" is an age.
    (
        "Police are searching for three suspects wanted for the murder of a man on Elm Street."
        "\n\nThe man was shot in the chest and a 10 MO boy was wounded in the leg.",
        (1, 1),
    ),
]


SHOT_ONLY_CASES = [
    # Only the hurt who were shot are the shooting's injured.
    ("A brawl at the fair left seven people hurt, four with gunshot wounds.", (None, 4)),
    (
        "Nine people were injured in the melee, including six who had sustained gunshot "
        "wounds, officials said.",
        (None, 6),
    ),
    # A part with no gunshot word is not a narrower count.
    ("A brawl at the fair left seven people hurt, four with cuts and bruises.", (None, 7)),
]


@pytest.mark.parametrize(("text", "expected"), SHOT_ONLY_CASES)
def test_only_the_shot_are_injured(text, expected):
    assert counts(doc_summary_of(text)) == expected


@pytest.mark.parametrize(("text", "expected"), READING_CASES)
def test_reading_of_news_wording(text, expected):
    assert counts(doc_summary_of(text)) == expected


def test_last_year_running_total_is_not_the_toll():
    text = (
        "A man was shot in the arm on Elm Street on Friday.\n\n"
        "Last year, 400 people were shot in the city."
    )
    assert counts(doc_summary_of(text)) == (None, 1)


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("Three other people were shot near the park.", "Three", True),
        ("Two others were wounded in the attack.", "Two", True),
        ("Police said he and three others had been shot.", "three", False),
        ("Three people were shot near the park.", "Three", False),
    ],
)
def test_counts_others(text, number, expected):
    doc = load_pipeline()(text)
    figures = extract_figures(doc, extract_quantities(doc), [])
    figure = next(f for f in figures if f.span.text == number)
    assert counts_others(figure, doc) is expected
