"""Agreements: every mention of a ceasefire, deal, truce, accord, memorandum or zone,
clustered into the agreements of one document.

* a named agreement of the alias data is itself ("the Sochi agreement");
* a dated one ("the March 5 ceasefire") is the alias data's agreement of that day whose
  places the document names, else an agreement of its own named by its date;
* "known as X", "a Syria-wide ceasefire", "an earlier deal": its own agreement;
* a definite generic one ("the deal", "the accord", "this arrangement") joins the
  agreement the document last spoke of — a named one in the same sentence first;
  an indefinite one ("a truce in X") is a new agreement of the document ("X truce")
  unless an earlier unnamed one has its kind and place. Neither joins an agreement of
  the alias data that the document does not name or date;
* "the first such deal" (or an apposition) is the agreement just mentioned; "agree a truce
  in a UN-brokered deal" is one agreement; a labelled one ("a two-month nationwide truce")
  takes in an earlier plain one of its kind that shares a modifier (a headline's "two-month
  truce");
* talks ("talks mediated by X", "the negotiations") stand for the agreement they
  produced or discuss: the one the verb they hang on makes, else the one named in the
  sentence, or the document's only one.

Dates, descriptors and the names of new agreements: :mod:`.agreement_names`.
"""
from __future__ import annotations

from spacy.tokens import Token

from .agreement_names import (agreement_date, descriptor, head_phrase, head_word, known_agreement, mention_modifiers,
                              of_what, on_what, place_in, side_names, wide_modifier)
from .mentions import Ent, Mention, Mentions, compound_phrase, has_det, match_phrase
from .places import main_place

def find_agreements(ms: Mentions) -> None:
    heads = ms.lex.word_set("agreement_heads")
    clusters: list[dict] = []
    doc_place = main_place(ms)
    for tok, word, named in _agreement_tokens(ms, heads):
        c = _cluster_for(ms, clusters, tok, word, named, doc_place)
        if c is None:
            continue
        c["kinds"].add(_kind(ms, tok, word))
        start = tok.i
        for ch in tok.children:
            if ch.i < tok.i and ch.dep_ in ("amod", "compound", "nmod", "nummod", "npadvmod"):
                start = min(start, ch.left_edge.i)
        while start < tok.i and ms.doc[start].dep_ in ("det", "punct"):
            start += 1
        of = of_what(ms, tok)
        end = of.i + 1 if of is not None else tok.i + 1      # 'a memorandum of understanding'
        end = max(end, on_what(ms, tok))          # 'an agreement on the cessation of hostilities'
        ms.add(Mention(start, end, tok.i, c["ent"], "agreement")) or ms.add(
            Mention(tok.i, tok.i + 1, tok.i, c["ent"], "agreement"))
    _dated_join(ms, clusters)
    _talks(ms, clusters)


def _agreement_tokens(ms: Mentions, heads: frozenset[str]) -> list[tuple[Token, str, Mention | None]]:
    vague, substantive = ms.lex.word_set("vague_agreement_heads"), ms.lex.word_set("substantive_agreement_modifiers")
    zone_words, tracks = ms.lex.word_set("zone_modifiers"), ms.lex.word_set("negotiation_tracks")
    made, signed_only = ms.lex.agreement_makers, ms.lex.word_set("signed_only_agreement_heads")
    found: list[tuple[Token, str, Mention | None]] = []
    for tok in ms.doc:
        m = ms.by_token.get(tok.i)
        if m is not None:
            if m.ent.kind == "Agreement" and tok.i == m.head:
                found.append((tok, "named", m))
            continue
        if tok.pos_ not in ("NOUN", "PROPN") or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            continue         # 'the second track, mediated by X, deals with the rebels': a verb read as a noun
        word = match_phrase(compound_phrase(tok), heads)
        if word is None or tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and match_phrase(
                compound_phrase(tok.head), heads):
            continue         # 'a ceasefire agreement': one mention, at its head
        substantial = any(c.lower_ in substantive for c in tok.children)
        if word in signed_only and not _signed_document(ms, tok, heads):
            continue         # 'the statement said': no agreement; 'the document was signed by X and Y': one
        if word in vague and not (substantial or (has_det(tok, ("the", "this", "that")) and _known_clusters(ms))
                                  or word not in tracks and (_made(tok, made) or _between_sides(ms, tok))):
            continue
        if word in ("zone", "zones"):
            left = "".join(t.text for t in ms.doc[tok.left_edge.i:tok.i]).lower()
            if not any(z in left for z in zone_words):
                continue
        found.append((tok, word, None))
    return found


