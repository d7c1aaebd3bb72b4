"""Page furniture is never a statement or a speaker (own-words texts, each through
quality.check_article as ingest runs it): picture captions with their credits,
live-blog headers with their bylines, calls to the reader."""

from __future__ import annotations

import pytest

from newsledger.article import make_article
from newsledger.extract.statements.find import extract_statements
from newsledger.models import Origin
from newsledger.nlp import load_pipeline
from newsledger.quality import check_article


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _checked(text: str) -> str:
    article = make_article(
        title=None, date_raw="20220301", url=None, text=text, origin=Origin("t", "1")
    )
    return check_article(article).text


@pytest.mark.parametrize(
    ("text", "kept", "left_out"),
    [
        (
            "The mayor said the bridge would reopen on Monday. Protesters say the war must end "
            "as they march in Lviv. Photograph: Anna Berg/ReutersThe council met later.",
            "the bridge would reopen on Monday",
            "the war must end",
        ),
        (
            "24 Mar 202218.00Mayor hints she may resign soonJane DoeThe mayor said "
            "she would decide by Friday.",
            "she would decide by Friday",
            "she may resign soon",
        ),
        (
            "The minister said prices would fall.\nCLICK HERE TO GET THE NEWS APP\n"
            "He added that wages would rise.",
            "wages would rise",
            "CLICK HERE",
        ),
    ],
)
def test_furniture_is_not_a_statement(nlp, text: str, kept: str, left_out: str) -> None:
    found = extract_statements(nlp(_checked(text)))
    contents = [statement.content.text for statement in found]
    assert any(kept in content for content in contents), contents
    assert not any(left_out in content for content in contents), contents


def test_byline_is_not_part_of_the_speaker(nlp) -> None:
    text = "24 Mar 202218.00Mayor hints she may resign soonJane DoeJoe Smith said he would stay."
    found = extract_statements(nlp(_checked(text)))
    speakers = [statement.speaker or "" for statement in found]
    assert speakers and all("Jane" not in speaker for speaker in speakers), speakers
