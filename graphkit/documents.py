"""Reading documents: paths, folders and globs in; Documents or clear errors out.

Supported: .txt and .md (as is), .html/.htm (text extracted from the markup, title
and published date from <title>/<meta>), .jsonl (one document per line with `text`
and optional `title`, `source`, `published`, `id`). Anything else that is valid
UTF-8 text is read as plain text.

Bad input never stops a batch: each problem becomes a :class:`ReadError` naming the
file (and line) and why, and the caller decides what to do with it.
"""
from __future__ import annotations

import glob
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .model import Document, content_id

MAX_BYTES = int(os.environ.get("GRAPHKIT_MAX_BYTES", 5 * 1024 * 1024))  # per text document
MAX_JSONL_BYTES = 2 * 1024 ** 3
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
DATE_META = ("article:published_time", "og:published_time", "date", "pubdate",
             "publishdate", "dc.date", "dcterms.date", "datepublished", "sailthru.date")


@dataclass(frozen=True)
class ReadError:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def expand(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[ReadError]]:
    """Files named by paths, folders (recursively, known suffixes only) and globs."""
    files: list[Path] = []
    errors: list[ReadError] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*")
                                if f.is_file() and f.suffix.lower() in KNOWN_SUFFIXES - {""}
                                and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        elif p.exists():
            files.append(p)
        elif glob.has_magic(str(raw)):
            matched = sorted(Path(m) for m in glob.glob(str(raw), recursive=True) if Path(m).is_file())
            if not matched:
                errors.append(ReadError(str(raw), "no file matches this pattern"))
            files.extend(matched)
        else:
            errors.append(ReadError(str(raw), "no such file or folder"))
    seen, unique = set(), []
    for f in files:
        k = f.resolve()
        if k not in seen:
            seen.add(k)
            unique.append(f)
    return unique, errors


def decode(data: bytes, path: str) -> str | ReadError:
    if not data.strip():
        return ReadError(path, "empty file")
    if b"\x00" in data[:8192]:
        return ReadError(path, "binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return ReadError(path, f"not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); convert it to UTF-8")
    if not text.strip():
        return ReadError(path, "empty file (only white space)")
    return text


def html_to_text(markup: str) -> tuple[str, str, str | None]:
    """(text, title, published) from an HTML page; scripts, styles and navigation dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    published = None
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in DATE_META and meta.get("content"):
            published = normalise_date(meta["content"])
            if published:
                break
    if not published:
        t = soup.find("time", attrs={"datetime": True})
        if t:
            published = normalise_date(t["datetime"])
    for tag in soup(["script", "style", "noscript", "template", "nav", "footer", "header", "aside",
                     "form", "iframe", "svg", "head"]):
        tag.decompose()
    body = soup.find("article") or soup.body or soup
    blocks = []
    for el in body.find_all(["h1", "h2", "h3", "h4", "p", "li", "blockquote", "figcaption", "td", "pre"]):
        if el.find(["p", "li", "blockquote"]):  # a container: its children are visited
            continue
        t = re.sub(r"\s+", " ", el.get_text(" ", strip=True))
        if t:
            blocks.append(t)
    if not blocks:
        blocks = [re.sub(r"[ \t]+", " ", line).strip() for line in body.get_text("\n").splitlines()]
        blocks = [b for b in blocks if b]
    return "\n\n".join(blocks), title, published


def normalise_date(value: str) -> str | None:
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value or "")
    if m:
        return "-".join(m.groups())
    return None


def _document(text: str, name: str, path: str, title: str = "", source: str = "",
              published: str | None = None) -> Document:
    if not title:
        first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
        title = first[:200]
    return Document(id=content_id(text), name=name, text=text, title=title,
                    source=source or path, path=path, published=normalise_date(published or "") if published else None)


def read_path(path: Path, published: str | None = None) -> Iterator[Document | ReadError]:
    """Documents from one file (several for JSONL), or errors naming the file."""
    spath = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        limit = MAX_JSONL_BYTES if suffix in JSONL_SUFFIXES else MAX_BYTES
        if size > limit:
            yield ReadError(spath, f"too large ({size:,} bytes; the limit is {limit:,}, set GRAPHKIT_MAX_BYTES to raise it)")
            return
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, published)
            return
        data = path.read_bytes()
    except OSError as e:
        yield ReadError(spath, f"cannot read: {e.strerror or e}")
        return
    text = decode(data, spath)
    if isinstance(text, ReadError):
        yield text
        return
    title = ""
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text)):
        text, title, meta_date = html_to_text(text)
        published = published or meta_date
        if not text.strip():
            yield ReadError(spath, "HTML page with no readable text")
            return
    elif suffix in TEXT_SUFFIXES and looks_like_html(text):
        text, title, meta_date = html_to_text(text)
        published = published or meta_date
    yield _document(text, path.stem, spath, title=title, published=published)


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or bool(
        re.search(r"<(head|body)\b", head))


def read_jsonl(path: Path, published: str | None = None) -> Iterator[Document | ReadError]:
    spath = str(path)
    with path.open("rb") as f:
        for lineno, raw in enumerate(f, 1):
            where = f"{spath}:{lineno}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                yield ReadError(where, "not UTF-8")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                yield ReadError(where, f"malformed JSON ({e.msg} at column {e.colno})")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                yield ReadError(where, "a JSONL document must be an object with a string field 'text'")
                continue
            text = obj["text"]
            if not text.strip():
                yield ReadError(where, "empty 'text'")
                continue
            if len(text.encode("utf-8")) > MAX_BYTES:
                yield ReadError(where, f"'text' too large (limit {MAX_BYTES:,} bytes)")
                continue
            title = str(obj.get("title") or "")
            if looks_like_html(text):
                text, html_title, meta_date = html_to_text(text)
                title = title or html_title
                published = published or meta_date
            name = str(obj.get("id") or obj.get("name") or f"{path.stem}-{lineno}")
            yield _document(text, name, where, title=title, source=str(obj.get("source") or obj.get("url") or ""),
                            published=str(obj.get("published") or obj.get("date") or "") or published)


def read_documents(paths: Iterable[str | os.PathLike], published: str | None = None
                   ) -> Iterator[Document | ReadError]:
    """Every document under paths, in order, with errors in place of the bad ones."""
    files, errors = expand(paths)
    yield from errors
    for f in files:
        yield from read_path(f, published)
