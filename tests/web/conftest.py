"""Fixtures for the dashboard browser tests: a real ledger, a real server, Debian's Chromium.

The ledger is built once per session by `python -m newsledger ingest` (real
analysis and consolidation) from tests/web/articles.jsonl: own-words articles
where the UN human rights office and Ukraine's health ministry give civilian
death tolls on several dates, one contradiction, one article with an
inconsistent date, and one whose title and body carry HTML injection attempts.
The server is `python -m newsledger serve` on 127.0.0.1 and a free port.
`real_db` is the bundled examples/ (and ../shared/data/seed-article.txt when
present) plus three synthetic articles (a 1990 mis-dated figure, a 40,000,000
toll, a 20 million to 99.9 million range), for the chart readability tests;
`real_server_url` serves it. `ukraine_server_url` (for
tests/web/test_dashboard_browser.py) serves `ukraine_db`, the whole
../shared/data/corpus/ukraine-2022.jsonl ingested once per session (tests/conftest.py),
skipped when absent.
Chromium is /usr/bin/chromium driven by Playwright (never a downloaded
browser), with a fresh profile; `make test` installs it via apt when missing.
Each page a test opens records console errors and uncaught page errors, and
screenshots go to test-artifacts/web/.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

FIXTURE_ARTICLES = Path(__file__).with_name("articles.jsonl")
REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "test-artifacts" / "web"
EXAMPLES = REPO_ROOT / "examples"
SEED_ARTICLE = REPO_ROOT.parent / "shared" / "data" / "seed-article.txt"
SYNTHETIC_ARTICLES = [
    {
        "title": "Archive flood report",
        "date": "1990-01-01",
        "url": "https://archive.example.org/flood",
        "text": "The Red Cross said 12 people were killed in the flood.",
    },
    {
        "title": "Global toll estimate",
        "date": "2019-06-01",
        "url": "https://wire.example.org/global",
        "text": "The World Health Organization said 40,000,000 people had been killed "
        "by the disease.",
    },
    {
        "title": "Vague famine estimate",
        "date": "2019-09-01",
        "url": "https://wire.example.org/famine",
        "text": "Historians said between 20 million and 99.9 million people were killed "
        "in the famine.",
    },
]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STARTUP_SECONDS = 60
PAGE_TIMEOUT_MS = 15_000


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("NEWSLEDGER_DB", None)
    return env


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("web") / "web.db"
    ingest(db, FIXTURE_ARTICLES)
    return db


@contextmanager
def serve(db: Path, log: Path) -> Iterator[str]:
    """`python -m newsledger serve` on 127.0.0.1 and a free port, stopped at the end."""
    port = _free_port()
    command = [sys.executable, "-m", "newsledger", "serve", "--db", str(db)]
    command += ["--host", "127.0.0.1", "--port", str(port), "--no-access-log"]
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=_env())
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"serve did not start:\n{log.read_text(encoding='utf-8')}")
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def server_url(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(web_db, tmp_path_factory.mktemp("web-server") / "serve.log") as url:
        yield url


def ingest(db: Path, *paths: Path) -> None:
    """`python -m newsledger ingest` of these paths into `db` (real analysis)."""
    done = subprocess.run(
        [sys.executable, "-m", "newsledger", "ingest", "--db", str(db), *map(str, paths)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(),
        timeout=600,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="session")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples/ (and ../shared/data/seed-article.txt when present) plus
    three synthetic articles: one mis-dated to 1990, a 40,000,000 toll and a vague
    20 million to 99.9 million range, all through the normal ingest path."""
    folder = tmp_path_factory.mktemp("real")
    synthetic = folder / "synthetic.jsonl"
    synthetic.write_text(
        "\n".join(json.dumps(article) for article in SYNTHETIC_ARTICLES) + "\n", encoding="utf-8"
    )
    paths = [EXAMPLES, synthetic] + [SEED_ARTICLE] * SEED_ARTICLE.exists()
    db = folder / "real.db"
    ingest(db, *paths)
    return db


@pytest.fixture(scope="session")
def real_server_url(real_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(real_db, tmp_path_factory.mktemp("real-server") / "serve.log") as url:
        yield url


@pytest.fixture(scope="module")
def ukraine_server_url(ukraine_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(ukraine_db, tmp_path_factory.mktemp("ukraine-server") / "serve.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `apt-get install chromium` (make test does)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(PAGE_TIMEOUT_MS)
        try:
            yield context
        finally:
            context.close()


@dataclass
class Watched:
    """A browser page and every console error, page error and dialog it produced."""

    page: object
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def watched(browser_context) -> Iterator[Watched]:
    page = browser_context.new_page()
    seen = Watched(page)

    def on_console(message) -> None:
        if message.type == "error":
            seen.errors.append(f"console: {message.text}")

    def on_dialog(dialog) -> None:
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda error: seen.errors.append(f"pageerror: {error}"))
    page.on("dialog", on_dialog)
    try:
        yield seen
    finally:
        page.close()
