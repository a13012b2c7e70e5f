"""Node positions computed in Python, so the page never runs a physics simulation.

igraph's Fruchterman-Reingold (its grid variant above 1,000 nodes) places the
nodes; the result is scaled to a target spacing between neighbours and, on
small graphs, nudged apart until the label boxes no longer overlap, so a
~30-node graph reads at the page's default zoom.
"""
from __future__ import annotations

import random
from collections import defaultdict
from typing import Hashable, Iterable

import igraph
import networkx as nx
import numpy as np

CHAR_WIDTH = 7.6        # px per label character at the page's 14 px font
LABEL_HEIGHT = 18.0     # px of a label line below the node
GRID_ABOVE = 1000       # igraph uses its grid FR above this many nodes


def target_spacing(n: int) -> float:
    """Median distance to the nearest neighbour we aim for, in canvas pixels."""
    if n <= 60:
        return 150.0
    if n <= 500:
        return 110.0
    return 60.0


def layout_positions(G: nx.Graph, nodes: Iterable[Hashable] | None = None, *, seed: int = 7,
                     labels: dict | None = None, sizes: dict | None = None,
                     spacing: float | None = None, niter: int | None = None,
                     declutter_max: int = 300) -> dict:
    """Positions ``{key: (x, y)}`` in canvas pixels (y grows downwards), deterministic for a seed.

    G: any networkx graph (direction and parallel edges are folded; an edge's
    ``weight`` attribute, plus one, pulls its ends together).
    nodes: the subset to lay out (default: all nodes of G).
    labels / sizes: the label text and radius of each node, used to push label
    boxes apart on graphs of at most ``declutter_max`` nodes (defaults: name or
    key, radius 12).
    """
    keys = list(G.nodes if nodes is None else nodes)
    n = len(keys)
    if n == 0:
        return {}
    if n == 1:
        return {keys[0]: (0.0, 0.0)}
    index = {k: i for i, k in enumerate(keys)}
    pair_w: dict[tuple[int, int], float] = defaultdict(float)
    for u, v, data in G.edges(data=True):
        iu, iv = index.get(u), index.get(v)
        if iu is None or iv is None or iu == iv:
            continue
        w = data.get("weight", 1) or 0
        pair_w[(min(iu, iv), max(iu, iv))] += 1.0 + float(w)
    edges = list(pair_w)
    # Diminishing pull for heavily evidenced pairs keeps hubs from collapsing.
    weights = [1.0 + np.log1p(pair_w[e]) for e in edges]

    g = igraph.Graph(n=n, edges=edges, directed=False)
    rng = random.Random(seed)
    radius = float(np.sqrt(n)) / 2     # igraph's own starting box: fastest, and FR converges
    init = [(rng.uniform(-radius, radius), rng.uniform(-radius, radius)) for _ in range(n)]
    state = random.getstate()          # igraph draws from the `random` module
    random.seed(seed)
    try:
        lay = g.layout_fruchterman_reingold(
            weights=weights if edges else None, seed=init,
            niter=niter or (500 if n <= GRID_ABOVE else 300),
            grid=n > GRID_ABOVE)
    finally:
        random.setstate(state)
    pos = np.asarray(lay.coords, dtype=float)
    pos = _pack_components(g, pos)
    pos -= pos.mean(axis=0)

    nn = _median_nearest(pos)
    scale = (spacing or target_spacing(n)) / nn if nn > 0 else 1.0
    pos *= scale

    if n <= declutter_max:
        lab = [str((labels or {}).get(k) or G.nodes[k].get("name") or k) for k in keys]
        rad = [float((sizes or {}).get(k, 12.0)) for k in keys]
        pos = _declutter(pos, lab, rad)
    return {k: (round(float(x), 1), round(float(y), 1)) for k, (x, y) in zip(keys, pos)}


def _median_nearest(pos: np.ndarray, chunk: int = 512, sample: int = 1500) -> float:
    """Median distance from a point to its nearest other point (over a fixed sample if large)."""
    n = len(pos)
    p = pos.astype(np.float64)
    rows = np.arange(n) if n <= sample else np.linspace(0, n - 1, sample).astype(int)
    best = np.empty(len(rows))
    sq = (p ** 2).sum(axis=1)
    for start in range(0, len(rows), chunk):
        idx = rows[start:start + chunk]
        d2 = sq[idx, None] + sq[None, :] - 2.0 * p[idx] @ p.T
        d2[np.arange(len(idx)), idx] = np.inf
        best[start:start + len(idx)] = np.sqrt(np.maximum(d2.min(axis=1), 0.0))
    return float(np.median(best))


def _pack_components(g: igraph.Graph, pos: np.ndarray) -> np.ndarray:
    """Bring far-flung components (FR lets them drift) back next to the main one.

    Components are placed on rows by decreasing size, so isolated nodes end up
    as a tidy strip instead of a distant halo that would shrink the default zoom.
    """
    membership = np.asarray(g.connected_components().membership)
    n_comp = int(membership.max()) + 1
    if n_comp <= 1:
        return pos
    gap = 1.5 * (_median_nearest(pos) or 1.0)
    order = np.argsort(membership, kind="stable")
    bounds = np.searchsorted(membership[order], np.arange(n_comp + 1))
    comps = [order[bounds[c]:bounds[c + 1]] for c in range(n_comp)]
    comps.sort(key=lambda m: (-len(m), int(m[0])))
    boxes = []
    for members in comps:
        p = pos[members]
        p = p - p.min(axis=0)
        boxes.append((members, p, np.ptp(p, axis=0)))
    row_width = max(boxes[0][2][0], np.sqrt(sum((w + gap) * (h + gap) for _, _, (w, h) in boxes)))
    out = pos.copy()
    x = y = row_h = 0.0
    for members, p, (w, h) in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        out[members] = p + np.array([x, y])
        x += w + gap
        row_h = max(row_h, h)
    return out


def _declutter(pos: np.ndarray, labels: list[str], radius: list[float], iters: int = 80) -> np.ndarray:
    """Push nodes apart until their label boxes (node + label below it) stop overlapping."""
    pos = pos.copy()
    r = np.asarray(radius)
    hw = np.maximum(r + 4.0, np.asarray([len(t) for t in labels]) * CHAR_WIDTH / 2 + 6.0)
    hh = (2 * r + LABEL_HEIGHT + 8.0) / 2
    n = len(pos)
    iu = np.triu_indices(n, 1)
    for _ in range(iters):
        d = pos[:, None, :] - pos[None, :, :]
        ox = hw[:, None] + hw[None, :] - np.abs(d[..., 0])
        oy = hh[:, None] + hh[None, :] - np.abs(d[..., 1])
        hit = (ox > 0) & (oy > 0)
        hit[np.diag_indices(n)] = False
        if not hit[iu].any():
            break
        move = np.zeros_like(pos)
        along_x = hit & (ox <= oy)
        along_y = hit & (ox > oy)
        sx = np.where(d[..., 0] >= 0, 1.0, -1.0)
        sy = np.where(d[..., 1] >= 0, 1.0, -1.0)
        # Ties (identical coordinates): break by index so the pair separates.
        tie = (d[..., 0] == 0) & (d[..., 1] == 0)
        sx = np.where(tie, np.sign(np.arange(n)[:, None] - np.arange(n)[None, :]), sx)
        move[:, 0] += (np.where(along_x, ox, 0.0) * sx).sum(axis=1) * 0.5
        move[:, 1] += (np.where(along_y, oy, 0.0) * sy).sum(axis=1) * 0.5
        pos += np.clip(move, -60, 60)
    return pos
