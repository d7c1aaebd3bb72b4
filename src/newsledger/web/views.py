"""What each dashboard page shows, built from Store calls: plain dicts for the templates.

One function per page, each taking an open Store and the page's parameters;
no HTML here except the chart and the highlighted text, which come as Markup
from `charts` and `highlight`. Every listing is bounded (`MAX_*`) so a large
ledger costs a page a bounded amount of work; a page says when it shows only
the first rows. An article page shows one part of the text
(`newsledger.api.limits.PAGE_TEXT_CHARS` characters) with the marks and
figures inside it, and says where the part was cut.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields, replace
from itertools import islice
from typing import Any
from urllib.parse import quote

from newsledger.api.limits import PAGE_FIGURE_ROWS, PAGE_MARKS, PAGE_TEXT_CHARS
from newsledger.errors import NotFoundError
from newsledger.filters import Filters
from newsledger.models import CATEGORIES
from newsledger.store import Store
from newsledger.web.charts import build_series, chart_layout, citation_href, timeline_svg
from newsledger.web.highlight import (
    Highlight,
    article_href,
    figure_anchor,
    figure_highlights,
    highlight_text,
    statement_anchor,
    statement_highlights,
    text_part_start,
)

__all__ = [
    "CATEGORIES",
    "FigureFilters",
    "article_page",
    "conflicts_page",
    "figures_page",
    "http_url",
    "overview_page",
    "path_segment",
    "speaker_page",
    "statements_page",
    "value_text",
]

# The counts the overview leads with.
MAIN_CATEGORIES = ("killed", "injured")
MAX_LATEST_ROWS = 30
MAX_LEDGER_SCAN = 5000
MAX_CHART_ENTRIES = 3000
MAX_TABLE_ROWS = 500
MAX_OUTSIDE_LISTED = 20
MAX_CONFLICTS = 50
MAX_OVERVIEW_CONFLICTS = 10
MAX_FLAGGED = 20
MAX_ARTICLE_SCAN = 20_000
MAX_STATEMENTS = 200
MAX_STATEMENT_SCAN = 50_000
MAX_ENTITY_SCAN = 50_000
# Flags an analyst should look at (the others record harmless clean-ups).
NOTABLE_FLAGS = (
    "date_inconsistent",
    "date_missing",
    "date_unparseable",
    "duplicate_of",
    "encoding",
)


def path_segment(text: Any) -> str:
    """`text` quoted to be one URL path segment (a slash included)."""
    return quote(str(text), safe="")


def http_url(url: Any) -> str | None:
    """`url` if it is http(s), else None: a `javascript:` URL must never become a link."""
    text = str(url or "")
    return text if text.lower().startswith(("http://", "https://")) else None


def value_text(row: Mapping[str, Any]) -> str:
    """A ledger entry or figure's value as people write it: "at least 1,200", "10–20"."""
    low, high = row.get("value_low"), row.get("value_high")

    def number(value: Any) -> str:
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"

    if low is None and high is None:
        return "?"
    if low is None or high is None or low == high:
        text = number(low if low is not None else high)
    else:
        text = f"{number(low)}–{number(high)}"
    qualifier = row.get("qualifier")
    if qualifier and qualifier != "exact":
        text = f"{qualifier.replace('_', ' ')} {text}"
    return text


def _entry_view(entry: Mapping[str, Any]) -> dict[str, Any]:
    citations = [{**c, "href": citation_href(c)} for c in entry.get("citations") or []]
    return {**entry, "value": value_text(entry), "citations": citations}


# overview ------------------------------------------------------------------


def _latest_per_source(store: Store, category: str) -> tuple[list[dict], bool]:
    # Ledger rows come by source then newest as-of first: the first row of each
    # (source, group) is its latest figure.
    seen: set[tuple[str | None, str | None]] = set()
    latest = []
    for entry in islice(store.ledger(category=category, latest_first=True), MAX_LEDGER_SCAN):
        key = (entry["source"], entry["group"])
        if key in seen:
            continue
        seen.add(key)
        latest.append(_entry_view(entry))
        if len(latest) > MAX_LATEST_ROWS:
            return latest[:MAX_LATEST_ROWS], True
    return latest, False


def _flagged_articles(store: Store) -> list[dict]:
    flagged = []
    for article in islice(store.articles(), MAX_ARTICLE_SCAN):
        notable = [flag for flag in article["flags"] if flag["kind"] in NOTABLE_FLAGS]
        if notable:
            flagged.append({**article, "notable_flags": notable})
            if len(flagged) == MAX_FLAGGED:
                break
    return flagged


