"""graphkit's graph store: Bolt (neo4j driver) to embedded ArcadeDB or to Neo4j.

    from graphkit.store import connect
    with connect() as store:            # embedded server under ./.graphkit (or GRAPHKIT_HOME)
        store.write_extractions(extractions)
        cols, rows = store.run_saved("who_backs", {"name": "HTS"})
"""
from .cypher import SavedQuery, cypher_dir, write_clause
from .server import ServerError, ServerHandle, ensure_server, resolve_home, serve
from .store import ReadOnlyError, Store, StoreError, connect, to_jsonable
from .options import StoreOptions

__all__ = ["connect", "Store", "StoreOptions", "StoreError", "ReadOnlyError", "SavedQuery", "serve", "ensure_server",
           "ServerHandle", "ServerError", "resolve_home", "cypher_dir", "write_clause", "to_jsonable"]
