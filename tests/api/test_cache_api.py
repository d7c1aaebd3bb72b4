"""The response cache: cached answers equal fresh ones, and a write is seen by the next GET.

Writes come from the three places they can: another connection in this
process (`ResponseCache` itself), another process writing the file while the
server runs, and POST /api/articles on the server.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api_helpers import TOKEN, Server, start_server, stop_server
from pydantic import TypeAdapter

from newsledger.api import create_app
from newsledger.api.cache import ResponseCache
from newsledger.api.schemas import (
    Article,
    ArticleDetail,
    Conflict,
    Entity,
    Figure,
    LedgerEntry,
    Page,
    Statement,
    Stats,
)
from newsledger.models import Article as StoredArticle
from newsledger.models import Origin
from newsledger.store import Store

AUTH = {"Authorization": f"Bearer {TOKEN}"}
WORD = "zeppelinhangar"


def _article(number: int) -> StoredArticle:
    return StoredArticle(
        id=f"cache-test-{number}",
        url=f"https://cache.example.org/{number}",
        title=f"The {WORD} story {number}",
        published="2024-01-02",
        published_raw="2024-01-02",
        outlet="cache.example.org",
        text=f"The old {WORD} reopened on Tuesday, the council said.",
        origin=Origin("cache-test", f"record {number}"),
    )


def _listing_paths(db: Path) -> list[tuple[str, object]]:
    with Store(db) as store:
        article_id = next(store.articles(limit=1))["id"]
    return [
        ("/api/stats", Stats),
        ("/api/articles?limit=5", Page[Article]),
        ("/api/articles?search=the", Page[Article]),
        (f"/api/articles/{article_id}", ArticleDetail),
        ("/api/statements?limit=20", Page[Statement]),
        ("/api/figures?limit=20", Page[Figure]),
        ("/api/figures?category=killed", Page[Figure]),
        ("/api/ledger?latest_first=true", Page[LedgerEntry]),
        ("/api/ledger?source=ministry", Page[LedgerEntry]),
        ("/api/conflicts", Page[Conflict]),
        ("/api/entities", Page[Entity]),
    ]


def test_cached_answers_match_the_schema_and_uncached_answers(ledger_db: Path) -> None:
    # Starlette asks for httpx2 in its test client; the plain httpx one works the same here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    with (
        TestClient(create_app(ledger_db)) as cached,
        TestClient(create_app(ledger_db, response_cache=False)) as fresh,
    ):
        cache = cached.app.state.response_cache
        for path, model in _listing_paths(ledger_db):
            first, second, uncached = cached.get(path), cached.get(path), fresh.get(path)
            assert first.status_code == second.status_code == uncached.status_code == 200
            assert first.content == second.content == uncached.content, path
            assert second.headers["content-type"] == "application/json"
            assert second.headers["x-content-type-options"] == "nosniff"
            TypeAdapter(model).validate_json(second.content, strict=False)
        assert cache.hits >= len(_listing_paths(ledger_db))
        # Errors are never kept: a 404 stays a 404 computed each time.
        assert cached.get("/api/articles/no-such-id").status_code == 404
        assert cached.get("/api/articles/no-such-id").status_code == 404
        assert all("no-such-id" not in key for key in cache._entries)


def test_cache_generation_changes_when_another_connection_commits(ledger_copy) -> None:
    db = ledger_copy()
    cache = ResponseCache(db, max_entries=2)
    try:
        generation = cache.generation()
        cache.put("/api/stats?", generation, [], b"old")
        assert cache.get("/api/stats?", cache.generation()) == ([], b"old")
        with Store(db) as writer:
            writer.write_batch([(_article(1), None)])
        newer = cache.generation()
        assert newer != generation
        assert cache.get("/api/stats?", newer) is None
        # An answer computed before the commit is not stored under the new generation.
        cache.put("/api/stats?", generation, [], b"stale")
        assert cache.get("/api/stats?", newer) is None
        for number in range(3):
            cache.put(f"/api/x?{number}", newer, [], b"x")
        assert len(cache) == 2
    finally:
        cache.close()


@pytest.fixture
def copy_server(ledger_copy, tmp_path: Path) -> Iterator[Server]:
    running = start_server(ledger_copy(), tmp_path / "serve.log")
    try:
        yield running
    finally:
        stop_server(running)


def test_a_write_by_another_process_is_seen_by_the_next_get(copy_server: Server) -> None:
    search = {"search": WORD}
    with copy_server.client() as http:
        before = http.get("/api/stats").json()
        assert http.get("/api/stats").json() == before
        assert http.get("/api/articles", params=search).json()["items"] == []
        assert http.get("/api/articles", params=search).json()["items"] == []
        with Store(copy_server.db) as writer:
            writer.write_batch([(_article(2), None)])
        assert http.get("/api/stats").json()["articles"] == before["articles"] + 1
        found = http.get("/api/articles", params=search).json()["items"]
        assert [item["id"] for item in found] == ["cache-test-2"]


def test_a_post_is_seen_by_the_next_get(ingest_server: Server) -> None:
    word = "quarrymarsh"
    article = {
        "title": f"Rockfall at {word}",
        "date": "2024-02-03",
        "text": f"Three workers were injured in a rockfall at the {word} pit, police said.",
    }
    with ingest_server.client() as http:
        before = http.get("/api/stats").json()["articles"]
        assert http.get("/api/articles", params={"search": word}).json()["items"] == []
        response = http.post("/api/articles", json=article, headers=AUTH)
        assert response.status_code == 201, response.text
        assert http.get("/api/stats").json()["articles"] == before + 1
        found = http.get("/api/articles", params={"search": word}).json()["items"]
        assert [item["title"] for item in found] == [article["title"]]


def test_invalid_parameters_are_answered_by_the_route_each_time(copy_server: Server) -> None:
    # The cache sits in front of the routes and keeps only 200 answers.
    with httpx.Client(base_url=copy_server.url, timeout=60) as http:
        assert http.get("/api/figures", params={"limit": 0}).status_code == 422
        assert http.get("/api/figures", params={"limit": 0}).status_code == 422
