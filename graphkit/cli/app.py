"""The typer app every command module registers on (graphkit.cli imports them all)."""
from __future__ import annotations

import logging

import typer

from .errors import GraphkitGroup

app = typer.Typer(help="Entity-relationship graphs from news: extract, store, query, render.",
                  cls=GraphkitGroup, no_args_is_help=True, pretty_exceptions_show_locals=False,
                  add_completion=False)

# The neo4j driver logs each retry and lost connection as a warning (with a traceback)
# through Python's last-resort handler; the store's errors already say what happened,
# in one line.
logging.getLogger("neo4j").addHandler(logging.NullHandler())
logging.getLogger("neo4j").propagate = False
