"""How often the worksheet's answer key is right, on any story folders that carry a gold.json
(the demo's, or the evaluation stories'): each story is given as records with its outlets'
names and URLs, rendered at the advanced level with two seeds, and every answer of the key is
checked against the sheet's texts and the gold annotations (missing facts, words to find,
unnamed speakers, people only one source names, conflicting details); the sheet is checked
for names and URLs. Prints the WRONG answers and, per kind, right/all.

usage: check_key.py PARALLAX STORY_DIR...
"""
import html, json, os, re, subprocess, sys, tempfile
PX = sys.argv[1]; dirs = sys.argv[2:]
T = tempfile.mkdtemp()
def text(f): return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", f))).strip()
def sentences(sheet):
    out = {}
    for m in re.finditer(r'<span class="s" id="([A-Z])(\d+)"><sup class="sn">\d+</sup>(.*?)</span> (?=<span class="s"|</p>)', sheet, re.S):
        out[(m.group(1), int(m.group(2)))] = text(m.group(3))
    for m in re.finditer(r'<p class="hl" id="([A-Z])h"><span class="lab">Headline</span>(.*?)</p>', sheet, re.S):
        out[(m.group(1), 0)] = text(m.group(2))
    return out
def attrs(t): return {k: html.unescape(v) for k, v in re.findall(r'(data-[a-z-]+)="([^"]*)"', t)}
def tags(page, needle):
    out = []
    for m in re.finditer(r"<(li|tr|div|p)\b([^>]*" + needle + r"[^>]*)>", page):
        end = page.find("</" + m.group(1) + ">", m.end()); out.append((attrs(m.group(2)), page[m.end():end]))
    return out
norm = lambda s: re.sub(r"\s+", " ", s).strip()
stats = {}
def tally(kind, ok, what=""):
    stats.setdefault(kind, [0, 0]); stats[kind][0] += ok; stats[kind][1] += 1
    if not ok: print("  WRONG", kind, what)
for d in dirs:
    g = json.load(open(os.path.join(d, "gold.json")))
    facts = [({o: {norm(t) for t in ts} for o, ts in f["mentions"].items()}, f) for f in g["facts"]]
    rec = os.path.join(T, os.path.basename(d) + ".jsonl")
    with open(rec, "w") as f:
        for sid, src in g["sources"].items():
            raw = open(os.path.join(d, src["file"]), encoding="utf-8").read()
            title, rest = raw.split("\n", 1)
            host = re.sub(r"[^a-z]", "", src["name"].lower())
            f.write(json.dumps({"source": sid, "outlet": src["name"], "title": title, "text": rest, "url": f"https://www.{host}.example/x"}) + "\n")
    for seed in (1, 2):
        s, k = os.path.join(T, "s.html"), os.path.join(T, "k.html")
        r = subprocess.run([PX, "worksheet", rec, "-o", s, "--key", k, "--level", "advanced", "--seed", str(seed)], capture_output=True, text=True)
        if r.returncode: print(d, r.stderr); continue
        sheet, key = open(s).read(), open(k).read()
        sents = sentences(sheet)
        who = {a["data-letter"]: a["data-outlet"] for a, _ in tags(key, "data-letter=")}
        print(os.path.basename(d), seed, "exercises:", re.findall(r'<h3><span class="num">\d+</span> ([^<]+)', sheet))
        body = text(sheet[sheet.index("<body"):])
        bad = [w for w in [x["name"] for x in g["sources"].values()] + list(g["sources"]) + ["http", "example"] if re.search(r"\b" + re.escape(w) + r"\b", body, re.I)]
        tally("anonymous", not bad, bad)
        for a, _ in tags(key, 'data-ex="missing"'):
            absent = who[a["data-absent"]]
            blk = key[key.index('data-fact="%s"' % a["data-fact"], key.index('data-absent="%s"' % a["data-absent"])):]
            blk = blk[:blk.index("</ul>")]
            cited = [(x["data-src"], int(x["data-sent"])) for x, _ in tags(blk, "data-sent=")]
            common = None
            for l, n in cited:
                ids = {f["id"] for m, f in facts if norm(sents[(l, n)]) in m.get(who[l], set())}
                common = ids if common is None else common & ids
            ok = any(not next(m for m, f in facts if f["id"] == i).get(absent) for i in common or ())
            tally("missing", ok, (absent, cited, common))
        for item, inner in tags(key, 'data-ex="words"'):
            l = item["data-source"]
            find = [a for a, _ in tags(inner.split("Also right")[0], "data-word=")]
            allw = [a for a, _ in tags(key[key.index(inner):], "data-word=")]
            cues = [c.lower() for c in g["framing"].get(who[l], {}).get("loaded", [])]
            for a in find:
                tally("words-in-text", a["data-word"] in sents[(l, int(a["data-sent"]))], a)
                w = a["data-word"].lower()
                tally("words-vs-gold", any(c in w or w in c for c in cues), (who[l], w))
        m = re.search(r'data-answer-anon="([A-Z])"', key)
        if m and all("anonymous_sources" in v for v in g["framing"].values()):
            c = {o: len(v["anonymous_sources"]) for o, v in g["framing"].items()}
            o = who[m.group(1)]
            tally("anon-most", all(c[o] > x for p, x in c.items() if p != o), (o, c))
        for a, _ in tags(key, "data-person="):
            last = a["data-person"].split()[-1].lower()
            tally("unique-voice", not any(l != a["data-src"] and last in t.lower() for (l, _), t in sents.items()), a)
        for item, _ in tags(key, 'data-ex="conflict"'):
            blk = key[key.index('data-fact="%s"' % item["data-fact"], key.index('data-ex="conflict"')):]
            blk = blk[:blk.index("</ul>")]
            vals = [a for a, _ in tags(blk, "data-value=")]
            tally("conflict-value-in-text", all(a["data-value"] in sents[(a["data-src"], int(a["data-sent"]))] for a in vals), vals)
            common = None
            for a in vals:
                ids = {f["id"] for mm, f in facts if norm(sents[(a["data-src"], int(a["data-sent"]))]) in mm.get(who[a["data-src"]], set())}
                common = ids if common is None else common & ids
            ok = any(f["conflict"] and all(who[a["data-src"]] in f["conflict"]["values"] for a in vals) for mm, f in facts if f["id"] in (common or ()))
            tally("conflict-vs-gold", ok, [(who[a["data-src"]], a["data-value"]) for a in vals])
for k, (a, b) in stats.items(): print(f"{k}: {a}/{b}")
