#!/usr/bin/env python3
"""Train the line classifier for pasted text (data/line-model.txt) and
measure it by site-grouped cross-validation with the real binary.

  scripts/train_lines.py [--eval ../shared/eval] [--parallax build/parallax]
                         [--folds 10] [--out data/line-model.txt] [--no-cv]

Data (read at training time, never copied into the project): the pasted
pages of the evaluation set (EVAL/pasted/<id>.txt.gz) and the extraction
benchmark's ground truth (EVAL/extraction/ground-truth.json). A line is
article text when most of its words line up, in order, with the words of
the page's true article body; the article's stretch runs from its first
article line to its last.

Features come from the binary (`parallax extract --line-features
--no-line-model`), so training and use see the same numbers. The model is
a logistic regression (L2, Newton's method; each page weighs the same and
each line by its words, as the scorer weighs them) of "this line lies
outside the article's stretch", and two more of "the article begins at
this line" and "ends at this line" (each page weighs the same); the binary
takes the stretch of greatest summed evidence, lets the page's own styles
adjust it, weighs where it begins and ends (src/ingest/linemodel.c) and
applies the furniture rules. The ridge penalty, the shift, the weight of
the page's styles and the weight of the boundaries are chosen by an inner
site-grouped cross-validation on the training pages only.

Cross-validation: pages are grouped by site (the registrable domain of the
true URL), sites are dealt into folds by a seeded hash, and for each fold
a model trained (and tuned) on the other folds is written to a temporary
file and the real binary is run with `--line-model` on the held-out pages;
their outputs are scored with the evaluation's scorer. Then the model
trained on every page is written to --out. Python 3 and numpy
(python3-numpy); fixed seeds; the same data give the same file on every
machine.
"""
import argparse
import collections
import difflib
import gzip
import hashlib
import importlib.util
import itertools
import json
import math
import os
import re
import subprocess
import sys
import tempfile
from urllib.parse import urlparse

import numpy as np

WORD = re.compile(r"\w+", re.UNICODE)
BODY_SHARE = 0.5  # a line is article text when this share of its words align
SEED = "parallax-lines-1"
INNER = 5         # folds of the inner cross-validation that tunes the settings
L2S = (100.0, 1000.0)                        # ridge penalties tried
SHIFTS = (0.0, 0.25, 0.5, 0.75, 1.0)         # evidence shifts tried
ADAPTS = (0.0, 0.25)                         # weights of the page's own styles tried
BOUNDS = (0.0, 1.0, 2.0, 4.0)                # weights of where the article begins and ends
EDGE_L2 = 100.0   # ridge of the begin and end regressions (one line of each a page)
# The model acts only on a page like those it learned from: a stretch of at
# least ACT evidence (about two paragraphs it is sure of), or at least AROUND
# evidence against the lines outside it (about ten lines of furniture it is
# sure of). A short text or a clean article with a few furniture lines is
# neither, and the rules alone decide. Fixed, not tuned: they guard texts
# the training pages do not show.
ACT, AROUND = 4.0, 20.0
# a line's style, for the page's own styles: features of the line alone
STYLE = ("log_chars", "log_words", "end_stop", "sentences", "comma_rate", "cap_share",
         "stop_share", "short_share", "digit_share", "upper_share", "w_any", "title_like",
         "prose", "link_like")


def site_of(url):
    host = urlparse(url).netloc.lower().split(":")[0]
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in (
            "co", "com", "org", "net", "ac", "gov", "edu"):
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def run(argv, may_fail=False):
    """The command's output; a failure stops the training unless may_fail
    (then, as for the scorer, the output is what it printed: nothing)."""
    r = subprocess.run(argv, capture_output=True, timeout=120)
    if r.returncode != 0 and not may_fail:
        sys.exit("train_lines: %s: exit %d: %s" % (" ".join(argv), r.returncode,
                                                    r.stderr.decode(errors="replace")[:300]))
    return r.stdout.decode("utf-8")


def features(parallax, path):
    """The binary's view of each line: (names, rows); a row is a dict with
    text, x (features) and rule (removed by the patterns)."""
    out = run([parallax, "extract", "--line-features", "--no-line-model", path])
    lines = out.splitlines()
    head = json.loads(lines[0])
    rows = []
    for l in lines[1:]:
        o = json.loads(l)
        rows.append({"text": o["text"], "x": o["x"], "rule": o["drop"]})
    return head["features"], rows


