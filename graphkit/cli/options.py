"""Options shared by many commands, each declared once.

The store options (``--home``, ``--uri``, ``--user``, ``--password``, ``--database``)
are one bundle: a command decorated with :func:`store_options` takes a
``store: StoreOptions`` parameter and gets all five, with their environment
variables and help, under one "Store" heading of its --help.
"""
from __future__ import annotations

import functools
import inspect
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..documents import ReadError
from ..store import StoreOptions
from .errors import fail
from .output import Format, err

PANEL = "Store"
STORE = StoreOptions()     # the default a decorated command declares (store_options replaces it)
# name -> the typer option; the names are StoreOptions' fields
STORE_OPTIONS = {
    "home": Annotated[Optional[Path], typer.Option(
        "--home", envvar="GRAPHKIT_HOME", rich_help_panel=PANEL,
        help="Folder of the embedded store (default ./.graphkit).")],
    "uri": Annotated[Optional[str], typer.Option(
        "--uri", envvar="NEO4J_URI", rich_help_panel=PANEL,
        help="Bolt URI of a Neo4j server instead of the embedded store.")],
    "user": Annotated[Optional[str], typer.Option("--user", envvar="NEO4J_USER", rich_help_panel=PANEL,
                                                  help="Neo4j user.")],
    "password": Annotated[Optional[str], typer.Option("--password", envvar="NEO4J_PASSWORD", rich_help_panel=PANEL,
                                                      help="Neo4j password (prefer the env var).")],
    "database": Annotated[Optional[str], typer.Option("--database", envvar="NEO4J_DATABASE", rich_help_panel=PANEL,
                                                      help="Database name.")],
}

HomeOpt = STORE_OPTIONS["home"]       # for the commands that use only the home (serve, extract's aliases)
Aliases = Annotated[Optional[list[Path]], typer.Option("--aliases", help="Extra alias file(s) (JSON, see README).")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
Since = Annotated[Optional[str], typer.Option("--since", help="Only claims from documents published on/after "
                                                              "(YYYY-MM-DD).")]
Until = Annotated[Optional[str], typer.Option("--until", help="... and on/before this date.")]


def store_options(command):
    """Give ``command`` the store options in place of its ``store: StoreOptions`` parameter."""
    sig = inspect.signature(command, eval_str=True)
    if "store" not in sig.parameters:
        raise TypeError(f"{command.__name__} has no 'store' parameter")
    kept = [p for p in sig.parameters.values() if p.name != "store"]
    added = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=kind)
             for name, kind in STORE_OPTIONS.items()]

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        store = StoreOptions(**{name: kwargs.pop(name) for name in STORE_OPTIONS})
        return command(*args, store=store, **kwargs)

    params = kept + added
    wrapper.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    del wrapper.__wrapped__          # typer reads the signature above, not the command's
    return wrapper


def open_store(options: StoreOptions, **kw):
    """The store the options name (a StoreError becomes the CLI's one-line error); ``kw``
    goes to graphkit.store.connect (query_timeout, allow_files)."""
    return options.connect(**kw)


def extractor(aliases: list[Path] | None, home: Path | str | None):
    from ..extract import Extractor
    from ..extract.gazetteer import AliasFileError
    from ..extract.scorer import ScorerError
    try:
        return Extractor(aliases=[str(a) for a in aliases or []], home=str(home) if home else None)
    except (AliasFileError, ScorerError) as e:       # its message names the file and the entry
        fail(str(e))
    except (OSError, ValueError) as e:
        fail(f"alias data: {e}")


def report(e: ReadError) -> None:
    """One line naming an input that could not be read, and why (the rest goes on)."""
    err.print(f"skipped {e.path}: {e.reason}", highlight=False, markup=False, soft_wrap=True)
