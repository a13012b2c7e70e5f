"""Epithets: descriptions that pick out one actor the alias data knows, without naming it.

* A description whose words the alias data uses for one entity ("the separatist regime",
  "the separatists", "the ethnic Armenian forces", "the Kurdish-led force") names that entity,
  when the document names it or names the places its alias is made of ("Karabakh separatist
  authorities" in a document about Karabakh): the words of ``epithet_words`` make the key,
  and exactly one entity must fit.
* "X-backed <forces or faction>" ("Turkish-supported opposition forces") names the one armed
  group of the document that the alias data says X backs ("Turkish-backed militants" stay the
  document's generic group).

The pass runs before state organs are read, so that "ethnic Armenian forces" are not
Armenia's. An organ or agency is rolled up to the entity it acts for.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.tokens import Token

from .gazetteer import Gazetteer, GazEntry
from .mentions import Ent, Mention, Mentions
from .normalize import fold

_HYPHEN = "-"


def find_epithets(ms: Mentions) -> None:
    heads = ms.lex.word_set("generic_group_heads") | ms.lex.word_set("group_heads") | {
        w for w in ms.organ_heads if " " not in w} | set(ms.lex.table("description_kinds"))
    words = ms.lex.word_set("epithet_words")
    backing = ms.lex.word_set("backing_participles")
    generic = ms.lex.word_set("generic_group_heads")
    non_state = ms.lex.word_set("non_state_modifiers")
    for tok in ms.doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in heads:
            continue
        taken = ms.by_token.get(tok.i)
        if taken is not None and not _state_forces_unlike(ms, taken, non_state):
            continue
        mods = _modifiers(ms, tok, taken)
        # ('Turkish-backed militants' stay the document's generic group: a backer backs many)
        ent = _alias_epithet(ms, tok, mods, words) or (
            _backed_group(ms, mods, backing) if tok.lower_ not in generic and taken is None else None)
        if ent is not None:
            if taken is not None:
                _unclaim(ms, taken)
            start = mods[0].i if mods else tok.i
            ms.add(Mention(start, tok.i + 1, tok.i, ent, "description"))


def _state_forces_unlike(ms: Mentions, m: Mention, non_state: frozenset[str]) -> bool:
    """'the ethnic Armenian forces': a state's forces found by the alias data ('Armenian forces')
    with a modifier before them that makes them no state's."""
    tok = ms.doc[m.head]
    return m.role in ("organ", "force") and any(
        t.lower_ in non_state and t.dep_ in ("amod", "compound") for t in ms.doc[tok.left_edge.i:m.start])


def _unclaim(ms: Mentions, m: Mention) -> None:
    for i in range(m.start, m.end):
        del ms.by_token[i]
    ms.mentions.remove(m)


def _modifiers(ms: Mentions, tok: Token, taken: Mention | None) -> list[Token]:
    """The words before a noun inside its phrase ('the ethnic Armenian forces' -> ethnic, Armenian),
    not a determiner nor a name already found (but the state's forces it stands to replace)."""
    left = tok.left_edge.i

    def found(t: Token) -> bool:
        return t.i in ms.by_token and ms.by_token[t.i] is not taken
    out = [t for t in ms.doc[left:tok.i] if t.dep_ not in ("det", "predet", "poss", "nummod")]
    while out and (out[0].is_punct or found(out[0])):
        out = out[1:]
    return out if not any(found(t) for t in out) else []


def _alias_epithet(ms: Mentions, tok: Token, mods: list[Token], words: frozenset[str]) -> Ent | None:
    phrase = [*mods, tok] if tok.lower_ in words else mods
    if not any(t.lower_ in words for t in phrase):
        return None
    named = _named_words(ms)
    # the longest stretch of the phrase with an epithet word that some alias has as whole words
    for n in range(len(phrase), 0, -1):
        for i in range(len(phrase) - n + 1):
            stretch = phrase[i:i + n]
            if not any(t.lower_ in words for t in stretch) or stretch[0].text == _HYPHEN:
                continue
            key = fold(ms.doc[stretch[0].i:stretch[-1].i + 1].text)
            if stretch[-1].i == tok.i and tok.lemma_.lower() != tok.lower_:
                key = " ".join([*key.split()[:-1], tok.lemma_.lower()])   # 'the separatists': 'separatist'
            found = {e.name: e for a, e in _aliases_with(ms.gaz, key)
                     if _placed(ms, e, a, key, named) and e.kind != "Person"}
            ents = {k: v for k, v in found.items() if v.kind not in ("Place", "Agreement")}
            if len(ents) == 1:
                return ms.entry_ent(next(iter(ents.values())))
            if ents:
                return None
    return None


