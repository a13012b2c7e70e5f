"""Bad input: one line naming it and the reason, no traceback, no hang, non-zero exit,
and the rest of the batch goes in. Real files, a real FIFO, real devices."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest
from typer.testing import CliRunner

from graphkit import documents
from graphkit.cli import app
from graphkit.documents import ReadError, read_documents
from graphkit.extract.gazetteer import AliasFileError, load_file

runner = CliRunner()
GOOD = "Russia backs the Syrian government. Turkey opposes the Syrian government."


def read_all(paths, timeout=20):
    """read_documents in a thread: a FIFO or a device must never make it hang."""
    out = []
    t = threading.Thread(target=lambda: out.extend(read_documents([str(p) for p in paths])), daemon=True)
    t.start()
    t.join(timeout)
    assert not t.is_alive(), f"reading {paths} hangs"
    return out


def only_error(paths):
    out = read_all(paths)
    errors = [x for x in out if isinstance(x, ReadError)]
    assert len(errors) == 1, out
    return errors[0]


def _fifo(tmp):
    os.mkfifo(tmp / "pipe.txt")
    return tmp / "pipe.txt"


def _fifo_jsonl(tmp):
    os.mkfifo(tmp / "pipe.jsonl")
    return tmp / "pipe.jsonl"


def _loop(tmp):
    (tmp / "a.txt").symlink_to(tmp / "b.txt")
    (tmp / "b.txt").symlink_to(tmp / "a.txt")
    return tmp / "a.txt"


def _broken(tmp):
    (tmp / "gone.txt").symlink_to(tmp / "nowhere.txt")
    return tmp / "gone.txt"


def _link_to_fifo(tmp):
    os.mkfifo(tmp / "p")
    (tmp / "l.txt").symlink_to(tmp / "p")
    return tmp / "l.txt"


REFUSED = [
    ("FIFO", _fifo, "a FIFO (named pipe), not a regular file"),
    ("FIFO named .jsonl", _fifo_jsonl, "a FIFO (named pipe), not a regular file"),
    ("link to a FIFO", _link_to_fifo, "a FIFO (named pipe), not a regular file"),
    ("/dev/zero", lambda tmp: "/dev/zero", "a character device, not a regular file"),
    ("/dev/urandom", lambda tmp: "/dev/urandom", "a character device, not a regular file"),
    ("/dev/null", lambda tmp: "/dev/null", "a character device, not a regular file"),
    ("symlink loop", _loop, "symbolic link loop"),
    ("broken symlink", _broken, "broken symbolic link (to "),
    ("missing", lambda tmp: tmp / "missing.txt", "no such file or folder"),
]


@pytest.mark.parametrize("name,make,reason", REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_with_its_reason_and_no_hang(tmp_path, name, make, reason):
    path = make(tmp_path)
    e = only_error([path])
    assert e.path == str(path) and reason in e.reason


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_decoded(tmp_path, encoding):
    p = tmp_path / "doc.txt"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    p.write_bytes(bom + GOOD.encode(encoding))
    [doc] = read_all([p])
    assert doc.text == GOOD


def test_the_byte_cap_counts_bytes_read_not_stat(monkeypatch):
    """/proc files say size 0; the cap still stops them."""
    monkeypatch.setattr(documents, "MAX_BYTES", 64)
    assert os.stat("/proc/self/status").st_size == 0
    e = only_error(["/proc/self/status"])
    assert "too large" in e.reason


def test_a_jsonl_line_over_the_cap_is_skipped_and_the_rest_read(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_BYTES", 1000)
    p = tmp_path / "docs.jsonl"
    p.write_text("\n".join([json.dumps({"text": "First. " + GOOD}), json.dumps({"text": "x" * 5000}),
                            '{"text": "unterminated', json.dumps({"text": "Last. " + GOOD})]) + "\n")
    out = read_all([p])
    docs = [d for d in out if not isinstance(d, ReadError)]
    errors = {e.path.rsplit(":", 1)[1]: e.reason for e in out if isinstance(e, ReadError)}
    assert [d.text.split(".")[0] for d in docs] == ["First", "Last"]
    assert "line too long" in errors["2"]
    assert "at at" not in errors["3"] and errors["3"].startswith("malformed JSON at column")


def test_a_folder_with_a_fifo_in_it_reads_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "b.txt")
    out = read_all([tmp_path])
    assert [d.name for d in out] == ["a"]


# ---------------------------------------------------------------- alias files

ALIAS_FILES = [
    ("missing name", {"version": 1, "entries": [{"aliases": ["x"], "kind": "Actor"}]}, "entry 1: missing 'name'"),
    ("missing entries", {"version": 1}, "missing 'entries'"),
    ("a list of numbers", [1, 2, 3], "entry 1: an entry must be an object"),
    ("entries not a list", {"version": 1, "entries": 7}, "'entries' must be a list"),
    ("aliases not strings", {"entries": [{"name": "X", "kind": "Actor", "aliases": [1]}]}, "'aliases' must be a list"),
    ("ship prefixes not a list", {"entries": [{"name": "X", "kind": "Actor", "ship_prefixes": "USS"}]},
     "'ship_prefixes' must be a list of strings"),
    ("no kind", {"entries": [{"name": "X"}]}, "needs a 'kind'"),
    ("invalid JSON", "{\"version\": 1, \"entries\": [", "not valid JSON at line 1 column"),
]


@pytest.mark.parametrize("name,content,reason", ALIAS_FILES, ids=[a[0] for a in ALIAS_FILES])
def test_alias_file_errors_name_the_file_and_the_reason(tmp_path, name, content, reason):
    p = tmp_path / "mine.json"
    p.write_text(content if isinstance(content, str) else json.dumps(content))
    with pytest.raises(AliasFileError) as exc:
        load_file(p)
    assert str(exc.value).startswith(f"alias file {p}") and reason in str(exc.value)


# ---------------------------------------------------------------- the CLI: one line, no traceback

def one_error_line(res, code=2):
    assert res.exit_code == code, res.output
    assert "Traceback" not in res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), res.output
    return lines[0]


def test_cli_errors_are_one_line(tmp_path, store_home, store):
    bad_alias = tmp_path / "bad.json"
    bad_alias.write_text("[1, 2, 3]")
    cases = [
        (["render", "--max-nodes", "0", "--home", str(store_home)], "--max-nodes"),
        (["render", "--cypher", "CREATE (n) RETURN n", "--home", str(store_home)], "--cypher query: query contains CREATE"),
        (["render", "--cypher", "MATCH (n) RETURN n", "-o", str(tmp_path / "no" / "x.html"), "--home",
          str(store_home)], ""),
        (["extract", "--aliases", str(bad_alias), str(tmp_path)], f"alias file {bad_alias}"),
        (["eval", str(tmp_path / "gold.json"), str(tmp_path / "p.jsonl")], "no such file"),
        (["query", "--saved", "nope", "--home", str(store_home)], "no saved query 'nope'"),
        (["query", "RETURN 1", "--timeout", "soon", "--home", str(store_home)], "--timeout"),
        (["query", "RETURN $x", "-p", "x", "--home", str(store_home)], "--param wants key=value, got 'x'"),
        (["serve", "--allow-files", str(tmp_path / "nowhere"), "--home", str(tmp_path / "h")], "no such folder"),
    ]
    store.clear()
    store.query("CREATE (:Entity:Actor {key: 'actor:x', name: 'X', kind: 'Actor'})", write=True)
    for args, expected in cases:
        line = one_error_line(runner.invoke(app, args))
        assert expected in line, (args, line)


def test_error_lines_are_not_wrapped_when_stderr_is_not_a_terminal(tmp_path):
    long = tmp_path / ("a-very-long-folder-name-" * 6) / "missing-document-with-a-long-name.txt"
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    r = subprocess.run([sys.executable, "-c", "from graphkit.cli import main; main()", "extract", str(long)],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1
    assert f"skipped {long}: no such file or folder\n" in r.stderr


def test_ingest_refuses_the_bad_inputs_and_stores_the_rest(tmp_path, store, store_home, monkeypatch):
    monkeypatch.setattr(documents, "MAX_BYTES", 10_000)
    (tmp_path / "good1.txt").write_text("Good one. " + GOOD)
    (tmp_path / "utf16.txt").write_bytes(("Sixteen. " + GOOD).encode("utf-16"))
    (tmp_path / "docs.jsonl").write_text(json.dumps({"text": "Line one. " + GOOD}) + "\n"
                                         + json.dumps({"text": "y" * 20_000}) + "\n")
    (tmp_path / "good2.txt").write_text("Good two. " + GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    _loop(tmp_path)
    store.clear()
    args = [str(tmp_path / n) for n in ("good1.txt", "pipe.txt", "a.txt", "utf16.txt", "docs.jsonl", "good2.txt")]
    res = runner.invoke(app, ["ingest", *args, "/dev/zero", "--home", str(store_home), "--format", "json"])
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    for name, reason in [("pipe.txt", "FIFO"), ("a.txt", "symbolic link loop"), ("docs.jsonl:2", "line too long"),
                         ("/dev/zero", "character device")]:
        assert sum(1 for ln in res.output.splitlines() if name in ln and reason in ln) == 1, (name, res.output)
    _, rows = store.query("MATCH (d:Document) RETURN d.name AS n ORDER BY n")
    assert [r["n"] for r in rows] == ["docs-1", "good1", "good2", "utf16"]


def test_an_alias_file_that_is_a_fifo_is_refused_not_waited_for(tmp_path):
    os.mkfifo(tmp_path / "aliases.json")
    out = []
    t = threading.Thread(target=lambda: out.append(pytest.raises(AliasFileError, load_file, tmp_path / "aliases.json")),
                         daemon=True)
    t.start()
    t.join(10)
    assert not t.is_alive() and "FIFO" in str(out[0].value)
