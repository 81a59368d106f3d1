#!/usr/bin/env python3
"""Write doc/report.schema.json: the JSON Schema (draft 2020-12) of the JSON
report, schema 1, full and lean forms. Run after changing a field of
src/report/json.c:  python3 scripts/report_schema.py > doc/report.schema.json
(tests/report/test_schema.py validates reports against the file)."""
import json
S = lambda: {"type": "string"}
SN = lambda: {"type": ["string", "null"]}
I = lambda: {"type": "integer", "minimum": 0}
N = lambda: {"type": "number"}
B = lambda: {"type": "boolean"}
def A(items, **kw): return dict({"type": "array", "items": items}, **kw)
def O(props, required=None, **kw):
    o = {"type": "object", "properties": props}
    o["required"] = list(props) if required is None else required
    o.update(kw)
    return o
def MAP(v): return {"type": "object", "additionalProperties": v}
def R(name): return {"$ref": "#/$defs/" + name}
def TUPLE(*items):
    return {"type": "array", "prefixItems": list(items), "items": False,
            "minItems": len(items)}
BIT = lambda: {"enum": [0, 1]}
READING = {"enum": ["more", "less", "noise"]}

defs = {}
defs["story"] = O({"id": SN(), "title": S()})
src_common = {"id": S(), "name": SN(), "title": SN(), "url": SN(), "date": SN(),
              "modified": SN(), "byline": SN(), "lang": SN(), "input": SN(), "words": I(),
              "text": S()}
defs["sentence_full"] = O({"id": S(), "text": S(), "start": I(), "end": I(), "paragraph": I(),
                           "headline": {"const": True}, "quoted": N()},
                          required=["id", "text", "start", "end", "paragraph"])
defs["sentence_lean"] = TUPLE(I(), I(), I(), BIT(), N())
defs["source_full"] = O(dict(src_common, sentences=A(R("sentence_full")),
                             furniture_removed=A(S())))
defs["source_lean"] = O(dict(src_common, sentences=A(R("sentence_lean"))))
defs["conflict"] = O({"kind": S(), "detail": SN(), "values": MAP(S())})
defs["mention_full"] = O({"source": S(), "sentence": S(), "text": S(), "score": N(),
                          "position": O({"where": {"enum": ["headline", "lead", "body", "end"]},
                                         "share": N()}),
                          "quoted": B()})
defs["mention_lean"] = TUPLE(I(), I(), N(), BIT())
defs["fact_full"] = O({"id": S(), "text": S(), "mentions": A(R("mention_full"), minItems=1),
                       "present": A(S()), "absent": A(S()), "not_shown": A(S()),
                       "confidence": N(),
                       "links": A(O({"a": S(), "b": S(), "p": N()})),
                       "outlets": MAP(O({"verdict": {"enum": ["carries", "omits", "not_shown"]},
                                         "p_carries": N()})),
                       "in_headline": A(S()), "conflicts": A(R("conflict"))})
defs["fact_lean"] = O({"id": S(), "text_mention": I(),
                       "mentions": A(R("mention_lean"), minItems=1),
                       "absent": A(I(), minItems=1), "not_shown": A(I(), minItems=1),
                       "confidence": N(), "in_headline": A(I(), minItems=1),
                       "conflicts": A(R("conflict"), minItems=1)},
                      required=["id", "text_mention", "mentions", "confidence"])
defs["contrast_full"] = O({"hits": I(), "per_1k": N(), "median_per_1k": N(), "difference": N(),
                           "low": N(), "high": N(), "reading": READING, "text": S()})
defs["contrast_lean"] = O({"per_1k": N(), "median_per_1k": N(), "difference": N(), "low": N(),
                           "high": N(), "reading": READING},
                          required=["median_per_1k", "low", "high", "reading"])
def directions(c):
    return O({"boosting": R(c), "attacking": R(c), "slant": R(c)})
score_full = {"hits": I(), "per_1k": N(), "delta": N(), "narration": I(), "quoted": I(),
              "narration_per_1k": N(), "narration_delta": N(), "quoted_per_1k": N(),
              "negated": I(), "weight": N()}
cat_full = O({"hits": I(), "per_1k": N(), "delta": N(), "narration": I(), "quoted": I()})
defs["evidence_full"] = O({"sentence": S(), "term": S(), "category": S(), "text": S(),
                           "start": I(), "end": I(),
                           "voice": {"enum": ["narration", "quote"]}, "weight": N(),
                           "negated": {"const": True}, "neutral": S()},
                          required=["sentence", "term", "category", "text", "start", "end",
                                    "voice", "weight"])
