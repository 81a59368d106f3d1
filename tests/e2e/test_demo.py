"""End to end: `parallax compare` on the bundled demo story, checked against
what we know the story contains (data/stories/biden-putin-call/gold.json,
written with the story)."""
import json
import os
import re

from common import DEMO, check, done, report, run


def norm(s):
    return " ".join(s.split())


gold = json.load(open(os.path.join(DEMO, "gold.json"), encoding="utf-8"))
r = report(DEMO)

ids = [s["id"] for s in r["sources"]]
check(sorted(ids) == ["flash", "harbor", "sentinel", "wire"], f"four outlets from the folder: {ids}")
check(r["schema"] == 1 and r["generator"].startswith("parallax "), "schema 1 and generator")
check(r["story"]["id"] == "biden-putin-call", "story id is the folder name")

# sentence offsets are byte offsets into the cleaned text
offsets_ok = True
for s in r["sources"]:
    text = s["text"].encode("utf-8")
    for sent in s["sentences"]:
        if text[sent["start"]:sent["end"]].decode("utf-8") != sent["text"]:
            offsets_ok = False
check(offsets_ok, "every sentence is the text between its start and end bytes")

# furniture appears in no sentence
sentences = {s["id"]: [norm(x["text"]) for x in s["sentences"]] for s in r["sources"]}
leaks = []
for outlet, lines in gold["boilerplate"].items():
    for line in lines:
        if len(line) < 3:
            continue
        if any(norm(line) in t for t in sentences[outlet]):
            leaks.append((outlet, line))
check(not leaks, f"no furniture line in any sentence {leaks[:3]}")
for outlet in ("sentinel", "flash"):
    text = next(s["text"] for s in r["sources"] if s["id"] == outlet)
    check("Sign up" not in text and "Advertisement" not in text,
          f"{outlet}: newsletter pitch and ad marker removed")
for s in r["sources"]:
    body = [t for t in sentences[s["id"]]]
    check(len(body) >= 12, f"{s['id']}: at least 12 sentences kept ({len(body)})")

# every gold fact sentence was kept
kept = all(any(norm(g) in t or t in norm(g) for t in sentences[o])
           for f in gold["facts"] for o, ms in f["mentions"].items() for g in ms)
check(kept, "every article sentence of the gold is among the report's sentences")


def tool_fact_for(gold_fact):
    """The report fact sharing most mentions with the gold fact."""
    best, score = None, 0
    for f in r["facts"]:
        n = sum(1 for m in f["mentions"]
                if any(norm(m["text"]) == norm(g) for g in gold_fact["mentions"].get(m["source"], [])))
        if n > score:
            best, score = f, n
    return best


# facts every outlet carries are found as one fact carried by all four
for fid in ("F-concerns", "F-sanctions"):
    g = next(f for f in gold["facts"] if f["id"] == fid)
    t = tool_fact_for(g)
    check(t is not None and sorted(t["present"]) == sorted(g["mentions"]),
          f"{fid}: present for {sorted(g['mentions'])}, got {t and sorted(t['present'])}")

# the duration: stated by wire, sentinel and harbor, not by flash
g = next(f for f in gold["facts"] if f["id"] == "F-duration")
dur = [f for f in r["facts"] if any(re.search(r"two hours|two-hour", m["text"]) for m in f["mentions"])]
carried = set()
for f in dur:
    carried |= {m["source"] for m in f["mentions"] if re.search(r"hours?\b|two-hour", m["text"])}
check(carried >= {"wire", "sentinel", "harbor"}, f"duration stated by wire, sentinel, harbor: {sorted(carried)}")
flash_text = next(s["text"] for s in r["sources"] if s["id"] == "flash")
check("two hours" not in flash_text, "flash does not state the duration")
check(any("harbor" in f["present"] and "sentinel" in f["present"] and f["conflicts"] for f in dur),
      "the duration fact reports a conflicting detail between harbor and sentinel")
# "about two hours" and "two hours and one minute" agree: no conflict between them alone
for f in dur:
    for c in f["conflicts"]:
        vals = c["values"]
        check("sentinel" in vals, f"a duration conflict involves the sentinel's figure: {vals}")

# omissions are facts others carry
for src, c in r["compare"].items():
    for fid in c["omitted"]:
        f = next(x for x in r["facts"] if x["id"] == fid)
        ok = src in f["absent"] and len(f["present"]) >= 2
        if not ok:
            check(False, f"{src} omits {fid}, which it does not carry and others do")
check(all(set(f["present"]) | set(f["absent"]) | set(f["not_shown"]) == set(ids) and
          not set(f["present"]) & set(f["absent"]) and not set(f["absent"]) & set(f["not_shown"])
          for f in r["facts"]),
      "each fact splits the outlets into present, absent (surely) and not shown")
check(all(len({m["source"] for m in f["mentions"]}) == len(f["mentions"]) for f in r["facts"]),
      "at most one mention per outlet in a fact")

# framing: the hawkish outlet uses more loaded language than the wire
fr = r["framing"]["sources"]
check(fr["sentinel"]["loaded"]["per_1k"] > fr["wire"]["loaded"]["per_1k"],
      f"sentinel loaded {fr['sentinel']['loaded']['per_1k']} > wire {fr['wire']['loaded']['per_1k']}")
check(fr["flash"]["hedges"]["per_1k"] > fr["wire"]["hedges"]["per_1k"],
      "flash hedges more than the wire")
ev = fr["sentinel"]["loaded"]["evidence"]
body_ev = [e for e in ev if not e["sentence"].endswith(":h")]
check(len(body_ev) == fr["sentinel"]["loaded"]["hits"] and all("sentence" in e and "term" in e for e in ev),
      "every loaded hit of sentinel's body has its evidence (sentence, term)")

# determinism: same input, same bytes
c1, o1, _ = run("compare", "--format", "json", DEMO)
c2, o2, _ = run("compare", "--format", "json", DEMO)
check(c1 == 0 and o1 == o2, "two runs give byte-identical JSON")

# HTML: self-contained, all four outlets, escaped
code, html, err = run("compare", "--format", "html", DEMO)
h = html.decode("utf-8")
check(code == 0 and "<table" in h and 'id="matrix"' in h, "HTML report has the fact matrix")
check(all(n in h for n in ("Meridian Wire", "The Iron Sentinel", "Harbor Post", "Daily Flash")) or
      all(i in h for i in ids), "HTML names all four outlets")
check(not re.search(r"<script|src=\"http|href=\"//|@import|url\(http", h, re.I), "HTML makes no external request")

# text output for the terminal
code, text, _ = run("compare", DEMO)
check(code == 0 and b"Facts" in text and b"\x1b[" not in text, "text report, plain when piped")
done()
