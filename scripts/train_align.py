#!/usr/bin/python3
"""Train the model that says whether two sentences of two outlets state the
same claim (data/align-model.tsv), and measure it held back by story.

  scripts/train_align.py train [--msrp PAIRS.tsv] [--basil DIR] [-o data/align-model.tsv] STORY_DIR...
  scripts/train_align.py cv    [--msrp PAIRS.tsv] [--basil DIR] STORY_DIR...

The model shipped was made with (from the project root, after building):

  scripts/train_align.py train --msrp ../shared/eval/msrp/train.tsv \
      --basil ../shared/eval/basil-dev --weight ../shared/eval/stories=4 \
      ../shared/eval/real-stories/*/ ../shared/eval/stories/*/

A STORY_DIR holds one file per outlet and gold.json (the format of
../shared/eval/stories/README.md): the facts, each with the exact sentences
of each outlet that state it. With --basil, the BASIL triplets named in
data/align-train/ are added: each file there holds our own gold alignment
of one triplet as sentence ids only (made by careful reading under
../shared/eval/real-stories/GUIDE.md; no article text is kept in the
project), and the triplet's articles are read from the BASIL folder into a
temporary story folder. --weight PREFIX=W counts the stories under PREFIX W
times (the written stories, whose many outlets and paraphrases the real
triplets would otherwise drown). The features of every candidate pair come
from the binary itself (`parallax compare --pairs`), so training and use
see the same numbers; a pair is positive when one gold fact holds both
sentences (a fact carried by one outlet links nothing).

Two logistic regressions (L2, Newton's method on standardised features,
folded back to raw weights; no random numbers, so the same data give the
same weights on every machine):
  pair   the pair's own features (features.c);
  story  the pair stage's log-odds and the pair's place among its rivals:
         is it each sentence's best partner in the other outlet and by what
         margin, and are the sentences beside them linked too (times the
         pair's own probability, so that neighbours strengthen a link but
         never make one out of nothing).
With --msrp (label, s1, s2 TSV with a header, e.g. MSRP's train.tsv) a third
one, "similar", is fitted on those pairs alone (`parallax similar --features`)
for `parallax similar`; cv reports its 10-fold accuracy.

`cv` leaves one story out at a time: fits on the others, writes that model
to a temporary file, runs `parallax compare --align-model` on the held-out
story and scores the JSON with the scorer given by --scorer (default
../shared/eval/score_alignment.py); it prints each story's line and the
mean per folder of stories. Nothing it measures was seen in training.

Needs python3-numpy (Debian).
"""
import argparse, difflib, itertools, json, math, os, re, subprocess, sys, tempfile

import numpy as np

PARAMS = ("link", "floor", "extra", "confident", "omits")
STORY_FEATURES = ["logit", "top_min", "top_max", "gap_min", "gap_max", "mutual", "diag", "side"]

# ---- gold ----------------------------------------------------------------

def norm(s):
    return " ".join(s.split())

def holds(big, small):
    if len(small) >= 12:
        return small in big
    return re.search(r"(?<!\w)" + re.escape(small) + r"(?!\w)", big) is not None

