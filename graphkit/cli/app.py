"""The typer app every command module registers on (graphkit.cli imports them all)."""
from __future__ import annotations

import typer

from .errors import GraphkitGroup

app = typer.Typer(help="Entity-relationship graphs from news: extract, store, query, render.",
                  cls=GraphkitGroup, no_args_is_help=True, pretty_exceptions_show_locals=False,
                  add_completion=False)
