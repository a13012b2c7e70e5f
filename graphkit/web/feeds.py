"""What a fetched page is (article, feed, sitemap), and the items of feeds and sitemaps.

A page is recognised by its content type and its body together: an XML body whose root
is <rss>, <feed> or <rdf:RDF> is a feed and one whose root is <urlset> or
<sitemapindex> a sitemap, whatever the server calls it (many serve feeds as text/html
or text/plain); a gzip body is unpacked first (sitemap.xml.gz); HTML by type or by
look is an article page; text/plain is a plain-text document; anything else (images,
PDF, archives, a body with NUL bytes) is not something graphkit reads.

Feeds are parsed with feedparser (RSS 0.9x/1.0/2.0, Atom), sitemaps with lxml with
entities and network access off.
"""
from __future__ import annotations

import re
import time
import zlib
from dataclasses import dataclass
from urllib.parse import urljoin

from ..article import iso_date
from .fetch import Page

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
GZIP_TYPES = {"application/gzip", "application/x-gzip"}
_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF|urlset|sitemapindex|html)\b", re.I)
_XML_PREAMBLE = re.compile(rb"^(\s|<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S | re.I)


@dataclass(frozen=True)
class Item:
    """One entry of a feed or sitemap: the page it points at."""
    url: str
    published: str | None = None   # YYYY-MM-DD: a feed entry's date, a news sitemap's publication_date
    modified: str | None = None    # YYYY-MM-DD: a sitemap entry's lastmod
    title: str = ""

    @property
    def date(self) -> str | None:
        """The date --since compares: published, else last modified."""
        return self.published or self.modified


def unzip(page: Page, max_bytes: int) -> Page:
    """A gzip body unpacked (at most max_bytes of it; more raises ValueError); other pages as they are."""
    if not page.body.startswith(b"\x1f\x8b"):
        return page
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        body = d.decompress(page.body, max_bytes + 1)
    except zlib.error as e:
        raise ValueError(f"a broken gzip body ({e})") from e
    if len(body) > max_bytes or d.unconsumed_tail:
        raise ValueError(f"too large once unpacked (more than {max_bytes:,} bytes)")
    return Page(requested=page.requested, url=page.url, status=page.status, content_type="application/xml",
                encoding=page.encoding, body=body)


def kind(page: Page) -> str | None:
    """"feed", "sitemap", "sitemapindex", "html", "text", or None for anything else."""
    head = page.body[:4096].lstrip(b"\xef\xbb\xbf")
    if b"\x00" in head:
        return None
    m = _ROOT.match(head, _XML_PREAMBLE.match(head).end())  # type: ignore[union-attr]
    root = m.group(1).decode().lower() if m else None
    if root in ("rss", "feed", "rdf") or (page.content_type in FEED_TYPES and root != "html"):
        return "feed"
    if root in ("urlset", "sitemapindex"):
        return "sitemap" if root == "urlset" else "sitemapindex"
    if page.content_type in HTML_TYPES or root == "html" or re.search(rb"<(head|body)\b", head[:1024], re.I):
        return "html"
    if page.content_type == "text/plain" or (not page.content_type and _is_text(head)):
        return "text"
    return None


def _is_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as e:
        return e.start > len(head) - 4     # a character cut at the end of the sample
    return True


def feed_items(page: Page) -> list[Item]:
    """The entries of an RSS or Atom feed that link to a page, in feed order.
    Raises ValueError if the body is not a feed feedparser can read."""
    import feedparser

    # bytes, never a string: feedparser would take a string that looks like a URL and fetch it.
    # The body was recognised as a feed: a server calling it text/html or text/plain is wrong.
    ctype = page.content_type if page.content_type in FEED_TYPES or page.content_type.endswith("xml") \
        else "application/xml"
    parsed = feedparser.parse(page.body, response_headers={"content-location": page.url, "content-type": ctype})
    if parsed.bozo and not parsed.entries:
        raise ValueError(f"not a readable feed ({type(parsed.bozo_exception).__name__}: {parsed.bozo_exception})")
    items = []
    for e in parsed.entries:
        link = e.get("link") or next((lk.get("href") for lk in e.get("links", []) if lk.get("href")), None)
        if not link:
            continue
        when = e.get("published_parsed") or e.get("updated_parsed")
        published = time.strftime("%Y-%m-%d", when) if when else None
        items.append(Item(url=urljoin(page.url, link), published=published, title=e.get("title", "")))
    return items


def sitemap_items(page: Page) -> tuple[list[Item], list[str]]:
    """(pages listed in a <urlset>, sitemaps listed in a <sitemapindex>). Raises ValueError
    if the body is not well-formed XML."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(page.body, parser=parser)
    except etree.XMLSyntaxError as e:
        raise ValueError(f"not a readable sitemap ({e})") from e
    items, nested = [], []
    for node in root:
        if not isinstance(node.tag, str):
            continue
        values = {etree.QName(c).localname: (c.text or "").strip() for c in node.iter() if isinstance(c.tag, str)}
        loc = values.get("loc")
        if not loc:
            continue
        if etree.QName(node).localname == "url":
            items.append(Item(url=urljoin(page.url, loc), published=iso_date(values.get("publication_date")),
                              modified=iso_date(values.get("lastmod")), title=values.get("title", "")))
        elif etree.QName(node).localname == "sitemap":
            nested.append(urljoin(page.url, loc))
    return items, nested
