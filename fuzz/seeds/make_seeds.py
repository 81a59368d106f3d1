#!/usr/bin/env python3
"""make_seeds.py — write the hand-made seed inputs of fuzz/corpus/<harness>/.

Seeds are our own: short articles written here, the project's data/stories
texts and test pages, and our lexicons (cut short). Run from the project
root: python3 fuzz/seeds/make_seeds.py. Seeds are named seed-*; inputs the
fuzzer adds later keep libFuzzer's hash names.
"""
import json
import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fuzz" / "corpus"

A1 = ("Council approves new bridge after three-hour debate\n\n"
      "HARLOW — The city council voted 6-3 on Monday to approve a $12.5 million bridge "
      "over the Stour, Mayor Ellen Price said. Dr. Ana Ruiz, who chairs the transport "
      "committee, called it \"a long overdue fix.\"\n\n"
      "Work will start in March and take about 18 months, according to officials. "
      "Critics reportedly warned that costs could rise by 20 percent.\n\n"
      "Advertisement\n\nBy Sam Lee and Jo Park\n\nShare this article")
A2 = ("Harlow bridge vote splits council\n\n"
      "Councillors backed the bridge by seven votes to two late Monday night. "
      "The project will cost nearly $13 million, Mr. Grant Holloway told reporters. "
      "\u201cIt is a disgrace,\u201d said one resident, who asked not to be named.\n\n"
      "The U.S. firm Acme Corp. won the contract. Construction begins in spring, "
      "sources familiar with the plan said.\n\nRead more:\nOther news today\nWeather")
A3 = ("Bridge gets green light\n\nThe council approved the bridge. It costs $12.5m. "
      "Work starts in March 2024 and lasts 1.5 years... Or so they say?! \u2014 "
      "\"We'll see,\" a critic said.\n\nPhoto: Jane Doe/Reuters")
A4 = ("Mayor hails \u2018historic\u2019 vote\n\n"
      "WASHINGTON (AP) \u2014 In a historic vote, the council said yes 6\u20133. "
      "The bridge, 400 m long, opens at 9:30 a.m. on Jan. 5, 2026, officials claimed.\\n"
      "Mrs. O'Neil, the deputy mayor, said: 'It is done.' Prices rose about 5%.")

TEXT_EXTRA = [
    "",
    "Only a headline",
    "Title\n\n\n\n   \n",
    "T\n\nA. B. C. D. e.g. i.e. U.S.A. Inc. St. Jan. No. 5 vs. 3.14 etc. Mr.",
    "T\n\n\u201cQuoted \u2018nested \u201cdeep\u201d\u2019 quote,\u201d he said. \"Unclosed quote",
    "T\n\nTwo hours and one minute. Twenty-five thousand troops. $1.2bn. 3-2. 1,234,567.89",
    "T\n\n\xe2\x80\x94\u00a0\u2028\u2029\ufeff\u200b zero width and non-breaking spaces",
    "T\r\n\r\nWindows line ends.\r\nAnother line.\rOld Mac line.",
    "T\n\nCaf\u0065\u0301 d\u00e9j\u00e0 vu \u00df \u0130stanbul \u03a3\u03bf\u03c6\u03af\u03b1 \u65e5\u672c\u8a9e\u3002\u4e2d\u6587\uff01",
    "T\n\n" + "word " * 300,
    "T\n\n" + "Yes. " * 200,
    "T\n\n" + "(" * 50 + "nested" + ")" * 50,
]

