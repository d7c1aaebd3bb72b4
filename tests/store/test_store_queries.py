"""Store queries: documented dict keys, ingest order, filters, safe full-text search."""

from __future__ import annotations

import dataclasses

import pytest

from newsledger.errors import NotFoundError
from newsledger.models import Analysis, Figure, Span, Statement

ARTICLE_KEYS = {
    "id", "url", "title", "published", "published_raw", "outlet", "source", "flags", "summary",
}  # fmt: skip
STATEMENT_KEYS = {
    "article_id", "kind", "content", "cue", "cue_lemma", "speaker", "speaker_mention",
    "speaker_kind", "stance", "start", "end", "sentence_index", "confidence",
    "speaker_start", "speaker_end",
}  # fmt: skip
FIGURE_KEYS = {
    "article_id", "index", "value_low", "value_high", "qualifier", "unit", "category",
    "count_unit", "group", "place", "as_of", "period", "as_of_note", "source", "source_kind",
    "status", "text", "start", "end", "sentence", "sentence_index", "part_of", "place_name",
    "place_region", "place_country", "place_lat", "place_lon", "place_precision", "background",
}  # fmt: skip

FERRY = (
    "A ferry carrying 80 passengers ran aground near Solvik on Sunday.\n"
    "The coast guard said 4 people were injured and 2 were missing."
)
BRIDGE = (
    "Engineers closed the Tamsin bridge after cracks appeared in a pillar.\n"
    "The city's transport chief said repairs could take a year."
)


def _statement(speaker: str | None, kind: str = "indirect", index: int = 0) -> Statement:
    return Statement(
        kind=kind,
        content=Span(10 * index, 10 * index + 5, f"claim {index}"),
        cue=Span(0, 4, "said"),
        cue_lemma="say",
        speaker_mention=Span(0, 4, speaker or "it"),
        speaker=speaker,
        speaker_kind="organisation" if speaker else None,
        stance="says",
        sentence_index=index,
        confidence=0.75,
    )


def _figure(category: str, group: str, source: str, place: str, as_of: str | None) -> Figure:
    return Figure(
        value_low=4,
        value_high=4,
        qualifier="exact",
        unit=None,
        category=category,
        count_unit="people",
        group=group,
        place=place,
        as_of=as_of,
        period=None,
        as_of_note=None,
        source=source,
        source_mention=None,
        source_kind="international",
        status="reported",
        span=Span(70, 78, "4 people"),
        sentence="The coast guard said 4 people were injured.",
        sentence_index=1,
        part_of=0,
    )


@pytest.fixture
def ledger(store, make_article):
    """Three articles whose ids sort differently from their ingest order (z, m, a)."""
    ferry = make_article("z-ferry", FERRY, title="Ferry runs aground")
    bridge = make_article("m-bridge", BRIDGE, title="Bridge closed")
    plain = make_article("a-plain", "Nothing much happened in Orlo today.", title="Quiet day")
    store.write_batch(
        [
            (
                ferry,
                Analysis(
                    "z-ferry",
                    statements=[
                        _statement("Coast Guard of Ærø", "direct", 0),
                        _statement(None, index=1),
                    ],
                    figures=[
                        _figure("injured", "passengers", "Coast guard", "Solvik", "2024-03-03"),
                        _figure("missing", "crew", "Ferry company", "Solvik harbour", "2024-02-28"),
                    ],
                ),
            ),
            (bridge, Analysis("m-bridge", statements=[_statement("Transport chief")])),
        ],
        [],
    )
    store.write_batch([(plain, None)], [])
    return store


def test_articles_in_ingest_order_with_documented_keys(ledger):
    rows = list(ledger.articles())
    assert [row["id"] for row in rows] == ["z-ferry", "m-bridge", "a-plain"]
    assert all(set(row) == ARTICLE_KEYS for row in rows)
    assert rows[0]["source"] == {"path": "fixture.jsonl", "record": "line z-ferry"}
    assert rows[0]["flags"] == []
    assert rows[0]["summary"] is None
    assert [row["id"] for row in ledger.articles(limit=2)] == ["z-ferry", "m-bridge"]


def test_article_adds_text_statements_and_figures(ledger):
    ferry = ledger.article("z-ferry")
    assert set(ferry) == ARTICLE_KEYS | {"text", "statements", "figures"}
    assert ferry["text"] == FERRY
    assert [s["content"] for s in ferry["statements"]] == ["claim 0", "claim 1"]
    assert [f["index"] for f in ferry["figures"]] == [0, 1]


