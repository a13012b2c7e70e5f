"""Armed groups named by description: generic groups and definite descriptions.

* A generic group noun ("Takfiri militants", "terrorists in Idlib", "armed groups") is
  one document-level group, named after the place the document is about ("militants
  in Idlib") — unless the text says whose it is: "Houthi fighters", "its fighters",
  "the group's fighters", "rebels of the National Front" are the named group.
* A definite description ("the group", "the movement", "the militia", "the rebels",
  "the alliance", "the country", "these groups") refers back to a named entity of a
  fitting kind: the last one whose name has the description's head word, else the
  last one of that kind within a few sentences, else the one the document names
  most. Government words ("the junta", "the regime") are read by :mod:`.organs`.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from .mentions import Ent, Mention, Mentions, anti_prefixed, has_det, hyphen_after
from .places import main_place

WINDOW = 6   # sentences a description looks back for its kind
GENERIC_GROUP = "militants"   # the name of the document-level generic group ("militants in <place>")


def find_generic_groups(ms: Mentions) -> None:
    doc = ms.doc
    generic = ms.lex.word_set("generic_group_heads")
    anti = ms.lex.word_set("anti_prefixes")
    labels = ms.lex.word_set("labelling_verbs")
    for tok in doc:
        if tok.i in ms.by_token:
            continue
        if _is_generic_group(ms, tok, generic):
            if _predicate_of_label(tok, labels) or _owned_group(ms, tok) or _description_target(ms, tok):
                continue
            if ms.generic_group is None:
                ms.generic_group = Ent(GENERIC_GROUP, "Group", plural=True)
            ms.add(Mention(_phrase_start(ms, tok), tok.i + 1, tok.i, ms.generic_group, "generic"))
        elif tok.lower_ in generic and tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN" and not (
                tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in anti) and not \
                _predicate_of_label(tok.head, labels) and not _named_owner(ms, tok.head):
            if any(_named_group_modifier(ms, c) for c in tok.head.lefts):
                continue            # "Houthi militant locations": the named group owns them
            if ms.generic_group is None:
                ms.generic_group = Ent(GENERIC_GROUP, "Group", plural=True)
            ms.owner_mark[tok.head.i] = ms.generic_group


def _named_owner(ms: Mentions, noun: Token) -> bool:
    """'the terrorist acts of the EMC', 'the EMC's terrorist acts': the noun has its owner named."""
    owners = [c for c in noun.children if c.dep_ == "poss"] + [g for c in noun.children if c.dep_ == "prep"
                                                               and c.lower_ in ("of", "by")
                                                               for g in c.children if g.dep_ == "pobj"]
    return any(o.i in ms.by_token and ms.by_token[o.i].ent.kind != "Place" for o in owners)


def _predicate_of_label(tok: Token, labels: frozenset[str]) -> bool:
    """'(X,) which Y designated a terrorist organisation', 'X was branded a terrorist group',
    'listed X as a terrorist group': what a label says of X is no group of its own."""
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "as" else tok.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in labels:
        return False
    if tok.dep_ == "pobj":
        return tok.head.head.i == verb.i and tok.head.dep_ == "prep"
    return tok.dep_ in ("oprd", "dobj", "attr", "xcomp") and (any(
        c.i != tok.i and (c.dep_ in ("dobj", "nsubjpass") or c.tag_ in ("WDT", "WP")) for c in verb.children)
        # (a relative clause whose pronoun the parser hung elsewhere: the pronoun is still the one labelled)
        or verb.dep_ == "relcl" and any(t.tag_ in ("WDT", "WP") for t in verb.doc[verb.head.i + 1:verb.i]))


