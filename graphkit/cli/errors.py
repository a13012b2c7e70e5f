"""How the CLI reports an error: one line on stderr, ``error: <what>: <why>``, no
traceback, a non-zero exit status.

The one way to raise an error from a command is :class:`CliError` (a click exception,
as typer handles them), or :func:`fail`, which raises it::

    fail(f"--param wants key=value, got {p!r}")          # exit status 2

Errors of the library that a user can act on (the store's, alias data, a file that
cannot be read or written) become CliError for every command in
:class:`GraphkitGroup`, the typer group class of the app, which also prints click's
own usage errors on one line. Lines are never wrapped: a log gets each error whole.
"""
from __future__ import annotations

import sys
from typing import NoReturn

import typer
# typer (0.29) carries its own copy of click: these are the exceptions its commands raise
# and handle (typer.BadParameter is one of them); the click package's are other classes.
from typer._click.exceptions import ClickException, UsageError
from typer.core import TyperGroup


def one_line(text: object) -> str:
    return " ".join(str(text).split())


class CliError(ClickException):
    """An error for the user: printed as one line, exit status ``exit_code`` (default 2)."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(one_line(message))
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        typer.echo(f"error: {self.format_message()}", err=True)


def fail(message: str, exit_code: int = 2) -> NoReturn:
    raise CliError(message, exit_code)


def _known(e: BaseException) -> str | None:
    """The one-line message for a library error a user can act on, else None (a bug:
    its traceback is worth seeing)."""
    from neo4j.exceptions import DriverError, Neo4jError

    from ..store import StoreError
    if isinstance(e, StoreError):
        return str(e)
    if isinstance(e, Neo4jError):
        return f"the store: {e.message or e}"
    if isinstance(e, DriverError):
        return f"the store: {e}"
    if isinstance(e, OSError) and e.filename:
        return f"{e.filename}: {e.strerror or e}"
    return None


class GraphkitGroup(TyperGroup):
    """The app's group: library errors and usage errors become one line each."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (ClickException, typer.Exit, typer.Abort):
            raise
        except Exception as e:
            message = _known(e)
            if message is None:
                raise
            raise CliError(message) from None

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            rv = super().main(args=args, prog_name=prog_name, complete_var=complete_var,
                              standalone_mode=False, **extra)
        except UsageError as e:
            if not standalone_mode:
                raise
            hint = f" (see '{e.ctx.command_path} --help')" if e.ctx is not None else ""
            typer.echo(f"error: {one_line(e.format_message())}{hint}", err=True)
            sys.exit(e.exit_code)
        except ClickException as e:
            if not standalone_mode:
                raise
            if isinstance(e, CliError):
                e.show()
            else:
                typer.echo(f"error: {one_line(e.format_message())}", err=True)
            sys.exit(e.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo("aborted", err=True)
            sys.exit(1)
        if standalone_mode:
            sys.exit(rv if isinstance(rv, int) else 0)
        return rv
