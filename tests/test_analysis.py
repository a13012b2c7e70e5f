"""graphkit.analysis on hand-made browsing graphs (no store)."""
from __future__ import annotations

import itertools
import random

import pytest

from graphkit.analysis import contested, factions, key_actors, paths, resolve, signed_ties, timeline
from graphkit.graph import assemble

DOCS = [
    {"id": "d1", "name": "one", "title": "Day one", "source": "src/one", "path": "one.txt", "published": "2024-01-01"},
    {"id": "d2", "name": "two", "title": "Day two", "source": "src/two", "path": "two.txt", "published": "2024-02-01"},
    {"id": "d3", "name": "three", "title": "Undated", "source": "src/three", "path": "three.txt", "published": None},
]


def E(kind, name, aliases=(), part_of=None):
    return {"key": f"{kind.lower()}:{name.lower()}", "name": name, "kind": kind, "aliases": list(aliases),
            "part_of": part_of}


def graph(entities, triples, docs=DOCS):
    """triples: (subject name, relation, object name, n asserted claims) or dicts with more fields."""
    keys = {e["name"]: e["key"] for e in entities}
    claims, n = [], 0
    for t in triples:
        if isinstance(t, dict):
            t = dict(t)
            s, rel, o, count = t.pop("s"), t.pop("rel"), t.pop("o"), t.pop("n", 1)
        else:
            (s, rel, o, count), t = t, {}
        for i in range(count):
            n += 1
            claims.append({"subject": keys[s], "object": keys[o], "relation": rel, "id": f"c{n}",
                           "sentence": t.get("sentence", f"{s} {rel.lower()} {o} ({i})."),
                           "doc": t.get("doc", "d1"), "attributed_to": t.get("attributed_to"),
                           "negated": t.get("negated", False), "hedged": t.get("hedged", False),
                           "confidence": 0.8, "subject_mention": s, "object_mention": o})
    return assemble(docs, entities, claims)


ENTS = [E("Actor", "Russia", ["Moscow", "Kremlin"]), E("Actor", "Syria", ["Damascus"]), E("Actor", "Iran"),
        E("Actor", "Turkey", ["Ankara"]), E("Group", "Militants", ["HTS"]),
        E("Organization", "MoD", part_of="actor:russia"), E("Person", "Putin", part_of="actor:russia"),
        E("Agreement", "Astana"), E("Place", "Idlib")]

TWO_BLOCS = [
    ("Russia", "BACKS", "Syria", 3), ("Iran", "BACKS", "Syria", 2), ("Russia", "COOPERATES", "Iran", 1),
    ("Turkey", "BACKS", "Militants", 4), ("Syria", "ATTACKED", "Militants", 3), ("Putin", "OPPOSES", "Militants", 2),
    ("Turkey", "OPPOSES", "Syria", 2), ("Militants", "ATTACKED", "Syria", 1),
    ("Russia", "COOPERATES", "Turkey", 1),                     # the one cross-cutting tie
    ("Turkey", "ATTACKED", "Idlib", 1),                        # places are not actors
]


def names(G, keys):
    return sorted(G.nodes[k]["name"] for k in keys)


# ------------------------------------------------------------------ factions
def test_factions_two_known_blocs_and_the_cross_cutting_tie():
    G = graph(ENTS, TWO_BLOCS)
    r = factions(G)
    assert [names(G, b) for b in r.blocs] == [["Iran", "Russia", "Syria"], ["Militants", "Turkey"]]
    assert r.exact and r.frustration == 1
    assert [(c["source"], c["relation"], c["target"], c["weight"], c["reason"]) for c in r.cut_ties] == \
        [("Russia", "COOPERATES", "Turkey", 1, "positive across blocs")]
    assert r.bloc_names[0].startswith("bloc 1: ") and "Russia" in r.bloc_names[0]
    # node_bloc (render --color-by bloc): members, plus Putin folded into Russia; places and agreements not
    nb = r.node_bloc
    assert nb["actor:russia"] == nb["actor:syria"] == nb["actor:iran"] == nb["person:putin"] == r.bloc_names[0]
    assert nb["actor:turkey"] == nb["group:militants"] == r.bloc_names[1]
    assert "place:idlib" not in nb and "organization:mod" not in nb
    assert r.folded == {"person:putin": "actor:russia"}
    assert 0 < r.balance < 1
    # Turkey alone in a third bloc: +4 backing of militants cut, cooperation with Russia still cut
    assert r.margin["actor:turkey"] == 4 and r.margin["actor:iran"] == 3
    # with two blocs, into the other one: +4, +2 opposing Syria inside, -1 cooperation restored
    assert factions(G, max_blocs=2).margin["actor:turkey"] == 5


