"""The graphkit command line: ingest, extract, query, render, stats, eval, serve here;
factions, actors, contested, timeline, path and export in graphkit.cli.analysis.

Every command is a thin layer over a library call. The store options are one bundle
(graphkit.cli.options.store_options): the embedded ArcadeDB server under --home
(default ./.graphkit or $GRAPHKIT_HOME), or a Neo4j at --uri / $NEO4J_URI. Errors
are raised one way, as graphkit.cli.errors.CliError: one line, exit status 2.
"""
from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..documents import ReadError, read_documents
from ..store import StoreOptions
from .app import app
from .errors import fail
from .options import (STORE, Aliases, FormatOpt, HomeOpt, Since, Until, extractor, open_store, report,
                      store_options)
from .output import Format, console, emit, err, progress_bar


@app.command()
@store_options
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, globs (.txt .md .html .jsonl) and http(s) "
                                                      "URLs of article pages, RSS/Atom feeds and sitemaps.")],
    store: StoreOptions,
    aliases: Aliases = None,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Parser processes (spaCy n_process).")] = 1,
    batch: Annotated[int, typer.Option("--batch", help="Documents per write transaction.")] = 100,
    date: Annotated[Optional[str], typer.Option("--date", help="Published date (YYYY-MM-DD) for documents "
                                                              "without one.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Feeds and sitemaps: only items dated on/after "
                                                                  "this (YYYY-MM-DD; undated items are read).")] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Web: seconds to connect, and to wait for data.")] = 20.0,
    concurrency: Annotated[int, typer.Option("--concurrency", help="Web: requests at once (at most 2 per site).")] = 4,
    retries: Annotated[int, typer.Option("--retries", help="Web: retries of a 429 or 5xx answer, with backoff.")] = 3,
    user_agent: Annotated[Optional[str], typer.Option(
        "--user-agent", envvar="GRAPHKIT_USER_AGENT",
        help="Web: the User-Agent sent (robots.txt rules for it apply).")] = None,
    fmt: FormatOpt = Format.table,
):
    """Extract relations from documents and web pages and load them into the store (idempotent)."""
    from ..ingest import ingest as run_ingest
    from ..web import WebOptions
    for name, value in (("--date", date), ("--since", since)):
        if value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name)
    web = WebOptions(connect_timeout=min(timeout, 10.0), read_timeout=timeout, deadline=max(60.0, 3 * timeout),
                     concurrency=max(1, concurrency), per_host=min(2, max(1, concurrency)), retries=max(0, retries),
                     **({"user_agent": user_agent} if user_agent else {}))
    ex = extractor(aliases, store.home)
    with progress_bar("ingest") as update:
        result = run_ingest(sources, store, extractor=ex, workers=workers, batch=batch, published=date,
                            since=since, web=web, on_progress=update, on_error=report)
    totals = result.summary()
    if fmt == Format.table:
        emit(["what", "count"], [{"what": k.replace("_", " "), "count": v} for k, v in totals.items()], fmt,
             title="ingest")
    else:
        emit(list(totals), [totals], fmt, title="ingest")
    if result.errors:
        err.print(f"{len(result.errors)} input(s) could not be read or stored; see the lines above.",
                  highlight=False)
        raise typer.Exit(1)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or globs.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (the extraction contract) or table.")] = "jsonl",
    aliases: Aliases = None, home: HomeOpt = None,
    all_claims: Annotated[bool, typer.Option("--all", help="Also print negated and hedged claims.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w")] = 1,
    gold: Annotated[Optional[Path], typer.Option("--eval", help="Score the run against a gold file.")] = None,
    date: Annotated[Optional[str], typer.Option("--date")] = None,
):
    """Extract relations without storing them (one JSON object per relation)."""
    if fmt not in ("jsonl", "table"):
        fail(f"--format {fmt}: extract writes jsonl or table")
    ex = extractor(aliases, home)
    errors: list[ReadError] = []

    def docs():
        for d in read_documents(paths, published=date):
            if isinstance(d, ReadError):
                errors.append(d)
                report(d)
            else:
                yield d

    rows = []
    for extraction in ex.extract_all(docs(), n_process=workers):
        for c in extraction.claims:
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


