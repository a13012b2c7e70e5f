"""Condemning labels: an actor who calls something by a condemning name opposes it, or the
one whose act it is ('Mogadishu called the deal null and void', 'Ankara regards the YPG as a
terrorist group', 'Kyiv called the decision short-sighted', 'the junta declared the accord
void'). The verb puts a label on its object (``labelling_verbs``); the label is a word of
``condemning_labels``. No single trigger word states this, so it is a construction."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .arguments import passive

if TYPE_CHECKING:
    from .candidates import Candidate, CandidateFinder
    from .references import Ref

PREDICATES = ("oprd", "xcomp", "acomp", "attr", "ccomp")


def condemning_label(f: "CandidateFinder", verb: Token) -> list["Candidate"]:
    """OPPOSES from the labeller to what it labels (or to the doer of the act it labels)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in f.lex.word_set("labelling_verbs"):
        return []
    bad = f.lex.word_set("condemning_labels")
    slots = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", *PREDICATES)]
    slots += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
              if p.dep_ in ("pobj", "amod", "acomp")]
    # 'called the shelling of Jermuk a war crime': the parser hangs the label on the object's own object
    slots += [a for c in verb.children if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep"
              for o in p.children if o.dep_ == "pobj"
              for a in o.children if a.dep_ == "appos" and a.i == o.right_edge.i]
    # 'declared the accord void': the parser hangs the label on the object, after it
    slots += [a for c in verb.children if c.dep_ == "dobj" for a in c.rights if a.dep_ in ("acl", "amod")
              and a.pos_ in ("ADJ", "VERB")]
    label = next((c for c in slots if _condemning(c, bad)), None)
    if label is None:
        return []
    objects = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive(verb) else "dobj") and c.i != label.i]
    if not objects:     # 'called the deal null and void': the parser makes the label the object, the deal its compound
        objects = [c for c in label.children if c.dep_ in ("compound", "nmod") and not _condemning(c, bad)][-1:]
    targets: list[Ref] = []
    for o in objects:
        targets += f.r.refs(o) or f.args.event_agents(o)
    return f.make_each(f.args.subjects(verb), targets, "OPPOSES", verb, "condemning_label", "VERB", "agent", "patient",
                       weight=0.8)


def _condemning(head: Token, bad: frozenset[str]) -> bool:
    """A label of condemning words: the head or its conjuncts ('null and void'), or a hyphenated
    word ending in the head ('short-sighted'), the words of a plain act ('a barbaric act', 'an act of
    terrorism'); not a modifier of another noun ('a dangerous expansion of X')."""
    words = [head, *head.conjuncts]
    if head.lemma_.lower() in ACTS:     # 'a barbaric act', 'an act of terrorism': the act's condemning words
        words += [c for c in head.children if c.dep_ == "amod"] + [
            p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    hyphened = head.doc[head.left_edge.i:head.i + 1].text.lower().replace(" ", "")
    return hyphened in bad or any(w.lemma_.lower() in bad or w.lower_ in bad for w in words)


ACTS = frozenset({"act", "action", "move", "step", "deed"})
