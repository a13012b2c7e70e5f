"""The graph store: one code path over Bolt (neo4j driver, managed transactions)
to either the embedded ArcadeDB server (graphkit.store.server) or a Neo4j given
by a URI.

Values are always query parameters. The only things formatted into query text
are labels and relationship types from the fixed sets graphkit.model.ENTITY_KINDS
and graphkit.model.RELATION_TYPES, each checked right where it is formatted.
"""
from __future__ import annotations

import os
import random
import time
import weakref
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable, Mapping

import networkx as nx
from neo4j import READ_ACCESS, WRITE_ACCESS, GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired
from neo4j.graph import Node, Path as GPath, Relationship

from ..graph import assemble
from ..model import CLAIM_FIELDS, DOCUMENT_FIELDS, ENTITY_KINDS, RELATION_TYPES, Extraction
from . import access
from . import server as _server
from .cypher import SavedQuery, cypher_dir, load_saved_queries, split_statements
from .errors import FilesNotAllowed, ReadOnlyError, StoreError, StoreUnavailable  # noqa: F401 (re-exported)
from .settings import ServerSettings, check_files_folder, default_timeout

BATCH = 1000
WRITE_ATTEMPTS = 8
# A statement's rows stay far below the server's per-query heap budget (half the JVM
# heap by default: 256 MB with the 512 MiB an ingest gives its server), whatever the
# size of one document: at most this many claims (or mention links) per statement and
# per document row, and about this many characters of values.
ROWS_PER_STATEMENT = 500
ITEMS_PER_ROW = 100
CHARS_PER_STATEMENT = 2_000_000
# A dead server is reported within seconds (the driver's default is to retry for 30 s).
DRIVER_OPTIONS: dict[str, Any] = {"connection_timeout": 5.0, "max_transaction_retry_time": 2.0}


def _conflict(e: Exception) -> bool:
    """A write lost a race with a concurrent one (unique key taken meanwhile, or an
    optimistic-concurrency conflict in ArcadeDB): worth running again."""
    code = getattr(e, "code", None) or ""
    text = f"{code} {getattr(e, 'message', '') or e}"
    return (code.endswith("ConstraintValidationFailed") or "ConcurrentModification" in text
            or "DuplicatedKey" in text or "NeedRetry" in text or ".TransientError." in code)
_SUMMARY_TYPES = "|".join(RELATION_TYPES)


_OPEN_STORES: "weakref.WeakSet[Store]" = weakref.WeakSet()


def _after_fork_in_child() -> None:
    """A forked child (spaCy's parser workers) must not keep this process's claim on
    the embedded server: the claim is a shared flock on HOME/clients, and a child
    holding a copy of that descriptor would keep the server up after this process
    dies (kill -9), and the server would never idle out. Close the child's copies."""
    for store in list(_OPEN_STORES):
        h = store.server
        fd = getattr(h, "_clients_fd", None) if h is not None else None
        if h is not None and fd is not None:
            try:
                os.close(fd)
            except OSError:
                pass
            h._clients_fd = None
        store._closed = True     # the child never closes the parent's driver or server


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


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