@app.command()
def train(
    corpus: Annotated[list[Path], typer.Option("--corpus", help="Folder of annotated articles (*.txt); repeat "
                                                                 "with --gold for several sets.")],
    gold: Annotated[list[Path], typer.Option("--gold", help="Each corpus's gold relations (graphkit-gold/1).")],
    conflicts: Annotated[Optional[Path], typer.Option(
        "--conflicts", help="Article -> conflict map: the threshold is chosen on folds of whole conflicts.")] = None,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="Model file to write (default: the one graphkit ships).")] = None,
):
    """Fit the learned scorer on an annotated corpus (deterministic: the same data give the same file)."""
    from ..extract.scorer import MODEL_PATH
    from ..extract.train import train as fit_scorer
    if len(corpus) != len(gold):
        fail(f"--corpus and --gold come in pairs: {len(corpus)} corpus folder(s), {len(gold)} gold file(s)")
    for p, what in [(c, "--corpus") for c in corpus] + [(g, "--gold") for g in gold] + (
            [(conflicts, "--conflicts")] if conflicts else []):
        if not p.exists():
            fail(f"{what} {p}: no such file or folder")
    for g in gold:
        _read_gold(g)
    model = fit_scorer(list(zip(corpus, gold)), output or MODEL_PATH, conflicts)
    meta = model.meta
    console.print(f"wrote {output or MODEL_PATH}: {meta['candidates']} labelled candidates "
                  f"({meta['positives']} positive) from {meta['documents']} documents, "
                  f"{len(model.weights)} weights, thresholds per relation "
                  f"{ {r: round(1 / (1 + math.exp(o)), 3) for r, o in model.offsets.items()} }", highlight=False)


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
    from ..documents import decode, open_regular, read_capped
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
            fail(f"--param wants key=value, got {p!r}")
        k, v = p.split("=", 1)
        try:
            as_json = v[:1] in "[{\"" or v in ("true", "false", "null") or v.lstrip("-").isdigit()
            out[k] = json.loads(v) if as_json else v
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
@store_options
def query(
    cypher: Annotated[Optional[str], typer.Argument(help="A Cypher query (values as $params).")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="key=value (JSON values allowed).")]
    = None,
    saved: Annotated[Optional[str], typer.Option("--saved", "-s", help="Run cypher/queries/NAME.cypher.")] = None,
    list_saved: Annotated[bool, typer.Option("--list", help="List saved queries.")] = False,
    write: Annotated[bool, typer.Option("--write", help="Allow writes (default: read-only, enforced by the "
                                                        "store).")] = False,
    timeout: Timeout = None,
    allow_files: AllowFiles = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Sets $since (saved queries filter claims by "
                                                                  "document date).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Sets $until.")] = None,
    fmt: FormatOpt = Format.table,
    store: StoreOptions = STORE,
):
    """Run Cypher against the store: read-only unless --write, no files unless --allow-files, time-limited."""
    from ..store.cypher import load_saved_queries
    if list_saved:
        qs = load_saved_queries()
        emit(["name", "purpose", "params"], [{"name": q.name, "purpose": q.purpose,
                                             "params": ", ".join(f"${k}" for k in q.params)}
                                            for q in qs.values()], fmt)
        return
    if not cypher and not saved:
        fail("give a Cypher query, --saved NAME or --list")
    params = _parse_params(param)
    for k, v in (("since", since), ("until", until)):
        if v is not None:
            params[k] = v
    with open_store(store, query_timeout=timeout, allow_files=allow_files) as st:
        _note_server_limit(st, timeout)
        try:
            if saved:
                cols, rows = st.run_saved(saved, params, timeout=timeout)
            else:
                cols, rows = st.query(cypher or "", params, write=write, timeout=timeout,
                                      allow_files=allow_files is not None)
        except (KeyError, ValueError) as e:      # an unknown saved query, a missing parameter
            fail(str(e.args[0]) if e.args else str(e))
    emit(cols, rows, fmt)


