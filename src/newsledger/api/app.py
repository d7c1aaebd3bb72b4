"""Assembling the HTTP API: `create_app(db_path, ...)` returns the FastAPI application.

This module owns what is not a route: one Store per worker thread (SQLite
connections are not shared between threads; WAL lets these readers run while
an ingest writes), the request-body size limit (413), the nosniff header, the
bearer-token check, the response cache (`cache`: repeated GETs answered from
memory until the database changes), and
how errors become responses (validation and unusable filters -> 422 with a readable message,
NotFoundError -> 404, other store errors -> 503). The routes themselves are in
`routes` (reading) and `ingest` (POST /api/articles, only with allow_ingest).
No interactive docs: FastAPI's Swagger UI loads from a CDN, and the API must
work offline; the OpenAPI spec is served at /openapi.json.
"""

from __future__ import annotations

import hmac
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from newsledger.api.cache import ResponseCache, ResponseCacheMiddleware
from newsledger.api.schemas import BODY_TAGS
from newsledger.errors import NotFoundError, StoreError
from newsledger.filters import FilterError
from newsledger.store import Store

__all__ = ["DEFAULT_MAX_BODY_BYTES", "StoreProvider", "create_app"]

DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024
READ_THREADS = 6

_NOSNIFF = (b"x-content-type-options", b"nosniff")
_bearer = HTTPBearer(auto_error=False, description="the token given to `newsledger serve`")


class StoreProvider:
    """One Store per thread, opened on first use and all closed at shutdown.

    FastAPI runs plain `def` routes in a thread pool; a route asks for its
    thread's Store, so a connection is only ever used by one request at a time.
    """

    def __init__(self, db_path: str | os.PathLike[str]) -> None:
        self.db_path = str(db_path)
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.db_path)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            store.close()


class NoSniff:
    """ASGI middleware adding `X-Content-Type-Options: nosniff` to every response.

    Article text is untrusted HTML-ish input: a browser must never sniff a JSON
    answer into a page and run a <script> found in it.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_header(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), _NOSNIFF]}
            await send(message)

        await self.app(scope, receive, send_with_header)


def _field_name(location: tuple | list) -> str:
    # ("body", 0, "text") -> "body[0].text"; ("query", "limit") -> "query.limit"
    name = ""
    for index, part in enumerate(location):
        if index == 1 and location[0] == "body" and part in BODY_TAGS:
            continue
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _validation_message(errors: list[dict[str, Any]]) -> str:
    return "; ".join(f"{_field_name(e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in errors)


def _token_checker(token: str | None):
    async def require_token(
        credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),  # noqa: B008
    ) -> None:
        given = credentials.credentials if credentials is not None else ""
        if token is None or not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(
                status_code=401,
                detail="a valid bearer token is required",
                headers={"WWW-Authenticate": "Bearer"},
            )

    return require_token


def _add_error_handlers(app: FastAPI) -> None:
    """JSON answers for invalid requests (422), unknown ids (404) and store failures (503)."""

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = jsonable_encoder(exc.errors())
        return JSONResponse(
            {"detail": errors, "message": _validation_message(errors)}, status_code=422
        )

    @app.exception_handler(FilterError)
    async def _bad_filter(_: Request, exc: FilterError) -> JSONResponse:
        errors = [{"loc": ["query"], "msg": str(exc), "type": "value_error"}]
        return JSONResponse({"detail": errors, "message": str(exc)}, status_code=422)

    @app.exception_handler(NotFoundError)
    async def _not_found(_: Request, exc: NotFoundError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(StoreError)
    async def _store_error(_: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": f"the ledger cannot be read: {exc}"}, status_code=503)


def create_app(
    db_path: str | os.PathLike[str],
    *,
    allow_ingest: bool = False,
    token: str | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    response_cache: bool = True,
) -> FastAPI:
    """The API over the ledger at `db_path`; read-only unless `allow_ingest` (needs `token`).

    The database is opened (created and migrated if new) once here, so a bad
    path fails at start-up rather than on the first request.
    """
    if allow_ingest and not token:
        raise ValueError("allow_ingest needs a token: POST /api/articles is never open")
    Store(db_path).close()
    stores = StoreProvider(db_path)
    cache = ResponseCache(db_path) if response_cache else None

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Routes are plain functions run in anyio's thread pool (40 threads by
        # default). Queries hold the GIL for their Python parts, so past a few
        # threads more only means more cold connections and the event loop
        # waiting longer for the GIL, which every answer, cached or not, needs.
        anyio.to_thread.current_default_thread_limiter().total_tokens = READ_THREADS
        try:
            yield
        finally:
            stores.close()
            if cache is not None:
                cache.close()
            ingest_state = getattr(app.state, "ingest", None)
            if ingest_state is not None:
                ingest_state.close()

    app = FastAPI(
        title="newsledger",
        summary="A ledger of who claimed what in the news.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        # Starlette's limiter: 413 on a declared Content-Length over the limit,
        # and on a chunked body as soon as the bytes read pass it.
        max_body_size=max_body_bytes,
        lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.allow_ingest = allow_ingest
    app.state.response_cache = cache
    _add_error_handlers(app)

    from newsledger.api.ingest import IngestState
    from newsledger.api.ingest import router as ingest_router
    from newsledger.api.routes import router as read_router

    app.include_router(read_router)
    # The HTML dashboard (newsledger.web): its pages and /static on the same server.
    # Imported here, not at the top: newsledger.web imports newsledger.api.limits,
    # and loading that runs newsledger/api/__init__, which imports this module.
    from newsledger.web import mount_dashboard

    mount_dashboard(app)
    if allow_ingest:
        app.state.ingest = IngestState(db_path)
        app.include_router(ingest_router, dependencies=[Depends(_token_checker(token))])
    if cache is not None:
        # Inside NoSniff, so a cached answer gets the header like a fresh one.
        app.add_middleware(ResponseCacheMiddleware, cache=cache)
    app.add_middleware(NoSniff)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsledger")
    except PackageNotFoundError:
        return "0"
