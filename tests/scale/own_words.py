"""Own-words news articles for the scale tests, written to disk in the input formats.

Every story has quotations, reported speech and casualty figures, so the
analysis has statements and figures to find; the feeds add what real input
has: a broken JSON line, a repeated URL, a near-duplicate copy and a record
file without a body.
"""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["RECORD_COUNT", "story", "write_jsonl", "write_record_dir"]

TOWNS = ["Arvik", "Belmora", "Corran", "Dunhal", "Eskby", "Falun", "Gorsk", "Holm", "Istra"]
SPEAKERS = [
    ("Mayor Lena Okafor", "the mayor"),
    ("Colonel Piet Varga", "the colonel"),
    ("Doctor Amal Reyes", "the doctor"),
    ("Minister Tomas Heller", "the minister"),
]
EVENTS = [
    ("a storm flooded the lower town", "drowned", "were injured"),
    ("shelling hit the market square", "were killed", "were wounded"),
    ("a ferry capsized near the harbour", "died", "were hurt"),
    ("a fire swept through a housing block", "were killed", "were injured"),
]
RECORD_COUNT = 6


def story(n: int) -> tuple[str, str]:
    """(title, body) of own-words story `n`: one sentence a line."""
    town = TOWNS[n % len(TOWNS)]
    speaker, role = SPEAKERS[n % len(SPEAKERS)]
    event, killed, injured = EVENTS[n % len(EVENTS)]
    title = f"{town}: {event} on day {n}"
    body = "\n".join(
        [
            f"At least {n + 3} people {killed} and more than {n * 4 + 10} {injured} after "
            f"{event} in {town} on Monday, {speaker} said.",
            f'"We have never seen anything like this in {town}," {role} told reporters.',
            f"The regional health office said {n + 20} people had been taken to hospital.",
            f"According to the Red Cross, about {n * 10 + 100} families were displaced.",
            f"{role.capitalize()} said the figures had not been independently verified.",
            f'"Help is on the way," said a spokesperson for the rescue service in {town}.',
        ]
    )
    return title, body


def write_jsonl(path: Path, first: int, count: int) -> Path:
    """Stories first..first+count-1 as JSONL, with a broken line, a repeat and a near-copy."""
    lines: list[str] = []
    for n in range(first, first + count):
        title, body = story(n)
        lines.append(
            json.dumps(
                {
                    "title": title,
                    "date": f"2023-04-{n % 27 + 1:02d}",
                    "url": f"https://news.example.org/story/{n}",
                    "text": body,
                }
            )
        )
    lines.insert(2, '{"title": "cut off", "text": "this line')
    lines.insert(5, lines[1])  # the same story again: one article
    title, body = story(first)
    near_copy = body.replace("on Monday", "on Monday evening")
    lines.append(
        json.dumps(
            {
                "title": title + " (update)",
                "date": "2023-04-28",
                "url": "https://other.example.net/copy",
                "text": near_copy,
            }
        )
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_record_dir(directory: Path, first: int, count: int = RECORD_COUNT) -> Path:
    """Stories in the plain record format (title, YYYYMMDD, URL, body), one file each."""
    directory.mkdir(parents=True, exist_ok=True)
    for n in range(first, first + count):
        title, body = story(n)
        record = f"{title}\n202304{n % 27 + 1:02d}\nhttps://records.example.org/{n}\n{body}\n"
        (directory / f"story-{n:03d}.txt").write_text(record, encoding="utf-8")
    (directory / "story-999-empty.txt").write_text(
        "Headline only\n20230401\nhttps://records.example.org/empty\n", encoding="utf-8"
    )
    return directory
