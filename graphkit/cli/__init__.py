"""The graphkit command line: ingest, extract, query, render, stats, eval, serve.

Store options are the same on every command that touches the store: the embedded
ArcadeDB server under --home (default ./.graphkit or $GRAPHKIT_HOME), or a Neo4j
at --uri / $NEO4J_URI.
"""
from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from ..documents import ReadError, expand, open_regular, read_documents
from ..model import Document, Extraction
from .errors import GraphkitGroup, fail
from .output import Format, console, emit, err

app = typer.Typer(help="Entity-relationship graphs from news: extract, store, query, render.",
                  cls=GraphkitGroup, no_args_is_help=True, pretty_exceptions_show_locals=False,
                  add_completion=False)
# The driver logs each retry and lost connection as a warning with a traceback;
# the store's errors already say what happened, in one line.
logging.getLogger("neo4j").addHandler(logging.NullHandler())
logging.getLogger("neo4j").propagate = False

Home = Annotated[Optional[Path], typer.Option("--home", envvar="GRAPHKIT_HOME",
                                               help="Folder of the embedded store (default ./.graphkit).")]
Uri = Annotated[Optional[str], typer.Option("--uri", envvar="NEO4J_URI", help="Bolt URI of a Neo4j server instead of the embedded store.")]
User = Annotated[Optional[str], typer.Option("--user", envvar="NEO4J_USER", help="Neo4j user.")]
Password = Annotated[Optional[str], typer.Option("--password", envvar="NEO4J_PASSWORD", help="Neo4j password (prefer the env var).")]
Database = Annotated[Optional[str], typer.Option("--database", envvar="NEO4J_DATABASE", help="Database name.")]
Aliases = Annotated[Optional[list[Path]], typer.Option("--aliases", help="Extra alias file(s) (JSON, see README).")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


def open_store(home, uri, user, password, database, query_timeout=None, allow_files=None):
    from ..store import StoreError, connect
    try:
        return connect(home=str(home) if home else None, uri=uri, user=user, password=password, database=database,
                       query_timeout=query_timeout, allow_files=allow_files)
    except StoreError as e:
        fail(str(e))


def _extractor(aliases, home):
    from ..extract import Extractor
    from ..extract.gazetteer import AliasFileError
    try:
        return Extractor(aliases=[str(a) for a in aliases or []], home=str(home) if home else None)
    except AliasFileError as e:
        fail(str(e))


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
        fh = open_regular(f) if f.suffix.lower() in (".jsonl", ".ndjson") else None
        if fh is None or isinstance(fh, ReadError):     # never opens a FIFO or a device
            total += 1
            continue
        try:
            with fh:
                total += sum(1 for line in iter(lambda: fh.readline(1 << 20), b"") if line.strip())
        except OSError:
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
    from ..store.store import write_batch
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
                res, failed = write_batch(store, group)
                for ex, why in failed:     # the rest of the batch went in
                    e = ReadError(ex.document.path or ex.document.name, f"could not be stored: {why}")
                    errors.append(e)
                    _report(e)
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
        err.print(f"{len(errors)} input(s) could not be read or stored; see the lines above.", highlight=False)
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
        fail(f"--format {fmt}: extract writes jsonl or table")
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
        _print_eval(_read_gold(gold), rows, verbose=False, to=err)
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
    from ..documents import json_reason
    preds = []
    for i, line in enumerate(_read_text(predictions, "predictions").splitlines(), 1):
        if line.strip():
            try:
                preds.append(json.loads(line))
            except json.JSONDecodeError as e:
                fail(f"{predictions}:{i}: malformed JSON at column {e.colno}: {json_reason(e)}")
    _print_eval(_read_gold(gold), preds, verbose, as_json=as_json)


def _read_text(path: Path, what: str) -> str:
    """A small input file's text, or one line saying why not (never blocks on a FIFO)."""
    from ..documents import decode, read_capped
    f = open_regular(path)
    if isinstance(f, ReadError):
        fail(f"{what} {f.path}: {f.reason}")
    with f:
        data = read_capped(f, 512 * 1024 * 1024)
    text = decode(data, str(path)) if data is not None else ReadError(str(path), "too large")
    if isinstance(text, ReadError):
        fail(f"{what} {text.path}: {text.reason}")
    return text


def _read_gold(path: Path) -> dict:
    from ..documents import json_reason
    try:
        gold = json.loads(_read_text(path, "gold file"))
    except json.JSONDecodeError as e:
        fail(f"gold file {path}: not valid JSON at line {e.lineno} column {e.colno}: {json_reason(e)}")
    if not isinstance(gold, dict):
        fail(f"gold file {path}: expected a JSON object")
    return gold


def _parse_params(params: list[str] | None) -> dict:
    out = {}
    for p in params or []:
        if "=" not in p:
            fail(f"--param {p!r}: wants key=value")
        k, v = p.split("=", 1)
        try:
            out[k] = json.loads(v) if v[:1] in "[{\"" or v in ("true", "false", "null") or v.lstrip("-").isdigit() else v
        except json.JSONDecodeError:
            out[k] = v
    return out


Timeout = Annotated[Optional[float], typer.Option(
    "--timeout", min=0, help="Stop the query in the server after this many seconds (default "
    "$GRAPHKIT_QUERY_TIMEOUT or 60; 0: only the server's own limit).")]
AllowFiles = Annotated[Optional[Path], typer.Option(
    "--allow-files", help="The only folder LOAD CSV may read (embedded store; the server must have been "
    "started with it). Without it, queries read no files.")]


@app.command()
def query(
    cypher: Annotated[Optional[str], typer.Argument(help="A Cypher query (values as $params).")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="key=value (JSON values allowed).")] = None,
    saved: Annotated[Optional[str], typer.Option("--saved", "-s", help="Run cypher/queries/NAME.cypher.")] = None,
    list_saved: Annotated[bool, typer.Option("--list", help="List saved queries.")] = False,
    write: Annotated[bool, typer.Option("--write", help="Allow writes (default: read-only, enforced by the store).")] = False,
    timeout: Timeout = None,
    allow_files: AllowFiles = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Sets $since (saved queries filter claims by document date).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Sets $until.")] = None,
    fmt: FormatOpt = Format.table,
    home: Home = None, uri: Uri = None, user: User = None, password: Password = None, database: Database = None,
):
    """Run Cypher against the store: read-only unless --write, no files unless --allow-files, time-limited."""
    from ..store.cypher import load_saved_queries
    if list_saved:
        qs = load_saved_queries()
        emit(["name", "purpose", "params"], [{"name": q.name, "purpose": q.purpose,
                                             "params": ", ".join(f"${k}" for k in q.params)} for q in qs.values()], fmt)
        return
    if not cypher and not saved:
        fail("give a Cypher query, --saved NAME or --list")
    params = _parse_params(param)
    for k, v in (("since", since), ("until", until)):
        if v is not None:
            params[k] = v
    with open_store(home, uri, user, password, database, query_timeout=timeout, allow_files=allow_files) as store:
        _note_server_limit(store, timeout)
        try:
            if saved:
                cols, rows = store.run_saved(saved, params, timeout=timeout)
            else:
                cols, rows = store.query(cypher, params, write=write, timeout=timeout,
                                         allow_files=allow_files is not None)
        except (KeyError, ValueError) as e:      # an unknown saved query, a missing parameter
            fail(e.args[0] if e.args else str(e))
    emit(cols, rows, fmt)


