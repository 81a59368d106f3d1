"""End-to-end test of `parallax worksheet` on the demo story (data/stories/biden-putin-call).

Every answer of the key is checked against the worksheet's own texts and against the story's
gold annotations (gold.json, written by hand for the demo): the missing fact is stated by the
sources the key cites and by no sentence of the source said to leave it out; each word to
underline is in that sentence of that source; the unnamed speakers, the fact put first and the
conflicting values are where the key says. No outlet name, id, byline or URL appears on the
sheet unless --reveal-outlets; the same seed gives the same bytes; the levels differ as
documented; bad options are usage errors.

usage: test_demo.py PARALLAX SOURCE_ROOT
"""
import html
import json
import os
import re
import subprocess
import sys
import tempfile

PARALLAX = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
DEMO = os.path.join(ROOT, "data", "stories", "biden-putin-call")
GOLD = json.load(open(os.path.join(DEMO, "gold.json"), encoding="utf-8"))
TMP = tempfile.mkdtemp(prefix="pxws")
FAILURES = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILURES.append(what)


def run(*args):
    env = dict(os.environ, PARALLAX_LEXICONS=os.path.join(ROOT, "lexicons"))
    r = subprocess.run([PARALLAX, "worksheet", *args], capture_output=True, env=env, timeout=120)
    return r.returncode, r.stderr.decode("utf-8", "replace")


def make(name, *args, inputs=(DEMO,)):
    sheet, key = os.path.join(TMP, name + "-sheet.html"), os.path.join(TMP, name + "-key.html")
    code, err = run(*inputs, "-o", sheet, "--key", key, *args)
    check(code == 0, f"{name}: parallax worksheet ran {err.strip()}")
    return open(sheet, encoding="utf-8").read(), open(key, encoding="utf-8").read()


