"""News from the web, against a real HTTP server on 127.0.0.1 (pytest-httpserver, threaded).

The server serves the article pages of tests/data/web (each in a different kind of
site boilerplate, with its links pointed at this server), an RSS feed and an Atom feed
(served as text/html, so only its body says it is a feed) pointing at them, a sitemap,
a 404, an endpoint slower than the timeout, an oversized body (chunked, no
Content-Length), a PNG, a redirect loop, a robots.txt that disallows /private/, a
redirect that works, a 503 that works on retry and a 500 that never does.
"""
from __future__ import annotations

import gzip
import json
import re
import threading
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner
from werkzeug.wrappers import Request, Response

from graphkit.cli import app
from graphkit.ingest import ingest
from graphkit.web import Fetcher, FetchError, Known, WebOptions, read_urls

WEB = Path(__file__).resolve().parent / "data" / "web"
TRUTH = json.loads((WEB / "truth.json").read_text(encoding="utf-8"))
SITE = "http://news.example"
# the page of each article this server serves, and the path it serves it at
SERVED = {key: (f"{key}-{tpl}.html", TRUTH["pages"][f"{key}-{tpl}.html"]["url"][len(SITE):])
          for key, tpl in TRUTH["served"].items()}
FAST = dict(backoff=0.05, max_retry_wait=1.0)


def _page(base: str, name: str) -> str:
    return (WEB / name).read_text(encoding="utf-8").replace(SITE, base)


def _rss(base: str) -> str:
    items = "".join(
        f"<item><title>{TRUTH['pages'][name]['title']}</title>"
        f"<link>{base}{path}?utm_source=rss&amp;utm_medium=feed</link>"
        f"<pubDate>{time.strftime('%a, %d %b %Y 08:00:00 +0000', time.strptime(TRUTH['pages'][name]['published'], '%Y-%m-%d'))}</pubDate></item>"
        for name, path in SERVED.values())
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>News Example</title>'
            f"<link>{base}/</link><description>World news</description>{items}</channel></rss>")


def _atom(base: str) -> str:
    entries = "".join(
        f"<entry><title>{TRUTH['pages'][name]['title']}</title><link href=\"{path}\"/>"
        f"<id>{base}{path}</id><updated>{TRUTH['pages'][name]['published']}T08:00:00Z</updated></entry>"
        for name, path in SERVED.values())
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}/">'
            f"<title>News Example</title><id>{base}/atom</id><updated>2024-03-05T08:00:00Z</updated>{entries}</feed>")


def _sitemap(base: str) -> str:
    urls = "".join(f"<url><loc>{base}{path}</loc><lastmod>{TRUTH['pages'][name]['published']}</lastmod></url>"
                   for name, path in SERVED.values())
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


class Site:
    """The handlers; ``hits`` counts requests per path."""

    def __init__(self, server: HTTPServer):
        self.server = server
        self.base = server.url_for("").rstrip("/")
        self.hits: dict[str, int] = {}
        self.flaky_left = 1
        self.extra: dict[str, str] = {}      # path -> HTML page, added by a test
        self.delay = 0.0                     # seconds every answer waits (concurrency test)
        self.inflight = self.peak = 0
        self.lock = threading.Lock()

    def __call__(self, request: Request) -> Response:
        with self.lock:
            self.hits[request.path] = self.hits.get(request.path, 0) + 1
            self.inflight += 1
            self.peak = max(self.peak, self.inflight)
        try:
            time.sleep(self.delay)
            return self.answer(request.path)
        finally:
            with self.lock:
                self.inflight -= 1

    def answer(self, path: str) -> Response:
        base = self.base
        pages = {p: name for name, p in SERVED.values()}
        if path == "/robots.txt":
            return Response("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        if path in pages:
            return Response(_page(base, pages[path]), content_type="text/html; charset=utf-8")
        if path in self.extra:
            return Response(self.extra[path], content_type="text/html; charset=utf-8")
        if path == "/feeds/rss.xml":
            return Response(_rss(base), content_type="application/rss+xml")
        if path == "/feeds/atom":
            return Response(_atom(base), content_type="text/html")          # mislabelled: the body decides
        if path == "/sitemap.xml":
            return Response(_sitemap(base), content_type="text/xml")
        if path == "/sitemap.xml.gz":
            return Response(gzip.compress(_sitemap(base).encode()), content_type="application/x-gzip")
        if path == "/sitemap-index.xml":
            return Response('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                            f"<sitemap><loc>{base}/sitemap.xml.gz</loc></sitemap>"
                            f"<sitemap><loc>{base}/missing-sitemap.xml</loc></sitemap></sitemapindex>",
                            content_type="application/xml")
        if path == "/slow":
            time.sleep(3)
            return Response("<html><body><p>Too late.</p></body></html>", content_type="text/html")
        if path == "/huge":
            chunk = b"<p>" + b"x" * 65533 + b"</p>"
            return Response((chunk for _ in range(100)), content_type="text/html")   # 6.5 MB, chunked
        if path == "/logo.png":
            return Response(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), content_type="image/png")
        if path == "/loop/a":
            return Response("", status=302, headers={"Location": "/loop/b"})
        if path == "/loop/b":
            return Response("", status=302, headers={"Location": f"{base}/loop/a"})
        if path == "/moved":
            return Response("", status=301, headers={"Location": SERVED["idlib"][1]})
        if path == "/flaky":
            if self.flaky_left:
                self.flaky_left -= 1
                return Response("busy", status=503, headers={"Retry-After": "0"})
            return Response("Egypt condemned the attack on the convoy near Rafah.", content_type="text/plain")
        if path == "/broken":
            return Response("oops", status=500)
        if path.startswith("/private/"):
            return Response(_page(base, SERVED["idlib"][0]), content_type="text/html")
        return Response("not here", status=404)


