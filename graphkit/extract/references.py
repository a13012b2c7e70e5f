"""References: what entity a token stands for, through names and through the text.

A :class:`~graphkit.extract.refs.Ref` is one entity as one stretch of text refers to
it. The :class:`Resolver` turns a token into refs: a mention found by
:mod:`graphkit.extract.mentions`, or, resolved within the document,

* a pronoun ("it", "its", "they", "their") -> the nearest agreeing entity, and a number
  description ("the two countries", "both sides", "the three leaders") -> that many
  entities just named (both by :mod:`graphkit.extract.antecedents`);
* a definite group noun ("these groups") -> the groups of the sentence before;
* the first person of a statement ("we", "our forces") -> the speaking entity;
* wrappers and assets ("dozens of Wagner fighters", "its posts", "Houthi
  positions") -> their owner;
* appositions ("Hezbollah, an Iran-backed group") -> the head's entity.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from .antecedents import Antecedents, window_start
from .lexicon import Lexicon
from .mentions import Ent, Mention, Mentions, anti_prefixed, hyphen_after
from .organs import government_state
from .repair import in_dateline
from . import targets
from .places_named import listing
from .refs import FIRST_PERSON, PRONOUNS_PL, PRONOUNS_SG, RELATIVE, THIRD_PERSON, Ref, dedup

__all__ = ["FIRST_PERSON", "PRONOUNS_PL", "PRONOUNS_SG", "RELATIVE", "Ref", "Resolver", "dedup"]


class Resolver:
    """Token -> refs, for one document."""

    def __init__(self, mentions: Mentions, lex: Lexicon):
        self.m = mentions
        self.doc = mentions.doc
        self.lex = lex
        self.wrappers = lex.word_set("wrapper_nouns")
        self.assets = lex.word_set("asset_nouns")
        self.numbers = lex.table("number_words")
        self.collective, self.collective_lemmas = lex.word_set("collective_nouns"), lex.word_set("collective_lemmas")
        self.group_plurals = lex.word_set("group_plurals")
        self.facilities, self.state_forces = lex.word_set("facility_nouns"), lex.word_set("state_force_modifiers")
        self.holding, self.routes = lex.word_set("holding_verbs"), lex.word_set("route_nouns")
        self.serving = lex.word_set("serving_verbs")
        self.settlements = lex.word_set("settlement_nouns")
        self.linking = lex.word_set("linking_participles")
        self.anti = lex.word_set("anti_prefixes")
        self.role_nouns = lex.heads("ROLE")
        self.speaker: Ref | None = None     # who speaks in the current stretch of text (set by the scope pass)
        self._in_role: set[int] = set()
        self.antecedents = Antecedents(self, lex)   # pronouns and number descriptions

    # ---- building refs ------------------------------------------------------------------
    def ref(self, m: Mention, via: str = "name") -> Ref:
        sp = self.doc[m.start:m.end]
        return Ref(m.ent, sp.start_char, sp.end_char, sp.text, m, via)

    def synthetic(self, tok: Token, ent: Ent, via: str = "description") -> Ref:
        return Ref(ent, tok.idx, tok.idx + len(tok.text), tok.text, None, via)

    def as_(self, tok: Token, refs: list[Ref], via: str = "description") -> list[Ref]:
        """The entities of refs, mentioned by tok (a pronoun, 'the targets', 'the two leaders')."""
        return [self.synthetic(tok, r.ent, via) for r in refs]

    def state_adjective(self, tok: Token, object_of_prefix: bool = False) -> Ref | None:
        """The state a state adjective names; 'anti-Russian forces' are not Russia's, so an
        adjective after an anti- prefix counts only where the prefix's object is asked for."""
        if not object_of_prefix and anti_prefixed(tok, self.anti):
            return None
        entry = self.m.adjective.get(tok.i)
        return self.synthetic(tok, self.m.state_ent(entry), "adjective") if entry is not None else None

    # ---- the main entry -------------------------------------------------------------------
    def refs(self, tok: Token, depth: int = 0, conj: bool = True) -> list[Ref]:
        out = self._refs1(tok, depth)
        if conj:
            out += slashed(self, tok)
            for c in tok.conjuncts:
                if c.i > tok.i:
                    out += self._refs1(c, depth)
            # "Moscow, a Damascus ally, and Ankara, which ...": the parser hangs Ankara off the apposition
            for a in tok.children:
                if a.dep_ == "appos" and self.m.at(a) is None:
                    for c in a.conjuncts:
                        if c.i > a.i and self.m.at(c) is not None:
                            out += self._refs1(c, depth)
        return dedup(out)

    def _refs1(self, tok: Token, depth: int) -> list[Ref]:
        if depth > 4:
            return []
        m = self.m.at(tok)
        if m is not None:
            return self._mention_refs(m)
        appos = [c for c in tok.children if c.dep_ == "appos" and self.m.at(c) is not None]
        if appos:
            return [r for a in appos for r in self.refs(a)]
        low = tok.lower_
        if low in THIRD_PERSON:
            return self.antecedents.antecedent(tok)
        if low in FIRST_PERSON:
            return self.first_person(tok)
        if tok.dep_ == "appos" and self.m.at(tok.head) is not None and depth == 0:
            return self._refs1(tok.head, depth + 1)   # "Hezbollah, an Iran-backed group"
        for finder in (lambda t, d: _the_capital(self, t), self._collective, self._owned):
            r = finder(tok, depth)
            if r:
                return r
        return []

    def first_person(self, tok: Token) -> list[Ref]:
        """'we', 'our': who speaks; outside quotes with nobody speaking yet, the state whose story
        a state's media tell ('Units of our armed forces continued their operations')."""
        if self.speaker is not None:
            return [self.synthetic(tok, self.speaker.ent, "first-person")]
        quotes = sum(1 for t in tok.sent if t.i < tok.i and t.text in ('"', "“", "”"))
        narrator = None if quotes % 2 else government_state(self.m)
        return [self.synthetic(tok, narrator, "first-person")] if narrator is not None else []

    def _mention_refs(self, m: Mention) -> list[Ref]:
        if m.locative and not (m.ent.kind == "Place" and _where_it_happens(self.doc[m.head])):
            return []      # 'talks in Ankara' names no actor; 'strikes on camps in Sanaa' hit the city
        if m.role in ("generic", "named-of", "force"):     # 'Russian mercenaries from the Wagner Group'
            named = self.m.named_groups_of(self.doc[m.head])
            if named:
                return [self.ref(n) for n in named]
        if m.role in ("force", "organ"):
            owners = coordinated_owners(self, self.doc[m.head])
            if owners:
                return owners
        return [self.ref(m)]

    def _collective(self, tok: Token, depth: int) -> list[Ref]:
        low = tok.lower_
        if low in self.collective or tok.lemma_.lower() in self.collective_lemmas:
            n = _collective_number(tok, self.numbers)
            if n:
                return self.antecedents.last_n(tok, n)
        if low in self.group_plurals and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "both")
                                      for c in tok.children):
            return self._recent_named_groups(tok)
        return []

    def _owned(self, tok: Token, depth: int) -> list[Ref]:
        """Nouns that stand for their owner: forces ('its jets'), wrappers ('dozens of X')."""
        low, lemma = tok.lower_, tok.lemma_.lower()
        if tok.i in self.m.owner_mark:
            return [self.synthetic(tok, self.m.owner_mark[tok.i], "owner")]
        whose = [c for c in tok.children if c.dep_ == "poss" and c.lower_ == "whose"]
        if whose and tok.head.dep_ == "relcl" or whose and tok.head.head.dep_ == "relcl":
            # "the Wagner Group, whose contractors fought ...": the group the clause is about
            rel = tok.head if tok.head.dep_ == "relcl" else tok.head.head
            if low in self.m.organ_heads or lemma in self.m.organ_heads or lemma in self.wrappers or (
                    tok.tag_ in ("NNS", "NNPS")):
                # ('the American-British aggression, whose warplanes ...': the owners the act is named with)
                whom = self.refs(rel.head, depth + 1, conj=False) or coordinated_owners(self, rel.head)
                return self.as_(tok, whom, "owner")
        if tok.i in self.m.owner_poss:
            # "its fighters", "their militias": the possessor's group
            poss = next(c for c in tok.children if c.dep_ == "poss")
            return self.as_(tok, self.antecedents.antecedent(poss), "pronoun")
        if lemma in self.role_nouns and tok.i not in self._in_role:
            # "our partners in the SDF": the role's holders named after 'in'
            self._in_role.add(tok.i)
            # ('supporting our partners in X' with 'in X' hung on the verb: the partners are X, not a place)
            preps = [c for c in tok.children if c.dep_ == "prep"] + (
                [c for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i] if tok.dep_ == "dobj" else [])
            try:
                held_in = [r for c in preps if c.lower_ in ("in", "among")
                           for p in c.children if p.dep_ == "pobj" for r in self.refs(p, depth + 1)
                           if r.ent.kind in ("Group", "Organization") or c.head.i == tok.i]
            finally:
                self._in_role.discard(tok.i)
            if held_in:
                return self.as_(tok, held_in, "owner")
        if lemma in self.role_nouns:
            # "their Iranian sponsors", "Russian allies": the role's holder named by an adjective
            mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
            mods += [x for c in mods for x in c.conjuncts if x.i < tok.i]    # 'its American and British partners'
            held = [r for c in mods
                    for r in ([self.state_adjective(c)] if c.i in self.m.adjective else self._refs1(c, depth + 1))
                    if r is not None]
            if held and (any(c.dep_ == "poss" for c in tok.children) or tok.tag_ in ("NNS", "NNPS")):
                return self.as_(tok, held, "owner")
        if low in self.m.organ_heads or lemma in self.m.organ_heads:
            for c in tok.children:
                if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and self.m.at(c) is not None
                                        and self.m.at(c).ent.kind in ("Group", "Organization")):
                    r = self.antecedents.antecedent(c) if c.lower_ in THIRD_PERSON else (
                        self.refs(c, depth + 1, conj=False))
                    if r:
                        return self.as_(tok, r, r[0].via if r[0].resolved else "owner")
            # 'delegations from X and Y', 'commanders of the army and of the TPLF': whose people they are
            sent = [r for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                    for q in (c, *c.conjuncts) for p in q.children if p.dep_ == "pobj"
                    for r in self.refs(p, depth + 1) if r.ent.kind in ("Actor", "Group", "Organization")]
            if sent and tok.tag_ in ("NNS", "NNPS"):
                return self.as_(tok, dedup(sent), "owner")
        if lemma in self.wrappers or low in self.wrappers or tok.pos_ == "NUM":
            return self._wrapped(tok, depth)
        return []

    def _wrapped(self, tok: Token, depth: int) -> list[Ref]:
        out: list[Ref] = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "among"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        out += self.refs(p, depth + 1)
        if not out:
            for c in tok.children:
                if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < tok.i:
                    out += self._refs1(c, depth + 1)
                    adj = self.state_adjective(c)
                    if adj is not None:
                        out.append(adj)
        if not out:
            # "positions held by X", "a convoy of tankers escorted by X": whoever holds them
            of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
            for c in [c for t in [tok, *of] for c in t.children]:
                if c.dep_ == "acl" and c.lemma_ in self.holding:
                    for a in c.children:
                        if a.dep_ == "agent":
                            for p in a.children:
                                out += self.refs(p, depth + 1)
        return out

    def _recent_named_groups(self, tok: Token) -> list[Ref]:
        """'these groups' -> the named groups of the sentence before."""
        prev = [m for m in self.m.mentions if m.ent.kind == "Group" and m.role == "name"
                and window_start(tok.sent) <= m.start < tok.sent.start
                and not _of_complement(self.doc[m.head], self.group_plurals)]
        if not prev:
            return []
        last_sent = self.doc[prev[-1].start].sent.start
        return [self.synthetic(tok, m.ent) for m in prev if self.doc[m.start].sent.start == last_sent]

    # ---- owners and targets ------------------------------------------------------------------
    def along_with(self, tok: Token) -> list[Ref]:
        """'X, together with Y', 'X, including Y units': the others who act with X."""
        out = []
        for c in tok.children:
            if c.dep_ == "prep" and (c.lower_ in ("along", "together", "alongside")
                                     or listing(c) and self.m.at(tok) is not None):
                for p in c.subtree:
                    if p.dep_ == "pobj":
                        out += self.refs(p)
                        break
        return out

    def owner(self, noun: Token) -> list[Ref]:
        """Who owns a noun: 'Russia's offensive', 'Turkish support', 'Houthi positions', 'its posts'."""
        out: list[Ref] = []
        mods = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < noun.i]
        mods += [x for c in mods for x in c.conjuncts if x.i < noun.i]   # "Hamas and Islamic Jihad targets"
        if any(c.dep_ == "poss" for c in mods):
            # "ADNOC's Musaffah depot": a name only the tagger knows after the owner names the thing, not a side
            mods = [c for c in mods if not (c.dep_ == "compound" and (m := self.m.at(c)) is not None
                                            and m.role == "ner")]
        # "the RSF drone attacks": the owner in front of a compound that names no one
        mods += [g for c in mods if c.dep_ == "compound" and self.m.at(c) is None
                 for g in c.children if g.dep_ in ("poss", "amod", "compound") and g.i < c.i]
        for c in mods:
            if _hyphenated(c):
                continue
            adj = self.state_adjective(c)
            if adj is not None:
                out.append(adj)
                continue
            m = self.m.at(c)
            if m is not None and not m.locative and m.ent.kind not in ("Agreement", "Place"):
                out += [r for r in self._mention_refs(m)]
            elif c.lower_ in THIRD_PERSON:
                out += self.antecedents.antecedent(c)
            elif c.lower_ in FIRST_PERSON:
                out += self.first_person(c)
            elif c.lower_ == "whose" and (head := _whose_antecedent(noun)) is not None:
                out += self.refs(head, conj=False)      # "Turkey, whose backing proved decisive"
        if noun.i in self.m.owner_mark:
            out.append(self.synthetic(noun, self.m.owner_mark[noun.i], "owner"))
        return dedup(out)

    def target(self, tok: Token) -> list[Ref]:
        """What an act is aimed at (see :mod:`.targets`)."""
        return targets.target(self, tok)


