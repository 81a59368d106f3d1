"""End to end: `parallax batch` and `parallax aggregate` on corpora written
by corpus.py — failures isolated, outputs independent of --jobs and shards,
resume after kill -9, GNU parallel, safe file names, folder corpora.

Usage: test_batch.py PARALLAX SOURCE_ROOT
"""
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import corpus

PARALLAX = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
TMP = tempfile.mkdtemp(prefix="pxbatch")
FAILURES = []
SUMMARY = ["outlets.csv", "pairs.csv", "stories.csv", "outlet_story.csv", "summary.html"]
# a copy: runs compared with each other must see the same lexicons
LEXICONS = shutil.copytree(os.path.join(ROOT, "lexicons"), os.path.join(TMP, "lexicons"))


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILURES.append(what)


def env():
    e = dict(os.environ)
    e["PARALLAX_LEXICONS"] = LEXICONS
    return e


def run(*args):
    r = subprocess.run([PARALLAX, *args], capture_output=True, env=env(), timeout=600)
    return r.returncode, r.stderr.decode("utf-8", "replace")


def tree(d):
    """{relative path: bytes} of every file under d."""
    out = {}
    for base, _, files in os.walk(d):
        for f in files:
            p = os.path.join(base, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, d)] = fh.read()
    return out


def same_tree(a, b):
    ta, tb = tree(a), tree(b)
    diff = sorted(k for k in set(ta) | set(tb) if ta.get(k) != tb.get(k))
    if diff:
        print("     differ:", diff[:5])
    return not diff


def jsonl(path):
    with open(path) as f:
        return [json.loads(l) for l in f if l.strip()]


def path(*p):
    return os.path.join(TMP, *p)


def test_failures_isolated(c50, info):
    code, err = run("batch", c50, "-o", path("j1"), "--jobs", "1")
    check(code == 1, "exit code 1 when stories failed")
    errors = jsonl(path("j1", "errors.jsonl"))
    check(sorted(e["story"] for e in errors) == sorted(info["bad"]),
          "errors.jsonl names exactly the 3 malformed stories")
    check(all(e["error"].startswith("c50.jsonl:") for e in errors),
          "each error names the corpus line")
    skipped = jsonl(path("j1", "skipped.jsonl"))
    check([s["story"] for s in skipped] == info["single"], "the one-outlet story is skipped")
    stories = os.listdir(path("j1", "stories"))
    check(len(stories) == 46, f"46 stories analysed ({len(stories)})")
    rep = json.load(open(path("j1", "stories", stories[0]), encoding="utf-8"))
    check(rep["schema"] == 1 and len(rep["sources"]) >= 3 and rep["facts"],
          "a story report is a schema-1 report with sources and facts")
    index = jsonl(path("j1", "index.jsonl"))
    check(len(index) == 46 and all(len(r["sources"]) >= 3 for r in index),
          "index.jsonl holds one line per analysed story")
    man = json.load(open(path("j1", "batch.json")))
    check((man["analysed"], man["failed"], man["skipped"]) == (46, 3, 1), "batch.json counts")
    check("\r" not in err and "46 analysed" in err, "plain summary on a non-TTY stderr")


