"""Entities from stored spellings: pronouns refused, short forms joined, offices kept apart.

`resolve_entities` over the spellings a ledger stores (issue 19 deliverable 5):
"who" is never the WHO, a lone surname joins the one person it can name
whatever kind the parse gave it, a minister is not the ministry, and page junk
glued to a name is cut where the entity is made.
"""

from __future__ import annotations

import pytest

from newsledger.consolidate.entities import NameUse, load_aliases, resolve_entities


def resolved(*uses: NameUse) -> dict[str, tuple[str, str] | None]:
    index = resolve_entities(list(uses), load_aliases())
    return {
        use.text: (entity.name, entity.kind) if (entity := index.of(use.text)) else None
        for use in uses
    }


def test_the_pronoun_who_never_joins_the_who():
    names = resolved(NameUse("WHO", 3), NameUse("who", 5), NameUse("World Health Organization", 2))
    assert names["who"] is None
    assert names["WHO"] is not None and names["WHO"][1] == "organisation"


@pytest.mark.parametrize(
    "uses",
    [
        # a lone surname the parse typed as a body joins the one person of that surname
        (NameUse("Jens Stoltenberg", 9, 9), NameUse("Stoltenberg", 4, 0, 3)),
        # title words and the body of the office in front are not first names
        (NameUse("NATO Secretary-General Jens Stoltenberg", 2, 2), NameUse("Stoltenberg", 12)),
        # two spellings of one first name are one person, not two
        (NameUse("Sergei Lavrov", 9, 9), NameUse("Sergey Lavrov", 2, 2), NameUse("Lavrov", 5)),
    ],
)
def test_a_lone_surname_joins_the_one_person_it_names(uses):
    names = resolved(*uses)
    assert names[uses[-1].text] == names[uses[0].text]
    assert names[uses[0].text][1] == "person"


def test_the_entity_takes_the_spelling_most_used():
    names = resolved(NameUse("Jens Stoltenberg", 9, 9), NameUse("Stoltenberg", 4, 0, 3))
    assert names["Stoltenberg"] == ("Jens Stoltenberg", "person")


def test_a_lone_surname_of_two_people_stays_apart():
    names = resolved(NameUse("Joe Biden", 9, 9), NameUse("Hunter Biden", 3, 3), NameUse("Biden", 4))
    assert names["Biden"] not in (names["Joe Biden"], names["Hunter Biden"])


def test_a_minister_is_not_the_ministry():
    names = resolved(NameUse("the foreign ministry", 5), NameUse("the foreign minister", 3))
    assert names["the foreign ministry"] != names["the foreign minister"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("22.56Boris Johnson", "Boris Johnson"),
        ("Read more Moscow", "Moscow"),
        ("Diana FrancisBath Andy Beckett", "Diana Francis"),
        ("#PMQs pic.twitter.com/B2zsDTlHch", None),
        ("He", None),
        ("strikes", None),
    ],
)
def test_junk_glued_to_a_name_is_cut_where_the_entity_is_made(text, name):
    entity = resolved(NameUse(text, 2))[text]
    assert (entity[0] if entity else None) == name
