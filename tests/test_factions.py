"""Factions on hand-made graphs: the signed model (graphkit.analysis.signed), finding the
partition (partition.py) and measuring it (balance.py), composed by factions.py."""
from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import networkx as nx
import pytest

from analysis_helpers import TWO_BLOCS, E, graph, names
from graphkit.analysis import factions, signed_graph
from graphkit.analysis.balance import NEW_BLOC, frustration, margins, move_costs, total_weight, violations
from graphkit.analysis.factions import member_rows, status
from graphkit.analysis.partition import balanced_partition, is_exact
from graphkit.analysis.signed import TIE_WEIGHTS, TieModel, generic_groups
from graphkit.model import RELATION_TYPES

REPO = Path(__file__).resolve().parents[1]

ENTS = [E("Actor", "Russia", ["Moscow"]), E("Actor", "Syria", ["Damascus"]), E("Actor", "Iran"),
        E("Actor", "Turkey", ["Ankara"]), E("Group", "Militants", ["HTS"]), E("Group", "Hurras"),
        E("Group", "Rebels in Idlib"), E("Actor", "Egypt"), E("Organization", "UN"),
        E("Organization", "MoD", part_of="actor:russia"), E("Person", "Putin", part_of="actor:russia"),
        E("Agreement", "Truce"), E("Agreement", "Pact"), E("Place", "Idlib")]
K = {e["name"]: e["key"] for e in ENTS}


def tie(S, a, b):
    d = S.get_edge_data(K[a], K[b])
    return (d["positive"], d["negative"]) if d else None


# ------------------------------------------------------------------ the signed model
def test_every_relation_type_has_a_sign():
    assert set(TIE_WEIGHTS) == set(RELATION_TYPES)


