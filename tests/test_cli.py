"""The CLI's shared pieces: the store options bundle, errors raised one way, no import loop."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from graphkit.cli import app
from graphkit.cli.options import STORE_OPTIONS

CLI = Path(__file__).resolve().parents[1] / "graphkit" / "cli"
STORE_COMMANDS = ["ingest", "query", "render", "stats", "factions", "actors", "contested", "timeline", "path",
                  "export"]
runner = CliRunner()


def _command(name: str):
    return typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", STORE_COMMANDS)
def test_every_store_command_has_the_one_store_bundle(name):
    opts = {p.name: p for p in _command(name).params if p.param_type_name == "option"}
    for field in STORE_OPTIONS:
        assert opts[field].opts == [f"--{field}"]
        assert opts[field].envvar == {"home": "GRAPHKIT_HOME"}.get(field, f"NEO4J_{field.upper()}")


def test_store_options_are_declared_once():
    for path in CLI.glob("*.py"):
        if path.name != "options.py":
            assert '"--home"' not in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize("args, message", [
    (["query", "MATCH (n) RETURN n", "-p", "novalue"], "error: --param wants key=value, got 'novalue'"),
    (["query"], "error: give a Cypher query, --saved NAME or --list"),
    (["extract", "x.txt", "--format", "csv"], "error: --format csv: extract writes jsonl or table"),
    (["ingest", "x.txt", "--since", "yesterday"], "error: Invalid value for --since: 'yesterday' is not a date"),
    (["eval", "gold.json", "nothing.jsonl"], "error: predictions nothing.jsonl: no such file or folder"),
    (["stats", "--bogus"], "error: No such option: --bogus"),
])
def test_errors_are_one_line(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "gold.json").write_text("{}", encoding="utf-8")
    res = runner.invoke(app, args)
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(message), res.stderr
    assert "Traceback" not in res.output


def test_store_errors_are_one_line(clean_store, store_home):
    for args, message in ((["query", "--saved", "nothing"], "error: no saved query 'nothing'"),
                          (["query", "CREATE (x:Entity {key: 'x'})"], "error: query contains CREATE"),
                          (["query", "MATCH (n RETURN n"], "error: the store: "),
                          (["render", "--entity", "Atlantis"], "error: no entity named 'Atlantis'"),
                          (["timeline", "Atlantis"], "error: no entity matches 'Atlantis'")):
        res = runner.invoke(app, [*args, "--home", str(store_home)])
        assert res.exit_code == 2, (args, res.output)
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(message), (args, res.stderr)


def test_no_import_loop():
    """graphkit.cli.analysis imports the app and the options, never the package that imports it."""
    tree = ast.parse((CLI / "analysis.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            assert node.module is not None, "`from . import ...` reaches graphkit.cli itself"
    code = ("import graphkit.cli.analysis, graphkit.cli; "
            "print(' '.join(c.name or c.callback.__name__ for c in graphkit.cli.app.registered_commands))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert len(out) == len(set(out)), "a command is registered twice"
    assert set(out) == {"ingest", "extract", "train", "eval", "query", "render", "stats", "serve",
                        "factions", "actors", "contested", "timeline", "path", "export"}
