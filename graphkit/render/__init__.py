"""Interactive, offline HTML explorer of the browsing graph.

    from graphkit.render import render_html
    html = render_html(G, title="Syria", max_nodes=10000, groups=None)

Modules: ``layout`` (positions in Python), ``style`` (shapes, colours), ``payload``
(what the page embeds), ``html`` (the page itself); ``assets/`` holds the template,
the explorer's JS and CSS. vis-network comes from the pyvis package.
"""
from .html import render_html
from .layout import layout_positions
from .payload import build_payload, select_nodes, weighted_degree

__all__ = ["render_html", "layout_positions", "build_payload", "select_nodes", "weighted_degree"]
