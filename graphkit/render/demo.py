"""Hand-made and synthetic graphs for the explorer's tests, benchmark and screenshot.

``sample_graph()``: a ~30-node news graph with aliases, contested, negated and hedged
claims. ``synthetic_graph(n)``: n nodes, ~2.5 edges per node, realistic kinds and
relations, deterministic for a seed.
"""
from __future__ import annotations

import random

import networkx as nx

from ..graph import assemble
from ..model import entity_key

DOCS = [
    {"id": "d1", "name": "idlib-2020-03-05", "title": "Moscow deal brings ceasefire to Idlib",
     "source": "corpus/idlib-2020-03-05.txt", "path": "corpus/idlib-2020-03-05.txt", "published": "2020-03-05"},
    {"id": "d2", "name": "afrin-2018-01-21", "title": "Turkey launches Afrin offensive",
     "source": "corpus/afrin-2018-01-21.txt", "path": "corpus/afrin-2018-01-21.txt", "published": "2018-01-21"},
    {"id": "d3", "name": "astana-2017-05-04", "title": "Astana talks agree de-escalation zones",
     "source": "corpus/astana-2017-05-04.txt", "path": "corpus/astana-2017-05-04.txt", "published": "2017-05-04"},
    {"id": "d4", "name": "raqqa-2017-10-17", "title": "SDF takes Raqqa from Islamic State",
     "source": "corpus/raqqa-2017-10-17.txt", "path": "corpus/raqqa-2017-10-17.txt", "published": "2017-10-17"},
    {"id": "d5", "name": "post-2020-02-27", "title": "Dozens of Turkish soldiers killed in Idlib strike",
     "source": "corpus/post-2020-02-27.txt", "path": "corpus/post-2020-02-27.txt", "published": "2020-02-27"},
    {"id": "d6", "name": "golan-2019-03-25", "title": "US recognises Israeli sovereignty over Golan",
     "source": "corpus/golan-2019-03-25.txt", "path": "corpus/golan-2019-03-25.txt", "published": "2019-03-25"},
]

# kind, name, aliases, part_of name
ENTITIES = [
    ("Actor", "Turkey", ["Ankara", "Türkiye"], None),
    ("Actor", "Russia", ["Moscow", "Russian Federation"], None),
    ("Actor", "Iran", ["Tehran"], None),
    ("Actor", "United States", ["US", "Washington"], None),
    ("Actor", "Syria", ["Damascus", "Syrian government"], None),
    ("Actor", "Israel", [], None),
    ("Actor", "Qatar", ["Doha"], None),
    ("Group", "Hay'at Tahrir al-Sham", ["HTS", "Tahrir al-Sham"], None),
    ("Group", "Syrian Democratic Forces", ["SDF"], None),
    ("Group", "People's Protection Units", ["YPG"], None),
    ("Group", "Islamic State", ["ISIS", "ISIL", "Daesh"], None),
    ("Group", "Hezbollah", [], None),
    ("Group", "Syrian National Army", ["SNA", "Free Syrian Army"], None),
    ("Agreement", "Astana process", ["Astana talks"], None),
    ("Agreement", "Idlib ceasefire", ["Moscow protocol"], None),
    ("Agreement", "Sochi memorandum", [], None),
    ("Agreement", "Adana Agreement", [], None),
    ("Person", "Recep Tayyip Erdoğan", ["Erdogan"], "Turkey"),
    ("Person", "Vladimir Putin", ["Putin"], "Russia"),
    ("Person", "Bashar al-Assad", ["Assad"], "Syria"),
    ("Person", "Abu Mohammad al-Jolani", ["al-Jolani", "Jolani"], None),
    ("Person", "Mazloum Abdi", [], None),
    ("Place", "Idlib", [], None),
    ("Place", "Afrin", [], None),
    ("Place", "Raqqa", [], None),
    ("Place", "Golan Heights", ["Golan"], None),
    ("Organization", "United Nations", ["UN"], None),
    ("Organization", "NATO", [], None),
    ("Organization", "Arab League", [], None),
]

