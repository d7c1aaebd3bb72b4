"""Draw the real-news gold sample deterministically (issue 16, deliverable 3).

40 articles from the Guardian half of ukraine-2022.jsonl (source_repo contains
"guardian"), 40 from its GDELT-collected half (the others), 40 from
wikinews/articles.jsonl, with random.Random(20261207). Writes sample.jsonl:
{"corpus", "id", "line", "part"} (line is 1-based in the corpus file).
part = "validation" when int(sha1(id)[:8], 16) % 5 in (0, 1) else "train".
No text is copied: the texts are read from ../shared/data/corpus at run time.
"""
import hashlib
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / "shared" / "data" / "corpus"   # /work/shared/data/corpus
SEED = 20261207
N = 40


def part_of(record_id):
    return "validation" if int(hashlib.sha1(record_id.encode()).hexdigest()[:8], 16) % 5 in (0, 1) else "train"


def read(rel):
    rows = []
    with open(CORPUS / rel, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                rows.append((n, json.loads(line)))
    return rows


def draw():
    rng = random.Random(SEED)
    ukraine = read("ukraine-2022.jsonl")
    guardian = [(n, r) for n, r in ukraine if "guardian" in (r.get("source_repo") or "")]
    gdelt = [(n, r) for n, r in ukraine if "guardian" not in (r.get("source_repo") or "")]
    wikinews = read("wikinews/articles.jsonl")
    out = []
    for rel, pool in (("ukraine-2022.jsonl", guardian), ("ukraine-2022.jsonl", gdelt),
                      ("wikinews/articles.jsonl", wikinews)):
        for n, r in rng.sample(pool, N):
            out.append({"corpus": rel, "id": r["id"], "line": n, "part": part_of(r["id"])})
    return out


def main():
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}: skipping", file=sys.stderr)
        return 0
    rows = draw()
    with open(HERE / "sample.jsonl", "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    print(f"wrote {len(rows)} rows to sample.jsonl")
    return 0


if __name__ == "__main__":
    sys.exit(main())
