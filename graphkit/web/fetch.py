"""Polite, bounded HTTP GET for web sources (httpx).

Every request made through a :class:`Fetcher`:

* names itself (``User-Agent``) and asks robots.txt first (RFC 9309: once per site,
  cached; a missing robots.txt allows everything, an unreachable one (5xx, timeout)
  allows nothing; ``Crawl-delay`` is kept, up to ``max_crawl_delay``);
* has connect and read timeouts and an overall deadline (a server that trickles bytes
  is cut off too);
* reads at most ``max_bytes`` (counted while reading, after decompression; a larger
  ``Content-Length`` is refused before reading);
* follows at most ``max_redirects`` redirects, only to http(s), and names a loop;
* retries 429 and 5xx answers ``retries`` times with exponential backoff (a
  ``Retry-After`` up to ``max_retry_wait`` seconds is honoured);
* waits for a free slot: at most ``concurrency`` requests at once, ``per_host`` per site.

Failures raise :class:`FetchError` with a one-line reason.
"""
from __future__ import annotations

import email.utils
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from .. import __version__
from ..documents import MAX_BYTES

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ROBOTS_MAX_BYTES = 500 * 1024


@dataclass(frozen=True)
class WebOptions:
    user_agent: str = f"graphkit/{__version__} (news graph explorer; python-httpx)"
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0            # seconds for one whole request, body included
    max_bytes: int = MAX_BYTES       # as for files: $GRAPHKIT_MAX_BYTES, default 5 MB
    max_redirects: int = 5
    retries: int = 3
    backoff: float = 1.0              # first wait before a retry; doubled each time
    max_retry_wait: float = 30.0
    concurrency: int = 4
    per_host: int = 2
    robots: bool = True
    max_crawl_delay: float = 10.0


class FetchError(Exception):
    """A URL that could not be fetched; ``reason`` is one line."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class Page:
    requested: str        # the URL asked for
    url: str              # where it was found, after redirects
    status: int
    content_type: str     # media type, lower case, without parameters ("" if none)
    encoding: str | None  # charset from the Content-Type header, if any
    body: bytes

    def text(self) -> str:
        """The body decoded: the header's charset, else UTF-8 (undecodable bytes replaced)."""
        try:
            return self.body.decode(self.encoding or "utf-8", errors="replace")
        except LookupError:             # an unknown charset name
            return self.body.decode("utf-8", errors="replace")


class _Site:
    """Per-site politeness: a slot limit, robots.txt and the time the next request may start."""

    def __init__(self, per_host: int):
        self.slots = threading.BoundedSemaphore(per_host)
        self.lock = threading.Lock()
        self.robots: RobotFileParser | None = None
        self.robots_error: str | None = None
        self.delay = 0.0
        self.next_start = 0.0

    def wait_turn(self) -> None:
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_start)
            self.next_start = start + self.delay
        if start > now:
            time.sleep(start - now)


