"""Character offsets for the gold figures (issue 16).

Annotations are written by hand in draft/<id>.json as phrases, not offsets:
  {"id": ..., "corpus": ..., "figures": [{"text": "at least 352 civilians",
   "occ": 0,            # optional: which occurrence (0-based) when not unique
   "after": "Mariupol", # optional: first occurrence after this anchor text
   ...fields...}], "doubts": [...]}
`python offsets.py` finds every phrase in the record's `text` (exact match),
refuses a phrase that is not unique unless occ or after is given, and writes
figures.jsonl (one line per annotated article, in sample order) with
start/end added. `python offsets.py show ID` prints an article with its date
and paragraph offsets, for reading.
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / "shared" / "data" / "corpus"
FIELDS = ["start", "end", "text", "value_low", "value_high", "qualifier", "category", "group",
          "place", "country", "source", "status", "as_of", "background", "note"]

_cache = {}


def records(rel):
    if rel not in _cache:
        with open(CORPUS / rel, encoding="utf-8") as f:
            _cache[rel] = {r["id"]: r for r in (json.loads(l) for l in f if l.strip())}
    return _cache[rel]


def locate(text, phrase, occ=None, after=None):
    """(start, end) of phrase in text; exact, unique unless occ/after say which."""
    base = 0
    if after is not None:
        a = text.find(after)
        if a < 0:
            raise ValueError(f"anchor not found: {after!r}")
        if text.find(after, a + 1) >= 0 and occ is None:
            raise ValueError(f"anchor not unique: {after!r}")
        base = a
    hits = []
    i = text.find(phrase, base)
    while i >= 0:
        hits.append(i)
        i = text.find(phrase, i + 1)
    if not hits:
        raise ValueError(f"phrase not found: {phrase!r}")
    if after is not None:
        start = hits[0]
    elif occ is None:
        if len(hits) > 1:
            raise ValueError(f"phrase occurs {len(hits)} times, give occ: {phrase!r} at {hits}")
        start = hits[0]
    else:
        start = hits[occ]
    return start, start + len(phrase)


def build():
    sample = [json.loads(l) for l in open(HERE / "sample.jsonl")]
    order = {row["id"]: i for i, row in enumerate(sample)}
    drafts = []
    for p in sorted((HERE / "draft").glob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        drafts.append(d)
    drafts.sort(key=lambda d: order[d["id"]])
    out, errors = [], 0
    for d in drafts:
        row = sample[order[d["id"]]]
        text = records(row["corpus"])[d["id"]]["text"]
        figs = []
        for f in d["figures"]:
            try:
                s, e = locate(text, f["text"], f.get("occ"), f.get("after"))
            except ValueError as exc:
                print(d["id"], exc, file=sys.stderr)
                errors += 1
                continue
            g = dict(f, start=s, end=e)
            g.pop("occ", None)
            g.pop("after", None)
            g.setdefault("note", "")
            figs.append({k: g[k] for k in FIELDS})
        out.append({"id": d["id"], "corpus": row["corpus"], "part": row["part"], "annotated": True,
                    "figures": figs, "doubts": d.get("doubts", [])})
    with open(HERE / "figures.jsonl", "w", encoding="utf-8") as fo:
        for o in out:
            fo.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(f"{len(out)} articles, {sum(len(o['figures']) for o in out)} figures, {errors} errors")
    return 1 if errors else 0


def show(rid):
    for rel in ("ukraine-2022.jsonl", "wikinews/articles.jsonl"):
        r = records(rel).get(rid)
        if r:
            print(rid, r["date"], r.get("title"), r.get("outlet"), len(r["text"]))
            pos = 0
            for para in r["text"].split("\n"):
                print(f"[{pos}] {para}")
                pos += len(para) + 1
            return 0
    print("no such id", rid)
    return 1


# ---- statements (GUIDELINES.md §3) ----------------------------------------
# draft-statements/<id>.json: {"id", "statements": [{"text": content phrase,
#   "occ"/"after": as for figures, "kind", "cue": phrase, "mention": phrase or
#   null, "speaker", "pron": bool, "note"}], "doubts": [...]}
# The cue and the mention are located at their occurrence nearest to the
# content span (the one written at that statement).
SFIELDS = ["start", "end", "text", "kind", "cue", "speaker_mention", "speaker",
           "speaker_is_pronoun_or_description", "note"]


def nearest(text, phrase, s, e, window=400):
    """The whole-word occurrence of phrase nearest to the span s:e, outside it."""
    import re
    best = None
    pat = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")
    for mt in pat.finditer(text, max(0, s - window), min(len(text), e + window)):
        i, j = mt.start(), mt.end()
        if s <= i < e:
            continue
        d = s - j if j <= s else i - e
        if best is None or d < best[0]:
            best = (d, i)
    if best is None and len(phrase) > 3:
        # glued to a timestamp or a link in live blogs ("04.20Ukrainian"): plain search
        i = text.find(phrase, max(0, s - window))
        while 0 <= i <= e + window:
            if not (s <= i < e):
                d = s - (i + len(phrase)) if i + len(phrase) <= s else i - e
                if best is None or d < best[0]:
                    best = (d, i)
            i = text.find(phrase, i + 1)
    if best is None:
        raise ValueError(f"cue/mention not found near {s}: {phrase!r}")
    return best[1], best[1] + len(phrase)


def build_statements():
    sample = [json.loads(l) for l in open(HERE / "sample.jsonl")]
    order = {row["id"]: i for i, row in enumerate(sample)}
    drafts = [json.loads(p.read_text(encoding="utf-8"))
              for p in sorted((HERE / "draft-statements").glob("*.json"))]
    drafts.sort(key=lambda d: order[d["id"]])
    out, errors = [], 0
    for d in drafts:
        row = sample[order[d["id"]]]
        text = records(row["corpus"])[d["id"]]["text"]
        sts = []
        for st in d["statements"]:
            try:
                s, e = locate(text, st["text"], st.get("occ"), st.get("after"))
                cs, ce = (locate(text, st["cue"], after=st["cue_after"]) if st.get("cue_after")
                          else nearest(text, st["cue"], s, e))
                m = None
                if st.get("mention"):
                    ms, me = (locate(text, st["mention"], after=st["mention_after"])
                              if st.get("mention_after") else nearest(text, st["mention"], s, e))
                    m = {"text": st["mention"], "start": ms, "end": me}
            except ValueError as exc:
                print(d["id"], exc, file=sys.stderr)
                errors += 1
                continue
            sts.append({"start": s, "end": e, "text": st["text"], "kind": st["kind"],
                        "cue": {"text": st["cue"], "start": cs, "end": ce},
                        "speaker_mention": m, "speaker": st["speaker"],
                        "speaker_is_pronoun_or_description": bool(st.get("pron", False)),
                        "note": st.get("note", "")})
        out.append({"id": d["id"], "corpus": row["corpus"], "part": row["part"], "annotated": True,
                    "statements": sts, "doubts": d.get("doubts", [])})
    with open(HERE / "statements.jsonl", "w", encoding="utf-8") as fo:
        for o in out:
            fo.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(f"{len(out)} articles, {sum(len(o['statements']) for o in out)} statements, {errors} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "show":
        sys.exit(show(sys.argv[2]))
    if len(sys.argv) > 1 and sys.argv[1] == "statements":
        sys.exit(build_statements())
    sys.exit(build())
