"""`POST /api/articles`: ingesting articles sent as JSON, and the library function behind it.

`ingest_posted(items, store, ...)` is what the route calls and what a test can
call directly: each item goes through the same steps as a record read from a
file (`make_article`, `check_article`, `ingest_records` with analysis), then
the ledger is consolidated so the new figures show in /api/ledger. One writer
Store and one spaCy pipeline serve every POST, one POST at a time (SQLite
has one writer anyway); readers keep answering from their own connections.
The route is only mounted when the server runs with --allow-ingest, behind the
bearer-token check in `app`.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any

import anyio
import anyio.to_thread
from fastapi import APIRouter, Body, Request, Response
from pydantic import Discriminator, Field, Tag

from newsledger.api.schemas import (
    BODY_TAGS,
    MAX_ARTICLES_PER_POST,
    ArticleIn,
    ErrorOut,
    IngestResult,
)
from newsledger.article import make_article
from newsledger.ingest import ingest_records
from newsledger.models import Origin
from newsledger.quality import check_article
from newsledger.store import Store

__all__ = ["ORIGIN_PATH", "IngestState", "PostOutcome", "ingest_posted", "router"]

# Where posted articles say they came from (the `source.path` of each article).
ORIGIN_PATH = "http-api"

router = APIRouter()


@dataclass(slots=True)
class PostOutcome:
    """What one POST did: per-article status plus the counts the response shows."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[dict[str, str]] = field(default_factory=list)
    accepted: int = 0
    already_stored: int = 0
    duplicates_in_request: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "accepted": self.accepted,
            "already_stored": self.already_stored,
            "duplicates_in_request": self.duplicates_in_request,
            "rejected": len(self.rejects),
            "articles": self.articles,
            "rejects": self.rejects,
        }


def ingest_posted(
    items: Sequence[ArticleIn], store: Store, *, nlp=None, label: str | None = None
) -> PostOutcome:
    """Build, check, analyse, store and consolidate posted articles; report each one's fate.

    `label` names the request in each article's origin record ("<label> #<n>"),
    so rejects of different requests never overwrite each other.
    """
    label = label or _request_label()
    articles = []
    for number, item in enumerate(items, start=1):
        article = make_article(
            title=item.title,
            date_raw=item.date,
            url=item.url,
            text=item.text,
            origin=Origin(ORIGIN_PATH, f"{label} #{number}"),
            outlet=item.outlet,
        )
        articles.append(check_article(article))
    known = store.known_ids(article.id for article in articles)
    report = ingest_records(articles, store, analyse=True, nlp=nlp)
    rejected = {reject.origin.record: reject.reason for reject in report.rejects}
    outcome = PostOutcome()
    seen: set[str] = set()
    for article in articles:
        if article.id in known:
            status = "already_stored"
            outcome.already_stored += 1
        elif article.id in seen:
            status = "duplicate_in_request"
            outcome.duplicates_in_request += 1
        elif article.origin.record in rejected:
            status = "rejected"
            reason = rejected[article.origin.record]
            outcome.rejects.append({"record": article.origin.record, "reason": reason})
        else:
            status = "accepted"
            outcome.accepted += 1
        seen.add(article.id)
        outcome.articles.append({"id": article.id, "title": article.title, "status": status})
    if outcome.accepted:
        _consolidate(store)
    return outcome


def _consolidate(store: Store) -> None:
    from newsledger.consolidate import consolidate

    consolidate(store)


def _request_label() -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"POST {stamp} {uuid.uuid4().hex[:8]}"


class IngestState:
    """The writer side of the server: one Store, the pipeline (loaded on first POST), a lock."""

    def __init__(self, db_path: str | os.PathLike[str]) -> None:
        self.db_path = str(db_path)
        self.lock = threading.Lock()
        self._store: Store | None = None
        self._nlp = None
        # Created on the first POST: an anyio limiter belongs to a running event loop.
        self.limiter: anyio.CapacityLimiter | None = None

    def post(self, items: Sequence[ArticleIn]) -> PostOutcome:
        with self.lock:
            if self._store is None:
                self._store = Store(self.db_path)
            if self._nlp is None:
                from newsledger.nlp.pipeline import load_pipeline

                self._nlp = load_pipeline()
            return ingest_posted(items, self._store, nlp=self._nlp)

    def close(self) -> None:
        with self.lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def _one_or_many(value: Any) -> str:
    return BODY_TAGS[1] if isinstance(value, list) else BODY_TAGS[0]


# Discriminated by shape, so a bad body gets the errors of the form it has,
# not of both forms of the union.
PostedBody = Annotated[
    Annotated[ArticleIn, Tag(BODY_TAGS[0])]
    | Annotated[
        list[ArticleIn],
        Field(min_length=1, max_length=MAX_ARTICLES_PER_POST),
        Tag(BODY_TAGS[1]),
    ],
    Discriminator(_one_or_many),
    Body(
        description=f"one article, or a list of 1 to {MAX_ARTICLES_PER_POST}",
        examples=[
            {
                "title": "Bridge reopens after repairs",
                "date": "2024-05-04",
                "url": "https://news.example.org/bridge",
                "text": "The old river bridge reopened on Wednesday, the council said.",
            }
        ],
    ),
]


@router.post(
    "/api/articles",
    response_model=IngestResult,
    status_code=201,
    responses={
        200: {"model": IngestResult, "description": "nothing new was stored"},
        401: {"model": ErrorOut, "description": "missing or wrong bearer token"},
        413: {"model": ErrorOut, "description": "request body too large"},
    },
    tags=["articles"],
)
async def post_articles(request: Request, response: Response, body: PostedBody) -> dict[str, Any]:
    """Ingest articles with analysis (201 when any was new, else 200); needs the bearer token."""
    items = body if isinstance(body, list) else [body]
    state = request.app.state.ingest
    # A thread of its own, one at a time: POSTs waiting for the writer must not
    # take the few threads of the shared pool that answer the reads (app.READ_THREADS).
    if state.limiter is None:
        state.limiter = anyio.CapacityLimiter(1)
    outcome = await anyio.to_thread.run_sync(state.post, items, limiter=state.limiter)
    if not outcome.accepted:
        response.status_code = 200
    return outcome.as_dict()
