"""OPPOSES that no single trigger word states, read off a sentence's other candidates (the makers
of a condemned deal, a call to fight) or off its parse around a word class of lexicon.json:

* the makers of a condemned deal: an outsider who condemns or rejects an agreement opposes the
  sides the same phrase names as its parties ('condemned the pact signed in Geneva by X and Y',
  'rejected the memorandum between X and Y');
* disputed standing: who disapproves of a side's or a deal's standing (``standing_nouns``) opposes
  it ('questioned its credibility', 'disputes the legitimacy of the council');
* a demand: who demands that a side give up what it does or holds opposes it ('demanded that X
  withdraw its troops', 'insisted that X end its siege'; ``demanding_verbs``, ``demanded_acts``);
* a goal: who acts until a side falls opposes it ('will fight on until the regime falls',
  'operations will go on until X lays down its arms'; ``downfall_verbs``);
* a call to fight: who urges others to attack a side opposes that side ('urged its followers to
  wage war on X', 'called for attacks on X'; ``exhorting_verbs``).

Works for :class:`~graphkit.extract.candidates.CandidateFinder` after a sentence's frames.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

if TYPE_CHECKING:
    from .candidates import Candidate, CandidateFinder

# trigger classes (and constructions) of disapproval: what they are said of, the speaker disowns
DISAPPROVING = frozenset({"condemn", "condemn_weak", "reject", "reject_weak", "proscribe", "condemning_label",
                          "critical_adj", "critical_adj_weak"})


def derived_oppositions(f: "CandidateFinder", cands: list["Candidate"], sent: Span) -> list["Candidate"]:
    """The OPPOSES candidates the sentence's candidates imply."""
    own = [c for c in cands if c.trigger.i >= sent.start and not c.pos.startswith("PATH")]
    out, seen = [], set()
    found = condemned_makers(f, own) + calls_to_fight(f, own) + calls_to_act(f, sent)
    for c in found + disputed_standing(f, sent) + demands(f, sent) + goals(f, sent):
        if (key := (c.subject.ent.key, c.object.ent.key)) not in seen:
            seen.add(key)
            out.append(c)
    return out


def condemned_makers(f: "CandidateFinder", cands: list["Candidate"]) -> list["Candidate"]:
    """'X condemned the pact signed by Y and Z': X opposes Y and Z, the parties the condemned
    agreement's own phrase names, unless X is one of them."""
    parties = [c for c in cands if c.relation == "PARTY_TO" and not (c.scope.negated or c.scope.hedged)]
    out: list["Candidate"] = []
    for c in cands:
        if c.relation != "OPPOSES" or c.cls not in DISAPPROVING or c.object.ent.kind != "Agreement" or (
                c.object.mention is None or c.scope.negated or c.scope.hedged):
            continue
        head = c.trigger.doc[c.object.mention.head]
        left, right = head.left_edge.i, head.right_edge.i
        makers = [p for p in parties if p.object.ent.key == c.object.ent.key and left <= p.trigger.i <= right]
        if any(p.subject.ent.key == c.subject.ent.key for p in makers):
            continue      # a party turning on its own deal opposes the deal, not its partners
        for p in makers:
            d = f.make(c.subject, "OPPOSES", p.subject, c.trigger, "condemned_makers", "condemned_makers",
                       "agent", "party", weight=0.7)
            if d is not None:
                out.append(d)
    return out


def calls_to_fight(f: "CandidateFinder", cands: list["Candidate"]) -> list["Candidate"]:
    """'X urged Somalis to wage war on Y', 'X called on the clans to attack Y': X opposes Y."""
    exhorting = f.lex.word_set("exhorting_verbs")
    out: list["Candidate"] = []
    for c in cands:
        if c.relation != "ATTACKED" or c.scope.negated:
            continue
        caller = _caller(f, c, exhorting)
        if caller is None:
            continue
        for s in f.args.subjects(caller):
            d = f.make(s, "OPPOSES", c.object, caller, "call_to_fight", "call_to_fight", "agent", c.target_role,
                       weight=0.8)
            if d is not None:
                out.append(d)
    return out