def overview_page(store: Store) -> dict[str, Any]:
    counts = store.counts()
    conflicts = [_conflict_view(c) for c in store.conflicts(limit=MAX_OVERVIEW_CONFLICTS + 1)]
    latest = []
    for category in MAIN_CATEGORIES:
        rows, truncated = _latest_per_source(store, category)
        latest.append({"category": category, "rows": rows, "truncated": truncated})
    return {
        "counts": counts,
        "flag_counts": sorted(counts.get("flags", {}).items()),
        "latest": latest,
        "conflicts": conflicts[:MAX_OVERVIEW_CONFLICTS],
        "more_conflicts": len(conflicts) > MAX_OVERVIEW_CONFLICTS,
        "flagged": _flagged_articles(store),
    }


# figures explorer -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FigureFilters(Filters):
    """The explorer's GET form as Filters: killed figures unless it says otherwise; an
    empty string means "any"."""

    category: str | None = "killed"

    def __post_init__(self) -> None:
        for item in fields(self):
            if getattr(self, item.name) == "":
                object.__setattr__(self, item.name, None)
        self.checked()


def filtered_entries(store: Store, filters: Filters) -> Iterator[dict]:
    """Ledger entries matching the filters."""
    return store.ledger(filters)


def _chart_view(series: list, title: str) -> dict[str, Any]:
    """The chart, its legend (top sources, the rest counted) and the figures left off its axis."""
    layout = chart_layout(series)
    outside = layout.outside if layout else []
    return {
        "chart": timeline_svg(series, title=title, layout=layout),
        "legend": [
            {"source": s.source, "colour": s.colour, "dash": s.dash, "points": len(s.points)}
            for s in series
            if s.in_legend
        ],
        "legend_more": sum(not s.in_legend for s in series),
        "outside": [
            {"as_of": point.as_of.isoformat(), "label": point.label, "href": point.href}
            for _, point in outside[:MAX_OUTSIDE_LISTED]
        ],
        "outside_total": len(outside),
        "time_range": (layout.first.isoformat(), layout.last.isoformat()) if layout else None,
        "log_scale": bool(layout and layout.log),
    }


def figures_page(store: Store, filters: FigureFilters) -> dict[str, Any]:
    entries = list(islice(filtered_entries(store, filters), MAX_CHART_ENTRIES + 1))
    truncated = len(entries) > MAX_CHART_ENTRIES
    entries = entries[:MAX_CHART_ENTRIES]
    series = build_series(entries)
    rows = sorted(
        (_entry_view(e) for e in entries),
        key=lambda row: (row.get("as_of") or "", row.get("source") or ""),
    )
    return {
        "filters": filters.form(),
        "description": filters.describe(),
        "categories": CATEGORIES,
        **_chart_view(series, f"Figures over time: {filters.describe()}"),
        "rows": rows[:MAX_TABLE_ROWS],
        "total_rows": len(rows),
        "truncated": truncated,
    }


# statements and speakers ---------------------------------------------------------


def _matches_text(statement: Mapping[str, Any], words: list[str]) -> bool:
    content = (statement.get("content") or "").casefold()
    return all(word in content for word in words)


def _statement_views(statements: Iterable[Mapping[str, Any]]) -> list[dict]:
    return [
        {**s, "href": article_href(s["article_id"], s["start"], statement_anchor(s["start"]))}
        for s in statements
    ]


def statements_page(store: Store, speaker: str = "", text: str = "") -> dict[str, Any]:
    """Statements whose speaker contains `speaker` and whose content has every word of `text`."""
    words = text.casefold().split()
    found = (
        s
        for s in islice(store.statements(speaker=speaker or None), MAX_STATEMENT_SCAN)
        if _matches_text(s, words)
    )
    statements = list(islice(found, MAX_STATEMENTS + 1))
    return {
        "speaker": speaker,
        "text": text,
        "statements": _statement_views(statements[:MAX_STATEMENTS]),
        "truncated": len(statements) > MAX_STATEMENTS,
    }


def _find_entity(store: Store, ref: str) -> dict | None:
    if ref.isdigit():
        wanted = int(ref)
        for entity in islice(store.entities(), MAX_ENTITY_SCAN):
            if entity["entity_id"] == wanted:
                return entity
        return None
    folded = ref.casefold()
    for entity in store.entities(search=ref, limit=MAX_ENTITY_SCAN):
        names = [entity["name"], *entity.get("aliases", [])]
        if any(name.casefold() == folded for name in names):
            return entity
    return None


