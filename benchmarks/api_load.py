"""HTTP API load benchmark: p50/p99 latency and errors under a bounded open-loop load.

Builds a synthetic ledger of at least 100k figures (Articles and Analysis
objects written through `Store.write_batch`, varied sources, categories,
groups, places and dates, several outlets repeating the same claim; then
`consolidate`), starts `newsledger serve` on 127.0.0.1 as a subprocess, and
sends a fixed schedule of requests (default 200 requests/s for 60 s) over a mix
of endpoints: article search, article by id, figures, ledger, conflicts,
entities and stats, with filters. Requests start at their scheduled time
whether or not earlier ones have answered (open loop), and latency is counted
from the scheduled time, so a stalled server cannot hide its queue. It stops by
itself, stops the server, prints per-endpoint and overall p50/p99 and the error
count (any non-200 answer or transport error). Exit status 1 unless
p99 <= 100 ms and there are no errors.

The requests go out through `HttpClient`, a lean keep-alive HTTP/1.1 client on
asyncio streams (uvloop when installed), because the generator shares the
machine with the server. About a fifth of the 12,000 default requests are
distinct (most article ids and dated figure filters); the others repeat a
question, as dashboards do, and the server's response cache answers them.
It needs only the runtime dependencies (what `make run` installs).

    .venv/bin/python benchmarks/api_load.py [--figures 100000] [--rate 200] [--seconds 60]
        [--db PATH (reused when it already holds enough figures)]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit
from urllib.request import urlopen

try:  # the load generator shares the machine with the server: the lighter loop helps
    import uvloop
except ImportError:  # pragma: no cover
    uvloop = None

from newsledger.models import Analysis, Article, Figure, Origin, Span, Statement
from newsledger.store import Store

MAX_P99_MS = 100.0
FIGURES_PER_ARTICLE = 4
CITATIONS_PER_CLAIM = 3
CLAIM_WINDOW = 40
BATCH_ARTICLES = 2000
SEED = 20240601
REQUEST_TIMEOUT_S = 10.0
MAX_CONNECTIONS = 256
# uvicorn closes a connection idle for 5 s; one idle longer than this is not reused, so
# a request never races the server's close.
IDLE_REUSE_S = 2.0
STARTUP_S = 60.0

# (source, source_kind): a few parties, bodies and media, as a real ledger has.
SOURCES = [
    ("UN human rights office", "international"),
    ("United Nations", "international"),
    ("UN refugee agency", "international"),
    ("WHO", "international"),
    ("Red Cross", "ngo"),
    ("Amnesty International", "ngo"),
    ("Doctors Without Borders", "ngo"),
    ("the health ministry", "party"),
    ("the defence ministry", "party"),
    ("the regional governor", "party"),
    ("the army", "party"),
    ("the mayor", "party"),
    ("the emergency service", "party"),
    ("police", "party"),
    ("local officials", "party"),
    ("a hospital director", "unnamed"),
    ("witnesses", "unnamed"),
    ("state media", "media"),
    ("the news agency", "media"),
    ("a monitoring group", "ngo"),
]
CATEGORIES = ["killed", "injured", "casualties", "missing", "displaced", "evacuated", "detained"]
GROUPS = ["civilians", "children", "soldiers", "people", "women", "police officers", "migrants"]
PLACES = [
    "Kharkiv", "Kyiv", "Mariupol", "Odesa", "Lviv", "Dnipro", "Gaza", "Khan Younis", "Aleppo",
    "Idlib", "Mosul", "Kabul", "Khartoum", "El Fasher", "Goma", "Port-au-Prince", "Tigray",
    "Sanaa", "Tripoli", "Benghazi", "Bamako", "Mogadishu", "Juba", "Sittwe", "Marawi",
]  # fmt: skip
OUTLETS = [f"outlet{n}.example.org" for n in range(40)]
STATUSES = ["reported", "reported", "claimed", "confirmed", "estimated", "unverified"]
QUALIFIERS = ["exact", "at_least", "more_than", "about"]
SEARCH_WORDS = ["shelling", "hospital", "convoy", "ceasefire", "border", "bridge", "market"]
VERBS = {
    "killed": "were killed",
    "injured": "were injured",
    "casualties": "were killed or injured",
    "missing": "are missing",
    "displaced": "have fled their homes",
    "evacuated": "were evacuated",
    "detained": "were detained",
}
START_DAY = date(2022, 1, 1)
DAYS = 730


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- the synthetic ledger ------------------------------------------------------


def make_claims(count: int, rng: random.Random) -> list[tuple]:
    """(day, source, source_kind, category, group, place, value), sorted by day."""
    claims = []
    for _ in range(count):
        day = START_DAY + timedelta(days=rng.randrange(DAYS))
        source, source_kind = rng.choice(SOURCES)
        value = float(rng.randrange(1, 40) * (1 + (day - START_DAY).days // 30))
        claims.append((day, source, source_kind, rng.choice(CATEGORIES), rng.choice(GROUPS),
                       rng.choice(PLACES), value))  # fmt: skip
    return sorted(claims)


def _article(number: int, rng: random.Random, claims: list[tuple]) -> tuple[Article, Analysis]:
    # An article reports claims of the same days, as several outlets do: the
    # same claim is then cited by a few articles and consolidates into one entry.
    first = rng.randrange(len(claims) - CLAIM_WINDOW)
    chosen = rng.sample(claims[first : first + CLAIM_WINDOW], FIGURES_PER_ARTICLE)
    day = max(claim[0] for claim in chosen) + timedelta(days=rng.randrange(3))
    place = chosen[0][5]
    word = rng.choice(SEARCH_WORDS)
    title = f"{place}: {word} report number {number}"
    lines, figures, statements = [], [], []
    offset = 0
    for index, (as_of, source, source_kind, category, group, place, value) in enumerate(chosen):
        number_text = str(int(value))
        sentence = f"{number_text} {group} {VERBS[category]} in {place}, {source} said."
        start = offset
        figures.append(
            Figure(
                value_low=value,
                value_high=value,
                qualifier=rng.choice(QUALIFIERS),
                unit=None,
                category=category,
                count_unit="people",
                group=group,
                place=place,
                as_of=as_of.isoformat(),
                period=None,
                as_of_note=None,
                source=source,
                source_mention=Span(
                    start + sentence.index(source), start + len(sentence) - 6, source
                ),
                source_kind=source_kind,
                status=rng.choice(STATUSES),
                span=Span(start, start + len(number_text), number_text),
                sentence=sentence,
                sentence_index=index,
            )
        )
        statements.append(
            Statement(
                kind="indirect",
                content=Span(start, start + sentence.index(","), sentence[: sentence.index(",")]),
                cue=Span(start + len(sentence) - 5, start + len(sentence) - 1, "said"),
                cue_lemma="say",
                speaker_mention=None,
                speaker=source,
                speaker_kind="organisation" if source_kind != "unnamed" else "unnamed",
                stance="says",
                sentence_index=index,
                confidence=0.9,
            )
        )
        lines.append(sentence)
        offset += len(sentence) + 1
    text = "\n".join(lines) + f"\nThe {word} was the focus of the report."
    article_id = f"bench{number:08d}"
    outlet = rng.choice(OUTLETS)
    article = Article(
        id=article_id,
        url=f"https://{outlet}/news/{article_id}",
        title=title,
        published=day.isoformat(),
        published_raw=day.strftime("%Y%m%d"),
        outlet=outlet,
        text=text,
        origin=Origin("benchmark", f"article {number}"),
    )
    return article, Analysis(article_id=article_id, statements=statements, figures=figures)


def build_ledger(db: Path, figures: int) -> dict:
    """A ledger with at least `figures` figures at `db` (reused if it already has them)."""
    with Store(db) as store:
        counts = store.counts()
        if counts["figures"] >= figures:
            print(f"reusing {db}: {counts['figures']} figures", flush=True)
            return counts
    rng = random.Random(SEED)
    articles = -(-figures // FIGURES_PER_ARTICLE)
    claims = make_claims(max(figures // CITATIONS_PER_CLAIM, CLAIM_WINDOW * 2), rng)
    started = time.perf_counter()
    with Store(db) as store:
        for first in range(0, articles, BATCH_ARTICLES):
            numbers = range(first, min(first + BATCH_ARTICLES, articles))
            batch = [_article(n, rng, claims) for n in numbers]
            store.write_batch(batch)
        written = time.perf_counter() - started
        from newsledger.consolidate import consolidate

        report = consolidate(store)
        counts = store.counts()
    print(
        f"built {db}: {articles} articles, {counts['figures']} figures in {written:.1f}s; "
        f"consolidated into {report.entries} ledger entries, {report.entities} entities, "
        f"{report.conflicts} conflicts in {report.elapsed:.1f}s",
        flush=True,
    )
    return counts


# --- the load ------------------------------------------------------------------


def request_mix(rng: random.Random, article_count: int) -> list[tuple[str, str, dict]]:
    """(endpoint label, path, params) choices, weighted by repetition."""

    def since() -> str:
        return (START_DAY + timedelta(days=rng.randrange(DAYS))).isoformat()

    def pick() -> tuple[str, str, dict]:
        kind = rng.choices(
            ["search", "article", "figures", "ledger", "conflicts", "entities", "stats"],
            weights=[15, 15, 25, 25, 8, 8, 4],
        )[0]
        if kind == "search":
            words = rng.choice([rng.choice(SEARCH_WORDS), rng.choice(PLACES)])
            return kind, "/api/articles", {"search": words, "limit": 20}
        if kind == "article":
            return kind, f"/api/articles/bench{rng.randrange(article_count):08d}", {}
        if kind == "figures":
            params = rng.choice(
                [
                    {"category": rng.choice(CATEGORIES)},
                    {"category": rng.choice(CATEGORIES), "group": rng.choice(GROUPS)},
                    {"place": rng.choice(PLACES), "since": since()},
                    {"source": rng.choice(SOURCES)[0].split()[-1]},
                    {"category": "killed", "place": rng.choice(PLACES), "offset": 50},
                ]
            )
            return kind, "/api/figures", params
        if kind == "ledger":
            params = rng.choice(
                [
                    {"category": rng.choice(CATEGORIES), "group": rng.choice(GROUPS)},
                    {"category": rng.choice(CATEGORIES), "place": rng.choice(PLACES)},
                    {"source": rng.choice(SOURCES)[0], "latest_first": "true"},
                    {"category": "killed", "group": "civilians", "place": rng.choice(PLACES)},
                ]
            )
            return kind, "/api/ledger", params
        if kind == "conflicts":
            return kind, "/api/conflicts", rng.choice([{}, {"category": rng.choice(CATEGORIES)}])
        if kind == "entities":
            search = rng.choice(["UN", "ministry", "Red"])
            return kind, "/api/entities", rng.choice([{}, {"search": search}])
        return kind, "/api/stats", {}

    return [pick() for _ in range(10_000)]


class HttpClient:
    """A lean HTTP/1.1 GET client over keep-alive asyncio streams, one request per connection.

    httpx spends about a millisecond of CPU per request, which on a small
    machine is taken from the server being measured; this spends a tenth of
    that. An idle connection is reused; without one a new connection opens (up
    to MAX_CONNECTIONS, beyond which a request waits, and the wait counts in its
    latency since latency runs from the scheduled time).
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter, float]] = []
        self._open = 0
        self._freed = asyncio.Condition()

    async def get(self, target: str) -> int:
        """The status of GET `target` (path and query), body read in full."""
        reader, writer = await self._connection()
        try:
            writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status_line, *header_lines = head.decode("latin-1").split("\r\n")
            status = int(status_line.split(" ", 2)[1])
            headers = dict(
                (name.strip().lower(), value.strip())
                for name, _, value in (line.partition(":") for line in header_lines if line)
            )
            if headers.get("transfer-encoding", "").lower() == "chunked":
                while size := int((await reader.readuntil(b"\r\n")).strip(), 16):
                    await reader.readexactly(size + 2)
                await reader.readuntil(b"\r\n")
            else:
                await reader.readexactly(int(headers.get("content-length", "0")))
        except BaseException:
            await self._discard(writer)
            raise
        if headers.get("connection", "").lower() == "close":
            await self._discard(writer)
        else:
            async with self._freed:
                self._idle.append((reader, writer, time.monotonic()))
                self._freed.notify()
        return status

    async def _connection(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        async with self._freed:
            while not self._idle and self._open >= MAX_CONNECTIONS:
                await self._freed.wait()
            while self._idle:
                reader, writer, since = self._idle.pop()
                if time.monotonic() - since < IDLE_REUSE_S:
                    return reader, writer
                writer.close()
                self._open -= 1
            self._open += 1
        try:
            return await asyncio.open_connection(self.host, self.port)
        except BaseException:
            await self._discard(None)
            raise

    async def _discard(self, writer: asyncio.StreamWriter | None) -> None:
        if writer is not None:
            writer.close()
        async with self._freed:
            self._open -= 1
            self._freed.notify()

    async def close(self) -> None:
        for _, writer, _ in self._idle:
            writer.close()
        self._idle.clear()


async def run_load(base_url: str, rate: float, seconds: float, mix: list) -> dict:
    total = int(rate * seconds)
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    examples: list[str] = []
    slowest: dict[int, float] = {}
    address = urlsplit(base_url)
    client = HttpClient(address.hostname or "127.0.0.1", address.port or 80)
    targets = [(label, f"{path}?{urlencode(params)}" if params else path)
               for label, path, params in mix]  # fmt: skip

    cold: list[float] = []  # requests whose target was never asked before: no cached answer
    seen: set[str] = set()

    async def one(scheduled: float, label: str, target: str, first: bool) -> None:
        try:
            status = await asyncio.wait_for(client.get(target), REQUEST_TIMEOUT_S)
            ok = status == 200
            problem = str(status)
        except (TimeoutError, OSError, EOFError, asyncio.LimitOverrunError, ValueError) as exc:
            ok, problem = False, type(exc).__name__
        latency = (time.perf_counter() - scheduled) * 1000
        latencies[label].append(latency)
        if first:
            cold.append(latency)
        second = int(scheduled - start)
        slowest[second] = max(slowest.get(second, 0.0), latency)
        if not ok:
            errors[label] += 1
            if len(examples) < 5:
                examples.append(f"{problem} {target}")

    tasks = []
    start = time.perf_counter() + 0.5
    for number in range(total):
        scheduled = start + number / rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        label, target = targets[number % len(targets)]
        first = target not in seen
        seen.add(target)
        tasks.append(asyncio.create_task(one(scheduled, label, target, first)))
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - start
    await client.close()
    return {"latencies": latencies, "errors": errors, "examples": examples, "elapsed": elapsed,
            "slowest": slowest, "cold": cold}  # fmt: skip


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def report(result: dict, rate: float, seconds: float) -> bool:
    latencies, errors = result["latencies"], result["errors"]
    everything = [ms for values in latencies.values() for ms in values]
    print(f"\n{len(everything)} requests in {result['elapsed']:.1f}s "
          f"(target {rate:g}/s for {seconds:g}s, open loop)")  # fmt: skip
    header = ("endpoint", "requests", "p50 ms", "p99 ms", "max ms", "errors")
    print(f"{header[0]:<10} " + " ".join(f"{h:>8}" for h in header[1:5]) + f" {header[5]:>6}")
    for label in sorted(latencies):
        values = latencies[label]
        print(
            f"{label:<10} {len(values):>8} {statistics.median(values):>8.1f} "
            f"{_percentile(values, 0.99):>8.1f} {max(values):>8.1f} {errors[label]:>6}"
        )
    p50, p99 = statistics.median(everything), _percentile(everything, 0.99)
    error_count = sum(errors.values())
    print(f"{'all':<10} {len(everything):>8} {p50:>8.1f} {p99:>8.1f} {max(everything):>8.1f} "
          f"{error_count:>6}")  # fmt: skip
    cold = result["cold"]
    if cold:
        # the answers the response cache cannot have: what an uncached server would cost
        print(f"{'first-time':<10} {len(cold):>8} {statistics.median(cold):>8.1f} "
              f"{_percentile(cold, 0.99):>8.1f} {max(cold):>8.1f}   (cache cold)")  # fmt: skip
    worst = sorted(result["slowest"].items(), key=lambda item: -item[1])[:3]
    print("slowest seconds: " + ", ".join(f"{s}s {ms:.0f} ms" for s, ms in sorted(worst)))
    for example in result["examples"]:
        print(f"  error: {example}")
    passed = p99 <= MAX_P99_MS and error_count == 0
    # Other work on the machine shares its cores; a figure means little without it.
    print("load average at the end: " + " ".join(f"{n:.2f}" for n in os.getloadavg()))
    print(f"\np50 {p50:.1f} ms, p99 {p99:.1f} ms, errors {error_count}: "
          f"{'PASS' if passed else 'FAIL'} (p99 <= {MAX_P99_MS:g} ms, zero errors)")  # fmt: skip
    return passed


def serve(db: Path, log: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    command = [sys.executable, "-m", "newsledger", "serve", "--db", str(db), "--host",
               "127.0.0.1", "--port", str(port), "--no-access-log"]  # fmt: skip
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline and process.poll() is None:
        # urllib, not httpx: the benchmark needs only what `make run` installs.
        try:
            with urlopen(f"{url}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return process, url
        except OSError:  # refused while starting (URLError), or an HTTP error status
            pass
        time.sleep(0.2)
    process.kill()
    raise SystemExit(f"the server did not start:\n{log.read_text(encoding='utf-8')}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=100_000)
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--db", type=Path, default=None, help="ledger file (kept; reused)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsledger-api-load-") as scratch:
        db = args.db or Path(scratch) / "ledger.db"
        counts = build_ledger(db, args.figures)
        print(f"ledger: {counts['articles']} articles, {counts['figures']} figures, "
              f"{counts['statements']} statements", flush=True)  # fmt: skip
        mix = request_mix(random.Random(SEED + 1), counts["articles"])
        process, url = serve(db, Path(scratch) / "serve.log")
        try:
            loop_factory = uvloop.new_event_loop if uvloop is not None else None
            with asyncio.Runner(loop_factory=loop_factory) as runner:
                result = runner.run(run_load(url, args.rate, args.seconds, mix))
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
    return 0 if report(result, args.rate, args.seconds) else 1


if __name__ == "__main__":
    sys.exit(main())
