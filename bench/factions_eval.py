"""How many of the known faction placements (tests/data/factions_expected.json) come out
of `graphkit factions` on graphs EXTRACTED from five dev-set conflicts' articles, next to
the same count on their gold graphs.

    python bench/factions_eval.py [--corpus ../shared/corpus-dev] [--gold ../shared/eval/dev-gold.json]
        [--conflicts ../shared/eval/dev-conflicts.json] [--expected tests/data/factions_expected.json]
        [--verbose] [--json]
    python bench/factions_eval.py --seed-sensitivity [--seed-corpus corpus]

For each conflict: its articles (dev-conflicts.json) are extracted with graphkit's
extractor (no store), the browsing graph is built (graphkit.graph.from_extractions) and
factions computed with the defaults. An expected placement "a with b" counts when the
extracted node of ``a`` is in the bloc of ``b``'s and decided (margin > 0); "a apart from
b" when they are in different blocs and moving ``a`` into ``b``'s bloc would raise
frustration. Extracted nodes are matched to gold entities by the scorer's alias rules
(graphkit.eval.Mapper, on the node's name and aliases); of several, the one with the most
tie weight counts. The result moves as extraction improves: rerun and update the README.

``--seed-sensitivity``: the sample articles' known answers (Russia and Iran with Syria;
Turkey, HTS and Hurras al-Din apart from it) on their extracted graph under every
combination of the model's weights around the defaults (COOPERATES, the generic-group
factor, rejecting an agreement, OPPOSES): how far the answer depends on the weights.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

from graphkit.analysis import factions
from graphkit.documents import read_documents
from graphkit.eval import Mapper
from graphkit.graph import from_extractions, from_gold
from graphkit.analysis.signed import TIE_WEIGHTS, TieModel

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def gold_members(G, result, mapper: Mapper, docs: list[str]) -> dict[str, str]:
    """gold entity id -> the placed member (node key) that stands for it in ``G``."""
    strength = {}
    S = result.signed
    for x in result.placement:
        strength[x] = sum(d["positive"] + d["negative"] for _, _, d in S.edges(x, data=True))
    best: dict[str, tuple] = {}
    for k, d in G.nodes(data=True):
        m = result.member(k)
        if m is None:
            continue
        for name in [d.get("name") or ""] + list(d.get("aliases") or []):
            gid = next((g for g in (mapper(doc, name) for doc in docs) if g), None)
            if gid:
                if gid not in best or strength[m] > best[gid][0]:
                    best[gid] = (strength[m], m)
                break
    return {g: m for g, (_, m) in best.items()}


def check(result, members: dict[str, str], expected: list[dict]) -> list[dict]:
    rows = []
    for e in expected:
        kind = "with" if "with" in e else "apart"
        a, b = e["a"], e[kind]
        ka, kb = members.get(a), members.get(b)
        if ka is None or kb is None:
            outcome = f"missing: {', '.join(x for x, k in ((a, ka), (b, kb)) if k is None)}"
        elif (result.together if kind == "with" else result.apart)(ka, kb):
            outcome = "ok"
        else:
            pa, pb = result.placement[ka], result.placement[kb]
            same = pa["bloc"] == pb["bloc"]
            outcome = ("undecided" if same and kind == "with" else
                       "wrong" if same == (kind == "apart") else "undecided")
        rows.append({"a": a, "expect": kind, "b": b, "outcome": outcome})
    return rows


SEED_ANSWERS = [("Russia", "with", "Syria"), ("Iran", "with", "Syria"), ("Turkey", "apart", "Syria"),
                ("Hayat Tahrir al-Sham", "apart", "Syria"), ("Hurras al-Din", "apart", "Syria")]
GRID = {"COOPERATES": (0.25, 0.5, 1.0), "generic": (0.25, 0.5, 1.0), "rejected_agreement": (0.25, 0.5, 1.0),
        "OPPOSES": (-0.5, -1.0)}


def seed_sensitivity(corpus: Path) -> None:
    from graphkit.extract import Extractor
    G = from_extractions(Extractor().extract_all(d for d in read_documents([str(corpus)]) if hasattr(d, "text")))
    key = {d.get("name"): k for k, d in G.nodes(data=True)}
    print("| COOPERATES | generic | rejected agreement | OPPOSES | seed answers |")
    print("|---|---|---|---|---|")
    held = 0
    combos = list(itertools.product(*GRID.values()))
    for coop, gen, rej, opp in combos:
        r = factions(G, model=TieModel(weights=dict(TIE_WEIGHTS, COOPERATES=coop, OPPOSES=opp), generic=gen,
                                       rejected_agreement=rej))
        ok = sum(bool(key.get(a) and key.get(b)) and (r.together if how == "with" else r.apart)(key[a], key[b])
                 for a, how, b in SEED_ANSWERS)
        held += ok == len(SEED_ANSWERS)
        print(f"| {coop:g} | {gen:g} | {rej:g} | {opp:g} | {ok}/{len(SEED_ANSWERS)} |")
    print(f"\nall {len(SEED_ANSWERS)} answers hold in {held} of {len(combos)} weightings")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus-dev")
    ap.add_argument("--gold", type=Path, default=SHARED / "eval/dev-gold.json")
    ap.add_argument("--conflicts", type=Path, default=SHARED / "eval/dev-conflicts.json")
    ap.add_argument("--expected", type=Path, default=REPO / "tests/data/factions_expected.json")
    ap.add_argument("--verbose", "-v", action="store_true", help="Every expected placement with its outcome.")
    ap.add_argument("--json", action="store_true", help="The results as JSON.")
    ap.add_argument("--seed-sensitivity", action="store_true", help="The sample articles under other weights.")
    ap.add_argument("--seed-corpus", type=Path, default=REPO / "corpus")
    a = ap.parse_args()
    if a.seed_sensitivity:
        seed_sensitivity(a.seed_corpus)
        return
    gold = json.loads(a.gold.read_text(encoding="utf-8"))
    conflict_of = json.loads(a.conflicts.read_text(encoding="utf-8"))["conflicts"]
    expected = json.loads(a.expected.read_text(encoding="utf-8"))["conflicts"]
    mapper = Mapper(gold)
    from graphkit.extract import Extractor
    extractor = Extractor()
    report = {}
    for conflict, exp in expected.items():
        docs = sorted(d for d, c in conflict_of.items() if c == conflict)
        paths = [str(a.corpus / f"{d}.txt") for d in docs]
        read = list(read_documents(paths))
        bad = [str(d) for d in read if not hasattr(d, "text")]
        if bad:
            sys.exit(f"error: cannot read {'; '.join(bad)}")
        G = from_extractions(extractor.extract_all(read))
        r = factions(G)
        rows = check(r, gold_members(G, r, mapper, docs), exp)
        Gg = from_gold(gold, docs)
        rg = factions(Gg)
        gold_rows = check(rg, {k: k for k in rg.placement}, exp)
        report[conflict] = {"documents": docs, "expected": len(exp),
                            "extracted": sum(x["outcome"] == "ok" for x in rows),
                            "gold": sum(x["outcome"] == "ok" for x in gold_rows), "rows": rows}
    if a.json:
        json.dump(report, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return
    print("| conflict | articles | expected placements | on the gold graph | on the extracted graph |")
    print("|---|---|---|---|---|")
    for c, v in report.items():
        print(f"| {c} | {len(v['documents'])} | {v['expected']} | {v['gold']} | {v['extracted']} |")
    tot = {k: sum(v[k] for v in report.values()) for k in ("expected", "gold", "extracted")}
    print(f"| **all five** | {sum(len(v['documents']) for v in report.values())} | {tot['expected']} | "
          f"{tot['gold']} | {tot['extracted']} |")
    if a.verbose:
        print()
        for c, v in report.items():
            for x in v["rows"]:
                print(f"{c:9} {x['a']:22} {x['expect']:6} {x['b']:14} {x['outcome']}")


if __name__ == "__main__":
    main()
