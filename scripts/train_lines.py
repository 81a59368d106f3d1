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
a logistic regression (L2, L-BFGS; each page weighs the same and each line
by its words, as the scorer weighs them) of "this line lies outside the
article's stretch"; the binary takes the stretch of greatest summed
evidence, lets the page's own styles adjust it (src/ingest/linemodel.c)
and applies the furniture rules. The ridge penalty, the shift and the
weight of the page's styles are chosen by an inner site-grouped
cross-validation on the training pages only.

Cross-validation: pages are grouped by site (the registrable domain of the
true URL), sites are dealt into folds by a seeded hash, and for each fold
a model trained (and tuned) on the other folds is written to a temporary
file and the real binary is run with `--line-model` on the held-out pages;
their outputs are scored with the evaluation's scorer. Then the model
trained on every page is written to --out. Python 3 standard library only;
fixed seeds; the same data give the same file on every machine.
"""
import argparse
import collections
import difflib
import gzip
import hashlib
import importlib.util
import json
import math
import os
import re
import subprocess
import sys
import tempfile
from urllib.parse import urlparse

WORD = re.compile(r"\w+", re.UNICODE)
BODY_SHARE = 0.5  # a line is article text when this share of its words align
SEED = "parallax-lines-1"
INNER = 5         # folds of the inner cross-validation that tunes the settings
L2S = (100.0, 1000.0)                        # ridge penalties tried
SHIFTS = (0.0, 0.25, 0.5, 0.75, 1.0)         # evidence shifts tried
ADAPTS = (0.0, 0.25, 0.5, 1.0)               # weights of the page's own styles tried
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

def standardise(pages, d):
    n, s, s2 = 0, [0.0] * d, [0.0] * d
    for p in pages:
        for r in p["rows"]:
            n += 1
            for k, v in enumerate(r["x"]):
                s[k] += v
                s2[k] += v * v
    mean = [v / n for v in s]
    scale = []
    for k in range(d):
        var = s2[k] / n - mean[k] ** 2
        scale.append(math.sqrt(var) if var > 1e-12 else 1.0)
    return mean, scale


def design(pages, mean, scale):
    """Columns of standardised features, labels and weights: each page
    weighs the same, each line by its words (plus one)."""
    rows, y, w = [], [], []
    for p in pages:
        total = sum(r["words"] + 1 for r in p["rows"]) or 1
        for r in p["rows"]:
            rows.append(r["x"])
            y.append(r["out"])
            w.append((r["words"] + 1) / total)
    cols = [[(r[k] - mean[k]) / scale[k] for r in rows] for k in range(len(mean))]
    sw = sum(w)
    return cols, y, [v * len(w) / sw for v in w]


def loss_grad(theta, cols, y, w, l2):
    b, beta = theta[0], theta[1:]
    z = [b] * len(y)
    for bk, col in zip(beta, cols):
        if bk:
            z = [zi + bk * xi for zi, xi in zip(z, col)]
    loss, r = 0.0, []
    for zi, yi, wi in zip(z, y, w):
        if zi >= 0:
            e = math.exp(-zi)
            p = 1 / (1 + e)
            loss += wi * ((1 - yi) * zi + math.log1p(e))
        else:
            e = math.exp(zi)
            p = e / (1 + e)
            loss += wi * (-yi * zi + math.log1p(e))
        r.append(wi * (p - yi))
    g = [sum(r)] + [sum(map(float.__mul__, r, col)) + l2 * bk for bk, col in zip(beta, cols)]
    loss += 0.5 * l2 * sum(v * v for v in beta)
    return loss, g


def lbfgs(f, x0, iters=300, m=10, tol=1e-6):
    x = list(x0)
    fx, g = f(x)
    S, Y = [], []
    for _ in range(iters):
        q = list(g)
        alphas = []
        for s, yv in reversed(list(zip(S, Y))):
            rho = 1 / sum(a * b for a, b in zip(yv, s))
            a = rho * sum(u * v for u, v in zip(s, q))
            alphas.append((rho, a, s, yv))
            q = [qi - a * yi for qi, yi in zip(q, yv)]
        if S:
            gamma = sum(a * b for a, b in zip(S[-1], Y[-1])) / sum(v * v for v in Y[-1])
            q = [gamma * v for v in q]
        for rho, a, s, yv in reversed(alphas):
            bcoef = rho * sum(u * v for u, v in zip(yv, q))
            q = [qi + (a - bcoef) * si for qi, si in zip(q, s)]
        d = [-v for v in q]
        slope = sum(a * b for a, b in zip(g, d))
        if slope >= 0:
            d, slope = [-v for v in g], -sum(v * v for v in g)
        step = 1.0
        while True:
            xn = [a + step * b for a, b in zip(x, d)]
            fn, gn = f(xn)
            if fn <= fx + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s = [a - b for a, b in zip(xn, x)]
        yv = [a - b for a, b in zip(gn, g)]
        if sum(a * b for a, b in zip(s, yv)) > 1e-12:
            S.append(s)
            Y.append(yv)
            if len(S) > m:
                S.pop(0)
                Y.pop(0)
        done = abs(fx - fn) < tol * max(1.0, abs(fx))
        x, fx, g = xn, fn, gn
        if done:
            break
    return x


def fit(pages, names, l2):
    """The regression: weights of standardised features, and the bias."""
    d = len(names)
    mean, scale = standardise(pages, d)
    cols, y, w = design(pages, mean, scale)
    theta = lbfgs(lambda t: loss_grad(t, cols, y, w, l2), [0.0] * (d + 1))
    return {"bias": theta[0], "w": theta[1:], "mean": mean, "scale": scale, "names": names,
            "l2": l2}


# ---- the decoding, as src/ingest/linemodel.c does it ----

def log_odds(m, x):
    return m["bias"] + sum(w * (v - mu) / s for w, v, mu, s in zip(m["w"], x, m["mean"],
                                                                   m["scale"]))


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


def decode(m, style, xs, fixed, z, shift, a):
    """Which lines lie outside the article (z: each line's log-odds; fixed:
    lines the rules name, neutral here). Nothing on a page unlike the
    training pages (see ACT)."""
    if not xs:
        return []
    e = [0.0 if f else shift - v for v, f in zip(z, fixed)]
    best, lo, hi = best_stretch(e)
    against = sum(-v for i, v in enumerate(e) if (i < lo or i > hi) and v < 0)
    act = best > 0 and (best >= ACT or against >= AROUND)
    if act and a > 0:
        _, lo, hi = best_stretch(adapt(m, style, xs, fixed, lo, hi, e, a))
    return [act and not lo <= i <= hi for i in range(len(xs))]


def kept_text(page, out):
    return "\n".join(r["text"] for r, o in zip(page["rows"], out) if not o and not r["rule"])


def tune(pages, names, sc):
    """The ridge penalty, shift and page-style weight that score best on
    the training pages by an inner site-grouped cross-validation."""
    style = [names.index(k) for k in STYLE]
    fold = fold_of_sites(pages, INNER)
    best = None
    for l2 in L2S:
        zs = {}
        for k in range(INNER):
            m = fit([p for p in pages if fold[p["site"]] != k], names, l2)
            for p in pages:
                if fold[p["site"]] == k:
                    zs[p["id"]] = (m, [log_odds(m, r["x"]) for r in p["rows"]])
        for shift in SHIFTS:
            for a in ADAPTS:
                counts = []
                for p in pages:
                    m, z = zs[p["id"]]
                    out = decode(m, style, [r["x"] for r in p["rows"]],
                                 [r["rule"] for r in p["rows"]], z, shift, a)
                    counts.append(sc.page_counts(p["truth"], kept_text(p, out)))
                f1 = sc.prf(counts)[2]
                if best is None or f1 > best[0] + 1e-12:
                    best = (f1, l2, shift, a)
    return best


def train(pages, names, sc):
    f1, l2, shift, a = tune(pages, names, sc)
    m = fit(pages, names, l2)
    m.update(shift=shift, adapt=a, inner_f1=f1)
    return m


def write_model(m, path, note):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Parallax line model: which lines of pasted text are the article.\n")
        f.write("# Written by scripts/train_lines.py (do not edit by hand; retrain instead).\n")
        for line in note:
            f.write("# " + line + "\n")
        f.write("# Settings chosen by inner cross-validation: ridge %g, shift %g, adapt %g "
                "(inner F1 %.3f).\n" % (m["l2"], m["shift"], m["adapt"], m["inner_f1"]))
        f.write("format parallax-line-model 2\n")
        f.write("bias %.6g\n" % m["bias"])
        for name, w, mu, s in zip(m["names"], m["w"], m["mean"], m["scale"]):
            f.write("feature %s %.6g %.6g %.6g\n" % (name, w, mu, s))
        f.write("shift %.6g\n" % m["shift"])
        f.write("adapt %.6g\n" % m["adapt"])
        f.write("act %.6g %.6g\n" % (ACT, AROUND))
        for name in STYLE:
            f.write("style %s\n" % name)


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
        print("fold %d: %d pages, %d sites held out (ridge %g, shift %g, adapt %g): %s" % (
            k, len(held), len({p["site"] for p in held}), m["l2"], m["shift"], m["adapt"],
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
