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
from typing import Any

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
from .writes import (  # noqa: F401 (re-exported: migrations and user_query read them from here)
    BATCH, KNOWN_DOCUMENTS, NAMES_UPSERT, RECENT, _chunks, _kind, _names, _read_all, _rel, _rows, recent_key, write_tx)

WRITE_ATTEMPTS = 8
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
        gain the new asserted claims (see :func:`graphkit.store.writes.add_to_summary`)."""
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

    # the write transaction (graphkit.store.writes); a name of the class so tests can stand in for it
    _write_tx = staticmethod(write_tx)

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
            selected = _neighbourhood(tx, entity, hops)
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


def _neighbourhood(tx, entity: str, hops: int) -> set[str]:
    """The keys of the entities an entity's look-up name names, and of those within ``hops``
    summary edges of them."""
    start = {r["key"] for r in _rows(
        tx, "MATCH (:Name {lower: $q})-[:NAMES]->(e:Entity) RETURN e.key AS key", q=entity.lower())}
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
    return selected


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
