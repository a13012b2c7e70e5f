"""Places named with a place noun ("the Tal Tamr district", "the village of Tawila"), and
the place a document is about.

A place noun with no name of its own but a state's adjective ("Ukrainian cities", "a Syrian
village") stands for that state, as "Ukrainian forces" do: an attack on Ukrainian cities is
an attack on Ukraine. A state adjective is never a place's name.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Token

from .mentions import Mention, Mentions, hyphen_after
from .names import clean_name


def find_places(ms: Mentions) -> None:
    doc = ms.doc
    place_nouns = ms.lex.word_set("place_nouns")
    for tok in doc:
        if tok.lower_ not in place_nouns or tok.i in ms.by_token:
            continue
        named = False
        for a, b in _names(tok):
            while a < b and doc[a].dep_ in ("det", "punct"):
                a += 1
            if a >= b or any(doc[i].pos_ not in ("PROPN", "PUNCT", "NOUN", "ADJ") for i in range(a, b)):
                continue
            if all(i in ms.adjective or doc[i].is_punct for i in range(a, b)):
                continue    # 'Ukrainian cities': an adjective, not a name
            named = True
            if any(i in ms.by_token for i in range(a, b)):
                continue
            span = doc[a:b]
            hit = ms.gaz.find(span.text)
            name = hit.entry.name if hit and hit.entry.kind == "Place" else clean_name(span.text)
            if name and name[0].isupper():
                ms.add(Mention(a, b, span.root.i, ms.ent(name, "Place"), "name"))
        if not named:
            _state_territory(ms, tok)


def _state_territory(ms: Mentions, tok: Token) -> None:
    """'Ukrainian cities', 'a Syrian village': an unnamed place noun owned by a state's adjective
    is a mention of the state (a place where it is used as one: 'fighting in Ukrainian cities')."""
    adjs = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and c.i in ms.adjective
            and not hyphen_after(c) and c.i not in ms.by_token]
    if not adjs or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return
    start = min(adjs[0].i, *(c.left_edge.i for c in adjs))
    m = Mention(start, tok.i + 1, tok.i, ms.state_ent(ms.adjective[adjs[0].i]), "territory")
    m.locative = ms.is_locative(tok)
    if ms.add(m) is None:
        ms.add(Mention(tok.i, tok.i + 1, tok.i, m.ent, "territory", locative=m.locative))


def _names(tok: Token) -> list[tuple[int, int]]:
    """'Um al-Khair and Tawila villages', 'the village of Tawila': the name spans."""
    doc = tok.doc
    names: list[tuple[int, int]] = []
    comp = [c for c in tok.lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
    if comp:
        s0 = comp[0].left_edge.i
        cc = [t for t in doc[s0:tok.i] if t.dep_ == "cc"]
        names += [(s0, cc[0].i), (cc[0].i + 1, tok.i)] if cc else [(s0, tok.i)]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            names += [(p.left_edge.i, p.i + 1) for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
    return names


def main_place(ms: Mentions) -> str | None:
    """The place a document speaks of most (roads and rivers aside)."""
    counts: Counter = Counter()
    routes = ms.lex.word_set("route_nouns")
    for m in ms.mentions:
        if m.ent.kind == "Place" and m.role in ("name", "ner") and not _route(m.ent.name, ms.doc[m.head], routes):
            counts[m.ent.name] += 1
    for ent in ms.doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC") and ent.start not in ms.by_token and ms.gaz.find(ent.text) is None:
            counts[clean_name(ent.text)] += 1
    if not counts:
        counts.update(m.ent.name for m in ms.mentions if m.locative and m.ent.kind == "Actor")
    return counts.most_common(1)[0][0] if counts else None


def _route(name: str, head: Token, routes: frozenset[str]) -> bool:
    """Roads and rivers are places but not what a document is about."""
    return bool(re.match(r"^[A-Z]-?\d+$", name)) or head.head.lower_ in routes
