"""Read-only is enforced by the store, files are read only from a folder the user names,
and a runaway query is stopped in the server.

Every bypass found against the old keyword filter (issue 13) and its variants runs
twice: through Store.query as a user would, and again with graphkit's early
keyword check switched off, so what refuses it is the server itself. Each time the
store must be unchanged (a fingerprint of every node, relationship and the users
file) and no file content may come back, in a result or in an error message.
"""
from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import graphkit.store.user_query as user_query
from graphkit.cli import app
from graphkit.store import FilesNotAllowed, QueryTimeout, ReadOnlyError, StoreError, connect

from test_store import corpus

PASSWD_LINE = "root:x:0:"
CROSS = ("UNWIND range(1, 3000000) AS x UNWIND range(1, 3000000) AS y WITH x WHERE x = -1 "
         "RETURN count(*) AS n")
DEFACE = "MATCH (d:Document) SET d.title = 'defaced' RETURN count(d) AS n"


def fingerprint(store) -> str:
    """Every node and relationship with its properties, and the server's users file."""
    def fn(tx):
        nodes = sorted(json.dumps([sorted(r["l"]), r["p"]], sort_keys=True, default=str) for r in tx.run(
            "MATCH (n) RETURN labels(n) AS l, properties(n) AS p"))
        rels = sorted(json.dumps([r["t"], r["p"], r["a"], r["b"]], sort_keys=True, default=str) for r in tx.run(
            "MATCH (a)-[r]->(b) RETURN type(r) AS t, properties(r) AS p, "
            "coalesce(a.id, a.key, a.lower) AS a, coalesce(b.id, b.key, b.lower) AS b"))
        return nodes, rels
    nodes, rels = store._read(fn)
    users = (store.server.home / "db" / "config" / "server-users.jsonl").read_bytes() if store.server else b""
    return hashlib.sha256(json.dumps([nodes, rels]).encode() + users).hexdigest()


@pytest.fixture(scope="module")
def loaded(store, store_home):
    store.clear()
    store.write_extractions(corpus())
    store.backfill()           # the (:Meta) node clear() removed, as a new connection would
    return store, store_home


def secrets_of(home: Path) -> list[str]:
    return [PASSWD_LINE, (home / "credentials").read_text().strip()]


