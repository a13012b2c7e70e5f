"""Store migrations: named steps that bring a store written by an older graphkit up to
what the loader writes and the saved queries read now.

Each :class:`Migration` has the store version it brings the store to, a name, and a
function run in the write transaction of :func:`migrate`. ``(:Meta {id: 'graphkit',
version})`` records the version reached; a new store (no entities yet) is marked as
current without running anything. To change what is stored, add a step at the end.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable

from ..model import RELATION_TYPES


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    run: Callable[[Any], None]       # run(tx)


def _names_evidence_and_pairs(tx) -> None:
    """(:Name {lower})-[:NAMES]->(entity) for every key, name and alias; Entity.evidence,
    the sum of its summary edges' weights; Claim.pair = 'subject|RELATION|object'."""
    from .store import NAMES_UPSERT, _SUMMARY_TYPES, _chunks, _names, _rows
    ents = _rows(tx, "MATCH (e:Entity) RETURN e.key AS key, e.name AS name, e.aliases AS aliases")
    for chunk in _chunks([{"key": e["key"], "names": _names(e)} for e in ents]):
        tx.run(NAMES_UPSERT, rows=chunk).consume()
    tx.run(f"MATCH (e:Entity)-[r:{_SUMMARY_TYPES}]-() WITH e, sum(r.weight) AS w SET e.evidence = w").consume()
    tx.run("MATCH (s:Entity)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(o:Entity) "
           "SET c.pair = s.key + '|' + c.relation + '|' + o.key").consume()


def _claim_dates_sources_and_recent(tx) -> None:
    """Claim.published (its document's date), Claim.claimed and Claim.denied
    ('object|RELATION' of named-source claims and of denials), and each summary edge's
    RECENT most recent asserted claims (recent)."""
    from .store import RECENT, _chunks, _rel, _rows, recent_key
    tx.run("MATCH (c:Claim)-[:IN]->(d:Document) WHERE d.published IS NOT NULL "
           "SET c.published = d.published").consume()
    tx.run("MATCH (c:Claim)-[:OBJECT]->(o:Entity) WHERE c.attributed_to IS NOT NULL "
           "AND NOT coalesce(c.negated, false) SET c.claimed = o.key + '|' + c.relation").consume()
    tx.run("MATCH (c:Claim)-[:OBJECT]->(o:Entity) WHERE c.negated = true "
           "SET c.denied = o.key + '|' + c.relation").consume()
    recent = defaultdict(list)
    for r in _rows(tx, "MATCH (c:Claim) WHERE NOT coalesce(c.negated, false) "
                       "AND NOT coalesce(c.hedged, false) AND c.pair IS NOT NULL "
                       "RETURN c.pair AS pair, c.published AS published, c.id AS id"):
        recent[r["pair"]].append(recent_key(r["published"], r["id"]))
    by_rel = defaultdict(list)
    for pair, items in recent.items():
        for rel in RELATION_TYPES:      # pair = subject key|RELATION|object key
            s_, sep, o = pair.partition(f"|{rel}|")
            if sep:
                by_rel[rel].append({"s": s_, "o": o, "recent": sorted(items, reverse=True)[:RECENT]})
                break
    for rel, rows in by_rel.items():
        for chunk in _chunks(rows):
            tx.run(f"UNWIND $rows AS row MATCH (a:Entity {{key: row.s}})-[r:{_rel(rel)}]->"
                   "(b:Entity {key: row.o}) SET r.recent = row.recent", rows=chunk).consume()


MIGRATIONS = (
    Migration(2, "names, entity evidence and claim pairs", _names_evidence_and_pairs),
    Migration(3, "claim dates, named sources, denials and recent claims", _claim_dates_sources_and_recent),
)
STORE_VERSION = MIGRATIONS[-1].version


def migrate(tx) -> list[str]:
    """Run, in this transaction, the steps the store has not had; their names."""
    from .store import _rows
    meta = _rows(tx, "MATCH (m:Meta {id: 'graphkit'}) RETURN m.version AS v")
    version = (meta[0]["v"] or 0) if meta else 0
    if version >= STORE_VERSION:
        return []
    tx.run("MERGE (m:Meta {id: 'graphkit'}) SET m.version = $v", v=STORE_VERSION).consume()
    if not _rows(tx, "MATCH (e:Entity) RETURN e.key AS k LIMIT 1"):
        return []           # a new store: nothing written by an older graphkit
    done = []
    for step in MIGRATIONS:
        if version < step.version:
            step.run(tx)
            done.append(step.name)
    return done
