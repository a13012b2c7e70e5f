"""Generate a realistic benchmark corpus (JSONL) for `graphkit ingest`.

    python bench/gen_corpus.py [-n 10000] [--seed 7] [-o bench/out/corpus.jsonl]

Each line is one news-like document: {"id", "title", "source", "published", "text"}.
Sentences follow the patterns of the sample articles in corpus/ (backing, opposing,
attacks, agreements and their guarantors, leaders, attributions "X says ...",
negations and hedges), with the actors, armed groups, leaders, organisations,
places and agreements rotated from graphkit/data/aliases/*.json (names and
aliases, Zipf-weighted so a few actors are hubs, as in real news). About 15 % of
the documents are noise (economy, weather, sport: no relation at all). Lengths
vary from ~100 to ~600 words; dates are spread over two years (2023-2024).

Deterministic for a given --seed and -n: the same command writes the same bytes.
The output goes under bench/out/ (git-ignored): generated data is never committed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALIASES = ROOT / "graphkit" / "data" / "aliases"
DEFAULT_OUT = ROOT / "bench" / "out" / "corpus.jsonl"

SOURCES = ["presstv.ir", "aljazeera.com", "reuters.com", "apnews.com", "bbc.co.uk", "france24.com",
           "dailysabah.com", "tass.com", "middleeasteye.net", "theguardian.com", "npr.org", "dw.com"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
        "on Sunday", "earlier this week", "last month", "overnight"]

# --------------------------------------------------------------- relation-bearing sentences
# {A},{B},{C}: states (country names, sometimes their capital/alias); {G},{H}: armed groups;
# {P}: place; {AG}: agreement; {L}: a leader (person); {O}: an organisation; {D}: a day phrase.
TEMPLATES = {
    "BACKS": [
        "{A} backs {G}, according to officials familiar with the matter.",
        "{A} has long supported {G} in its campaign around {P}.",
        "{A}-backed {G} fighters advanced toward {P} {D}.",
        "{G}, which is backed by {A}, denied the reports.",
        "{A} has armed and funded {G} since the early years of the war.",
        "{A} continues to support {H} despite repeated warnings from {B}.",
        "Fighters of {G} are sponsored by {A}, local sources said.",
    ],
    "OPPOSES": [
        "{A} condemned {B} for the escalation in {P}.",
        "{A} accused {G} of violating the {AG}.",
        "{B} strongly criticized {A} over its policy in {P}.",
        "{A} rejected the demands made by {B} {D}.",
        "{A} designated {G} as a terrorist organisation.",
        "{O} denounced {G} for the killing of civilians in {P}.",
    ],
    "ATTACKED": [
        "{G} attacked {A} forces near {P} {D}.",
        "{A} warplanes struck {G} in {P} {D}, killing several fighters.",
        "{A} shelled {G} around {P}, a war monitor said.",
        "{G} fighters ambushed a {A} patrol outside {P}.",
        "{H} targeted {G} with drones near {P}.",
        "{A} bombed {G} in the countryside of {P}.",
    ],
    "PARTY_TO": [
        "{A} and {B} signed the {AG} in {P}.",
        "{A} signed the {AG} {D}.",
        "{A} and {B} agreed to uphold the {AG}.",
        "{G} joined the {AG} after weeks of talks.",
    ],
    "GUARANTEES": [
        "{A}, {B} and {C} are the guarantors of the {AG}.",
        "{A} is a guarantor of the {AG}.",
        "{A} and {B} guarantee the {AG}, the statement said.",
    ],
    "LEADS": [
        "{L}, the leader of {G}, appeared in a video released {D}.",
        "{G} is led by {L}, according to the group.",
    ],
    "COOPERATES": [
        "{A} and {B} held joint patrols near {P} {D}.",
        "{A} cooperates with {B} on security in {P}.",
    ],
    "MEMBER_OF": [
        "{H} is a member of {G}, the coalition said.",
    ],
}
ATTRIBUTED = [
    "{A} says {B} attacked {G} near {P}.",
    "According to {L}, {A} backs {G}.",
    "{L} said {A} had struck {G} in {P}.",
    "{O} said {G} attacked civilians in {P} {D}.",
]
NEGATED = [
    "{A} does not back {G}, the foreign ministry insisted.",
    "{A} denied that it had attacked {G} in {P}.",
    "{A} did not sign the {AG}.",
]
HEDGED = [
    "{A} may have backed {G}, diplomats said.",
    "{A} reportedly struck {G} near {P} {D}.",
    "{A} could support {G} if the talks fail.",
]
CONTEXT = [
    "{L} met {L2} in {P} {D} to discuss the situation in the region.",
    "Thousands of civilians have fled {P} since the start of the year.",
    "The {AG} has been repeatedly violated since it came into force.",
    "Talks are expected to resume in {P} next month, diplomats said.",
    "{O} said humanitarian access to {P} remained severely restricted.",
    "The statement further highlighted that the situation in {P} remained tense.",
    "Officials in {A} declined to comment on the reports.",
    "Witnesses said the road between {P} and {P2} had been closed for days.",
    "Prices of bread and fuel in {P} have doubled in recent months.",
    "The announcement followed a telephone call between {L} and {L2}.",
]
# --------------------------------------------------------------- filler and noise
FILLER = [
    "The situation on the ground remained tense, residents said.",
    "Aid agencies warned that the coming winter would make conditions worse.",
    "The ministry released a statement late in the evening.",
    "Several people were wounded and taken to a nearby hospital.",
    "Analysts said the move was unlikely to change the balance of power.",
    "Local media reported heavy traffic on the main roads out of the city.",
    "The talks lasted for more than six hours, according to one participant.",
    "It was not immediately possible to verify the claims independently.",
    "Schools in the area have been closed since the beginning of the month.",
    "Journalists were not allowed to enter the zone.",
    "The spokesman did not give further details.",
    "Electricity was cut for several hours in the surrounding villages.",
    "A convoy of trucks carrying food and medicine crossed the border.",
    "Officials said the investigation was continuing.",
    "The reports could not be confirmed by independent sources.",
]
NOISE_TOPICS = {
    "economy": [
        "The central bank kept interest rates unchanged at its meeting this week.",
        "Inflation slowed for the third month in a row, official figures showed.",
        "Shares of technology companies rose in early trading.",
        "The currency fell to a record low against the dollar.",
        "Exporters said higher shipping costs were eating into their margins.",
        "The government announced a new package of subsidies for small businesses.",
        "Economists expect growth to pick up in the second half of the year.",
        "Oil prices edged higher after a report showed lower inventories.",
        "Retail sales were stronger than expected in the holiday season.",
        "The budget deficit narrowed slightly compared with last year.",
    ],
    "weather": [
        "Heavy rain is expected across the north of the country over the weekend.",
        "Temperatures will climb above thirty degrees by the middle of the week.",
        "Forecasters warned of strong winds along the coast.",
        "Several flights were delayed because of fog at the main airport.",
        "Farmers said the dry spell had damaged the wheat harvest.",
        "Snow closed mountain roads for the second day.",
        "The storm is forecast to weaken as it moves inland.",
        "Authorities urged residents to stay indoors during the heatwave.",
    ],
    "sport": [
        "The home side scored twice in the final ten minutes to win the match.",
        "The coach praised his players for their discipline in defence.",
        "Tickets for the final sold out within an hour.",
        "The striker was named player of the month for the second time.",
        "The club confirmed that its captain would miss the rest of the season.",
        "A crowd of more than forty thousand watched the game.",
        "The team will travel abroad for a friendly next week.",
        "The marathon attracted runners from more than thirty countries.",
    ],
}
NOISE_TITLES = {"economy": "Markets: {x}", "weather": "Weather: {x}", "sport": "Sport: {x}"}


def _ok(name: str) -> bool:
    return bool(name) and not re.search(r"[(),;]", name) and len(name) <= 45


def _load(name: str) -> list[dict]:
    return json.loads((ALIASES / f"{name}.json").read_text(encoding="utf-8"))["entries"]


class Pools:
    """Names (and some aliases) per role, each with Zipf-like weights."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        countries = _load("countries")
        # the states that dominate the sample articles first, the rest after (the long tail)
        front = ["Russia", "Turkey", "Syria", "Iran", "United States", "Israel", "Iraq", "Ukraine",
                 "Lebanon", "Saudi Arabia", "Qatar", "United Arab Emirates", "Jordan", "Egypt", "France",
                 "United Kingdom", "Germany", "China", "Yemen", "Libya"]
        by_name = {c["name"]: c for c in countries}
        order = [by_name[n] for n in front if n in by_name] + \
                [c for c in countries if c["name"] not in front]
        self.states = [self._names(c, extra=c.get("capitals", [])[:1]) for c in order]
        self.groups = [self._names(g) for g in _load("groups") if _ok(g["name"])]
        self.leaders = [[x["name"]] for x in _load("leaders") if _ok(x["name"])]
        self.orgs = [self._names(o) for o in _load("organizations") if _ok(o["name"])]
        self.places = [[p["name"]] for p in _load("places") if _ok(p["name"])]
        self.agreements = [[a["name"]] for a in _load("agreements") if _ok(a["name"])]
        self._w = {}

    @staticmethod
    def _names(entry: dict, extra=()) -> list[str]:
        aliases = [a for a in entry.get("aliases", []) if _ok(a) and len(a) > 2][:3]
        return [entry["name"]] + aliases + [e for e in extra if _ok(e)]

    def pick(self, pool: str, exclude=()) -> str:
        items = getattr(self, pool)
        if pool not in self._w:
            self._w[pool] = [1.0 / (i + 1) ** 0.9 for i in range(len(items))]
        for _ in range(20):
            names = self.rng.choices(items, weights=self._w[pool])[0]
            if names[0] not in exclude:
                break
        # mostly the canonical name, sometimes an alias (as in real copy)
        return names[0] if len(names) == 1 or self.rng.random() < 0.75 else self.rng.choice(names[1:])