class Fetcher:
    """A polite HTTP client (see the module doc); thread-safe; close it, or use ``with``."""

    def __init__(self, options: WebOptions | None = None, transport: httpx.BaseTransport | None = None):
        self.options = o = options or WebOptions()
        self.client = httpx.Client(
            headers={"User-Agent": o.user_agent, "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                     "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"},
            timeout=httpx.Timeout(o.read_timeout, connect=o.connect_timeout),
            limits=httpx.Limits(max_connections=o.concurrency), follow_redirects=False, transport=transport)
        self._slots = threading.BoundedSemaphore(o.concurrency)
        self._sites: dict[str, _Site] = {}
        self._sites_lock = threading.Lock()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # ------------------------------------------------------------ public
    def get(self, url: str) -> Page:
        """GET ``url`` politely; the final page (after redirects) or FetchError."""
        chain = [url]
        current = url
        for _ in range(self.options.max_redirects + 1):
            _check_scheme(url, current)
            self._check_robots(url, current)
            status, headers, body, final = self._get_with_retries(url, current)
            if status in (301, 302, 303, 307, 308) and headers.get("location"):
                nxt = str(httpx.URL(final).join(headers["location"]))
                if nxt in chain:
                    raise FetchError(url, "redirect loop (" + " -> ".join(chain + [nxt]) + ")")
                chain.append(nxt)
                current = nxt
                continue
            if status >= 400:
                raise FetchError(url, f"HTTP {status} {_reason(status)}")
            ctype = headers.get("content-type", "")
            media = ctype.split(";")[0].strip().lower()
            encoding = None
            for part in ctype.split(";")[1:]:
                k, _, v = part.partition("=")
                if k.strip().lower() == "charset":
                    encoding = v.strip().strip('"') or None
            return Page(requested=url, url=final, status=status, content_type=media, encoding=encoding, body=body)
        raise FetchError(url, f"too many redirects (more than {self.options.max_redirects}: "
                              + " -> ".join(chain) + ")")

    # ------------------------------------------------------------ one request
    def _get_with_retries(self, url: str, current: str) -> tuple[int, httpx.Headers, bytes, str]:
        o = self.options
        for attempt in range(o.retries + 1):
            status, headers, body, final = self._get_once(url, current)
            if status not in RETRY_STATUSES or attempt == o.retries:
                return status, headers, body, final
            wait = o.backoff * 2 ** attempt
            after = _retry_after(headers.get("retry-after"))
            if after is not None:
                if after > o.max_retry_wait:
                    raise FetchError(url, f"HTTP {status} {_reason(status)} (Retry-After {after:.0f} s "
                                          f"is longer than {o.max_retry_wait:.0f} s)")
                wait = max(wait, after)
            time.sleep(wait)
        raise AssertionError("unreachable")

    def _get_once(self, url: str, current: str) -> tuple[int, httpx.Headers, bytes, str]:
        o = self.options
        site = self._site(current)
        with site.slots, self._slots:       # a site's turn first: waiting for it holds no global slot
            site.wait_turn()
            t0 = time.monotonic()
            try:
                with self.client.stream("GET", current) as r:
                    if r.is_redirect or r.status_code >= 400:
                        return r.status_code, r.headers, b"", str(r.url)
                    declared = r.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > o.max_bytes:
                        raise FetchError(url, f"too large ({int(declared):,} bytes; the limit is {o.max_bytes:,})")
                    chunks, size = [], 0
                    for chunk in r.iter_bytes():
                        size += len(chunk)
                        if size > o.max_bytes:
                            raise FetchError(url, f"too large (more than {o.max_bytes:,} bytes)")
                        if time.monotonic() - t0 > o.deadline:
                            raise FetchError(url, f"too slow (no whole answer within {o.deadline:g} s)")
                        chunks.append(chunk)
                    return r.status_code, r.headers, b"".join(chunks), str(r.url)
            except httpx.TimeoutException as e:
                limit = o.connect_timeout if isinstance(e, httpx.ConnectTimeout) else o.read_timeout
                raise FetchError(url, f"timed out ({_timeout_kind(e)}, limit {limit:g} s)") from None
            except httpx.HTTPError as e:
                raise FetchError(url, f"cannot fetch: {type(e).__name__}: {e}") from None

    # ------------------------------------------------------------ robots.txt
    def _site(self, url: str) -> _Site:
        key = _origin(url)
        with self._sites_lock:
            site = self._sites.get(key)
            if site is None:
                site = self._sites[key] = _Site(self.options.per_host)
            return site

    def _check_robots(self, url: str, current: str) -> None:
        if not self.options.robots:
            return
        site = self._site(current)
        with site.lock:
            if site.robots is None and site.robots_error is None:
                self._load_robots(site, current)
        if site.robots_error:
            raise FetchError(url, f"robots.txt of {_origin(current)} could not be read ({site.robots_error}); "
                                  "not fetching, as RFC 9309 asks")
        assert site.robots is not None
        if not site.robots.can_fetch(self.options.user_agent, current):
            raise FetchError(url, f"disallowed by {_origin(current)}/robots.txt")

    def _load_robots(self, site: _Site, url: str) -> None:
        robots_url = _origin(url) + "/robots.txt"
        rp = RobotFileParser(robots_url)
        try:
            with self.client.stream("GET", robots_url, follow_redirects=True) as r:
                status, body = r.status_code, b""
                for chunk in r.iter_bytes():
                    body += chunk
                    if len(body) >= ROBOTS_MAX_BYTES:    # RFC 9309 2.5: parse at least 500 KiB
                        break
        except httpx.HTTPError as e:
            site.robots_error = type(e).__name__
            return
        if status >= 500:
            site.robots_error = f"HTTP {status}"
            return
        if status >= 400:
            rp.parse([])                  # RFC 9309 2.3.1.3: unavailable means no rules
        else:
            rp.parse(body[:ROBOTS_MAX_BYTES].decode("utf-8", errors="replace").splitlines())
        rp.modified()
        delay = rp.crawl_delay(self.options.user_agent)
        site.delay = min(float(delay or 0), self.options.max_crawl_delay)
        site.robots = rp


def _origin(url: str) -> str:
    u = urlsplit(url)
    return f"{u.scheme}://{u.netloc}"


def _check_scheme(url: str, current: str) -> None:
    if urlsplit(current).scheme not in ("http", "https"):
        raise FetchError(url, f"not an http(s) URL: {current}")


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _reason(status: int) -> str:
    try:
        return httpx.codes.get_reason_phrase(status)
    except ValueError:
        return ""


def _timeout_kind(e: httpx.TimeoutException) -> str:
    return {httpx.ConnectTimeout: "connecting", httpx.ReadTimeout: "waiting for data",
            httpx.WriteTimeout: "sending", httpx.PoolTimeout: "waiting for a connection"}.get(type(e), "timeout")