@pytest.fixture(scope="module")
def server():
    s = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    s.start()
    yield s
    s.clear()
    if s.is_running():
        s.stop()


@pytest.fixture
def site(server):
    server.clear()
    handler = Site(server)
    server.expect_request(re.compile(".*")).respond_with_handler(handler)
    return handler


def _docs(urls, **kw):
    with Fetcher(WebOptions(**{**FAST, **kw})) as f:
        return list(read_urls(urls, f))


# ---- the reader, no store ------------------------------------------------------------

def test_article_pages_text_metadata_and_no_boilerplate(site):
    base = site.base
    out = _docs([base + path for _, path in SERVED.values()])
    assert all(not isinstance(d, (FetchError, Known)) for d in out)
    for (name, path), d in zip(SERVED.values(), out):
        t = TRUTH["pages"][name]
        flat = " ".join(d.text.split())
        for p in t["paragraphs"]:
            assert p in flat
        for b in TRUTH["boilerplate"]:
            if t["template"] != "divsoup" or b != TRUTH["boilerplate"][0]:   # see test_documents.py
                assert b not in flat, (name, b)
        assert (d.title, d.published, d.author) == (t["title"], t["published"], t["author"])
        assert d.url == t["url"].replace(SITE, base) and d.source == base + path and d.path == base + path


def test_feeds_and_sitemap_are_recognised_by_body(site):
    base = site.base
    for listing in ("/feeds/rss.xml", "/feeds/atom", "/sitemap.xml"):
        out = _docs([base + listing])
        assert sorted(d.title for d in out) == sorted(TRUTH["pages"][n]["title"] for n, _ in SERVED.values()), listing
    rss = _docs([base + "/feeds/rss.xml"])
    assert {d.source for d in rss} == {base + p for _, p in SERVED.values()}    # tracking parameters dropped


def test_sitemap_index_and_gzip_sitemap(site):
    out = _docs([site.base + "/sitemap-index.xml"])
    errors = [d for d in out if not hasattr(d, "title")]
    assert [(e.path, e.reason) for e in errors] == [(site.base + "/missing-sitemap.xml", "HTTP 404 Not Found")]
    assert len(out) == 4


def test_since_leaves_out_older_feed_items(site):
    with Fetcher(WebOptions(**FAST)) as f:
        out = list(read_urls([site.base + "/feeds/rss.xml"], f, since="2024-01-01"))
    assert sorted(d.published for d in out) == ["2024-01-19", "2024-03-05"]
    assert site.hits.get(SERVED["sudan"][1], 0) == 0          # not even fetched


def test_polite_client(site):
    base = site.base
    with Fetcher(WebOptions(**FAST, read_timeout=1.0, retries=2)) as f:
        assert f.get(base + "/flaky").body.startswith(b"Egypt")        # 503, then fine on the retry
        with pytest.raises(FetchError, match="HTTP 500"):
            f.get(base + "/broken")
        assert site.hits["/broken"] == 3                               # 1 + 2 retries
        page = f.get(base + "/moved")
        assert page.url == base + SERVED["idlib"][1] and page.requested == base + "/moved"
    ua = [r for r, _ in site.server.log if r.path == "/robots.txt"][0].headers["User-Agent"]
    assert ua.startswith("graphkit/")
    assert site.hits["/robots.txt"] == 1                               # once per site


def test_concurrency_limit(site):
    site.delay = 0.2
    out = _docs([site.base + f"/nothing/{i}" for i in range(8)], concurrency=4, per_host=2)
    assert len(out) == 8 and site.peak == 2                            # at most 2 at once on one site


# ---- the CLI, into the real store ----------------------------------------------------

