"""Load the real-news gold set for a scorer (issue 16, deliverable 4).

    from eval.gold.gold import load
    articles = load()            # None when ../shared/data/corpus is absent
    for a in articles: a["text"], a["date"], a["part"], a["figures"], a["doubts"]

Each article is the figures.jsonl line plus the record's text and date, read at
run time from the shared corpus (the texts are never stored in the repository).
`load(part="validation")` keeps one part. Returns None, after printing why, when
the corpus is not there, so a caller can skip instead of failing.
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / "shared" / "data" / "corpus"


def load(part=None, corpus_dir=CORPUS):
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.exists():
        print(f"real-news gold set skipped: corpus not found at {corpus_dir}", file=sys.stderr)
        return None
    rows = [json.loads(l) for l in open(HERE / "figures.jsonl", encoding="utf-8")]
    records = {}
    for rel in {r["corpus"] for r in rows}:
        with open(corpus_dir / rel, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    rec = json.loads(line)
                    records[(rel, rec["id"])] = rec
    out = []
    for r in rows:
        if part and r["part"] != part:
            continue
        rec = records[(r["corpus"], r["id"])]
        a = dict(r, text=rec["text"], date=rec["date"])
        for f in a["figures"]:
            assert a["text"][f["start"]:f["end"]] == f["text"], (r["id"], f["text"])
        out.append(a)
    return out


if __name__ == "__main__":
    arts = load()
    if arts is None:
        sys.exit(0)
    for p in ("validation", "train"):
        sel = [a for a in arts if a["part"] == p]
        print(p, len(sel), "articles", sum(len(a["figures"]) for a in sel), "figures")
