"""Shortest chains of relations between two entities, over the asserted summary edges
taken in either direction."""
from __future__ import annotations

from itertools import islice

import networkx as nx

from . import label, resolve, simple_projection


def _hop(G, u, v) -> dict:
    rels = []
    for a, b, arrow in ((u, v, "->"), (v, u, "<-")):
        if not G.has_node(a):
            continue
        for rel, d in (G.get_edge_data(a, b) or {}).items():
            w = d.get("weight") or 0
            if not w:
                continue
            asserted = [c for c in d.get("claims") or () if not (c.get("negated") or c.get("hedged"))]
            rels.append({"relation": rel, "direction": arrow, "weight": w,
                         "sentence": (asserted or d.get("claims") or [{}])[0].get("sentence")})
    rels.sort(key=lambda r: (-r["weight"], r["relation"], r["direction"]))
    best = rels[0]
    return {"from": label(G, u), "to": label(G, v), "from_key": u, "to_key": v,
            "relation": best["relation"], "direction": best["direction"], "weight": best["weight"],
            "sentence": best["sentence"], "relations": rels}


def paths(G: nx.MultiDiGraph, a: str, b: str, max_hops: int = 4, max_paths: int = 20) -> list[list[dict]]:
    """Every shortest path (fewest hops, at most ``max_hops``) between entities ``a`` and
    ``b`` (key, name or alias, ignoring case). Each path is a list of hops: from, to,
    relation, direction ("->": from -> to; "<-": to -> from), weight and one evidence
    sentence of the strongest relation between the pair, plus ``relations`` (all of
    them). Raises LookupError if either end matches nothing; [] if not connected."""
    src, dst = resolve(G, a), resolve(G, b)
    for q, ks in ((a, src), (b, dst)):
        if not ks:
            raise LookupError(f"no entity matches {q!r}")
    H = simple_projection(G)
    found: list[list[str]] = []
    best = None
    for s in src:
        for t in dst:
            if s == t:
                continue
            try:
                n = nx.shortest_path_length(H, s, t)
            except nx.NetworkXNoPath:
                continue
            if n > max_hops or (best is not None and n > best):
                continue
            if best is None or n < best:
                best, found = n, []
            found.extend(islice(nx.all_shortest_paths(H, s, t), max_paths))
    found = sorted({tuple(p) for p in found}, key=lambda p: (-min(H[x][y]["weight"] for x, y in zip(p, p[1:])),
                                                             [label(G, x) for x in p]))
    return [[_hop(G, x, y) for x, y in zip(p, p[1:])] for p in found[:max_paths]]
