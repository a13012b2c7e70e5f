"""How an agreement mention reads: its date ('the March 5 ceasefire'), the alias data's agreement
of that date, its descriptor, kind words and sides, and the name a new agreement gets from them."""
from __future__ import annotations

import re

from spacy.tokens import Token

from .mentions import Mention, Mentions

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")


def known_agreement(ms: Mentions, date: str, desc: str | None = None) -> str | None:
    """'the March 5 ceasefire' in a document about Idlib -> the alias data's agreement of that
    day (month and day, or month, or year) whose places the document names as places and one
    of whose parties it names: never an agreement of another time or place, nor one whose
    names lack the mention's own descriptor ('the roadmap understandings announced in
    December' is no December agreement called something else)."""
    parts = date.split()
    month = MONTHS.index(parts[0].lower()) + 1 if parts[0].lower() in MONTHS else None
    day = int(parts[1]) if len(parts) > 1 and len(parts[1]) <= 2 else None
    year = int(parts[-1]) if len(parts[-1]) == 4 and parts[-1].isdigit() else None
    places = {m.ent.name.lower() for m in ms.mentions if m.ent.kind == "Place"}
    named = {m.ent.name.lower() for m in ms.mentions} | {(m.own.name.lower()) for m in ms.mentions if m.own}
    found = []
    for e in ms.gaz.entries:
        d = e.info.get("date") or ""
        if e.kind != "Agreement" or len(d) < 4:
            continue
        if (month and (len(d) < 7 or int(d[5:7]) != month)) or (day and len(d) >= 10 and int(d[8:10]) != day) \
                or (year and int(d[:4]) != year):
            continue
        parties = {p.lower() for p in e.info.get("parties", [])}
        if desc and not any(desc in a.lower() for a in (e.name, *e.aliases)):
            continue
        if {p.lower() for p in e.info.get("places", [])} & places and (not parties or parties & named):
            found.append(e.name)
    return found[0] if len(found) == 1 else None