def _note_server_limit(st, timeout: float | None) -> None:
    """Say so when a running server will stop the query before --timeout does."""
    h = st.server
    if h is None or timeout is None or not h.settings.timeout:
        return
    if timeout == 0 or timeout > h.settings.timeout:
        err.print(f"note: the running graphkit server (pid {h.pid}) stops every statement after "
                  f"{h.settings.timeout:g}s (set when it started: graphkit serve --timeout, or "
                  "$GRAPHKIT_QUERY_TIMEOUT); --timeout cannot go beyond that", highlight=False, markup=False)


@app.command()
@store_options
def render(
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("graph.html"),
    entity: Annotated[Optional[str], typer.Option("--entity", "-e", help="Centre on this entity (name or alias).")]
    = None,
    hops: Annotated[int, typer.Option("--hops", min=0, help="Neighbourhood depth with --entity.")] = 1,
    cypher: Annotated[Optional[str], typer.Option("--cypher", help="Render the entities a query returns "
                                                                   "(read-only).")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p")] = None,
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=1, help="Keep the top-N nodes by weight.")] = 10000,
    since: Since = None,
    until: Until = None,
    title: Annotated[str, typer.Option("--title")] = "graphkit",
    color_by: Annotated[Optional[str], typer.Option("--color-by", help="kind (default) or bloc (factions).")] = None,
    all_entities: Annotated[bool, typer.Option("--all-entities", help="Also draw entities that have no relation.")]
    = False,
    timeout: Timeout = None,
    store: StoreOptions = STORE,
):
    """Write the graph (or part of it) as a self-contained interactive HTML page."""
    from ..render import render_html
    from ..store import StoreError
    if color_by not in (None, "kind", "bloc"):
        fail(f"--color-by {color_by}: kind or bloc")
    with open_store(store, query_timeout=timeout) as st:
        keys = None
        if cypher:
            try:
                cols, rows = st.query(cypher, _parse_params(param), timeout=timeout)
            except StoreError as e:
                fail(f"--cypher query: {e}")
            keys = sorted(_entity_keys(rows))
            if not keys:
                fail("--cypher query: it returned no entities to render")
        if entity and not st.find_entities(entity):
            fail(f"no entity named {entity!r}")
        G = st.load_graph(entity=entity, hops=hops, keys=keys, since=since, until=until)
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
@store_options
def stats(fmt: FormatOpt = Format.table, store: StoreOptions = STORE):
    """Counts by label and relation type."""
    with open_store(store) as st:
        s = st.stats()
    rows = [{"what": "label", "name": k, "count": v} for k, v in s.get("labels", {}).items()]
    rows += [{"what": "relation", "name": k, "count": v} for k, v in s.get("relations", {}).items()]
    emit(["what", "name", "count"], rows, fmt)


@app.command()
def serve(
    home: HomeOpt = None,
    timeout: Annotated[Optional[float], typer.Option(
        "--timeout", min=0, help="The server stops any statement after this many seconds (default "
        "$GRAPHKIT_QUERY_TIMEOUT or 60; 0: no limit).")] = None,
    allow_files: Annotated[Optional[Path], typer.Option(
        "--allow-files", help="The only folder LOAD CSV may read, for queries run with the same "
        "--allow-files.")] = None,
):
    """Run the embedded store in the foreground so several commands share it (Ctrl-C or SIGTERM stops it)."""
    from ..store import ServerSettings, resolve_home, serve as _serve
    from ..store.settings import check_files_folder, default_timeout
    h = resolve_home(home)
    settings = ServerSettings(timeout=default_timeout() if timeout is None else timeout,
                              files=check_files_folder(allow_files, h) if allow_files else None)
    status = _serve(h, settings=settings)
    if status:
        raise typer.Exit(status)


# The analysis and export commands register on the same app (graphkit.cli.app).
from . import analysis  # noqa: E402,F401


def main() -> None:
    app()
