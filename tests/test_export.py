"""graphkit.export: every format written and read back."""
from __future__ import annotations

import csv

import networkx as nx
import pytest

from graphkit.export import EDGE_HEADER, NODE_HEADER, csv_paths, export, flat_graph, read_json, to_json
from graphkit.graph import assemble

DOCS = [{"id": "d1", "name": "one", "title": "One", "source": "s1", "path": "one.txt", "published": "2024-01-01"},
        {"id": "d2", "name": "two", "title": "Two", "source": "s2", "path": "two.txt", "published": None}]


def claim(s, rel, o, i, doc="d1", **kw):
    return {"subject": s, "object": o, "relation": rel, "id": f"c{i}", "sentence": f"sentence {i}; with a semicolon",
            "doc": doc, "attributed_to": kw.get("attributed_to"), "negated": kw.get("negated", False),
            "hedged": kw.get("hedged", False), "confidence": 0.7, "subject_mention": s, "object_mention": o}


@pytest.fixture
def G():
    ents = [{"key": "actor:russia", "name": "Russia", "kind": "Actor", "aliases": ["Moscow", "Kremlin"], "docs": 2},
            {"key": "actor:syria", "name": "Syria", "kind": "Actor", "aliases": [], "docs": 1},
            {"key": "group:hts", "name": "Hay'at Tahrir al-Sham", "kind": "Group", "aliases": ["HTS"], "docs": 1},
            {"key": "organization:mod", "name": "MoD", "kind": "Organization", "aliases": [],
             "part_of": "actor:russia", "docs": 1}]
    claims = [claim("actor:russia", "BACKS", "actor:syria", 1), claim("actor:russia", "BACKS", "actor:syria", 2, "d2"),
              claim("actor:russia", "ATTACKED", "group:hts", 3, attributed_to="Russia"),
              claim("actor:russia", "ATTACKED", "group:hts", 4, negated=True),
              claim("group:hts", "OPPOSES", "actor:russia", 5, hedged=True),
              claim("organization:mod", "OPPOSES", "group:hts", 6)]
    return assemble(DOCS, ents, claims)


def test_flat_graph_has_scalars_only(G):
    F = flat_graph(G)
    for _, d in F.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in d.values())
    for _, _, d in F.edges(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in d.values())
    assert F.nodes["actor:russia"]["aliases"] == "Moscow;Kremlin"
    e = F.edges["actor:russia", "actor:syria", "BACKS"]
    assert (e["weight"], e["evidence"], e["docs"]) == (2, 2, "d1;d2")
    assert F.edges["actor:russia", "group:hts", "ATTACKED"]["contested"] is True


def test_graphml_round_trip(G, tmp_path):
    p = tmp_path / "g.graphml"
    export(G, "graphml", p)
    R = nx.read_graphml(p, force_multigraph=True)
    assert R.is_directed() and R.is_multigraph()
    assert (R.number_of_nodes(), R.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges()) == (4, 4)
    assert R.nodes["group:hts"]["name"] == "Hay'at Tahrir al-Sham" and R.nodes["group:hts"]["kind"] == "Group"
    assert R.nodes["organization:mod"]["part_of"] == "actor:russia"
    e = R.edges["actor:russia", "group:hts", "ATTACKED"]
    assert (e["relation"], e["weight"], e["evidence"], e["attributed_to"]) == ("ATTACKED", 1, 2, "Russia")
    assert e["sentence"] == "sentence 3; with a semicolon"
    assert R.edges["group:hts", "actor:russia", "OPPOSES"]["weight"] == 0


def test_gexf_round_trip(G, tmp_path):
    p = tmp_path / "g.gexf"
    export(G, "gexf", p)
    R = nx.read_gexf(p)
    assert R.is_directed()
    assert (R.number_of_nodes(), R.number_of_edges()) == (4, 4)
    assert R.nodes["actor:russia"]["label"] == "Russia" and R.nodes["actor:russia"]["kind"] == "Actor"
    rels = sorted((u, v, d["relation"], int(d["weight"])) for u, v, d in R.edges(data=True))
    assert rels == sorted((u, v, k, d["weight"]) for u, v, k, d in G.edges(keys=True, data=True))


@pytest.mark.parametrize("target,names", [("out", ("out/nodes.csv", "out/edges.csv")),
                                          ("out.csv", ("out_nodes.csv", "out_edges.csv"))])
def test_csv_neo4j_import_format(G, tmp_path, target, names):
    written = export(G, "csv", tmp_path / target)
    assert written == [tmp_path / n for n in names] and list(csv_paths(tmp_path / target)) == written
    with written[0].open(newline="", encoding="utf-8") as f:
        nodes = list(csv.reader(f))
    with written[1].open(newline="", encoding="utf-8") as f:
        edges = list(csv.reader(f))
    assert nodes[0] == NODE_HEADER and nodes[0][0] == "key:ID" and nodes[0][-1] == ":LABEL"
    assert edges[0] == EDGE_HEADER and edges[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert len(nodes) - 1 == G.number_of_nodes() and len(edges) - 1 == G.number_of_edges()
    row = dict(zip(NODE_HEADER, next(r for r in nodes[1:] if r[0] == "actor:russia")))
    assert (row["name"], row["kind"], row["aliases:string[]"], row[":LABEL"]) == ("Russia", "Actor", "Moscow;Kremlin", "Entity;Actor")
    e = dict(zip(EDGE_HEADER, next(r for r in edges[1:] if r[2] == "BACKS")))
    assert (e[":START_ID"], e[":END_ID"], e["weight:int"], e["docs:string[]"]) == ("actor:russia", "actor:syria", "2", "d1;d2")
    ids = {r[0] for r in nodes[1:]}
    assert all(r[0] in ids and r[1] in ids for r in edges[1:])


def test_json_round_trip_keeps_every_claim(G, tmp_path):
    p = tmp_path / "g.json"
    export(G, "json", p)
    R = read_json(p)
    assert R.is_directed() and R.is_multigraph()
    assert (R.number_of_nodes(), R.number_of_edges()) == (4, 4)
    assert R.graph["documents"]["d1"]["title"] == "One"
    assert R.nodes["actor:russia"]["aliases"] == ["Moscow", "Kremlin"]
    c = R.edges["actor:russia", "group:hts", "ATTACKED"]["claims"]
    assert [x["negated"] for x in c] == [False, True] and c[0]["attributed_to"] == "Russia"
    assert to_json(G)["links"][0].keys() >= {"source", "target", "key", "claims", "weight"}


def test_unknown_format(G, tmp_path):
    with pytest.raises(ValueError):
        export(G, "dot", tmp_path / "x")
