"""End-to-end tests of URLs on the command line (issue 7): the real binary
against tests/fetch/server.py, started in this process on 127.0.0.1 and
stopped in a finally block whatever happens.

Run by meson: python3 test_cli.py PARALLAX SOURCE_ROOT.
"""
import json
import os
import pty
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
import server  # noqa: E402
from common import check, done, tmpdir, write  # noqa: E402

PAGES = os.path.join(common.ROOT, "tests", "fetch", "pages")
OUTLETS = ["harbor", "ledger", "wire"]
NO_PROXY = {"no_proxy": "127.0.0.1,localhost", "http_proxy": "", "https_proxy": "",
            "all_proxy": ""}


def run(*args, env=None):
    e = dict(NO_PROXY)
    e.update(env or {})
    return common.run(*args, env=e)


def without_input(report):
    """The report with each source's 'input' (the path or URL) left out."""
    for s in report["sources"]:
        s.pop("input", None)
    return report


def test_compare_urls_equals_files(base):
    cache = tmpdir()
    urls = [f"{base}/pages/{o}.html" for o in OUTLETS]
    files = [os.path.join(PAGES, o + ".html") for o in OUTLETS]
    code, live, err = run("compare", "--format", "json", "--cache", cache, *urls)
    check(code == 0, f"compare on three URLs succeeds ({code}: {err.strip()})")
    check(err == "", "no progress or noise on stderr when it is not a terminal")
    code, saved, _ = run("compare", "--format", "json", *files)
    check(code == 0, "compare on the saved files succeeds")
    a, b = json.loads(live), json.loads(saved)
    check([s["id"] for s in a["sources"]] == OUTLETS, "outlet ids come from the URLs' file names")
    check([s["input"] for s in a["sources"]] == urls, "each source's input is its URL")
    check(without_input(a) == without_input(b),
          "the report from the URLs equals the report from the saved files (but 'input')")
    entries = sorted(os.listdir(cache))
    check(len(entries) == 3 and all(e.endswith(".page") for e in entries),
          "the cache holds three whole entries and no temporary files")
    code, offline, err = run("compare", "--format", "json", "--cache", cache, "--offline", *urls)
    check(code == 0 and offline == live, "a second run with --offline gives the same bytes")
    hits = server.Handler.state.hits.get("/pages/harbor.html", 0)
    code, again, _ = run("compare", "--format", "json", "--cache", cache, *urls)
    check(again == live and server.Handler.state.hits.get("/pages/harbor.html") == hits,
          "a run without --offline also reads the cache, with no request")
    code, _, _ = run("compare", "--format", "json", "--cache", cache, "--refresh", *urls)
    check(code == 0 and server.Handler.state.hits.get("/pages/harbor.html") == hits + 1,
          "--refresh fetches again")


def test_offline_and_failures(base):
    cache = tmpdir()
    url = f"{base}/pages/wire.html"
    code, _, err = run("compare", "--cache", cache, "--offline", url, f"{base}/pages/ledger.html")
    check(code == 4, f"--offline with an empty cache exits 4 ({code})")
    check(f"parallax: {url}: not in the cache (" in err and "--offline" in err,
          "--offline names the missing URL")
    missing = f"{base}/missing"
    args = ["compare", "--format", "json", "--cache", cache]
    code, _, err = run(*args, f"{base}/pages/harbor.html", missing, url)
    check(code == 4, f"a 404 fails the comparison with exit code 4 ({code})")
    check(f"parallax: {missing}: HTTP 404 (Not Found)" in err, "the error names the URL and status")
    code, out, err = run(*args, "--skip-failed", f"{base}/pages/harbor.html", missing, url)
    check(code == 0, f"--skip-failed goes on without the failed URL ({code}: {err.strip()})")
    check(f"{missing}: HTTP 404 (Not Found) (skipped" in err, "--skip-failed reports the URL")
    if code == 0:
        check([s["id"] for s in json.loads(out)["sources"]] == ["harbor", "wire"],
              "the report holds the two other sources")
    code, _, err = run(*args, "--skip-failed", f"{base}/pages/harbor.html", missing)
    check(code == 2 and "at least two sources (got 1)" in err,
          "--skip-failed still needs two sources")
    code, _, err = run("compare", "--no-cache", "--timeout", "0.5", f"{base}/stall", url)
    check(code == 4 and "stall: timed out after 500 ms" in err, f"--timeout: {err.strip()}")
    code, _, err = run("compare", "--no-cache", f"{base}/to-file", url)
    check(code == 4 and "refused a redirect to file:///etc/passwd" in err,
          "a redirect to file:// is refused")
    code, _, err = run("compare", "--no-cache", "--max-size", "1K", f"{base}/pages/harbor.html",
                       url)
    check(code == 4 and "body larger than 1 KiB" in err, "--max-size caps the body")
    code, _, err = run("extract", "--no-cache", f"{base}/pdf")
    check(code == 4 and "not an HTML page (application/pdf)" in err, "a PDF is not a page")


