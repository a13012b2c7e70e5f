"""Rows out: a rich table, JSON or CSV (sqlite-utils style), for every command."""
from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
import time
from enum import Enum
from typing import Any, Iterable

from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from ..store import to_jsonable

console = Console()
if not console.is_terminal and "COLUMNS" not in __import__("os").environ:
    console = Console(width=160)   # piped tables: wide enough to read, not the 80-column default
err = Console(stderr=True)
if not err.is_terminal:
    err = Console(stderr=True, soft_wrap=True)   # a log gets each line whole, never cut at 80 columns


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def _cell(v: Any) -> str:
    v = to_jsonable(v)
    if v is None:
        return ""
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def emit(columns: list[str], rows: Iterable[dict], fmt: Format = Format.table, title: str | None = None,
         headers: dict[str, str] | None = None, compact: bool = False) -> None:
    """Print rows as a table, JSON or CSV. ``headers``: table headings for some columns
    (JSON and CSV keep the column names). ``compact``: a borderless table whose number
    columns never wrap, for commands whose default columns are chosen to fit 100 columns."""
    rows = list(rows)
    if fmt == Format.json:
        json.dump([{c: to_jsonable(r.get(c)) for c in columns} for r in rows], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif fmt == Format.csv:
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in columns])
    else:
        t = (Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1),
                   collapse_padding=True, title_justify="left")
             if compact else Table(title=title, show_lines=False))
        for c in columns:
            numeric = compact and rows and all(isinstance(r.get(c), (int, float)) or r.get(c) is None for r in rows)
            t.add_column((headers or {}).get(c, c), overflow="fold", justify="right" if numeric else "left",
                         no_wrap=bool(numeric))
        for r in rows:
            t.add_row(*[_cell(r.get(c)) for c in columns])
        console.print(t)
        if not rows:
            console.print("[dim](no rows)[/dim]")


def _hms(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


@contextlib.contextmanager
def progress_bar(label: str):
    """A rich progress bar on stderr for a long job; yields the callback that moves it
    (it takes graphkit.ingest.IngestProgress). Drawn on a terminal, or when
    GRAPHKIT_PROGRESS=1; then, when stderr is not a terminal (a log file, CI), also a
    plain line every GRAPHKIT_PROGRESS_EVERY seconds (default 10), as rich draws nothing
    there until the end."""
    forced = os.environ.get("GRAPHKIT_PROGRESS") == "1"
    progress = Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"),
                        TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(), console=err,
                        disable=not err.is_terminal and not forced)
    every = float(os.environ.get("GRAPHKIT_PROGRESS_EVERY", "10")) if forced and not err.is_terminal else 0
    last = [time.monotonic()]
    with progress:
        task = progress.add_task(label, total=None)

        def update(p) -> None:
            progress.update(task, completed=p.done, total=p.total)
            if every and time.monotonic() - last[0] >= every:
                last[0] = time.monotonic()
                t = progress.tasks[0]
                eta = t.time_remaining
                err.print(f"{label} {p.done}/{p.total} docs ({100 * p.done / max(p.total, 1):.0f}%) "
                          f"elapsed {_hms(t.elapsed or 0)} eta {_hms(eta) if eta is not None else '?'}",
                          highlight=False, markup=False)
        yield update
