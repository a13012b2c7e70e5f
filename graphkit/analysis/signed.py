"""The signed actor graph of structural balance: which relations count as evidence that
two actors are on the same side of a conflict, which that they are on opposite sides,
and how much.

The model (``TieModel``; the README's "Factions and key actors" states the same table):

    evidence between two actors    weight  reason
    -----------------------------  ------  ----------------------------------------------
    BACKS                          +1      taking a side: arms, money, troops, political
                                           backing of one party against another
    LEADS                          +1      a leader is on the side of what he leads
    COOPERATES                     +0.5    rivals cooperate too: joint patrols, deconflic-
                                           tion, coordination centres implementing a truce
    MEMBER_OF                      +0.5    members of an alliance or organisation are on
                                           its side in general, yet often disagree
    ATTACKED                       -1      violence is the clearest sign of opposite sides
    OPPOSES                        -1      condemning, sanctioning, threatening, rejecting
    parties, guarantors, mediators  0      ceasefires, truces and prisoner swaps are signed
    of the same agreement                  by enemies; guarantors and mediators broker
    (PARTY_TO, GUARANTEES)                 between enemies and are allies of neither side
    rejecting an agreement         -0.5    OPPOSES/ATTACKED an agreement: a tie against each
                                           actor that is party to it, guarantees or backs
                                           it (not itself). Rejecting or breaking a deal
                                           acts against those who made it, but a truce's
                                           parties are on opposite sides: each tie is weak
    generic group                  x0.5    on every tie of the extractor's catch-all group

* **One document, one vote.** The evidence for a tie is counted in documents, not in
  sentences: each document that asserts a relation between two actors (either
  direction; negated and hedged claims do not count) gives the pair one positive and/or
  one negative vote, worth the weight of the strongest such relation in that document.
  An article that retells the same joint patrol five times is one report; five articles
  are five. Alliances and treaties between allies show up as BACKS and COOPERATES claims
  in their own right, so they still count when agreements give no positive tie.
* **Generic groups** (the document-level catch-all the extractor makes of unnamed
  fighters: "militants in Idlib", "rebels"; see :func:`generic_groups`) merge distinct
  groups whose ties contradict each other (Turkish-backed factions and al-Qaeda-linked
  ones that reject Turkey's deals in one node), so every tie with one counts at
  ``generic`` (default 0.5) of its weight: they take part but do not dominate.
* Organs and leaders (``part_of``) are folded into their state (Turkish Defence Ministry,
  Erdogan -> Turkey); places and agreements are not members of the signed graph.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

import networkx as nx

from ..model import RELATION_TYPES

ACTOR_KINDS = ("Actor", "Group", "Person", "Organization")

# relation -> signed weight of one document's evidence between two actors
TIE_WEIGHTS: Mapping[str, float] = MappingProxyType({
    "BACKS": 1.0, "LEADS": 1.0, "COOPERATES": 0.5, "MEMBER_OF": 0.5,
    "ATTACKED": -1.0, "OPPOSES": -1.0,
    "PARTY_TO": 0.0, "GUARANTEES": 0.0,
})
# relations to an agreement: committing to it, and acting against it
COMMITS = ("PARTY_TO", "GUARANTEES", "BACKS")
REJECTS = ("OPPOSES", "ATTACKED")
assert set(TIE_WEIGHTS) == set(RELATION_TYPES), "every relation type needs a sign in the balance model"


@dataclass(frozen=True)
class TieModel:
    """The signed model's parameters (see the module docstring for the reasons)."""
    weights: Mapping[str, float] = field(default_factory=lambda: TIE_WEIGHTS)
    rejected_agreement: float = 0.5      # each tie from rejecting an agreement others stand behind
    generic: float = 0.5                 # factor on every tie of a generic group
    kinds: tuple[str, ...] = ACTOR_KINDS
    fold: bool = True                    # organs and leaders count as their state


@lru_cache(maxsize=1)
def _generic_heads() -> frozenset[str]:
    """The extractor's generic group head nouns (graphkit/data/lexicon.json), the one place they are spelled."""
    from ..extract.lexicon import load_word_classes
    return frozenset(w.casefold() for w in load_word_classes().word_set("generic_group_heads"))


def generic_groups(G: nx.MultiDiGraph) -> set[str]:
    """Keys of the generic groups: Groups whose name starts with one of the extractor's
    generic head nouns — its catch-all is named "militants in <main place>" or
    "militants"; "Rebels", "terrorists in Idlib" count too, "HTS militants" does not."""
    heads = _generic_heads()
    return {k for k, d in G.nodes(data=True)
            if d.get("kind") == "Group" and (d.get("name") or "").casefold().split()[:1] in ([h] for h in heads)}


