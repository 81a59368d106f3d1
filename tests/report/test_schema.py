"""The JSON report against doc/report.schema.json, both forms: the demo story
and a small two-outlet story written here validate, full and lean; broken
copies of them do not; the lean form is smaller and its offsets still find
the words the full form quotes.

    python3 test_schema.py PARALLAX SOURCE_ROOT
"""
import copy
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jsonschema_lite import Validator  # noqa: E402

PARALLAX, ROOT = sys.argv[1], sys.argv[2]
DEMO = os.path.join(ROOT, "data", "stories", "biden-putin-call")
FAILURES = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILURES.append(what)


def report(*args):
    p = subprocess.run([PARALLAX, "compare", *args, "--format", "json"], capture_output=True)
    if p.returncode != 0:
        sys.exit(f"compare {' '.join(args)} failed: {p.stderr.decode()}")
    return p.stdout


def small_story():
    d = tempfile.mkdtemp(prefix="pxschema")
    with open(os.path.join(d, "north.txt"), "w") as f:
        f.write("Council approves bridge\n\nThe council approved a new bridge on Monday. "
                "It will cost 12 million dollars, officials said. \"It is a disgrace,\" "
                "said Ann Lee. Critics slammed the reckless plan.\n")
    with open(os.path.join(d, "south.txt"), "w") as f:
        f.write("Bridge plan passes\n\nThe council approved a new bridge on Monday. "
                "It will cost 15 million dollars. Work reportedly starts in May.\n")
    return d


with open(os.path.join(ROOT, "doc", "report.schema.json"), encoding="utf-8") as f:
    V = Validator(json.load(f))
docs = {}
for name, src in (("demo", DEMO), ("small", small_story())):
    full_bytes, lean_bytes = report(src), report(src, "--lean")
    full, lean = json.loads(full_bytes), json.loads(lean_bytes)
    docs[name] = (full, lean)
    errs = V.errors(full, V.root)
    check(not errs and full["form"] == "full", f"{name}: the full report validates {errs[:3]}")
    errs = V.errors(lean, V.root)
    check(not errs and lean["form"] == "lean", f"{name}: the lean report validates {errs[:3]}")
    check(len(lean_bytes) * 4 < len(full_bytes),
          f"{name}: lean is under a quarter of full ({len(lean_bytes)} against {len(full_bytes)})")
    # every lean sentence and evidence offset finds the full form's text
    ok, hits = True, 0
    for i, s in enumerate(lean["sources"]):
        text = s["text"].encode("utf-8")
        fs = full["sources"][i]
        for k, sent in enumerate(s["sentences"]):
            ok &= text[sent[0]:sent[1]].decode("utf-8") == fs["sentences"][k]["text"]
        for lex, fig in lean["framing"]["sources"][s["id"]].items():
            cats = next(l["categories"] for l in lean["framing"]["lexicons"] if l["name"] == lex)
            for e, f in zip(fig["evidence"], full["framing"]["sources"][s["id"]][lex]["evidence"]):
                ok &= text[e[1]:e[2]].decode("utf-8") == f["text"]
                ok &= fs["sentences"][e[0]]["id"] == f["sentence"]
                ok &= cats[e[3]] == f["category"] and bool(e[4]) == (f["voice"] == "quote")
                hits += 1
        for a, fa in zip(lean["sourcing"][s["id"]]["attributions"],
                         full["sourcing"][s["id"]]["attributions"]):
            ok &= text[a[1]:a[2]].decode("utf-8") == fa["speaker"]
            ok &= text[a[3]:a[4]].decode("utf-8") == fa["verb"]
    for lf, ff in zip(lean["facts"], full["facts"]):
        m = lf["mentions"][lf["text_mention"]]
        src = lean["sources"][m[0]]
        start, end = src["sentences"][m[1]][:2]
        ok &= src["text"].encode("utf-8")[start:end].decode("utf-8") == ff["text"]
        ok &= [lean["sources"][i]["id"] for i in lf.get("absent", [])] == ff["absent"]
        ok &= sorted(lean["sources"][m[0]]["id"] for m in lf["mentions"]) == sorted(ff["present"])
    check(ok and hits > 0, f"{name}: lean offsets resolve to the full form's words ({hits} hits)")

demo_lean = report(DEMO, "--lean")
check(len(demo_lean) <= 40_000, f"the demo story's lean JSON is at most 40 KB ({len(demo_lean)} bytes)")


def broken(doc, how):
    d = copy.deepcopy(doc)
    how(d)
    return V.errors(d, V.root)


full, lean = docs["small"]
cases = [
    ("no facts", full, lambda d: d.pop("facts")),
    ("schema 2", full, lambda d: d.update(schema=2)),
    ("a sentence offset as text", full,
     lambda d: d["sources"][0]["sentences"][0].update(start="0")),
    ("an unknown reading", full,
     lambda d: next(iter(d["framing"]["sources"]["north"].values()))["contrast"].update(
         reading="maybe")),
    ("a mention without its sentence", full, lambda d: d["facts"][0]["mentions"][0].pop("sentence")),
    ("lean evidence of four columns", lean,
     lambda d: d["framing"]["sources"]["north"]["loaded"]["evidence"].append([1, 2, 3, 0])),
    ("a lean sentence as an object", lean,
     lambda d: d["sources"][0]["sentences"].__setitem__(0, {"start": 0, "end": 3})),
    ("lean absent as ids", lean, lambda d: d["facts"][0].update(absent=["north"])),
    ("lean columns renamed", lean, lambda d: d["lean"].update(evidence=["s", "a", "b", "c", "q"])),
    ("a full report that says lean", full, lambda d: d.update(form="lean")),
]
for what, doc, how in cases:
    errs = broken(doc, how)
    check(bool(errs), f"schema refuses {what} ({errs[:1]})")

if FAILURES:
    print(f"{len(FAILURES)} check(s) failed")
    sys.exit(1)
print("all checks passed")
