"""Names: alias matches from the gazetteer, spaCy's NER for names in no list, acronyms.

An alias entry becomes a mention of its entity, with these turns:

* a state adjective alone ("Turkish") is not a mention but marks its token, for
  organs ("Turkish forces") and hyphen compounds ("Turkish-backed");
* a capital or a country name used as a place ("talks in Ankara") is locative;
* a leader, official or spokesperson acts for the state, authority, organisation or
  group their entry names (``acts_for``): the relation is the state's, the person is
  kept as a node of its own;
* a state organ of the alias data (a ministry, an army) is rolled up to its state;
* a warship named with its navy's prefix ("the USS Carney") stands for that state, and no
  name inside a ship's name is a mention of its own; nor is a lone surname that heads a
  longer name spaCy labels as something else;
* after an anti- prefix ("anti-Houthi fighters") only the name itself is matched, not a
  longer alias that takes in the noun the prefix modifies ("Houthi fighters").

spaCy's names that no alias names become mentions of their own (persons, groups,
organisations, places); a title-case name headed by a group word ("the Lokori
Self-Defence Group") is a group whatever label spaCy gave it, and a name built on a
preposition goes on past the "in" where spaCy stops ("the Movement for Justice in
Tibesti").
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..model import entity_key
from .gazetteer import GazEntry
from .mentions import Ent, Mention, Mentions, anti_prefixed
from .organs import STATE_ORGANS
from .repair import dateline_dash


def match_aliases(ms: Mentions, matcher) -> None:
    doc = ms.doc
    ship_names(ms)
    anti = ms.lex.word_set("anti_prefixes")
    ent_at: dict[int, Span] | None = None
    # 'anti-Houthi fighters': the prefix cuts the alias 'Houthi fighters'; 'Houthi' alone is the name
    spans = [doc[s:e] for _, s, e in matcher(doc) if e - s == 1 or not anti_prefixed(doc[s], anti)]
    for sp in _longest_first(spans):
        hit = ms.gaz.find(sp.text)
        if hit is None or any(i in ms.ship_tokens for i in range(sp.start, sp.end)):
            continue
        entry, role = hit.entry, hit.role
        if entry.kind == "Person" and len(sp) == 1:
            ent_at = ent_at if ent_at is not None else {i: e for e in doc.ents for i in range(e.start, e.end)}
            if _heads_another_name(sp[0], ent_at.get(sp.start)):
                continue
        if role == "adjective":
            if len(sp) == 1 or all(t.pos_ in ("ADJ", "PROPN", "PUNCT", "NOUN") for t in sp):
                for t in sp:
                    ms.adjective[t.i] = entry
            continue
        if entry.kind == "Actor":
            m = Mention(sp.start, sp.end, sp.root.i, ms.entry_ent(entry), role)
            # a government or authority without a territory of its own ('sent drones to the GNA') is no place
            m.locative = role in ("capital", "seat") or role == "name" and bool(entry.capitals or entry.adjectives)
            m.locative = m.locative and ms.is_locative(sp.root)
            if m.locative and role == "capital":
                m.ent = ms.ent(sp.text, "Place")
            ms.add(m)
        elif entry.kind in ("Person", "Organization"):
            ms.add(acting_mention(ms, sp, entry))
        else:
            ms.add(Mention(sp.start, sp.end, sp.root.i, ms.entry_ent(entry), "name"))


def ship_names(ms: Mentions) -> None:
    """'the USS Carney', 'HMS Diamond': a warship named with its navy's prefix (alias data,
    ``ship_prefixes``) is a mention of that state, as its forces are; a merchant ship's prefix
    ('MV Galaxy Leader', ``civil_ship_prefixes``) or one two navies use names no one. The
    tokens of every ship's name go to ``ms.ship_tokens``: no alias inside one (a leader's
    surname) is matched, and no name spaCy finds inside one."""
    doc = ms.doc
    prefixes, civil = ms.gaz.ship_prefixes, ms.lex.word_set("civil_ship_prefixes")
    for tok in doc[:-1]:
        if tok.text not in prefixes and not (tok.is_upper and tok.lower_ in civil):
            continue
        end = tok.i + 1
        while end < min(len(doc), tok.i + 1 + SHIP_NAME_WORDS) and not doc[end].is_sent_start \
                and _ship_name_word(doc[end]):
            end += 1
        if end == tok.i + 1:
            continue
        ms.ship_tokens.update(range(tok.i, end))
        state = prefixes.get(tok.text)
        if state is not None:
            ms.add(Mention(tok.i, end, doc[tok.i:end].root.i, ms.state_ent(state), "force"))


SHIP_NAME_WORDS = 4   # 'USS Dwight D. Eisenhower'


def _ship_name_word(t: Token) -> bool:
    """A word of a ship's name: title-case ('Carney', 'Dwight', 'D.'), not a verb (a headline's
    'USS Carney Downs Drones'), nor a word in capitals ('ITS SHIPS' in a shouted headline)."""
    word = t.text.rstrip(".")
    return word.isalpha() and (t.is_title or len(word) == 1 and word.isupper()) and t.pos_ not in ("VERB", "AUX")


# spaCy's labels of proper names that are not persons (no numbers, dates or times)
_OTHER_NAMES = frozenset({"ORG", "FAC", "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


def _heads_another_name(tok: Token, ent: Span | None) -> bool:
    """'the USS Carney' (spaCy's PRODUCT, headed by 'Carney'): a one-word alias of a person that
    is the head of a longer capitalised name spaCy labels as something else is not that person
    ('the Trump administration' still is, and so is a dateline's '11:15 - Saree')."""
    if ent is None or ent.label_ not in _OTHER_NAMES:
        return False
    words = [t for t in ent if t.dep_ != "det" and not t.is_punct]
    return len(words) > 1 and ent.root.i == tok.i and all(t.text[:1].isupper() for t in words)


def acting_mention(ms: Mentions, sp: Span, entry: GazEntry) -> Mention:
    """A person or an organ: the mention stands for whom it acts for, the own node kept."""
    principal = ms.gaz.principal(entry)
    if entry.kind == "Person":
        own = ms.ent(entry.name, "Person")
        if principal is None:
            return widen_title(ms, Mention(sp.start, sp.end, sp.root.i, own, "name"))
        own.part_of = entity_key(principal.kind, principal.name)
        return widen_title(ms, Mention(sp.start, sp.end, sp.root.i, ms.entry_ent(principal), "leader", own=own))
    if principal is not None and entry.info.get("type") in STATE_ORGANS:
        # a ministry or army acts for its state: rolled up, kept as its own node
        own = ms.ent(entry.name, "Actor", part_of=entity_key(principal.kind, principal.name))
        return Mention(sp.start, sp.end, sp.root.i, ms.entry_ent(principal), "organ", own=own)
    own = ms.entry_ent(entry)
    if principal is not None:
        own.part_of = entity_key(principal.kind, principal.name)
    return Mention(sp.start, sp.end, sp.root.i, own, "name")


def widen_title(ms: Mentions, m: Mention) -> Mention:
    """'Turkish Defense Minister Hulusi Akar': the title words belong to the mention."""
    doc = ms.doc
    s = m.start
    while s > 0 and doc[s - 1].dep_ == "compound" and doc[s - 1].head.i >= m.start and doc[s - 1].i not in ms.by_token:
        s -= 1
    while s > 0 and doc[s - 1].i in ms.adjective and doc[s - 1].head.i >= s:
        s -= 1
    m.start = s
    return m


def ner_fallback(ms: Mentions) -> None:
    """spaCy's entities that no alias names: persons, groups, organisations, places."""
    generic = ms.lex.word_set("generic_group_heads")
    group_words = ms.lex.word_set("group_name_words")
    weapons = ms.lex.word_set("weapon_nouns")
    locative = ms.lex.word_set("locative_prepositions")
    title_case_groups(ms)
    for sp in ms.doc.ents:
        if any(i in ms.by_token or i in ms.ship_tokens for i in range(sp.start, sp.end)):
            continue    # named already, or a merchant ship ('MV Galaxy Leader') that stands for no one
        if all(t.i in ms.adjective or t.dep_ == "det" or t.is_punct for t in sp):
            continue   # 'Ukrainian' labelled GPE: a state adjective is no name
        sp, place = _trimmed(ms, sp, locative)
        if sp is None:
            continue
        name = clean_name(sp.text)
        if not name or len(name) < 2 or not any(ch.isupper() for ch in name):
            continue
        if sp.label_ in ("PERSON", "PRODUCT") and sp.root.dep_ in ("compound", "nmod") and \
                sp.root.head.lemma_.lower() in weapons:
            continue   # 'Bayraktar drones', 'Kalibr missiles': a weapon's make stands for no one
        if sp.label_ == "PERSON" and len(sp) == 1:
            hit = ms.gaz.near_person(sp.text)
            if hit is not None:   # "Erodgan": a typo of a known leader's name
                ms.add(acting_mention(ms, sp, hit.entry))
                continue
        kind = "Place" if place else _ner_kind(ms, sp, name, generic, group_words)
        if kind in ("Group", "Organization"):
            end = name_tail(ms, sp.start, sp.end)
            if end > sp.end and claim_name(ms, sp.start, sp.end, end):
                sp = ms.doc[sp.start:end]
                name = clean_name(sp.text)
        if kind is not None:
            add_name(ms, sp, ms.ent(name, kind), "ner")


_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")


def _trimmed(ms: Mentions, sp: Span, locative: frozenset[str]) -> tuple[Span | None, bool]:
    """An entity span without what spaCy took in with it at a line's start: a live blog's time
    stamp ('08:10 - Medics') or a capitalised preposition ('-- Near Baiji,': a place); none
    for a capitalised description ('the Coalition')."""
    start = sp.start
    while start < sp.end and (sp.doc[start].like_num or sp.doc[start].is_punct or _CLOCK.match(sp.doc[start].text)):
        start += 1
    place = start < sp.end - 1 and sp.doc[start].lower_ in locative
    start += place
    while start < sp.end and sp.doc[start].dep_ == "det":
        start += 1
    if start >= sp.end or any(i in ms.by_token for i in range(start, sp.end)) or (
            start == sp.end - 1 and sp.doc[start].lower_ in ms.lex.table("description_kinds")):
        return None, False      # 'the Coalition', 'the Council': a description, read as one
    return (sp if start == sp.start else Span(sp.doc, start, sp.end, label=sp.label_)), place


def add_name(ms: Mentions, sp: Span, ent: Ent, role: str) -> Mention | None:
    """A name's mention; a state adjective inside it ('the Sahrawi Popular Brigades') is part of
    the name, no longer the state's."""
    m = ms.add(Mention(sp.start, sp.end, sp.root.i, ent, role))
    if m is not None:
        for i in range(sp.start, sp.end):
            ms.adjective.pop(i, None)
    return m


def title_case_groups(ms: Mentions) -> None:
    """'the Lokori Self-Defence Group', 'the Movement for Justice': a title-case name headed by a
    group word (``group_name_heads``) is an armed group, whatever label spaCy gave it (it has
    WORK_OF_ART, PRODUCT, a place or none); names spaCy labels as organisations are left to
    the NER pass."""
    doc = ms.doc
    heads = ms.lex.word_set("group_name_heads")
    for tok in doc:
        if (tok.lower_ not in heads or tok.pos_ != "PROPN" or not tok.is_title or tok.i in ms.by_token
                or tok.ent_type_ == "ORG"):
            continue
        start = _title_start(tok)
        end = _of_purpose(tok)
        if start == tok.i and end == tok.i + 1:
            continue    # a lone 'Army' or 'Group' is no name
        end = name_tail(ms, start, end)
        if claim_name(ms, start, tok.i + 1, end):
            sp = doc[start:end]
            add_name(ms, sp, ms.ent(clean_name(sp.text), "Group"), "ner")


def _title_start(tok: Token) -> int:
    """The first word of the title-case modifiers of a name's head ('Lokori Self-Defence Group')."""
    doc, i = tok.doc, tok.i
    while i > tok.left_edge.i:
        t = doc[i - 1]
        if t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ"):
            i -= 1
        elif t.text in ("-", "'s", "\u2019s") and i - 2 >= tok.left_edge.i and doc[i - 2].text[:1].isupper():
            i -= 1
        else:
            break
    while i < tok.i and not doc[i].text[:1].isupper():
        i += 1
    return i


def _of_purpose(tok: Token) -> int:
    """'Movement for Justice', 'Front for the Liberation of Azawad': the end of the 'for'/'of'
    phrase of title-case words that goes with a group word."""
    doc, end = tok.doc, tok.i + 1
    while end + 1 < len(doc) and doc[end].lower_ in ("for", "of") and doc[end].head.i in range(tok.i, end):
        j = _proper_phrase_end(doc, end + 1, doc[end])
        if j is None:
            break
        end = j
    return end


def _proper_phrase_end(doc, i: int, prep: Token) -> int | None:
    """The end of '(the) Proper Name' starting at i, the object of prep; None if there is none."""
    while i < len(doc) and doc[i].lower_ == "the":
        i += 1
    k = i
    while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and not doc[k].is_sent_start:
        k += 1
    if k == i or doc[k - 1].head.i != prep.i:
        return None
    return k


def name_tail(ms: Mentions, start: int, end: int) -> int:
    """'the Movement for Justice in Tibesti': spaCy's name stops at 'in'. A name built on a
    preposition ('for', 'of') goes on with 'in' or 'of' and a proper name when the parser hangs
    that on the name, not on the verb, unless it is a capital or a seat of power (where talks
    are held: 'a deal with the Front for Change in Doha')."""
    doc = ms.doc
    if not any(t.lower_ in ("for", "of") for t in doc[start:end]):
        return end
    while end + 1 < len(doc) and doc[end].lower_ in ("in", "of") and start <= doc[end].head.i < end:
        k = _proper_phrase_end(doc, end + 1, doc[end])
        if k is None or any((m := ms.by_token.get(i)) is not None and m.role in ("capital", "seat")
                            for i in range(end, k)):
            break
        end = k
    return end


def claim_name(ms: Mentions, start: int, core_end: int, end: int) -> bool:
    """Whether doc[start:end] can be a name's mention: no mention in its core (start to core_end);
    the mentions wholly inside the phrases after it (the places a name names) are dropped."""
    if any(i in ms.by_token for i in range(start, core_end)):
        return False
    inside = {id(m): m for i in range(core_end, end) if (m := ms.by_token.get(i)) is not None}
    if any(m.start < core_end or m.end > end for m in inside.values()):
        return False
    for m in inside.values():
        ms.mentions.remove(m)
        for i in range(m.start, m.end):
            ms.by_token.pop(i, None)
    return True


def _ner_kind(ms: Mentions, sp: Span, name: str, generic: frozenset[str], group_words: frozenset[str]) -> str | None:
    if sp.label_ == "PERSON":
        if re.match(r"(?i)^al[- ]", name) or any(t.lower_ in generic for t in sp):
            return "Place" if ms.is_locative(sp.root) else "Group"
        return "Person"
    if sp.label_ == "ORG":
        return "Group" if {t.lower_ for t in sp} & group_words else "Organization"
    if sp.label_ in ("GPE", "LOC", "FAC"):
        return "Place"
    return None


def acronyms(ms: Mentions) -> None:
    """'the Free Leopard Brigade (FLB)': later 'FLB' names the same entity."""
    doc = ms.doc
    found: dict[str, Ent] = {}
    for tok in doc[2:-1]:
        if not (tok.is_upper and tok.is_alpha and 2 <= len(tok) <= 6 and doc[tok.i - 1].text == "("
                and doc[tok.i + 1].text == ")"):
            continue
        m = ms.by_token.get(tok.i - 2)
        if m is None or m.ent.kind == "Place":
            continue
        words = [t.text for t in doc[m.start:m.end] if t.is_alpha and t.text[0].isupper()]
        initials = "".join(w[0] for w in words).upper()
        if tok.text[0] == initials[:1] and set(tok.text) <= set(initials + "".join(words).upper()):
            found[tok.text] = m.ent
    for tok in doc:
        ent = found.get(tok.text)
        if ent is not None:
            _name_again(ms, tok, ent)


def short_names(ms: Mentions) -> None:
    """'the Marsh Wardens ... the Wardens': the last word of a group's name of several words, if
    it is no generic word of group names ('Front', 'Forces'), names that group later on (when
    no other group's name ends in it)."""
    doc = ms.doc
    generic = ms.lex.word_set("group_name_heads") | ms.lex.word_set("group_name_words") | ms.organ_heads
    owners: dict[str, set[str]] = {}
    since: dict[str, int] = {}
    ents: dict[str, Ent] = {}
    for m in ms.mentions:
        last = doc[m.end - 1]
        if m.role != "name" or m.ent.kind not in ("Group", "Organization") or m.end - m.start < 2 \
                or not (last.is_title and last.is_alpha and len(last) >= 4) or last.lower_ in generic \
                or any(t.pos_ == "ADP" or t.text == "-" for t in doc[m.start:m.end]) \
                or ms.gaz.find(last.text) is not None or last.i in ms.adjective:
            continue        # not 'Mission in Libya', 'Islamic State Somalia', 'Tehrik-i-Taliban': a name of its own
        owners.setdefault(last.text, set()).add(m.ent.key)
        since[last.text] = min(since.get(last.text, m.end), m.end)
        ents[m.ent.key] = m.ent
    for tok in doc:
        keys = owners.get(tok.text)
        if keys and len(keys) == 1 and tok.i >= since[tok.text] and (
                tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and not tok.is_sent_start):
            _name_again(ms, tok, ents[next(iter(keys))])


def _name_again(ms: Mentions, tok: Token, ent: Ent) -> None:
    """A later one-word name of an entity: a mention, or the entity of spaCy's guess there."""
    old = ms.by_token.get(tok.i)
    if old is None:
        ms.add(Mention(tok.i, tok.i + 1, tok.i, ent, "name"))
    elif old.role == "ner" and old.ent is not ent:
        ms.entities.pop(old.ent.key, None)
        old.ent = ent
        ent.aliases.add(tok.text)


def datelines(ms: Mentions) -> None:
    """'TRIPOLI, Jan 2 (Reuters) - ...', 'Hama, December 3 - ...': the place of a dateline is
    where the story was filed, not an actor of it."""
    for sent in ms.doc.sents:
        dash = dateline_dash(sent)
        if dash is None:
            continue
        for m in ms.mentions:
            if sent.start <= m.start < dash.i:
                m.locative = True


def _longest_first(spans: list[Span]) -> list[Span]:
    spans = sorted(spans, key=lambda s: (-(s.end - s.start), s.start))
    taken: set[int] = set()
    out = []
    for s in spans:
        if any(i in taken for i in range(s.start, s.end)):
            continue
        taken.update(range(s.start, s.end))
        out.append(s)
    return sorted(out, key=lambda s: s.start)


def clean_name(text: str) -> str:
    t = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    t = re.sub(r"('s|')$", "", t)
    return " ".join(t.split()).strip(" .,;:\"'")
