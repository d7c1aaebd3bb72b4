"""Store writes: one transaction per batch, insert-or-ignore articles, idempotent rejects."""

from __future__ import annotations

import pytest

from newsledger.errors import StoreError
from newsledger.models import (
    Analysis,
    Count,
    Figure,
    Flag,
    IncidentSummary,
    Origin,
    Reject,
    Span,
    Statement,
)
from newsledger.store import Store

TEXT = (
    "Rescue teams said on Friday that 12 miners were still trapped.\n"
    '"We will not stop digging," the mine director told reporters.'
)


def _statement(text: str = TEXT) -> Statement:
    quote = "We will not stop digging,"
    start = text.index(quote)
    return Statement(
        kind="direct",
        content=Span(start, start + len(quote), quote),
        cue=Span(text.index("told"), text.index("told") + 4, "told"),
        cue_lemma="tell",
        speaker_mention=Span(
            text.index("the mine"), text.index("the mine") + 17, "the mine director"
        ),
        speaker="the mine director",
        speaker_kind="person",
        stance="says",
        sentence_index=1,
        confidence=0.9,
    )


def _figure(text: str = TEXT) -> Figure:
    start = text.index("12 miners")
    return Figure(
        value_low=12,
        value_high=12,
        qualifier="exact",
        unit=None,
        category="missing",
        count_unit="people",
        group="miners",
        place="Karsk",
        as_of="2024-03-01",
        period=None,
        as_of_note="from publication date",
        source="Rescue teams",
        source_mention=Span(0, 12, "Rescue teams"),
        source_kind="unnamed",
        status="reported",
        span=Span(start, start + 9, "12 miners"),
        sentence=text.split("\n")[0],
        sentence_index=0,
        part_of=None,
    )


def _analysis(article_id: str) -> Analysis:
    return Analysis(
        article_id=article_id,
        statements=[_statement()],
        figures=[_figure()],
        summary=IncidentSummary(killed=None, injured=Count(3, 5)),
    )


def test_write_batch_returns_new_article_count(store, make_article):
    assert store.write_batch([(make_article("a"), None), (make_article("b"), None)], []) == 2
    assert store.write_batch([(make_article("b"), None), (make_article("c"), None)], []) == 1
    assert [a["id"] for a in store.articles()] == ["a", "b", "c"]


def test_stored_article_and_its_analysis_are_never_changed_by_a_rewrite(store, make_article):
    store.write_batch([(make_article("a", TEXT, title="First title"), _analysis("a"))], [])
    changed = make_article("a", "Other text entirely.", title="Second title")
    store.write_batch([(changed, Analysis(article_id="a"))], [])

    stored = store.article("a")
    assert stored["title"] == "First title"
    assert stored["text"] == TEXT
    assert len(stored["statements"]) == 1
    assert len(stored["figures"]) == 1
    assert store.counts()["articles"] == 1


def test_same_id_twice_in_one_batch_is_stored_once(store, make_article):
    written = store.write_batch([(make_article("a"), None), (make_article("a"), None)], [])
    assert written == 1
    assert store.counts()["articles"] == 1


def test_rejects_are_upserted_on_path_record_and_reason(store):
    bad = Reject(Origin("feed.jsonl", "line 3"), "invalid JSON", "{oops")
    store.write_batch([], [bad])
    store.write_batch([], [bad, Reject(Origin("feed.jsonl", "line 3"), "invalid JSON", "{oops!")])
    store.write_batch([], [Reject(Origin("feed.jsonl", "line 3"), "empty text", "")])

    assert list(store.rejects()) == [
        {"path": "feed.jsonl", "record": "line 3", "reason": "invalid JSON", "excerpt": "{oops!"},
        {"path": "feed.jsonl", "record": "line 3", "reason": "empty text", "excerpt": ""},
    ]


def test_a_failing_batch_leaves_nothing_behind(store, make_article):
    store.write_batch([(make_article("a"), None)], [])
    mismatched = [
        (make_article("b"), None),
        (make_article("c"), Analysis(article_id="not-c")),
    ]
    with pytest.raises(StoreError, match="not-c"):
        store.write_batch(mismatched, [Reject(Origin("x", "line 1"), "bad")])

    assert store.known_ids(["a", "b", "c"]) == {"a"}
    assert store.counts()["rejects"] == 0
    # the store is still usable after the rollback
    assert store.write_batch([(make_article("b"), None)], []) == 1


def test_known_ids(store, make_article):
    store.write_batch([(make_article("a"), None), (make_article("b"), None)], [])
    assert store.known_ids(["b", "z", "a", "b"]) == {"a", "b"}
    assert store.known_ids([]) == set()
    many = [f"id-{n}" for n in range(2000)] + ["a"]
    assert store.known_ids(many) == {"a"}


def test_articles_by_id_in_ingest_order(store, make_article):
    store.write_batch([(make_article("a"), None), (make_article("b"), None)], [])
    found = [article["id"] for article in store.articles_by_id(["b", "z", "a", "b"])]
    assert found == ["a", "b"]
    many = [f"id-{n}" for n in range(2000)] + ["b"]
    assert [article["id"] for article in store.articles_by_id(many)] == ["b"]
    assert list(store.articles_by_id([])) == []


def test_flags_keep_their_order(store, make_article):
    flags = (
        Flag("glued_sentences", "2 lines split"),
        Flag("date_inconsistent", "body mentions 2024-03-09", "2024-03-09"),
        Flag("normalised_text"),
    )
    store.write_batch([(make_article("a", flags=flags), None)], [])
    assert store.article("a")["flags"] == [
        {"kind": "glued_sentences", "detail": "2 lines split", "suggested": None},
        {
            "kind": "date_inconsistent",
            "detail": "body mentions 2024-03-09",
            "suggested": "2024-03-09",
        },
        {"kind": "normalised_text", "detail": "", "suggested": None},
    ]


def test_file_ledger_persists_and_uses_wal(tmp_path, make_article):
    path = tmp_path / "ledger.db"
    with Store(path) as ledger:
        ledger.write_batch([(make_article("a"), _analysis("a"))], [])
        assert (tmp_path / "ledger.db-wal").exists()
    with Store(str(path)) as reopened:
        assert reopened.counts()["statements"] == 1
        assert reopened.article("a")["summary"] == {
            "killed": None,
            "injured": {"value_low": 3, "value_high": 5},
        }


@pytest.mark.parametrize(
    ("make_path", "message"),
    [
        (lambda tmp: tmp / "missing-dir" / "ledger.db", "cannot open"),
        (lambda tmp: tmp, "cannot open"),
    ],
)
def test_unopenable_paths_raise_store_error(tmp_path, make_path, message):
    with pytest.raises(StoreError, match=message):
        Store(make_path(tmp_path))


def test_a_file_that_is_not_a_database_raises_store_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are not the pages you are looking for\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError, match="notes.db"):
        Store(path)
