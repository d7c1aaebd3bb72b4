"""Fixtures for the HTTP API tests: a ledger ingested from own-words articles, real servers.

The ledger is built once per session by `python -m newsledger ingest` (the real
ingest, with analysis and consolidation) from tests/api/articles.jsonl. Each
server is a real `python -m newsledger serve` process on 127.0.0.1 and a free
port; a fixture waits for /healthz and always terminates the process.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api_helpers import (
    FIXTURE_ARTICLES,
    TOKEN,
    TOKEN_ENV,
    Server,
    newsledger,
    start_server,
    stop_server,
)


@pytest.fixture(scope="session")
def ledger_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ledger ingested (with analysis) from the own-words fixture articles; do not write to it."""
    db = tmp_path_factory.mktemp("ledger") / "ledger.db"
    run = newsledger("ingest", "--db", db, FIXTURE_ARTICLES)
    assert run.returncode == 0, run.stderr
    return db


@pytest.fixture(scope="session")
def ledger_copy(ledger_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """A writable copy of the fixture ledger (the ingest closed it, so the WAL is checkpointed)."""

    def copy() -> Path:
        target = tmp_path_factory.mktemp("copy") / "ledger.db"
        shutil.copyfile(ledger_db, target)
        return target

    return copy


@pytest.fixture(scope="session")
def server(ledger_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A read-only server over the fixture ledger."""
    log = tmp_path_factory.mktemp("server") / "serve.log"
    running = start_server(ledger_db, log)
    try:
        yield running
    finally:
        stop_server(running)


@pytest.fixture(scope="module")
def ingest_server(ledger_copy, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with --allow-ingest over its own copy of the fixture ledger."""
    log = tmp_path_factory.mktemp("ingest-server") / "serve.log"
    running = start_server(
        ledger_copy(),
        log,
        "--allow-ingest",
        "--token-env",
        TOKEN_ENV,
        "--max-body-bytes",
        str(64 * 1024),
        env={TOKEN_ENV: TOKEN},
    )
    try:
        yield running
    finally:
        stop_server(running)


@pytest.fixture
def client(server: Server) -> Iterator[httpx.Client]:
    with server.client() as http:
        yield http