def _made(tok: Token, made: frozenset[str]) -> bool:
    """'an arrangement agreed by X and Y', 'signed a framework': a vague head that an agreement
    verb makes is an agreement."""
    return any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in made for c in tok.children) or (
        tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in made)


def _signed_document(ms: Mentions, tok: Token, heads: frozenset[str]) -> bool:
    """'the document was signed by X and Y', 'X signed the Berlin text': a definite document that
    a verb signing or brokering an agreement makes (not one it keeps, welcomes or breaks) is an
    agreement; 'the text of a peace treaty' is that treaty, 'separate documents' are no agreement."""
    if not (has_det(tok, ("the", "this", "that")) or any(c.dep_ == "poss" for c in tok.children)) or any(
            p.dep_ == "prep" and p.lower_ == "of" and match_phrase(compound_phrase(q), heads)
            for p in tok.children for q in p.children if q.dep_ == "pobj"):
        return False
    signing = frozenset(f.head for f in ms.lex.frames if f.cls in ("sign_agreement", "mediate") and not f.rest
                        and f.pos in ("VERB", "PART"))
    return _made(tok, signing) or _between_sides(ms, tok)


def _between_sides(ms: Mentions, tok: Token) -> bool:
    """'an arrangement between the SDF and Damascus': a vague head between two sides is an agreement."""
    sides = [q for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"
             for p in c.children if p.dep_ == "pobj" for q in (p, *p.conjuncts)]
    found = {m.ent.key for q in sides if (m := ms.by_token.get(q.i)) is not None and m.ent.kind in ("Actor", "Group")}
    return len(found) >= 2


def _known_clusters(ms: Mentions) -> bool:
    return any(m.ent.kind == "Agreement" for m in ms.mentions)


def _kind(ms: Mentions, tok: Token, word: str) -> str:
    words = {word} | {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
    if words & ms.lex.word_set("ceasefire_words"):
        return "ceasefire"
    if "zone" in word or any("zone" in w for w in words):
        return "zone"
    return "deal"


def _new(clusters: list, ent: Ent, kind: str, date: str | None, **flags) -> dict:
    c = {"ent": ent, "kinds": {kind}, "date": date, "primary": kind, **flags}
    clusters.append(c)
    return c


def _find(clusters: list, pred) -> dict | None:
    for c in reversed(clusters):
        if pred(c):
            return c
    return None


def _cluster_for(ms: Mentions, clusters: list, tok: Token, word: str, named: Mention | None,
                 doc_place: str | None) -> dict | None:
    kind = _kind(ms, tok, tok.lower_ if named is not None else word)
    if named is not None:
        ent = named.ent
        c = _find(clusters, lambda c: c["ent"] is ent) or _new(clusters, ent, kind, agreement_date(ms, tok))
        c["named"] = True
        c["sent"] = tok.sent.start
        entry = ms.gaz.state(ent.name)
        c["places"] = set(entry.info.get("places", [])) if entry is not None else set()
        return None
    date = agreement_date(ms, tok)
    known_as = _known_as(ms, tok)
    distinct = [c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "advmod", "npadvmod")
                and c.lower_ in ms.lex.word_set("agreement_distinct_modifiers")]
    wide = wide_modifier(tok)
    if known_as is not None:
        ent = known_as.ent
        return _find(clusters, lambda c: c["ent"] is ent) or _new(clusters, ent, kind, date, named=True)
    same = _same_as(ms, tok)
    if same is not None and (c := _find(clusters, lambda c: c["ent"] is same.ent)) is not None:
        return c
    if any(d.lower_ in ("that", "this", "these", "those") for d in tok.children if d.dep_ == "det") and clusters:
        return clusters[-1]
    if date:
        own_place = place_in(ms, tok)
        c = _find(clusters, lambda c: c["date"] == date) or (_find(
            clusters, lambda c: c["primary"] == kind and own_place in c.get("places", ())) if own_place else None)
        if c is None:
            desc = descriptor(ms, tok, word)
            known = known_agreement(ms, date, desc)
            head = "agreement" if kind == "zone" else head_phrase(ms, tok, word)
            ent = ms.ent(known, "Agreement") if known else ms.ent(
                " ".join(w for w in (date, desc, head) if w), "Agreement")
            c = _find(clusters, lambda c: c["ent"] is ent) or _new(clusters, ent, kind, date, named=bool(known))
            entry = ms.gaz.state(known) if known else None
            c.setdefault("places", set(entry.info.get("places", [])) if entry is not None else set())
        return c
    if wide or distinct:
        label = f"{wide or distinct[0]} {head_word(ms, word)}"
        c = _find(clusters, lambda c: c.get("label") == label)
        if c is None:
            c = _new(clusters, ms.ent(label[0].upper() + label[1:], "Agreement"), kind, None, label=label)
            _absorb(ms, clusters, c, mention_modifiers(tok))
        return c
    return _generic_cluster(ms, clusters, tok, word, kind, doc_place)


