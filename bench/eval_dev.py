"""Extraction quality on an annotated corpus: P/R/F1, the candidate ceiling, leave-one-conflict-out.

    python bench/eval_dev.py                              # dev set and seed articles, both scorers
    python bench/eval_dev.py --ceiling                    # + share of gold triples with a candidate
    python bench/eval_dev.py --loco                       # + leave-one-conflict-out for the learned scorer
    python bench/eval_dev.py --show dev_08                # one document: every gold triple, why missed
    python bench/eval_dev.py --json out.json

Defaults read the shared development data (../shared next to the checkout): the 66-article
dev set with ``eval/dev-gold.json`` and ``eval/dev-conflicts.json``, and the five seed
articles with ``eval/seed-gold.json``. Scoring is graphkit's copy of the shared scorer
(:mod:`graphkit.eval`). Documents are parsed once; candidates are found once per document
and scored by each scorer, so the learned and the hand-weighted systems differ only in the
scorer.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from graphkit.eval import Mapper, score
from graphkit.extract import Extractor
from graphkit.extract.scorer import CombinedScorer, HandScorer, LearnedScorer, ScorerError
from graphkit.extract.train import Annotated, Corpus, fit, pooled

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORED = ("ATTACKED", "BACKS", "GUARANTEES", "OPPOSES", "PARTY_TO")


def ceiling(parsed: Corpus, gold: dict) -> dict:
    """Share of required gold triples whose ordered pair has a candidate (of that relation, of any)."""
    m = Mapper(gold)
    hit_rel, hit_pair, total = defaultdict(int), defaultdict(int), defaultdict(int)
    for d, (_, cands) in zip(parsed.docs, parsed.cands):
        if d.name not in gold["documents"]:
            continue
        have_rel, have_pair = set(), set()
        for c in cands:
            s = m(d.name, c.subject.ent.name) or m(d.name, c.subject.text)
            o = m(d.name, c.object.ent.name) or m(d.name, c.object.text)
            have_rel.add((s, c.relation, o))
            have_pair.add((s, o))
        for r in gold["documents"][d.name]["relations"]:
            if r.get("optional"):
                continue
            total[r["r"]] += 1
            hit_rel[r["r"]] += (r["s"], r["r"], r["o"]) in have_rel
            hit_pair[r["r"]] += (r["s"], r["o"]) in have_pair
    out = {k: {"same_relation": hit_rel[k] / total[k], "any_relation": hit_pair[k] / total[k], "n": total[k]}
           for k in sorted(total)}
    n = sum(total.values())
    out["overall"] = {"same_relation": sum(hit_rel.values()) / n, "any_relation": sum(hit_pair.values()) / n, "n": n}
    return out


def loco(dev: Annotated, others: list[Annotated]) -> dict:
    """Refit the learned scorer without each conflict of the dev set (the other annotated sets
    always in), score that conflict; pooled over all conflicts, and each conflict's F1."""
    rows_all: dict[str, list[dict]] = {"learned": [], "combined": []}
    per: dict[str, dict[str, float]] = {"learned": {}, "combined": {}}
    for c in sorted(set(dev.folds.values())):
        held = {d for d, k in dev.folds.items() if k == c}
        model = fit([dev] + others, exclude=held)
        for name, sc in (("learned", model), ("combined", CombinedScorer(model))):
            rows = dev.corpus.predict(sc, held)
            rows_all[name] += rows
            per[name][c] = score({**dev.gold, "documents": {d: v for d, v in dev.gold["documents"].items()
                                                             if d in held}}, rows)["overall"]["f1"]
    return {name: {"pooled": _summary(pooled([dev.gold], [rows_all[name]])), "per_conflict_f1": per[name]}
            for name in rows_all}


def _summary(res: dict) -> dict:
    out = {"overall": {k: round(v, 3) for k, v in res["overall"].items()}}
    out["by_relation"] = {k: {x: round(y, 3) for x, y in v.items()} for k, v in res["by_relation"].items()}
    return out


