"""The store's errors: one family, so a caller (the CLI) can report any of them in one line."""
from __future__ import annotations


class StoreError(RuntimeError):
    """Something about the store went wrong; the message says what, in one line."""


class ServerError(StoreError):
    """The embedded server could not be started or reached."""


class HomeError(ServerError):
    """HOME cannot be used (not a folder, credentials unreadable)."""


class StoreUnavailable(StoreError):
    """The server went away or cannot be reached (the message says which)."""


class ReadOnlyError(StoreError, PermissionError):
    """A query tried to write (or to read files) without being allowed to."""


class QueryTimeout(StoreError):
    """A query ran past its time limit and was stopped by the server."""


class FilesNotAllowed(StoreError):
    """--allow-files cannot be honoured (bad folder, or a server started otherwise)."""
