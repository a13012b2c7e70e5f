"""graphkit's graph store: Bolt (neo4j driver) to embedded ArcadeDB or to Neo4j.

    from graphkit.store import connect
    with connect() as store:            # embedded server under ./.graphkit (or GRAPHKIT_HOME)
        store.write_extractions(extractions)
        cols, rows = store.run_saved("who_backs", {"name": "HTS"})
"""
from .cypher import SavedQuery, cypher_dir, write_clause
from .errors import (FilesNotAllowed, HomeError, QueryTimeout, ReadOnlyError, ServerError, StoreError,
                     StoreUnavailable)
from .options import StoreOptions
from .server import ServerHandle, ensure_server, resolve_home, serve
from .settings import ServerSettings
from .store import Store, connect, to_jsonable
from .user_query import QueryError

__all__ = ["connect", "Store", "StoreOptions", "StoreError", "ReadOnlyError", "QueryTimeout", "QueryError",
           "StoreUnavailable", "FilesNotAllowed", "HomeError", "SavedQuery", "serve", "ensure_server",
           "ServerHandle", "ServerError", "ServerSettings", "resolve_home", "cypher_dir", "write_clause",
           "to_jsonable"]
