"""Cypher text handling: the cypher/ directory, schema statements, saved queries,
and an early, friendly check for write clauses. Pure functions, no database.

The check is not what keeps a read-only query from writing: the server does that
(graphkit.store.access, graphkit.store.user_query). It only lets graphkit say
"this query contains CREATE" before the server says "not allowed to create
records", and it errs on the side of seeing a clause."""
from __future__ import annotations

import os
import re
from importlib import resources
from dataclasses import dataclass, field
from pathlib import Path


def cypher_dir() -> Path:
    """The folder of schema.cypher and queries/*.cypher: $GRAPHKIT_CYPHER_DIR if set;
    else graphkit/cypher inside an installed wheel (pyproject maps the repository's
    top-level cypher/ there, so that folder is the one source); else, in a source
    checkout or an editable install, the top-level cypher/ itself."""
    env = os.environ.get("GRAPHKIT_CYPHER_DIR")
    if env:
        return Path(env)
    packaged = resources.files("graphkit") / "cypher"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(str(resources.files("graphkit"))).parent / "cypher"


# ---------------------------------------------------------------- tokenising

# A // comment ends at any line break the server might honour (\r, U+0085, U+2028, ...).
_TOKEN = re.compile(r"""
    (?P<comment>//[^\n\r\x0b\x0c\x85\u2028\u2029]*|/\*.*?(?:\*/|\Z))
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<quoted>`(?:[^`]|``)*`)
  | (?P<param>\$\w+)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<semi>;)
  | (?P<space>\s+)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)


def _tokens(text: str):
    for m in _TOKEN.finditer(text):
        yield m.lastgroup, m.group(), m.start()


def split_statements(text: str) -> list[str]:
    """Split on `;` outside strings and comments; drop comments and empty statements."""
    out, cur = [], []
    for kind, tok, _ in _tokens(text):
        if kind == "comment":
            cur.append(" ")
        elif kind == "semi":
            s = "".join(cur).strip()
            if s:
                out.append(s)
            cur = []
        else:
            cur.append(tok)
    s = "".join(cur).strip()
    if s:
        out.append(s)
    return out


# ---------------------------------------------------------------- read-only guard

WRITE_CLAUSES = frozenset({
    "CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "FOREACH", "INSERT",
    "ALTER", "RENAME", "GRANT", "DENY", "REVOKE", "TERMINATE", "START", "STOP",
})
# Procedures a read query may CALL. Anything else (apoc.*, db.create.*, dbms.*, ...) is
# treated as a write: the guard errs on the side of refusing.
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "db.index.fulltext.querynodes",
    "db.index.fulltext.queryrelationships", "dbms.components", "db.info", "db.ping",
})


def _significant(text: str) -> list[tuple[str, str]]:
    return [(k, t) for k, t, _ in _tokens(text) if k not in ("comment", "space")]


def _procedure_name(toks: list[tuple[str, str]], j: int) -> list[str]:
    """The dotted name starting at toks[j]: words or `quoted` parts."""
    parts = []
    while j < len(toks) and toks[j][0] in ("word", "quoted"):
        kind, tok = toks[j]
        parts.extend(tok[1:-1].replace("``", "`").split(".") if kind == "quoted" else [tok])
        if j + 1 < len(toks) and toks[j + 1][1] == ".":
            j += 2
        else:
            break
    return parts


def write_clause(text: str) -> str | None:
    """The first clause of ``text`` that may write, or None if it looks read-only.

    Tokenises outside string literals, comments and `quoted` names; a word counts
    as a clause keyword unless it follows `.`, `:` or `$` (a property, label or
    parameter) or is a map key (followed by `:`). Flags CREATE, MERGE, DELETE,
    DETACH, SET, REMOVE, DROP, FOREACH, GQL INSERT, admin verbs, LOAD CSV, and CALL
    of any procedure not in READ_PROCEDURES, however its name is quoted
    (CALL { ... } subqueries are checked inside). An early message only: the
    server is the guard.
    """
    toks = _significant(text)
    for i, (kind, tok) in enumerate(toks):
        if kind != "word":
            continue
        prev = toks[i - 1][1] if i else ""
        nxt = toks[i + 1][1] if i + 1 < len(toks) else ""
        if prev in (".", ":", "$") or nxt == ":":
            continue
        up = tok.upper()
        if up in WRITE_CLAUSES:
            return up
        if up == "LOAD" and nxt.upper() == "CSV":
            return "LOAD CSV"
        if up == "CALL" and toks[i + 1:i + 2] and toks[i + 1][0] in ("word", "quoted"):
            parts = _procedure_name(toks, i + 1)
            name = ".".join(parts).lower()
            if name not in READ_PROCEDURES:
                return f"CALL {'.'.join(parts)}"
    return None


def load_csv_clause(text: str) -> bool:
    """True if ``text`` has a LOAD CSV clause (outside strings and comments)."""
    toks = _significant(text)
    return any(k == "word" and t.upper() == "LOAD" and i + 1 < len(toks) and toks[i + 1][1].upper() == "CSV"
               and (not i or toks[i - 1][1] not in (".", ":", "$"))
               for i, (k, t) in enumerate(toks))


# ---------------------------------------------------------------- saved queries

@dataclass(frozen=True)
class SavedQuery:
    name: str
    purpose: str
    params: dict[str, str] = field(default_factory=dict)   # name (no $) -> meaning
    text: str = ""
    path: Path | None = None


_HEADER = re.compile(r"^//\s*(name|purpose|params)\s*:\s*(.*)$", re.I)
_PARAM = re.compile(r"\$(\w+)\s*(?:—|–|--|-|:)?\s*(.*)")


def parse_saved_query(path: Path) -> SavedQuery:
    """Parse the header comment block::

        // name: who_backs
        // purpose: who backs $name
        // params: $name — entity name or alias (case-insensitive)
        //         $other — one more, one per line

    A `purpose:` continues on following comment lines until the next field."""
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    params: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        s = line.strip()
        if not s:
            continue
        if not s.startswith("//"):
            break
        m = _HEADER.match(s)
        if m:
            current = m.group(1).lower()
            value = m.group(2).strip()
        else:
            value = s[2:].strip()
            if not value:
                current = None
                continue
        if current == "params":
            pm = _PARAM.match(value)
            if pm:
                params[pm.group(1)] = pm.group(2).strip()
        elif current in ("name", "purpose"):
            fields[current] = (fields.get(current, "") + " " + value).strip()
    name = fields.get("name") or path.stem
    return SavedQuery(name=name, purpose=fields.get("purpose", ""), params=params,
                      text=text, path=path)


def load_saved_queries(directory: Path | None = None) -> dict[str, SavedQuery]:
    d = directory or cypher_dir() / "queries"
    out = {}
    for p in sorted(d.glob("*.cypher")):
        q = parse_saved_query(p)
        out[q.name] = q
    return out