def to_jsonable(v: Any) -> Any:
    """neo4j values -> plain JSON-able values (nodes, relationships, paths, temporals)."""
    if isinstance(v, Node):
        return {"id": v.element_id, "labels": sorted(v.labels), "properties": to_jsonable(dict(v))}
    if isinstance(v, Relationship):
        return {"id": v.element_id, "type": v.type,
                "start": v.start_node.element_id if v.start_node is not None else None,
                "end": v.end_node.element_id if v.end_node is not None else None,
                "properties": to_jsonable(dict(v))}
    if isinstance(v, GPath):
        return {"nodes": [to_jsonable(n) for n in v.nodes],
                "relationships": [to_jsonable(r) for r in v.relationships]}
    if isinstance(v, dict):
        return {k: to_jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [to_jsonable(x) for x in v]
    if hasattr(v, "iso_format"):
        return v.iso_format()
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def _read_all(tx, cypher: str, params: dict | None = None) -> tuple[list[str], list[dict]]:
    res = tx.run(cypher, params or {})
    keys = list(res.keys())
    rows = [{k: rec[k] for k in keys} for rec in res]
    return keys, rows


def _rows(tx, cypher: str, **params) -> list[dict]:
    return _read_all(tx, cypher, params)[1]


class Store:
    """A connection to the graph store. Use :func:`connect`."""

    def __init__(self, driver, database: str, server: _server.ServerHandle | None = None,
                 backend: str = "neo4j"):
        self.driver = driver            # graphkit's own fixed queries (root on the embedded store)
        self.database = database
        self.server = server
        self.backend = backend          # "arcadedb" (embedded) or "neo4j" (a URI)
        self._drivers: dict[str, Any] = {}   # user -> driver, for users' queries (graphkit.store.access)
        self._closed = False
        _OPEN_STORES.add(self)

    # ------------------------------------------------------------ plumbing
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            for d in self._drivers.values():
                d.close()
            self.driver.close()
        finally:
            if self.server is not None:
                self.server.close()

    def driver_for(self, user: str | None):
        """The driver that runs a user's query as ``user`` (graphkit.store.access) on the
        embedded store; on Neo4j, the one driver (READ access mode guards reads there)."""
        if self.server is None or user in (None, access.ROOT):
            return self.driver
        d = self._drivers.get(user)
        if d is None:
            d = GraphDatabase.driver(self.server.uri, auth=(user, self.server.password_of(user)), **DRIVER_OPTIONS)
            self._drivers[user] = d
        return d

    def unavailable(self, e: Exception) -> StoreUnavailable:
        """One line for a server that went away or cannot be reached."""
        h = self.server
        if h is not None and h.gone(wait=1.0):
            return StoreUnavailable(f"the graphkit server (pid {h.pid}) of {h.home} has stopped; "
                                    f"see {h.home / 'server.log'}")
        where = h.uri if h is not None else "the Neo4j server"
        return StoreUnavailable(f"lost the connection to {where}: {getattr(e, 'message', None) or e}")

    def _session(self, driver=None, write: bool = True):
        return (driver or self.driver).session(database=self.database,
                                               default_access_mode=WRITE_ACCESS if write else READ_ACCESS)

    def _read(self, fn, *args):
        try:
            with self._session(write=False) as s:
                return s.execute_read(fn, *args)
        except (ServiceUnavailable, SessionExpired) as e:
            raise self.unavailable(e) from None

    def _write(self, fn, *args):
        try:
            with self._session() as s:
                return s.execute_write(fn, *args)
        except (ServiceUnavailable, SessionExpired) as e:
            raise self.unavailable(e) from None

    def backfill(self) -> bool:
        """Bring a store written by an older graphkit up to date, once: the named steps
        of graphkit.store.migrations. True if any ran."""
        from .migrations import migrate

        def fn(tx):
            return bool(migrate(tx))
        try:
            return self._write(fn)
        except Neo4jError as e:
            # two commands connecting at once: the Meta.id constraint lets one of them do it
            if "onstraint" in (e.code or "") or "duplicat" in str(e).lower() or "unique" in str(e).lower():
                return False
            raise

    def apply_schema(self, path: Path | None = None) -> list[str]:
        """Run cypher/schema.cypher, one statement per transaction. Returns statements run."""
        path = path or cypher_dir() / "schema.cypher"
        done = []
        for stmt in split_statements(path.read_text(encoding="utf-8")):
            try:
                self._write(lambda tx, q=stmt: tx.run(q).consume())
            except Neo4jError as e:
                if (e.code or "").endswith("AlreadyExists"):
                    continue
                raise StoreError(f"schema statement failed: {stmt}\n{e}") from e
            done.append(stmt)
        self.backfill()
        return done

    # ------------------------------------------------------------ writing
    def write_extraction(self, ex: Extraction) -> dict:
        return self.write_extractions([ex])

    def write_extractions(self, extractions: list[Extraction]) -> dict:
        """Load whole documents in ONE write transaction (all or none).

        A document whose id is already stored (or repeated in the list) is skipped
        entirely. Summary edges of the touched (subject, relation, object) triples
        gain the new asserted claims (see :meth:`_add_to_summary`)."""
        extractions = list(extractions)
        if not extractions:
            return {"documents_added": 0, "documents_skipped": 0, "entities_added": 0,
                    "claims_added": 0, "edges": 0}
        for attempt in range(WRITE_ATTEMPTS):
            try:
                return self._write(self._write_tx, extractions)
            except Neo4jError as e:
                # Another writer (a second ingest on the same store) committed some of
                # these documents or entities first, or touched the same records: the
                # whole transaction was rolled back; run it again, it skips what is there.
                if attempt + 1 >= WRITE_ATTEMPTS or not _conflict(e):
                    raise
                time.sleep(0.05 * 2 ** attempt + random.random() * 0.05)
        raise AssertionError("unreachable")

    @staticmethod
    def _write_tx(tx, extractions: list[Extraction]) -> dict:
        ids = list(dict.fromkeys(ex.document.id for ex in extractions))
        existing = {r["id"] for r in _rows(
            tx, KNOWN_DOCUMENTS, ids=ids)}
        todo, seen = [], set(existing)
        for ex in extractions:
            if ex.document.id not in seen:
                seen.add(ex.document.id)
                todo.append(ex)
        skipped = len(extractions) - len(todo)

        ents: dict[str, dict[str, Any]] = {}
        docs, mentions, part_of, claims = [], set(), set(), {}
        for ex in todo:
            d = ex.document.meta()
            docs.append({"id": d["id"], "props": {k: v for k, v in d.items() if v is not None}})
            doc_ents = list(ex.entities)
            for c in ex.claims:
                doc_ents += [c.subject, c.object]
            for e in doc_ents:
                cur = ents.get(e.key)
                if cur is None:
                    ents[e.key] = {"key": e.key, "name": e.name, "kind": _kind(e.kind),
                                   "aliases": list(dict.fromkeys(e.aliases)), "part_of": e.part_of}
                else:
                    cur["aliases"] = list(dict.fromkeys(cur["aliases"] + list(e.aliases)))
                    cur["part_of"] = cur["part_of"] or e.part_of
                mentions.add((e.key, ex.document.id))
                if e.part_of:
                    part_of.add((e.key, e.part_of))
            for c in ex.claims:
                row = c.row()
                props = {k: v for k, v in row.items() if k not in ("subject", "object") and v is not None}
                props["pair"] = f"{c.subject.key}|{c.relation}|{c.object.key}"   # indexed: the claims of one edge
                if d["published"] is not None:      # the document's date, so queries order claims without a hop
                    props["published"] = d["published"]
                if c.attributed_to and not c.negated:   # indexed: named sources on one object and relation
                    props["claimed"] = f"{c.object.key}|{c.relation}"
                if c.negated:                            # indexed: denials on one object and relation
                    props["denied"] = f"{c.object.key}|{c.relation}"
                claims[c.id] = {"id": c.id, "subject": c.subject.key, "object": c.object.key,
                                "doc": c.doc, "props": props}

        keys = list(ents)
        stored = {r["k"]: r["aliases"] or [] for chunk in _chunks(keys) for r in _rows(
            tx, "UNWIND $keys AS k MATCH (e:Entity {key: k}) RETURN e.key AS k, e.aliases AS aliases",
            keys=chunk)}
        old_claims = {r["id"] for chunk in _chunks(list(claims)) for r in _rows(
            tx, "UNWIND $ids AS id MATCH (c:Claim {id: id}) RETURN c.id AS id", ids=chunk)}

        for chunk in _chunks(docs):
            tx.run("UNWIND $rows AS row MERGE (d:Document {id: row.id}) "
                   "ON CREATE SET d += row.props", rows=chunk).consume()
        # Entities: new ones are created with their look-up names; a stored one is only
        # touched when this batch brings aliases it does not have yet (at scale, most
        # entities of a batch are stored hubs: nothing to write for them).
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
        # Every document in `todo` was absent when this transaction looked (above), so
        # its claims and their links are new: CREATE them (its mention links are MERGEd,
        # see below). (MERGE on a
        # relationship checks the existing ones, and a hub entity mentioned in
        # thousands of documents made every batch slower than the one before.) A
        # concurrent transaction adding the same document fails on the Document.id
        # unique constraint at commit and is rolled back whole.
        per_doc = defaultdict(list)
        for k, d in sorted(mentions):
            per_doc[d].append(k)
        for chunk in _per_document(per_doc, "keys"):
            # MERGE, not CREATE: a crash of the server mid-commit was seen (tests/test_crash.py,
            # 1 run in 3) to leave a document's mention links behind; re-running must not double them
            tx.run("UNWIND $rows AS row MATCH (d:Document {id: row.doc}) UNWIND row.keys AS k "
                   "MATCH (e:Entity {key: k}) MERGE (d)<-[:MENTIONED_IN]-(e)", rows=chunk).consume()
        for chunk in _chunks([{"key": k, "part_of": p} for k, p in sorted(part_of)]):
            tx.run("UNWIND $rows AS row MATCH (e:Entity {key: row.key}) MATCH (p:Entity {key: row.part_of}) "
                   "MERGE (e)-[:PART_OF]->(p)", rows=chunk).consume()
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

        edges = Store._add_to_summary(tx, new_claims)
        return {"documents_added": len(todo), "documents_skipped": skipped,
                "entities_added": len(set(keys) - set(stored)),
                "claims_added": len(new_claims), "edges": edges}

    @staticmethod
    def _add_to_summary(tx, new_claims: list[dict]) -> int:
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

    # ------------------------------------------------------------ querying
    def query(self, cypher: str, params: dict | None = None, write: bool = False,
              timeout: float | None = None, allow_files: bool = False) -> tuple[list[str], list[dict]]:
        """Run a user's Cypher; returns (columns, rows of JSON-able values).

        Read-only unless write=True, enforced by the server: on the embedded store the
        query runs as a user who may only read (or, with write=True, only change
        records and schema), on Neo4j in a READ access mode transaction. LOAD CSV
        reads files only with allow_files=True, from the folder the embedded server
        was started with (connect(allow_files=DIR)). The server stops the query after
        ``timeout`` seconds (default $GRAPHKIT_QUERY_TIMEOUT or 60; 0: no limit but
        the server's own). See graphkit.store.user_query."""
        from .user_query import run_user_query
        return run_user_query(self, cypher, params, write=write, allow_files=allow_files,
                              timeout=default_timeout() if timeout is None else timeout)

    def stats(self) -> dict:
        """{"labels": {Document, Entity, Claim, <each kind>: n}, "relations": {<summary type>: n}}."""
        def fn(tx):
            labels = dict.fromkeys(("Document", "Entity", "Claim") + ENTITY_KINDS, 0)
            for r in _rows(tx, "MATCH (n) RETURN labels(n) AS labels, count(*) AS n"):
                for lab in r["labels"]:
                    if lab != "Meta":   # graphkit's own bookkeeping
                        labels[lab] = labels.get(lab, 0) + int(r["n"])
            rels = dict.fromkeys(RELATION_TYPES, 0)
            for r in _rows(tx, f"MATCH ()-[r:{_SUMMARY_TYPES}]->() RETURN type(r) AS t, count(*) AS n"):
                rels[r["t"]] = int(r["n"])
            return {"labels": labels, "relations": rels}
        return self._read(fn)

    def known_documents(self, ids: list[str]) -> set[str]:
        """Which of these document ids the store already holds (ingest skips their extraction)."""
        rows = self._read(lambda tx: _rows(tx, KNOWN_DOCUMENTS, ids=ids))
        return {r["id"] for r in rows}

    def known_urls(self, urls: list[str]) -> set[str]:
        """Which of these URLs a stored document was read from (``source``) or names as
        its canonical URL (``url``): web ingest skips fetching them again."""
        def fn(tx):
            return {r["u"] for prop in ("url", "source") for r in _rows(
                tx, f"UNWIND $urls AS u MATCH (d:Document {{{prop}: u}}) RETURN DISTINCT u", urls=urls)}
        return self._read(fn) if urls else set()

    def find_entities(self, name: str) -> list[dict]:
        """Entities whose key equals ``name`` or whose name or an alias equals it, ignoring case."""
        return self._read(lambda tx: _rows(
            tx, "MATCH (:Name {lower: $q})-[:NAMES]->(e:Entity) "
                "RETURN e.key AS key, e.name AS name, e.kind AS kind ORDER BY key", q=name.lower()))

    def load_graph(self, entity: str | None = None, hops: int = 1, keys: list[str] | None = None,
                   since: str | None = None, until: str | None = None,
                   include_unasserted: bool = True) -> nx.MultiDiGraph:
        """The browsing graph (graphkit.graph.assemble) of the whole store, of the
        neighbourhood of ``entity`` (key, or name/alias ignoring case) within ``hops``
        summary-edge hops (either direction), or of exactly ``keys``.

        since/until (ISO dates, inclusive) keep claims whose document's ``published``
        is in range; claims of undated documents are then left out, as are entities
        not mentioned in a document in range. Raises LookupError if ``entity``
        matches nothing."""
        return self._read(self._load_graph_tx, entity, hops, keys, since, until, include_unasserted)

    def _load_graph_tx(self, tx, entity, hops, keys, since, until, include_unasserted):
        selected: set[str] | None = None
        if keys is not None:
            selected = set(keys)
        elif entity is not None:
            start = {r["key"] for r in _rows(
                tx, "MATCH (:Name {lower: $q})-[:NAMES]->(e:Entity) "
                    "RETURN e.key AS key", q=entity.lower())}
            if not start:
                raise LookupError(f"no entity matches {entity!r}")
            selected, frontier = set(start), set(start)
            for _ in range(max(0, int(hops))):
                if not frontier:
                    break
                nxt = {r["k"] for r in _rows(
                    tx, f"UNWIND $keys AS k MATCH (a:Entity {{key: k}})-[:{_SUMMARY_TYPES}]-(b:Entity) "
                        "RETURN DISTINCT b.key AS k", keys=sorted(frontier))}
                frontier = nxt - selected
                selected |= nxt
        dated = since is not None or until is not None

        def in_range(pub):
            if not dated:
                return True
            if pub is None:
                return False
            return (since is None or pub >= since) and (until is None or pub <= until)

        docs = {r["id"]: r for r in _rows(
            tx, "MATCH (d:Document) RETURN d.id AS id, " + ", ".join(f"d.{k} AS {k}" for k in DOCUMENT_FIELDS))
            if in_range(r["published"])}

        where = ["true"] if selected is None else ["s.key IN $keys", "o.key IN $keys"]
        if not include_unasserted:
            where.append("c.negated = false AND c.hedged = false")
        claims = [r for r in _rows(
            tx, "MATCH (s:Entity)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(o:Entity) WHERE " + " AND ".join(where) +
                " RETURN s.key AS subject, o.key AS object, c.relation AS relation, "
                + ", ".join(f"c.{k} AS {k}" for k in CLAIM_FIELDS),
            keys=sorted(selected or []))
            if r["doc"] in docs]

        ent_where = "" if selected is None else "WHERE e.key IN $keys "
        ents = {r["key"]: r for r in _rows(
            tx, f"MATCH (e:Entity) {ent_where}RETURN e.key AS key, e.name AS name, e.kind AS kind, "
                "e.aliases AS aliases", keys=sorted(selected or []))}
        mention_docs = defaultdict(set)
        for r in _rows(tx, f"MATCH (e:Entity)-[:MENTIONED_IN]->(d:Document) {ent_where}"
                           "RETURN e.key AS key, d.id AS doc", keys=sorted(selected or [])):
            if r["doc"] in docs:
                mention_docs[r["key"]].add(r["doc"])
        part_of = {r["key"]: r["p"] for r in _rows(
            tx, f"MATCH (e:Entity)-[:PART_OF]->(p:Entity) {ent_where}RETURN e.key AS key, p.key AS p",
            keys=sorted(selected or []))}
        in_claims = {k for c in claims for k in (c["subject"], c["object"])}
        entities = []
        for k, e in ents.items():
            if dated and k not in mention_docs and k not in in_claims:
                continue
            e = dict(e, aliases=list(e["aliases"] or []), part_of=part_of.get(k),
                     docs=len(mention_docs.get(k, ())))
            entities.append(e)
        if selected is not None or dated:
            used = {c["doc"] for c in claims} | {d for s in mention_docs.values() for d in s}
            docs = {i: d for i, d in docs.items() if i in used}
        return assemble(docs.values(), entities, claims)

    # ------------------------------------------------------------ saved queries
    def saved_queries(self) -> dict[str, SavedQuery]:
        return load_saved_queries()

    def run_saved(self, name: str, params: dict | None = None, timeout: float | None = None
                  ) -> tuple[list[str], list[dict]]:
        """Run a saved query (read-only). Every declared parameter must be given."""
        queries = self.saved_queries()
        if name not in queries:
            raise KeyError(f"no saved query {name!r}; have: {', '.join(sorted(queries))}")
        q = queries[name]
        params = dict(params or {})
        for p, desc in q.params.items():
            if p not in params and desc.startswith("optional"):
                params[p] = None
        missing = [p for p in q.params if p not in params]
        if missing:
            raise ValueError(f"saved query {name!r} needs parameter(s): {', '.join('$' + p for p in missing)}")
        stmts = split_statements(q.text)
        if len(stmts) != 1:
            raise StoreError(f"saved query {name!r} must hold exactly one statement")
        return self.query(stmts[0], params, timeout=timeout)

    def clear(self) -> None:
        """Delete everything (nodes and relationships; the schema stays)."""
        self._write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())


