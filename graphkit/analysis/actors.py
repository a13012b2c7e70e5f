"""Key actors: who backs, attacks and opposes whom, how central they are, and whether
they sit between blocs."""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

from . import label, simple_projection

ACTOR_KINDS = ("Actor", "Group", "Person", "Organization")
_COUNTED = {"BACKS": ("backs_out", "backed_in"), "ATTACKED": ("attacks_out", "attacked_in"),
            "OPPOSES": ("opposes_out", "opposed_in")}
SAMPLE_ABOVE, SAMPLE = 600, 200
COLUMNS = ["name", "kind", "bloc", "evidence", "degree", "betweenness", "broker", "bridge",
           "backs_out", "backed_in", "attacks_out", "attacked_in", "opposes_out", "opposed_in"]
# the table's default: what fits a 100-column terminal (the rest with --wide, or JSON/CSV)
DEFAULT_COLUMNS = ["name", "bloc", "evidence", "backs_out", "backed_in", "attacks_out", "attacked_in", "betweenness"]
HEADERS = {"backs_out": "backs", "backed_in": "backed", "attacks_out": "attacks", "attacked_in": "attacked",
           "opposes_out": "opposes", "opposed_in": "opposed"}


def key_actors(G: nx.MultiDiGraph, top: int | None = 10, kinds=ACTOR_KINDS, blocs: dict | None = None) -> list[dict]:
    """One row per entity of ``kinds`` with asserted relations, most evidence first.

    * backs_out, backed_in, attacks_out, attacked_in, opposes_out, opposed_in: asserted
      evidence (summed edge weight) of BACKS / ATTACKED / OPPOSES out of and into it
    * evidence: all its asserted evidence; degree: distinct neighbours
    * betweenness: networkx betweenness on the undirected simple projection of the whole
      graph (agreements and places included), distance 1/weight, normalised (estimated
      from 200 seeded sample sources above 600 nodes)
    * broker: distinct blocs (graphkit.analysis.factions) among its neighbours, its own
      included; bridge: share of shortest paths through it that join two different blocs
    * bloc: its bloc number in :func:`graphkit.analysis.factions.factions`
    ``blocs``: a ``{key: bloc}`` map to use instead of computing factions.
    """
    if blocs is None:
        from .factions import factions
        blocs = factions(G).bloc_of
    H = simple_projection(G)
    # exact up to SAMPLE_ABOVE nodes, else estimated from SAMPLE sources (seeded)
    k = SAMPLE if H.number_of_nodes() > SAMPLE_ABOVE else None
    bc = nx.betweenness_centrality(H, k=k, weight="distance", normalized=True, seed=0) if H.number_of_edges() else {}
    bridge = _bridge(H, blocs, sample=k)
    counts: dict[str, dict] = defaultdict(lambda: defaultdict(float))
    for u, v, rel, d in G.edges(keys=True, data=True):
        w = d.get("weight") or 0
        if not w:
            continue
        counts[u]["evidence"] += w
        counts[v]["evidence"] += w
        if rel in _COUNTED:
            o, i = _COUNTED[rel]
            counts[u][o] += w
            counts[v][i] += w
    rows = []
    for k, d in G.nodes(data=True):
        if d.get("kind") not in kinds or not H.degree(k):
            continue
        nb = {blocs[n] for n in H[k] if n in blocs} | ({blocs[k]} if k in blocs else set())
        c = counts[k]
        row = {"key": k, "name": label(G, k), "kind": d.get("kind"), "bloc": blocs.get(k),
               "evidence": int(c["evidence"]), "degree": H.degree(k),
               "betweenness": round(bc.get(k, 0.0), 4), "broker": len(nb), "bridge": round(bridge.get(k, 0.0), 4)}
        for o, i in _COUNTED.values():
            row[o], row[i] = int(c[o]), int(c[i])
        rows.append(row)
    rows.sort(key=lambda r: (-r["evidence"], -r["betweenness"], r["name"]))
    return rows[:top] if top else rows


def _bridge(H: nx.Graph, blocs: dict, sample: int | None = None) -> dict[str, float]:
    """For each node, the share of shortest paths between members of *different* blocs
    that pass through it: Brandes' accumulation with only cross-bloc pairs counted,
    divided by the number of such pairs."""
    members = [n for n in H if n in blocs]
    if len({blocs[n] for n in members}) < 2:
        return {}
    if sample and len(members) > sample:
        import random
        members_src = random.Random(0).sample(members, sample)
    else:
        members_src = members
    through: dict[str, float] = defaultdict(float)
    pairs = 0
    for s in members_src:
        preds, dist = nx.dijkstra_predecessor_and_distance(H, s, weight="distance")
        order = sorted(dist, key=dist.get)
        sigma = {s: 1.0}
        for n in order[1:]:
            sigma[n] = sum(sigma[p] for p in preds[n])
        targets = {t for t in dist if t in blocs and blocs[t] != blocs[s]}
        pairs += len(targets)
        delta = dict.fromkeys(order, 0.0)
        for w in reversed(order):
            coeff = ((1.0 if w in targets else 0.0) + delta[w]) / sigma[w]
            for v in preds[w]:
                delta[v] += sigma[v] * coeff
            if w != s:
                through[w] += delta[w]
    return {n: v / pairs for n, v in through.items()} if pairs else {}
