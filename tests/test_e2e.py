"""End to end on real components: the CLI ingests the sample corpus into the embedded
ArcadeDB (through the neo4j driver), queries it, runs every saved query, renders HTML."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphkit import documents
from graphkit.cli import app
from graphkit.store.cypher import load_saved_queries

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
runner = CliRunner()

# parameters for the saved queries, answerable from the sample corpus
PARAMS = {"name": "Turkey", "a": "Russia", "b": "Turkey", "subject": "Turkey", "relation": "BACKS",
          "object": "militants in Idlib"}
PER_QUERY = {"who_backs": {"name": "Syria"}, "attacks_on": {"name": "Turkey"},
             "agreement_parties": {"name": "Syria-wide ceasefire"}}


def cli(*args, home):
    res = runner.invoke(app, [*args, "--home", str(home)], catch_exceptions=False)
    return res


def jrun(*args, home):
    res = cli(*args, "--format", "json", home=home)
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def counts(home):
    rows = jrun("stats", home=home)
    return {(r["what"], r["name"]): r["count"] for r in rows}


@pytest.fixture(scope="module")
def ingested(store, store_home):
    store.clear()
    first = jrun("ingest", str(CORPUS), home=store_home)[0]
    return store_home, first


def test_ingest_sample_corpus(ingested):
    home, first = ingested
    assert first["documents_added"] == 5 and first["errors"] == 0
    assert first["claims_added"] > 30 and first["entities_added"] > 20
    c = counts(home)
    assert c[("label", "Document")] == 5
    for rel in ("BACKS", "OPPOSES", "GUARANTEES", "ATTACKED", "PARTY_TO"):
        assert c[("relation", rel)] > 0, rel


def test_reingest_changes_nothing(ingested):
    home, _ = ingested
    before = counts(home)
    again = jrun("ingest", str(CORPUS), home=home)[0]
    assert again["documents_added"] == 0 and again["documents_skipped"] == 5 and again["claims_added"] == 0
    assert counts(home) == before


def test_query_is_read_only_by_default_and_takes_parameters(ingested):
    home, _ = ingested
    rows = jrun("query", "MATCH (e:Entity) WHERE e.name = $n RETURN e.kind AS kind", "-p", "n=Turkey", home=home)
    assert rows == [{"kind": "Actor"}]
    res = cli("query", "CREATE (x:Entity {key: 'x'}) RETURN x", home=home)
    assert res.exit_code != 0
    res = cli("query", "MATCH (e:Entity {key: 'nothing'}) SET e.name = 'y' RETURN e", "--write", home=home)
    assert res.exit_code == 0


def test_every_saved_query_answers(ingested):
    home, _ = ingested
    queries = load_saved_queries()
    assert len(queries) >= 6
    for name, q in queries.items():
        args = []
        for p, desc in q.params.items():
            if not desc.startswith("optional"):
                args += ["-p", f"{p}={PER_QUERY.get(name, PARAMS).get(p, PARAMS.get(p))}"]
        rows = jrun("query", "--saved", name, *args, home=home)
        assert isinstance(rows, list), name
        if name in ("who_backs", "attacks_on", "agreement_parties", "top_actors", "entity_profile",
                    "paths_between", "evidence_for_edge"):
            assert rows, f"{name} returned nothing on the sample corpus"


def test_saved_queries_filter_by_date(tmp_path, store, store_home):
    store.clear()
    jsonl = tmp_path / "dated.jsonl"
    jsonl.write_text("\n".join(json.dumps(d) for d in [
        {"text": "Russian warplanes bombed Hay'at Tahrir al-Sham positions near Idlib.", "published": "2020-01-10"},
        {"text": "Syrian army artillery shelled Hay'at Tahrir al-Sham positions in Idlib.", "published": "2021-06-01"},
    ]) + "\n", encoding="utf-8")
    assert jrun("ingest", str(jsonl), home=store_home)[0]["documents_added"] == 2
    every = jrun("query", "--saved", "attacks_on", "-p", "name=HTS", home=store_home)
    assert {r["attacker"] for r in every} == {"Russia", "Syria"}
    recent = jrun("query", "--saved", "attacks_on", "-p", "name=HTS", "--since", "2021-01-01", home=store_home)
    assert {r["attacker"] for r in recent} == {"Syria"}
    store.clear()
    jrun("ingest", str(CORPUS), home=store_home)   # back to the sample corpus for the tests after this one


def test_saved_query_answers_are_right(ingested):
    home, _ = ingested
    backers = jrun("query", "--saved", "who_backs", "-p", "name=militants in Idlib", home=home)
    assert "Turkey" in {r["backer"] for r in backers}
    ev = jrun("query", "--saved", "evidence_for_edge", "-p", "subject=Turkey", "-p", "relation=BACKS",
              "-p", "object=militants in Idlib", home=home)
    assert any("Turkish-backed" in json.dumps(r) for r in ev)


def test_render_whole_graph_and_neighbourhood(ingested, tmp_path):
    home, _ = ingested
    out = tmp_path / "g.html"
    res = cli("render", "-o", str(out), home=home)
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="gk-data">(.*?)</script>', html, re.S).group(1))
    stats = counts(home)
    assert len(data["nodes"]) > 10 and len(data["edges"]) > 10
    assert len(data["nodes"]) <= stats[("label", "Entity")]
    assert not re.search(r'(src|href)\s*=\s*["\']https?:', html)
    assert any("Turkish-backed" in json.dumps(e) for e in data["edges"])
    res = cli("render", "-o", str(out), "--entity", "Turkey", "--hops", "1", home=home)
    assert res.exit_code == 0, res.output
    small = json.loads(re.search(r'id="gk-data">(.*?)</script>', out.read_text(encoding="utf-8"), re.S).group(1))
    assert 0 < len(small["nodes"]) < len(data["nodes"])
    res = cli("render", "-o", str(out), "--cypher", "MATCH (a:Actor)-[:BACKS]->(b) RETURN a, b", home=home)
    assert res.exit_code == 0, res.output
    res = cli("render", "-o", str(out), "--entity", "Atlantis", home=home)
    assert res.exit_code == 2
    res = cli("render", "-o", str(out), "--color-by", "bloc", home=home)
    assert res.exit_code == 0, res.output
    blocs = json.loads(re.search(r'id="gk-data">(.*?)</script>', out.read_text(encoding="utf-8"), re.S).group(1))
    assert blocs["colorBy"] == "bloc" and blocs["blocs"]


def test_bad_files_are_named_the_rest_goes_in_nothing_is_lost(ingested, tmp_path, monkeypatch):
    home, _ = ingested
    before = counts(home)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 Bogot\xe1".encode("latin-1"))
    (tmp_path / "huge.txt").write_bytes(b"word " * 1200)
    (tmp_path / "bad.jsonl").write_text('{"text": "Iran backs the Houthis in Yemen."}\n{oops\n', encoding="utf-8")
    (tmp_path / "page.html").write_text("<html><body><p>Qatar condemned Israel.</p><script>x()</script></body></html>",
                                        encoding="utf-8")
    shutil.copy(CORPUS / "000_236f2bc43b2726c9.txt", tmp_path / "copy-of-000.txt")
    monkeypatch.setattr(documents, "MAX_BYTES", 5000)
    res = cli("ingest", str(tmp_path), "--format", "json", home=home)
    assert res.exit_code == 1
    for name in ("empty.txt", "binary.txt", "latin1.txt", "huge.txt", "bad.jsonl:2"):
        assert name in res.stderr, name
    summary = json.loads(res.stdout)[0]
    assert summary["documents_added"] == 2 and summary["documents_skipped"] == 1 and summary["errors"] == 5
    after = counts(home)
    assert after[("label", "Document")] == before[("label", "Document")] + 2
    assert all(after[k] >= v for k, v in before.items())


def test_extract_contract_and_eval(tmp_path):
    res = runner.invoke(app, ["extract", str(CORPUS / "004_32802903c6aacf16.txt"), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows
    text = (CORPUS / "004_32802903c6aacf16.txt").read_text(encoding="utf-8")
    for r in rows:
        assert r["doc"] == "004_32802903c6aacf16"
        assert text[r["subject_span"][0]:r["subject_span"][1]] == r["subject_mention"]
        assert text[r["object_span"][0]:r["object_span"][1]] == r["object_mention"]
    gold = {"format": "graphkit-gold/1", "scored_relations": ["BACKS"],
            "entities": {"turkey": {"kind": "Actor", "aliases": ["turkey"]},
                         "m": {"kind": "Group", "aliases": ["militants"]}},
            "documents": {"004_32802903c6aacf16": {"aliases": {}, "relations": [{"s": "turkey", "r": "BACKS", "o": "m"}]}}}
    g = tmp_path / "gold.json"
    g.write_text(json.dumps(gold), encoding="utf-8")
    p = tmp_path / "pred.jsonl"
    p.write_text(res.stdout, encoding="utf-8")
    res = runner.invoke(app, ["eval", str(g), str(p), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["by_relation"]["BACKS"]["recall"] == 1.0
