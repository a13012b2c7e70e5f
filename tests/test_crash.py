"""Crash safety: kill -9 an ingest at various points, run the same command again, and
the store equals the one of a single clean run: no duplicate, no half document,
and the next command recovers the home (stale server.json, lock files) by itself.

Kill points, one after the other on the same home:
  1. start-up (the CLI importing, loading spaCy, spawning the server),
  2. mid-extraction (a varied delay after the server is up),
  3. mid-write: the ingest SIGKILLs itself inside its 2nd write transaction, after
     all statements of it ran and before the commit,
  4. the ingest AND its server killed -9 together mid-run: server.json, lock and
     clients are left behind by a dead server, and ArcadeDB must recover its files,
then the same command runs to completion.
"""
from __future__ import annotations

import json
import os
import random
import signal

import pytest

from ingest_helpers import (KILL_IN_WRITE, clean_snapshot, documents_in, gone, gk, server_pid, shared_corpus,
                            snapshot, start, wait_for)

pytestmark = pytest.mark.slow


def kill9(p) -> None:
    os.kill(p.pid, signal.SIGKILL)
    p.wait(timeout=30)
    assert p.returncode == -signal.SIGKILL


def test_kill9_at_any_point_then_rerun_equals_one_clean_run(tmp_path, tmp_path_factory):
    corpus = shared_corpus(tmp_path_factory)
    rng = random.Random(os.environ.get("GK_CRASH_SEED"))  # varied delays; set the seed to replay one
    home = tmp_path / "home"
    ingest = ("ingest", str(corpus), "--batch", "4", "--format", "json")
    servers: set[int] = set()

    # 1. during start-up
    p = start(home, *ingest)
    wait_for(lambda: p.poll() is not None, rng.uniform(0.2, 2.5))
    kill9(p)
    servers |= {server_pid(home)} - {None}

    # 2. mid-extraction: some time after the server is up
    p = start(home, *ingest)
    assert wait_for(lambda: server_pid(home) is not None or p.poll() is not None, 120)
    servers |= {server_pid(home)} - {None}
    wait_for(lambda: p.poll() is not None, rng.uniform(0.5, 4.0))
    if p.poll() is None:
        kill9(p)

    # 3. mid-write, before the commit of the 2nd transaction
    p = start(home, *ingest, cmd=KILL_IN_WRITE, GK_KILL_AT_WRITE="2")
    p.wait(timeout=240)
    servers |= {server_pid(home)} - {None}
    assert p.returncode == -signal.SIGKILL, p.stderr.read()

    # 4. the ingest and its server together
    p = start(home, *ingest)
    assert wait_for(lambda: server_pid(home) is not None or p.poll() is not None, 120)
    wait_for(lambda: p.poll() is not None, rng.uniform(1.0, 4.0))
    spid = server_pid(home)
    if p.poll() is None and spid:
        os.kill(spid, signal.SIGKILL)
        kill9(p)
        assert gone([spid], 10)
        assert (home / "server.json").exists()          # stale: its server is dead
    servers |= {spid} - {None}

    # 5. the same command, to the end
    r = gk(home, *ingest)
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)[0]
    assert summary["errors"] == 0

    crashed = snapshot(home)
    clean = clean_snapshot(corpus, tmp_path_factory.getbasetemp())
    assert documents_in(clean) == 40
    assert summary["documents_added"] + summary["documents_skipped"] == 40
    for label, u in crashed["unique"].items():
        assert u["n"] == u["k"], f"duplicate {label} nodes: {u}"
    assert crashed["documents"] == clean["documents"]      # every document whole: same claims, mentions
    assert crashed["relationships"] == clean["relationships"]
    assert crashed["edges"] == clean["edges"]              # summary weights and documents
    assert crashed["stats"] == clean["stats"]              # graphkit stats --format json
    # no server is left behind: each one stopped when its last client went
    assert gone(servers | {server_pid(home)} - {None}, 60)
