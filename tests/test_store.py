"""The store against a real embedded ArcadeDB server (and Neo4j when NEO4J_URI is set)."""
from __future__ import annotations

import fcntl
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from graphkit.model import Claim, Document, Entity, Extraction, content_id, entity_key
from graphkit.store import ReadOnlyError, ServerError, connect, ensure_server, write_clause

REPO = Path(__file__).resolve().parents[1]


def ent(kind, name, aliases=(), part_of=None):
    return Entity(entity_key(kind, name), name, kind, tuple(aliases), part_of)


def doc(text, published=None):
    return Document(content_id(text), text.split()[0].lower(), text, title=text[:20], source=f"src/{text[:5]}",
                    published=published)


def claim(d, s, rel, o, sentence, at=0, **kw):
    return Claim(d.id, d.name, s, rel, o, s.name, o.name, (at, at + 3), (at + 10, at + 13),
                 sentence, (0, len(sentence)), **kw)


TR = ent("Actor", "Turkey", ["Ankara"])
RU = ent("Actor", "Russia", ["Moscow"])
SY = ent("Actor", "Syria", ["Damascus"])
HTS = ent("Group", "HTS", ["Hay'at Tahrir al-Sham"])
MOD = ent("Organization", "Turkish Defence Ministry", part_of=TR.key)


def corpus():
    d1 = doc("Alpha Turkey backs HTS.", "2024-01-10")
    d2 = doc("Bravo Turkey does not back HTS.", "2024-02-10")
    d3 = doc("Charlie Turkey may back HTS. Russia attacked HTS.", "2024-03-10")
    d4 = doc("Delta Syria opposes Turkey.")   # undated
    return [
        Extraction(d1, [TR, HTS, MOD], [claim(d1, TR, "BACKS", HTS, "Turkey backs HTS."),
                                        claim(d1, MOD, "OPPOSES", SY, "The ministry opposes Syria.", 20)]),
        Extraction(d2, [TR, HTS], [claim(d2, TR, "BACKS", HTS, "Turkey does not back HTS.", negated=True)]),
        Extraction(d3, [TR, HTS, RU], [claim(d3, TR, "BACKS", HTS, "Turkey may back HTS.", hedged=True),
                                       claim(d3, RU, "ATTACKED", HTS, "Russia attacked HTS.", 30)]),
        Extraction(d4, [SY, TR], [claim(d4, SY, "OPPOSES", TR, "Syria opposes Turkey.")]),
    ]


def edges(store):
    _, rows = store.query("MATCH (a:Entity)-[r]->(b:Entity) RETURN a.key AS a, type(r) AS t, b.key AS b, "
                          "r.weight AS w, r.docs AS docs ORDER BY a, t, b")
    return rows


def nodes(store):
    _, rows = store.query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
    return sorted(json.dumps([sorted(r["l"]), r["p"]], sort_keys=True) for r in rows)


def test_write_counts_and_idempotent_rewrite(any_store):
    exs = corpus()
    r = any_store.write_extractions(exs)
    assert r == {"documents_added": 4, "documents_skipped": 0, "entities_added": 5, "claims_added": 6,
                 "edges": 4}
    before_stats, before_edges = any_store.stats(), edges(any_store)
    before_nodes = nodes(any_store)
    r2 = any_store.write_extractions(exs)
    assert r2 == {"documents_added": 0, "documents_skipped": 4, "entities_added": 0, "claims_added": 0,
                  "edges": 0}
    assert any_store.write_extraction(exs[0])["documents_skipped"] == 1
    assert any_store.stats() == before_stats
    assert edges(any_store) == before_edges
    assert nodes(any_store) == before_nodes


def test_same_document_twice_in_one_call(clean_store):
    ex = corpus()[0]
    r = clean_store.write_extractions([ex, ex])
    assert (r["documents_added"], r["documents_skipped"], r["claims_added"]) == (1, 1, 2)


