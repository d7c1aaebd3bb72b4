"""The ingest batch: counters, bounded rejects, progress, resumability and determinism.

Articles are built directly (own-words text) except where the test is about
reading files, which go through the real readers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.ingest import MAX_KEPT_REJECTS, IngestReport, ingest, ingest_records
from newsledger.models import Article, Origin, Reject
from newsledger.store import Store

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEED = SHARED / "data" / "seed-article.txt"

TOWNS = ["Arvik", "Belmora", "Corran", "Dunhal", "Eskby", "Falun", "Gorsk", "Holm"]
EVENTS = [
    "a fire destroyed a warehouse near the railway station",
    "a bus left the road in fog and overturned in a field",
    "a gas explosion tore the front off an apartment block",
    "a landslide buried part of the main road into the valley",
]


def _story(n: int) -> str:
    town, event = TOWNS[n % len(TOWNS)], EVENTS[n % len(EVENTS)]
    return (
        f"In {town} on day {n} of the month, {event}.\n"
        f"Officials said {n + 2} people were hurt and {n % 5} were missing.\n"
        f"Witness number {n * 7} told reporters the response took {n % 9 + 3} minutes."
    )


def _article(n: int, text: str | None = None) -> Article:
    return Article(
        id=f"art-{n:04d}",
        url=f"https://paper.example.com/{n}",
        title=f"Incident report {n}",
        published="2024-06-01",
        published_raw="20240601",
        outlet="paper.example.com",
        text=text if text is not None else _story(n),
        origin=Origin("feed.jsonl", f"line {n + 1}"),
    )


def _reject(n: int) -> Reject:
    return Reject(Origin("feed.jsonl", f"line {n + 1}"), "invalid JSON", "{broken")


def _records() -> list[Article | Reject]:
    """Thirty articles with two rejects, a repeated id and a near-duplicate copy."""
    records: list[Article | Reject] = [_article(n) for n in range(30)]
    records.insert(5, _reject(1000))
    records.insert(17, _reject(1001))
    records.append(_article(3))  # the same id again
    copy = _article(7).text.replace("told reporters", "told journalists")
    records.append(_article(99, copy))
    return records


def test_counts_on_a_first_run_and_a_rerun():
    store = Store(":memory:")
    first = ingest_records(_records(), store, analyse=False, batch_size=4)
    assert (first.read, first.accepted, first.rejected) == (34, 31, 2)
    assert (first.already_stored, first.duplicates_in_run, first.near_duplicates) == (0, 1, 1)

    again = ingest_records(_records(), store, analyse=False, batch_size=4)
    # the repeated id was stored before this run too, so both of its records count as stored
    assert (again.accepted, again.already_stored, again.duplicates_in_run) == (0, 32, 0)
    assert again.rejected == 2
    assert store.counts()["articles"] == 31
    assert store.counts()["rejects"] == 2


def test_rejects_kept_in_the_report_are_bounded_but_all_are_stored():
    store = Store(":memory:")
    total = MAX_KEPT_REJECTS + 150
    report = ingest_records((_reject(n) for n in range(total)), store, analyse=False)
    assert report.rejected == total
    assert len(report.rejects) == MAX_KEPT_REJECTS
    assert report.rejects[0].origin.record == "line 1"
    assert store.counts()["rejects"] == total


def test_progress_is_reported_after_each_batch():
    seen: list[tuple[int, int, list[str]]] = []

    def on_progress(report: IngestReport) -> None:
        seen.append((report.batches, report.accepted, [a.id for a in report.new_articles]))

    ingest_records(
        [_article(n) for n in range(7)], Store(":memory:"), analyse=False, batch_size=3,
        on_progress=on_progress,
    )  # fmt: skip
    assert seen == [
        (1, 3, ["art-0000", "art-0001", "art-0002"]),
        (2, 6, ["art-0003", "art-0004", "art-0005"]),
        (3, 7, ["art-0006"]),
    ]


@pytest.mark.parametrize(
    ("count", "expected"), [(6, [False, True]), (7, [False, False, True]), (3, [True])]
)
def test_the_last_batch_is_marked_last_even_when_the_input_fills_every_batch(
    monkeypatch, count: int, expected: list[bool]
) -> None:
    """The analyser cuts the input's last batch finer so that workers end together;
    an input of exactly N full batches must have its last one marked too."""
    from newsledger.workers import AnalysisPool

    flags: list[bool] = []
    submit = AnalysisPool.submit

    def recording_submit(self, articles, *, last=False):
        flags.append(last)
        return submit(self, articles, last=last)

    monkeypatch.setattr(AnalysisPool, "submit", recording_submit)
    report = ingest_records([_article(n) for n in range(count)], Store(":memory:"), batch_size=3)
    assert flags == expected
    assert report.accepted == count and report.batches == len(expected)


def test_the_same_rows_whatever_the_batch_size():
    dumps = []
    for batch_size in (1, 3, 200):
        store = Store(":memory:")
        ingest_records(_records(), store, analyse=False, batch_size=batch_size)
        dumps.append(store.dump_tables())
    assert dumps[0]["articles"], "the dump must not be empty"
    assert dumps[0] == dumps[1] == dumps[2]


def test_a_resumed_run_equals_one_uninterrupted_run():
    reference = Store(":memory:")
    ingest_records(_records(), reference, analyse=False, batch_size=5)

    resumed = Store(":memory:")
    ingest_records(_records()[:12], resumed, analyse=False, batch_size=5)
    report = ingest_records(_records(), resumed, analyse=False, batch_size=5)
    # eleven articles stored by the first run, plus the later repeat of art-0003
    assert report.already_stored == 12
    assert resumed.dump_tables() == reference.dump_tables()


def test_batch_size_must_be_positive():
    with pytest.raises(ValueError, match="batch_size"):
        ingest_records([], Store(":memory:"), batch_size=0)


def test_ingest_reads_files_through_the_readers(tmp_path):
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"title": f"Report {n}", "date": "2024-06-01", "url": f"https://e.org/{n}",
                    "text": _story(n)})
        for n in range(5)
    ]  # fmt: skip
    lines.insert(2, '{"title": "cut off in the middle')
    lines.append(lines[0])  # the same record twice: one article
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")

    store = Store(":memory:")
    report = ingest([str(feed)], store, analyse=False)
    assert (report.accepted, report.rejected, report.duplicates_in_run) == (5, 1, 1)
    assert [a["title"] for a in store.articles()] == [f"Report {n}" for n in range(5)]
    [reject] = store.rejects()
    assert (reject["path"], reject["record"]) == (str(feed), "line 3")


class _CountingPipeline:
    """The real spaCy pipeline, noting which articles it was asked to parse."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.parsed: list[str] = []

    def pipe(self, pairs, **options):
        def tap():
            for text, article in pairs:
                self.parsed.append(article.id)
                yield text, article

        return self.nlp.pipe(tap(), **options)