def same_sentence(a, b):
    """One sentence is the other, or holds it (a splitter may cut a gold
    sentence in two), or they differ by a few characters."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if holds(a, b) or holds(b, a):
        return True
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8

def load_gold(folder):
    with open(os.path.join(folder, "gold.json"), encoding="utf-8") as f:
        return json.load(f)

def outlet_files(folder, gold):
    return [os.path.join(folder, gold["sources"][o]["file"]) for o in gold["sources"]]

def fact_sets(gold, sentences):
    """sentence id -> set of gold facts carried by 2+ outlets it states."""
    out = {}
    for sid, (outlet, text) in sentences.items():
        fs = set()
        for i, f in enumerate(gold["facts"]):
            if sum(1 for v in f["mentions"].values() if v) < 2:
                continue
            if any(same_sentence(text, g) for g in f["mentions"].get(outlet, [])):
                fs.add(i)
        out[sid] = fs
    return out

def basil_stories(basil, ids_dir, out):
    """Story folders (outlet files + gold.json) for the triplets with a gold
    file in ids_dir, from the BASIL articles under basil/articles."""
    import glob
    arts = {}
    for path in glob.glob(os.path.join(basil, "articles", "*", "*.json")):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        arts.setdefault(d["triplet-uuid"], {})[d["source"].lower()] = d
    folders = []
    for path in sorted(glob.glob(os.path.join(ids_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            g = json.load(f)
        t = g["story"]
        folder = os.path.join(out, t)
        os.makedirs(folder, exist_ok=True)
        text, sources = {}, {}
        for o in ("fox", "nyt", "hpo"):
            d = arts[t][o]
            paras = [[x.strip() for x in p if x.strip()] for p in d["body-paragraphs"]]
            paras = [p for p in paras if p]
            with open(os.path.join(folder, o + ".txt"), "w", encoding="utf-8") as f:
                f.write(d["title"].strip() + "\n" + "".join(" ".join(p) + "\n" for p in paras))
            n = 0
            for p in paras:
                for x in p:
                    n += 1
                    text[f"{o}:{n}"] = (o, x)
            sources[o] = {"file": o + ".txt", "headline": d["title"].strip()}
        facts, used = [], set()
        for fact in g["facts"]:
            m = {}
            for sid in fact["sentences"]:
                o, x = text[sid]
                m.setdefault(o, []).append(x)
                used.add(sid)
            facts.append({"mentions": m, "conflict": fact.get("conflict")})
        facts += [{"mentions": {o: [x]}, "conflict": None} for sid, (o, x) in text.items() if sid not in used]
        with open(os.path.join(folder, "gold.json"), "w", encoding="utf-8") as f:
            json.dump({"story": t, "sources": sources, "facts": facts}, f)
        folders.append(folder)
    return folders

# ---- the binary ------------------------------------------------------------

def compare(binary, folder, model=None, pairs=None):
    gold = load_gold(folder)
    cmd = [binary, "compare", "--format", "json"]
    if pairs:
        cmd += ["--pairs", pairs]
    if model:
        cmd += ["--align-model", model]
    r = subprocess.run(cmd + outlet_files(folder, gold), capture_output=True, check=True)
    return gold, json.loads(r.stdout)

class Story:
    """A gold story's candidate pairs: ids, features, labels."""
    def __init__(self, binary, folder):
        self.folder = folder
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "pairs.tsv")
            self.gold, report = compare(binary, folder, pairs=path)
            with open(path, encoding="utf-8") as f:
                rows = [line.rstrip("\n").split("\t") for line in f]
        ids = {s["id"]: o for s, o in zip(report["sources"], self.gold["sources"])}
        self.sentences = {x["id"]: (ids[s["id"]], x["text"])
                          for s in report["sources"] for x in s["sentences"]}
        head, rows = rows[0], rows[1:]
        self.names = head[3:-2]
        self.pairs = [(r[0], r[1]) for r in rows]
        self.X = np.array([[float(v) for v in r[3:-2]] for r in rows]).reshape(len(rows), len(self.names))
        facts = fact_sets(self.gold, self.sentences)
        self.y = np.array([1.0 if facts[a] & facts[b] else 0.0 for a, b in self.pairs])

def similar_features(binary, path):
    """Features and labels of labelled pairs (TSV: label, s1, s2, header)."""
    with open(path, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f][1:]
    inp = "".join(f"{r[1]}\t{r[2]}\n" for r in rows)
    out = subprocess.run([binary, "similar", "--features", "-"], input=inp.encode(),
                         capture_output=True, check=True).stdout.decode().splitlines()
    names = out[0].split("\t")
    X = np.array([[float(v) for v in l.split("\t")] for l in out[1:]])
    return names, X, np.array([float(r[0]) for r in rows])

# ---- logistic regression -------------------------------------------------

def fit(X, y, l2=1.0, iters=50, weight=None):
    """(bias, weights) on raw features, fitted on standardised ones;
    weight: per example (default 1)."""
    sw = np.ones(len(y)) if weight is None else weight
    mu = X.mean(axis=0)
    sd = X.std(axis=0)
    sd[sd < 1e-9] = 1.0
    Z = np.hstack([np.ones((len(X), 1)), (X - mu) / sd])
    w = np.zeros(Z.shape[1])
    reg = np.full(Z.shape[1], l2)
    reg[0] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(Z @ w)))
        g = Z.T @ (sw * (p - y)) + reg * w
        H = (Z * (sw * p * (1 - p))[:, None]).T @ Z + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    raw = w[1:] / sd
    return w[0] - (raw * mu).sum(), raw

