"""Mentions: which spans of a parsed document name which entity.

:class:`Mentions` holds one document's mentions and entities; :func:`find_mentions`
fills it with passes over the spaCy Doc, each in its own module, in this order:

1. :mod:`.names`: alias matches from the gazetteer (countries with their capitals,
   seats and adjectives; authorities; groups; agreements; leaders acting for their
   state, authority or group; organisations; places);
2. :mod:`.epithets`: descriptions the alias data uses for one entity ("the separatist
   regime", "the Kurdish-led force", "Turkish-backed opposition forces");
3. :mod:`.organs`: state organs and forces ("Turkish forces", "Russia's Defense
   Ministry", "government troops"), rolled up to the state or authority, the organ
   kept as a node;
4. :mod:`.groups`: generic armed groups ("Takfiri militants") -> one document-level
   group, or the named group they are "of" or owned by ("its fighters");
5. :mod:`.places`: place nouns ("the village of X");
6. :mod:`.agreements`: agreement mentions clustered per document;
7. :mod:`.names` again: spaCy's NER as a fallback, acronyms defined in the text, the
   places of datelines ("TRIPOLI, Jan 2 (Reuters) -") as places, not actors;
8. :mod:`.groups`: definite descriptions of named groups ("the group", "the militia").

Pronouns and other references are resolved later, per token, by
:mod:`graphkit.extract.references`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import entity_key
from .gazetteer import Gazetteer, GazEntry
from .lexicon import Lexicon


@dataclass
class Ent:
    name: str
    kind: str
    part_of: str | None = None      # key of the state (or authority) it acts for
    aliases: set[str] = field(default_factory=set)
    plural: bool = False

    @property
    def key(self) -> str:
        # names and kinds are set once; the key is asked for very often (slugging is not cheap)
        k = self.__dict__.get("_key")
        if k is None or k[0] != (self.kind, self.name):
            k = self.__dict__["_key"] = ((self.kind, self.name), entity_key(self.kind, self.name))
        return k[1]


@dataclass
class Mention:
    start: int            # token index (inclusive)
    end: int              # token index (exclusive)
    head: int             # token index of the syntactic head
    ent: Ent              # what it refers to in relations (states for their organs)
    role: str             # name, capital, demonym, organ, force, generic, agreement, ner, leader, description
    own: Ent | None = None  # the organ or person itself, kept as a node linked to ent
    locative: bool = False  # used as a place ("talks in Ankara"), not as an actor

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


class Mentions:
    """All mentions of one document and the look-ups references and arguments need."""

    def __init__(self, doc: Doc, gaz: Gazetteer, lex: Lexicon):
        self.doc, self.gaz, self.lex = doc, gaz, lex
        self.entities: dict[str, Ent] = {}
        self.by_token: dict[int, Mention] = {}
        self.adjective: dict[int, GazEntry] = {}   # token -> state it is an adjective of
        self.owner_mark: dict[int, Ent] = {}       # noun -> generic owner ("militant hideouts")
        self.owner_poss: set[int] = set()          # group nouns owned by a pronoun ("its fighters")
        self.ship_tokens: set[int] = set()         # ships' names ("MV Galaxy Leader"): no other name inside
        self.mentions: list[Mention] = []
        self.generic_group: Ent | None = None
        self.organ_heads = lex.word_set("organ_heads")
        self._locative_preps = lex.word_set("locative_prepositions")
        self._motion_verbs = lex.word_set("motion_verbs")
        self._personnel = lex.word_set("personnel_nouns")
        self._place_of = lex.word_set("place_of_nouns")
        self._place_poss = lex.word_set("place_possessed_nouns")

    def ent(self, name: str, kind: str, part_of: str | None = None, plural: bool = False) -> Ent:
        k = entity_key(kind, name)
        e = self.entities.get(k)
        if e is None:
            e = self.entities[k] = Ent(name, kind, part_of, plural=plural)
        return e

    def entry_ent(self, entry: GazEntry) -> Ent:
        """The entity an alias entry names (a country, an authority, a group ...)."""
        e = self.ent(entry.name, entry.kind)
        e.aliases |= {entry.name, *entry.aliases}
        return e

    def state_ent(self, entry: GazEntry) -> Ent:
        return self.ent(entry.name, "Actor")

    def add(self, m: Mention) -> Mention | None:
        if any(i in self.by_token for i in range(m.start, m.end)):
            return None
        for i in range(m.start, m.end):
            self.by_token[i] = m
        self.mentions.append(m)
        (m.own or m.ent).aliases.add(self.doc[m.start:m.end].text)
        return m

    def at(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)

    def named_groups_of(self, tok: Token) -> list[Mention]:
        """'terrorist groups of HTS and Hurras al-Din', 'fighters from the RSF' -> the named groups."""
        out = []
        for c in tok.children:
            if c.dep_ == "acl" and c.lemma_ in self.lex.word_set("naming_verbs"):
                out += self._named_as(c)     # 'clan militias known as the Red Hawks'
            if c.dep_ == "prep" and c.lower_ in ("of", "including", "such", "from"):
                for p in c.children:
                    for q in [p] + list(p.conjuncts):
                        # "including the Sudan Liberation Army faction": the name is a compound
                        m = self.by_token.get(q.i) or next(
                            (self.by_token[x.i] for x in q.lefts
                             if x.dep_ in ("compound", "nmod") and x.i in self.by_token), None)
                        if m and m.ent.kind == "Group" and m.role in ("name", "ner"):
                            out.append(m)
        return out

    def _named_as(self, verb: Token) -> list[Mention]:
        """The named group a naming participle gives: 'known as X', 'called X'."""
        names = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children]
        names += [c for c in verb.children if c.dep_ in ("oprd", "attr", "dobj")]
        out = []
        for q in names:
            m = self.by_token.get(q.i)
            if m and m.ent.kind == "Group" and m.role in ("name", "ner"):
                out.append(m)
        return out

    def is_locative(self, tok: Token) -> bool:
        """A name used as a place ('talks in Ankara', 'the outskirts of Kyiv'), not as an actor."""
        h = tok
        while h.dep_ == "conj":
            h = h.head
        if h.dep_ == "pobj" and h.head.lower_ in self._locative_preps:
            return not (h.head.lower_ == "from" and (self._stance_noun(h.head.head) or self._sent_people(h.head.head)))

        if h.dep_ == "pobj" and h.head.lower_ == "to" and h.head.head.lemma_ in self._motion_verbs:
            return not self._materiel_sent(h.head.head)
        if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.lower_ in self._place_of:
            return True
        return h.dep_ == "poss" and h.head.lower_ in self._place_poss

    def _sent_people(self, noun: Token) -> bool:
        """'delegations from X', 'officials from X', 'troops from X': a state's people come from it."""
        return noun.tag_ in ("NNS", "NNPS") and (
            noun.lower_ in self.organ_heads or noun.lemma_.lower() in self.organ_heads)

    def _materiel_sent(self, verb: Token) -> bool:
        """'sent tanks to X', 'brought weapons to X': X receives them (sending people to X is
        still going there: 'sent troops to X')."""
        return any(c.dep_ == "dobj" and c.lemma_.lower() not in self._personnel and (
            c.lemma_.lower() in self.lex.transfer_objects or any(     # 'sent fuel trucks to X'
                x.dep_ == "compound" and x.lemma_.lower() in self.lex.transfer_objects for x in c.children))
            for c in verb.children)

    def _stance_noun(self, tok: Token) -> bool:
        """'support from Australia', 'criticism from Washington': after a noun that names backing,
        hostility or mediation (not an attack: 'rocket fire from Lebanon' is where it came from),
        or a verb that reads its source ('received weapons from Iran'), 'from X' names who gives it."""
        if tok.pos_ == "VERB":
            # 'received support from Iran', 'bought drones from Turkey': a verb that reads its source
            frames = self.lex.lookup(tok.lemma_.lower(), "VERB")
            return any("from" in lk.source for f in frames for lk in f.links) or any(
                c.dep_ == "dobj" and self._stance_noun(c) for c in tok.children)
        if tok.pos_ != "NOUN":
            return False
        frames = self.lex.lookup(tok.lower_, "NOUN") or self.lex.lookup(tok.lemma_.lower(), "NOUN")
        if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            # 'received cargo flights from the UAE': the 'from' on the object of a verb that reads its source
            frames = frames + self.lex.lookup(tok.head.lemma_.lower(), "VERB")
        return any(lk.relation != "ATTACKED" and ("agent" in lk.source or "from" in lk.source)
                   for f in frames for lk in f.links)

    def all_entities(self) -> list[Ent]:
        seen = {}
        for m in self.mentions:
            for e in (m.ent, m.own):
                if e is not None:
                    seen[e.key] = e
        return list(seen.values())


