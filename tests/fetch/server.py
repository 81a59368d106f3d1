#!/usr/bin/env python3
"""tests/fetch/server.py — the local HTTP server the fetch tests talk to.

Binds 127.0.0.1 on a free port and serves the cases the fetcher must get
right: articles from tests/fetch/pages/, a redirect chain and a loop, 404,
500-then-200, 429 with Retry-After, a dropped connection, a stall, 20 MiB
bodies, gzip, windows-1252 declared only in <meta>, charset precedence, a
PDF, and a redirect to file:///etc/passwd. /hits/PATH tells how many
requests PATH received, /concurrency/KEY the most requests under /slow/KEY/
in flight at once: the tests assert retries and politeness with them.

Run as a program it prints the port on the first line of stdout and serves
until killed, its parent exits, or ten minutes pass. The Python tests
import it and call start()/stop() instead.
"""
import gzip
import http.server
import os
import sys
import threading
import time

PAGES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pages")
MIB = 1 << 20

# A page written for these tests, in windows-1252 (0x93/0x94 are curly
# quotes, 0xE9 is e-acute, 0x80 the euro sign); only the <meta> says so.
CP1252 = (b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 prices</title></head>"
          b"<body><article><h1>Caf\xe9 prices rise</h1>"
          b"<p>The caf\xe9 on Mill Street said a \x93fair\x94 coffee now costs \x803.10, "
          b"up from \x802.80 last spring, and the owner blamed the price of milk.</p>"
          b"<p>Regulars told the paper they would keep coming anyway, because the "
          b"terrace is the only one in the old town that gets the evening sun.</p>"
          b"</article></body></html>")

SIMPLE = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
          "<p>{body}</p></article></body></html>")


