#!/usr/bin/env python3
"""Consistency check for a Parallax demo story's gold.json.

Usage: python3 check_gold.py [STORY_DIR ...]   (default: every folder next to this script)

Checks, per story:
  * every source file exists and its first line equals sources[id].headline;
  * every boilerplate line occurs as a whole line of its file;
  * every fact mention occurs verbatim in its file and is one whole body sentence;
  * every body sentence (furniture lines removed) belongs to at least one fact;
  * every conflict names only outlets that mention the fact;
  * every framing cue occurs in its file (case-insensitive);
  * pages/<id>.html, if present, carries the same article sentences as <id>.txt.
Exit status 0 when all checks pass.
"""
import html.parser
import json
import os
import re
import sys

ABBREV = {"mr.", "mrs.", "ms.", "dr.", "gen.", "sen.", "rep.", "st.", "no.", "vs.",
          "u.s.", "u.k.", "u.n.", "e.u.", "a.m.", "p.m.", "jan.", "feb.", "mar.", "apr.",
          "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."}
END = re.compile(r"[.!?][\"'\u201d\u2019]*(?=\s)")
OPENERS = "\"'\u201c\u2018"


def split_sentences(par):
    """Split one paragraph into sentences; abbreviations do not end a sentence."""
    out, start = [], 0
    for m in END.finditer(par):
        rest = par[m.end():].lstrip()
        if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in OPENERS):
            continue
        word = par[:m.end()].split()[-1].lower().strip("\"'\u201c\u201d\u2018\u2019")
        if word in ABBREV or re.fullmatch(r"[a-z]\.", word):
            continue
        out.append(par[start:m.end()].strip())
        start = m.end()
    tail = par[start:].strip()
    if tail:
        out.append(tail)
    return out


def body_paragraphs(text, furniture):
    lines = text.split("\n")
    paras, cur = [], []
    for line in lines[1:] + [""]:
        if line.strip():
            cur.append(line.strip())
        elif cur:
            paras.append(" ".join(cur))
            cur = []
    return [p for p in paras if p not in furniture]


def body_sentences(text, furniture):
    return [s for p in body_paragraphs(text, furniture) for s in split_sentences(p)]


class ArticleText(html.parser.HTMLParser):
    """Collect <p> text inside <div class="article-body">, skipping nested <aside>/<form>."""

    def __init__(self):
        super().__init__()
        self.depth = 0          # depth inside article-body div
        self.skip = 0           # inside aside/form/script/style
        self.in_p = False
        self.paras, self.buf = [], []

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if self.depth:
            if tag == "div":
                self.depth += 1
            if tag in ("aside", "form", "script", "style", "figure"):
                self.skip += 1
            if tag == "p" and not self.skip:
                self.in_p, self.buf = True, []
        elif tag == "div" and "article-body" in cls.split():
            self.depth = 1

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag in ("aside", "form", "script", "style", "figure") and self.skip:
            self.skip -= 1
        elif tag == "p" and self.in_p:
            self.paras.append(re.sub(r"\s+", " ", "".join(self.buf)).strip())
            self.in_p = False
        elif tag == "div":
            self.depth -= 1

    def handle_data(self, data):
        if self.in_p and not self.skip:
            self.buf.append(data)


def check_story(d):
    errors = []
    gold = json.load(open(os.path.join(d, "gold.json"), encoding="utf-8"))
    texts, sents = {}, {}
    for sid, src in gold["sources"].items():
        path = os.path.join(d, src["file"])
        if not os.path.exists(path):
            errors.append(f"{sid}: missing file {src['file']}")
            continue
        text = open(path, encoding="utf-8").read()
        texts[sid] = text
        first = text.split("\n", 1)[0]
        if first != src.get("headline"):
            errors.append(f"{sid}: headline mismatch: {first!r}")
        lines = set(l.strip() for l in text.split("\n"))
        furn = set(gold["boilerplate"].get(sid, []))
        for b in furn:
            if b not in lines:
                errors.append(f"{sid}: boilerplate line not in file: {b!r}")
        sents[sid] = body_sentences(text, furn)

    covered = {sid: set() for sid in texts}
    ids = set()
    for f in gold["facts"]:
        if f["id"] in ids:
            errors.append(f"duplicate fact id {f['id']}")
        ids.add(f["id"])
        for sid, ms in f["mentions"].items():
            if sid not in texts:
                errors.append(f"{f['id']}: unknown outlet {sid}")
                continue
            for m in ms:
                if m not in texts[sid]:
                    errors.append(f"{f['id']}/{sid}: mention not in file: {m!r}")
                elif m not in sents[sid]:
                    errors.append(f"{f['id']}/{sid}: mention is not a whole body sentence: {m!r}")
                covered[sid].add(m)
        c = f.get("conflict")
        if c:
            for sid in c["values"]:
                if sid not in f["mentions"]:
                    errors.append(f"{f['id']}: conflict value for non-mentioning outlet {sid}")
    for sid, ss in sents.items():
        for s in ss:
            if s not in covered[sid]:
                errors.append(f"{sid}: body sentence in no fact: {s!r}")

    for sid, fr in gold.get("framing", {}).items():
        low = texts.get(sid, "").lower()
        for key in ("loaded", "hedges", "attribution", "anonymous_sources"):
            for cue in fr.get(key, []):
                if cue.lower() not in low:
                    errors.append(f"{sid}: framing {key} cue not in text: {cue!r}")

    pages = os.path.join(d, "pages")
    if os.path.isdir(pages):
        for name in sorted(os.listdir(pages)):
            sid, ext = os.path.splitext(name)
            if ext != ".html" or sid not in sents:
                continue
            raw = open(os.path.join(pages, name), encoding="utf-8").read()
            p = ArticleText()
            p.feed(raw)
            import html as h
            page_sents = [s for para in p.paras for s in split_sentences(h.unescape(para))]
            if page_sents != sents[sid]:
                errors.append(f"pages/{name}: article sentences differ from {sid}.txt "
                              f"({len(page_sents)} vs {len(sents[sid])})")
                for a, b in zip(page_sents, sents[sid]):
                    if a != b:
                        errors.append(f"  first difference: {a!r} != {b!r}")
                        break
            if os.path.getsize(os.path.join(pages, name)) >= 30 * 1024:
                errors.append(f"pages/{name}: 30 KB or larger")

    counts = {sid: len(ss) for sid, ss in sents.items()}
    return errors, counts


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    dirs = argv or [os.path.join(here, n) for n in sorted(os.listdir(here))
                    if os.path.isfile(os.path.join(here, n, "gold.json"))]
    if not dirs:
        print("no story folders with gold.json found")
        return 1
    bad = 0
    for d in dirs:
        errors, counts = check_story(d)
        print(f"{os.path.basename(os.path.normpath(d))}: body sentences {counts}")
        for e in errors:
            print("  ERROR", e)
        bad += len(errors)
    print("OK" if not bad else f"{bad} error(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