def _where_it_happens(tok: Token) -> bool:
    """'in Sanaa', 'near Kyiv': a capital named as the scene of an act (not where things go or come from)."""
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "near", "inside", "around", "outside")


def _collective_number(tok: Token, numbers: dict[str, int]) -> int:
    for c in tok.children:
        if c.lower_ in numbers and c.dep_ in ("nummod", "det", "predet", "amod", "preconj"):
            return numbers[c.lower_]
    if tok.lower_ == "trio":
        return 3
    return 0


def coordinated_owners(r: Resolver, head: Token) -> list[Ref]:
    """'Turkish and Russian forces', 'U.S. and U.K. naval vessels', 'the ministers of X, Y and Z':
    one noun, two owners coordinated before it (state adjectives, also joined by a hyphen:
    'American-British warplanes'; or states' names as its modifiers) or, for a plural, after its 'of'."""
    out: list[Ref] = []
    coordinated = False
    for a in head.children:
        if a.dep_ == "prep" and a.lower_ == "of" and head.tag_ in ("NNS", "NNPS"):
            # 'the foreign ministers of Russia, Iran and Turkey': a plural noun, owners after 'of'
            a = next((p for p in a.children if p.dep_ == "pobj"), a)
        elif a.dep_ not in ("amod", "compound", "nmod") or a.i > head.i:
            continue
        paired = [x for x in a.lefts if x.dep_ in ("amod", "npadvmod") and _hyphen_pair(r, x)]   # 'American-British'
        for c in [a, *a.conjuncts, *paired]:
            coordinated |= c.i != a.i or _hyphen_pair(r, c)
            ref = r.state_adjective(c) if c.i in r.m.adjective else None
            n = r.m.at(c)
            if ref is None and n is not None and n.ent.kind == "Actor" and not n.locative and n.head == c.i:
                ref = r.ref(n)
            if ref is not None:
                out.append(ref)
    return dedup(out) if coordinated and len({x.ent.key for x in out}) > 1 else []


