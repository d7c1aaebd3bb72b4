"""Near-duplicate linking: MinHash signatures, LSH bands kept in the store, duplicate_of flags.

The stories are written for these tests; none is copied from a real article.
"""

from __future__ import annotations

import pytest

from newsledger.ingest import ingest_records
from newsledger.models import Article, Origin
from newsledger.quality.near_duplicates import (
    NUM_PERM,
    NearDuplicateLinker,
    article_signature,
    text_signature,
)
from newsledger.store import Store

FLOOD = (
    "Heavy rain swelled the Varna river overnight and water spilled into the lower districts "
    "of the town before dawn on Tuesday.\n"
    "Emergency crews evacuated about 400 residents from homes near the old stone bridge, "
    "the regional governor said at a briefing.\n"
    "Two people were found dead in a flooded basement, according to the local fire service, "
    "and at least eleven were treated in hospital for hypothermia.\n"
    '"We have never seen the water rise this fast," said Mira Petrova, who runs a bakery on '
    "the riverside street.\n"
    "Forecasters expect more rain on Thursday, and the governor asked people in low-lying "
    "areas to stay with relatives until the river falls."
)
# The same story as a second outlet ran it: one word changed.
FLOOD_EDITED = FLOOD.replace("about 400 residents", "about 450 residents")
# Another story on the same topic, in other words.
FLOOD_OTHER = (
    "Flood water reached the first floors of houses in the northern suburbs after the dam "
    "upstream released water on Monday evening.\n"
    "The mayor said three hundred families had moved into school gyms and that soldiers were "
    "delivering drinking water by truck.\n"
    "One man drowned when his car was swept off a road near the ring motorway, police said.\n"
    "Officials have not yet estimated the damage, but farmers reported that the wheat harvest "
    "in the valley was lost.\n"
    "Residents complained that warning sirens sounded only after the water was already in "
    "the streets."
)


def _article(article_id: str, text: str) -> Article:
    return Article(
        id=article_id,
        url=f"https://{article_id}.example.net/flood",
        title="Floods in Varna",
        published="2024-05-07",
        published_raw="2024-05-07",
        outlet=f"{article_id}.example.net",
        text=text,
        origin=Origin("stories.jsonl", f"line {article_id}"),
    )


def _duplicate_flags(store: Store) -> dict[str, tuple[str, str]]:
    return {
        row["id"]: (flag["suggested"], flag["detail"])
        for row in store.articles()
        for flag in row["flags"]
        if flag["kind"] == "duplicate_of"
    }


def test_signature_ignores_case_and_punctuation_and_is_stable():
    first = text_signature("The river ROSE, again; and again!")
    second = text_signature("the river rose again and again")
    assert first is not None and second is not None
    assert first.similarity(second) == 1.0
    assert first.band_hashes() == second.band_hashes()
    assert len(first.hashvalues) == NUM_PERM


def test_signature_of_a_text_without_words_is_none():
    assert text_signature("  -- !! ") is None


def test_similarity_estimates_jaccard():
    edited = article_signature(_article("b", FLOOD_EDITED))
    original = article_signature(_article("a", FLOOD))
    other = article_signature(_article("c", FLOOD_OTHER))
    assert original.similarity(edited) >= 0.8
    assert original.similarity(other) < 0.2


def test_one_word_edit_under_another_url_is_linked_and_kept():
    store = Store(":memory:")
    report = ingest_records(
        [_article("a", FLOOD), _article("b", FLOOD_EDITED)], store, analyse=False
    )
    assert report.accepted == 2
    assert report.near_duplicates == 1
    flags = _duplicate_flags(store)
    assert list(flags) == ["b"]
    earlier, detail = flags["b"]
    assert earlier == "a"
    assert detail.startswith("similarity 0.")
    assert float(detail.split()[1]) >= 0.8


def test_another_story_on_the_same_topic_is_not_linked():
    store = Store(":memory:")
    ingest_records([_article("a", FLOOD), _article("c", FLOOD_OTHER)], store, analyse=False)
    assert _duplicate_flags(store) == {}


def test_link_across_runs_against_stored_articles(tmp_path):
    path = tmp_path / "ledger.db"
    with Store(path) as store:
        ingest_records([_article("a", FLOOD)], store, analyse=False)
    with Store(path) as store:
        report = ingest_records(
            [_article("c", FLOOD_OTHER), _article("b", FLOOD_EDITED)], store, analyse=False
        )
        assert report.near_duplicates == 1
        assert {k: v[0] for k, v in _duplicate_flags(store).items()} == {"b": "a"}


@pytest.mark.parametrize("batch_size", [1, 2, 10])
def test_earlier_articles_count_however_the_batches_fall(batch_size):
    store = Store(":memory:")
    stories = [_article("a", FLOOD), _article("c", FLOOD_OTHER), _article("b", FLOOD_EDITED)]
    ingest_records(stories, store, analyse=False, batch_size=batch_size)
    assert {k: v[0] for k, v in _duplicate_flags(store).items()} == {"b": "a"}


def test_the_most_similar_earlier_article_wins():
    closer = FLOOD_EDITED.replace("eleven", "twelve")
    store = Store(":memory:")
    ingest_records(
        [_article("a", FLOOD), _article("b", FLOOD_EDITED), _article("d", closer)],
        store,
        analyse=False,
    )
    flags = _duplicate_flags(store)
    assert flags["b"][0] == "a"
    # "d" differs from "b" in one word but from "a" in two
    assert flags["d"][0] == "b"


def test_threshold_is_a_setting():
    store = Store(":memory:")
    ingest_records(
        [_article("a", FLOOD), _article("b", FLOOD_EDITED)],
        store,
        analyse=False,
        near_duplicate_threshold=1.0,
    )
    assert _duplicate_flags(store) == {}


def test_same_id_is_never_its_own_duplicate():
    store = Store(":memory:")
    store.write_batch([(_article("a", FLOOD), None)], [])
    linker = NearDuplicateLinker(store)
    again = _article("a", FLOOD)
    linker.link([again])
    assert again.flag("duplicate_of") is None
