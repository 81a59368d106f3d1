#!/usr/bin/env python3
"""Measure every entry of a lexicon on expert annotations; keep those that earn their place.

  scripts/lexicon_precision.py [--lexicon lexicons/loaded.tsv] [--parallax build/parallax]
                               [--babe ../shared/eval/bias/babe_dev.csv]
                               [--basil ../shared/eval/basil-dev] [--folds 5] [--seed 16]
                               [--cv] [--write] [--report FILE]

Two sets of expert annotations, read where they are (the team's shared
evaluation folder; nothing of them is copied into the project):
  BABE   sentences from US outlets labelled biased or not, the biased words
         marked; an entry's hit is right when it covers a marked word;
  BASIL  Fox / NYT / HuffPost articles on the same events, lexical-bias
         spans marked; a hit is right when it overlaps a span.

Every entry of the lexicon (kept lines and `# dropped:` lines alike) is a
candidate. One run of `parallax lexicon match` with all candidates, and no
context rules, gives each hit with its position (head of a noun phrase,
modifier of a noun: see lexicons/README.md). Per entry and corpus:
  precision  the share of its hits that are right, estimated with a prior:
             (right + m * prior) / (hits + m), the prior being its
             category's estimate, itself drawn toward the whole lexicon's;
             an entry never seen gets its category's estimate;
  lift       the share of the sentences it fires in that the experts found
             biased (BABE) or that hold a lexical-bias span (BASIL), over the
             share of all sentences that do (the base rate), with the same
             kind of prior.
An entry is kept when its lift beats the base rate (> 1) on both corpora
and its precision reaches TAU_BABE on BABE (and TAU_BASIL on BASIL, zero by
default: BASIL's experts mark few words, so a hit outside their spans says
less); else it is dropped (its line stays in the file as `# dropped:` so a
later run measures it again). The thresholds were set by the held-out
figures below, the one choice made on them. A kept entry whose hits in one position (head or modifier, counted
over both corpora) are right less often than the thresholds, with at least
MIN_CONTEXT such hits, gets the rule `not-head` / `not-modifier` there.

Held back: --cv deals BABE's sentences into K folds (seeded) and BASIL's
triplets into K folds (by story, as scripts/basil_score.py does); for fold k
the choice is made without fold k (of that corpus; the other corpus is used
whole), the binary is run with that choice on fold k, and the pooled
held-out outputs are scored by ../shared/eval/score_bias_words.py (BABE) and
scripts/basil_score.py (BASIL). These are the figures to report; the choice
written by --write uses all the data and is measured only by them.
--write rewrites the lexicon file in place (entry order and header kept) and
writes the per-entry figures to --report (default lexicons/tools/
NAME-precision.tsv). Python 3 standard library only; deterministic.
"""
import argparse, ast, csv, json, os, random, re, shlex, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import basil_score  # noqa: E402

EVAL = os.path.join(ROOT, "..", "shared", "eval")
WORD = re.compile(r"\w[\w'’-]*", re.UNICODE)  # as score_bias_words.py splits words

TAU_BABE = 0.25   # least share of an entry's BABE hits on marked words
TAU_BASIL = 0.0   # least share of its BASIL hits inside lexical-bias spans
LIFT_BABE = 1.0   # least lift of the sentences it fires in (BABE; BASIL: above 1)
PRIOR = 4         # weight of the prior, in hits (entry toward its category)
PRIOR_CAT = 20    # weight of the whole lexicon's estimate for a category
MIN_CONTEXT = 4   # hits in one position before a context rule is decided


def set_thresholds(tau_babe, tau_basil, prior, lift_babe):
    global TAU_BABE, TAU_BASIL, PRIOR, LIFT_BABE
    TAU_BABE, TAU_BASIL, PRIOR, LIFT_BABE = tau_babe, tau_basil, prior, lift_babe


# ---- the lexicon file --------------------------------------------------

DROPPED = "# dropped: "


class Entry:
    def __init__(self, idx, line_no, cols, dropped):
        self.idx, self.line_no, self.dropped = idx, line_no, dropped
        cols = cols + [""] * (5 - len(cols))
        self.term, self.category, self.weight, self.neutral = cols[0], cols[1], cols[2], cols[3]
        self.rules = cols[4]
        self.key = (self.term.lower(), self.category)

    def line(self, rules, dropped):
        cols = [self.term, self.category, self.weight, self.neutral, rules]
        while len(cols) > 2 and not cols[-1]:
            cols.pop()
        return (DROPPED if dropped else "") + "\t".join(cols)


