"""Which candidates are relations: structural features and a score.

Features are general and structural — the trigger's class and part of speech, the
roles of the two references relative to it, how each reference was found (a name, a
pronoun, a description, an owner), the entity kinds, voice and scope cues — never a
word or a name of any article. Two scorers read them:

* :class:`HandScorer`: a frame's weight, lowered for references found through the
  text and for weak roles — the system without any learned part;
* :class:`LearnedScorer`: a logistic model over the same features, fitted by
  ``graphkit train`` (:mod:`graphkit.extract.train`) and shipped as
  ``graphkit/data/scorer.json`` (weights by feature name, versioned).

A candidate is kept when its score reaches the scorer's threshold.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from .candidates import Candidate

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "scorer.json"
MODEL_FORMAT = "graphkit-scorer/1"
WEAK_ROLES = frozenset({"in", "of", "from", "over", "near", "around", "across", "through", "for", "to", "with",
                        "under", "among"})


class ScorerError(RuntimeError):
    """The learned scorer is missing or does not match this version of graphkit."""


def lexicon_fingerprint(lex) -> str:
    """What a learned model's features are named after: the trigger classes and their links."""
    import hashlib
    h = hashlib.sha256()
    for f in sorted({(f.cls, f.pos, tuple((lk.relation, lk.source, lk.target) for lk in f.links))
                     for f in lex.frames}):
        h.update(repr(f).encode("utf-8"))
    h.update(FEATURES_VERSION.encode("utf-8"))
    return h.hexdigest()[:16]


FEATURES_VERSION = "4"


def features(c: Candidate) -> dict[str, float]:
    """The structural features of a candidate (binary, by name)."""
    rel, cls = c.relation, c.cls
    f = {
        f"rel={rel}": 1.0,
        f"cls={cls}|rel={rel}": 1.0,
        f"pos={c.pos}|rel={rel}": 1.0,
        f"roles={c.source_role}>{c.target_role}|rel={rel}": 1.0,
        f"cls={cls}|roles={c.source_role}>{c.target_role}": 1.0,
        f"kinds={c.subject.ent.kind}>{c.object.ent.kind}|rel={rel}": 1.0,
        f"svia={c.subject.via}|rel={rel}": 1.0,
        f"ovia={c.object.via}|rel={rel}": 1.0,
        "weight": c.weight,
    }
    if c.scope.negated:
        f[f"negated|rel={rel}"] = 1.0
    if c.scope.hedged:
        f[f"hedged|rel={rel}"] = 1.0
    if c.attributed_to:
        f[f"attributed|rel={rel}"] = 1.0
    dist = abs(c.subject.start - c.object.start)
    f[f"dist={'near' if dist < 60 else 'mid' if dist < 150 else 'far'}|rel={rel}"] = 1.0
    # where the trigger stands in its sentence, and how each entity is made prominent by the document
    f[f"tdep={_clause_role(c.trigger.dep_)}|rel={rel}"] = 1.0
    f[f"cls={cls}|kinds={c.subject.ent.kind}>{c.object.ent.kind}"] = 1.0
    f[f"cls={cls}|svia={c.subject.via}"] = 1.0
    f[f"cls={cls}|ovia={c.object.via}"] = 1.0
    if c.shape:
        f[f"shape={c.shape}|rel={rel}"] = 1.0
        f[f"embedded={c.shape != '->-'}|rel={rel}"] = 1.0
    ctx = c.context
    if ctx:
        f[f"sfreq={_bucket(ctx['sfreq'])}|rel={rel}"] = 1.0
        f[f"ofreq={_bucket(ctx['ofreq'])}|rel={rel}"] = 1.0
        for other in sorted(ctx["frame_rels"] - {rel}):
            f[f"also={other}|rel={rel}"] = 1.0
        if rel in ctx["frame_rels"] and c.pos.startswith("PATH"):
            f[f"framed|rel={rel}"] = 1.0
        if rel in ctx.get("reverse_rels", ()) and rel not in ctx["frame_rels"]:
            f[f"reversed|rel={rel}"] = 1.0
    return f


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8+"


