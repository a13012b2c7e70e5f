"""The graphkit command line: ingest, extract, query, render, stats, eval, serve.

Store options are the same on every command that touches the store: the embedded
ArcadeDB server under --home (default ./.graphkit or $GRAPHKIT_HOME), or a Neo4j
at --uri / $NEO4J_URI.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from ..documents import ReadError, expand, read_documents
from ..model import Document, Extraction
from .output import Format, console, emit, err

app = typer.Typer(help="Entity-relationship graphs from news: extract, store, query, render.",
                  no_args_is_help=True, pretty_exceptions_show_locals=False, add_completion=False)

Home = Annotated[Optional[Path], typer.Option("--home", envvar="GRAPHKIT_HOME",
                                               help="Folder of the embedded store (default ./.graphkit).")]
Uri = Annotated[Optional[str], typer.Option("--uri", envvar="NEO4J_URI", help="Bolt URI of a Neo4j server instead of the embedded store.")]
User = Annotated[Optional[str], typer.Option("--user", envvar="NEO4J_USER", help="Neo4j user.")]
Password = Annotated[Optional[str], typer.Option("--password", envvar="NEO4J_PASSWORD", help="Neo4j password (prefer the env var).")]
Database = Annotated[Optional[str], typer.Option("--database", envvar="NEO4J_DATABASE", help="Database name.")]
Aliases = Annotated[Optional[list[Path]], typer.Option("--aliases", help="Extra alias file(s) (JSON, see README).")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


def open_store(home, uri, user, password, database):
    from ..store import StoreError, connect
    try:
        return connect(home=str(home) if home else None, uri=uri, user=user, password=password, database=database)
    except StoreError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2)


def _extractor(aliases, home):
    from ..extract import Extractor
    try:
        return Extractor(aliases=[str(a) for a in aliases or []], home=str(home) if home else None)
    except (OSError, ValueError) as e:
        err.print(f"[red]error:[/red] alias data: {e}")
        raise typer.Exit(2)


def _report(e: ReadError) -> None:
    err.print(f"skipped {e.path}: {e.reason}", highlight=False, markup=False)


def _chunks(it, n: int) -> Iterator[list]:
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) >= n:
            yield buf
            buf = []
    if buf:
        yield buf


_FORK_HOOK = []


def _die_with_parent_in_forked_workers() -> None:
    """spaCy's n_process workers are forked and block on a queue: if this process is
    killed (kill -9) they would live on, orphaned. Ask Linux to SIGKILL each of them
    when its parent dies (prctl PR_SET_PDEATHSIG); a no-op elsewhere."""
    if _FORK_HOOK or not sys.platform.startswith("linux") or not hasattr(os, "register_at_fork"):
        return
    import ctypes
    import signal
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return
    parent = os.getpid()

    def child() -> None:
        prctl(1, signal.SIGKILL)          # PR_SET_PDEATHSIG
        if os.getppid() != parent:        # the parent died before prctl took effect
            os._exit(1)
    os.register_at_fork(after_in_child=child)
    _FORK_HOOK.append(child)


def _hms(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


def _count_inputs(paths: list[str]) -> int:
    files, _ = expand(paths)
    total = 0
    for f in files:
        if f.suffix.lower() in (".jsonl", ".ndjson"):
            try:
                with f.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or globs: .txt .md .html .jsonl")],
    home: Home = None, uri: Uri = None, user: User = None, password: Password = None, database: Database = None,
    aliases: Aliases = None,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Parser processes (spaCy n_process).")] = 1,
    batch: Annotated[int, typer.Option("--batch", help="Documents per write transaction.")] = 100,
    date: Annotated[Optional[str], typer.Option("--date", help="Published date (YYYY-MM-DD) for documents without one.")] = None,
    fmt: FormatOpt = Format.table,
):
    """Extract relations from documents and load them into the store (idempotent)."""
    errors: list[ReadError] = []
    totals = {"documents_added": 0, "documents_skipped": 0, "entities_added": 0, "claims_added": 0, "edges": 0}
    t0 = time.time()
    # A server this command starts gets a 512 MiB heap (loading needs little; the whole
    # ingest, server included, stays under 2 GiB: a 10,000-document run peaked at 1.99
    # GiB with 1 GiB, 1.90 with 512 MiB) unless GRAPHKIT_HEAP says otherwise.
    os.environ.setdefault("GRAPHKIT_HEAP", "512m")
    if workers > 1:
        _die_with_parent_in_forked_workers()
    extractor = _extractor(aliases, home)
    total = _count_inputs(paths)
    with open_store(home, uri, user, password, database) as store:
        forced = os.environ.get("GRAPHKIT_PROGRESS") == "1"
        progress = Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"),
                            TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(), console=err,
                            disable=not err.is_terminal and not forced)
        with progress:
            task = progress.add_task("ingest", total=total)
            # Not a terminal (a log file, CI) but asked for: rich draws nothing until the
            # end there, so also print a plain progress line every GRAPHKIT_PROGRESS_EVERY s.
            every = float(os.environ.get("GRAPHKIT_PROGRESS_EVERY", "10")) if forced and not err.is_terminal else 0
            last = [time.monotonic()]

            def advance(n: int = 1) -> None:
                progress.advance(task, n)
                if every and time.monotonic() - last[0] >= every:
                    last[0] = time.monotonic()
                    t = progress.tasks[0]
                    eta = t.time_remaining
                    err.print(f"ingest {int(t.completed)}/{total} docs ({100 * t.completed / max(total, 1):.0f}%) "
                              f"elapsed {_hms(t.elapsed or 0)} eta {_hms(eta) if eta is not None else '?'}",
                              highlight=False, markup=False)

            def fresh_documents() -> Iterator[Document]:
                for chunk in _chunks(read_documents(paths, published=date), 256):
                    docs = []
                    for d in chunk:
                        if isinstance(d, ReadError):
                            errors.append(d)
                            _report(d)
                            advance()
                        else:
                            docs.append(d)
                    known = store.known_documents([d.id for d in docs]) if docs else set()
                    seen = set()
                    for d in docs:
                        if d.id in known or d.id in seen:
                            totals["documents_skipped"] += 1
                            advance()
                        else:
                            seen.add(d.id)
                            yield d

            for group in _chunks(extractor.extract_all(fresh_documents(), n_process=workers), batch):
                res = store.write_extractions(group)
                for k in totals:
                    totals[k] += res.get(k, 0)
                advance(len(group))
    totals["errors"] = len(errors)
    totals["seconds"] = round(time.time() - t0, 1)
    if fmt == Format.table:
        emit(["what", "count"], [{"what": k.replace("_", " "), "count": v} for k, v in totals.items()], fmt,
             title="ingest")
    else:
        emit(list(totals), [totals], fmt, title="ingest")
    if errors:
        err.print(f"{len(errors)} input(s) could not be read; see the lines above.", highlight=False)
        raise typer.Exit(1)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or globs.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (the extraction contract) or table.")] = "jsonl",
    aliases: Aliases = None, home: Home = None,
    all_claims: Annotated[bool, typer.Option("--all", help="Also print negated and hedged claims.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w")] = 1,
    gold: Annotated[Optional[Path], typer.Option("--eval", help="Score the run against a gold file.")] = None,
    date: Annotated[Optional[str], typer.Option("--date")] = None,
):
    """Extract relations without storing them (one JSON object per relation)."""
    if fmt not in ("jsonl", "table"):
        err.print("error: --format is jsonl or table")
        raise typer.Exit(2)
    extractor = _extractor(aliases, home)
    errors: list[ReadError] = []

    def docs():
        for d in read_documents(paths, published=date):
            if isinstance(d, ReadError):
                errors.append(d)
                _report(d)
            else:
                yield d

    rows = []
    for ex in extractor.extract_all(docs(), n_process=workers):
        for c in ex.claims:
            if not (all_claims or c.asserted):
                continue
            row = c.contract()
            if fmt == "jsonl" and not gold:
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                rows.append(row)
    if fmt == "table" and not gold:
        emit(["doc", "subject", "relation", "object", "attributed_to", "confidence", "evidence"], rows)
    if gold:
        if fmt == "jsonl":
            for r in rows:
                sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        _print_eval(json.loads(gold.read_text(encoding="utf-8")), rows, verbose=False, to=err)
    if errors:
        raise typer.Exit(1)


def _print_eval(gold: dict, preds: list[dict], verbose: bool, to=None, as_json: bool = False) -> None:
    from ..eval import score
    res = score(gold, preds)
    if as_json:
        json.dump({k: v for k, v in res.items() if k != "documents"}, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return
    out = to or console
    if verbose:
        for d, v in res["documents"].items():
            out.print(f"== {d}: tp={len(v['tp'])} fp={len(v['fp'])} fn={len(v['fn'])}", highlight=False)
            for label, key in (("ok   ", "tp"), ("WRONG", "fp"), ("MISS ", "fn")):
                for t in v[key]:
                    out.print(f"   {label} {t}", highlight=False, markup=False)
    for k, v in list(res["by_relation"].items()) + [("overall", res["overall"])]:
        out.print(f"{k:11s} P={v['precision']:.2f} R={v['recall']:.2f} F1={v['f1']:.2f}  "
                  f"(tp={v['tp']} fp={v['fp']} fn={v['fn']})", highlight=False)


@app.command("eval")
def eval_cmd(gold: Path, predictions: Path,
             verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
             as_json: Annotated[bool, typer.Option("--json")] = False):
    """Precision/recall/F1 of an extract run (jsonl) against a gold file."""
    preds = []
    for i, line in enumerate(predictions.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                preds.append(json.loads(line))
            except json.JSONDecodeError as e:
                err.print(f"error: {predictions}:{i}: not JSON: {e}")
                raise typer.Exit(2)
    _print_eval(json.loads(gold.read_text(encoding="utf-8")), preds, verbose, as_json=as_json)


def _parse_params(params: list[str] | None) -> dict:
    out = {}
    for p in params or []:
        if "=" not in p:
            err.print(f"error: --param wants key=value, got {p!r}")
            raise typer.Exit(2)
        k, v = p.split("=", 1)
        try:
            out[k] = json.loads(v) if v[:1] in "[{\"" or v in ("true", "false", "null") or v.lstrip("-").isdigit() else v
        except json.JSONDecodeError:
            out[k] = v
    return out


@app.command()
def query(
    cypher: Annotated[Optional[str], typer.Argument(help="A Cypher query (values as $params).")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="key=value (JSON values allowed).")] = None,
    saved: Annotated[Optional[str], typer.Option("--saved", "-s", help="Run cypher/queries/NAME.cypher.")] = None,
    list_saved: Annotated[bool, typer.Option("--list", help="List saved queries.")] = False,
    write: Annotated[bool, typer.Option("--write", help="Allow writes (default: read-only).")] = False,
    since: Annotated[Optional[str], typer.Option("--since", help="Sets $since (saved queries filter claims by document date).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Sets $until.")] = None,
    fmt: FormatOpt = Format.table,
    home: Home = None, uri: Uri = None, user: User = None, password: Password = None, database: Database = None,
):
    """Run Cypher against the store, read-only unless --write."""
    from ..store.cypher import load_saved_queries
    if list_saved:
        qs = load_saved_queries()
        emit(["name", "purpose", "params"], [{"name": q.name, "purpose": q.purpose,
                                             "params": ", ".join(f"${k}" for k in q.params)} for q in qs.values()], fmt)
        return
    if not cypher and not saved:
        err.print("error: give a Cypher query, --saved NAME or --list")
        raise typer.Exit(2)
    params = _parse_params(param)
    for k, v in (("since", since), ("until", until)):
        if v is not None:
            params[k] = v
    from ..store import StoreError
    with open_store(home, uri, user, password, database) as store:
        try:
            if saved:
                cols, rows = store.run_saved(saved, params)
            else:
                cols, rows = store.query(cypher, params, write=write)
        except (StoreError, KeyError) as e:
            err.print(f"error: {e}", highlight=False, markup=False)
            raise typer.Exit(2)
        except Exception as e:  # neo4j.exceptions.Neo4jError and friends: say what the server said
            err.print(f"error: {type(e).__name__}: {getattr(e, 'message', None) or e}", highlight=False, markup=False)
            raise typer.Exit(2)
    emit(cols, rows, fmt)


@app.command()
def render(
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("graph.html"),
    entity: Annotated[Optional[str], typer.Option("--entity", "-e", help="Centre on this entity (name or alias).")] = None,
    hops: Annotated[int, typer.Option("--hops", help="Neighbourhood depth with --entity.")] = 1,
    cypher: Annotated[Optional[str], typer.Option("--cypher", help="Render the entities a query returns.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p")] = None,
    max_nodes: Annotated[int, typer.Option("--max-nodes", help="Keep the top-N nodes by weight.")] = 10000,
    since: Annotated[Optional[str], typer.Option("--since", help="Only claims from documents published on/after.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="... and on/before this date.")] = None,
    title: Annotated[str, typer.Option("--title")] = "graphkit",
    color_by: Annotated[Optional[str], typer.Option("--color-by", help="kind (default) or bloc (factions).")] = None,
    all_entities: Annotated[bool, typer.Option("--all-entities", help="Also draw entities that have no relation.")] = False,
    home: Home = None, uri: Uri = None, user: User = None, password: Password = None, database: Database = None,
):
    """Write the graph (or part of it) as a self-contained interactive HTML page."""
    from ..render import render_html
    with open_store(home, uri, user, password, database) as store:
        keys = None
        if cypher:
            cols, rows = store.query(cypher, _parse_params(param))
            keys = sorted(_entity_keys(rows))
            if not keys:
                err.print("error: the query returned no entities to render")
                raise typer.Exit(2)
        if entity and not store.find_entities(entity):
            err.print(f"error: no entity named {entity!r}", highlight=False, markup=False)
            raise typer.Exit(2)
        G = store.load_graph(entity=entity, hops=hops, keys=keys, since=since, until=until)
    if not all_entities:
        # entities mentioned but in no relation would crowd the page; the store still has them
        G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0])
    groups = None
    if color_by == "bloc":
        from ..analysis.factions import factions
        groups = factions(G).node_bloc
    html = render_html(G, title=title, max_nodes=max_nodes, groups=groups)
    output.write_text(html, encoding="utf-8")
    console.print(f"wrote {output} ({G.number_of_nodes()} entities, {G.number_of_edges()} relations)", highlight=False)


def _entity_keys(value) -> set[str]:
    """Entity keys anywhere in query results: nodes, paths, lists, or plain key strings."""
    out: set[str] = set()
    if isinstance(value, dict):
        props = value.get("properties") if "labels" in value else None
        if props and "key" in props:
            out.add(props["key"])
        for k, v in value.items():
            if k == "key" and isinstance(v, str) and ":" in v:
                out.add(v)
            else:
                out |= _entity_keys(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            out |= _entity_keys(v)
    return out


@app.command()
def stats(fmt: FormatOpt = Format.table,
          home: Home = None, uri: Uri = None, user: User = None, password: Password = None, database: Database = None):
    """Counts by label and relation type."""
    with open_store(home, uri, user, password, database) as store:
        s = store.stats()
    rows = [{"what": "label", "name": k, "count": v} for k, v in s.get("labels", {}).items()]
    rows += [{"what": "relation", "name": k, "count": v} for k, v in s.get("relations", {}).items()]
    emit(["what", "name", "count"], rows, fmt)


@app.command()
def serve(home: Home = None):
    """Run the embedded store in the foreground so several commands share it (Ctrl-C stops it)."""
    from ..store import serve as _serve
    _serve(str(home) if home else None)


from . import analysis  # noqa: E402,F401  (registers its commands on app)


def main() -> None:
    app()
