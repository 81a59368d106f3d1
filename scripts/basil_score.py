#!/usr/bin/env python3
"""Score Parallax's loaded-language figures against BASIL's expert spans.

  scripts/basil_score.py [--data ../shared/eval/basil-dev] [--parallax build/parallax]
                         [--lexicons DIR | --fold-lexicons DIR --folds K --seed S] [-v]

BASIL (Fan et al. 2019) holds triplets: one event told by Fox News, the New
York Times and HuffPost, with expert-marked lexical-bias spans (`bias` =
`lex`) inside the sentences of each article. The data stays where it is (the
team's shared evaluation folder); this script reads it at run time and
copies nothing into the project.

Figures, all for the loaded-language lexicon (`--category loaded`):
  sentence level  every body sentence is one line for `parallax lexicon
                  match --category loaded -`: the share of sentences flagged,
                  sentence precision (flagged sentences holding a lex span),
                  its lift over the base rate, and span recall (lex spans
                  overlapped by a hit); for all hits and for narration only;
  article level   each triplet goes through `parallax compare --format json`
                  (the three articles as JSON records): Spearman correlation,
                  over articles, of the outlet's loaded rate in narration
                  (hits per 1,000 words of narration) with the experts' rate
                  (lex spans per 1,000 words), and of the overall rates;
  badge           the outlet given the "most loaded language" note in the
                  report (JSON `framing.most`): how often it is the outlet
                  most loaded in its own narration, and how often the outlet
                  with the most expert lex spans (ties count as a match when
                  the badge holder is among the tied).

Held back by story: with --fold-lexicons DIR, the triplets are dealt into K
folds by a fixed seed (`folds()`, shared with scripts/lexicon_precision.py)
and the triplets of fold k are scored with the lexicon folder DIR/k, which
must have been chosen without them. The figures are pooled over folds.
Python 3 standard library only.
"""
import argparse, glob, json, math, os, random, shlex, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load(data):
    """Articles as dicts: id, triplet, source, title, sents, spans.

    spans: (sentence index, start, end, quoted) of every lex span, found by
    its text at its offsets (BASIL gives offsets inside a sentence but not
    which sentence)."""
    arts = []
    for path in sorted(glob.glob(os.path.join(data, "articles", "*", "*.json"))):
        d = json.load(open(path, encoding="utf-8"))
        sents = [s.replace("\n", " ") for p in d["body-paragraphs"] for s in p]
        ann_path = path.replace(os.sep + "articles" + os.sep, os.sep + "annotations" + os.sep)
        ann_path = ann_path[:-len(".json")] + "_ann.json"
        spans = []
        if os.path.exists(ann_path):
            ann = json.load(open(ann_path, encoding="utf-8"))
            for p in ann.get("phrase-level-annotations", []):
                if p.get("bias") != "lex":
                    continue
                for i, s in enumerate(sents):
                    if s[p["start"]:p["end"]] == p["txt"]:
                        spans.append((i, p["start"], p["end"], p.get("quote") == "yes"))
                        break
        arts.append({"id": os.path.basename(path)[:-5], "triplet": d["triplet-uuid"],
                     "source": d["source"].lower(), "title": d.get("title", ""),
                     "paras": [[s.replace("\n", " ") for s in p] for p in d["body-paragraphs"]],
                     "sents": sents, "spans": spans})
    return arts


def folds(keys, k, seed):
    """Deal the sorted distinct keys into k folds, shuffled by seed: key → fold."""
    ks = sorted(set(keys))
    random.Random(seed).shuffle(ks)
    return {key: i % k for i, key in enumerate(ks)}


def run(cmd, text):
    out = subprocess.run(cmd, input=text.encode(), capture_output=True, timeout=1200)
    if out.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)}: exit {out.returncode}: {out.stderr.decode()[:400]}")
    return out.stdout.decode()


def lexicon_args(lexdir):
    return ["--lexicons", lexdir] if lexdir else []


def match_sentences(parallax, lexdir, arts):
    """Per article, per sentence: the hits of `lexicon match --category loaded`."""
    lines = [s for a in arts for s in a["sents"]]
    out = run([parallax, "lexicon", "match", "--category", "loaded"] + lexicon_args(lexdir)
              + ["-"], "\n".join(lines) + "\n").splitlines()
    if len(out) != len(lines):
        sys.exit(f"expected {len(lines)} lines from lexicon match, got {len(out)}")
    res, k = {}, 0
    for a in arts:
        res[a["id"]] = [json.loads(out[k + i])["hits"] for i in range(len(a["sents"]))]
        k += len(a["sents"])
    return res