def _clause_role(dep: str) -> str:
    """The trigger's clause: main, reported, subordinate, relative, inside a noun phrase."""
    return {"ROOT": "main", "ccomp": "reported", "parataxis": "reported", "advcl": "subordinate",
            "xcomp": "control", "relcl": "relative", "acl": "reduced", "conj": "coordinated"}.get(dep, "phrase")


class HandScorer:
    """The frame's weight, lowered for references through the text and weak roles."""
    name = "hand"
    threshold = 0.5

    def score(self, cands: list[Candidate]) -> list[float]:
        return [self._one(c) for c in cands]

    @staticmethod
    def _one(c: Candidate) -> float:
        if c.pos.startswith("PATH"):
            return 0.1           # broad candidates: only a learned scorer may keep them
        s = 0.8 * c.weight
        for r in (c.subject, c.object):
            if r.resolved:
                s -= 0.1
            if r.via in ("governor", "of", "event"):
                s -= 0.1        # read through another word: weaker evidence
        if c.target_role in WEAK_ROLES or c.source_role in WEAK_ROLES:
            s -= 0.05
        return max(0.05, min(0.99, s))


class CombinedScorer:
    """Keeps what either scorer keeps: the frames the hand-weighted scorer is sure of, and what
    the learned model finds among all candidates. Scores are put on the hand scale (kept at 0.5)."""
    name = "combined"
    threshold = 0.5

    def __init__(self, learned: "LearnedScorer", hand: HandScorer | None = None):
        self.learned, self.hand = learned, hand or HandScorer()

    def score(self, cands: list[Candidate]) -> list[float]:
        return self.combine(cands, self.learned.score(cands))

    def combine(self, cands: list[Candidate], learned: list[float]) -> list[float]:
        k = 0.5 / self.learned.threshold
        return [max(h, min(0.99, s * k)) for h, s in zip(self.hand.score(cands), learned)]


@dataclass
class LearnedScorer:
    """A logistic model over :func:`features`, read from a versioned JSON file."""
    weights: dict[str, float]
    bias: float
    threshold: float
    meta: dict
    offsets: dict[str, float] = field(default_factory=dict)   # per relation, added to the logit
    name = "learned"

    @classmethod
    def load(cls, path: Path = MODEL_PATH, lex=None) -> "LearnedScorer":
        if not path.is_file():
            raise ScorerError(f"the learned scorer {path} is missing; rebuild it with `graphkit train` "
                              "(or run with the hand-weighted scorer)")
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != MODEL_FORMAT:
            raise ScorerError(f"{path}: format {data.get('format')!r}, expected {MODEL_FORMAT!r}; "
                              "rebuild it with `graphkit train`")
        model = cls(data["weights"], float(data["bias"]), float(data["threshold"]), data.get("meta", {}),
                    {k: float(v) for k, v in data.get("offsets", {}).items()})
        if lex is not None and model.meta.get("lexicon") != lexicon_fingerprint(lex):
            raise ScorerError(f"{path} was trained on another trigger lexicon or feature set than this graphkit's; "
                              "rebuild it with `graphkit train` (make scorer)")
        return model

    def score(self, cands: list[Candidate]) -> list[float]:
        return self.score_features([features(c) for c in cands])

    def score_features(self, feats: list[dict[str, float]]) -> list[float]:
        out = []
        for f in feats:
            z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in f.items())
            z += next((self.offsets.get(k[4:], 0.0) for k in f if k.startswith("rel=")), 0.0)
            out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
        return out


SCORERS = ("combined", "learned", "hand")


def make_scorer(name: str, lex=None):
    """The scorer by name: 'combined' (the default: the hand-weighted frames and the learned
    model together), 'learned', or 'hand' (no learned part). The learned ones fail loudly
    (ScorerError) if the model file is missing or was trained on another lexicon."""
    if name == "hand":
        return HandScorer()
    if name not in SCORERS:
        raise ScorerError(f"unknown scorer {name!r}; one of {', '.join(SCORERS)}")
    learned = LearnedScorer.load(lex=lex)
    return learned if name == "learned" else CombinedScorer(learned)
