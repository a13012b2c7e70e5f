"""Reading documents: paths, folders and globs in; Documents or clear errors out.

Supported: .txt and .md (as is), .html/.htm (the article's text, title, date, author
and canonical URL, see graphkit.article), .jsonl (one document per line with `text`
and optional `title`, `source`, `url`, `author`, `published`, `id`). Anything else
that is valid UTF-8 text is read as plain text. Walking a folder skips hidden and
version-control folders and any store home (see :func:`expand`).

UTF-16 and UTF-32 text with a byte-order mark is decoded too.

Bad input never stops a batch: each problem becomes a :class:`ReadError` naming the
file (and line) and why, and the caller decides what to do with it. Only regular
files are read (a FIFO, a device or a socket named directly is refused, never
opened for a blocking read), and the size limits count the bytes actually read,
not what stat says.
"""
from __future__ import annotations

import codecs
import errno
import glob
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

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
        try:
            st = os.stat(p)
        except OSError as e:
            if glob.has_magic(str(raw)) and e.errno == errno.ENOENT:
                matched = sorted(Path(m) for m in glob.glob(str(raw), recursive=True)
                                 if Path(m).is_file() and not _in_skipped_folder(Path(m), str(raw), skip))
                if not matched:
                    errors.append(ReadError(str(raw), "no file matches this pattern"))
                files.extend(matched)
            else:
                errors.append(ReadError(str(raw), _missing(str(raw), e)))
            continue
        if stat.S_ISDIR(st.st_mode):
            files.extend(walk(p, skip))
        else:
            files.append(p)     # not a regular file? read_path says so
    seen, unique = set(), []
    for f in files:
        k = f.resolve()
        if k not in seen:
            seen.add(k)
            unique.append(f)
    return unique, errors


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def _not_regular(mode: int) -> str:
    what = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return f"{what}, not a regular file: refused"


def _missing(raw: str, e: OSError) -> str:
    """Why a path named on the command line cannot be read (stat failed)."""
    if e.errno == errno.ELOOP:
        return "symbolic link loop"
    if e.errno == errno.ENOENT:
        try:
            if stat.S_ISLNK(os.lstat(raw).st_mode):
                return f"broken symbolic link (to {os.readlink(raw)})"
        except OSError:
            pass
        return "no such file or folder"
    if e.errno == errno.EACCES:
        return "permission denied"
    if e.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return f"cannot read: {e.strerror or e}"


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


# byte-order marks, longest first (a UTF-32 LE mark starts like a UTF-16 LE one)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode(data: bytes, path: str) -> str | ReadError:
    """Text from bytes: UTF-8 (a BOM allowed), or UTF-16/UTF-32 announced by a BOM."""
    if not data.strip():
        return ReadError(path, "empty file")
    bom = next(((mark, enc) for mark, enc in _BOMS if data.startswith(mark)), None)
    if bom and bom[1] != "utf-8":
        mark, enc = bom
        try:
            text = data[len(mark):].decode(enc)
        except UnicodeDecodeError as e:
            return ReadError(path, f"not valid {enc.upper()} (bad bytes at offset {len(mark) + e.start}, after its "
                                   "byte-order mark)")
    else:
        if b"\x00" in data[:8192]:
            return ReadError(path, "binary file (NUL bytes), not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            return ReadError(path, f"not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); convert it to UTF-8")
    if not text.strip():
        return ReadError(path, "empty file (only white space)")
    if "\x00" in text:
        return ReadError(path, "binary file (NUL characters), not text")
    return text


def open_regular(path: Path) -> BinaryIO | ReadError:
    """Open ``path`` for reading if it is a regular file (after symlinks), without ever
    blocking on a FIFO or a device; else a ReadError saying what it is."""
    spath = str(path)
    try:
        st = os.stat(path)
    except OSError as e:
        return ReadError(spath, _missing(spath, e))
    if not stat.S_ISREG(st.st_mode):
        return ReadError(spath, _not_regular(st.st_mode))
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        return ReadError(spath, _missing(spath, e))
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):       # swapped for something else meanwhile
        os.close(fd)
        return ReadError(spath, _not_regular(st.st_mode))
    return os.fdopen(fd, "rb")


