"""Running a user's Cypher: as a store user who may do only what was asked, with a time limit.

What guards what:

* Writes: on the embedded store the query runs as ``reader`` (records: read
  only) or, with ``write=True``, ``writer`` (records and schema, no security);
  on Neo4j in a READ access mode transaction unless ``write=True``. The server
  refuses what the user may not do (``Neo.ClientError.Security.Forbidden``).
  :func:`graphkit.store.cypher.write_clause` only gives an early, friendlier
  message for the obvious cases; it is not the guard.
* Files: only ``allow_files=True`` runs the query as a user who may LOAD CSV
  (graphkit.store.access), and the server reads only the folder it was started
  with. ArcadeDB ties LOAD CSV to the permission that also manages users, so
  after such a query graphkit checks the server's users file and stops the
  server if the query changed it (the next start restores graphkit's users).
* Time: the server stops the query after ``timeout`` seconds
  (graphkit.store.timeout on ArcadeDB, the transaction timeout on Neo4j).
"""
from __future__ import annotations

from neo4j import unit_of_work
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from . import access
from .cypher import load_csv_clause, write_clause
from .errors import FilesNotAllowed, QueryTimeout, ReadOnlyError, StoreError
from .timeout import QueryTimer


class QueryError(StoreError):
    """The server refused or failed a user's query (its code and message)."""

    def __init__(self, message: str, code: str = ""):
        super().__init__(message)
        self.code = code


def run_user_query(store, cypher: str, params: dict | None, write: bool, allow_files: bool,
                   timeout: float) -> tuple[list[str], list[dict]]:
    from .store import _read_all, to_jsonable
    _early_refusal(store, cypher, write, allow_files)
    embedded = store.server is not None
    user = access.role(write=write, files=allow_files) if embedded else None
    driver = store.driver_for(user)
    timer = QueryTimer(driver, store.database, timeout if embedded else None)

    def fn(tx):
        keys, rows = _read_all(tx, timer.text(cypher), params)
        return keys, [{k: to_jsonable(v) for k, v in r.items()} for r in rows]
    if not embedded and timeout:
        fn = unit_of_work(timeout=timeout)(fn)
    try:
        with timer, store._session(driver, write=write) as s:
            return s.execute_write(fn) if write else s.execute_read(fn)
    except (ServiceUnavailable, SessionExpired) as e:
        raise store.unavailable(e) from None
    except Neo4jError as e:
        raise _explain(store, e, write, timer, timeout) from None
    finally:
        if allow_files and embedded and store.server.users_changed():
            store.server.kill_server()
            raise ReadOnlyError("the query changed the store's users (CREATE/ALTER/DROP USER): the server "
                                f"(pid {store.server.pid}) was stopped; graphkit restores its users when it "
                                "next starts")


def _early_refusal(store, cypher: str, write: bool, allow_files: bool) -> None:
    """Friendly messages for what the server would refuse anyway."""
    if not write:
        clause = write_clause(cypher)
        if clause and not (clause == "LOAD CSV" and allow_files):
            raise ReadOnlyError(f"query contains {clause}: refused, the query is read-only "
                                "(`graphkit query --write` runs writes)")
    if load_csv_clause(cypher) and not allow_files:
        raise ReadOnlyError("query contains LOAD CSV: queries read no files unless you name the folder they "
                            "may read (--allow-files DIR / allow_files=True)")
    if allow_files and store.server is not None and store.server.settings.files is None:
        raise FilesNotAllowed(f"the graphkit server of {store.server.home} (pid {store.server.pid}) was started "
                              "without --allow-files: connect with allow_files=DIR")


def _explain(store, e: Neo4jError, write: bool, timer: QueryTimer, timeout: float) -> StoreError:
    code = e.code or ""
    message = " ".join(str(e.message or e).split())
    if "TransactionTimedOut" in code or (code.endswith("Terminated") and timer.fired):
        limit = store.server.settings.timeout if store.server is not None else None
        if timer.fired or limit is None:
            return QueryTimeout(f"the query ran longer than {timeout:g}s and the server stopped it "
                                "(raise the limit with --timeout)")
        return QueryTimeout(f"the query ran longer than the server's limit of {limit:g}s and the server stopped "
                            "it (a server's limit is set when it starts: graphkit serve --timeout, or "
                            "$GRAPHKIT_QUERY_TIMEOUT)")
    if code.startswith("Neo.ClientError.Security.Forbidden") or "in read access mode" in message.lower() \
            or code.endswith("ForbiddenOnReadOnlyDatabase") or code.endswith("AccessMode"):
        what = "the store refused it" + ("" if write else " (the query is read-only; `graphkit query --write` "
                                                          "runs writes)")
        return ReadOnlyError(f"{what}: {message}")
    return QueryError(f"the store: {message} ({code.rsplit('.', 1)[-1] or type(e).__name__})", code)
