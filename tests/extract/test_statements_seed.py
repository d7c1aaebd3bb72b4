"""The seed record (../shared/data/seed-article.txt): who said what, with lines out of order.

Every quoted line of Astakhov's is his, "He told reporters ..." is his, and
Bachelet's quotation is Bachelet's; checked on the raw body and on the body
with the glued sentence ("hereI feel") repaired.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.extract.statements.find import extract_statements
from newsledger.nlp import load_pipeline

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED = REPO_ROOT.parent / "shared" / "data" / "seed-article.txt"
ASTAKHOV = "Astakhov Dmitry Mikhailovich"
DOUBLE_QUOTES = '"“”'

pytestmark = pytest.mark.skipif(
    not SEED.exists(), reason=f"seed record not found at {SEED} (../shared is absent)"
)


def _record() -> tuple[str, str]:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    return lines[0], "\n".join(lines[3:])


@pytest.fixture(scope="module", params=["raw", "repaired"])
def seed(request):
    title, body = _record()
    if request.param == "repaired":
        body = body.replace("hereI feel", "here. I feel")
    doc = load_pipeline()(body)
    return body, extract_statements(doc, title=title)


def _line_spans(body: str):
    position = 0
    for line in body.split("\n"):
        yield position, position + len(line), line
        position += len(line) + 1


def _speaker_ok(statement, name: str) -> bool:
    return statement.speaker is not None and name in statement.speaker


def test_every_quoted_line_of_astakhov_is_his(seed) -> None:
    body, statements = seed
    quoted_lines = [
        (start, end, line)
        for start, end, line in _line_spans(body)
        if any(mark in line for mark in DOUBLE_QUOTES) and "Bachelet" not in line
    ]
    assert len(quoted_lines) >= 7
    for start, end, line in quoted_lines:
        on_line = [
            s
            for s in statements
            if s.content.start < end and start < s.content.end and s.kind != "indirect"
        ]
        assert on_line, f"no quotation found on line {line[:60]!r}"
        for statement in on_line:
            assert _speaker_ok(statement, ASTAKHOV), (line[:60], statement.speaker)


def test_he_told_reporters_is_astakhov(seed) -> None:
    _, statements = seed
    told = [s for s in statements if s.content.text.startswith("the order had taken him")]
    assert len(told) == 1
    assert told[0].cue is not None and told[0].cue.text == "told"
    assert told[0].speaker_mention is not None and told[0].speaker_mention.text == "He"
    assert _speaker_ok(told[0], ASTAKHOV)


def test_bachelet_quote_is_bachelets(seed) -> None:
    _, statements = seed
    hers = [s for s in statements if "explosive weapons" in s.content.text]
    assert len(hers) == 1
    assert hers[0].kind == "direct"
    assert hers[0].speaker == "Bachelet"
    assert hers[0].speaker_kind == "person"


def test_title_and_description_forms_are_astakhov(seed) -> None:
    _, statements = seed
    by_mention = {s.speaker_mention.text: s for s in statements if s.speaker_mention}
    for mention in ("Lieutenant Colonel Astakhov Dmitry Mikhailovich", "The prisoner of war"):
        assert _speaker_ok(by_mention[mention], ASTAKHOV)
    assert not any(s.speaker == "Vladimir Putin" for s in statements)


def test_report_and_minister_are_sources_not_people(seed) -> None:
    _, statements = seed
    report = next(s for s in statements if "13 children" in s.content.text)
    assert report.speaker_kind == "document"
    minister = next(s for s in statements if "352" in s.content.text)
    assert minister.speaker_mention is not None
    assert minister.speaker_mention.text == "Ukraine's health minister"
