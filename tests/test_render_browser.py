"""The explorer page in headless Chromium (Debian's /usr/bin/chromium via Playwright).

These tests FAIL (not skip) when /usr/bin/chromium is missing: CI installs it
(`apt-get install -y chromium`). Never `playwright install`.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from graphkit.graph import assemble
from graphkit.render import render_html
from graphkit.render.demo import sample_graph

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "</script>")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); "
                    "browser tests never download a browser", pytrace=False)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Page:
    """A page opened from file://, recording requests, console errors and dialogs."""

    def __init__(self, browser, html: str, tmp_path: Path, name: str = "page.html"):
        self.path = tmp_path / name
        self.path.write_text(html, encoding="utf-8")
        self.url = self.path.as_uri()
        self.requests, self.errors, self.dialogs = [], [], []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(self.url, wait_until="load")
        self.page.wait_for_function("() => window.graphkitReady === true", timeout=30000)

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def counts(self):
        return self.js("() => window.graphkit.shownCounts()")

    def close(self):
        self.page.close()


@pytest.fixture
def sample_page(browser, tmp_path):
    p = Page(browser, render_html(sample_graph(), title="Syria sample"), tmp_path)
    yield p
    p.close()


def edge_index(p: Page, s: str, rel: str, o: str) -> int:
    return p.js("""([s, rel, o]) => { const D = window.graphkit.data, N = D.nodes;
        return D.edges.findIndex(e => N[e.from].name === s && e.relation === rel && N[e.to].name === o); }""",
                [s, rel, o])


def test_loads_offline_without_errors(sample_page):
    p = sample_page
    assert p.errors == []
    assert p.requests == [p.url]
    assert p.page.get_attribute("body", "data-ready") == "true"
    c = p.counts()
    assert c["nodes"] == 29 and 0 < c["edges"] < 47        # unasserted edges hidden by default
    assert p.page.inner_text("#gk-count").startswith(f"Showing {c['nodes']} of 29 entities")
    assert p.page.is_visible("#gk-kinds") and p.page.locator("#gk-relations label").count() == 8


def test_click_on_edge_shows_its_evidence(sample_page):
    p = sample_page
    j = edge_index(p, "Turkey", "OPPOSES", "People's Protection Units")
    assert j >= 0
    # Real mouse click at the middle of the drawn edge.
    point = p.js("""j => { const net = window.graphkit.network, e = net.body.edges[j];
        const mid = e.edgeType.getPoint(0.5); const dom = net.canvasToDOM(mid);
        const r = document.getElementById('gk-network').getBoundingClientRect();
        return {x: dom.x + r.left, y: dom.y + r.top, hit: net.getEdgeAt(dom), node: net.getNodeAt(dom)}; }""", j)
    assert point["hit"] == j and point["node"] is None
    p.page.mouse.click(point["x"], point["y"])
    p.page.wait_for_selector("#gk-panel:not([hidden])")
    text = p.page.inner_text("#gk-panel-body")
    assert "Turkey considers the YPG a terrorist group and opposes it." in text
    assert "Turkey launches Afrin offensive" in text and "2018-01-21" in text
    assert p.page.get_attribute("#gk-panel-body", "data-edge") == str(j)


def test_contested_edge_panel_lists_every_claim(sample_page):
    p = sample_page
    j = edge_index(p, "Russia", "ATTACKED", "Idlib")
    p.js("j => { window.graphkit.network.selectEdges([j]); window.graphkit.showEdge(j); }", j)
    text = p.page.inner_text("#gk-panel-body")
    for s in ("Russia denied bombing Idlib.", "Russian jets bombed Idlib, activists said.",
              "contested", "negated", "activists", "1 asserted of 2 claims"):
        assert s in text


def test_relation_filter_changes_visible_edges(sample_page):
    p = sample_page
    before = p.counts()["edges"]
    p.page.locator('#gk-relations label[data-relation="ATTACKED"] input').uncheck()
    after = p.counts()
    assert after["edges"] < before
    assert p.js("() => window.graphkit.edgeView.length") == after["edges"]
    assert p.page.get_attribute("#gk-count", "data-edges") == str(after["edges"])
    p.page.check("#gk-unasserted")
    assert p.counts()["edges"] > after["edges"]
    p.page.fill("#gk-min-num", "2")
    p.page.dispatch_event("#gk-min-num", "change")
    assert p.counts()["edges"] < after["edges"]
    p.page.select_option("#gk-doc", label="2020-02-27 · Dozens of Turkish soldiers killed in Idlib strike (post-2020-02-27)")
    p.page.fill("#gk-min-num", "1")
    p.page.dispatch_event("#gk-min-num", "change")
    c = p.counts()
    assert 0 < c["edges"] and c["nodes"] < 29
    assert p.errors == []


