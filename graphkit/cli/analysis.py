"""Analysis and export commands: factions, actors, contested, timeline, path, export.

Registered on the shared typer ``app`` (graphkit.cli.app) when graphkit.cli imports
this module; shared options come from graphkit.cli.options. The analyses themselves
(graphkit.analysis, graphkit.export) are imported inside the commands, so an error
there surfaces when the command runs instead of making the commands vanish at import
time.
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..store import StoreOptions
from .app import app
from .errors import fail
from .options import STORE, FormatOpt, Since, Until, open_store, store_options
from .output import Format, console, emit, err


def _graph(store: StoreOptions, since=None, until=None, entity=None, hops=1):
    with open_store(store) as st:
        try:
            return st.load_graph(entity=entity, hops=hops, since=since, until=until)
        except LookupError as e:
            fail(str(e.args[0]) if e.args else str(e))


def _json(value) -> None:
    from ..store import to_jsonable
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


Wide = Annotated[bool, typer.Option("--wide", help="Every column in the table (may wrap); the default columns fit 100.")]


@app.command()
@store_options
def factions(
    since: Since = None, until: Until = None,
    max_blocs: Annotated[int, typer.Option("--blocs", "-k", help="At most this many blocs per connected group.")] = 3,
    cut: Annotated[bool, typer.Option("--cut-ties", help="With --format csv: print the cut ties, not the blocs.")] = False,
    wide: Wide = False,
    fmt: FormatOpt = Format.table,
    store: StoreOptions = STORE,
):
    """Blocs of actors by structural balance, how firmly each is placed, and the ties that cut across.

    Each relation's sign and weight, with reasons: README, "Factions and key actors"."""
    from ..analysis import label
    from ..analysis.factions import FIRM, factions as _factions, member_rows
    G = _graph(store, since, until)
    r = _factions(G, max_blocs=max_blocs)
    members = member_rows(G, r)
    cut_cols = ["source", "relation", "target", "via", "docs", "sign", "weight", "tie_weight", "reason",
                "bloc_source", "bloc_target", "sentence"]
    member_cols = ["bloc", "name", "key", "kind", "placement", "margin", "also", "folded"]
    if fmt == Format.json:
        _json({"frustration": r.frustration, "total_weight": r.total_weight, "balance": round(r.balance, 4),
               "exact": r.exact,
               "blocs": [{"bloc": r.bloc_names[i], "number": i + 1, "members": [label(G, k) for k in b], "keys": b}
                         for i, b in enumerate(r.blocs)],
               "members": [{c: m[c] for c in member_cols + ["moves"]} for m in members],
               "undecided": [label(G, k) for k in r.undecided],
               "node_bloc": r.node_bloc, "margin": r.margin,
               "cut_ties": [{c: t[c] for c in cut_cols} for t in r.cut_ties]})
        return
    if fmt == Format.csv:
        emit(cut_cols, r.cut_ties, fmt) if cut else emit(member_cols, members, fmt)
        return
    for name in r.bloc_names:
        console.print(name, highlight=False, markup=False)
    emit(member_cols if wide else ["bloc", "name", "kind", "placement", "margin", "also", "folded_count"],
         members, fmt, title="members", headers={"folded_count": "folded", "also": "or in"}, compact=not wide)
    emit(cut_cols if wide else ["source", "relation", "target", "via", "docs"], r.cut_ties, fmt,
         title="cut ties", compact=not wide)
    undecided = ", ".join(f"{m['name']} ({_places(m)})" for m in members if m["placement"] == "undecided")
    console.print(
        f"Cut ties: positive relations across blocs, negative ones inside a bloc. Frustration "
        f"{r.frustration:g} of {r.total_weight:g} tie weight (balance {r.balance:.2f}; "
        f"{'exact' if r.exact else 'heuristic'} partition). Margin: how much frustration would rise if that "
        f"actor alone changed bloc; firm >= {FIRM:g} (one document's direct backing or attack), weak below, "
        "undecided 0.", highlight=False, markup=False)
    if undecided:
        console.print(f"Not decided by the evidence: {undecided}.", highlight=False, markup=False)


def _places(member: dict) -> str:
    """'bloc 1 or 2', 'bloc 1 or a bloc of its own': where an undecided member could be."""
    blocs = [str(member["bloc"])] + [p for p in member["also"].split(", ") if p and p != "own bloc"]
    text = "bloc " + (", ".join(blocs[:-1]) + " or " + blocs[-1] if len(blocs) > 1 else blocs[0])
    return text + (" or a bloc of its own" if "own bloc" in member["also"] else "")


