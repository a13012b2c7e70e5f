"""Antecedents: what a pronoun or a number description refers back to, within the document.

* a pronoun ("it", "its", "they", "their") -> the nearest agreeing entity that is not its
  co-argument: the sayer of a reported clause ("X says it will ..."), the subject of the
  previous sentence, else the most salient entity of the last two sentences; a possessive
  ("its largest attack") -> the subject of its own clause; 'it' may also be an agreement;
* a number description ("the two countries", "both sides", "the three leaders") -> that many
  entities just named: a coordinated subject, the pair of a 'between X and Y', or the most
  recent ones.

:class:`Antecedents` works for a :class:`~graphkit.extract.references.Resolver`, which reads
every other kind of reference.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .lexicon import Lexicon
from .refs import PRONOUNS_PERSON, PRONOUNS_PL, PRONOUNS_SG, Ref, dedup

if TYPE_CHECKING:
    from .mentions import Mention, Mentions
    from .references import Resolver


class Antecedents:
    """Pronouns and number descriptions -> the refs they stand for, for one document."""

    def __init__(self, resolver: "Resolver", lex: Lexicon):
        self.r = resolver
        self.m = resolver.m
        self.doc = resolver.doc
        self.speech = lex.word_set("speech_verbs")
        self.target_preps = lex.word_set("target_prepositions")
        self.deal_verbs = lex.word_set("agreement_object_verbs")
        self.person_collectives = lex.word_set("person_collectives")
        self.object_control = lex.word_set("object_control_verbs")
        self.extraposed = lex.word_set("extraposition_words")

    # ---- number descriptions ---------------------------------------------------------------
    def last_n(self, tok: Token, n: int) -> list[Ref]:
        """'the two countries', 'both sides': n entities just named (a coordinated subject of a
        recent sentence with exactly n members, or the n most recent actors)."""
        want = "Person" if tok.lower_ in self.person_collectives else None
        if want is None:
            for sent in [tok.sent] + previous_sentences(tok.sent, 3):
                for c in sent.root.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and not any(t.i == tok.i for t in c.subtree) \
                            and not (sent.start <= tok.i < sent.end and _in_clause_of(tok, sent.root)):
                        group = dedup(self.r.refs(c) + self.r.along_with(c))
                        if len(group) == n and all(r.ent.kind in ("Actor", "Group") for r in group):
                            return self.r.as_(tok, group)
            between = self._recent_between(tok, n)
            if between:
                return self.r.as_(tok, between)
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
            out.append(self.r.synthetic(tok, m.ent))
            if len(out) == n:
                break
        return out if len(out) == n else []

    def _recent_between(self, tok: Token, n: int) -> list[Ref]:
        """'a truce between X and Y ... both sides': the pair of the last 'between X and Y'."""
        for t in reversed(self.doc[window_start(tok.sent):tok.i]):
            if t.lower_ == "between" and t.dep_ == "prep" and not (t.left_edge.i <= tok.i <= t.right_edge.i):
                # (not the 'between' the description itself stands in: 'mediate between the two neighbours')
                group = dedup([r for p in t.children if p.dep_ == "pobj" for r in self.r.refs(p)])
                if len(group) == n:
                    return group
        return []

    # ---- pronouns ------------------------------------------------------------------------
    def antecedent(self, tok: Token) -> list[Ref]:
        """'it'/'its' -> the nearest singular actor before it that is not its co-argument;
        'they'/'their' -> the nearest plural one (a group, forces, or a coordination)."""
        plural = tok.lower_ in PRONOUNS_PL
        if tok.lower_ in PRONOUNS_PERSON:
            return self._person(tok)
        if self._expletive(tok):
            return []
        clause = _clause_head(tok)
        if tok.dep_ == "poss":
            r = self._possessor(tok, clause, plural)
            if r:
                return self.r.as_(tok, r, "pronoun")
        r = self._sayer(tok, plural) or self._relative_agent(tok, plural) or self._previous_subject(tok, plural)
        if r:
            return self.r.as_(tok, r, "pronoun")
        agreement = [] if plural or tok.dep_ == "poss" else self._recent_agreement(tok)
        if agreement and tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.deal_verbs:
            return agreement        # 'refused to extend it', 'breached it': the deal, not the last actor
        best = self._most_salient(tok, clause, plural)
        if best is None:
            return agreement
        return self.r.as_(tok, best, "pronoun") + agreement

    def _person(self, tok: Token) -> list[Ref]:
        """'he', 'his', 'her' -> the side of the most salient person of the last two sentences
        (a leader or spokesman acts for a state or group), not a co-argument of the pronoun."""
        sent = tok.sent
        coargs = set() if tok.dep_ == "poss" else _subjects(_clause_head(tok))
        best, best_score = None, None
        for m in self.m.mentions:
            if not (window_start(sent) <= m.start < tok.i) or m.head in coargs or not (
                    m.role == "leader" or m.ent.kind == "Person"):
                continue
            score = _salience(self.doc[m.head], m.start >= sent.start, 0, self._distance(m.start, sent))
            if best_score is None or score >= best_score:
                best, best_score = m, score
        return self.r.as_(tok, [self.r.ref(best)], "pronoun") if best is not None else []

    def _expletive(self, tok: Token) -> bool:
        """'it' that stands for a clause later on, not an entity: 'it is clear that ...', 'it is
        Turkey's duty to ...', 'it remains unclear who ...'."""
        verb = tok.head
        if tok.lower_ != "it" or tok.dep_ != "nsubj" or verb.lemma_ not in ("be", "remain", "seem", "appear", "become"):
            return False
        words = [c for c in verb.children if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in self.extraposed]
        clauses = [c for w in [verb, *words] for c in w.children
                   if c.dep_ in ("xcomp", "ccomp", "acl", "relcl") and c.i > tok.i]
        return bool(words and clauses)

    def _sayer(self, tok: Token, plural: bool) -> list[Ref]:
        """'X says it will ...', 'X said they had ...': the one who says it."""
        if not (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ in ("ccomp", "parataxis") and
                tok.head.head.lemma_.lower() in self.speech):
            return []
        speaker = [r for c in tok.head.head.children if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS_SG | PRONOUNS_PL
                   for r in self.r.refs(c, conj=plural)]
        if not speaker and tok.head.head.dep_ in ("advcl", "conj", "xcomp"):
            speaker = [r for c in tok.head.head.head.children if c.dep_ == "nsubj"
                       for r in self.r.refs(c, conj=plural)]
        return self._agreeing(speaker, plural)

    def _relative_agent(self, tok: Token, plural: bool) -> list[Ref]:
        """The subject of a relative clause on a verb's object -> that verb's doer: 'X struck the
        militia that it accuses of ...', 'it is Y's duty to rein in the groups that it supports'."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "relcl":
            return []
        noun = tok.head.head
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
        if noun.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
            return []
        names = [c for c in verb.children if c.dep_ == "nsubj"]
        if not names and verb.dep_ in ("acl", "xcomp"):     # 'Y's duty to rein in ...': the duty's owner
            host = verb.head
            names = [c for n in (host, *(c for c in host.children if c.dep_ in ("attr", "acomp")))
                     for c in n.children if c.dep_ == "poss"] or [c for c in host.children if c.dep_ == "nsubj"]
        doers = [c for c in names if c.lower_ not in PRONOUNS_SG | PRONOUNS_PL]
        return self._agreeing([r for c in doers for r in self.r.refs(c, conj=plural)], plural)

    def _previous_subject(self, tok: Token, plural: bool) -> list[Ref]:
        """A subject pronoun with no mention before it in its sentence: the subject of the
        previous sentence ('Ankara ... . It has threatened ...')."""
        sent = tok.sent
        if tok.dep_ not in ("nsubj", "nsubjpass") or any(m.start < tok.i for m in self.m.mentions
                                                         if m.start >= sent.start) or sent.start == 0:
            return []
        prev = self.doc[sent.start - 1].sent
        for c in prev.root.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in PRONOUNS_SG | PRONOUNS_PL:
                r = self._agreeing(self.r.refs(c, conj=plural), plural)
                if r:
                    return r
        return []

    def _most_salient(self, tok: Token, clause: Token, plural: bool) -> list[Ref] | None:
        """The agreeing entity of the last two sentences that the text makes most salient, not a
        co-argument of the pronoun nor bound by its phrase."""
        sent = tok.sent
        coargs = _subjects(clause)
        # (nor the entity its co-argument names: 'the government ..., accusing it' is not the government)
        co_ents = {m.ent.key for i in coargs if (m := self.m.by_token.get(i)) is not None}
        bound = _bound_tokens(tok)
        best, best_score = None, None
        seen: Counter = Counter(m.ent.key for m in self.m.mentions if m.start < tok.i)
        start = window_start(sent)
        for m in sorted(self.m.mentions, key=lambda m: -m.start):
            if m.start >= tok.i or m.start < start or m.locative or m.ent.kind in ("Place", "Agreement") \
                    or m.head in bound:
                continue
            if m.start >= sent.start and not plural and (
                    m.head in coargs or any(c in coargs for c in range(m.start, m.end)) or m.ent.key in co_ents):
                continue
            head = self.doc[m.head]
            if plural and head.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "conj" for c in head.children):
                group = self.r.refs(head)
                cand, ok = group, len(group) > 1
            else:
                cand, ok = [self.r.ref(m)], self.is_plural(self.r.ref(m)) == plural
            if not ok:
                continue
            score = _salience(head, m.start >= sent.start, seen[m.ent.key], self._distance(m.start, sent))
            if best_score is None or score > best_score:
                best, best_score = cand, score
        return best

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
        m = last_agreement(self.m, window_start(tok.sent), tok.i)
        return [self.r.synthetic(tok, m.ent, "pronoun")] if m is not None else []

    def _possessor(self, tok: Token, clause: Token, plural: bool) -> list[Ref]:
        """'Russia launched its largest attack': the subject of its own clause, unless the number
        disagrees, then of an enclosing clause ('Ankara claims ...')."""
        owned = tok.head
        if owned.dep_ == "conj" and owned.head.i < tok.i and owned.head.lower_ not in PRONOUNS_SG | PRONOUNS_PL:
            # "the M23 and its Rwandan sponsors", "Russia and its allies": the conjunct before it
            r = self._agreeing(self.r.refs(owned.head, conj=False), plural)
            if r:
                return r
        r = self._controller(tok, plural) or next((x for t in _reason_targets(tok) if (
            x := self._agreeing(self.r.refs(t, conj=False), plural))), [])
        if r:
            return r
        in_target = any(a.dep_ == "pobj" and a.head.lower_ in self.target_preps for a in _path_up(tok, clause))
        for c in ([] if in_target else clause.children):
            if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS_SG | PRONOUNS_PL and c.i < tok.i:
                r = self._agreeing(self.r.refs(c, conj=False), plural)
                if r and not any(c.conjuncts):
                    return r
        v = clause.head if clause.head.i != clause.i else None
        while v is not None:
            if v.pos_ in ("VERB", "AUX"):
                for c in v.children:
                    if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS_SG | PRONOUNS_PL:
                        r = self._agreeing(self.r.refs(c, conj=False), plural)
                        if r:
                            return r
            if v.head.i == v.i:
                break
            v = v.head
        return []

    def _controller(self, tok: Token, plural: bool) -> list[Ref]:
        """'accusing it of complicity through its support for the RSF': inside a nominal complement
        of a verb of ``object_control_verbs`` ('of X', 'for X', 'through X'), the verb's object."""
        t = tok
        while t.head.i != t.i and not (t.dep_ == "prep" and t.head.lemma_.lower() in self.object_control):
            if t.pos_ in ("VERB", "AUX"):
                return []       # a clause or a gerund of its own ('accused Y of shelling its camps': X's)
            t = t.head
        verb = t.head if t.dep_ == "prep" else None
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i < tok.i] if verb is not None else []
        return self._agreeing(self.r.refs(objs[0], conj=False), plural) if objs else []

    def is_plural(self, r: Ref) -> bool:
        if r.mention is None:
            return r.ent.plural
        head = self.doc[r.mention.head]
        plural_tag = head.tag_ in ("NNS", "NNPS") and not head.text.isupper()    # 'TNLA' tagged NNS is one group
        if r.mention.role in ("name", "capital", "seat", "leader", "ner", "agreement"):
            # "the United States" takes 'it'; "the Houthis" take 'they'
            return plural_tag and r.ent.kind == "Group"
        return r.ent.plural or plural_tag

    def _agreeing(self, refs: list[Ref], plural: bool) -> list[Ref]:
        if not refs:
            return []
        if plural:
            return refs if len(refs) > 1 or self.is_plural(refs[0]) or self._collective(refs[0]) else []
        return refs if len(refs) == 1 and not self.is_plural(refs[0]) else []

    def _collective(self, r: Ref) -> bool:
        """A group, an organisation or an authority ('the Taliban said they ...') may be 'they'
        when it is the one speaking or acting: it also takes 'it'."""
        if r.ent.kind in ("Group", "Organization"):
            return True
        entry = self.m.gaz.state(r.ent.name) if r.ent.kind == "Actor" else None
        return bool(entry is not None and entry.info.get("authority"))