def _placed(ms: Mentions, e: GazEntry, alias: str, key: str, named: set[str]) -> bool:
    """The document names the entity, or every capitalised word of the alias besides the key
    ('Karabakh separatist authorities' in a document that names Karabakh)."""
    if fold(e.name) in named:
        return True
    rest = [w for w in alias.split() if w[:1].isupper() and fold(w) not in key.split()]
    return bool(rest) and all(fold(w) in named for w in rest)


def _named_words(ms: Mentions) -> set[str]:
    """What the document names: the entities' names and the words of their names, as folded
    keys (a place's aliases too: 'Nagorno-Karabakh' names 'Karabakh')."""
    if "_named" in ms.__dict__:
        return ms.__dict__["_named"]
    out: set[str] = set()
    for m in ms.mentions:
        names = {m.ent.name, ms.doc[m.start:m.end].text}
        entry = ms.gaz.state(m.ent.name)
        if entry is not None and entry.kind == "Place":
            names |= entry.aliases
        if m.own is not None:
            names.add(m.own.name)
        for n in names:
            out.add(fold(n))
            out |= {fold(w) for w in n.split()}
    ms.__dict__["_named"] = out
    return out


def _backed_group(ms: Mentions, mods: list[Token], backing: frozenset[str]) -> Ent | None:
    """'Turkish-supported opposition forces': the document's one named group that the alias data
    says Turkey backs."""
    backers = set()
    for t in mods:
        if t.lower_ in backing and t.i >= 2 and ms.doc[t.i - 1].text == _HYPHEN and not ms.doc[t.i - 1].whitespace_:
            prefix = ms.doc[t.i - 2]
            entry = ms.adjective.get(prefix.i)
            m = ms.by_token.get(prefix.i)
            if entry is not None:
                backers.add(entry.name)
            elif m is not None and m.ent.kind == "Actor":
                backers.add(m.ent.name)
    if not backers:
        return None
    groups = {m.ent.name: m.ent for m in ms.mentions if m.ent.kind == "Group" and m.role == "name"
              and backers & set((ms.gaz.state(m.ent.name) or _NO_ENTRY).info.get("backers") or [])}
    if not groups:
        return _backed_umbrella(ms, mods, backers)
    return next(iter(groups.values())) if len(groups) == 1 else None


def _backed_umbrella(ms: Mentions, mods: list[Token], backers: set[str]) -> Ent | None:
    """'Turkish-backed Syrian opposition forces' where no group is named: the one umbrella group
    (no parent) of that state's conflict the alias data says the backer backs."""
    states = {ms.adjective[t.i].name for t in mods if t.i in ms.adjective and ms.adjective[t.i].name not in backers}
    if len(states) != 1 or not any(t.lower_ in ms.lex.word_set("non_state_modifiers") for t in mods):
        return None
    state = next(iter(states))
    found = [e for e in ms.gaz.entries if e.kind == "Group" and backers & set(e.info.get("backers") or [])
             and state in (e.info.get("conflicts") or [])]
    children = Counter(e.info.get("parent") for e in found if e.info.get("parent"))
    tops = sorted(((children[e.name], e.name, e) for e in found if not e.info.get("parent")), reverse=True)
    if not tops or tops[0][0] == 0 or len(tops) > 1 and tops[1][0] == tops[0][0]:
        return None      # no umbrella of the others
    return ms.entry_ent(tops[0][2])


_NO_ENTRY = GazEntry("", "")


def _aliases_with(gaz: Gazetteer, key: str) -> list[tuple[str, GazEntry]]:
    """Every alias (as written) that has the key as whole words, with the entity it names or the
    one it acts for (an organ's alias names its state)."""
    pat = re.compile(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])")
    words = key.split()
    return [(a, _principal(gaz, e)) for a, folded, e in _alias_index(gaz).get(words[0], ()) if pat.search(folded)]


def _principal(gaz: Gazetteer, e: GazEntry) -> GazEntry:
    p = gaz.principal(e) if e.kind in ("Organization", "Person") else None
    return p if p is not None else e


@lru_cache(maxsize=4)
def _alias_index(gaz: Gazetteer) -> dict[str, list[tuple[str, str, GazEntry]]]:
    """Every alias (as written, folded) by each word of its folded form."""
    index: dict[str, list[tuple[str, str, GazEntry]]] = {}
    for e in gaz.entries:
        for a in (e.name, *e.aliases):
            folded = fold(a)
            for w in set(folded.split()):
                index.setdefault(w, []).append((a, folded, e))
    return index
