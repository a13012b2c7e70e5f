"""Finding the blocs: the partition of a signed graph that minimises frustration.

Frustration (graphkit.analysis.balance) is the weight of negative ties inside blocs plus
positive ties across them. Each connected component is solved on its own, with at most
``max_blocs`` blocs: exactly (every labelling) when that is at most ``exact_budget``
labellings, else by single-node moves from several starts (a spectral split of the signed
Laplacian, a two-colouring of the strongest ties, a greedy breadth-first placement,
Louvain communities of the positive ties contracted and partitioned, everything in one
bloc, seeded random labellings) and then from random kicks of the best. Among equally
frustrated partitions the one with fewer blocs wins, then the first in a fixed enumeration
order: the choice between equals is arbitrary, which is why
graphkit.analysis.balance.margins measures how firmly each node sits where it is.

Input: an undirected ``nx.Graph`` whose edges carry ``positive`` and ``negative``
weights (graphkit.analysis.signed.signed_graph). Output: a list of node sets.
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx
import numpy as np

EXACT_BUDGET = 1 << 17          # labellings enumerated at most per component (2 blocs: 18 nodes, 3: 11)
_EPS = 1e-9


def _components(S: nx.Graph):
    """Components with ties, each as (nodes strongest first, edge arrays)."""
    T = S.edge_subgraph([(a, b) for a, b, d in S.edges(data=True) if d["positive"] + d["negative"] > 0])
    strength = {n: sum(d["positive"] + d["negative"] for _, _, d in T.edges(n, data=True)) for n in T}
    for comp in sorted(nx.connected_components(T), key=lambda c: sorted(map(str, c))):
        nodes = sorted(comp, key=lambda x: (-strength[x], str(x)))
        idx = {x: i for i, x in enumerate(nodes)}
        es = list(T.subgraph(nodes).edges(data=True))
        eu = np.array([idx[a] for a, _, _ in es], dtype=int)
        ev = np.array([idx[b] for _, b, _ in es], dtype=int)
        pos = np.array([d["positive"] for _, _, d in es], dtype=float)
        neg = np.array([d["negative"] for _, _, d in es], dtype=float)
        yield nodes, eu, ev, pos, neg


def is_exact(S: nx.Graph, max_blocs: int = 3, exact_budget: int = EXACT_BUDGET) -> bool:
    """Whether :func:`balanced_partition` searches every component exhaustively."""
    return all(max(1, min(max_blocs, len(nodes))) ** (len(nodes) - 1) <= exact_budget
               for nodes, *_ in _components(S))


def balanced_partition(S: nx.Graph, max_blocs: int = 3, exact_budget: int = EXACT_BUDGET) -> list[set]:
    """The blocs (node sets) of least frustration, at most ``max_blocs`` per connected
    component of ties; nodes without ties are in no bloc."""
    blocs: list[set] = []
    for nodes, eu, ev, pos, neg in _components(S):
        n = len(nodes)
        k = max(1, min(max_blocs, n))
        lab = _exact(n, eu, ev, pos, neg, k) if k ** (n - 1) <= exact_budget else None
        if lab is None:
            lab = _heuristic(n, eu, ev, pos, neg, k)
        groups: dict[int, set] = defaultdict(set)
        for x, li in zip(nodes, lab):
            groups[int(li)].add(x)
        blocs.extend(groups[li] for li in sorted(groups))
    return blocs


def _cost(labels: np.ndarray, eu, ev, pos, neg) -> np.ndarray:
    same = labels[..., eu] == labels[..., ev]
    return same @ neg + (~same) @ pos


def _exact(n, eu, ev, pos, neg, k, chunk: int = 1 << 16) -> np.ndarray:
    """The best of all k**(n-1) labellings (node 0 fixed to bloc 0), by (frustration,
    number of blocs, enumeration order); evaluated in chunks."""
    m = k ** (n - 1)
    best_key, best_lab = None, None
    powers = np.array([k ** (i - 1) for i in range(1, n)], dtype=np.int64)
    for start in range(0, m, chunk):
        codes = np.arange(start, min(m, start + chunk), dtype=np.int64)
        labels = np.zeros((len(codes), n), dtype=np.int8)
        if n > 1:
            labels[:, 1:] = (codes[:, None] // powers[None, :]) % k
        cost = np.round(_cost(labels, eu, ev, pos, neg), 9)
        nb = sum((labels == j).any(axis=1).astype(int) for j in range(k))
        i = np.lexsort((nb, cost))[0]
        key = (float(cost[i]), int(nb[i]))
        if best_key is None or key < best_key:
            best_key, best_lab = key, labels[i].astype(int)
    return best_lab


def _local_search(lab: np.ndarray, n, adj, k) -> np.ndarray:
    """Move single nodes to the bloc (existing, or a new one while fewer than k) that
    lowers frustration most, until no move helps."""
    lab = lab.copy()
    size = defaultdict(int)
    for li in lab.tolist():
        size[li] += 1
    for _ in range(100):
        improved = False
        for i in range(n):
            cur = int(lab[i])
            pos_total = sum(p for _, p, _ in adj[i])
            inside_pos, inside_neg = defaultdict(float), defaultdict(float)
            for j, p, q in adj[i]:
                inside_pos[int(lab[j])] += p
                inside_neg[int(lab[j])] += q
            options = set(inside_pos)                 # blocs of its neighbours
            if sum(1 for c in size.values() if c > 0) < k:
                options.add(next(li for li in range(k) if size.get(li, 0) == 0))   # a new bloc

            def cost(li):
                return pos_total - inside_pos.get(li, 0.0) + inside_neg.get(li, 0.0)
            best, best_c = cur, cost(cur)
            for li in sorted(options - {cur}):
                if cost(li) < best_c - _EPS:
                    best, best_c = li, cost(li)
            if best != cur:
                size[cur] -= 1
                size[best] += 1
                lab[i] = best
                improved = True
        if not improved:
            break
    return lab


def _tree_sign(n, eu, ev, pos, neg) -> np.ndarray:
    """Two-colouring that satisfies a maximum spanning forest of the strongest ties."""
    T = nx.Graph()
    T.add_nodes_from(range(n))
    for a, b, p, q in zip(eu.tolist(), ev.tolist(), pos.tolist(), neg.tolist()):
        if p != q:
            T.add_edge(a, b, w=abs(p - q), s=1 if p > q else -1)
    lab = np.zeros(n, dtype=int)
    F = nx.maximum_spanning_tree(T, weight="w")
    for comp in nx.connected_components(F):
        for a, b in nx.bfs_edges(F, min(comp)):
            lab[b] = lab[a] if F[a][b]["s"] > 0 else 1 - lab[a]
    return lab


def _fiedler_sign(n, eu, ev, pos, neg) -> np.ndarray:
    """Sign split by the eigenvector of the smallest eigenvalue of the signed Laplacian
    (dense eigh for small graphs, power iteration on the edge list beyond)."""
    net = pos - neg
    if n <= 400:
        A = np.zeros((n, n))
        np.add.at(A, (eu, ev), net)
        np.add.at(A, (ev, eu), net)
        L = np.diag(np.abs(A).sum(axis=1)) - A
        return (np.linalg.eigh(L)[1][:, 0] < 0).astype(int)
    dbar = np.zeros(n)
    np.add.at(dbar, eu, np.abs(net))
    np.add.at(dbar, ev, np.abs(net))
    c = 2 * dbar.max() + 1e-9
    x = np.random.default_rng(0).standard_normal(n)
    for _ in range(300):             # largest eigenvector of c*I - L = smallest of L
        ax = np.zeros(n)
        np.add.at(ax, eu, net * x[ev])
        np.add.at(ax, ev, net * x[eu])
        x = c * x - (dbar * x - ax)
        x /= np.linalg.norm(x) or 1.0
    return (x < 0).astype(int)


def _greedy(n, adj, k) -> np.ndarray:
    """Nodes in breadth-first order from the strongest, each into the bloc (or a new one
    while fewer than k) that its already placed neighbours make least frustrated."""
    lab = np.full(n, -1, dtype=int)
    used = 0
    seen = [False] * n
    for root in range(n):
        if seen[root]:
            continue
        seen[root] = True
        queue = [root]
        while queue:
            i = queue.pop(0)
            pos_out, inside_pos, inside_neg = 0.0, defaultdict(float), defaultdict(float)
            for j, p, q in adj[i]:
                if lab[j] >= 0:
                    pos_out += p
                    inside_pos[int(lab[j])] += p
                    inside_neg[int(lab[j])] += q
                elif not seen[j]:
                    seen[j] = True
                    queue.append(j)
            options = list(range(min(max(used, 1), k))) + ([used] if 0 < used < k else [])
            lab[i] = min(options, key=lambda li: (pos_out - inside_pos[li] + inside_neg[li], li))
            used = max(used, int(lab[i]) + 1)
    return lab


def _multilevel(n, eu, ev, pos, neg, k) -> np.ndarray | None:
    """Louvain communities (networkx) of the net-positive ties, contracted into one node
    each, the contracted signed graph partitioned, and the labels expanded back; None when
    the communities do not at least halve the graph."""
    H = nx.Graph()
    H.add_nodes_from(range(n))
    H.add_weighted_edges_from((int(a), int(b), p - q) for a, b, p, q in zip(eu, ev, pos, neg) if p > q)
    comms = nx.community.louvain_communities(H, weight="weight", seed=0)
    if len(comms) > n // 2:
        return None
    cid = np.zeros(n, dtype=int)
    for c, members in enumerate(comms):
        cid[list(members)] = c
    C = nx.Graph()
    C.add_nodes_from(range(len(comms)))
    for a, b, p, q in zip(cid[eu].tolist(), cid[ev].tolist(), pos.tolist(), neg.tolist()):
        if a != b:
            d = C.get_edge_data(a, b) or {"positive": 0.0, "negative": 0.0}
            C.add_edge(a, b, positive=d["positive"] + p, negative=d["negative"] + q)
    lab = np.zeros(n, dtype=int)
    for i, bloc in enumerate(balanced_partition(C, max_blocs=k)):
        lab[np.isin(cid, list(bloc))] = i
    return lab


def _heuristic(n, eu, ev, pos, neg, k, seed=0) -> np.ndarray:
    """Local search from several starts, then kicks: a few nodes moved at random and the
    search rerun, keeping any improvement (iterated local search)."""
    adj = [[] for _ in range(n)]
    for a, b, p, q in zip(eu, ev, pos, neg):
        adj[a].append((b, p, q))
        adj[b].append((a, p, q))
    small = n <= 200
    rng = np.random.default_rng(seed)
    starts = [_greedy(n, adj, k), _fiedler_sign(n, eu, ev, pos, neg), _tree_sign(n, eu, ev, pos, neg),
              np.zeros(n, dtype=int)]
    starts += [rng.integers(0, k, n) for _ in range(16 if small else 2)]
    multi = _multilevel(n, eu, ev, pos, neg, k) if n > 20 else None
    if multi is not None:
        starts.append(multi)

    def key(lab):
        return (round(float(_cost(lab, eu, ev, pos, neg)), 9), len(set(lab.tolist())))
    best, best_key = None, None
    for s in starts:
        lab = _local_search(np.asarray(s, dtype=int) % k, n, adj, k)
        if best_key is None or key(lab) < best_key:
            best, best_key = lab, key(lab)
    for _ in range(100 if small else 5):
        lab = best.copy()
        moved = rng.choice(n, size=int(rng.integers(2, max(3, n // 4) + 1)), replace=False)
        lab[moved] = rng.integers(0, k, len(moved))
        lab = _local_search(lab, n, adj, k)
        if key(lab) < best_key:
            best, best_key = lab, key(lab)
    return best
