#!/usr/bin/env python
"""Screenshot a graphkit HTML page in headless Chromium (Debian's /usr/bin/chromium).

    python scripts/screenshot.py page.html docs/graph.png [--width 1400 --height 900]
        [--click-node NAME | --click-edge SUBJECT,RELATION,OBJECT] [--timeout 60]

Waits for the page's readiness signal (window.graphkitReady), optionally opens the
side panel of a node (by name) or an edge, then saves a PNG. Blocks every network
request except the file itself and reports console errors.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def screenshot(html: Path, png: Path, width: int = 1400, height: int = 900, click_node: str | None = None,
               click_edge: str | None = None, timeout: float = 60.0) -> list[str]:
    """Save the PNG; return the console errors and blocked requests seen (empty when clean)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)")
    problems: list[str] = []
    url = html.resolve().as_uri()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
            page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))

            def guard(route):
                if route.request.url == url:
                    route.continue_()
                else:
                    problems.append(f"blocked request: {route.request.url}")
                    route.abort()
            page.route("**/*", guard)
            page.goto(url, wait_until="load", timeout=timeout * 1000)
            page.wait_for_function("() => window.graphkitReady === true", timeout=timeout * 1000)
            if click_node:
                found = page.evaluate(
                    """name => { const g = window.graphkit; const i = g.data.nodes.findIndex(n => n.name === name);
                                 if (i < 0) return false; g.selectNode(i, false); return true; }""", click_node)
                if not found:
                    problems.append(f"no node named {click_node!r}")
            if click_edge:
                s, rel, o = click_edge.split(",")
                found = page.evaluate(
                    """([s, rel, o]) => { const g = window.graphkit, N = g.data.nodes;
                         const j = g.data.edges.findIndex(
                           e => N[e.from].name === s && e.relation === rel && N[e.to].name === o);
                         if (j < 0) return false; g.selectEdge(j); return true; }""", [s, rel, o])
                if not found:
                    problems.append(f"no edge {click_edge!r}")
            page.wait_for_timeout(400)
            png.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(png))
        finally:
            browser.close()
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("html", type=Path)
    ap.add_argument("png", type=Path)
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, default=900)
    ap.add_argument("--click-node")
    ap.add_argument("--click-edge", help="SUBJECT,RELATION,OBJECT (entity names)")
    ap.add_argument("--timeout", type=float, default=60.0)
    a = ap.parse_args(argv)
    problems = screenshot(a.html, a.png, a.width, a.height, a.click_node, a.click_edge, a.timeout)
    for line in problems:
        print(line, file=sys.stderr)
    print(f"wrote {a.png}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
