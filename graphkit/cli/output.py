"""Rows out: a rich table, JSON or CSV (sqlite-utils style), for every command."""
from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from typing import Any, Iterable

from rich import box
from rich.console import Console
from rich.table import Table

from ..store import to_jsonable

console = Console()
if not console.is_terminal and "COLUMNS" not in __import__("os").environ:
    console = Console(width=160)   # piped tables: wide enough to read, not the 80-column default
err = Console(stderr=True)


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
