"""Agreement constructions that no single trigger states: the unnamed other side of an
agreement 'with Y', the sides of a relation sealed in an agreement."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .candidates import Candidate, CandidateFinder

SIDE_DEPS = ("poss", "nmod")


def other_side_speaking(f: "CandidateFinder", noun: Token) -> list["Candidate"]:
    """'Netanyahu says the 1974 disengagement agreement with Syria has collapsed', 'the junta
    announced it was revoking the agreements signed with France': an agreement 'with Y' (or
    signed 'with Y') that names no other side is the agreement of the state that speaks of it
    (PARTY_TO, weak)."""
    m = f.m.at(noun)
    if m is None or m.ent.kind != "Agreement" or m.head != noun.i or m.role == "talks":
        return []
    holders = [noun] + [c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in f.lex.agreement_signers]
    preps = [p for h in holders for p in h.children if p.dep_ in ("prep", "agent")]
    if any(p.lower_ in ("between", "among", "by") for p in preps) or any(
            c.dep_ in SIDE_DEPS or c.lower_ == "-" for c in noun.children):
        return []
    sides = [r for p in preps if p.lower_ == "with" for q in p.children if q.dep_ == "pobj" for r in f.r.refs(q)]
    if not sides:
        return []
    keys = {r.ent.key for r in sides}
    return [c for s in f.scopes.speaker_of(noun) if s.ent.kind == "Actor" and s.ent.key not in keys
            if (c := f.make(s, "PARTY_TO", f.r.ref(m), noun, "agreement-with", "agreement-with", "speaker", "self",
                            weight=0.65)) is not None]


def sealed_between(f: "CandidateFinder", verb: Token) -> list["Candidate"]:
    """'the 2018 rapprochement between Ethiopia and Eritrea, sealed in a peace agreement': the sides
    of a relation sealed in (or by) an agreement are its parties (PARTY_TO, weak). The parser may
    hang the participle on the last side."""
    if verb.dep_ != "acl" or verb.lemma_.lower() not in f.lex.agreement_signers:
        return []
    deals = [r for p in verb.children if p.dep_ in ("prep", "agent") and p.lower_ in ("in", "by", "with")
             for q in p.children if q.dep_ == "pobj" for r in f.r.refs(q) if r.ent.kind == "Agreement"]
    side = verb.head
    while side.dep_ == "conj":
        side = side.head
    between = side.head if side.dep_ == "pobj" and side.head.lower_ == "between" else next(
        (c for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if not deals or between is None or between.head.pos_ != "NOUN" or f.m.at(between.head) is not None:
        return []
    sides = [r for p in between.children if p.dep_ == "pobj" for q in (p, *p.conjuncts)
             for r in f.r.refs(q, conj=False)]
    return [c for s in sides for d in deals
            if (c := f.make(s, "PARTY_TO", d, verb, "sealed-between", "sealed-between", "between", "in",
                            weight=0.7)) is not None]
