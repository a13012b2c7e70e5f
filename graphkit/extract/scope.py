"""Scope and attribution of a predicate: is it negated, hedged, a threat, and who says so.

Read off the path from the predicate up to the end of its scope (the root, a reported,
relative or temporal clause):

* negation: "not", "never", "no" on the way up, "no longer", "neither ... nor", or a
  negating verb governing it ("failed to stop", "stopped shelling");
* denials: a denial verb ("deny", "reject", "dismiss", ...) negates what it governs: a
  gerund ("denied carrying out airstrikes"), a content clause ("denied that it had armed
  X") or the content of a claim noun ("rejected reports that it had armed X"); a denial or
  speech verb that is negated itself ("did not deny", "neither confirmed nor denied", "did
  not confirm") leaves it unconfirmed: hedged, not negated;
* hedges: modals ("could strike"), conditionals ("if ... attacks"), hedging verbs
  and nouns ("threatened to attack", "plans to", "a call for"), and adverbs and adjectives by
  which the writer keeps a claim at a distance ("allegedly", "probably", "an alleged strike",
  "a suspected raid"); "reportedly" passes on what an unnamed source reports and is no
  hedge (an attribution, as "officials said" is);
* threats: a threat to attack is kept as a hedged ATTACKED and an asserted OPPOSES;
* coordination: a coordinated verb is not governed by its first conjunct's verb ("denied the
  report and attacked X"); a coordinated clause of its own (its own subject, or after "but")
  takes nothing from the clause before except a condition ("denies the charge, but its
  troops fight alongside X");
* attribution: the subject of a speech verb the predicate hangs under ("X said
  ..."), "according to X", "citing X", a parenthetical "..., it said", or the speaker
  of a quotation the sentence continues; not the subject of a clause coordinated with the
  predicate's, nor of a remark on a claim ("X accused Y of Z, a charge W denies": the
  accusation is X's, W only denies it).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import Lexicon
from .references import Ref, Resolver
from .refs import FIRST_PERSON, reciprocal

_PUNCT_BREAKS = frozenset({",", ";", ":", "(", "—", "–"})
_CORE_ARGS = frozenset({"nsubj", "nsubjpass", "dobj"})


FUTURE = frozenset({"will", "shall", "'ll"})


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
        self.pledges = lex.word_set("pledge_verbs")
        self.continuing = lex.word_set("continuing_verbs")
        self.hedge_adverbs, self.hedge_adjectives = lex.word_set("hedge_adverbs"), lex.word_set("hedge_adjectives")
        self.neg_words, self.neg_verbs = lex.word_set("negation_words"), lex.word_set("negating_verbs")
        self.negatable, self.denials = lex.word_set("negatable_adverbs"), lex.word_set("denial_verbs")
        self.cessation = lex.word_set("cessation_verbs")
        self.claim_nouns, self.contrast = lex.word_set("claim_nouns"), lex.word_set("contrast_conjunctions")
        self.cond, self.temporal = lex.word_set("conditional_marks"), lex.word_set("temporal_marks")

    def scope(self, pred: Token, rel: str, neg_used: bool = False) -> Scope:
        """neg_used: the predicate's own negation already made the relation ('not complying' -> OPPOSES)."""
        negated = hedged = threat = False
        t, came, steps = pred, None, 0
        while True:
            step = self._step(t, came, pred, rel, neg_used)
            negated, hedged, threat = negated != step.negated, hedged or step.hedged, threat or step.threat
            if t.i != pred.i and came is not None and came.dep_ == "xcomp" and t.tag_ == "VB" and \
                    t.lemma_.lower() in self.cessation and not self._negated_here(t, came):
                break      # 'urged Y to stop arming X': what is to stop goes on, whatever asks for it
            if self._scope_ends(t, steps):
                end = self._content_of(t, pred)
                negated, hedged = negated != end.negated, hedged or end.hedged
                break
            came, t = t, self._up(t)
            steps += 1
        return Scope(negated, hedged, threat)

    @staticmethod
    def _up(t: Token) -> Token:
        """The next token on the way up: the head; but a finite verb the parser coordinated with a
        gerund or an infinitive ('denied striking X and shelled Y', 'vowed to retaliate and struck
        Y') cannot share that non-finite clause: it coordinates with the finite verb above it."""
        h = t.head
        if t.dep_ != "conj" or t.tag_ not in ("VBD", "VBZ"):
            return h
        while h.head.i != h.i and (h.pos_ == "ADP" or _non_finite(h)):
            h = h.head
        return h

    def distanced(self, noun: Token) -> bool:
        """An event noun the writer keeps at a distance by an adjective of its own ('an alleged
        strike', 'possible attacks'): hedged wherever its scope is read from."""
        return any(c.dep_ == "amod" and c.lower_ in self.hedge_adjectives for c in noun.children)

    def _step(self, t: Token, came: Token | None, pred: Token, rel: str, neg_used: bool) -> Scope:
        """What one token on the way up adds (negated: a negation to apply): its own negation,
        modals, conditional marks and hedging adverbs; and, when it governs the way up (not a
        conjunct of it), its own class: a denial, a negating or hedging verb or noun."""
        kids = list(t.children)
        cond = any(c.dep_ == "mark" and c.lower_ in self.cond for c in kids)
        if came is not None and (came.head.i != t.i or self._clause_conj(came)):
            return Scope(hedged=cond)                 # a clause of its own: only a condition spans both
        own_neg = self._negated_here(t, came)
        negated = own_neg and not (neg_used and t.i == pred.i)
        # 'will continue its offensive': the future of an event under way is no hedge
        going_on = t.lemma_.lower() in self.continuing
        committed = _committed(rel, kids, self.cond)
        hedged = cond or any(c.dep_ == "aux" and c.lower_ in self.modals and not (going_on and c.lower_ in FUTURE)
                             and c.lower_ not in committed
                             or c.dep_ == "advmod" and c.lower_ in self.hedge_adverbs
                             or c.dep_ == "amod" and c.lower_ in self.hedge_adjectives for c in kids)
        threat = False
        if t.i != pred.i and came is not None and came.dep_ != "conj":
            lem = t.lemma_.lower()
            if own_neg and (lem in self.denials or lem in self.speech):
                return Scope(hedged=True)             # 'did not deny', 'did not confirm striking': unconfirmed
            if lem in self.cessation and t.tag_ == "VB" and not own_neg:
                return Scope(hedged=cond)             # 'must stop supporting X', 'urged Y to stop arming X': it goes on
            if lem in self.denials and not _free_relative(came) or lem in self.neg_verbs and not (
                    lem == "fail" and rel == "PARTY_TO"):
                negated = not negated
            if lem in self.hedge_verbs:
                # 'pledged to help rebuild X's navy': the pledge is backing already
                hedged, threat = not (rel == "BACKS" and lem in self.pledges), lem in self.threats
            if t.lower_ in self.hedge_nouns or lem in self.hedge_nouns:
                hedged = True
        return Scope(negated, hedged, threat)

    def _negated_here(self, t: Token, came: Token | None) -> bool:
        """'not'/'never'/'no' on t, 'no longer', a negative quantifier on an argument of t, or t one
        side of 'neither ... nor' (counted once: at the conjunct the way up comes through). The
        negative correlatives are negation words a coordination carries: 'neither' as its
        pre-conjunction, 'nor' as its coordinator."""
        for c in t.children:
            if c.dep_ == "neg" or c.lower_ in self.neg_words and c.dep_ in ("neg", "advmod", "det") and (
                    not _bound(c)):
                return True
            if c.dep_ == "advmod" and c.lower_ in self.negatable and any(g.dep_ == "neg" for g in c.children):
                return True                           # 'no longer supplies'
            if c.dep_ == "preconj" and c.lower_ in self.neg_words and not (came is not None and came.dep_ == "conj"):
                return True
        if self._negated_argument(t, came):
            return True
        return t.dep_ == "conj" and any(c.dep_ in ("preconj", "cc") and c.lower_ in self.neg_words
                                        for c in t.head.children)

    def _negated_argument(self, t: Token, came: Token | None) -> bool:
        """A negative quantifier on an argument negates the verb: 'no Russian jets struck X',
        'supplied no weapons to X', 'neither X nor Y attacked Z', 'attacked neither X nor Y',
        'supplied weapons to neither X nor Y'. Not the argument the way up came through ('launched
        no strikes': the event noun carries its own negation), nor an adjunct ('with no warning'),
        unless negative correlatives coordinate it."""
        args = [c for c in t.children if c.dep_ in _CORE_ARGS]
        args += [p for c in t.children if c.dep_ in ("prep", "dative") for p in c.children if p.dep_ == "pobj"]
        for a in args:
            if came is not None and a.i == came.i:
                continue
            quantified = any(q.dep_ in ("det", "preconj") and q.lower_ in self.neg_words and not _bound(q)
                             for q in a.children)
            correlated = any(q.dep_ == "cc" and q.lower_ in self.neg_words for q in a.children)
            if quantified and (correlated or a.dep_ in _CORE_ARGS):
                return True
        return False

    def _clause_conj(self, t: Token) -> bool:
        """A coordinated clause of its own: its own subject, joined by 'but'/'yet', or a verb group of
        its own. Auxiliaries, and the negation and modals they carry, are shared by bare conjuncts
        ('did not attack X or shell Y', 'has not attacked X or shelled Y'), not by a conjunct with
        an auxiliary of its own ('has not attacked X and has shelled Y') or in a tense of its own
        after a bare verb or a gerund under an auxiliary ('did not attack X and shelled Y instead',
        'was not shelling X and struck Y')."""
        if t.dep_ != "conj":
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in t.children):
            return True
        if t.tag_ in ("VBD", "VBZ") and t.head.tag_ in ("VB", "VBG") and any(c.dep_ == "aux" for c in t.head.children):
            return True
        cc = [c for c in t.head.children if c.dep_ == "cc" and c.i < t.i]
        return bool(cc) and cc[-1].lower_ in self.contrast

    def _content_of(self, t: Token, pred: Token) -> Scope:
        """Where the scope ends at a content clause, what its governor makes of it: 'denied that
        ...', 'rejected reports that ...' negate it; 'did not deny that ...', 'did not say that
        ...' leave it unconfirmed."""
        if t.dep_ == "ccomp" and not _free_relative(t):
            gov = t.head
        elif t.dep_ == "acl" and t.head.dep_ in ("dobj", "nsubjpass") and self._claim_noun(t.head):
            gov = t.head.head
        else:
            return Scope()
        lem = gov.lemma_.lower()
        if self._remark(gov, pred) or not (lem in self.denials or lem in self.speech):
            return Scope()
        if self._negated_here(gov, None):
            return Scope(hedged=True)
        return Scope(negated=lem in self.denials)

    def _remark(self, verb: Token, pred: Token) -> bool:
        """'X accused Y of Z, a charge W denies', '...; W denies the charge': a verb after the
        predicate's clause, set off by punctuation, whose object is a claim noun standing for that
        clause (fronted before its subject or in its place after the verb). Its subject comments
        on the claim; it neither says it nor scopes over it, whatever the parser hung on it."""
        if verb.i <= pred.i:
            return False
        doc = verb.doc
        i = verb.i - 1
        while i > pred.i and doc[i].text not in _PUNCT_BREAKS:
            i -= 1
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > i]
        if i <= pred.i or not subj:
            return False
        fronted = [w for w in doc[i + 1:verb.i]
                   if w.i < subj[0].left_edge.i or w.i < subj[0].i and w.dep_ == "compound"]
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        return any(self._claim_noun(w) for w in fronted + objects)

    def _claim_noun(self, w: Token) -> bool:
        return w.lower_ in self.claim_nouns or w.lemma_.lower() in self.claim_nouns

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
        # 'after X attacked'; 'when X attacked' (spaCy hangs a wh-adverb 'when' as advmod)
        return t.dep_ == "advcl" and any((c.dep_ == "mark" or c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < t.i)
                                         and c.lower_ in self.temporal for c in t.children)

    # ---- attribution ----------------------------------------------------------------------
    def attribution(self, pred: Token) -> str | None:
        sent = pred.sent
        head = _colon_speaker(sent)
        return (self._according_to(sent) or self._speech_above(pred) or self._parenthetical(pred, sent)
                or (self.speaker_name(head) if head is not None else None)
                or (self.r.speaker.ent.name if sent.text.lstrip().startswith('"') and self.r.speaker else None))

    def speaker_of(self, pred: Token) -> list[Ref]:
        """Who says the clause of ``pred`` ('X said Y bore responsibility', '..., X said', a quote
        or statement of X's), as references; [] when nobody known says it."""
        sent = pred.sent
        subj = self._speech_subject(pred, threats=True) or self._parenthetical_subject(pred, sent) or (
            _colon_speaker(sent))
        if subj is not None:
            return self.speaker_refs(subj)
        quoted = sent.text.lstrip().startswith('"') or any(t.lower_ in FIRST_PERSON for t in sent)
        return [self.r.speaker] if quoted and self.r.speaker is not None else []

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
        subj = self._speech_subject(pred)
        return self.speaker_name(subj) if subj is not None else None

    def _speech_subject(self, pred: Token, threats: bool = False) -> Token | None:
        """The subject of the speech verb (or, with ``threats``, also 'vowed that ...') above ``pred``."""
        t = pred
        while t.dep_ != "ROOT" and t.head.i != t.i:
            h = t.head
            # not a clause coordinated with the speech verb ('denies the charge, but its troops fight'),
            # nor a remark on a claim ('X accused Y of Z, a charge W denies')
            said = h.lemma_.lower() in self.speech or threats and h.lemma_.lower() in self.threats
            if said and h.pos_ in ("VERB", "AUX") and t.dep_ in (
                    "ccomp", "parataxis", "xcomp", "advcl", "dobj", "advmod", "npadvmod", "prep", "acomp") and (
                    not self._remark(h, pred)):
                if any(reciprocal(c) for c in h.children):
                    return None        # 'X and Y accused each other of ...': each says it of the other
                subj = _subjects(h)
                if subj:
                    return subj[0]
            t = h
        return None

    def _parenthetical(self, pred: Token, sent: Span) -> str | None:
        """'..., it said,' or '..., the ministry said' attached anywhere in the sentence."""
        subj = self._parenthetical_subject(pred, sent, named=True)
        return self.speaker_name(subj) if subj is not None else None

    def _parenthetical_subject(self, pred: Token, sent: Span, named: bool = False) -> Token | None:
        for t in sent:
            if t.lemma_.lower() in self.speech and t.dep_ in ("parataxis", "ROOT", "ccomp") and t.i != pred.i:
                subj = [c for c in t.children if c.dep_ == "nsubj"]
                inside_subject = any(x.i == pred.i for c in subj for x in c.subtree)
                if subj and not inside_subject and (t.dep_ == "parataxis" or t.i > pred.i) and (
                        not self._remark(t, pred)) and (not named or self.speaker_name(subj[0])):
                    return subj[0]
        return None

    def speaker_name(self, tok: Token) -> str | None:
        r = self.speaker_refs(tok)
        if r:
            return r[0].ent.name
        if tok.pos_ == "PRON":
            return None        # 'each accusing the other', an unresolved 'they': no name to give
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
                subj = [c for c in _subjects(tok) if c.dep_ == "nsubj"]     # also 'X called ... and said'
                if subj:
                    speakers += self.speaker_refs(subj[0])
        colon = _colon_speaker(sent)
        speakers += self.speaker_refs(colon) if colon is not None else []
        if speakers:
            self.r.speaker = next((r for r in speakers if r.ent.kind != "Organization"), speakers[0])