# subject, relation, object, doc, sentence, flags (n=negated, h=hedged), attributed_to
CLAIMS = [
    ("Russia", "BACKS", "Syria", "d1", "Russia has backed the Syrian government since 2015.", "", None),
    ("Russia", "BACKS", "Syria", "d5", "Moscow's air force supports Damascus in the Idlib offensive.", "", None),
    ("Iran", "BACKS", "Syria", "d3", "Iran backs the Syrian government with militias.", "", None),
    ("Hezbollah", "BACKS", "Syria", "d3", "Hezbollah fighters back Assad's forces near Aleppo.", "", None),
    ("Iran", "BACKS", "Hezbollah", "d6", "Iran funds and arms Hezbollah.", "", None),
    ("Turkey", "BACKS", "Syrian National Army", "d2", "Turkey backs the Syrian National Army in Afrin.", "", None),
    ("Turkey", "BACKS", "Syrian National Army", "d1", "Ankara supports the SNA rebels.", "", None),
    ("Turkey", "OPPOSES", "People's Protection Units", "d2", "Turkey considers the YPG a terrorist group and opposes it.", "", None),
    ("Turkey", "ATTACKED", "Afrin", "d2", "Turkish jets struck Afrin on Saturday.", "", None),
    ("Turkey", "ATTACKED", "People's Protection Units", "d2", "Turkish forces attacked YPG positions.", "", None),
    ("United States", "BACKS", "Syrian Democratic Forces", "d4", "The US-backed SDF took Raqqa.", "", None),
    ("United States", "BACKS", "Syrian Democratic Forces", "d2", "Washington supports the SDF against ISIS.", "", None),
    ("Syrian Democratic Forces", "ATTACKED", "Islamic State", "d4", "The SDF attacked Islamic State fighters in Raqqa.", "", None),
    ("Syrian Democratic Forces", "ATTACKED", "Raqqa", "d4", "SDF units stormed Raqqa's stadium.", "", None),
    ("People's Protection Units", "MEMBER_OF", "Syrian Democratic Forces", "d4", "The YPG is the backbone of the SDF.", "", None),
    ("Mazloum Abdi", "LEADS", "Syrian Democratic Forces", "d4", "Mazloum Abdi commands the SDF.", "", None),
    ("Abu Mohammad al-Jolani", "LEADS", "Hay'at Tahrir al-Sham", "d1", "Jolani leads HTS.", "", None),
    ("Hay'at Tahrir al-Sham", "OPPOSES", "Syria", "d1", "HTS opposes the Assad government.", "", None),
    ("Hay'at Tahrir al-Sham", "ATTACKED", "Syria", "d5", "Damascus claims HTS attacked its troops.", "h", "Syria"),
    ("Russia", "PARTY_TO", "Idlib ceasefire", "d1", "Russia and Turkey agreed the Idlib ceasefire in Moscow.", "", None),
    ("Turkey", "PARTY_TO", "Idlib ceasefire", "d1", "Turkey signed the ceasefire protocol.", "", None),
    ("Russia", "GUARANTEES", "Astana process", "d3", "Russia is a guarantor of the Astana process.", "", None),
    ("Turkey", "GUARANTEES", "Astana process", "d3", "Turkey is a guarantor of the Astana talks.", "", None),
    ("Iran", "GUARANTEES", "Astana process", "d3", "Iran guarantees the Astana de-escalation zones.", "", None),
    ("Turkey", "PARTY_TO", "Sochi memorandum", "d1", "The Sochi memorandum was signed by Turkey.", "", None),
    ("Russia", "PARTY_TO", "Sochi memorandum", "d1", "Russia signed the Sochi memorandum.", "", None),
    ("Turkey", "PARTY_TO", "Adana Agreement", "d2", "Ankara invoked the Adana Agreement with Damascus.", "", None),
    ("Syria", "PARTY_TO", "Adana Agreement", "d2", "Syria is not bound by the Adana Agreement any more, officials said.", "n", "Syria"),
    ("Syria", "ATTACKED", "Turkey", "d5", "Turkey says Syrian forces attacked its observation post.", "", "Turkey"),
    ("Hay'at Tahrir al-Sham", "ATTACKED", "Turkey", "d5", "Russia says militants attacked the Turkish post.", "", "Russia"),
    ("Russia", "ATTACKED", "Idlib", "d5", "Russian jets bombed Idlib, activists said.", "", "activists"),
    ("Russia", "ATTACKED", "Idlib", "d1", "Russia denied bombing Idlib.", "n", "Russia"),
    ("Russia", "COOPERATES", "Turkey", "d1", "Russia and Turkey will cooperate on joint patrols.", "", None),
    ("Turkey", "COOPERATES", "Russia", "d3", "Turkey may cooperate with Russia on the M4 highway.", "h", None),
    ("Turkey", "MEMBER_OF", "NATO", "d2", "Turkey, a NATO member, launched the operation.", "", None),
    ("United States", "MEMBER_OF", "NATO", "d2", "The US is NATO's largest member.", "", None),
    ("Syria", "MEMBER_OF", "Arab League", "d6", "Syria's Arab League membership was not restored.", "n", None),
    ("Qatar", "BACKS", "Syrian National Army", "d2", "Qatar reportedly funds rebel factions.", "h", None),
    ("Qatar", "MEMBER_OF", "Arab League", "d6", "Qatar is a member of the Arab League.", "", None),
    ("Israel", "ATTACKED", "Hezbollah", "d6", "Israel struck Hezbollah targets near Damascus.", "", None),
    ("Israel", "OPPOSES", "Iran", "d6", "Israel opposes Iran's presence in Syria.", "", None),
    ("United States", "BACKS", "Israel", "d6", "The US backed Israel's claim to the Golan.", "", None),
    ("Israel", "ATTACKED", "Golan Heights", "d6", "Israel shelled positions on the Golan.", "h", None),
    ("Recep Tayyip Erdoğan", "LEADS", "Turkey", "d2", "Erdogan leads Turkey.", "", None),
    ("Vladimir Putin", "LEADS", "Russia", "d1", "Putin hosted Erdogan in Moscow.", "", None),
    ("Bashar al-Assad", "LEADS", "Syria", "d5", "Assad's government rules Damascus.", "", None),
    ("United Nations", "BACKS", "Idlib ceasefire", "d1", "The UN welcomed the Idlib ceasefire.", "", None),
    ("United Nations", "OPPOSES", "Islamic State", "d4", "The UN Security Council condemned ISIS.", "", None),
    ("Islamic State", "ATTACKED", "Raqqa", "d4", "ISIS attacked civilians fleeing Raqqa.", "", None),
    ("Syria", "ATTACKED", "Idlib", "d5", "Syrian government forces shelled Idlib.", "", None),
    ("Syria", "OPPOSES", "Turkey", "d5", "Damascus opposes the Turkish presence in Idlib.", "", None),
]