def test_factions_two_blocs_with_at_most_two():
    G = graph(ENTS, TWO_BLOCS)
    assert [names(G, b) for b in factions(G, max_blocs=2).blocs] == [["Iran", "Russia", "Syria"], ["Militants", "Turkey"]]


def test_unbalanced_triangle():
    ents = [E("Actor", x) for x in "ABC"]
    G = graph(ents, [("A", "BACKS", "B", 1), ("B", "COOPERATES", "C", 1), ("A", "OPPOSES", "C", 1)])
    for k in (2, 3):
        r = factions(G, max_blocs=k)
        assert r.frustration == 1 and r.total_weight == 3 and len(r.cut_ties) == 1
    # all-negative triangle: two blocs must put two enemies together; three blocs need not
    G = graph(ents, [("A", "ATTACKED", "B", 1), ("B", "OPPOSES", "C", 1), ("A", "OPPOSES", "C", 1)])
    assert factions(G, max_blocs=2).frustration == 1
    r3 = factions(G, max_blocs=3)
    assert r3.frustration == 0 and sorted(map(len, r3.blocs)) == [1, 1, 1]


def test_balanced_graph_prefers_fewest_blocs():
    ents = [E("Actor", x) for x in "ABCD"]
    G = graph(ents, [("A", "BACKS", "B", 2), ("C", "BACKS", "D", 1), ("A", "OPPOSES", "C", 1)])
    r = factions(G)
    assert r.frustration == 0 and [names(G, b) for b in r.blocs] == [["A", "B"], ["C", "D"]] and not r.cut_ties


def test_agreements_project_to_ties():
    ents = ENTS
    G = graph(ents, [("Russia", "PARTY_TO", "Astana", 2), ("Iran", "GUARANTEES", "Astana", 1),
                     ("Militants", "OPPOSES", "Astana", 1)])
    rep, ties = signed_ties(G)
    assert ties[("actor:iran", "actor:russia")]["positive"] == 0.5     # 0.5 * min(2, 1)
    assert ties[("actor:russia", "group:militants")]["negative"] == 0.5
    assert ties[("actor:iran", "group:militants")]["negative"] == 0.5
    assert rep["person:putin"] == "actor:russia"
    r = factions(G, agreement_weight=1.0)
    assert [names(G, b) for b in r.blocs] == [["Iran", "Russia"], ["Militants"]] and r.frustration == 0
    assert r.margin == {"actor:russia": 1, "actor:iran": 1, "group:militants": 2}


def test_unasserted_claims_make_no_ties():
    ents = [E("Actor", x) for x in "AB"]
    G = graph(ents, [{"s": "A", "rel": "BACKS", "o": "B", "negated": True}, {"s": "A", "rel": "OPPOSES", "o": "B", "hedged": True}])
    r = factions(G)
    assert r.blocs == [] and r.node_bloc == {} and r.frustration == 0


def _random_signed(n, p, seed):
    rnd = random.Random(seed)
    ents = [E("Actor", f"N{i}") for i in range(n)]
    triples = []
    for a, b in itertools.combinations(range(n), 2):
        if rnd.random() < p:
            triples.append((f"N{a}", rnd.choice(["BACKS", "OPPOSES", "ATTACKED", "COOPERATES"]), f"N{b}",
                            rnd.randint(1, 3)))
    return graph(ents, triples)


@pytest.mark.parametrize("seed", range(6))
def test_heuristic_matches_exact_on_small_graphs(seed):
    G = _random_signed(9, 0.45, seed)
    exact, heur = factions(G), factions(G, exact_budget=0)
    assert exact.exact and not heur.exact
    assert heur.frustration == pytest.approx(exact.frustration)


