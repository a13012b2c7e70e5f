"""Write tests/data/dev_conflicts_gold.json: the gold relations (required and optional)
of five dev-set conflicts, so the factions known-answer tests run without ../shared.

    python scripts/make_gold_fixtures.py [--gold ../shared/eval/dev-gold.json]
        [--conflicts ../shared/eval/dev-conflicts.json] [-o tests/data/dev_conflicts_gold.json]

The fixture keeps the gold format (graphkit-gold/1: entities with kind and aliases,
documents with aliases and relations), cut down to these conflicts' documents and the
entities they name, plus ``conflicts``: conflict -> its document names.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONFLICTS = ("libya", "yemen", "ukraine", "karabakh", "sudan")


def fixture(gold: dict, conflict_of: dict[str, str], conflicts=CONFLICTS) -> dict:
    docs = {c: sorted(d for d, k in conflict_of.items() if k == c and d in gold["documents"]) for c in conflicts}
    documents = {d: gold["documents"][d] for ds in docs.values() for d in ds}
    used = {r[k] for doc in documents.values() for r in doc["relations"] for k in ("s", "o")}
    used |= {t for doc in documents.values() for t in (doc.get("aliases") or {}).values()}
    return {"format": gold["format"], "scored_relations": gold["scored_relations"],
            "about": "five dev-set conflicts' gold relations; written by scripts/make_gold_fixtures.py",
            "conflicts": docs,
            "entities": {e: gold["entities"][e] for e in sorted(used) if e in gold["entities"]},
            "documents": documents}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=REPO.parent / "shared/eval/dev-gold.json")
    ap.add_argument("--conflicts", type=Path, default=REPO.parent / "shared/eval/dev-conflicts.json")
    ap.add_argument("-o", "--output", type=Path, default=REPO / "tests/data/dev_conflicts_gold.json")
    a = ap.parse_args()
    gold = json.loads(a.gold.read_text(encoding="utf-8"))
    conflict_of = json.loads(a.conflicts.read_text(encoding="utf-8"))["conflicts"]
    out = fixture(gold, conflict_of)
    missing = [c for c, ds in out["conflicts"].items() if not ds]
    if missing:
        raise SystemExit(f"error: no documents for {', '.join(missing)} in {a.conflicts}")
    a.output.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    n = sum(len(d["relations"]) for d in out["documents"].values())
    print(f"wrote {a.output}: {len(out['documents'])} documents, {n} relations, {len(out['entities'])} entities")


if __name__ == "__main__":
    main()
