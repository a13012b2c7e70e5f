#!/usr/bin/env python
"""Benchmark the HTML explorer: render synthetic graphs and time them in headless Chromium.

    python bench/render_bench.py [--sizes 500 2000 10000] [--repeat 3] [--keep DIR]

For each size: build a synthetic graph (~2.5 edges per node, realistic kinds and
relations, graphkit.render.demo.synthetic_graph), time render_html in Python, open
the page from file:// in Debian's /usr/bin/chromium through Playwright and read
window.graphkitReadyAt (performance.now() at the first 'afterDrawing' after the data
is loaded, i.e. from navigation start). Prints a markdown table of medians.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graphkit.render import render_html  # noqa: E402
from graphkit.render.demo import synthetic_graph  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def measure(browser, path: Path, timeout_s: float = 120) -> tuple[float, dict]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(path.as_uri(), wait_until="commit", timeout=timeout_s * 1000)
        page.wait_for_function("() => window.graphkitReady === true", timeout=timeout_s * 1000)
        ready = page.evaluate("() => window.graphkitReadyAt")
        timings = page.evaluate("() => window.graphkitTimings")
        if requests != [path.as_uri()]:
            raise RuntimeError(f"unexpected requests: {requests}")
        return ready / 1000.0, timings
    finally:
        page.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="graphkit HTML explorer benchmark")
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 10000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="directory to keep the generated pages in")
    a = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} missing: apt-get install -y chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    out = a.keep or Path(tempfile.mkdtemp(prefix="graphkit-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for n in a.sizes:
                G = synthetic_graph(n, seed=1)
                renders, html = [], ""
                for _ in range(a.repeat):
                    t = time.perf_counter()
                    html = render_html(G, title=f"synthetic {n}")
                    renders.append(time.perf_counter() - t)
                path = out / f"synthetic-{n}.html"
                path.write_text(html, encoding="utf-8")
                readies, phases = [], []
                for _ in range(a.repeat):
                    r, tm = measure(browser, path)
                    readies.append(r)
                    phases.append(tm)
                mid = phases[readies.index(statistics.median_low(readies))]
                rows.append((n, G.number_of_edges(), len(html.encode("utf-8")), statistics.median(renders),
                             statistics.median(readies), readies, mid))
                print(f"{n} nodes: ready {', '.join(f'{x:.2f}' for x in readies)} s", file=sys.stderr)
        finally:
            browser.close()
    print("| nodes | edges | HTML size | render_html (Python) | ready in Chromium (median of %d) | runs | "
          "script start / data parsed / network built / first frame |" % a.repeat)
    print("|---:|---:|---:|---:|---:|---|---|")
    for n, m, size, rt, ready, runs, tm in rows:
        phase = " / ".join(f"{tm[k] / 1000:.2f}" for k in ("start", "parsed", "network", "drawn"))
        print(f"| {n:,} | {m:,} | {size / 1e6:.1f} MB | {rt:.2f} s | {ready:.2f} s | "
              f"{', '.join(f'{x:.2f}' for x in runs)} | {phase} s |")
    print(f"\npages kept in {out}" if a.keep else "", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