def simple(title, body="A short page served by the parallax fetch tests, with one paragraph."):
    return SIMPLE.format(title=title, body=body).encode("utf-8")


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.hits = {}
        self.inflight = {}
        self.peak = {}
        self.stopping = threading.Event()

    def hit(self, path):
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            return self.hits[path]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state = State()

    def log_message(self, *args):
        pass

    # -- helpers -------------------------------------------------------
    def send(self, code, body=b"", ctype="text/html", headers=()):
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, where, code=302):
        self.send(code, b"", None, [("Location", where)])

    def stream(self, total, with_length):
        """A large body in 64 KiB pieces; stops when the client gives up."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if with_length:
            self.send_header("Content-Length", str(total))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        piece = b"<p>" + b"padding " * 8190 + b"</p>\n"
        sent = 0
        try:
            while sent < total:
                chunk = piece[: total - sent]
                self.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    # -- routes --------------------------------------------------------
    def do_GET(self):
        path = self.path.split("?", 1)[0]
        n = self.state.hit(path)
        for prefix, fn in ROUTES:
            if path == prefix or (prefix.endswith("/") and path.startswith(prefix)):
                return fn(self, path[len(prefix):], n)
        self.send(404, simple("Not found"))

    def page(self, name, n):
        full = os.path.join(PAGES, os.path.basename(name))
        if not os.path.isfile(full):
            return self.send(404, simple("Not found"))
        with open(full, "rb") as f:
            body = f.read()
        ctype = "text/plain; charset=utf-8" if name.endswith(".txt") else "text/html"
        self.send(200, body, ctype)

    def hops(self, rest, n):
        k = int(rest or "0")
        if k <= 0:
            return self.send(200, simple("Arrived after the redirects"))
        self.redirect(f"/hops/{k - 1}")

    def flaky(self, rest, n):
        if n == 1:
            return self.send(500, simple("Internal error"))
        self.send(200, simple("Served on the second try"))

    def busy(self, rest, n):
        if n == 1:
            return self.send(429, simple("Slow down"), headers=[("Retry-After", "1")])
        self.send(200, simple("Served after waiting"))

    def busy_long(self, rest, n):
        if n == 1:
            return self.send(429, simple("Slow down"), headers=[("Retry-After", "8")])
        self.send(200, simple("Served after waiting"))

    def drop(self, rest, n):
        if n == 1:
            self.close_connection = True
            return  # no reply at all: the client sees an empty response
        self.send(200, simple("Served after a dropped connection"))

    def stall(self, rest, n):
        # headers promise a body that never comes
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.wfile.flush()
        self.state.stopping.wait(20)
        self.close_connection = True

    def slow(self, rest, n):
        key = rest.split("/", 1)[0]
        st = self.state
        with st.lock:
            st.inflight[key] = st.inflight.get(key, 0) + 1
            st.peak[key] = max(st.peak.get(key, 0), st.inflight[key])
        time.sleep(0.3)
        with st.lock:
            st.inflight[key] -= 1
        self.send(200, simple("Slow page " + rest))

    def gzipped(self, rest, n):
        body = simple("Compressed page", "This page travelled gzip-compressed and arrives whole.")
        if "gzip" in (self.headers.get("Accept-Encoding") or ""):
            return self.send(200, gzip.compress(body), headers=[("Content-Encoding", "gzip")])
        self.send(406, simple("gzip only"))

    def echo(self, rest, n):
        ua = self.headers.get("User-Agent", "")
        self.send(200, simple("Headers", "User-Agent: " + ua), "text/html; charset=utf-8")

    def concurrency(self, rest, n):
        with self.state.lock:
            v = self.state.peak.get(rest, 0)
        self.send(200, str(v).encode(), "text/plain")

    def hits(self, rest, n):
        with self.state.lock:
            v = self.state.hits.get("/" + rest, 0)
        self.send(200, str(v).encode(), "text/plain")


def _const(code, body, ctype="text/html", headers=()):
    return lambda h, rest, n: h.send(code, body, ctype, headers)


ROUTES = [
    ("/pages/", Handler.page),
    ("/hops/", Handler.hops),
    ("/loop/a", lambda h, r, n: h.redirect("/loop/b")),
    ("/loop/b", lambda h, r, n: h.redirect("/loop/a")),
    ("/missing", _const(404, simple("Not found"))),
    ("/forbidden", _const(403, simple("Forbidden"))),
    ("/flaky/", Handler.flaky),
    ("/busy/", Handler.busy),
    ("/busy-long/", Handler.busy_long),
    ("/always-busy/", _const(503, simple("Down"), headers=[("Retry-After", "1")])),
    ("/drop/", Handler.drop),
    ("/stall", Handler.stall),
    ("/slow/", Handler.slow),
    ("/huge", lambda h, r, n: h.stream(20 * MIB, True)),
    ("/huge-unsized", lambda h, r, n: h.stream(20 * MIB, False)),
    ("/gzip", Handler.gzipped),
    ("/cp1252", _const(200, CP1252, "text/html")),
    ("/latin1-equiv", _const(200, CP1252.replace(
        b"<meta charset=\"windows-1252\">",
        b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"))),
    ("/header-wins", _const(200, "<html><head><meta charset=\"windows-1252\"></head><body>"
                            "<p>na\u00efve caf\u00e9</p></body></html>".encode("utf-8"),
                            "text/html; charset=utf-8")),
    ("/utf16", _const(200, b"\xff\xfe" + "<html><body><p>\u00fcber</p></body></html>"
                      .encode("utf-16-le"), "text/html")),
    ("/bad-bytes", _const(200, b"<html><body><p>ok \xff\xfe\xc3 end</p></body></html>",
                          "text/html; charset=utf-8")),
    ("/pdf", _const(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "application/pdf")),
    ("/to-file", lambda h, r, n: h.redirect("file:///etc/passwd")),
    ("/to-ftp", lambda h, r, n: h.redirect("ftp://127.0.0.1/x")),
    ("/headers", Handler.echo),
    ("/concurrency/", Handler.concurrency),
    ("/hits/", Handler.hits),
]


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # clients that give up on purpose (size cap, timeout) are no error
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def start():
    """Serve on 127.0.0.1 in a background thread; returns (server, port)."""
    Handler.state = State()
    srv = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, srv.server_address[1]


def stop(srv):
    Handler.state.stopping.set()
    srv.shutdown()
    srv.server_close()


def _watch_parent(parent):
    """Exit when the test that started us is gone, or after ten minutes."""
    deadline = time.time() + 600
    while os.getppid() == parent and time.time() < deadline:
        time.sleep(0.2)
    os._exit(0)


if __name__ == "__main__":
    srv, port = start()
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    print(port, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        stop(srv)
    sys.exit(0)
