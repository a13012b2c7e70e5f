"""HOME, the folder of the embedded store, kept private to its owner.

Everything under HOME is the owner's alone: folders 0700, files 0600, whether
graphkit made HOME or it existed before (a folder made with mode 0755, a store
written by an older graphkit). :func:`resolve_home` makes HOME itself private on
every use; :func:`make_private` fixes everything under it, and the server
process runs with umask 077 so every file ArcadeDB creates is born private.
"""
from __future__ import annotations

import os
import secrets
import stat
import time
from pathlib import Path

from .errors import HomeError


def resolve_home(home: str | os.PathLike | None = None) -> Path:
    """HOME: the argument, else $GRAPHKIT_HOME, else ./.graphkit (created, mode 0700)."""
    p = Path(home or os.environ.get("GRAPHKIT_HOME") or ".graphkit").expanduser().resolve()
    try:
        p.mkdir(parents=True, exist_ok=True, mode=0o700)
    except FileExistsError:
        raise HomeError(f"{p}: the store's home must be a folder, and this is a file") from None
    except OSError as e:
        raise HomeError(f"{p}: cannot create the store's home: {e.strerror or e}") from None
    if not p.is_dir():
        raise HomeError(f"{p}: the store's home must be a folder")
    _chmod_own(p, 0o700)
    return p


def _chmod_own(path: Path, mode: int, st: os.stat_result | None = None) -> None:
    """chmod if we own it and its mode differs (never follows a symlink)."""
    try:
        st = st or os.lstat(path)
        if st.st_uid == os.geteuid() and stat.S_IMODE(st.st_mode) != mode and not stat.S_ISLNK(st.st_mode):
            os.chmod(path, mode)
    except (FileNotFoundError, PermissionError):
        pass


# What graphkit and ArcadeDB keep in HOME. Only these are walked: HOME may be a folder
# that holds other things too (``--home .``), and those are not graphkit's to change.
HOME_ENTRIES = ("credentials", "lock", "clients", "server.json", "server.log", "aliases.json", "db", "log")


def make_private(home: Path) -> None:
    """HOME 0700; graphkit's entries in it (HOME_ENTRIES): folders 0700, files 0600,
    all the way down (symlinks are left alone)."""
    _chmod_own(home, 0o700)
    for name in HOME_ENTRIES:
        _make_private_entry(home / name)


def _make_private_entry(path: Path) -> None:
    """A regular file 0600; a folder 0700 and everything in it likewise; anything else
    (a link, a FIFO, a name that is gone) left alone."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISREG(st.st_mode):
        _chmod_own(path, 0o600, st)
    elif stat.S_ISDIR(st.st_mode):
        _chmod_own(path, 0o700, st)
        for root, dirs, files in os.walk(path):
            for name in dirs:
                _chmod_own(Path(root, name), 0o700)
            for name in files:                  # os.walk's files are never folders: no second walk
                _make_private_entry(Path(root, name))


def open_private(path: Path, flags: int = os.O_RDWR | os.O_CREAT) -> int:
    """os.open with mode 0600, and 0600 even if the file existed with another mode."""
    fd = os.open(path, flags, 0o600)
    try:
        if stat.S_IMODE(os.fstat(fd).st_mode) != 0o600:
            os.fchmod(fd, 0o600)
    except OSError:
        pass
    return fd


def root_password(home: Path) -> str:
    """The root password kept in HOME/credentials (0600), generated on first use."""
    path = home / "credentials"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):  # another process may be writing it right now
            try:
                pw = path.read_text().strip()
            except OSError as e:
                raise HomeError(f"{path}: cannot read the store's credentials: {e.strerror or e}") from None
            if pw:
                _chmod_own(path, 0o600)
                return pw
            time.sleep(0.05)
        raise HomeError(f"{path} is empty; delete it (and {home / 'db'}) to start afresh") from None
    pw = secrets.token_urlsafe(24)
    with os.fdopen(fd, "w") as f:
        f.write(pw + "\n")
    return pw
