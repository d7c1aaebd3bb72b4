"""The dashboard's HTML routes: parse the query, call one `views` function, render a template.

Templates are Jinja2 with autoescaping on for every template, so any text
from the ledger is escaped unless a view hands over Markup it built from
escaped pieces (the chart, the highlighted article body). Every page carries
a Content-Security-Policy that allows styles, images and scripts only from this
server's own files (it serves no script), so an inline script or event
attribute that slipped through could not run. The README quotes the header
word for word (tests/web/test_limits.py checks it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

# The module, not the package: web/__init__ imports this module.
import newsledger.web.views as views
from newsledger.consolidate.grades import GRADES
from newsledger.errors import NotFoundError
from newsledger.filters import Filters
from newsledger.store import Store

__all__ = ["CONTENT_SECURITY_POLICY", "STATIC_DIR", "render", "router"]

TEMPLATES_DIR = Path(__file__).with_name("templates")
STATIC_DIR = Path(__file__).with_name("static")
MAX_FIELD_CHARS = 200
MAX_OFFSET_DIGITS = 12

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

_environment = Environment(
    loader=FileSystemLoader(TEMPLATES_DIR),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_environment.filters["value"] = views.value_text
_environment.filters["segment"] = views.path_segment
_environment.filters["http_url"] = views.http_url
_environment.filters["grade_meaning"] = views.grade_meaning

router = APIRouter(include_in_schema=False)

Field = Annotated[str, Query(max_length=MAX_FIELD_CHARS)]


def render(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page from `template` with the security headers every page carries."""
    html = _environment.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status_code, headers=_HEADERS)


def _store(request: Request) -> Store:
    return request.app.state.stores.get()


def _not_found(message: str) -> HTMLResponse:
    return render("not_found.html", status_code=404, page="", message=message)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, place: Field = "") -> HTMLResponse:
    data = views.overview_page(_store(request), place=place.strip())
    return render("overview.html", page="overview", **data)


@router.get("/figures", response_class=HTMLResponse)
def figures(
    request: Request,
    category: Field = "killed",
    group: Field = "",
    place: Field = "",
    source: Field = "",
    source_id: Field = "",
    grade: Field = "",
    since: Field = "",
    until: Field = "",
) -> HTMLResponse:
    # A bad value in the form is ignored rather than refused: the page shows
    # the field empty again, which tells the user it was not understood.
    form = {"category": category, "group": group, "place": place, "source": source}
    form |= {"source_id": source_id, "grade": grade if grade in GRADES else ""}
    found = Filters.lenient({**form, "since": since, "until": until})
    filters = views.FigureFilters(
        **{name: getattr(found, name) for name in (*form, "since", "until")}
    )
    return render("figures.html", page="figures", **views.figures_page(_store(request), filters))


@router.get("/statements", response_class=HTMLResponse)
def statements(request: Request, speaker: Field = "", text: Field = "") -> HTMLResponse:
    data = views.statements_page(_store(request), speaker=speaker.strip(), text=text.strip())
    return render("statements.html", page="statements", **data)


# `:path` so that a name with a slash (quoted as %2F, decoded before routing) still matches.
@router.get("/speakers/{ref:path}", response_class=HTMLResponse)
def speaker(request: Request, ref: str) -> HTMLResponse:
    try:
        data = views.speaker_page(_store(request), ref[:MAX_FIELD_CHARS])
    except NotFoundError as exc:
        return _not_found(str(exc))
    return render("speaker.html", page="statements", **data)


def _offset(text: str) -> int:
    # Like a bad date, a bad offset is ignored: the page shows the first part.
    digits = text.isascii() and text.isdigit() and len(text) <= MAX_OFFSET_DIGITS
    return int(text) if digits else 0


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, text_offset: Field = "") -> HTMLResponse:
    try:
        data = views.article_page(
            _store(request), article_id[:MAX_FIELD_CHARS], text_offset=_offset(text_offset)
        )
    except NotFoundError as exc:
        return _not_found(str(exc))
    return render("article.html", page="", **data)


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts(request: Request, category: Field = "", place: Field = "") -> HTMLResponse:
    category = category if category in views.CATEGORIES else ""
    data = views.conflicts_page(_store(request), category=category, place=place.strip())
    return render("conflicts.html", page="conflicts", **data)