def test_stats_counts_labels_kinds_relations(clean_store):
    clean_store.write_extractions(corpus())
    s = clean_store.stats()
    assert s["labels"]["Document"] == 4 and s["labels"]["Claim"] == 6 and s["labels"]["Entity"] == 5
    assert s["labels"]["Actor"] == 3 and s["labels"]["Group"] == 1 and s["labels"]["Organization"] == 1
    assert s["labels"]["Agreement"] == 0
    assert s["relations"]["BACKS"] == 1 and s["relations"]["OPPOSES"] == 2 and s["relations"]["ATTACKED"] == 1
    assert s["relations"]["LEADS"] == 0


def test_kind_is_a_second_label(clean_store):
    clean_store.write_extractions(corpus())
    _, rows = clean_store.query("MATCH (a:Actor) RETURN a.name AS n ORDER BY n")
    assert [r["n"] for r in rows] == ["Russia", "Syria", "Turkey"]
    _, rows = clean_store.query("MATCH (e:Entity {key: $k}) RETURN labels(e) AS l", {"k": HTS.key})
    assert sorted(rows[0]["l"]) == ["Entity", "Group"]


def test_summary_weights_exclude_negated_and_hedged(clean_store):
    exs = corpus()
    clean_store.write_extractions(exs)
    e = {(r["a"], r["t"], r["b"]): r for r in edges(clean_store)}
    backs = e[(TR.key, "BACKS", HTS.key)]
    assert backs["w"] == 1 and backs["docs"] == [exs[0].document.id]
    # a triple with only unasserted claims gets no summary edge
    d5 = doc("Echo Russia might back Syria.")
    clean_store.write_extraction(Extraction(d5, [RU, SY], [claim(d5, RU, "BACKS", SY, "Russia might back Syria.",
                                                                 hedged=True)]))
    assert (RU.key, "BACKS", SY.key) not in {(r["a"], r["t"], r["b"]) for r in edges(clean_store)}
    # a second asserted claim in another document raises the weight; docs are sorted ids
    d6 = doc("Foxtrot Turkey backs HTS again.")
    clean_store.write_extraction(Extraction(d6, [TR, HTS], [claim(d6, TR, "BACKS", HTS, "Turkey backs HTS again.")]))
    backs = {(r["a"], r["t"], r["b"]): r for r in edges(clean_store)}[(TR.key, "BACKS", HTS.key)]
    assert backs["w"] == 2 and backs["docs"] == sorted([exs[0].document.id, d6.id])


def test_structure_links(clean_store):
    clean_store.write_extractions(corpus())
    _, rows = clean_store.query("MATCH (m:Entity)-[:PART_OF]->(s:Entity) RETURN m.key AS m, s.key AS s")
    assert rows == [{"m": MOD.key, "s": TR.key}]
    _, rows = clean_store.query("MATCH (c:Claim)-[:SUBJECT]->(:Entity {key: $k}) MATCH (c)-[:IN]->(d:Document) "
                                "RETURN count(DISTINCT d) AS n", {"k": TR.key})
    assert rows[0]["n"] == 3
    _, rows = clean_store.query("MATCH (:Entity {key: $k})-[:MENTIONED_IN]->(d:Document) RETURN count(d) AS n",
                                {"k": TR.key})
    assert rows[0]["n"] == 4


def test_aliases_are_unioned(clean_store):
    d1, d2 = doc("Golf Turkey."), doc("Hotel Türkiye.")
    clean_store.write_extraction(Extraction(d1, [ent("Actor", "Turkey", ["Ankara"])]))
    r = clean_store.write_extraction(Extraction(d2, [ent("Actor", "Turkey", ["Türkiye", "Ankara"])]))
    assert r["entities_added"] == 0 and r["documents_added"] == 1
    _, rows = clean_store.query("MATCH (e:Entity {key: $k}) RETURN e.aliases AS a, e.name AS n", {"k": TR.key})
    assert rows == [{"a": ["Ankara", "Türkiye"], "n": "Turkey"}]
    assert [e["key"] for e in clean_store.find_entities("TÜRKIYE")] == [TR.key]   # the new alias finds it


