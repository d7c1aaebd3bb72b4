"""The consolidated ledger over HTTP: ledger, conflicts and entities match the Store's rows."""

from __future__ import annotations

import httpx
import pytest
from test_read_api import _all_pages

from newsledger.consolidate.grades import GRADES
from newsledger.store import Store


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"category": "killed"},
        {"category": "killed", "group": "civilians"},
        {"place": "ukraine", "latest_first": True},
        {"source": "ministry"},
        {"since": "2022-03-01", "until": "2022-03-05"},
        {"grade": "confirmed"},
        {"grade": "single_source", "category": "killed"},
    ],
)
def test_ledger_matches_the_store(client: httpx.Client, server, params: dict) -> None:
    with Store(server.db) as store:
        expected = list(store.ledger(**params))
    query = {k: str(v).lower() if isinstance(v, bool) else v for k, v in params.items()}
    assert _all_pages(client, "/api/ledger", limit=2, **query) == expected
    if "grade" in params:
        assert all(row["grade"] == params["grade"] for row in expected)
    if not params:
        assert {row["grade"] for row in expected} <= set(GRADES)
    if "until" in params:
        assert all("2022-03-01" <= row["as_of"][:10] <= "2022-03-05" for row in expected)
    if not params:
        assert expected, "the fixture ledger has consolidated entries"
        assert all(entry["citations"] for entry in expected)


@pytest.mark.parametrize(
    "query",
    [
        {"category": "murdered"},
        {"since": "2022-03-05", "until": "2022-03-01"},
        {"grade": "excellent"},
    ],
)
def test_unusable_ledger_filters_are_a_422(client: httpx.Client, query: dict) -> None:
    answer = client.get("/api/ledger", params=query)
    assert answer.status_code == 422
    assert answer.json()["message"]


@pytest.mark.parametrize("params", [{}, {"category": "killed"}])
def test_conflicts_match_the_store(client: httpx.Client, server, params: dict) -> None:
    with Store(server.db) as store:
        expected = list(store.conflicts(**params))
    assert _all_pages(client, "/api/conflicts", limit=1, **params) == expected


@pytest.mark.parametrize("params", [{}, {"search": "UN"}, {"search": "no such name"}])
def test_entities_match_the_store(client: httpx.Client, server, params: dict) -> None:
    with Store(server.db) as store:
        expected = list(store.entities(**params))
    assert _all_pages(client, "/api/entities", limit=3, **params) == expected
    if not params:
        assert expected