def _note_server_limit(store, timeout: float | None) -> None:
    """Say so when a running server will stop the query before --timeout does."""
    h = store.server
    if h is None or timeout is None or not h.settings.timeout:
        return
    if timeout == 0 or timeout > h.settings.timeout:
        err.print(f"note: the running graphkit server (pid {h.pid}) stops every statement after "
                  f"{h.settings.timeout:g}s (set when it started: graphkit serve --timeout, or "
                  "$GRAPHKIT_QUERY_TIMEOUT); --timeout cannot go beyond that", highlight=False, markup=False)


@app.command()
def render(
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("graph.html"),
    entity: Annotated[Optional[str], typer.Option("--entity", "-e", help="Centre on this entity (name or alias).")] = None,
    hops: Annotated[int, typer.Option("--hops", min=0, help="Neighbourhood depth with --entity.")] = 1,
    cypher: Annotated[Optional[str], typer.Option("--cypher", help="Render the entities a query returns (read-only).")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p")] = None,
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=1, help="Keep the top-N nodes by weight.")] = 10000,
    since: Annotated[Optional[str], typer.Option("--since", help="Only claims from documents published on/after.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="... and on/before this date.")] = None,
    title: Annotated[str, typer.Option("--title")] = "graphkit",
    color_by: Annotated[Optional[str], typer.Option("--color-by", help="kind (default) or bloc (factions).")] = None,
    all_entities: Annotated[bool, typer.Option("--all-entities", help="Also draw entities that have no relation.")] = False,
    timeout: Timeout = None,
    home: Home = None, uri: Uri = None, user: User = None, password: Password = None, database: Database = None,
):
    """Write the graph (or part of it) as a self-contained interactive HTML page."""
    from ..render import render_html
    from ..store import StoreError
    if color_by not in (None, "kind", "bloc"):
        fail(f"--color-by {color_by}: kind or bloc")
    with open_store(home, uri, user, password, database, query_timeout=timeout) as store:
        keys = None
        if cypher:
            try:
                cols, rows = store.query(cypher, _parse_params(param), timeout=timeout)
            except StoreError as e:
                fail(f"--cypher query: {e}")
            keys = sorted(_entity_keys(rows))
            if not keys:
                fail("--cypher query: it returned no entities to render")
        if entity and not store.find_entities(entity):
            fail(f"--entity {entity!r}: no entity has this name or alias")
        G = store.load_graph(entity=entity, hops=hops, keys=keys, since=since, until=until)
    if not all_entities:
        # entities mentioned but in no relation would crowd the page; the store still has them
        G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0])
    groups = None
    if color_by == "bloc":
        from ..analysis.factions import factions
        groups = factions(G).node_bloc
    html = render_html(G, title=title, max_nodes=max_nodes, groups=groups)
    try:
        output.write_text(html, encoding="utf-8")
    except OSError as e:
        fail(f"--output {output}: cannot write: {e.strerror or e}")
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
def serve(
    home: Home = None,
    timeout: Annotated[Optional[float], typer.Option(
        "--timeout", min=0, help="The server stops any statement after this many seconds (default "
        "$GRAPHKIT_QUERY_TIMEOUT or 60; 0: no limit).")] = None,
    allow_files: Annotated[Optional[Path], typer.Option(
        "--allow-files", help="The only folder LOAD CSV may read, for queries run with the same --allow-files.")] = None,
):
    """Run the embedded store in the foreground so several commands share it (Ctrl-C or SIGTERM stops it)."""
    from ..store import ServerSettings, StoreError, resolve_home, serve as _serve
    from ..store.settings import check_files_folder, default_timeout
    try:
        h = resolve_home(home)
        settings = ServerSettings(timeout=default_timeout() if timeout is None else timeout,
                                  files=check_files_folder(allow_files, h) if allow_files else None)
        status = _serve(h, settings=settings)
    except StoreError as e:
        fail(str(e))
    if status:
        raise typer.Exit(status)


from . import analysis  # noqa: E402,F401  (registers its commands on app)


def main() -> None:
    app()
