"""Rows out: a rich table, JSON or CSV (sqlite-utils style), for every command."""
from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from typing import Any, Iterable

from rich.console import Console
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


def emit(columns: list[str], rows: Iterable[dict], fmt: Format = Format.table, title: str | None = None) -> None:
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
        t = Table(title=title, show_lines=False)
        for c in columns:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*[_cell(r.get(c)) for c in columns])
        console.print(t)
        if not rows:
            console.print("[dim](no rows)[/dim]")
