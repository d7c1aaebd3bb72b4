"""check_article on whole articles: every repair and flag together."""

from __future__ import annotations

from newsledger.article import make_article
from newsledger.models import Origin
from newsledger.quality import check_article


def _article(text: str, date_raw: str = "20230105"):
    return make_article(
        title="A title", date_raw=date_raw, url=None, text=text, origin=Origin("t", "line 1")
    )


def test_all_repairs_and_flags() -> None:
    text = (
        "The mayor  spoke on Monday.\n\n"
        '"We did not expect the waterWe are sorry," she said.\n'
        "The mayor  spoke on Monday.\n"
    )
    article = check_article(_article(text))
    assert article.text == (
        'The mayor spoke on Monday.\n"We did not expect the water. We are sorry," she said.'
    )
    kinds = {flag.kind for flag in article.flags}
    assert kinds == {"normalised_text", "glued_sentences", "duplicate_lines"}
    assert "waterWe" in article.flag("glued_sentences").detail
    assert article.flag("duplicate_lines").detail.startswith("1 ")
    # Quote marks stay balanced on the repaired line.
    assert article.lines[1].count('"') == 2


def test_clean_article_gets_no_flags_and_is_idempotent() -> None:
    article = check_article(_article("A clean line.\nAnother clean line."))
    assert article.flags == []
    again = check_article(check_article(_article("Messy  line.\nMessy  line.")))
    assert [f.kind for f in again.flags] == ["normalised_text", "duplicate_lines"]
