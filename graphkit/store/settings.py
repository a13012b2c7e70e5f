"""The embedded server's settings that ArcadeDB takes only JVM-wide, at start-up.

* ``timeout``: ``arcadedb.command.timeout``, the longest any statement may run,
  for every user and every command sharing the server (graphkit's own loading
  included). A query's own ``--timeout`` is enforced below it, per query (see
  graphkit.store.timeout); this ceiling is what still stops a runaway query when
  the graphkit process that sent it is gone.
* ``files``: the only folder LOAD CSV may read (``loadCsv.importDirectory``);
  None (the default) refuses LOAD CSV file URLs to everyone
  (``loadCsv.allowFileUrls=false``). Remote URLs are always refused
  (``loadCsv.allowRemoteUrls=false``): nothing in graphkit needs the server to
  fetch the web.

Both are recorded in HOME/server.json, so a command can tell whether the running
server suits it: a query with ``--allow-files DIR`` needs a server started with
that same DIR (graphkit.store.server.ensure_server says so in one line otherwise).
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import FilesNotAllowed

DEFAULT_TIMEOUT = 60.0          # seconds


def default_timeout() -> float:
    """$GRAPHKIT_QUERY_TIMEOUT (seconds) or 60."""
    try:
        return float(os.environ.get("GRAPHKIT_QUERY_TIMEOUT") or DEFAULT_TIMEOUT)
    except ValueError:
        return DEFAULT_TIMEOUT


@dataclass(frozen=True)
class ServerSettings:
    timeout: float = DEFAULT_TIMEOUT     # seconds; 0 = no limit
    files: Path | None = None            # LOAD CSV's only folder; None = no file access

    def jvm_args(self) -> list[str]:
        args = [f"-Darcadedb.command.timeout={int(round(self.timeout * 1000))}",
                "-Darcadedb.opencypher.loadCsv.allowRemoteUrls=false"]
        if self.files is None:
            args.append("-Darcadedb.opencypher.loadCsv.allowFileUrls=false")
        else:
            args += ["-Darcadedb.opencypher.loadCsv.allowFileUrls=true",
                     f"-Darcadedb.opencypher.loadCsv.importDirectory={self.files}"]
        return args

    def argv(self) -> list[str]:
        """Arguments for ``python -m graphkit.store.server``."""
        out = ["--timeout", repr(self.timeout)]
        if self.files is not None:
            out += ["--allow-files", str(self.files)]
        return out

    def record(self) -> dict:
        return {"timeout": self.timeout, "allow_files": str(self.files) if self.files else None}

    @classmethod
    def of(cls, info: dict) -> "ServerSettings":
        """The settings a running server recorded in server.json (older servers: none)."""
        files = info.get("allow_files")
        return cls(timeout=float(info.get("timeout") or 0), files=Path(files) if files else None)


def check_files_folder(folder: str | os.PathLike, home: Path) -> Path:
    """The folder ``--allow-files`` names, resolved, if queries may read it.

    Refused (FilesNotAllowed, one line): not an existing folder; HOME inside it or
    it inside HOME (the credentials and the database files); a symbolic link in it
    that leads outside it (ArcadeDB resolves ``..`` but follows links); a hard link
    in it to HOME's credentials.
    """
    raw = Path(folder).expanduser()
    try:
        d = raw.resolve(strict=True)
    except (OSError, RuntimeError):
        raise FilesNotAllowed(f"--allow-files {raw}: no such folder") from None
    if not d.is_dir():
        raise FilesNotAllowed(f"--allow-files {raw}: not a folder")
    home = home.resolve()
    if d == home or home.is_relative_to(d) or d.is_relative_to(home):
        raise FilesNotAllowed(f"--allow-files {raw}: overlaps the store's home {home} "
                              "(its credentials must never be readable by a query); name another folder")
    secrets = set()
    for name in ("credentials",):
        try:
            st = os.stat(home / name)
            secrets.add((st.st_dev, st.st_ino))
        except OSError:
            pass
    for top, dirs, files in os.walk(d):
        for name in dirs + files:
            p = Path(top, name)
            try:
                st = os.lstat(p)
            except OSError:
                continue
            if stat.S_ISLNK(st.st_mode):
                try:
                    target = p.resolve(strict=True)
                except (OSError, RuntimeError):
                    continue                       # dangling or a loop: reads nothing
                if not target.is_relative_to(d):
                    raise FilesNotAllowed(f"--allow-files {raw}: {p} is a link to {target}, outside the "
                                          "folder; queries could read through it")
            elif stat.S_ISREG(st.st_mode) and st.st_nlink > 1 and (st.st_dev, st.st_ino) in secrets:
                raise FilesNotAllowed(f"--allow-files {raw}: {p} is a hard link to the store's credentials")
    return d
