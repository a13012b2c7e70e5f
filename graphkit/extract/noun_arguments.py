"""Argument roles of event nouns ("the Russian bombardment of X", "X launched strikes on Y");
role nouns ("X, an ally of Y") are read in :mod:`graphkit.extract.role_nouns`.

* event nouns: ``agent`` (possessive, compound or adjectival owner, 'by'/'from X', the
  subject of a light verb: "X launched strikes on Y", the doer of an event named under
  another predicate: "claimed responsibility for the attack"), ``patient`` ('of X', the
  agreement a phrase hosts: "a truce under the auspices of X"), prepositions (also those
  of the light verb), ``self`` (the noun is itself a mention: an agreement).

:class:`NounArguments` works for :class:`~graphkit.extract.arguments.Arguments`, which reads
verbs, participles and adjectives and hands nouns to it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .lexicon import Lexicon
from .mentions import has_det
from .refs import RELATIVE, Ref, dedup

if TYPE_CHECKING:
    from .arguments import Arguments, Roles


TARGETS = ("patient", "on", "against", "at", "into")     # the roles that name an event's target


class NounArguments:
    def __init__(self, args: "Arguments", lex: Lexicon):
        self.args = args
        self.lex = lex
        self.r = args.r
        self.m = args.m
        self.object_control = lex.object_control
        self.light = lex.word_set("light_verbs")
        self.counter_terror = lex.word_set("counter_terror_modifiers")
        self.wrappers = lex.word_set("wrapper_nouns") | lex.word_set("measure_nouns")
        self.copulas = lex.word_set("copulas")
        self.blame, self.responsibility = lex.word_set("blame_verbs"), lex.word_set("responsibility_nouns")
        self.receiving = lex.word_set("receiving_verbs")
        self.grateful = lex.word_set("gratitude_verbs")
        self._visiting: set[int] = set()
        # verbs with a relation of their own judge, report or act on an event rather than do it:
        # 'X condemned the strikes', 'X targeted the hideouts' (a light verb does the event: 'X launched strikes')
        self.framed = (lex.heads("VERB") | lex.word_set("speech_verbs")
                       | lex.word_set("negating_verbs") | lex.word_set("denial_verbs")
                       | lex.word_set("causal_verbs")) - self.light
        # 'to prevent a rout of X' is not a rout, 'X denied the strikes' no strike of X's,
        # 'X's attack prompted coalition strikes' are not X's

    # ---- event nouns ----------------------------------------------------------------------
    def carrier(self, noun: Token) -> Token:
        """'a series of airstrikes', 'dozens of raids', '$5 billion in aid': the measure noun carries the event."""
        c = noun
        while c.dep_ == "pobj" and (c.head.lower_ == "of" and c.head.head.lemma_.lower() in self.wrappers or (
                c.head.lower_ in ("of", "in") and c.head.head.tag_ == "CD")):
            c = c.head.head       # also a sum: '$5 billion in military aid', 'millions of dollars of aid'
        return c

    def light_verb(self, noun: Token) -> Token | None:
        """'X launched strikes', 'carried out a raid', 'imposed sanctions', 'responded with attacks'."""
        c = self.carrier(noun)
        head = c.head
        if c.dep_ in ("dobj", "attr", "nsubjpass") and head.lemma_.lower() in self.light:
            return head
        if c.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in self.light:
            return head.head
        if c.dep_ == "conj":
            return self.light_verb(c.head)
        return None

    def noun_agents(self, noun: Token) -> list[Ref]:
        if noun.i in self._visiting:
            return []            # an event under a verb whose doer is read from that event
        self._visiting.add(noun.i)
        try:
            return self._noun_agents(noun)
        finally:
            self._visiting.discard(noun.i)

    def _noun_agents(self, noun: Token) -> list[Ref]:
        out = self.r.owner(noun)
        for c in noun.children:
            if c.dep_ == "acl" and c.lemma_.lower() in self.blame:
                # "an airstrike blamed on Damascus"
                out += [r for p in c.children if p.dep_ in ("prep", "agent") and p.lower_ in ("on", "to", "by")
                        for q in p.children for r in self.r.refs(q)]
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        out += self.r.refs(p)
            if c.dep_ == "agent":
                for p in c.children:
                    out += self.r.refs(p)
        if not out:
            verb = self.light_verb(noun)
            if verb is not None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
                out = self.r.refs(verb.head, conj=False)     # "forces engaged in operations against X"
            elif verb is not None:
                out = self.args.subjects(verb)
        if not out:
            out = self._controller(noun)
        if not out:
            out = self._state_holder(noun)
        if not out:
            out = _predicated_act(self.args, noun)
        if not out and self.m.at(noun) is None:
            c = self.carrier(noun)
            if c.dep_ == "dobj" and c.head.pos_ in ("VERB", "AUX") and c.head.lemma_.lower() not in self.framed:
                # "X announced new sanctions against Y": the subject of the verb that governs the event
                out = [Ref(r.ent, r.start, r.end, r.text, r.mention, "governor") for r in self.args.subjects(c.head)]
        return dedup(out)

    def _state_holder(self, noun: Token) -> list[Ref]:
        """'X is at war with Y', 'X, itself at odds with Y', 'X remains in conflict with Y': a
        state named by 'at'/'in' and the noun is held by the copula's subject, by the subject
        it stands next to, or by the noun the phrase describes."""
        if noun.dep_ != "pobj" or noun.head.lower_ not in ("at", "in") or any(
                c.dep_ in ("det", "poss") for c in noun.children):
            return []
        prep, host = noun.head, noun.head.head
        before = noun.doc[prep.i - 3:prep.i] if prep.i >= 3 else None
        if before is not None and before[2].lower_ in ("itself", "themselves") and before[1].text == ",":
            return self.r.refs(before[0], conj=False)    # '..., Egypt, itself at odds with Y': the noun before
        if host.pos_ in ("AUX", "VERB") and (host.lemma_.lower() in self.copulas or prep.i < host.i and any(
                c.dep_ == "nsubj" and c.i < prep.i for c in host.children)):
            return self.args.subjects(host)     # a copula, or set between subject and verb ('X, at odds with Y, ...')
        if host.pos_ in ("NOUN", "PROPN") and noun.head.dep_ == "prep":
            return self.r.refs(host, conj=False)
        return []

    def adjunct_verb(self, noun: Token) -> Token | None:
        """'X attacked Y in support of Z', 'X struck Y with support from Z': the verb a noun's
        prepositional phrase modifies."""
        head = _adjunct_head(self.carrier(noun))
        return head if head is not None and head.pos_ in ("VERB", "AUX") else None

    def adjunct_host(self, noun: Token) -> list[Ref]:
        """What a prepositional phrase headed by the noun is about: the noun or the arguments of
        the verb it modifies."""
        c = self.carrier(noun)
        if c.dep_ != "pobj" or c.head.dep_ != "prep":
            return []
        host = c.head.head
        if host.pos_ in ("NOUN", "PROPN"):
            return self.r.refs(host, conj=False)
        if host.pos_ in ("VERB", "AUX"):
            out = [r for d in host.children if d.dep_ in ("dobj", "nsubjpass", "nsubj", "attr") for r in self.r.refs(d)]
            if host.dep_ in ("acl", "relcl"):
                out += self.r.refs(host.head, conj=False)
            return out
        return []

    def _counter_terror(self, noun: Token) -> bool:
        left = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod")]
        if not left:
            return False
        # "counter-terrorism" is one to three tokens: every run of modifiers before the noun
        toks = noun.doc[min(c.left_edge.i for c in left):noun.i]
        words = {t.lower_ for t in toks} | {toks[i:j].text.replace(" ", "").lower()
                                             for i in range(len(toks)) for j in range(i + 1, len(toks) + 1)}
        return bool(words & self.counter_terror)

    def _controller(self, noun: Token) -> list[Ref]:
        """Who does an event named under another predicate: 'claimed responsibility for the attack',
        'blamed X for the attack', 'accused X of the attack', 'X attacked Y in support of Z'."""
        c = self.carrier(noun)
        if c.dep_ != "pobj" or c.head.dep_ != "prep":
            return []
        gov = c.head.head
        if gov.dep_ == "acomp" and (gov.pos_ == "ADJ" or gov.tag_ == "VBN") and c.head.lower_ == "in" and not any(
                ch.dep_ == "prep" and ch.lower_ in ("from", "by") for ch in noun.children):
            return self.args.subjects(gov.head)   # "X remain entrenched in defiance of the truce"
        if gov.lemma_.lower() in self.responsibility and gov.head.pos_ in ("VERB", "AUX"):
            return self.args.subjects(gov.head)
        if gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in self.object_control:
            # "the group, which X blames for the attacks": the relative pronoun stands for the group
            return [r for d in gov.children if d.dep_ == "dobj" for r in (
                self.r.refs(gov.head, conj=False) if d.lower_ in RELATIVE and gov.dep_ == "relcl" else self.r.refs(d))]
        if gov.pos_ in ("NOUN", "PROPN") and gov.dep_ == "dobj" and gov.head.lemma_.lower() in self.object_control:
            return self.r.refs(gov)          # "blamed terrorists based in Idlib for the attack"
        if gov.dep_ == "acl" and gov.head.dep_ == "dobj" and gov.head.head.lemma_.lower() in self.object_control:
            return self.r.refs(gov.head)     # the same, 'for' hanging on 'based
        own_doer = any(ch.dep_ == "prep" and ch.lower_ in ("from", "by") for ch in noun.children)
        if gov.pos_ in ("VERB", "AUX") and c.head.lower_ in ("in", "for") and not own_doer:
            return self.args.subjects(gov)        # "in support of Z": the doer of the main verb
        if gov.pos_ in ("VERB", "AUX") and c.head.lower_ in ("after", "during", "amid", "following") and not own_doer \
                and any(ch.dep_ == "prep" and ch.lower_ == "with" for ch in noun.children):
            return self.args.subjects(gov)        # "X took the town after fighting with Y": X fought Y
        if gov.pos_ in ("VERB", "AUX") and c.head.lower_ == "during" and not own_doer and self._violent(gov):
            return self.args.subjects(gov)        # "X killed dozens during a raid on Y": X's raid
        return []

    def _violent(self, verb: Token) -> bool:
        """The verb is itself an attack ('killed', 'shelled'), so an attack it happens during is its doer's."""
        return any(lk.relation == "ATTACKED" for form in (verb.lower_, verb.lemma_.lower())
                   for fr in self.lex.lookup(form, "VERB") for lk in fr.links)

    def noun_roles(self, noun: Token) -> Roles:
        m = self.m.at(noun)
        if m is not None and m.ent.kind == "Agreement":
            # an agreement's own sides: 'their deal', 'Turkey's deal with X', 'a deal by X' — not
            # whoever 'welcomed the deal' (the verbs that make one have frames of their own)
            roles: Roles = {"agent": self.r.owner(noun) + [r for c in noun.children if c.dep_ in ("prep", "agent")
                                                           and c.lower_ == "by" for p in c.children
                                                           for r in self.r.refs(p)],
                            "self": [self.r.ref(m)]}
        else:
            roles = {"agent": self.noun_agents(noun)}
        self.args.prepositions(noun, roles)
        if m is not None and m.ent.kind == "Agreement":
            # "a memorandum of understanding with X", "a declaration of principles between X and Y"
            for c in noun.children:
                for p in c.children if c.dep_ == "prep" and c.lower_ == "of" else ():
                    if p.dep_ == "pobj" and self.m.at(p) in (None, m):
                        extra: Roles = {}
                        self.args.prepositions(p, extra)
                        for k, v in extra.items():
                            roles.setdefault(k, []).extend(v)
        own_doer = any(c.dep_ == "prep" and c.lower_ in ("from", "by") for c in noun.children) or (
            self.args.backing.given_with(noun, self.carrier(noun)))
        verb = self.adjunct_verb(noun)
        if _with_the_of(noun) and roles.get("of") and not self._about_agreement(verb):
            # (help with reaching, signing or breaking an agreement is mediation, not backing a side)
            # "X bombed Z with the help of Y", "with the support of Y": Y's help, given to X
            roles["agent"], roles["of"], own_doer = roles["of"], [], True
        roles["patient"] = list(roles.get("of", []))   # "the bombardment of X"; frames may read 'of' itself
        if roles["agent"] and not roles["patient"] and own_doer:
            # "X struck Y with support from Z", "X, with support from Z, struck Y": Z backs X
            roles["patient"] = self.args.backing.backed(_adjunct_head(self.carrier(noun)), verb)
        if not any(r.ent.kind == "Agreement" for r in roles["patient"]):
            # "signed under Qatari mediation", "a truce under the auspices of X": the agreement it hosts
            roles["patient"] += [r for r in self.adjunct_host(noun) if r.ent.kind == "Agreement"]
        if not any(roles.get(k) for k in ("patient", "on", "against", "at")) and self.m.generic_group is not None \
                and self._counter_terror(noun):
            # "counter-terrorism operations around Idlib": against the document's generic armed group
            roles["patient"] = [self.r.synthetic(noun, self.m.generic_group, "owner")]
        verb = self.light_verb(noun)
        if verb is not None and not own_doer:
            # "launched strikes against X": the target hangs off the light verb (not when the noun
            # has a doer of its own: 'struck X with support from Z' is no support for X)
            tmp: Roles = {}
            self.args.prepositions(verb, tmp)
            for k, v in tmp.items():
                roles.setdefault(k, []).extend(v)
            if noun.dep_ != "dobj" and not roles.get("with"):    # 'in coordination with X' names its partner
                roles["patient"] += [r for c in verb.children if c.dep_ == "dobj" for r in self.r.target(c)]
        if m is None and not any(roles.get(k) for k in TARGETS):
            self._target_elsewhere(noun, roles)
        return self._thanked(noun, self._received(noun, roles))

    def _thanked(self, noun: Token, roles: Roles) -> Roles:
        """'X thanked Y for its support', 'X thanked Y, whose backing proved decisive': the support
        Y is thanked for (``gratitude_verbs``) went to X, when it names no one else it went to."""
        if any(roles.get(k) for k in ("patient", "to", "for", "recipient")):
            return roles
        c = self.carrier(noun)
        gov = c.head.head if c.dep_ == "pobj" and c.head.lower_ == "for" else (
            c.head.head if c.dep_ == "nsubj" and c.head.dep_ == "relcl" else None)
        thanked = gov if gov is not None and gov.pos_ in ("NOUN", "PROPN") else None
        while gov is not None and gov.dep_ in ("dobj", "conj") and gov.pos_ in ("NOUN", "PROPN"):
            gov = gov.head        # 'thanked X, whose backing ...', 'thanks X for ..., and Y for ...'
        if gov is None or gov.pos_ != "VERB" or gov.lemma_.lower() not in self.grateful:
            return roles
        # 'thanks X for its support, and Y for the logistical support': an unowned support is Y's
        thanked = thanked or next((d for d in gov.children if d.dep_ == "dobj"), None)     # 'thanked X for the support'
        agent = roles.get("agent") or (self.r.refs(thanked, conj=False) if thanked is not None else [])
        return {**roles, "agent": agent, "patient": self.args.subjects(gov)} if agent else roles

    def _target_elsewhere(self, noun: Token, roles: Roles) -> None:
        """An event with no target of its own: a place named in front of it ('the Komanda attack'),
        or 'on Y' hung on the verb that accuses someone of it ('accused X of airstrikes on Y')."""
        roles["patient"] = roles.get("patient", []) + self._place_modifiers(noun)
        accuser = self._accusing_verb(noun)
        if accuser is not None and not roles["patient"]:
            tmp: Roles = {}
            self.args.prepositions(accuser, tmp, inner=False)
            for k in TARGETS[1:]:
                roles.setdefault(k, []).extend(tmp.get(k, []))

    def _accusing_verb(self, noun: Token) -> Token | None:
        """The verb that accuses or blames someone of or for the event ('accused X of airstrikes')."""
        c = self.carrier(noun)
        if c.dep_ != "pobj" or c.head.lower_ not in ("of", "for"):
            return None
        gov = c.head.head
        if gov.pos_ in ("NOUN", "PROPN") and gov.dep_ == "dobj":
            gov = gov.head
        lemma = gov.lemma_.lower()
        return gov if gov.pos_ == "VERB" and (lemma in self.object_control or lemma in self.blame) else None

    def _place_modifiers(self, noun: Token) -> list[Ref]:
        """A place named in front of an event noun, where the event happened ('the Komanda attack')."""
        doc = noun.doc
        out = []
        for c in noun.children:
            m = self.m.at(c)
            if c.dep_ == "compound" and c.i < noun.i and m is not None and m.ent.kind == "Place" and (
                    c.i == m.head) and not (c.i + 1 < len(doc) and doc[c.i + 1].text == "-"):
                out.append(self.r.ref(m, "place"))
        return out

    def _about_agreement(self, verb: Token | None) -> bool:
        """The verb is done to an agreement ('signed the deal', 'violated the truce', 'the truce
        it reached')."""
        return verb is not None and any((m := self.m.at(c)) is not None and m.ent.kind == "Agreement"
                                        for c in verb.children if c.dep_ == "dobj") or (
            verb is not None and verb.dep_ == "relcl" and (m := self.m.at(verb.head)) is not None
            and m.ent.kind == "Agreement" and not any(c.dep_ == "dobj" for c in verb.children))

    def _received(self, noun: Token, roles: Roles) -> Roles:
        """'X retains the backing of Y', 'X enjoys the support of Y', 'X won Turkish support': after a
        verb of having or getting (``receiving_verbs``) the event is done to the verb's subject;
        its doer is 'of Y', 'from Y' or its owner, never the subject."""
        c = self.carrier(noun)
        if c.dep_ != "dobj" or c.head.pos_ != "VERB" or c.head.lemma_.lower() not in self.receiving:
            return roles
        doers = [r for r in roles.get("agent", []) if r.via != "governor"] + roles.get("of", []) + [
            r for p in c.head.children if p.dep_ == "prep" and p.lower_ == "from"
            for q in p.children if q.dep_ == "pobj" for r in self.r.target(q)]     # 'received support from Y'
        out = {k: v for k, v in roles.items() if k != "of"}
        out["agent"], out["patient"] = dedup(doers), self.args.subjects(c.head)
        return out


def _with_the_of(noun: Token) -> bool:
    """'with the help of Y': a definite event noun after 'with' whose 'of' names its doer."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "with" and has_det(noun, ("the",)) and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _predicated_act(args: "Arguments", noun: Token) -> list[Ref]:
    """'condemned the move as a violation of the agreement': an event said of a verb's object
    with 'as' is done by the doer of that object's act."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "as":
        return []
    host = prep.head        # the verb, or its object ('condemned [the move as a violation]')
    objs = [host] if host.dep_ == "dobj" else [c for c in host.children if c.dep_ == "dobj" and c.i < prep.i] \
        if host.pos_ == "VERB" else []
    return [r for c in objs for r in args.event_agents(c)]


def _adjunct_head(c: Token) -> Token | None:
    """The word a prepositional phrase headed by the noun (its carrier ``c``) hangs on ('X struck
    Y with support from Z', 'X, with support from Z, struck Y'), through coordinated prepositions
    ('in coordination with X and with support from Z')."""
    if c.dep_ != "pobj":
        return None
    prep = c.head
    while prep.dep_ == "conj" and prep.head.pos_ == "ADP":
        prep = prep.head
    return prep.head if prep.dep_ == "prep" else None
