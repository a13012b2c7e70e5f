"""Argument roles of role nouns ("X, an ally of Y", "Y's mediator X", "as a guarantor"):
``holder`` (apposition, copula, 'as a ROLE', a compound or adjective: "their Iranian
sponsors") and ``owner`` ('of/to/for X', the possessive, or the agreement of the clause or
the one told last).

:class:`RoleNounArguments` works for :class:`~graphkit.extract.arguments.Arguments`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .antecedents import last_agreement, window_start
from .lexicon import Lexicon
from .refs import Ref

if TYPE_CHECKING:
    from .arguments import Arguments, Roles


class RoleNounArguments:
    def __init__(self, args: "Arguments", lex: Lexicon):
        self.args = args
        self.r = args.r
        self.m = args.m
        self.copulas, self.describing = lex.word_set("copulas"), lex.word_set("describing_verbs")
        self.fellow = lex.word_set("fellow_modifiers")

    def role_noun_roles(self, noun: Token) -> Roles:
        m = self.m.at(noun)
        if m is not None and m.role not in ("force",):
            return {}
        owner: list[Ref] = []
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "to", "for"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        owner += self.r.refs(p)
        mods = self.r.owner(noun)
        if noun.dep_ == "compound" and self.m.at(noun.head) is not None:
            # "Ethiopia's arch-rival Eritrea": the possessive belongs to the name the role noun modifies
            owner += [r for c in noun.head.children if c.dep_ == "poss" for r in self.r.refs(c, conj=False)]
        holder = self.holders(noun)
        poss = [r for c in noun.children if c.dep_ == "poss" for r in self.r.refs(c, conj=False)]
        if (owner or poss) and not holder:
            # "their Iranian sponsors", "Assad's Russian allies": the adjective holds the role
            holder = [r for r in mods if r.ent.key not in {p.ent.key for p in owner + poss}]
            owner = owner or poss
        owner = owner or mods or self.clause_agreements(noun) or self.recent_agreement(noun)
        roles: Roles = {"owner": owner, "holder": holder}
        self.args.prepositions(noun, roles)
        return roles

    def recent_agreement(self, noun: Token) -> list[Ref]:
        """'The ceasefire took effect on Sunday. Qatar, Egypt and the United States acted as
        mediators': a role noun with no owner in its clause belongs to the agreement told last
        (this sentence or the two before). Only links that take an agreement use it."""
        m = last_agreement(self.m, window_start(noun.sent), noun.i)
        return [self.r.ref(m)] if m is not None else []

    def clause_agreements(self, tok: Token) -> list[Ref]:
        """The agreement the clause around a word is about ('signed ..., with X as guarantors';
        'a truce agreed ..., with X among the guarantor countries'): the agreements among the
        arguments of the nearest verbs above it."""
        t = tok
        for _ in range(6):
            if t.head.i == t.i:
                break
            t = t.head
            if t.pos_ not in ("VERB", "AUX"):
                continue
            args = [d for d in t.children if d.dep_ in ("dobj", "nsubjpass", "nsubj", "attr")]
            if t.dep_ in ("acl", "relcl"):
                args.append(t.head)
            found = [r for d in args for r in self.r.refs(d) if r.ent.kind == "Agreement"]
            if found:
                return found
        return []

    def holders(self, noun: Token) -> list[Ref]:
        """Who holds a role noun: apposition, copula, 'as a ROLE', relative clause, compound name."""
        head = noun.head
        if noun.dep_ == "appos":
            # "X and Y, both signatories": a plural apposition after the last conjunct is said of all
            every = noun.tag_ in ("NNS", "NNPS") and head.conjuncts and all(c.i < noun.i for c in head.conjuncts)
            return self.r.refs(head, conj=bool(every))
        if noun.dep_ in ("attr", "acomp", "oprd") and head.lemma_.lower() in self.copulas:
            return self.args.subjects(head)
        if noun.dep_ == "compound" and head.dep_ == "pobj" and head.head.lower_ in ("as", "among"):
            noun, head = head, head.head      # "among the guarantor countries": the phrase it names
        if noun.dep_ == "pobj" and head.lower_ in ("as", "among"):
            verb = head.head
            beside = [r for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                      for p in c.children if p.dep_ == "pobj" for r in self.r.refs(p)]
            if beside and head.lower_ == "among" or beside and not any(c.lower_ in self.fellow for c in noun.children):
                return beside                 # "signed ..., with X and Y as guarantors"
            out = self.args.subjects(verb) if verb.pos_ in ("VERB", "AUX") else self.r.refs(verb, conj=False)
            if any(c.lower_ in self.fellow for c in noun.children):
                out += [r for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                        for p in c.children for r in self.r.refs(p)]
            return out
        if noun.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "appos" for c in noun.children):
            return [r for c in noun.children if c.dep_ == "appos" for r in self.r.refs(c)]
        if noun.dep_ == "nsubj" and head.lemma_.lower() in self.copulas:
            # "the real threat is X", "its main backer is Y": the copula's complement holds it
            return [r for c in head.children if c.dep_ == "attr" for r in self.r.refs(c)]
        if noun.dep_ == "dobj" and head.lemma_.lower() in self.describing:
            return [r for c in head.children if c.dep_ == "dobj" and c.i != noun.i for r in self.r.refs(c)]
        if noun.dep_ == "compound" and self.m.at(head) is not None:
            return self.r.refs(head, conj=False)          # "Ethiopia's arch-rival Eritrea"
        if noun.dep_ in ("nsubj", "dobj", "pobj") and noun.i + 1 < len(noun.doc):
            nxt = noun.doc[noun.i + 1]                    # "Hezbollah's patron Iran sent ...", parsed as two subjects
            if nxt.head.i == head.i and nxt.dep_ == noun.dep_ and self.m.at(nxt) is not None:
                return self.r.refs(nxt, conj=False)
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ == "appos":
            return self.r.refs(head.head.head, conj=False)   # "the Houthis, one of Tehran's proxies"
        # "Assad's main backers, Russia and Iran": the apposition of the role noun itself
        return [r for c in noun.children if c.dep_ == "appos" for r in self.r.refs(c)]
