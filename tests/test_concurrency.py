"""Concurrency: other graphkit commands on the same home while an ingest runs share
its server (or wait for it with a clear message while it starts) and succeed; a
second ingest of the same documents at the same time adds nothing twice; the
final store equals one clean run."""
from __future__ import annotations

import json

import pytest

from ingest_helpers import (clean_snapshot, documents_in, gk, gone, server_pid, shared_corpus, snapshot, start,
                            wait_for)

pytestmark = pytest.mark.slow
WAITING = "waiting for another graphkit process"


def test_commands_during_an_ingest_share_the_server(tmp_path, tmp_path_factory):
    corpus = shared_corpus(tmp_path_factory)
    home = tmp_path / "home"
    ingest = start(home, "ingest", str(corpus), "--batch", "4", "--format", "json")
    # at once, while the ingest's server is still starting: waits (saying so) or shares
    r = gk(home, "stats", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert r.stderr == "" or WAITING in r.stderr, r.stderr
    assert wait_for(lambda: server_pid(home) is not None or ingest.poll() is not None, 120)
    pid = server_pid(home)

    # while it runs: queries and stats succeed, on the same server, and see documents arrive
    seen, during = [], 0
    second = None
    while ingest.poll() is None:
        q = gk(home, "query", "--saved", "top_actors", "--format", "json")
        assert q.returncode == 0, q.stderr
        json.loads(q.stdout)
        s = gk(home, "stats", "--format", "json")
        assert s.returncode == 0, s.stderr
        seen.append(next(x["count"] for x in json.loads(s.stdout) if x["name"] == "Document"))
        during += ingest.poll() is None
        if second is None:  # and a second ingest of the same corpus, at the same time
            second = start(home, "ingest", str(corpus), "--batch", "4", "--format", "json")
    out, err = ingest.communicate(timeout=240)
    assert ingest.returncode == 0, err
    assert during >= 1, "the ingest ended before any command could run alongside it"
    assert seen == sorted(seen)                       # committed batches only ever add
    # one server for everybody, never a second one beside it: a new server only once the first
    # has gone with its last user (the second ingest may still be loading its model then)
    now = server_pid(home)
    assert now in (pid, None) or gone([pid], 0), f"a second server {now} while {pid} still runs"
    if second is not None:
        out2, err2 = second.communicate(timeout=240)
        assert second.returncode == 0, err2
        a, b = json.loads(out)[0], json.loads(out2)[0]
        assert a["documents_added"] + b["documents_added"] == 40

    final = snapshot(home)
    clean = clean_snapshot(corpus, tmp_path_factory.getbasetemp())
    assert documents_in(final) == 40
    for label, u in final["unique"].items():
        assert u["n"] == u["k"], f"duplicate {label} nodes: {u}"
    assert final["documents"] == clean["documents"]
    assert final["relationships"] == clean["relationships"]
    assert final["edges"] == clean["edges"]
    assert final["stats"] == clean["stats"]
    assert gone([pid], 60)