def label(rows, truth):
    """1 for furniture, 0 for article text: the words of the line that the
    alignment with the true body covers."""
    toks, owner = [], []
    for i, r in enumerate(rows):
        for w in WORD.findall(r["text"]):
            toks.append(w.lower())
            owner.append(i)
    tt = [w.lower() for w in WORD.findall(truth)]
    hit = [0] * len(toks)
    sm = difflib.SequenceMatcher(None, toks, tt, autojunk=False)
    for a, _, n in sm.get_matching_blocks():
        for k in range(a, a + n):
            hit[k] = 1
    count, covered = collections.Counter(owner), collections.Counter()
    for k, o in enumerate(owner):
        covered[o] += hit[k]
    for i, r in enumerate(rows):
        r["y"] = 0 if count[i] and covered[i] >= BODY_SHARE * count[i] else 1
        r["words"] = count[i]
    body = [i for i, r in enumerate(rows) if r["y"] == 0]
    for i, r in enumerate(rows):
        r["out"] = 0 if body and body[0] <= i <= body[-1] else 1
        r["start"] = 1 if body and i == body[0] else 0
        r["end"] = 1 if body and i == body[-1] else 0


def load_pages(args, tmp):
    truth = json.load(open(os.path.join(args.eval, "extraction", "ground-truth.json"),
                           encoding="utf-8"))
    pages, names = [], None
    for pid in sorted(truth):
        src = os.path.join(args.eval, "pasted", pid + ".txt.gz")
        path = os.path.join(tmp, pid + ".txt")
        with gzip.open(src, "rb") as f, open(path, "wb") as o:
            o.write(f.read())
        names, rows = features(args.parallax, path)
        label(rows, truth[pid]["articleBody"])
        pages.append({"id": pid, "path": path, "site": site_of(truth[pid]["url"]),
                      "rows": rows, "truth": truth[pid]["articleBody"]})
    return names, pages


def fold_of_sites(pages, k):
    """Sites dealt into k folds: in the order of a seeded hash, each to the
    fold with the fewest pages so far."""
    sites = collections.Counter(p["site"] for p in pages)
    order = sorted(sites, key=lambda s: hashlib.sha256((SEED + s).encode()).hexdigest())
    load, fold = [0] * k, {}
    for s in order:
        f = min(range(k), key=lambda i: (load[i], i))
        fold[s] = f
        load[f] += sites[s]
    return fold


# ---- logistic regression ----

def design(pages):
    """Features, labels and weights: each page weighs the same, each line
    by its words (plus one); the weights average 1."""
    x = np.array([r["x"] for p in pages for r in p["rows"]], dtype=float)
    y = np.array([r["out"] for p in pages for r in p["rows"]], dtype=float)
    w = []
    for p in pages:
        total = sum(r["words"] + 1 for r in p["rows"]) or 1
        w.extend((r["words"] + 1) / total for r in p["rows"])
    w = np.array(w)
    return x, y, w * len(w) / w.sum()


def newton(z, y, w, l2):
    """Weights (bias first) of the L2-penalised weighted logistic
    regression on the columns z, by Newton's method."""
    z = np.hstack([np.ones((len(z), 1)), z])
    ridge = l2 * np.eye(z.shape[1])
    ridge[0, 0] = 0.0
    theta = np.zeros(z.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(z @ theta, -40, 40)))
        grad = z.T @ (w * (p - y)) + ridge @ theta
        hess = (z * (w * p * (1 - p))[:, None]).T @ z + ridge
        step = np.linalg.solve(hess, grad)
        theta -= step
        if np.abs(step).max() < 1e-9:
            break
    return theta


def edge_weights(pages, key):
    """Labels of the begin or end regression (the article's first or last
    line) and weights: each page weighs the same, its lines alike."""
    y = np.array([r[key] for p in pages for r in p["rows"]], dtype=float)
    w = np.array([1.0 / len(p["rows"]) for p in pages for r in p["rows"]])
    return y, w * len(w) / w.sum()


def fit(pages, names, l2):
    """The regressions on standardised features: whether a line lies
    outside the article (bias, w), whether the article begins at it
    (start) and whether it ends at it (end)."""
    x, y, w = design(pages)
    mean, scale = x.mean(0), x.std(0)
    scale[scale < 1e-6] = 1.0
    z = (x - mean) / scale
    theta = newton(z, y, w, l2)
    m = {"bias": float(theta[0]), "w": [float(v) for v in theta[1:]],
         "mean": [float(v) for v in mean], "scale": [float(v) for v in scale],
         "names": names, "l2": l2}
    for key in ("start", "end"):
        t = newton(z, *edge_weights(pages, key), EDGE_L2)
        m[key + "_bias"], m[key] = float(t[0]), [float(v) for v in t[1:]]
    return m


# ---- the decoding, as src/ingest/linemodel.c does it ----