def calls_to_act(f: "CandidateFinder", sent: Span) -> list["Candidate"]:
    """'X called on the world to isolate Y', 'X urged its allies to sanction Y': a hostile verb the
    caller urges on others, whoever they are, is the caller's stance against its object."""
    exhorting = f.lex.word_set("exhorting_verbs")
    out: list["Candidate"] = []
    for caller in sent:
        if caller.pos_ != "VERB" or caller.lemma_.lower() not in exhorting:
            continue
        for act in caller.children:
            if act.dep_ != "xcomp" or act.pos_ != "VERB" or any(c.dep_ == "neg" for c in act.children):
                continue
            roles = f.args.roles(act, "VERB")
            targets = [o for fr in f.frames(act) if fr.pos == "VERB" for lk in fr.links
                       if lk.relation in ("ATTACKED", "OPPOSES") and "agent" in lk.source
                       for t in lk.target for o in roles.get(t, []) if o.ent.kind in lk.target_kinds]
            out += f.make_each(f.args.subjects(caller), targets, "OPPOSES", caller, "call_to_fight", "call_to_fight",
                               "agent", "urged", weight=0.8)
    return out


def _caller(f: "CandidateFinder", c: "Candidate", exhorting: frozenset[str]) -> Token | None:
    """The verb that calls for an attack: 'urged X to attack Y', 'urged X to wage war on Y' (the
    attack verb, or the light verb of an attack noun, under it), 'called for attacks on Y', 'urged
    attacks on Y' (the attack noun its object)."""
    if c.pos == "NOUN":
        n = f.args.nouns.carrier(c.trigger)
        if n.dep_ == "dobj" and n.head.lemma_.lower() in exhorting:
            return n.head
        if n.dep_ == "pobj" and n.head.lower_ == "for" and n.head.head.lemma_.lower() in exhorting:
            return n.head.head
    verb = c.trigger if c.pos == "VERB" else f.args.nouns.light_verb(c.trigger) if c.pos == "NOUN" else None
    return verb.head if verb is not None and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in exhorting else None


def disputed_standing(f: "CandidateFinder", sent: Span) -> list["Candidate"]:
    """'X questions its credibility', 'X disputed the legitimacy of Y': a verb of disapproval whose
    object is a standing (``standing_nouns``) that names no one is aimed at the standing's owner."""
    standing = f.lex.word_set("standing_nouns")
    out: list["Candidate"] = []
    for verb in sent:
        if verb.pos_ != "VERB" or not any(fr.cls in DISAPPROVING for fr in f.frames(verb)):
            continue
        for obj in verb.children:
            if obj.dep_ != "dobj" or obj.lemma_.lower() not in standing or f.m.at(obj) is not None:
                continue
            owners = f.r.owner(obj) + [r for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                                       for x in p.children if x.dep_ == "pobj" for r in f.r.refs(x)]
            for s in f.args.subjects(verb):
                for o in owners:
                    d = f.make(s, "OPPOSES", o, verb, "disputed_standing", "disputed_standing", "agent", "owner",
                               weight=0.7)
                    if d is not None:
                        out.append(d)
    return out


def demands(f: "CandidateFinder", sent: Span) -> list["Candidate"]:
    """'X demanded that Y withdraw its troops', 'X insisted that Y stop arming Z': X opposes Y."""
    demanding, acts = f.lex.word_set("demanding_verbs"), f.lex.word_set("demanded_acts")
    out: list["Candidate"] = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in demanding:
            continue
        for act in verb.children:
            lemma = act.lemma_.lower()
            if act.dep_ != "ccomp" or not ({lemma} | {f"{lemma} {p.lower_}" for p in act.children
                                                     if p.dep_ == "prt"}) & acts:
                continue
            for s in f.args.subjects(verb):
                for o in [r for c in act.children if c.dep_ == "nsubj" for r in f.r.refs(c)]:
                    d = f.make(s, "OPPOSES", o, verb, "demand", "demand", "agent", "demanded", weight=0.8)
                    if d is not None:
                        out.append(d)
    return out


def goals(f: "CandidateFinder", sent: Span) -> list["Candidate"]:
    """'X will fight on until the regime falls', 'operations will go on until Y lays down its arms',
    'until the junta is toppled': a side's end is the goal of who acts."""
    downfall = f.lex.word_set("downfall_verbs")
    out: list["Candidate"] = []
    for end in sent:
        forms = {end.lemma_.lower(), end.lower_}      # 'lay down' (the parser may read 'lie')
        if end.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "until" for c in end.children) or not (
                forms | {f"{w} {p.lower_}" for w in forms for p in end.children if p.dep_ == "prt"}) & downfall:
            continue
        fallen = [r for c in end.children if c.dep_ in ("nsubj", "nsubjpass") for r in f.r.refs(c)]
        for s in f.args.subjects(end.head):
            for o in fallen:
                d = f.make(s, "OPPOSES", o, end.head, "goal", "goal", "agent", "until", weight=0.8)
                if d is not None:
                    out.append(d)
    return out
