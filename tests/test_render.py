"""Fast checks of the explorer page (no browser): offline, data round-trip, escaping, truncation."""
from __future__ import annotations

import json
import re

import pytest

from graphkit.graph import assemble
from graphkit.render import build_payload, layout_positions, render_html
from graphkit.render.demo import sample_graph, synthetic_graph
from graphkit.render.html import json_for_script
from graphkit.render.style import BLOC_PALETTE, NO_BLOC, RELATION_COLOR, KIND_STYLE

DATA_RE = re.compile(r'<script type="application/json" id="gk-data">(.*?)</script>', re.S)


def embedded(html: str) -> dict:
    m = DATA_RE.search(html)
    assert m, "no data block"
    return json.loads(m.group(1))


def evil_graph():
    docs = [{"id": "d1", "name": "</script><script>alert(1)</script>", "title": "<img src=x onerror=alert(1)>",
             "source": "javascript:alert(1)", "path": "x", "published": "2024-01-01"}]
    ents = [{"key": "actor:a", "name": "</script><b>A</b>", "kind": "Actor", "aliases": ["<!--", "\u2028x"]},
            {"key": "group:b", "name": "B & <i>co</i>", "kind": "Group", "aliases": []}]
    claims = [{"id": "c1", "subject": "actor:a", "object": "group:b", "relation": "BACKS",
               "sentence": "<script>alert(1)</script> backs <img src=x onerror=alert(1)> \u2029",
               "doc": "d1", "attributed_to": "javascript:alert(1)", "negated": False, "hedged": False,
               "confidence": 0.9, "subject_mention": "</script>", "object_mention": "<b>"}]
    return assemble(docs, ents, claims)


def test_page_is_self_contained_and_offline():
    html = render_html(sample_graph(), title="Syria")
    assert html.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    # No remote resource anywhere it could be loaded from.
    assert not re.search(r'(?:src|href)\s*=\s*["\']?\s*(?:https?:)?//', html, re.I)
    assert not re.search(r'<link\b', html, re.I)
    assert not re.search(r'\bfetch\s*\(\s*["\']https?:', html)
    assert not re.search(r'\bimport\s*\(\s*["\']https?:', html)
    assert not re.search(r'@import', html)
    assert html.lower().count("</script") == 3          # data, vis-network, explorer


