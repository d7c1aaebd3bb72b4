"""The dashboard in a real browser: pages load cleanly, the chart, its links, keyboard, XSS."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import pytest

from newsledger.store import Store
from newsledger.web.routes import CONTENT_SECURITY_POLICY

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'
# Skip link, brand, four page links, then the first filter: 7 presses.
MAX_TABS = 10


def _ledger_sources(db: Path, **filters: str) -> set[str]:
    with Store(db) as store:
        return {entry["source"] for entry in store.ledger(**filters) if entry["as_of"]}


def _article_ids(db: Path) -> dict[str, str]:
    with Store(db) as store:
        return {article["title"]: article["id"] for article in store.articles()}


def _open(watched, url: str):
    response = watched.page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, url
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    return response


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("overview", "/"),
        ("figures", "/figures?category=killed&group=civilians"),
        ("figures-all", "/figures?category="),
        ("statements", "/statements?speaker=minister"),
        ("speaker", "/speakers/minister"),
        ("conflicts", "/conflicts"),
    ],
)
def test_pages_load_without_console_errors(watched, server_url: str, name: str, path: str) -> None:
    _open(watched, server_url + path)
    assert watched.page.locator("main h1").count() == 1
    # The stylesheet applied: the header band is not the default transparent.
    background = watched.page.eval_on_selector(
        "header.site", "element => getComputedStyle(element).backgroundColor"
    )
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    watched.screenshot(name)
    assert watched.errors == []
    assert watched.page.locator("script").count() == 0


def test_overview_shows_counts_contradiction_and_date_flag(watched, server_url: str) -> None:
    _open(watched, server_url + "/")
    text = watched.page.inner_text("main")
    assert "UN human rights office" in text
    assert "disagreement" in text
    assert "date_inconsistent" in text
    assert "Flood relief continues" in text
    assert watched.errors == []


@pytest.mark.parametrize(
    "filters",
    [
        {"category": "killed", "group": "civilians"},
        {"category": "killed"},
        {"category": "killed", "source": "UN human"},
    ],
)
def test_chart_draws_one_series_per_source(
    watched, server_url: str, web_db: Path, filters: dict[str, str]
) -> None:
    _open(watched, f"{server_url}/figures?{urlencode(filters)}")
    sources = _ledger_sources(web_db, **filters)
    assert sources, "the fixture ledger should have figures for this filter"
    series = watched.page.locator("svg.timeline g.series")
    assert series.count() == len(sources)
    drawn = {series.nth(i).get_attribute("data-source") for i in range(series.count())}
    assert drawn == sources
    assert watched.page.locator("svg.timeline g.series polyline").count() == len(sources)
    assert watched.page.locator("ul.legend li").count() == len(sources)
    assert watched.errors == []


def test_two_sources_over_several_dates(web_db: Path) -> None:
    # What the chart tests rely on: the fixture gives at least two timelines.
    with Store(web_db) as store:
        entries = list(store.ledger(category="killed", group="civilians"))
    dates_by_source: dict[str, set[str]] = {}
    for entry in entries:
        dates_by_source.setdefault(entry["source"], set()).add(entry["as_of"])
    assert sum(len(dates) >= 3 for dates in dates_by_source.values()) >= 2


def test_clicking_a_point_opens_the_article_with_the_figure_highlighted(
    watched, server_url: str
) -> None:
    _open(watched, server_url + "/figures?category=killed&group=civilians&source=ministry")
    point = watched.page.locator("svg.timeline g.series a").first
    href = point.get_attribute("href")
    assert href and href.startswith("/articles/") and "#fig-" in href
    with watched.page.expect_navigation():
        point.click()
    anchor = href.split("#", 1)[1]
    assert watched.page.url.endswith(href)
    target = watched.page.locator("mark.figure:target")
    assert target.count() == 1
    assert target.get_attribute("id") == anchor
    # The hover text carries the parsed fields of the figure.
    title = target.get_attribute("title")
    assert "figure: killed" in title and "health ministry" in title
    assert target.is_visible()
    watched.screenshot("article-from-chart")
    assert watched.errors == []


def test_keyboard_reaches_the_filters(watched, server_url: str) -> None:
    _open(watched, server_url + "/figures")
    for _ in range(MAX_TABS):
        watched.page.keyboard.press("Tab")
        focused = watched.page.evaluate("document.activeElement && document.activeElement.id")
        if focused == "f-category":
            break
    else:
        pytest.fail(f"the first filter was not reached in {MAX_TABS} Tab presses")
    # And the form works from the keyboard: pick "injured", submit with Enter.
    watched.page.keyboard.press("ArrowDown")
    watched.page.focus("#f-group")
    with watched.page.expect_navigation():
        watched.page.keyboard.press("Enter")
    assert "category=injured" in watched.page.url
    assert watched.errors == []


def test_injected_html_shows_as_text_and_never_runs(watched, server_url: str, web_db: Path) -> None:
    titles = _article_ids(web_db)
    (title,) = [t for t in titles if XSS_SCRIPT in t]
    article_id = titles[title]
    pages = [
        f"/articles/{article_id}",
        "/statements?text=onerror",
        "/figures?category=killed&source=council",
        "/speakers/Officials",
    ]
    for path in pages:
        _open(watched, server_url + path)
        page = watched.page
        assert page.locator("img[src='x']").count() == 0, path
        assert page.locator("script").count() == 0, path
        assert page.evaluate("document.querySelectorAll('[onerror]').length") == 0, path
        # Shown as text, or (the chart's citations) as a link's hover title.
        shown = page.inner_text("main") + " ".join(
            page.eval_on_selector_all("main [title]", "nodes => nodes.map(n => n.title)")
        )
        assert "alert(1)</script>" in shown or XSS_IMG in shown, path
    # On the article view the title and both injected strings read literally.
    _open(watched, f"{server_url}/articles/{article_id}")
    assert watched.page.inner_text("main h1") == title
    body = watched.page.inner_text("main .body")
    assert XSS_SCRIPT in body
    assert XSS_IMG in body
    watched.screenshot("article-xss")
    watched.page.wait_for_timeout(300)
    assert watched.dialogs == []
    assert watched.errors == []


def test_unknown_article_is_an_html_404(watched, server_url: str) -> None:
    response = watched.page.goto(server_url + "/articles/no-such-article")
    assert response.status == 404
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "no-such-article" in watched.page.inner_text("main")