def record(a):
    text = "\n\n".join(" ".join(p) for p in a["paras"])
    return {"story": a["triplet"], "outlet": a["source"], "title": a["title"], "text": text}


def compare_triplet(parallax, lexdir, arts):
    """The JSON report of one triplet (three articles)."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps(record(a)) + "\n")
        path = f.name
    try:
        out = run([parallax, "compare", "--format", "json"] + lexicon_args(lexdir) + [path], "")
    finally:
        os.unlink(path)
    return json.loads(out)


def loaded_score(report, outlet):
    fr = report.get("framing", {}).get("sources", {}).get(outlet, {})
    return fr.get("loaded", {})


def badge(report):
    """(outlet, clear): the outlet the report calls most loaded and whether
    its difference from the others is clear: `framing.most.loaded` when the
    report has it, else (older reports) the highest overall rate."""
    most = report.get("framing", {}).get("most", {})
    if "loaded" in most:
        m = most["loaded"]
        return (m["source"], m["clear"]) if m else (None, False)
    best, top = None, 0.0
    for s in report["sources"]:
        v = loaded_score(report, s["id"]).get("per_1k", 0)
        if v > top:
            best, top = s["id"], v
        elif v == top and best is not None:
            best = None
    return best, None


def spearman(x, y):
    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(v):
            j = i
            while j + 1 < len(v) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return r
    rx, ry = ranks(x), ranks(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = math.sqrt(sum((a - mx) ** 2 for a in rx))
    vy = math.sqrt(sum((b - my) ** 2 for b in ry))
    return cov / (vx * vy) if vx and vy else 0.0


class Tally:
    def __init__(self):
        self.sents = self.pos = self.flag = self.flag_pos = 0
        self.spans = self.spans_hit = 0
        self.nflag = self.nflag_pos = self.nspans_hit = 0

    def article(self, a, hits):
        by_sent = {}
        for sp in a["spans"]:
            by_sent.setdefault(sp[0], []).append(sp)
        for i, hs in enumerate(hits):
            bs = a["sents"][i].encode()
            # hit byte offsets → character offsets of the sentence
            cs = [(len(bs[:h["start"]].decode("utf-8", "replace")),
                   len(bs[:h["end"]].decode("utf-8", "replace")), h.get("voice")) for h in hs]
            spans = by_sent.get(i, [])
            self.sents += 1
            self.pos += bool(spans)
            narr = [c for c in cs if c[2] != "quote"]
            self.flag += bool(cs)
            self.flag_pos += bool(cs) and bool(spans)
            self.nflag += bool(narr)
            self.nflag_pos += bool(narr) and bool(spans)
            for sp in spans:
                self.spans += 1
                self.spans_hit += any(c[0] < sp[2] and sp[1] < c[1] for c in cs)
                self.nspans_hit += any(c[0] < sp[2] and sp[1] < c[1] for c in narr)

    def lines(self):
        base = self.pos / self.sents
        p = self.flag_pos / self.flag if self.flag else 0
        np_ = self.nflag_pos / self.nflag if self.nflag else 0
        return [
            f"sentences {self.sents}, with a lex span {self.pos} (base rate {base:.3f}), "
            f"lex spans {self.spans}",
            f"all hits:       flagged {self.flag / self.sents:.3f}  sentence precision {p:.3f} "
            f"(lift {p / base:.2f})  span recall {self.spans_hit / self.spans:.3f}",
            f"narration hits: flagged {self.nflag / self.sents:.3f}  sentence precision "
            f"{np_:.3f} (lift {np_ / base:.2f})  span recall {self.nspans_hit / self.spans:.3f}",
        ]


def article_rows(arts, report):
    rows = []
    words = {s["id"]: s.get("words", 0) for s in report["sources"]}
    for a in arts:
        sc = loaded_score(report, a["source"])
        w = words.get(a["source"], 0) or 1
        rows.append({"id": a["id"], "triplet": a["triplet"], "source": a["source"],
                     "narration": sc.get("narration_per_1k", 0), "all": sc.get("per_1k", 0),
                     "expert": 1000 * len(a["spans"]) / w,
                     "expert_narration": 1000 * sum(1 for s in a["spans"] if not s[3]) / w,
                     "spans": len(a["spans"])})
    return rows


def badge_row(arts, report):
    b, clear = badge(report)
    narr = {a["source"]: loaded_score(report, a["source"]).get("narration_per_1k", 0)
            for a in arts}
    top = max(narr.values())
    most_narr = [s for s, v in narr.items() if v == top]
    spans = {a["source"]: len(a["spans"]) for a in arts}
    most_spans = [s for s, v in spans.items() if v == max(spans.values())]
    return {"badge": b, "narration": b in most_narr if b else None,
            "experts": b in most_spans if b else None, "tied_experts": len(most_spans),
            "clear": clear}


def score(arts, parallax, lexdir_of, verbose=False):
    """lexdir_of(triplet) → lexicon folder (or None: the shipped one)."""
    tally, rows, badges = Tally(), [], []
    groups = {}
    for a in arts:
        groups.setdefault(lexdir_of(a["triplet"]), []).append(a)
    for lexdir, group in sorted(groups.items(), key=lambda g: str(g[0])):
        hits = match_sentences(parallax, lexdir, group)
        for a in group:
            tally.article(a, hits[a["id"]])
        by_trip = {}
        for a in group:
            by_trip.setdefault(a["triplet"], []).append(a)
        for t in sorted(by_trip):
            report = compare_triplet(parallax, lexdir, by_trip[t])
            rows += article_rows(by_trip[t], report)
            badges.append(badge_row(by_trip[t], report))
    out = tally.lines()
    out.append(f"articles {len(rows)}: Spearman, narration rate vs expert lex-span rate "
               f"{spearman([r['narration'] for r in rows], [r['expert'] for r in rows]):.3f}; "
               f"overall rate vs expert rate "
               f"{spearman([r['all'] for r in rows], [r['expert'] for r in rows]):.3f}; "
               f"narration vs expert narration spans "
               f"{spearman([r['narration'] for r in rows], [r['expert_narration'] for r in rows]):.3f}")
    given = [b for b in badges if b["badge"]]
    n = len(given) or 1
    out.append(f"triplets {len(badges)}, a 'most loaded' outlet in {len(given)}: it is the outlet "
               f"most loaded in narration in {sum(b['narration'] for b in given) / n:.3f}; the "
               f"outlet with the most expert lex spans in {sum(b['experts'] for b in given) / n:.3f}"
               f" (chance {sum(b['tied_experts'] / 3 for b in given) / n:.3f}, a tie for the most "
               f"counting as a match)")
    untied = [b for b in given if b["tied_experts"] == 1]
    if untied:
        out.append(f"  where one outlet has the most expert spans ({len(untied)} triplets): "
                   f"matches {sum(b['experts'] for b in untied) / len(untied):.3f} (chance 0.333)")
    clear = [b for b in given if b["clear"]]
    if clear:
        out.append(f"  shown as a badge (clear difference, interval above zero) in {len(clear)}: "
                   f"matches the experts' most in {sum(b['experts'] for b in clear) / len(clear):.3f}"
                   f"; one outlet most in {sum(1 for b in clear if b['tied_experts'] == 1)}, of "
                   f"which it matches "
                   f"{sum(b['experts'] for b in clear if b['tied_experts'] == 1)}")
    if verbose:
        for r in rows:
            out.append(f"  {r['id']} {r['source']:4} narration {r['narration']:6.2f} "
                       f"all {r['all']:6.2f} expert {r['expert']:6.2f} ({r['spans']} spans)")
    return out, {"tally": tally, "rows": rows, "badges": badges}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "eval", "basil-dev"))
    ap.add_argument("--parallax", default=os.path.join(ROOT, "build", "parallax"))
    ap.add_argument("--lexicons", help="lexicon folder for every triplet")
    ap.add_argument("--fold-lexicons", help="folder of per-fold lexicon folders 0..K-1")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    arts = load(a.data)
    if not arts:
        sys.exit(f"no articles under {a.data}/articles")
    if a.fold_lexicons:
        fold = folds([x["triplet"] for x in arts], a.folds, a.seed)
        lexdir_of = lambda t: os.path.join(a.fold_lexicons, str(fold[t]))
    else:
        lexdir_of = lambda t: a.lexicons
    lines, _ = score(arts, a.parallax, lexdir_of, a.verbose)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
