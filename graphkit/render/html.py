"""The explorer page: one self-contained, offline HTML string.

The page inlines vis-network (the copy bundled with pyvis), its own CSS/JS from
``assets/``, and the graph as a JSON data block. A Content-Security-Policy meta
tag forbids every fetch, so not even a bug can load anything from the network.
"""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from importlib import resources

import networkx as nx

from .payload import build_payload

VIS_VERSION = "9.1.2"
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data:; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'")

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")
_SLOT_RE = re.compile(r"\{\{([A-Z_]+)\}\}")


def json_for_script(value) -> str:
    """JSON safe to place inside ``<script type="application/json">``.

    ``<``, ``>``, ``&`` and the JS line separators only occur inside JSON strings,
    where their ``\\uXXXX`` forms parse back to the same text, so no data can
    close the script element or open a comment.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str)
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (resources.files("graphkit.render") / "assets" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _vis(name: str) -> str:
    """vis-network's standalone build as shipped inside the pyvis wheel."""
    path = resources.files("pyvis") / "templates" / "lib" / f"vis-{VIS_VERSION}" / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:  # pragma: no cover - depends on the installed pyvis
        raise RuntimeError(f"pyvis does not ship vis-network {VIS_VERSION} ({path}); "
                           "install pyvis==0.3.2") from exc
    _check_inlinable(name, text)
    return text


def _check_inlinable(name: str, text: str) -> None:
    low = text.lower()
    for bad in ("</script", "<!--", "</style"):
        if bad in low:
            raise RuntimeError(f"{name} contains {bad!r} and cannot be inlined safely")


def render_html(G: nx.MultiDiGraph, title: str = "graphkit", max_nodes: int = 10000,
                groups: dict[str, str] | None = None) -> str:
    """The whole explorer page for G (see :mod:`graphkit.graph`) as a string.

    max_nodes: above it, only the nodes with the highest weighted degree are shown
    and the page says how many nodes and edges were left out.
    groups: optional ``{node key: bloc name}``; nodes are then coloured by bloc
    (shape still tells the kind).
    """
    payload = build_payload(G, title=title, max_nodes=max_nodes, groups=groups)
    return page(payload)


def page(payload: dict) -> str:
    """Fill the template with a payload from :func:`graphkit.render.payload.build_payload`."""
    app_js, app_css = _asset("explorer.js"), _asset("explorer.css")
    _check_inlinable("explorer.js", app_js)
    _check_inlinable("explorer.css", app_css)
    slots = {
        "CSP": CSP,                      # a constant: no quotes or markup inside
        "TITLE": html.escape(payload["title"], quote=True),
        "VIS_CSS": _vis("vis-network.css"),
        "APP_CSS": app_css,
        "DATA": json_for_script(payload),
        "VIS_JS": _vis("vis-network.min.js"),
        "APP_JS": app_js,
    }
    # One pass: text put into a slot is never scanned for further slots.
    return _SLOT_RE.sub(lambda m: slots[m.group(1)], _asset("template.html"))
