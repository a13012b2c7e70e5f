"""Alias data: the versioned files under graphkit/data/aliases plus users' own.

Each file holds ``{"version": 1, "entries": [...]}``. The file decides the kind of
its entries (countries.json -> Actor, groups.json -> Group, ...); a user's file
may put ``"kind"`` on each entry instead. Entries name the canonical entity and
its surface forms; countries also give adjectives ("Turkish"), capitals and seats
of power used as metonyms ("Ankara", "the Kremlin") and the prefixes of their navies'
ship names (``ship_prefixes``: "USS", "HMS"); leaders and agencies give the state they
act for.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import ENTITY_KINDS, entity_key
from .normalize import fold, normalize

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ALIAS_DIR = DATA_DIR / "aliases"
FILE_KINDS = {
    "countries": "Actor", "governments": "Actor", "leaders": "Person", "groups": "Group",
    "organizations": "Organization", "agreements": "Agreement", "places": "Place",
}


@dataclass
class GazEntry:
    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    adjectives: set[str] = field(default_factory=set)
    capitals: set[str] = field(default_factory=set)
    state: str | None = None            # whom a leader, official or agency acts for (canonical name)
    case_sensitive: set[str] = field(default_factory=set)
    info: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        return entity_key(self.kind, self.name)


@dataclass(frozen=True)
class Hit:
    entry: GazEntry
    role: str   # name | adjective | capital | seat | demonym


class Gazetteer:
    def __init__(self, entries: list[GazEntry]):
        self.entries = entries
        self.by_name: dict[str, GazEntry] = {}
        self.lookup: dict[str, Hit] = {}        # folded alias -> hit
        self.exact: dict[str, Hit] = {}         # case-sensitive alias -> hit
        # every case-insensitive alias as written (the matcher tokenizes it as text)
        self.surface: set[str] = set()
        self._surnames: dict[str, Hit] | None = None
        # ship prefix as written ("USS") -> the state whose navy names ships so; None where two
        # states use one prefix ("INS": India and Israel)
        self.ship_prefixes: dict[str, GazEntry | None] = {}
        for e in entries:
            self.by_name.setdefault(fold(e.name), e)
            for p in e.info.get("ship_prefixes", []):
                prev = self.ship_prefixes.setdefault(p, e)
                if prev is None or fold(prev.name) != fold(e.name):
                    self.ship_prefixes[p] = None
        for e in entries:
            self._add(e.name, e, "name")
            for a in e.aliases:
                self._add(a, e, "name")
            for a in e.info.get("demonyms", []):
                self._add(a, e, "demonym")
            for a in e.capitals:
                self._add(a, e, "capital")
            for a in e.info.get("seats", []):
                self._add(a, e, "seat")
            for a in e.adjectives:
                self._add(a, e, "adjective")

    def _add(self, alias: str, e: GazEntry, role: str) -> None:
        if not alias or not alias.strip():
            return
        if alias in e.case_sensitive or (alias.isupper() and len(alias) <= 3 and alias.isalpha()):
            self.exact.setdefault(alias, Hit(e, role))
            return
        k = fold(alias)
        if not k:
            return
        self.surface.add(normalize(alias))
        prev = self.lookup.get(k)
        # Earlier (more central) files win; a name beats an adjective of another entry.
        if prev is None or (prev.role == "adjective" and role != "adjective" and prev.entry is not e):
            self.lookup[k] = Hit(e, role)

    def near_person(self, word: str) -> Hit | None:
        """A misspelt leader's surname ('Erodgan'): one edit or one transposition away from a
        single-word alias of exactly one person."""
        if len(word) < 6 or not word[0].isupper():
            return None
        if self._surnames is None:
            self._surnames = {}
            for k, hit in self.lookup.items():
                if hit.entry.kind == "Person" and " " not in k and len(k) >= 5:
                    self._surnames.setdefault(k, hit)
        w = word.lower()
        found = {k: h for k, h in self._surnames.items() if abs(len(k) - len(w)) <= 1 and _one_edit(k, w)}
        entries = {id(h.entry) for h in found.values()}
        return next(iter(found.values())) if len(entries) == 1 else None

    def state(self, name: str | None) -> GazEntry | None:
        return self.by_name.get(fold(name)) if name else None

    def principal(self, entry: GazEntry) -> GazEntry | None:
        """The entry a person or an organ acts for (a state, an authority, a group, an organisation)."""
        p = self.state(entry.state)
        return p if p is not None and p is not entry else None

    def find(self, text: str) -> Hit | None:
        return self.exact.get(text) or self.lookup.get(fold(text))

    def patterns(self) -> tuple[list[str], list[str]]:
        """(case-insensitive aliases, case-sensitive aliases) for a PhraseMatcher."""
        return sorted(self.surface | set(self.lookup)), sorted(self.exact)


def _one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance exactly one (substitution, insertion, deletion, transposition)."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


def _entry(raw: dict, kind: str) -> GazEntry:
    e = GazEntry(
        name=raw["name"], kind=kind,
        aliases=set(raw.get("aliases", [])),
        adjectives=set(raw.get("adjectives", [])),
        capitals=set(raw.get("capitals", [])),
        state=(raw.get("state") or raw.get("authority") or raw.get("group") or raw.get("organization")
               or raw.get("country")) if kind in ("Person", "Organization") else None,
        case_sensitive=set(raw.get("case_sensitive", [])),
        info={k: v for k, v in raw.items() if k not in ("name", "aliases", "adjectives", "capitals", "case_sensitive")},
    )
    return e


class AliasFileError(ValueError):
    """An alias file that cannot be used; the message names the file and the reason."""


_LIST_FIELDS = ("aliases", "adjectives", "capitals", "case_sensitive", "demonyms", "seats", "ship_prefixes")


def _read_json(path: Path):
    from ..documents import ReadError, json_reason, open_regular, read_capped
    f = open_regular(path)          # never blocks on a FIFO or a device
    if isinstance(f, ReadError):
        raise AliasFileError(f"alias file {path}: {f.reason}")
    try:
        with f:
            data = read_capped(f, 256 * 1024 * 1024)
        if data is None:
            raise AliasFileError(f"alias file {path}: too large (over 256 MB)")
        return json.loads(data.decode("utf-8-sig"))
    except OSError as e:
        raise AliasFileError(f"alias file {path}: cannot read: {e.strerror or e}") from None
    except UnicodeDecodeError as e:
        raise AliasFileError(f"alias file {path}: not UTF-8 (byte at offset {e.start})") from None
    except json.JSONDecodeError as e:
        raise AliasFileError(f"alias file {path}: not valid JSON at line {e.lineno} column {e.colno}: "
                             f"{json_reason(e)}") from None


def _check_entry(path: Path, i: int, raw, default_kind: str | None) -> str:
    """The entry's kind, or AliasFileError naming the file, the entry and what is wrong."""
    where = f"alias file {path}: entry {i}"
    if not isinstance(raw, dict):
        raise AliasFileError(f"{where}: an entry must be an object with a 'name', not {json.dumps(raw)[:40]}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise AliasFileError(f"{where}: missing 'name' (a non-empty string)")
    for k in _LIST_FIELDS:
        v = raw.get(k, [])
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise AliasFileError(f"{where} ({name!r}): '{k}' must be a list of strings")
    for k in ("state", "country", "kind", "group", "organization", "authority"):
        if raw.get(k) is not None and not isinstance(raw[k], str):
            raise AliasFileError(f"{where} ({name!r}): '{k}' must be a string")
    kind = raw.get("kind") or default_kind
    if kind not in ENTITY_KINDS:
        raise AliasFileError(f"{where} ({name!r}): needs a 'kind', one of {', '.join(ENTITY_KINDS)}")
    return kind


def load_file(path: Path) -> list[GazEntry]:
    """The entries of one alias file, checked: AliasFileError names the file and the
    entry at fault (the same checks for graphkit's own files and users')."""
    data = _read_json(path)
    if isinstance(data, dict):
        if "entries" not in data:
            raise AliasFileError(f"alias file {path}: missing 'entries' (expected {{\"version\": 1, "
                                 f"\"entries\": [...]}})")
        entries = data["entries"]
    else:
        entries = data
    if not isinstance(entries, list):
        raise AliasFileError(f"alias file {path}: 'entries' must be a list of objects")
    default_kind = FILE_KINDS.get(path.stem)
    out = []
    for i, raw in enumerate(entries, 1):
        e = _entry(raw, _check_entry(path, i, raw, default_kind))
        if path.stem == "governments":
            e.info.setdefault("authority", True)   # a government or de facto authority, not a country
        out.append(e)
    return out


def user_alias_files(extra: list[str | os.PathLike] | None = None, home: str | os.PathLike | None = None) -> list[Path]:
    files = [Path(p) for p in (extra or [])]
    home = home or os.environ.get("GRAPHKIT_HOME")
    if home and (Path(home) / "aliases.json").is_file():
        files.append(Path(home) / "aliases.json")
    return files


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> Gazetteer:
    entries: list[GazEntry] = []
    # User files first: their entries win where an alias is claimed twice.
    for p in extra:
        entries.extend(load_file(Path(p)))
    order = ["countries", "governments", "groups", "agreements", "leaders", "organizations", "places"]
    files = sorted(ALIAS_DIR.glob("*.json"), key=lambda p: (order.index(p.stem) if p.stem in order else 99, p.name))
    for p in files:
        entries.extend(load_file(p))
    return Gazetteer(entries)


def load_gazetteer(extra: list[str | os.PathLike] | None = None, home: str | os.PathLike | None = None) -> Gazetteer:
    return _load(tuple(str(p) for p in user_alias_files(extra, home)))
