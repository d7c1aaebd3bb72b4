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
    "")
srows = ([json.loads(l) for l in open(HERE / "statements.jsonl")]
         if (HERE / "statements.jsonl").exists() else [])
sdone = collections.Counter((half(r), r["part"]) for r in srows)
sst = collections.Counter()
spron = collections.Counter()
for r in srows:
    sst[(half(r), r["part"])] += len(r["statements"])
    spron[(half(r), r["part"])] += sum(1 for x in r["statements"] if x["speaker_is_pronoun_or_description"])
slines = ["| half | part | articles | statements | pronoun/description speakers | in sample |",
          "|---|---|---|---|---|---|"]
for k in sorted(tot):
    slines.append(f"| {k[0]} | {k[1]} | {sdone.get(k, 0)} | {sst.get(k, 0)} | {spron.get(k, 0)} | {tot[k]} |")
ns = sum(len(r["statements"]) for r in srows)
npron = sum(spron.values())
s += ("\n\n### Statements (`statements.jsonl`, GUIDELINES.md §3 and decisions S1-S44)\n"
      + "\n".join(slines)
      + f"\n\n{len(srows)} articles annotated for statements ({ns} statements, {npron} with a "
      "pronoun or description speaker; "
      f"{sum(1 for r in srows if r['part'] == 'validation')} of "
      f"{sum(1 for r in sample if r['part'] == 'validation')} validation articles). "
      "Drafts are `draft-statements/<id>.json` (phrases); `python offsets.py statements` writes "
      "`statements.jsonl`; `check.py` checks content, cue and mention spans.")
readme = (HERE / "README.md").read_text()
(HERE / "README.md").write_text(readme.split("## Progress")[0] + "## Progress\n" + s + "\n")
print(s)
