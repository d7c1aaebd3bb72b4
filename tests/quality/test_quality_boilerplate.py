"""Page furniture (quality/boilerplate): captions with their credits, live-blog
headers, calls to the reader, link texts and share residue are found and parted
from the text they are glued to; the letters and digits never change."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.article import make_article
from newsledger.models import Origin
from newsledger.quality import check_article
from newsledger.quality.boilerplate import (
    boilerplate_kind,
    boilerplate_spans,
    furniture_spans,
    separate_boilerplate,
)


def _skeleton(text: str) -> str:
    return "".join(char for char in text if char.isalnum())


@pytest.mark.parametrize(
    ("line", "furniture", "kind"),
    [
        (
            "The bridge fell. A man walks past the ruins in Irpin. Photograph: Anna Berg/Reuters",
            "A man walks past the ruins in Irpin. Photograph: Anna Berg/Reuters",
            "picture_credit",
        ),
        (
            "Crowds filled the square. Photograph: Tom Lee/SOPA Images/REX/Shutterstock"
            "The mayor spoke.",
            "Crowds filled the square. Photograph: Tom Lee/SOPA Images/REX/Shutterstock",
            "picture_credit",
        ),
        ("Photo: Presidential Office", "Photo: Presidential Office", "picture_credit"),
        (
            "Talks end without a deal, says minister – video Officials met again.",
            "Talks end without a deal, says minister – video",
            "link_text",
        ),
        (
            "It rained. Floods close schools across the region Read more The rain went on.",
            "Floods close schools across the region Read more",
            "link_text",
        ),
        (
            "Updated at 10.15 GMT 3 May 202209.58Ports reopen after stormMary Jones"
            "Ships left at dawn.",
            "Updated at 10.15 GMT 3 May 202209.58Ports reopen after stormMary Jones",
            "liveblog_header",
        ),
        ("CLICK HERE TO GET THE NEWS APP", "CLICK HERE TO GET THE NEWS APP", "call_to_action"),
        ("See the map pic.twitter.com/AbC123xyz", "pic.twitter.com/AbC123xyz", "share_residue"),
    ],
)
def test_furniture_is_found(line: str, furniture: str, kind: str) -> None:
    spans = boilerplate_spans(line)
    # A live-blog timestamp and the headline after it are two stretches side by side.
    joined: list[tuple[int, int]] = []
    for start, end, _ in spans:
        if joined and joined[-1][1] == start:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    assert furniture in [line[start:end] for start, end in joined]
    assert kind in {found for _, _, found in spans}


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the talks would resume on Monday.",
        '"We will read more of the report," she said at 10.15 on Friday.',
        "The photograph shows a burned car; the agency AP said so.",
        "Click on the link, he told viewers.",
    ],
)
def test_text_is_not_furniture(line: str) -> None:
    assert boilerplate_spans(line) == []
    assert separate_boilerplate(line) == (line, [])


@pytest.mark.parametrize(
    ("line", "parted"),
    [
        (
            "In Lviv. Photograph: Tom Lee/ReutersIn addition, aid arrived.",
            "In Lviv. Photograph: Tom Lee/Reuters. In addition, aid arrived.",
        ),
        (
            "24 Mar 202218.00Biden hints at a visitJane DoeJoe Biden said he may go.",
            "24 Mar 202218.00. Biden hints at a visitJane Doe. Joe Biden said he may go.",
        ),
    ],
)
def test_glued_furniture_is_parted(line: str, parted: str) -> None:
    assert separate_boilerplate(line)[0] == parted


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Photograph: Tom Lee/AP", "picture_credit"),
        ("Updated at 17.54 GMT", "liveblog_header"),
        ("The talks went on.", None),
        ("Photograph: Tom Lee/AP The talks went on.", None),
    ],
)
def test_whole_line_kind(line: str, kind: str | None) -> None:
    assert boilerplate_kind(line) == kind


def test_check_article_flags_and_parts_once() -> None:
    text = "Smoke rose over the port. Photograph: Tom Lee/APThe port was shut, officials said."
    article = check_article(
        make_article(title="t", date_raw="20220301", url=None, text=text, origin=Origin("t", "1"))
    )
    assert "AP. The port" in article.text
    assert article.flag("boilerplate").detail.startswith("1 stretches")
    again = check_article(article)
    assert again.text == article.text
    assert [flag.kind for flag in again.flags].count("boilerplate") == 1
    start, end = furniture_spans(article.text)[0]
    assert article.text[start:end] == "Smoke rose over the port. Photograph: Tom Lee/AP"


_PIECES = st.sampled_from(
    [
        "The mayor said the bridge was safe. ",
        "“We will rebuild,” she said. ",
        "Photograph: Tom Lee/Reuters",
        "Updated at 10.15 GMT ",
        "3 May 202209.58",
        "Read more",
        " – video ",
        "CLICK HERE TO GET THE APP",
        "pic.twitter.com/AbC1",
        "Mary Jones",
        "Ships left.",
        " ",
        ".",
    ]
)


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_parting_keeps_letters_and_is_idempotent(line: str) -> None:
    parted, _ = separate_boilerplate(line)
    assert _skeleton(parted) == _skeleton(line)
    assert "\n" not in parted
    assert separate_boilerplate(parted)[0] == parted


@settings(max_examples=100, deadline=None, database=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_keeps_its_letters(line: str) -> None:
    line = line.replace("\n", " ")
    parted, _ = separate_boilerplate(line)
    assert _skeleton(parted) == _skeleton(line)
    assert len(parted) >= len(line)
    for start, end in furniture_spans(parted):
        assert 0 <= start < end <= len(parted)
