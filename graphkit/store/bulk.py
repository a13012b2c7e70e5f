"""The whole store as CSV files for ``neo4j-admin database import full``: the bulk path
for a very large first load into Neo4j.

Unlike ``graphkit export --format csv`` (entities and summary edges of the browsing
graph), this carries graphkit's full model, so every saved query and later
incremental ``graphkit ingest`` runs work on the imported database:

* one node file per label — ``Document``, ``Entity`` (with its kind as a second
  label), ``Claim``, ``Name``, ``Meta`` — keyed by its unique property in an ID space
  of that name (``id:ID(Document)``, ``key:ID(Entity)``, ...);
* one relationship file per type: ``MENTIONED_IN``, ``PART_OF``, ``SUBJECT``,
  ``OBJECT``, ``IN``, ``NAMES`` and the summary types with all their properties.

Headers carry the property types (``long``, ``double``, ``boolean``, ``string[]``).
Arrays are delimited by U+001F (an element's own U+001F, never seen in news text, is dropped),
so ``--array-delimiter=U+001F``; evidence sentences may hold line breaks, so
``--multiline-fields=true``. :func:`import_command` prints the whole command line.

Empty strings and empty lists are left out (an empty field is no property to the
importer; graphkit reads a missing property as empty).

Rows are streamed from the store to a temporary file per label/type while the
property types are collected, then written out with their header: memory stays flat
whatever the size of the store.
"""
from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path
from typing import Any, Iterable

from ..model import ENTITY_KINDS, RELATION_TYPES

ARRAY_DELIMITER = "\x1f"
# label -> its unique key (the ID of the import); graphkit's schema (cypher/schema.cypher)
NODE_KEYS = {"Document": "id", "Entity": "key", "Claim": "id", "Name": "lower", "Meta": "id"}
# relationship type -> (start label, end label)
REL_ENDS = {"MENTIONED_IN": ("Entity", "Document"), "PART_OF": ("Entity", "Entity"),
            "SUBJECT": ("Claim", "Entity"), "OBJECT": ("Claim", "Entity"), "IN": ("Claim", "Document"),
            "NAMES": ("Name", "Entity"), **{t: ("Entity", "Entity") for t in RELATION_TYPES}}


def _type(v: Any) -> str:
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "long"
    if isinstance(v, float):
        return "double"
    if isinstance(v, (list, tuple)):
        inner = {_type(x) for x in v}
        return (inner.pop() if len(inner) == 1 else "string") + "[]"
    return "string"


def _merge_type(a: str | None, b: str) -> str:
    if a is None or a == b:
        return b
    if {a, b} == {"long", "double"}:
        return "double"
    if a.endswith("[]") and b.endswith("[]"):
        return "string[]"
    return "string"


def _empty(v: Any) -> bool:
    """None, "" and []: an empty CSV field, which the importer leaves out (graphkit reads
    a missing property as empty)."""
    return v is None or v == "" or (isinstance(v, (list, tuple)) and not v)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple)):
        return ARRAY_DELIMITER.join(_cell(x).replace(ARRAY_DELIMITER, "") for x in v)
    return str(v)


class _Table:
    """Rows of one file: spooled as JSON lines while the columns' types are learnt."""

    def __init__(self, fixed: list[str]):
        self.fixed = fixed                 # header cells written as they are (ID, LABEL, ...)
        self.types: dict[str, str] = {}
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.rows = 0

    def add(self, fixed: list[Any], props: dict) -> None:
        props = {k: v for k, v in props.items() if not _empty(v)}
        for k, v in props.items():
            self.types[k] = _merge_type(self.types.get(k), _type(v))
        self.spool.write(json.dumps([fixed, props], ensure_ascii=False) + "\n")
        self.rows += 1

    def write(self, path: Path) -> None:
        keys = sorted(self.types)
        self.spool.seek(0)
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(self.fixed + [k if self.types[k] == "string" else f"{k}:{self.types[k]}" for k in keys])
            for line in self.spool:
                fixed, props = json.loads(line)
                w.writerow([_cell(x) for x in fixed] + [_cell(props.get(k)) for k in keys])
        self.spool.close()


def dump(store, folder: Path | str) -> dict[str, int]:
    """Write the store's whole graph under ``folder`` (created): ``nodes_<Label>.csv`` and
    ``rels_<TYPE>.csv``. Returns {file name: rows}."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with store.driver.session(database=store.database) as s:
        for label, key in NODE_KEYS.items():
            extra = label == "Entity"
            t = _Table([f"{key}:ID({label})", ":LABEL"])
            for rec in _stream(s, f"MATCH (n:{label}) RETURN labels(n) AS labels, properties(n) AS p"):
                props = dict(rec["p"])
                labels = [label] + sorted(x for x in rec["labels"] if x != label and (not extra or x in ENTITY_KINDS))
                t.add([props.pop(key), labels], props)
            name = f"nodes_{label}.csv"
            t.write(folder / name)
            counts[name] = t.rows
        for rel, (a, b) in REL_ENDS.items():
            ka, kb = NODE_KEYS[a], NODE_KEYS[b]
            t = _Table([f":START_ID({a})", f":END_ID({b})", ":TYPE"])
            for rec in _stream(s, f"MATCH (a:{a})-[r:{rel}]->(b:{b}) "
                                  f"RETURN a.{ka} AS a, b.{kb} AS b, properties(r) AS p"):
                t.add([rec["a"], rec["b"], rel], dict(rec["p"]))
            name = f"rels_{rel}.csv"
            t.write(folder / name)
            counts[name] = t.rows
    return counts


def _stream(session, cypher: str) -> Iterable:
    """Records of one read query, as they arrive."""
    tx = session.begin_transaction()
    try:
        yield from tx.run(cypher)
    finally:
        tx.close()


def import_command(folder: Path | str, database: str = "neo4j", files: Iterable[str] | None = None) -> str:
    """The ``neo4j-admin`` command line that imports a :func:`dump` folder (paths as given)."""
    folder = Path(folder)
    names = sorted(files) if files is not None else sorted(p.name for p in folder.glob("*.csv"))
    args = [f"--nodes={folder / n}" for n in names if n.startswith("nodes_")]
    args += [f"--relationships={folder / n}" for n in names if n.startswith("rels_")]
    return ("neo4j-admin database import full --overwrite-destination --array-delimiter=U+001F "
            "--multiline-fields=true " + " ".join(args) + f" {database}")
