"""Helpers for the crash and concurrency tests: a small generated corpus, the
graphkit CLI as a subprocess on a given home, and a snapshot of a store that is
precise enough to show duplicates or half-written documents."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from functools import lru_cache
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
GRAPHKIT = [sys.executable, "-c", "from graphkit.cli import main; main()"]
# like GRAPHKIT, but SIGKILLs itself inside the Nth write transaction, after every
# statement of it has run and before the commit: a kill -9 exactly mid-write.
KILL_IN_WRITE = [sys.executable, "-c", """
import os, signal, sys
import graphkit.store.store as S
orig, n = S.Store._write_tx, [0]
def write_then_die(tx, extractions):
    res = orig(tx, extractions)
    n[0] += 1
    if n[0] == int(os.environ["GK_KILL_AT_WRITE"]):
        os.kill(os.getpid(), signal.SIGKILL)
    return res
S.Store._write_tx = staticmethod(write_then_die)
from graphkit.cli import main
main()
"""]


def make_corpus(path: Path, n: int = 40, seed: int = 11) -> Path:
    spec = importlib.util.spec_from_file_location("gen_corpus", REPO / "bench" / "gen_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.write_corpus(path, n, seed)
    return path


def env_for(home: Path, **extra) -> dict:
    env = dict(os.environ, GRAPHKIT_HOME=str(home), **extra)
    for k in ("NEO4J_URI", "GRAPHKIT_PROGRESS"):
        env.pop(k, None)
    return env


def gk(home: Path, *args: str, timeout: float = 240, cmd=GRAPHKIT, **extra_env) -> subprocess.CompletedProcess:
    return subprocess.run(cmd + list(args), env=env_for(home, **extra_env), capture_output=True, text=True,
                          timeout=timeout, cwd=home.parent)


def start(home: Path, *args: str, cmd=GRAPHKIT, **extra_env) -> subprocess.Popen:
    return subprocess.Popen(cmd + list(args), env=env_for(home, **extra_env), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=home.parent)


def server_pid(home: Path) -> int | None:
    try:
        return int(json.loads((home / "server.json").read_text())["pid"])
    except (OSError, ValueError, KeyError):
        return None


def wait_for(pred, timeout: float, step: float = 0.05) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(step)
    return pred()


def gone(pids, timeout: float = 60) -> bool:
    """True when none of these pids is alive (zombies count as gone)."""
    def none_alive():
        for pid in pids:
            try:
                if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                    return False
            except psutil.NoSuchProcess:
                pass
        return True
    return wait_for(none_alive, timeout, 0.2)


def stats_json(home: Path) -> list[dict]:
    r = gk(home, "stats", "--format", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def snapshot(home: Path) -> dict:
    """`graphkit stats --format json`, plus per-document claim and mention counts, every
    relationship type's count, duplicate-key checks and every summary edge with its
    weight and documents."""
    from graphkit.store import connect
    out = {"stats": stats_json(home)}
    with connect(home=home) as s:
        def q(text):
            return s.query(text)[1]
        out["documents"] = {r["id"]: (r["claims"], r["mentions"]) for r in q(
            "MATCH (d:Document) OPTIONAL MATCH (c:Claim)-[:IN]->(d) WITH d, count(c) AS claims "
            "OPTIONAL MATCH (e:Entity)-[:MENTIONED_IN]->(d) RETURN d.id AS id, claims, count(e) AS mentions")}
        out["unique"] = {label: q(f"MATCH (n:{label}) RETURN count(n) AS n, count(DISTINCT n.{key}) AS k")[0]
                         for label, key in (("Document", "id"), ("Entity", "key"), ("Claim", "id"))}
        out["relationships"] = {r["t"]: r["n"] for r in q("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n")}
        out["edges"] = sorted((r["a"], r["t"], r["b"], r["w"], tuple(r["docs"] or ())) for r in q(
            "MATCH (a:Entity)-[r]->(b:Entity) WHERE r.weight IS NOT NULL "
            "RETURN a.key AS a, type(r) AS t, b.key AS b, r.weight AS w, r.docs AS docs"))
    return json.loads(json.dumps(out))


def documents_in(snap: dict) -> int:
    return next(r["count"] for r in snap["stats"] if r["name"] == "Document")


def shared_corpus(tmp_path_factory, n: int = 40) -> Path:
    """One small generated corpus per test session (the crash and concurrency tests share
    it, and so share the clean run they compare against)."""
    path = tmp_path_factory.getbasetemp() / f"corpus{n}.jsonl"
    if not path.exists():
        make_corpus(path, n)
    return path


@lru_cache(maxsize=None)
def _clean(corpus: str, base: str) -> str:
    home = Path(base) / "clean-home"
    r = gk(home, "ingest", corpus, "--format", "json")
    assert r.returncode == 0, r.stderr
    return json.dumps(snapshot(home))


def clean_snapshot(corpus: Path, base: Path) -> dict:
    """The snapshot of one clean, uninterrupted ingest of ``corpus`` (memoised per corpus)."""
    return json.loads(_clean(str(corpus), str(base)))
