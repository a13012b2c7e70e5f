"""Training the learned scorer from an annotated corpus (``graphkit train``).

The corpus is parsed once and its candidates found by the same code that extracts
(:class:`Corpus`). Each candidate is labelled against the gold file (graphkit-gold/1):

* positive: its triple (subject, relation, object, mapped to gold entities the way the
  scorer maps them) is a gold relation of the document *and* its sentence overlaps that
  relation's evidence;
* left out: its triple is a gold relation stated elsewhere in the document (the
  sentence may or may not state it), or an optional one;
* negative: every other candidate.

A logistic regression (scikit-learn) over the structural features of
:func:`graphkit.extract.scorer.features` is fitted; the decision threshold of each relation is
the one that maximises that relation's document-level F1 — of the shipped combination, the
hand-weighted frames or the model — on predictions cross-validated over five folds of whole
conflicts, so it is not fitted on the documents it is judged on (it is
stored as a shift of the logit per relation). The result is written as JSON: feature
weights, bias, the per-relation shifts and what it was trained on. Training is
deterministic: the same corpus and gold give the same file.
"""
from __future__ import annotations

import hashlib
import math
import os
import json
import re
from collections import defaultdict
from pathlib import Path

from ..eval import Mapper, score
from ..model import Document, content_id
from .pipeline import Extractor, prepare
from .scorer import MODEL_FORMAT, CombinedScorer, HandScorer, LearnedScorer, features, lexicon_fingerprint

THRESHOLDS = [round(0.2 + 0.025 * i, 3) for i in range(25)]


class Corpus:
    """Documents parsed once, with their mentions and candidates, ready for any scorer."""

    def __init__(self, ex: Extractor, docs: list[Document]):
        self.ex, self.docs = ex, docs
        self.sdocs = list(ex.nlp.pipe(prepare(d.text) for d in docs))
        self.cands = [ex.candidates(s) for s in self.sdocs]
        self.feats = [[features(c) for c in cands] for _, cands in self.cands]

    @classmethod
    def read(cls, ex: Extractor, folder: Path) -> "Corpus":
        docs = []
        for p in sorted(Path(folder).glob("*.txt")):
            text = p.read_text(encoding="utf-8")
            docs.append(Document(content_id(text), p.stem, text, path=str(p)))
        return cls(ex, docs)

    def scores(self, scorer, names: set[str] | None = None) -> list[list[float] | None]:
        """Each document's candidate scores (None for documents not in ``names``)."""
        out: list[list[float] | None] = []
        for d, (_, cands), feats in zip(self.docs, self.cands, self.feats):
            if names is not None and d.name not in names:
                out.append(None)
            elif isinstance(scorer, LearnedScorer):
                out.append(scorer.score_features(feats))
            elif isinstance(scorer, CombinedScorer):
                out.append(scorer.combine(cands, scorer.learned.score_features(feats)))
            else:
                out.append(scorer.score(cands))
        return out

    def rows(self, scores: list[list[float] | None], threshold: float) -> list[dict]:
        rows = []
        for d, (mentions, cands), sc in zip(self.docs, self.cands, scores):
            if sc is not None:
                # what `graphkit extract` prints: asserted claims (not negated, not hedged)
                rows += [c.contract() for c in self.ex.decide(d, mentions, cands, sc, threshold).claims if c.asserted]
        return rows

    def predict(self, scorer, names: set[str] | None = None) -> list[dict]:
        return self.rows(self.scores(scorer, names), scorer.threshold)


def _spans(text: str, evidence: str) -> list[tuple[int, int]]:
    """Where an evidence string is in the text (whitespace and quotes loosened)."""
    pat = re.escape(" ".join(evidence.split())).replace(r"\ ", r"\s+")
    pat = pat.replace("'", "['’‘]").replace('"', '["“”]')
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]


