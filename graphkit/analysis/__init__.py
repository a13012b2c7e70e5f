"""Analysis of the browsing graph (graphkit.graph): pure functions over the
networkx MultiDiGraph that ``Store.load_graph`` or ``graph.from_extractions`` build.

* :func:`factions` — blocs by structural balance, each actor with its margin: the signed
  model (signed.py), finding the partition (partition.py) and measuring it (balance.py)
  are separate pure functions
* :func:`key_actors` — who backs / attacks / opposes whom, centrality and brokerage
* :func:`contested` — pairs of claims from different sources that disagree
* :func:`timeline` — an entity's relations in date order
* :func:`paths` — shortest chains of relations between two entities

Nothing here does I/O; the CLI (graphkit/cli/analysis.py) loads the graph and prints.
"""
from __future__ import annotations

import networkx as nx


def resolve(G: nx.MultiDiGraph, query: str) -> list[str]:
    """Node keys whose key, name or an alias equals ``query`` ignoring case (like
    ``Store.find_entities``); an exact key match wins alone."""
    if query in G:
        return [query]
    q = query.strip().casefold()
    return sorted(k for k, d in G.nodes(data=True)
                  if k.casefold() == q or (d.get("name") or "").casefold() == q
                  or any((a or "").casefold() == q for a in d.get("aliases") or ()))


def label(G: nx.MultiDiGraph, key: str) -> str:
    """The display name of a node (its key when it has none)."""
    return (G.nodes[key].get("name") if key in G else None) or key


def simple_projection(G: nx.MultiDiGraph, nodes=None) -> nx.Graph:
    """Undirected simple graph of the asserted summary edges (weight > 0): one edge per
    entity pair with ``weight`` = summed evidence and ``distance`` = 1/weight."""
    H = nx.Graph()
    H.add_nodes_from(G.nodes if nodes is None else nodes)
    for u, v, w in G.edges(data="weight"):
        if not w or u == v or u not in H or v not in H:
            continue
        if H.has_edge(u, v):
            H[u][v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    for _, _, d in H.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    return H


# The analyses import the helpers above from this package, so they come last.
from .actors import key_actors  # noqa: E402
from .contested import contested  # noqa: E402
from .factions import FactionResult, factions  # noqa: E402
from .paths import paths  # noqa: E402
from .signed import TieModel, signed_graph  # noqa: E402
from .timeline import timeline  # noqa: E402

__all__ = ["factions", "FactionResult", "signed_graph", "TieModel", "key_actors", "contested", "timeline", "paths",
           "resolve", "label", "simple_projection"]