def log_odds(m, x, key="w"):
    return m["bias" if key == "w" else key + "_bias"] + sum(
        w * (v - mu) / s for w, v, mu, s in zip(m[key], x, m["mean"], m["scale"]))


def log_sigmoid(z):
    return -math.log1p(math.exp(-z)) if z >= 0 else z - math.log1p(math.exp(z))


def bounded_stretch(e, s, t):
    """The stretch maximising s[lo] + t[hi] + the evidence between."""
    best, begin, total, frm, lo, hi = -math.inf, -math.inf, 0.0, 0, 0, 0
    for i, v in enumerate(e):
        if s[i] - total > begin:
            begin, frm = s[i] - total, i
        total += v
        if begin + total + t[i] > best:
            best, lo, hi = begin + total + t[i], frm, i
    return lo, hi


def best_stretch(e):
    best, cur, start, lo, hi = -math.inf, 0.0, 0, 0, 0
    for i, v in enumerate(e):
        if cur <= 0:
            cur, start = 0.0, i
        cur += v
        if cur > best:
            best, lo, hi = cur, start, i
    return best, lo, hi


def adapt(m, style, xs, fixed, lo, hi, e, a):
    z = [[(x[k] - m["mean"][k]) / m["scale"][k] for k in style] for x in xs]
    lw = m["names"].index("log_words")
    article = [lo <= i <= hi and x[lw] != 0 and not f for i, (x, f) in enumerate(zip(xs, fixed))]
    inside = [zi for zi, a_ in zip(z, article) if a_]
    outside = [zi for zi, a_ in zip(z, article) if not a_]
    if not inside or not outside:
        return e
    cin = [sum(c) / len(inside) for c in zip(*inside)]
    cout = [sum(c) / len(outside) for c in zip(*outside)]
    return [v if f else
            v + a * sum((q - o) ** 2 - (q - c) ** 2 for q, o, c in zip(zi, cout, cin))
            for v, zi, f in zip(e, z, fixed)]


def decode(m, style, xs, fixed, z, shift, a, bound=0.0, edges=None):
    """Which lines lie outside the article (z: each line's log-odds; fixed:
    lines the rules name, neutral here; edges: each line's log-probabilities
    of beginning and ending the article). Nothing on a page unlike the
    training pages (see ACT)."""
    if not xs:
        return []
    e = [0.0 if f else shift - v for v, f in zip(z, fixed)]
    best, lo, hi = best_stretch(e)
    against = sum(-v for i, v in enumerate(e) if (i < lo or i > hi) and v < 0)
    act = best > 0 and (best >= ACT or against >= AROUND)
    if act and a > 0:
        e = adapt(m, style, xs, fixed, lo, hi, e, a)
        _, lo, hi = best_stretch(e)
    if act and bound > 0:
        lo, hi = bounded_stretch(e, [bound * v for v in edges[0]], [bound * v for v in edges[1]])
    return [act and not lo <= i <= hi for i in range(len(xs))]


def edge_logs(m, rows):
    return ([log_sigmoid(log_odds(m, r["x"], "start")) for r in rows],
            [log_sigmoid(log_odds(m, r["x"], "end")) for r in rows])


def kept_text(page, out):
    return "\n".join(r["text"] for r, o in zip(page["rows"], out) if not o and not r["rule"])


def tune(pages, names, sc):
    """The ridge penalty, shift, page-style weight and boundary weight that
    score best on the training pages by an inner site-grouped
    cross-validation."""
    style = [names.index(k) for k in STYLE]
    fold = fold_of_sites(pages, INNER)
    best = None
    for l2 in L2S:
        zs = {}
        for k in range(INNER):
            m = fit([p for p in pages if fold[p["site"]] != k], names, l2)
            for p in pages:
                if fold[p["site"]] == k:
                    zs[p["id"]] = (m, [log_odds(m, r["x"]) for r in p["rows"]],
                                   edge_logs(m, p["rows"]))
        for shift, a, bound in itertools.product(SHIFTS, ADAPTS, BOUNDS):
            counts = []
            for p in pages:
                m, z, edges = zs[p["id"]]
                out = decode(m, style, [r["x"] for r in p["rows"]],
                             [r["rule"] for r in p["rows"]], z, shift, a, bound, edges)
                counts.append(sc.page_counts(p["truth"], kept_text(p, out)))
            f1 = sc.prf(counts)[2]
            if best is None or f1 > best[0] + 1e-12:
                best = (f1, l2, shift, a, bound)
    return best


def train(pages, names, sc):
    f1, l2, shift, a, bound = tune(pages, names, sc)
    m = fit(pages, names, l2)
    m.update(shift=shift, adapt=a, bound=bound, inner_f1=f1)
    return m