def test_focus_and_reset(sample_page):
    p = sample_page
    i = p.js("() => window.graphkit.data.nodes.findIndex(n => n.name === 'Israel')")
    p.js("i => window.graphkit.focusNode(i)", i)
    c = p.counts()
    assert 2 <= c["nodes"] <= 6
    assert p.page.is_visible("#gk-reset-focus")
    p.page.click("#gk-reset-focus")
    assert p.counts()["nodes"] == 29


def test_search_finds_node_by_alias(sample_page):
    p = sample_page
    p.page.fill("#gk-search", "daesh")
    p.page.wait_for_selector("#gk-results:not([hidden]) button")
    assert "Islamic State" in p.page.inner_text("#gk-results")
    p.page.press("#gk-search", "Enter")
    p.page.wait_for_selector("#gk-panel:not([hidden])")
    assert p.page.inner_text("#gk-panel-body h3") == "Islamic State"
    i = p.js("() => window.graphkit.data.nodes.findIndex(n => n.name === 'Islamic State')")
    assert p.js("() => window.graphkit.network.getSelectedNodes()") == [i]
    p.page.fill("#gk-search", "turkiye")                 # accent-insensitive alias "Türkiye"
    p.page.press("#gk-search", "Enter")
    assert p.page.inner_text("#gk-panel-body h3") == "Turkey"


def evil_graph():
    bad = " ".join(PAYLOADS)
    docs = [{"id": "d1", "name": "</script><script>alert('name')</script>", "title": "<img src=x onerror=alert('title')>",
             "source": "javascript:alert('source')", "path": "p", "published": "<b>2024</b>"}]
    ents = [{"key": "actor:evil", "name": "</script><img src=x onerror=alert('node')>", "kind": "Actor",
             "aliases": ["<script>alert('alias')</script>", "javascript:alert(1)"]},
            {"key": "group:b", "name": "B <svg onload=alert(2)>", "kind": "Group", "aliases": []}]
    claims = [{"id": "c1", "subject": "actor:evil", "object": "group:b", "relation": "BACKS",
               "sentence": "Evil backs B: " + bad, "doc": "d1", "attributed_to": "<img src=x onerror=alert(3)>",
               "negated": False, "hedged": False, "confidence": 0.9,
               "subject_mention": "</script><script>alert(4)</script>", "object_mention": "javascript:alert(5)"}]
    return assemble(docs, ents, claims)


def test_malicious_document_stays_text(browser, tmp_path):
    G = evil_graph()
    p = Page(browser, render_html(G, title="<script>alert('title')</script>"), tmp_path, "evil.html")
    try:
        count = "() => [document.querySelectorAll('script').length, document.querySelectorAll('img,svg,iframe,object,embed').length, document.querySelectorAll('a[href]').length]"
        before = p.js(count)
        assert before == [3, 0, 0]
        p.js("() => { window.graphkit.network.selectEdges([0]); window.graphkit.showEdge(0); }")
        text = p.page.inner_text("#gk-panel-body")
        assert "Evil backs B: " + " ".join(PAYLOADS) in text
        for s in ("<img src=x onerror=alert('title')>", "javascript:alert('source')", "<img src=x onerror=alert(3)>",
                  "</script><script>alert(4)</script>", "javascript:alert(5)", "</script><img src=x onerror=alert('node')>"):
            assert s in text
        p.js("() => window.graphkit.showNode(0)")
        text = p.page.inner_text("#gk-panel-body")
        assert "<script>alert('alias')</script>" in text
        p.page.fill("#gk-search", "<script>")
        p.page.wait_for_selector("#gk-results:not([hidden]) button")
        p.page.hover("#gk-network")
        # Tooltip of the node: vis renders titles as text.
        pos = p.js("() => { const net = window.graphkit.network; const q = net.canvasToDOM(net.getPositions([0])[0]);"
                   " const r = document.getElementById('gk-network').getBoundingClientRect(); return [q.x + r.left, q.y + r.top]; }")
        p.page.mouse.move(pos[0], pos[1])
        p.page.wait_for_timeout(600)
        assert p.js(count) == before
        assert p.page.title() == "<script>alert('title')</script>"
        assert p.dialogs == [] and p.errors == [] and p.requests == [p.url]
    finally:
        p.close()