def predict(model, X):
    bias, raw = model
    return 1 / (1 + np.exp(-(X @ raw + bias)))

# ---- the story stage (as align.c computes it) --------------------------------

def story_features(pairs, p):
    def outlet(sid):
        return sid.rsplit(":", 1)[0]
    best = {}
    for (a, b), q in zip(pairs, p):
        for k in ((a, outlet(b)), (b, outlet(a))):
            top = best.setdefault(k, [0.0, 0.0])
            if q > top[0]:
                top[1], top[0] = top[0], q
            elif q > top[1]:
                top[1] = q
    at = {}
    for pr, q in zip(pairs, p):
        at[pr] = at[(pr[1], pr[0])] = q
    def shift(sid, d):
        o, n = sid.rsplit(":", 1)
        return f"{o}:s{int(n[1:]) + d}"
    def pq(x, y):
        return at.get((x, y), 0.0)
    out = []
    for (a, b), q in zip(pairs, p):
        ba, bb = best[(a, outlet(b))], best[(b, outlet(a))]
        ta, tb = q >= ba[0], q >= bb[0]
        qc = min(max(q, 1e-6), 1 - 1e-6)
        diag = max(pq(shift(a, -1), shift(b, -1)), pq(shift(a, 1), shift(b, 1)))
        side = max(pq(shift(a, -1), b), pq(shift(a, 1), b), pq(a, shift(b, -1)), pq(a, shift(b, 1)))
        ga, gb = q - (ba[1] if ta else ba[0]), q - (bb[1] if tb else bb[0])
        out.append([math.log(qc / (1 - qc)), float(min(ta, tb)), float(max(ta, tb)),
                    min(ga, gb), max(ga, gb), float(ta and tb), diag * q, side * q])
    return np.array(out).reshape(len(pairs), len(STORY_FEATURES))

def fit_story_model(stories, l2, weights=None):
    """weights: per story (default 1 each)."""
    X = np.vstack([s.X for s in stories])
    y = np.concatenate([s.y for s in stories])
    w = None
    if weights is not None:
        w = np.concatenate([np.full(len(s.y), wt) for s, wt in zip(stories, weights)])
    pair = fit(X, y, l2, weight=w)
    S = np.vstack([story_features(s.pairs, predict(pair, s.X)) for s in stories])
    return pair, fit(S, y, l2, weight=w)

def write_model(path, names, pair, story, similar, params, note):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Parallax alignment model: do two sentences of two outlets state the same claim?\n"
                "# Written by scripts/train_align.py (logistic regressions); retrain, do not edit.\n"
                f"# {note}\n# stage\tname\tweight\n")
        for stage, model, ns in (("pair", pair, names), ("story", story, STORY_FEATURES),
                                 ("similar", similar, names)):
            f.write(f"{stage}\tbias\t{model[0]:.6g}\n")
            for n, w in zip(ns, model[1]):
                f.write(f"{stage}\t{n}\t{w:.6g}\n")
        for k in PARAMS:
            f.write(f"param\t{k}\t{params[k]:g}\n")

# ---- main --------------------------------------------------------------------

