"""Broad candidates: every pair of references in a sentence joined through a predicate.

Frames (:mod:`.candidates`) read the roles a trigger word defines. Many relations are
stated through a predicate whose frame does not list the roles used ("fought on X's
front lines"), or through a word no frame lists. So every ordered pair of references
whose dependency path meets at a predicate — a verb, an event or role noun, an
adjective — is also a candidate, for each relation the two kinds allow (or the
relations of the predicate's frames); a noun or an adjective counts only as a trigger
of the lexicon. Such a candidate carries the predicate's class
(``path:<class>`` or ``path:none``), its part of speech and the two grammatical roles
relative to it (``nsubj``, ``dobj``, ``prep:on``, ``poss``, ...); the scorer decides.
The hand-weighted scorer keeps none of them; a learned scorer may keep some.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .references import Ref
from .mentions import hyphen_after

if TYPE_CHECKING:
    from .candidates import Candidate, CandidateFinder

SCORED = ("ATTACKED", "BACKS", "GUARANTEES", "OPPOSES", "PARTY_TO")
MAX_PATH = 6
PREDICATES = frozenset({"VERB", "AUX", "NOUN", "ADJ"})


def path_candidates(finder: "CandidateFinder", sent: Span, framed: Sequence["Candidate"] = ()) -> list["Candidate"]:
    """Broad candidates of a sentence; ``framed`` are the frames' candidates found so far."""
    args = _argument_tokens(finder, sent)
    targets = _event_targets(framed, sent.start)
    ups = {a.i: _ancestors(a) for a, _ in args}      # each argument's way up, walked once
    out: list[Candidate] = []
    for a, ra in args:
        for b, rb in args:
            if a.i == b.i:
                continue
            lca, up, down = _meet(ups[a.i], ups[b.i], b.doc)
            if lca is None or lca.pos_ not in PREDICATES or up + down > MAX_PATH:
                continue
            frames = finder.frames(lca)
            if not frames and (lca.pos_ not in ("VERB", "AUX") or lca.lemma_.lower() in finder.scopes.speech):
                continue      # a noun or adjective is a predicate only as a trigger; 'X said Y ...' relates nothing
            rels = sorted({lk.relation for f in frames for lk in f.links} & set(SCORED)) or list(SCORED)
            cls = f"path:{frames[0].cls}" if frames else "path:none"
            role_a, role_b = _role(a, lca), _role(b, lca)
            if role_a == "conj" or role_b == "conj":
                continue      # "X and Y": coordinated, not related by the predicate
            scope_tok = _lowest_predicate(b, lca)
            shape = f"{_labels(a, lca)}>{_labels(b, lca)}"
            if any(d in ("appos", "relcl") for d in shape.replace(">", "/").split("/")):
                continue      # 'X, an ally of Y, signed', 'X, which backs Y, signed': Y is no argument
            if lca.pos_ in ("NOUN", "PROPN") and any(_deep_in_clause(t, lca) for t in (a, b)):
                continue      # 'an agreement aimed at halting clashes between X and Y': the clause's, not the noun's

            between = _between(b, lca)
            if "ATTACKED" in rels and any(finder.unarmed_at(t) for t in _chain(a, lca) + _chain(b, lca)):
                rels = [r for r in rels if r != "ATTACKED"]     # 'launched a diplomatic campaign against X'
            for rel in rels:
                for s in ra:
                    for o in rb:
                        if any((i, o.ent.key) in targets for i in between):
                            continue
                        c = finder.make(s, rel, o, lca, cls, f"PATH:{lca.pos_}", role_a, role_b, weight=0.3,
                                        scope_tok=scope_tok, shape=shape)
                        if c is not None:
                            out.append(c)
    return out


def _event_targets(framed: Sequence["Candidate"], since: int) -> set[tuple[int, str]]:
    """'Germany condemned the attacks by Russia on Kyiv': the target an event noun's frame gives
    its event is that event's, not the target of the predicate above the noun; what the
    predicate says of the event reaches the event's agent (the frame's 'event' role). The
    pairs (event noun, target entity) of the frames found in a sentence."""
    return {(c.trigger.i, c.object.ent.key) for c in framed
            if c.pos == "NOUN" and c.trigger.i >= since}


def _between(tok: Token, lca: Token) -> list[int]:
    """The tokens strictly between a token and its ancestor on the way up."""
    out, t = [], tok.head
    while t.i != lca.i and t.head.i != t.i:
        out.append(t.i)
        t = t.head
    return out


