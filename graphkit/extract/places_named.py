"""The places a target noun names, for :func:`graphkit.extract.targets.target`:
the places inside its phrase ('areas in X district', 'the village of X', 'towns including X'),
the place a bare 'the city' stands for, the asset a named place is described as ('X, a rebel
stronghold'), and the owner of the last asset named before 'the
targets'.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .antecedents import window_start
from .refs import Ref

if TYPE_CHECKING:
    from .references import Resolver

WHERE = frozenset({"in", "of", "inside", "within", "at", "across", "throughout", "near", "around", "outside"})


def places_in(r: "Resolver", tok: Token) -> list[Ref]:
    """The places named inside the phrase of tok, where it is ('bases in X', 'towns such as X')."""
    out = []
    for t in tok.subtree:
        if t.i == tok.i or abs(t.i - tok.i) > 12:
            continue
        m = r.m.at(t)
        if m and m.ent.kind == "Place" and t.i == m.head and inside_of(t, tok):
            out.append(r.ref(m, "place"))
    return out


def this_place(r: "Resolver", tok: Token) -> list[Ref]:
    """'... a truce in Manbij, after X seized the city': a bare definite 'the city' or 'the town'
    is the place last named, in its sentence or the one before."""
    if tok.lower_ not in r.settlements or [c.lower_ for c in tok.children] != ["the"]:
        return []
    for t in reversed(r.doc[window_start(tok.sent):tok.i]):
        m = r.m.at(t)
        if m is not None and m.ent.kind == "Place" and t.i == m.head:
            return [r.synthetic(tok, m.ent, "description")]
    return []


def recent_asset_owner(r: "Resolver", tok: Token) -> list[Ref]:
    """'the targets' -> the owner of the last asset named before ('militant hideouts')."""
    for t in reversed(r.doc[window_start(tok.sent):tok.sent.start]):
        if (t.lower_ in r.assets or t.lemma_.lower() in r.assets) and r.m.at(t) is None:
            o = r.owner(t)
            if o:
                return r.as_(tok, o)
    return []


def inside_of(t: Token, top: Token) -> bool:
    """t names where top is ('areas in X district', 'the village of X', 'villages near X', 'bases
    across X') or which ones it is ('towns including X', 'towns such as X'), not what it is for or
    from ('a base for X', 'convoys from X')."""
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ == "pobj" and t.head.lower_ not in WHERE and not listing(t.head):
            return False
        t = t.head
    return t.i == top.i


def listing(prep: Token) -> bool:
    """'including' or 'such as': the preposition names members of the noun it hangs on."""
    return prep.lower_ == "including" or prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)


def described_assets(r: "Resolver", tok: Token) -> list[Token]:
    """'Hawija, an ISIS stronghold', 'X, one of the last rebel bastions': the asset noun a named
    place stands in apposition to (its owner is attacked with the place)."""
    m = r.m.at(tok)
    if not (tok.pos_ == "PROPN" if m is None else (m.ent.kind == "Place" or m.locative or m.role == "ner")
                                                    and tok.i == m.head):
        return []      # a place, or a name only the tagger knows (a village it takes for a person)
    out = []
    for a in tok.children:
        if a.dep_ != "appos":
            continue
        heads = [a] if a.tag_ != "CD" else [p for c in a.children if c.dep_ == "prep" and c.lower_ == "of"
                                             for p in c.children if p.dep_ == "pobj"]
        out += [h for h in heads if h.lower_ in r.assets or h.lemma_.lower() in r.assets]
    return out