def write_batch(store: Store, extractions: list[Extraction]) -> tuple[dict, list[tuple[Extraction, str]]]:
    """Write a batch in one transaction; if the store refuses it (a lost race is retried
    inside write_extractions), write its documents one at a time, so a document the
    store cannot take never costs the others. Returns the totals and the documents
    not stored, each with the reason. A server that went away is raised at once."""
    try:
        return store.write_extractions(extractions), []
    except (Neo4jError, ValueError) as e:
        if len(extractions) <= 1:
            return _no_writes(), [(ex, _reason(e)) for ex in extractions]
    totals, failed = _no_writes(), []
    for ex in extractions:
        try:
            for k, v in store.write_extractions([ex]).items():
                totals[k] += v
        except (Neo4jError, ValueError) as e:
            failed.append((ex, _reason(e)))
    return totals, failed


def _no_writes() -> dict:
    return {"documents_added": 0, "documents_skipped": 0, "entities_added": 0, "claims_added": 0, "edges": 0}


def _reason(e: Exception) -> str:
    return " ".join(str(getattr(e, "message", None) or e).split())


def connect(home: str | os.PathLike | None = None, uri: str | None = None, user: str | None = None,
            password: str | None = None, database: str | None = None, timeout: float = 120.0,
            apply_schema: bool = True, query_timeout: float | None = None,
            allow_files: str | os.PathLike | None = None) -> Store:
    """Open the store: Neo4j at ``uri`` (or $NEO4J_URI; $NEO4J_USER, $NEO4J_PASSWORD,
    $NEO4J_DATABASE, default database "neo4j"), else the embedded ArcadeDB server of
    ``home`` (started or shared, see graphkit.store.server; database "graphkit").

    For a server this starts: ``query_timeout`` raises its time limit for every
    statement (graphkit.store.settings) to at least that many seconds, and
    ``allow_files`` names the only folder LOAD CSV may read (a running server must
    have been started with that folder: FilesNotAllowed otherwise). ``timeout``
    bounds the wait for the server."""
    uri = uri or os.environ.get("NEO4J_URI")
    handle = None
    if uri:
        if allow_files is not None:
            raise FilesNotAllowed("--allow-files applies to the embedded store; on Neo4j the server's own "
                                  "settings (server.directories.import) decide what LOAD CSV may read")
        user = user or os.environ.get("NEO4J_USER", "neo4j")
        password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
        if password is None:
            raise StoreError("NEO4J_PASSWORD (or password=) is required with a Neo4j URI")
        database = database or os.environ.get("NEO4J_DATABASE", "neo4j")
        backend = "neo4j"
    else:
        home_path = _server.resolve_home(home)
        settings = ServerSettings(timeout=_server_limit(query_timeout),
                                  files=check_files_folder(allow_files, home_path) if allow_files else None)
        handle = _server.ensure_server(home_path, database=database or _server.DEFAULT_DATABASE, timeout=timeout,
                                       settings=settings)
        uri, user, password, database = handle.uri, handle.user, handle.password, handle.database
        backend = "arcadedb"
    driver = None
    try:
        try:
            driver = GraphDatabase.driver(uri, auth=(user, password), **DRIVER_OPTIONS)
            driver.verify_connectivity()
        except (ServiceUnavailable, SessionExpired, OSError) as e:
            raise StoreUnavailable(f"cannot reach the store at {uri}: {getattr(e, 'message', None) or e}") from None
        except AuthError as e:
            raise StoreError(f"the store at {uri} refused user {user!r}: {e.message or e}") from None
        except (DriverError, ValueError) as e:
            raise StoreError(f"cannot connect to {uri}: {getattr(e, 'message', None) or e}") from None
        store = Store(driver, database, server=handle, backend=backend)
        if apply_schema:
            store.apply_schema()
        return store
    except BaseException:
        if driver is not None:
            driver.close()
        if handle is not None:
            handle.close()
        raise


def _server_limit(query_timeout: float | None) -> float:
    """The time limit a server started for a query with this --timeout gets: the
    default, raised to the query's own (0: no limit)."""
    default = default_timeout()
    if query_timeout is None:
        return default
    if query_timeout == 0 or default == 0:
        return 0.0
    return max(float(query_timeout), default)