def slashed(r: Resolver, tok: Token) -> list[Ref]:
    """'Boko Haram/ISWAP fighters', 'Hamas/PIJ': names joined by a slash (no spaces), the last
    one naming the token or modifying it, are coordinated: all of them are referred to."""
    doc = tok.doc
    names = [m for m in [r.m.at(tok)] + [r.m.at(c) for c in tok.lefts if c.dep_ in ("compound", "nmod", "amod")]
             if m is not None and m.ent.kind in SLASHED_KINDS and not m.locative]
    if not names:
        return []
    out: list[Ref] = []
    for last in names:
        i, before = last.start, len(out)
        while i >= 2 and doc[i - 1].text == "/" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
            prev = r.m.at(doc[i - 2])
            if prev is None or prev.ent.kind not in SLASHED_KINDS or prev.locative:
                break
            out.append(r.ref(prev))
            i = prev.start
        if len(out) > before:
            out.append(r.ref(last))
    return out


SLASHED_KINDS = ("Group", "Organization", "Actor")


def _hyphen_pair(r: Resolver, c: Token) -> bool:
    """'American-British': two state adjectives joined by a hyphen (not 'anti-Russian')."""
    return c.i in r.m.adjective and hyphen_after(c) and c.i + 2 < len(r.doc) and c.i + 2 in r.m.adjective


