"""Factions: blocs of actors by structural balance, and how firmly each actor is placed.

Three steps, each a pure function over a graph, composed here:

1. graphkit.analysis.signed.signed_graph — the signed actor graph. The model (every
   relation's sign and weight, and why) is stated in that module: BACKS and LEADS +1,
   COOPERATES and MEMBER_OF +0.5, ATTACKED and OPPOSES -1, no tie at all between the
   parties, guarantors and mediators of one agreement (ceasefires are signed by enemies),
   -0.5 between an actor that rejects an agreement and those who stand behind it; one
   vote per document; ties of generic groups ("militants in Idlib") at half weight.
2. graphkit.analysis.partition.balanced_partition — finding the blocs that minimise
   frustration (negative ties inside blocs + positive ties across them).
3. graphkit.analysis.balance — measuring that partition: frustration, the violated ties,
   and each actor's *margin*: how much frustration would rise if it alone moved to its
   best other bloc. Margin 0 means the evidence does not decide the actor's bloc
   (``status`` "undecided", with the equally good blocs in ``also``); below ``FIRM`` (one
   document's direct backing or attack) the placement is "weak"; else "firm".
"""
from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from . import label
from .balance import NEW_BLOC, all_move_costs, bloc_index, equally_good, frustration, total_weight, violations
from .partition import EXACT_BUDGET, balanced_partition, is_exact
from .signed import TieModel, signed_graph

FIRM = 1.0          # a margin of at least one document's direct backing or attack
_EPS = 1e-9


@dataclass
class FactionResult:
    blocs: list[list[str]]                  # member keys per bloc, biggest bloc first
    bloc_names: list[str]                   # "bloc 1: Syria, Russia, Iran"
    node_bloc: dict[str, str]               # node key -> bloc name (folded organs and leaders included)
    # member -> bloc (1-based), margin, status, also (equally good places), moves (place -> rise in frustration)
    placement: dict[str, dict]
    cut_ties: list[dict]                    # relations behind the ties that violate balance, heaviest first
    frustration: float                      # weight of the violated ties
    total_weight: float = 0.0               # weight of all ties
    exact: bool = True                      # every component searched exhaustively
    folded: dict[str, str] = field(default_factory=dict)   # organ/leader key -> the member it counts as
    generic: list[str] = field(default_factory=list)       # members that are generic groups
    signed: nx.Graph | None = None          # the signed actor graph, for further measures

    @property
    def balance(self) -> float:
        """1 - frustration / total weight (1.0 = perfectly balanced)."""
        return 1.0 - self.frustration / self.total_weight if self.total_weight else 1.0

    @property
    def margin(self) -> dict[str, float | None]:
        return {k: p["margin"] for k, p in self.placement.items()}

    def member(self, key: str) -> str | None:
        """The member a node key counts as (itself, or the state it is folded into), if placed."""
        m = self.folded.get(key, key)
        return m if m in self.placement else None

    def together(self, a: str, b: str) -> bool:
        """``a`` is in ``b``'s bloc and the evidence decides it (margin > 0)."""
        ma, mb = self.member(a), self.member(b)
        return bool(ma and mb) and (ma == mb or (self.placement[ma]["bloc"] == self.placement[mb]["bloc"]
                                                 and status(self.placement[ma]["margin"]) != "undecided"))

    def apart(self, a: str, b: str) -> bool:
        """``a`` is not in ``b``'s bloc, and moving it there alone would raise frustration."""
        ma, mb = self.member(a), self.member(b)
        if not (ma and mb) or ma == mb:
            return False
        pa, pb = self.placement[ma], self.placement[mb]
        return pa["bloc"] != pb["bloc"] and pa["moves"].get(pb["bloc"], 0.0) > _EPS

    @property
    def bloc_of(self) -> dict[str, int]:
        """node key -> bloc number (1-based), folded organs and leaders included."""
        return {k: self.placement[m]["bloc"] for k in list(self.placement) + list(self.folded)
                if (m := self.member(k))}

    @property
    def undecided(self) -> list[str]:
        """Members whose bloc the evidence does not decide."""
        return [k for b in self.blocs for k in b if self.placement[k]["status"] == "undecided"]


def status(margin: float | None) -> str:
    if margin is None or margin <= _EPS:
        return "undecided"
    return "weak" if margin < FIRM - _EPS else "firm"


