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
from newsledger.consolidate.grades import GRADES
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
from newsledger.web.lead import grade_meaning, lead_series, ordered_grades

__all__ = [
    "CATEGORIES",
    "FigureFilters",
    "article_page",
    "conflicts_page",
    "figures_page",
    "grade_meaning",
    "http_url",
    "overview_page",
    "path_segment",
    "speaker_page",
    "statements_page",
    "value_text",
]

# The counts the overview leads with.
MAIN_CATEGORIES = ("killed", "injured")
MAX_LEAD_ROWS = 15
MAX_CHART_ENTRIES = 3000
MAX_TABLE_ROWS = 500
MAX_OUTSIDE_LISTED = 20
MAX_CONFLICTS = 50
MAX_PLACE_SCAN = 50_000
MAX_OVERVIEW_CONFLICTS = 10
MAX_FLAGGED = 20
MAX_ARTICLE_SCAN = 20_000
MAX_STATEMENTS = 200
MAX_STATEMENT_SCAN = 50_000
# A statement longer than this is cut with "…" and a link to the article.
MAX_STATEMENT_CHARS = 400
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
    report_range = {
        "value_low": entry.get("report_low"),
        "value_high": entry.get("report_high"),
        "qualifier": "exact",
    }
    return {
        **entry,
        "value": value_text(entry),
        "citations": citations,
        "report_range": report_range,
    }


# overview ------------------------------------------------------------------


def _flagged_articles(store: Store) -> list[dict]:
    flagged = []
    for article in islice(store.articles(), MAX_ARTICLE_SCAN):
        notable = [flag for flag in article["flags"] if flag["kind"] in NOTABLE_FLAGS]
        if notable:
            flagged.append({**article, "notable_flags": notable})
            if len(flagged) == MAX_FLAGGED:
                break
    return flagged


def overview_page(store: Store, place: str = "") -> dict[str, Any]:
    """Counts, the leading series of each main category (in `place` when given),
    open contradictions and flagged articles."""
    counts = store.counts()
    conflicts = [_conflict_view(c) for c in store.conflicts(limit=MAX_OVERVIEW_CONFLICTS + 1)]
    return {
        "counts": counts,
        "place": place,
        "flag_counts": sorted(counts.get("flags", {}).items()),
        "leads": [
            lead_series(store, category, place or None, MAX_LEAD_ROWS)
            for category in MAIN_CATEGORIES
        ],
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
            {
                "source": s.source,
                "colour": s.colour,
                "dash": s.dash,
                "points": len(s.points),
                "grades": ordered_grades(s.grades),
            }
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
        "grades": GRADES,
        **_chart_view(series, f"Figures over time: {filters.describe()}"),
        "rows": rows[:MAX_TABLE_ROWS],
        "total_rows": len(rows),
        "truncated": truncated,
    }


# statements and speakers ---------------------------------------------------------


def _matches_text(statement: Mapping[str, Any], words: list[str]) -> bool:
    content = (statement.get("content") or "").casefold()
    return all(word in content for word in words)


def _article_facts(store: Store, ids: set[str]) -> dict[str, dict]:
    """Outlet, date, title and URL of these articles (the statement rows carry none)."""
    return {article["id"]: article for article in store.articles_by_id(ids)}


def _cut(text: str, limit: int = MAX_STATEMENT_CHARS) -> tuple[str, bool]:
    """`text` cut at a word boundary before `limit` characters (True when cut)."""
    if len(text) <= limit:
        return text, False
    head = text[:limit].rsplit(None, 1)[0] if " " in text[:limit] else text[:limit]
    return head.rstrip(" ,;:"), True


def _statement_views(store: Store, statements: list[Mapping[str, Any]]) -> list[dict]:
    facts = _article_facts(store, {s["article_id"] for s in statements})
    views = []
    for s in statements:
        article = facts.get(s["article_id"], {})
        shown, cut = _cut(s.get("content") or "")
        views.append(
            {
                **s,
                "href": article_href(s["article_id"], s["start"], statement_anchor(s["start"])),
                "shown": shown,
                "cut": cut,
                "outlet": article.get("outlet"),
                "published": article.get("published") or article.get("published_raw"),
                "article_title": article.get("title"),
            }
        )
    return views


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
        "statements": _statement_views(store, statements[:MAX_STATEMENTS]),
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
        "statements": _statement_views(store, statements[:MAX_STATEMENTS]),
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


def _in_place(store: Store, category: str, place: str) -> set[int]:
    """Ids of the entries in `place` (the store's place filter decides what matches)."""
    filters = Filters(category=category or None, place=place)
    return {entry["entry_id"] for entry in islice(store.ledger(filters), MAX_PLACE_SCAN)}


def conflicts_page(store: Store, category: str = "", place: str = "") -> dict[str, Any]:
    """Contradictions of a category; with `place`, those with an entry in that place."""
    found: Iterable[dict] = store.conflicts(category=category or None)
    if place:
        wanted = _in_place(store, category, place)
        found = (c for c in found if any(e.get("entry_id") in wanted for e in c.get("entries", [])))
    conflicts = list(islice(found, MAX_CONFLICTS + 1))
    return {
        "category": category,
        "place": place,
        "categories": CATEGORIES,
        "conflicts": [_conflict_view(c) for c in conflicts[:MAX_CONFLICTS]],
        "truncated": len(conflicts) > MAX_CONFLICTS,
    }