def _of_complement(t: Token, group_plurals: frozenset[str]) -> bool:
    """'the methods of Al-Qaeda': a group named as what something belongs to, not as a referent
    ('the groups of X', 'members of X' do refer to it)."""
    while t.dep_ == "conj":
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ not in group_plurals | {"members"}


def _hyphenated(t: Token) -> bool:
    doc = t.doc
    return t.i + 1 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 1].whitespace_ == ""


def document_state(ms: Mentions) -> Ent | None:
    """The state of the dateline if it names one ('TRIPOLI, Jan 2 -'), else the state the
    document names most (by name, adjective, capital, organ or leader). A capital used only
    as a venue ('talks in Doha' in a story about Syria) does not count; ties go to the state
    named first."""
    hits = [ms.gaz.find(ms.doc[m.start:m.end].text) for m in ms.mentions
            if m.role == "capital" and in_dateline(ms.doc[m.head])]
    dateline = {h.entry.name for h in hits if h is not None}
    if len(dateline) == 1 and (entry := ms.gaz.state(dateline.pop())) is not None:
        return ms.state_ent(entry)
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in ms.mentions:
        if m.ent.kind != "Actor" or m.locative:
            continue
        entry = ms.gaz.state(m.ent.name)
        if entry is not None and entry.capitals:
            counts[entry.name] += 1
            first.setdefault(entry.name, m.start)
    for i, entry in ms.adjective.items():
        if entry.capitals:
            counts[entry.name] += 1
            first.setdefault(entry.name, i)
    if not counts:
        return None
    best = ms.gaz.state(max(counts, key=lambda k: (counts[k], -first[k])))
    return ms.state_ent(best) if best is not None else None


def _whose_antecedent(noun: Token) -> Token | None:
    """'Turkey, whose backing proved decisive': the relative clause's antecedent owns the noun."""
    t = noun
    while t.dep_ != "relcl" and t.head.i != t.i and t.head.i <= noun.i + 8:
        t = t.head
    return t.head if t.dep_ == "relcl" and t.head.i < noun.i else None


def _the_capital(r: Resolver, tok: Token) -> list[Ref]:
    """'the capital' -> the document's main state (:func:`document_state`)."""
    if tok.lower_ != "capital" or not any(c.lower_ == "the" for c in tok.children) or any(
            c.dep_ in ("prep", "poss", "compound") for c in tok.children):
        return []
    ent = document_state(r.m)
    return [r.synthetic(tok, ent)] if ent is not None else []
