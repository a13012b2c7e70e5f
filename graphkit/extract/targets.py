"""Targets: what an act is aimed at. A side named or referred to; the owner or holder of an
asset ('its posts', 'villages held by the KNU', 'the army base': the state's); the places an
asset or a scene is in ('strikes on depots in Sanaa'); the ones a listing names ('Emirati
targets, including ADNOC's depot'); whose a thing is ('the terrorist acts of the EMC')."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .places_named import WHERE, described_assets, inside_of, listing, places_in, recent_asset_owner, this_place
from .refs import Ref, dedup

if TYPE_CHECKING:
    from .references import Resolver


def target(r: "Resolver", tok: Token) -> list[Ref]:
    """What an act is aimed at, with the ones a listing names and the owners of an asset the
    target is described as ('took X, a rebel stronghold': the rebels too)."""
    listed = [x for c in tok.children if c.dep_ == "prep" and listing(c)
              for p in c.children if p.dep_ == "pobj" for x in _target1(r, p)]
    listed += [x for a in described_assets(r, tok) for x in r.as_(a, r.owner(a), "owner")]
    return dedup(_target1(r, tok) + listed) if listed else _target1(r, tok)


def _target1(r: "Resolver", tok: Token) -> list[Ref]:
    lemma = tok.lemma_.lower()
    if lemma in r.routes and r.m.at(tok) is None:
        return []      # 'columns on the X-Y highway': the places a road joins are not hit
    named = _named(r, tok, lemma)
    if named is not None:
        return named
    held = [x for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in r.holding
            for a in c.children if a.dep_ == "agent" for p in a.children for x in r.refs(p)]
    if held:
        # "villages held by the KNU": the side holding them (and the places named in them)
        return dedup(r.as_(tok, held, "owner") + places_in(r, tok))
    if lemma in r.assets or tok.lower_ in r.assets or lemma in r.facilities:
        owned = _asset_owner(r, tok)
        if owned:
            return owned
    linked = _linked(r, tok)
    if linked:
        return linked
    # "residential areas in the Tal Tamr district", "targets at 16 Houthi locations"
    out = places_in(r, tok) or this_place(r, tok)
    if not out:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("at", "of"):
                for p in c.children:
                    if p.dep_ == "pobj" and (p.lemma_.lower() in r.assets or p.lemma_.lower() in r.facilities):
                        out += [x for x in _target1(r, p) if x.via == "owner" or x.ent.kind != "Place"]
    return dedup(out or _whose(r, tok))


def _named(r: "Resolver", tok: Token, lemma: str) -> list[Ref] | None:
    """A target the token refers to itself (None if it refers to nothing)."""
    refs = r.refs(tok)
    if not refs:
        return None
    if all(x.via == "owner" for x in refs) and (lemma in r.assets or tok.lower_ in r.assets):
        return dedup(refs + places_in(r, tok))     # 'the rebel stronghold of Kidal': the rebels' and Kidal
    # "killed Ugandan soldiers serving with the AU mission": the mission they serve in too
    refs = dedup(refs + [x for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in r.serving
                         for p in c.children if p.dep_ == "prep" and p.lower_ in ("with", "in", "under")
                         for q in p.children if q.dep_ == "pobj" for x in r.refs(q)
                         if x.ent.kind in ("Organization", "Group", "Actor")])
    m = r.m.at(tok)
    if lemma in r.facilities and m is not None and m.role == "force":
        # 'overran an army base at X in Y region' (the base a mention of the army): X too ('at'/'near' a
        # spot), not the region it is 'in'
        at = [x for x in places_in(r, tok) if x.mention and (p := r.doc[x.mention.head].head).head == tok
              and p.lower_ in ("at", "near", "outside")]
        return dedup(refs + at[:1])
    return refs


def _asset_owner(r: "Resolver", tok: Token) -> list[Ref]:
    """Whose an asset is: its owner, the state of an army base named with the state's forces
    ('an army base in northern Burkina Faso'), the places it is in, or the last owner of such
    assets ('the posts')."""
    o = r.owner(tok)
    if o:
        owned = r.as_(tok, o, "owner") if not o[0].resolved else o
        return dedup(owned + places_in(r, tok))
    if any(c.lower_ in r.state_forces for c in tok.lefts):
        around = [t for c in tok.head.children if tok.dep_ == "dobj" and c.dep_ == "prep" and c.lower_ in WHERE
                  for t in c.subtree]
        states = [m.ent for t in [*tok.subtree, *around] for m in [r.m.at(t)]
                  if m is not None and m.locative and m.ent.kind == "Actor" and t.i == m.head
                  and inside_of(t, tok.head if t in around else tok)]
        if states:
            return dedup([r.synthetic(tok, e, "owner") for e in states])
    inside = places_in(r, tok)
    if inside:
        return inside
    if any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children):
        return recent_asset_owner(r, tok)
    return []


def _whose(r: "Resolver", tok: Token) -> list[Ref]:
    """"Syria's security", "the terrorist acts of the EMC": whose the thing is."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    out = [Ref(x.ent, x.start, x.end, x.text, x.mention, "of") for c in tok.children if c.dep_ == "poss"
           for x in r.refs(c, conj=False)]
    return out or [Ref(x.ent, x.start, x.end, x.text, x.mention, "of") for c in tok.children
                   if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
                   for x in r.refs(p)]


def _linked(r: "Resolver", tok: Token) -> list[Ref]:
    """'sanctions on companies linked to X', 'strikes on militias affiliated with X': what is
    aimed at something tied to a side is aimed at that side (linking_participles)."""
    return [x for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in r.linking
            for p in c.children if p.dep_ == "prep" and p.lower_ in ("to", "with")
            for q in p.children if q.dep_ == "pobj" for x in r.refs(q)
            if x.ent.kind in ("Actor", "Group", "Organization", "Person")]
