"""LongZone: the vocabulary a batch adds stays for the next batch and is freed at renewal."""

from __future__ import annotations

from newsledger.analysis import analyse_batch
from newsledger.article import make_article
from newsledger.models import Origin
from newsledger.nlp import load_pipeline, load_stock_pipeline
from newsledger.nlp.memory import WARM_ARTICLES, LongZone

WORDS = ("Zorbavian", "Quillmarsh", "Fenwobble")


def _article(number: int, word: str):
    text = f"{word} officials said 12 people were injured in the blast on Monday.\n"
    return make_article(
        title=f"Blast in {word}",
        date_raw="2024-05-06",
        url=None,
        text=text,
        origin=Origin("test", str(number)),
    )


def test_words_stay_within_a_zone_and_go_at_renewal():
    nlp = load_pipeline()
    zone = LongZone(nlp, articles=2, warm=False)
    with zone.batch(1):
        nlp(f"{WORDS[0]} officials said so.")
    # Still known to the next batch: its lexeme is not made again.
    assert WORDS[0] in nlp.vocab.strings
    with zone.batch(1):
        nlp(f"{WORDS[1]} officials said so.")
    # Two articles: the zone was renewed and both words are gone.
    assert WORDS[0] not in nlp.vocab.strings
    assert WORDS[1] not in nlp.vocab.strings
    with zone.batch(1):
        nlp(f"{WORDS[2]} officials said so.")
    zone.close()
    assert WORDS[2] not in nlp.vocab.strings


def test_a_batch_without_a_zone_frees_its_words_as_it_ends():
    nlp = load_pipeline()
    analyses = analyse_batch([_article(1, "Plonkshire")], nlp)
    assert analyses[0].figures[0].value_low == 12
    assert "Plonkshire" not in nlp.vocab.strings


def test_same_analyses_inside_a_long_zone():
    nlp = load_pipeline()
    articles = [_article(number, word) for number, word in enumerate(WORDS)]
    alone = [analyse_batch([article], nlp) for article in articles]
    zone = LongZone(nlp, warm=False)
    zoned = [analyse_batch([article], nlp, zone=zone) for article in articles]
    zone.close()
    assert zoned == alone
    assert all(result[0].figures for result in zoned)


def test_a_pipelines_first_articles_warm_its_vocabulary_once():
    # A fresh pipeline: its warm-up budget is whole.
    nlp = load_stock_pipeline()
    zone = LongZone(nlp, articles=10)
    with zone.batch(WARM_ARTICLES):  # spends the whole budget outside any zone
        nlp("Grumbleton officials said so.")
    zone.close()
    assert "Grumbleton" in nlp.vocab.strings  # permanent: later zones read it
    # The budget is the pipeline's: a new LongZone on it zones at once.
    again = LongZone(nlp, articles=10)
    with again.batch(1):
        nlp("Snorkelburg officials said so.")
    again.close()
    assert "Snorkelburg" not in nlp.vocab.strings
    assert "Grumbleton" in nlp.vocab.strings