def test_jobs_and_shards(c50):
    code, err = run("batch", c50, "-o", path("j4"), "--jobs", "4", "--quiet")
    check(code == 1 and err == "", "--quiet prints nothing")
    check(same_tree(path("j1"), path("j4")), "--jobs 1 and --jobs 4 give identical files")
    run("batch", c50, "-o", path("all1"), "--jobs", "1", "--formats", "json,html,csv", "-q")
    run("batch", c50, "-o", path("all3"), "--jobs", "3", "--formats", "html,csv,json", "-q")
    check(len(os.listdir(path("all1", "stories"))) == 46 * 5 and same_tree(path("all1"), path("all3")),
          "HTML and CSV outputs are identical across --jobs too")
    run("batch", c50, "-o", path("all1"), "--resume", "-q")
    check(same_tree(path("all1"), path("j1")),
          "rerun with fewer formats: the files of the dropped formats go")
    for k in (1, 2, 3):
        run("batch", c50, "-o", path(f"shard{k}"), "--shard", f"{k}/3", "--jobs", "2")
    shard_stories = sum(len(os.listdir(path(f"shard{k}", "stories"))) for k in (1, 2, 3))
    check(shard_stories == 46, "the shards split the stories without overlap")
    for k in (1, 2, 3):
        for f in os.listdir(path(f"shard{k}", "stories")):
            a = open(path(f"shard{k}", "stories", f), "rb").read()
            if a != open(path("j1", "stories", f), "rb").read():
                check(False, f"shard report {f} equals the unsharded one")
                break
    run("aggregate", path("j1"), "-o", path("sum-one"))
    code, err = run("aggregate", path("shard3"), path("shard1"), path("shard2"),
                    "-o", path("sum-shards"))
    check(code == 0 and "missing" not in err, "aggregate of three shards runs")
    code, err = run("aggregate", path("shard1"), path("shard3"), "-o", path("sum-two"))
    check(code == 0 and "1 of the 3 shards are missing" in err, "a missing shard is named")
    for f in SUMMARY:
        a, b = open(path("sum-one", f), "rb").read(), open(path("sum-shards", f), "rb").read()
        check(a == b, f"{f}: shards 1/3+2/3+3/3 aggregated equal the unsharded run")