def _absorb(ms: Mentions, clusters: list, c: dict, mods: set[str]) -> None:
    """'agree two-month truce' (a headline) ... 'a two-month nationwide truce': an earlier plain
    agreement of the same kind that shares a modifier with a new labelled one, and has no name,
    date, place or sides of its own, was the same agreement told less fully."""
    for o in clusters:
        if o is c or o.get("label") or o.get("named") or o["date"] or o.get("own") or o["primary"] != c["primary"] \
                or not (o.get("mods", set()) & mods):
            continue
        for m in ms.mentions:
            if m.ent is o["ent"]:
                m.ent = c["ent"]
                c["ent"].aliases.add(ms.doc[m.start:m.end].text)
        ms.entities.pop(o["ent"].key, None)
        o["ent"] = c["ent"]


def _same_as(ms: Mentions, tok: Token) -> Mention | None:
    """'a two-month truce, the first such deal since 2016' (or in apposition): the agreement
    mentioned just before in the sentence; 'agree a truce in a UN-brokered deal': the agreement
    the verb makes."""
    if tok.dep_ == "appos" or any(c.dep_ == "amod" and c.lower_ == "such" for c in tok.children):
        before = [m for m in ms.mentions if m.ent.kind == "Agreement" and tok.sent.start <= m.head < tok.i]
        return max(before, key=lambda m: m.head) if before else None
    verb = tok.head.head
    if tok.dep_ != "pobj" or tok.head.lower_ != "in" or verb.pos_ != "VERB":
        return None
    for c in verb.children:
        for arg in [c] if c.dep_ in ("dobj", "nsubjpass") else [p for p in c.children if p.dep_ == "pobj"] if (
                c.dep_ == "prep" and c.lower_ == "to") else []:
            m = ms.by_token.get(arg.i)
            if m is not None and m.ent.kind == "Agreement":
                return m
    return None


def _generic_cluster(ms: Mentions, clusters: list, tok: Token, word: str, kind: str, doc_place: str | None) -> dict:
    """'the deal', 'a ceasefire in Manbij': the agreement named in the same sentence; for a
    definite mention the last agreement of its kind (else the last one); for an indefinite one
    with a place of its own a new agreement, else the last one of its kind."""
    same_sentence = _find(clusters, lambda c: c.get("named") and c.get("sent") == tok.sent.start)
    if same_sentence is not None:
        return same_sentence
    definite = has_det(tok) or any(c.dep_ == "poss" for c in tok.children)
    own_place = place_in(ms, tok)
    head = "ceasefire" if kind == "ceasefire" and head_word(ms, word) == "agreement" else head_phrase(ms, tok, word)
    desc = descriptor(ms, tok, word)
    parties = side_names(ms, tok)
    c = None
    if not definite:
        # "a ceasefire (in X)": a new agreement, or the same as an earlier one of its kind and place
        # that it does not tell apart ("an exchange deal" ... "an arrangement" are two; so are two
        # made by different sides)
        place = own_place or doc_place
        c = _find(clusters, lambda c: not c.get("label") and c["primary"] == kind and (
            c.get("place") == place and not c.get("named") and _alike(c, head, desc)
            and c.get("parties", parties) == parties or own_place in c.get("places", ())))
    else:
        c = desc and _find(clusters, lambda c: c.get("desc") == desc)
        if c is None and not _distinct(ms, desc, clusters):
            c = _find(clusters, lambda c: not c.get("label") and c["primary"] == kind)
            # ('the agreements' is no de-escalation zone, which is an agreement's place)
            c = c or _find(clusters, lambda c: not c.get("label") and (c["primary"] != "zone" or kind == "zone"))
            c = c or _find(clusters, lambda c: not c.get("label"))
    if c is None:
        place = own_place or doc_place
        kinds = ms.lex.word_set("agreement_kind_modifiers")     # "a humanitarian truce" -> "X humanitarian truce"
        kind_head = " ".join(a.lower_ for a in tok.lefts if a.dep_ in ("amod", "compound") and a.lower_ in kinds) \
            + " " + head
        name = (f"{parties[0]}-{parties[1]} {kind_head.strip()}" if len(parties) == 2
                else f"{own_place} {kind_head.strip()}" if own_place else f"{desc.capitalize()} {head}" if desc
                else f"{place} {kind_head.strip()}" if place else kind_head.strip().capitalize())
        c = _find(clusters, lambda c: c["ent"].name == name) or _new(
            clusters, ms.ent(name, "Agreement"), kind, None, place=place, own=bool(own_place or parties or desc),
            head=head, desc=desc, parties=parties, by_place=f"{place} {head}" if place else None,
            mods=mention_modifiers(tok))
    return c


