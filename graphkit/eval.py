"""Precision, recall and F1 of extracted relations against a gold file.

The gold format (graphkit-gold/1) lists entities with aliases, per-document
aliases and relations (optional ones neither count as missed nor as wrong).
Predicted names are mapped to gold entities the same way the project's shared
scorer does: document aliases, then global aliases (exact after normalising case,
quotes, articles and possessives), then the longest alias inside the name; when the
canonical name maps to nothing, the same is tried with the surface mention.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable


def norm(name: str) -> str:
    s = name.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = re.sub(r"^[\"'\s]+|[\"'\s.,;:]+$", "", s)
    s = re.sub(r"^(the|a|an)\s+", "", s)
    return re.sub(r"\s+", " ", s).strip()


class Mapper:
    def __init__(self, gold: dict):
        self.alias: dict[str, str] = {}
        for eid, ent in gold["entities"].items():
            self.alias[norm(eid.replace("_", " "))] = eid
            for a in ent["aliases"]:
                self.alias[norm(a)] = eid
        self.doc_alias = {d: {norm(a): t for a, t in v.get("aliases", {}).items()}
                          for d, v in gold["documents"].items()}
        self._order = {a: i for i, a in enumerate(self.alias)}
        self._seen: dict[tuple[str, str], str | None] = {}

    def __call__(self, doc: str, name: str) -> str | None:
        key = (doc, name)
        if key not in self._seen:
            self._seen[key] = self._map(doc, name)
        return self._seen[key]

    def _map(self, doc: str, name: str) -> str | None:
        n = norm(name)
        da = self.doc_alias.get(doc, {})
        for variant in (n, re.sub(r"'s$", "", n)):
            if variant in da:
                return da[variant]
            if variant in self.alias:
                return self.alias[variant]
        # the longest alias inside the name as whole words (the document's aliases first, then
        # the entities' in their order): every stretch of the name between word boundaries
        best, rank = None, None
        da_order = {a: i for i, a in enumerate(da)}
        for a in _stretches(n):
            for t, (table, order) in enumerate(((da, da_order), (self.alias, self._order))):
                if a in table:
                    r = (-len(a), t, order[a])
                    if rank is None or r < rank:
                        best, rank = table[a], r
        return best


def _stretches(n: str) -> set[str]:
    """Every substring of n that starts and ends at a word boundary (not inside a run of
    word characters and hyphens): what '(?<![\\w-])alias(?![\\w-])' can match."""
    inner = [bool(re.match(r"[\w-]", ch)) for ch in n]
    starts = [p for p in range(len(n)) if p == 0 or not inner[p - 1]]
    ends = [q for q in range(1, len(n) + 1) if q == len(n) or not inner[q]]
    return {n[p:q] for p in starts for q in ends if q > p}


_MAPPERS: list[tuple[dict, Mapper]] = []


def mapper_for(gold: dict) -> Mapper:
    """One Mapper per gold file (it caches what names map to)."""
    for g, m in _MAPPERS:
        if g is gold:
            return m
    m = Mapper(gold)
    _MAPPERS[:] = _MAPPERS[-3:] + [(gold, m)]
    return m


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def score(gold: dict, preds: Iterable[dict]) -> dict:
    """{'overall': {...}, 'by_relation': {REL: {...}}, 'documents': {doc: {tp, fp, fn lists}}}"""
    scored = set(gold["scored_relations"])
    m = mapper_for(gold)
    required, optional = defaultdict(set), defaultdict(set)
    for d, v in gold["documents"].items():
        for r in v["relations"]:
            (optional if r.get("optional") else required)[d].add((r["s"], r["r"], r["o"]))
    predicted = defaultdict(set)
    for p in preds:
        if p.get("relation") not in scored or p.get("doc") not in gold["documents"]:
            continue
        # the canonical name first; the surface mention when the name is not a gold alias
        s = m(p["doc"], p["subject"]) or (p.get("subject_mention") and m(p["doc"], p["subject_mention"]))
        o = m(p["doc"], p["object"]) or (p.get("object_mention") and m(p["doc"], p["object_mention"]))
        predicted[p["doc"]].add((s or "?" + p["subject"], p["relation"], o or "?" + p["object"]))
    per_rel = defaultdict(lambda: [0, 0, 0])
    docs = {}
    for d in gold["documents"]:
        req, opt, pred = required[d], optional[d], predicted[d]
        tp, fp, fn = req & pred, pred - req - opt, req - pred
        for i, group in enumerate((tp, fp, fn)):
            for t in group:
                per_rel[t[1]][i] += 1
        docs[d] = {"tp": sorted(tp), "fp": sorted(fp), "fn": sorted(fn)}
    tot = [sum(v[i] for v in per_rel.values()) for i in range(3)]
    return {"overall": prf(*tot), "by_relation": {k: prf(*v) for k, v in sorted(per_rel.items())}, "documents": docs}
