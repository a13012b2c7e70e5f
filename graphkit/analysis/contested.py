"""Contested claims: pairs of claims from different sources that disagree.

(a) *who did it*: the same event relation (ATTACKED: one attack has one attacker) on
    the same object with different subjects, each claim attributed (``attributed_to``)
    to a different source — "Turkey says Syria attacked its post; Russia says militants
    did". Both claims must be attributed: unattributed reports of different attacks on
    the same target are not a dispute. Relations many subjects can share (OPPOSES,
    BACKS...) are not compared this way.
(b) *whether it happened*: the same subject, relation and object, asserted by one
    claimant and denied (negated) by another. A claim's claimant is its
    ``attributed_to``, else the reporting document ("reporter: <doc>"). Hedged claims
    take no side.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from . import label

COLUMNS = ["kind", "object", "relation", "subject_a", "source_a", "sentence_a", "doc_a",
           "subject_b", "source_b", "sentence_b", "doc_b", "pairs"]


def _doc(G, doc_id):
    d = (G.graph.get("documents") or {}).get(doc_id) or {}
    return d.get("name") or d.get("title") or doc_id


def _claimant(G, c):
    return c.get("attributed_to") or f"reporter: {_doc(G, c.get('doc'))}"


EVENT_RELATIONS = ("ATTACKED",)


def contested(G: nx.MultiDiGraph, same_document: bool = False,
              event_relations=EVENT_RELATIONS) -> list[dict]:
    """Rows of disagreeing claims (see module doc), kind "subject" for (a) and
    "polarity" for (b) (A asserts, B denies). One row per (object, relation, subject
    and source A, subject and source B), showing its first pair of claims; ``pairs``
    counts the claim pairs behind it. ``same_document`` limits (a) to claims of one document;
    ``event_relations``: the relations compared in (a)."""
    rows, seen = [], {}

    def row(kind, s1, c1, s2, c2, o, rel, src1, src2):
        a, b = (s1, c1, src1), (s2, c2, src2)
        if kind == "subject" and (label(G, s2), s2, src2.casefold()) < (label(G, s1), s1, src1.casefold()):
            a, b = b, a
        # one row per disagreement (who says what against whom), counting its claim pairs
        key = (kind, o, rel, a[0], a[2].casefold(), b[0], b[2].casefold())
        if key in seen:
            seen[key]["pairs"] += 1
            return
        seen[key] = r = {
            "kind": kind, "object": label(G, o), "relation": rel,
            "subject_a": label(G, a[0]), "source_a": a[2], "sentence_a": a[1].get("sentence"),
            "doc_a": _doc(G, a[1].get("doc")), "negated_a": bool(a[1].get("negated")),
            "subject_b": label(G, b[0]), "source_b": b[2], "sentence_b": b[1].get("sentence"),
            "doc_b": _doc(G, b[1].get("doc")), "negated_b": bool(b[1].get("negated")),
            "pairs": 1, "object_key": o, "subject_a_key": a[0], "subject_b_key": b[0],
        }
        rows.append(r)

    # (a) different subjects for the same relation on the same object
    by_target: dict[tuple, list] = defaultdict(list)
    for s, o, rel, d in G.edges(keys=True, data=True):
        if rel not in event_relations:
            continue
        for c in d.get("claims") or ():
            if c.get("attributed_to") and not c.get("negated") and not c.get("hedged"):
                by_target[(o, rel)].append((s, c))
    for (o, rel), items in by_target.items():
        items.sort(key=lambda x: (label(G, x[0]), x[0], x[1].get("doc") or "", x[1].get("sentence") or ""))
        for (s1, c1), (s2, c2) in combinations(items, 2):
            if s1 == s2 or c1["attributed_to"].casefold() == c2["attributed_to"].casefold():
                continue
            if same_document and c1.get("doc") != c2.get("doc"):
                continue
            row("subject", s1, c1, s2, c2, o, rel, c1["attributed_to"], c2["attributed_to"])

    # (b) one claimant asserts what another denies
    for s, o, rel, d in G.edges(keys=True, data=True):
        claims = [c for c in d.get("claims") or () if not c.get("hedged")]
        yes = [c for c in claims if not c.get("negated")]
        no = [c for c in claims if c.get("negated")]
        for c1 in yes:
            for c2 in no:
                a1, a2 = _claimant(G, c1), _claimant(G, c2)
                if a1.casefold() != a2.casefold():
                    row("polarity", s, c1, s, c2, o, rel, a1, a2)
    rows.sort(key=lambda r: (r["kind"] != "subject", r["object"], r["relation"], r["subject_a"],
                             r["subject_b"], r["doc_a"], r["doc_b"], r["sentence_a"] or "", r["sentence_b"] or ""))
    return rows