defs["lexicon_score_full"] = O(dict(score_full, contrast=R("contrast_full"),
                                    directions=directions("contrast_full"),
                                    evidence=A(R("evidence_full")), categories=MAP(cat_full)),
                               required=list(score_full) + ["evidence", "categories"])
defs["fact_score_full"] = O(dict(score_full, evidence=A(I()), categories=MAP(cat_full)))
defs["lexicon_score_lean"] = O({"hits": I(), "narration": I(), "quoted": I(),
                                "narration_per_1k": N(), "contrast": R("contrast_lean"),
                                "directions": directions("contrast_lean"),
                                "evidence": A(TUPLE(I(), I(), I(), I(), BIT())),
                                "categories": MAP(TUPLE(I(), I(), I()))},
                               required=["hits", "narration", "quoted", "narration_per_1k",
                                         "evidence", "categories"])
top = {"anyOf": [{"type": "null"},
                 O({"source": S(), "clear": B(), "narration_per_1k": N()})]}
lexicon_full = O({"name": S(), "version": SN(), "licence": SN(), "description": SN(),
                  "terms": I(), "categories": A(S())})
lexicon_lean = O({"name": S(), "version": SN(), "terms": I(), "categories": A(S())})
defs["framing_full"] = O({"lexicons": A(lexicon_full), "headline": {"const": "narration"},
                          "sources": MAP(MAP(R("lexicon_score_full"))), "most": MAP(top),
                          "facts": MAP(MAP({"type": "object",
                                            "properties": {"sentence": S(), "words": I()},
                                            "required": ["sentence", "words"],
                                            "additionalProperties": R("fact_score_full")}))})
defs["framing_lean"] = O({"lexicons": A(lexicon_lean), "headline": {"const": "narration"},
                          "sources": MAP(MAP(R("lexicon_score_lean"))), "most": MAP(top)})
defs["compare"] = MAP(O({"carried": I(), "unique": A(S()), "omitted": A(S()),
                         "conflicts": A(S())}))
speaker = O({"id": I(), "name": SN(), "anonymous": B(), "quotes": I(), "paraphrases": I()})
attribution_full = O({"sentence": S(), "speaker": S(), "verb": S(), "anonymous": B(),
                      "speaker_id": {"type": "integer"}, "kind": {"enum": ["quote", "paraphrase"]},
                      "verb_framing": A(S())})
fact_speaker_full = {"type": "object", "properties": {"speaker": SN(), "speaker_id": I(),
                                                      "anonymous": B(), "verb": S()},
                     "required": ["speaker"]}
def sourcing(att, fs):
    return MAP(O({"named": I(), "anonymous": I(), "quoted_share": N(), "words": I(),
                  "quoted_words": I(), "attributions": A(att), "speakers": A(speaker),
                  "facts": MAP(fs)}))
defs["sourcing_full"] = sourcing(attribution_full, fact_speaker_full)
defs["sourcing_lean"] = sourcing(TUPLE(I(), I(), I(), I(), I(), {"type": "integer"}, BIT()),
                                 {"type": ["integer", "null"]})
method = O({"threshold": N()})
common = {"schema": {"const": 1}, "generator": S(), "story": R("story"), "compare": R("compare"),
          "method": method}
defs["full"] = O(dict(common, form={"const": "full"}, sources=A(R("source_full")),
                      facts=A(R("fact_full")), framing=R("framing_full"),
                      sourcing=R("sourcing_full")))
cols = lambda *c: {"const": list(c)}
defs["lean_columns"] = O({
    "sentence": cols("start", "end", "paragraph", "headline", "quoted"),
    "mention": cols("source", "sentence", "score", "quoted"),
    "evidence": cols("sentence", "start", "end", "category", "quoted"),
    "category": cols("hits", "narration", "quoted"),
    "attribution": cols("sentence", "speaker_start", "speaker_end", "verb_start", "verb_end",
                        "speaker_id", "quote")})
defs["lean"] = O(dict(common, form={"const": "lean"}, lean=R("lean_columns"),
                      sources=A(R("source_lean")), facts=A(R("fact_lean")),
                      framing=R("framing_lean"), sourcing=R("sourcing_lean")))
schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://parallax.invalid/doc/report.schema.json",
    "title": "Parallax JSON report, schema 1 (full and lean forms)",
    "description": "What `parallax compare --format json` (full form; --lean: lean form) and "
                   "`parallax batch` (stories/ID.json: lean unless --full-json) write. Fields may "
                   "be added within schema 1, so objects accept other properties; none listed "
                   "as required is ever left out. doc/codebook.md gives each field's meaning.",
    "if": {"properties": {"form": {"const": "lean"}}, "required": ["form"]},
    "then": R("lean"),
    "else": R("full"),
    "$defs": defs,
}
print(json.dumps(schema, indent=1))
