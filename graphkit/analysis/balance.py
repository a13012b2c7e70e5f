"""Measuring a partition of a signed graph: frustration, the ties it violates, and how
firmly each node sits in its bloc.

Pure functions over an undirected ``nx.Graph`` whose edges carry ``positive`` and
``negative`` weights (graphkit.analysis.signed.signed_graph) and a partition given as a
list of node sets (graphkit.analysis.partition.balanced_partition, or any other):

* :func:`frustration` — negative weight inside blocs plus positive weight across them
* :func:`violations` — the node pairs that contribute to it
* :func:`move_costs` — for one node, how frustration changes if it alone moved to each
  other bloc of its connected component (or to a new bloc while there are fewer than
  ``max_blocs``)
* :func:`margins` — the smallest of those: 0 means an equally good place exists, so the
  evidence does not decide where the node belongs
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

NEW_BLOC = -1            # move_costs key of "a bloc of its own"
_EPS = 1e-9


def bloc_index(partition) -> dict:
    """node -> index of its bloc in ``partition``."""
    return {x: i for i, b in enumerate(partition) for x in b}


def total_weight(S: nx.Graph) -> float:
    """All tie weight, positive and negative."""
    return round(sum(d["positive"] + d["negative"] for _, _, d in S.edges(data=True)), 9)


def violations(S: nx.Graph, partition) -> list[tuple]:
    """``(a, b, sign, weight)`` of each tie the partition violates: ``"-"`` for negative
    weight inside a bloc, ``"+"`` for positive weight across blocs; heaviest first.
    Ties of nodes outside the partition are not counted."""
    of = bloc_index(partition)
    out = []
    for a, b, d in S.edges(data=True):
        if a not in of or b not in of:
            continue
        same = of[a] == of[b]
        w = d["negative"] if same else d["positive"]
        if w > 0:
            out.append((a, b, "-" if same else "+", w))
    out.sort(key=lambda t: (-t[3], str(t[0]), str(t[1])))
    return out


def frustration(S: nx.Graph, partition) -> float:
    """The weight of the ties ``partition`` violates (0 = perfectly balanced)."""
    return round(sum(w for *_, w in violations(S, partition)), 9)


def _component_blocs(S: nx.Graph, of: dict) -> dict:
    """node -> the set of bloc indexes its connected component spans."""
    out = {}
    for comp in nx.connected_components(S):
        blocs = frozenset(of[y] for y in comp if y in of)
        out.update(dict.fromkeys(comp, blocs))
    return out


def _move_costs(S, partition, of, comp_blocs, node, max_blocs) -> dict[int, float]:
    here = of[node]
    inside_pos, inside_neg, pos_all = defaultdict(float), defaultdict(float), 0.0
    for y, d in S[node].items():
        if y in of:
            pos_all += d["positive"]
            inside_pos[of[y]] += d["positive"]
            inside_neg[of[y]] += d["negative"]

    def cost(i):
        return pos_all - inside_pos.get(i, 0.0) + inside_neg.get(i, 0.0)
    out = {i: round(cost(i) - cost(here), 9) for i in sorted(comp_blocs - {here})}
    if len(comp_blocs) < max_blocs and len(partition[here]) > 1:
        out[NEW_BLOC] = round(pos_all - cost(here), 9)
    return out


def move_costs(S: nx.Graph, partition, node, max_blocs: int = 3) -> dict[int, float]:
    """For each other place ``node`` could go alone — a bloc (by index) holding part of
    its connected component, or ``NEW_BLOC`` while the component spans fewer than
    ``max_blocs`` blocs and the node has company — the rise in frustration."""
    of = bloc_index(partition)
    comp = frozenset(of[y] for y in nx.node_connected_component(S, node) if y in of)
    return _move_costs(S, partition, of, comp, node, max_blocs)


def all_move_costs(S: nx.Graph, partition, max_blocs: int = 3) -> dict:
    """:func:`move_costs` of every node in the partition."""
    of = bloc_index(partition)
    comp = _component_blocs(S, of)
    return {x: _move_costs(S, partition, of, comp[x], x, max_blocs) for x in of}


def margins(S: nx.Graph, partition, max_blocs: int = 3) -> dict:
    """node -> the least rise in frustration if it alone changed bloc (None when it has
    nowhere else to go). 0 means the evidence does not decide its place."""
    return {x: (min(c.values()) if c else None) for x, c in all_move_costs(S, partition, max_blocs).items()}


def equally_good(costs: dict[int, float]) -> list[int]:
    """The places among ``move_costs`` where the node would be as well placed."""
    return [i for i, c in costs.items() if c <= _EPS]
