"""Ready JSON answers for repeated GETs, dropped as soon as the ledger changes.

The API is read-heavy and a dashboard asks the same questions again and again;
an answer costs milliseconds of SQL and JSON, a cached one microseconds. The
cache is an ASGI middleware in front of the whole app: a 200 answer to a GET
under /api/ is kept under its path and raw query string, and served again
from the event loop (no thread hop, no routing) while the ledger is unchanged.

Invalidation: a watcher connection of its own asks SQLite for
`PRAGMA data_version`, which changes whenever any other connection or process
commits (a POST's writer, a `newsledger ingest` running next to the server).
Every request reads the current generation before anything else; an answer
is stored under the generation read before it was computed and only served
while that generation is current, so an answer computed across a commit is
never served after it. A POST (ingest) also drops the cache when it finishes.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from typing import Any

from newsledger.store import Store

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_MAX_ENTRIES", "ResponseCache", "ResponseCacheMiddleware"]

DEFAULT_MAX_ENTRIES = 20_000
DEFAULT_MAX_BYTES = 128 * 1024 * 1024
CACHED_PREFIX = "/api/"
# An answer bigger than this is rare and cheap to recompute relative to its size.
MAX_BODY_BYTES = 4 * 1024 * 1024


class ResponseCache:
    """(path, query) -> (headers, body) for one generation of the ledger, least recent out first."""

    def __init__(
        self,
        db_path: str | os.PathLike[str],
        *,
        max_entries: int = DEFAULT_MAX_ENTRIES,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        # check_same_thread is off in Store; the lock keeps this connection to one user at a time.
        self._watcher = Store(db_path)
        self._lock = threading.Lock()
        self._data_version = self._watcher.data_version()
        self._generation = 0
        self._entries: OrderedDict[str, tuple[list, bytes]] = OrderedDict()
        self._bytes = 0
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.hits = 0
        self.misses = 0

    def generation(self) -> int:
        """The current generation, after dropping everything if the database changed."""
        with self._lock:
            version = self._watcher.data_version()
            if version != self._data_version:
                self._data_version = version
                self._drop()
            return self._generation

    def invalidate(self) -> None:
        with self._lock:
            self._drop()

    def get(self, key: str, generation: int) -> tuple[list, bytes] | None:
        with self._lock:
            if generation != self._generation:
                return None
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: str, generation: int, headers: list, body: bytes) -> None:
        if len(body) > MAX_BODY_BYTES:
            return
        with self._lock:
            if generation != self._generation:
                return
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old[1])
            self._entries[key] = (headers, body)
            self._bytes += len(body)
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= len(dropped)

    def __len__(self) -> int:
        return len(self._entries)

    def close(self) -> None:
        with self._lock:
            self._watcher.close()

    def _drop(self) -> None:
        self._generation += 1
        self._entries.clear()
        self._bytes = 0


class ResponseCacheMiddleware:
    """Serves cached GET answers under /api/; keeps new 200 ones; drops all after a POST."""

    def __init__(self, app: Any, cache: ResponseCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(CACHED_PREFIX):
            await self.app(scope, receive, send)
            return
        if scope["method"] != "GET":
            try:
                await self.app(scope, receive, send)
            finally:
                self.cache.invalidate()
            return
        key = scope["path"] + "?" + scope["query_string"].decode("latin-1")
        generation = self.cache.generation()
        found = self.cache.get(key, generation)
        if found is not None:
            headers, body = found
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: dict = {}
        chunks: list[bytes] = []

        async def keep(message: dict) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body" and start.get("status") == 200:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self.cache.put(key, generation, list(start["headers"]), b"".join(chunks))
            await send(message)

        await self.app(scope, receive, keep)
