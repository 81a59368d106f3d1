"""libcurl is loaded on the first fetch, not at start-up (src/ingest/curl_api.c):
`parallax compare` and `extract` of local files never load it, and a fetch
does. The dynamic loader's own log (LD_DEBUG=files) says which libraries a
run loaded.

Run by meson: python3 test_lazy_curl.py PARALLAX SOURCE_ROOT.
"""
import os
import socket
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import common  # noqa: E402
from common import check, done  # noqa: E402

PAGE = os.path.join(common.ROOT, "tests", "fetch", "pages", "harbor.html")
NO_PROXY = {"no_proxy": "127.0.0.1,localhost", "http_proxy": "", "https_proxy": "",
            "all_proxy": ""}


def loaded(*args):
    """(exit code, stderr) of a run with the loader's file log on stderr."""
    env = dict(NO_PROXY, LD_DEBUG="files")
    code, _, err = common.run(*args, env=env)
    return code, err


def closed_port():
    """A local port nothing listens on."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    code, err = loaded("compare", "--format", "json", common.DEMO)
    check(code == 0 and "file=libc.so.6" in err,
          "compare runs and the loader logs the libraries it loads")
    check("libcurl" not in err, "compare of local files does not load libcurl")
    code, err = loaded("extract", "--format", "text", PAGE)
    check(code == 0 and "libcurl" not in err, "extract of a local page does not load libcurl")
    url = f"http://127.0.0.1:{closed_port()}/page.html"
    code, err = loaded("fetch", "--no-cache", "--retries", "0", url)
    check(code != 0 and "file=libcurl.so.4" in err, "a fetch loads libcurl")
    said = [line for line in err.splitlines() if line.startswith("parallax")]
    check(any("could not connect" in line for line in said) and "could not be loaded" not in err,
          f"and uses it: the failure is the connection's ({said!r})")
    test_without_libcurl(url)
    done()


def test_without_libcurl(url):
    """A libcurl that cannot be loaded (an empty libcurl.so.4 found first on
    LD_LIBRARY_PATH): a fetch fails with words, files are compared as ever."""
    d = common.tmpdir()
    common.write(os.path.join(d, "libcurl.so.4"), b"")
    env = dict(NO_PROXY, LD_LIBRARY_PATH=d)
    code, _, err = common.run("fetch", "--no-cache", "--retries", "0", url, env=env)
    check(code == 4 and "libcurl could not be loaded" in err and url in err,
          f"without libcurl a fetch fails with exit 4 and says why ({code}: {err.strip()!r})")
    code, out, _ = common.run("compare", "--format", "json", common.DEMO, env=env)
    check(code == 0 and out.startswith(b"{"), "and compare of local files still works")


if __name__ == "__main__":
    main()
