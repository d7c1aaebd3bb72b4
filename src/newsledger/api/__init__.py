"""The HTTP API: a FastAPI application over the ledger, served by `newsledger serve`.

`create_app(db_path, *, allow_ingest=False, token=None, max_body_bytes=...)`
builds it (`app`); the read routes are in `routes`, POST /api/articles in
`ingest`, the request and response shapes (hence the OpenAPI spec) in `schemas`.
"""

from __future__ import annotations

from newsledger.api.app import DEFAULT_MAX_BODY_BYTES, create_app

__all__ = ["DEFAULT_MAX_BODY_BYTES", "create_app"]
