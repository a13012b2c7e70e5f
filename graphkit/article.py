"""An HTML news page -> its article: text, title, publication date, author, canonical URL.

trafilatura does the work (main-text extraction that drops navigation, ads, related
stories, comments and scripts; metadata from <meta>, OpenGraph, JSON-LD and the page);
bench/html_extraction.py measures it against graphkit's earlier BeautifulSoup cleaning
on tests/data/web. Used for local .html files and for pages fetched from the web.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# <nav> is navigation by definition (HTML5): trafilatura drops it on news-sized pages,
# but on a page with a few lines of text its fallbacks keep everything, the menu too.
PRUNE = ["//nav"]


@dataclass(frozen=True)
class Article:
    text: str                      # paragraphs separated by a blank line
    title: str = ""
    published: str | None = None   # YYYY-MM-DD
    author: str | None = None
    url: str | None = None         # the page's canonical URL, if it names one


def iso_date(value: str | None) -> str | None:
    """YYYY-MM-DD from the start of an ISO date or timestamp, else None."""
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value or "")
    return "-".join(m.groups()) if m else None


def from_html(markup: str, url: str | None = None) -> Article:
    """The article of one HTML page. ``url``: where the page was fetched from (helps
    resolve a relative canonical link). The text is empty if the page has none."""
    import trafilatura
    from trafilatura.settings import Document as Extracted

    doc = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, include_formatting=False, deduplicate=False,
                                      prune_xpath=PRUNE)
    if not isinstance(doc, Extracted):      # None: nothing found
        return Article(text="")
    text = doc.text or ""
    paragraphs = [re.sub(r"[ \t]+", " ", p).strip() for p in text.splitlines()]
    return Article(text="\n\n".join(p for p in paragraphs if p), title=(doc.title or "").strip(),
                   published=iso_date(doc.date), author=(doc.author or None), url=doc.url or None)