def _fill(rng: random.Random, pools: Pools, template: str) -> str:
    used: set[str] = set()

    def one(pool: str) -> str:
        v = pools.pick(pool, exclude=used)
        used.add(v)
        return v

    slots = {
        "A": lambda: one("states"), "B": lambda: one("states"), "C": lambda: one("states"),
        "G": lambda: one("groups"), "H": lambda: one("groups"), "L": lambda: one("leaders"),
        "L2": lambda: one("leaders"), "O": lambda: one("orgs"), "P": lambda: one("places"),
        "P2": lambda: one("places"), "AG": lambda: one("agreements"), "D": lambda: rng.choice(DAYS),
    }
    values = {k: f() for k, f in slots.items() if "{" + k + "}" in template}
    s = template.format(**values)
    return s[0].upper() + s[1:]


def _paragraphs(rng: random.Random, sentences: list[str]) -> str:
    paras, i = [], 0
    while i < len(sentences):
        k = rng.randint(1, 3)
        paras.append(" ".join(sentences[i:i + k]))
        i += k
    return "\n\n".join(paras)


def news_document(rng: random.Random, pools: Pools, target_words: int) -> tuple[str, str]:
    rels = list(TEMPLATES)
    weights = [5, 4, 5, 2, 1, 1, 1, 1]
    first = None
    sentences: list[str] = []
    words = 0
    while words < target_words:
        r = rng.random()
        if r < 0.30:
            s = _fill(rng, pools, rng.choice(TEMPLATES[rng.choices(rels, weights)[0]]))
        elif r < 0.36:
            s = _fill(rng, pools, rng.choice(ATTRIBUTED))
        elif r < 0.39:
            s = _fill(rng, pools, rng.choice(NEGATED))
        elif r < 0.42:
            s = _fill(rng, pools, rng.choice(HEDGED))
        elif r < 0.62:
            s = _fill(rng, pools, rng.choice(CONTEXT))
        else:
            s = rng.choice(FILLER)
        if first is None and r < 0.30:
            first = s
        sentences.append(s)
        words += len(s.split())
    title = (first or sentences[0]).rstrip(".")
    return title, title + "\n\n" + _paragraphs(rng, sentences)


