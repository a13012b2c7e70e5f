"""Fixtures for the store tests: a real embedded ArcadeDB server (one per session)
and, when NEO4J_URI is set, a real Neo4j."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# graphkit importable from a plain checkout (before `pip install -e .`)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graphkit.store import connect


@pytest.fixture(scope="session")
def store_home(tmp_path_factory):
    return tmp_path_factory.mktemp("graphkit-home")


@pytest.fixture(scope="session")
def store(store_home):
    """A Store on the embedded ArcadeDB server of a temporary HOME (started once)."""
    mp = pytest.MonkeyPatch()
    mp.delenv("NEO4J_URI", raising=False)   # the embedded server, whatever the environment says
    try:
        s = connect(home=store_home)
    finally:
        mp.undo()
    yield s
    s.close()


@pytest.fixture
def clean_store(store):
    """The session's store, emptied before the test (the schema stays)."""
    store.clear()
    yield store


@pytest.fixture
def neo4j_store():
    """A Store on the Neo4j of NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), emptied.
    Tests using it are marked @pytest.mark.neo4j; skipped without NEO4J_URI."""
    if not os.environ.get("NEO4J_URI"):
        pytest.skip("NEO4J_URI is not set")
    s = connect()
    s.clear()
    yield s
    s.clear()
    s.close()


@pytest.fixture(params=["arcadedb", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def any_store(request):
    """Each backend in turn: the embedded ArcadeDB, then Neo4j if NEO4J_URI is set."""
    if request.param == "arcadedb":
        return request.getfixturevalue("clean_store")
    return request.getfixturevalue("neo4j_store")
