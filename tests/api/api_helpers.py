"""Helpers for the HTTP API tests: running the CLI and real `newsledger serve` processes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

FIXTURE_ARTICLES = Path(__file__).with_name("articles.jsonl")
TOKEN = "test-token-0123456789abcdef"
TOKEN_ENV = "NEWSLEDGER_TEST_TOKEN"
STARTUP_SECONDS = 60


def newsledger(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsledger", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(env),
        timeout=600,
    )


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(extra or {})}
    env.pop("NEWSLEDGER_DB", None)
    return env


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    db: Path
    process: subprocess.Popen
    log: Path

    def client(self, **kwargs) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120, **kwargs)


def start_server(db: Path, log: Path, *extra: str, env: dict[str, str] | None = None) -> Server:
    port = free_port()
    command = [sys.executable, "-m", "newsledger", "serve", "--db", str(db)]
    command += ["--host", "127.0.0.1", "--port", str(port), "--no-access-log", *extra]
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=_env(env))
    server = Server(f"http://127.0.0.1:{port}", db, process, log)
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if httpx.get(f"{server.url}/healthz", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    stop_server(server)
    pytest.fail(f"server did not come up: {log.read_text(encoding='utf-8')}")


def stop_server(server: Server) -> None:
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(timeout=15)