def speaker_page(store: Store, ref: str) -> dict[str, Any]:
    """What one speaker said: `ref` is an entity id or a name (an entity's name or alias).

    With an entity, statements by any of its names count (an entity known only
    as a figure's source has none); a name that is no entity matches speakers
    containing it. NotFoundError when neither an entity nor a statement matches.
    """
    entity = _find_entity(store, ref)
    if entity is not None:
        names = {name.casefold() for name in [entity["name"], *entity.get("aliases", [])]}
        found: list[dict] = []
        for name in sorted(names):
            found += [
                s
                for s in islice(store.statements(speaker=name), MAX_STATEMENT_SCAN)
                if (s.get("speaker") or "").casefold() in names
            ]
        title = entity["name"]
    else:
        if ref.isdigit():
            raise NotFoundError(f"no entity with id {ref}")
        found = list(islice(store.statements(speaker=ref), MAX_STATEMENTS + 1))
        title = ref
    if not found and entity is None:
        raise NotFoundError(f"no statements by {ref}")
    unique = {(s["article_id"], s["start"], s["end"]): s for s in found}
    statements = sorted(unique.values(), key=lambda s: (s["article_id"], s["start"]))
    return {
        "name": title,
        "entity": entity,
        "statements": _statement_views(statements[:MAX_STATEMENTS]),
        "truncated": len(statements) > MAX_STATEMENTS,
    }


# article ------------------------------------------------------------------------


def _overlaps(row: Mapping[str, Any], start: int, end: int) -> bool:
    return row["start"] < end and row["end"] > start


def _marks_in_part(marks: list[Highlight], start: int, end: int) -> list[Highlight]:
    """Marks moved to the part's own offsets, cut at its edges.

    A mark that began in an earlier part keeps no anchor here: links to it go to
    the part where it starts.
    """
    return [
        replace(
            mark,
            start=max(mark.start, start) - start,
            end=min(mark.end, end) - start,
            anchor=mark.anchor if mark.start >= start else None,
        )
        for mark in marks
    ]


def _part_note(start: int, end: int, length: int) -> str:
    if end < length:
        note = f"Text cut at {end:,} of {length:,} characters"
        return note + (f" (this part starts at character {start:,})." if start else ".")
    return f"The end of the text: characters {start:,} to {length:,} of {length:,}."


def article_page(store: Store, article_id: str, text_offset: int = 0) -> dict[str, Any]:
    """One part of the article, statements and figures marked; NotFoundError if absent.

    The part is the PAGE_TEXT_CHARS characters holding `text_offset`; the
    statements and figures shown are those overlapping it (marks and table rows
    capped at PAGE_MARKS and PAGE_FIGURE_ROWS).
    """
    article = store.article(article_id)
    text = article.get("text") or ""
    start = text_part_start(min(text_offset, max(len(text) - 1, 0)))
    end = min(len(text), start + PAGE_TEXT_CHARS)
    all_statements = article.get("statements") or []
    all_figures = article.get("figures") or []
    statements = [s for s in all_statements if _overlaps(s, start, end)]
    figures = [f for f in all_figures if _overlaps(f, start, end)]
    marks = sorted(
        statement_highlights(statements) + figure_highlights(figures), key=lambda m: m.start
    )
    body = highlight_text(text[start:end], _marks_in_part(marks[:PAGE_MARKS], start, end))
    cut = (start, end) != (0, len(text))
    return {
        "article": {k: v for k, v in article.items() if k not in ("text", "statements", "figures")},
        "body": body,
        "part": {
            "cut": cut,
            "note": _part_note(start, end, len(text)) if cut else "",
            "start": start,
            "end": end,
            "length": len(text),
            "next": end if end < len(text) else None,
            "previous": text_part_start(start - 1) if start else None,
        },
        "statements": statements,
        "statements_total": len(all_statements),
        "figures": [
            {**f, "value": value_text(f), "anchor": figure_anchor(f["start"], f["end"])}
            for f in figures[:PAGE_FIGURE_ROWS]
        ],
        "figures_in_part": len(figures),
        "figures_total": len(all_figures),
        "figures_cut": len(figures) > PAGE_FIGURE_ROWS,
        "marks_cut": len(marks) > PAGE_MARKS,
        "marks_note": f"Only the first {PAGE_MARKS:,} of this part's {len(marks):,} highlights"
        " are marked.",
    }


# conflicts ---------------------------------------------------------------------------


def _conflict_view(conflict: Mapping[str, Any]) -> dict[str, Any]:
    return {**conflict, "entries": [_entry_view(e) for e in conflict.get("entries", [])]}


def conflicts_page(store: Store, category: str = "") -> dict[str, Any]:
    conflicts = list(store.conflicts(category=category or None, limit=MAX_CONFLICTS + 1))
    return {
        "category": category,
        "categories": CATEGORIES,
        "conflicts": [_conflict_view(c) for c in conflicts[:MAX_CONFLICTS]],
        "truncated": len(conflicts) > MAX_CONFLICTS,
    }