def sample_graph() -> nx.MultiDiGraph:
    """About 30 entities from six short 'articles' on the Syrian war."""
    key = {name: entity_key(kind, name) for kind, name, _, _ in ENTITIES}
    docs_of: dict[str, set] = {}
    for s, _, o, d, *_ in CLAIMS:
        docs_of.setdefault(s, set()).add(d)
        docs_of.setdefault(o, set()).add(d)
    entities = [{"key": key[name], "name": name, "kind": kind, "aliases": aliases,
                 "part_of": key[part] if part else None, "docs": len(docs_of.get(name, ()))}
                for kind, name, aliases, part in ENTITIES]
    claims = []
    for i, (s, rel, o, d, sentence, flags, attr) in enumerate(CLAIMS):
        claims.append({"id": f"c{i:03d}", "subject": key[s], "object": key[o], "relation": rel,
                       "sentence": sentence, "doc": d, "attributed_to": attr,
                       "negated": "n" in flags, "hedged": "h" in flags,
                       "confidence": round(0.55 + (i % 9) * 0.05, 2),
                       "subject_mention": s, "object_mention": o})
    return assemble(DOCS, entities, claims)


KIND_MIX = (("Actor", 0.22), ("Group", 0.25), ("Person", 0.2), ("Organization", 0.15),
            ("Place", 0.12), ("Agreement", 0.06))