def test_heuristic_on_a_large_graph_finds_the_two_camps():
    n = 40
    ents = [E("Actor", f"N{i:02d}") for i in range(n)]
    rnd = random.Random(1)
    triples = []
    for a, b in itertools.combinations(range(n), 2):
        if rnd.random() < 0.3:
            same = (a < n // 2) == (b < n // 2)
            triples.append((f"N{a:02d}", "BACKS" if same else "OPPOSES", f"N{b:02d}", 1))
    G = graph(ents, triples)
    r = factions(G)
    assert not r.exact and r.frustration == 0 and len(r.blocs) == 2
    assert sorted(map(len, r.blocs)) == [20, 20]


# ------------------------------------------------------------------ key actors
def test_key_actors_counts_centrality_and_brokers():
    G = graph(ENTS, TWO_BLOCS)
    rows = key_actors(G, top=None)
    by = {r["name"]: r for r in rows}
    assert by["Russia"]["backs_out"] == 3 and by["Russia"]["backed_in"] == 0
    assert by["Syria"]["backed_in"] == 5 and by["Syria"]["attacks_out"] == 3 and by["Syria"]["attacked_in"] == 1
    assert by["Militants"]["opposed_in"] == 2 and by["Turkey"]["opposes_out"] == 2
    assert by["Syria"]["broker"] == 2 and by["Iran"]["broker"] == 1       # Syria touches both blocs
    assert by["Syria"]["degree"] == 4
    assert by["Syria"]["evidence"] == 3 + 2 + 3 + 2 + 1
    assert rows[0]["name"] == "Syria" and [r["evidence"] for r in rows] == sorted((r["evidence"] for r in rows), reverse=True)
    assert "Idlib" not in by and "Astana" not in by
    assert len(key_actors(G, top=2)) == 2


def test_betweenness_and_bridge_on_a_chain():
    ents = [E("Actor", x) for x in "ABCD"]
    G = graph(ents, [("A", "BACKS", "B", 1), ("B", "OPPOSES", "C", 1), ("C", "BACKS", "D", 1)])
    by = {r["name"]: r for r in key_actors(G, top=None)}
    assert by["B"]["betweenness"] > 0 and by["A"]["betweenness"] == 0
    assert by["B"]["bridge"] == by["C"]["bridge"] > 0 and by["A"]["bridge"] == 0


# ------------------------------------------------------------------ contested
def test_contested_who_attacked():
    ents = ENTS
    G = graph(ents, [
        {"s": "Syria", "rel": "ATTACKED", "o": "Turkey", "attributed_to": "Turkey", "doc": "d1",
         "sentence": "Turkey says Syria attacked its post."},
        {"s": "Militants", "rel": "ATTACKED", "o": "Turkey", "attributed_to": "Russia", "doc": "d2",
         "sentence": "Russia says militants did."},
        {"s": "Iran", "rel": "ATTACKED", "o": "Turkey", "doc": "d2"},                       # unattributed
        {"s": "Russia", "rel": "OPPOSES", "o": "Militants", "attributed_to": "Russia"},      # many may oppose
        {"s": "Syria", "rel": "OPPOSES", "o": "Militants", "attributed_to": "Iran"},
    ])
    rows = contested(G)
    assert len(rows) == 1
    r = rows[0]
    assert (r["kind"], r["object"], r["relation"]) == ("subject", "Turkey", "ATTACKED")
    assert (r["subject_a"], r["source_a"], r["doc_a"]) == ("Militants", "Russia", "two")
    assert (r["subject_b"], r["source_b"], r["doc_b"]) == ("Syria", "Turkey", "one")
    assert r["sentence_b"] == "Turkey says Syria attacked its post."
    assert contested(G, same_document=True) == []


def test_contested_polarity():
    G = graph(ENTS, [
        {"s": "Turkey", "rel": "BACKS", "o": "Militants", "attributed_to": "Syria", "sentence": "Syria: Turkey backs them."},
        {"s": "Turkey", "rel": "BACKS", "o": "Militants", "attributed_to": "Turkey", "negated": True,
         "sentence": "Turkey denies backing them.", "doc": "d2"},
        {"s": "Turkey", "rel": "BACKS", "o": "Militants", "attributed_to": "Turkey", "hedged": True, "doc": "d2"},
        # the same claimant both ways is not a dispute between sources
        {"s": "Iran", "rel": "BACKS", "o": "Syria", "attributed_to": "Iran"},
        {"s": "Iran", "rel": "BACKS", "o": "Syria", "attributed_to": "iran", "negated": True},
        # unattributed: the reporter of each document is the claimant
        {"s": "Russia", "rel": "OPPOSES", "o": "Turkey", "doc": "d1"},
        {"s": "Russia", "rel": "OPPOSES", "o": "Turkey", "doc": "d2", "negated": True},
    ])
    rows = contested(G)
    assert [(r["kind"], r["subject_a"], r["relation"], r["object"], r["source_a"], r["source_b"]) for r in rows] == [
        ("polarity", "Turkey", "BACKS", "Militants", "Syria", "Turkey"),
        ("polarity", "Russia", "OPPOSES", "Turkey", "reporter: one", "reporter: two"),
    ]
    r = next(r for r in rows if r["object"] == "Militants")
    assert (r["negated_a"], r["negated_b"]) == (False, True) and r["sentence_b"] == "Turkey denies backing them."


# ------------------------------------------------------------------ timeline
def test_timeline_in_date_order_undated_last():
    G = graph(ENTS, [
        {"s": "Russia", "rel": "BACKS", "o": "Syria", "doc": "d3", "sentence": "undated"},
        {"s": "Turkey", "rel": "OPPOSES", "o": "Russia", "doc": "d2", "sentence": "february", "attributed_to": "Ankara"},
        {"s": "Russia", "rel": "ATTACKED", "o": "Militants", "doc": "d1", "sentence": "january", "negated": True},
        {"s": "Iran", "rel": "BACKS", "o": "Syria", "doc": "d1", "sentence": "not about russia"},
    ])
    rows = timeline(G, "kremlin")
    assert [r["sentence"] for r in rows] == ["january", "february", "undated"]
    assert [r["date"] for r in rows] == ["2024-01-01", "2024-02-01", None]
    assert rows[0]["status"] == "negated" and rows[0]["doc"] == "Day one" and rows[0]["source"] == "src/one"
    assert (rows[1]["subject"], rows[1]["relation"], rows[1]["object"], rows[1]["attributed_to"]) == \
        ("Turkey", "OPPOSES", "Russia", "Ankara")
    with pytest.raises(LookupError):
        timeline(G, "Atlantis")


# ------------------------------------------------------------------ paths
def test_paths_shortest_either_direction():
    G = graph(ENTS, [("Russia", "BACKS", "Syria", 2), ("Militants", "ATTACKED", "Syria", 1),
                     ("Turkey", "BACKS", "Militants", 3), ("Iran", "BACKS", "Turkey", 1),
                     ("Iran", "BACKS", "Russia", 1),
                     {"s": "Russia", "rel": "OPPOSES", "o": "Turkey", "negated": True}])   # not an edge to walk
    ps = paths(G, "moscow", "ankara")
    assert len(ps) == 1
    assert [(h["from"], h["direction"], h["relation"], h["to"]) for h in ps[0]] == \
        [("Russia", "<-", "BACKS", "Iran"), ("Iran", "->", "BACKS", "Turkey")]
    ps = paths(G, "Syria", "actor:turkey")
    assert [(h["from"], h["direction"], h["relation"], h["to"], h["weight"]) for h in ps[0]] == \
        [("Syria", "<-", "ATTACKED", "Militants", 1), ("Militants", "<-", "BACKS", "Turkey", 3)]
    assert ps[0][1]["sentence"].startswith("Turkey backs Militants")
    assert len(ps) == 1          # Syria <- Russia <- Iran -> Turkey is 3 hops
    assert len(paths(G, "Syria", "Turkey", max_hops=3)) == 1
    assert paths(G, "Syria", "Turkey", max_hops=1) == []
    assert paths(G, "Syria", "Idlib") == []
    with pytest.raises(LookupError):
        paths(G, "Syria", "Atlantis")


def test_resolve():
    G = graph(ENTS, [])
    assert resolve(G, "HTS") == ["group:militants"]
    assert resolve(G, "actor:iran") == ["actor:iran"]
    assert resolve(G, "nobody") == []