def read_lexicon(path):
    """(lines, entries): the file's lines, and its entries (kept or dropped)."""
    lines = open(path, encoding="utf-8").read().split("\n")
    entries = []
    for i, line in enumerate(lines):
        dropped = line.startswith(DROPPED)
        body = line[len(DROPPED):] if dropped else line
        if not body.strip() or (body.lstrip().startswith("#")):
            continue
        cols = [c.strip() for c in body.split("\t")]
        if len(cols) >= 2:
            entries.append(Entry(len(entries), i, cols, dropped))
    return lines, entries


def header_lines(lines, entries):
    first = min(e.line_no for e in entries if not e.dropped)
    return [l for l in lines[:first] if not l.startswith(DROPPED)]


def write_candidates(lines, entries, keep, folder):
    """A lexicon folder holding the file with only the kept entries, each
    with its rules: keep maps entry index → rules string."""
    os.makedirs(folder, exist_ok=True)
    out = header_lines(lines, entries)
    for e in entries:
        if e.idx in keep:
            out.append(e.line(keep[e.idx], False))
    with open(os.path.join(folder, "loaded.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    return folder


# ---- the annotated data ---------------------------------------------------

def load_babe(path):
    rows = [r for r in csv.DictReader(open(path, encoding="utf-8-sig"))
            if r["label_bias"] in ("Biased", "Non-biased")]
    items = []
    for r in rows:
        try:
            gold = {w.lower() for w in ast.literal_eval(r["biased_words"] or "[]")}
        except (ValueError, SyntaxError):
            gold = set()
        toks = set()
        for w in gold:
            toks.update(WORD.findall(w))
        items.append({"text": r["text"].replace("\n", " "), "biased": r["label_bias"] == "Biased",
                      "gold": toks})
    return items


def load_basil(path):
    items = []
    for a in basil_score.load(path):
        for i, s in enumerate(a["sents"]):
            spans = [(sp[1], sp[2]) for sp in a["spans"] if sp[0] == i]
            items.append({"text": s, "triplet": a["triplet"], "spans": spans})
    return items


def match(parallax, folder, texts):
    cmd = [parallax, "lexicon", "match", "--lexicons", folder, "--category", "loaded", "-"]
    out = subprocess.run(cmd, input=("\n".join(texts) + "\n").encode(), capture_output=True,
                         timeout=1200)
    lines = out.stdout.decode().splitlines()
    if out.returncode != 0 or len(lines) != len(texts):
        sys.exit(f"{' '.join(cmd)}: exit {out.returncode}, {len(lines)} lines for "
                 f"{len(texts)}: {out.stderr.decode()[:300]}")
    return lines


CTX = {"head": 1, "modifier": 2}


def hits_of(line, text, index, right):
    """The hits of one output line as (entry, context bits, right, start)."""
    b = text.encode()
    out = []
    for h in json.loads(line)["hits"]:
        e = index.get((h["term"], h["category"]))
        if e is None:
            continue
        ctx = sum(CTX[c] for c in h.get("context", []))
        out.append((e, ctx, right(b, h), h["start"]))
    return out


def babe_right(item):
    return lambda b, h: bool(set(WORD.findall(
        b[h["start"]:h["end"]].decode("utf-8", "replace").lower())) & item["gold"])


def basil_right(item):
    def right(b, h):
        cs = len(b[:h["start"]].decode("utf-8", "replace"))
        ce = len(b[:h["end"]].decode("utf-8", "replace"))
        return any(cs < e and s < ce for s, e in item["spans"])
    return right


def annotate(parallax, folder, items, index):
    """The hits of the lexicon in folder on each item: a list per item."""
    out = []
    for item, line in zip(items, match(parallax, folder, [i["text"] for i in items])):
        right = babe_right(item) if "gold" in item else basil_right(item)
        out.append(hits_of(line, item["text"], index, right))
    return out


# ---- the choice -------------------------------------------------------------

class Counts:
    """Per key: hits, right hits, sentences fired in, positive sentences."""
    def __init__(self):
        self.c = {}

    def add(self, key, hits, right, sents, pos):
        v = self.c.setdefault(key, [0, 0, 0, 0])
        v[0] += hits; v[1] += right; v[2] += sents; v[3] += pos

    def get(self, key):
        return self.c.get(key, [0, 0, 0, 0])


def count(items, hits, entries):
    """Counts per entry, per (entry, context bit), per category and overall
    from the hits of each item (hits[id(item)]); and the corpus's base
    rate."""
    n = Counts()
    for item in items:
        fired = set()
        for e, ctx, right, _ in hits[id(item)]:
            cat = entries[e].category
            for key in [("e", e), ("c", cat), ("all",)] + [("x", e, b) for b in (1, 2) if ctx & b]:
                n.add(key, 1, right, 0, 0)
            fired.add(e)
        for e in fired:
            for key in (("e", e), ("c", entries[e].category), ("all",)):
                n.add(key, 0, 0, 1, item["positive"])
    base = sum(i["positive"] for i in items) / max(len(items), 1)
    return n, base


def estimate(v, prior, m):
    """(precision, sentence share) of counts v drawn toward prior (a pair)."""
    return ((v[1] + m * prior[0]) / (v[0] + m), (v[3] + m * prior[1]) / (v[2] + m))


def estimates(n, base, entries):
    """Per entry (precision, share of positive sentences), with priors."""
    g = n.get(("all",))
    top = (g[1] / g[0] if g[0] else 0.0, g[3] / g[2] if g[2] else base)
    cats = {e.category for e in entries}
    cat = {c: estimate(n.get(("c", c)), top, PRIOR_CAT) for c in cats}
    return {e.idx: estimate(n.get(("e", e.idx)), cat[e.category], PRIOR) for e in entries}


def choose_once(babe, basil, hits, entries):
    """entry index → rules string ('' or 'not-head' …) for the kept entries;
    and the figures behind the choice."""
    nb, base_b = count(babe, hits, entries)
    na, base_a = count(basil, hits, entries)
    eb, ea = estimates(nb, base_b, entries), estimates(na, base_a, entries)
    keep, why = {}, {}
    for e in entries:
        pb, sb = eb[e.idx]
        pa, sa = ea[e.idx]
        ok = pb >= TAU_BABE and pa >= TAU_BASIL and sb > LIFT_BABE * base_b and sa > base_a
        rules = []
        for bit, name in ((1, "not-head"), (2, "not-modifier")):
            xb, xa = nb.get(("x", e.idx, bit)), na.get(("x", e.idx, bit))
            if ok and xb[0] + xa[0] >= MIN_CONTEXT:
                qb = (xb[1] + PRIOR * pb) / (xb[0] + PRIOR)
                qa = (xa[1] + PRIOR * pa) / (xa[0] + PRIOR)
                if qb < TAU_BABE or qa < TAU_BASIL:
                    rules.append(name)
        if ok:
            keep[e.idx] = " ".join(rules)
        why[e.idx] = (nb.get(("e", e.idx)), na.get(("e", e.idx)), (pb, sb / base_b),
                      (pa, sa / base_a), ok, " ".join(rules))
    return keep, why, (base_b, base_a)


def choose(a, lines, entries, babe, basil, index, work):
    """The choice on these items, made again until it holds: dropping an
    entry can hand its words to another (`regime` dropped, `regimes~`
    matches "regime" in its place), so the kept lexicon is run on the items
    and every hit seen is added to the evidence, up to four rounds."""
    hits = {id(i): set(i["hits0"]) for i in babe + basil}
    keep = None
    for _ in range(4):
        new, why, bases = choose_once(babe, basil, hits, entries)
        if new == keep:
            break
        keep = new
        folder = write_candidates(lines, entries, keep, os.path.join(work, "round"))
        grown = False
        for items in (babe, basil):
            for item, h in zip(items, annotate(a.parallax, folder, items, index)):
                before = len(hits[id(item)])
                hits[id(item)].update(h)
                grown = grown or len(hits[id(item)]) > before
        if not grown:
            break
    return keep, why, bases


# ---- held-back figures --------------------------------------------------------

def fold_of_babe(n, k, seed):
    f = [i % k for i in range(n)]
    random.Random(seed).shuffle(f)
    return f


def cross_validate(a, lines, entries, babe, basil, index, work):
    k = a.folds
    fb = fold_of_babe(len(babe), k, a.seed)
    ft = basil_score.folds([i["triplet"] for i in basil], k, a.seed)
    pooled = [None] * len(babe)
    kept_b, kept_a = [], []
    for f in range(k):
        train = [i for i, x in zip(babe, fb) if x != f]
        keep, _, _ = choose(a, lines, entries, train, basil, index, work)
        kept_b.append(len(keep))
        folder = write_candidates(lines, entries, keep, os.path.join(work, "babe", str(f)))
        idx = [i for i, x in enumerate(fb) if x == f]
        for i, line in zip(idx, match(a.parallax, folder, [babe[i]["text"] for i in idx])):
            pooled[i] = line
        keep, _, _ = choose(a, lines, entries, babe, [i for i in basil if ft[i["triplet"]] != f],
                            index, work)
        kept_a.append(len(keep))
        write_candidates(lines, entries, keep, os.path.join(work, "basil", str(f)))
    out = os.path.join(work, "babe-held-out.jsonl")
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("\n".join(pooled) + "\n")
    print(f"BABE, {k}-fold by sentence (entries kept per fold: {kept_b}), pooled held-out:")
    scorer = os.path.join(a.eval, "score_bias_words.py")
    res = subprocess.run([sys.executable, scorer, "--data", a.babe, "--cmd",
                          "cat " + shlex.quote(out)], capture_output=True, text=True)
    print("  " + res.stdout.strip().replace("\n", "\n  ") + res.stderr.strip())
    print(f"BASIL, {k}-fold by triplet (entries kept per fold: {kept_a}), pooled held-out:")
    arts = basil_score.load(a.basil)
    lines_out, _ = basil_score.score(
        arts, a.parallax, lambda t: os.path.join(work, "basil", str(ft[t])))
    print("  " + "\n  ".join(lines_out))


# ---- writing the choice -------------------------------------------------------

def write_lexicon(path, lines, entries, keep):
    by_line = {e.line_no: e for e in entries}
    out = []
    for i, line in enumerate(lines):
        e = by_line.get(i)
        if e is None:
            out.append(line)
        else:
            out.append(e.line(keep.get(e.idx, ""), e.idx not in keep))
    text = "\n".join(out)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text if text.endswith("\n") else text + "\n")


def write_report(path, entries, why, bases):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Per-entry figures behind lexicons/loaded.tsv, written by "
                "scripts/lexicon_precision.py --write.\n")
        f.write(f"# Base rates: BABE {bases[0]:.3f} of sentences biased, BASIL {bases[1]:.3f} of "
                f"sentences with a lexical-bias span. Thresholds: precision >= {TAU_BABE} "
                f"(BABE), >= {TAU_BASIL} (BASIL), lift > 1 on both.\n")
        f.write("# hits / right: the entry's hits and those on expert-marked words (BABE) or "
                "spans (BASIL); sents / pos: the sentences it fires in and the biased ones; "
                "est: the estimates with their priors.\n")
        f.write("term\tcategory\tdecision\tbabe_hits\tbabe_right\tbabe_sents\tbabe_biased\t"
                "babe_precision\tbabe_lift\tbasil_hits\tbasil_right\tbasil_sents\tbasil_pos\t"
                "basil_precision\tbasil_lift\n")
        for e in entries:
            b, s, (pb, lb), (pa, la), ok, rules = why[e.idx]
            dec = ("kept" + (" " + rules if rules else "")) if ok else "dropped"
            f.write(f"{e.term}\t{e.category}\t{dec}\t{b[0]}\t{b[1]}\t{b[2]}\t{b[3]}\t{pb:.3f}\t"
                    f"{lb:.2f}\t{s[0]}\t{s[1]}\t{s[2]}\t{s[3]}\t{pa:.3f}\t{la:.2f}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lexicon", default=os.path.join(ROOT, "lexicons", "loaded.tsv"))
    ap.add_argument("--parallax", default=os.path.join(ROOT, "build", "parallax"))
    ap.add_argument("--eval", default=EVAL)
    ap.add_argument("--babe", default=None)
    ap.add_argument("--basil", default=None)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--cv", action="store_true", help="print the held-out figures")
    ap.add_argument("--write", action="store_true", help="rewrite the lexicon and the report")
    ap.add_argument("--report", default=None)
    ap.add_argument("--tau-babe", type=float, default=TAU_BABE)
    ap.add_argument("--tau-basil", type=float, default=TAU_BASIL)
    ap.add_argument("--prior", type=float, default=PRIOR)
    ap.add_argument("--lift-babe", type=float, default=LIFT_BABE)
    a = ap.parse_args()
    set_thresholds(a.tau_babe, a.tau_basil, a.prior, a.lift_babe)
    a.babe = a.babe or os.path.join(a.eval, "bias", "babe_dev.csv")
    a.basil = a.basil or os.path.join(a.eval, "basil-dev")
    lines, entries = read_lexicon(a.lexicon)
    index = {e.key: e.idx for e in entries}
    babe, basil = load_babe(a.babe), load_basil(a.basil)
    with tempfile.TemporaryDirectory(prefix="px-precision-") as work:
        every = {e.idx: "" for e in entries}
        folder = write_candidates(lines, entries, every, os.path.join(work, "all"))
        for items in (babe, basil):
            for item, h in zip(items, annotate(a.parallax, folder, items, index)):
                item["hits0"] = h
        for item in babe:
            item["positive"] = item["biased"]
        for item in basil:
            item["positive"] = bool(item["spans"])
        keep, why, bases = choose(a, lines, entries, babe, basil, index, work)
        ctx = sum(1 for r in keep.values() if r)
        print(f"{len(entries)} candidates: {len(keep)} kept ({ctx} with a context rule), "
              f"{len(entries) - len(keep)} dropped (all data)")
        if a.cv:
            cross_validate(a, lines, entries, babe, basil, index, work)
    if a.write:
        write_lexicon(a.lexicon, lines, entries, keep)
        name = os.path.splitext(os.path.basename(a.lexicon))[0]
        report = a.report or os.path.join(os.path.dirname(a.lexicon), "tools",
                                          f"{name}-precision.tsv")
        write_report(report, entries, why, bases)
        print(f"wrote {a.lexicon} and {report}")


if __name__ == "__main__":
    main()
