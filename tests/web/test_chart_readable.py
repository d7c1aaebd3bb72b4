"""The /figures chart stays readable on real data (issue 20, deliverable 4).

The ledger is the bundled examples/ (and ../shared/data/seed-article.txt when
present) plus three synthetic articles sent through the normal ingest path: one
mis-dated to 1990, a 40,000,000 toll and a vague 20 million to 99.9 million
range (see `real_db` in conftest). The checks: every tick label's estimated box
lies inside the SVG's viewBox, the time axis leaves the 1990 figure out and the
page lists it, ranges are bars from low to high, the y-axis is logarithmic and
says so, and the legend has at most eight sources plus an "and N more" note.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from web_helpers import ledger_entry

from newsledger.store import Store
from newsledger.web.charts import (
    LEGEND_MAX,
    build_series,
    chart_layout,
    compact_number,
    label_box,
    time_domain,
    timeline_svg,
)
from newsledger.web.views import FigureFilters, figures_page

SVG = "{http://www.w3.org/2000/svg}"
ALL = FigureFilters(category="")
OUTLIER_DATE = "1990-01-01"


def _view_box(root: ET.Element) -> tuple[float, float, float, float]:
    x, y, width, height = map(float, root.attrib["viewBox"].split())
    return x, y, x + width, y + height


def _tick_labels(svg: str) -> list[tuple[str, tuple[float, float, float, float]]]:
    root = ET.fromstring(svg)
    found = []
    for text in root.iter(f"{SVG}text"):
        if "tick" in text.attrib.get("class", ""):
            x, y = float(text.attrib["x"]), float(text.attrib["y"])
            found.append((text.text, label_box(text.text, x, y, text.attrib["text-anchor"])))
    return found


def _assert_labels_inside(svg: str) -> None:
    x0, y0, x1, y1 = _view_box(ET.fromstring(svg))
    labels = _tick_labels(svg)
    assert labels
    for text, (bx0, by0, bx1, by1) in labels:
        assert x0 <= bx0 and bx1 <= x1 and y0 <= by0 and by1 <= y1, (text, (bx0, by0, bx1, by1))


@pytest.fixture(scope="module")
def page(real_db: Path) -> dict:
    with Store(real_db) as store:
        return figures_page(store, ALL)


@pytest.fixture(scope="module")
def entries(real_db: Path) -> list[dict]:
    with Store(real_db) as store:
        return list(store.ledger())


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (500, "500"), (1200, "1.2k"), (40_000_000, "40M"), (99_900_000, "99.9M")],
)
def test_compact_tick_labels(value: float, text: str) -> None:
    assert compact_number(value) == text


@pytest.mark.parametrize("top", [9, 40_000, 40_000_000, 3_000_000_000])
def test_labels_fit_for_any_magnitude(top: float) -> None:
    entries = [ledger_entry("a", "2022-03-01", top / 2), ledger_entry("b", "2022-05-01", top)]
    _assert_labels_inside(str(timeline_svg(build_series(entries))))


def test_one_far_date_is_left_off_the_axis_but_near_ends_stay() -> None:
    days = [date(2022, 3, d) for d in range(1, 29)]
    assert time_domain(days) == (days[0], days[-1])
    assert time_domain([date(2014, 3, 1), *days]) == (days[0], days[-1])


def test_date_ticks_fall_on_round_dates() -> None:
    long = build_series([ledger_entry("a", "2006-01-12", 5), ledger_entry("a", "2022-03-01", 9)])
    labels = re.findall(r'class="tick x"[^>]*>([^<]+)<', str(timeline_svg(long)))
    assert labels == ["2007", "2010", "2013", "2016", "2019", "2022"]
    months = build_series([ledger_entry("a", "2019-01-02", 5), ledger_entry("a", "2020-06-20", 9)])
    svg = str(timeline_svg(months))
    assert re.findall(r'class="tick x"[^>]*>([^<]+)<', svg)[0] == "2019-04"


def test_real_ledger_labels_fit_the_view_box(page: dict) -> None:
    svg = str(page["chart"])
    _assert_labels_inside(svg)
    labels = [text for text, _ in _tick_labels(svg)]
    assert "0,000,000" not in labels
    assert any(label.endswith("M") for label in labels), labels


def test_time_axis_excludes_the_far_outlier_and_the_page_lists_it(
    page: dict, entries: list[dict]
) -> None:
    dated = [e for e in entries if e["as_of"] and e["value_low"] is not None]
    assert min(e["as_of"] for e in dated) == OUTLIER_DATE
    first, last = page["time_range"]
    assert first > OUTLIER_DATE
    assert last == max(e["as_of"] for e in dated)
    x_labels = [
        text
        for text, _ in _tick_labels(str(page["chart"]))
        if re.fullmatch(r"\d{4}(-\d\d){0,2}", text)
    ]
    assert x_labels and min(x_labels) >= first[: len(min(x_labels))]
    assert page["outside_total"] >= 1
    listed = {o["as_of"]: o["label"] for o in page["outside"]}
    assert "Red Cross" in listed[OUTLIER_DATE]


def test_ranges_are_bars_from_low_to_high(page: dict, real_db: Path) -> None:
    with Store(real_db) as store:
        layout = chart_layout(build_series(store.ledger()))
    root = ET.fromstring(str(page["chart"]))
    bars = {
        (float(r.attrib["data-low"]), float(r.attrib["data-high"])): r
        for r in root.iter(f"{SVG}rect")
        if r.attrib.get("class") == "range"
    }
    assert (20_000_000.0, 99_900_000.0) in bars
    assert (200.0, 999.0) in bars
    for (low, high), rect in bars.items():
        top, height = float(rect.attrib["y"]), float(rect.attrib["height"])
        assert top == pytest.approx(layout.y(high), abs=0.1)
        assert top + height == pytest.approx(max(layout.y(low), top + 1), abs=0.15)
    # No point (circle) stands for a range, at its top or anywhere.
    circles = {(c.attrib["cx"], c.attrib["cy"]) for c in root.iter(f"{SVG}circle")}
    famine_top = f"{layout.y(99_900_000):.1f}"
    assert not any(cy == famine_top for _, cy in circles)


def test_log_scale_when_values_span_orders_of_magnitude(page: dict) -> None:
    assert page["log_scale"]
    titles = [t.text for t in ET.fromstring(str(page["chart"])).iter(f"{SVG}text")]
    assert "count (log scale)" in titles
    linear = timeline_svg(
        build_series([ledger_entry("a", "2022-03-01", 50), ledger_entry("a", "2022-03-09", 90)])
    )
    assert "log scale" not in str(linear)


def test_legend_has_the_top_sources_and_a_more_note(page: dict, entries: list[dict]) -> None:
    sources = {e["source"] or "unknown source" for e in entries if e["as_of"]}
    assert len(sources) > LEGEND_MAX
    assert len(page["legend"]) == LEGEND_MAX
    assert page["legend_more"] == len(sources) - LEGEND_MAX
    counts = [entry["points"] for entry in page["legend"]]
    assert counts == sorted(counts, reverse=True)


def test_the_page_shows_the_note_and_the_outside_list(real_db: Path) -> None:
    from fastapi.testclient import TestClient

    from newsledger.api import create_app

    with TestClient(create_app(real_db)) as client:
        html = client.get("/figures", params={"category": ""}).text
    assert re.search(r"and \d+ more sources \(grey lines\) — filter by source to see them", html)
    assert re.search(r"\d+ figures? outside the time range", html)
    assert OUTLIER_DATE in html
    assert html.count('<li><svg width="28"') <= LEGEND_MAX


def test_in_chromium_tick_labels_lie_inside_the_view_box(watched, real_server_url: str) -> None:
    response = watched.page.goto(f"{real_server_url}/figures?category=", wait_until="load")
    assert response is not None and response.status == 200
    boxes = watched.page.eval_on_selector_all(
        "svg.timeline text.tick",
        "nodes => nodes.map(n => { const b = n.getBBox();"
        " return [n.textContent, b.x, b.y, b.x + b.width, b.y + b.height]; })",
    )
    view_box = watched.page.get_attribute("svg.timeline", "viewBox")
    x0, y0, width, height = map(float, view_box.split())
    assert boxes
    for text, bx0, by0, bx1, by1 in boxes:
        assert x0 <= bx0 and bx1 <= x0 + width and y0 <= by0 and by1 <= y0 + height, text
    assert watched.page.locator("ul.legend li").count() <= LEGEND_MAX
    assert watched.page.locator("p.legend-more").is_visible()
    assert watched.page.locator(".outside-range").inner_text().count(OUTLIER_DATE) == 1
    assert watched.page.locator("svg.timeline rect.range").count() >= 2
    watched.screenshot("figures-real-data")
    assert watched.errors == []