def text(fragment):
    """Plain text of an HTML fragment, whitespace folded."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


def sentences(sheet):
    """{(letter, number): text} of the sheet; number 0 is the headline."""
    out = {}
    for m in re.finditer(r'<span class="s" id="([A-Z])(\d+)"><sup class="sn">\d+</sup>(.*?)'
                         r'</span> (?=<span class="s"|</p>)', sheet, re.S):
        out[(m.group(1), int(m.group(2)))] = text(m.group(3))
    for m in re.finditer(r'<p class="hl" id="([A-Z])h"><span class="lab">Headline</span>(.*?)'
                         r'</p>', sheet, re.S):
        out[(m.group(1), 0)] = text(m.group(2))
    return out


def body(page):
    return page[page.index("<body"):]


def attrs(tag):
    return {k: html.unescape(v) for k, v in re.findall(r'(data-[a-z-]+)="([^"]*)"', tag)}


def tags(page, needle):
    """Opening tags holding the attribute needle, with the HTML up to the element's end
    (good enough for li and tr, which do not nest here)."""
    out = []
    for m in re.finditer(r"<(li|tr|div|p)\b([^>]*" + needle + r"[^>]*)>", page):
        end = page.find("</" + m.group(1) + ">", m.end())
        out.append((attrs(m.group(2)), page[m.end():end]))
    return out


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


GOLD_FACTS = [{o: {norm(t) for t in ts} for o, ts in f["mentions"].items()} | {"_id": f["id"],
              "_conflict": f.get("conflict")} for f in GOLD["facts"]]


def gold_facts_of(outlet, sentence):
    return [f for f in GOLD_FACTS if norm(sentence) in f.get(outlet, set())]


def letters(key):
    return {a["data-letter"]: a["data-outlet"] for a, _ in tags(key, "data-letter=")}


# ---- the demo folder, standard level ----
sheet, key = make("standard", "--seed", "5")
sents = sentences(sheet)
who = letters(key)
check(sorted(who.values()) == sorted(GOLD["sources"]), f"the key letters the four outlets {who}")
by_outlet = {o: l for l, o in who.items()}
check(len(sents) > 50, f"the sheet numbers the sentences ({len(sents)})")

# the texts are whole: every sentence of the gold annotations is on the sheet
sheet_text = {l: " ".join(t for (ll, _), t in sorted(sents.items()) if ll == l) for l in who}
missing_text = [t for f in GOLD["facts"] for o, ts in f["mentions"].items() for t in ts
                if norm(t) not in sheet_text[by_outlet[o]]]
check(not missing_text, f"every annotated sentence is printed as written {missing_text[:2]}")

# every reference in the key points at a sentence of the sheet
refs = [(a["data-src"], int(a["data-sent"])) for a, _ in tags(key, "data-sent=")]
check(refs and all(r in sents for r in refs), f"{len(refs)} sentence references in the key exist")


def check_missing(key, sents):
    items = tags(key, 'data-ex="missing"')
    check(items, "the key answers the missing-fact exercise")
    for a, _ in items:
        absent = who[a["data-absent"]]
        block = key[key.index('data-fact="%s"' % a["data-fact"], key.index(a["data-absent"])):]
        block = block[:block.index("</ul>")]
        cited = [(x["data-src"], int(x["data-sent"])) for x, _ in tags(block, "data-sent=")]
        check(len(cited) >= 2 and all(who[l] != absent for l, _ in cited),
              f"missing fact {a['data-fact']}: {len(cited)} other sources cited")
        common = None
        for l, n in cited:
            ids = {f["_id"] for f in gold_facts_of(who[l], sents[(l, n)])}
            common = ids if common is None else common & ids
        absent_from = [i for i in common or () if not next(
            f for f in GOLD_FACTS if f["_id"] == i).get(absent)]
        check(bool(absent_from), f"missing fact {a['data-fact']}: the cited sentences state "
                                 f"{sorted(common or [])}, which {absent} does not carry")


def check_words(key, sents, agree=1.0):
    for item, inner in tags(key, 'data-ex="words"'):
        letter = item["data-source"]
        rows = [a for a, _ in tags(key[key.index(inner):], "data-word=")]
        found = [a for a, _ in tags(inner.split("Also right")[0], "data-word=")] or rows[:3]
        for a in rows:
            if a["data-src"] != letter:
                break
            check(a["data-word"] in sents[(letter, int(a["data-sent"]))],
                  f"'{a['data-word']}' is in Source {letter}, sentence {a['data-sent']}")
        cues = [c.lower() for c in GOLD["framing"][who[letter]]["loaded"]]
        hits = [a["data-word"] for a in found
                if any(c in a["data-word"].lower() or a["data-word"].lower() in c for c in cues)]
        check(len(found) >= 2 and len(hits) >= agree * len(found),
              f"Source {letter}: the words to find are loaded by the annotations too {hits}")


def check_speakers(key, sents):
    anon = re.search(r'data-answer-anon="([A-Z])"', key)
    if anon:
        counts = {o: len(GOLD["framing"][o]["anonymous_sources"]) for o in GOLD["sources"]}
        outlet = who[anon.group(1)]
        check(all(counts[outlet] > c for o, c in counts.items() if o != outlet),
              f"relies most on unnamed speakers: {outlet} {counts}")
    for a, _ in tags(key, "data-person="):
        last = a["data-person"].split()[-1].lower()
        others = [l for (l, _), t in sents.items() if l != a["data-src"] and last in t.lower()]
        check(last in " ".join(t for (l, _), t in sents.items() if l == a["data-src"]).lower()
              and not others, f"only Source {a['data-src']} has {a['data-person']}")
    for a, _ in tags(key, "data-speaker="):
        whole = " ".join(t for (l, _), t in sents.items() if l == a["data-src"]).lower()
        check(a["data-speaker"].lower() in whole,
              f"speaker '{a['data-speaker']}' is in Source {a['data-src']}")


def check_early(key, sents):
    m = re.search(r'data-early="([A-Z])" data-fact="(f\d+)"', key)
    if not m:
        return
    block = key[m.end():key.index("</ul>", m.end())]
    cited = [(x["data-src"], int(x["data-sent"])) for x, _ in tags(block, "data-sent=")]
    first = [n for l, n in cited if l == m.group(1)]
    check(first and first[0] <= 2 and all(n > 2 for l, n in cited if l != m.group(1)),
          f"Source {m.group(1)} puts {m.group(2)} in its first two sentences, the others "
          f"lower {cited}")


def check_conflicts(key, sents):
    for item, _ in tags(key, 'data-ex="conflict"'):
        block = key[key.index('data-fact="%s"' % item["data-fact"]):]
        block = block[:block.index("</ul>")]
        values = [a for a, _ in tags(block, "data-value=")]
        check(len(values) >= 2 and all(a["data-value"] in sents[(a["data-src"], int(
            a["data-sent"]))] for a in values), f"conflict {item['data-fact']}: each value is "
                                                f"in its sentence")
        facts = None
        for a in values:
            ids = {f["_id"] for f in gold_facts_of(who[a["data-src"]],
                                                    sents[(a["data-src"], int(a["data-sent"]))])}
            facts = ids if facts is None else facts & ids
        annotated = [f for f in GOLD_FACTS if f["_id"] in (facts or ()) and f["_conflict"]
                     and all(who[a["data-src"]] in f["_conflict"]["values"] for a in values)]
        check(bool(annotated), f"conflict {item['data-fact']}: the annotations record it too")


def check_lead(key, sents):
    """What comes first: each headline row names a fact that this source states in a sentence
    sharing a word with the headline beyond the story's subject (the words every headline
    has), and the headlines are not all tied to one fact (they were all "fact f1")."""
    env = dict(os.environ, PARALLAX_LEXICONS=os.path.join(ROOT, "lexicons"))
    r = subprocess.run([PARALLAX, "compare", DEMO, "--format", "json"], capture_output=True,
                       env=env, timeout=120)
    report = json.loads(r.stdout)
    names = {src["id"]: src["name"] for src in report["sources"]}
    texts = {m["sentence"]: m["text"] for f in report["facts"] for m in f["mentions"]}

    def words(t):
        """Words of four letters or more, crudely stemmed ("faced", "face": "fac")."""
        out = set()
        for w in re.findall(r"[a-z0-9,']+", t.lower().replace("’", "'")):
            if len(w) > 3:
                out.add(re.sub(r"(ing|ed|es|s|e|d)$", "", w.removesuffix("'s")))
        return out

    heads = {l: words(sents[(l, 0)]) for l in who}
    subject = set.intersection(*heads.values())
    facts = {}
    for a, _ in tags(key, "data-head-fact="):
        letter, fid = a["data-src"], a["data-head-fact"]
        if not fid:
            continue
        facts[letter] = fid
        outlet = who[letter]
        fact = next(f for f in report["facts"] if f["id"] == fid)
        mention = next((m for m in fact["mentions"] if names[m["source"]] == outlet
                        or m["source"] == outlet), None)
        shared = (heads[letter] - subject) & words(texts.get(mention["sentence"], "")) \
            if mention else set()
        check(bool(shared), f"Source {letter}'s headline is tied to {fid}, whose sentence "
                            f"shares {sorted(shared)} with it beyond the subject")
    check(len(set(facts.values())) > 1, f"the headlines are not all one fact {facts}")


def check_other_wording(key, sents):
    """The key's word list adds phrases a source words its own way where no lexicon holds
    them; each is in its sentence and in no other source's text."""
    rows = [a for a, _ in tags(key, 'data-lexicon="none"')]
    check(rows, f"the key lists different wording that no lexicon holds ({len(rows)})")
    for a in rows:
        mine = sents[(a["data-src"], int(a["data-sent"]))]
        others = " ".join(t for (l, _), t in sents.items() if l != a["data-src"])
        check(a["data-word"] in mine and a["data-word"].lower() not in others.lower(),
              f"'{a['data-word']}' is Source {a['data-src']}'s own wording")
    check("different wording, not in a lexicon" in key, "the key says so in words")