def test_bad_values():
    for opt, val in [("--connections", "0"), ("--max-size", "ten"), ("--timeout", "-1"),
                     ("--retries", "x")]:
        code, _, err = run("compare", opt, val, "a.txt", "b.txt")
        check(code == 2 and opt in err, f"{opt} {val} is a usage error")


def test_records_and_extract(base):
    cache = tmpdir()
    d = tmpdir()
    lines = [json.dumps({"source": o, "url": f"{base}/pages/{o}.html"}) for o in OUTLETS]
    corpus = write(os.path.join(d, "story.jsonl"), "\n".join(lines) + "\n")
    code, out, err = run("compare", "--format", "json", "--cache", cache, corpus)
    check(code == 0, f"records with only a url are fetched ({code}: {err.strip()})")
    code2, files, _ = run("compare", "--format", "json",
                          *[os.path.join(PAGES, o + ".html") for o in OUTLETS])
    if code == 0:
        a, b = json.loads(out), json.loads(files)
        check([s["id"] for s in a["sources"]] == OUTLETS, "record sources keep their ids")
        check(a["facts"] == b["facts"], "and give the facts the saved pages give")
        check(a["sources"][0]["url"] == f"{base}/pages/harbor.html", "the record's url is kept")
    code, out, err = run("fetch", "--cache", cache, corpus)
    check(code == 0 and out.decode().count("cached   ") == 3,
          "fetch reads the url of each record (all cached now)")
    code, out, err = run("extract", "--no-cache", f"{base}/cp1252")
    text = out.decode("utf-8", "replace")
    check(code == 0 and "The caf\u00e9 on Mill Street said a \u201cfair\u201d coffee" in text,
          "extract decodes a windows-1252 page declared only in <meta>")
    code, out, err = run("extract", "--no-cache", f"{base}/gzip")
    check(code == 0 and b"travelled gzip-compressed" in out, "extract reads a gzip page")


def test_fetch_command(base):
    cache = tmpdir()
    d = tmpdir()
    listing = write(os.path.join(d, "urls.txt"),
                    f"# pages for class\n{base}/pages/harbor.html\n\n  {base}/hops/3  \n")
    code, out, err = run("fetch", "--cache", cache, listing)
    lines = out.decode().splitlines()
    check(code == 0 and len(lines) == 2 and all(l.startswith("fetched  ") for l in lines),
          f"fetch fills the cache from a list of URLs ({code}: {err.strip()})")
    check(f"from {base}/hops/0" in out.decode(), "fetch shows where a redirect led")
    code, out, err = run("fetch", "--cache", cache, "--offline", f"{base}/hops/3")
    check(code == 0 and out.decode().startswith("cached   "), "and --offline finds the page")
    code, out, err = run("fetch", "--cache", cache, "-q", f"{base}/missing", f"{base}/busy/cli")
    check(code == 4 and out == b"", "fetch exits 4 when a page fails; -q prints nothing else")
    check(err.count("parallax: ") == 1 and "missing: HTTP 404" in err,
          "only the failed page is reported (the 429 was retried)")
    env = {"XDG_CACHE_HOME": cache}
    code, _, _ = run("fetch", "-q", f"{base}/pages/ledger.html", env=env)
    check(code == 0 and os.path.isdir(os.path.join(cache, "parallax")),
          "the default cache is $XDG_CACHE_HOME/parallax")
    code, _, err = run("fetch", "--cache", cache, os.path.join(d, "nope.txt"))
    check(code == 3 and "cannot open" in err, "an unreadable list is an input error")


def test_progress_on_a_terminal(base):
    """More than two pages on a terminal: a progress line on stderr."""
    master, slave = pty.openpty()
    urls = [f"{base}/slow/tty/{i}" for i in range(3)]
    e = dict(os.environ, **NO_PROXY)
    r = subprocess.run([common.PARALLAX, "fetch", "--no-cache", "-q", *urls], stderr=slave,
                       stdout=subprocess.DEVNULL, env=e, timeout=60)
    os.close(slave)
    seen = b""
    try:
        while True:
            chunk = os.read(master, 4096)
            if not chunk:
                break
            seen += chunk
    except OSError:
        pass
    os.close(master)
    check(r.returncode == 0 and b"fetching 3/3 pages" in seen,
          f"a progress line on a terminal ({seen[-80:]!r})")


def main():
    srv, port = server.start()
    try:
        base = f"http://127.0.0.1:{port}"
        test_compare_urls_equals_files(base)
        test_offline_and_failures(base)
        test_bad_values()
        test_records_and_extract(base)
        test_fetch_command(base)
        test_progress_on_a_terminal(base)
    finally:
        server.stop(srv)
    done()


if __name__ == "__main__":
    main()
