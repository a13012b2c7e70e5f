"""Long documents: time and peak memory of `graphkit ingest` for one document of
100,000, 1,000,000 and 5,000,000 characters (issue 13: memory bounded whatever a
document's size; spaCy alone refuses texts over 1,000,000 characters).

    python bench/long_docs_bench.py [--sizes 100000 1000000 5000000] [--workers 1]
                                    [--interval 0.1] [--json]

For each size it writes one plain-text document made of the sample articles in
corpus/ (each copy numbered, so no two paragraphs are the same) to bench/out/long/,
then runs ``graphkit ingest FILE --workers W --format json`` as a subprocess on a new,
empty home, sampling every --interval seconds the RSS of the ingest process and all
its descendants (the CLI, spaCy's workers, the embedded ArcadeDB server; the server
gets the 512 MiB heap an ingest gives it). Prints a Markdown table; --json also writes
bench/out/long_docs.json.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_bench import GRAPHKIT, ROOT, tree_rss  # noqa: E402

OUT = ROOT / "bench" / "out" / "long"


def make_document(chars: int) -> tuple[Path, int]:
    """A text of exactly ``chars`` characters, cut at a paragraph end when one is near."""
    articles = [p.read_text(encoding="utf-8").strip() for p in sorted((ROOT / "corpus").glob("*.txt"))]
    parts, n, i = [], 0, 0
    while n < chars:
        a = f"Dispatch {i + 1}.\n\n{articles[i % len(articles)]}\n\n"
        parts.append(a)
        n += len(a)
        i += 1
    text = "".join(parts)[:chars]
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"long_{chars}.txt"
    path.write_text(text, encoding="utf-8")
    return path, len(text)


def run(doc: Path, chars: int, workers: int, interval: float) -> dict:
    home = Path(tempfile.mkdtemp(prefix="graphkit-long-")) / "home"
    env = dict(os.environ, GRAPHKIT_HOME=str(home))
    env.pop("NEO4J_URI", None)
    peak, parts_peak = 0, {}
    t0 = time.perf_counter()
    p = subprocess.Popen(GRAPHKIT + ["ingest", str(doc), "--workers", str(workers), "--format", "json"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    ps = psutil.Process(p.pid)
    while p.poll() is None:
        total, parts = tree_rss(ps)
        peak = max(peak, total)
        for k, v in parts.items():
            parts_peak[k] = max(parts_peak.get(k, 0), v)
        time.sleep(interval)
    out, err = p.communicate()
    seconds = time.perf_counter() - t0
    shutil.rmtree(home.parent, ignore_errors=True)
    if p.returncode != 0:
        raise SystemExit(f"ingest of {doc} failed ({p.returncode}): {err.decode()[-2000:]}")
    summary = json.loads(out)[0]
    return {"chars": chars, "bytes": doc.stat().st_size, "seconds": round(seconds, 1), "peak_rss": peak,
            "peak_parts": parts_peak, "claims": summary["claims_added"], "entities": summary["entities_added"],
            "documents": summary["documents_added"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 5_000_000])
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--interval", type=float, default=0.1)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    rows = []
    for chars in a.sizes:
        rows.append(run(*make_document(chars), a.workers, a.interval))
        print(f"{chars:,} characters: {rows[-1]['seconds']} s, peak {rows[-1]['peak_rss'] / 2**30:.2f} GiB",
              file=sys.stderr, flush=True)
    gib = lambda b: f"{b / 2**30:.2f} GiB"     # noqa: E731
    print("| characters (bytes) | workers | seconds | characters/s | claims stored | peak RSS, process tree | "
          "CLI | spaCy workers | server |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        pp = r["peak_parts"]
        print(f"| {r['chars']:,} ({r['bytes']:,}) | {a.workers} | {r['seconds']} | {r['chars'] / r['seconds']:,.0f} | "
              f"{r['claims']:,} | **{gib(r['peak_rss'])}** | {gib(pp.get('cli', 0))} | "
              f"{gib(pp.get('worker', 0)) if pp.get('worker') else '-'} | {gib(pp.get('server', 0))} |")
    if a.json:
        (ROOT / "bench" / "out").mkdir(parents=True, exist_ok=True)
        (ROOT / "bench" / "out" / "long_docs.json").write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
