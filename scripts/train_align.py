#!/usr/bin/python3
"""Train the model that decides whether two sentences of two outlets state
the same claim (data/align-model.tsv), and measure it held back by story.

  scripts/train_align.py cv    [--binary build/parallax] STORY_DIR...
  scripts/train_align.py train [--binary build/parallax] [-o data/align-model.tsv] STORY_DIR...

A STORY_DIR holds one file per outlet and gold.json (the format of
../shared/eval/stories/README.md): facts with the exact sentences of each
outlet that state them. The features of every candidate pair of sentences
come from the binary itself (`parallax compare --pairs`), so training and
use see the same numbers. A pair is positive when one gold fact holds both
sentences.

The model is a logistic regression (L2, Newton's method, features
standardised, then folded back to raw weights), fitted in two stages: the
pair stage on the pair's own features, the story stage on the pair stage's
log-odds and the pair's place among its rivals (is it each sentence's best
partner in the other outlet, and by what margin). Deterministic: no random
numbers, the same data give the same weights on every machine.

`cv` leaves one story out at a time: fits on the others, writes the model
to a temporary file, runs the binary with --align-model on the held-out
story and prints what the scorer would see. Needs python3-numpy (Debian).
"""
import argparse, difflib, itertools, json, math, os, re, subprocess, sys, tempfile

import numpy as np

# ---- gold ----------------------------------------------------------------

def norm(s):
    return " ".join(s.split())

def holds(big, small):
    if len(small) >= 12:
        return small in big
    return re.search(r"(?<!\w)" + re.escape(small) + r"(?!\w)", big) is not None

def same_sentence(a, b):
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
    """sentence id -> set of gold facts (carried by 2+ outlets) it states."""
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

# ---- running the binary ----------------------------------------------------

def run(binary, folder, model=None):
    gold = load_gold(folder)
    with tempfile.TemporaryDirectory() as tmp:
        pairs = os.path.join(tmp, "pairs.tsv")
        cmd = [binary, "compare", "--format", "json", "--pairs", pairs]
        if model:
            cmd += ["--align-model", model]
        r = subprocess.run(cmd + outlet_files(folder, gold), capture_output=True, check=True)
        report = json.loads(r.stdout)
        with open(pairs, encoding="utf-8") as f:
            rows = [line.rstrip("\n").split("\t") for line in f]
    ids = {s["id"]: o for s, o in zip(report["sources"], gold["sources"])}
    sentences = {}
    for s in report["sources"]:
        for x in s["sentences"]:
            sentences[x["id"]] = (ids[s["id"]], x["text"])
    head, rows = rows[0], rows[1:]
    names = head[3:-2]
    return gold, report, sentences, names, rows

class Story:
    def __init__(self, binary, folder):
        self.folder = folder
        self.gold, self.report, self.sentences, self.names, rows = run(binary, folder)
        facts = fact_sets(self.gold, self.sentences)
        self.pairs = [(r[0], r[1]) for r in rows]
        self.X = np.array([[float(v) for v in r[3:-2]] for r in rows]).reshape(len(rows), len(self.names))
        self.y = np.array([1.0 if facts[a] & facts[b] else 0.0 for a, b in self.pairs])
        self.facts = facts

def load_pairs(binary, path, names):
    """Features of labelled pairs (TSV: label, s1, s2, with a header) from
    `parallax similar --features`."""
    with open(path, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f][1:]
    inp = "".join(f"{r[1]}\t{r[2]}\n" for r in rows)
    out = subprocess.run([binary, "similar", "--features", "-"], input=inp.encode(),
                         capture_output=True, check=True).stdout.decode().splitlines()
    head = out[0].split("\t")
    assert head == names, "feature names differ between similar and compare"
    X = np.array([[float(v) for v in l.split("\t")] for l in out[1:]])
    y = np.array([float(r[0]) for r in rows])
    return X, y

# ---- logistic regression -------------------------------------------------

