"""End-to-end: a written story (tests/frame/stories/riverline) told by a
cheerleading outlet (pulse), a hostile one (watchdog), two plain ones (wire,
herald) and one that quotes a hostile critic at length (gazette), run through
the real binary with the shipped lexicons. The cheerleader and the hostile
outlet must stand out in opposite directions, the plain ones must not, and
quoted words must never count toward an outlet's ranking."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from common import FAILURES, ROOT, check, report, run  # noqa: E402

STORY = os.path.join(ROOT, "tests", "frame", "stories", "riverline")


def loaded(r, src):
    return r["framing"]["sources"][src]["loaded"]


r = report(STORY)
slant = {s: loaded(r, s)["directions"]["slant"] for s in ("wire", "herald", "gazette", "pulse",
                                                          "watchdog")}
check(slant["pulse"]["reading"] == "more" and slant["pulse"]["low"] > 0,
      f"the cheerleader talks its subject up, clearly ({slant['pulse']['text']})")
check(slant["watchdog"]["reading"] == "less" and slant["watchdog"]["high"] < 0,
      f"the hostile outlet talks it down, clearly ({slant['watchdog']['text']})")
for s in ("wire", "herald", "gazette"):
    check(slant[s]["reading"] == "noise", f"{s}: no clear slant ({slant[s]['text']})")
most = r["framing"]["most"]
check(most["loaded:boosting"]["source"] == "pulse" and most["loaded:boosting"]["clear"],
      "most boosting language: pulse, clearly")
check(most["loaded:attacking"]["source"] == "watchdog" and most["loaded:attacking"]["clear"],
      "most attacking language: watchdog, clearly")
for s, want in (("pulse", "boosting"), ("watchdog", "attacking")):
    d = loaded(r, s)["directions"][want]
    words = [e["text"] for e in loaded(r, s)["evidence"] if e["voice"] == "narration"]
    check(d["hits"] >= 4 and len(words) >= d["hits"],
          f"{s}: {d['hits']} {want} hits, each with its words in the evidence ({words})")

# the critic's words in gazette are the critic's: listed, not ranked
g = loaded(r, "gazette")
check(g["quoted"] >= 3 and g["narration"] == 0 and g["narration_per_1k"] == 0,
      f"gazette: {g['quoted']} quoted hits kept apart, none in narration")
check(all(e["voice"] == "quote" for e in g["evidence"]), "gazette's hits are all marked quote")
plain = report(*(os.path.join(STORY, f + ".txt") for f in ("gazette", "herald", "wire")))
pl = {s: loaded(plain, s) for s in ("gazette", "herald", "wire")}
check(pl["gazette"]["per_1k"] > max(pl["wire"]["per_1k"], pl["herald"]["per_1k"]),
      "with quotations mixed in, gazette would have the most loaded words")
top = plain["framing"]["most"]["loaded"]
check(top is None or top["source"] != "gazette",
      f"... but the 'most loaded' note goes by narration ({top})")
check(pl["gazette"]["contrast"]["reading"] != "more", "gazette's narration is not read as more")

# the reports say it in words
code, out, err = run("compare", STORY, "--format", "text")
text = " ".join(out.decode("utf-8").split())
check(code == 0 and "talks its subject up" in text and "talks its subject down" in text,
      "the text report reads the two slants in words")
code, out, err = run("compare", STORY, "--format", "html")
html = out.decode("utf-8")
check(code == 0 and html.count('class="sl clear"') == 2,
      "the HTML slant chart marks exactly two outlets as clear")

sys.exit(1 if FAILURES else 0)