def _distinct(ms: Mentions, desc: str | None, clusters: list) -> bool:
    """'the roadmap understandings' after the Stockholm Agreement: a definite agreement whose
    descriptor is not a general one ('the peace deal') and names none of the document's
    agreements is one of its own."""
    if not desc or set(desc.split()) & ms.lex.word_set("substantive_agreement_modifiers"):
        return False
    return not any(desc in c["ent"].name.lower() or any(desc in a.lower() for a in c["ent"].aliases)
                   for c in clusters)


def _alike(c: dict, head: str, desc: str | None) -> bool:
    """An indefinite agreement may be an earlier one it does not tell apart: the same
    descriptor, or one without any and the same head word."""
    if c.get("desc") or desc:
        return c.get("desc") == desc or (c.get("head") == head and not (c.get("desc") and desc))
    return True


def _dated_join(ms: Mentions, clusters: list) -> None:
    """'a ceasefire agreed in Moscow ... the March 5 ceasefire': an undated generic agreement is
    the named agreement its own name is an alias of, or the document's one dated agreement of
    the same kind (unless it has a place or sides of its own that the dated one does not)."""
    dated = [c for c in clusters if c["date"]]
    for g in clusters:
        if g["date"] or g.get("label") or g.get("named"):
            continue
        # "a ceasefire in Moscow" in a document that names the Moscow Protocol (alias "Moscow ceasefire")
        hit = ms.gaz.find(g["ent"].name) or (ms.gaz.find(g["by_place"]) if g.get("by_place") else None)
        same = [c for c in clusters if hit is not None and c.get("named") and c["ent"].name == hit.entry.name]
        if not same:
            same = [c for c in dated if c["primary"] == g["primary"]]
            if g.get("own") and not (same and g.get("place") in same[0].get("places", ())):
                continue       # a generic agreement with a place or sides of its own stays itself
        if len(same) == 1 and same[0]["ent"] is not g["ent"]:
            for m in ms.mentions:
                if m.ent is g["ent"]:
                    m.ent = same[0]["ent"]
                    same[0]["ent"].aliases.add(ms.doc[m.start:m.end].text)
            ms.entities.pop(g["ent"].key, None)


def _talks(ms: Mentions, clusters: list) -> None:
    """'talks mediated by X', 'the negotiations': the agreement of the sentence, or the
    document's only agreement."""
    agreements = {m.ent.key: m.ent for m in ms.mentions if m.ent.kind == "Agreement"}
    talks = ms.lex.word_set("talks_nouns")
    for tok in ms.doc:
        if tok.lower_ not in talks or tok.i in ms.by_token or tok.pos_ != "NOUN":
            continue
        in_sent = sorted((m for m in ms.mentions if m.ent.kind == "Agreement" and
                          tok.sent.start <= m.start < tok.sent.end),   # a zone is a deal's place, not the deal
                         key=lambda m: (ms.doc[m.head].lower_ in ("zone", "zones"), m.start))
        own = _clause_agreement(ms, tok)
        ent = own.ent if own is not None else in_sent[0].ent if in_sent else (
            next(iter(agreements.values())) if len(agreements) == 1 else None)
        if ent is not None:
            ms.add(Mention(tok.i, tok.i + 1, tok.i, ent, "talks"))


def _clause_agreement(ms: Mentions, tok: Token) -> Mention | None:
    """'X and Y signed the Nairobi Declaration ..., in talks facilitated by Z': talks in a phrase
    of a verb stand for the agreement that verb makes (its object or passive subject)."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.head.pos_ != "VERB":
        return None
    verb = tok.head.head
    args = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "relcl" and all(c.lower_ in ("which", "that") for c in args):
        args = [verb.head]                 # 'the declaration, which X signed under Y's mediation'
    for c in args:
        m = ms.by_token.get(c.i)
        if m is not None and m.ent.kind == "Agreement":
            return m
    return None


def _known_as(ms: Mentions, tok: Token) -> Mention | None:
    for c in tok.children:
        if c.dep_ in ("acl", "appos") and c.lemma_ in ms.lex.word_set("naming_verbs"):
            for p in c.subtree:
                m = ms.by_token.get(p.i)
                if m and m.ent.kind == "Agreement":
                    return m
        if c.dep_ == "appos":
            m = ms.by_token.get(c.i)
            if m and m.ent.kind == "Agreement":
                return m
    return None