@app.command()
@store_options
def actors(
    top: Annotated[int, typer.Option("--top", "-n", help="How many (0 = all).")] = 10,
    since: Since = None, until: Until = None,
    wide: Wide = False,
    fmt: FormatOpt = Format.table,
    store: StoreOptions = STORE,
):
    """Key actors: backing, attacks, opposition, centrality and brokerage between blocs."""
    from ..analysis.actors import COLUMNS, DEFAULT_COLUMNS, HEADERS, key_actors
    G = _graph(store, since, until)
    rows = key_actors(G, top=top or None)
    if fmt != Format.table:
        emit(["key"] + COLUMNS, rows, fmt)
    else:
        emit(COLUMNS if wide else DEFAULT_COLUMNS, rows, fmt, title="key actors", headers=None if wide else HEADERS,
             compact=not wide)


@app.command()
@store_options
def contested(
    since: Since = None, until: Until = None,
    same_document: Annotated[bool, typer.Option("--same-document",
                                                help="Compare attackers named in one document only.")] = False,
    fmt: FormatOpt = Format.table,
    store: StoreOptions = STORE,
):
    """Claims that sources dispute: who attacked, or whether it happened at all."""
    from ..analysis.contested import COLUMNS, contested as _contested
    G = _graph(store, since, until)
    rows = _contested(G, same_document=same_document)
    cols = COLUMNS if fmt == Format.table else COLUMNS + ["negated_a", "negated_b"]
    emit(cols, rows, fmt, title="contested claims")


@app.command()
@store_options
def timeline(
    entity: Annotated[str, typer.Argument(help="Entity name, alias or key.")],
    since: Since = None, until: Until = None,
    fmt: FormatOpt = Format.table,
    store: StoreOptions = STORE,
):
    """An entity's relations (every claim, in and out) in date order, undated last."""
    from ..analysis.timeline import COLUMNS, timeline as _timeline
    G = _graph(store, since, until, entity=entity, hops=1)
    try:
        rows = _timeline(G, entity)
    except LookupError as e:   # matched in the store, but no claims in the date range
        rows = []
        err.print(f"note: {e} in range", highlight=False, markup=False)
    emit(COLUMNS, rows, fmt, title=f"timeline: {entity}")


@app.command()
@store_options
def path(
    a: Annotated[str, typer.Argument(help="From entity (name, alias or key).")],
    b: Annotated[str, typer.Argument(help="To entity.")],
    max_hops: Annotated[int, typer.Option("--max-hops", help="Longest chain to look for.")] = 4,
    since: Since = None, until: Until = None,
    fmt: FormatOpt = Format.table,
    store: StoreOptions = STORE,
):
    """Shortest chains of relations between two entities (edges in either direction)."""
    from ..analysis.paths import paths as _paths
    G = _graph(store, since, until)
    try:
        found = _paths(G, a, b, max_hops=max_hops)
    except LookupError as e:
        fail(str(e.args[0]) if e.args else str(e))
    if fmt == Format.json:
        _json(found)
        return
    rows = [{"path": i, "hop": j, **h} for i, p in enumerate(found, 1) for j, h in enumerate(p, 1)]
    emit(["path", "hop", "from", "direction", "relation", "to", "weight", "sentence"], rows, fmt,
         title=f"paths: {a} .. {b}")
    if not found and fmt == Format.table:
        err.print(f"no path of at most {max_hops} hops", highlight=False)


class ExportFormat(str, Enum):
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"
    json = "json"
    neo4j_import = "neo4j-import"


@app.command()
@store_options
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (csv: a folder, or PREFIX.csv "
                                                                "for PREFIX_nodes.csv and PREFIX_edges.csv).")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="graphml, gexf, csv (browsing graph for neo4j-admin import), json, "
                                                           "or neo4j-import (the whole store, for neo4j-admin).")]
    = ExportFormat.graphml,
    entity: Annotated[Optional[str], typer.Option("--entity", "-e", help="Only this entity's neighbourhood.")] = None,
    hops: Annotated[int, typer.Option("--hops", help="Neighbourhood depth with --entity.")] = 1,
    since: Since = None, until: Until = None,
    store: StoreOptions = STORE,
):
    """Write the graph for Gephi, yEd, Cytoscape (GraphML/GEXF), neo4j-admin import (CSV) or code (JSON).

    csv: the browsing graph (entities, summary edges). neo4j-import: the whole store
    (documents, claims, names and every link) into the folder --output, with the
    neo4j-admin command that bulk-loads it: the fast path for a very large first load."""
    if fmt is ExportFormat.neo4j_import:
        if entity or since or until:
            fail("--format neo4j-import writes the whole store; drop --entity/--since/--until")
        from ..store.bulk import dump, import_command
        with open_store(store) as st:
            counts = dump(st, output)
        console.print(f"wrote {len(counts)} files to {output} ({sum(counts.values()):,} rows); import with:\n"
                      + import_command(output, files=counts), highlight=False, markup=False, soft_wrap=True)
        return
    from ..export import export as _export
    G = _graph(store, since, until, entity=entity, hops=hops)
    written = _export(G, fmt.value, output)
    console.print(f"wrote {', '.join(map(str, written))} ({G.number_of_nodes()} entities, "
                  f"{G.number_of_edges()} relations)", highlight=False)