# relation, weight, allowed subject kinds, allowed object kinds
REL_MIX = (
    ("BACKS", 0.25, ("Actor", "Group", "Organization", "Person"), ("Actor", "Group", "Person", "Agreement")),
    ("OPPOSES", 0.2, ("Actor", "Group", "Organization", "Person"), ("Actor", "Group", "Person", "Organization")),
    ("ATTACKED", 0.15, ("Actor", "Group"), ("Actor", "Group", "Place")),
    ("COOPERATES", 0.12, ("Actor", "Organization", "Group"), ("Actor", "Organization", "Group")),
    ("PARTY_TO", 0.1, ("Actor", "Group", "Organization"), ("Agreement",)),
    ("MEMBER_OF", 0.08, ("Actor", "Group", "Person"), ("Organization", "Group")),
    ("LEADS", 0.06, ("Person",), ("Actor", "Group", "Organization")),
    ("GUARANTEES", 0.04, ("Actor", "Organization"), ("Agreement",)),
)
_SYL = ("ka", "ra", "mi", "sto", "len", "dar", "vo", "shi", "tan", "bel", "qu", "zor", "an", "el", "ix", "um")


def synthetic_graph(n: int, edges_per_node: float = 2.5, seed: int = 1,
                    n_docs: int | None = None) -> nx.MultiDiGraph:
    """A random news-like graph: preferential attachment, so a few hubs and many leaves."""
    rng = random.Random(seed)
    kinds = [k for k, _ in KIND_MIX]
    kw = [w for _, w in KIND_MIX]
    n_docs = n_docs or max(5, n // 20)
    docs = [{"id": f"doc{i}", "name": f"article-{i:05d}", "title": f"Synthetic article {i}",
             "source": f"corpus/article-{i:05d}.txt", "path": f"corpus/article-{i:05d}.txt",
             "published": f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"} for i in range(n_docs)]
    entities, by_kind = [], {k: [] for k in kinds}
    for i in range(n):
        kind = rng.choices(kinds, kw)[0]
        name = "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 4))).capitalize() + f" {i}"
        key = f"{kind.lower()}:e{i}"
        entities.append({"key": key, "name": name, "kind": kind,
                         "aliases": [name.split()[0].upper()[:4] + str(i)] if rng.random() < 0.3 else [],
                         "part_of": None, "docs": rng.randint(1, 6)})
        by_kind[kind].append(i)
    # Preferential attachment: pick endpoints proportionally to degree + 1.
    deg = [1] * n
    targets_pool = list(range(n))
    claims = []
    m = int(n * edges_per_node)
    rels = [r for r, *_ in REL_MIX]
    rw = [w for _, w, *_ in REL_MIX]
    rule = {r: (sk, ok) for r, _, sk, ok in REL_MIX}   # tuples: ordered, unlike sets
    made = 0
    attempts = 0
    while made < m and attempts < m * 20:
        attempts += 1
        rel = rng.choices(rels, rw)[0]
        sk, ok = rule[rel]
        s = rng.choice(targets_pool)
        if entities[s]["kind"] not in sk:
            continue
        cands = [k for k in ok if by_kind[k]]
        if not cands:
            continue
        o = rng.choice(targets_pool) if rng.random() < 0.7 else rng.choice(by_kind[rng.choice(cands)])
        if o == s or entities[o]["kind"] not in ok:
            continue
        n_claims = 1 + int(rng.expovariate(0.8))
        for c in range(n_claims):
            r = rng.random()
            claims.append({"id": f"c{made}_{c}", "subject": entities[s]["key"], "object": entities[o]["key"],
                           "relation": rel, "doc": docs[rng.randrange(n_docs)]["id"],
                           "sentence": f"{entities[s]['name']} reportedly {rel.lower().replace('_', ' ')} "
                                       f"{entities[o]['name']}, officials said on day {c}.",
                           "attributed_to": rng.choice([None, None, "officials", "state media"]),
                           "negated": r < 0.06, "hedged": 0.06 <= r < 0.14,
                           "confidence": round(rng.uniform(0.4, 0.95), 2),
                           "subject_mention": entities[s]["name"], "object_mention": entities[o]["name"]})
        deg[s] += 1
        deg[o] += 1
        targets_pool += [s, o]
        made += 1
    return assemble(docs, entities, claims)
