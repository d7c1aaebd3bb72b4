"""Ingest rebuilds the ledger: real extraction on own-words records, one claim in two outlets."""

from __future__ import annotations

from pathlib import Path

from newsledger.article import make_article
from newsledger.ingest import ingest, ingest_records
from newsledger.models import Article, Origin
from newsledger.nlp.pipeline import load_pipeline
from newsledger.store import Store

SENTENCE = (
    "The Valdorian health ministry said on Tuesday that 48 civilians had been killed "
    "since the fighting began."
)
RECORDS = {
    "first.txt": f"""Shelling hits Valdoria's eastern towns
20230503
https://valdoria-times.org/news/valdoria-shelling
Shelling continued in eastern Valdoria on Tuesday.
{SENTENCE}
Aid groups asked for a pause in the fighting.
""",
    "second.txt": f"""Valdoria counts its dead as fighting goes on
20230503
https://carrow-post.org/world/valdoria-dead
Aid convoys reached two towns in eastern Valdoria.
{SENTENCE}
The ministry said hospitals were short of blood.
""",
}


def test_ingest_consolidates_one_claim_from_two_outlets_into_one_entry(tmp_path: Path):
    paths = []
    for name, text in RECORDS.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    with Store(":memory:") as store:
        report = ingest(paths, store)
        assert report.accepted == 2
        [entry] = store.ledger(category="killed")
        assert entry["source"] == "Valdorian health ministry"
        assert (entry["value_low"], entry["group"], entry["as_of"]) == (
            48,
            "civilians",
            "2023-05-02",
        )
        assert sorted(c["outlet"] for c in entry["citations"]) == [
            "carrow-post.org",
            "valdoria-times.org",
        ]
        # a second run adds nothing and leaves the ledger as it was
        ingest(paths, store)
        assert len(list(store.ledger(category="killed"))) == 1


def test_a_rerun_rebuilds_a_ledger_left_stale_by_a_crash(tmp_path: Path):
    from ledger_helpers import Claim, article

    from newsledger.ingest import ingest_records

    with Store(":memory:") as store:
        # A crash after the last batch committed but before the rebuild: the
        # figures are stored, the consolidated tables are not.
        store.write_batch([article("a1", [Claim(48, "Valdoria health ministry")])], [])
        assert store.ledger_is_stale()
        assert list(store.ledger()) == []
        report = ingest_records([], store)
        assert report.accepted == 0
        assert not store.ledger_is_stale()
        assert [row["value_low"] for row in store.ledger()] == [48]


def _record(n: int) -> Article:
    town = ["Arvik", "Belmora", "Corran", "Dunhal", "Eskby"][n % 5]
    return make_article(
        title=f"Floods in {town}",
        date_raw=f"2023-05-{n + 10}",
        url=f"https://valdoria-times.org/news/{n}",
        text=f"The regional governor said on Monday that {n + 4} people had been killed "
        f"by the floods in {town}.",
        origin=Origin("floods.jsonl", f"line {n + 1}"),
    )


def test_a_long_ingest_rebuilds_the_ledger_as_it_commits():
    """A run stopped midway leaves a ledger for what it committed: the first batch is
    followed by a rebuild (consolidate_every this short; later batches wait for ten
    times the last rebuild's time), and the run's end covers every stored article."""
    seen: list[tuple[int, bool, int]] = []
    with Store(":memory:") as store:

        def after_batch(report) -> None:
            entries = sum(1 for _ in store.ledger(category="killed"))
            seen.append((report.accepted, store.ledger_is_stale(), entries))

        ingest_records(
            [_record(n) for n in range(6)],
            store,
            batch_size=2,
            nlp=load_pipeline(),
            on_progress=after_batch,
            consolidate_every=1e-9,
        )
        assert not store.ledger_is_stale()
        assert sum(1 for _ in store.ledger(category="killed")) == 6
    assert seen[0] == (2, False, 2)
    assert [accepted for accepted, _, _ in seen] == [2, 4, 6]
