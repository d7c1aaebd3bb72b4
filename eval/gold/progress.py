"""Rewrite the Progress section of README.md from figures.jsonl and sample.jsonl."""
import collections
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def half(r):
    if r["corpus"].startswith("wikinews"):
        return "wikinews"
    return "guardian" if r["id"].startswith("guardian") else "gdelt"


rows = [json.loads(l) for l in open(HERE / "figures.jsonl")]
sample = [json.loads(l) for l in open(HERE / "sample.jsonl")]
done = collections.Counter((half(r), r["part"]) for r in rows)
figs = collections.Counter()
for r in rows:
    figs[(half(r), r["part"])] += len(r["figures"])
tot = collections.Counter((half(r), r["part"]) for r in sample)
lines = ["| half | part | annotated | figures | in sample |", "|---|---|---|---|---|"]
for k in sorted(tot):
    lines.append(f"| {k[0]} | {k[1]} | {done.get(k, 0)} | {figs.get(k, 0)} | {tot[k]} |")
nf = sum(len(r["figures"]) for r in rows)
empty = sum(1 for r in rows if not r["figures"])
rest = (f"the other {120 - len(rows)} are still to do (in sample order, train part)"
        if len(rows) < 120 else "none is left to do for figures")
s = "\n".join(lines) + (
    f"\n\n{len(rows)} of 120 articles annotated for figures ({nf} figures; {empty} articles "
    f"read with no casualty figure); {rest}. "
    "Statements: not annotated yet (guidelines in GUIDELINES.md §3, for a later pass by "
    "another session; at least 60 articles are needed).")
readme = (HERE / "README.md").read_text()
(HERE / "README.md").write_text(readme.split("## Progress")[0] + "## Progress\n" + s + "\n")
print(s)