def agreement_date(ms: Mentions, tok: Token) -> str | None:
    """'the March 5 ceasefire', 'a deal concluded on March 5', 'signed an agreement last September'."""
    doc = ms.doc
    cands = [c for c in tok.subtree if c.ent_type_ == "DATE" and c.i != tok.i]
    arg = tok
    for _ in range(2):      # 'agreed the text of a treaty in March': the verb over 'the text of'
        if arg.dep_ == "pobj" and arg.head.lower_ == "of" and arg.head.head.pos_ == "NOUN":
            arg = arg.head.head
    head = arg.head
    if arg.dep_ in ("dobj", "pobj", "nsubjpass") and head.pos_ in ("VERB", "ADP"):
        verb = head if head.pos_ == "VERB" else head.head
        for c in verb.children:
            if c.dep_ in ("npadvmod", "prep", "advmod") and c.i != arg.i and not (c.i < arg.i < c.right_edge.i + 1):
                cands += [t for t in c.subtree if t.ent_type_ == "DATE"]
    for c in tok.children:
        if c.dep_ == "acl":
            cands += [t for t in c.subtree if t.ent_type_ == "DATE"]
    nxt = tok.right_edge.i + 1
    if nxt < len(doc) and doc[nxt].pos_ == "VERB" and doc[nxt].lemma_ in ms.lex.word_set("agreement_verbs"):
        cands += [t for t in doc[nxt:nxt + 6] if t.ent_type_ == "DATE"]
    text = " ".join(t.text for t in sorted(set(cands), key=lambda t: t.i)).lower()
    m = re.search(r"\b(" + "|".join(MONTHS) + r")\s+(\d{1,2})\b", text)
    if m:
        return f"{m.group(1).capitalize()} {int(m.group(2))}"
    m = re.search(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\b", text)
    if m:
        return f"{m.group(2).capitalize()} {int(m.group(1))}"
    m = re.search(r"\b(" + "|".join(MONTHS) + r")\b(?:\s+(\d{4}))?", text)
    if m:
        return m.group(1).capitalize() + (f" {m.group(2)}" if m.group(2) else "")
    year = [c.text for c in tok.lefts
            if c.dep_ in ("nummod", "compound", "amod") and re.fullmatch(r"(19|20)\d\d", c.text)]
    return year[0] if year else None


def descriptor(ms: Mentions, tok: Token, word: str) -> str | None:
    """'an exchange deal', 'the naval base agreement': the common nouns that say what the
    agreement is about (not its kind: 'ceasefire agreement'; not a named mention)."""
    skip = set(word.split()) | ms.lex.word_set("ceasefire_words")
    words = [c.lower_ for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i not in ms.by_token
             and c.lower_ not in skip and not any(t.pos_ == "NUM" or t.text == "-" for t in c.subtree)]
    return " ".join(words) or None


def of_what(ms: Mentions, tok: Token) -> Token | None:
    """'a memorandum of understanding', 'a declaration of principles': a bare common noun after
    'of' that says what kind of agreement it is."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1:
            p = next((x for x in c.children if x.dep_ == "pobj"), None)
            if p is not None and p.i == c.i + 1 and p.pos_ == "NOUN" and p.i not in ms.by_token and not any(
                    x.dep_ in ("det", "poss", "nummod") for x in p.children):
                return p
    return None


def on_what(ms: Mentions, tok: Token) -> int:
    """'an agreement on the complete cessation of hostilities': the end of a content phrase that
    names what a general agreement stops (a ceasefire word after 'on'), else 0."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "on" and c.i == tok.i + 1:
            p = next((x for x in c.children if x.dep_ == "pobj"), None)
            if p is not None and p.lower_ in ms.lex.word_set("ceasefire_words") and p.i not in ms.by_token:
                return p.right_edge.i + 1
    return 0


def head_phrase(ms: Mentions, tok: Token, word: str) -> str:
    """The head word as a new agreement's name reads it, with what kind it is ('memorandum of understanding')."""
    of = of_what(ms, tok)
    return head_word(ms, word) + (f" of {of.lower_}" if of is not None else "")


def head_word(ms: Mentions, word: str) -> str:
    """How an agreement head reads in a new agreement's name: its last word, in its usual form."""
    w = word.split()[-1]
    return ms.lex.table("agreement_head_forms").get(w, w)


def wide_modifier(tok: Token) -> str | None:
    """'a Syria-wide ceasefire' -> 'Syria-wide'; 'nationwide truce' -> 'nationwide'."""
    for c in tok.children:
        if c.dep_ == "amod" and c.lower_ == "wide":
            return "".join(t.text for t in c.subtree)
        if c.dep_ == "amod" and c.lower_.endswith("wide") and len(c.lower_) > 4:
            return c.text
    return None
def mention_modifiers(tok: Token) -> set[str]:
    """The words before an agreement head that describe it ('two-month', 'border'), each as written."""
    return {"".join(t.text for t in c.subtree).lower() for c in tok.lefts
            if c.dep_ in ("amod", "compound", "nmod") and c.lower_ != "such"}


def side_names(ms: Mentions, tok: Token) -> list[str]:
    """'a ceasefire between X and Y', 'X and Y agreed a truce', 'an arrangement agreed by X and
    Y': the two sides, by name, for naming a new agreement."""
    sides = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"
             for p in c.children if p.dep_ == "pobj"]
    made = ms.lex.agreement_signers       # not its brokers: 'X and Y brokered a truce' names no side
    if not sides and tok.dep_ == "dobj" and tok.head.lemma_.lower() in made:
        sides = [c for c in tok.head.children if c.dep_ == "nsubj"]
    if not sides:
        sides = [p for v in tok.children if v.dep_ == "acl" and v.lemma_.lower() in made
                 for a in v.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    names = [_short_name(ms, m) for p in sides for q in [p, *p.conjuncts]
             if (m := ms.by_token.get(q.i)) is not None and m.ent.kind in ("Actor", "Group")]
    names = list(dict.fromkeys(names))
    return names if len(names) == 2 else []


def _short_name(ms: Mentions, m: Mention) -> str:
    """A side as the text names it when that is a shorter proper name ('the ELN' -> 'ELN'),
    else its canonical name ('the government' -> 'Colombia')."""
    words = [t for t in ms.doc[m.start:m.end] if t.dep_ != "det"]
    text = " ".join(t.text for t in words)
    return text if m.role == "name" and words and all(t.pos_ == "PROPN" for t in words) and len(text) < len(
        m.ent.name) else m.ent.name


def place_in(ms: Mentions, tok: Token) -> str | None:
    for t in tok.subtree:
        m = ms.by_token.get(t.i)
        if m and m.ent.kind == "Place":
            return m.ent.name
    return None