def factions(G: nx.MultiDiGraph, max_blocs: int = 3, model: TieModel = TieModel(),
             exact_budget: int = EXACT_BUDGET) -> FactionResult:
    """Blocs of actors that minimise structural-balance frustration (see module doc)."""
    S = signed_graph(G, model)
    blocs = _ordered(S, balanced_partition(S, max_blocs=max_blocs, exact_budget=exact_budget))
    names = [f"bloc {i}: {', '.join(label(G, x) for x in b[:3])}{', ...' if len(b) > 3 else ''}"
             for i, b in enumerate(blocs, 1)]
    of = bloc_index(blocs)
    rep = S.graph["rep"]
    node_bloc = {k: names[of[r]] for k, r in rep.items() if r in of}
    placement = {}
    for x, costs in all_move_costs(S, blocs, max_blocs).items():
        m = min(costs.values()) if costs else None
        placement[x] = {"bloc": of[x] + 1, "margin": m, "status": status(m),
                        "also": [_place(i) for i in equally_good(costs)],
                        "moves": {_place(i): c for i, c in costs.items()}}
    return FactionResult(
        blocs=blocs, bloc_names=names, node_bloc=node_bloc, placement=placement,
        cut_ties=_cut_ties(G, S, blocs, names, rep), frustration=frustration(S, blocs),
        total_weight=total_weight(S), exact=is_exact(S, max_blocs, exact_budget),
        folded={k: r for k, r in rep.items() if r != k and r in of},
        generic=sorted(x for x in of if S.nodes[x]["generic"]), signed=S)


def _place(i: int):
    return "own bloc" if i == NEW_BLOC else i + 1


def _ordered(S: nx.Graph, partition) -> list[list[str]]:
    """Blocs biggest first (then by tie weight), members strongest first."""
    strength = dict(S.degree(weight="positive"))
    for x, w in S.degree(weight="negative"):
        strength[x] += w
    blocs = [sorted(b, key=lambda x: (-strength[x], S.nodes[x]["name"], x)) for b in partition]
    blocs.sort(key=lambda b: (-len(b), -sum(strength[x] for x in b), S.nodes[b[0]]["name"]))
    return blocs


def _cut_ties(G, S, blocs, names, rep) -> list[dict]:
    """One row per relation behind a violated tie: the relation's own sign matches the violation."""
    of = bloc_index(blocs)
    rows = []
    for a, b, sign, w in violations(S, blocs):
        for r in S[a][b]["relations"]:
            if r["sign"] != sign:
                continue
            s, o = r["source"], r["target"]
            rows.append({
                "source": label(G, s), "relation": r["relation"], "target": label(G, o),
                "via": label(G, r["via"]) if r["via"] else None, "sign": sign, "docs": r["docs"],
                "sentence": r.get("sentence"),
                "weight": r["weight"], "tie_weight": w,
                "reason": "negative inside bloc" if sign == "-" else "positive across blocs",
                "bloc_source": names[of[rep.get(s, s)]], "bloc_target": names[of[rep.get(o, o)]],
                "source_key": s, "target_key": o, "via_key": r["via"],
            })
    rows.sort(key=lambda r: (-r["tie_weight"], -r["docs"] * r["weight"], r["source"], r["relation"], r["target"]))
    return rows


def member_rows(G: nx.MultiDiGraph, r: FactionResult) -> list[dict]:
    """One row per placed member, bloc by bloc: bloc, name, key, kind (" (generic)" for a
    generic group), placement (status), margin, also (equally good places), moves (place ->
    rise in frustration), folded (the organs and leaders counted as it) and folded_count."""
    folded = {}
    for k, m in r.folded.items():
        folded.setdefault(m, []).append(label(G, k))
    rows = []
    for i, b in enumerate(r.blocs):
        for k in b:
            p = r.placement[k]
            kind = G.nodes[k].get("kind") or ""
            rows.append({"bloc": i + 1, "bloc_name": r.bloc_names[i], "name": label(G, k), "key": k,
                         "kind": f"{kind} (generic)" if k in r.generic else kind,
                         "placement": p["status"], "margin": p["margin"],
                         "also": ", ".join(map(str, p["also"])), "folded": ", ".join(sorted(folded.get(k, []))),
                         "folded_count": len(folded.get(k, [])), "moves": p["moves"]})
    return rows
