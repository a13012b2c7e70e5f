"""The data the explorer page embeds: which nodes to show, their vis-network items, and details.

Everything the page shows comes from one JSON document (see :func:`build_payload`):

* ``vis``: vis-network node/edge items (integer ids = index into ``nodes``/``edges``) and
  network options, prepared with pyvis (``Network`` filled through ``net.nodes``/``net.edges``:
  its ``add_node``/``add_edge`` are quadratic);
* ``nodes`` / ``edges`` / ``docs``: the details the side panel, search and filters read
  (an edge's ``claims`` are arrays in ``CLAIM_ARRAY`` order, ``doc`` an index into ``docs``);
* ``kinds`` / ``relations`` / ``blocs``: legend entries with counts;
* ``notice``: the text of the truncation notice, or ``None``.
"""
from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from typing import Hashable

import networkx as nx
from pyvis.network import Network

from ..model import CLAIM_FIELDS, ENTITY_KINDS, RELATION_TYPES
from . import style
from .layout import layout_positions

LARGE = 1000            # above this many nodes: straight edges, fewer labels, no hover
LABEL_MAX = 32          # characters of a node label before it is shortened
# Each claim is embedded as an array of graphkit.model.CLAIM_FIELDS in that order, negated
# and hedged folded into one "flags" number (1 negated, 2 hedged); the page reads the
# order from the payload's claimFields.
CLAIM_ARRAY = tuple("flags" if f == "negated" else f for f in CLAIM_FIELDS if f != "hedged")


def weighted_degree(G: nx.MultiDiGraph) -> dict:
    """Sum of evidence weights of the edges at each node (in and out)."""
    wd: dict = {k: 0.0 for k in G.nodes}
    for u, v, w in G.edges(data="weight", default=0):
        w = float(w or 0)
        wd[u] += w
        wd[v] += w
    return wd


def select_nodes(G: nx.MultiDiGraph, max_nodes: int) -> list:
    """The nodes to show: all of them, or the ``max_nodes`` with the highest weighted degree.

    Ties break on plain degree, then on documents mentioning the node, then on the key,
    so the choice is deterministic. The result keeps G's node order.
    """
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, got {max_nodes}")
    if G.number_of_nodes() <= max_nodes:
        return list(G.nodes)
    wd = weighted_degree(G)
    deg = dict(G.degree())
    ranked = sorted(G.nodes, key=lambda k: (-wd[k], -deg[k], -int(G.nodes[k].get("docs") or 0), str(k)))
    keep = set(ranked[:max_nodes])
    return [k for k in G.nodes if k in keep]


def _finite(x):
    if x is None:
        return None
    try:
        x = float(x)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def _text(x) -> str | None:
    return None if x is None else str(x)


def _claim_value(c: dict, field: str, doc_index: dict):
    """One claim field as the page gets it: doc as an index into docs, flags folded."""
    if field == "flags":
        return (1 if c.get("negated") else 0) | (2 if c.get("hedged") else 0)
    if field == "doc":
        return doc_index.get(str(c.get("doc"))) if c.get("doc") is not None else None
    if field == "confidence":
        return _finite(c.get("confidence"))
    if field == "sentence":
        return _text(c.get("sentence")) or ""
    return _text(c.get(field))


def _short(label: str) -> str:
    return label if len(label) <= LABEL_MAX else label[:LABEL_MAX - 1].rstrip() + "…"


def _smooth(edges: list[tuple[int, int]]) -> list[dict | None]:
    """Per-edge curve so parallel and opposite edges between two nodes do not overlap.

    Edges of one node pair get offsets 0, +1, -1, +2, ... (no 0 when their number is
    even); a positive offset bends clockwise seen from the pair's lower index.
    """
    by_pair: dict[tuple[int, int], list[int]] = defaultdict(list)
    for j, (a, b) in enumerate(edges):
        by_pair[(min(a, b), max(a, b))].append(j)
    out: list[dict | None] = [None] * len(edges)
    for (lo, _hi), js in by_pair.items():
        if len(js) == 1:
            continue
        odd = len(js) % 2 == 1
        offsets = [0] if odd else []
        k = 1
        while len(offsets) < len(js):
            offsets += [k, -k]
            k += 1
        for j, off in zip(js, offsets):
            if off == 0:
                continue
            forward = edges[j][0] == lo
            clockwise = (off > 0) == forward
            out[j] = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
                      "roundness": round(0.2 * abs(off), 2)}
    return out


