"""Hand-made browsing graphs for the analysis tests (no store, no extraction)."""
from __future__ import annotations

from graphkit.graph import assemble

DOCS = [
    {"id": "d1", "name": "one", "title": "Day one", "source": "src/one", "path": "one.txt", "published": "2024-01-01"},
    {"id": "d2", "name": "two", "title": "Day two", "source": "src/two", "path": "two.txt", "published": "2024-02-01"},
    {"id": "d3", "name": "three", "title": "Undated", "source": "src/three", "path": "three.txt", "published": None},
]


# Two blocs with one cross-cutting tie, by entity name (each test module has its own ENTS
# holding these names). "Militants" is a generic group by its name (the extractor's
# catch-all head noun): the signed model gives it half weight.
TWO_BLOCS = [
    ("Russia", "BACKS", "Syria", 3), ("Iran", "BACKS", "Syria", 2), ("Russia", "COOPERATES", "Iran", 1),
    ("Turkey", "BACKS", "Militants", 4), ("Syria", "ATTACKED", "Militants", 3), ("Putin", "OPPOSES", "Militants", 2),
    ("Turkey", "OPPOSES", "Syria", 2), ("Militants", "ATTACKED", "Syria", 1),
    ("Russia", "COOPERATES", "Turkey", 1),                     # the one cross-cutting tie
    ("Turkey", "ATTACKED", "Idlib", 1),                        # places are not actors
]


def E(kind, name, aliases=(), part_of=None, **extra):
    return {"key": f"{kind.lower()}:{name.lower()}", "name": name, "kind": kind, "aliases": list(aliases),
            "part_of": part_of, **extra}


def graph(entities, triples, docs=DOCS):
    """triples: (subject name, relation, object name, n) or dicts with s, rel, o, n and claim fields.

    The n asserted claims of a triple come from n different documents (d1, d1.1, d1.2, ...)
    unless a ``doc`` is given, so ``n`` is both the claim and the document count."""
    keys = {e["name"]: e["key"] for e in entities}
    claims, n, docs = [], 0, list(docs)
    known = {d["id"] for d in docs}
    for t in triples:
        if isinstance(t, dict):
            t = dict(t)
            s, rel, o, count = t.pop("s"), t.pop("rel"), t.pop("o"), t.pop("n", 1)
        else:
            (s, rel, o, count), t = t, {}
        for i in range(count):
            n += 1
            doc = t.get("doc", "d1" if i == 0 else f"d1.{i}")
            if doc not in known:
                known.add(doc)
                docs.append({"id": doc, "name": doc, "title": doc, "source": None, "path": None, "published": None})
            claims.append({"subject": keys[s], "object": keys[o], "relation": rel, "id": f"c{n}",
                           "sentence": t.get("sentence", f"{s} {rel.lower()} {o} ({i})."),
                           "doc": doc, "attributed_to": t.get("attributed_to"),
                           "negated": t.get("negated", False), "hedged": t.get("hedged", False),
                           "confidence": 0.8, "subject_mention": s, "object_mention": o})
    return assemble(docs, entities, claims)


def names(G, keys):
    return sorted(G.nodes[k]["name"] for k in keys)
