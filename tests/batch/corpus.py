"""Small JSONL corpora for the batch tests, from sentences written here.

make(path, stories, seed) writes `stories` stories of 3 to 5 outlets each.
Every story is one invented local event (a council vote, a bridge closure, a
storm, a school budget …) told as a list of facts; each outlet carries most
of them in its own order, with small edits, and some carry a different
number so there are conflicting details. Lines of all stories are shuffled
together. With malformed=True three stories are broken in different ways
(a record cut off mid-JSON, a record without text, HTML with no article in
it) and one story has a single outlet (skipped, not failed).
"""
import json
import random

PLACES = ["Millbrook", "Ashford", "Kelso Bay", "Tarrow", "Linden Hill", "Oakvale", "Ferncastle",
          "Redwater", "Stonebridge", "Halloway"]
PEOPLE = ["Mayor Dana Whitfield", "Councillor Amir Patel", "Chief Ruth Okafor",
          "Superintendent Leo Brandt", "Commissioner Hana Sato", "Director Paul Mendes"]
OUTLETS = ["gazette", "courier", "ledger", "tribune", "observer", "dispatch", "herald"]
EVENTS = [
    ("council vote", [
        "The {place} city council voted {n1} to {n2} on Tuesday to approve a new transit plan.",
        "The plan adds {n3} bus routes and extends service hours until midnight.",
        "{person} said the vote was the result of two years of public meetings.",
        "Opponents argued the plan would cost taxpayers {n4} million dollars over five years.",
        "The first new routes are expected to start running in the spring.",
        "Residents packed the council chamber, and dozens spoke during the public comment period.",
        "A previous version of the plan was rejected last year after a tie vote.",
        "The council also approved funding for {n3} new bus shelters near schools.",
    ]),
    ("bridge closure", [
        "The main bridge into {place} will close for repairs for {n1} weeks starting Monday.",
        "Engineers found cracks in {n2} of the support beams during a routine inspection.",
        "{person} said the closure was necessary to keep drivers safe.",
        "Traffic will be diverted along the river road, adding about {n3} minutes to commutes.",
        "The repairs are expected to cost {n4} million dollars, paid for by the state.",
        "Local businesses near the bridge said they feared losing customers during the closure.",
        "A temporary footbridge will remain open for pedestrians and cyclists.",
        "The bridge carries roughly {n5} thousand vehicles a day.",
    ]),
    ("storm", [
        "A storm knocked out power to {n1} thousand homes in {place} overnight.",
        "Winds reached {n2} miles per hour near the coast, the weather service said.",
        "{person} urged residents to stay off the roads while crews cleared fallen trees.",
        "Schools across the district were closed on Thursday.",
        "The utility said most customers should have power back within {n3} days.",
        "Two people were treated for minor injuries after a tree fell on a car.",
        "Shelters opened at the community center and the high school gym.",
        "Officials estimated the damage at {n4} million dollars.",
    ]),
    ("school budget", [
        "The {place} school board adopted a budget of {n4} million dollars for next year.",
        "The budget includes raises of {n1} percent for teachers.",
        "{person} said the district had closed a deficit without cutting any programs.",
        "The board voted {n2} to {n3} after a debate that lasted past midnight.",
        "Parents had asked the board to restore the music program at two elementary schools.",
        "Property taxes will rise slightly under the plan.",
        "The district expects enrollment to fall for the third year in a row.",
        "A new reading program will be added in all kindergarten classes.",
    ]),
]
HEDGES = ["reportedly", "apparently", "allegedly"]


def _story(rng, k):
    kind, facts = EVENTS[k % len(EVENTS)]
    slots = {"place": rng.choice(PLACES), "person": rng.choice(PEOPLE),
             "n1": rng.randint(3, 9), "n2": rng.randint(2, 6), "n3": rng.randint(4, 15),
             "n4": rng.randint(12, 90), "n5": rng.randint(20, 60)}
    chosen = rng.sample(facts, rng.randint(6, len(facts)))
    title = f"{slots['place']} {kind}: what happened"
    arts = []
    for outlet in rng.sample(OUTLETS, rng.randint(3, 5)):
        mine = dict(slots)
        if rng.random() < 0.3:
            mine["n1"] = slots["n1"] + 1  # a conflicting detail
        sents = [s.format(**mine) for s in chosen if rng.random() < 0.85]
        tail = sents[1:]
        rng.shuffle(tail)  # the lead stays first, the rest in the outlet's own order
        sents = sents[:1] + tail
        if rng.random() < 0.5 and sents:
            w = sents[-1].split(" ")
            w.insert(2, rng.choice(HEDGES))
            sents[-1] = " ".join(w)
        body = "\n\n".join(" ".join(sents[i:i + 2]) for i in range(0, len(sents), 2))
        arts.append({"story": f"{kind.replace(' ', '-')}-{k:03d}", "outlet": outlet,
                     "title": f"{title} ({outlet})", "date": "2024-05-01",
                     "url": f"https://{outlet}.example/{k}", "text": body})
    return arts


def make(path, stories, seed=7, malformed=True):
    """Write the corpus; returns {"bad": [story ids], "single": [ids]}."""
    rng = random.Random(seed)
    lines, bad, single = [], [], []
    for k in range(stories):
        arts = _story(rng, k)
        sid = arts[0]["story"]
        recs = [json.dumps(a) for a in arts]
        if malformed and k == 5:
            recs[1] = recs[1][: len(recs[1]) // 2]  # cut off mid-record
            bad.append(sid)
        elif malformed and k == 18:
            del arts[2]["text"]
            recs[2] = json.dumps(arts[2])  # no text, no html
            bad.append(sid)
        elif malformed and k == 31:
            arts[0]["html"] = "<html><body><nav><a href=/>Home</a></nav></body></html>"
            del arts[0]["text"]
            recs[0] = json.dumps(arts[0])  # a page with no article in it
            bad.append(sid)
        elif malformed and k == 44:
            recs = recs[:1]
            single.append(sid)
        lines += recs
    rng.shuffle(lines)
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return {"bad": bad, "single": single}