def find_mentions(doc: Doc, gaz: Gazetteer, lex: Lexicon, matcher) -> Mentions:
    from . import agreements, epithets, groups, names, organs, places
    ms = Mentions(doc, gaz, lex)
    names.match_aliases(ms, matcher)
    epithets.find_epithets(ms)
    organs.find_organs(ms)
    groups.find_generic_groups(ms)
    places.find_places(ms)
    agreements.find_agreements(ms)
    names.ner_fallback(ms)
    names.acronyms(ms)
    names.short_names(ms)
    names.datelines(ms)
    groups.definite_descriptions(ms)
    groups.name_generic_group(ms)
    return ms


# ---- small helpers shared by the passes -----------------------------------------------------
def compound_phrase(tok: Token) -> list[str]:
    """Lower-case words of a noun with its compounds: ['defense', 'ministry']."""
    return [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod")] + [tok.lower_]


def match_phrase(words: list[str], table: frozenset[str]) -> str | None:
    """The longest phrase of the table (up to three words) that the words end with, or the
    singular of a plural last word."""
    for n in range(min(3, len(words)), 0, -1):
        p = " ".join(words[-n:])
        if p in table:
            return p
    last = words[-1]
    if last.endswith("s") and len(last) > 3 and last[:-1] in table:
        return last[:-1]
    return None


def hyphen_after(t: Token) -> bool:
    """'Turkish-backed': the word belongs to the participle after the hyphen, not the noun."""
    doc = t.doc
    return t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 1].whitespace_ == ""


def anti_prefixed(t: Token, anti: frozenset[str]) -> bool:
    """'anti-Houthi fighters', 'anti-Russian forces': the word is the object of the prefix
    (``anti_prefixes``), not the owner or the name of the noun after it."""
    doc = t.doc
    return (t.i >= 2 and doc[t.i - 1].text == "-" and not doc[t.i - 2].whitespace_ and not doc[t.i - 1].whitespace_
            and doc[t.i - 2].lower_ in anti)


def has_det(tok: Token, dets: tuple[str, ...] = ("the", "this", "that", "these", "those")) -> bool:
    return any(c.dep_ in ("det", "predet") and c.lower_ in dets for c in tok.children)

