"""A pronoun is never a resolved speaker's name (issue 19 deliverable 5), on own-words texts.

The statement stays (someone said it); its speaker is None when all that names
them is a pronoun ("one said", an unresolved "he"). Descriptions the gold
writes for unnamed speakers ("critics", "Some") stay as written.
"""

from __future__ import annotations

import pytest
from statement_helpers import containing, mention

from newsledger.consolidate.name_cleaning import is_pronoun
from newsledger.extract.statements.find import extract_statements
from newsledger.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize(
    ("text", "fragment", "said_by"),
    [
        ('The war is far from over. "It is not finished," one said.', "not finished", "one"),
        ("I think the ceasefire will hold, he said.", "ceasefire", "he"),
    ],
)
def test_a_pronoun_alone_resolves_to_nobody(nlp, text, fragment, said_by):
    statement = containing(extract_statements(nlp(text)), fragment)
    assert mention(statement) == said_by
    assert statement.speaker is None
    assert statement.speaker_kind is None


def test_a_pronoun_goes_to_the_person_named_before(nlp):
    text = (
        "Nato secretary general Jens Stoltenberg arrived in Kyiv on Monday. "
        '"We will stand with Ukraine for as long as it takes," he said.'
    )
    statement = containing(extract_statements(nlp(text)), "as long as it takes")
    assert statement.speaker == "Jens Stoltenberg"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        ("These critics argued that the sanctions were too weak.", "sanctions", "critics"),
        ("Some said the talks would fail.", "talks would fail", "Some"),
    ],
)
def test_descriptions_of_unnamed_speakers_stay(nlp, text, fragment, speaker):
    statement = containing(extract_statements(nlp(text)), fragment)
    assert statement.speaker == speaker
    assert statement.speaker_kind == "unnamed"


def test_no_resolved_speaker_is_a_pronoun(nlp):
    text = (
        '"They will not pass," she said. Those who stayed said the town was quiet. '
        "It said the bridge had been destroyed. We were told, one added, that help was coming."
    )
    for statement in extract_statements(nlp(text)):
        assert statement.speaker is None or not is_pronoun(statement.speaker), statement
