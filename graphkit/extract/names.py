"""Names: alias matches from the gazetteer, spaCy's NER for names in no list, acronyms.

An alias entry becomes a mention of its entity, with these turns:

* a state adjective alone ("Turkish") is not a mention but marks its token, for
  organs ("Turkish forces") and hyphen compounds ("Turkish-backed");
* a capital or a country name used as a place ("talks in Ankara") is locative;
* a leader, official or spokesperson acts for the state, authority, organisation or
  group their entry names (``acts_for``): the relation is the state's, the person is
  kept as a node of its own;
* a state organ of the alias data (a ministry, an army) is rolled up to its state.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..model import entity_key
from .gazetteer import GazEntry
from .mentions import Ent, Mention, Mentions
from .organs import STATE_ORGANS


def match_aliases(ms: Mentions, matcher) -> None:
    doc = ms.doc
    for sp in _longest_first([doc[s:e] for _, s, e in matcher(doc)]):
        hit = ms.gaz.find(sp.text)
        if hit is None:
            continue
        entry, role = hit.entry, hit.role
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
    for sp in ms.doc.ents:
        if any(i in ms.by_token for i in range(sp.start, sp.end)):
            continue
        name = clean_name(sp.text)
        if not name or len(name) < 2 or not any(ch.isupper() for ch in name):
            continue
        if sp.label_ == "PERSON" and len(sp) == 1:
            hit = ms.gaz.near_person(sp.text)
            if hit is not None:   # "Erodgan": a typo of a known leader's name
                ms.add(acting_mention(ms, sp, hit.entry))
                continue
        kind = _ner_kind(ms, sp, name, generic, group_words)
        if kind is not None:
            ms.add(Mention(sp.start, sp.end, sp.root.i, ms.ent(name, kind), "ner"))


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
        if ent is None:
            continue
        old = ms.by_token.get(tok.i)
        if old is None:
            ms.add(Mention(tok.i, tok.i + 1, tok.i, ent, "name"))
        elif old.role == "ner" and old.ent is not ent:
            ms.entities.pop(old.ent.key, None)
            old.ent = ent
            ent.aliases.add(tok.text)


DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def datelines(ms: Mentions) -> None:
    """'TRIPOLI, Jan 2 (Reuters) - ...', 'Hama, December 3 - ...': the place of a dateline is
    where the story was filed, not an actor of it."""
    doc = ms.doc
    for sent in doc.sents:
        head = sent[:14]
        dash = next((t for t in head if t.text in DASHES and t.i > sent.start and doc[t.i - 1].whitespace_
                     and t.whitespace_), None)
        if dash is None or not doc[sent.start].text[:1].isupper():
            continue
        before = doc[sent.start:dash.i]
        if not all(t.pos_ in ("PROPN", "NUM", "PUNCT") or t.ent_type_ in ("DATE", "TIME", "GPE") or t.is_title
                   for t in before):
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
