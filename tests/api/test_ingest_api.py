"""POST /api/articles and the `serve` start-up checks, against real server processes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api_helpers import TOKEN, TOKEN_ENV, newsledger

AUTH = {"Authorization": f"Bearer {TOKEN}"}
BODY_LIMIT = 64 * 1024

NEW_ARTICLE = {
    "title": "Flooding closes coastal road",
    "date": "2023-11-02",
    "url": "https://coast.example.org/news/flooding-road",
    "text": (
        "Two people were killed when floodwater swept a car off the coastal road, "
        "the fire service said on Wednesday.\n"
        '"The water rose faster than anyone expected," said Mara Keller, a resident.'
    ),
    "outlet": "Coast News",
}


@pytest.fixture
def http(ingest_server) -> Iterator[httpx.Client]:
    with ingest_server.client() as client:
        yield client


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong-token-0123456789"}, {"Authorization": TOKEN}],
)
def test_post_without_the_right_token_is_401(http: httpx.Client, headers: dict) -> None:
    before = http.get("/api/stats").json()["articles"]
    response = http.post("/api/articles", json=NEW_ARTICLE, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert http.get("/api/stats").json()["articles"] == before


def test_post_ingests_with_analysis_then_repeats_are_already_stored(http: httpx.Client) -> None:
    assert http.get("/healthz").json()["allow_ingest"] is True
    response = http.post("/api/articles", json=NEW_ARTICLE, headers=AUTH)
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["accepted"] == 1 and result["rejected"] == 0
    (posted,) = result["articles"]
    assert posted["status"] == "accepted" and posted["title"] == NEW_ARTICLE["title"]

    stored = http.get(f"/api/articles/{posted['id']}").json()
    assert stored["published"] == "2023-11-02" and stored["source"]["path"] == "http-api"
    assert any(f["category"] == "killed" and f["value_low"] == 2 for f in stored["figures"])
    assert any(s["speaker"] == "Mara Keller" for s in stored["statements"])

    again = http.post("/api/articles", json=[NEW_ARTICLE], headers=AUTH)
    assert again.status_code == 200
    assert again.json()["already_stored"] == 1 and again.json()["accepted"] == 0


def test_post_a_list_reports_each_article(http: httpx.Client) -> None:
    first = {**NEW_ARTICLE, "url": "https://coast.example.org/news/a", "title": "A"}
    second = {"title": "B", "text": "The harbour reopened on Friday, officials said."}
    response = http.post("/api/articles", json=[first, second, first], headers=AUTH)
    assert response.status_code == 201, response.text
    statuses = [a["status"] for a in response.json()["articles"]]
    assert statuses == ["accepted", "accepted", "duplicate_in_request"]
    found = http.get("/api/articles", params={"search": "harbour reopened"}).json()["items"]
    assert [a["title"] for a in found] == ["B"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "no text"}, "body.text"),
        ({**NEW_ARTICLE, "text": "   "}, "body.text"),
        ({**NEW_ARTICLE, "author": "someone"}, "body.author"),
        ({**NEW_ARTICLE, "title": 5}, "body.title"),
        ([], "body"),
        ([NEW_ARTICLE] * 101, "body"),
        ([NEW_ARTICLE, {"title": "second has no text"}], "body[1].text"),
    ],
)
def test_invalid_bodies_are_422_naming_the_field(http: httpx.Client, body, field: str) -> None:
    response = http.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 422
    assert field in response.json()["message"]


def test_malformed_json_is_422(http: httpx.Client) -> None:
    response = http.post(
        "/api/articles",
        content=b'{"title": "cut',
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert "JSON" in response.json()["message"]


def test_body_over_the_limit_is_413(http: httpx.Client) -> None:
    big = {**NEW_ARTICLE, "text": "word " * (BODY_LIMIT // 5 + 10)}
    response = http.post("/api/articles", json=big, headers=AUTH)
    assert response.status_code == 413
    # Without a Content-Length (chunked), the body is counted as it arrives.
    chunks = (b"x" * 8192 for _ in range(BODY_LIMIT // 8192 + 2))
    chunked = http.post(
        "/api/articles", content=chunks, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert chunked.status_code == 413
    # The limit is checked before the token, so no one can make the server read a huge body.
    assert http.post("/api/articles", json=big).status_code == 413


def test_serve_refuses_ingest_without_a_token(tmp_path: Path) -> None:
    run = newsledger(
        "serve", "--db", tmp_path / "l.db", "--allow-ingest", "--token-env", TOKEN_ENV,
        env={TOKEN_ENV: ""},
    )  # fmt: skip
    assert run.returncode == 2
    assert TOKEN_ENV in run.stderr
    short = newsledger(
        "serve", "--db", tmp_path / "l.db", "--allow-ingest", "--token-env", TOKEN_ENV,
        env={TOKEN_ENV: "short"},
    )  # fmt: skip
    assert short.returncode == 2


def test_read_only_serve_refuses_a_missing_ledger(tmp_path: Path) -> None:
    run = newsledger("serve", "--db", tmp_path / "missing.db")
    assert run.returncode == 1
    assert "no ledger" in run.stderr
    assert not (tmp_path / "missing.db").exists()
