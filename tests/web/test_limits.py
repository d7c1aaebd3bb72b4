"""The article page is bounded (one part of the text at a time, with a note where it was cut);
the README quotes the Content-Security-Policy header every page really sends.

The long article is built here from the fixture articles' own sentences,
repeated to 200,000 words (1.2 million characters), with a figure at every
number, and written with `Store.write_batch`.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from newsledger.api import create_app
from newsledger.api.limits import PAGE_MARKS, PAGE_TEXT_CHARS
from newsledger.models import Analysis, Article, Figure, Origin, Span, Statement
from newsledger.store import Store
from newsledger.web import views
from newsledger.web.charts import citation_href
from newsledger.web.routes import CONTENT_SECURITY_POLICY

FIXTURE_ARTICLES = Path(__file__).with_name("articles.jsonl")
REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "test-artifacts" / "web"
LONG_ID = "long-article"
WORDS = 200_000
STARTUP_SECONDS = 60
# 100,000 characters of text with its marks and figure rows come to some
# 400 kB; the whole article's page was over 9 MB.
MAX_PAGE_BYTES = 1_000_000


def _text(words: int) -> str:
    lines = [json.loads(line)["text"] for line in FIXTURE_ARTICLES.open(encoding="utf-8")]
    copy = "\n".join(lines)
    return "\n".join([copy] * (words // len(copy.split()) + 1))


def _figure(span: Span, sentence: str, index: int) -> Figure:
    return Figure(
        value_low=1,
        value_high=1,
        qualifier="exact",
        unit=None,
        category="killed",
        count_unit="people",
        group="civilians",
        place="Kyiv",
        as_of="2022-03-02",
        period=None,
        as_of_note=None,
        source="the ministry",
        source_mention=None,
        source_kind="party",
        status="reported",
        span=span,
        sentence=sentence,
        sentence_index=index,
        part_of=None,
    )


def _analysis(text: str) -> Analysis:
    statements, figures = [], []
    for index, number in enumerate(re.finditer(r"\d[\d,.]*", text)):
        start = text.rfind("\n", 0, number.start()) + 1
        end = text.find("\n", number.end())
        end = len(text) if end < 0 else end
        line = Span(start, end, text[start:end])
        statements.append(
            Statement(
                "indirect",
                line,
                None,
                None,
                None,
                "the ministry",
                "organisation",
                "says",
                index,
                0.75,
            )
        )
        span = Span(number.start(), number.end(), number.group())
        figures.append(_figure(span, line.text, index))
    return Analysis(LONG_ID, statements=statements, figures=figures)


@pytest.fixture(scope="module")
def long_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("long") / "ledger.db"
    text = _text(WORDS)
    article = Article(
        id=LONG_ID,
        url="https://long.example.org/a",
        title="A very long article",
        published="2022-03-02",
        published_raw="2022-03-02",
        outlet="long.example.org",
        text=text,
        origin=Origin("long-test", "1"),
    )
    with Store(db) as store:
        store.write_batch([(article, _analysis(text))])
    return db


@pytest.fixture(scope="module")
def http(long_db: Path) -> Iterator[object]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    with TestClient(create_app(long_db)) as client:
        yield client


@pytest.fixture(scope="module")
def text_length(long_db: Path) -> int:
    with Store(long_db) as store:
        return len(store.article(LONG_ID)["text"])


def _plain(html: str) -> str:
    body = re.search(r'<div class="body">(.*?)</div>', html, re.S).group(1)
    body = re.sub(r"</?mark[^>]*>", "", body)
    for escaped, raw in (("&lt;", "<"), ("&gt;", ">"), ("&#34;", '"'), ("&#39;", "'")):
        body = body.replace(escaped, raw)
    return body.replace("&amp;", "&")


def test_the_first_part_is_bounded_and_says_where_it_was_cut(http, text_length: int) -> None:
    assert text_length > 10 * PAGE_TEXT_CHARS
    response = http.get(f"/articles/{LONG_ID}")
    assert response.status_code == 200
    assert len(response.content) < MAX_PAGE_BYTES
    html = response.text
    assert f"Text cut at {PAGE_TEXT_CHARS:,} of {text_length:,} characters" in html
    assert f'href="/articles/{LONG_ID}?text_offset={PAGE_TEXT_CHARS}" rel="next"' in html
    assert len(_plain(html)) == PAGE_TEXT_CHARS
    # Marks and figure rows are those of this part only.
    anchors = [int(start) for start in re.findall(r'id="fig-(\d+)-\d+"', html)]
    assert anchors and max(anchors) < PAGE_TEXT_CHARS


def test_the_next_parts_follow_on_to_the_end(http, long_db: Path, text_length: int) -> None:
    with Store(long_db) as store:
        text = store.article(LONG_ID)["text"]
    second = http.get(f"/articles/{LONG_ID}", params={"text_offset": PAGE_TEXT_CHARS}).text
    assert _plain(second) == text[PAGE_TEXT_CHARS : 2 * PAGE_TEXT_CHARS]
    assert f"this part starts at character {PAGE_TEXT_CHARS:,}" in second
    assert f'href="/articles/{LONG_ID}" rel="prev"' in second
    last_start = (text_length - 1) // PAGE_TEXT_CHARS * PAGE_TEXT_CHARS
    # An offset past the end, or not a number, still shows a part.
    last = http.get(f"/articles/{LONG_ID}", params={"text_offset": 10**9}).text
    assert _plain(last) == text[last_start:]
    assert "The end of the text" in last and 'rel="next"' not in last
    assert "Text cut at" in http.get(f"/articles/{LONG_ID}?text_offset=x%C2%B2").text


def test_views_cut_marks_at_the_part_edges(long_db: Path) -> None:
    with Store(long_db) as store:
        page = views.article_page(store, LONG_ID, text_offset=PAGE_TEXT_CHARS + 5)
    assert page["part"]["start"] == PAGE_TEXT_CHARS
    assert page["part"]["previous"] == 0 and page["part"]["next"] == 2 * PAGE_TEXT_CHARS
    assert all(
        f["end"] >= PAGE_TEXT_CHARS and f["start"] < 2 * PAGE_TEXT_CHARS for f in page["figures"]
    )
    assert page["figures_in_part"] < page["figures_total"]
    # A dense fixture: a statement and a figure at every number, more than PAGE_MARKS a part.
    assert page["marks_cut"]
    assert f"Only the first {PAGE_MARKS:,} of this part's" in page["marks_note"]


def test_links_to_a_later_figure_open_its_part() -> None:
    late = {"article_id": "a/b", "start": PAGE_TEXT_CHARS + 7, "end": PAGE_TEXT_CHARS + 9}
    assert citation_href(late) == (
        f"/articles/a%2Fb?text_offset={PAGE_TEXT_CHARS}#fig-{late['start']}-{late['end']}"
    )
    assert citation_href({"article_id": "a", "start": 1, "end": 2}) == "/articles/a#fig-1-2"


def test_readme_quotes_the_content_security_policy_that_is_sent(http) -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Content-Security-Policy: {CONTENT_SECURITY_POLICY}\n" in readme
    for path in ("/", f"/articles/{LONG_ID}", "/articles/no-such-article"):
        assert http.get(path).headers["content-security-policy"] == CONTENT_SECURITY_POLICY


@pytest.fixture(scope="module")
def long_server(long_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`newsledger serve` over the long article's ledger, for the browser."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = tmp_path_factory.mktemp("long-server") / "serve.log"
    command = [sys.executable, "-m", "newsledger", "serve", "--db", str(long_db)]
    command += ["--host", "127.0.0.1", "--port", str(port), "--no-access-log"]
    env = {key: value for key, value in os.environ.items() if key != "NEWSLEDGER_DB"}
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
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


def test_the_cut_note_is_visible_and_leads_to_the_next_part(
    watched, long_server: str, text_length: int
) -> None:
    response = watched.page.goto(f"{long_server}/articles/{LONG_ID}", wait_until="load")
    assert response is not None and response.status == 200
    note = watched.page.locator("p.part-note").first
    assert note.is_visible()
    assert f"Text cut at {PAGE_TEXT_CHARS:,} of {text_length:,} characters" in note.inner_text()
    # The viewport only: the whole part is a 13 MB full-page screenshot.
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    watched.page.screenshot(path=str(ARTIFACTS / "article-long-first-part.png"))
    with watched.page.expect_navigation():
        note.locator("a[rel=next]").click()
    assert watched.page.url.endswith(f"?text_offset={PAGE_TEXT_CHARS}")
    second = watched.page.locator("p.part-note").first.inner_text()
    assert f"this part starts at character {PAGE_TEXT_CHARS:,}" in second
    assert watched.errors == []
