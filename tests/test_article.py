"""make_article: date parsing, canonical URLs, stable ids and outlets, as tables."""

from __future__ import annotations

import pytest

from newsledger.article import article_id, canonical_url, make_article, outlet_of, parse_date
from newsledger.models import Origin

ORIGIN = Origin("test", "line 1")


@pytest.mark.parametrize(
    ("raw", "expected", "flag"),
    [
        ("20220206", "2022-02-06", None),
        ("2022-03-01", "2022-03-01", None),
        ("2013-08-05 12:33:51+01:00", "2013-08-05", None),
        ("2022-03-01T23:30:00Z", "2022-03-01", None),
        ("Thu, 03 Mar 2022 10:00:00 GMT", "2022-03-03", None),
        ("March 3, 2022", "2022-03-03", None),
        ("3 March 2022", "2022-03-03", None),
        ("Feb 6th 2022", "2022-02-06", None),
        ("yesterday", None, "date_unparseable"),
        ("today", None, "date_unparseable"),
        ("3 hours ago", None, "date_unparseable"),
        ("last Tuesday", None, "date_unparseable"),
        ("20221345", None, "date_unparseable"),
        ("not a date at all", None, "date_unparseable"),
        ("18500101", None, "date_unparseable"),
        (None, None, "date_missing"),
        ("   ", None, "date_missing"),
    ],
)
def test_parse_date(raw: str | None, expected: str | None, flag: str | None) -> None:
    published, found = parse_date(raw)
    assert published == expected
    assert (found.kind if found else None) == flag


def test_unparseable_flag_names_the_raw_value() -> None:
    article = make_article(title="T", date_raw="yesterday", url=None, text="Body.", origin=ORIGIN)
    assert article.published is None
    assert article.published_raw == "yesterday"
    assert "yesterday" in article.flag("date_unparseable").detail


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "HTTPS://WWW.Example.COM:443/World/Story?utm_source=tw&utm_medium=social#comments",
            "https://www.example.com/World/Story",
        ),
        ("http://example.com:80/a?id=5&fbclid=abc&gclid=x", "http://example.com/a?id=5"),
        (
            "https://example.com/a?mc_cid=1&mc_eid=2&ocid=x&cmpid=y&ref_src=twsrc",
            "https://example.com/a",
        ),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
        ("https://example.com:8080/a", "https://example.com:8080/a"),
        ("ftp://example.com/file", None),
        ("not a url", None),
        (None, None),
    ],
)
def test_canonical_url(url: str | None, expected: str | None) -> None:
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.theguardian.com/world/2022/feb/24/x", "theguardian.com"),
        ("https://www.mirror.co.uk/news/world-news/x-26412341", "mirror.co.uk"),
        ("https://edition.cnn.com/2022/03/01/europe/x", "cnn.com"),
        (None, None),
    ],
)
def test_outlet_of(url: str | None, outlet: str | None) -> None:
    assert outlet_of(url) == outlet


def test_outlet_falls_back_to_record_field() -> None:
    article = make_article(
        title=None, date_raw="20220101", url=None, text="Body.", origin=ORIGIN, outlet="PL"
    )
    assert article.outlet == "PL"


def test_tracking_params_and_fragment_do_not_change_id() -> None:
    plain = article_id("https://www.example.com/story-1", "T", "a")
    assert (
        article_id("https://WWW.example.com/story-1?utm_source=x&utm_campaign=y#top", "T", "b")
        == plain
    )
    assert article_id("https://www.example.com/story-1?fbclid=zz", None, "c") == plain
    assert article_id("https://www.example.com/story-2", "T", "a") != plain


def test_id_without_url_ignores_whitespace_but_not_words() -> None:
    one = article_id(None, "A  title", "First line.\nSecond  line.")
    assert one == article_id(None, "A title", "First line.\n\n  Second line.  ")
    assert one != article_id(None, "A title", "First line.\nThird line.")
    assert len(one) == 16 and int(one, 16) >= 0
