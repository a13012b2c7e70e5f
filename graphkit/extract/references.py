"""References: what entity a token stands for, through names and through the text.

A :class:`Ref` is one entity as one stretch of text refers to it. The
:class:`Resolver` turns a token into refs: a mention found by
:mod:`graphkit.extract.mentions`, or, resolved within the document,

* a pronoun ("it", "its", "they", "their") -> the nearest agreeing entity;
* a number description ("the two countries", "both sides", "the three leaders")
  -> that many entities just named;
* a definite group noun ("these groups") -> the groups of the sentence before;
* the first person of a statement ("we", "our forces") -> the speaking entity;
* wrappers and assets ("dozens of Wagner fighters", "its posts", "Houthi
  positions") -> their owner;
* appositions ("Hezbollah, an Iran-backed group") -> the head's entity.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import Lexicon
from .mentions import Ent, Mention, Mentions

PRONOUNS_SG = frozenset({"it", "its"})
PRONOUNS_PL = frozenset({"they", "their", "them"})
FIRST_PERSON = frozenset({"we", "our", "us", "ours", "ourselves"})
RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})


@dataclass
class Ref:
    ent: Ent
    start: int      # char offsets into the document text
    end: int
    text: str
    mention: Mention | None = None
    via: str = "name"   # name | pronoun | description | first-person | owner | adjective | asset | place

    @property
    def resolved(self) -> bool:
        """Came through the text (a pronoun, a description), not a name."""
        return self.via in ("pronoun", "description", "first-person")


def dedup(refs: list[Ref]) -> list[Ref]:
    seen, out = set(), []
    for r in refs:
        if r.ent.key not in seen:
            seen.add(r.ent.key)
            out.append(r)
    return out


class Resolver:
    """Token -> refs, for one document."""

    def __init__(self, mentions: Mentions, lex: Lexicon):
        self.m = mentions
        self.doc = mentions.doc
        self.lex = lex
        self.wrappers = lex.word_set("wrapper_nouns")
        self.assets = lex.word_set("asset_nouns")
        self.speech = lex.word_set("speech_verbs")
        self.numbers = lex.table("number_words")
        self.collective, self.collective_lemmas = lex.word_set("collective_nouns"), lex.word_set("collective_lemmas")
        self.person_collectives = lex.word_set("person_collectives")
        self.group_plurals = lex.word_set("group_plurals")
        self.facilities, self.state_forces = lex.word_set("facility_nouns"), lex.word_set("state_force_modifiers")
        self.target_preps, self.holding = lex.word_set("target_prepositions"), lex.word_set("holding_verbs")
        self.role_nouns = frozenset(f.head for f in lex.frames if f.pos == "ROLE")
        self.speaker: Ref | None = None     # who speaks in the current stretch of text (set by the scope pass)
        self._in_role: set[int] = set()

    # ---- building refs ------------------------------------------------------------------
    def ref(self, m: Mention, via: str = "name") -> Ref:
        sp = self.doc[m.start:m.end]
        return Ref(m.ent, sp.start_char, sp.end_char, sp.text, m, via)

    def synthetic(self, tok: Token, ent: Ent, via: str = "description") -> Ref:
        return Ref(ent, tok.idx, tok.idx + len(tok.text), tok.text, None, via)

    def as_(self, tok: Token, refs: list[Ref], via: str = "description") -> list[Ref]:
        """The entities of refs, mentioned by tok (a pronoun, 'the targets', 'the two leaders')."""
        return [self.synthetic(tok, r.ent, via) for r in refs]

    def state_adjective(self, tok: Token) -> Ref | None:
        entry = self.m.adjective.get(tok.i)
        return self.synthetic(tok, self.m.state_ent(entry), "adjective") if entry is not None else None

    # ---- the main entry -------------------------------------------------------------------
    def refs(self, tok: Token, depth: int = 0, conj: bool = True) -> list[Ref]:
        out = self._refs1(tok, depth)
        if conj:
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
        if low in PRONOUNS_SG or low in PRONOUNS_PL:
            return self.antecedent(tok)
        if low in FIRST_PERSON:
            return [self.synthetic(tok, self.speaker.ent, "first-person")] if self.speaker is not None else []
        if tok.dep_ == "appos" and self.m.at(tok.head) is not None and depth == 0:
            return self._refs1(tok.head, depth + 1)   # "Hezbollah, an Iran-backed group"
        for finder in (self._capital, self._collective, self._owned):
            r = finder(tok, depth)
            if r:
                return r
        return []

    def _mention_refs(self, m: Mention) -> list[Ref]:
        if m.locative:
            return []
        if m.role in ("generic", "named-of"):
            named = self.m.named_groups_of(self.doc[m.head])
            if named:
                return [self.ref(n) for n in named]
        if m.role in ("force", "organ"):
            # "Turkish and Russian forces": one noun, two owners
            head = self.doc[m.head]
            extra = [self.state_adjective(c) for a in head.children if a.dep_ == "amod"
                     for c in a.conjuncts if c.i in self.m.adjective]
            if extra:
                first = [self.state_adjective(a) for a in head.children if a.dep_ == "amod" and a.i in self.m.adjective]
                return dedup([r for r in first + extra if r is not None])
        return [self.ref(m)]

    def _capital(self, tok: Token, depth: int) -> list[Ref]:
        """'the capital' -> the state whose capital the document names most."""
        if tok.lower_ != "capital" or not any(c.lower_ == "the" for c in tok.children) or any(
                c.dep_ in ("prep", "poss", "compound") for c in tok.children):
            return []
        caps = Counter(self.doc[m.start:m.end].text for m in self.m.mentions if m.role == "capital")
        if caps:
            hit = self.m.gaz.find(caps.most_common(1)[0][0])
            if hit is not None:
                return [self.synthetic(tok, self.m.state_ent(hit.entry))]
        return []

    def _collective(self, tok: Token, depth: int) -> list[Ref]:
        low = tok.lower_
        if low in self.collective or tok.lemma_.lower() in self.collective_lemmas:
            n = _collective_number(tok, self.numbers)
            if n:
                return self.last_n(tok, n)
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
                return self.as_(tok, self.refs(rel.head, depth + 1, conj=False), "owner")
        if tok.i in self.m.owner_poss:
            # "its fighters", "their militias": the possessor's group
            poss = next(c for c in tok.children if c.dep_ == "poss")
            return self.as_(tok, self.antecedent(poss), "pronoun")
        if lemma in self.role_nouns and tok.i not in self._in_role:
            # "our partners in the SDF": the role's holders named after 'in'
            self._in_role.add(tok.i)
            try:
                held_in = [r for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "among")
                           for p in c.children if p.dep_ == "pobj" for r in self.refs(p, depth + 1)]
            finally:
                self._in_role.discard(tok.i)
            if held_in:
                return self.as_(tok, held_in, "owner")
        if lemma in self.role_nouns:
            # "their Iranian sponsors", "Russian allies": the role's holder named by an adjective
            held = [r for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i
                    for r in ([self.state_adjective(c)] if c.i in self.m.adjective else self._refs1(c, depth + 1))
                    if r is not None]
            if held and (any(c.dep_ == "poss" for c in tok.children) or tok.tag_ in ("NNS", "NNPS")):
                return self.as_(tok, held, "owner")
        if low in self.m.organ_heads or lemma in self.m.organ_heads:
            for c in tok.children:
                if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and self.m.at(c) is not None
                                        and self.m.at(c).ent.kind in ("Group", "Organization")):
                    r = self.antecedent(c) if c.lower_ in PRONOUNS_SG | PRONOUNS_PL else (
                        self.refs(c, depth + 1, conj=False))
                    if r:
                        return self.as_(tok, r, r[0].via if r[0].resolved else "owner")
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
            for c in tok.children:
                if c.dep_ == "acl" and c.lemma_ in self.holding:
                    for a in c.children:
                        if a.dep_ == "agent":
                            for p in a.children:
                                out += self.refs(p, depth + 1)
        return out

    def _recent_named_groups(self, tok: Token) -> list[Ref]:
        """'these groups' -> the named groups of the sentence before."""
        prev = [m for m in self.m.mentions if m.ent.kind == "Group" and m.role == "name"
                and self.window_start(tok.sent) <= m.start < tok.sent.start
                and not _of_complement(self.doc[m.head], self.group_plurals)]
        if not prev:
            return []
        last_sent = self.doc[prev[-1].start].sent.start
        return [self.synthetic(tok, m.ent) for m in prev if self.doc[m.start].sent.start == last_sent]

    # ---- number descriptions ---------------------------------------------------------------
    def last_n(self, tok: Token, n: int) -> list[Ref]:
        """'the two countries', 'both sides': n entities just named (a coordinated subject of a
        recent sentence with exactly n members, or the n most recent actors)."""
        want = "Person" if tok.lower_ in self.person_collectives else None
        if want is None:
            start = tok.sent.start
            for sent in [tok.sent] + self._previous_sentences(tok.sent, 3):
                for c in sent.root.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and not any(t.i == tok.i for t in c.subtree):
                        group = dedup(self.refs(c) + self.along_with(c))
                        if len(group) == n and all(r.ent.kind in ("Actor", "Group") for r in group):
                            return self.as_(tok, group)
                start = sent.start
            between = self._recent_between(tok, n)
            if between:
                return self.as_(tok, between)
        seen, out = set(), []
        for m in sorted(self.m.mentions, key=lambda m: -m.start):
            if m.start >= tok.i or m.locative:
                continue
            if want == "Person" and not (m.own and m.own.kind == "Person" or m.ent.kind == "Person"):
                continue
            if want is None and m.ent.kind not in ("Actor", "Group"):
                continue
            if m.ent.key in seen:
                continue
            seen.add(m.ent.key)
            out.append(self.synthetic(tok, m.ent))
            if len(out) == n:
                break
        return out if len(out) == n else []

    def _recent_between(self, tok: Token, n: int) -> list[Ref]:
        """'a truce between X and Y ... both sides': the pair of the last 'between X and Y'."""
        for t in reversed(self.doc[self.window_start(tok.sent):tok.i]):
            if t.lower_ == "between" and t.dep_ == "prep":
                group = dedup([r for p in t.children if p.dep_ == "pobj" for r in self.refs(p)])
                if len(group) == n:
                    return group
        return []

    def _previous_sentences(self, sent: Span, k: int) -> list[Span]:
        out, start = [], sent.start
        for _ in range(k):
            if start == 0:
                break
            prev = self.doc[start - 1].sent
            out.append(prev)
            start = prev.start
        return out

    # ---- pronouns ------------------------------------------------------------------------
    def antecedent(self, tok: Token) -> list[Ref]:
        """'it'/'its' -> the nearest singular actor before it that is not its co-argument;
        'they'/'their' -> the nearest plural one (a group, forces, or a coordination)."""
        plural = tok.lower_ in PRONOUNS_PL
        clause = _clause_head(tok)
        if tok.dep_ == "poss":
            r = self._possessor(tok, clause, plural)
            if r:
                return self.as_(tok, r, "pronoun")
        sent = tok.sent
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ in ("ccomp", "parataxis") and \
                tok.head.head.lemma_.lower() in self.speech:
            # "X says it will ...", "X said they had ...": the one who says it
            speaker = [r for c in tok.head.head.children if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS_SG | PRONOUNS_PL
                       for r in self.refs(c, conj=plural)]
            if not speaker and tok.head.head.dep_ in ("advcl", "conj", "xcomp"):
                speaker = [r for c in tok.head.head.head.children if c.dep_ == "nsubj" for r in self.refs(c, conj=plural)]
            r = self._agreeing(speaker, plural)
            if r:
                return self.as_(tok, r, "pronoun")
        if tok.dep_ in ("nsubj", "nsubjpass") and not any(m.start < tok.i for m in self.m.mentions if m.start >= sent.start):
            # the subject of the previous sentence ("Ankara ... . It has threatened ...")
            if sent.start > 0:
                prev = self.doc[sent.start - 1].sent
                for c in prev.root.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in PRONOUNS_SG | PRONOUNS_PL:
                        r = self._agreeing(self.refs(c, conj=plural), plural)
                        if r:
                            return self.as_(tok, r, "pronoun")
        coargs = {c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")}
        bound = _bound_tokens(tok)
        agreement = [] if plural or tok.dep_ == "poss" else self._recent_agreement(tok)
        best, best_score = None, None
        seen: Counter = Counter(m.ent.key for m in self.m.mentions if m.start < tok.i)
        start = self.window_start(sent)
        for m in sorted(self.m.mentions, key=lambda m: -m.start):
            if m.start >= tok.i or m.start < start or m.locative or m.ent.kind in ("Place", "Agreement") \
                    or m.head in bound:
                continue
            if m.start >= sent.start and not plural and (m.head in coargs or any(c in coargs for c in range(m.start, m.end))):
                continue
            head = self.doc[m.head]
            if plural and head.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "conj" for c in head.children):
                group = self.refs(head)
                cand, ok = group, len(group) > 1
            else:
                cand, ok = [self.ref(m)], self.is_plural(self.ref(m)) == plural
            if not ok:
                continue
            score = _salience(head, m.start >= sent.start, seen[m.ent.key], self._distance(m.start, sent))
            if best_score is None or score > best_score:
                best, best_score = cand, score
        if best is None:
            return agreement
        return self.as_(tok, best, "pronoun") + agreement

    def _distance(self, i: int, sent: Span) -> int:
        """How many sentences before ``sent`` token i is (0: the same one)."""
        n, s = 0, sent
        while i < s.start and s.start > 0:
            s = self.doc[s.start - 1].sent
            n += 1
        return n

    def _recent_agreement(self, tok: Token) -> list[Ref]:
        """'it' may be an agreement ('breached it'): the last one named within two sentences.
        The frames decide: an agreement is a candidate only where a frame takes one."""
        start = self.window_start(tok.sent)
        for m in sorted(self.m.mentions, key=lambda m: -m.start):
            if m.start < start:
                break
            if m.start < tok.i and m.ent.kind == "Agreement":
                return [self.synthetic(tok, m.ent, "pronoun")]
        return []

    def _possessor(self, tok: Token, clause: Token, plural: bool) -> list[Ref]:
        """'Russia launched its largest attack': the subject of its own clause, unless the number
        disagrees, then of an enclosing clause ('Ankara claims ...')."""
        in_target = any(a.dep_ == "pobj" and a.head.lower_ in self.target_preps for a in _path_up(tok, clause))
        for c in ([] if in_target else clause.children):
            if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS_SG | PRONOUNS_PL and c.i < tok.i:
                r = self._agreeing(self.refs(c, conj=False), plural)
                if r and not any(c.conjuncts):
                    return r
        v = clause.head if clause.head.i != clause.i else None
        while v is not None:
            if v.pos_ in ("VERB", "AUX"):
                for c in v.children:
                    if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS_SG | PRONOUNS_PL:
                        r = self._agreeing(self.refs(c, conj=False), plural)
                        if r:
                            return r
            if v.head.i == v.i:
                break
            v = v.head
        return []

    def is_plural(self, r: Ref) -> bool:
        if r.mention is None:
            return r.ent.plural
        plural_tag = self.doc[r.mention.head].tag_ in ("NNS", "NNPS")
        if r.mention.role in ("name", "capital", "seat", "leader", "ner", "agreement"):
            # "the United States" takes 'it'; "the Houthis" take 'they'
            return plural_tag and r.ent.kind == "Group"
        return r.ent.plural or plural_tag

    def _agreeing(self, refs: list[Ref], plural: bool) -> list[Ref]:
        if not refs:
            return []
        if plural:
            return refs if len(refs) > 1 or self.is_plural(refs[0]) else []
        return refs if len(refs) == 1 and not self.is_plural(refs[0]) else []

    def window_start(self, sent: Span) -> int:
        """Pronouns look back two sentences at most."""
        prev = self._previous_sentences(sent, 2)
        return prev[-1].start if prev else sent.start

    # ---- owners and targets ------------------------------------------------------------------
    def along_with(self, tok: Token) -> list[Ref]:
        out = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("along", "together", "alongside"):
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
            elif c.lower_ in PRONOUNS_SG | PRONOUNS_PL:
                out += self.antecedent(c)
            elif c.lower_ in FIRST_PERSON and self.speaker is not None:
                out.append(self.synthetic(c, self.speaker.ent, "first-person"))
        if noun.i in self.m.owner_mark:
            out.append(self.synthetic(noun, self.m.owner_mark[noun.i], "owner"))
        return dedup(out)

    def target(self, tok: Token) -> list[Ref]:
        """What an act is aimed at: the entity, the owner or holder of an asset, or the place."""
        r = self.refs(tok)
        if r:
            return r
        lemma = tok.lemma_.lower()
        if lemma in self.assets or tok.lower_ in self.assets or lemma in self.facilities:
            o = self.owner(tok)
            if o:
                owned = self.as_(tok, o, "owner") if not o[0].resolved else o
                return dedup(owned + self._places_in(tok))
            if any(c.lower_ in self.state_forces for c in tok.lefts):
                # "an army base in northern Burkina Faso": the state's own forces
                for t in tok.subtree:
                    m = self.m.at(t)
                    if m is not None and m.locative and m.ent.kind == "Actor" and _inside_of(t, tok):
                        return [self.synthetic(tok, m.ent, "owner")]
            inside = self._places_in(tok)
            if inside:
                return inside
            if any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children):
                o = self._recent_asset_owner(tok)
                if o:
                    return o
        # "residential areas in the Tal Tamr district", "targets at 16 Houthi locations"
        out = self._places_in(tok)
        if not out:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("at", "of"):
                    for p in c.children:
                        if p.dep_ == "pobj" and (p.lemma_.lower() in self.assets or p.lemma_.lower() in self.facilities):
                            out += [x for x in self.target(p) if x.via == "owner" or x.ent.kind != "Place"]
        if not out and tok.pos_ in ("NOUN", "PROPN"):
            # "Syria's security", "the terrorist acts of the EMC": whose it is
            out = [Ref(r.ent, r.start, r.end, r.text, r.mention, "of") for c in tok.children if c.dep_ == "poss"
                   for r in self.refs(c, conj=False)]
            out = out or [Ref(r.ent, r.start, r.end, r.text, r.mention, "of") for c in tok.children
                          if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
                          for r in self.refs(p)]
        return dedup(out)

    def _places_in(self, tok: Token) -> list[Ref]:
        out = []
        for t in tok.subtree:
            if t.i == tok.i or abs(t.i - tok.i) > 12:
                continue
            m = self.m.at(t)
            if m and m.ent.kind == "Place" and t.i == m.head and _inside_of(t, tok):
                out.append(self.ref(m, "place"))
        return out

    def _recent_asset_owner(self, tok: Token) -> list[Ref]:
        """'the targets' -> the owner of the last asset named before ('militant hideouts')."""
        for t in reversed(self.doc[self.window_start(tok.sent):tok.sent.start]):
            if (t.lower_ in self.assets or t.lemma_.lower() in self.assets) and self.m.at(t) is None:
                o = self.owner(t)
                if o:
                    return self.as_(tok, o)
        return []


def _salience(head: Token, same_sentence: bool, mentions_before: int, distance: int) -> float:
    """How likely an entity is what a pronoun means: subjects, the same sentence, an entity
    named often, and nearness count."""
    score = 3.0 if head.dep_ in ("nsubj", "nsubjpass") else 1.0 if head.dep_ in ("dobj", "appos") else 0.0
    score += 2.0 if same_sentence else 0.0
    return score + min(mentions_before, 3) * 0.5 - distance * 1.0


def _bound_tokens(pron: Token) -> set[int]:
    """Tokens a pronoun cannot refer to: the owner of the noun its phrase hangs on ('Riyadh's
    campaign against it' is not Riyadh's campaign against Riyadh), and the noun a relative
    clause it is the subject of modifies ('the TTP, which it blames')."""
    t = pron
    if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ in ("NOUN", "PROPN"):
        noun = t.head.head
        return {c.i for c in noun.subtree if c.i < noun.i}
    if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "relcl":
        return {c.i for c in t.head.head.subtree if c.i < t.head.i}
    return set()


def _collective_number(tok: Token, numbers: dict[str, int]) -> int:
    for c in tok.children:
        if c.lower_ in numbers and c.dep_ in ("nummod", "det", "predet", "amod", "preconj"):
            return numbers[c.lower_]
    if tok.lower_ == "trio":
        return 3
    return 0


def _of_complement(t: Token, group_plurals: frozenset[str]) -> bool:
    """'the methods of Al-Qaeda': a group named as what something belongs to, not as a referent
    ('the groups of X', 'members of X' do refer to it)."""
    while t.dep_ == "conj":
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ not in group_plurals | {"members"}


def _inside_of(t: Token, top: Token) -> bool:
    """t names where top is ('areas in X district', 'the village of X'), not what is near it."""
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ == "pobj" and t.head.lower_ not in ("in", "of", "inside", "within", "at"):
            return False
        t = t.head
    return t.i == top.i


def _path_up(tok: Token, top: Token) -> list[Token]:
    out, t = [], tok
    while t.i != top.i and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out


def _clause_head(tok: Token) -> Token:
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _hyphenated(t: Token) -> bool:
    doc = t.doc
    return t.i + 1 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 1].whitespace_ == ""
