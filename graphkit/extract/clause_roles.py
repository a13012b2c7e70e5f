"""Roles the wider clause gives a trigger, beyond its own dependents: whom what is given lets act
('supplied drones that helped the army retake X'), who sent the people who act ('X sent
mercenaries to fight for Y'), who made a statement ('a statement by X condemning Y'), whose act an
act noun sums up ('X offered troops - a move Y opposed'), an object the subject owns ('the states
recalled their ambassadors'), and a gerund of blame after a reported clause. Works for
:class:`~graphkit.extract.arguments.Arguments`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .antecedents import previous_sentences
from .lexicon import Lexicon
from .mentions import has_det
from .references import RELATIVE, Ref

if TYPE_CHECKING:
    from .arguments import Arguments, Roles


class ClauseRoles:
    def __init__(self, args: "Arguments", lex: Lexicon):
        self.args = args
        self.r = args.r
        self.enabling = lex.word_set("enabling_verbs")
        self.speech = lex.word_set("speech_verbs")
        self.statements = lex.word_set("speech_nouns") | lex.word_set("claim_nouns")
        self.motion, self.personnel = lex.word_set("motion_verbs"), lex.word_set("personnel_nouns")

    def enabled(self, tok: Token, pos: str) -> list[Ref]:
        """Who what is given lets do something (``enabling_verbs``): 'supplied drones that helped the
        army recapture X', 'Tehran's supply of missiles has allowed the movement to strike'."""
        if pos == "VERB":
            verbs = [v for c in tok.children if c.dep_ == "dobj" for v in c.children if v.dep_ == "relcl"
                     and any(s.dep_ == "nsubj" and s.lower_ in RELATIVE for s in v.children)]
        else:
            c = self.args.nouns.carrier(tok)
            verbs = [c.head] + [v for v in c.head.children if v.dep_ == "conj" and not any(
                s.dep_ in ("nsubj", "nsubjpass") for s in v.children)] if c.dep_ == "nsubj" else []
        out: list[Ref] = []
        for v in verbs:
            if v.lemma_.lower() in self.enabling:
                out += [r for c in v.children if c.dep_ == "dobj" for r in self.r.refs(c)] or [
                    r for c in v.children if c.dep_ in ("ccomp", "xcomp") for s in c.children
                    if s.dep_ == "nsubj" for r in self.r.refs(s)]
        return out

    def own_object(self, verb: Token, roles: "Roles") -> None:
        """'the three states recalled their ambassadors (from X)': their own, not one another's; the
        object's prepositions are the verb's."""
        own = {r.ent.key for r in roles["agent"]}
        for c in verb.children:
            if own and c.dep_ == "dobj" and any(p.dep_ == "poss" and p.pos_ == "PRON" for p in c.children):
                roles["patient"] = [r for r in roles["patient"] if r.ent.key not in own]
                extra: "Roles" = {}
                self.args.preps.read(c, extra, inner=False)
                for k, v in extra.items():
                    if k != "of" and not roles.get(k):
                        roles[k] = v

    def senders(self, verb: Token) -> list[Ref]:
        """'X sent Syrian mercenaries to fight for Y': who sent the people who do it (X), when
        they are sent (``motion_verbs``) people (``personnel_nouns``) to do it."""
        head = verb.head
        if verb.dep_ not in ("xcomp", "advcl") or head.lemma_.lower() not in self.motion or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or not any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.personnel for c in head.children):
            return []
        return self.args.subjects(head)

    def author(self, noun: Token) -> list[Ref]:
        """Who made a statement (``speech_nouns``, ``claim_nouns``): 'a statement by France condemning
        X', 'Moscow's claims that ...'."""
        if noun.lemma_.lower() not in self.statements and noun.lower_ not in self.statements:
            return []
        return self.r.owner(noun) + [r for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ in (
            "by", "from") for p in c.children if p.dep_ == "pobj" for r in self.r.refs(p)]

    def blame_act(self, verb: Token) -> bool:
        """A speech act of blame: 'accusing X', 'blaming X', 'holding X responsible'."""
        return verb.lemma_.lower() in self.args.object_control or any(
            c.dep_ in ("ccomp", "oprd", "xcomp", "acomp") and c.lemma_.lower() in self.args.object_predicates
            for c in verb.children)

    def last_actor(self, noun: Token) -> list[Ref]:
        """'Israel seized the buffer zone. Egypt condemned the move': a definite act noun with no
        owner of its own (``act_nouns``) is the act the sentence before told; its doer is that
        sentence's subject."""
        if self.r.owner(noun) or not has_det(noun, ("the", "this", "that")):
            return []
        prev = previous_sentences(noun.sent, 1)
        if not prev:
            return []
        root = prev[0].root
        return [Ref(r.ent, r.start, r.end, r.text, r.mention, "event") for r in self.args.subjects(root)
                if r.ent.kind != "Agreement"]

    def summarized(self, noun: Token) -> list[Ref]:
        """'Kenya offered troops to the mission - a move Addis Ababa opposed': an act noun set off
        after a clause sums it up; its doer is that clause's subject."""
        left = noun.left_edge
        if noun.dep_ not in ("appos", "npadvmod", "dep") or left.i == 0 or (
                left.nbor(-1).text not in ("-", "—", "–", ",")):
            return []
        verb = noun.head
        while (verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("relcl", "acl")) and verb.head.i != verb.i:
            verb = verb.head          # the clause it sums up, not a relative clause inside it
        return [Ref(r.ent, r.start, r.end, r.text, r.mention, "event") for r in self.args.subjects(verb)
                if r.ent.kind != "Agreement"] if verb.pos_ in ("VERB", "AUX") else []

    def labelled_what(self, verb: Token) -> list[Ref]:
        """'X rejected what it called the interference of Y', 'condemned what it described as a
        provocation by Y': the free relative's label (after ``labelling_verbs``) is the object, or
        the doer of the act it names."""
        labelling = self.args.lex.word_set("labelling_verbs")
        out: list[Ref] = []
        for v in verb.children:
            if v.dep_ != "ccomp" or v.lemma_.lower() not in labelling or not any(
                    c.dep_ == "dobj" and c.lower_ == "what" for c in v.children):
                continue
            labels = [c for c in v.children if c.dep_ in ("oprd", "attr", "xcomp")] + [
                p for c in v.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
            for label in labels:
                out += self.r.target(label) or self.args.event_agents(label)
        return out
