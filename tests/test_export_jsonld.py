"""The ledger as schema.org Claims: `export --format jsonld` and /api/ledger?format=jsonld.

The ledger is ingested by the real `python -m newsledger ingest` (analysis and
consolidation) from the bundled examples/ articles and, when present, the
shared seed article. The JSON-LD is read back with pyld, whose document loader
serves a minimal inline schema.org context and refuses every other URL, so
nothing is fetched from the network.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsledger.api import create_app
from newsledger.export_jsonld import MEDIA_TYPE, claim, claim_text
from newsledger.store import Store

jsonld = pytest.importorskip("pyld.jsonld")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "data" / "seed-article.txt"
SCHEMA = "https://schema.org/"
INLINE_CONTEXT = {"@context": {"@vocab": SCHEMA}}


def _offline_loader(url: str, options: dict | None = None) -> dict:
    if url.rstrip("/") != SCHEMA.rstrip("/"):
        raise RuntimeError(f"refusing to fetch {url}")
    return {"contextUrl": None, "documentUrl": url, "document": INLINE_CONTEXT}


def _expand(document: dict) -> list[dict]:
    return jsonld.expand(document, {"documentLoader": _offline_loader})


def _newsledger(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsledger", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("jsonld") / "ledger.db"
    inputs = sorted((ROOT / "examples").glob("*.txt")) + ([SEED] if SEED.exists() else [])
    run = _newsledger("ingest", "--db", db, *inputs)
    assert run.returncode == 0, run.stderr
    return db


@pytest.fixture(scope="module")
def exported(ledger_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("jsonld-out") / "ledger.jsonld"
    run = _newsledger("export", "--what", "ledger", "--format", "jsonld", "--db", ledger_db, out)
    assert run.returncode == 0, run.stderr
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def entries(ledger_db: Path) -> list[dict]:
    store = Store(ledger_db)
    try:
        return list(store.ledger())
    finally:
        store.close()


def test_the_export_is_one_document_of_claims(exported: dict, entries: list[dict]) -> None:
    assert exported["@context"] == "https://schema.org"
    assert len(entries) > 0
    assert len(exported["@graph"]) == len(entries)
    assert {node["@type"] for node in exported["@graph"]} == {"Claim"}


def test_pyld_expands_to_schema_org_claims_with_appearances(exported: dict) -> None:
    expanded = _expand(exported)
    claims = [node for node in expanded if f"{SCHEMA}Claim" in node.get("@type", [])]
    assert len(claims) == len(exported["@graph"])
    for node in claims:
        assert node[f"{SCHEMA}appearance"], node
        assert node[f"{SCHEMA}text"][0]["@value"]
        for work in node[f"{SCHEMA}appearance"]:
            assert work["@type"] == [f"{SCHEMA}CreativeWork"]


def test_the_offline_loader_refuses_other_contexts() -> None:
    with pytest.raises(jsonld.JsonLdError):
        _expand({"@context": "https://example.org/context.jsonld", "name": "x"})


def test_every_claim_has_its_citations_and_first_appearance(
    exported: dict, entries: list[dict]
) -> None:
    by_id = {entry["entry_id"]: entry for entry in entries}
    for node in exported["@graph"]:
        entry = by_id[node["identifier"]["value"]]
        assert node["text"] == claim_text(entry)
        urls = {work.get("url") for work in node["appearance"]}
        assert urls == {citation["url"] for citation in entry["citations"]}
        articles = [work["identifier"] for work in node["appearance"]]
        assert (
            len(articles)
            == len(set(articles))
            == len({citation["article_id"] for citation in entry["citations"]})
        )
        dated = [work for work in node["appearance"] if work.get("datePublished")]
        earliest = min(dated, key=lambda work: work["datePublished"]) if dated else None
        assert node["firstAppearance"] == (earliest or node["appearance"][0])
        fields = {p["propertyID"]: p["value"] for p in node["additionalProperty"]}
        assert fields["newsledger:category"] == entry["category"]
        assert fields["newsledger:value_low"] == entry["value_low"]
        assert fields["newsledger:status"] == entry["status"]
        if entry["source"]:
            assert node["author"]["name"] == entry["source"]
            assert node["author"]["@type"] in ("Person", "Organization", "Thing")
        else:
            assert "author" not in node


def test_the_api_serves_the_same_graph(ledger_db: Path, exported: dict) -> None:
    with TestClient(create_app(ledger_db)) as client:
        answer = client.get("/api/ledger", params={"format": "jsonld", "limit": 500})
        plain = client.get("/api/ledger", params={"limit": 2})
        first = client.get("/api/ledger", params={"format": "jsonld", "limit": 2})
        bad = client.get("/api/ledger", params={"format": "xml"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(MEDIA_TYPE)
    assert answer.json() == exported
    assert "Link" not in answer.headers
    assert plain.headers["content-type"].startswith("application/json")
    assert len(plain.json()["items"]) == 2
    assert first.json()["@graph"] == exported["@graph"][:2]
    assert 'rel="next"' in first.headers["Link"] and "offset=2" in first.headers["Link"]
    assert bad.status_code == 422


def test_the_cli_refuses_jsonld_for_other_rows(ledger_db: Path, tmp_path: Path) -> None:
    run = _newsledger("export", "--what", "articles", "--format", "jsonld", "--db", ledger_db,
                      tmp_path / "x.jsonld")  # fmt: skip
    assert run.returncode == 2
    assert "jsonld" in run.stderr


def _entry(**changes: object) -> dict:
    entry = {
        "entry_id": 7, "source": "Ukraine's health minister", "source_kind": "party",
        "category": "killed", "group": "civilians", "place": "Ukraine", "as_of": "2022-02-27",
        "value_low": 352.0, "value_high": 352.0, "qualifier": "at_least", "status": "reported",
        "citations": [
            {"article_id": "b", "outlet": "two.org", "published": "2022-02-28",
             "url": "https://two.org/b", "title": "B"},
            {"article_id": "a", "outlet": None, "published": "2022-02-27",
             "url": "https://one.org/a", "title": None},
            {"article_id": "a", "outlet": None, "published": "2022-02-27",
             "url": "https://one.org/a", "title": None},
        ],
    }  # fmt: skip
    return {**entry, **changes}


def test_the_claim_sentence_and_author() -> None:
    node = claim(_entry(), {})
    assert node["text"] == (
        "At least 352 civilians killed in Ukraine (as of 2022-02-27), "
        "according to Ukraine's health minister"
    )
    assert node["author"] == {"@type": "Organization", "name": "Ukraine's health minister"}
    assert [work["url"] for work in node["appearance"]] == [
        "https://one.org/a",
        "https://two.org/b",
    ]
    assert node["firstAppearance"]["identifier"] == "a"
    assert "publisher" not in node["firstAppearance"]
    assert node["appearance"][1]["publisher"] == {"@type": "Organization", "name": "two.org"}
    assert node["appearance"][1]["headline"] == "B"
    assert claim(_entry(source="Mara Holt"), {"Mara Holt": "person"})["author"]["@type"] == "Person"
    assert claim(_entry(source="someone", source_kind="unnamed"), {})["author"]["@type"] == "Thing"
    assert "author" not in claim(_entry(source=None, source_kind="unnamed"), {})
    one = _entry(group=None, value_low=1.0, value_high=1.0, qualifier="exact", place=None,
                 as_of=None, source=None, category="injured")  # fmt: skip
    assert claim_text(one) == "1 person injured"
    dozens = _entry(value_low=24.0, value_high=99.0, qualifier="exact", category="casualties")
    assert claim_text(dozens).startswith("24 to 99 civilians killed or injured in Ukraine")