def _ingest(home, *args):
    res = CliRunner().invoke(app, ["ingest", *args, "--home", str(home), "--format", "json",
                                   "--timeout", "1", "--retries", "1"], catch_exceptions=False)
    return res, (json.loads(res.stdout)[0] if res.stdout.strip().startswith("[") else None)


def _stored(store):
    return sorted(store.query("MATCH (d:Document) RETURN d.title AS title, d.published AS published, "
                              "d.url AS url, d.author AS author, d.source AS source")[1],
                  key=lambda r: r["title"])


def test_ingest_urls_mixed_with_files(site, clean_store, store_home, tmp_path):
    base = site.base
    (tmp_path / "local.txt").write_text("Jordan backs the Palestinian Authority.", encoding="utf-8")
    bad = {"/missing": "HTTP 404 Not Found", "/slow": "timed out", "/huge": "too large",
           "/logo.png": "not a web page, feed or sitemap (image/png)", "/loop/a": "redirect loop",
           "/private/report": "disallowed by", "/broken": "HTTP 500"}
    res, summary = _ingest(store_home, str(tmp_path), base + "/feeds/rss.xml", base + "/feeds/atom",
                           base + "/sitemap.xml", base + "/flaky", *[base + p for p in bad])
    assert res.exit_code == 1
    lines = [ln for ln in res.stderr.splitlines() if ln.startswith("skipped ")]
    assert len(lines) == len(bad)
    for path, why in bad.items():
        line = next(ln for ln in lines if ln.startswith(f"skipped {base}{path}:"))
        assert why in line, line
    assert summary["documents_added"] == 5 and summary["errors"] == len(bad)   # 3 articles, flaky, local.txt
    rows = _stored(clean_store)
    web = [r for r in rows if r["url"] and r["author"]]
    expected = sorted((TRUTH["pages"][n] for n, _ in SERVED.values()), key=lambda t: t["title"])
    assert [(r["title"], r["published"], r["author"], r["url"]) for r in web] == \
        [(t["title"], t["published"], t["author"], t["url"].replace(SITE, base)) for t in expected]
    assert {r["source"] for r in rows} >= {base + "/flaky", str(tmp_path / "local.txt")}
    # the article bodies made claims; the comments and sidebars around them made none
    names = {r["n"] for r in clean_store.query("MATCH (e:Entity) RETURN e.name AS n")[1]}
    assert {"Turkey", "Houthis", "Rapid Support Forces"} <= names
    assert not names & {"Qatar", "China", "Hezbollah", "Lebanon", "Ukraine"}
    sentences = [r["s"] for r in clean_store.query("MATCH (c:Claim) RETURN c.sentence AS s")[1]]
    assert sentences and not any(b[:40] in s for s in sentences for b in TRUTH["boilerplate"])


def test_second_run_adds_nothing_and_fetches_only_new_items(site, clean_store, store_home):
    base = site.base
    args = [base + "/feeds/rss.xml", base + "/feeds/atom", base + "/sitemap.xml"]
    res, first = _ingest(store_home, *args)
    assert res.exit_code == 0 and first["documents_added"] == 3, res.output
    before = {p: site.hits.get(p, 0) for _, p in SERVED.values()}
    res, again = _ingest(store_home, *args)
    assert res.exit_code == 0 and again["documents_added"] == 0 and again["claims_added"] == 0
    assert {p: site.hits.get(p, 0) for _, p in SERVED.values()} == before       # items not fetched again
    # a new feed item: one page with new text, one with a stored article's text at a new URL
    site.extra["/world/new"] = ("<html><head><title>Qatar mediates</title></head><body><article><h1>Qatar mediates"
                                "</h1><p>Qatar hosted talks between Hamas and Israel on Sunday, officials said, "
                                "and Egypt backed the proposal.</p></article></body></html>")
    site.extra["/copy/idlib"] = _page(base, SERVED["idlib"][0]).replace(f"{base}/world/idlib", f"{base}/copy/idlib")
    rss = _rss(base).replace("</channel>", f"<item><link>{base}/world/new</link></item>"
                                           f"<item><link>{base}/copy/idlib</link></item></channel>")
    site.extra["/feeds/rss2.xml"] = rss
    res, third = _ingest(store_home, base + "/feeds/rss2.xml")
    assert res.exit_code == 0, res.output
    assert third["documents_added"] == 1 and third["documents_skipped"] == 4   # 3 by URL, 1 by text hash
    assert site.hits["/world/new"] == 1 and site.hits["/copy/idlib"] == 1


def test_library_ingest_with_progress(site, clean_store):
    seen = []
    result = ingest([site.base + "/sitemap.xml", site.base + "/missing"], clean_store,
                    web=WebOptions(**FAST), on_progress=seen.append)
    assert result.documents_added == 3 and [e.path for e in result.errors] == [site.base + "/missing"]
    assert seen[-1].done == seen[-1].total == 4
