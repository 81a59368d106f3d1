#!/usr/bin/env python3
"""bench/gen_corpus.py — a synthetic JSONL corpus for `parallax batch`.

Usage: gen_corpus.py STORIES OUT.jsonl [--seed N] [--root DIR]

Builds STORIES stories of 4 to 6 outlets each from the project's own text
(the articles under data/stories/ and the README's prose): each story draws
a set of sentences ("facts"), and each outlet carries most of them, in a
partly shuffled order, edited (words dropped or swapped, numbers changed,
hedges and attributions added) plus a few sentences of its own, so the
aligner has real matching to do. Lines of nearby stories are interleaved,
so a story's articles are not adjacent in the file. Deterministic for a
given seed; streams its output (memory stays flat for any STORIES).
"""
import argparse
import glob
import json
import os
import random
import re

OUTLETS = ["wire", "herald", "sentinel", "harbor", "flash", "courier", "ledger", "tribune",
           "dispatch", "observer", "gazette", "chronicle"]
HEDGES = ["reportedly", "apparently", "allegedly", "possibly", "perhaps"]
ATTRIBUTIONS = ["officials said", "a spokesperson said", "according to people familiar with the matter",
                "sources said", "the statement said"]
PLACES = ["Aldern", "Brisk", "Corran", "Dunmore", "Estley", "Farrow", "Gledhill", "Harwick"]
WINDOW = 64  # stories whose lines are shuffled together


def sentences(root):
    texts = []
    for path in sorted(glob.glob(os.path.join(root, "data", "stories", "*", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            texts.append(f.read().split("\n", 1)[-1])
    readme = os.path.join(root, "README.md")
    if os.path.exists(readme):
        with open(readme, encoding="utf-8") as f:
            prose = [l for l in f.read().split("\n")
                     if l and l[0].isalpha() and "|" not in l and "`" not in l]
            texts.append(" ".join(prose))
    out = []
    for t in texts:
        for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", " ".join(t.split())):
            if 6 <= len(s.split()) <= 45:
                out.append(s)
    return out


def edit(rng, s):
    words = s.split()
    r = rng.random()
    if r < 0.2 and len(words) > 8:
        del words[rng.randrange(1, len(words) - 1)]
    elif r < 0.35 and len(words) > 8:
        i = rng.randrange(1, len(words) - 2)
        words[i], words[i + 1] = words[i + 1], words[i]
    elif r < 0.5:
        words.insert(min(len(words) - 1, 2), rng.choice(HEDGES))
    s = " ".join(words)
    if rng.random() < 0.15:
        s = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 3)), s, count=1)
    if rng.random() < 0.2:
        s = s.rstrip(".") + ", " + rng.choice(ATTRIBUTIONS) + "."
    return s


def story(rng, pool, k):
    place = rng.choice(PLACES)
    facts = [s.replace("Ukraine", place) for s in rng.sample(pool, rng.randint(14, 24))]
    outlets = rng.sample(OUTLETS, rng.randint(4, 6))
    lines = []
    for o in outlets:
        keep = [f for f in facts if rng.random() < 0.8]
        for _ in range(len(keep) // 4):  # local shuffles: order mostly kept
            i = rng.randrange(len(keep))
            j = min(len(keep) - 1, i + rng.randint(1, 3))
            keep[i], keep[j] = keep[j], keep[i]
        keep += [rng.choice(pool) for _ in range(rng.randint(1, 3))]
        body = [edit(rng, s) for s in keep]
        paras = ["\n".join(body[i:i + 3]) for i in range(0, len(body), 3)]
        title = " ".join(edit(rng, facts[0]).split()[:12]).rstrip(".,")
        lines.append({"story": f"story-{k:06d}", "outlet": o, "title": title,
                      "date": f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}",
                      "url": f"https://{o}.example/{k}", "text": "\n\n".join(paras)})
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("stories", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--root", default=os.path.join(os.path.dirname(__file__), ".."))
    a = ap.parse_args()
    pool = sentences(a.root)
    with open(a.out, "w", encoding="utf-8") as f:
        for start in range(0, a.stories, WINDOW):
            window = []
            for k in range(start, min(a.stories, start + WINDOW)):
                window += story(random.Random(a.seed * 1000003 + k), pool, k)
            random.Random(a.seed + start).shuffle(window)
            for rec in window:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