def noise_document(rng: random.Random, target_words: int) -> tuple[str, str]:
    topic = rng.choice(list(NOISE_TOPICS))
    sentences, words = [], 0
    while words < target_words:
        s = rng.choice(NOISE_TOPICS[topic])
        sentences.append(s)
        words += len(s.split())
    title = NOISE_TITLES[topic].format(x=sentences[0].rstrip("."))
    return title, title + "\n\n" + _paragraphs(rng, sentences)


def generate(n: int, seed: int = 7, noise: float = 0.15):
    """Yield n document dicts (deterministic for a seed)."""
    rng = random.Random(seed)
    pools = Pools(rng)
    start = dt.date(2023, 1, 1)
    span = (dt.date(2024, 12, 31) - start).days
    for i in range(n):
        target = int(rng.triangular(100, 600, 300))
        if rng.random() < noise:
            title, text = noise_document(rng, target)
        else:
            title, text = news_document(rng, pools, target)
        # a serial in the dateline keeps every text (and so every document id) unique
        published = start + dt.timedelta(days=rng.randint(0, span))
        source = rng.choice(SOURCES)
        text = f"{source.split('.')[0].upper()} ({published:%d %B %Y}, no. {i + 1})\n\n{text}"
        yield {"id": f"bench-{i + 1:06d}", "title": title, "source": f"https://{source}/news/{i + 1}",
               "published": published.isoformat(), "text": text}


def write_corpus(path: Path, n: int, seed: int = 7) -> dict:
    path.parent.mkdir(parents=True, exist_ok=True)
    docs = words = 0
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for d in generate(n, seed):
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
            docs += 1
            words += len(d["text"].split())
    tmp.replace(path)
    return {"documents": docs, "words": words, "bytes": path.stat().st_size, "path": str(path)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10000, help="number of documents (default 10000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    a = ap.parse_args()
    info = write_corpus(a.output, a.n, a.seed)
    print(f"wrote {info['path']}: {info['documents']:,} documents, {info['words']:,} words, "
          f"{info['bytes'] / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