def _colon_speaker(sent: Span) -> Token | None:
    """'Netanyahu: "Iran made a big mistake"': a short name before a colon that opens a quote
    says the quote."""
    doc = sent.doc
    for t in sent:
        if t.text != ":" or t.i + 1 >= sent.end or doc[t.i + 1].text not in ('"', "“", "'"):
            continue
        before = [x for x in doc[sent.start:t.i] if x.pos_ != "PUNCT" and x.dep_ != "nummod" and not x.like_num]
        if 0 < len(before) <= 5 and doc[t.i - 1].pos_ in ("PROPN", "NOUN"):
            return doc[t.i - 1]
    return None


def _subjects(verb: Token) -> list[Token]:
    """A verb's subjects, or those of the verb it is coordinated with ('accuses X ... and says Y')."""
    while True:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj or verb.dep_ != "conj" or verb.head.i == verb.i:
            return subj
        verb = verb.head


def _committed(rel: str, kids: list[Token], cond: frozenset[str]) -> frozenset[str]:
    """The modals that do not hedge: 'will stand by X', 'said it would arm X' - a side's future
    backing is a commitment already (not 'if X, Y would arm Z')."""
    if rel != "BACKS" or any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cond for m in c.children)
                             for c in kids):
        return frozenset()
    return FUTURE | {"would"}


def _free_relative(clause: Token) -> bool:
    """A clause one of whose arguments is a wh-pronoun ('rejected what it called X's support for
    Y') is a free relative: it names a thing, which is rejected, not a claim, which is denied."""
    return any(c.tag_ == "WP" and c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd") for c in clause.children)


def _bound(neg: Token) -> bool:
    """'no' before a comparative bounds a number ('no more than ten tanks', 'no fewer than five
    strikes'): the things counted are there."""
    nxt = neg.doc[neg.i + 1] if neg.i + 1 < len(neg.doc) else None
    return nxt is not None and nxt.tag_ in ("JJR", "RBR")


def _non_finite(verb: Token) -> bool:
    """A gerund or participle without an auxiliary ('denied striking X'; not 'was shelling X'), or
    an infinitive ('vowed to retaliate')."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBG":
        return not aux
    return verb.tag_ == "VB" and any(c.lower_ == "to" for c in aux)
