"""graphkit.analysis on hand-made browsing graphs (no store)."""
from __future__ import annotations

import pytest

from analysis_helpers import TWO_BLOCS, E, graph
from graphkit.analysis import contested, key_actors, paths, resolve, timeline

ENTS = [E("Actor", "Russia", ["Moscow", "Kremlin"]), E("Actor", "Syria", ["Damascus"]), E("Actor", "Iran"),
        E("Actor", "Turkey", ["Ankara"]), E("Group", "Militants", ["HTS"]),
        E("Organization", "MoD", part_of="actor:russia"), E("Person", "Putin", part_of="actor:russia"),
        E("Agreement", "Astana"), E("Place", "Idlib")]


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
