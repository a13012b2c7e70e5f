"""Export the browsing graph (graphkit.graph) to GraphML, GEXF, Neo4j import CSV and JSON.

* GraphML / GEXF (networkx writers): scalar attributes only, so lists are ;-joined
  and the claims summarised — nodes: name (and GEXF label), kind, aliases, part_of,
  docs; edges: relation, weight (asserted claims), evidence (all claims), docs,
  sentence (first asserted claim's, else the first claim's), attributed_to,
  contested. Edge ids are the relation names (parallel edges of a MultiDiGraph).
* CSV in the header format of ``neo4j-admin database import full``: nodes.csv
  ``key:ID,name,kind,aliases:string[],part_of,docs:int,:LABEL`` (labels Entity;Kind),
  edges.csv ``:START_ID,:END_ID,:TYPE,weight:int,evidence:int,docs:string[],sentence,contested:boolean``
  (array delimiter ";", the importer's default).
* JSON: ``networkx.node_link_data(G, edges="links")`` with every claim on its edge and
  the documents under ``graph``; :func:`read_json` reads it back.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx

FORMATS = ("graphml", "gexf", "csv", "json")
NODE_HEADER = ["key:ID", "name", "kind", "aliases:string[]", "part_of", "docs:int", ":LABEL"]
EDGE_HEADER = [":START_ID", ":END_ID", ":TYPE", "weight:int", "evidence:int", "docs:string[]", "sentence",
               "contested:boolean"]


def _join(xs) -> str:
    return ";".join(str(x).replace(";", ",") for x in xs or () if x is not None)


def _first_sentence(d: dict) -> str:
    claims = d.get("claims") or []
    asserted = [c for c in claims if not (c.get("negated") or c.get("hedged"))]
    return ((asserted or claims or [{}])[0].get("sentence") or "")


def flat_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with scalar attributes only (what the GraphML and GEXF writers accept)."""
    F = nx.MultiDiGraph()
    for k, d in G.nodes(data=True):
        F.add_node(k, label=d.get("name") or k, name=d.get("name") or k, kind=d.get("kind") or "",
                   aliases=_join(d.get("aliases")), part_of=d.get("part_of") or "", docs=int(d.get("docs") or 0))
    for u, v, rel, d in G.edges(keys=True, data=True):
        claims = d.get("claims") or []
        F.add_edge(u, v, key=rel, relation=rel, weight=int(d.get("weight") or 0), evidence=len(claims),
                   docs=_join(d.get("docs")), sentence=_first_sentence(d),
                   attributed_to=_join(sorted({c.get("attributed_to") for c in claims if c.get("attributed_to")})),
                   contested=bool(d.get("contested")))
    return F


def write_graphml(G: nx.MultiDiGraph, path) -> None:
    nx.write_graphml(flat_graph(G), str(path))


def write_gexf(G: nx.MultiDiGraph, path) -> None:
    nx.write_gexf(flat_graph(G), str(path))


def csv_paths(path) -> tuple[Path, Path]:
    """Where ``write_csv`` writes: PATH/nodes.csv and PATH/edges.csv when PATH is a folder
    (exists as one, ends with a slash or has no suffix), else PREFIX_nodes.csv and
    PREFIX_edges.csv next to it (PATH minus its .csv suffix)."""
    p = Path(path)
    if p.is_dir() or str(path).endswith(("/", "\\")) or not p.suffix:
        return p / "nodes.csv", p / "edges.csv"
    stem = p.with_suffix("") if p.suffix.lower() == ".csv" else p
    return stem.parent / f"{stem.name}_nodes.csv", stem.parent / f"{stem.name}_edges.csv"


def write_csv(G: nx.MultiDiGraph, path) -> tuple[Path, Path]:
    """Node and edge CSVs for ``neo4j-admin database import full`` (see the module doc)."""
    nodes_p, edges_p = csv_paths(path)
    nodes_p.parent.mkdir(parents=True, exist_ok=True)
    with nodes_p.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(NODE_HEADER)
        for k, d in sorted(G.nodes(data=True)):
            kind = d.get("kind") or "Entity"
            labels = "Entity" if kind == "Entity" else f"Entity;{kind}"
            w.writerow([k, d.get("name") or k, kind, _join(d.get("aliases")), d.get("part_of") or "",
                        int(d.get("docs") or 0), labels])
    with edges_p.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(EDGE_HEADER)
        for u, v, rel, d in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
            w.writerow([u, v, rel, int(d.get("weight") or 0), len(d.get("claims") or []), _join(d.get("docs")),
                        _first_sentence(d), "true" if d.get("contested") else "false"])
    return nodes_p, edges_p


def to_json(G: nx.MultiDiGraph) -> dict:
    """node_link_data with every claim; lists stay lists."""
    data = nx.node_link_data(G, edges="links")
    data["graph"] = {k: v for k, v in data.get("graph", {}).items()}
    return data


def write_json(G: nx.MultiDiGraph, path) -> None:
    Path(path).write_text(json.dumps(to_json(G), ensure_ascii=False, indent=1, default=str), encoding="utf-8")


def read_json(path) -> nx.MultiDiGraph:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")


def export(G: nx.MultiDiGraph, fmt: str, path) -> list[Path]:
    """Write ``G`` in ``fmt`` (graphml, gexf, csv, json); returns the files written."""
    if fmt == "graphml":
        write_graphml(G, path)
    elif fmt == "gexf":
        write_gexf(G, path)
    elif fmt == "csv":
        return list(write_csv(G, path))
    elif fmt == "json":
        write_json(G, path)
    else:
        raise ValueError(f"unknown export format {fmt!r}; have {', '.join(FORMATS)}")
    return [Path(path)]