def _argument_tokens(finder: "CandidateFinder", sent: Span) -> list[tuple[Token, list[Ref]]]:
    """Tokens that refer to entities: the heads of mentions, pronouns, descriptions, owned nouns."""
    out = []
    for tok in sent:
        m = finder.m.at(tok)
        if m is not None and m.head != tok.i:
            continue
        if m is None and (tok.pos_ not in ("PRON", "NOUN", "PROPN") or tok.pos_ != "PRON" and not any(
                c.dep_ in ("poss", "compound", "amod", "nmod", "prep") for c in tok.children)):
            continue      # a noun refers through what it is of or whose it is ('its fighters', 'dozens of X')
        if hyphen_after(tok) and tok.head.pos_ in ("ADJ", "VERB") and tok.head.i > tok.i:
            continue      # 'a Syria-wide ceasefire', 'Iran-backed': the hyphenated word's (frames read 'X-backed')
        owned = finder.m.at(tok.head) if tok.dep_ == "poss" else None
        if tok.dep_ == "poss" and (owned is not None and owned.ent.kind == "Place" or tok.head.dep_ == "pobj"
                                   and tok.head.head.lower_ in finder.lex.word_set("locative_prepositions")):
            continue      # "Syria's Idlib province", "a truce in Syria's north": where, not who
        refs = finder.r.refs(tok, conj=False)
        if refs:
            out.append((tok, refs))
    return out


def _ancestors(tok: Token) -> dict[int, int]:
    """Token index -> steps up from ``tok`` (itself 0), as far as MAX_PATH + 1 steps."""
    out, t, n = {}, tok, 0
    while True:
        out[t.i] = n
        if t.head.i == t.i or n > MAX_PATH:
            return out
        t, n = t.head, n + 1


def _meet(up_a: dict[int, int], up_b: dict[int, int], doc) -> tuple[Token | None, int, int]:
    """The lowest common ancestor of two tokens from their ways up (:func:`_ancestors`), and the
    number of steps up from each (None when they do not meet within MAX_PATH + 1 steps)."""
    best = None
    for i, n in up_b.items():
        if i in up_a and (best is None or n < best[1]):
            best = (i, n)
    if best is None:
        return None, 0, 0
    return doc[best[0]], up_a[best[0]], best[1]


EMBEDDING = frozenset({"relcl", "acl", "appos", "advcl", "ccomp", "xcomp", "conj", "pcomp", "parataxis"})


def _labels(tok: Token, lca: Token) -> str:
    """How deep a reference sits under the predicate: the clause-level links on its way up
    ('appos', 'relcl', ...), or '-' when it is a direct dependent."""
    out, t = [], tok
    while t.i != lca.i and t.head.i != t.i:
        if t.dep_ in EMBEDDING and t.head.i != lca.i:
            out.append(t.dep_)
        t = t.head
    return "/".join(out) or "-"


def _deep_in_clause(tok: Token, lca: Token) -> bool:
    """A reference inside a clause on a noun but no direct argument of the clause's verb
    ('a deal aimed at halting clashes between X and Y'; not 'a deal brokered by Z and accepted by X')."""
    t = _branch(tok, lca)
    if t.dep_ not in ("relcl", "acl") or tok.i == t.i:
        return False
    verbs = {t.i} | {c.i for c in t.conjuncts}
    direct = tok.head.i in verbs and tok.dep_ in ("nsubj", "nsubjpass", "dobj")
    by = tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.i in verbs
    return not (direct or by)


def _chain(tok: Token, lca: Token) -> list[Token]:
    """The tokens from ``tok`` up to the predicate ``lca``, both included."""
    out, t = [tok], tok
    while t.i != lca.i and t.head.i != t.i:
        t = t.head
        out.append(t)
    return out


def _lowest_predicate(tok: Token, lca: Token) -> Token:
    """The verb nearest the object on its way up to the predicate: its scope ('vowed to crush X',
    'denied arming X') is the candidate's."""
    t = tok
    while t.i != lca.i:
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            break
        t = t.head
    return lca


def _role(tok: Token, lca: Token) -> str:
    """The grammatical role, relative to the predicate, of the branch a token is on."""
    if tok.i == lca.i:
        return "head"
    t = _branch(tok, lca)
    if t.dep_ in ("prep", "agent"):
        return f"prep:{t.lower_}"
    return t.dep_


def _branch(tok: Token, lca: Token) -> Token:
    """The dependent of the predicate ``lca`` whose subtree holds ``tok``."""
    t = tok
    while t.head.i != lca.i and t.head.i != t.i:
        t = t.head
    return t
