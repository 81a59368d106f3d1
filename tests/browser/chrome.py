"""Helpers for the browser tests: headless Chromium driven over the DevTools protocol (on a
pipe, no network port), so a test can set the viewport exactly (390 px is narrower than a
headless window may be), the colour scheme, the paper size of a PDF, and read the page
with JavaScript of its own without touching the report's Content-Security-Policy.

Every test skips (exit 77, meson's code for "skipped") when Chromium is not installed;
scripts/test.sh installs it, so in CI they run. Each browser gets its own profile folder.
"""
import base64
import html
import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

PARALLAX = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "build/parallax"
ROOT = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.getcwd()
ARTEFACTS = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="pxbrowser")
DEMO = os.path.join(ROOT, "data", "stories", "biden-putin-call")
HERE = os.path.dirname(os.path.abspath(__file__))
FAILURES = []
SKIP = 77

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--no-first-run", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--hide-scrollbars", "--mute-audio",
         "--remote-debugging-pipe"]


def find_chromium():
    for name in (os.environ.get("PARALLAX_CHROMIUM"), "chromium", "chromium-browser",
                 "google-chrome", "google-chrome-stable"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


CHROMIUM = find_chromium()


def need(*tools):
    """Skip the whole test (exit 77) when Chromium or another tool is missing."""
    missing = [t for t in tools if not shutil.which(t)]
    if not CHROMIUM:
        missing.insert(0, "chromium")
    if missing:
        print(f"skip: {', '.join(missing)} not installed (scripts/deps.sh --test installs it)")
        sys.exit(SKIP)
    os.makedirs(ARTEFACTS, exist_ok=True)


class Browser:
    """One headless Chromium; commands and events as JSON on fds 3 and 4."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="pxchrome")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def fds():
            # Chromium reads commands on fd 3 and writes on fd 4; move both out of the
            # way first, since either pipe end may itself be 3 or 4
            r = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
            w = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=fds, close_fds=False)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def _read(self, deadline):
        while b"\0" not in self.buf:
            if time.time() > deadline:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self.from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, params=None, session=True, timeout=60):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            m = self._read(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method, timeout=60):
        deadline = time.time() + timeout
        for i, e in enumerate(self.events):
            if e.get("method") == method:
                return self.events.pop(i)
        while True:
            m = self._read(deadline)
            if m.get("method") == method:
                return m
            self.events.append(m)

    def open(self, width, height, dark=False, scripts=True, media=""):
        """A new page (tab) with this viewport, colour scheme and media type ("print"
        lays the page out as for paper)."""
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)
        self.session = self.send("Target.attachToTarget",
                                 {"targetId": target["targetId"], "flatten": True},
                                 session=False)["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1,
                   "mobile": width < 600})
        self.send("Emulation.setEmulatedMedia", {"media": media, "features": [
            {"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
        self.send("Emulation.setScriptExecutionDisabled", {"value": not scripts})

    def load(self, path):
        self.events = [e for e in self.events if e.get("method") != "Page.loadEventFired"]
        self.send("Page.navigate", {"url": "file://" + os.path.abspath(path)})
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression):
        """Our own JavaScript on the page (DevTools runs it whatever the page's CSP)."""
        r = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in r:
            raise RuntimeError(f"evaluate: {r['exceptionDetails']}")
        return r["result"].get("value")

    def screenshot(self, out, full=True):
        params = {"format": "png"}
        if full:
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            params.update(captureBeyondViewport=True, clip={
                "x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 16000),
                "scale": 1})
        data = self.send("Page.captureScreenshot", params, timeout=120)["data"]
        with open(out, "wb") as f:
            f.write(base64.b64decode(data))
        return out

    def pdf(self, out, paper):
        """Print as Chromium's print dialog would, on A4 or Letter, backgrounds off."""
        w, h = {"A4": (8.27, 11.69), "Letter": (8.5, 11.0)}[paper]
        data = self.send("Page.printToPDF", {"paperWidth": w, "paperHeight": h,
                                             "printBackground": False,
                                             "displayHeaderFooter": False}, timeout=120)["data"]
        with open(out, "wb") as f:
            f.write(base64.b64decode(data))
        return out

    def dialogs(self):
        """Alerts, confirms and prompts the page tried to open."""
        return [e for e in self.events if e.get("method") == "Page.javascriptDialogOpening"]

    def close(self):
        try:
            self.send("Browser.close", session=False, timeout=10)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self.to_chrome)
        os.close(self.from_chrome)
        shutil.rmtree(self.profile, ignore_errors=True)


def probe_js():
    with open(os.path.join(HERE, "probe.js"), encoding="utf-8") as f:
        return f.read()


def run(*args):
    e = dict(os.environ)
    e["PARALLAX_LEXICONS"] = os.path.join(ROOT, "lexicons")
    r = subprocess.run([PARALLAX, *args], capture_output=True, env=e, timeout=120)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILURES.append(what)
    return cond


def done():
    print(f"artefacts in {ARTEFACTS}")
    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed")
        sys.exit(1)
    print("all checks passed")
    sys.exit(0)


def pdf_words(pdf):
    """[(page width, page height, [(xMin, yMin, xMax, yMax, word)])] from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True,
                         timeout=120).stdout.decode("utf-8", "replace")
    pages = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in
                 re.findall(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" '
                            r'yMax="([\d.-]+)">(.*?)</word>', m.group(3))]
        pages.append((float(m.group(1)), float(m.group(2)), words))
    return pages