def test_all_or_nothing(clean_store):
    clean_store.write_extraction(corpus()[0])
    before = clean_store.stats()
    d = doc("India Syria funds HTS.")
    good = Extraction(doc("Juliet Russia backs Syria."), [RU, SY], [])
    good = Extraction(good.document, [RU, SY], [claim(good.document, RU, "BACKS", SY, "Russia backs Syria.")])
    # FUNDS is not a relation graphkit knows: detected only when the summary edges are
    # written, after documents, entities, mentions and claims of both documents
    bad = Extraction(d, [SY, HTS], [claim(d, SY, "FUNDS", HTS, "Syria funds HTS.")])
    with pytest.raises(ValueError, match="FUNDS"):
        clean_store.write_extractions([good, bad])
    assert clean_store.stats() == before
    _, rows = clean_store.query("MATCH (d:Document) WHERE d.id IN $ids RETURN count(d) AS n",
                                {"ids": [d.id, good.document.id]})
    assert rows[0]["n"] == 0
    _, rows = clean_store.query("MATCH (c:Claim) WHERE c.doc IN $ids RETURN count(c) AS n",
                                {"ids": [d.id, good.document.id]})
    assert rows[0]["n"] == 0
    # the good one alone goes in
    assert clean_store.write_extraction(good)["documents_added"] == 1


def test_unknown_kind_rejected(clean_store):
    d = doc("Kilo Mars.")
    with pytest.raises(ValueError, match="Planet"):
        clean_store.write_extraction(Extraction(d, [Entity("planet:mars", "Mars", "Planet")]))
    assert clean_store.stats()["labels"]["Document"] == 0


def test_values_stored_verbatim(clean_store):
    nasty = "Robert'); MATCH (n) DETACH DELETE n; // \"quoted\" \\ back`tick` $param {x:1} ü\u200b"
    e = ent("Person", nasty, [nasty + " alias"])
    d = Document(content_id(nasty), nasty, nasty, title=nasty, source=nasty, published="2024-05-05")
    clean_store.write_extraction(Extraction(d, [e, TR], [
        claim(d, e, "LEADS", TR, nasty, attributed_to=nasty)]))
    _, rows = clean_store.query(
        "MATCH (e:Entity {key: $k})<-[:SUBJECT]-(c:Claim)-[:IN]->(d:Document) "
        "RETURN e.name AS n, e.aliases AS a, c.sentence AS s, c.attributed_to AS at, d.title AS t, d.name AS dn",
        {"k": e.key})
    assert rows == [{"n": nasty, "a": [nasty + " alias"], "s": nasty, "at": nasty, "t": nasty, "dn": nasty}]
    assert clean_store.stats()["labels"]["Entity"] == 2
    # name lookups match it verbatim too
    assert clean_store.run_saved("entity_profile", {"name": nasty.upper()})[1][0]["other"] == "Turkey"


def test_read_only_query_refuses_writes(clean_store):
    for q in ["CREATE (x:Foo)", "MATCH (n) SET n.x = 1", "MATCH (n) DETACH DELETE n", "MERGE (x:Foo {a: 1})",
              "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "MATCH (n) REMOVE n.x",
              "CALL apoc.create.node(['X'], {}) YIELD node RETURN node",
              "MATCH (n) CALL { WITH n CREATE (m:Foo) } RETURN 1", "// c\ncreate (x:Foo)"]:
        with pytest.raises(ReadOnlyError):
            clean_store.query(q)
    assert clean_store.stats()["labels"].get("Foo", 0) == 0
    # words inside strings, comments, properties, parameters are not clauses
    assert write_clause("MATCH (n {set: 1}) WHERE n.create = 'CREATE' AND n.x = $merge "
                        "RETURN n.delete AS `SET` // DELETE") is None
    assert write_clause("CALL db.labels() YIELD label RETURN label") is None
    cols, rows = clean_store.query("RETURN 'CREATE (x)' AS q, $p AS p", {"p": "MERGE"})
    assert cols == ["q", "p"] and rows == [{"q": "CREATE (x)", "p": "MERGE"}]
    cols, rows = clean_store.query("CREATE (x:Foo {v: $v}) RETURN x", {"v": 1}, write=True)
    assert rows[0]["x"]["labels"] == ["Foo"] and rows[0]["x"]["properties"] == {"v": 1}
    _, rows = clean_store.query("MATCH (x:Foo) RETURN count(x) AS n")
    assert rows == [{"n": 1}]


