"""Where the store is: the options every store-using command and library call shares."""
from __future__ import annotations

import os
from dataclasses import dataclass

from .store import Store, connect


@dataclass(frozen=True)
class StoreOptions:
    """The embedded store under ``home`` (default ./.graphkit, or $GRAPHKIT_HOME), or a
    Neo4j at ``uri`` ($NEO4J_URI) with ``user``, ``password`` and ``database``
    ($NEO4J_USER, $NEO4J_PASSWORD, $NEO4J_DATABASE). See graphkit.store.connect."""
    home: str | os.PathLike | None = None
    uri: str | None = None
    user: str | None = None
    password: str | None = None
    database: str | None = None

    def connect(self, **kw) -> Store:
        return connect(home=self.home, uri=self.uri, user=self.user, password=self.password,
                       database=self.database, **kw)