check_missing(key, sents)
check_words(key, sents)
check_lead(key, sents)
check_other_wording(key, sents)
check_speakers(key, sents)
check_early(key, sents)
check_conflicts(key, sents)
check("Different details" in sheet, "the demo's conflicting duration gets its question")

# anonymity: no outlet name, id, byline or URL on the sheet
forbidden = [s["name"] for s in GOLD["sources"].values()] + list(GOLD["sources"]) + [
    "Dana Kessler", "Nina Corvo", "http", "www."]
shown = [w for w in forbidden if re.search(r"\b" + re.escape(w) + r"\b", text(body(sheet)),
                                           re.I)]
check(not shown, f"the sheet names no outlet, reporter or URL {shown}")
check("Where an article named" not in sheet, "nothing was blanked out, so no legend for it")

# the same seed, the same bytes; another seed, other letters
again = make("again", "--seed", "5")
check(again == (sheet, key), "the same seed gives byte-identical sheet and key")
orders = {tuple(sorted(letters(make(f"seed{n}", "--seed", str(n))[1]).items())) for n in range(6)}
check(len(orders) > 1, f"other seeds give other letters ({len(orders)} orders over 6 seeds)")

# the same story as records with outlet names, URLs and bylines
records = os.path.join(TMP, "demo.jsonl")
with open(records, "w", encoding="utf-8") as f:
    for sid, src in GOLD["sources"].items():
        raw = open(os.path.join(DEMO, src["file"]), encoding="utf-8").read()
        title, rest = raw.split("\n", 1)
        host = re.sub(r"[^a-z]", "", src["name"].lower())
        f.write(json.dumps({"source": sid, "outlet": src["name"], "title": title, "text": rest,
                            "url": f"https://www.{host}.example/2021/12/07/call"}) + "\n")
