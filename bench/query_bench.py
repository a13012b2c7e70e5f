"""Saved-query latency: every query in cypher/queries/ run N times with realistic
parameters on an ingested store; prints median and p95 per query.

    python bench/query_bench.py --home bench/out/h10k/home [-n 30] [--uri bolt://...]

Parameters come from the graph itself, the way a user would type them: the most
connected actor's name in lower case, an alias of it, the most backed entity, the
most attacked one, the agreement with the most parties, the heaviest edge (for
evidence_for_edge), and for paths_between a hub and an entity two or more hops
away. Each query runs --warm (3) times per parameter set to warm up (the server is a JVM:
its JIT compiles the paths a query takes), then N times in a read transaction
through ``Store.run_saved`` (the same path as ``graphkit query --saved``); the
time includes the Bolt round trip and reading every row. One row per query and
parameter set, so the hub's time is not averaged away by a leaf's.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphkit.store import connect  # noqa: E402
from graphkit.store.cypher import load_saved_queries  # noqa: E402


def pick_params(store) -> dict[str, list[dict]]:
    def q(text, **p):
        return store.query(text, p)[1]
    top = q("MATCH (a:Entity)-[r:BACKS|OPPOSES|GUARANTEES|ATTACKED|PARTY_TO|COOPERATES|MEMBER_OF|LEADS]-() "
            "RETURN a.name AS name, a.aliases AS aliases, a.key AS key, count(r) AS n ORDER BY n DESC LIMIT 5")
    hub = top[0]
    alias = next((a for a in hub["aliases"] or [] if a.lower() != hub["name"].lower()), hub["name"])
    backed = q("MATCH ()-[r:BACKS]->(t:Entity) RETURN t.name AS name, sum(r.weight) AS w ORDER BY w DESC LIMIT 1")
    attacked = q("MATCH ()-[r:ATTACKED]->(t:Entity) RETURN t.name AS name, sum(r.weight) AS w "
                 "ORDER BY w DESC LIMIT 1")
    agreement = q("MATCH ()-[r:GUARANTEES|PARTY_TO]->(t:Agreement) RETURN t.name AS name, count(r) AS n "
                  "ORDER BY n DESC LIMIT 1")
    edge = q("MATCH (a:Entity)-[r:BACKS]->(b:Entity) RETURN a.name AS s, b.name AS o, r.weight AS w "
             "ORDER BY w DESC LIMIT 1")[0]
    # a mid-size entity (not a hub) and one far from it
    mid = q("MATCH (a:Entity)-[r:BACKS|OPPOSES|ATTACKED]-() WITH a, count(r) AS n WHERE n >= 2 AND n <= 6 "
            "RETURN a.name AS name ORDER BY a.key LIMIT 1")
    mid_name = mid[0]["name"] if mid else top[-1]["name"]
    return {
        "who_backs": [{"name": backed[0]["name"].lower()}, {"name": mid_name}],
        "attacks_on": [{"name": attacked[0]["name"]}, {"name": mid_name.upper()}],
        "agreement_parties": [{"name": agreement[0]["name"].lower()}],
        "contested_claims": [{"name": attacked[0]["name"]}, {"name": mid_name}],
        "entity_profile": [{"name": hub["name"].lower()}, {"name": alias}, {"name": mid_name}],
        "evidence_for_edge": [{"subject": edge["s"], "relation": "backs", "object": edge["o"]}],
        "paths_between": [{"a": hub["name"], "b": mid_name}, {"a": top[1]["name"], "b": top[3]["name"]}],
        "top_actors": [{}],
    }


def bench(store, n: int, warm: int = 3) -> list[dict]:
    """One result per (query, parameter set): a hub's answer is not hidden in the
    median of a mix with a leaf's."""
    params = pick_params(store)
    out = []
    for name in sorted(load_saved_queries()):
        sets = params.get(name)
        if sets is None:
            print(f"no parameters chosen for saved query {name!r}; skipped", file=sys.stderr)
            continue
        for p in sets:
            t = time.perf_counter()
            try:
                for _ in range(warm):      # the server's JIT compiles the query's path
                    rows = len(store.run_saved(name, p)[1])
            except Exception as e:  # report it and go on with the others
                msg = (getattr(e, "message", None) or str(e)).split(". ")[0]
                out.append({"query": name, "params": p, "runs": 0, "rows": 0, "error": msg,
                            "after_s": time.perf_counter() - t})
                continue
            times = []
            for _ in range(n):
                t = time.perf_counter()
                store.run_saved(name, p)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            out.append({"query": name, "params": p, "runs": n, "rows": rows,
                        "median_ms": statistics.median(times),
                        "p95_ms": times[min(len(times) - 1, int(0.95 * len(times)))]})
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", type=Path, default=ROOT / "bench" / "out" / "h10k" / "home")
    ap.add_argument("--uri", default=None, help="a Neo4j instead (NEO4J_USER/NEO4J_PASSWORD from the env)")
    ap.add_argument("-n", type=int, default=30)
    ap.add_argument("--warm", type=int, default=3, help="warm-up runs per query and parameter set")
    a = ap.parse_args()
    with connect(home=None if a.uri else a.home, uri=a.uri) as store:
        s = store.stats()["labels"]
        res = bench(store, a.n, a.warm)
    print(f"graph: {s['Document']:,} documents, {s['Entity']:,} entities, {s['Claim']:,} claims")
    print("| saved query | parameters | rows | median ms | p95 ms |")
    print("|---|---|---|---|---|")
    for r in res:
        if "error" in r:
            print(f"| {r['query']} | - | - | FAILED after {r['after_s']:.1f} s: {r['error']} | |")
            continue
        ps = ", ".join(f"{k}={v!r}" for k, v in r["params"].items()) or "-"
        print(f"| {r['query']} | {ps} | {r['rows']:,} | {r['median_ms']:.1f} | {r['p95_ms']:.1f} |")


if __name__ == "__main__":
    main()
