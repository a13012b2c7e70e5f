"""Loading speed: batched UNWIND upserts (graphkit's loader) against one MERGE per relation.

    python bench/load_bench.py [--corpus bench/out/corpus.jsonl] [--docs 300]
                               [--scale 10000] [--naive-docs 300] [--batch 100] [--home DIR]

1. Extracts --docs documents of the corpus once (spaCy; the claims are real ones).
2. **batched**: loads them with ``Store.write_extractions`` (what ``graphkit ingest``
   runs: one managed write transaction per --batch (100) documents, UNWIND in
   row chunks, summary edges updated incrementally) into an empty embedded ArcadeDB.
3. **naive**: the same documents into the emptied store, one managed transaction
   per relation (claim: its node, SUBJECT/OBJECT/IN links, pair key, summary edge and
   the entities' evidence counts), one per document and one per entity mention
   (entity, MENTIONED_IN, its Name look-up nodes), each MERGE-based, the way a first
   loader is usually written. Same driver, same server, and the same graph: every
   label and relationship type counted, summary weights, evidence, pair keys and
   aliases compared (printed as "same graph both ways").
   Both paths are warmed up first (the JVM compiles as it goes).
4. **at scale** (--scale N, 0 to skip): the extractions are cloned with new
   document ids (so every clone is a new document with new claims, on the same
   entities, which become hubs as in real news) up to N documents and loaded with
   ``write_extractions``; prints relations/s over the whole load and per 10 % slice,
   so a slowdown as the graph grows shows.

Prints a Markdown table. The relation counts are claims (one claim = one relation
found in one sentence).
"""
from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphkit.documents import ReadError, read_documents  # noqa: E402
from graphkit.model import Extraction, content_id  # noqa: E402
from graphkit.store import connect  # noqa: E402

# One statement per entity mention and one per relation, each in its own managed
# transaction: the same graph as write_extractions (labels, mentions, PART_OF, claims
# and their links, summary edges), the way a first loader is usually written. Labels
# and relation types come from the fixed sets in graphkit.model: formatted in.
NAIVE_ENTITY = """
MERGE (d:Document {id: $doc.id}) ON CREATE SET d += $doc
MERGE (e:Entity:%s {key: $e.key}) ON CREATE SET e.name = $e.name, e.kind = $e.kind, e.aliases = $e.aliases
  ON MATCH SET e.aliases = e.aliases + [a IN $e.aliases WHERE NOT a IN e.aliases]
MERGE (e)-[:MENTIONED_IN]->(d)
WITH e UNWIND $names AS nm
MERGE (n:Name {lower: nm}) MERGE (n)-[:NAMES]->(e)
"""
NAIVE_DOCUMENT = "MERGE (d:Document {id: $doc.id}) ON CREATE SET d += $doc"
NAIVE_PART_OF = "MATCH (e:Entity {key: $e}) MATCH (p:Entity {key: $p}) MERGE (e)-[:PART_OF]->(p)"
NAIVE_CLAIM = """
MATCH (d:Document {id: $doc}) MATCH (s:Entity {key: $s}) MATCH (o:Entity {key: $o})
MERGE (c:Claim {id: $c.id})
  ON CREATE SET c += $c, c.pair = s.key + '|' + $c.relation + '|' + o.key, c.published = d.published,
  c.claimed = CASE WHEN $c.attributed_to IS NOT NULL AND NOT $c.negated THEN o.key + '|' + $c.relation END,
  c.denied = CASE WHEN $c.negated THEN o.key + '|' + $c.relation END
MERGE (c)-[:SUBJECT]->(s)
MERGE (c)-[:OBJECT]->(o)
MERGE (c)-[:IN]->(d)
"""
NAIVE_EDGE = ("MATCH (s:Entity {key: $s}) MATCH (o:Entity {key: $o}) "
              "MERGE (s)-[r:%s]->(o) ON CREATE SET r.weight = 1, r.docs = [$doc] "
              "ON MATCH SET r.weight = r.weight + 1, "
              "r.docs = CASE WHEN $doc IN r.docs THEN r.docs ELSE r.docs + $doc END "
              "SET s.evidence = coalesce(s.evidence, 0) + 1, o.evidence = coalesce(o.evidence, 0) + 1")


def fingerprint(store) -> dict:
    """Counts of every label and relationship type, summary weights, evidence and pairs:
    equal fingerprints = the same graph for every query graphkit runs."""
    q = store.query
    return {"labels": store.stats()["labels"],
            "rels": {r["t"]: r["n"] for r in q("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n")[1]},
            "weight": q("MATCH ()-[r]->() WHERE r.weight IS NOT NULL RETURN sum(r.weight) AS w")[1][0]["w"],
            "evidence": q("MATCH (e:Entity) RETURN sum(e.evidence) AS s")[1][0]["s"],
            "pairs": q("MATCH (c:Claim) WHERE c.pair IS NOT NULL RETURN count(*) AS n")[1][0]["n"],
            "aliases": q("MATCH (e:Entity) RETURN sum(size(e.aliases)) AS n")[1][0]["n"]}


def extract(corpus: Path, n: int, workers: int) -> list[Extraction]:
    from graphkit.extract import Extractor
    docs = (d for d in read_documents([str(corpus)]) if not isinstance(d, ReadError))
    return list(Extractor().extract_all(itertools.islice(docs, n), n_process=workers))


