"""End to end: the helper subcommands the evaluation scripts call
(extract, sentences, similar, lexicon) keep their documented formats."""
import json
import os

from common import DEMO, ROOT, check, done, run

code, out, err = run("sentences", "--json", "-", stdin="Mr. Smith arrived at 5 p.m. on Dec. 7. He left.".encode())
check(code == 0 and json.loads(out) == ["Mr. Smith arrived at 5 p.m. on Dec. 7.", "He left."],
      f"sentences --json: {out[:100]!r}")
code, out, err = run("sentences", "--json", "--offsets", "-", stdin="One. Two.".encode())
objs = json.loads(out)
check(code == 0 and objs[1] == {"text": "Two.", "start": 5, "end": 9}, "sentences --offsets")

pairs = ("Biden warned Putin of sanctions.\tPutin was warned of sanctions by Biden.\n"
         "Biden warned Putin of sanctions.\tThe weather in Sochi was mild.\n")
code, out, err = run("similar", "-", stdin=pairs.encode())
rows = [l.split("\t") for l in out.decode().splitlines()]
check(code == 0 and len(rows) == 2 and all(len(r) == 2 for r in rows), "similar: score<TAB>same per line")
check(float(rows[0][0]) > float(rows[1][0]) and rows[0][1] == "1" and rows[1][1] == "0",
      f"similar ranks the paraphrase above the unrelated pair: {rows}")

page = os.path.join(DEMO, "pages", "flash.html")
code, out, err = run("extract", "--format", "text", page)
text = out.decode()
txt = open(os.path.join(DEMO, "flash.txt"), encoding="utf-8").read()
first_body = [l for l in txt.split("\n\n")[1:] if len(l) > 80][0]
check(code == 0 and first_body.strip()[:60] in text, "extract finds the article body in the HTML page")
check("\n\n" in text and "Related" not in text and "newsletter" not in text.lower(),
      "extract drops nav, related links and the newsletter box; keeps paragraphs")
code, out, err = run("extract", "--json", page)
meta = json.loads(out)
check(code == 0 and meta["outlet"] == "Daily Flash" and meta["date"].startswith("2021-12-07"),
      f"extract --json metadata: {meta.get('outlet')}, {meta.get('date')}")

code, out, err = run("lexicon", "check", *[os.path.join(ROOT, "lexicons", f)
                                         for f in sorted(os.listdir(os.path.join(ROOT, "lexicons")))
                                         if f.endswith((".tsv", ".dic"))])
check(code == 0 and b"ok" in out, "every shipped lexicon passes lexicon check")
code, out, err = run("lexicon", "list")
check(code == 0 and b"loaded" in out and b"hedges" in out, "lexicon list")
code, out, err = run("lexicon", "match", "--category", "loaded", "-",
                     stdin="The \u00e9lite regime slammed the plan.\nNothing here.\n".encode())
lines = [json.loads(l) for l in out.decode().splitlines()]
check(code == 0 and len(lines) == 2 and lines[1]["hits"] == [], "lexicon match: one JSON object per line")
h = lines[0]["hits"]
check(any(x["term"] == "slammed" and x["start"] == 18 and x["end"] == 25 for x in h),
      f"lexicon match: byte offsets of 'slammed' after a two-byte letter {h}")
check(all(x["term"] != "regime" for x in h),
      "lexicon match: an entry dropped for its measured precision ('# dropped:') does not match")
# JSON records: the text is all body, the headline is the "title" field
import tempfile
d = tempfile.mkdtemp(prefix="pxrec")
rec = os.path.join(d, "recs.jsonl")
with open(rec, "w") as f:
    f.write(json.dumps({"outlet": "a", "title": "", "text": "First paragraph is real.\n\nSecond one too."}) + "\n")
    f.write(json.dumps({"outlet": "b", "title": "A headline", "text": "Body one. Body two."}) + "\n")
code, out, err = run("compare", "--format", "json", rec)
r = json.loads(out) if code == 0 else {"sources": []}
texts = {s["id"]: [x["text"] for x in s["sentences"] if not x.get("headline")] for s in r["sources"]}
check(texts.get("a") == ["First paragraph is real.", "Second one too."],
      f"a record with an empty title keeps its first paragraph: {texts.get('a')}")
check(texts.get("b") == ["Body one.", "Body two."] and r["sources"][1]["title"] == "A headline",
      "a record's title is its headline, its text all body")

# story.json gives a folder's outlets their names, URLs and dates; a masthead
# line removed as furniture names the outlet when story.json does not
r = json.loads(run("compare", "--format", "json", DEMO)[1])
names = {s["id"]: s["name"] for s in r["sources"]}
check(names == {"wire": "Meridian Wire", "sentinel": "The Iron Sentinel", "harbor": "Harbor Post",
                "flash": "Daily Flash"}, f"story.json names the demo outlets: {names}")
check(r["story"]["title"].startswith("Biden and Putin hold a video call"), "story.json gives the title")
story = os.path.join(d, "story")
os.mkdir(story)
for name in ("sentinel.txt", "wire.txt"):
    with open(os.path.join(DEMO, name), encoding="utf-8") as src, \
         open(os.path.join(story, name), "w", encoding="utf-8") as dst:
        dst.write(src.read())
r = json.loads(run("compare", "--format", "json", story)[1])
names = {s["id"]: s["name"] for s in r["sources"]}
check(names == {"sentinel": "The Iron Sentinel", "wire": "wire"},
      f"the masthead line names the outlet, else the id: {names}")
with open(os.path.join(story, "story.json"), "w") as f:
    f.write('{"sources": {"ledger": {"name": "The Ledger"}}}')
code, out, err = run("compare", story)
check(code == 3 and "story.json" in err and "ledger" in err, f"story.json naming a missing source: {err.strip()}")
with open(os.path.join(story, "story.json"), "w") as f:
    f.write('{"sources": {"wire": {"name": 7}}}')
code, out, err = run("compare", story)
check(code == 3 and "story.json" in err, f"story.json with a wrong type: {err.strip()}")
with open(os.path.join(story, "story.json"), "w") as f:
    f.write('{"sources": ')
code, out, err = run("compare", story)
check(code == 3 and "story.json:1" in err and "malformed JSON" in err, f"malformed story.json: {err.strip()}")
done()