def test_query_converts_graph_values(clean_store):
    clean_store.write_extractions(corpus())
    _, rows = clean_store.query("MATCH p = (a:Entity {key: $k})-[r:BACKS]->(b) RETURN a, r, p",
                                {"k": TR.key})
    a, r, p = rows[0]["a"], rows[0]["r"], rows[0]["p"]
    json.dumps(rows)
    assert a["properties"]["name"] == "Turkey" and "Actor" in a["labels"]
    assert r["type"] == "BACKS" and r["start"] == a["id"] and r["properties"]["weight"] == 1
    assert [n["properties"]["key"] for n in p["nodes"]] == [TR.key, HTS.key]
    assert p["relationships"][0]["type"] == "BACKS"


def test_load_graph_whole(clean_store):
    exs = corpus()
    clean_store.write_extractions(exs)
    G = clean_store.load_graph()
    assert set(G.nodes) == {TR.key, RU.key, SY.key, HTS.key, MOD.key}
    assert set(G.graph["documents"]) == {ex.document.id for ex in exs}
    assert G.nodes[TR.key]["docs"] == 4 and G.nodes[TR.key]["aliases"] == ["Ankara"]
    assert G.nodes[MOD.key]["part_of"] == TR.key
    e = G.edges[TR.key, HTS.key, "BACKS"]
    assert e["weight"] == 1 and len(e["claims"]) == 3 and e["contested"] is True  # asserted vs denied
    assert e["docs"] == [exs[0].document.id]
    G2 = clean_store.load_graph(include_unasserted=False)
    assert len(G2.edges[TR.key, HTS.key, "BACKS"]["claims"]) == 1


def test_load_graph_neighbourhood_and_keys(clean_store):
    clean_store.write_extractions(corpus())
    G = clean_store.load_graph("hay'at tahrir al-sham", hops=1)     # alias, any case
    assert set(G.nodes) == {HTS.key, TR.key, RU.key}
    G = clean_store.load_graph("HTS", hops=2)
    assert set(G.nodes) == {HTS.key, TR.key, RU.key, SY.key}
    assert set(clean_store.load_graph("moscow", hops=0).nodes) == {RU.key}
    G = clean_store.load_graph(keys=[SY.key, TR.key])
    assert set(G.nodes) == {SY.key, TR.key} and list(G.edges(keys=True)) == [(SY.key, TR.key, "OPPOSES")]
    with pytest.raises(LookupError):
        clean_store.load_graph("Atlantis")


def test_load_graph_since_until(clean_store):
    exs = corpus()
    clean_store.write_extractions(exs)
    G = clean_store.load_graph(since="2024-02-01")
    assert set(G.graph["documents"]) == {exs[1].document.id, exs[2].document.id}
    assert {(s, o, k) for s, o, k in G.edges(keys=True)} == {(TR.key, HTS.key, "BACKS"), (RU.key, HTS.key, "ATTACKED")}
    assert G.edges[TR.key, HTS.key, "BACKS"]["weight"] == 0          # denied and hedged only
    G = clean_store.load_graph(until="2024-01-31")
    assert set(G.graph["documents"]) == {exs[0].document.id}
    assert set(G.nodes) == {TR.key, HTS.key, MOD.key, SY.key}
    G = clean_store.load_graph(since="2024-02-01", until="2024-02-28")
    assert [c["sentence"] for c in G.edges[TR.key, HTS.key, "BACKS"]["claims"]] == ["Turkey does not back HTS."]