def build_payload(G: nx.MultiDiGraph, title: str = "graphkit", max_nodes: int = 10000,
                  groups: dict[str, str] | None = None, positions: dict | None = None) -> dict:
    """Everything the page needs, as JSON-ready Python values."""
    keys = select_nodes(G, max_nodes)
    index: dict[Hashable, int] = {k: i for i, k in enumerate(keys)}
    large = len(keys) > LARGE
    wd = weighted_degree(G)
    # Edges between kept nodes, in G's order.
    kept_edges = [(u, v, rel, d) for u, v, rel, d in G.edges(keys=True, data=True)
                  if u in index and v in index]
    notice, truncated = _truncation(G, len(keys), len(kept_edges))
    doc_list = _documents(G, kept_edges)
    doc_index = {d["id"]: i for i, d in enumerate(doc_list)}
    kinds_present = Counter(G.nodes[k].get("kind") or "Organization" for k in keys)
    kind_order = [k for k in ENTITY_KINDS if k in kinds_present] + \
        sorted(k for k in kinds_present if k not in ENTITY_KINDS)
    blocs, bloc_of, vis_groups = _colours(keys, kind_order, groups)
    nodes, vis_nodes = _nodes(G, keys, index, wd, large, positions, bloc_of if groups is not None else None,
                              {kd: f"k{i}" for i, kd in enumerate(kind_order)})
    edges, vis_edges, rel_counts, max_weight = _edges(kept_edges, index, nodes, doc_index, large)
    rel_order = ([r for r in RELATION_TYPES if r in rel_counts]
                 + sorted(r for r in rel_counts if r not in RELATION_TYPES))
    return {
        "title": str(title), "notice": notice, "truncated": truncated, "large": large,
        "colorBy": "bloc" if groups is not None else "kind",
        "kinds": [{"name": kd, "shape": style.kind_style(kd)["shape"], "glyph": style.kind_style(kd)["glyph"],
                   "color": style.kind_style(kd)["color"], "count": kinds_present[kd]} for kd in kind_order],
        "relations": [{"name": r, "color": style.relation_color(r), "count": rel_counts[r]} for r in rel_order],
        "blocs": blocs, "docs": doc_list, "nodes": nodes, "edges": edges, "maxWeight": max_weight,
        "claimFields": list(CLAIM_ARRAY),
        "vis": _vis(vis_nodes, vis_edges, vis_groups, large),
    }


def _truncation(G: nx.MultiDiGraph, n: int, shown_edges: int) -> tuple[str | None, dict | None]:
    """The notice and counts when a large graph is cut down to its best-connected nodes."""
    total_nodes, total_edges = G.number_of_nodes(), G.number_of_edges()
    if n >= total_nodes:
        return None, None
    truncated = {"nodes_total": total_nodes, "edges_total": total_edges,
                 "nodes_shown": n, "edges_shown": shown_edges,
                 "nodes_left_out": total_nodes - n, "edges_left_out": total_edges - shown_edges}
    notice = (f"Large graph: showing the {n:,} nodes with the highest weighted degree. "
              f"{total_nodes - n:,} of {total_nodes:,} nodes and "
              f"{total_edges - shown_edges:,} of {total_edges:,} edges were left out "
              f"(raise max_nodes to include them).")
    return notice, truncated


def _documents(G: nx.MultiDiGraph, kept_edges: list) -> list[dict]:
    """Documents referenced by the shown claims, oldest first."""
    documents = G.graph.get("documents") or {}
    used_docs = {c.get("doc") for *_, d in kept_edges for c in d.get("claims") or []}
    used_docs.discard(None)
    doc_list = []
    for doc_id in used_docs:
        meta = documents.get(doc_id) or {}
        doc_list.append({"id": str(doc_id), "name": _text(meta.get("name")) or str(doc_id),
                         "title": _text(meta.get("title")) or "", "published": _text(meta.get("published")),
                         "source": _text(meta.get("source")) or ""})
    doc_list.sort(key=lambda d: (d["published"] or "9999", d["title"] or d["name"], d["id"]))
    return doc_list


def _colours(keys: list, kind_order: list[str], groups: dict | None) -> tuple[list[dict], dict, dict]:
    """Colour by kind, or by bloc when groups are given: the blocs, each node's bloc group and
    vis-network's groups."""
    bloc_of: dict = {}
    blocs: list[dict] = []
    if groups is None:
        return blocs, bloc_of, {f"k{i}": {"color": style.vis_color(style.kind_style(kd)["color"])}
                                for i, kd in enumerate(kind_order)}
    counts = Counter(str(groups[k]) if groups.get(k) is not None else None for k in keys)
    named = sorted((b for b in counts if b is not None), key=lambda b: (-counts[b], b))
    for i, b in enumerate(named):
        blocs.append({"name": b, "color": style.BLOC_PALETTE[i % len(style.BLOC_PALETTE)],
                      "count": counts[b], "group": f"b{i}"})
    if None in counts:
        blocs.append({"name": "(no bloc)", "color": style.NO_BLOC, "count": counts[None],
                      "group": "b_none", "none": True})
    gid = {b["name"]: b["group"] for b in blocs if not b.get("none")}
    bloc_of = {k: gid.get(str(groups[k]), "b_none") if groups.get(k) is not None else "b_none" for k in keys}
    return blocs, bloc_of, {b["group"]: {"color": style.vis_color(b["color"])} for b in blocs}