@pytest.mark.slow
def test_a_resumed_run_parses_only_what_is_not_stored():
    from newsledger.nlp.pipeline import load_pipeline

    store = Store(":memory:")
    articles = [_article(n) for n in range(6)]
    ingest_records(articles[:4], store, nlp=load_pipeline(), batch_size=2)

    counting = _CountingPipeline(load_pipeline())
    report = ingest_records([_article(n) for n in range(6)], store, nlp=counting, batch_size=2)
    assert counting.parsed == ["art-0004", "art-0005"]
    assert (report.accepted, report.already_stored) == (2, 4)


@pytest.mark.slow
def test_seed_article_end_to_end(tmp_path):
    if not SEED.exists():
        pytest.skip(f"shared seed record not found at {SEED} (../shared is absent)")
    store = Store(tmp_path / "seed.db")
    report = ingest([str(SEED)], store)
    assert (report.accepted, report.rejected) == (1, 0)
    [article] = store.articles()
    stored = store.article(article["id"])
    assert stored["published"] == "2022-02-06"
    assert "date_inconsistent" in {flag["kind"] for flag in stored["flags"]}
    assert "Astakhov" in stored["text"]
    assert [a["id"] for a in store.articles(search="Bachelet")] == [article["id"]]
    # whatever the extractors find is stored and read back in full
    assert store.counts()["statements"] == len(stored["statements"])
    assert store.counts()["figures"] == len(stored["figures"])


class _PipelineFailingOn:
    """The real spaCy pipeline, except that it fails on one article (an extractor bug)."""

    def __init__(self, nlp, article_id: str) -> None:
        self.nlp = nlp
        self.article_id = article_id

    def pipe(self, pairs, **options):
        for doc, article in self.nlp.pipe(pairs, **options):
            if article.id == self.article_id:
                raise ValueError("the extractor tripped over this one")
            yield doc, article


@pytest.mark.slow
def test_an_article_the_analysis_fails_on_becomes_a_reject_and_is_retried_later():
    from newsledger.nlp.pipeline import load_pipeline

    store = Store(":memory:")
    articles = [_article(n) for n in range(4)]
    failing = _PipelineFailingOn(load_pipeline(), "art-0002")
    report = ingest_records(articles, store, nlp=failing, batch_size=10)
    assert (report.accepted, report.rejected) == (3, 1)
    [reject] = store.rejects()
    assert reject["record"] == "line 3"
    assert reject["reason"].startswith("analysis failed: ValueError: the extractor tripped")
    assert store.known_ids(a.id for a in articles) == {"art-0000", "art-0001", "art-0003"}

    retry = ingest_records([_article(n) for n in range(4)], store, nlp=load_pipeline())
    assert (retry.accepted, retry.already_stored) == (1, 3)
