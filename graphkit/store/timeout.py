"""A per-query time limit, enforced in the server.

ArcadeDB's Bolt server ignores the driver's transaction timeout, and its own
limit (``arcadedb.command.timeout``) is JVM-wide (graphkit.store.settings). So a
query graphkit runs for a user carries a unique tag in a leading comment, and a
timer stops it when its time is up: it looks the tagged query up in
``SHOW TRANSACTIONS`` (a user sees their own) and ``TERMINATE TRANSACTIONS`` it.
The server then stops executing it and the client gets
``Neo.ClientError.Transaction.Terminated``. If the graphkit process dies first,
the server's own limit still stops the query.

On Neo4j the driver's transaction timeout does the same (see Store.query).
"""
from __future__ import annotations

import threading
import uuid


class QueryTimer:
    """Context manager: ``with QueryTimer(driver, db, 5) as t: tx.run(t.text(q))``."""

    def __init__(self, driver, database: str, seconds: float | None):
        self.driver = driver
        self.database = database
        self.seconds = seconds
        self.tag = f"graphkit-query:{uuid.uuid4().hex}"
        self.fired = False
        self._timer: threading.Timer | None = None

    def text(self, cypher: str) -> str:
        return f"/* {self.tag} */ {cypher}" if self.seconds else cypher

    def __enter__(self) -> "QueryTimer":
        if self.seconds:
            self._timer = threading.Timer(self.seconds, self._terminate)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def _terminate(self) -> None:
        self.fired = True
        try:
            with self.driver.session(database=self.database) as s:
                for r in s.run("SHOW TRANSACTIONS").data():
                    if self.tag in str(r.get("currentQuery") or "") and r.get("transactionId"):
                        s.run("TERMINATE TRANSACTIONS $id", id=r["transactionId"]).consume()
        except Exception:   # the query may have ended meanwhile, or the server gone: nothing to stop
            pass
