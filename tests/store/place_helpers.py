"""Own-words articles about places and past events, ingested through the real pipeline.

Shared by the store, filter and consolidation tests of issue 18: a Kharkiv strike
(Ukraine), a strike on Belgorod (Russia), a stabbing in London (the UK) and a
Victory Day story with a Second World War count (background) beside a current
Odesa one.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsledger.ingest import ingest
from newsledger.store import Store

ARTICLES = (
    {
        "url": "https://news.example.org/kharkiv",
        "title": "Shelling hits Kharkiv",
        "published": "2024-05-14",
        "text": "Russian shelling killed seven civilians in Kharkiv on Tuesday, the regional "
        "governor Oleh Syniehubov said.\nHe said 20 people were injured in the city.",
    },
    {
        "url": "https://news.example.org/belgorod",
        "title": "Drone strike on Belgorod",
        "published": "2024-05-13",
        "text": "A Ukrainian drone strike on Belgorod killed three people on Monday, the "
        "regional governor Vyacheslav Gladkov said.\nRussia's defence ministry said its air "
        "defences were working.",
    },
    {
        "url": "https://news.example.org/london",
        "title": "Stabbing in London",
        "published": "2024-05-12",
        "text": "Two people were killed in a stabbing in London on Sunday, the Metropolitan "
        "Police said.\nOfficers arrested a man at the scene.",
    },
    {
        "url": "https://news.example.org/history",
        "title": "Victory Day",
        "published": "2024-05-09",
        "text": "Russia marked Victory Day on Thursday. During the Second World War, 27 million "
        "Soviet citizens were killed, historians say.\nOn Wednesday, a missile strike killed "
        "four civilians in Odesa, the regional governor Oleh Kiper said.",
    },
)


def ingest_places(folder: Path) -> Path:
    """A ledger file in `folder` holding ARTICLES, analysed and consolidated."""
    source = folder / "places.jsonl"
    source.write_text("".join(json.dumps(article) + "\n" for article in ARTICLES), encoding="utf-8")
    path = folder / "places.db"
    with Store(path) as store:
        ingest([source], store)
    return path


def values(rows) -> list[float]:
    """The low values of figure or ledger rows, sorted."""
    return sorted(row["value_low"] for row in rows)
