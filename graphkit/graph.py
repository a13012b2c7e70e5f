"""The browsing graph as a networkx MultiDiGraph, built from plain claim rows.

Both the store (``Store.load_graph``) and in-memory extraction build the same
structure through :func:`assemble`, so render, analysis and export work on
either:

* ``G.graph["documents"]``: ``{doc_id: {DOCUMENT_FIELDS: name, title, source, path, published, author, url}}``
* node ``key`` with ``name``, ``kind``, ``aliases`` (list), ``part_of`` (key or None),
  ``docs`` (number of documents mentioning it)
* edge ``(subject_key, object_key, key=relation)`` with ``relation``, ``weight``
  (asserted claims: neither negated nor hedged), ``docs`` (sorted doc ids of asserted
  claims), ``claims`` (every claim as a dict: id, sentence, doc, attributed_to,
  negated, hedged, confidence, subject_mention, object_mention), ``contested`` (bool)
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

import networkx as nx

from .model import CLAIM_FIELDS, DOCUMENT_FIELDS, Extraction

__all__ = ["CLAIM_FIELDS", "assemble", "mark_contested", "from_extractions"]


def assemble(documents: Iterable[dict], entities: Iterable[dict], claims: Iterable[dict]) -> nx.MultiDiGraph:
    """Build the browsing graph.

    documents: dicts with id and graphkit.model.DOCUMENT_FIELDS
    entities: dicts with key, name, kind, aliases, part_of, and optionally docs (int)
    claims: dicts with subject, object (entity keys), relation and CLAIM_FIELDS
    """
    G = nx.MultiDiGraph()
    G.graph["documents"] = {d["id"]: {k: d.get(k) for k in DOCUMENT_FIELDS} for d in documents}
    for e in entities:
        G.add_node(e["key"], name=e["name"], kind=e["kind"], aliases=list(e.get("aliases") or []),
                   part_of=e.get("part_of"), docs=int(e.get("docs") or 0))
    for c in claims:
        s, o, rel = c["subject"], c["object"], c["relation"]
        for k in (s, o):
            if k not in G:  # a claim about an entity the caller did not list
                G.add_node(k, name=k.split(":", 1)[-1], kind="Organization", aliases=[], part_of=None, docs=0)
        if not G.has_edge(s, o, key=rel):
            G.add_edge(s, o, key=rel, relation=rel, weight=0, docs=[], claims=[], contested=False)
        data = G.edges[s, o, rel]
        data["claims"].append({k: c.get(k) for k in CLAIM_FIELDS})
    for _, _, data in G.edges(data=True):
        data["claims"].sort(key=lambda c: (c["doc"] or "", c["sentence"] or ""))
        asserted = [c for c in data["claims"] if not (c["negated"] or c["hedged"])]
        data["weight"] = len(asserted)
        data["docs"] = sorted({c["doc"] for c in asserted})
    mark_contested(G)
    return G


def mark_contested(G: nx.MultiDiGraph) -> None:
    """Flag edges whose evidence disagrees.

    An edge is contested when (a) its own claims disagree on polarity (one source
    asserts it, another denies it), or (b) two sources name different subjects
    for the same relation on the same object in the same document — the
    "Turkey says Syria attacked its post; Russia says militants did" case.
    """
    by_target: dict[tuple, dict] = defaultdict(lambda: defaultdict(set))
    for s, o, rel, data in G.edges(keys=True, data=True):
        pols = {bool(c["negated"]) for c in data["claims"]}
        data["contested"] = len(pols) > 1
        for c in data["claims"]:
            if c["attributed_to"] and not c["negated"]:
                by_target[(o, rel, c["doc"])][s].add(c["attributed_to"])
    for (o, rel, _doc), subjects in by_target.items():
        if len(subjects) < 2:
            continue
        sources = set().union(*subjects.values())
        if len(sources) < 2:
            continue
        for s in subjects:
            G.edges[s, o, rel]["contested"] = True


def from_extractions(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    """The browsing graph of an in-memory extraction run (no store needed)."""
    docs, ents, claims = [], {}, []
    doc_count: dict[str, set] = defaultdict(set)
    for ex in extractions:
        docs.append(ex.document.meta())
        for e in ex.entities:
            ents[e.key] = e.as_dict()
            doc_count[e.key].add(ex.document.id)
        for c in ex.claims:
            row = c.row()
            claims.append(row)
    for k, e in ents.items():
        e["docs"] = len(doc_count[k])
    return assemble(docs, ents.values(), claims)


def from_gold(gold: dict, documents: Iterable[str] | None = None, optional: bool = True) -> nx.MultiDiGraph:
    """The browsing graph of a gold file's relations (graphkit-gold/1, see graphkit.eval):
    one asserted claim per relation of each of ``documents`` (default: all), optional
    relations included unless ``optional`` is false. Nodes are keyed by gold entity id,
    with that id as the name, the gold kind and aliases."""
    names = sorted(gold["documents"]) if documents is None else list(documents)
    docs = [{"id": d, "name": d, "title": d, "source": "gold", "path": None, "published": None} for d in names]
    claims, used = [], set()
    for d in names:
        for i, r in enumerate(gold["documents"][d]["relations"]):
            if r.get("optional") and not optional:
                continue
            used |= {r["s"], r["o"]}
            claims.append({"subject": r["s"], "object": r["o"], "relation": r["r"], "id": f"{d}:{i}",
                           "sentence": r.get("evidence"), "doc": d, "attributed_to": None, "negated": False,
                           "hedged": False, "confidence": 1.0, "subject_mention": r["s"], "object_mention": r["o"]})
    ents = [{"key": e, "name": e, "kind": gold["entities"][e]["kind"], "aliases": gold["entities"][e]["aliases"]}
            for e in sorted(used) if e in gold["entities"]]
    return assemble(docs, ents, claims)
