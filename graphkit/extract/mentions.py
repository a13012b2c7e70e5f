"""Mentions: which spans of a parsed document name which entity.

Works over a spaCy Doc in layers, each a pure pass:

1. alias matches (countries and their capitals, seats, adjectives; groups;
   agreements; leaders; organisations; places) from the gazetteer;
2. state organs and forces owned by a state ("Turkish forces", "Russia's Defense
   Ministry", "the Russian side"), rolled up to the state, the organ kept as a node;
3. generic armed groups ("Takfiri militants", "terrorists in Idlib") -> one
   document-level group, named after the place the document is about;
4. agreements ("the March 5 ceasefire", "a Syria-wide ceasefire", "the deal"),
   clustered per document (dates, names, distinct modifiers, recency);
5. spaCy's NER as a fallback, so names in no list still become entities.

Pronouns and definite descriptions are resolved on demand by :class:`Mentions`.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import entity_key
from .gazetteer import Gazetteer, GazEntry

LOCATIVE_PREPS = {"in", "inside", "within", "near", "across", "around", "throughout", "outside", "from",
                  "into", "towards", "toward", "via", "along", "over", "beyond"}
MOTION_VERBS = {"travel", "go", "come", "return", "fly", "arrive", "head", "visit", "move", "send", "deploy",
                "fly", "flee", "withdraw", "retreat", "push", "advance", "enter", "bring"}
AGREE_VERBS = {"agree", "sign", "reach", "conclude", "broker", "seal", "ink", "strike", "negotiate", "announce"}
GOVERNMENT_MODS = {"government", "regime", "pro-government", "state", "loyalist"}
DEMONSTRATIVES = {"that", "this", "these", "those", "such"}
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
NUMBER_WORDS = {"two": 2, "both": 2, "three": 3, "trio": 3, "pair": 2}
ORGAN_CLASSES = {"Ministry of Defense": ("defen", "department of defense"),
                 "Ministry of Foreign Affairs": ("foreign", "department of state"),
                 "Armed Forces": ("armed forces",), "Army": ("army",)}
STATE_ORGANS = {"state_body", "state_military", "ministry", "military", "government", "intelligence"}
ZONE_WORDS = {"de-escalation", "deescalation", "demilitarized", "demilitarised", "buffer", "safe", "no-fly",
              "security", "exclusion", "ceasefire"}
PLACE_NOUNS = {"district", "districts", "province", "provinces", "village", "villages", "town", "towns", "city",
               "cities", "region", "regions", "governorate", "governorates", "area", "areas", "neighborhood",
               "neighbourhood", "camp", "countryside", "county", "oblast", "suburb", "suburbs", "valley", "river",
               "highway", "crossing", "airport", "port", "mountains", "mountain", "plain", "desert", "enclave"}


@dataclass
class Ent:
    name: str
    kind: str
    part_of: str | None = None      # key of the state it acts for
    aliases: set[str] = field(default_factory=set)
    plural: bool = False

    @property
    def key(self) -> str:
        return entity_key(self.kind, self.name)


@dataclass
class Mention:
    start: int            # token index (inclusive)
    end: int              # token index (exclusive)
    head: int             # token index of the syntactic head
    ent: Ent              # what it refers to in relations (states for their organs)
    role: str             # name, capital, demonym, organ, force, generic, agreement, ner, leader
    own: Ent | None = None  # the organ or person itself, kept as a node linked to ent
    locative: bool = False  # used as a place ("talks in Ankara"), not as an actor

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


class Mentions:
    """All mentions of one document and the look-ups relation rules need."""

    def __init__(self, doc: Doc, gaz: Gazetteer, lex: dict, matcher):
        self.doc, self.gaz, self.lex = doc, gaz, lex
        self.entities: dict[str, Ent] = {}
        self.by_token: dict[int, Mention] = {}
        self.adjective: dict[int, GazEntry] = {}   # token -> state it is an adjective of
        self.owner_mark: dict[int, Ent] = {}       # noun -> generic owner ("militant hideouts")
        self.mentions: list[Mention] = []
        self._organ_heads = _phrases(lex["organ_heads"]["military"])
        self._organ_nodes = _phrases(lex["organ_heads"]["organ"])
        self._generic = set(lex["generic_group_heads"])
        self._group_heads = set(lex["group_heads"])
        self._group_mods = set(lex["group_modifiers"])
        self._agreement_heads = _phrases(lex["agreement_heads"] + ["zone", "zones"])
        self._wrappers = set(lex["wrapper_nouns"]["words"])
        self.generic_group: Ent | None = None
        self._match(matcher)
        self._organs()
        self._generic_groups()
        self._places()
        self._agreements()
        self._ner_fallback()
        self._acronyms()
        self._definite_names()
        self._name_generic_group()

    # ---- building -------------------------------------------------------------
    def ent(self, name: str, kind: str, part_of: str | None = None, plural: bool = False) -> Ent:
        k = entity_key(kind, name)
        e = self.entities.get(k)
        if e is None:
            e = self.entities[k] = Ent(name, kind, part_of, plural=plural)
        return e

    def state_ent(self, entry: GazEntry) -> Ent:
        return self.ent(entry.name, "Actor")

    def add(self, m: Mention) -> Mention | None:
        if any(i in self.by_token for i in range(m.start, m.end)):
            return None
        for i in range(m.start, m.end):
            self.by_token[i] = m
        self.mentions.append(m)
        text = self.doc[m.start:m.end].text
        (m.own or m.ent).aliases.add(text)
        return m

    def _match(self, matcher) -> None:
        doc = self.doc
        spans = [doc[s:e] for _, s, e in matcher(doc)]
        spans = _longest_first(spans)
        for sp in spans:
            hit = self.gaz.find(sp.text)
            if hit is None:
                continue
            entry, role = hit.entry, hit.role
            known = {entry.name, *entry.aliases}   # users can look the entity up by any known alias
            if role == "adjective":
                # "Turkish" alone is a modifier; organ and hyphen rules use it.
                if len(sp) == 1 or all(t.pos_ in ("ADJ", "PROPN", "PUNCT", "NOUN") for t in sp):
                    for t in sp:
                        self.adjective[t.i] = entry
                    # An adjective as the head of its own phrase ("the Russians" aside) is not an actor.
                continue
            if entry.kind == "Actor":
                e = self.state_ent(entry)
                e.aliases |= known
                m = Mention(sp.start, sp.end, sp.root.i, e, role)
                m.locative = role in ("capital", "name", "seat") and _is_locative(sp.root)
                if m.locative and role == "capital":
                    m.ent = self.ent(sp.text, "Place")
                self.add(m)
            elif entry.kind == "Person":
                own = self.ent(entry.name, "Person")
                state = self.gaz.state(entry.state)
                if state is not None:
                    own.part_of = entity_key("Actor", state.name)
                    m = Mention(sp.start, sp.end, sp.root.i, self.state_ent(state), "leader", own=own)
                else:
                    m = Mention(sp.start, sp.end, sp.root.i, own, "name")
                self.add(self._widen_title(m))
            elif entry.kind == "Organization":
                state = self.gaz.state(entry.state)
                if state is not None and entry.info.get("type") in STATE_ORGANS:
                    # a ministry or army acts for its state: rolled up, kept as its own node
                    own = self.ent(entry.name, "Actor", part_of=entity_key("Actor", state.name))
                    self.add(Mention(sp.start, sp.end, sp.root.i, self.state_ent(state), "organ", own=own))
                    continue
                own = self.ent(entry.name, "Organization")
                if state is not None:
                    own.part_of = entity_key("Actor", state.name)
                self.add(Mention(sp.start, sp.end, sp.root.i, own, "name"))
            else:
                e = self.ent(entry.name, entry.kind)
                e.aliases |= known
                self.add(Mention(sp.start, sp.end, sp.root.i, e, "name"))

    def _widen_title(self, m: Mention) -> Mention:
        """'Turkish Defense Minister Hulusi Akar': the title words belong to the mention."""
        doc = self.doc
        s = m.start
        while s > 0 and doc[s - 1].dep_ == "compound" and doc[s - 1].head.i >= m.start and doc[s - 1].i not in self.by_token:
            s -= 1
        while s > 0 and doc[s - 1].i in self.adjective and doc[s - 1].head.i >= s:
            s -= 1
        m.start = s
        return m

    def _owner_state(self, tok: Token) -> tuple[Ent | None, int]:
        """The state that owns a noun: adjective, compound, possessive or 'of X'."""
        best, first = None, tok.i
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") and c.i < tok.i:
                for t in [c] + list(c.children):
                    if t.i in self.adjective and not _hyphen_after(t):
                        best, first = self.state_ent(self.adjective[t.i]), min(first, t.i, c.left_edge.i)
                    m = self.by_token.get(t.i)
                    if m and m.ent.kind == "Actor" and not m.locative and not _hyphen_after(t):
                        best, first = m.ent, min(first, c.left_edge.i)
                if best:
                    break
        if best is None:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        m = self.by_token.get(p.i)
                        if m and m.ent.kind == "Actor":
                            return m.ent, first
                        if p.i in self.adjective:
                            return self.state_ent(self.adjective[p.i]), first
        return best, first

    def _organs(self) -> None:
        doc = self.doc
        for tok in doc:
            if tok.i in self.by_token or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            phrase = _compound_phrase(tok)
            head_word = _match_phrase(phrase, self._organ_heads)
            if head_word is None:
                continue
            owner, first = self._owner_state(tok)
            if owner is None and any(c.lower_ in GOVERNMENT_MODS and c.dep_ in ("compound", "amod") for c in tok.lefts):
                owner = self.government_state()
                first = min([c.i for c in tok.lefts if c.dep_ in ("compound", "amod")] + [tok.i])
            if owner is None:
                prev = self._definite_organ(tok)
                if prev is not None:
                    self.add(Mention(tok.i, tok.i + 1, tok.i, prev.ent, prev.role, own=prev.own))
                continue
            organ_word = _match_phrase(phrase, self._organ_nodes)
            own = None
            if organ_word:
                title = _organ_title(organ_word)
                known = self._known_organ(owner, title)
                own = self.ent(known or f"{title} ({owner.name})", "Actor", part_of=owner.key)
            start = min(first, tok.left_edge.i if tok.left_edge.dep_ in ("amod", "compound") else first)
            while start < tok.i and doc[start].dep_ in ("det", "punct"):
                start += 1
            end = tok.i + 1
            # "the Ministry of Defense" / "Ministry of Foreign Affairs' Information Department"
            m = Mention(start, end, tok.i, owner, "organ" if own else "force", own=own)
            if self.add(m) is None:
                # overlaps an adjective-free name mention: try only the head
                self.add(Mention(tok.i, tok.i + 1, tok.i, owner, "organ" if own else "force", own=own))

    def government_state(self) -> Ent | None:
        """The state whose 'government forces' a document speaks of: the one it most often
        names together with government words ('the Syrian government', 'the Syrian army')."""
        if hasattr(self, "_gov"):
            return self._gov
        words = set(self.lex["government_words"])
        counts = Counter()
        for tok in self.doc:
            if tok.lower_ in words:
                for c in tok.lefts:
                    if c.i in self.adjective:
                        counts[self.adjective[c.i].name] += 1
                    m = self.by_token.get(c.i)
                    if m is not None and m.ent.kind == "Actor" and m.role in ("name", "capital"):
                        counts[m.ent.name] += 1
        self._gov = None
        if counts:
            entry = self.gaz.state(counts.most_common(1)[0][0])
            self._gov = self.state_ent(entry) if entry else None
        return self._gov

    def _known_organ(self, state: Ent, title: str) -> str | None:
        """The alias data's own name for a state organ ('Russian Ministry of Defence'), so one
        organ is one node however it is phrased."""
        keys = ORGAN_CLASSES.get(title)
        if not keys:
            return None
        for e in self.gaz.entries:
            if e.kind == "Organization" and e.state == state.name and e.info.get("type") in STATE_ORGANS:
                n = e.name.lower()
                if any(k in n for k in keys):
                    return e.name
        return None

    def _definite_organ(self, tok: Token) -> Mention | None:
        """'the ministry', 'the military department' -> the last organ named with that head word."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            return None
        if any(c.dep_ in ("amod", "compound") for c in tok.children):
            return None
        lemma = tok.lemma_.lower()
        for m in reversed(self.mentions):
            if m.start >= tok.i or m.role not in ("organ", "force"):
                continue
            if self.doc[m.head].lemma_.lower() == lemma:
                return m
        return None

    def _is_generic_group(self, tok: Token) -> bool:
        low = tok.lower_
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return False
        if low in self._generic and tok.pos_ in ("NOUN", "PROPN"):
            return not (tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"))
        if tok.lemma_.lower() in self._group_heads or low in self._group_heads:
            return any(c.dep_ in ("amod", "compound") and (c.lower_ in self._group_mods or c.lower_ in self._generic)
                       for c in tok.children)
        return False

    def _generic_groups(self) -> None:
        doc = self.doc
        for tok in doc:
            if tok.i in self.by_token:
                continue
            if self._is_generic_group(tok):
                if self.generic_group is None:
                    self.generic_group = Ent("militants", "Group", plural=True)
                start = tok.i
                while start > 0 and doc[start - 1].head.i == tok.i and doc[start - 1].dep_ in (
                        "amod", "compound", "nmod") and doc[start - 1].i not in self.by_token and not (
                        doc[start - 1].i in self.adjective or _hyphen_after(doc[start - 1]) or doc[start - 1].tag_ == "VBN"):
                    start -= 1
                while start < tok.i and doc[start].dep_ in ("det", "punct", "predet"):
                    start += 1
                named = self._named_groups_of(tok)
                if named:
                    # "rebels of the National Front for Liberation": the named group(s)
                    self.add(Mention(tok.i, tok.i + 1, tok.i, named[0].ent, "named-of"))
                    continue
                owner = next((self.by_token[c.i] for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")
                              and c.i in self.by_token and self.by_token[c.i].ent.kind == "Group"), None)
                if owner is None and tok.dep_ == "appos" and tok.head.i in self.by_token and \
                        self.by_token[tok.head.i].ent.kind == "Group":
                    owner = self.by_token[tok.head.i]   # "the STC, a separatist group supported by ..."
                if owner is not None:
                    # "Houthi fighters", "Hamas militants": the named group itself
                    self.add(Mention(tok.i, tok.i + 1, tok.i, owner.ent, owner.role, own=owner.own))
                    continue
                self.add(Mention(start, tok.i + 1, tok.i, self.generic_group, "generic"))
            elif tok.lower_ in self._generic and tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN" and not (
                    tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in self.lex["anti_prefixes"]):
                if self.generic_group is None:
                    self.generic_group = Ent("militants", "Group", plural=True)
                self.owner_mark[tok.head.i] = self.generic_group

    def _named_groups_of(self, tok: Token) -> list[Mention]:
        """'terrorist groups of HTS and Hurras al-Din' -> the named groups."""
        out = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "including", "such"):
                for p in c.children:
                    for q in [p] + list(p.conjuncts):
                        m = self.by_token.get(q.i)
                        if m and m.ent.kind == "Group" and m.role in ("name", "ner"):
                            out.append(m)
        return out

    def _places(self) -> None:
        """'the Tal Tamr district', 'the village of Tawila', 'Um al-Khair and Tawila villages'."""
        doc = self.doc
        for tok in doc:
            if tok.lower_ not in PLACE_NOUNS or tok.i in self.by_token:
                continue
            names: list[tuple[int, int]] = []
            comp = [c for c in tok.lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
            if comp:
                first = comp[0]
                s0 = first.left_edge.i
                # coordination inside the compound: "Um al-Khair and Tawila villages"
                cc = [t for t in doc[s0:tok.i] if t.dep_ == "cc"]
                if cc:
                    names += [(s0, cc[0].i), (cc[0].i + 1, tok.i)]
                else:
                    names.append((s0, tok.i))
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj" and p.pos_ == "PROPN":
                            names.append((p.left_edge.i, p.i + 1))
            for a, b in names:
                while a < b and doc[a].dep_ in ("det", "punct"):
                    a += 1
                if a >= b or any(doc[i].pos_ not in ("PROPN", "PUNCT", "NOUN", "ADJ") for i in range(a, b)):
                    continue
                span = doc[a:b]
                if any(i in self.by_token for i in range(a, b)):
                    continue
                hit = self.gaz.find(span.text)
                name = hit.entry.name if hit and hit.entry.kind == "Place" else _clean_name(span.text)
                if not name or not name[0].isupper():
                    continue
                self.add(Mention(a, b, span.root.i, self.ent(name, "Place"), "name"))

    # ---- agreements ---------------------------------------------------------------
    def _agreements(self) -> None:
        doc = self.doc
        found: list[tuple[Token, str, Mention | None]] = []
        for tok in doc:
            m = self.by_token.get(tok.i)
            if m is not None:
                if m.ent.kind == "Agreement" and tok.i == m.head:
                    found.append((tok, "named", m))
                continue
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            phrase = _compound_phrase(tok)
            word = _match_phrase(phrase, self._agreement_heads)
            if word is None:
                continue
            if word in ("process", "initiative", "plan", "framework", "understanding", "arrangement") and not any(
                    c.lower_ in ("peace", "ceasefire", "de-escalation") for c in tok.children):
                continue
            if word in ("zone", "zones"):
                left = "".join(t.text for t in doc[tok.left_edge.i:tok.i]).lower()
                if not any(z in left for z in ZONE_WORDS):
                    continue
            found.append((tok, word, None))
        clusters: list[dict] = []   # {name, kind_word, date, members}
        doc_place = self.main_place()

        def kind_of(tok: Token, word: str) -> str:
            words = {word} | {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
            if words & {"ceasefire", "cease-fire", "truce", "armistice", "cessation"}:
                return "ceasefire"
            if "zone" in word or any("zone" in w for w in words):
                return "zone"
            return "deal"

        def find_cluster(pred):
            for c in reversed(clusters):
                if pred(c):
                    return c
            return None

        for tok, word, named in found:
            kind = kind_of(tok, tok.lower_ if named is not None else word)
            date = self._agreement_date(tok)
            known_as = self._known_as(tok)
            distinct = [c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "advmod", "npadvmod")
                        and c.lower_ in self.lex["agreement_distinct_modifiers"]]
            wide = _wide_modifier(tok)
            if named is not None:
                ent = named.ent
                c = find_cluster(lambda c: c["ent"] is ent) or _new(clusters, ent, kind, date)
                c["named"] = True
                continue
            if known_as is not None:
                ent = known_as.ent
                c = find_cluster(lambda c: c["ent"] is ent) or _new(clusters, ent, kind, date)
            elif any(d.lower_ in DEMONSTRATIVES for d in tok.children if d.dep_ == "det") and clusters:
                c = clusters[-1]
            elif date:
                c = find_cluster(lambda c: c["date"] == date)
                if c is None:
                    known = self._known_agreement(date)
                    # a zone "agreed in September" is known by its agreement
                    head = "agreement" if kind == "zone" else _head_word(word)
                    ent = self.ent(known, "Agreement") if known else self.ent(f"{date} {head}", "Agreement")
                    c = find_cluster(lambda c: c["ent"] is ent) or _new(clusters, ent, kind, date)
            elif wide or distinct:
                label = f"{wide or distinct[0]} {_head_word(word)}"
                c = find_cluster(lambda c: c.get("label") == label)
                if c is None:
                    c = _new(clusters, self.ent(label[0].upper() + label[1:], "Agreement"), kind, None)
                    c["label"] = label
            else:
                c = (find_cluster(lambda c: kind in c["kinds"] and not c.get("label") and not c.get("named"))
                     or (next((c for c in clusters if not c.get("label") and not c.get("named")
                               and c["kinds"] & {"ceasefire", "deal"}), None) if kind != "ceasefire" else None)
                     or find_cluster(lambda c: kind in c["kinds"] and c.get("named")))
                if c is None:
                    place = self._place_in(tok) or doc_place
                    name = f"{place} {_head_word(word)}" if place else _head_word(word).capitalize()
                    c = _new(clusters, self.ent(name, "Agreement"), kind, None)
            c["kinds"].add(kind)
            start = tok.i
            for ch in tok.children:
                if ch.i < tok.i and ch.dep_ in ("amod", "compound", "nmod", "nummod", "npadvmod"):
                    start = min(start, ch.left_edge.i)
            while start < tok.i and doc[start].dep_ in ("det", "punct"):
                start += 1
            self.add(Mention(start, tok.i + 1, tok.i, c["ent"], "agreement")) or self.add(
                Mention(tok.i, tok.i + 1, tok.i, c["ent"], "agreement"))
        # "a ceasefire agreed in Moscow ... the March 5 ceasefire": an undated generic agreement is the
        # document's one dated agreement of the same kind
        dated = [c for c in clusters if c["date"]]
        for g in clusters:
            if g["date"] or g.get("label") or g.get("named"):
                continue
            same = [c for c in dated if c["primary"] == g["primary"]]
            if len(same) == 1 and same[0]["ent"] is not g["ent"]:
                for m in self.mentions:
                    if m.ent is g["ent"]:
                        m.ent = same[0]["ent"]
                        same[0]["ent"].aliases.add(self.doc[m.start:m.end].text)
                self.entities.pop(g["ent"].key, None)

    def _known_agreement(self, date: str) -> str | None:
        """'the March 5 ceasefire' in a document about Idlib -> the alias data's agreement of that
        day (month and day, or month alone) whose places the document names."""
        parts = date.split()
        month = MONTHS.index(parts[0].lower()) + 1
        day = int(parts[1]) if len(parts) > 1 and len(parts[1]) <= 2 else None
        places = {m.ent.name.lower() for m in self.mentions if m.ent.kind == "Place"} | {
            e.text.lower() for e in self.doc.ents if e.label_ in ("GPE", "LOC")}
        found = []
        for e in self.gaz.entries:
            d = e.info.get("date") or ""
            if e.kind != "Agreement" or len(d) < 7:
                continue
            if int(d[5:7]) != month or (day and len(d) >= 10 and int(d[8:10]) != day):
                continue
            if {p.lower() for p in e.info.get("places", [])} & places:
                found.append(e.name)
        return found[0] if len(found) == 1 else None

    def _agreement_date(self, tok: Token) -> str | None:
        """'the March 5 ceasefire', 'a deal concluded on March 5', 'signed an agreement last September'."""
        cands = [c for c in tok.subtree if c.ent_type_ == "DATE" and c.i != tok.i]
        head = tok.head
        if tok.dep_ in ("dobj", "pobj", "nsubjpass") and head.pos_ in ("VERB", "ADP"):
            verb = head if head.pos_ == "VERB" else head.head
            for c in verb.children:
                if c.dep_ in ("npadvmod", "prep", "advmod") and c.i != tok.i:
                    cands += [t for t in c.subtree if t.ent_type_ == "DATE"]
        for c in tok.children:
            if c.dep_ == "acl":
                for t in c.subtree:
                    if t.ent_type_ == "DATE":
                        cands.append(t)
        # "the zone ... agreed in September last year": the participle is often attached elsewhere
        nxt = tok.right_edge.i + 1
        if nxt < len(self.doc) and self.doc[nxt].pos_ == "VERB" and self.doc[nxt].lemma_ in AGREE_VERBS:
            cands += [t for t in self.doc[nxt:nxt + 6] if t.ent_type_ == "DATE"]
        text = " ".join(t.text for t in sorted(set(cands), key=lambda t: t.i)).lower()
        m = re.search(r"\b(" + "|".join(MONTHS) + r")\s+(\d{1,2})\b", text)
        if m:
            return f"{m.group(1).capitalize()} {int(m.group(2))}"
        m = re.search(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\b", text)
        if m:
            return f"{m.group(2).capitalize()} {int(m.group(1))}"
        m = re.search(r"\b(" + "|".join(MONTHS) + r")\b(?:\s+(\d{4}))?", text)
        if m:
            return m.group(1).capitalize() + (f" {m.group(2)}" if m.group(2) else "")
        return None

    def _known_as(self, tok: Token) -> Mention | None:
        for c in tok.children:
            if c.dep_ in ("acl", "appos") and c.lemma_ in ("know", "call", "dub", "name"):
                for p in c.subtree:
                    m = self.by_token.get(p.i)
                    if m and m.ent.kind == "Agreement":
                        return m
            if c.dep_ == "appos":
                m = self.by_token.get(c.i)
                if m and m.ent.kind == "Agreement":
                    return m
        return None

    def _place_in(self, tok: Token) -> str | None:
        for t in tok.subtree:
            m = self.by_token.get(t.i)
            if m and m.ent.kind == "Place":
                return m.ent.name
        return None

    def main_place(self) -> str | None:
        counts = Counter()
        for m in self.mentions:
            if m.ent.kind == "Place" and m.role in ("name", "ner") and not _route(m.ent.name, self.doc[m.head]):
                counts[m.ent.name] += 1
        for ent in self.doc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC") and ent.start not in self.by_token:
                hit = self.gaz.find(ent.text)
                if hit is None:
                    counts[_clean_name(ent.text)] += 1
        if not counts:
            counts.update(m.ent.name for m in self.mentions if m.locative and m.ent.kind == "Actor")
        return counts.most_common(1)[0][0] if counts else None

    # ---- NER fallback ---------------------------------------------------------------
    def _ner_fallback(self) -> None:
        for sp in self.doc.ents:
            if any(i in self.by_token for i in range(sp.start, sp.end)):
                continue
            name = _clean_name(sp.text)
            if not name or len(name) < 2 or not any(ch.isupper() for ch in name):
                continue
            if sp.label_ == "PERSON" and len(sp) == 1:
                hit = self.gaz.near_person(sp.text)
                if hit is not None:   # "Erodgan": a typo of a known leader's name
                    own = self.ent(hit.entry.name, "Person")
                    state = self.gaz.state(hit.entry.state)
                    if state is not None:
                        own.part_of = entity_key("Actor", state.name)
                        self.add(Mention(sp.start, sp.end, sp.root.i, self.state_ent(state), "leader", own=own))
                    else:
                        self.add(Mention(sp.start, sp.end, sp.root.i, own, "name"))
                    continue
            if sp.label_ == "PERSON":
                kind = "Person"
                if re.match(r"(?i)^al[- ]", name) or any(t.lower_ in self._generic for t in sp):
                    kind = "Place" if _is_locative(sp.root) else "Group"
            elif sp.label_ == "ORG":
                words = {t.lower_ for t in sp}
                kind = "Group" if words & {"front", "brigade", "brigades", "army", "movement", "militia", "battalion",
                                             "legion", "corps", "jihad", "mujahideen", "liberation", "resistance",
                                             "takfiri", "forces", "guard", "guards", "fighters", "committee"} else "Organization"
            elif sp.label_ in ("GPE", "LOC", "FAC"):
                kind = "Place"
            else:
                continue
            self.add(Mention(sp.start, sp.end, sp.root.i, self.ent(name, kind), "ner"))

    def _acronyms(self) -> None:
        """'the Free Leopard Brigade (FLB)': later 'FLB' names the same entity."""
        doc = self.doc
        found: dict[str, Ent] = {}
        for tok in doc[2:-1]:
            if not (tok.is_upper and tok.is_alpha and 2 <= len(tok) <= 6 and doc[tok.i - 1].text == "("
                    and doc[tok.i + 1].text == ")"):
                continue
            m = self.by_token.get(tok.i - 2)
            if m is None or m.ent.kind in ("Place",):
                continue
            words = [t.text for t in doc[m.start:m.end] if t.is_alpha and t.text[0].isupper()]
            initials = "".join(w[0] for w in words).upper()
            if tok.text[0] == initials[:1] and set(tok.text) <= set(initials + "".join(words).upper()):
                found[tok.text] = m.ent
        if not found:
            return
        for tok in doc:
            ent = found.get(tok.text)
            if ent is None:
                continue
            old = self.by_token.get(tok.i)
            if old is None:
                self.add(Mention(tok.i, tok.i + 1, tok.i, ent, "name"))
            elif old.role == "ner" and old.ent is not ent:
                self.entities.pop(old.ent.key, None)
                old.ent = ent
                ent.aliases.add(tok.text)

    def _definite_names(self) -> None:
        """'the coalition', 'the group', 'coalition warplanes' -> the last named group or
        organisation whose name has that head word ('the Saudi-led coalition')."""
        heads = set(self.lex["collective_heads"]["words"])
        doc = self.doc
        for tok in doc:
            if tok.i in self.by_token or tok.lower_ not in heads or tok.pos_ != "NOUN":
                continue
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
            modified = any(c.dep_ in ("amod", "compound", "poss") for c in tok.children)
            if modified or not (definite or (tok.dep_ == "compound" and tok.lower_ != "group")):
                continue
            for m in reversed(self.mentions):
                if m.start >= tok.i or m.ent.kind not in ("Group", "Organization") or m.role not in ("name", "ner"):
                    continue
                words = {t.lemma_.lower() for t in doc[m.start:m.end]} | {w.lower() for w in m.ent.name.split()}
                if tok.lemma_.lower() in words or (tok.lower_ == "group" and m.ent.kind == "Group"):
                    self.add(Mention(tok.i, tok.i + 1, tok.i, m.ent, "name", own=m.own))
                    break

    def _name_generic_group(self) -> None:
        if self.generic_group is None:
            return
        place = self.main_place()
        g = self.generic_group
        if place:
            new = self.ent(f"militants in {place}", "Group", plural=True)
            new.aliases |= g.aliases
            for m in self.mentions:
                if m.ent is g:
                    m.ent = new
            for k, v in list(self.owner_mark.items()):
                if v is g:
                    self.owner_mark[k] = new
            self.entities.pop(g.key, None)
            self.generic_group = new
        else:
            self.entities[g.key] = g

    # ---- look-ups for relation rules ------------------------------------------------
    def at(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)

    def all_entities(self) -> list[Ent]:
        seen = {}
        for m in self.mentions:
            for e in (m.ent, m.own):
                if e is not None:
                    seen[e.key] = e
        return list(seen.values())


def _route(name: str, head: Token) -> bool:
    """Roads and rivers are places but not what a document is about."""
    return bool(re.match(r"^[A-Z]-?\d+$", name)) or head.head.lower_ in ("highway", "road", "river", "motorway")


def _new(clusters: list, ent: Ent, kind: str, date: str | None) -> dict:
    c = {"ent": ent, "kinds": {kind}, "date": date, "primary": kind}
    clusters.append(c)
    return c


def _head_word(word: str) -> str:
    w = word.split()[-1]
    return {"agreements": "agreement", "accords": "accord", "cease-fire": "ceasefire"}.get(w, w)


def _wide_modifier(tok: Token) -> str | None:
    """'a Syria-wide ceasefire' -> 'Syria-wide'; 'nationwide truce' -> 'nationwide'."""
    for c in tok.children:
        if c.dep_ == "amod" and c.lower_ in ("wide",):
            parts = [t.text for t in c.subtree]
            return "".join(parts)
        if c.dep_ == "amod" and c.lower_.endswith("wide") and len(c.lower_) > 4:
            return c.text
    return None


def _phrases(words: list[str]) -> dict[str, str]:
    return {w.lower(): w for w in words}


def _compound_phrase(tok: Token) -> list[str]:
    """Lower-case words of a noun with its compounds: ['defense', 'ministry']."""
    words = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod")] + [tok.lower_]
    return words


def _match_phrase(words: list[str], table: dict[str, str]) -> str | None:
    for n in range(min(3, len(words)), 0, -1):
        p = " ".join(words[-n:])
        if p in table:
            return p
    lem = words[-1].rstrip("s") if words[-1].endswith("s") and len(words[-1]) > 3 else None
    if lem and lem in table:
        return lem
    return None


def _organ_title(word: str) -> str:
    w = word.lower()
    if "defen" in w:
        return "Ministry of Defense"
    if "foreign" in w or w == "state department":
        return "Ministry of Foreign Affairs"
    if "interior" in w:
        return "Ministry of Interior"
    if w == "ministry":
        return "Ministry"
    return " ".join(x.capitalize() for x in w.split())


def _is_locative(tok: Token) -> bool:
    h = tok
    while h.dep_ == "conj":
        h = h.head
    if h.dep_ == "pobj" and h.head.lower_ in LOCATIVE_PREPS:
        return True
    if h.dep_ == "pobj" and h.head.lower_ == "to" and h.head.head.lemma_ in MOTION_VERBS:
        return True
    if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.lower_ in (
            "province", "city", "town", "village", "region", "capital", "outskirts", "countryside", "area", "streets",
            "suburbs", "district", "part", "north", "south", "east", "west", "centre", "center", "border"):
        return True
    if h.dep_ == "poss" and h.head.lower_ in ("province", "city", "capital", "region", "north", "south", "east",
                                               "west", "northwest", "northeast", "southwest", "southeast", "border",
                                               "soil", "territory"):
        return True
    return False


def _hyphen_after(t: Token) -> bool:
    """'Turkish-backed': the adjective belongs to the participle, not the noun."""
    doc = t.doc
    return t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 1].whitespace_ == ""


def _longest_first(spans: list[Span]) -> list[Span]:
    spans = sorted(spans, key=lambda s: (-(s.end - s.start), s.start))
    taken, out = set(), []
    for s in spans:
        if any(i in taken for i in range(s.start, s.end)):
            continue
        taken.update(range(s.start, s.end))
        out.append(s)
    return sorted(out, key=lambda s: s.start)


def _clean_name(text: str) -> str:
    t = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    t = re.sub(r"('s|')$", "", t)
    return " ".join(t.split()).strip(" .,;:\"'")