def fit(X, y, l2=1.0, iters=50, weight=None):
    """Weights (bias first) on raw features, fitted on standardised ones;
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
    bias = w[0] - (raw * mu).sum()
    return bias, raw

def predict(model, X):
    bias, raw = model
    return 1 / (1 + np.exp(-(X @ raw + bias)))

# ---- the story stage: a pair among its rivals ------------------------------

STORY_FEATURES = ["logit", "top_a", "top_b", "gap_a", "gap_b", "mutual", "diag", "side", "share_above"]

def split_id(sid):
    o, n = sid.rsplit(":", 1)
    return o, int(n[1:])

def story_features(pairs, p):
    """Per pair: its pair-stage log-odds, whether it is each side's best
    partner in the other outlet, and its margin over the runner-up."""
    def outlet(sid):
        return sid.rsplit(":", 1)[0]
    best = {}
    for (a, b), q in zip(pairs, p):
        for x, other in ((a, outlet(b)), (b, outlet(a))):
            k = (x, other)
            lst = best.setdefault(k, [0.0, 0.0])
            if q > lst[0]:
                lst[1], lst[0] = lst[0], q
            elif q > lst[1]:
                lst[1] = q
    at = {pr: q for pr, q in zip(pairs, p)}
    def pq(x, y):
        return at.get((x, y), at.get((y, x), 0.0))
    def shift(sid, d):
        o, n = split_id(sid)
        return f"{o}:s{n + d}"
    # how many sentences of each outlet pair have a partner at least this good
    above = {}
    for (a, b), q in zip(pairs, p):
        above.setdefault((outlet(a), outlet(b)), []).append(q)
    for k in above:
        above[k].sort()
    import bisect
    out = []
    for (a, b), q in zip(pairs, p):
        lst = above[(outlet(a), outlet(b))]
        share_above = math.log1p(len(lst) - bisect.bisect_left(lst, q))
        diag = max(pq(shift(a, -1), shift(b, -1)), pq(shift(a, 1), shift(b, 1)))
        side = max(pq(shift(a, -1), b), pq(shift(a, 1), b), pq(a, shift(b, -1)), pq(a, shift(b, 1)))
        ba, bb = best[(a, outlet(b))], best[(b, outlet(a))]
        ta, tb = q >= ba[0], q >= bb[0]
        ga = q - (ba[1] if ta else ba[0])
        gb = q - (bb[1] if tb else bb[0])
        qc = min(max(q, 1e-6), 1 - 1e-6)
        out.append([math.log(qc / (1 - qc)), float(ta), float(tb), ga, gb, float(ta and tb), diag, side, share_above])
    keep = [i for i, n in enumerate(STORY_FEATURES) if n not in SDROP]
    return np.array(out).reshape(len(pairs), len(STORY_FEATURES))[:, keep]

CONTEXT = ("best_a", "best_b", "margin_a", "margin_b")

def pair_columns(names):
    ctx = os.environ.get("PX_CTX") == "1"
    return [i for i, n in enumerate(names) if (ctx or n not in CONTEXT) and n not in DROP]

SDROP = set(os.environ.get("PX_SDROP", "").split(",")) - {""}

DROP = set(os.environ.get("PX_DROP", "").split(",")) - {""}

EXTRA = None  # (X, y, weight): sentence pairs from outside the stories

def fit_two(stories, l2=1.0):
    cols = pair_columns(stories[0].names)
    X = np.vstack([s.X[:, cols] for s in stories])
    y = np.concatenate([s.y for s in stories])
    if EXTRA is not None:
        ex, ey, ew = EXTRA
        w = np.concatenate([np.ones(len(y)), np.full(len(ey), ew)])
        pair = fit(np.vstack([X, ex[:, cols]]), np.concatenate([y, ey]), l2, weight=w)
    else:
        pair = fit(X, y, l2)
    S = np.vstack([story_features(s.pairs, predict(pair, s.X[:, cols])) for s in stories])
    story = fit(S, y, l2)
    return pair, story, cols

def predict_two(models, s):
    pair, story, cols = models
    return predict(story, story_features(s.pairs, predict(pair, s.X[:, cols])))

def gold_units(gold):
    units = set()
    for i, f in enumerate(gold["facts"]):
        os_ = sorted(o for o, v in f["mentions"].items() if v)
        for x, y in itertools.combinations(os_, 2):
            units.add((i, x, y))
    return units

def unit_score(s, p, t, one=False):
    """Link precision (pairs chosen that one gold fact holds) and recall of
    gold (fact, outlet, outlet) units, as the scorer counts them."""
    order = sorted(range(len(p)), key=lambda k: -p[k])
    used = set()
    chosen = []
    for k in order:
        if p[k] < t:
            break
        a, b = s.pairs[k]
        oa, ob = a.rsplit(":", 1)[0], b.rsplit(":", 1)[0]
        if one and ((a, ob) in used or (b, oa) in used):
            continue
        used.add((a, ob))
        used.add((b, oa))
        chosen.append(k)
    right = sum(1 for k in chosen if s.y[k])
    units = gold_units(s.gold)
    found = set()
    for k in chosen:
        a, b = s.pairs[k]
        oa, ob = s.sentences[a][0], s.sentences[b][0]
        for f in s.facts[a] & s.facts[b]:
            found.add((f,) + tuple(sorted((oa, ob))))
    P = right / len(chosen) if chosen else 0
    R = len(found & units) / len(units) if units else 1
    F = 2 * P * R / (P + R) if P + R else 0
    return P, R, F

def build_facts(s, p, t, floor=0.1, extra=None):
    """Facts as the library builds them: links from strongest down, groups
    merged only when no outlet repeats and every cross pair reaches floor;
    a link that cannot merge stands as a fact of its own when p >= extra."""
    pp = {}
    for (a, b), q in zip(s.pairs, p):
        pp[(a, b)] = pp[(b, a)] = q
    order = sorted(range(len(p)), key=lambda k: (-p[k], k))
    group, members = {}, {}
    facts_extra = []
    for k in order:
        if p[k] < t:
            break
        a, b = s.pairs[k]
        ga, gb = group.get(a, a), group.get(b, b)
        ma, mb = members.get(ga, [a]), members.get(gb, [b])
        if ga == gb:
            continue
        oa = {x.rsplit(":", 1)[0] for x in ma}
        ob = {x.rsplit(":", 1)[0] for x in mb}
        if not (oa & ob) and all(pp.get((x, y), 0) >= floor for x in ma for y in mb):
            g = min(ga, gb)
            for x in ma + mb:
                group[x] = g
            members.pop(ga, None)
            members.pop(gb, None)
            members[g] = ma + mb
        elif extra is not None and p[k] >= extra:
            facts_extra.append([a, b])
    return list(members.values()) + facts_extra

def fact_score(s, facts):
    units = gold_units(s.gold)
    right = total = 0
    found = set()
    for f in facts:
        for a, b in itertools.combinations(f, 2):
            total += 1
            common = s.facts[a] & s.facts[b]
            right += bool(common)
            oa, ob = s.sentences[a][0], s.sentences[b][0]
            for g in common:
                found.add((g,) + tuple(sorted((oa, ob))))
    P = right / total if total else 0
    R = len(found & units) / len(units) if units else 1
    F = 2 * P * R / (P + R) if P + R else 0
    return P, R, F

def write_model(path, names, models, note):
    pair, story, cols = models
    names = [names[i] for i in cols]
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Parallax alignment model: is this pair of sentences of two outlets the same claim?\n")
        f.write("# Written by scripts/train_align.py (logistic regression, two stages); do not edit.\n")
        f.write(f"# {note}\n")
        f.write("# stage\tfeature\tweight\n")
        f.write(f"pair\tbias\t{pair[0]:.6g}\n")
        for n, w in zip(names, pair[1]):
            f.write(f"pair\t{n}\t{w:.6g}\n")
        f.write(f"story\tbias\t{story[0]:.6g}\n")
        for n, w in zip(STORY_FEATURES, story[1]):
            f.write(f"story\t{n}\t{w:.6g}\n")

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["cv", "train", "dump"])
    ap.add_argument("stories", nargs="+")
    ap.add_argument("--binary", default="build/parallax")
    ap.add_argument("-o", "--output", default="data/align-model.tsv")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--one", action="store_true", help="cv: one partner per sentence and outlet")
    ap.add_argument("--msrp", help="labelled sentence pairs (label, s1, s2 TSV with a header) for the pair stage")
    ap.add_argument("--msrp-weight", type=float, default=0.3)
    ap.add_argument("--facts", action="store_true", help="cv: score facts built as the library does")
    ap.add_argument("--floor", type=float, default=0.1)
    ap.add_argument("--extra", type=float, default=None)
    a = ap.parse_args()
    stories = [Story(a.binary, d) for d in a.stories]
    global EXTRA
    if a.msrp:
        EXTRA = load_pairs(a.binary, a.msrp, stories[0].names) + (a.msrp_weight,)
    names = stories[0].names
    if a.mode == "dump":
        for s in stories:
            print(s.folder, len(s.pairs), int(s.y.sum()))
        return
    if a.mode == "train":
        models = fit_two(stories, a.l2)
        write_model(a.output, names, models,
                    f"{len(stories)} stories, {sum(len(s.y) for s in stories)} pairs, "
                    f"{int(sum(s.y.sum() for s in stories))} positive; l2 {a.l2}")
        return
    ts = (0.3, 0.4, 0.5, 0.6, 0.7)
    macro = {t: [] for t in ts}
    preds = []
    for i, s in enumerate(stories):
        rest = stories[:i] + stories[i + 1:]
        models = fit_two(rest, a.l2)
        p = predict_two(models, s)
        preds.append(p)
        for t in ts:
            if a.facts:
                P, R, F = fact_score(s, build_facts(s, p, t, a.floor, a.extra))
            else:
                P, R, F = unit_score(s, p, t, a.one)
            macro[t].append((P, R, F))
            print(f"{os.path.basename(s.folder.rstrip('/'))[:12]} t={t} link P {P:.3f} R {R:.3f} F1 {F:.3f}")
    def ap(ys, ps):
        order = sorted(range(len(ps)), key=lambda k: -ps[k])
        tp, total, s_ = 0, sum(ys), 0.0
        for r, k in enumerate(order, 1):
            if ys[k]:
                tp += 1
                s_ += tp / r
        return s_ / total if total else 0
    real = [i for i, s in enumerate(stories) if "real" in s.folder]
    print("pooled AP real:", round(ap(np.concatenate([stories[i].y for i in real]), np.concatenate([preds[i] for i in real])), 4))
    groups = {}
    for i, s in enumerate(stories):
        groups.setdefault(os.path.dirname(s.folder.rstrip("/")), []).append(i)
    for g, idx in sorted(groups.items()):
        for t in ts:
            m = [macro[t][i] for i in idx]
            print(f"{g} macro t={t}: P {sum(x[0] for x in m)/len(m):.3f} R {sum(x[1] for x in m)/len(m):.3f} F1 {sum(x[2] for x in m)/len(m):.3f}")
    for t in ts:
        m = macro[t]
        print(f"macro t={t}: P {sum(x[0] for x in m)/len(m):.3f} R {sum(x[1] for x in m)/len(m):.3f} F1 {sum(x[2] for x in m)/len(m):.3f}")

if __name__ == "__main__":
    main()
