"""Local parallel analysis: any worker count stores the same rows as one worker.

The input is own-words JSONL (quotations, figures, a broken line, a repeated
URL in a later batch, a near-duplicate copy). Batches of three keep several
batches in flight with two workers, so the repeat is decided while its first
copy is still being analysed.
"""

from __future__ import annotations

import json
import multiprocessing
import sys
from pathlib import Path

import pytest

from newsledger.analysis import analyse_batch
from newsledger.ingest import ingest, ingest_records
from newsledger.models import Article, Reject
from newsledger.readers import read_inputs
from newsledger.store import Store
from newsledger.workers import (
    TAIL_CHUNK_SIZE,
    AnalysisPool,
    InlineAnalyser,
    chunk_sizes,
    default_workers,
    make_analyser,
)


def _story(n: int) -> str:
    town = ["Arvik", "Belmora", "Corran", "Dunhal"][n % 4]
    return "\n".join(
        [
            f"At least {n + 3} people were killed and {n + 11} were injured in {town} "
            f"on Monday when a bridge collapsed, the governor said.",
            '"Nobody expected the river to rise so fast," a rescue worker told reporters.',
            f"The Red Cross said about {n * 10 + 50} families had left their homes.",
        ]
    )


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lines = [
        json.dumps(
            {
                "title": f"Bridge collapse {n}",
                "date": "2023-03-06",
                "url": f"https://news.example.org/bridge/{n}",
                "text": _story(n),
            }
        )
        for n in range(10)
    ]
    lines.insert(3, '{"title": "cut off", "text": "no closing')
    lines.insert(7, lines[1])  # a repeat, one batch after its first copy
    lines.append(
        json.dumps(
            {
                "title": "Bridge collapse copy",
                "date": "2023-03-07",
                "url": "https://elsewhere.example.net/copy",
                "text": _story(2).replace("on Monday", "on Monday night"),
            }
        )
    )
    path = tmp_path_factory.mktemp("workers") / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def one_worker(feed: Path) -> tuple[dict, object]:
    with Store(":memory:") as store:
        report = ingest([feed], store, batch_size=3, workers=1)
        return store.dump_tables(), report


def test_two_workers_store_the_same_rows_as_one(feed: Path, one_worker: tuple) -> None:
    expected, expected_report = one_worker
    with Store(":memory:") as store:
        report = ingest([feed], store, batch_size=3, workers=2)
        assert store.dump_tables() == expected
    assert expected["statements"] and expected["figures"]  # the analysis found something
    counts = (report.read, report.accepted, report.duplicates_in_run, report.rejected)
    assert counts == (
        expected_report.read,
        expected_report.accepted,
        expected_report.duplicates_in_run,
        expected_report.rejected,
    )
    assert report.duplicates_in_run == 1 and report.near_duplicates == 1


def test_pre_analysed_pairs_store_the_same_rows(feed: Path, one_worker: tuple) -> None:
    """ingest_records takes (Article, Analysis | Reject) pairs analysed elsewhere."""
    expected, _ = one_worker
    records = list(read_inputs([feed]))
    articles = [record for record in records if isinstance(record, Article)]
    outcomes = iter(analyse_batch(articles))
    pairs = [
        record if isinstance(record, Reject) else (record, next(outcomes)) for record in records
    ]
    with Store(":memory:") as store:
        ingest_records(pairs, store, batch_size=3)
        assert store.dump_tables() == expected


def test_pool_results_come_back_in_input_order(feed: Path) -> None:
    articles = [r for r in read_inputs([feed]) if isinstance(r, Article)]
    with AnalysisPool(2, chunk_size=2) as pool:
        tickets = [pool.submit(articles[:5]), pool.submit(articles[5:], last=True)]
        analyses = [analysis for ticket in tickets for analysis in ticket()]
        assert len(pool.pids()) <= 2
    assert [a.article_id for a in analyses] == [article.id for article in articles]


def test_worker_counts() -> None:
    assert default_workers() >= 1
    # One worker is a supervised process too (the time budget needs one); a
    # caller's own pipeline is used in this process.
    pool = make_analyser(1)
    try:
        assert isinstance(pool, AnalysisPool) and pool.workers == 1
    finally:
        pool.close()
    assert isinstance(make_analyser(1, nlp=object()), InlineAnalyser)
    with pytest.raises(ValueError):
        make_analyser(0)


@pytest.mark.parametrize(
    ("count", "last", "expected"),
    [
        (0, True, []),
        (3, False, [3]),
        (40, False, [8, 16, 16]),
        (40, True, [12, 8, 8, 4, 4, 2, 2]),
        (17, True, [5, 4, 4, 2, 2]),
    ],
)
def test_chunk_sizes_taper_at_the_end_of_the_input(count: int, last: bool, expected: list) -> None:
    assert chunk_sizes(count, 16, 2, last=last) == expected


@pytest.mark.parametrize("count", [1, 2, 5, 31, 64, 199, 200, 1000])
@pytest.mark.parametrize("workers", [2, 3])
def test_chunk_sizes_cover_the_batch(count: int, workers: int) -> None:
    for last in (False, True):
        sizes = chunk_sizes(count, 16, workers, last=last)
        assert sum(sizes) == count and min(sizes) >= 1 and max(sizes) <= 16
    # The workers finish the input within a small chunk of each other.
    tail = chunk_sizes(count, 16, workers, last=True)[-workers:]
    assert max(tail) <= TAIL_CHUNK_SIZE


def test_the_pool_starts_before_the_first_batch_is_full(
    feed: Path, one_worker: tuple, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An input of one batch but more than POOL_START_ARTICLES articles uses the pool."""
    expected, _ = one_worker
    # The package's lazy `newsledger.ingest` attribute is the function, not the module.
    monkeypatch.setattr(sys.modules[ingest.__module__], "POOL_START_ARTICLES", 4)
    children: list[int] = []
    with Store(":memory:") as store:
        report = ingest(
            [feed],
            store,
            batch_size=200,
            workers=2,
            on_progress=lambda _: children.append(len(multiprocessing.active_children())),
        )
        assert store.dump_tables() == expected
    assert report.batches == 1 and children and children[0] >= 2


def test_an_input_of_one_small_batch_starts_one_worker_only(feed: Path) -> None:
    """Two workers would cost two pipeline loads for one batch; the time budget
    still needs a process that can be stopped, so one worker analyses it."""
    children: list[int] = []
    with Store(":memory:") as store:
        ingest(
            [feed],
            store,
            batch_size=200,
            workers=2,
            on_progress=lambda _: children.append(len(multiprocessing.active_children())),
        )
    assert children == [1]


def test_a_rerun_of_stored_input_starts_no_pool(
    feed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.modules[ingest.__module__], "POOL_START_ARTICLES", 4)
    children: list[int] = []
    with Store(":memory:") as store:
        ingest([feed], store, batch_size=200, workers=1)
        report = ingest(
            [feed],
            store,
            batch_size=200,
            workers=2,
            on_progress=lambda _: children.append(len(multiprocessing.active_children())),
        )
    assert report.accepted == 0 and children == [0]