def _is_generic_group(ms: Mentions, tok: Token, generic: frozenset[str]) -> bool:
    low = tok.lower_
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    if low in generic and tok.pos_ in ("NOUN", "PROPN"):
        return not (tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"))
    if low in ms.organ_heads and any(c.dep_ in ("amod", "compound") and c.lower_ in ms.lex.word_set(
            "non_state_modifiers") for c in tok.lefts):
        return True     # 'Syrian opposition forces', 'rebel units': no state's forces
    heads = ms.lex.word_set("group_heads")
    if tok.lemma_.lower() in heads or low in heads:
        mods = ms.lex.word_set("group_modifiers") | generic
        return any(c.dep_ in ("amod", "compound") and c.lower_ in mods for c in tok.children)
    return False


def _named_group_modifier(ms: Mentions, c: Token) -> Mention | None:
    m = ms.by_token.get(c.i)
    named_actor = m is not None and m.ent.kind == "Actor" and m.role == "name" and c.dep_ in ("compound", "nmod")
    if m is not None and c.dep_ in ("compound", "amod", "nmod", "poss") and (
            m.ent.kind in ("Group", "Organization") or named_actor) \
            and not hyphen_after(c) and not anti_prefixed(c, ms.lex.word_set("anti_prefixes")):
        return m
    return None


def _group_before_comma(ms: Mentions, tok: Token) -> Mention | None:
    """'... and the Southern Front (SF), a separatist movement armed by X': an apposition spaCy hangs
    on some earlier word describes the group named just before its comma."""
    i = tok.left_edge.i - 1
    if i < 1 or tok.doc[i].text != ",":
        return None
    j = i - 1
    if tok.doc[j].text == ")":      # '(SF)': the name before it
        j = next((k - 1 for k in range(j - 1, max(j - 6, 0), -1) if tok.doc[k].text == "("), j)
    m = ms.by_token.get(j)
    return m if m is not None and m.ent.kind == "Group" and m.role in ("name", "ner") else None


def _owned_group(ms: Mentions, tok: Token) -> bool:
    """'rebels of the National Front', 'Houthi fighters', 'its fighters', 'the group's fighters',
    'the STC, a separatist group': the named group itself."""
    named = ms.named_groups_of(tok)
    if named:
        ms.add(Mention(tok.i, tok.i + 1, tok.i, named[0].ent, "named-of"))
        return True
    owner = next((m for c in tok.lefts if (m := _named_group_modifier(ms, c)) is not None), None) or _leader(ms, tok)
    if owner is None and tok.dep_ == "appos" and tok.head.i in ms.by_token and \
            ms.by_token[tok.head.i].ent.kind == "Group":
        owner = ms.by_token[tok.head.i]
    if owner is None and tok.dep_ == "appos":
        owner = _group_before_comma(ms, tok)
    if owner is not None:
        ms.add(Mention(tok.i, tok.i + 1, tok.i, owner.ent, owner.role, own=owner.own))
        return True
    poss = [c for c in tok.children if c.dep_ == "poss"]
    described = definite_mention(ms, poss[0]) if poss and poss[0].i not in ms.by_token else None
    if described is not None:
        # "the group's fighters": the group the description refers to
        ms.add(described)
        ms.add(Mention(tok.i, tok.i + 1, tok.i, described.ent, "named-of"))
        return True
    if poss and poss[0].lower_ in ("its", "their", "his"):
        # resolved when relations are read: the possessor's group
        ms.owner_poss.add(tok.i)
        return True
    if poss and poss[0].lower_ == "whose":
        return True     # "Boko Haram, whose fighters raided ...": the relative's head, read with the relations
    return False


def _leader(ms: Mentions, tok: Token) -> Mention | None:
    """'HTS-led rebels', 'rebels led by HTS': the named group that leads them, whose acts theirs are."""
    doc = ms.doc
    for c in tok.children:
        if c.dep_ == "amod" and c.lower_ == "led" and c.i >= 2 and doc[c.i - 1].text == "-":
            m = ms.by_token.get(c.i - 2)
        elif c.dep_ == "acl" and c.lower_ == "led":
            m = next((ms.by_token.get(p.i) for a in c.children if a.dep_ == "agent"
                      for p in a.children if p.dep_ == "pobj"), None)
        else:
            continue
        if m is not None and m.ent.kind == "Group" and m.role in ("name", "ner"):
            return m
    return None


def _phrase_start(ms: Mentions, tok: Token) -> int:
    doc = ms.doc
    start = tok.i
    while start > 0 and doc[start - 1].head.i == tok.i and doc[start - 1].dep_ in ("amod", "compound", "nmod") and \
            doc[start - 1].i not in ms.by_token and not (
            doc[start - 1].i in ms.adjective or hyphen_after(doc[start - 1]) or doc[start - 1].tag_ == "VBN"):
        start -= 1
    while start < tok.i and doc[start].dep_ in ("det", "punct", "predet"):
        start += 1
    return start


def _description_target(ms: Mentions, tok: Token) -> bool:
    """'the rebels', 'the militants' refer back to the named group the document speaks of."""
    m = definite_mention(ms, tok)
    if m is None:
        return False
    ms.add(m)
    return True


def definite_descriptions(ms: Mentions) -> None:
    for tok in ms.doc:
        if tok.i not in ms.by_token:
            m = definite_mention(ms, tok)
            if m is not None:
                ms.add(m)


def definite_mention(ms: Mentions, tok: Token) -> Mention | None:
    """A definite description ('the group', 'the terrorist group', 'this alliance') as a mention of
    the entity it refers back to, or None."""
    described = ms.lex.table("description_kinds")
    kinds = described.get(tok.lower_) or (
        described.get(tok.lemma_.lower()) if tok.tag_ not in ("NNS", "NNPS") else None)
    if kinds is None or tok.pos_ not in ("NOUN", "PROPN"):
        return None       # "the two countries", "the allies": several entities, read by references
    if any(c.dep_ == "nummod" or c.lower_ in ms.lex.table("number_words") for c in tok.children):
        return None
    bare = not has_det(tok) and not (tok.dep_ == "compound" and tok.head.lower_ in ms.organ_heads) and not (
        _double_object(tok))
    if bare and not (tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.tag_ in ("NN", "NNP")):
        return None        # "the coalition", "coalition warplanes", "coalition strikes"; not "a coalition"
    generic = ms.lex.word_set("group_modifiers")
    if any(c.dep_ in ("compound", "poss", "nmod") and c.lower_ not in generic for c in tok.children) \
            or _restricted(ms, tok):
        return None       # "the group of seven", "the alliance of X", "the group that ...": not anaphoric
    target = _named_antecedent(ms, tok, kinds) if bare else _antecedent(ms, tok, kinds)
    if target is None:
        return None
    start = min([c.i for c in tok.lefts if c.dep_ in ("det", "amod")] + [tok.i])
    while start < tok.i and ms.doc[start].dep_ in ("det", "punct"):
        start += 1
    return Mention(start, tok.i + 1, tok.i, target.ent, "description", own=target.own)


def _double_object(tok: Token) -> bool:
    """'giving the group sanctuary': spaCy hangs the first object of a verb, article and all, on the
    second as a compound; it is a definite description all the same."""
    doc = tok.doc
    return tok.dep_ == "compound" and tok.head.dep_ == "dobj" and tok.i >= 2 and doc[tok.i - 1].lower_ == "the" \
        and doc[tok.i - 2].i == tok.head.head.i


def _restricted(ms: Mentions, tok: Token) -> bool:
    """A description its own phrase restricts ('the alliance of X', 'the group from Y', 'the group that
    ...') names something new; a place it is in ('the terrorist group in the Juba valley'), a gerund
    ('prevent the group from planning', 'accused the militia of occupying') or a clause set off by a
    comma ('The coalition, which ...') does not restrict it."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "from"):
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if not objs and c.lower_ == "from" or c.i + 1 < len(ms.doc) and ms.doc[c.i + 1].tag_ == "VBG":
                continue    # a gerund: 'stop the group from planning', 'accused the militia of occupying'
            if c.lower_ in ("of", "for") and tok.dep_ == "dobj" and (
                    tok.head.lemma_.lower() in ms.lex.word_set("object_control_verbs")):
                continue    # the charge: 'accused the group of war crimes', 'condemned the militia for the attack'
            if c.lower_ == "in" and objs and all(_is_place(ms, p) for p in objs):
                continue
            return True
        if c.dep_ in ("acl", "relcl") and not (c.left_edge.i > 0 and ms.doc[c.left_edge.i - 1].text == ","):
            return True
    return False


def _is_place(ms: Mentions, tok: Token) -> bool:
    m = ms.by_token.get(tok.i)
    if m is not None:
        return m.locative or m.ent.kind == "Place"
    return tok.lower_ in ms.lex.word_set("place_nouns") or any(
        (n := ms.by_token.get(c.i)) is not None and n.ent.kind == "Place" for c in tok.children
        if c.dep_ in ("compound", "amod", "nmod"))


def _antecedent(ms: Mentions, tok: Token, kinds: tuple[str, ...]) -> Mention | None:
    head = tok.lemma_.lower()
    before = [m for m in ms.mentions if m.start < tok.i and not m.locative and m.role != "generic"
              and m.ent.kind in kinds and m.role != "description"]
    if not before:
        return None
    for m in reversed(before):
        if _named_with(ms, m, head):
            return m
    # the entity of that kind the text makes most salient: named in this or the last sentence,
    # as a subject, and often
    counts = Counter(m.ent.key for m in before)
    sent_start = _sentence_start(ms, tok, WINDOW)
    last = _sentence_start(ms, tok, 1)
    recent = [m for m in before if m.start >= sent_start] or before

    def salience(m: Mention) -> float:
        near = 3.0 if m.start >= tok.sent.start else 2.0 if m.start >= last else 0.0
        subject = 1.0 if ms.doc[m.head].dep_ in ("nsubj", "nsubjpass") else 0.0
        return near + subject + 0.5 * min(counts[m.ent.key], 4)
    return max(reversed(recent), key=salience)


def _named_with(ms: Mentions, m: Mention, head: str) -> bool:
    """The entity's name has the description's head word: in its name, in the words naming it here
    unless that is the bare noun the description repeats ('the KIA insurgent group' ... 'the group'
    is no name with 'group'), in its aliases or as its type in the alias data ('the US-led coalition')."""
    words = {w.lower() for w in m.ent.name.replace("-", " ").split()} | {
        t.lemma_.lower() for t in ms.doc[m.start:m.end] if m.end - m.start > 1}
    entry = ms.gaz.state(m.ent.name)
    if entry is not None and entry.kind == m.ent.kind:
        words |= {w.lower() for a in entry.aliases for w in a.replace("-", " ").split()}
        words.add(str(entry.info.get("type", "")))
    return head in words or head.rstrip("s") in words


def _named_antecedent(ms: Mentions, tok: Token, kinds: tuple[str, ...]) -> Mention | None:
    """A bare description modifying a noun ('coalition air strikes') names the entity of the
    document whose name has that word: the last one before it, else the first one after it."""
    head = tok.lemma_.lower()
    named = [m for m in ms.mentions if not m.locative and m.role not in ("generic", "description")
             and m.ent.kind in kinds and _named_with(ms, m, head)]
    before = [m for m in named if m.start < tok.i]
    return before[-1] if before else min(named, key=lambda m: m.start, default=None)


def _sentence_start(ms: Mentions, tok: Token, k: int) -> int:
    start = tok.sent.start
    for _ in range(k):
        if start == 0:
            break
        start = ms.doc[start - 1].sent.start
    return start


def name_generic_group(ms: Mentions) -> None:
    """The document-level group is named after the place the document is about."""
    g = ms.generic_group
    if g is None:
        return
    _told_whose(ms, g)
    place = main_place(ms)
    if not place:
        ms.entities[g.key] = g
        return
    new = ms.ent(f"{GENERIC_GROUP} in {place}", "Group", plural=True)
    new.aliases |= g.aliases
    for m in ms.mentions:
        if m.ent is g:
            m.ent = new
    for k, v in list(ms.owner_mark.items()):
        if v is g:
            ms.owner_mark[k] = new
    ms.entities.pop(g.key, None)
    ms.generic_group = new


def _told_whose(ms: Mentions, g: Ent) -> None:
    """Once the document says whose its rebels are ('HTS-led rebels', 'rebels led by HTS', 'M23
    rebels', 'the rebels of X'), a bare 'rebels' elsewhere in it (a headline's 'Rebels reach the
    capital', a later 'Rebels announce ...') is that group, if the document gives the word to
    one group only."""
    generic = ms.lex.word_set("generic_group_heads")
    told: dict[str, set[str]] = {}
    ents: dict[str, Ent] = {}
    for m in ms.mentions:
        tok = ms.doc[m.head]
        if m.end - m.start == 1 and tok.lower_ in generic and m.ent.kind == "Group" and m.role not in (
                "generic", "description"):
            told.setdefault(tok.lower_.rstrip("s"), set()).add(m.ent.key)
            ents[m.ent.key] = m.ent
    for m in ms.mentions:
        if m.ent is not g or m.role != "generic":
            continue
        keys = told.get(ms.doc[m.head].lower_.rstrip("s"), set())
        if len(keys) == 1:
            m.ent, m.role = ents[next(iter(keys))], "named-of"
    for i, owner in list(ms.owner_mark.items()):
        # 'rebel columns': the modifier the generic owner was read from
        words = {c.lower_.rstrip("s") for c in ms.doc[i].lefts if c.lower_ in generic}
        keys = {k for w in words for k in told.get(w, ())}
        if owner is g and len(keys) == 1:
            ms.owner_mark[i] = ents[keys.pop()]