def _attacks(home: Path) -> list[tuple[str, str, dict]]:
    cred = home / "credentials"
    return [
        # the issue's bypasses
        ("backticked apoc.do.when", "CALL `apoc.do.when`(true, $q, '', {}) YIELD value RETURN value", {"q": DEFACE}),
        ("apoc.do.when reading /etc/passwd", "CALL `apoc.do.when`(true, $q, '', {}) YIELD value RETURN value",
         {"q": "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l"}),
        ("apoc.do.when reading the credentials", "CALL `apoc.do.when`(true, $q, '', {}) YIELD value RETURN value",
         {"q": f"LOAD CSV FROM 'file://{cred}' AS l RETURN l"}),
        ("apoc.refactor.mergeNodes", "MATCH (d:Document) WITH collect(d)[0..2] AS ds "
         "CALL `apoc.refactor.mergeNodes`(ds, {}) YIELD node RETURN node", {}),
        ("`merge`.`node`", "CALL `merge`.`node`(['P'], {a: 1}, {}, {}) YIELD node RETURN node", {}),
        ("merge.relationship", "MATCH (a:Document), (b:Document) WITH a, b LIMIT 1 "
         "CALL merge.relationship(a, 'R', {}, {}, b, {}) YIELD rel RETURN rel", {}),
        ("// comment ended by \\r, CREATE", "MATCH (n:Document) WITH count(n) AS c // x\rCREATE (m:P {c: c}) RETURN c", {}),
        ("// comment ended by \\r, DETACH DELETE", "MATCH (n:Document) // x\rDETACH DELETE n RETURN 1", {}),
        ("GQL insert", "insert (:P {a: 1})", {}),
        ("GQL MATCH ... INSERT", "MATCH (n:Document) INSERT (:P {a: 1})", {}),
        ("GQL CALL { INSERT }", "CALL { INSERT (:P {a: 1}) } RETURN 1", {}),
        # variants
        ("U+2028 in a comment", "MATCH (n:Document) // x\u2028CREATE (m:P) RETURN 1", {}),
        ("U+0085 in a comment", "MATCH (n:Document) // x\x85CREATE (m:P) RETURN 1", {}),
        ("U+2029 in a comment", "MATCH (n:Document) // x\u2029SET n.title = 'x' RETURN 1", {}),
        ("unclosed block comment", "MATCH (n:Document) SET n.title = 'x' RETURN 1 /* CREATE", {}),
        ("`apoc`.`do`.`when` spelled in parts", "CALL `apoc`.`do`.`when`(true, $q, '', {}) YIELD value "
         "RETURN value", {"q": DEFACE}),
        ("APOC.DO.WHEN upper case", "CALL APOC.DO.WHEN(true, $q, '', {}) YIELD value RETURN value", {"q": DEFACE}),
        ("apoc.do.case", "CALL apoc.do.case([true, $q], '', {}) YIELD value RETURN value", {"q": DEFACE}),
        ("CREATE", "CREATE (x:P {a: 1}) RETURN x", {}),
        ("MERGE", "MERGE (x:P {a: 1}) RETURN x", {}),
        ("SET", DEFACE, {}),
        ("REMOVE", "MATCH (d:Document) REMOVE d.title RETURN count(d)", {}),
        ("DETACH DELETE", "MATCH (n) DETACH DELETE n", {}),
        ("FOREACH CREATE", "FOREACH (x IN [1, 2] | CREATE (:P {x: x}))", {}),
        ("CREATE INDEX", "CREATE INDEX p_a FOR (n:P) ON (n.a)", {}),
        ("DROP CONSTRAINT", "DROP CONSTRAINT document_id IF EXISTS", {}),
        ("CREATE USER", "CREATE USER intruder SET PASSWORD 'intruder-password'", {}),
        ("ALTER USER", "ALTER USER reader SET PASSWORD 'intruder-password'", {}),
        ("LOAD CSV /etc/passwd", "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", {}),
        ("LOAD CSV the credentials", f"LOAD CSV FROM 'file://{cred}' AS l RETURN l", {}),
        ("LOAD CSV a bare path", f"LOAD CSV FROM '{cred}' AS l RETURN l", {}),
        ("LOAD CSV from a parameter", "LOAD CSV FROM $u AS l RETURN l", {"u": "file:///etc/passwd"}),
        ("LOAD CSV http", "LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS l RETURN l", {}),
    ]


def _refused(store, home, q, params, write=False, must_raise=True):
    """The query changes nothing and shows no file; refused with a StoreError (the server
    may also run it harmlessly: a comment it reads as running to the end of the text)."""
    before = fingerprint(store)
    try:
        out = store.query(q, params, write=write)
    except StoreError as e:
        out = e
    else:
        assert not must_raise, f"ran: {out}"
    for secret in secrets_of(home):
        assert secret not in json.dumps(out, default=str) and secret not in str(out)
    assert fingerprint(store) == before


ATTACK_IDS = [a[0] for a in _attacks(Path("/"))]


@pytest.mark.parametrize("name", ATTACK_IDS)
def test_read_only_query_cannot_write_or_read_files(loaded, name):
    store, home = loaded
    _, q, params = next(a for a in _attacks(home) if a[0] == name)
    _refused(store, home, q, params)


@pytest.mark.parametrize("name", ATTACK_IDS)
def test_the_server_refuses_even_without_the_keyword_check(loaded, monkeypatch, name):
    """With graphkit's early keyword check switched off, the server refuses on its own."""
    store, home = loaded
    _, q, params = next(a for a in _attacks(home) if a[0] == name)
    monkeypatch.setattr(user_query, "_early_refusal", lambda *a: None)
    _refused(store, home, q, params, must_raise="comment" not in name)


