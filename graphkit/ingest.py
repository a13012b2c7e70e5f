"""Ingest: sources -> documents -> extraction workers -> batched store writes.

    from graphkit.ingest import ingest
    from graphkit.store import StoreOptions

    result = ingest(["corpus/", "https://example.org/feed.xml"], StoreOptions(home="news-store"),
                    on_progress=lambda p: print(f"{p.done}/{p.total}"))
    print(result.documents_added, [str(e) for e in result.errors])

Sources are files, folders, globs (graphkit.documents) and http(s) URLs of article
pages, RSS/Atom feeds and sitemaps (graphkit.web), in one list. Documents the store
already holds (same text; for web pages also the same URL) are skipped before
extraction; the others are parsed by ``workers`` spaCy processes and written
``batch`` documents per transaction (all of a document or none of it). A source that
cannot be read, or a document the store refuses (then its batch is written one
document at a time), becomes a ReadError in ``result.errors`` (and goes to
``on_error``); the rest goes in.
"""
from __future__ import annotations

import contextlib
import os
import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, TypeVar

from .documents import ReadError, expand, open_regular, read_documents
from .model import Document, Extraction
from .store import Store, StoreOptions
from .web import Fetcher, Known, WebOptions, is_url, read_urls

T = TypeVar("T")
# A server an ingest starts gets a 512 MiB heap (loading needs little; the whole ingest,
# server included, stays under 2 GiB: a 10,000-document run peaked at 1.99 GiB with
# 1 GiB, 1.90 with 512 MiB) unless GRAPHKIT_HEAP says otherwise.
INGEST_HEAP = "512m"
KNOWN_CHUNK = 256      # documents asked about at once (is this text stored already?)


@dataclass(frozen=True)
class IngestProgress:
    done: int          # inputs finished: documents written or skipped, inputs that failed
    total: int         # inputs known so far; grows when a feed or sitemap is read


@dataclass
class IngestResult:
    documents_added: int = 0
    documents_skipped: int = 0
    entities_added: int = 0
    claims_added: int = 0
    edges: int = 0
    errors: list[ReadError] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> dict:
        """The counts as a flat dict (errors counted), as `graphkit ingest` prints them."""
        return {"documents_added": self.documents_added, "documents_skipped": self.documents_skipped,
                "entities_added": self.entities_added, "claims_added": self.claims_added,
                "edges": self.edges, "errors": len(self.errors), "seconds": round(self.seconds, 1)}


class _Tracker:
    def __init__(self, total: int, callback: Callable[[IngestProgress], None] | None):
        self.done, self.total, self.callback = 0, total, callback

    def advance(self, n: int = 1) -> None:
        self.done += n
        self._tell()

    def grow(self, n: int) -> None:
        self.total += n
        self._tell()

    def _tell(self) -> None:
        if self.callback:
            self.callback(IngestProgress(self.done, self.total))


def ingest(sources: Iterable[str | os.PathLike], store: Store | StoreOptions | None = None, *,
           extractor=None, workers: int = 1, batch: int = 100, published: str | None = None,
           since: str | None = None, web: WebOptions | None = None,
           on_progress: Callable[[IngestProgress], None] | None = None,
           on_error: Callable[[ReadError], None] | None = None) -> IngestResult:
    """Extract relations from ``sources`` and load them into ``store`` (idempotent).

    store: an open Store, or StoreOptions (None: the embedded store of ./.graphkit or
    $GRAPHKIT_HOME) to open and close here. extractor: a graphkit.extract.Extractor
    (default: the bundled alias data plus the store home's aliases.json). published:
    the date of documents that carry none. since: feed and sitemap items dated before
    it (YYYY-MM-DD) are left out. web: how URLs are fetched (graphkit.web.WebOptions).
    """
    t0 = time.monotonic()
    names = [str(s) for s in sources]
    urls = [s for s in names if is_url(s)]
    paths = [s for s in names if not is_url(s)]
    result = IngestResult()
    with _open(store) as st:
        home = st.server.home if st.server is not None else None
        if extractor is None:
            from .extract import Extractor
            extractor = Extractor(home=str(home) if home else None)
        if workers > 1:
            _die_with_parent_in_forked_workers()
        tracker = _Tracker(count_inputs(paths, exclude=[home] if home else []) + len(urls), on_progress)
        with Fetcher(web) as fetcher:
            docs = _documents(paths, urls, st, fetcher, home, published, since, tracker)
            fresh = _fresh(docs, st, result, tracker, on_error)
            for group in chunks(extractor.extract_all(fresh, n_process=workers), batch):
                _write(st, group, result, on_error)
                tracker.advance(len(group))
    result.seconds = time.monotonic() - t0
    return result


