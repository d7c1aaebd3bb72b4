"""Statement extraction on own-words texts that carry the traps of real news:
quote mark styles, nested single quotes, apostrophes, multi-paragraph quotes,
unbalanced marks, reported speech, titles, descriptions and pronouns."""

from __future__ import annotations

import pytest

from newsledger.extract.statements.find import extract_statements
from newsledger.extract.statements.quotes import find_quotes
from newsledger.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def statements(nlp, text: str, title: str | None = None):
    return extract_statements(nlp(text), title=title)


def containing(found, fragment: str):
    hits = [s for s in found if fragment in s.content.text]
    assert hits, f"no statement contains {fragment!r}: {[s.content.text for s in found]}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "fragment", "kind", "speaker", "cue"),
    [
        (
            '"We will rebuild the bridge by May," said Mayor Jana Holt.',
            "rebuild the bridge",
            "direct",
            "Jana Holt",
            "said",
        ),
        (
            "“The water rose in an hour,” the engineer Tomas Ruiz told reporters.",
            "water rose",
            "direct",
            "Tomas Ruiz",
            "told",
        ),
        (
            "The farmer Ida Brandt said: “We lost every field along the river this spring.”",
            "lost every field",
            "direct",
            "Ida Brandt",
            "said",
        ),
        (
            "The minister Paul Okafor said the dam had held through the night.",
            "the dam had held",
            "indirect",
            "Paul Okafor",
            "said",
        ),
        (
            "The dam held through the night, Paul Okafor said on Monday.",
            "The dam held",
            "indirect",
            "Paul Okafor",
            "said",
        ),
        (
            "According to Paul Okafor, the dam held through the night.",
            "the dam held",
            "indirect",
            "Paul Okafor",
            "According to",
        ),
        (
            'Paul Okafor said the dam was "in better shape than anyone feared" after the storm.',
            "better shape",
            "mixed",
            "Paul Okafor",
            "said",
        ),
    ],
)
def test_kinds_speakers_and_cues(nlp, text, fragment, kind, speaker, cue) -> None:
    found = containing(statements(nlp, text), fragment)
    assert found.kind == kind
    assert found.speaker == speaker
    assert found.cue is not None and found.cue.text == cue
    assert text[found.content.start : found.content.end] == found.content.text


def test_nested_single_quotes_and_apostrophes_stay_inside_one_quotation(nlp) -> None:
    text = "\"They told us 'go home now' and we didn't argue with the guards,\" said Ana Vos."
    found = statements(nlp, text)
    direct = [s for s in found if s.kind == "direct"]
    assert len(direct) == 1
    assert "'go home now'" in direct[0].content.text
    assert direct[0].content.text.endswith('guards,"')
    assert direct[0].speaker == "Ana Vos"


def test_british_single_quotes_are_quotations_but_apostrophes_are_not() -> None:
    text = "The farmers' union called the plan 'a disaster for the valley' on Monday."
    spans = [text[q.start : q.end] for q in find_quotes(text)]
    assert spans == ["'a disaster for the valley'"]


def test_multi_paragraph_quotation_keeps_its_speaker(nlp) -> None:
    text = (
        'Colonel Marta Lind said: "We held the line for three days.\n'
        '"Then the supplies ran out and we had to fall back to the village.\n'
        '"Nobody in my unit will forget those nights."\n'
        "The army has not commented."
    )
    found = [s for s in statements(nlp, text) if s.kind in ("direct", "mixed")]
    paragraphs = ["held the line", "supplies ran out", "Nobody in my unit"]
    for fragment in paragraphs:
        assert containing(found, fragment).speaker == "Marta Lind"


def test_unbalanced_marks_never_lose_the_rest_of_the_article(nlp) -> None:
    text = (
        '"This quotation is never closed by the writer\n'
        "The council met on Monday.\n"
        "The mayor said the road would reopen on Friday.\n"
        'A stray closing mark" appears here too.'
    )
    found = statements(nlp, text)
    assert containing(found, "the road would reopen").kind == "indirect"
    assert all(0 <= s.content.start < s.content.end <= len(text) for s in found)


@pytest.mark.parametrize("text", ["", '"', '""', "'", '" " "', "\n\n\"\n'x'\n", "said."])
def test_odd_inputs_never_raise(nlp, text) -> None:
    assert isinstance(statements(nlp, text), list)


def test_titles_descriptions_and_pronouns_resolve_to_one_person_out_of_order(nlp) -> None:
    # Lines out of order on purpose: the pronoun comes before the name.
    text = (
        "He told reporters the attack had come without warning.\n"
        "The river port was shelled overnight.\n"
        "Lieutenant Colonel Ivan Petrov Sergeyevich said his men were exhausted.\n"
        'The Lt Col added: "We did not choose this war."\n'
        'The POW said: "I am ashamed of what we did here."'
    )
    title = "Captured officer says he is ashamed"
    found = statements(nlp, text, title=title)
    for fragment in (
        "the attack had come",
        "his men were exhausted",
        "did not choose",
        "I am ashamed",
    ):
        assert containing(found, fragment).speaker == "Ivan Petrov Sergeyevich"
    told = containing(found, "the attack had come")
    assert told.speaker_mention is not None and told.speaker_mention.text == "He"


def test_documents_and_organisations_as_sources(nlp) -> None:
    text = (
        "At least 40 people were killed in the floods, a UN report showed on Tuesday.\n"
        "The health ministry said more than 200 people were injured."
    )
    found = statements(nlp, text)
    report = containing(found, "At least 40 people")
    assert report.speaker_kind == "document"
    assert report.stance == "reports"
    ministry = containing(found, "more than 200 people")
    assert ministry.speaker_kind == "organisation"


def test_capitalised_subject_of_said_is_a_person(nlp) -> None:
    text = (
        'Okonkwo, addressing the assembly in Geneva, said: "The shelling must stop now, '
        'before more families are lost."'
    )
    found = containing(statements(nlp, text), "shelling must stop")
    assert found.speaker == "Okonkwo"
    assert found.speaker_kind == "person"


@pytest.mark.parametrize(
    ("verb", "stance"),
    [
        ("denied", "denies"),
        ("warned", "warns"),
        ("confirmed", "confirms"),
        ("claimed", "claims"),
        ("accused", "accuses"),
    ],
)
def test_stance_comes_from_the_cue_table(nlp, verb, stance) -> None:
    text = f"The governor {verb} that the convoy had crossed the border."
    found = containing(statements(nlp, text), "the convoy had crossed")
    assert found.stance == stance


def test_component_writes_plain_data(nlp) -> None:
    import importlib
    import pickle

    import newsledger.nlp.statements_component  # noqa: F401
    from newsledger.nlp.pipeline import PIPELINE_PACKAGES

    for name in PIPELINE_PACKAGES:
        try:
            fresh = importlib.import_module(name).load()
            break
        except ImportError:
            continue
    fresh.add_pipe("newsledger_statements")
    doc = fresh('"The road is open again," said Mayor Jana Holt.')
    assert doc._.statements and doc._.statements[0]["speaker"] == "Jana Holt"
    assert pickle.loads(pickle.dumps(doc._.statements)) == doc._.statements
