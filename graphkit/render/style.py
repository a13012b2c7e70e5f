"""How things look: node shape and colour per kind, edge colour per relation, bloc palette."""
from __future__ import annotations

import math

from ..model import ENTITY_KINDS, RELATION_TYPES

# vis-network shapes whose label sits below the node (cheap to draw, never resized by text).
# glyph: the character the legend shows for the shape.
KIND_STYLE: dict[str, dict] = {
    "Actor":        {"shape": "dot",          "color": "#4e79a7", "glyph": "●"},
    "Group":        {"shape": "triangle",     "color": "#f28e2b", "glyph": "▲"},
    "Agreement":    {"shape": "square",       "color": "#59a14f", "glyph": "■"},
    "Person":       {"shape": "diamond",      "color": "#b07aa1", "glyph": "◆"},
    "Place":        {"shape": "triangleDown", "color": "#9c755f", "glyph": "▼"},
    "Organization": {"shape": "hexagon",      "color": "#76b7b2", "glyph": "⬢"},
}
UNKNOWN_KIND = {"shape": "star", "color": "#999999", "glyph": "★"}
assert set(KIND_STYLE) == set(ENTITY_KINDS)

RELATION_COLOR: dict[str, str] = {
    "BACKS":      "#2ca02c",
    "OPPOSES":    "#d62728",
    "GUARANTEES": "#17becf",
    "ATTACKED":   "#ff7f0e",
    "PARTY_TO":   "#1f77b4",
    "COOPERATES": "#bcbd22",
    "MEMBER_OF":  "#7f7f7f",
    "LEADS":      "#9467bd",
}
UNKNOWN_RELATION = "#444444"
assert set(RELATION_COLOR) == set(RELATION_TYPES)

# Tableau 20 minus the greys: colours for factions/blocs when `groups` is given.
BLOC_PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#a0cbe8", "#ffbe7d", "#ff9d9a", "#8cd17d", "#b6992d",
    "#f1ce63", "#86bcb6", "#d4a6c8", "#fabfd2", "#d7b5a6", "#499894",
)
NO_BLOC = "#c8c8c8"
CONTESTED = "rgba(214,39,40,0.9)"


def kind_style(kind: str) -> dict:
    return KIND_STYLE.get(kind, UNKNOWN_KIND)


def relation_color(relation: str) -> str:
    return RELATION_COLOR.get(relation, UNKNOWN_RELATION)


def darker(hex_color: str, factor: float = 0.7) -> str:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return "#%02x%02x%02x" % tuple(int(c * factor) for c in (r, g, b))


def vis_color(fill: str) -> dict:
    """A vis-network node colour whose selection/hover states stay visible."""
    border = darker(fill)
    return {"background": fill, "border": border,
            "highlight": {"background": fill, "border": "#111111"},
            "hover": {"background": fill, "border": "#111111"}}


def node_size(weighted_degree: float, n_nodes: int) -> float:
    base, top = (10.0, 34.0) if n_nodes <= 1000 else (6.0, 26.0)
    return round(min(top, base + 3.0 * math.sqrt(max(weighted_degree, 0.0))), 1)


def edge_width(weight: int) -> float:
    """1 px for unasserted edges, growing with the log of the evidence count."""
    if weight <= 0:
        return 1.0
    return round(min(9.0, 1.0 + 1.8 * math.log2(1 + weight)), 2)
