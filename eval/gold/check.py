"""Check figures.jsonl and statements.jsonl: every span slices the corpus text exactly, every field is
from the allowed sets (GUIDELINES.md), every article is in the sample.
Skips with a message when ../shared/data/corpus is absent."""
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / "shared" / "data" / "corpus"
QUALIFIERS = {"exact", "at_least", "more_than", "at_most", "fewer_than", "about", "range"}
CATEGORIES = {"killed", "injured", "casualties", "missing", "displaced", "evacuated", "detained"}
STATUSES = {"confirmed", "claimed", "reported", "estimated", "unverified", "disputed"}
HEADS = {"people", "civilians", "children", "soldiers", "fighters", "police", "journalists",
         "prisoners", "refugees", "homes", "crew", "passengers", "students", "workers", "patients"}
KEYS = ["start", "end", "text", "value_low", "value_high", "qualifier", "category", "group",
        "place", "country", "source", "status", "as_of", "background", "note"]


KINDS = {"direct", "indirect", "mixed"}
SKEYS = ["start", "end", "text", "kind", "cue", "speaker_mention", "speaker",
         "speaker_is_pronoun_or_description", "note"]


def check_statements(sample, texts, err):
    """statements.jsonl: content, cue and mention spans slice the text exactly;
    kind from the allowed set; speaker non-empty; articles in the sample."""
    path = HERE / "statements.jsonl"
    if not path.exists():
        print("statements.jsonl absent: skipping statements")
        return 0, 0
    seen, n = set(), 0
    for line in open(path, encoding="utf-8"):
        a = json.loads(line)
        rid = a["id"]
        if rid in seen:
            err(rid, "duplicate article in statements")
        seen.add(rid)
        if rid not in sample:
            err(rid, "statements: not in sample")
            continue
        if a["corpus"] != sample[rid]["corpus"] or a.get("part") != sample[rid]["part"]:
            err(rid, "statements: corpus/part differs from sample")
        if a.get("annotated") is not True or not isinstance(a.get("doubts"), list):
            err(rid, "statements: annotated/doubts malformed")
        text = texts[(a["corpus"], rid)]
        spans = set()
        for st in a["statements"]:
            n += 1
            if list(st.keys()) != SKEYS:
                err(rid, f"statement keys {list(st.keys())}")
                continue
            if text[st["start"]:st["end"]] != st["text"] or not st["text"].strip():
                err(rid, f"content {st['start']}:{st['end']} is {text[st['start']:st['end']]!r}")
            if (st["start"], st["end"]) in spans:
                err(rid, f"duplicate statement {st['text'][:40]!r}")
            spans.add((st["start"], st["end"]))
            if st["kind"] not in KINDS:
                err(rid, f"kind {st['kind']}")
            quoted = any(q in st["text"] for q in "“”\"‘’'")
            if st["kind"] == "mixed" and not quoted:
                err(rid, f"mixed without a quotation mark {st['text'][:40]!r}")
            c = st["cue"]
            if not (isinstance(c, dict) and set(c) == {"text", "start", "end"} and c["text"]
                    and text[c["start"]:c["end"]] == c["text"]):
                err(rid, f"cue {c!r}")
            m = st["speaker_mention"]
            if m is not None and not (isinstance(m, dict) and set(m) == {"text", "start", "end"}
                                      and text[m["start"]:m["end"]] == m["text"]):
                err(rid, f"speaker_mention {m!r}")
            if not isinstance(st["speaker"], str) or not st["speaker"].strip():
                err(rid, "empty speaker (use 'unnamed')")
            if not isinstance(st["speaker_is_pronoun_or_description"], bool):
                err(rid, "speaker_is_pronoun_or_description not bool")
            if m is None and st["speaker"] != "unnamed" and not st["note"]:
                err(rid, "no mention but a resolved speaker without a note")
    return len(seen), n


def main():
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}: skipping")
        return 0
    sample = {}
    for l in open(HERE / "sample.jsonl"):
        r = json.loads(l)
        sample[r["id"]] = r
    texts = {}
    for rel in {r["corpus"] for r in sample.values()}:
        with open(CORPUS / rel, encoding="utf-8") as f:
            for l in f:
                if l.strip():
                    r = json.loads(l)
                    texts[(rel, r["id"])] = r["text"]
    bad = 0
    seen = set()

    def err(rid, msg):
        nonlocal bad
        bad += 1
        print(f"{rid}: {msg}")

    n_fig = 0
    for line in open(HERE / "figures.jsonl", encoding="utf-8"):
        a = json.loads(line)
        rid = a["id"]
        if rid in seen:
            err(rid, "duplicate article")
        seen.add(rid)
        if rid not in sample:
            err(rid, "not in sample")
            continue
        if a["corpus"] != sample[rid]["corpus"] or a.get("part") != sample[rid]["part"]:
            err(rid, "corpus/part differs from sample")
        if a.get("annotated") is not True or not isinstance(a.get("doubts"), list):
            err(rid, "annotated/doubts malformed")
        text = texts[(a["corpus"], rid)]
        spans = set()
        for f in a["figures"]:
            n_fig += 1
            if list(f.keys()) != KEYS:
                err(rid, f"keys {list(f.keys())}")
                continue
            if text[f["start"]:f["end"]] != f["text"]:
                err(rid, f"span {f['start']}:{f['end']} is {text[f['start']:f['end']]!r}, not {f['text']!r}")
            if (f["start"], f["end"], f["category"]) in spans:
                err(rid, f"duplicate figure {f['text']!r}")
            spans.add((f["start"], f["end"], f["category"]))
            if not (isinstance(f["value_low"], int) and isinstance(f["value_high"], int)
                    and 0 <= f["value_low"] <= f["value_high"]):
                err(rid, f"values {f['value_low']} {f['value_high']}")
            if f["qualifier"] not in QUALIFIERS:
                err(rid, f"qualifier {f['qualifier']}")
            if f["qualifier"] == "range" and f["value_low"] == f["value_high"]:
                err(rid, f"range with equal ends {f['text']!r}")
            if f["category"] not in CATEGORIES:
                err(rid, f"category {f['category']}")
            if f["status"] not in STATUSES:
                err(rid, f"status {f['status']}")
            if not f["group"] or f["group"] != f["group"].lower() or f["group"].split()[-1] not in HEADS:
                err(rid, f"group {f['group']!r}")
            if f["country"] and not re.fullmatch(r"[A-Z]{2}", f["country"]):
                err(rid, f"country {f['country']!r}")
            if bool(f["place"]) != bool(f["country"]) and f["country"] == "":
                err(rid, f"place without country {f['place']!r}")
            if f["as_of"] and not re.fullmatch(r"\d{4}-\d\d-\d\d", f["as_of"]):
                err(rid, f"as_of {f['as_of']!r}")
            if not isinstance(f["background"], bool):
                err(rid, "background not bool")
            if not f["source"]:
                err(rid, "empty source (use 'unnamed')")
    n_sa, n_st = check_statements(sample, texts, err)
    import sample as sample_mod
    redrawn = sample_mod.draw()
    stored = [json.loads(l) for l in open(HERE / "sample.jsonl")]
    if redrawn != stored:
        err("sample.jsonl", "differs from a fresh draw by sample.py")
    print(f"{len(seen)} articles, {n_fig} figures; {n_sa} articles, {n_st} statements; {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