def read_capped(f: BinaryIO, limit: int) -> bytes | None:
    """Up to ``limit`` bytes, or None if there are more (counted as read, not stat'ed)."""
    data = f.read(limit + 1)
    return None if len(data) > limit else data


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
    f = open_regular(path)
    if isinstance(f, ReadError):
        yield f
        return
    with f:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, published, f)
            return
        try:
            data = read_capped(f, MAX_BYTES)
        except OSError as e:
            yield ReadError(spath, f"cannot read: {e.strerror or e}")
            return
    if data is None:
        yield ReadError(spath, f"too large (over {MAX_BYTES:,} bytes, the limit; set GRAPHKIT_MAX_BYTES to raise it)")
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


def _lines(f: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of a JSONL file; None for a line over MAX_BYTES (skipped
    without holding it); stops with the total at MAX_JSONL_BYTES (bytes read)."""
    total, lineno = 0, 0
    while True:
        raw = f.readline(MAX_BYTES + 2)
        if not raw:
            return
        lineno += 1
        total += len(raw)
        if len(raw) > MAX_BYTES + 1 and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):     # the rest of the long line, in pieces
                raw = f.readline(1 << 20)
                total += len(raw)
            yield lineno, None
        else:
            yield lineno, raw
        if total > MAX_JSONL_BYTES:
            raise _TooLarge(lineno)


class _TooLarge(Exception):
    pass


def read_jsonl(path: Path, published: str | None = None, f: BinaryIO | None = None
               ) -> Iterator[Document | ReadError]:
    spath = str(path)
    if f is None:
        opened = open_regular(path)
        if isinstance(opened, ReadError):
            yield opened
            return
        f = opened
    try:
        yield from _jsonl_documents(f, spath, path.stem, published)
    except _TooLarge as e:
        yield ReadError(f"{spath}:{e.args[0]}", f"stopped: the file is over {MAX_JSONL_BYTES:,} bytes, the limit "
                                                 "for one JSONL file")
    except OSError as e:
        yield ReadError(spath, f"cannot read: {e.strerror or e}")


def _jsonl_documents(f: BinaryIO, spath: str, stem: str, published: str | None) -> Iterator[Document | ReadError]:
    for lineno, raw in _lines(f):
        where = f"{spath}:{lineno}"
        if raw is None:
            yield ReadError(where, f"line too long (over {MAX_BYTES:,} bytes, the limit for one document)")
            continue
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
            yield ReadError(where, f"malformed JSON at column {e.colno}: {json_reason(e)}")
            continue
        yield _jsonl_document(obj, where, f"{stem}-{lineno}", published)


def _jsonl_document(obj, where: str, default_name: str, published: str | None) -> Document | ReadError:
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return ReadError(where, "a JSONL document must be an object with a string field 'text'")
    text = obj["text"]
    if not text.strip():
        return ReadError(where, "empty 'text'")
    if len(text.encode("utf-8")) > MAX_BYTES:
        return ReadError(where, f"'text' too large (limit {MAX_BYTES:,} bytes)")
    title = str(obj.get("title") or "")
    name = str(obj.get("id") or obj.get("name") or default_name)
    source = str(obj.get("source") or obj.get("url") or "")
    url = str(obj.get("url") or "") or (source if source.startswith(("http://", "https://")) else None)
    date = str(obj.get("published") or obj.get("date") or "") or None
    if looks_like_html(text):
        return html_document(text, name, where, title=title, source=source, published=date, url=url,
                             default_date=published)
    return text_document(text, name, where, title=title, source=source, published=date or published,
                         author=str(obj.get("author") or "") or None, url=url)


def json_reason(e: json.JSONDecodeError) -> str:
    """json's message without its dangling words ('Unterminated string starting at')."""
    msg = e.msg
    for tail in (" starting at", " at"):
        msg = msg.removesuffix(tail)
    return msg[:1].lower() + msg[1:]


def read_documents(paths: Iterable[str | os.PathLike], published: str | None = None,
                   exclude: Iterable[str | os.PathLike] = ()) -> Iterator[Document | ReadError]:
    """Every document under paths, in order, with errors in place of the bad ones.
    Folders in ``exclude`` (and their contents) are not read (see :func:`expand`)."""
    files, errors = expand(paths, exclude=exclude)
    yield from errors
    for f in files:
        yield from read_path(f, published)
