"""One article's answer is bounded: its text comes in parts, its statements and figures in pages.

The long article is built here from the fixture articles' own sentences,
repeated to 200,000 words (1.2 million characters) with a statement and a
figure at every number of every copy, and written with `Store.write_batch`.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_helpers import FIXTURE_ARTICLES
from pydantic import TypeAdapter

from newsledger.api import create_app
from newsledger.api.limits import MAX_ARTICLE_ITEMS, MAX_TEXT_CHARS
from newsledger.api.schemas import ArticleDetail
from newsledger.models import Analysis, Article, Figure, Origin, Span, Statement
from newsledger.store import Store

LONG_ID = "long-article"
SHORT_ID = "short-article"
WORDS = 200_000
# The default answer: 100,000 characters of text and 500 statements and figures
# of some 300 bytes each, well under this; the whole article is over 5 MB.
MAX_ANSWER_BYTES = 1_000_000


def _text(words: int) -> str:
    lines = [json.loads(line)["text"] for line in FIXTURE_ARTICLES.open(encoding="utf-8")]
    copy = "\n".join(lines)
    return "\n".join([copy] * (words // len(copy.split()) + 1))


def _analysis(article_id: str, text: str) -> Analysis:
    statements, figures = [], []
    for index, number in enumerate(re.finditer(r"\d[\d,.]*", text)):
        line_start = text.rfind("\n", 0, number.start()) + 1
        line_end = text.find("\n", number.end())
        line_end = len(text) if line_end < 0 else line_end
        line = Span(line_start, line_end, text[line_start:line_end])
        statements.append(
            Statement(
                "indirect",
                line,
                None,
                None,
                None,
                "the office",
                "organisation",
                "says",
                index,
                0.75,
            )
        )
        span = Span(number.start(), number.end(), number.group())
        figures.append(
            Figure(
                value_low=1,
                value_high=1,
                qualifier="exact",
                unit=None,
                category="killed",
                count_unit="people",
                group="civilians",
                place="Kharkiv",
                as_of="2022-03-02",
                period=None,
                as_of_note=None,
                source="the office",
                source_mention=None,
                source_kind="international",
                status="reported",
                span=span,
                sentence=line.text,
                sentence_index=index,
                part_of=None,
            )
        )
    return Analysis(article_id, statements=statements, figures=figures)


def _article(article_id: str, text: str) -> Article:
    return Article(
        id=article_id,
        url=f"https://long.example.org/{article_id}",
        title=f"The {article_id}",
        published="2022-03-02",
        published_raw="2022-03-02",
        outlet="long.example.org",
        text=text,
        origin=Origin("long-test", article_id),
    )


@pytest.fixture(scope="module")
def long_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("long") / "ledger.db"
    long_text, short_text = _text(WORDS), _text(50)
    with Store(db) as store:
        store.write_batch(
            [
                (_article(LONG_ID, long_text), _analysis(LONG_ID, long_text)),
                (_article(SHORT_ID, short_text), _analysis(SHORT_ID, short_text)),
            ]
        )
    return db


@pytest.fixture(scope="module")
def http(long_db: Path) -> Iterator[object]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    with TestClient(create_app(long_db)) as client:
        yield client


@pytest.fixture(scope="module")
def stored(long_db: Path) -> dict:
    with Store(long_db) as store:
        return store.article(LONG_ID)


def test_the_default_answer_is_bounded_and_says_what_was_cut(http, stored) -> None:
    assert len(stored["text"]) > 10 * MAX_TEXT_CHARS
    assert len(stored["figures"]) > 2 * MAX_ARTICLE_ITEMS
    response = http.get(f"/api/articles/{LONG_ID}")
    assert response.status_code == 200
    assert len(response.content) < MAX_ANSWER_BYTES
    body = TypeAdapter(ArticleDetail).validate_json(response.content, strict=False)
    assert body.text == stored["text"][:MAX_TEXT_CHARS]
    assert (body.text_offset, body.text_length) == (0, len(stored["text"]))
    assert body.text_truncated is True and body.text_next_offset == MAX_TEXT_CHARS
    assert len(body.statements) == len(body.figures) == MAX_ARTICLE_ITEMS
    assert body.statements_total == len(stored["statements"])
    assert body.figures_total == len(stored["figures"])
    assert body.statements_next_offset == body.figures_next_offset == MAX_ARTICLE_ITEMS


def test_the_parts_add_up_to_the_whole_article(http, stored) -> None:
    text, offset = "", 0
    while offset is not None:
        body = http.get(f"/api/articles/{LONG_ID}", params={"text_offset": offset}).json()
        assert len(body["text"]) <= MAX_TEXT_CHARS
        text += body["text"]
        offset = body["text_next_offset"]
    assert text == stored["text"]
    figures, offset = [], 0
    while offset is not None:
        params = {"figures_offset": offset, "figures_limit": 400, "text_limit": 1}
        body = http.get(f"/api/articles/{LONG_ID}", params=params).json()
        figures += body["figures"]
        offset = body["figures_next_offset"]
    assert figures == stored["figures"]
    # The statements also page through /api/statements?article_id=, in the same order.
    first = http.get("/api/statements", params={"article_id": LONG_ID, "limit": 500}).json()
    assert first["items"] == stored["statements"][:500]


def test_a_part_past_the_end_is_empty(http, stored) -> None:
    params = {"text_offset": 10**8, "statements_offset": 10**6}
    body = http.get(f"/api/articles/{LONG_ID}", params=params).json()
    assert body["text"] == "" and body["text_next_offset"] is None
    assert body["text_length"] == len(stored["text"]) and body["text_truncated"] is True
    assert body["statements"] == [] and body["statements_next_offset"] is None


def test_a_short_article_comes_whole(http, long_db: Path) -> None:
    with Store(long_db) as store:
        expected = store.article(SHORT_ID)
    body = http.get(f"/api/articles/{SHORT_ID}").json()
    assert {key: body[key] for key in expected} == expected
    assert body["text_truncated"] is False and body["text_next_offset"] is None
    assert body["statements_next_offset"] is None and body["figures_next_offset"] is None


@pytest.mark.parametrize(
    ("params", "field", "bound"),
    [
        ({"text_limit": MAX_TEXT_CHARS + 1}, "query.text_limit", f"{MAX_TEXT_CHARS}"),
        ({"text_limit": 0}, "query.text_limit", "1"),
        ({"figures_limit": MAX_ARTICLE_ITEMS + 1}, "query.figures_limit", f"{MAX_ARTICLE_ITEMS}"),
        ({"statements_limit": 10**6}, "query.statements_limit", f"{MAX_ARTICLE_ITEMS}"),
        ({"text_offset": -1}, "query.text_offset", "0"),
    ],
)
def test_limits_over_the_maximum_are_422_naming_the_limit(http, params, field, bound) -> None:
    response = http.get(f"/api/articles/{LONG_ID}", params=params)
    assert response.status_code == 422
    message = response.json()["message"]
    assert field in message and bound in message, message
