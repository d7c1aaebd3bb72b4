"""Sources given by layout rather than by a plain "X said" cue (own-words texts):
labels before a colon, cues glued to the opening mark, digest headlines, signed
quotations, nested quotation marks, a cue that opens a clause of its own after a
quotation, and the sentence that leads into a quotation with no cue."""

from __future__ import annotations

import pytest
from statement_helpers import containing, mention, statements

from newsledger.extract.statements.quotes import find_quotes
from newsledger.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A curly quotation inside a straight one.
        ('"The board is not about “public service” anymore," she said.', 1),
        # The same marks nested: two closings follow the inner opening.
        ("“I would rather live in what he calls “chaos” than in his order.” ― Ana Ruiz", 1),
        # Two openings with one closing: the first was never closed.
        ("“Nobody came back “to the farm after the storm.”", 2),
    ],
)
def test_nested_quotation_marks(text: str, expected: int) -> None:
    doubles = [q for q in find_quotes(text) if not q.single]
    assert len(doubles) == expected


def test_nested_quotation_keeps_its_speaker(nlp) -> None:
    text = "“I would rather live in what he calls “chaos” than in his order.” ― Ana Ruiz"
    found = containing(statements(nlp, text), "rather live")
    assert "than in his order" in found.content.text
    assert mention(found) == "Ana Ruiz"


def test_cue_joined_by_a_conjunction_does_not_take_the_quotation(nlp) -> None:
    text = (
        "Mayor Jana Holt said the levee was “strong enough for the spring floods,” "
        "but she also warned residents to keep their sandbags ready."
    )
    found = containing(statements(nlp, text), "strong enough")
    assert mention(found) == "Mayor Jana Holt"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            "Flood insurance is failing - Ruiz Research: “Premiums rose faster than wages "
            "in every county we studied.”",
            "Premiums rose",
            "Ruiz Research",
        ),
        (
            "What the audit found. From the audit: “Three of the five pumps had not been "
            "serviced since they were installed.”",
            "Three of the five pumps",
            "the audit",
        ),
        (
            'Rep. Jo Lind (D-Ore.):"We were told the pumps would be replaced by March '
            'and nothing happened."',
            "pumps would be replaced",
            "Rep. Jo Lind",
        ),
    ],
)
def test_label_before_a_colon_names_the_source(nlp, text, fragment, speaker) -> None:
    found = containing(statements(nlp, text), fragment)
    assert found.kind == "direct"
    assert mention(found) is not None and mention(found).startswith(speaker)


def test_label_with_a_verb_is_a_clause_not_a_label(nlp) -> None:
    text = "The pumps failed again: “Nobody in the valley could have stopped the water.”"
    found = containing(statements(nlp, text), "Nobody in the valley")
    assert mention(found) != "The pumps failed again"


def test_cue_glued_to_the_opening_mark(nlp) -> None:
    text = "Lind said,“We will rebuild the bridge before the first snow falls this winter.”"
    found = containing(statements(nlp, text), "rebuild the bridge")
    assert mention(found) == "Lind"


def test_digest_headline_introduces_the_quotation_after_it(nlp) -> None:
    text = (
        "MORNING BRIEFING.\n\n"
        "FLOODS RETURN TO THE VALLEY “The river rose two metres overnight and the pumps "
        "could not keep up with it.” [Valley Post.]"
    )
    found = containing(statements(nlp, text), "river rose")
    assert mention(found) == "FLOODS RETURN TO THE VALLEY"


def test_mixed_case_line_is_not_a_headline(nlp) -> None:
    text = (
        "Floods return to the valley “The river rose two metres overnight and the pumps "
        "could not keep up with it.”"
    )
    found = containing(statements(nlp, text), "river rose")
    assert mention(found) != "Floods return to the valley"


def test_name_line_inside_the_marks_signs_the_quotation(nlp) -> None:
    text = (
        'The mayor kept her answer short.\n\n"We will rebuild the bridge before the first '
        'snow falls, whatever the council decides.\nKasia Wrona."\n\nThe council meets on '
        "Monday."
    )
    found = containing(statements(nlp, text), "rebuild the bridge")
    assert mention(found) == "Kasia Wrona"


def test_dash_signature_ignores_a_name_opening_the_next_paragraph(nlp) -> None:
    text = (
        "Both candidates spoke about the flood.\n\n"
        "“I will rebuild every home that the river took from this town.”\n\n"
        "- Wrona.\n\n"
        "Holt says the plan has no money behind it."
    )
    found = containing(statements(nlp, text), "rebuild every home")
    assert mention(found) == "Wrona"


def test_quotation_right_after_a_reported_statement_joins_it(nlp) -> None:
    text = (
        "Holt recalled how the water rose within minutes on the first night. "
        '"We had no time to move the cars or the animals."'
    )
    found = containing(statements(nlp, text), "no time to move")
    assert found.kind == "mixed"
    assert "water rose" in found.content.text
    assert mention(found) == "Holt"


def test_subject_of_the_sentence_before_an_uncued_quotation(nlp) -> None:
    text = (
        "Howard continued his criticism of the council.\n\n"
        "“Eight years ago nobody here believed the town could flood twice in one spring.”"
    )
    found = containing(statements(nlp, text), "Eight years ago")
    assert mention(found) == "Howard"


def test_gerund_hung_on_a_name_is_what_that_person_does(nlp) -> None:
    text = (
        "Erin Brock, the lawyer for the families, backed the plan on Saturday, saying she "
        "believed “we need to focus all of our energy on the people of the valley.”"
    )
    found = containing(statements(nlp, text), "focus all of our energy")
    assert mention(found) is not None and "Brock" in mention(found)


def test_cue_with_its_own_clause_after_a_quotation_leaves_it_to_the_cue_before(nlp) -> None:
    text = (
        "Although Holt admitted to the reporter that the two families had been “close for "
        "years,” he claimed they had never discussed the levee contract."
    )
    found = statements(nlp, text)
    quoted = containing(found, "close for")
    assert quoted.cue is not None and quoted.cue.text == "admitted"
    assert mention(quoted) == "Holt"
    claim = containing(found, "never discussed")
    assert mention(claim) == "he"


def test_quotation_then_split_cue_stays_one_statement(nlp) -> None:
    # The cue's content clause after it is the second half of the same quotation.
    text = "“If the river rises again,” Holt said, “the whole lower town will be under water.”"
    found = [s for s in statements(nlp, text) if "river rises" in s.content.text]
    assert len(found) == 1
    assert "lower town" in found[0].content.text
    assert mention(found[0]) == "Holt"


def test_paragraph_opening_name_is_the_subject_the_parse_lost(nlp) -> None:
    text = (
        "Mayor Holt said the plan came from the state and said, “Who are you going to trust "
        "on safety and keeping people dry?”\n\n"
        "Holt, speaking on the radio, called the governor a “clown,” and said his levee "
        "plans were a gift to the insurance companies."
    )
    found = containing(statements(nlp, text), "gift to the insurance")
    assert mention(found) == "Holt"


def test_relative_clause_cue_does_not_report_the_next_sentence(nlp) -> None:
    text = (
        '"They tried to frighten me," said Ito, who wrote about the visit in his memoir. '
        '"Luckily none of their stories about me were true."'
    )
    found = containing(statements(nlp, text), "Luckily none")
    assert "frighten me" in found.content.text
    assert mention(found) is not None and mention(found).startswith("Ito")
