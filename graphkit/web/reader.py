"""URLs -> Documents: article pages, RSS/Atom feeds and sitemaps, fetched politely.

A URL given is fetched (graphkit.web.fetch) and recognised (graphkit.web.feeds): an
article page becomes one Document (graphkit.article: text, title, date, author,
canonical URL); a feed or a sitemap (or a sitemap index) becomes its items' pages.
Each failure is a ReadError naming the URL and why; the rest goes on.

Re-reading a feed fetches only new items: an item whose URL a stored document was read
from or names as canonical is skipped unfetched (``known``), and so is a page whose
canonical URL is stored; the ingest then skips a document whose text is stored (its
id is the text's hash). ``since`` drops feed and sitemap items dated before it.
"""
from __future__ import annotations

from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import Callable, Iterable, Iterator, TypeVar
from urllib.parse import urlsplit

from ..documents import ReadError, html_document, text_document
from ..model import Document
from .feeds import Item, feed_items, kind, sitemap_items, unzip
from .fetch import Fetcher, FetchError, Page

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Known:
    """A web page the store already holds (by URL): not fetched, or not stored again."""
    url: str


@dataclass(frozen=True)
class Listing:
    """A feed's or sitemap's items."""
    url: str
    items: list[Item]
    errors: list[ReadError]


def is_url(source: str) -> bool:
    return str(source).lower().startswith(("http://", "https://"))


def url_key(url: str) -> str:
    """The form a URL is stored and compared in: scheme and host lower-cased, default
    port, fragment and tracking parameters (utm_* and the like) dropped."""
    from courlan import normalize_url
    try:
        return normalize_url(url, strict=True)
    except ValueError:
        return url


def read_urls(urls: Iterable[str], fetcher: Fetcher, *, since: str | None = None, published: str | None = None,
              known: Callable[[list[str]], set[str]] = lambda urls: set(),
              on_expand: Callable[[int], None] | None = None) -> Iterator[Document | ReadError | Known]:
    """Documents (or errors, or Known) of the pages, feeds and sitemaps at ``urls``, in order.

    since: YYYY-MM-DD; feed and sitemap items dated before it are left out (undated ones
    are read). published: the date of a page that has none. known: which of some URL
    keys the store holds. on_expand(n): a feed or sitemap turned out to hold n items to read."""
    urls = list(dict.fromkeys(urls))
    stored = known([url_key(u) for u in urls])
    todo = []
    for u in urls:
        if url_key(u) in stored:
            yield Known(u)
        else:
            todo.append(u)
    workers = fetcher.options.concurrency
    listed: set[str] = set()     # items of an earlier feed or sitemap of this run
    for res in ordered(lambda u: _read_one(fetcher, u, published, listing_ok=True), todo, workers):
        if not isinstance(res, Listing):
            yield from _unless_known(res, known)
            continue
        yield from res.errors
        items = [it for it in _unique(res.items) if since is None or it.date is None or it.date >= since]
        if on_expand:
            on_expand(len(items))
        stored = known([url_key(it.url) for it in items])
        new = []
        for it in items:
            if url_key(it.url) in stored or url_key(it.url) in listed:
                yield Known(it.url)
            else:
                new.append(it)
        listed.update(url_key(it.url) for it in items)
        for doc in ordered(lambda it: _read_one(fetcher, it.url, it.published or published), new, workers):
            yield from _unless_known(doc, known)


def _unless_known(res, known) -> Iterator[Document | ReadError | Known]:
    if isinstance(res, Document) and res.url and known([res.url]):
        yield Known(res.url)
    else:
        yield res


def _unique(items: list[Item]) -> list[Item]:
    seen: dict[str, Item] = {}
    for it in items:
        seen.setdefault(url_key(it.url), it)
    return list(seen.values())


def _read_one(fetcher: Fetcher, url: str, published: str | None,
              listing_ok: bool = False) -> Document | ReadError | Listing:
    """One URL: its Document, its items (a feed or sitemap, if listing_ok), or an error."""
    try:
        page = unzip(fetcher.get(url), fetcher.options.max_bytes)
    except FetchError as e:
        return ReadError(url, e.reason)
    except ValueError as e:
        return ReadError(url, str(e))
    what = kind(page)
    if what in ("html", "text"):
        return _page_document(page, what, published)
    if what is None:
        return ReadError(url, f"not a web page, feed or sitemap ({page.content_type or 'no content type'})")
    if not listing_ok:
        return ReadError(url, f"a {what} where an article page was expected; give it on the command line")
    try:
        if what == "feed":
            return Listing(url, feed_items(page), [])
        items, nested = sitemap_items(page)
        errors: list[ReadError] = []
        for sub in nested:
            res = _read_sitemap(fetcher, sub)
            if isinstance(res, ReadError):
                errors.append(res)
            else:
                items += res
        return Listing(url, items, errors)
    except ValueError as e:
        return ReadError(url, str(e))


def _read_sitemap(fetcher: Fetcher, url: str) -> list[Item] | ReadError:
    """The pages of one sitemap a sitemap index lists (an index inside an index is not followed)."""
    try:
        page = unzip(fetcher.get(url), fetcher.options.max_bytes)
        if kind(page) != "sitemap":
            return ReadError(url, "listed in a sitemap index but not a sitemap")
        return sitemap_items(page)[0]
    except FetchError as e:
        return ReadError(url, e.reason)
    except ValueError as e:
        return ReadError(url, str(e))


def _page_document(page: Page, what: str, published: str | None) -> Document | ReadError:
    text = page.text()
    name = _name(page.url)
    if what == "text":
        if not text.strip():
            return ReadError(page.requested, "empty page")
        return text_document(text, name, page.url, source=url_key(page.requested), published=published,
                         url=url_key(page.url))
    doc = html_document(text, name, page.url, source=url_key(page.requested), url=page.url, default_date=published)
    if isinstance(doc, ReadError):
        return ReadError(page.requested, doc.reason)
    return replace(doc, url=url_key(doc.url or page.url))


def _name(url: str) -> str:
    """A short name for a page: the last part of its path without extension, else its host."""
    u = urlsplit(url)
    stem = PurePosixPath(u.path).stem
    return stem or u.hostname or url


def ordered(fn: Callable[[T], R], items: Iterable[T], workers: int) -> Iterator[R]:
    """fn over items on ``workers`` threads, results in input order, at most 2 x workers ahead."""
    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="graphkit-web")
    pending: deque[Future] = deque()
    try:
        for x in items:
            pending.append(pool.submit(fn, x))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
