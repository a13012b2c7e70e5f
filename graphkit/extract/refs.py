"""A reference: one entity as one stretch of text refers to it (:class:`Ref`), and the
pronouns references are read through."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .mentions import Ent, Mention

# Closed-class words of English grammar (not vocabulary to extend, so not in lexicon.json): the
# pronouns references are read through.
PRONOUNS_SG = frozenset({"it", "its"})
PRONOUNS_PL = frozenset({"they", "their", "them"})
PRONOUNS_PERSON = frozenset({"he", "him", "his", "she", "her"})
THIRD_PERSON = PRONOUNS_SG | PRONOUNS_PL | PRONOUNS_PERSON     # what the antecedents resolve
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


def reciprocal(tok: Token) -> bool:
    """'each other', 'one another' (as the object, or after a preposition: 'fired at each other'),
    'each ... the other'."""
    if tok.dep_ == "prep":
        return any(reciprocal(p) for p in tok.children if p.dep_ == "pobj")
    if tok.lower_ in ("other", "another") and any(c.lower_ in ("each", "one") for c in tok.children):
        return True
    # "each accusing the other", "X and Y each blamed the other"
    if tok.lower_ != "other" or tok.dep_ != "dobj":
        return False
    near = [c for c in tok.head.children if c.dep_ in ("nsubj", "advmod", "npadvmod", "dep")]
    near += [c for s in tok.head.children if s.dep_ == "nsubj" for c in s.children]
    return any(c.lower_ == "each" for c in near)