def test_missing_article_raises_not_found(ledger):
    with pytest.raises(NotFoundError, match="no-such-id"):
        ledger.article("no-such-id")


def test_statement_round_trip_flattens_every_field(ledger):
    first = next(ledger.statements(article_id="z-ferry"))
    expected = _statement("Coast Guard of Ærø", "direct", 0)
    assert set(first) == STATEMENT_KEYS
    assert first == {
        "article_id": "z-ferry",
        "kind": expected.kind,
        "content": expected.content.text,
        "cue": expected.cue.text,
        "cue_lemma": expected.cue_lemma,
        "speaker": expected.speaker,
        "speaker_mention": expected.speaker_mention.text,
        "speaker_kind": expected.speaker_kind,
        "stance": expected.stance,
        "start": expected.content.start,
        "end": expected.content.end,
        "sentence_index": expected.sentence_index,
        "confidence": expected.confidence,
        "speaker_start": expected.speaker_mention.start,
        "speaker_end": expected.speaker_mention.end,
    }


def test_figure_round_trip_flattens_every_field(ledger):
    first = next(ledger.figures())
    expected = dataclasses.asdict(
        _figure("injured", "passengers", "Coast guard", "Solvik", "2024-03-03")
    )
    assert set(first) == FIGURE_KEYS
    same_name = FIGURE_KEYS - {"article_id", "index", "text", "start", "end"}
    assert {key: first[key] for key in same_name} == {key: expected[key] for key in same_name}
    assert (first["text"], first["start"], first["end"]) == ("4 people", 70, 78)
    assert (first["article_id"], first["index"]) == ("z-ferry", 0)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [("z-ferry", "claim 0"), ("z-ferry", "claim 1"), ("m-bridge", "claim 0")]),
        ({"speaker": "coast guard"}, [("z-ferry", "claim 0")]),
        ({"speaker": "ÆRØ"}, [("z-ferry", "claim 0")]),
        ({"speaker": "chief"}, [("m-bridge", "claim 0")]),
        ({"kind": "indirect"}, [("z-ferry", "claim 1"), ("m-bridge", "claim 0")]),
        ({"article_id": "m-bridge"}, [("m-bridge", "claim 0")]),
        ({"speaker": "coast", "kind": "indirect"}, []),
        ({"limit": 1}, [("z-ferry", "claim 0")]),
    ],
)
def test_statement_filters(ledger, filters, expected):
    rows = ledger.statements(**filters)
    assert [(row["article_id"], row["content"]) for row in rows] == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["injured", "missing"]),
        ({"category": "missing"}, ["missing"]),
        ({"group": "PASSENGER"}, ["injured"]),
        ({"source": "ferry"}, ["missing"]),
        ({"source": "Ferry company"}, ["missing"]),
        # a source is matched by whole words from its start, never letters inside it
        ({"source": "company"}, []),
        ({"source": "erry"}, []),
        ({"source": "unnamed"}, []),
        ({"place": "solvik"}, ["injured", "missing"]),
        ({"place": "harbour"}, ["missing"]),
        ({"since": "2024-03-01"}, ["injured"]),
        ({"since": "2024-02-28"}, ["injured", "missing"]),
        ({"category": "killed"}, []),
        ({"limit": 0}, []),
    ],
)
def test_figure_filters(ledger, filters, expected):
    assert [row["category"] for row in ledger.figures(**filters)] == expected


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("ferry", ["z-ferry"]),
        ("FERRY aground", ["z-ferry"]),
        ("bridge", ["m-bridge"]),
        ("said", ["z-ferry", "m-bridge"]),
        ("ferry bridge", []),
        ("", ["z-ferry", "m-bridge", "a-plain"]),
        # FTS5 syntax typed by a user is searched as plain words, never parsed
        ('"ferry', ["z-ferry"]),
        ('ferry" OR "bridge', []),
        ("NEAR(ferry bridge)", []),
        ("title:ferry", []),
        ("ferry*", ["z-ferry"]),
        ("-bridge", ["m-bridge"]),
        ("(((", []),
        ("AND", ["z-ferry"]),
        ("OR", []),
        ("city's", ["m-bridge"]),
    ],
)
def test_search_is_full_text_and_safe(ledger, search, expected):
    assert [row["id"] for row in ledger.articles(search=search)] == expected


def test_counts(ledger, make_article):
    from newsledger.models import Flag

    ledger.write_batch([(make_article("flagged", flags=(Flag("date_missing"),)), None)], [])
    assert ledger.counts() == {
        "articles": 4,
        "statements": 3,
        "figures": 2,
        "rejects": 0,
        "flags": {"date_missing": 1},
    }
