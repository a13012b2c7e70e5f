"""The roles a word's prepositional phrases give: one role per preposition ('strikes on X'
-> ``on``), complex prepositions looked up in ``complex_prepositions`` of triggers.json ('on
behalf of X' -> ``for``, 'together with X' -> ``alongside``, also when spaCy hangs 'together'
on the 'with'), a possessor's side or front line ('on the LNA's front lines' -> ``for``), and
for a verb the prepositions of its object ('traded fire with X').
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .lexicon import PREPOSITION_ROLES, Lexicon
from .places_named import listing

TARGETS = frozenset({"on", "at", "against", "upon", "into"})      # prepositions that name a target

if TYPE_CHECKING:
    from .arguments import Arguments, Roles
    from .refs import Ref


class Prepositions:
    def __init__(self, args: "Arguments", lex: Lexicon):
        self.args = args
        self.r = args.r
        self.m = args.m
        self.table = lex.complex_prepositions
        self.role_nouns = lex.heads("ROLE")

    def read(self, tok: Token, roles: "Roles", inner: bool = True) -> None:
        self._complex_read_as_verb(tok, roles)
        for c in tok.children:
            if c.dep_ in ("prep", "prt", "agent", "advmod") and self._complex(c, roles):
                continue
            if c.lower_ == "with" and self._with_as_role(c):
                continue
            side = [p for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in ("side", "line", "frontline")
                    and c.lower_ in ("on", "along", "at")]
            owners = [r for p in side for q in p.children if q.dep_ == "poss" for r in self.r.refs(q)]
            if owners:
                # "fought on the LNA's front lines", "on Russia's side": for that side
                roles.setdefault("for", []).extend(owners)
                continue
            if self._possessive_complex(c, roles):
                continue
            if side:
                continue      # "fighting on the southern front lines": where, not against whom
            if (c.dep_ in ("prep", "prt", "agent") or c.dep_ == "dative" and c.pos_ == "ADP") and (
                    c.lower_ in PREPOSITION_ROLES):
                self._simple(c, roles)
            elif inner and c.dep_ in ("dobj", "prt") and tok.pos_ in ("VERB", "AUX") and (
                    (m := self.m.at(c)) is None or m.ent.kind == "Agreement"):
                # "traded fire with X", "received flights from X": the object's prepositions are the verb's
                extra: Roles = {}
                for o in [c, *(x for x in c.conjuncts if self.m.at(x) is None)]:
                    self.read(o, extra, inner=False)     # 'fired missiles and a number of drones at X'
                for k, v in extra.items():
                    if k != "of":
                        roles.setdefault(k, []).extend(v)

    def subject_adjuncts(self, verb: Token, roles: "Roles") -> None:
        """'X, in coordination with Y, inflicted losses': a complex preposition set off by commas
        after the subject (where spaCy hangs it) is the verb's."""
        for subj in verb.children:
            if subj.dep_ != "nsubj" or subj.i > verb.i:
                continue
            for c in verb.doc[subj.i + 2:verb.i]:
                # on the subject or on the comma after it
                if c.dep_ == "prep" and c.nbor(-1).text == "," and (c.head.i == subj.i or c.head.text == ","):
                    extra: "Roles" = {}
                    if self._complex(c, extra):
                        for k, v in extra.items():
                            roles.setdefault(k, []).extend(v)

    def _with_as_role(self, c: Token) -> bool:
        """'signed ..., with Cuba and Norway as guarantors', 'with X among the guarantor countries':
        the role noun says what X is, not the 'with' (X is no co-signer)."""
        preps = [q for q in c.head.children if q.dep_ == "prep" and q.lower_ in ("as", "among")] + [
            q for p in c.children if p.dep_ == "pobj" for q in p.children
            if q.dep_ == "prep" and q.lower_ in ("as", "among")]
        for q in preps:
            for p in q.children:
                words = {p.lemma_.lower()} | {x.lemma_.lower() for x in p.children if x.dep_ == "compound"}
                if p.dep_ == "pobj" and words & self.role_nouns:
                    return True
        return False

    def _simple(self, c: Token, roles: "Roles") -> None:
        # "strikes on X and on Y": a coordinated preposition
        objs = [p for q in [c] + [x for x in c.conjuncts if x.dep_ == "conj" and x.lower_ == c.lower_] + (
                self._stranded_conjuncts(c)) for p in q.children if p.dep_ in ("pobj", "pcomp")]
        for p in objs:
            # "in support of clearing operations by X": the doer of the gerund's event
            roles.setdefault(c.lower_, []).extend(self.r.target(p) or self.args.event_agents(p) or (
                self._gerund_doers(p) if p.dep_ == "pcomp" and p.tag_ == "VBG" else []))
        # "fired drones at targets, including X's depot": a listing hung beside the preposition names its members
        nxt = [s for s in c.head.children if s.i > c.i and s.dep_ == "prep"][:1]
        roles.setdefault(c.lower_, []).extend(
            r for s in nxt if c.lower_ in TARGETS and listing(s) for p in s.children if p.dep_ == "pobj"
            for r in self.r.target(p))
        # "out of X", "away from X": a particle then a preposition
        for p in c.children:
            if p.dep_ == "prep" and p.lower_ in PREPOSITION_ROLES:
                for q in p.children:
                    if q.dep_ == "pobj":
                        roles.setdefault(p.lower_, []).extend(self.r.target(q))

    def _complex_read_as_verb(self, tok: Token, roles: "Roles") -> None:
        """'would stand shoulder to shoulder with X': spaCy reads the second 'shoulder' as an
        infinitive ('to shoulder') hung on the verb; the words still make a complex preposition."""
        if not self.table or tok.pos_ not in ("VERB", "AUX"):
            return
        doc = tok.doc
        for v in tok.children:
            if v.dep_ not in ("advcl", "xcomp") or v.i < 2 or v.i - 2 <= tok.i:
                continue
            for q in v.children:
                role = self.table.get(f"{doc[v.i - 2].lower_} {doc[v.i - 1].lower_} {v.lower_} {q.lower_}") \
                    if q.dep_ == "prep" else None
                if role:
                    roles.setdefault(role, []).extend(r for p in q.children if p.dep_ == "pobj"
                                                      for r in self.r.target(p))

    @staticmethod
    def _stranded_conjuncts(c: Token) -> list[Token]:
        """'the backing of X, sealed in a treaty, and of Y': spaCy coordinates the second 'of'
        with some word between them; it is the nearest same preposition's before it."""
        out = []
        for x in c.doc[c.i + 1:c.sent.end]:
            if x.dep_ == "conj" and x.pos_ == "ADP" and x.lower_ == c.lower_ and x.head.lower_ != c.lower_:
                before = [y for y in c.doc[c.i:x.i] if y.lower_ == c.lower_ and y.dep_ == "prep"]
                if before and before[-1] == c:
                    out.append(x)
        return out

    def _possessive_complex(self, c: Token, roles: "Roles") -> bool:
        """'on Haftar's behalf', 'in Kyiv's defence': a complex preposition ('on behalf of') whose
        object stands as the possessor of its noun."""
        if c.dep_ != "prep":
            return False
        for n in c.children:
            role = self.table.get(f"{c.lower_} {n.lower_} of") if n.dep_ == "pobj" else None
            owners = [r for q in n.children if q.dep_ == "poss" for r in self.r.refs(q)] if role else []
            if owners:
                roles.setdefault(role, []).extend(owners)    # type: ignore[arg-type]
                return True
        return False

    def _gerund_doers(self, ger: Token) -> list["Ref"]:
        """'in support of clearing operations by X': who does the gerund's event ('by X' on the
        gerund or on its object)."""
        by = [r for d in ger.children if d.dep_ in ("prep", "agent") and d.lower_ == "by"
              for q in d.children if q.dep_ == "pobj" for r in self.r.refs(q)]
        return by or [r for d in ger.children if d.dep_ == "dobj" for r in self.args.event_agents(d)]

    def _complex(self, c: Token, roles: "Roles") -> bool:
        """'on behalf of X', 'in support of X', 'together with X': a complex preposition."""
        table = self.table
        if not table:
            return False
        if c.dep_ == "prep":
            # "mediated by X together with Y": spaCy hangs 'together' on the 'with' as a modifier
            for a in c.children:
                role = table.get(f"{a.lower_} {c.lower_}") if a.dep_ == "advmod" and a.i < c.i else None
                if role:
                    roles.setdefault(role, []).extend(r for p in c.children if p.dep_ == "pobj"
                                                      for r in self.r.target(p))
                    return True
        for n in [p for p in c.children if p.dep_ == "pobj"] + [c]:
            for q in n.children:
                if q.dep_ != "prep":
                    continue
                inner = [t.lower_ for t in n.children if t.dep_ == "det"] + [n.lower_] if n is not c else []
                words = [c.lower_] + inner + [q.lower_]
                role = table.get(" ".join(words)) or table.get(" ".join(w for w in words if w not in ("the", "a")))
                # "stand shoulder to shoulder with X": spaCy makes the first 'shoulder' the verb's object
                before = c.doc[c.i - 1] if c.i > 0 else None
                if not role and before is not None and before.head == c.head and before.dep_ in ("dobj", "npadvmod"):
                    role = table.get(" ".join([before.lower_] + words))
                if role:
                    for p in q.children:
                        if p.dep_ == "pobj":
                            roles.setdefault(role, []).extend(self.r.target(p))
                    return True
        return False