def test_the_readme_states_the_model():
    """The README's table of signs and weights is the model the code runs."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([A-Z_]+)` between two actors \| ([+−-]?[\d.]+) \|", text, re.M))
    assert {r: float(w.replace("−", "-")) for r, w in rows.items()} == dict(TIE_WEIGHTS)
    m = TieModel()
    assert f"| rejecting an agreement | −{m.rejected_agreement:g} |" in text
    assert f"| generic group | ×{m.generic:g} |" in text


@pytest.mark.parametrize("triples, expected", [
    # co-parties of a ceasefire are no allies: only their fighting counts
    ([("Russia", "PARTY_TO", "Truce", 3), ("Turkey", "PARTY_TO", "Truce", 3), ("Russia", "ATTACKED", "Turkey", 1)],
     {("Russia", "Turkey"): (0, 1)}),
    # guarantors and mediators side with neither party
    ([("Syria", "PARTY_TO", "Truce", 1), ("Turkey", "PARTY_TO", "Truce", 1), ("UN", "GUARANTEES", "Truce", 2),
      ("Iran", "GUARANTEES", "Truce", 1)], {}),
    # rejecting an agreement: -0.5 per document to each party, guarantor and backer, none among them
    ([("Syria", "PARTY_TO", "Truce", 1), ("Turkey", "PARTY_TO", "Truce", 1), ("UN", "GUARANTEES", "Truce", 1),
      ("Egypt", "BACKS", "Truce", 1), ("Hurras", "OPPOSES", "Truce", 2)],
     {("Hurras", "Syria"): (0, 1), ("Hurras", "Turkey"): (0, 1), ("Hurras", "UN"): (0, 1), ("Hurras", "Egypt"): (0, 1)}),
    # a party breaking its own deal acts against the other party, not against itself
    ([("Syria", "PARTY_TO", "Truce", 1), ("Turkey", "PARTY_TO", "Truce", 1), ("Turkey", "OPPOSES", "Truce", 1)],
     {("Turkey", "Syria"): (0, 0.5)}),
    # one document, one vote per pair and sign, worth its strongest relation
    ([{"s": "Iran", "rel": "BACKS", "o": "Syria", "n": 5, "doc": "d1"}], {("Iran", "Syria"): (1, 0)}),
    ([("Iran", "BACKS", "Syria", 2)], {("Iran", "Syria"): (2, 0)}),
    ([{"s": "Iran", "rel": "BACKS", "o": "Syria", "doc": "d1"}, {"s": "Syria", "rel": "COOPERATES", "o": "Iran", "doc": "d1"},
      {"s": "Iran", "rel": "COOPERATES", "o": "Syria", "doc": "d2"}], {("Iran", "Syria"): (1.5, 0)}),
    # both signs in one document: one vote each
    ([{"s": "Russia", "rel": "COOPERATES", "o": "Turkey", "doc": "d1"}, {"s": "Turkey", "rel": "OPPOSES", "o": "Russia", "doc": "d1"}],
     {("Russia", "Turkey"): (0.5, 1)}),
    # generic groups at half weight; organs and leaders count as their state
    ([("Turkey", "BACKS", "Militants", 2), ("Putin", "ATTACKED", "Rebels in Idlib", 1), ("MoD", "BACKS", "Syria", 1)],
     {("Turkey", "Militants"): (1, 0), ("Russia", "Rebels in Idlib"): (0, 0.5), ("Russia", "Syria"): (1, 0)}),
    # negated and hedged claims are no evidence; places are not actors
    ([{"s": "Iran", "rel": "BACKS", "o": "Syria", "negated": True}, {"s": "Iran", "rel": "OPPOSES", "o": "Syria", "hedged": True},
      ("Turkey", "ATTACKED", "Idlib", 1)], {}),
])
def test_signed_model(triples, expected):
    S = signed_graph(graph(ENTS, triples))
    got = {tuple(sorted((S.nodes[a]["name"], S.nodes[b]["name"]))): (d["positive"], d["negative"])
           for a, b, d in S.edges(data=True)}
    assert got == {tuple(sorted(k)): v for k, v in expected.items()}


def test_generic_groups():
    G = graph(ENTS + [E("Group", "HTS militants"), E("Actor", "Militants state"), E("Group", "terrorists")], [])
    assert generic_groups(G) == {K["Militants"], K["Rebels in Idlib"], "group:terrorists"}


def test_model_parameters():
    G = graph(ENTS, [("Russia", "COOPERATES", "Turkey", 2), ("Turkey", "BACKS", "Militants", 2)])
    S = signed_graph(G, TieModel(weights=dict(TIE_WEIGHTS, COOPERATES=0.25), generic=1.0))
    assert tie(S, "Russia", "Turkey") == (0.5, 0) and tie(S, "Turkey", "Militants") == (2, 0)
    S = signed_graph(G, TieModel(fold=False, kinds=("Actor",)))
    assert tie(S, "Turkey", "Militants") is None and set(S) == {K["Russia"], K["Turkey"]}


# ------------------------------------------------------------------ finding and measuring, apart
def _signed(edges):
    S = nx.Graph()
    for a, b, p, n in edges:
        S.add_edge(a, b, positive=p, negative=n, relations=[])
    return S


def test_measures_of_a_given_partition():
    S = _signed([("a", "b", 2, 0), ("b", "c", 0, 1), ("a", "c", 1, 0), ("c", "d", 1, 0)])
    part = [{"a", "b"}, {"c", "d"}]
    assert total_weight(S) == 5 and frustration(S, part) == 1
    assert violations(S, part) == [("a", "c", "+", 1)]
    # a alone into c's bloc: +2 (backing of b cut), -1 (a-c restored); a new bloc: +2 -0
    assert move_costs(S, part, "a") == {1: 1, NEW_BLOC: 2}
    assert move_costs(S, part, "a", max_blocs=2) == {1: 1}
    assert margins(S, part) == {"a": 1, "b": 2, "c": 1, "d": 1}
    assert frustration(S, [{"a", "b", "c", "d"}]) == 1 and frustration(S, [{"a"}, {"b"}, {"c"}, {"d"}]) == 4


def test_partition_of_a_balanced_graph_has_no_frustration():
    S = _signed([("a", "b", 2, 0), ("c", "d", 1, 0), ("a", "c", 0, 1), ("x", "y", 0, 0)])
    part = balanced_partition(S)
    assert sorted(map(sorted, part)) == [["a", "b"], ["c", "d"]] and frustration(S, part) == 0
    assert is_exact(S) and not is_exact(S, exact_budget=1)


def test_unbalanced_triangle():
    ents = [E("Actor", x) for x in "ABC"]
    G = graph(ents, [("A", "BACKS", "B", 1), ("B", "BACKS", "C", 1), ("A", "OPPOSES", "C", 1)])
    for k in (2, 3):
        r = factions(G, max_blocs=k)
        assert r.frustration == 1 and r.total_weight == 3 and len(r.cut_ties) == 1
    # all-negative triangle: two blocs must put two enemies together; three blocs need not
    G = graph(ents, [("A", "ATTACKED", "B", 1), ("B", "OPPOSES", "C", 1), ("A", "OPPOSES", "C", 1)])
    assert factions(G, max_blocs=2).frustration == 1
    r3 = factions(G, max_blocs=3)
    assert r3.frustration == 0 and sorted(map(len, r3.blocs)) == [1, 1, 1]


# ------------------------------------------------------------------ factions
def test_factions_two_known_blocs_margins_and_the_cross_cutting_tie():
    G = graph(ENTS, TWO_BLOCS)
    r = factions(G)
    assert [names(G, b) for b in r.blocs] == [["Iran", "Russia", "Syria"], ["Militants", "Turkey"]]
    assert r.exact and r.frustration == 0.5 and r.total_weight == 3 + 2 + 0.5 + 2 + 1.5 + 1 + 2 + 0.5
    assert [(c["source"], c["relation"], c["target"], c["docs"], c["reason"]) for c in r.cut_ties] == \
        [("Russia", "COOPERATES", "Turkey", 1, "positive across blocs")]
    nb = r.node_bloc
    assert nb[K["Russia"]] == nb[K["Syria"]] == nb[K["Iran"]] == nb[K["Putin"]] == r.bloc_names[0]
    assert nb[K["Turkey"]] == nb[K["Militants"]] == r.bloc_names[1] and r.bloc_names[0].startswith("bloc 1: ")
    assert K["Idlib"] not in nb and r.folded == {K["Putin"]: K["Russia"], K["MoD"]: K["Russia"]}
    assert r.generic == [K["Militants"]]
    # Turkey into bloc 1: its backing of the militants (2) cut, its opposition to Syria (2) inside,
    # the cooperation with Russia (0.5) restored = 3.5; a bloc of its own: 2 (the backing cut)
    p = r.placement[K["Turkey"]]
    assert p["moves"] == {1: 3.5, "own bloc": 2} and p["margin"] == 2 and p["status"] == "firm" and p["also"] == []
    assert r.placement[K["Iran"]]["margin"] == 2.5
    assert factions(G, max_blocs=2).placement[K["Turkey"]]["moves"] == {1: 3.5}
    assert r.together(K["Putin"], K["Syria"]) and r.apart(K["Turkey"], K["Syria"]) and not r.apart(K["Iran"], K["Syria"])
    assert r.bloc_of[K["Putin"]] == 1 and r.bloc_of[K["Militants"]] == 2


def test_the_issue_case_ceasefire_parties_and_the_catch_all_do_not_outvote_backing():
    """Issue 11: Russia and Iran back Damascus; Turkey backs the armed opposition; Russia and
    Turkey sign and patrol a ceasefire together, Iran guarantees another; the catch-all group
    and two named groups reject the ceasefire."""
    G = graph(ENTS, [
        ("Russia", "BACKS", "Syria", 1), ("Iran", "BACKS", "Syria", 1), ("Syria", "ATTACKED", "Rebels in Idlib", 3),
        ("Turkey", "BACKS", "Rebels in Idlib", 4), ("Syria", "ATTACKED", "Turkey", 2),
        ("Russia", "PARTY_TO", "Truce", 3), ("Turkey", "PARTY_TO", "Truce", 3), ("Russia", "COOPERATES", "Turkey", 3),
        ("Turkey", "OPPOSES", "Russia", 1), ("Iran", "GUARANTEES", "Pact", 1), ("Russia", "GUARANTEES", "Pact", 1),
        ("Turkey", "GUARANTEES", "Pact", 1), ("Rebels in Idlib", "OPPOSES", "Truce", 2),
        ("Militants", "OPPOSES", "Truce", 1), ("Hurras", "OPPOSES", "Truce", 1),
    ])
    r = factions(G)
    assert r.together(K["Russia"], K["Syria"]) and r.together(K["Iran"], K["Syria"])
    for x in ("Turkey", "Militants", "Hurras"):
        assert r.apart(K[x], K["Syria"]), x


def test_undecided_placements_are_reported():
    ents = [E("Actor", x) for x in "ABCD"]
    G = graph(ents, [("A", "ATTACKED", "B", 1), ("C", "ATTACKED", "B", 1)])
    r = factions(G)              # {B}, {A, C}: nothing ties A to C, so A could as well stand alone
    assert [names(G, b) for b in r.blocs] == [["A", "C"], ["B"]]
    assert r.placement["actor:a"] == {"bloc": 1, "margin": 0, "status": "undecided", "also": ["own bloc"],
                                      "moves": {2: 1, "own bloc": 0}}
    assert r.undecided == ["actor:a", "actor:c"] and not r.together("actor:a", "actor:c")
    assert r.apart("actor:a", "actor:b") and r.placement["actor:b"]["status"] == "firm"
    r2 = factions(G, max_blocs=2)  # two blocs at most: A's only other place is with B
    assert r2.placement["actor:a"]["margin"] == 1 and r2.undecided == []
    rows = member_rows(G, r)
    assert [(m["bloc"], m["name"], m["placement"], m["also"]) for m in rows] == [
        (1, "A", "undecided", "own bloc"), (1, "C", "undecided", "own bloc"), (2, "B", "firm", "")]
    assert [status(m) for m in (None, 0, 0.5, 1, 3)] == ["undecided", "undecided", "weak", "firm", "firm"]


def test_unasserted_claims_make_no_blocs():
    ents = [E("Actor", x) for x in "AB"]
    G = graph(ents, [{"s": "A", "rel": "BACKS", "o": "B", "negated": True}, {"s": "A", "rel": "OPPOSES", "o": "B", "hedged": True}])
    r = factions(G)
    assert r.blocs == [] and r.node_bloc == {} and r.frustration == 0 and r.placement == {}


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
    # the margins measure whichever partition was found: never negative for the exact optimum
    assert all(m is None or m >= 0 for m in exact.margin.values())


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
