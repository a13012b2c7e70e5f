"""The analysis commands end to end: CliRunner against the session's embedded store."""
from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from graphkit.cli import app
from graphkit.model import Claim, Document, Entity, Extraction, content_id, entity_key

REPO = Path(__file__).resolve().parents[1]
ENV = {"NEO4J_URI": None, "GRAPHKIT_HOME": None, "COLUMNS": "200"}


def ent(kind, name, aliases=(), part_of=None):
    return Entity(entity_key(kind, name), name, kind, tuple(aliases), part_of)


def doc(name, text, published=None):
    return Document(content_id(text), name, text, title=f"{name} title", source=f"src/{name}", published=published)


RU, SY, IR = ent("Actor", "Russia", ["Moscow"]), ent("Actor", "Syria", ["Damascus"]), ent("Actor", "Iran")
TR, HTS = ent("Actor", "Turkey", ["Ankara"]), ent("Group", "HTS", ["Hay'at Tahrir al-Sham"])


def claim(d, s, rel, o, sentence, at=0, **kw):
    return Claim(d.id, d.name, s, rel, o, s.name, o.name, (at, at + 3), (at + 10, at + 13),
                 sentence, (at, at + len(sentence)), **kw)


def extractions():
    d1 = doc("jan", "January: Russia backs Syria. Iran backs Syria. Turkey backs HTS twice. Syria attacked HTS.", "2024-01-10")
    d2 = doc("feb", "February: Syria attacked Turkey, Turkey says. Turkey opposes Syria. Russia cooperates with Turkey.", "2024-02-10")
    d3 = doc("mar", "March: HTS attacked Turkey, Russia says. Turkey denies backing HTS.", "2024-03-10")
    d4 = doc("undated", "Undated: Russia opposes HTS.")
    return [
        Extraction(d1, [RU, SY, IR, TR, HTS], [
            claim(d1, RU, "BACKS", SY, "Russia backs Syria.", 0), claim(d1, IR, "BACKS", SY, "Iran backs Syria.", 20),
            claim(d1, TR, "BACKS", HTS, "Turkey backs HTS.", 40), claim(d1, TR, "BACKS", HTS, "Turkey backs HTS again.", 60),
            claim(d1, SY, "ATTACKED", HTS, "Syria attacked HTS.", 80)]),
        Extraction(d2, [SY, TR, RU], [
            claim(d2, SY, "ATTACKED", TR, "Syria attacked Turkey, Turkey says.", 0, attributed_to="Turkey"),
            claim(d2, TR, "OPPOSES", SY, "Turkey opposes Syria.", 40),
            claim(d2, RU, "COOPERATES", TR, "Russia cooperates with Turkey.", 60)]),
        Extraction(d3, [HTS, TR, RU], [
            claim(d3, HTS, "ATTACKED", TR, "HTS attacked Turkey, Russia says.", 0, attributed_to="Russia"),
            claim(d3, TR, "BACKS", HTS, "Turkey denies backing HTS.", 40, attributed_to="Turkey", negated=True)]),
        Extraction(d4, [RU, HTS], [claim(d4, RU, "OPPOSES", HTS, "Russia opposes HTS.", 0)]),
    ]


@pytest.fixture(scope="module")
def exs():
    return extractions()


@pytest.fixture
def home(store, store_home, exs):
    """The session store holding exactly the hand-made documents (reloaded if another test changed it)."""
    ids = [e.document.id for e in exs]
    _, rows = store.query("MATCH (d:Document) RETURN d.id AS id")
    if sorted(r["id"] for r in rows) != sorted(ids):
        store.clear()
        store.write_extractions(exs)
    return str(store_home)


runner = CliRunner()


