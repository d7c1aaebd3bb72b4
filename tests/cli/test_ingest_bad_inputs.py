"""Bad input, end to end through `newsledger ingest`: every case is a real file made in
tmp_path, followed by a good file in the same command.

For each case: stderr names the file and the record, rejects land in
`newsledger rejects --format json`, the good file after the bad one is stored,
the exit code is 3 when something was rejected (0 otherwise), and running the
same command again adds no rows.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cli_helpers import GOOD_RECORD, SECOND_RECORD, articles, by_title, invoke, rejects, write
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

GOOD_TITLE = GOOD_RECORD.splitlines()[0]
SECOND_TITLE = SECOND_RECORD.splitlines()[0]
SECOND_URL = SECOND_RECORD.splitlines()[2]
SECOND_BODY = "\n".join(SECOND_RECORD.splitlines()[3:])


@dataclass
class Case:
    """A bad input: how to build it, and what ingest should make of it."""

    build: Callable[[Path], Path]
    rejected: int  # rejects expected from this input (0: accepted with warnings)
    stored_titles: list[str] = field(default_factory=list)  # good records inside it
    warned_flag: str | None = None  # flag an accepted record must carry
    record: str | None = None  # the record label the reject must name, when knowable


def _record(title: str, date: str, body: str, url: str) -> str:
    return f"{title}\n{date}\n{url}\n{body}\n"


def build_empty(tmp: Path) -> Path:
    return write(tmp / "empty.txt", "")


def build_title_only(tmp: Path) -> Path:
    return write(tmp / "title-only.txt", "Harbour cranes idle as dock strike begins\n")


def build_yesterday(tmp: Path) -> Path:
    return write(
        tmp / "yesterday.txt",
        _record(
            "Library fire damages rare maps",
            "yesterday",
            "A fire in the county library damaged dozens of rare maps, the archivist said.",
            "https://example.org/news/library-fire-maps",
        ),
    )


def build_missing_date(tmp: Path) -> Path:
    return write(
        tmp / "no-date.txt",
        _record(
            "Lighthouse keeper retires after forty years",
            "",
            "The keeper of the Gullrock lighthouse retired on Sunday, the harbour trust said.",
            "https://example.org/news/gullrock-keeper",
        ),
    )


def build_bad_month(tmp: Path) -> Path:
    return write(
        tmp / "month13.txt",
        _record(
            "Ferry delayed by fog in Northport",
            "20221345",
            "The morning ferry to Northport was delayed by three hours because of fog, "
            "the operator said.",
            "https://example.org/news/northport-ferry-fog",
        ),
    )


def build_binary(tmp: Path) -> Path:
    path = tmp / "noise.bin"
    path.write_bytes(os.urandom(4096))
    return path


def build_latin1(tmp: Path) -> Path:
    return write(
        tmp / "latin1.txt",
        _record(
            "Café owners in Zürich protest rent rises",
            "20230310",
            "Owners of more than 40 cafés in Zürich marched on Thursday, the organisers said.\n"
            '"Our façades are part of the city," said café owner Renée Müller.',
            "https://example.org/news/zurich-cafe-rents",
        ),
        encoding="latin-1",
    )


def build_huge_line(tmp: Path) -> Path:
    path = tmp / "huge-line.txt"
    with path.open("w", encoding="utf-8") as out:
        chunk = "word " * 20_000  # 100 kB
        for _ in range(500):  # 50 MB, no newline anywhere
            out.write(chunk)
    return path


def _warc_record(writer: WARCWriter, url: str, html: str) -> None:
    payload = html.encode("utf-8")
    http_headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    writer.write_record(
        writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(payload),
            length=len(payload),
            http_headers=http_headers,
        )
    )


def _html_page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title>"
        f'<meta name="date" content="2023-04-02"></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


WARC_GOOD_TITLE = "Volunteers clear beach after oil spill near Saltby"


def build_truncated_warc(tmp: Path) -> Path:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    _warc_record(
        writer,
        "https://example.org/news/saltby-oil-spill",
        _html_page(
            WARC_GOOD_TITLE,
            [
                "More than 200 volunteers cleared oil from the beach near Saltby on Sunday, "
                "the coastguard said.",
                '"The birds are what worry us most," said warden Ellen Price, who leads the team.',
                "The spill came from a cargo ship that ran aground on Friday night.",
            ],
        ),
    )
    complete = buffer.tell()
    _warc_record(
        writer,
        "https://example.org/news/saltby-cleanup-cost",
        _html_page(
            "Saltby clean-up to cost millions",
            [
                "The clean-up of the Saltby coast will cost several million pounds, "
                "the council said on Monday."
            ]
            * 20,
        ),
    )
    data = buffer.getvalue()
    path = tmp / "crawl.warc.gz"
    # Keep the first record whole and cut the second one in the middle.
    path.write_bytes(data[: complete + (len(data) - complete) // 2])
    return path


def build_jsonl_broken_line(tmp: Path) -> Path:
    lines = [
        json.dumps(
            {
                "title": "Dam inspection finds cracks in spillway",
                "date": "2023-03-01",
                "url": "https://example.org/news/dam-cracks",
                "text": "Inspectors found cracks in the spillway of the Brennick dam, "
                "the water agency said.",
            }
        ),
        '{"title": "Broken record", "date": "2023-03-02", "text": "no closing brace"',
        json.dumps(
            {
                "title": "School roof repaired before term",
                "date": "2023-03-03",
                "url": "https://example.org/news/school-roof",
                "text": "Builders finished the roof of Linden primary school on Friday, "
                "the head teacher said.",
            }
        ),
    ]
    return write(tmp / "feed.jsonl", "\n".join(lines) + "\n")


def build_csv_without_text(tmp: Path) -> Path:
    return write(
        tmp / "no-text.csv",
        "title,date,url\n"
        "Market hall to close for a month,2023-05-01,https://example.org/news/market\n"
        "New tram line opens,2023-05-02,https://example.org/news/tram\n",
    )


def build_html_no_body(tmp: Path) -> Path:
    return write(tmp / "empty-page.html", "<html><head><title>Nothing here</title></head></html>\n")


def build_two_formats(tmp: Path) -> Path:
    """The same article as a record file and as a JSONL line: one article in the ledger."""
    write(tmp / "bridge.txt", SECOND_RECORD)
    return write(
        tmp / "bridge.jsonl",
        json.dumps(
            {
                "title": SECOND_TITLE,
                "date": "20230602",
                "url": SECOND_URL,
                "text": SECOND_BODY,
            }
        )
        + "\n",
    )


CASES: dict[str, Case] = {
    "empty file": Case(build_empty, rejected=1),
    "title only": Case(build_title_only, rejected=1),
    "date 'yesterday'": Case(
        build_yesterday,
        rejected=0,
        stored_titles=["Library fire damages rare maps"],
        warned_flag="date_unparseable",
    ),
    "empty date line": Case(
        build_missing_date,
        rejected=0,
        stored_titles=["Lighthouse keeper retires after forty years"],
        warned_flag="date_missing",
    ),
    "date 20221345": Case(
        build_bad_month,
        rejected=0,
        stored_titles=["Ferry delayed by fog in Northport"],
        warned_flag="date_unparseable",
    ),
    "random binary": Case(build_binary, rejected=1),
    "latin-1 text": Case(
        build_latin1, rejected=0, stored_titles=["Café owners in Zürich protest rent rises"]
    ),
    "truncated warc.gz": Case(build_truncated_warc, rejected=1, stored_titles=[WARC_GOOD_TITLE]),
    "jsonl with a broken line": Case(
        build_jsonl_broken_line,
        rejected=1,
        record="line 2",
        stored_titles=[
            "Dam inspection finds cracks in spillway",
            "School roof repaired before term",
        ],
    ),
    "csv without a text column": Case(build_csv_without_text, rejected=1),
    "html without a body": Case(build_html_no_body, rejected=1),
}


def _ingest(db: Path, *paths: Path):
    return invoke(["ingest", "--no-analysis", "--db", db, *paths])


def _check_case(case: Case, tmp_path: Path, db: Path) -> None:
    bad = case.build(tmp_path)
    good = write(tmp_path / "good.txt", GOOD_RECORD)

    run = _ingest(db, bad, good)

    expected_exit = 3 if case.rejected else 0
    assert run.exit_code == expected_exit, run.stderr
    # The batch went on: the good file after the bad one is stored.
    by_title(db, GOOD_TITLE)
    for title in case.stored_titles:
        by_title(db, title)

    stored_rejects = rejects(db)
    from_bad = [r for r in stored_rejects if Path(r["path"]).name == bad.name]
    if case.rejected:
        assert len(from_bad) >= case.rejected, stored_rejects
        for reject in from_bad:
            assert reject["reason"]
            # stderr names the same file and record the ledger keeps.
            assert f"{reject['path']}, {reject['record']}" in run.stderr, run.stderr
        if case.record:
            assert any(r["record"] == case.record for r in from_bad), from_bad
    else:
        assert from_bad == []
    assert not [r for r in stored_rejects if Path(r["path"]).name == good.name]

    if case.warned_flag:
        for title in case.stored_titles:
            article = by_title(db, title)
            assert case.warned_flag in [f["kind"] for f in article["flags"]]
            source = article["source"]
            assert f"{source['path']}, {source['record']}" in run.stderr, run.stderr
            assert case.warned_flag in run.stderr

    # The closing summary always prints, even off a terminal.
    assert "accepted" in run.stderr and "articles/s" in run.stderr

    # Running the same command again adds nothing.
    counts = (len(articles(db)), len(stored_rejects))
    again = _ingest(db, bad, good)
    assert again.exit_code == expected_exit, again.stderr
    assert (len(articles(db)), len(rejects(db))) == counts


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_is_reported_and_the_batch_goes_on(name: str, tmp_path: Path, db: Path) -> None:
    _check_case(CASES[name], tmp_path, db)


@pytest.mark.slow
def test_50_mb_single_line_file(tmp_path: Path, db: Path) -> None:
    # One 50 MB line is a title with no body: a reject, not a crash or a hang.
    _check_case(Case(build_huge_line, rejected=1), tmp_path, db)


def test_latin1_text_is_decoded(tmp_path: Path, db: Path) -> None:
    run = _ingest(db, build_latin1(tmp_path))
    assert run.exit_code == 0, run.stderr
    article = by_title(db, "Café owners in Zürich protest rent rises")
    shown = invoke(["show", article["id"], "--db", db, "--format", "json"]).json()
    assert "Renée Müller" in shown["text"]


def test_same_article_in_two_formats_is_stored_once(tmp_path: Path, db: Path) -> None:
    jsonl = build_two_formats(tmp_path)
    record = tmp_path / "bridge.txt"
    run = _ingest(db, record, jsonl)
    assert run.exit_code == 0, run.stderr
    by_title(db, SECOND_TITLE)
    assert len(articles(db)) == 1
    assert rejects(db) == []
    again = _ingest(db, jsonl, record)
    assert again.exit_code == 0, again.stderr
    assert len(articles(db)) == 1


def test_missing_file_is_a_rejected_record(tmp_path: Path, db: Path) -> None:
    missing = tmp_path / "not-there.txt"
    good = write(tmp_path / "good.txt", GOOD_RECORD)
    run = _ingest(db, missing, good)
    assert run.exit_code == 3
    assert "not-there.txt" in run.stderr
    by_title(db, GOOD_TITLE)
    assert [Path(r["path"]).name for r in rejects(db)] == ["not-there.txt"]


def test_bad_field_syntax_is_a_usage_error(tmp_path: Path, db: Path) -> None:
    good = write(tmp_path / "good.txt", GOOD_RECORD)
    run = invoke(["ingest", "--db", db, "--field", "textbody", good])
    assert run.exit_code == 2
    assert "NAME=COLUMN" in run.stderr
    assert not db.exists() or articles(db) == []


def test_field_mapping_reads_renamed_columns(tmp_path: Path, db: Path) -> None:
    # Column names no alias table would guess: only --field can map them.
    csv_file = write(
        tmp_path / "renamed.csv",
        "kop,dag,adres,verhaal\n"
        "Orchard frost ruins apple crop,2023-04-20,https://example.org/news/frost,"
        '"Frost destroyed most of the apple blossom in the valley, growers said."\n',
    )
    fields = ["title=kop", "date=dag", "url=adres", "text=verhaal"]
    mapped = [arg for field_arg in fields for arg in ("--field", field_arg)]
    run = invoke(["ingest", "--no-analysis", "--db", db, "--format", "csv", *mapped, csv_file])
    assert run.exit_code == 0, run.stderr
    article = by_title(db, "Orchard frost ruins apple crop")
    assert article["published"] == "2023-04-20"
    assert article["url"] == "https://example.org/news/frost"


def test_without_field_mapping_unknown_columns_are_rejected(tmp_path: Path, db: Path) -> None:
    csv_file = write(
        tmp_path / "renamed.csv",
        "kop,dag,adres,verhaal\n"
        "Orchard frost ruins apple crop,2023-04-20,https://example.org/news/frost,"
        '"Frost destroyed most of the apple blossom in the valley, growers said."\n',
    )
    run = invoke(["ingest", "--no-analysis", "--db", db, csv_file])
    assert run.exit_code == 3, run.stderr
    assert articles(db) == []
    assert "renamed.csv" in run.stderr


def test_stdin(db: Path) -> None:
    run = invoke(["ingest", "--no-analysis", "--db", db, "-"], input=GOOD_RECORD)
    assert run.exit_code == 0, run.stderr
    assert by_title(db, GOOD_TITLE)["source"]["path"] == "-"


def test_many_warnings_of_one_kind_are_capped_and_counted(tmp_path):
    from newsledger.cli.ingest_commands import MESSAGES_PER_KIND

    lines = [
        json.dumps({"title": f"Undated story {n}", "text": f"Body of story number {n} here."})
        for n in range(MESSAGES_PER_KIND + 7)
    ]
    path = write(tmp_path / "undated.jsonl", "\n".join(lines) + "\n")
    result = invoke(["ingest", "--db", tmp_path / "l.db", "--no-analysis", path])
    assert result.exit_code == 0
    assert result.stderr.count("warning: date_missing") == MESSAGES_PER_KIND
    assert "7 more date_missing messages not shown" in result.stderr
