"""The web dashboard: server-rendered HTML pages over the ledger, served next to the API.

`mount_dashboard(app)` adds the pages (`routes`) and their stylesheet
(`/static`) to the FastAPI app that `newsledger.api.create_app` builds. The
pages need no network and no JavaScript: the timeline chart is SVG drawn on
the server (`charts`), the article view's highlighting is built from escaped
text (`highlight`), and what each page shows comes from `views`.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from newsledger.web.routes import STATIC_DIR, router

__all__ = ["mount_dashboard"]


def mount_dashboard(app: FastAPI) -> None:
    """Serve the dashboard pages and /static on `app` (which must set app.state.stores)."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