def previous_sentences(sent: Span, k: int) -> list[Span]:
    """Up to k sentences before ``sent``, nearest first."""
    out, start = [], sent.start
    for _ in range(k):
        if start == 0:
            break
        prev = sent.doc[start - 1].sent
        out.append(prev)
        start = prev.start
    return out


def last_agreement(ms: Mentions, start: int, before: int) -> Mention | None:
    """The last agreement named from token ``start`` up to (not including) token ``before``
    (not one named in a comparison: 'the ceasefire was, like the November truce, ...')."""
    doc = ms.doc
    found = [m for m in ms.mentions if m.ent.kind == "Agreement" and start <= m.start < before
             and not (doc[m.head].dep_ == "pobj" and doc[m.head].head.lower_ in ("like", "unlike"))]
    return max(found, key=lambda m: m.start) if found else None


def window_start(sent: Span) -> int:
    """Where references look back to: two sentences at most."""
    prev = previous_sentences(sent, 2)
    return prev[-1].start if prev else sent.start


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


def _subjects(clause: Token) -> set[int]:
    """The subject of a clause, or of the clause a subjectless participle or infinitive hangs on
    ('X cut ties with Y, accusing it of ...': 'it' is not X)."""
    for _ in range(3):
        subj = {c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")}
        if subj or clause.dep_ not in ("advcl", "xcomp", "conj") or clause.head.i == clause.i:
            return subj
        clause = clause.head
    return set()


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


CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj"})


def _in_clause_of(tok: Token, verb: Token) -> bool:
    """The token is in the verb's own clause (no clause boundary on its way up), where a
    description cannot be the verb's subject: 'X and Y offered to mediate between the two
    neighbours' (the neighbours are others), 'X and Y said the two countries would ...' (they are not)."""
    t = tok
    while t.i != verb.i and t.head.i != t.i:
        if t.dep_ in CLAUSES:
            return False
        t = t.head
    return t.i == verb.i


REASONS = frozenset({"over", "for"})


def _reason_targets(tok: Token) -> list[Token]:
    """'X imposed sanctions on Y over its support for Z', 'X thanked Y for its help': a possessive
    in the reason a verb gives ('over', 'for') is the one the verb acts on (its object, or the
    target of its object noun), not its subject ('X apologised to Y for its role' has neither)."""
    t = tok.head
    while t.dep_ not in ("pobj", "ROOT") and t.pos_ not in ("VERB", "AUX"):
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ not in REASONS:
        return []
    host = t.head.head
    verb = host.head if host.dep_ == "dobj" else host
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.i < tok.i]
    return objs + [p for n in [verb, *objs] for c in n.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                   and c.i < tok.i for p in c.children if p.dep_ == "pobj"]
