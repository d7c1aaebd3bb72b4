"""Each reader on an own-words fixture: what comes out, with which origin and flags."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from reader_helpers import read_all
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsledger.readers import read_inputs


def test_record_file(fixtures: Path) -> None:
    articles, rejects, stats = read_all(fixtures / "shifted-date-record.txt")
    assert rejects == [] and stats.records_seen == 1
    [article] = articles
    assert article.title.startswith("Harbour town mayor")
    assert article.published == "2023-01-05"
    assert article.url == "https://www.example-news.co.uk/world/harbour-town-storm-4471"
    assert article.outlet == "example-news.co.uk"
    assert article.origin.record == "line 1"
    assert article.lines[0] == "He said the crews had worked through two nights without rest."
    assert "come this far. We are ashamed" in article.text
    assert "Ingrid Solberg" in article.text
    kinds = {f.kind for f in article.flags}
    assert {"glued_sentences", "duplicate_lines", "normalised_text", "date_inconsistent"} <= kinds


def test_record_line3_not_a_url_is_body(tmp_path: Path) -> None:
    path = tmp_path / "no-url.txt"
    path.write_text("Title\n20220301\nFirst body line.\nSecond body line.\n", encoding="utf-8")
    [article], _, _ = read_all(path)
    assert article.url is None
    assert article.lines == ["First body line.", "Second body line."]


def test_jsonl(fixtures: Path) -> None:
    articles, rejects, _ = read_all(fixtures / "articles.jsonl")
    assert [a.title for a in articles] == [
        "Bridge reopens after repairs",
        "Ferry service suspended",
        "Library hours extended",
    ]
    assert [a.origin.record for a in articles] == ["line 1", "line 2", "line 4"]
    assert articles[0].url == "https://news.example.org/local/bridge-reopens"
    assert articles[1].flag("date_unparseable") is not None
    # defaults found headline/published_at/link/body
    assert articles[2].published == "2022-05-07" and articles[2].outlet == "example.org"
    [broken] = rejects
    assert broken.origin.record == "line 3" and "invalid JSON" in broken.reason


def test_json_array(fixtures: Path) -> None:
    articles, rejects, _ = read_all(fixtures / "articles.json")
    assert [a.origin.record for a in articles] == ["record 1", "record 2"]
    assert [a.published for a in articles] == ["2022-03-03", "2022-03-04"]
    assert articles[1].text.startswith("The weekly market")  # "content" field
    [empty] = rejects
    assert empty.origin.record == "record 3" and empty.reason == "no body text"


def test_json_single_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(
        json.dumps({"title": "T", "date": "2022-01-02", "text": "Body."}, indent=2),
        encoding="utf-8",
    )
    [article], [], _ = read_all(path)
    assert article.published == "2022-01-02"


def test_csv(fixtures: Path) -> None:
    articles, rejects, _ = read_all(fixtures / "articles.csv")
    assert rejects == []
    assert [a.origin.record for a in articles] == ["row 2", "row 3"]
    assert articles[0].url == "https://www.example.net/tram"
    assert articles[0].lines == [
        "The tram line now reaches the hospital, the transport authority said.",
        "Two new stops opened on Monday.",
    ]
    assert articles[1].flag("date_unparseable") is not None


def test_field_mapping_overrides(tmp_path: Path) -> None:
    path = tmp_path / "custom.jsonl"
    path.write_text(
        json.dumps({"story": "x", "words": "Real body.", "when": "20220101"}) + "\n",
        encoding="utf-8",
    )
    [article], [], _ = read_all(path, fields={"text": "words", "date": "when"})
    assert article.text == "Real body." and article.published == "2022-01-01"


def test_html_page(fixtures: Path) -> None:
    [article], [], _ = read_all(fixtures / "page.html")
    assert article.title == "Volunteers rebuild flooded village school"
    assert article.published == "2022-07-12"
    assert article.url == "https://www.example-gazette.com/news/2022/07/12/village-school-rebuilt"
    assert article.outlet == "example-gazette.com"
    assert article.lines[0].startswith("More than sixty volunteers")
    assert len(article.lines) >= 4  # paragraphs stay one per line
    assert "Copyright" not in article.text and "Sport" not in article.text


def _write_warc(path: Path, html: bytes, *, extra_records: bool = True) -> None:
    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=True)
        if extra_records:
            writer.write_record(writer.create_warcinfo_record("test.warc.gz", {"software": "t"}))
        for number in range(3):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    f"https://www.example-gazette.com/page-{number}",
                    "response",
                    payload=io.BytesIO(html.replace(b"sixty", f"{60 + number}".encode())),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": "2022-07-13T10:00:00Z"},
                )
            )
            if extra_records:
                image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], "HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(
                        f"https://www.example-gazette.com/img-{number}.png",
                        "response",
                        payload=io.BytesIO(b"\x89PNG..."),
                        http_headers=image,
                    )
                )


def test_warc_gz(tmp_path: Path, fixtures: Path) -> None:
    path = tmp_path / "pages.warc.gz"
    _write_warc(path, (fixtures / "page.html").read_bytes())
    articles, rejects, stats = read_all(path)
    assert rejects == [] and len(articles) == 3
    assert all(a.origin.record.startswith("offset ") for a in articles)
    offsets = [int(a.origin.record.split()[1]) for a in articles]
    assert offsets == sorted(offsets) and offsets[0] > 0
    # the page's canonical link wins over WARC-Target-URI; all three share it
    assert {a.url for a in articles} == {
        "https://www.example-gazette.com/news/2022/07/12/village-school-rebuilt"
    }
    assert stats.skipped["warc warcinfo record"] == 1
    assert stats.skipped["warc response that is not HTML"] == 3


@pytest.mark.parametrize(("fraction", "whole_records"), [(0.8, 2), (0.5, 1), (0.2, 0)])
def test_truncated_warc_gz(
    tmp_path: Path, fixtures: Path, fraction: float, whole_records: int
) -> None:
    whole = tmp_path / "whole.warc.gz"
    _write_warc(whole, (fixtures / "page.html").read_bytes(), extra_records=False)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * fraction)])
    articles, rejects, _ = read_all(cut)
    assert len(articles) == whole_records
    [damage] = rejects
    assert damage.origin.record.startswith("offset ")
    assert "truncated or corrupt" in damage.reason
    if articles:
        assert int(damage.origin.record.split()[1]) > int(articles[-1].origin.record.split()[1])


def test_sniffing_unknown_suffixes(tmp_path: Path, fixtures: Path) -> None:
    (tmp_path / "a.dat").write_bytes((fixtures / "articles.jsonl").read_bytes())
    (tmp_path / "b.dat").write_bytes((fixtures / "page.html").read_bytes())
    (tmp_path / "c.dat").write_bytes((fixtures / "shifted-date-record.txt").read_bytes())
    _write_warc(tmp_path / "d.dat", (fixtures / "page.html").read_bytes(), extra_records=False)
    articles, _, stats = read_all(tmp_path)
    assert stats.files == 4
    assert [a.origin.path.rsplit("/", 1)[1] for a in articles] == (
        ["a.dat"] * 3 + ["b.dat"] + ["c.dat"] + ["d.dat"] * 3
    )


def test_format_override(tmp_path: Path) -> None:
    path = tmp_path / "looks-like.txt"
    path.write_text('{"title": "T", "text": "Body line."}\n', encoding="utf-8")
    [article] = list(read_inputs([str(path)], format="jsonl"))
    assert article.title == "T"


def test_stdin(monkeypatch: pytest.MonkeyPatch, fixtures: Path) -> None:
    data = (fixtures / "articles.jsonl").read_bytes()
    fake = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    articles, rejects, _ = read_all("-")
    assert len(articles) == 3 and len(rejects) == 1
    assert articles[0].origin.path == "-"


def test_same_article_in_two_formats_has_one_id(tmp_path: Path, fixtures: Path) -> None:
    title, date_raw, body = (
        "Storm closes the coast road",
        "20230105",
        ("The coast road was closed on Tuesday.\nThe council said  it would reopen soon."),
    )
    record = tmp_path / "one.txt"
    record.write_text(f"{title}\n{date_raw}\n{body}\n", encoding="utf-8")
    jsonl = tmp_path / "one.jsonl"
    jsonl.write_text(
        json.dumps(
            {
                "title": title,
                "date": "2023-01-05",
                "text": body.replace("\n", "\n\n").replace("  ", " "),
            }
        )
        + "\n",
        encoding="utf-8",
    )
    [from_record], _, _ = read_all(record)
    [from_jsonl], _, _ = read_all(jsonl)
    assert from_record.id == from_jsonl.id
    assert from_record.text == from_jsonl.text


def test_directory_order_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden.txt").write_text("Hidden\n20220101\nBody.\n", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("B\n20220101\nBody b.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A\n20220101\nBody a.\n", encoding="utf-8")
    articles, _, _ = read_all(tmp_path, str(tmp_path / "sub" / "*.txt"))
    assert [a.title for a in articles] == ["A", "B", "B"]


def test_gzip_jsonl_is_not_mistaken_for_warc(tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    path.write_bytes(gzip.compress(b'{"text": "x"}\n'))
    [], [reject], _ = read_all(path)
    assert "not a WARC" in reject.reason


def test_directory_skips_documentation_beside_articles(tmp_path: Path, fixtures: Path) -> None:
    (tmp_path / "one.txt").write_bytes((fixtures / "shifted-date-record.txt").read_bytes())
    (tmp_path / "ATTRIBUTION.md").write_text("# Attribution\n\nText from somewhere.\n", "utf-8")
    (tmp_path / "README").write_text("Notes about this folder.\n", encoding="utf-8")
    articles, rejects, stats = read_all(tmp_path)
    assert [a.origin.path.rsplit("/", 1)[1] for a in articles] == ["one.txt"]
    assert rejects == [] and stats.files == 1
    # Named explicitly, a file is always read.
    named, _, _ = read_all(tmp_path / "ATTRIBUTION.md", format="record")
    assert len(named) == 1
