"""Scope and attribution of a predicate: is it negated, hedged, a threat, and who says so.

Read off the path from the predicate up to the sentence root:

* negation: "not", "never", "no" on the way up, or a negating verb governing it
  ("denied carrying out airstrikes", "failed to stop");
* hedges: modals ("could strike"), conditionals ("if ... attacks"), hedging verbs
  and nouns ("threatened to attack", "plans to", "a call for");
* threats: a threat to attack is kept as a hedged ATTACKED and an asserted OPPOSES;
* attribution: the subject of a speech verb the predicate hangs under ("X said
  ..."), "according to X", "citing X", a parenthetical "..., it said", or the speaker
  of a quotation the sentence continues.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import Lexicon
from .references import Ref, Resolver


@dataclass(frozen=True)
class Scope:
    negated: bool = False
    hedged: bool = False
    threat: bool = False


class ScopeReader:
    def __init__(self, resolver: Resolver, lex: Lexicon):
        self.r = resolver
        self.speech = lex.word_set("speech_verbs")
        self.speech_nouns, self.speaker_nouns = lex.word_set("speech_nouns"), lex.word_set("speaker_nouns")
        self.hedge_verbs, self.hedge_nouns = lex.word_set("hedge_verbs"), lex.word_set("hedge_nouns")
        self.modals, self.threats = lex.word_set("hedge_modals"), lex.word_set("threat_verbs")
        self.neg_words, self.neg_verbs = lex.word_set("negation_words"), lex.word_set("negating_verbs")
        self.cond, self.temporal = lex.word_set("conditional_marks"), lex.word_set("temporal_marks")

    def scope(self, pred: Token, rel: str, neg_used: bool = False) -> Scope:
        """neg_used: the predicate's own negation already made the relation ('not complying' -> OPPOSES)."""
        negated = hedged = threat = False
        t, steps = pred, 0
        while True:
            kids = list(t.children)
            if not (neg_used and t.i == pred.i) and any(
                    c.dep_ == "neg" or c.lower_ in self.neg_words and c.dep_ in ("neg", "advmod", "det") for c in kids):
                negated = not negated
            if any(c.dep_ == "aux" and c.lower_ in self.modals for c in kids):
                hedged = True
            if any(c.dep_ == "mark" and c.lower_ in self.cond for c in kids):
                hedged = True
            if t.i != pred.i:
                lem = t.lemma_.lower()
                if lem in self.neg_verbs and not (lem == "fail" and rel == "PARTY_TO"):
                    negated = not negated
                if lem in self.hedge_verbs:
                    hedged = True
                    threat = threat or lem in self.threats
                if t.lower_ in self.hedge_nouns or lem in self.hedge_nouns:
                    hedged = True
            if self._scope_ends(t, steps):
                break
            t = t.head
            steps += 1
        return Scope(negated, hedged, threat)

    def _scope_ends(self, t: Token, steps: int) -> bool:
        """Where a predicate's scope stops: the root, a reported clause, a relative clause,
        a subject, an apposition or a temporal clause."""
        if t.dep_ == "ROOT" or steps > 6:
            return True
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in self.speech:
            return True
        if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX"):
            return True
        if t.dep_ in ("nsubj", "nsubjpass", "appos"):
            return True
        return t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.temporal for c in t.children)


    # ---- attribution ----------------------------------------------------------------------
    def attribution(self, pred: Token) -> str | None:
        sent = pred.sent
        return (self._according_to(sent) or self._speech_above(pred) or self._parenthetical(pred, sent)
                or (self.r.speaker.ent.name if sent.text.lstrip().startswith('"') and self.r.speaker else None))

    def _according_to(self, sent: Span) -> str | None:
        for t in sent:
            if t.dep_ == "prep" and t.lower_ == "according":
                for p in t.subtree:
                    if p.dep_ == "pobj":
                        m = self.r.m.at(p)
                        if m is not None and m.ent.kind == "Agreement":
                            break
                        return self.speaker_name(p)
            if t.lower_ == "citing" and t.dep_ in ("advcl", "prep", "acl"):
                for p in t.children:
                    if p.dep_ in ("dobj", "pobj"):
                        return self.speaker_name(p)
        return None

    def _speech_above(self, pred: Token) -> str | None:
        t = pred
        while t.dep_ != "ROOT" and t.head.i != t.i:
            h = t.head
            if h.lemma_.lower() in self.speech and h.pos_ in ("VERB", "AUX") and t.dep_ in (
                    "ccomp", "parataxis", "xcomp", "advcl", "dobj", "conj", "advmod", "npadvmod", "prep", "acomp"):
                subj = [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subj:
                    return self.speaker_name(subj[0])
            t = h
        return None

    def _parenthetical(self, pred: Token, sent: Span) -> str | None:
        """'..., it said,' or '..., the ministry said' attached anywhere in the sentence."""
        for t in sent:
            if t.lemma_.lower() in self.speech and t.dep_ in ("parataxis", "ROOT", "ccomp") and t.i != pred.i:
                subj = [c for c in t.children if c.dep_ == "nsubj"]
                inside_subject = any(x.i == pred.i for c in subj for x in c.subtree)
                if subj and not inside_subject and (t.dep_ == "parataxis" or t.i > pred.i):
                    name = self.speaker_name(subj[0])
                    if name:
                        return name
        return None

    def speaker_name(self, tok: Token) -> str | None:
        r = self.speaker_refs(tok)
        if r:
            return r[0].ent.name
        return " ".join(t.text for t in tok.subtree if t.dep_ not in ("det", "punct")) or None

    def speaker_refs(self, tok: Token) -> list[Ref]:
        r = self.r.refs(tok, conj=False)
        if r:
            return r
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low in self.speech_nouns or lemma in self.speech_nouns or low in self.speaker_nouns or (
                lemma in self.speaker_nouns):
            # "the statement", "a ministry statement", "a military spokesman": whose
            o = self.r.owner(tok) or [r for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "from")
                                      for p in c.children for r in self.r.refs(p, conj=False)]
            if o:
                return o
            if (low in self.speech_nouns or lemma in self.speech_nouns) and self.r.speaker is not None:
                return [self.r.speaker]
        return []

    def update_speaker(self, sent: Span) -> None:
        """Who speaks from this sentence on: the subject of its speech verb (a news agency passing
        a statement on is not its source), or the issuer of 'a statement by X'."""
        speakers: list[Ref] = []
        for tok in sent:
            if tok.lemma_.lower() in self.speech and tok.pos_ == "VERB":
                subj = [c for c in tok.children if c.dep_ == "nsubj"]
                if subj:
                    speakers += self.speaker_refs(subj[0])
        if speakers:
            self.r.speaker = next((r for r in speakers if r.ent.kind != "Organization"), speakers[0])