def labels(corpus: Corpus, gold: dict) -> list[list[int | None]]:
    """Each candidate's label: 1, 0, or None (left out); computed once per corpus and gold."""
    key = id(gold)
    if getattr(corpus, "_labels_key", None) == key:
        return corpus._labels          # type: ignore[attr-defined]
    mapper = Mapper(gold)
    out: list[list[int | None]] = []
    for d, (_, cands) in zip(corpus.docs, corpus.cands):
        g = gold["documents"].get(d.name)
        if g is None:
            out.append([None] * len(cands))
            continue
        evidence: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
        optional = set()
        for r in g["relations"]:
            t = (r["s"], r["r"], r["o"])
            if r.get("optional"):
                optional.add(t)
            else:
                evidence[t] += _spans(d.text, r["evidence"])
        row: list[int | None] = []
        for c in cands:
            t = (mapper(d.name, c.subject.ent.name) or mapper(d.name, c.subject.text), c.relation,
                 mapper(d.name, c.object.ent.name) or mapper(d.name, c.object.text))
            if t in optional:
                row.append(None)
            elif t in evidence:
                s0, s1 = c.sent.start_char, c.sent.end_char
                row.append(1 if any(a < s1 and b > s0 for a, b in evidence[t]) else None)
            else:
                row.append(0)
        out.append(row)
    corpus._labels, corpus._labels_key = out, key   # type: ignore[attr-defined]
    return out


def labelled(corpus: Corpus, gold: dict, exclude: set[str] = frozenset()) -> tuple[list[dict], list[int], list[str]]:
    """(features, labels, document names) of every labelled candidate of the documents not excluded."""
    X, y, groups = [], [], []
    for d, feats, lab in zip(corpus.docs, corpus.feats, labels(corpus, gold)):
        if d.name in exclude:
            continue
        for f, v in zip(feats, lab):
            if v is not None:
                X.append(f)
                y.append(v)
                groups.append(d.name)
    return X, y, groups


def _fit_lr(X: list[dict], y: list[int]):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer(sort=True)
    M = vec.fit_transform(X)
    lr = LogisticRegression(C=float(os.environ.get("GRAPHKIT_TRAIN_C", "0.1")), max_iter=5000, solver="lbfgs")
    lr.fit(M, y)
    return vec, lr


def _scorer(vec, lr, threshold: float, meta: dict) -> LearnedScorer:
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), lr.coef_[0]) if abs(w) > 1e-9}
    return LearnedScorer(weights, float(lr.intercept_[0]), threshold, meta)


class Annotated:
    """A parsed corpus with its gold file and, optionally, which conflict each document is about."""

    def __init__(self, corpus: Corpus, gold: dict, folds: dict[str, str] | None = None, name: str = ""):
        self.corpus, self.gold, self.name = corpus, gold, name
        self.folds = folds or {}

    def fold(self, doc: str) -> str:
        """The document's conflict; a set without a conflicts map is one conflict of its own, and a
        document the map leaves out one of its own. Their labels do not depend on the folder's name
        ('~' sorts after every conflict), so the folds dealt from them do not either."""
        if doc in self.folds:
            return self.folds[doc]
        return f"~{doc}" if self.folds else "~unmapped"

    def names(self) -> set[str]:
        return {d.name for d in self.corpus.docs if d.name in self.gold["documents"]}


def fit(sets: list[Annotated], exclude: set[str] = frozenset(), threshold: float | None = None) -> LearnedScorer:
    """Fit on every annotated set minus the documents in ``exclude``. The threshold is the one
    that maximises F1 on predictions cross-validated over five folds of whole conflicts, unless
    given."""
    X: list[dict] = []
    y: list[int] = []
    docs = 0
    for a in sets:
        Xa, ya, ga = labelled(a.corpus, a.gold, exclude)
        X += Xa
        y += ya
        docs += len(set(ga))
    if not any(y):
        raise ValueError("no positive candidates: is the gold file for this corpus?")
    vec, lr = _fit_lr(X, y)
    meta = {"candidates": len(y), "positives": int(sum(y)), "documents": docs}
    model = _scorer(vec, lr, 0.5 if threshold is None else threshold, meta)
    if threshold is None:
        # one threshold per relation, applied as a shift of the logit so the model keeps one threshold
        model.offsets = {rel: round(-math.log(t / (1 - t)), 6) for rel, t in _choose_thresholds(sets, exclude).items()}
    return model


