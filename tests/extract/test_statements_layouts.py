"""Statement layouts of real news that have no plain "X said" cue (own-words texts):
continuation paragraphs, "Name:" and "― Name" sources, cues the parse leaves
without a subject, colon clauses without marks, and markup left in scraped text."""

from __future__ import annotations

import pytest
from statement_helpers import containing, statements

from newsledger.extract.statements.quotes import find_quotes
from newsledger.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_continuation_paragraph_is_part_of_the_quotation_before_it(nlp) -> None:
    text = (
        "“The levee held for two nights,” Mayor Jana Holt said on Friday.\n\n"
        "“By Sunday morning the pumps had failed and we moved everyone to the school.”\n\n"
        "The county has not commented."
    )
    found = statements(nlp, text)
    first = containing(found, "levee held")
    assert "pumps had failed" in first.content.text
    assert first.speaker_mention is not None and first.speaker_mention.text == "Mayor Jana Holt"
    assert len([s for s in found if "pumps had failed" in s.content.text]) == 1


def test_quotation_after_other_text_is_not_a_continuation(nlp) -> None:
    text = (
        "“The levee held for two nights,” Mayor Jana Holt said on Friday.\n\n"
        "Rain fell again over the weekend across the whole valley.\n\n"
        "“Nobody expected the second flood to come so soon after the first.”"
    )
    later = containing(statements(nlp, text), "second flood")
    assert "levee held" not in later.content.text
    assert later.speaker_mention is None


def test_name_colon_layout_gives_the_name_as_source(nlp) -> None:
    text = (
        "Flood defences - Kasia Wrona:\n\n"
        "“The walls were built for a smaller river than the one we have now.”"
    )
    found = containing(statements(nlp, text), "walls were built")
    assert found.kind == "direct"
    assert found.speaker_mention is not None and "Wrona" in found.speaker_mention.text


def test_dash_layout_gives_the_name_after_the_quotation(nlp) -> None:
    text = "“Rivers remember where they used to run.” ― Kasia Wrona, hydrologist"
    found = containing(statements(nlp, text), "Rivers remember")
    assert found.speaker_mention is not None and "Wrona" in found.speaker_mention.text


def test_cue_without_parsed_subject_takes_the_name_beside_it(nlp) -> None:
    text = (
        "In a statement to the Courier, her chief adviser, Marek Lind, said: "
        "“The council will publish the full report next week.”"
    )
    found = containing(statements(nlp, text), "publish the full report")
    assert found.speaker_mention is not None and found.speaker_mention.text == "Marek Lind"


def test_colon_clause_without_marks_is_direct_only_in_the_first_person(nlp) -> None:
    found = statements(
        nlp,
        "Speaking at the hearing, she said: I cannot accept this delay any longer.\n"
        "The report said: the bridge needs new bearings before winter.",
    )
    assert containing(found, "I cannot accept").kind == "direct"
    assert containing(found, "new bearings").kind == "indirect"


def test_markup_attribute_marks_are_not_quotations() -> None:
    text = '<post author="river_watch" date="May 3">Water is "very high" today</post>'
    quoted = [text[q.start : q.end] for q in find_quotes(text)]
    assert quoted == ['"very high"']
