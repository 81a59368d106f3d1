"""readability_lxml.py — readability-lxml (Debian python3-readability) on
saved pages, the way bench/extract.sh runs it: every page named on the
command line in this one Python process (one page per process in its
per-process runs), each page's article as text on stdout.

Usage: /usr/bin/python3 bench/readability_lxml.py PAGE.html...
"""
import sys

import lxml.html
from readability import Document


def main(pages):
    out = sys.stdout
    for page in pages:
        with open(page, "rb") as f:
            html = f.read()
        summary = Document(html).summary(html_partial=True)
        out.write(lxml.html.fromstring(summary).text_content() if summary else "")
        out.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