FILE_READS = [a for a in ATTACK_IDS if "LOAD CSV" in a or "reading" in a or a.startswith("CREATE USER")
              or a.startswith("ALTER USER")]


@pytest.mark.parametrize("name", FILE_READS)
def test_write_mode_reads_no_files_and_manages_no_users(loaded, monkeypatch, name):
    """--write lets a query change records, never read a file or touch the users."""
    store, home = loaded
    _, q, params = next(a for a in _attacks(home) if a[0] == name)
    monkeypatch.setattr(user_query, "_early_refusal", lambda *a: None)
    _refused(store, home, q, params, write=True)


NEO4J_WRITES = ["CREATE", "MERGE", "SET", "REMOVE", "DETACH DELETE", "FOREACH CREATE", "CREATE INDEX",
                "// comment ended by \\r, CREATE", "// comment ended by \\r, DETACH DELETE", "backticked apoc.do.when",
                "`merge`.`node`", "LOAD CSV /etc/passwd", "LOAD CSV the credentials"]


@pytest.mark.neo4j
@pytest.mark.parametrize("name", NEO4J_WRITES)
def test_neo4j_read_access_mode_refuses_writes(neo4j_store, monkeypatch, tmp_path, name):
    """On Neo4j a query without --write runs in a READ access mode transaction: the
    server refuses any write, whatever the text looks like."""
    neo4j_store.write_extractions(corpus())
    _, q, params = next(a for a in _attacks(tmp_path) if a[0] == name)
    monkeypatch.setattr(user_query, "_early_refusal", lambda *a: None)
    before = fingerprint(neo4j_store)
    try:
        out = neo4j_store.query(q, params)
    except StoreError as e:
        out = e
    assert PASSWD_LINE not in str(out)
    assert fingerprint(neo4j_store) == before


@pytest.mark.neo4j
def test_neo4j_stops_a_runaway_query(neo4j_store):
    t = time.monotonic()
    with pytest.raises(QueryTimeout):
        neo4j_store.query(CROSS, timeout=1)
    assert time.monotonic() - t < 10


def test_reads_still_work_and_write_mode_writes(loaded):
    store, _ = loaded
    assert store.query("MATCH (d:Document) RETURN count(d) AS n")[1] == [{"n": 4}]
    assert store.query("CALL db.labels() YIELD label RETURN count(label) AS n")[1][0]["n"] >= 3
    assert store.run_saved("top_actors")[1]
    store.query("CREATE (:Scratch {a: 1})", write=True)
    assert store.query("MATCH (s:Scratch) RETURN s.a AS a")[1] == [{"a": 1}]
    store.query("MATCH (s:Scratch) DELETE s", write=True)


def test_the_issue_command_through_the_cli(loaded):
    store, home = loaded
    before = fingerprint(store)
    res = CliRunner().invoke(app, ["query", "--home", str(home),
                                   "CALL `apoc.do.when`(true, $q, '', {}) YIELD value RETURN value", "-p", f"q={DEFACE}"])
    assert res.exit_code == 2
    assert res.output.startswith("error: ") and res.output.count("\n") == 1
    assert fingerprint(store) == before


def test_a_runaway_query_is_stopped_in_the_server(loaded):
    store, _ = loaded
    t = time.monotonic()
    with pytest.raises(QueryTimeout, match="longer than 1s"):
        store.query(CROSS, timeout=1)
    assert time.monotonic() - t < 8
    # nothing of it still runs in the server (the query's own user sees its transactions)
    with store.driver_for("reader").session(database=store.database) as s:
        running = [r for r in s.run("SHOW TRANSACTIONS").data() if "range(1, 3000000)" in str(r.get("currentQuery"))]
    assert running == []


# ---------------------------------------------------------------- --allow-files

