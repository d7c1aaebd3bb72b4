"""Which speaker a quotation gets when several cues compete, and the speaker as written
(own-words texts): a cue right after the closing comma, "according to" closing the
sentence, relative pronouns, dash sources glued to the closing mark, any verb after
"'...,' Name", quoted names after "called X", and reported paragraphs continued by a
quotation."""

from __future__ import annotations

import pytest

from newsledger.extract.statements import extract_statements
from newsledger.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def statements(nlp, text: str):
    return extract_statements(nlp(text))


def containing(found, fragment: str):
    hits = [s for s in found if fragment in s.content.text]
    assert hits, f"no statement contains {fragment!r}: {[s.content.text for s in found]}"
    return hits[0]


def mention(statement) -> str | None:
    return statement.speaker_mention.text if statement.speaker_mention else None


def test_cue_right_after_the_closing_comma_wins_over_an_earlier_cue(nlp) -> None:
    text = (
        'Okafor suggested that the plan was weak - "We need to see the details first," '
        "she said - and then left the hall."
    )
    quoted = [s for s in statements(nlp, text) if s.kind != "indirect"]
    found = containing(quoted, "see the details")
    assert mention(found) == "she"


def test_according_to_closing_the_sentence_is_the_source(nlp) -> None:
    text = (
        '"We will reopen the bridge before the winter comes," Okafor said, '
        "according to a city statement."
    )
    found = containing(statements(nlp, text), "reopen the bridge")
    assert mention(found) == "a city statement"


def test_relative_pronoun_is_the_mention_and_the_antecedent_the_speaker(nlp) -> None:
    text = "The council heard from Jane Okafor, who said that the bridge would reopen in May."
    found = containing(statements(nlp, text), "bridge would reopen")
    assert mention(found) == "who"
    assert found.speaker == "Jane Okafor"


def test_dash_glued_to_the_closing_mark_names_the_source(nlp) -> None:
    text = (
        "“The roads are gone and nobody came to help us for a week.”― Maria Lopez\n"
        "“We rebuilt the school ourselves with wood from the old mill.”― Tom Berg\n"
    )
    found = statements(nlp, text)
    assert mention(containing(found, "roads are gone")) == "Maria Lopez"
    assert mention(containing(found, "rebuilt the school")) == "Tom Berg"


def test_any_verb_after_a_closing_comma_reports_the_quotation(nlp) -> None:
    text = (
        "“Look at all these people waiting here,” Paradis said with a smile.\n\n"
        "“They are only here because the buses stopped running,” Bennett shot back."
    )
    found = containing(statements(nlp, text), "buses stopped")
    assert mention(found) == "Bennett"
    assert "all these people" not in found.content.text


def test_called_object_with_quoted_name_is_one_mixed_statement(nlp) -> None:
    found = containing(statements(nlp, 'The mayor called the report "a lie."'), "a lie")
    assert found.kind == "mixed"
    assert found.content.text.startswith("the report")
    assert mention(found) == "The mayor"


def test_contracted_perfect_is_not_a_passive(nlp) -> None:
    found = containing(statements(nlp, "He's said he wants a new bridge by May."), "new bridge")
    assert mention(found) == "He"


def test_quotation_paragraph_continues_a_reported_paragraph(nlp) -> None:
    text = (
        "Carter said that the region would stay at the heart of the plan.\n\n"
        "“It is home to half of our workers and most of our trade, and that will not change.”"
    )
    found = statements(nlp, text)
    joined = containing(found, "heart of the plan")
    assert joined.kind == "mixed"
    assert "half of our workers" in joined.content.text
    assert mention(joined) == "Carter"
    assert len([s for s in found if "half of our workers" in s.content.text]) == 1


def test_quotation_after_a_sentence_ending_on_its_cue_keeps_that_speaker(nlp) -> None:
    text = (
        "The repairs may wait until spring, Schiff said. "
        '"The other problem is that nobody has the money for the steel."'
    )
    found = containing(statements(nlp, text), "nobody has the money")
    assert mention(found) == "Schiff"
