"""An entity's relations in date order: every claim in which it is subject or object."""
from __future__ import annotations

import networkx as nx

from . import label, resolve

COLUMNS = ["date", "subject", "relation", "object", "status", "attributed_to", "sentence", "doc", "source"]


def timeline(G: nx.MultiDiGraph, entity: str) -> list[dict]:
    """Claims in and out of ``entity`` (key, name or alias, ignoring case; every match)
    sorted by their document's ``published`` date, undated last. Each row: date,
    subject, relation, object, status (asserted / negated / hedged), attributed_to,
    sentence, doc (document title, else name), source (document source). Raises
    LookupError if nothing matches."""
    keys = set(resolve(G, entity))
    if not keys:
        raise LookupError(f"no entity matches {entity!r}")
    docs = G.graph.get("documents") or {}
    rows, seen = [], set()
    for k in sorted(keys):
        for s, o, rel, d in list(G.out_edges(k, keys=True, data=True)) + list(G.in_edges(k, keys=True, data=True)):
            for c in d.get("claims") or ():
                ident = (s, o, rel, c.get("id") or id(c))
                if ident in seen:
                    continue
                seen.add(ident)
                doc = docs.get(c.get("doc")) or {}
                rows.append({
                    "date": doc.get("published"), "subject": label(G, s), "relation": rel, "object": label(G, o),
                    "status": "negated" if c.get("negated") else "hedged" if c.get("hedged") else "asserted",
                    "attributed_to": c.get("attributed_to"), "sentence": c.get("sentence"),
                    "doc": doc.get("title") or doc.get("name") or c.get("doc"), "source": doc.get("source"),
                    "doc_id": c.get("doc"), "subject_key": s, "object_key": o,
                })
    rows.sort(key=lambda r: (r["date"] is None, str(r["date"] or ""), r["doc"] or "", r["sentence"] or "",
                             r["subject"], r["relation"], r["object"]))
    return rows
