"""Reading documents: paths, folders and globs in; Documents or clear errors out.

Supported: .txt and .md (as is), .html/.htm (the article's text, title, date, author
and canonical URL, see graphkit.article), .jsonl (one document per line with `text`
and optional `title`, `source`, `url`, `author`, `published`, `id`). Anything else
that is valid UTF-8 text is read as plain text. Walking a folder skips hidden and
version-control folders and any store home (see :func:`expand`).

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

from .article import from_html, iso_date
from .model import Document, content_id

MAX_BYTES = int(os.environ.get("GRAPHKIT_MAX_BYTES", 5 * 1024 * 1024))  # per text document
MAX_JSONL_BYTES = 2 * 1024 ** 3
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
VCS_FOLDERS = {".git", ".hg", ".svn", ".bzr", "_darcs", "CVS", ".jj", ".pijul", "_FOSSIL_"}


@dataclass(frozen=True)
class ReadError:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def expand(paths: Iterable[str | os.PathLike], exclude: Iterable[str | os.PathLike] = ()
           ) -> tuple[list[Path], list[ReadError]]:
    """Files named by paths, folders (recursively, known suffixes only) and globs.

    Walking a folder (or a glob) never enters a hidden folder, a version-control folder,
    an embedded store's home (any folder holding one, see :func:`is_store_home`) or a
    folder in ``exclude`` (ingest passes its store's home): their files are not documents."""
    skip = {Path(x).resolve() for x in exclude}
    files: list[Path] = []
    errors: list[ReadError] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(walk(p, skip))
        elif p.exists():
            files.append(p)
        elif glob.has_magic(str(raw)):
            matched = sorted(Path(m) for m in glob.glob(str(raw), recursive=True)
                             if Path(m).is_file() and not _in_skipped_folder(Path(m), str(raw), skip))
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


def is_store_home(folder: Path) -> bool:
    """An embedded store's home (graphkit.store.server): its generated credentials
    file next to the ArcadeDB root db/."""
    return (folder / "credentials").is_file() and (folder / "db").is_dir()


def _skipped_folder(folder: Path, skip: set[Path]) -> bool:
    return (folder.name.startswith(".") or folder.name in VCS_FOLDERS or folder.resolve() in skip
            or is_store_home(folder))


def _in_skipped_folder(path: Path, pattern: str, skip: set[Path]) -> bool:
    """A glob's match inside a store home or a skipped folder, or inside a version-control
    folder the pattern's wildcards reached (glob itself leaves hidden names out)."""
    fixed = Path(*[part for part in _until_magic(Path(pattern).parts)])
    folders = list(path.parents)[:-1]
    if any(d.resolve() in skip or is_store_home(d) for d in folders):
        return True
    wild = path.parent.relative_to(fixed).parts if path.parent.is_relative_to(fixed) else ()
    return any(part in VCS_FOLDERS for part in wild)


def _until_magic(parts: tuple[str, ...]) -> list[str]:
    out = []
    for part in parts:
        if glob.has_magic(part):
            break
        out.append(part)
    return out


def walk(folder: Path, skip: Iterable[Path] = ()) -> list[Path]:
    """Files under ``folder`` with a known suffix, sorted; hidden files and folders,
    version-control folders, store homes and the folders in ``skip`` are not entered."""
    skipped = {Path(x).resolve() for x in skip}
    if folder.resolve() in skipped or is_store_home(folder):
        return []
    out: list[Path] = []
    for top, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not _skipped_folder(Path(top, d), skipped)]
        out.extend(Path(top, n) for n in names
                   if not n.startswith(".") and Path(n).suffix.lower() in KNOWN_SUFFIXES - {""}
                   and Path(top, n).is_file())
    return sorted(out)


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


def text_document(text: str, name: str, path: str, title: str = "", source: str = "",
              published: str | None = None, author: str | None = None, url: str | None = None) -> Document:
    if not title:
        first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
        title = first[:200]
    return Document(id=content_id(text), name=name, text=text, title=title, source=source or path, path=path,
                    published=iso_date(published), author=author or None, url=url or None)


def html_document(markup: str, name: str, path: str, title: str = "", source: str = "",
                  published: str | None = None, url: str | None = None,
                  default_date: str | None = None) -> Document | ReadError:
    """The article of an HTML page (graphkit.article: text, title, date, author, canonical
    URL) as a Document. ``title`` and ``published`` given here win over the page's own;
    ``default_date`` is for a page that has none; ``url`` is where the page was found
    (its canonical URL wins)."""
    page = from_html(markup, url=url)
    if not page.text.strip():
        return ReadError(path, "HTML page with no readable text")
    return text_document(page.text, name, path, title=title or page.title, source=source,
                     published=published or page.published or default_date, author=page.author,
                     url=page.url or url)


def read_path(path: Path, published: str | None = None) -> Iterator[Document | ReadError]:
    """Documents from one file (several for JSONL), or errors naming the file."""
    spath = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        limit = MAX_JSONL_BYTES if suffix in JSONL_SUFFIXES else MAX_BYTES
        if size > limit:
            yield ReadError(spath, f"too large ({size:,} bytes; the limit is {limit:,}, "
                                   "set GRAPHKIT_MAX_BYTES to raise it)")
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
    if suffix in HTML_SUFFIXES or looks_like_html(text):
        yield html_document(text, path.stem, spath, default_date=published)
    else:
        yield text_document(text, path.stem, spath, published=published)


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
            name = str(obj.get("id") or obj.get("name") or f"{path.stem}-{lineno}")
            source = str(obj.get("source") or obj.get("url") or "")
            url = str(obj.get("url") or "") or (source if source.startswith(("http://", "https://")) else None)
            date = str(obj.get("published") or obj.get("date") or "") or None
            if looks_like_html(text):
                yield html_document(text, name, where, title=title, source=source, published=date, url=url,
                                    default_date=published)
            else:
                yield text_document(text, name, where, title=title, source=source, published=date or published,
                                author=str(obj.get("author") or "") or None, url=url)


def read_documents(paths: Iterable[str | os.PathLike], published: str | None = None,
                   exclude: Iterable[str | os.PathLike] = ()) -> Iterator[Document | ReadError]:
    """Every document under paths, in order, with errors in place of the bad ones.
    Folders in ``exclude`` (and their contents) are not read (see :func:`expand`)."""
    files, errors = expand(paths, exclude=exclude)
    yield from errors
    for f in files:
        yield from read_path(f, published)