def test_lean_and_tables(c50):
    """Batch writes the lean JSON form unless --full-json; the aggregate's
    outlet_story.csv has one row per outlet per story and a column per category."""
    j1 = path("j1", "stories")
    name = sorted(os.listdir(j1))[0]
    lean = json.load(open(os.path.join(j1, name), encoding="utf-8"))
    man = json.load(open(path("j1", "batch.json")))
    check(lean["form"] == "lean" and man["json_form"] == "lean", "batch's JSON is lean by default")
    sys.path.insert(0, os.path.join(ROOT, "tests", "report"))
    from jsonschema_lite import Validator
    with open(os.path.join(ROOT, "doc", "report.schema.json"), encoding="utf-8") as f:
        v = Validator(json.load(f))
    bad = [n for n in os.listdir(j1)
           if v.errors(json.load(open(os.path.join(j1, n), encoding="utf-8")), v.root)]
    check(not bad, f"every lean story report of the batch validates against the schema {bad[:3]}")
    code, _ = run("batch", c50, "-o", path("full"), "--full-json", "--quiet")
    full = json.load(open(path("full", "stories", name), encoding="utf-8"))
    size_lean = sum(os.path.getsize(os.path.join(j1, f)) for f in os.listdir(j1))
    size_full = sum(os.path.getsize(path("full", "stories", f))
                    for f in os.listdir(path("full", "stories")))
    check(full["form"] == "full" and size_lean * 3 < size_full,
          f"--full-json writes the full form ({size_full} bytes against {size_lean} lean)")
    # a resumed run with the other form redoes the JSON rather than keeping it
    run("batch", c50, "-o", path("full"), "--resume", "--quiet")
    again = json.load(open(path("full", "stories", name), encoding="utf-8"))
    check(again["form"] == "lean", "--resume without --full-json rewrites full reports as lean")
    # evidence offsets of the lean form point at the words the full form quotes
    ok, n = True, 0
    for i, src in enumerate(lean["sources"]):
        text = src["text"].encode("utf-8")
        fsrc = full["sources"][i]
        for lex, fig in lean["framing"]["sources"][src["id"]].items():
            fev = full["framing"]["sources"][src["id"]][lex]["evidence"]
            ok &= len(fev) == len(fig["evidence"])
            for e, f in zip(fig["evidence"], fev):
                sent, start, end = e[0], e[1], e[2]
                ok &= text[start:end].decode("utf-8") == f["text"]
                ok &= f["sentence"] == fsrc["sentences"][sent]["id"]
                n += 1
    check(ok and n > 0, f"lean evidence offsets resolve to the full form's words ({n} hits)")
    run("aggregate", path("j1"), "-o", path("sum-lean"))
    with open(path("sum-lean", "outlet_story.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    index = jsonl(path("j1", "index.jsonl"))
    pairs = sorted((r["story"], s["id"]) for r in index for s in r["sources"])
    check(sorted((r["story"], r["outlet"]) for r in rows) == pairs,
          f"outlet_story.csv: one row per outlet per story ({len(rows)} rows)")
    head = list(rows[0].keys())
    check(all(k in head for k in ("tone_cat_positive_narration", "tone_cat_negative_quoted",
                                  "loaded_dir_attacking_narration_per_1k",
                                  "frames_cat_economic_narration", "facts_only_here")),
          "outlet_story.csv has a column per category, direction and voice")
    one = index[0]["sources"][0]
    row = next(r for r in rows if r["story"] == index[0]["story"] and r["outlet"] == one["id"])
    check(int(row["loaded_narration"]) == one["frame"]["loaded"][1] and
          int(row["facts_not_shown"]) == one["not_shown"], "outlet_story.csv agrees with index.jsonl")
    with open(path("sum-lean", "outlets.csv"), newline="", encoding="utf-8") as f:
        out = list(csv.DictReader(f))
    check("loaded_dir_boosting_narration_per_1k" in out[0] and
          "loaded_cat_combative_narration_per_1k" in out[0] and "warning" in out[0],
          "outlets.csv keeps directions and categories apart, with a warning column")
    # per-story tables of the batch stack with the aggregate's
    with open(path("all3", "stories", name[:-5] + ".outlet_story.csv"),
              newline="", encoding="utf-8") as f:
        per_story = next(csv.reader(f))
    check(per_story == head, "a story's outlet_story.csv has the aggregate's columns")


def test_aggregate_figures():
    rows = open(path("sum-one", "outlets.csv")).read().splitlines()
    head = rows[0].split(",")
    check(head[:3] == ["outlet", "name", "stories"] and "omission_rate_lo" in head,
          "outlets.csv has figures with interval columns")
    covered = {}
    for r in jsonl(path("j1", "index.jsonl")):
        for s in r["sources"]:
            covered[s["id"]] = covered.get(s["id"], 0) + 1
    ok = True
    for line in rows[1:]:
        f = dict(zip(head, line.split(",")))
        ok &= int(f["stories"]) == covered[f["outlet"]]
        v, lo, hi = (float(f[k]) for k in ("omission_rate", "omission_rate_lo",
                                             "omission_rate_hi"))
        ok &= lo <= v <= hi
    check(ok, "stories covered match the index; each interval holds its value")
    code, _ = run("aggregate", path("j1"), "-o", path("sum-again"))
    check(all(open(path("sum-one", f), "rb").read() == open(path("sum-again", f), "rb").read()
              for f in SUMMARY), "aggregate is deterministic (fixed seed)")
    code, err = run("aggregate", path("nothing"), "-o", path("sum-bad"))
    check(code == 3 and "nothing" in err, "aggregate of a non-batch folder fails clearly")


def fake_batch(d, config, stories):
    """A finished batch folder written by hand: the aggregate's input format."""
    os.makedirs(d)
    with open(os.path.join(d, "batch.json"), "w") as f:
        json.dump({"layout": 2, "config": config}, f)
    with open(os.path.join(d, "index.jsonl"), "w") as f:
        for s in stories:
            f.write(json.dumps(s) + "\n")


def src(oid, **kw):
    rec = {"id": oid, "name": oid.title(), "words": 1000, "quoted_words": 200, "carried": 10,
           "unique": 2, "shared": 8, "omitted": 1, "eligible": 4, "conflicts": 1,
           "frame": {"hedges": [6, 5, 1]}}
    rec.update(kw)
    return rec


def test_aggregate_exact():
    """Figures are ratios of sums over stories, named in the CSV headers."""
    s1 = {"story": "s1", "input": "1", "title": "One", "outlets": 2, "facts": 12, "shared": 8,
          "all": 8, "conflicts": 1, "words": 2000,
          "sources": [src("alpha"), src("beta", omitted=0)],
          "pairs": [{"a": "alpha", "b": "beta", "both": 8, "either": 12, "details": 2,
                     "agree": 1}]}
    s2 = {"story": "s2", "input": "2", "title": "Two, with a comma", "outlets": 2, "facts": 10,
          "shared": 6, "all": 6, "conflicts": 0, "words": 2000,
          "sources": [src("alpha", omitted=3, carried=6, unique=0, shared=6, conflicts=0,
                          frame={"hedges": [2, 2, 0]}),
                      src("gamma")],
          "pairs": [{"a": "alpha", "b": "gamma", "both": 6, "either": 10, "details": 0,
                     "agree": 0}]}
    fake_batch(path("fake1"), "c0ffee", [s1])
    fake_batch(path("fake2"), "c0ffee", [s2, s1])  # s1 twice: counted once
    code, err = run("aggregate", path("fake1"), path("fake2"), "-o", path("sum-fake"))
    check(code == 0 and "(1 duplicate dropped)" in err, "a story in two folders is counted once")
    rows = open(path("sum-fake", "outlets.csv")).read().splitlines()
    head = rows[0].split(",")
    alpha = dict(zip(head, rows[1].split(",")))
    check(alpha["outlet"] == "alpha" and alpha["name"] == "Alpha" and alpha["stories"] == "2",
          "outlets.csv: alpha covers two stories")
    check(alpha["omission_rate"] == "0.5000", "omission rate = (1 + 3) / (4 + 4)")
    check(alpha["unique_rate"] == "0.1250", "unique-fact rate = 2 / (10 + 6)")
    check(alpha["conflict_rate"] == "0.0714", "conflict rate = 1 / (8 + 6)")
    check(alpha["facts_per_story"] == "8.00", "facts per story = (10 + 6) / 2")
    check(alpha["hedges_narration_per_1k"] == "4.375", "narration hits per 1,000 = 7 / 1600")
    check(alpha["hedges_quotes_per_1k"] == "2.500", "quotation hits per 1,000 = 1 / 400")
    check(alpha["warning"] == "based on 2 stories; interval unreliable below 5",
          "an interval over two stories carries a warning")
    gamma = dict(zip(head, rows[3].split(",")))
    check(gamma["outlet"] == "gamma" and gamma["warning"] ==
          "based on 1 story; interval not meaningful" and
          gamma["omission_rate_lo"] == gamma["omission_rate_hi"],
          "one story: a point interval, and the warning says so")
    pairs = open(path("sum-fake", "pairs.csv")).read().splitlines()
    check(pairs[1].startswith("alpha,beta,1,0.6667,") and ",2,0.5000," in pairs[1],
          "pairs.csv: overlap 8/12, agreement 1 of 2 details")
    check(pairs[2].startswith("alpha,gamma,1,0.6000,") and
          pairs[2].endswith(",0,,,,based on 1 story; interval not meaningful"),
          "a pair without disputed details has no agreement figure")
    check('"Two, with a comma"' in open(path("sum-fake", "stories.csv")).read(),
          "stories.csv quotes a title with a comma")
    fake_batch(path("fake3"), "other", [s2])
    code, err = run("aggregate", path("fake1"), path("fake3"), "-o", path("sum-mixed"))
    check(code == 3 and "other settings" in err, "batches made with other settings are refused")
    s2b = dict(s2, input="changed")
    fake_batch(path("fake4"), "c0ffee", [s2b])
    code, err = run("aggregate", path("fake2"), path("fake4"), "-o", path("sum-clash"))
    check(code == 3 and "different inputs" in err, "one story with two different inputs is refused")


def wait_for(cond, timeout):
    end = time.time() + timeout
    while time.time() < end:
        if cond():
            return True
        time.sleep(0.005)
    return False


def journal_lines(p):
    """Stories recorded as finished (complete lines) in a batch's journal."""
    try:
        with open(p, "rb") as f:
            return f.read().count(b"\n")
    except OSError:
        return 0


def test_resume_after_kill():
    big = path("c300.jsonl")
    corpus.make(big, 300, seed=11, malformed=False)
    run("batch", big, "-o", path("clean"), "--jobs", "2", "--quiet")
    out = path("killed")
    p = subprocess.Popen([PARALLAX, "batch", big, "-o", out, "--jobs", "1", "--quiet"],
                         env=env(), stderr=subprocess.DEVNULL)
    journal = os.path.join(out, "journal.jsonl")
    started = wait_for(lambda: journal_lines(journal) >= 20, 120)
    p.send_signal(signal.SIGKILL)
    p.wait()
    n_done = journal_lines(journal)
    check(started and n_done < 300, f"killed mid-run ({n_done} of 300 stories done)")
    check(not os.path.exists(os.path.join(out, "batch.json")), "a killed batch is unfinished")
    ok = True
    for f in os.listdir(os.path.join(out, "stories")):
        if not f.startswith("."):
            with open(os.path.join(out, "stories", f), encoding="utf-8") as fh:
                try:
                    json.load(fh)
                except ValueError:
                    ok = False
    check(ok, "no truncated report after kill -9")
    code, err = run("aggregate", out, "-o", path("sum-killed"))
    check(code == 3, "aggregate refuses an unfinished batch")
    with open(journal, "ab") as f:  # as if killed in the middle of an append
        f.write(b'{"story":"bridge-closure-299","input":"00')
    code, err = run("batch", big, "-o", out, "--jobs", "2", "--resume")
    check(code == 0 and f"{n_done} resumed" in err.replace(", ", " "),
          f"--resume keeps the finished stories ({err.strip()})")
    check(same_tree(path("clean"), out), "resumed run ends with the same files as a clean run")
    code, err = run("batch", big, "-o", out, "--resume")
    check("300 resumed" in err.replace(", ", " ") and same_tree(path("clean"), out),
          "--resume of a finished batch keeps every story")
    with open(big) as f:
        lines = f.read().splitlines()
    rec = json.loads(lines[0])
    rec["text"] += "\n\nOfficials declined to comment."
    lines[0] = json.dumps(rec)
    with open(big, "w") as f:
        f.write("\n".join(lines) + "\n")
    code, err = run("batch", big, "-o", out, "--resume")
    check("1 analysed, 299 resumed" in err, f"an edited story is redone, the rest kept ({err.strip()})")


def leftovers(d):
    """Temporary files (".NAME.tmp", "NAME.tmpXXXXXX") anywhere under d."""
    return [os.path.join(b, f) for b, _, fs in os.walk(d) for f in fs
            if f.endswith(".tmp") or ".tmp" in f]


def test_interrupt():
    """Ctrl-C (SIGINT) or SIGTERM mid-run: the process dies of the signal,
    no temporary file is left, and --resume completes the batch."""
    big = path("c300.jsonl")  # as test_resume_after_kill left it
    run("batch", big, "-o", path("clean-int"), "--jobs", "2", "--quiet")
    for sig in (signal.SIGINT, signal.SIGTERM):
        out = path(f"interrupted-{sig.name}")
        p = subprocess.Popen([PARALLAX, "batch", big, "-o", out, "--jobs", "2", "--quiet"],
                             env=env(), stderr=subprocess.DEVNULL,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        journal = os.path.join(out, "journal.jsonl")
        started = wait_for(lambda: journal_lines(journal) >= 10, 120)
        p.send_signal(sig)
        code = p.wait()
        n_done = journal_lines(journal)
        check(started and code == -sig and n_done < 300,
              f"{sig.name} ends the batch mid-run (status {code}, {n_done} of 300 done)")
        left = leftovers(out)
        check(not left, f"and leaves no temporary file ({left[:3]})")
        code, err = run("batch", big, "-o", out, "--jobs", "2", "--resume")
        check(code == 0 and same_tree(path("clean-int"), out),
              f"--resume after {sig.name} ends with the files of a clean run")


def test_gnu_parallel(c50):
    if not shutil.which("parallel"):
        print("skip GNU parallel is not installed")
        return
    r = subprocess.run(["parallel", "--will-cite", PARALLAX, "batch", c50, "-o",
                        path("gp", "{}"), "--shard", "{}/3", "--quiet", ":::", "1", "2", "3"],
                       env=env(), capture_output=True, timeout=600)
    failing = sum(1 for k in (1, 2, 3) if jsonl(path("gp", str(k), "errors.jsonl")))
    check(r.returncode == failing, f"GNU parallel ran 3 shards (exit {r.returncode}: shards "
                                   "with failed stories)")
    run("aggregate", path("gp", "1"), path("gp", "2"), path("gp", "3"), "-o", path("sum-gp"))
    check(all(open(path("sum-one", f), "rb").read() == open(path("sum-gp", f), "rb").read()
              for f in SUMMARY), "GNU parallel over 3 shards aggregates to the single run")


def test_names_and_folders():
    ids = ["../../escape", "a/b", "a%2Fb", ".", "..", "-rf", "same", "SAME", "x" * 400,
           "x" * 399 + "y", "naïve story", ""]
    lines = []
    for i, sid in enumerate(ids):
        for o in ("one", "two"):
            lines.append(json.dumps({"story": sid, "outlet": o, "title": f"Story {i}",
                                     "text": f"The bridge in town {i} closed on Monday. "
                                             f"Repairs will take {i + 2} weeks, {o} said."}))
    c = path("names.jsonl")
    open(c, "w").write("\n".join(lines) + "\n")
    code, err = run("batch", c, "-o", path("names"), "--quiet")
    files = os.listdir(path("names", "stories"))
    check(len(files) == len(ids) - 1, f"one file per odd story id ({len(files)}; empty id fails)")
    check(all("/" not in f and not f.startswith(".") and len(f) < 200 for f in files),
          "file names are safe")
    check(not os.path.exists(os.path.join(TMP, "escape.json")), "no path traversal")
    check([e["story"] for e in jsonl(path("names", "errors.jsonl"))] == [None, None],
          "records with an empty story id are reported, by line")
    folder = path("folder-corpus")
    for s in ("alpha", "beta"):
        os.makedirs(os.path.join(folder, s))
        for o in ("east", "west"):
            open(os.path.join(folder, s, o + ".txt"), "w").write(
                f"Storm hits {s}\n\nA storm closed schools in {s} on Friday. "
                f"Power was cut to {len(o)} thousand homes, officials said.\n")
    code, err = run("batch", folder, "-o", path("folder-out"), "--quiet")
    check(code == 0 and sorted(os.listdir(path("folder-out", "stories"))) ==
          ["alpha.json", "beta.json"], "a folder of story folders is a corpus")


def test_usage():
    for args, want in ((("batch",), "no corpus"), (("batch", "x.jsonl"), "-o DIR"),
                       (("batch", "x", "-o", "y", "--shard", "4/3"), "--shard"),
                       (("batch", "x", "-o", "y", "--formats", "pdf"), "--formats"),
                       (("aggregate",), "no batch folders")):
        code, err = run(*args)
        check(code == 2 and want in err, f"usage error: {' '.join(args)}")
    code, err = run("batch", path("missing.jsonl"), "-o", path("m"))
    check(code == 3 and "missing.jsonl" in err, "a missing corpus is an input error")


def main():
    c50 = path("c50.jsonl")
    info = corpus.make(c50, 50)
    test_failures_isolated(c50, info)
    test_jobs_and_shards(c50)
    test_aggregate_figures()
    test_lean_and_tables(c50)
    test_aggregate_exact()
    test_resume_after_kill()
    test_interrupt()
    test_gnu_parallel(c50)
    test_names_and_folders()
    test_usage()
    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed; files kept in {TMP}")
        sys.exit(1)
    shutil.rmtree(TMP)
    print("all checks passed")


if __name__ == "__main__":
    main()
