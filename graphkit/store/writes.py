"""The write transaction of the graph store: whole documents with their entities, claims
and summary edges, in one transaction (:meth:`graphkit.store.store.Store.write_extractions`
runs it and retries it on a lost race).

Values are always query parameters; the only things formatted into query text are labels
and relationship types from graphkit.model.ENTITY_KINDS and RELATION_TYPES, each checked
where it is formatted (:func:`_kind`, :func:`_rel`).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable, Mapping

from ..model import ENTITY_KINDS, RELATION_TYPES, Extraction

BATCH = 1000
# A statement's rows stay far below the server's per-query heap budget (half the JVM
# heap by default: 256 MB with the 512 MiB an ingest gives its server), whatever the
# size of one document: at most this many claims (or mention links) per statement and
# per document row, and about this many characters of values.
ROWS_PER_STATEMENT = 500
ITEMS_PER_ROW = 100
CHARS_PER_STATEMENT = 2_000_000


KNOWN_DOCUMENTS = "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id"
NAMES_UPSERT = ("UNWIND $rows AS row MATCH (e:Entity {key: row.key}) UNWIND row.names AS nm "
                "MERGE (n:Name {lower: nm}) MERGE (n)-[:NAMES]->(e)")


RECENT = 5   # claims kept on a summary edge as its most recent evidence


def recent_key(published: str | None, claim_id: str) -> str:
    """Sorts by date, newest last (undated first); the claim id after the '|'."""
    return f"{published or ''}|{claim_id}"


def _names(e: dict) -> list[str]:
    """The lower-cased key, name and aliases an entity is looked up by."""
    return sorted({x.lower() for x in [e["key"], e["name"], *(e.get("aliases") or [])] if x})


def _rel(rel: str) -> str:
    if rel not in RELATION_TYPES:
        raise ValueError(f"relation {rel!r} is not one of graphkit.model.RELATION_TYPES")
    return rel


def _kind(kind: str) -> str:
    if kind not in ENTITY_KINDS:
        raise ValueError(f"entity kind {kind!r} is not one of graphkit.model.ENTITY_KINDS")
    return kind


def _chunks(rows: list, n: int = BATCH) -> Iterable[list]:
    for i in range(0, len(rows), n):
        yield rows[i:i + n]


def _sized(value) -> int:
    """Characters of the strings in a value (what a statement's rows weigh, roughly)."""
    if isinstance(value, str):
        return len(value) + 8
    if isinstance(value, dict):
        return sum(len(k) + _sized(v) for k, v in value.items()) + 8
    if isinstance(value, (list, tuple)):
        return sum(_sized(v) for v in value) + 8
    return 8


def _per_document(items: Mapping[Any, list], key: str) -> Iterable[list[dict]]:
    """Statements' rows ``{"doc": id, key: [...]}`` from each document's items: a row
    holds at most ITEMS_PER_ROW items, a statement ROWS_PER_STATEMENT items and about
    CHARS_PER_STATEMENT characters, so one huge document is written in many statements."""
    rows: list[dict] = []
    n = chars = 0
    for doc, xs in items.items():
        for part in _chunks(xs, ITEMS_PER_ROW):
            size = _sized(part)
            if rows and (n + len(part) > ROWS_PER_STATEMENT or chars + size > CHARS_PER_STATEMENT):
                yield rows
                rows, n, chars = [], 0, 0
            rows.append({"doc": doc, key: part})
            n += len(part)
            chars += size
    if rows:
        yield rows


def _read_all(tx, cypher: str, params: dict | None = None) -> tuple[list[str], list[dict]]:
    res = tx.run(cypher, params or {})
    keys = list(res.keys())
    rows = [{k: rec[k] for k in keys} for rec in res]
    return keys, rows


def _rows(tx, cypher: str, **params) -> list[dict]:
    return _read_all(tx, cypher, params)[1]


def write_tx(tx, extractions: list[Extraction]) -> dict:
    """Load the documents not stored yet, with their entities, claims and summary edges."""
    todo, skipped = _new_documents(tx, extractions)
    docs, ents, mentions, part_of, claims = _collect(todo)
    keys = list(ents)
    stored = {r["k"]: r["aliases"] or [] for chunk in _chunks(keys) for r in _rows(
        tx, "UNWIND $keys AS k MATCH (e:Entity {key: k}) RETURN e.key AS k, e.aliases AS aliases",
        keys=chunk)}
    old_claims = {r["id"] for chunk in _chunks(list(claims)) for r in _rows(
        tx, "UNWIND $ids AS id MATCH (c:Claim {id: id}) RETURN c.id AS id", ids=chunk)}
    for chunk in _chunks(docs):
        tx.run("UNWIND $rows AS row MERGE (d:Document {id: row.id}) "
               "ON CREATE SET d += row.props", rows=chunk).consume()
    _write_entities(tx, ents, stored)
    _write_links(tx, mentions, part_of)
    new_claims = _write_claims(tx, claims, old_claims)
    edges = add_to_summary(tx, new_claims)
    return {"documents_added": len(todo), "documents_skipped": skipped,
            "entities_added": len(set(keys) - set(stored)),
            "claims_added": len(new_claims), "edges": edges}


def _new_documents(tx, extractions: list[Extraction]) -> tuple[list[Extraction], int]:
    """The extractions whose document is not stored (nor repeated earlier in the list)."""
    ids = list(dict.fromkeys(ex.document.id for ex in extractions))
    existing = {r["id"] for r in _rows(tx, KNOWN_DOCUMENTS, ids=ids)}
    todo, seen = [], set(existing)
    for ex in extractions:
        if ex.document.id not in seen:
            seen.add(ex.document.id)
            todo.append(ex)
    return todo, len(extractions) - len(todo)


def _collect(todo: list[Extraction]) -> tuple[list[dict], dict[str, dict[str, Any]], set, set, dict]:
    """The rows to write: documents, entities (aliases merged), mention and part-of links, claims."""
    ents: dict[str, dict[str, Any]] = {}
    docs: list[dict] = []
    mentions: set = set()
    part_of: set = set()
    claims: dict = {}
    for ex in todo:
        d = ex.document.meta()
        docs.append({"id": d["id"], "props": {k: v for k, v in d.items() if v is not None}})
        for e in list(ex.entities) + [x for c in ex.claims for x in (c.subject, c.object)]:
            _merge_entity(ents, e)
            mentions.add((e.key, ex.document.id))
            if e.part_of:
                part_of.add((e.key, e.part_of))
        for c in ex.claims:
            claims[c.id] = {"id": c.id, "subject": c.subject.key, "object": c.object.key,
                            "doc": c.doc, "props": _claim_props(c, d["published"])}
    return docs, ents, mentions, part_of, claims


def _merge_entity(ents: dict[str, dict[str, Any]], e) -> None:
    cur = ents.get(e.key)
    if cur is None:
        ents[e.key] = {"key": e.key, "name": e.name, "kind": _kind(e.kind),
                       "aliases": list(dict.fromkeys(e.aliases)), "part_of": e.part_of}
    else:
        cur["aliases"] = list(dict.fromkeys(cur["aliases"] + list(e.aliases)))
        cur["part_of"] = cur["part_of"] or e.part_of


def _claim_props(c, published: str | None) -> dict:
    row = c.row()
    props = {k: v for k, v in row.items() if k not in ("subject", "object") and v is not None}
    props["pair"] = f"{c.subject.key}|{c.relation}|{c.object.key}"   # indexed: the claims of one edge
    if published is not None:           # the document's date, so queries order claims without a hop
        props["published"] = published
    if c.attributed_to and not c.negated:   # indexed: named sources on one object and relation
        props["claimed"] = f"{c.object.key}|{c.relation}"
    if c.negated:                            # indexed: denials on one object and relation
        props["denied"] = f"{c.object.key}|{c.relation}"
    return props


def _write_entities(tx, ents: dict[str, dict[str, Any]], stored: dict[str, list]) -> None:
    """New entities are created with their look-up names; a stored one is only touched when
    this batch brings aliases it does not have yet (at scale, most entities of a batch are
    stored hubs: nothing to write for them)."""
    by_kind, grown, name_rows = defaultdict(list), [], []
    for e in ents.values():
        if e["key"] not in stored:
            by_kind[e["kind"]].append(e)
            name_rows.append({"key": e["key"], "names": _names(e)})
            continue
        have = stored[e["key"]]
        extra = [a for a in e["aliases"] if a not in have]
        if extra:
            grown.append({"key": e["key"], "aliases": have + extra})
            new_names = sorted(set(_names({**e, "aliases": have + extra})) - set(_names({**e, "aliases": have})))
            if new_names:
                name_rows.append({"key": e["key"], "names": new_names})
    for kind, rows in by_kind.items():
        q = (f"UNWIND $rows AS row MERGE (e:Entity:{_kind(kind)} {{key: row.key}}) "
             "ON CREATE SET e.name = row.name, e.kind = row.kind, e.aliases = row.aliases")
        for chunk in _chunks(rows):
            tx.run(q, rows=chunk).consume()
    for chunk in _chunks(grown):
        tx.run("UNWIND $rows AS row MATCH (e:Entity {key: row.key}) SET e.aliases = row.aliases",
               rows=chunk).consume()
    for chunk in _chunks(name_rows):
        tx.run(NAMES_UPSERT, rows=chunk).consume()


def _write_links(tx, mentions: set, part_of: set) -> None:
    """Mention links, MERGEd: a crash of the server mid-commit was seen (tests/test_crash.py, 1
    run in 3) to leave a document's mention links behind; re-running must not double them."""
    per_doc = defaultdict(list)
    for k, d in sorted(mentions):
        per_doc[d].append(k)
    for chunk in _per_document(per_doc, "keys"):
        tx.run("UNWIND $rows AS row MATCH (d:Document {id: row.doc}) UNWIND row.keys AS k "
               "MATCH (e:Entity {key: k}) MERGE (d)<-[:MENTIONED_IN]-(e)", rows=chunk).consume()
    for chunk in _chunks([{"key": k, "part_of": p} for k, p in sorted(part_of)]):
        tx.run("UNWIND $rows AS row MATCH (e:Entity {key: row.key}) MATCH (p:Entity {key: row.part_of}) "
               "MERGE (e)-[:PART_OF]->(p)", rows=chunk).consume()


def _write_claims(tx, claims: dict, old_claims: set) -> list[dict]:
    """Every document written was absent when the transaction looked, so its claims and their
    links are new: CREATE them (MERGE on a relationship checks the existing ones, and a hub
    entity mentioned in thousands of documents made every batch slower than the one before).
    A concurrent transaction adding the same document fails on the Document.id unique
    constraint at commit and is rolled back whole."""
    new_claims = [c for cid, c in claims.items() if cid not in old_claims]
    claims_of = defaultdict(list)
    for c in new_claims:
        claims_of[c["doc"]].append({"id": c["id"], "subject": c["subject"], "object": c["object"],
                                    "props": c["props"]})
    for chunk in _per_document(claims_of, "claims"):
        tx.run("UNWIND $rows AS row MATCH (d:Document {id: row.doc}) UNWIND row.claims AS cl "
               "MATCH (s:Entity {key: cl.subject}) MATCH (o:Entity {key: cl.object}) "
               "CREATE (c:Claim {id: cl.id}) SET c += cl.props "
               "CREATE (c)-[:SUBJECT]->(s) CREATE (c)-[:OBJECT]->(o) CREATE (c)-[:IN]->(d)",
               rows=chunk).consume()
    return new_claims


def add_to_summary(tx, new_claims: list[dict]) -> int:
    """Add this transaction's new asserted claims to their summary edges: weight +=
    their number, docs |= their documents (kept sorted), recent = the RECENT most
    recent of its claims ("published|claim id", newest first; saved queries show
    them without reading every claim of a hub's edge). Incremental, so a batch
    costs the same however large the graph is; equal to a recount from all asserted
    claims because a claim is only ever added once, with its new document, in the
    transaction that creates it."""
    add: dict[tuple[str, str, str], list] = {}
    for c in new_claims:
        p = c["props"]
        if p.get("negated") or p.get("hedged"):
            continue
        w = add.setdefault((c["subject"], _rel(p["relation"]), c["object"]), [0, set(), []])
        w[0] += 1
        w[1].add(c["doc"])
        w[2].append(recent_key(p.get("published"), c["id"]))
    by_rel = defaultdict(list)
    for (s, rel, o), (n, docs, recent) in sorted(add.items()):
        by_rel[rel].append({"s": s, "o": o, "n": n, "docs": sorted(docs), "recent": recent})
    for rel, rows in by_rel.items():
        for chunk in _chunks(rows):
            old = {(r["s"], r["o"]): r for r in _rows(
                tx, "UNWIND $rows AS row MATCH (a:Entity {key: row.s})"
                    f"-[r:{_rel(rel)}]->(b:Entity {{key: row.o}}) "
                    "RETURN row.s AS s, row.o AS o, r.weight AS weight, r.docs AS docs, r.recent AS recent",
                rows=[{"s": r["s"], "o": r["o"]} for r in chunk])}
            keep = []
            for row in chunk:
                f = old.get((row["s"], row["o"])) or {}
                weight = row["n"] + int(f.get("weight") or 0)
                docs = sorted(set(row["docs"]) | set(f.get("docs") or []))
                recent = sorted(set(row["recent"]) | set(f.get("recent") or []), reverse=True)[:RECENT]
                keep.append({"s": row["s"], "o": row["o"], "weight": weight, "docs": docs, "recent": recent})
            tx.run(f"UNWIND $rows AS row MATCH (a:Entity {{key: row.s}}) MATCH (b:Entity {{key: row.o}}) "
                   f"MERGE (a)-[r:{_rel(rel)}]->(b) SET r.weight = row.weight, r.docs = row.docs, "
                   "r.recent = row.recent", rows=keep).consume()
    # Entity.evidence: the sum of the weights of its summary edges (top_actors reads it)
    per_entity: dict[str, int] = defaultdict(int)
    for (s, _, o), (n, _docs, _recent) in add.items():
        per_entity[s] += n
        per_entity[o] += n
    for chunk in _chunks([{"key": k, "n": n} for k, n in sorted(per_entity.items())]):
        tx.run("UNWIND $rows AS row MATCH (e:Entity {key: row.key}) "
               "SET e.evidence = coalesce(e.evidence, 0) + row.n", rows=chunk).consume()
    return len(add)
