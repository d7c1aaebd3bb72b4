"""The timeline chart as inline SVG, drawn on the server: one series per source.

Input is ledger rows (`Store.ledger`): each has a source, an as-of date, a
value range and its citations. Each source becomes a `<g class="series">` with
a polyline through its points in date order; each point is a link to its
earliest citation's article view, anchored on the cited figure.

Readability on real data (issue 20):

* Series are ranked by number of figures (then citations, then first seen),
  the figures without a named source last; the top `LEGEND_MAX` get palette
  colours and legend entries, the rest are thin grey lines summarised as "and
  N more sources".
* The time axis spans at most the central 98% of dates (nearest rank: the
  earliest and latest 1% of them, rounded up, are left off; none of 100 dates
  or fewer), and within that leaves off a figure dated before the 1st or after
  the 99th percentile by more than `DATE_TOLERANCE` of that central span (one
  mis-dated figure among few). A figure not drawn is listed in
  `Layout.outside` (the page prints it).
* Each series carries the grades of its entries (`Series.grades`, the
  `data-grades` attribute); the legend shows them beside the source.
* A range (value_low < value_high) is a bar (`rect.range`) from low to high,
  never a point; the line passes through its middle.
* The y-axis is logarithmic when the values span more than two orders of
  magnitude (the axis title says so); tick labels are compact (40M, 1.2k) and
  the left margin is computed from the longest one, so none is clipped.

Every text in the SVG goes through `escape`; colours use SVG presentation
attributes, never `style`, which the page's CSP forbids.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markupsafe import Markup, escape

from newsledger.web.highlight import article_href, figure_anchor

__all__ = [
    "LEGEND_MAX",
    "PALETTE",
    "UNNAMED_SERIES",
    "Layout",
    "Point",
    "Series",
    "build_series",
    "central_ranks",
    "chart_layout",
    "citation_href",
    "compact_number",
    "label_box",
    "timeline_svg",
]

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
OTHER_COLOUR = "#c8c8c8"
LEGEND_MAX = 8
# The series of the figures without a named source.
UNNAMED_SERIES = "unknown source"

WIDTH = 900
HEIGHT = 380
MARGIN_RIGHT = 50
MARGIN_TOP = 20
MARGIN_BOTTOM = 50
X_TICKS = 6
Y_TICKS = 5
FONT_SIZE = 12
CHAR_WIDTH = 0.62 * FONT_SIZE  # a generous average glyph width for the 12px sans-serif
TICK_GAP = 8
AXIS_TITLE_ROOM = 26
DATE_TOLERANCE = 0.05
# The share of dates each side of the time axis may leave out (the central 98% is drawn).
CENTRAL_SHARE_OUT = 0.01
LOG_SPAN = 100.0


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
    citations: int = 0
    in_legend: bool = True
    grades: set[str] = field(default_factory=set)


def _parse_date(text: Any) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def compact_number(value: float) -> str:
    """A short tick label: 500, 1.2k, 40M, 2.5B (at most three significant digits)."""
    text, suffix = f"{value:.3g}", ""
    for factor, unit in ((1e3, "k"), (1e6, "M"), (1e9, "B"), (1e12, "T")):
        if abs(float(f"{value:.3g}")) >= factor:
            text, suffix = f"{value / factor:.3g}", unit
    if "e" in text:
        text = f"{float(text):.0f}"
    return text + suffix


def label_box(text: str, x: float, y: float, anchor: str) -> tuple[float, float, float, float]:
    """The estimated (x0, y0, x1, y1) box of a tick label drawn at (x, y) baseline."""
    width = len(text) * CHAR_WIDTH
    x0 = {"end": x - width, "middle": x - width / 2}.get(anchor, x)
    return (x0, y - FONT_SIZE, x0 + width, y + FONT_SIZE * 0.25)


def citation_href(citation: Mapping[str, Any]) -> str:
    """The article view of a citation, scrolled to the cited figure."""
    anchor = figure_anchor(citation["start"], citation["end"])
    return article_href(citation["article_id"], citation["start"], anchor)


def _point(entry: Mapping[str, Any], source: str) -> Point | None:
    as_of = _parse_date(entry.get("as_of"))
    low, high = entry.get("value_low"), entry.get("value_high")
    if as_of is None or (low is None and high is None):
        return None
    low = float(low if low is not None else high)
    high = float(high if high is not None else low)
    low, high = min(low, high), max(low, high)
    citations = entry.get("citations") or []
    value = _number(low) if low == high else f"{_number(low)}–{_number(high)}"
    qualifier = entry.get("qualifier")
    if qualifier and qualifier != "exact":
        value = f"{qualifier.replace('_', ' ')} {value}"
    label = f"{source}: {value} as of {as_of.isoformat()}"
    if citations:
        label += f" ({citations[0].get('outlet') or 'article'})"
    return Point(as_of, low, high, label, citation_href(citations[0]) if citations else None)


def build_series(entries: Iterable[Mapping[str, Any]]) -> list[Series]:
    """Ledger rows -> one Series per source, points by date.

    Series come most figures first (then most citations, then first seen); the
    first `LEGEND_MAX` get palette colours and `in_legend`, the rest are grey.
    The figures without a named source come last: they are no one's timeline, and
    on real data they would otherwise take the first colour.
    Rows without an as-of date or a value cannot be placed and are left out.
    """
    by_source: dict[str, Series] = {}
    for entry in entries:
        source = entry.get("source") or UNNAMED_SERIES
        point = _point(entry, source)
        if point is None:
            continue
        series = by_source.setdefault(source, Series(source, OTHER_COLOUR, ""))
        series.points.append(point)
        series.citations += len(entry.get("citations") or [])
        if entry.get("grade"):
            series.grades.add(entry["grade"])
    order = {source: index for index, source in enumerate(by_source)}
    ranked = sorted(
        by_source.values(),
        key=lambda s: (s.source == UNNAMED_SERIES, -len(s.points), -s.citations, order[s.source]),
    )
    for index, series in enumerate(ranked):
        series.points.sort(key=lambda point: (point.as_of, point.value_low))
        series.in_legend = index < LEGEND_MAX
        if series.in_legend:
            series.colour = PALETTE[index % len(PALETTE)]
            series.dash = DASHES[(index // len(PALETTE)) % len(DASHES)]
    return ranked


def _percentile(ordered: Sequence[int], q: float) -> float:
    """Linear-interpolation percentile (numpy's default) of sorted numbers."""
    position = q * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def central_ranks(count: int) -> tuple[int, int]:
    """Indexes of the first and last of the central 98% of `count` sorted dates: the
    nearest-rank 1st and 99th percentiles, so at most 1% of the dates lie outside on each
    side (none of 100 dates or fewer)."""
    left_out = math.ceil(CENTRAL_SHARE_OUT * count)
    return max(left_out - 1, 0), count - max(left_out, 1)


def time_domain(dates: Iterable[date]) -> tuple[date, date]:
    """The drawn date range: dates within the 1st..99th percentile (with tolerance), never
    beyond the central 98% of the dates."""
    days = sorted(day.toordinal() for day in dates)
    low, high = _percentile(days, 0.01), _percentile(days, 0.99)
    slack = DATE_TOLERANCE * (high - low)
    first, last = central_ranks(len(days))
    kept = [day for day in days[first : last + 1] if low - slack <= day <= high + slack]
    return date.fromordinal(kept[0]), date.fromordinal(kept[-1])


def _nice_ceiling(value: float) -> float:
    """A round axis maximum (1, 2, 2.5 or 5 times a power of ten) at or above `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _month_starts(first: date, last: date, months: int) -> list[date]:
    """First days of every `months`-th month (aligned to January) in first..last."""
    index = first.year * 12 + first.month - 1
    index += -index % months if first.day == 1 else months - index % months
    ticks = []
    while (day := date(index // 12, index % 12 + 1, 1)) <= last:
        ticks.append(day)
        index += months
    return ticks


def _date_ticks(first: date, last: date) -> list[tuple[date, str]]:
    """At most X_TICKS round dates with labels: year starts, month starts or whole days."""
    span = (last - first).days
    if span > 2 * 365:
        years = max(1, math.ceil(span / 365.25 / X_TICKS))
        step = next(s for s in (1, 2, 3, 5, 10, 20, 50, 100) if s >= years)
        return [(day, str(day.year)) for day in _month_starts(first, last, 12 * step)]
    if span > 120:
        months = max(1, math.ceil(span / 30.44 / X_TICKS))
        step = next(s for s in (1, 2, 3, 4, 6, 12) if s >= months)
        return [(day, day.isoformat()[:7]) for day in _month_starts(first, last, step)]
    step = max(1, math.ceil(span / (X_TICKS - 1)))
    days = [date.fromordinal(first.toordinal() + day) for day in range(0, span + 1, step)]
    return [(day, day.isoformat()) for day in days]


def _value_ticks(values: Sequence[float]) -> tuple[bool, list[float]]:
    """(log scale?, tick values from bottom to top) for the drawn values."""
    positive = [v for v in values if v > 0]
    top = max(values)
    if positive and top / min(positive) > LOG_SPAN:
        lowest = math.floor(math.log10(min(positive)))
        highest = max(math.ceil(math.log10(top)), lowest + 1)
        step = max(1, math.ceil((highest - lowest) / 8))
        powers = list(range(lowest, highest + 1, step))
        if powers[-1] < highest:
            powers.append(powers[-1] + step)
        return True, [10.0**p for p in powers]
    ceiling = _nice_ceiling(top)
    return False, [ceiling * i / Y_TICKS for i in range(Y_TICKS + 1)]


@dataclass
class Layout:
    """Where everything goes: the drawn domains, the scales and what is left out."""

    first: date
    last: date
    log: bool
    ticks: list[float]
    left: float
    outside: list[tuple[Series, Point]]

    @property
    def plot_width(self) -> float:
        return WIDTH - self.left - MARGIN_RIGHT

    @property
    def bottom(self) -> float:
        return HEIGHT - MARGIN_BOTTOM

    def x(self, day: date) -> float:
        span = (self.last - self.first).days
        if span == 0:
            return self.left + self.plot_width / 2
        return self.left + self.plot_width * (day - self.first).days / span

    def y(self, value: float) -> float:
        low, high = self.ticks[0], self.ticks[-1]
        if self.log:
            value = max(value, low)
            share = (math.log10(value) - math.log10(low)) / (math.log10(high) - math.log10(low))
        else:
            share = (value - low) / (high - low)
        return self.bottom - (self.bottom - MARGIN_TOP) * min(max(share, 0.0), 1.0)

    def shown(self, point: Point) -> bool:
        return self.first <= point.as_of <= self.last


def chart_layout(series: Sequence[Series]) -> Layout | None:
    """The layout for these series, None when there is nothing to plot."""
    points = [point for one in series for point in one.points]
    if not points:
        return None
    first, last = time_domain(p.as_of for p in points)
    drawn = [p for p in points if first <= p.as_of <= last]
    log, ticks = _value_ticks([v for p in drawn for v in (p.value_low, p.value_high)])
    longest = max(len(compact_number(v)) for v in ticks)
    left = AXIS_TITLE_ROOM + TICK_GAP + longest * CHAR_WIDTH + 4
    # The first date label is centred on the axis: leave room for its left half.
    left = max(left, 5 * CHAR_WIDTH + 4)
    outside = [(one, p) for one in series for p in one.points if not first <= p.as_of <= last]
    outside.sort(key=lambda pair: pair[1].as_of)
    return Layout(first, last, log, ticks, round(left, 1), outside)


def _axes_svg(layout: Layout) -> list[str]:
    out = ['<g class="axes">']
    right, bottom = WIDTH - MARGIN_RIGHT, layout.bottom
    for value in layout.ticks:
        ty = layout.y(value)
        out.append(
            f'<line class="grid" x1="{layout.left}" x2="{right}" '
            f'y1="{ty:.1f}" y2="{ty:.1f}" stroke="#dddddd"/>'
            f'<text class="tick y" x="{layout.left - TICK_GAP}" y="{ty + 4:.1f}" '
            f'text-anchor="end">{escape(compact_number(value))}</text>'
        )
    for day, label in _date_ticks(layout.first, layout.last):
        tx = layout.x(day)
        out.append(
            f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{bottom}" y2="{bottom + 5}" stroke="#333333"/>'
            f'<text class="tick x" x="{tx:.1f}" y="{bottom + 20}" '
            f'text-anchor="middle">{label}</text>'
        )
    y_title = "count (log scale)" if layout.log else "count"
    out.append(
        f'<line x1="{layout.left}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="#333333"/>'
        f'<line x1="{layout.left}" x2="{layout.left}" y1="{MARGIN_TOP}" y2="{bottom}" '
        f'stroke="#333333"/>'
        f'<text class="axis-label" x="{layout.left + layout.plot_width / 2:.1f}" '
        f'y="{HEIGHT - 6}" text-anchor="middle">as-of date</text>'
        f'<text class="axis-label y-title" transform="rotate(-90)" '
        f'x="{-(MARGIN_TOP + bottom) / 2:.1f}" y="16" text-anchor="middle">{y_title}</text>'
        "</g>"
    )
    return out


def _point_svg(point: Point, layout: Layout, colour: str, radius: int) -> str:
    px = layout.x(point.as_of)
    if point.value_high > point.value_low:
        top, base = layout.y(point.value_high), layout.y(point.value_low)
        shape = (
            f'<rect class="range" x="{px - 4:.1f}" y="{top:.1f}" width="8" '
            f'height="{max(base - top, 1.0):.1f}" fill="{colour}" fill-opacity="0.35" '
            f'stroke="{colour}" stroke-width="1.5" data-low="{point.value_low:g}" '
            f'data-high="{point.value_high:g}"/>'
        )
    else:
        py = layout.y(point.value_low)
        shape = (
            f'<circle class="point" cx="{px:.1f}" cy="{py:.1f}" r="{radius}" fill="{colour}" '
            f'stroke="#ffffff"/>'
        )
    shape += f"<title>{escape(point.label)}</title>"
    if point.href:
        return f'<a href="{escape(point.href)}" aria-label="{escape(point.label)}">{shape}</a>'
    return f"<g>{shape}</g>"


def _middle(point: Point, layout: Layout) -> float:
    return (layout.y(point.value_low) + layout.y(point.value_high)) / 2


def _series_svg(one: Series, layout: Layout) -> list[str]:
    colour = escape(one.colour)
    dash = f' stroke-dasharray="{escape(one.dash)}"' if one.dash else ""
    points = [p for p in one.points if layout.shown(p)]
    width, radius = (2, 5) if one.in_legend else (1, 3)
    coordinates = " ".join(f"{layout.x(p.as_of):.1f},{_middle(p, layout):.1f}" for p in points)
    legend = "true" if one.in_legend else "false"
    out = [
        f'<g class="series" data-source="{escape(one.source)}" data-in-legend="{legend}" '
        f'data-grades="{escape(" ".join(sorted(one.grades)))}">',
        f'<polyline points="{coordinates}" fill="none" stroke="{colour}" '
        f'stroke-width="{width}"{dash}/>',
    ]
    out.extend(_point_svg(point, layout, colour, radius) for point in points)
    out.append("</g>")
    return out


def timeline_svg(
    series: Sequence[Series], *, title: str = "Figures over time", layout: Layout | None = None
) -> Markup:
    """The chart as an `<svg>` element (empty-state text when there is nothing to plot)."""
    layout = layout or chart_layout(series)
    if layout is None:
        return Markup('<p class="empty">No dated figures match these filters.</p>')
    out = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="chart-title" data-first="{layout.first.isoformat()}" '
        f'data-last="{layout.last.isoformat()}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{escape(title)}</title>',
    ]
    out.extend(_axes_svg(layout))
    # The grey "other sources" first, so the legend's series are drawn on top.
    for one in sorted(series, key=lambda s: s.in_legend):
        if any(layout.shown(p) for p in one.points):
            out.extend(_series_svg(one, layout))
    out.append("</svg>")
    return Markup("".join(out))