def clone(exs: list[Extraction], n: int) -> list[Extraction]:
    out = []
    for i in range(n):
        ex = exs[i % len(exs)]
        if i < len(exs):
            out.append(ex)
            continue
        d = ex.document
        new_id = content_id(f"{d.id}/{i}")
        doc = dataclasses.replace(d, id=new_id, name=f"{d.name}-c{i}")
        out.append(Extraction(doc, ex.entities, [dataclasses.replace(c, doc=new_id, doc_name=doc.name)
                                                 for c in ex.claims]))
    return out


def load_batched(store, exs: list[Extraction], batch: int = 100, slices: int = 10):
    t0 = time.perf_counter()
    marks = []
    n = len(exs)
    step = max(1, n // slices)
    claims = 0
    last_t, last_c = t0, 0
    for i in range(0, n, batch):
        group = exs[i:i + batch]
        store.write_extractions(group)
        claims += sum(len(x.claims) for x in group)
        if (i + batch) // step > i // step or i + batch >= n:
            now = time.perf_counter()
            marks.append((min(i + batch, n), (claims - last_c) / (now - last_t)))
            last_t, last_c = now, claims
    return time.perf_counter() - t0, claims, marks


def load_naive(store, exs: list[Extraction]):
    t0 = time.perf_counter()
    claims = 0
    with store.driver.session(database=store.database) as s:
        for ex in exs:
            doc = {k: v for k, v in ex.document.meta().items() if v is not None and k != "text"}
            s.execute_write(lambda t, doc=doc: t.run(NAIVE_DOCUMENT, doc=doc).consume())
            ents = {e.key: e for e in list(ex.entities) + [x for c in ex.claims for x in (c.subject, c.object)]}
            for e in ents.values():
                row = {"key": e.key, "name": e.name, "kind": e.kind, "aliases": list(e.aliases)}
                names = sorted({x.lower() for x in [e.key, e.name, *e.aliases] if x})
                s.execute_write(lambda t, row=row, kind=e.kind, names=names, doc=doc:
                                t.run(NAIVE_ENTITY % kind, doc=doc, e=row, names=names).consume())
                if e.part_of:
                    s.execute_write(lambda t, e=e: t.run(NAIVE_PART_OF, e=e.key, p=e.part_of).consume())
            for c in ex.claims:
                row = c.row()
                props = {k: v for k, v in row.items() if k not in ("subject", "object") and v is not None}
                props["id"] = c.id

                def tx(t, c=c, props=props):
                    t.run(NAIVE_CLAIM, doc=c.doc, s=c.subject.key, o=c.object.key, c=props).consume()
                    if c.asserted:
                        t.run(NAIVE_EDGE % c.relation, s=c.subject.key, o=c.object.key, doc=c.doc).consume()
                s.execute_write(tx)
                claims += 1
    return time.perf_counter() - t0, claims


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT / "bench" / "out" / "corpus.jsonl")
    ap.add_argument("--docs", type=int, default=300, help="documents to extract (default 300)")
    ap.add_argument("--naive-docs", type=int, default=300, help="of which loaded the naive way")
    ap.add_argument("--scale", type=int, default=10000, help="clone up to N documents for the at-scale load")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch", type=int, default=100, help="documents per write transaction (graphkit ingest --batch)")
    ap.add_argument("--home", type=Path, default=None, help="store home (default: a temporary folder)")
    a = ap.parse_args()
    if not a.corpus.exists():
        sys.exit(f"no corpus at {a.corpus}: run python bench/gen_corpus.py first")
    t = time.perf_counter()
    exs = extract(a.corpus, a.docs, a.workers)
    print(f"extracted {len(exs)} documents, {sum(len(x.claims) for x in exs)} claims "
          f"in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    home = a.home or Path(tempfile.mkdtemp(prefix="gk-loadbench-"))
    rows = []
    with connect(home=home) as store:
        store.clear()
        warm = clone(exs[:10], 20)[10:]          # warm the JVM up on both paths first
        load_batched(store, warm)
        store.clear()
        load_naive(store, warm)
        store.clear()
        naive = exs[:a.naive_docs]
        bt, bc, _ = load_batched(store, naive, a.batch)
        stats_b = fingerprint(store)
        store.clear()
        nt, nc = load_naive(store, naive)
        stats_n = fingerprint(store)
        same = stats_b == stats_n
        if not same:
            print(f"batched: {stats_b}\nnaive:   {stats_n}", file=sys.stderr)
        rows.append((f"batched UNWIND (write_extractions, {a.batch} docs/tx)", len(naive), bc, bt, bc / bt))
        rows.append(("one MERGE transaction per relation (and per mention)", len(naive), nc, nt, nc / nt))
        ratio = (bc / bt) / (nc / nt)
        scale_rows = []
        if a.scale:
            store.clear()
            big = clone(exs, a.scale)
            st, sc, marks = load_batched(store, big, a.batch)
            rows.append((f"batched, at scale (clones, {a.scale:,} docs)", len(big), sc, st, sc / st))
            scale_rows = marks
            s = store.stats()
            print(f"store after the at-scale load: {s['labels']}", file=sys.stderr)
        store.clear()
    print("| load | documents | relations (claims) | seconds | relations/s |")
    print("|---|---|---|---|---|")
    for name, d, c, secs, rate in rows:
        print(f"| {name} | {d:,} | {c:,} | {secs:.1f} | {rate:,.0f} |")
    print(f"\nbatched / naive: **{ratio:.1f}x** (same graph both ways: {same})")
    if scale_rows:
        print("\nrelations/s per slice of the at-scale load (documents loaded so far -> rate):")
        print("  " + ", ".join(f"{n:,}: {r:,.0f}" for n, r in scale_rows))


if __name__ == "__main__":
    main()
