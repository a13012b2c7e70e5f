"""Who may do what in the embedded store: ArcadeDB users and groups, written by graphkit.

Read-only is enforced by the server, not by reading the query text. Before the
embedded server starts, graphkit writes its security files under
``HOME/db/config`` from scratch (so whatever a query did to the users while a
server ran never outlives that server):

=============  ==========================================  =============================
user           may                                         runs
=============  ==========================================  =============================
root           everything (ArcadeDB's admin group)         graphkit's own fixed queries
reader         read records                                ``query`` (default), saved
                                                           queries, ``render --cypher``
writer         read/create/update/delete records, schema   ``query --write``
filereader     read records + LOAD CSV                     ``query --allow-files DIR``
filewriter     writer's rights + LOAD CSV                  ``query --write --allow-files``
=============  ==========================================  =============================

ArcadeDB lets a query read a local file with LOAD CSV only with the database
permission ``updateSecurity`` (the privilege IMPORT DATABASE needs), and that
permission also allows ``CREATE USER`` / ``ALTER USER``. So the two file users
exist only for queries the user ran with ``--allow-files``; graphkit checks the
users file after each such query (:func:`users_digest`) and stops the server if
it changed. Every other user has no ``updateSecurity``: LOAD CSV is refused to
them whatever the server's settings.

Passwords: root's is the one in ``HOME/credentials``; each other user's is derived
from it (HMAC-SHA256), so nothing else needs storing. The users file keeps only
PBKDF2 hashes, in the format ArcadeDB reads
(``PBKDF2WithHmacSHA256$65536$<salt>$<base64 hash>``).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

ROOT = "root"
READER = "reader"
WRITER = "writer"
FILE_READER = "filereader"
FILE_WRITER = "filewriter"

_RECORDS_RW = ["createRecord", "readRecord", "updateRecord", "deleteRecord"]
_RECORDS_R = ["readRecord"]

# group name -> (database-level access, record access on every type)
GROUPS: dict[str, tuple[list[str], list[str]]] = {
    "admin": (["updateSecurity", "updateSchema", "updateDatabaseSettings"], _RECORDS_RW),
    "graphkit_reader": ([], _RECORDS_R),
    "graphkit_writer": (["updateSchema"], _RECORDS_RW),
    "graphkit_filereader": (["updateSecurity"], _RECORDS_R),
    "graphkit_filewriter": (["updateSecurity", "updateSchema"], _RECORDS_RW),
    "*": ([], []),                       # anybody else: nothing
}
USER_GROUP = {READER: "graphkit_reader", WRITER: "graphkit_writer",
              FILE_READER: "graphkit_filereader", FILE_WRITER: "graphkit_filewriter"}
ITERATIONS = 65536


def role(write: bool = False, files: bool = False) -> str:
    """The user a query runs as: read-only unless write, LOAD CSV only with files."""
    if files:
        return FILE_WRITER if write else FILE_READER
    return WRITER if write else READER


def password_for(user: str, root_password: str) -> str:
    """root's password, or the one derived from it for graphkit's other users."""
    if user == ROOT:
        return root_password
    mac = hmac.new(root_password.encode(), f"graphkit-user:{user}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def password_hash(password: str, salt: str | None = None) -> str:
    """ArcadeDB's stored form: the salt is any base64 string, used as its UTF-8 bytes."""
    salt = salt or base64.b64encode(secrets.token_bytes(32)).decode()
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), ITERATIONS, 32)
    return f"PBKDF2WithHmacSHA256${ITERATIONS}${salt}${base64.b64encode(digest).decode()}"


def groups_document() -> dict:
    groups = {name: {"resultSetLimit": -1, "readTimeout": -1, "access": list(db_access),
                     "types": {"*": {"access": list(records)}}}
              for name, (db_access, records) in GROUPS.items()}
    return {"databases": {"*": {"groups": groups}}, "version": 2}


def users_lines(root_password: str, database: str) -> list[str]:
    lines = [{"name": ROOT, "databases": {"*": ["admin"]}, "password": password_hash(root_password)}]
    for user, group in USER_GROUP.items():
        lines.append({"name": user, "databases": {database: [group]},
                      "password": password_hash(password_for(user, root_password))})
    return [json.dumps(x, separators=(",", ":")) for x in lines]


def _write_private(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def write_security_files(server_root: Path, root_password: str, database: str) -> None:
    """Write ``config/server-groups.json`` and ``config/server-users.jsonl`` under the
    server's root folder (HOME/db), replacing whatever is there. Before the server starts."""
    config = server_root / "config"
    config.mkdir(parents=True, exist_ok=True, mode=0o700)
    _write_private(config / "server-groups.json", json.dumps(groups_document(), indent=2))
    # one JSON object per line, no blank line: ArcadeDB refuses the whole file otherwise
    _write_private(config / "server-users.jsonl", "\n".join(users_lines(root_password, database)) + "\n")


def users_file(server_root: Path) -> Path:
    return server_root / "config" / "server-users.jsonl"


def users_digest(server_root: Path) -> str | None:
    """SHA-256 of the users file (ArcadeDB rewrites it on CREATE/ALTER/DROP USER)."""
    try:
        return hashlib.sha256(users_file(server_root).read_bytes()).hexdigest()
    except OSError:
        return None