@contextlib.contextmanager
def _open(store: Store | StoreOptions | None) -> Iterator[Store]:
    if isinstance(store, Store):
        yield store
        return
    os.environ.setdefault("GRAPHKIT_HEAP", INGEST_HEAP)
    with (store or StoreOptions()).connect() as st:
        yield st


def _documents(paths: list[str], urls: list[str], store: Store, fetcher: Fetcher, home, published: str | None,
               since: str | None, tracker: _Tracker) -> Iterator[Document | ReadError | Known]:
    """Every source's documents: the files first, then the web's."""
    if paths:
        yield from read_documents(paths, published=published, exclude=[home] if home else [])
    if urls:
        yield from read_urls(urls, fetcher, since=since, published=published, known=store.known_urls,
                             on_expand=lambda n: tracker.grow(n - 1))


def _fresh(docs: Iterator[Document | ReadError | Known], store: Store, result: IngestResult, tracker: _Tracker,
           on_error: Callable[[ReadError], None] | None) -> Iterator[Document]:
    """The documents the store does not hold yet; errors and known ones counted on the way."""
    for chunk in chunks(docs, KNOWN_CHUNK):
        new = []
        for d in chunk:
            if isinstance(d, ReadError):
                result.errors.append(d)
                if on_error:
                    on_error(d)
                tracker.advance()
            elif isinstance(d, Known):
                result.documents_skipped += 1
                tracker.advance()
            else:
                new.append(d)
        stored = store.known_documents([d.id for d in new]) if new else set()
        seen: set[str] = set()
        for d in new:
            if d.id in stored or d.id in seen:
                result.documents_skipped += 1
                tracker.advance()
            else:
                seen.add(d.id)
                yield d


def _write(store: Store, group: list[Extraction], result: IngestResult,
           on_error: Callable[[ReadError], None] | None) -> None:
    from .store.store import write_batch
    res, failed = write_batch(store, group)
    for ex, why in failed:          # the rest of the batch went in
        e = ReadError(ex.document.path or ex.document.name, f"could not be stored: {why}")
        result.errors.append(e)
        if on_error:
            on_error(e)
    result.documents_added += res.get("documents_added", 0)
    result.documents_skipped += res.get("documents_skipped", 0)
    result.entities_added += res.get("entities_added", 0)
    result.claims_added += res.get("claims_added", 0)
    result.edges += res.get("edges", 0)


def count_inputs(paths: list[str], exclude: Iterable = ()) -> int:
    """How many documents the files under ``paths`` hold (a JSONL file: its non-blank lines)."""
    files, _ = expand(paths, exclude=exclude)
    total = 0
    for f in files:
        fh = open_regular(f) if f.suffix.lower() in (".jsonl", ".ndjson") else None
        if fh is None or isinstance(fh, ReadError):     # never opens a FIFO or a device
            total += 1
            continue
        try:
            with fh:
                total += _nonblank_lines(fh)
        except OSError:
            total += 1
    return total


def _nonblank_lines(fh) -> int:
    n = 0
    while line := fh.readline(1 << 20):     # a huge line is read in pieces, not at once
        n += bool(line.strip())
    return n


def chunks(it: Iterable[T], n: int) -> Iterator[list[T]]:
    buf: list[T] = []
    for x in it:
        buf.append(x)
        if len(buf) >= n:
            yield buf
            buf = []
    if buf:
        yield buf


_FORK_HOOK: list = []


def _die_with_parent_in_forked_workers() -> None:
    """spaCy's n_process workers are forked and block on a queue: if this process is
    killed (kill -9) they would live on, orphaned. Ask Linux to SIGKILL each of them
    when its parent dies (prctl PR_SET_PDEATHSIG); a no-op elsewhere."""
    if _FORK_HOOK or not sys.platform.startswith("linux") or not hasattr(os, "register_at_fork"):
        return
    import ctypes
    import signal
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return
    parent = os.getpid()

    def child() -> None:
        prctl(1, signal.SIGKILL)          # PR_SET_PDEATHSIG
        if os.getppid() != parent:        # the parent died before prctl took effect
            os._exit(1)
    os.register_at_fork(after_in_child=child)
    _FORK_HOOK.append(child)
