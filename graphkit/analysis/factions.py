"""Factions by structural balance.

Signed ties between actors: BACKS / PARTY_TO / COOPERATES / GUARANTEES count positive,
OPPOSES / ATTACKED negative (graphkit.model), weighted by asserted evidence (edge
``weight``). Agreement nodes are projected away: two parties or guarantors of the same
agreement get a positive tie, a party and an opponent of it a negative one (scaled by
``agreement_weight``, default 0.5: signing the same ceasefire is weaker evidence of
alignment than backing — adversaries sign ceasefires too).

Organs and leaders (``part_of``) are folded into their state when both are considered
(Turkish Defence Ministry -> Turkey); ``node_bloc`` still maps them to the state's bloc.

The partition minimises *frustration*: the weight of negative ties inside a bloc plus
positive ties across blocs (a pair with both kinds of tie pays whichever side it
violates). Each connected component of the tie graph is solved on its own: exactly
(every labelling with at most ``max_blocs`` blocs) when that is small, else by a
spectral split of the signed Laplacian refined by single-node moves from several starts.
Ties are broken toward fewer blocs.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from ..model import NEGATIVE_RELATIONS, POSITIVE_RELATIONS
from . import label

ACTOR_KINDS = ("Actor", "Group", "Person")
EXACT_BUDGET = 1 << 17          # labellings enumerated at most per component (2 blocs: 18 actors, 3: 11)
_EPS = 1e-9


@dataclass
class FactionResult:
    blocs: list[list[str]]                  # node keys per bloc, biggest bloc first
    node_bloc: dict[str, str]               # node key -> bloc name (folded organs included)
    cut_ties: list[dict]                    # evidence violating balance, heaviest first
    frustration: float                      # weighted violations of the best partition
    total_weight: float = 0.0               # weight of all signed ties
    bloc_names: list[str] = field(default_factory=list)
    exact: bool = True                      # every component solved by exhaustive search
    ties: list[dict] = field(default_factory=list)   # pair ties: a, b, positive, negative
    folded: dict[str, str] = field(default_factory=dict)   # organ/leader key -> the member it counts as
    # member key -> how much frustration would rise if it alone moved to its best other
    # bloc (or a bloc of its own); 0 means the data does not decide where it belongs
    margin: dict[str, float | None] = field(default_factory=dict)

    @property
    def balance(self) -> float:
        """1 - frustration / total weight (1.0 = perfectly balanced)."""
        return 1.0 - self.frustration / self.total_weight if self.total_weight else 1.0


def _sign(rel: str) -> int:
    if rel in POSITIVE_RELATIONS:
        return 1
    if rel in NEGATIVE_RELATIONS:
        return -1
    return 0


def signed_ties(G: nx.MultiDiGraph, kinds=ACTOR_KINDS, fold: bool = True, agreement_weight: float = 0.5):
    """The signed actor graph.

    Returns ``(rep, ties)``: ``rep`` maps every considered node key to the key it is
    folded into (itself if not folded); ``ties`` maps a sorted key pair to
    ``{"positive": w, "negative": w, "evidence": [rows]}`` where each row names the
    underlying edge (source, relation, target, via agreement, sign, weight, evidence).
    """
    kinds = set(kinds)
    considered = {k for k, d in G.nodes(data=True) if d.get("kind") in kinds}
    rep = {}
    for k in considered:
        r, seen = k, {k}
        if fold:
            while True:
                p = G.nodes[r].get("part_of")
                if not p or p not in considered or p in seen:
                    break
                r = p
                seen.add(r)
        rep[k] = r
    ties: dict[tuple, dict] = defaultdict(lambda: {"positive": 0.0, "negative": 0.0, "evidence": []})

    def add(a, b, sign, w, row):
        if a == b or not w:
            return
        t = ties[tuple(sorted((a, b)))]
        t["positive" if sign > 0 else "negative"] += w
        t["evidence"].append(dict(row, sign="+" if sign > 0 else "-", weight=w))

    # direct ties
    for u, v, rel, d in G.edges(keys=True, data=True):
        s = _sign(rel)
        if s and u in rep and v in rep:
            add(rep[u], rep[v], s, d.get("weight") or 0,
                {"source": u, "relation": rel, "target": v, "via": None, "evidence": d.get("weight") or 0})

    # ties through agreements: parties/guarantors together, opponents against them
    for x, xd in G.nodes(data=True):
        if xd.get("kind") != "Agreement":
            continue
        sides: dict[int, dict[str, float]] = {1: defaultdict(float), -1: defaultdict(float)}
        who: dict[tuple, list] = defaultdict(list)
        for a, _, rel, d in list(G.in_edges(x, keys=True, data=True)) + \
                [(b, None, rel, d) for _, b, rel, d in G.out_edges(x, keys=True, data=True)]:
            s, w = _sign(rel), d.get("weight") or 0
            if s and w and a in rep:
                sides[s][rep[a]] += w
                who[(s, rep[a])].append(rel)
        pos = sorted(sides[1])
        for i, a in enumerate(pos):
            for b in pos[i + 1:]:
                w = min(sides[1][a], sides[1][b])
                add(a, b, 1, agreement_weight * w,
                    {"source": a, "relation": "/".join(sorted(set(who[(1, a)]))), "target": b, "via": x,
                     "evidence": sides[1][a] + sides[1][b]})
        for o in sorted(sides[-1]):
            for a in pos:
                w = min(sides[-1][o], sides[1][a])
                add(o, a, -1, agreement_weight * w,
                    {"source": o, "relation": "/".join(sorted(set(who[(-1, o)]))), "target": a, "via": x,
                     "evidence": sides[-1][o] + sides[1][a]})
    return rep, dict(ties)


# ------------------------------------------------------------------ solvers
def _cost(labels: np.ndarray, eu, ev, pos, neg) -> np.ndarray:
    same = labels[..., eu] == labels[..., ev]
    return same @ neg + (~same) @ pos


def _exact(n, eu, ev, pos, neg, k, chunk: int = 1 << 16) -> np.ndarray | None:
    """The best of all k**(n-1) labellings (node 0 fixed to bloc 0), by (frustration,
    number of blocs, enumeration order); evaluated in chunks."""
    k = max(1, min(k, n))
    m = k ** (n - 1)
    if m > EXACT_BUDGET:
        return None
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
    for rounds in range(100):
        improved = False
        for i in range(n):
            if not adj[i]:
                continue
            cur_l = int(lab[i])
            # cost of node i in bloc li: positive ties outside li + negative ties inside li
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
            best, best_c = cur_l, cost(cur_l)
            for li in sorted(options - {cur_l}):
                c = cost(li)
                if c < best_c - _EPS:
                    best, best_c = li, c
            if best != cur_l:
                size[cur_l] -= 1
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


def _heuristic(n, eu, ev, pos, neg, k, seed=0) -> np.ndarray:
    adj = [[] for _ in range(n)]
    for a, b, p, q in zip(eu, ev, pos, neg):
        adj[a].append((b, p, q))
        adj[b].append((a, p, q))
    starts = [_fiedler_sign(n, eu, ev, pos, neg), _tree_sign(n, eu, ev, pos, neg), np.zeros(n, dtype=int)]
    rng = np.random.default_rng(seed)
    starts += [rng.integers(0, k, n) for _ in range(16 if n <= 200 else 2)]
    best, best_key = None, None
    for s in starts:
        lab = _local_search(np.asarray(s, dtype=int), n, adj, k)
        c = float(_cost(lab, eu, ev, pos, neg))
        key = (round(c, 9), len(set(lab.tolist())))
        if best_key is None or key < best_key:
            best, best_key = lab, key
    return best


def factions(G: nx.MultiDiGraph, kinds=ACTOR_KINDS, max_blocs: int = 3, fold: bool = True,
             agreement_weight: float = 0.5, exact_budget: int | None = None) -> FactionResult:
    """Blocs of actors that minimise structural-balance frustration (see module doc)."""
    rep, ties = signed_ties(G, kinds=kinds, fold=fold, agreement_weight=agreement_weight)
    T = nx.Graph()
    for (a, b), t in ties.items():
        if t["positive"] + t["negative"] > 0:
            T.add_edge(a, b, **t)
    strength = {n: sum(d["positive"] + d["negative"] for _, _, d in T.edges(n, data=True)) for n in T}

    budget = EXACT_BUDGET if exact_budget is None else exact_budget
    raw_blocs: list[list[str]] = []
    all_exact = True
    for comp in sorted(nx.connected_components(T), key=lambda c: sorted(c)):
        nodes = sorted(comp, key=lambda x: (-strength[x], x))
        idx = {x: i for i, x in enumerate(nodes)}
        es = list(T.subgraph(nodes).edges(data=True))
        eu = np.array([idx[a] for a, _, _ in es], dtype=int)
        ev = np.array([idx[b] for _, b, _ in es], dtype=int)
        pos = np.array([d["positive"] for _, _, d in es], dtype=float)
        neg = np.array([d["negative"] for _, _, d in es], dtype=float)
        n = len(nodes)
        k = max(1, min(max_blocs, n))
        lab = None
        if k ** (n - 1) <= budget:
            lab = _exact(n, eu, ev, pos, neg, k)
        if lab is None:
            all_exact = False
            lab = _heuristic(n, eu, ev, pos, neg, k)
        groups: dict[int, list[str]] = defaultdict(list)
        for x, li in zip(nodes, lab):
            groups[int(li)].append(x)
        raw_blocs.extend(groups.values())

    def bloc_strength(b):
        return sum(strength[x] for x in b)
    blocs = [sorted(b, key=lambda x: (-strength[x], label(G, x))) for b in raw_blocs]
    blocs.sort(key=lambda b: (-len(b), -bloc_strength(b), label(G, b[0])))
    names = []
    for i, b in enumerate(blocs, 1):
        shown = ", ".join(label(G, x) for x in b[:3])
        names.append(f"bloc {i}: {shown}{', ...' if len(b) > 3 else ''}")
    of = {x: i for i, b in enumerate(blocs) for x in b}
    node_bloc = {x: names[of[x]] for x in of}
    for k_, r in rep.items():
        if r in of:
            node_bloc[k_] = names[of[r]]

    frustration, total, cut, tie_rows = 0.0, 0.0, [], []
    for (a, b), t in sorted(ties.items()):
        total += t["positive"] + t["negative"]
        if a not in of or b not in of:
            continue
        same = of[a] == of[b]
        bad = "-" if same else "+"
        frustration += t["negative"] if same else t["positive"]
        tie_rows.append({"a": label(G, a), "b": label(G, b), "a_key": a, "b_key": b,
                         "positive": t["positive"], "negative": t["negative"],
                         "bloc_a": names[of[a]], "bloc_b": names[of[b]]})
        for e in t["evidence"]:
            if e["sign"] != bad:
                continue
            s, o = e["source"], e["target"]
            cut.append({
                "source": label(G, s), "relation": e["relation"], "target": label(G, o),
                "via": label(G, e["via"]) if e["via"] else None,
                "sign": e["sign"], "weight": e["weight"], "evidence": e["evidence"],
                "reason": "negative inside bloc" if same else "positive across blocs",
                "bloc_source": names[of[rep.get(s, s)]], "bloc_target": names[of[rep.get(o, o)]],
                "source_key": s, "target_key": o, "via_key": e["via"],
            })
    margin: dict[str, float | None] = {}
    comp_blocs = {}
    for comp in nx.connected_components(T):
        bs = frozenset(of[y] for y in comp)
        comp_blocs.update(dict.fromkeys(comp, bs))
    for x in of:
        here, other = defaultdict(float), defaultdict(float)   # per bloc: cost contributions
        pos_all = 0.0
        for y in T[x]:
            d = T[x][y]
            pos_all += d["positive"]
            here[of[y]] += d["positive"]
            other[of[y]] += d["negative"]
        def cost(bi):
            return pos_all - here.get(bi, 0.0) + other.get(bi, 0.0)
        alone = sum(1 for y in blocs[of[x]]) == 1
        options = set(comp_blocs[x]) | ({-1} if len(comp_blocs[x]) < max_blocs and not alone else set())
        options.discard(of[x])
        alt = min((cost(bi) for bi in options), default=None)
        margin[x] = round(alt - cost(of[x]), 9) if alt is not None else None
    cut.sort(key=lambda r: (-r["weight"], r["source"], r["relation"], r["target"], r["via"] or ""))
    return FactionResult(blocs=blocs, node_bloc=node_bloc, cut_ties=cut, frustration=round(frustration, 9),
                         total_weight=round(total, 9), bloc_names=names, exact=all_exact, ties=tie_rows,
                         folded={k_: r for k_, r in rep.items() if r != k_ and r in of}, margin=margin)