def _nodes(G: nx.MultiDiGraph, keys: list, index: dict, wd: dict, large: bool, positions: dict | None,
           bloc_of: dict | None, kind_gid: dict) -> tuple[list[dict], list[dict]]:
    """The page's nodes and vis-network's; labels on all nodes of a normal graph, on the
    best-connected of a large one."""
    n = len(keys)
    labelled = set(sorted(keys, key=lambda k: -wd[k])[:max(100, n // 50)]) if large else set(keys)
    sizes = {k: style.node_size(wd[k], n) for k in keys}
    labels = {k: _short(str(G.nodes[k].get("name") or k)) for k in keys}
    if positions is None:
        positions = layout_positions(G.subgraph(keys), keys, labels=labels, sizes=sizes)
    nodes, vis_nodes = [], []
    for i, k in enumerate(keys):
        a = G.nodes[k]
        kind = a.get("kind") or "Organization"
        name = str(a.get("name") or k)
        part_of = a.get("part_of")
        nodes.append({"key": str(k), "name": name, "kind": kind, "aliases": [str(x) for x in (a.get("aliases") or [])],
                      "part_of": None if part_of is None else str(part_of),
                      "part_of_id": index.get(part_of) if part_of is not None else None,
                      "docs": int(a.get("docs") or 0), "wdeg": wd[k],
                      "bloc": (bloc_of or {}).get(k)})
        x, y = positions.get(k, (0.0, 0.0))
        item = {"id": i, "x": x, "y": y, "shape": style.kind_style(kind)["shape"],
                "group": bloc_of[k] if bloc_of is not None else kind_gid[kind],
                "size": sizes[k], "title": f"{name}\n{kind} · {int(a.get('docs') or 0)} document(s)"}
        if k in labelled:
            item["label"] = labels[k]
        vis_nodes.append(item)
    return nodes, vis_nodes


def _edges(kept_edges: list, index: dict, nodes: list[dict], doc_index: dict,
           large: bool) -> tuple[list[dict], list[dict], Counter, int]:
    """The page's edges and vis-network's, how many of each relation, and the largest weight."""
    edges, vis_edges = [], []
    rel_counts: Counter = Counter()
    smooth = _smooth([(index[u], index[v]) for u, v, _, _ in kept_edges])
    max_weight = 0
    for j, (u, v, rel, d) in enumerate(kept_edges):
        relation = str(d.get("relation") or rel)
        weight = int(d.get("weight") or 0)
        contested = bool(d.get("contested"))
        max_weight = max(max_weight, weight)
        rel_counts[relation] += 1
        claims = [[_claim_value(c, f, doc_index) for f in CLAIM_ARRAY] for c in d.get("claims") or []]
        edges.append({"from": index[u], "to": index[v], "relation": relation, "weight": weight,
                      "contested": contested, "claims": claims})
        vis_edges.append(_vis_edge(j, index[u], index[v], relation, weight, contested, large, smooth[j],
                                   f"{nodes[index[u]]['name']} {relation} {nodes[index[v]]['name']}\n"
                                   f"{weight} asserted of {len(claims)} claim(s)"))
    return edges, vis_edges, rel_counts, max_weight


def _vis_edge(j: int, a: int, b: int, relation: str, weight: int, contested: bool, large: bool,
              smooth: dict | None, tip: str) -> dict:
    color = style.relation_color(relation)
    item = {"id": j, "from": a, "to": b, "width": style.edge_width(weight),
            "color": {"color": color, "highlight": color, "hover": color,
                      "opacity": 0.55 if weight == 0 else (0.7 if large else 0.9)},
            "title": tip}
    if weight == 0:
        item["dashes"] = [6, 5]
    if contested:
        item["title"] += "\nCONTESTED: sources disagree"
        item["label"] = "⚠"
        item["font"] = {"color": "#c00000", "size": 16, "strokeWidth": 4, "strokeColor": "#ffffff"}
        item["shadow"] = {"enabled": True, "color": style.CONTESTED, "size": 7, "x": 0, "y": 0}
    if smooth:
        item["smooth"] = smooth
    return item


def _vis(vis_nodes: list[dict], vis_edges: list[dict], vis_groups: dict, large: bool) -> dict:
    """vis-network's data and options, from pyvis's defaults."""
    net = Network(directed=True, cdn_resources="in_line")
    net.nodes, net.edges = vis_nodes, vis_edges
    net.toggle_physics(False)
    net.toggle_stabilization(False)
    _, _, _, _, _, options_json = net.get_network_data()
    options = json.loads(options_json)
    options.update({
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "groups": vis_groups,
        "nodes": {"borderWidth": 1.5, "borderWidthSelected": 3,
                  "font": {"size": 14, "face": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
                           "color": "#1d1d1f", "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
                  "arrowStrikethrough": False,
                  "smooth": False if large else {"enabled": False, "type": "continuous"},
                  "selectionWidth": 2, "hoverWidth": 0.5,
                  "color": {"inherit": False}},
        "interaction": {"hover": not large, "tooltipDelay": 250, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "dragNodes": True, "multiselect": False,
                        "navigationButtons": False, "keyboard": False, "zoomSpeed": 0.6},
    })
    options["physics"] = {"enabled": False, "stabilization": {"enabled": False}}
    return {"nodes": net.nodes, "edges": net.edges, "options": options}
