"""graphkit export --format neo4j-import: the whole store as neo4j-admin CSV files.
No neo4j-admin here, so the files are read back by the importer's header rules
(ID spaces, :LABEL, :TYPE, typed columns, the array delimiter) and must give back the
store's graph exactly: every node with its labels and properties, every relationship."""
from __future__ import annotations

import csv
import json

from typer.testing import CliRunner

from graphkit.cli import app
from graphkit.store.bulk import ARRAY_DELIMITER, NODE_KEYS, REL_ENDS, dump, import_command

from test_cli_analysis import ENV
from test_store import corpus

csv.field_size_limit(1 << 30)

CASTS = {"long": int, "int": int, "double": float, "float": float, "boolean": lambda v: v == "true",
         "string": str}


def read_back(folder):
    """Nodes and relationships as neo4j-admin would read the files."""
    nodes, rels = {}, []
    for path in sorted(folder.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as f:
            rows = csv.reader(f)
            header = next(rows)
            for row in rows:
                props, labels, ids, rtype = {}, [], {}, None
                for col, cell in zip(header, row):
                    name, _, typ = col.partition(":")
                    if typ.startswith(("ID(", "START_ID(", "END_ID(")):
                        space = typ[typ.index("(") + 1:-1]
                        ids[typ.split("(")[0]] = (space, cell)
                        if typ.startswith("ID("):
                            props[name] = cell
                    elif typ == "LABEL":
                        labels = cell.split(ARRAY_DELIMITER)
                    elif typ == "TYPE":
                        rtype = cell
                    elif cell != "":
                        if typ.endswith("[]"):
                            props[name] = [CASTS[typ[:-2]](x) for x in cell.split(ARRAY_DELIMITER)]
                        else:
                            props[name] = CASTS[typ or "string"](cell)
                if "ID" in ids:
                    assert ids["ID"] not in nodes, f"duplicate id {ids['ID']}"
                    nodes[ids["ID"]] = (sorted(labels), props)
                else:
                    rels.append((rtype, ids["START_ID"], ids["END_ID"], props))
    return nodes, rels


def _given(p: dict) -> dict:
    """Empty strings and lists are left out of the files (an empty field is no property)."""
    return {k: v for k, v in p.items() if v not in ("", [], None)}


def store_graph(store):
    nodes = {}
    for label, key in NODE_KEYS.items():
        for r in store.query(f"MATCH (n:{label}) RETURN labels(n) AS l, properties(n) AS p")[1]:
            nodes[(label, r["p"][key])] = (sorted(r["l"]), _given(r["p"]))
    rels = []
    for t, (a, b) in REL_ENDS.items():
        for r in store.query(f"MATCH (x:{a})-[r:{t}]->(y:{b}) RETURN x.{NODE_KEYS[a]} AS x, "
                             f"y.{NODE_KEYS[b]} AS y, properties(r) AS p")[1]:
            rels.append((t, (a, r["x"]), (b, r["y"]), _given(r["p"])))
    return nodes, rels


def canon(rels):
    return sorted(json.dumps(r, sort_keys=True) for r in rels)


def test_dump_reads_back_as_the_same_graph(clean_store, tmp_path):
    clean_store.write_extractions(corpus())
    clean_store.backfill()
    counts = dump(clean_store, tmp_path / "import")
    nodes, rels = read_back(tmp_path / "import")
    want_nodes, want_rels = store_graph(clean_store)
    for k in sorted(set(nodes) | set(want_nodes)):
        assert nodes.get(k) == want_nodes.get(k), k
    assert canon(rels) == canon(want_rels)
    # every relationship of the store is in some file: nothing of the model is left out
    total = clean_store.query("MATCH ()-[r]->() RETURN count(r) AS n")[1][0]["n"]
    assert len(rels) == total and sum(counts.values()) == len(nodes) + total
    assert {n[0][0] for n in nodes.values()} >= {"Claim", "Document", "Entity", "Name"}
    cmd = import_command(tmp_path / "import", files=counts)
    assert "--array-delimiter=U+001F" in cmd and f"--nodes={tmp_path / 'import' / 'nodes_Claim.csv'}" in cmd
    assert cmd.count("--relationships=") == len(REL_ENDS)


def test_cli_export_neo4j_import(store_home, clean_store, tmp_path):
    clean_store.write_extractions(corpus())
    out = tmp_path / "bulk"
    runner = CliRunner()
    r = runner.invoke(app, ["export", "--format", "neo4j-import", "-o", str(out), "--home", str(store_home)],
                      env=ENV, catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert "neo4j-admin database import full" in r.stdout and (out / "rels_BACKS.csv").exists()
    assert len(read_back(out)[0]) == len(store_graph(clean_store)[0])
    bad = runner.invoke(app, ["export", "--format", "neo4j-import", "-o", str(out), "--entity", "Turkey",
                              "--home", str(store_home)], env=ENV)
    assert bad.exit_code == 2 and "whole store" in bad.output