def test_embedded_json_round_trips():
    G = sample_graph()
    data = embedded(render_html(G))
    assert len(data["nodes"]) == G.number_of_nodes()
    assert len(data["edges"]) == G.number_of_edges()
    assert len(data["vis"]["nodes"]) == G.number_of_nodes()
    assert len(data["vis"]["edges"]) == G.number_of_edges()
    assert data["notice"] is None and data["truncated"] is None
    fields = data["claimFields"]
    # Every claim of every edge is there, with its sentence, document and flags.
    keys = [n["key"] for n in data["nodes"]]
    total = 0
    for e in data["edges"]:
        s, o = keys[e["from"]], keys[e["to"]]
        src = G.edges[s, o, e["relation"]]
        assert e["weight"] == src["weight"] and e["contested"] == src["contested"]
        got = sorted(c[fields.index("sentence")] for c in e["claims"])
        assert got == sorted(c["sentence"] for c in src["claims"])
        for c in e["claims"]:
            d = data["docs"][c[fields.index("doc")]]
            assert d["id"] in G.graph["documents"]
        total += len(e["claims"])
    assert total == sum(len(d["claims"]) for *_, d in G.edges(data=True))
    ru = next(e for e in data["edges"] if keys[e["from"]] == "actor:russia" and keys[e["to"]] == "place:idlib")
    assert ru["contested"] and ru["weight"] == 1 and len(ru["claims"]) == 2
    # Vis items carry positions (physics is off) and per-kind shapes.
    opts = data["vis"]["options"]
    assert opts["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["vis"]["nodes"])
    shapes = {data["nodes"][n["id"]]["kind"]: n["shape"] for n in data["vis"]["nodes"]}
    assert shapes == {k: KIND_STYLE[k]["shape"] for k in shapes}
    colors = {data["edges"][e["id"]]["relation"]: e["color"]["color"] for e in data["vis"]["edges"]}
    assert colors == {r: RELATION_COLOR[r] for r in colors}
    unasserted = [e for e in data["vis"]["edges"] if data["edges"][e["id"]]["weight"] == 0]
    assert unasserted and all(e.get("dashes") for e in unasserted)


def test_untrusted_text_cannot_break_out():
    G = evil_graph()
    html = render_html(G, title="</title><script>alert('t')</script>")
    # The only script closers are the three of the template.
    assert html.lower().count("</script") == 3
    assert "<img src=x" not in html and "<b>A</b>" not in html and "<!--" not in html
    assert "\u2028" not in html and "\u2029" not in html
    assert "<title>&lt;/title&gt;&lt;script&gt;" in html
    data = embedded(html)
    assert data["nodes"][0]["name"] == "</script><b>A</b>"
    assert data["nodes"][0]["aliases"] == ["<!--", "\u2028x"]
    claim = data["edges"][0]["claims"][0]
    assert claim[0].startswith("<script>alert(1)</script>") and claim[0].endswith("\u2029")
    assert data["docs"][0]["source"] == "javascript:alert(1)"
    assert 'href="javascript' not in html.lower()


def test_json_for_script_escapes():
    s = json_for_script({"a": "</script>&<!--\u2028\u2029"})
    assert s == '{"a":"\\u003c/script\\u003e\\u0026\\u003c!--\\u2028\\u2029"}'
    assert json.loads(s) == {"a": "</script>&<!--\u2028\u2029"}


def test_max_nodes_truncation_notice():
    G = synthetic_graph(300, seed=3)
    html = render_html(G, max_nodes=100)
    data = embedded(html)
    assert len(data["nodes"]) == 100
    t = data["truncated"]
    assert t["nodes_left_out"] == 200 and t["nodes_total"] == 300
    assert t["edges_shown"] == len(data["edges"])
    assert t["edges_left_out"] == G.number_of_edges() - len(data["edges"]) > 0
    assert "200 of 300 nodes" in data["notice"] and f"{t['edges_left_out']:,} of" in data["notice"]
    # The kept nodes are the best connected ones.
    wd = {k: 0 for k in G}
    for u, v, w in G.edges(data="weight"):
        wd[u] += w
        wd[v] += w
    kept = {n["key"] for n in data["nodes"]}
    assert min(wd[k] for k in kept) >= max(wd[k] for k in G if k not in kept)
    with pytest.raises(ValueError):
        render_html(G, max_nodes=0)


def test_groups_colour_nodes_by_bloc():
    G = sample_graph()
    groups = {"actor:russia": "Astana", "actor:iran": "Astana", "actor:turkey": "Astana",
              "actor:united_states": "West", "actor:israel": "West"}
    data = embedded(render_html(G, groups=groups))
    assert data["colorBy"] == "bloc"
    blocs = {b["name"]: b for b in data["blocs"]}
    assert blocs["Astana"]["count"] == 3 and blocs["West"]["count"] == 2
    assert blocs["Astana"]["color"] == BLOC_PALETTE[0] and blocs["West"]["color"] == BLOC_PALETTE[1]
    assert blocs["(no bloc)"]["color"] == NO_BLOC
    groups_opt = data["vis"]["options"]["groups"]
    by_key = {n["key"]: v for n, v in zip(data["nodes"], data["vis"]["nodes"])}
    assert groups_opt[by_key["actor:iran"]["group"]]["color"]["background"] == BLOC_PALETTE[0]
    assert groups_opt[by_key["place:idlib"]["group"]]["color"]["background"] == NO_BLOC
    assert by_key["actor:iran"]["shape"] == "dot"      # shape still tells the kind


def test_layout_positions_deterministic_and_spread():
    G = sample_graph()
    a, b = layout_positions(G), layout_positions(G)
    assert a == b and set(a) == set(G.nodes)
    pts = list(a.values())
    nearest = [min(((x - u) ** 2 + (y - v) ** 2) ** 0.5 for j, (u, v) in enumerate(pts) if j != i)
               for i, (x, y) in enumerate(pts)]
    assert min(nearest) > 40          # label boxes pushed apart
    assert layout_positions(assemble([], [], [])) == {}


def test_large_graph_options():
    data = build_payload(synthetic_graph(1500, seed=2))
    assert data["large"] is True
    opts = data["vis"]["options"]
    assert opts["edges"]["smooth"] is False and opts["interaction"]["hideEdgesOnDrag"] is True
    labelled = sum(1 for n in data["vis"]["nodes"] if "label" in n)
    assert 0 < labelled < 1500