def show(parsed: Corpus, gold: dict, name: str, scorer) -> None:
    m = Mapper(gold)
    i = [d.name for d in parsed.docs].index(name)
    cands = parsed.cands[i][1]
    scores = scorer.score(cands)
    by_triple = defaultdict(list)
    for c, s in zip(cands, scores):
        key = (m(name, c.subject.ent.name) or m(name, c.subject.text) or "?" + c.subject.ent.name, c.relation,
               m(name, c.object.ent.name) or m(name, c.object.text) or "?" + c.object.ent.name)
        by_triple[key].append((s, c))
    golds = {(r["s"], r["r"], r["o"]): r for r in gold["documents"][name]["relations"]}
    for t, r in golds.items():
        found = by_triple.get(t, [])
        best = max((s for s, _ in found), default=None)
        status = "ok  " if best is not None and best >= scorer.threshold else "LOW " if found else "NONE"
        print(f"{status} {'(opt) ' if r.get('optional') else ''}{t}  best={best}  | {r['evidence'][:110]}")
        for s, c in sorted(found, key=lambda x: -x[0])[:2]:
            print(f"        {s:.2f} {c.cls}/{c.pos} {c.source_role}>{c.target_role} neg={c.scope.negated} "
                  f"hedge={c.scope.hedged} trig={c.trigger.text!r} s={c.subject.text!r} o={c.object.text!r}")
    print("-- wrong (kept, not in gold):")
    for t, found in sorted(by_triple.items()):
        if t in golds or t[1] not in SCORED:
            continue
        best = max(found, key=lambda x: x[0])
        if best[0] >= scorer.threshold:
            s, c = best
            print(f"  {s:.2f} {t} {c.cls}/{c.pos} {c.source_role}>{c.target_role} trig={c.trigger.text!r} "
                  f"s={c.subject.text!r} o={c.object.text!r} | {c.sent.text.strip()[:120]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus-dev")
    ap.add_argument("--gold", type=Path, default=SHARED / "eval" / "dev-gold.json")
    ap.add_argument("--conflicts", type=Path, default=SHARED / "eval" / "dev-conflicts.json")
    ap.add_argument("--seed-corpus", type=Path, default=SHARED / "corpus-seed")
    ap.add_argument("--seed-gold", type=Path, default=SHARED / "eval" / "seed-gold.json")
    ap.add_argument("--ceiling", action="store_true")
    ap.add_argument("--loco", action="store_true")
    ap.add_argument("--show", metavar="DOC")
    ap.add_argument("--scorer", choices=("hand", "learned"), default="hand", help="for --show")
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    for p in (a.corpus, a.gold):
        if not p.exists():
            print(f"error: {p} not found (the shared development data)", file=sys.stderr)
            return 2
    t0 = time.time()
    ex = Extractor()
    gold = json.loads(a.gold.read_text(encoding="utf-8"))
    parsed = Corpus.read(ex, a.corpus)
    if a.show:
        scorer = HandScorer() if a.scorer == "hand" else LearnedScorer.load()
        show(parsed, gold, a.show, scorer)
        return 0
    report: dict = {}
    sparsed, sgold = None, None
    if a.seed_gold.exists():
        sgold = json.loads(a.seed_gold.read_text(encoding="utf-8"))
        sparsed = Corpus.read(ex, a.seed_corpus)
    scorers = {"hand": HandScorer()}
    try:
        scorers["learned"] = LearnedScorer.load(lex=ex.lex)
        scorers["combined"] = CombinedScorer(scorers["learned"])
    except ScorerError as e:
        print(f"note: {e}", file=sys.stderr)
    for name, sc in scorers.items():
        report[f"dev/{name}"] = _summary(score(gold, parsed.predict(sc)))
        if sparsed is not None:
            report[f"seed/{name}"] = _summary(score(sgold, sparsed.predict(sc)))
    if a.ceiling:
        report["ceiling"] = ceiling(parsed, gold)
    if a.loco:
        conflicts = json.loads(a.conflicts.read_text(encoding="utf-8"))["conflicts"]
        dev = Annotated(parsed, gold, conflicts, "dev")
        others = [Annotated(sparsed, sgold, None, "seed")] if sparsed is not None else []
        for name, res in loco(dev, others).items():
            report[f"loco/{name}"] = res
    report["seconds"] = round(time.time() - t0, 1)
    _print(report)
    if a.json:
        a.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


def _print(report: dict) -> None:
    for key, res in report.items():
        if key == "seconds":
            print(f"({res} s)")
        elif key == "ceiling":
            print("candidate ceiling (share of required gold triples with a candidate: same relation / any):")
            for k, v in res.items():
                print(f"  {k:11s} {v['same_relation']:.2f} / {v['any_relation']:.2f}  (n={v['n']})")
        else:
            summ = res.get("pooled", res)
            print(f"{key}:")
            for k, v in summ["by_relation"].items():
                if k in SCORED:
                    print(f"  {k:11s} P={v['precision']:.2f} R={v['recall']:.2f} F1={v['f1']:.2f}  "
                          f"(tp={v['tp']} fp={v['fp']} fn={v['fn']})")
            o = summ["overall"]
            print(f"  {'overall':11s} P={o['precision']:.2f} R={o['recall']:.2f} F1={o['f1']:.2f}  "
                  f"(tp={o['tp']} fp={o['fp']} fn={o['fn']})")
            if "per_conflict_f1" in res:
                print("  per conflict F1: " + ", ".join(f"{k} {v:.2f}" for k, v in res["per_conflict_f1"].items()))


if __name__ == "__main__":
    sys.exit(main())