named, named_key = make("records", inputs=(records,))
shown = [w for w in forbidden + ["example/"] if re.search(
    r"\b" + re.escape(w) + r"\b", text(body(named)), re.I)]
check(not shown, f"records with names and URLs: the sheet names none of them {shown}")
bare = [t for t in sentences(named).values() if not re.search(r"[A-Za-z]", re.sub(
    r"\[(Source [A-Z]|reporter|link)\]|\bby\b", "", t, flags=re.I))]
check(not bare, f"no sentence left that was only a name (a masthead line) {bare}")
nums = sorted(n for (l, n) in sentences(named) if l == "A" and n)
check(nums == list(range(1, len(nums) + 1)), "the sentences are numbered 1, 2, 3… without gaps")
check(all(s["name"] in named_key for s in GOLD["sources"].values()),
      "the key names the outlets behind the letters")
revealed, _ = make("revealed", "--reveal-outlets", inputs=(records,))
check(all(s["name"] in revealed for s in GOLD["sources"].values()),
      "--reveal-outlets names the outlets on the sheet")

# levels
for level, exercises in (("intro", 3), ("advanced", None)):
    s, k = make(level, "--level", level)
    parts = s.split('<section class="ex"')[1:]
    hinted = sum("<strong>Hint:" in p.split("</section>")[0] for p in parts)
    check((exercises is None or len(parts) == exercises) and
          hinted == (len(parts) if level == "intro" else 0),
          f"--level {level}: {len(parts)} exercises, {hinted} with hints")
    n = len(parts)
    if level == "advanced":
        who = letters(k)
        check(n >= sheet.count('<section class="ex"'), "advanced shows every exercise")
        check_missing(k, sentences(s))
        check_words(k, sentences(s), agree=2 / 3)
        check_conflicts(k, sentences(s))

# usage errors
for args, what in ((("--level", "hard"), "an unknown level"), (("--seed", "x"), "a bad seed"),
                   (("--seed", "-1"), "a negative seed")):
    code, err = run(DEMO, "-o", os.path.join(TMP, "x.html"), *args)
    check(code == 2 and "parallax" in err, f"{what} is a usage error (exit {code})")
code, err = run(os.path.join(DEMO, "wire.txt"), "-o", os.path.join(TMP, "x.html"))
check(code == 2, f"one source is a usage error (exit {code}) {err.strip()}")
code, _ = run(DEMO, "-o", os.path.join(TMP, "same.html"), "--key", os.path.join(TMP, "same.html"))
check(code == 2, "the sheet and the key cannot be one file")

print(f"{len(FAILURES)} failure(s)")
sys.exit(1 if FAILURES else 0)