HTML_SEEDS = {
    "basic": "<!DOCTYPE html><html lang=en><head><title>Bridge vote | Harlow Herald</title>"
             "<meta property='og:site_name' content='Harlow Herald'>"
             "<meta name=author content='Sam Lee'><meta property='article:published_time' "
             "content='2025-03-03T10:00:00Z'><link rel=canonical href='https://example.org/a'>"
             "</head><body><header><nav><a href=/>Home</a><a href=/news>News</a></nav></header>"
             "<article><h1>Council approves new bridge</h1><p class=byline>By Sam Lee</p>"
             "<div class='story-body'><p>The city council voted 6-3 on Monday to approve a "
             "$12.5 million bridge, Mayor Ellen Price said.</p><p>Work will start in March, "
             "according to officials. Critics warned that costs could rise.</p>"
             "<figure><img src=x.jpg><figcaption>The river. Photo: J. Doe</figcaption></figure>"
             "<p>\u201cIt is overdue,\u201d said Dr. Ana Ruiz.</p></div></article>"
             "<aside class=related><h2>Related</h2><ul><li><a href=/b>Other story</a></li></ul>"
             "</aside><footer>\u00a9 2025 Harlow Herald</footer></body></html>",
    "ldjson": "<html><head><script type='application/ld+json'>{\"@context\":\"https://schema.org\","
              "\"@type\":\"NewsArticle\",\"headline\":\"Bridge approved\",\"author\":[{\"@type\":"
              "\"Person\",\"name\":\"Jo Park\"}],\"datePublished\":\"2025-03-03\",\"articleBody\":"
              "\"The council approved the bridge on Monday. It will cost $12.5 million.\"}</script>"
              "</head><body><div id=app>Loading\u2026</div></body></html>",
    "windows1252": b"<html><head><meta charset=windows-1252><title>Caf\xe9</title></head><body>"
                   b"<p>The caf\xe9 \x93reopened\x94 on Monday \x96 a r\xe9sum\xe9 of 5\x80.</p>"
                   b"<p>Second paragraph with more words in it so it counts as prose.</p></body></html>",
    "entities": "<html><body><p>Fish &amp; chips &lt;b&gt; &quot;quoted&quot; &#8212; &#x201C;"
                "curly&#x201D; &nbsp; &bogus; &#0; &#xD800; &#1114112; &eacute;</p></body></html>",
    "broken": "<html><body><div><p>Unclosed <b>bold <i>italic <font>font<p>next para"
              "<table><tr><td>cell<td>cell2</table><script>var x='</p>';</script>"
              "<style>p{color:red}</style><!-- comment --><![CDATA[ data ]]><p>After.</div>",
    "deep": "<html><body>" + "<div>" * 300 + "<p>Deep text sits here in a sentence.</p>"
            + "</div>" * 300 + "</body></html>",
    "xxe": "<?xml version='1.0'?><!DOCTYPE html SYSTEM 'http://127.0.0.1:9/x.dtd' "
           "[<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]><html><body><p>&xxe; external "
           "entity must stay text.</p><xi:include href='file:///etc/hostname' "
           "xmlns:xi='http://www.w3.org/2001/XInclude'/></body></html>",
    "charset-line": "#charset iso-8859-1\n<html><body><p>Gr\u00fc\u00dfe aus K\u00f6ln.</p></body></html>",
    "utf16": "\ufeff<html><body><p>UTF-16 page with a byte-order mark.</p></body></html>",
    "noscript": "<html><body><noscript><p>Enable JavaScript</p></noscript><main><p>Main text "
                "of the article here, long enough to be chosen as the body of it.</p></main>"
                "<div class='cookie-banner'>We use cookies</div><div hidden>hidden</div>"
                "<div style='display:none'>none</div></body></html>",
    "pre-br": "<html><body><pre>line one\nline two</pre><p>a<br>b<br/>c<br><br>d</p>"
              "<ul><li>item one</li><li>item two</li></ul><blockquote>quoted block</blockquote>"
              "<h2>Sub heading</h2><p>tail</p></body></html>",
}

DIC_SEEDS = {
    "small.dic": "%\n1\tcare.virtue\n02\tcare.vice\n\t3\tnested\tnote here\n%\ncompassion\t1\n"
                 "safe*\t01\ncivil rights\t1 2\nharm\t2 3\nattack~\t2\n",
    "liwc2007.dic": "%\n1\tfunct\n2\tpronoun\n%\nlike\t<of>\t1\n(02 134)125/464\ta\t1\n"
                    "kind\t(02 134)125/464\nthe\t1\n",
    "bad.dic": "%\n1\tx\n%\nword\t9\nother\tzz\n\tspace lead\t1\n%\n",
    "crlf.dic": "%\r\n1\tone\r\n%\r\nword\t1\r\n",
}

TSV_SEEDS = {
    "tiny.tsv": "# name: tiny\n# version: 0.1\n# licence: CC0-1.0\n# category: hedge \u2014 soft\n"
                "may\thedge\t1\nappears to\thedge\t0.5\nclaim*\thearsay\t1\nattack~\tloaded\t2\t"
                "criticise\nanti-*\tloaded\t1\nObama\tname\t1\nis said to\thearsay\t1\n",
    "layout2.tsv": "term\tcategory\nwarn\tverb\nsay\tverb\n",
    "bad.tsv": "ok\tcat\t1\nbad\tcat\tNaN\nx*y\tcat\t1\n*\tcat\t1\n~\tcat\t1\n\t\t\nneg\tcat\t-1e308\n",
    "directed.tsv": "# name: slanted\n# category: up \u2014 praise\n# category: down \u2014 attack\n"
                    "# boosting: up\n# attacking: down, down\n"
                    "gleaming\tup\nclaimed\tdown\t1\tsays\tnot-head\n"
                    "radical\tdown\t1\t\tnot-modifier not-head\nslammed\tdown\t1\t\tnot-modifier\n"
                    "# dropped: regime\tdown\t1\tgovernment\n",
    "directed-bad.tsv": "# name: x\n# boosting: up\n# attacking: nope\nup\tup\t1\t\tnot-\n",
}


