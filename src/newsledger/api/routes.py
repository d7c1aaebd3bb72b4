"""The read-only routes: one Store query each, paged.

Every listing takes `limit` (1..500, default 50) and `offset` and answers
{"items", "limit", "offset", "next_offset"}; it asks the Store for one row
more than the page to know whether a next page exists. One article comes in
parts too: its text (`text_offset`, `text_limit`) and its statements and
figures (`*_offset`, `*_limit`), each bounded by `limits`. Filters become one
`newsledger.filters.Filters` handed to the Store; FastAPI checks their types
and bounds and Filters the rest (an unknown category, since after until), so
a bad value is a 422.
Answers are Store dicts serialised once by orjson and returned as ready bytes:
the `response_model` of each route documents the shape in /openapi.json (the
tests check every answer against it), and skipping pydantic's per-row
validation and re-encoding is most of the time an answer takes.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Path, Query, Request, Response

from newsledger.api.limits import (
    DEFAULT_LIMIT,
    MAX_ARTICLE_ITEMS,
    MAX_LIMIT,
    MAX_OFFSET,
    MAX_TEXT_CHARS,
)
from newsledger.api.schemas import (
    Article,
    ArticleDetail,
    Conflict,
    Entity,
    ErrorOut,
    Figure,
    Health,
    LedgerEntry,
    Page,
    Statement,
    Stats,
    article_part,
    page,
)
from newsledger.consolidate.grades import GRADES
from newsledger.export_jsonld import CONTEXT as JSONLD_CONTEXT
from newsledger.export_jsonld import MEDIA_TYPE as JSONLD_MEDIA_TYPE
from newsledger.export_jsonld import document as jsonld_document
from newsledger.export_jsonld import entity_kinds
from newsledger.filters import MAX_ENTITY_ID, MAX_FILTER_CHARS, Filters
from newsledger.store import Store

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "router"]

router = APIRouter()

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="rows per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
TextOffset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="characters of the text to skip")
]
TextLimit = Annotated[
    int,
    Query(ge=1, le=MAX_TEXT_CHARS, description=f"characters of text, at most {MAX_TEXT_CHARS}"),
]
ItemOffset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
ItemLimit = Annotated[
    int,
    Query(ge=1, le=MAX_ARTICLE_ITEMS, description=f"items per answer, at most {MAX_ARTICLE_ITEMS}"),
]


def _text(description: str) -> Any:
    return Query(max_length=MAX_FILTER_CHARS, description=description)


Category = Annotated[str | None, _text("figure category, exact (killed, injured...)")]
Group = Annotated[str | None, _text("who is counted; case-insensitive substring")]
Place = Annotated[
    str | None,
    _text(
        "place: a country (name or ISO code: UA, Ukraine), a first-level region "
        "(Kharkiv oblast) or a place (Kharkiv), matched on the resolved place, never a "
        "substring (UK is not Ukraine)"
    ),
]
Background = Annotated[
    bool | None,
    Query(description="true: only background figures (a past event); false: only current ones"),
]
Source = Annotated[
    str | None,
    _text(
        "who states the figure: an entity's name or alias, whole words from the start "
        "(UN reaches the UN's bodies, never 'country'); unnamed for figures without one"
    ),
]
SourceId = Annotated[
    int | None, Query(ge=1, le=MAX_ENTITY_ID, description="only this source entity id")
]
Since = Annotated[date | None, Query(description="as-of date on or after (YYYY-MM-DD)")]
GradeFilter = Annotated[
    str | None,
    Query(pattern="^(" + "|".join(GRADES) + ")$", description="entry grade: " + ", ".join(GRADES)),
]
Until = Annotated[date | None, Query(description="as-of date on or before (YYYY-MM-DD)")]


def _json(data: Any) -> Response:
    return Response(orjson.dumps(data), media_type="application/json")


def _store(request: Request) -> Store:
    # Called inside the route, so in the thread that runs the query.
    return request.app.state.stores.get()


@router.get("/healthz", response_model=Health, tags=["meta"])
def healthz(request: Request) -> Response:
    """The server is up and its ledger can be read."""
    return _json(
        {
            "status": "ok",
            "schema_version": _store(request).schema_version,
            "allow_ingest": request.app.state.allow_ingest,
        }
    )


@router.get("/api/stats", response_model=Stats, tags=["meta"])
def stats(request: Request) -> Response:
    """How many articles, statements, figures and rejects the ledger holds; flags by kind."""
    return _json(_store(request).counts())


@router.get("/api/articles", response_model=Page[Article], tags=["articles"])
def list_articles(
    request: Request,
    search: Annotated[str | None, _text("full-text search over title and text")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Response:
    """Articles (without text) in the order they were stored."""
    rows = _store(request).articles(search=search, limit=limit + 1, offset=offset)
    return _json(page(list(rows), limit, offset))


@router.get(
    "/api/articles/{article_id}",
    response_model=ArticleDetail,
    responses={404: {"model": ErrorOut, "description": "no article with this id"}},
    tags=["articles"],
)
def get_article(
    request: Request,
    article_id: Annotated[str, Path(max_length=MAX_FILTER_CHARS)],
    text_offset: TextOffset = 0,
    text_limit: TextLimit = MAX_TEXT_CHARS,
    statements_offset: ItemOffset = 0,
    statements_limit: ItemLimit = MAX_ARTICLE_ITEMS,
    figures_offset: ItemOffset = 0,
    figures_limit: ItemLimit = MAX_ARTICLE_ITEMS,
) -> Response:
    """One article with a part of its text and a page of its statements and of its figures.

    Each limit defaults to its maximum (see its description); `text_length`,
    `*_total` and `*_next_offset` say what else there is and where it starts.
    """
    article = _store(request).article(article_id)
    return _json(
        article_part(
            article,
            text_offset=text_offset,
            text_limit=text_limit,
            statements_offset=statements_offset,
            statements_limit=statements_limit,
            figures_offset=figures_offset,
            figures_limit=figures_limit,
        )
    )


@router.get("/api/statements", response_model=Page[Statement], tags=["statements"])
def list_statements(
    request: Request,
    speaker: Annotated[str | None, _text("speaker; case-insensitive substring")] = None,
    article_id: Annotated[str | None, _text("only this article's statements")] = None,
    kind: Annotated[
        str | None, Query(pattern="^(direct|indirect|mixed)$", description="statement kind")
    ] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Response:
    """Quotations and reported statements with their speakers."""
    filters = Filters.of(speaker=speaker, article_id=article_id, kind=kind)
    rows = _store(request).statements(filters, limit=limit + 1, offset=offset)
    return _json(page(list(rows), limit, offset))


@router.get("/api/figures", response_model=Page[Figure], tags=["figures"])
def list_figures(
    request: Request,
    category: Category = None,
    group: Group = None,
    source: Source = None,
    source_id: SourceId = None,
    place: Place = None,
    since: Since = None,
    until: Until = None,
    background: Background = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Response:
    """Quantitative claims, one row per figure in an article."""
    filters = Filters.of(
        category=category,
        group=group,
        source=source,
        source_id=source_id,
        place=place,
        since=since,
        until=until,
        background=background,
    )
    rows = _store(request).figures(filters, limit=limit + 1, offset=offset)
    return _json(page(list(rows), limit, offset))


# The JSON-LD answer of /api/ledger?format=jsonld, as documented in /openapi.json.
_JSONLD_SCHEMA = {
    "type": "object",
    "required": ["@context", "@graph"],
    "properties": {
        "@context": {"type": "string", "enum": [JSONLD_CONTEXT]},
        "@graph": {"type": "array", "items": {"type": "object"}},
    },
}
LedgerFormat = Annotated[
    Literal["json", "jsonld"],
    Query(
        alias="format",
        description="json (a page of entries) or jsonld (the page as schema.org Claims, "
        f"{JSONLD_MEDIA_TYPE}; a Link header rel=next gives the next page)",
    ),
]


def _jsonld(request: Request, store: Store, rows: list[dict], limit: int, offset: int) -> Response:
    """A page of entries as one JSON-LD document of schema.org Claims."""
    kinds = entity_kinds(store)
    answer = Response(
        orjson.dumps(jsonld_document(rows[:limit], kinds)), media_type=JSONLD_MEDIA_TYPE
    )
    if len(rows) > limit:
        following = request.url.include_query_params(offset=offset + limit)
        answer.headers["Link"] = f'<{following}>; rel="next"'
    return answer


@router.get(
    "/api/ledger",
    response_model=Page[LedgerEntry],
    responses={200: {"content": {JSONLD_MEDIA_TYPE: {"schema": _JSONLD_SCHEMA}}}},
    tags=["ledger"],
)
def list_ledger(
    request: Request,
    category: Category = None,
    group: Group = None,
    place: Place = None,
    source: Source = None,
    source_id: SourceId = None,
    since: Since = None,
    until: Until = None,
    grade: GradeFilter = None,
    latest_first: Annotated[bool, Query(description="newest as-of date first")] = False,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    output_format: LedgerFormat = "json",
) -> Response:
    """Ledger entries: one claim with all its citations, as timelines per source."""
    store = _store(request)
    filters = Filters.of(
        category=category,
        group=group,
        place=place,
        source=source,
        source_id=source_id,
        since=since,
        until=until,
        grade=grade,
    )
    rows = store.ledger(filters, latest_first=latest_first, limit=limit + 1, offset=offset)
    if output_format == "jsonld":
        return _jsonld(request, store, list(rows), limit, offset)
    return _json(page(list(rows), limit, offset))


@router.get("/api/conflicts", response_model=Page[Conflict], tags=["ledger"])
def list_conflicts(
    request: Request,
    category: Category = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Response:
    """Contradictions between sources, or a source's count going down, with their evidence."""
    rows = _store(request).conflicts(category=category, limit=limit + 1, offset=offset)
    return _json(page(list(rows), limit, offset))


@router.get("/api/entities", response_model=Page[Entity], tags=["ledger"])
def list_entities(
    request: Request,
    search: Annotated[str | None, _text("name or alias; case-insensitive substring")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Response:
    """People and bodies consolidated across articles, with their aliases."""
    rows = _store(request).entities(search=search, limit=limit + 1, offset=offset)
    return _json(page(list(rows), limit, offset))