@pytest.fixture
def files_home(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    folder = tmp_path / "imports"
    folder.mkdir()
    (folder / "actors.csv").write_text("name,kind\nTurkey,Actor\nRussia,Actor\n", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "more.csv").write_text("a\n1\n", encoding="utf-8")
    return tmp_path / "home", folder


def test_allow_files_reads_only_that_folder(files_home, monkeypatch):
    home, folder = files_home
    with connect(home=home, allow_files=folder) as s:
        s.write_extractions(corpus())
        before = fingerprint(s)
        rows = s.query("LOAD CSV WITH HEADERS FROM 'actors.csv' AS row RETURN row.name AS name", allow_files=True)[1]
        assert [r["name"] for r in rows] == ["Turkey", "Russia"]
        assert s.query(f"LOAD CSV FROM 'file://{folder}/sub/more.csv' AS l RETURN l", allow_files=True)[1]
        monkeypatch.setattr(user_query, "_early_refusal", lambda *a: None)
        for q in ["LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
                  "LOAD CSV FROM '../home/credentials' AS l RETURN l",
                  f"LOAD CSV FROM 'file://{home}/credentials' AS l RETURN l",
                  f"LOAD CSV FROM 'file://{folder}/../home/credentials' AS l RETURN l",
                  "LOAD CSV FROM 'actors.csv' AS l CREATE (:P {v: l[0]})"]:
            with pytest.raises(StoreError) as exc:
                s.query(q, allow_files=True)
            assert PASSWD_LINE not in str(exc.value) and (home / "credentials").read_text().strip() not in str(exc.value)
        # without --allow-files, the same server gives a query no file at all
        with pytest.raises(StoreError):
            s.query("LOAD CSV FROM 'actors.csv' AS l RETURN l")
        assert fingerprint(s) == before
        # a command asking for another folder is told the server's is fixed
        other = folder / "sub"
        with pytest.raises(FilesNotAllowed, match="was started with --allow-files"):
            connect(home=home, allow_files=other)


def test_allow_files_refuses_folders_that_expose_the_home(files_home, tmp_path):
    home, folder = files_home
    home.mkdir()
    with pytest.raises(FilesNotAllowed, match="overlaps the store's home"):
        connect(home=home, allow_files=tmp_path)
    (folder / "passwd.csv").symlink_to("/etc/passwd")
    with pytest.raises(FilesNotAllowed, match="outside the folder"):
        connect(home=home, allow_files=folder)
    with pytest.raises(FilesNotAllowed, match="no such folder"):
        connect(home=home, allow_files=tmp_path / "missing")


def test_a_server_started_without_files_refuses_allow_files(files_home):
    home, folder = files_home
    with connect(home=home) as s:
        with pytest.raises(FilesNotAllowed, match="without --allow-files"):
            connect(home=home, allow_files=folder)
        res = CliRunner().invoke(app, ["query", "--home", str(home), "--allow-files", str(folder),
                                       "LOAD CSV FROM 'actors.csv' AS l RETURN l"])
        assert res.exit_code == 2 and "without --allow-files" in res.output and res.output.count("\n") == 1
        assert s.query("RETURN 1 AS x")[1] == [{"x": 1}]


def test_a_file_query_that_changes_the_users_stops_the_server(files_home, monkeypatch):
    """LOAD CSV needs ArcadeDB's updateSecurity, which also manages users: a query run
    with --allow-files that uses it stops the server, and the next start restores graphkit's users."""
    home, folder = files_home
    s = connect(home=home, allow_files=folder)
    pid = s.server.pid
    monkeypatch.setattr(user_query, "_early_refusal", lambda *a: None)
    try:
        with pytest.raises(ReadOnlyError, match="changed the store's users"):
            s.query("CREATE USER intruder SET PASSWORD 'intruder-password'", allow_files=True)
        assert not s.server.alive()
    finally:
        s.close()
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError
    with connect(home=home) as s2:
        assert s2.server.pid != pid
        assert s2.query("RETURN 1 AS x")[1] == [{"x": 1}]       # graphkit's own users work again
        with GraphDatabase.driver(s2.server.uri, auth=("intruder", "intruder-password")) as d:
            with pytest.raises(AuthError):
                d.verify_connectivity()