def run(home, *args):
    r = runner.invoke(app, [*args, "--home", home], env=ENV, catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r


def run_json(home, *args):
    return json.loads(run(home, *args, "--format", "json").stdout)


def test_commands_are_registered():
    import graphkit.cli.analysis  # noqa: F401  (imports cleanly on its own)
    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    assert {"factions", "actors", "contested", "timeline", "path", "export"} <= names


def test_factions(home):
    out = run_json(home, "factions")
    assert [b["members"] for b in out["blocs"]] == [["Syria", "Russia", "Iran"], ["HTS", "Turkey"]]
    assert out["frustration"] == 1.5 and out["exact"] is True
    cut = sorted((c["source"], c["relation"], c["target"], c["reason"]) for c in out["cut_ties"])
    assert cut == [("HTS", "ATTACKED", "Turkey", "negative inside bloc"),
                   ("Russia", "COOPERATES", "Turkey", "positive across blocs")]
    assert out["node_bloc"][TR.key] == out["blocs"][1]["bloc"]
    # Turkey backs HTS in one document and HTS attacks Turkey in another: together or apart is a tie
    by = {m["name"]: m for m in out["members"]}
    assert (by["Turkey"]["placement"], by["Turkey"]["margin"], by["Turkey"]["also"]) == ("undecided", 0, "own bloc")
    assert (by["Iran"]["placement"], by["Russia"]["placement"]) == ("firm", "firm") and out["undecided"] == ["HTS", "Turkey"]
    table = run(home, "factions").stdout
    assert "cut ties" in table and "Frustration 1.5 of" in table
    assert "Not decided by the evidence: HTS (bloc 2 or a bloc of its own), Turkey (bloc 2 or a bloc of its own)." in table


def test_factions_since(home):
    out = run_json(home, "factions", "--since", "2024-02-01")
    assert [sorted(b["members"]) for b in out["blocs"]] == [["Russia", "Turkey"], ["HTS", "Syria"]]
    assert out["frustration"] == 0 and out["cut_ties"] == []


def test_factions_csv(home):
    rows = list(csv.DictReader(run(home, "factions", "--format", "csv").stdout.splitlines()))
    assert [r["name"] for r in rows] == ["Syria", "Russia", "Iran", "HTS", "Turkey"]
    assert rows[-1]["placement"] == "undecided" and rows[0]["bloc"] == "1" and rows[0]["margin"] == "2.0"
    rows = list(csv.DictReader(run(home, "factions", "--format", "csv", "--cut-ties").stdout.splitlines()))
    assert len(rows) == 2 and set(rows[0]) >= {"source", "relation", "target", "via", "weight", "docs", "sentence"}
    assert rows[0]["sentence"] == "HTS attacked Turkey, Russia says." and rows[0]["docs"] == "1"


def test_actors(home):
    rows = run_json(home, "actors", "--top", "3")
    assert [r["name"] for r in rows] == ["Turkey", "Syria", "HTS"]
    by = {r["name"]: r for r in rows}
    assert (by["Turkey"]["backs_out"], by["Turkey"]["attacked_in"], by["Turkey"]["opposes_out"]) == (2, 2, 1)
    assert (by["Syria"]["backed_in"], by["Syria"]["attacks_out"], by["Syria"]["opposed_in"]) == (2, 2, 1)
    assert by["Syria"]["broker"] == 2 and by["Turkey"]["degree"] == 3
    assert (by["Syria"]["bloc"], by["Turkey"]["bloc"], by["HTS"]["bloc"]) == (1, 2, 2)
    assert len(run_json(home, "actors", "--top", "0")) == 5


def test_contested(home):
    rows = run_json(home, "contested")
    assert [(r["kind"], r["subject_a"], r["relation"], r["object"]) for r in rows] == [
        ("subject", "HTS", "ATTACKED", "Turkey"), ("polarity", "Turkey", "BACKS", "HTS")]
    who, yesno = rows
    assert (who["source_a"], who["doc_a"], who["subject_b"], who["source_b"], who["doc_b"]) == \
        ("Russia", "mar", "Syria", "Turkey", "feb")
    assert who["sentence_b"] == "Syria attacked Turkey, Turkey says."
    assert (yesno["source_a"], yesno["source_b"], yesno["negated_b"]) == ("reporter: jan", "Turkey", True)
    assert (who["pairs"], yesno["pairs"]) == (1, 2)       # two reports of backing, one denial: one row
    assert run_json(home, "contested", "--until", "2024-02-28") == []


def test_timeline(home):
    rows = run_json(home, "timeline", "ankara")
    assert [r["date"] for r in rows] == ["2024-01-10"] * 2 + ["2024-02-10"] * 3 + ["2024-03-10"] * 2
    assert rows[-1]["status"] in ("asserted", "negated") and {r["status"] for r in rows[-2:]} == {"asserted", "negated"}
    assert rows[2]["doc"] == "feb title" and rows[2]["source"] == "src/feb"
    rows = run_json(home, "timeline", "HTS")
    assert rows[-1]["date"] is None and rows[-1]["sentence"] == "Russia opposes HTS."
    assert len(run_json(home, "timeline", "Turkey", "--until", "2024-01-31")) == 2
    r = runner.invoke(app, ["timeline", "Atlantis", "--home", home], env=ENV)
    assert r.exit_code == 2


def test_path(home):
    paths = run_json(home, "path", "Iran", "hay'at tahrir al-sham")
    assert [[(h["from"], h["direction"], h["relation"], h["to"]) for h in p] for p in paths] == \
        [[("Iran", "->", "BACKS", "Syria"), ("Syria", "->", "ATTACKED", "HTS")]]
    assert paths[0][0]["sentence"] == "Iran backs Syria."
    assert run_json(home, "path", "Iran", "HTS", "--max-hops", "1") == []
    assert "BACKS" in run(home, "path", "Iran", "HTS").stdout


def test_export(home, tmp_path):
    run(home, "export", "--format", "graphml", "-o", str(tmp_path / "g.graphml"))
    G = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert G.number_of_nodes() == 5 and G.number_of_edges() == 9   # 10 claims on 9 (s, relation, o) edges
    assert G.edges[TR.key, HTS.key, "BACKS"]["weight"] == 2
    run(home, "export", "--format", "csv", "-o", str(tmp_path / "csv"))
    assert (tmp_path / "csv" / "nodes.csv").exists() and (tmp_path / "csv" / "edges.csv").exists()
    run(home, "export", "--format", "json", "-o", str(tmp_path / "g.json"), "--entity", "Iran")
    data = json.loads((tmp_path / "g.json").read_text())
    assert sorted(n["id"] for n in data["nodes"]) == sorted([IR.key, SY.key])   # 1 hop


@pytest.mark.slow
def test_sample_corpus(store, store_home):
    """`make graph` then `graphkit factions` on the sample articles: Damascus with Moscow and
    Tehran, Ankara and the jihadist groups apart; factions and actors fit 100 columns."""
    store.clear()
    try:
        home = str(store_home)
        run(home, "ingest", str(REPO / "corpus"))
        out = run_json(home, "factions")
        by = {m["name"]: m for m in out["members"]}
        syria = by["Syria"]["bloc"]
        for name in ("Russia", "Iran"):
            assert by[name]["bloc"] == syria and by[name]["placement"] != "undecided", by[name]
        for name in ("Turkey", "Hayat Tahrir al-Sham", "Hurras al-Din"):
            assert by[name]["bloc"] != syria and by[name]["moves"][str(syria)] > 0, by[name]
        rows = run_json(home, "actors", "--top", "5")
        assert len(rows) == 5 and "Turkey" in {r["name"] for r in rows}
        assert isinstance(run_json(home, "contested"), list)
        _fits_100_columns(store_home, out["members"], run_json(home, "actors", "--top", "0"))
    finally:
        store.clear()


def _fits_100_columns(store_home, members, actors):
    """Rendered as in a 100-column terminal, no line is longer and no cell wraps: every
    member and actor is one whole line with its values."""
    def show(*args, width=100):
        env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "GRAPHKIT_HOME")}
        r = subprocess.run([sys.executable, "-c", "from graphkit.cli import main; main()", *args, "--home", str(store_home)],
                           env=dict(env, COLUMNS=str(width)), capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr
        lines = r.stdout.splitlines()
        assert max(map(len, lines)) <= width, "\n".join(lines)
        return lines

    lines = show("factions")
    for m in members:
        pattern = rf"^\s*{m['bloc']}\s+{re.escape(m['name'])}\s+{re.escape(m['kind'])}\s+{m['placement']}\s+{m['margin']}\b"
        assert sum(bool(re.match(pattern, ln)) for ln in lines) == 1, (pattern, lines)
    lines = show("actors", "--top", "0")
    for a in actors:
        bloc = "" if a["bloc"] is None else a["bloc"]      # an actor in no bloc has an empty cell
        pattern = rf"^{re.escape(a['name'])}\s+{bloc}\s*{a['evidence']}\s+{a['backs_out']}\s+{a['backed_in']}\s"
        assert sum(bool(re.match(pattern, ln)) for ln in lines) == 1, (pattern, lines)
    wide = show("actors", "--top", "0", "--wide", width=250)
    assert "opposes_out" in "".join(wide) and "opposes" not in "".join(lines)
    wide = show("factions", "--wide", width=250)
    assert "bloc_source" in "".join(wide)