def _choose_thresholds(sets: list[Annotated], exclude: set[str]) -> dict[str, float]:
    groups = sorted({a.fold(n) for a in sets for n in a.names() - exclude})
    fold_of = {g: i % 5 for i, g in enumerate(groups)}     # whole conflicts dealt round-robin
    rows: dict[float, list[list[dict]]] = {t: [[] for _ in sets] for t in THRESHOLDS}
    for k in range(5):
        held = {n for a in sets for n in a.names() - exclude if fold_of[a.fold(n)] == k}
        if not held:
            continue
        model = fit(sets, exclude=exclude | held, threshold=0.5)
        for i, a in enumerate(sets):
            scores = a.corpus.scores(model, held)
            hand = a.corpus.scores(HandScorer(), held)
            for t in THRESHOLDS:
                # the shipped default keeps what the hand-weighted frames or the model keep:
                # the threshold is chosen for that combination
                both = [None if h is None else [max(x, y * 0.5 / t) for x, y in zip(h, sc)]
                        for h, sc in zip(hand, scores)]
                rows[t][i] += a.corpus.rows(both, 0.5)
    kept = [_restrict(a.gold, a.names() - exclude) for a in sets]
    by_t = {t: pooled(kept, rows[t])["by_relation"] for t in THRESHOLDS}
    rels = sorted({r for v in by_t.values() for r in v})
    return {r: _smoothed_best({t: by_t[t].get(r, {}).get("f1", 0.0) for t in THRESHOLDS}) for r in rels}


def _smoothed_best(f1: dict[float, float], tolerance: float = 0.005) -> float:
    """The threshold nearest 0.5 whose neighbourhood (itself and one step either side) scores
    within ``tolerance`` of the best: F1 over thresholds is flat and ragged, and its bare maximum
    jumps from one refit to the next (BACKS: 0.3 in one, 0.8 in the next, for 0.01 of F1)."""
    ts = sorted(f1)
    smooth = {t: sum(f1[u] for u in ts[max(0, i - 1):i + 2]) / len(ts[max(0, i - 1):i + 2])
              for i, t in enumerate(ts)}
    best = max(smooth.values())
    return min((t for t in ts if smooth[t] >= best - tolerance), key=lambda t: (abs(t - 0.5), t))


def _restrict(gold: dict, names: set[str]) -> dict:
    return {**gold, "documents": {d: v for d, v in gold["documents"].items() if d in names}}


def pooled(golds: list[dict], rows: list[list[dict]]) -> dict:
    """Precision, recall and F1 over several gold files at once (their counts summed)."""
    from ..eval import prf
    tot = [0, 0, 0]
    by: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for g, r in zip(golds, rows):
        res = score(g, r)
        for k, v in res["by_relation"].items():
            for i, key in enumerate(("tp", "fp", "fn")):
                by[k][i] += v[key]
                tot[i] += v[key]
    return {"overall": prf(*tot), "by_relation": {k: prf(*v) for k, v in sorted(by.items())}}


def pooled_f1(golds: list[dict], rows: list[list[dict]]) -> float:
    return pooled(golds, rows)["overall"]["f1"]


def read_sets(ex: Extractor, pairs: list[tuple[Path, Path]], conflicts: Path | None = None) -> list[Annotated]:
    """Annotated sets from (corpus folder, gold file) pairs; the conflicts file maps documents
    of any of them to conflicts."""
    folds = json.loads(Path(conflicts).read_text(encoding="utf-8"))["conflicts"] if conflicts else {}
    out = []
    for folder, gold_path in pairs:
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
        corpus = Corpus.read(ex, folder)
        mine = {d.name: folds[d.name] for d in corpus.docs if d.name in folds}
        out.append(Annotated(corpus, gold, mine, name=Path(folder).name))
    return out


def train(pairs: list[tuple[Path, Path]], out: Path, conflicts_path: Path | None = None) -> LearnedScorer:
    """``graphkit train``: fit on every (corpus, gold) pair and write the model file."""
    ex = Extractor(scorer="hand")
    sets = read_sets(ex, pairs, conflicts_path)
    model = fit(sets)
    digest = hashlib.sha256()
    for a in sets:
        for d in a.corpus.docs:
            digest.update(d.text.encode("utf-8"))
        digest.update(json.dumps(a.gold, sort_keys=True).encode("utf-8"))
    model.meta.update({"data_sha256": digest.hexdigest()[:16], "lexicon": lexicon_fingerprint(ex.lex)})
    data = {"format": MODEL_FORMAT, "bias": round(model.bias, 6), "threshold": model.threshold,
            "offsets": model.offsets, "meta": model.meta,
            "weights": {k: round(v, 6) for k, v in sorted(model.weights.items())}}
    Path(out).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return model