def similar_model(a, names):
    if not a.msrp:
        return (-10.0, np.zeros(len(names))), None
    snames, X, y = similar_features(a.binary, a.msrp)
    assert snames == names, "similar and compare print different features"
    # a pair alone has no place in an article and no rivals
    keep = [i for i, n in enumerate(names)
            if n not in ("pos_min", "pos_diff", "lead_both", "best_min", "best_max", "margin_min", "margin_max")]
    def fit_keep(Xt, yt):
        b, w = fit(Xt[:, keep], yt, a.l2)
        full = np.zeros(len(names))
        full[keep] = w
        return b, full
    folds = np.arange(len(y)) % 10
    acc = []
    for k in range(10):
        m = fit_keep(X[folds != k], y[folds != k])
        acc.append(float(((predict(m, X[folds == k]) >= 0.5) == (y[folds == k] == 1)).mean()))
    return fit_keep(X, y), sum(acc) / len(acc)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["cv", "train"])
    ap.add_argument("stories", nargs="+")
    ap.add_argument("--binary", default="build/parallax")
    ap.add_argument("-o", "--output", default="data/align-model.tsv")
    ap.add_argument("--msrp", help="labelled pairs for the `similar` stage (label, s1, s2 TSV)")
    ap.add_argument("--scorer", default=os.path.join(os.path.dirname(__file__), "..", "..",
                                                      "shared", "eval", "score_alignment.py"))
    ap.add_argument("--basil", help="BASIL folder (articles/) for the triplets of --basil-gold")
    ap.add_argument("--basil-gold", default=os.path.join(os.path.dirname(__file__), "..", "data", "align-train"))
    ap.add_argument("--weight", action="append", default=[], help="PREFIX=W: stories under PREFIX count W times")
    ap.add_argument("--l2", type=float, default=1.0)
    for k, v in zip(PARAMS, (0.5, 0.25, 0.7, 0.6, 0.3)):
        ap.add_argument("--" + k, type=float, default=v)
    a = ap.parse_args()
    params = {k: getattr(a, k) for k in PARAMS}
    tmpdir = tempfile.TemporaryDirectory()
    folders = list(a.stories)
    if a.basil:
        folders += basil_stories(a.basil, a.basil_gold, tmpdir.name)
    stories = [Story(a.binary, d) for d in folders]
    def weight_of(folder):
        for spec in a.weight:
            prefix, w = spec.rsplit("=", 1)
            if os.path.abspath(folder).startswith(os.path.abspath(prefix)):
                return float(w)
        return 1.0
    weights = [weight_of(s.folder) for s in stories]
    names = stories[0].names
    similar, acc = similar_model(a, names)
    if acc is not None:
        print(f"similar: 10-fold accuracy on {a.msrp}: {acc:.4f}")
    if a.mode == "train":
        pair, story = fit_story_model(stories, a.l2, weights)
        npos = int(sum(s.y.sum() for s in stories))
        write_model(a.output, names, pair, story, similar, params,
                    f"{len(stories)} stories, {sum(len(s.y) for s in stories)} pairs "
                    f"({npos} same claim), l2 {a.l2}" + (f"; similar: {os.path.basename(a.msrp)}" if a.msrp else ""))
        return
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i, s in enumerate(stories):
            pair, story = fit_story_model(stories[:i] + stories[i + 1:], a.l2,
                                          weights[:i] + weights[i + 1:])
            path = os.path.join(tmp, "model.tsv")
            write_model(path, names, pair, story, similar, params, "cv")
            _, report = compare(a.binary, s.folder, model=path)
            tool = os.path.join(tmp, "tool.json")
            with open(tool, "w", encoding="utf-8") as f:
                json.dump(report, f)
            out = subprocess.run([sys.executable, a.scorer, "--gold", os.path.join(s.folder, "gold.json"),
                                  "--tool", tool], capture_output=True, check=True, text=True).stdout
            line = json.loads(out.splitlines()[0])
            print(json.dumps(line), flush=True)
            group = os.path.dirname(s.folder.rstrip("/"))
            results.setdefault("BASIL triplets (data/align-train)" if group == tmpdir.name else group, []).append(line)
    for group, lines in sorted(results.items()):
        mean = lambda k: sum(l[k] for l in lines) / len(lines)
        conf = [sum(int(l[k].split("/")[j]) for l in lines) for k in ("conflicts_found", "conflicts_reported_right") for j in (0, 1)]
        print(f"{group}: {len(lines)} stories held out one at a time: link P {mean('link_p'):.3f} "
              f"R {mean('link_r'):.3f} F1 {mean('link_f1'):.3f}, omission F1 {mean('omission_f1'):.3f}, "
              f"conflicts found {conf[0]}/{conf[1]}, reported that are real {conf[2]}/{conf[3]}")

if __name__ == "__main__":
    main()
