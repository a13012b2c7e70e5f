"""End-to-end ingest: documents/s, words/s, relations/s and peak memory of the
whole process tree (the CLI, spaCy's worker processes and the embedded ArcadeDB
server child), sampled with psutil.

    python bench/ingest_bench.py [--corpus bench/out/corpus.jsonl] [--workers 2]
                                 [--home DIR] [--interval 0.5] [--keep]

Runs ``graphkit ingest CORPUS --workers W --format json`` as a subprocess on a new,
empty home (a temporary folder unless --home), with GRAPHKIT_PROGRESS=1 so the
progress bar and ETA are drawn even though stderr is not a terminal (its last
lines are printed at the end). Every --interval seconds it sums the RSS of the
ingest process and all its descendants; the peak of that sum is the "peak RSS
(process tree)" figure. RSS of forked workers counts their shared pages again,
so the sum is an upper bound. Prints a Markdown table; --json also writes the
numbers to bench/out/ingest.json. The home is kept (for the query benchmark)
with --keep or --home.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
GRAPHKIT = [sys.executable, "-c", "from graphkit.cli import main; main()"]


def tree_rss(proc: psutil.Process, pss: bool = False) -> tuple[int, dict[str, int]]:
    """Sum of RSS (or, with pss=True, of PSS: shared pages split between their users)
    over proc and all its descendants, and the same per part (cli, worker, server)."""
    total, parts = 0, {}
    try:
        procs = [proc] + proc.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0, {}
    for p in procs:
        try:
            rss = p.memory_full_info().pss if pss else p.memory_info().rss
            cmd = " ".join(p.cmdline()[1:4])
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        total += rss
        kind = ("server" if "graphkit.store.server" in cmd else "cli" if p.pid == proc.pid else "worker")
        parts[kind] = parts.get(kind, 0) + rss
    return total, parts


def corpus_words(path: Path) -> tuple[int, int]:
    docs = words = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs += 1
                words += len(json.loads(line)["text"].split())
    return docs, words


def run(corpus: Path, home: Path, workers: int, interval: float, extra: list[str] | None = None) -> dict:
    env = dict(os.environ, GRAPHKIT_HOME=str(home), GRAPHKIT_PROGRESS="1")
    env.pop("NEO4J_URI", None)
    err_path = home.parent / f"{home.name}.ingest.stderr"
    samples: list[tuple[float, int, dict]] = []
    pss_peak = 0
    t0 = time.perf_counter()
    with err_path.open("wb") as err:
        p = subprocess.Popen(GRAPHKIT + ["ingest", str(corpus), "--workers", str(workers), "--format", "json"]
                             + (extra or []), stdout=subprocess.PIPE, stderr=err, env=env)
        ps = psutil.Process(p.pid)
        out: list[bytes] = []
        reader = threading.Thread(target=lambda: out.append(p.stdout.read()), daemon=True)
        reader.start()
        i = 0
        while p.poll() is None:
            total, parts = tree_rss(ps)
            if total:
                samples.append((time.perf_counter() - t0, total, parts))
            if i % 4 == 0:
                total_pss, _ = tree_rss(ps, pss=True)
                pss_peak = max(pss_peak, total_pss)
            i += 1
            time.sleep(interval)
        reader.join()
    secs = time.perf_counter() - t0
    if p.returncode != 0:
        sys.stderr.write(err_path.read_text(errors="replace")[-3000:])
        raise SystemExit(f"ingest failed with status {p.returncode}")
    summary = json.loads(out[0].decode())[0]
    peak = max(samples, key=lambda s: s[1])
    by_part = {k: max(s[2].get(k, 0) for s in samples) for k in ("cli", "worker", "server")}
    # memory over the run: the peak within each quarter, to show it stays flat
    quarters = []
    for q in range(4):
        lo, hi = secs * q / 4, secs * (q + 1) / 4
        inq = [s[1] for s in samples if lo <= s[0] < hi]
        quarters.append(max(inq) if inq else 0)
    tail = err_path.read_text(errors="replace").replace("\r", "\n").strip().splitlines()[-3:]
    return {"seconds": secs, "summary": summary, "peak_rss": peak[1], "peak_at": peak[0], "peak_pss": pss_peak,
            "series": [(round(t, 1), total, parts) for t, total, parts in samples[::10]],
            "peak_parts": by_part, "quarters": quarters, "samples": len(samples),
            "stderr_tail": tail}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT / "bench" / "out" / "corpus.jsonl")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--home", type=Path, default=None)
    ap.add_argument("--interval", type=float, default=0.5)
    ap.add_argument("--keep", action="store_true", help="keep the temporary home")
    ap.add_argument("--json", type=Path, default=None, help="also write the numbers here")
    a = ap.parse_args()
    if not a.corpus.exists():
        sys.exit(f"no corpus at {a.corpus}: run python bench/gen_corpus.py first")
    docs, words = corpus_words(a.corpus)
    home = a.home or Path(tempfile.mkdtemp(prefix="gk-ingest-")) / "home"
    load = os.getloadavg()
    r = run(a.corpus, home, a.workers, a.interval)
    s = r["summary"]
    gib = 1024 ** 3
    r.update(documents=docs, words=words, home=str(home), load_before=load, load_after=os.getloadavg())
    print("| corpus | workers | seconds | documents/s | words/s | relations/s | peak RSS, process tree |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {docs:,} docs, {words:,} words | {a.workers} | {r['seconds']:.0f} | {docs / r['seconds']:.1f} | "
          f"{words / r['seconds']:,.0f} | {s['claims_added'] / r['seconds']:,.0f} | {r['peak_rss'] / gib:.2f} GiB |")
    parts = ", ".join(f"{k} {v / gib:.2f}" for k, v in r["peak_parts"].items())
    print(f"\nsummary: {json.dumps(s)}")
    print(f"peak PSS of the process tree (shared pages counted once): {r['peak_pss'] / gib:.2f} GiB")
    print(f"peak RSS by part (GiB, each its own peak): {parts}; peak of the sum at {r['peak_at']:.0f}s")
    print("peak RSS per quarter of the run (GiB): " + ", ".join(f"{q / gib:.2f}" for q in r["quarters"]))
    print(f"load average before/after: {load[0]:.2f} / {r['load_after'][0]:.2f}")
    print("progress (last lines of stderr):")
    for line in r["stderr_tail"]:
        print("    " + line.strip())
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(r, indent=1, default=str))
    if not (a.keep or a.home):
        shutil.rmtree(home.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
