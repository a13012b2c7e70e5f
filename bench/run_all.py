"""Every benchmark, end to end (what `make bench` runs):

    python bench/run_all.py [-n 10000] [--workers 2] [--queries 30] [--scale 5000] [--skip-load] [--skip-long]

1. bench/gen_corpus.py      -> bench/out/corpus.jsonl (n documents, deterministic)
2. bench/ingest_bench.py    -> graphkit ingest of it into bench/out/run_all/home, with
                               documents/s, words/s, relations/s and the peak RSS of the
                               whole process tree (CLI + spaCy workers + ArcadeDB server)
3. bench/query_bench.py     -> median / p95 of every saved query on that graph
4. bench/load_bench.py      -> batched UNWIND loading vs one MERGE per relation, and the
                               batched loader at scale
5. bench/long_docs_bench.py -> time and peak RSS of ingesting one document of 100k, 1M
                               and 5M characters (--skip-long to leave it out)

Each step runs as its own process (so one's memory does not count in another's)
and prints its table; everything printed is also written to bench/out/results.md,
with the machine's load average before and after each step. Generated data stays
under bench/out/ (git-ignored).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"


def step(title: str, args: list[str], log: list[str]) -> None:
    cmd = [sys.executable] + args
    shown = "python " + " ".join(str(a) for a in args)
    load = os.getloadavg()[0]
    print(f"\n## {title}\n\n`{shown}`  (load average {load:.2f})\n", flush=True)
    t = time.perf_counter()
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    sys.stderr.write(r.stderr[-4000:] if r.returncode else "")
    if r.returncode:
        raise SystemExit(f"{shown} failed with status {r.returncode}")
    print(r.stdout, flush=True)
    log += [f"## {title}", "", f"`{shown}`", "",
            f"load average before / after: {load:.2f} / {os.getloadavg()[0]:.2f}; "
            f"took {time.perf_counter() - t:.0f} s", "", r.stdout.strip(), ""]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=10000, help="corpus size (documents)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--queries", type=int, default=30, help="runs per saved query")
    ap.add_argument("--scale", type=int, default=5000, help="documents for the at-scale loader run")
    ap.add_argument("--skip-load", action="store_true", help="skip the loader comparison")
    ap.add_argument("--skip-long", action="store_true", help="skip the long-document runs")
    a = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    corpus = OUT / "corpus.jsonl"
    home = OUT / "run_all" / "home"
    shutil.rmtree(home.parent, ignore_errors=True)
    home.parent.mkdir(parents=True)
    log = [f"# graphkit benchmarks ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPUs)", ""]
    step("Corpus", ["bench/gen_corpus.py", "-n", str(a.n), "-o", str(corpus)], log)
    step("Ingest", ["bench/ingest_bench.py", "--corpus", str(corpus), "--workers", str(a.workers),
                    "--home", str(home), "--json", str(OUT / "ingest.json")], log)
    step("Saved queries", ["bench/query_bench.py", "--home", str(home), "-n", str(a.queries)], log)
    if not a.skip_load:
        step("Loading: batched UNWIND vs one MERGE per relation",
             ["bench/load_bench.py", "--corpus", str(corpus), "--docs", "200", "--naive-docs", "100",
              "--scale", str(a.scale), "--workers", str(a.workers)], log)
    if not a.skip_long:
        step("Long documents", ["bench/long_docs_bench.py", "--workers", "1"], log)
    (OUT / "results.md").write_text("\n".join(log) + "\n")
    print(f"\nwritten: {OUT / 'results.md'}")


if __name__ == "__main__":
    main()
