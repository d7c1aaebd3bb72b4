"""The timeline chart as inline SVG, drawn on the server: one series per source.

Input is ledger rows (`Store.ledger`): each has a source, an as-of date, a
value range and its citations. Each source becomes a `<g class="series">` with
a polyline through its points in date order; each point is a link to its
earliest citation's article view, anchored on the cited figure. A range
(value_low < value_high) is drawn as a vertical bar at the point. Colours come
from a fixed palette by series order (a dash pattern tells apart series that
reuse a colour). Every text in the SVG goes through `escape`; colours use SVG
presentation attributes, never `style`, which the page's CSP forbids.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markupsafe import Markup, escape

from newsledger.web.highlight import article_href, figure_anchor

__all__ = ["PALETTE", "Point", "Series", "build_series", "citation_href", "timeline_svg"]

# Okabe-Ito and Tableau colours, distinguishable for most colour-blind readers.
PALETTE = (
    "#0072b2",
    "#d55e00",
    "#009e73",
    "#cc79a7",
    "#e69f00",
    "#56b4e9",
    "#7f7f7f",
    "#8c564b",
    "#bcbd22",
    "#000000",
)
DASHES = ("", "6 3", "2 3", "8 3 2 3")

WIDTH = 900
HEIGHT = 380
MARGIN_LEFT = 70
MARGIN_RIGHT = 50
MARGIN_TOP = 20
MARGIN_BOTTOM = 50
X_TICKS = 6
Y_TICKS = 5


@dataclass(frozen=True)
class Point:
    as_of: date
    value_low: float
    value_high: float
    label: str
    href: str | None


@dataclass
class Series:
    source: str
    colour: str
    dash: str
    points: list[Point] = field(default_factory=list)


def _parse_date(text: Any) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def citation_href(citation: Mapping[str, Any]) -> str:
    """The article view of a citation, scrolled to the cited figure."""
    anchor = figure_anchor(citation["start"], citation["end"])
    return article_href(citation["article_id"], citation["start"], anchor)


def build_series(entries: Iterable[Mapping[str, Any]]) -> list[Series]:
    """Ledger rows -> one Series per source (in first-seen order), points by date.

    Rows without an as-of date or a value cannot be placed and are left out.
    """
    by_source: dict[str, Series] = {}
    for entry in entries:
        as_of = _parse_date(entry.get("as_of"))
        low, high = entry.get("value_low"), entry.get("value_high")
        if as_of is None or (low is None and high is None):
            continue
        low = float(low if low is not None else high)
        high = float(high if high is not None else low)
        source = entry.get("source") or "unknown source"
        series = by_source.get(source)
        if series is None:
            index = len(by_source)
            series = Series(
                source,
                PALETTE[index % len(PALETTE)],
                DASHES[(index // len(PALETTE)) % len(DASHES)],
            )
            by_source[source] = series
        citations = entry.get("citations") or []
        value = _number(low) if low == high else f"{_number(low)}–{_number(high)}"
        qualifier = entry.get("qualifier")
        if qualifier and qualifier != "exact":
            value = f"{qualifier.replace('_', ' ')} {value}"
        label = f"{source}: {value} as of {as_of.isoformat()}"
        if citations:
            label += f" ({citations[0].get('outlet') or 'article'})"
        series.points.append(
            Point(as_of, low, high, label, citation_href(citations[0]) if citations else None)
        )
    for series in by_source.values():
        series.points.sort(key=lambda point: (point.as_of, point.value_low))
    return list(by_source.values())


def _nice_ceiling(value: float) -> float:
    """A round axis maximum (1, 2, 2.5 or 5 times a power of ten) at or above `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _date_ticks(first: date, last: date) -> list[date]:
    """Evenly spaced whole days from `first`, at most X_TICKS of them."""
    span = (last - first).days
    step = max(1, math.ceil(span / (X_TICKS - 1)))
    return [date.fromordinal(first.toordinal() + day) for day in range(0, span + 1, step)]


def timeline_svg(series: Sequence[Series], *, title: str = "Figures over time") -> Markup:
    """The chart as an `<svg>` element (empty-state text when there is nothing to plot)."""
    points = [point for one in series for point in one.points]
    if not points:
        return Markup('<p class="empty">No dated figures match these filters.</p>')
    first = min(p.as_of for p in points)
    last = max(p.as_of for p in points)
    # The axis fits the points (value_low); a range reaching above it is cut at
    # the top edge, so one vague "tens of thousands" does not flatten every line.
    top = _nice_ceiling(max(p.value_low for p in points))
    plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    span_days = max((last - first).days, 1)

    def x(day: date) -> float:
        if first == last:
            return MARGIN_LEFT + plot_width / 2
        return MARGIN_LEFT + plot_width * (day - first).days / span_days

    def y(value: float) -> float:
        return MARGIN_TOP + plot_height * (1 - value / top)

    out = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{escape(title)}</title>',
        '<g class="axes">',
    ]
    bottom = MARGIN_TOP + plot_height
    for i in range(Y_TICKS + 1):
        value = top * i / Y_TICKS
        ty = y(value)
        out.append(
            f'<line class="grid" x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" '
            f'y1="{ty:.1f}" y2="{ty:.1f}" stroke="#dddddd"/>'
            f'<text class="tick y" x="{MARGIN_LEFT - 8}" y="{ty + 4:.1f}" '
            f'text-anchor="end">{escape(_number(value))}</text>'
        )
    for day in _date_ticks(first, last):
        tx = x(day)
        out.append(
            f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{bottom}" y2="{bottom + 5}" stroke="#333333"/>'
            f'<text class="tick x" x="{tx:.1f}" y="{bottom + 20}" '
            f'text-anchor="middle">{day.isoformat()}</text>'
        )
    out.append(
        f'<line x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" y1="{bottom}" y2="{bottom}" '
        f'stroke="#333333"/>'
        f'<line x1="{MARGIN_LEFT}" x2="{MARGIN_LEFT}" y1="{MARGIN_TOP}" y2="{bottom}" '
        f'stroke="#333333"/>'
        f'<text class="axis-label" x="{MARGIN_LEFT + plot_width / 2:.1f}" y="{HEIGHT - 6}" '
        f'text-anchor="middle">as-of date</text>'
        f'<text class="axis-label" transform="rotate(-90)" '
        f'x="{-(MARGIN_TOP + plot_height / 2):.1f}" '
        f'y="16" text-anchor="middle">count</text>'
        "</g>"
    )
    for one in series:
        colour = escape(one.colour)
        dash = f' stroke-dasharray="{escape(one.dash)}"' if one.dash else ""
        coordinates = " ".join(f"{x(p.as_of):.1f},{y(p.value_low):.1f}" for p in one.points)
        out.append(f'<g class="series" data-source="{escape(one.source)}">')
        out.append(
            f'<polyline points="{coordinates}" fill="none" stroke="{colour}" '
            f'stroke-width="2"{dash}/>'
        )
        for point in one.points:
            px, py = x(point.as_of), y(point.value_low)
            shape = (
                f'<line x1="{px:.1f}" x2="{px:.1f}" y1="{py:.1f}" '
                f'y2="{y(min(point.value_high, top)):.1f}" '
                f'stroke="{colour}" stroke-width="3"/>'
                if point.value_high > point.value_low
                else ""
            )
            shape += (
                f'<circle class="point" cx="{px:.1f}" cy="{py:.1f}" r="5" fill="{colour}" '
                f'stroke="#ffffff"/><title>{escape(point.label)}</title>'
            )
            if point.href:
                out.append(
                    f'<a href="{escape(point.href)}" aria-label="{escape(point.label)}">{shape}</a>'
                )
            else:
                out.append(f"<g>{shape}</g>")
        out.append("</g>")
    out.append("</svg>")
    return Markup("".join(out))
