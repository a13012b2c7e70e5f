"""News from the web: article pages, RSS/Atom feeds and sitemaps -> Documents.

    from graphkit.web import Fetcher, WebOptions, read_urls
    with Fetcher(WebOptions(concurrency=2)) as f:
        for doc in read_urls(["https://example.org/feed.xml"], f, since="2024-01-01"):
            ...

fetch.py: polite, bounded HTTP (httpx); feeds.py: what a page is, feed and sitemap
items (feedparser, lxml); reader.py: the URLs' documents. The article text of a page
comes from graphkit.article (trafilatura).
"""
from .feeds import Item
from .fetch import Fetcher, FetchError, Page, WebOptions
from .reader import Known, is_url, read_urls, url_key

__all__ = ["Fetcher", "FetchError", "Page", "WebOptions", "Item", "Known", "is_url", "read_urls", "url_key"]
