"""The dashboard's chart, highlighting and views without a browser."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest
from web_helpers import ledger_entry

from newsledger.errors import NotFoundError
from newsledger.web.charts import PALETTE, build_series, citation_href, timeline_svg
from newsledger.web.highlight import Highlight, figure_highlights, highlight_text
from newsledger.web.views import FigureFilters, http_url, path_segment, value_text


class _Tags(HTMLParser):
    """Counts start tags and checks every one is closed in order."""

    def __init__(self) -> None:
        super().__init__()
        self.started: dict[str, int] = {}
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.started[tag] = self.started.get(tag, 0) + 1
        if tag not in ("line", "circle", "polyline"):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs) -> None:
        self.started[tag] = self.started.get(tag, 0) + 1

    def handle_endtag(self, tag) -> None:
        if tag in ("line", "circle", "polyline"):
            return
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()


def _tags(markup: str) -> _Tags:
    parser = _Tags()
    parser.feed(markup)
    parser.close()
    assert parser.stack == []
    return parser


@pytest.mark.parametrize("sources", [1, 2, 3, 12])
def test_one_polyline_per_source(sources: int) -> None:
    entries = [
        ledger_entry(f"source {n}", f"2022-03-{day:02d}", 100 * n + day)
        for n in range(sources)
        for day in (2, 5, 9)
    ]
    svg = str(timeline_svg(build_series(entries)))
    tags = _tags(svg)
    assert tags.started["polyline"] == sources
    assert svg.count('class="series"') == sources
    assert tags.started["a"] == 3 * sources
    assert svg.count("<circle") == 3 * sources


def test_series_keep_first_seen_order_palette_and_date_order() -> None:
    entries = [
        ledger_entry("UN", "2022-03-09", 500),
        ledger_entry("ministry", "2022-03-03", 200),
        ledger_entry("UN", "2022-03-02", 100),
    ]
    series = build_series(entries)
    assert [s.source for s in series] == ["UN", "ministry"]
    assert [s.colour for s in series] == list(PALETTE[:2])
    assert [p.as_of.isoformat() for p in series[0].points] == ["2022-03-02", "2022-03-09"]


def test_points_without_date_or_value_are_left_out() -> None:
    series = build_series([ledger_entry("UN", None, 5), ledger_entry("UN", "2022-03-02", None)])
    assert series == []
    assert "No dated figures" in str(timeline_svg(series))


def test_points_link_to_the_cited_figure() -> None:
    svg = str(timeline_svg(build_series([ledger_entry("UN", "2022-03-02", 5)])))
    assert 'href="/articles/a-UN-2022-03-02#fig-4-7"' in svg
    assert citation_href({"article_id": "a/b", "start": 1, "end": 2}) == "/articles/a%2Fb#fig-1-2"


def test_chart_escapes_source_names() -> None:
    svg = str(timeline_svg(build_series([ledger_entry('<script>"x', "2022-03-02", 5)])))
    assert "<script>" not in svg
    assert "&lt;script&gt;&#34;x" in svg


def test_axis_reaches_range_tops_and_turns_log_when_values_span_decades() -> None:
    svg = str(
        timeline_svg(
            build_series(
                [ledger_entry("a", "2022-03-02", 300), ledger_entry("b", "2022-03-03", 20, 99_999)]
            )
        )
    )
    labels = re.findall(r'class="tick y"[^>]*>([^<]+)<', svg)
    assert labels == ["10", "100", "1k", "10k", "100k"]
    assert "count (log scale)" in svg
    assert 'class="range"' in svg


HOSTILE = 'Officials said <script>alert(1)</script> and "><img src=x onerror=alert(1)> 3 died.'


def test_highlighting_escapes_every_segment() -> None:
    start = HOSTILE.index("3 died")
    marks = [
        Highlight(0, len(HOSTILE), "statement", 'said "x" <b>', "st-0"),
        Highlight(start, start + 1, "figure", "figure: killed", "fig-1"),
    ]
    html = str(highlight_text(HOSTILE, marks))
    tags = _tags(html)
    assert tags.started == {"mark": 2}
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'title="said &#34;x&#34; &lt;b&gt;"' in html
    # Unescaping the marked-up text gives back the article text exactly.
    text = re.sub(r"</?mark[^>]*>", "", html)
    assert (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#34;", '"')
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        == HOSTILE
    )


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        # nested: a figure inside a statement
        ([(0, 10, "statement"), (2, 4, "figure")], "<S>ab<F>cd</F>efghij</S>"),
        # crossing: the second is closed and reopened around the first's end
        ([(0, 4, "statement"), (2, 6, "figure")], "<S>ab<F>cd</F></S><F>ef</F>ghij"),
        # out of range and empty spans are dropped
        ([(5, 50, "figure"), (3, 3, "figure")], "abcdefghij"),
    ],
)
def test_highlighting_nests_and_crosses(spans, expected: str) -> None:
    marks = [Highlight(s, e, kind, kind) for s, e, kind in spans]
    html = str(highlight_text("abcdefghij", marks))
    short = re.sub(r'<mark class="(\w)\w*"[^>]*>', lambda m: f"<{m.group(1).upper()}>", html)
    short = short.replace("</mark>", "</?>")
    # Close tags are anonymous in HTML; compare the shape with named ones.
    expected_shape = re.sub(r"</\w>", "</?>", expected)
    assert short == expected_shape
    _tags(html)


def test_figures_sharing_a_span_share_one_mark() -> None:
    figures = [
        {"start": 3, "end": 5, "category": "killed", "value_low": 2.0, "value_high": 2.0},
        {"start": 3, "end": 5, "category": "injured", "value_low": 2.0, "value_high": 2.0},
    ]
    (mark,) = figure_highlights(figures)
    assert mark.anchor == "fig-3-5"
    assert "killed" in mark.title and "injured" in mark.title


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"value_low": 1200.0, "value_high": 1200.0, "qualifier": "at_least"}, "at least 1,200"),
        ({"value_low": 10.0, "value_high": 20.0, "qualifier": "exact"}, "10–20"),
        ({"value_low": None, "value_high": None}, "?"),
    ],
)
def test_value_text(row, expected: str) -> None:
    assert value_text(row) == expected


def test_only_http_urls_become_links() -> None:
    assert http_url("https://example.org/a") == "https://example.org/a"
    assert http_url("javascript:alert(1)") is None
    assert path_segment("a/b c") == "a%2Fb%20c"


def test_filters_describe_themselves() -> None:
    filters = FigureFilters(category="killed", group="civilians", source="UN")
    assert filters.describe() == "killed, group ~ civilians, source ~ UN"


def test_views_over_the_fixture_ledger(web_db) -> None:
    from newsledger.store import Store
    from newsledger.web import views

    with Store(web_db) as store:
        page = views.figures_page(store, FigureFilters(category="killed", group="civilians"))
        sources = {e["source"] for e in store.ledger(category="killed", group="civilians")}
        assert {s["source"] for s in page["legend"]} == sources
        assert str(page["chart"]).count("<polyline") == len(sources)
        since = views.figures_page(store, FigureFilters(category="killed", since=date(2022, 3, 7)))
        assert all(row["as_of"] >= "2022-03-07" for row in since["rows"])
        overview = views.overview_page(store)
        assert any(
            flag["kind"] == "date_inconsistent"
            for article in overview["flagged"]
            for flag in article["notable_flags"]
        )
        # the ministry and the UN disagree on one day, and are far apart on nearby days
        kinds = sorted(c["kind"] for c in views.conflicts_page(store)["conflicts"])
        assert kinds == ["disagreement", "divergence"]
        found = views.statements_page(store, speaker="minister", text="hospitals full")
        assert [s["speaker"] for s in found["statements"]] == ["minister"]
        with pytest.raises(NotFoundError):
            views.speaker_page(store, "nobody at all")