def write_model(m, path, note):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Parallax line model: which lines of pasted text are the article.\n")
        f.write("# Written by scripts/train_lines.py (do not edit by hand; retrain instead).\n")
        for line in note:
            f.write("# " + line + "\n")
        f.write("# Settings chosen by inner cross-validation: ridge %g, shift %g, adapt %g, "
                "boundary %g (inner F1 %.3f).\n" % (m["l2"], m["shift"], m["adapt"], m["bound"],
                                                    m["inner_f1"]))
        f.write("format parallax-line-model 2\n")
        f.write("bias %.6g\n" % m["bias"])
        for name, w, mu, s in zip(m["names"], m["w"], m["mean"], m["scale"]):
            f.write("feature %s %.6g %.6g %.6g\n" % (name, w, mu, s))
        f.write("shift %.6g\n" % m["shift"])
        f.write("adapt %.6g\n" % m["adapt"])
        f.write("act %.6g %.6g\n" % (ACT, AROUND))
        for name in STYLE:
            f.write("style %s\n" % name)
        f.write("boundary %.6g %.6g %.6g\n" % (m["bound"], m["start_bias"], m["end_bias"]))
        for key in ("start", "end"):
            for name, w in zip(m["names"], m[key]):
                f.write("%s %s %.6g\n" % (key, name, w))


# ---- measuring ----

def scorer(eval_dir):
    spec = importlib.util.spec_from_file_location(
        "score_extraction", os.path.join(eval_dir, "score_extraction.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def cross_validate(args, names, pages, tmp, sc):
    fold = fold_of_sites(pages, args.folds)
    pred = {}
    for k in range(args.folds):
        held = [p for p in pages if fold[p["site"]] == k]
        rest = [p for p in pages if fold[p["site"]] != k]
        m = train(rest, names, sc)
        path = os.path.join(args.folds_dir or tmp, "fold%d.model" % k)
        write_model(m, path, ["fold %d" % k])
        for p in held:
            pred[p["id"]] = run([args.parallax, "extract", "--format", "text", "--line-model",
                                 path, p["path"]], may_fail=True)
        print("fold %d: %d pages, %d sites held out (ridge %g, shift %g, adapt %g, boundary %g): "
              "%s" % (k, len(held), len({p["site"] for p in held}), m["l2"], m["shift"],
                      m["adapt"], m["bound"],
            " ".join(p["id"][:8] for p in held)), file=sys.stderr, flush=True)
    counts = [sc.page_counts(p["truth"], pred[p["id"]]) for p in pages]
    pr, rc, f1 = sc.prf(counts)
    with open(os.path.join(tmp, "cv-pred.json"), "w", encoding="utf-8") as f:
        json.dump({i: {"articleBody": t} for i, t in pred.items()}, f)
    return pr, rc, f1, pred


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval", default=os.path.join(root, "..", "shared", "eval"))
    ap.add_argument("--parallax", default=os.path.join(root, "build", "parallax"))
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--out", default=os.path.join(root, "data", "line-model.txt"))
    ap.add_argument("--no-cv", action="store_true", help="train on every page only")
    ap.add_argument("--cv-only", action="store_true", help="measure, write no model")
    ap.add_argument("--pred", help="write the cross-validated outputs here (JSON)")
    ap.add_argument("--folds-dir", help="keep each fold's model here (foldK.model)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="px-lines-") as tmp:
        names, pages = load_pages(args, tmp)
        nlines = sum(len(p["rows"]) for p in pages)
        nfurn = sum(r["y"] for p in pages for r in p["rows"])
        sites = len({p["site"] for p in pages})
        print("%d pages from %d sites, %d lines (%d furniture)" % (len(pages), sites, nlines,
                                                                    nfurn), flush=True)
        note = ["Trained on %d pasted pages from %d sites (%d lines, %d furniture)." % (
            len(pages), sites, nlines, nfurn)]
        sc = scorer(args.eval)
        if not args.no_cv:
            pr, rc, f1, pred = cross_validate(args, names, pages, tmp, sc)
            line = ("Site-grouped %d-fold cross-validation, real binary, scorer of "
                    "score_extraction.py: P %.3f R %.3f F1 %.3f." % (args.folds, pr, rc, f1))
            print(line)
            note.append(line)
            if args.pred:
                with open(args.pred, "w", encoding="utf-8") as f:
                    json.dump({i: {"articleBody": t} for i, t in pred.items()}, f)
        if not args.cv_only:
            write_model(train(pages, names, sc), args.out, note)
            print("wrote " + args.out)


if __name__ == "__main__":
    main()
