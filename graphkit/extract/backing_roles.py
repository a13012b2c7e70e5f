"""Roles of backing that spaCy's parse hides, read for
:class:`~graphkit.extract.arguments.Arguments` and its event nouns: a backing participle before a
verb's object ('X opened supporting fronts for Y'), the side helped when spaCy folds it into one
noun with the infinitive ('to help Ukraine export grain'), a backing noun after 'with' ('X rebuilt
its arsenal with Qatari money') and whom the support in such a phrase goes to.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .lexicon import Lexicon
from .references import Ref

if TYPE_CHECKING:
    from .arguments import Arguments, Roles


class BackingRoles:
    def __init__(self, args: "Arguments", lex: Lexicon):
        self.args = args
        self.lex = lex
        self.object_control = lex.object_control
        self.people = lex.word_set("generic_group_heads") | lex.word_set("group_heads") | lex.word_set(
            "personnel_nouns")

    def helped_in_one_noun(self, verb: Token, roles: "Roles") -> None:
        """'to help Ukraine export grain' (all one noun to spaCy): the name before it, read as the
        indirect object, is the one helped; not 'arm the Tripoli militias' (a group is no thing given)."""
        if roles.get("patient") or verb.lemma_.lower() not in self.object_control or any(
                c.dep_ == "dobj" and (c.lower_ in self.people or c.lemma_.lower() in self.people)
                for c in verb.children):
            return
        roles["patient"] = list(roles.get("recipient", []))

    def attributive(self, verb: Token, roles: "Roles") -> None:
        """'X opened a supporting front for Y': a participle of backing before a verb's object is done
        by that verb's doer, for the side the object's prepositions name (not an attack participle:
        'repelled attacking fighters' are not the subject's)."""
        noun = verb.head
        if verb.dep_ != "amod" or verb.tag_ != "VBG" or noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
            return
        rels = {lk.relation for fr in self.lex.lookup(verb.lemma_.lower(), "VERB") for lk in fr.links}
        if "BACKS" not in rels or "ATTACKED" in rels:
            return
        if not roles.get("agent"):
            roles["agent"] = self.args.subjects(noun.head)
        extra: "Roles" = {}
        self.args.prepositions(noun, extra)
        for k, v in extra.items():
            roles.setdefault(k, []).extend(v)

    def given_with(self, noun: Token, carrier: Token) -> bool:
        """'X rebuilt its arsenal with Qatari money', 'X held the line with U.S. support': a backing
        noun after 'with' is given by its owner to the doer of the verb it hangs on."""
        return carrier.dep_ == "pobj" and carrier.head.lower_ == "with" and any(
            lk.relation == "BACKS" for fr in self.lex.lookup(noun.lemma_.lower(), "NOUN") for lk in fr.links)

    def backed(self, host: Token | None, verb: Token | None) -> list[Ref]:
        """Who the support a phrase names goes to: the doer of the verb it hangs on, or the noun it
        hangs on (``host``: 'X, with support from Z, struck Y'); a time phrase in between is skipped
        ('built its arsenal over two decades with Iranian money')."""
        if verb is not None:
            return self.args.subjects(verb)
        if host is None or host.pos_ not in ("NOUN", "PROPN"):
            return []
        out = self.args.r.refs(host, conj=False)
        if not out and host.dep_ == "pobj" and host.head.dep_ == "prep" and host.head.head.pos_ == "VERB" and (
                host.ent_type_ in ("DATE", "TIME")):
            out = self.args.subjects(host.head.head)
        return out