def put(harness, name, data):
    d = CORPUS / harness
    d.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    (d / ("seed-" + name)).write_bytes(data)


def story_texts():
    out = []
    for p in sorted((ROOT / "data" / "stories").glob("*/*.txt")):
        out.append((p.stem, p.read_text(encoding="utf-8")))
    return out


def html_pages():
    pages = sorted((ROOT / "tests" / "fetch" / "pages").glob("*.html"))
    pages += sorted((ROOT / "data" / "stories").glob("*/pages/*.html"))
    return [(p.stem, p.read_bytes()) for p in pages]


def text_seeds():
    for i, t in enumerate([A1, A2, A3, A4] + TEXT_EXTRA):
        put("text", "own-%02d.txt" % i, t)
    for name, t in story_texts():
        put("text", "story-" + name + ".txt", t)
    put("text", "invalid-utf8.txt", b"Title\n\nBad \xff\xfe bytes, overlong \xc0\xaf and "
        b"\xe0\x80\xaf, surrogate \xed\xa0\x80, NUL \x00 here, truncated \xe2\x82")


def html_seeds():
    for name, h in HTML_SEEDS.items():
        put("html", name + ".html", h)
    for name, h in html_pages():
        put("html", "page-" + name + ".html", h)


def record_seeds():
    arts = [("herald", A1), ("post", A2), ("wire", A3), ("gazette", A4)]
    recs = []
    for outlet, text in arts:
        title, _, body = text.partition("\n\n")
        recs.append({"story": "bridge", "source": outlet, "outlet": outlet.title(),
                     "title": title, "url": "https://example.org/" + outlet,
                     "date": "March 3, 2025", "text": body})
    for r in recs:
        put("record", r["source"] + ".json", json.dumps(r, ensure_ascii=False))
    put("record", "corpus.jsonl", "\n".join(json.dumps(r) for r in recs) + "\n")
    put("record", "array.json", json.dumps(recs, indent=1))
    put("record", "html.json", json.dumps({"story": "s", "outlet": "Herald", "html":
                                           HTML_SEEDS["basic"]}))
    put("record", "odd.jsonl", '\ufeff{"story":"a","source":"x","text":"T\\n\\nBody."}\n'
        '{"story":1,"source":null}\n{"source":"y","url":"https://example.org/"}\n'
        '{"story":"a\\u0000b","source":"\\ud800","text":"T\\n\\n\\u00e9\\ud83d\\ude00."}\n'
        'not json\n[1,2]\n{"story":"a","source":"z","title":"","text":""}\n'
        '{"story":"b","nested":{"story":"no"},"source":"w","text":"Title\\n\\nText here."}')
    put("record", "deep.json", "[" * 2000 + "]" * 2000)


def lexicon_seeds():
    for p in sorted((ROOT / "lexicons").glob("*.tsv")):
        lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
        put("lexicon", p.name, "".join(lines[:60]))
    for name, t in list(DIC_SEEDS.items()) + list(TSV_SEEDS.items()):
        put("lexicon", name, t)


def compare_seeds():
    texts = [t for _, t in story_texts()]
    own = [A1, A2, A3, A4]
    put("compare", "stories.txt", "\f".join(texts[:4]))
    put("compare", "own.txt", "\f".join(own))
    put("compare", "own-two.txt", A1 + "\f" + A2)
    put("compare", "halves.txt", A1 + "\n\n" + A3)
    rec = json.dumps({"source": "post", "title": "Harlow bridge vote splits council",
                      "text": A2.partition("\n\n")[2]})
    put("compare", "mixed.txt", HTML_SEEDS["basic"] + "\f" + rec + "\f" + A3)
    put("compare", "same.txt", A1 + "\f" + A1 + "\f" + A1)


if __name__ == "__main__":
    text_seeds()
    html_seeds()
    record_seeds()
    lexicon_seeds()
    compare_seeds()