def test_server_is_shared(store, store_home):
    info = json.loads((store_home / "server.json").read_text())
    with connect(home=store_home) as second:
        assert second.server.started is False
        assert second.server.bolt_port == store.server.bolt_port == info["bolt_port"]
        assert second.server.pid == store.server.pid == info["pid"]
        assert second.stats() == store.stats()
    # closing the second leaves the first working
    assert psutil.pid_exists(info["pid"]) and store.query("RETURN 1 AS x")[1] == [{"x": 1}]
    assert (store_home / "credentials").stat().st_mode & 0o777 == 0o600


def test_clean_shutdown(tmp_path):
    home = tmp_path / "home"
    s = connect(home=home)
    pid = s.server.pid
    proc = psutil.Process(pid)
    assert "graphkit.store.server" in " ".join(proc.cmdline())
    s.write_extraction(corpus()[3])
    assert (home / "server.json").exists()
    t = time.monotonic()
    s.close()
    assert time.monotonic() - t < 10
    assert not psutil.pid_exists(pid)
    assert not (home / "server.json").exists()
    # the data survives a restart
    with connect(home=home) as s2:
        assert s2.server.pid != pid and s2.stats()["labels"]["Document"] == 1


def test_no_orphan_when_client_is_killed(tmp_path):
    home = tmp_path / "home"
    code = ("import sys, time; from graphkit.store import connect; s = connect(home=sys.argv[1]); "
            "print(s.server.pid, flush=True); time.sleep(600)")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("NEO4J_URI", None)
    client = subprocess.Popen([sys.executable, "-c", code, str(home)], stdout=subprocess.PIPE, env=env, text=True)
    server_pid = int(client.stdout.readline())
    assert psutil.pid_exists(server_pid)
    client.kill()
    client.wait()
    server = psutil.Process(server_pid)
    server.wait(timeout=15)          # it notices its last client is gone and stops
    assert not (home / "server.json").exists()


def test_waits_for_lock_holder(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    fd = os.open(home / "lock", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    os.write(fd, b"4242")
    err = io.StringIO()
    try:
        with pytest.raises(ServerError, match="4242"):
            ensure_server(home, timeout=1.0, stderr=err)
    finally:
        os.close(fd)
    assert err.getvalue().count("waiting for another graphkit process (pid 4242)") == 1


def test_backfill_brings_an_old_store_to_what_the_loader_writes(clean_store):
    """A store written by graphkit before version 3 (no Name nodes, evidence, pair,
    published or recent) is brought by backfill() to exactly what the loader writes now."""
    clean_store.write_extractions(corpus())
    d6 = doc("Foxtrot Turkey backs HTS again.", "2024-04-01")
    clean_store.write_extraction(Extraction(d6, [TR, HTS], [claim(d6, TR, "BACKS", HTS, "Turkey backs HTS again.")]))

    def graph():
        return [n for n in nodes(clean_store) if not n.startswith('[["Meta"]')]
    loaded = graph()
    q_recent = ("MATCH (a)-[r]->(b) WHERE r.recent IS NOT NULL "
                "RETURN a.key AS a, type(r) AS t, b.key AS b, r.recent AS r ORDER BY a, t, b")
    recent = clean_store.query(q_recent)[1]
    backs = next(r["r"] for r in recent if (r["a"], r["t"], r["b"]) == (TR.key, "BACKS", HTS.key))
    assert [x.split("|")[0] for x in backs] == ["2024-04-01", "2024-01-10"]     # newest first
    assert len(recent) == 4
    clean_store.query("MATCH (n:Name) DETACH DELETE n", write=True)
    clean_store.query("MATCH (e:Entity) REMOVE e.evidence", write=True)
    clean_store.query("MATCH (c:Claim) REMOVE c.pair, c.published, c.claimed, c.denied", write=True)
    clean_store.query("MATCH ()-[r]->() REMOVE r.recent", write=True)
    clean_store.query("MATCH (m:Meta) SET m.version = 1", write=True)
    assert graph() != loaded
    assert clean_store.backfill() is True
    assert graph() == loaded
    assert clean_store.query(q_recent)[1] == recent
    assert clean_store.backfill() is False                      # once