def fold_map(G: nx.MultiDiGraph, kinds=ACTOR_KINDS, fold: bool = True) -> dict[str, str]:
    """Every node of ``kinds`` -> the member it counts as: itself, or (``fold``) the
    state at the top of its ``part_of`` chain when that state is of ``kinds`` too."""
    kinds = set(kinds)
    considered = {k for k, d in G.nodes(data=True) if d.get("kind") in kinds}
    rep = {}
    for k in considered:
        r, seen = k, {k}
        while fold:
            p = G.nodes[r].get("part_of")
            if not p or p not in considered or p in seen:
                break
            r = p
            seen.add(r)
        rep[k] = r
    return rep


def _sentence(d: dict) -> str | None:
    """The first asserted claim's sentence of an edge."""
    return next((c.get("sentence") for c in d.get("claims") or () if not (c.get("negated") or c.get("hedged"))), None)


def _docs(d: dict) -> list:
    """The documents asserting an edge (a hand-made edge without ``docs``: one per unit of weight)."""
    docs = d.get("docs")
    if docs:
        return list(docs)
    return [("edge", id(d), i) for i in range(int(d.get("weight") or 0))]


class _Votes:
    """Per pair and sign: the strongest weight each document gives, and the relations behind it."""

    def __init__(self):
        self.votes = defaultdict(dict)            # (a, b, sign) -> {doc: weight}
        self.rows = defaultdict(list)             # (a, b) -> relation rows

    def add(self, a, b, w, docs, row):
        if a == b or not w or not docs:
            return
        sign = 1 if w > 0 else -1
        pair = tuple(sorted((a, b)))
        v = self.votes[pair + (sign,)]
        for doc in docs:
            v[doc] = max(v.get(doc, 0.0), abs(w))
        self.rows[pair].append(dict(row, sign="+" if sign > 0 else "-", weight=abs(w), docs=len(docs)))


def signed_graph(G: nx.MultiDiGraph, model: TieModel = TieModel()) -> nx.Graph:
    """The signed actor graph of ``G`` under ``model``.

    Nodes: the members (folded keys) with ``name``, ``kind``, ``generic`` and ``folded``
    (the keys counted as it, itself included). Edges: ``positive`` and ``negative``
    (summed document votes, >= 0) and ``relations`` (rows naming each underlying relation:
    source, relation, target, via agreement or None, sign, weight, docs, and the sentence
    of its first asserted claim). ``S.graph["rep"]``
    maps every considered node key to its member.
    """
    rep = fold_map(G, model.kinds, model.fold)
    generic = generic_groups(G) & set(rep.values())
    votes = _Votes()
    for u, v, rel, d in G.edges(keys=True, data=True):
        w = model.weights.get(rel, 0.0)
        if w and u in rep and v in rep:
            votes.add(rep[u], rep[v], w, _docs(d),
                      {"source": u, "relation": rel, "target": v, "via": None, "sentence": _sentence(d)})
    if model.rejected_agreement:
        for x, xd in G.nodes(data=True):
            if xd.get("kind") == "Agreement":
                _agreement_votes(G, x, rep, model.rejected_agreement, votes)

    S = nx.Graph(rep=rep)
    members = defaultdict(list)
    for k, r in rep.items():
        members[r].append(k)
    for (a, b, sign), v in votes.votes.items():
        for n in (a, b):
            if n not in S:
                S.add_node(n, name=G.nodes[n].get("name") or n, kind=G.nodes[n].get("kind"),
                           generic=n in generic, folded=sorted(members[n]))
        if not S.has_edge(a, b):
            S.add_edge(a, b, positive=0.0, negative=0.0, relations=votes.rows[(a, b)])
        factor = model.generic if (a in generic or b in generic) else 1.0
        S[a][b]["positive" if sign > 0 else "negative"] += factor * sum(v.values())
    for _, _, d in S.edges(data=True):
        d["positive"], d["negative"] = round(d["positive"], 9), round(d["negative"], 9)
    return S


def _agreement_votes(G, x, rep, weight, votes: _Votes) -> None:
    """Negative votes between each actor that rejects agreement ``x`` and each actor that
    stands behind it (party, guarantor, backer), one per document of the rejection."""
    behind, against = defaultdict(set), {}
    for a, _, rel, d in G.in_edges(x, keys=True, data=True):
        if a not in rep or not (d.get("weight") or d.get("docs")):
            continue
        if rel in COMMITS:
            behind[rep[a]].add(rel)
        elif rel in REJECTS:
            against[(a, rel)] = d
    for (a, rel), d in against.items():
        for p, how in behind.items():
            votes.add(rep[a], p, -weight, _docs(d),
                      {"source": a, "relation": rel, "target": p, "via": x, "target_role": "/".join(sorted(how)),
                       "sentence": _sentence(d)})
