"""Candidate relations: every pair of entity references linked through a trigger in a clause.

For each token of a sentence the compiled lexicon gives its frames (by form and lemma,
as the part of speech the parse gives it); :class:`~graphkit.extract.arguments.Arguments`
gives the references in each role; each link of a frame pairs the references of its
source roles with those of its target roles. A few constructions are not a single
trigger word and are read here directly: "anti-X Y", "a Russian-Turkish agreement",
"a joint patrol by X and Y". Every candidate carries its trigger class, the two roles,
the frame's weight and the scope of its trigger (negation, hedge, threat, who says so);
:mod:`graphkit.extract.scorer` decides which candidates are relations.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from .agreement_constructions import other_side_speaking, sealed_between
from .labels import condemning_label
from .arguments import Arguments, hyphen_refs, modified_noun, passive
from .lexicon import Frame, Lexicon, Link
from .mentions import has_det
from .oppositions import derived_oppositions
from .paths import path_candidates
from .references import Ref, Resolver, dedup
from .scope import Scope, ScopeReader

# Which kinds each relation joins (subject kinds, object kinds).
ACTORS = frozenset({"Actor", "Group", "Person", "Organization"})
ALLOWED = {
    "BACKS": (ACTORS, ACTORS | {"Agreement"}),
    "OPPOSES": (ACTORS, ACTORS | {"Agreement"}),
    "ATTACKED": (ACTORS, ACTORS | {"Place"}),
    "PARTY_TO": (ACTORS, frozenset({"Agreement"})),
    "GUARANTEES": (ACTORS, frozenset({"Agreement"})),
    "COOPERATES": (ACTORS, ACTORS),
    "MEMBER_OF": (ACTORS, frozenset({"Actor", "Group", "Organization"})),   # a person, a group, a state in a bloc
    "LEADS": (frozenset({"Person", "Actor", "Group"}), frozenset({"Group", "Actor", "Organization"})),
}
# Relations a noun phrase presupposes ("Turkish-backed militants"): not under the clause's scope.
NP_INTERNAL = frozenset({"PART", "anti", "pair-agreement", "pair-joint"})


@dataclass
class Candidate:
    subject: Ref
    relation: str
    object: Ref
    trigger: Token
    cls: str                 # the trigger's class, or the construction's name
    pos: str                 # VERB | NOUN | PART | ADJ | ROLE | construction
    source_role: str
    target_role: str
    weight: float = 1.0
    scope: Scope = field(default_factory=Scope)
    attributed_to: str | None = None
    context: dict = field(default_factory=dict)   # document-level facts the scorer may read (see add_context())
    shape: str = ""          # broad candidates: the dependency labels from each reference up to the predicate

    @property
    def sent(self) -> Span:
        s = self.__dict__.get("_sent")
        if s is None:
            s = self.__dict__["_sent"] = self.trigger.sent     # spaCy finds a token's sentence by a scan
        return s


def add_context(cands: list[Candidate], mentions) -> None:
    """Document-level facts for each candidate: how often the document names each entity,
    and which relations the same pair (or the reversed pair) has candidates for in the same
    sentence through a frame (a pair both backed and opposed is contested; a broad candidate
    reversing a frame's direction is suspect)."""
    from collections import Counter, defaultdict
    named = Counter(m.ent.key for m in mentions.mentions)
    rels: dict[tuple, set[str]] = defaultdict(set)
    for c in cands:
        if not c.pos.startswith("PATH"):
            rels[(c.subject.ent.key, c.object.ent.key, c.sent.start)].add(c.relation)
    for c in cands:
        c.context = {"sfreq": named[c.subject.ent.key], "ofreq": named[c.object.ent.key],
                     "frame_rels": rels.get((c.subject.ent.key, c.object.ent.key, c.sent.start), set()),
                     "reverse_rels": rels.get((c.object.ent.key, c.subject.ent.key, c.sent.start), set())}


class CandidateFinder:
    def __init__(self, resolver: Resolver, lex: Lexicon):
        self.r = resolver
        self.m = resolver.m
        self.lex = lex
        self.args = Arguments(resolver, lex)
        self.scopes = ScopeReader(resolver, lex)
        self.anti = lex.word_set("anti_prefixes")
        self.combat, self.unarmed = lex.word_set("combat_modifiers"), lex.word_set("unarmed_modifiers")
        self.materiel = lex.transfer_objects
        self.assets = lex.word_set("asset_nouns")
        self.joint = lex.word_set("joint_nouns")
        self.positive = lex.word_set("positive_complements")
        self.reversing = lex.word_set("reversing_verbs")
        self.pair_nouns = lex.word_set("pair_nouns")
        self._scopes: dict[tuple[int, str], Scope] = {}
        self.last_attack: list[Ref] = []
        self._frames: dict[int, list[Frame]] = {}
        self._unarmed: dict[tuple[int, bool], bool] = {}
        self._sents: list[Span] = []
        self._attributions: dict[int, str | None] = {}

    def run(self) -> list[Candidate]:
        out: list[Candidate] = []
        for sent in self.r.doc.sents:
            self.scopes.update_speaker(sent)      # '"We struck X," the army said': the speaker is known first
            cur: list[Candidate] = []             # the sentence's candidates (the passes below read only them)
            for tok in sent:
                for frame in self.frames(tok):
                    cur += self.from_frame(tok, frame)
                cur += self.constructions(tok)
            cur = _light_verbs_yield(cur, sent.start, self.args.nouns.light)
            cur += derived_oppositions(self, cur, sent)
            cur += _not_reversing(path_candidates(self, sent, cur), cur, sent.start)
            out += cur
        add_context(out, self.m)
        return out

    # ---- triggers ----------------------------------------------------------------------------
    def frames(self, tok: Token) -> list[Frame]:
        """The frames a token triggers (read once per token: broad candidates ask again)."""
        if tok.i not in self._frames:
            self._frames[tok.i] = self._find_frames(tok)
        return self._frames[tok.i]

    def _find_frames(self, tok: Token) -> list[Frame]:
        if not tok.is_alpha and "-" not in tok.text or tok.ent_type_ in ("DATE", "TIME"):
            return []       # ('since March', 'on Strike Day': a date)
        if tok.lower_ not in self.lex.forms and tok.lemma_.lower() not in self.lex.forms:
            return []       # no frame has this word, whatever its part of speech
        found: list[Frame] = []
        for pos in _uses(tok):
            for form in {tok.lower_, tok.lemma_.lower()}:
                for fr in self.lex.lookup(form, pos):
                    if fr not in found:
                        found.append(fr)
        multi = [f for f in found if f.rest and _has_words(tok, f.rest)]
        if multi:
            return multi
        return [f for f in found if not f.rest]

    def from_frame(self, tok: Token, frame: Frame) -> list[Candidate]:
        roles = self.args.roles(tok, frame.pos)
        if frame.rest and roles.get("patient") and any(
                c.dep_ == "dobj" and {c.lower_, c.lemma_.lower()} & set(frame.rest) for c in tok.children) and any(
                roles.get(t) for lk in frame.links for t in lk.target if t != "patient"):
            # 'inflicted losses on X in Y': the object is the trigger's own word, the target is named apart
            # (not 'seized the assets of X', where the object's owner is the patient)
            roles = {**roles, "patient": []}
        roles = _freed_from_owner(frame, roles, self.assets)
        if frame.pos in ("VERB", "ROLE") and any("speaker" in lk.source for lk in frame.links):
            # 'X said Y bore responsibility', 'X said Y is a threat': a clause's verb or predicate noun (an
            # event noun's doer is too far from the speech)
            roles = {**roles, "speaker": self.scopes.speaker_of(tok)}
        if frame.pos == "NOUN" and any(lk.relation == "ATTACKED" for lk in frame.links):
            roles = self._same_attack(tok, roles)
        if roles.get("patient") and any("recipient" in lk.target for lk in frame.links):
            # 'sent Wagner fighters to X', 'supplied Baykar drones': what is sent is no receiver
            doc = tok.doc
            roles = {**roles, "patient": [r for r in roles["patient"] if r.via != "owner" and (
                r.mention is None or doc[r.mention.head].lemma_.lower() not in self.materiel)]}
        if roles.get("alongside") and not any("alongside" in lk.source + lk.target for lk in frame.links):
            # "brokered the deal together with Y", "attacked Z alongside Y": a partner does it too
            roles = {**roles, "agent": dedup(roles.get("agent", []) + roles["alongside"])}
        if not roles:
            return []
        out = []
        armed = frame.pos == "NOUN" and frame.cls.endswith("_weak") and any(
            c.dep_ in ("amod", "compound") and (c.lemma_.lower() in self.combat or c.lower_ in self.combat)
            for c in tok.children)
        # ('waged a trade war', 'launched a diplomatic campaign': the modifier of the verb's object counts too)
        unarmed = self.unarmed_at(tok, objects=frame.pos == "VERB")
        for link in frame.links:
            if unarmed and link.relation == "ATTACKED":
                # 'clashed openly with X', 'a trade war with X': no attack but a fight of words, law or trade,
                # told from its doers' side (not back from the one they clashed with)
                if not set(link.source) & {"agent", "coagent", "between", "among"}:
                    continue
                link = replace(link, relation="OPPOSES")
            if armed and link.relation == "ATTACKED":
                link = replace(link, weight=max(link.weight, 0.9))     # 'offensive operations against X'
            for src in link.source:
                for tgt in link.target:
                    for s in roles.get(src, []):
                        for o in roles.get(tgt, []):
                            c = self.make(s, link, o, tok, frame.cls, frame.pos, src, tgt)
                            if c is not None and src == "speaker":
                                # the speaker's stance is said, not the clause's modality ('Y will pay')
                                c.scope = Scope(c.scope.negated, False, c.scope.threat)
                            if c is not None:
                                out.append(c)
        attacks = [c for c in out if c.relation == "ATTACKED" and not (c.scope.negated or c.scope.hedged)]
        if attacks:
            self.last_attack = [c.object for c in attacks]
        return out

    def unarmed_at(self, tok: Token, objects: bool = False) -> bool:
        """A fight of words, law or trade ('clashed openly', 'a trade war', 'launched a diplomatic
        campaign'): a modifier of the word, or with ``objects`` of its direct object."""
        key = (tok.i, objects)
        if key not in self._unarmed:
            near = [*tok.children, *(g for c in tok.children if objects and c.dep_ == "dobj" for g in c.children)]
            self._unarmed[key] = any(c.dep_ in ("advmod", "amod", "compound") and (
                c.lower_ in self.unarmed or c.lemma_.lower() in self.unarmed) for c in near)
        return self._unarmed[key]

    def _same_attack(self, noun: Token, roles: dict) -> dict:
        """'... attacked a police station in X. Boko Haram claimed the attack': a definite attack
        noun without a target of its own is the last attack told, with its target."""
        own = any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in noun.children)
        if not self.last_attack or any(roles.get(k) for k in ("patient", "on", "against", "at")) or not has_det(
                noun, ("the", "this", "that")) or own:
            return roles      # 'the U.S. strikes' are strikes of their own, not the last attack told
        return {**roles, "patient": [self.r.synthetic(noun, r.ent, "event") for r in self.last_attack]}

    def make(self, s: Ref, link: Link | str, o: Ref, tok: Token, cls: str, pos: str, src: str, tgt: str,
             weight: float = 1.0, scope_tok: Token | None = None, shape: str = "") -> Candidate | None:
        rel = link if isinstance(link, str) else link.relation
        if isinstance(link, Link):
            if s.ent.kind not in link.source_kinds or o.ent.kind not in link.target_kinds:
                return None
            weight = link.weight
        sk, ok = ALLOWED[rel]
        if s.ent.key == o.ent.key or s.ent.kind not in sk or o.ent.kind not in ok:
            return None
        if s.ent.part_of and s.ent.part_of == o.ent.key or o.ent.part_of == s.ent.key:
            return None
        if rel in ("LEADS", "MEMBER_OF") and s.mention is not None and s.mention.own is not None and (
                s.mention.own.kind == "Person"):
            s = Ref(s.mention.own, s.start, s.end, s.text, s.mention, s.via)   # a person's own role
        scope_tok = scope_tok or tok
        if pos == "NOUN":
            verb = self.args.nouns.light_verb(tok)
            scope_tok = verb if verb is not None else (tok.head if tok.dep_ in ("dobj", "pobj") else tok)
        internal = pos in NP_INTERNAL or cls == "agreement_self" and src in ("between", "among")
        # ('the new ceasefire between X and Y' names its sides whatever the clause says of it)
        scope = Scope() if internal else self._scope(scope_tok, rel)
        if pos == "NOUN" and not scope.hedged and self.scopes.distanced(tok):
            scope = Scope(scope.negated, True, scope.threat)      # 'condemned the alleged strike on X'
        rel, scope = self._reversed(rel, tok, scope)
        if tok.i not in self._attributions:
            self._attributions[tok.i] = self.scopes.attribution(tok)
        c = Candidate(s, rel, o, tok, cls, pos, src, tgt, weight, scope, self._attributions[tok.i], shape=shape)
        c.__dict__["_sent"] = self._sentence(tok)
        return c

    def make_each(self, subjects: list[Ref], objects: list[Ref], rel: str, tok: Token, cls: str, pos: str,
                  src: str, tgt: str, weight: float) -> list[Candidate]:
        """A candidate for each subject and object (those :meth:`make` allows)."""
        return [c for s in subjects for o in objects
                if (c := self.make(s, rel, o, tok, cls, pos, src, tgt, weight=weight)) is not None]

    def _sentence(self, tok: Token) -> Span:
        """The sentence of a token, from a table built once per document (spaCy scans for it)."""
        if not self._sents:
            self._sents = [s for s in tok.doc.sents for _ in s]
        return self._sents[tok.i]

    def _scope(self, tok: Token, rel: str) -> Scope:
        key = (tok.i, rel)
        if key not in self._scopes:
            self._scopes[key] = self.scopes.scope(tok, rel)
        return self._scopes[key]

    def _reversed(self, rel: str, tok: Token, scope: Scope) -> tuple[str, Scope]:
        """'refused to recognise X', 'is not complying with the truce': a positive relation turned
        into OPPOSES."""
        if rel not in ("PARTY_TO", "BACKS") or tok.lemma_.lower() not in self.positive:
            return rel, scope
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in self.reversing:
            return "OPPOSES", Scope(hedged=False, negated=False, threat=scope.threat)
        if scope.negated and any(c.dep_ == "neg" for c in tok.children):
            return "OPPOSES", Scope(negated=False, hedged=scope.hedged, threat=scope.threat)
        return rel, scope

    # ---- constructions ---------------------------------------------------------------------------
    def constructions(self, tok: Token) -> list[Candidate]:
        out: list[Candidate] = []
        doc = tok.doc
        if tok.lower_ in self.anti and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
            # "anti-Houthi forces": the forces oppose the Houthis
            xs = hyphen_refs(self.r, doc[tok.i + 2])
            y = modified_noun(doc[tok.i + 2]) or modified_noun(tok)
            ys = self.r.refs(y, conj=False) if y is not None else []
            out += [c for x in xs for yy in ys
                    if (c := self.make(yy, "OPPOSES", x, tok, "anti", "anti", "head", "hyphen")) is not None]
        if tok.text == "-" and not tok.whitespace_ and 1 < tok.i < len(doc) - 1 and doc[tok.i - 2].text != "-":
            out += self._pair(tok)
        if tok.lower_ in self.joint and any(c.lower_ == "joint" for c in tok.lefts):
            out += self._joint(tok)
        if tok.lower_ == "under" and tok.dep_ == "prep" and tok.head.pos_ in ("VERB", "AUX"):
            out += self._acting_under(tok)
        if tok.pos_ in ("NOUN", "PROPN"):
            out += other_side_speaking(self, tok)
        elif tok.dep_ == "acl":
            out += sealed_between(self, tok)
        if tok.pos_ == "VERB":
            out += condemning_label(self, tok)
        return out

    def _acting_under(self, prep: Token) -> list[Candidate]:
        """'Russia and Ukraine returned prisoners under an exchange deal', 'troops withdrew under the
        accord', 'zones agreed by X and Y under the Z process': who acts under an agreement is bound by
        it (PARTY_TO, weak); a passive's doer is its 'by' agent."""
        deals = [r for p in prep.children if p.dep_ == "pobj" for r in self.r.refs(p) if r.ent.kind == "Agreement"
                 and not (r.mention is not None and r.mention.role == "talks")]     # not 'under Qatari mediation'
        if not deals or passive(prep.head) and not any(c.dep_ == "agent" for c in prep.head.children) or any(
                lk.relation == "GUARANTEES" for f in self.frames(prep.head) for lk in f.links):
            return []      # 'X brokered a truce under the Luanda process': a broker is no party
        return [c for s in self.args.subjects(prep.head) for d in deals
                if (c := self.make(s, "PARTY_TO", d, prep.head, "under-agreement", "under-agreement", "agent",
                                   "under", weight=0.7)) is not None]

    def _pair(self, tok: Token) -> list[Candidate]:
        """'Russian-Turkish agreement' (both parties), 'Russia-Turkey joint patrols' (cooperation)."""
        doc = tok.doc
        ra, rb = hyphen_refs(self.r, doc[tok.i - 1]), hyphen_refs(self.r, doc[tok.i + 1])
        if not (ra and rb) or ra[0].ent.kind != "Actor" or rb[0].ent.kind != "Actor":
            return []
        noun = modified_noun(doc[tok.i + 1])
        if noun is None:
            return []
        m = self.m.at(noun)
        out = []
        if m is not None and m.ent.kind == "Agreement":
            agreement = self.r.ref(m)
            # 'under Saudi-US mediation': the pair are mediators of the agreement, not its parties
            rel = "GUARANTEES" if any(lk.relation == "GUARANTEES" and lk.source[0] != "holder"
                                      for f in self.frames(noun) for lk in f.links) else "PARTY_TO"
            for x in ra + rb:
                c = self.make(x, rel, agreement, noun, "pair-agreement", "pair-agreement", "pair", "self")
                if c is not None:
                    out.append(c)
        elif noun.lemma_.lower() in self.pair_nouns:
            c = self.make(ra[0], "COOPERATES", rb[0], noun, "pair-joint", "pair-joint", "pair", "pair")
            if c is not None:
                out.append(c)
        return out

    def _joint(self, noun: Token) -> list[Candidate]:
        """'a joint patrol by Turkey and Russia', 'Russia and Turkey held joint patrols'."""
        actors = [r for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "between", "of")
                  for p in c.children if p.dep_ == "pobj" for r in self.r.refs(p)]
        if not actors:
            head = noun.head
            while head.dep_ in ("prep", "pobj", "conj", "dobj") and head.head.i != head.i and head.pos_ != "VERB":
                head = head.head
            if head.pos_ in ("VERB", "AUX"):
                actors = self.args.subjects(head)
        actors = [a for a in actors if a.ent.kind in ("Actor", "Group", "Organization")]
        out = []
        for i, a in enumerate(actors):
            for b in actors[i + 1:]:
                c = self.make(a, "COOPERATES", b, noun, "joint", "joint", "agent", "agent")
                if c is not None:
                    out.append(c)
        return out


def _not_reversing(paths: list[Candidate], cands: list[Candidate], since: int) -> list[Candidate]:
    """A broad candidate never turns round what a frame of the same sentence says ('Moscow, a
    Damascus ally': Russia backs Syria, not the other way)."""
    framed = {(c.subject.ent.key, c.relation, c.object.ent.key) for c in cands if c.trigger.i >= since}
    return [p for p in paths if (p.object.ent.key, p.relation, p.subject.ent.key) not in framed
            or (p.subject.ent.key, p.relation, p.object.ent.key) in framed]


def _light_verbs_yield(cands: list[Candidate], since: int, light: frozenset[str]) -> list[Candidate]:
    """'gave a crushing response to X', 'launched a diplomatic campaign against X': where a light
    verb and the event noun it governs relate the same pair, the noun says what the relation
    is (and, being weak or of another kind, whether there is one)."""
    nouns: dict[tuple, set[str]] = {}
    weak: dict[tuple, bool] = {}
    for c in cands:
        if c.pos == "NOUN" and c.trigger.i >= since and c.trigger.dep_ == "dobj":
            key = (c.subject.ent.key, c.object.ent.key, c.trigger.head.i)
            nouns.setdefault(key, set()).add(c.relation)
            weak[key] = weak.get(key, True) and c.cls.endswith("_weak")
    return [c for c in cands if not (c.pos == "VERB" and c.trigger.i >= since and c.trigger.lemma_.lower() in light
                                     and (key := (c.subject.ent.key, c.object.ent.key, c.trigger.i)) in nouns
                                     and (c.relation not in nouns[key] or weak[key]))]


def _freed_from_owner(frame: Frame, roles: dict, assets: frozenset[str]) -> dict:
    """'liberated X, an ISIS stronghold', 'freed the rebel stronghold': a frame that frees a place
    (its patient is only ever a place) frees it from the side that owns it ('from' the rebels); not
    people ('cleared Hamas officials to travel')."""
    freeing = [lk for lk in frame.links if "patient" in lk.target]
    if not freeing or any(lk.target_kinds - {"Place"} for lk in freeing) or not any(
            "from" in lk.target for lk in frame.links):
        return roles
    owners = [r for r in roles.get("patient", []) if r.via == "owner" and r.ent.kind != "Place"
              and r.text.lower() in assets]
    return {**roles, "from": dedup(roles.get("from", []) + owners)} if owners else roles


def _uses(tok: Token) -> list[str]:
    """The frame parts of speech a token can be, by its tag and its place."""
    doc = tok.doc
    hyphen_left = tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_
    if tok.pos_ in ("VERB", "AUX"):
        uses = ["VERB"]
        if tok.tag_ == "VBN" and (hyphen_left or tok.dep_ in ("amod", "acl", "advcl")):
            uses = ["PART"] + (["VERB"] if tok.dep_ in ("acl", "advcl") and not hyphen_left else [])
        if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children) and not any(
                c.dep_ == "agent" for c in tok.children):
            uses.append("ADJ")     # "X is opposed to Y", "committed to the deal": an adjective parsed as a passive
        return uses
    if tok.pos_ in ("NOUN", "PROPN"):
        return ["NOUN", "ROLE"]
    if tok.pos_ == "ADJ":
        return ["PART", "ADJ"] if hyphen_left or tok.tag_ == "VBN" or tok.lower_.endswith("ed") else ["ADJ"]
    return []


def _has_words(tok: Token, words: tuple[str, ...]) -> bool:
    """A multi-word trigger: 'open fire', 'crack down', 'cut ties', 'take control'."""
    # 'suspended development and budget aid'; never the active subject ('special forces joined troops' is no
    # 'join forces'; a passive one may be: 'ties were cut')
    kids = [x for c in tok.children if c.dep_ != "nsubj" for x in (c, *c.conjuncts)]
    # 'regards X as a threat', 'called X a terrorist' (a predicate noun after 'as' or on the object)
    preds = [p for c in tok.children if c.dep_ in ("dobj", "oprd", "ccomp") or c.dep_ == "prep" and c.lower_ == "as"
             for p in [*c.children, c] if p.dep_ in ("pobj", "attr", "appos", "oprd", "ccomp") and p.pos_ == "NOUN"]
    if any(c.tag_ in ("WDT", "WP") and c.dep_ in ("dep", "dobj") for c in tok.children):
        # 'X, which Y considers a terrorist group': with the relative pronoun for the object, the noun is the predicate
        preds += [c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    preds += _as_clause_subjects(tok)
    kids += preds + [m for p in preds for m in p.children if m.dep_ in ("amod", "compound")]   # 'a terrorist group'
    kids += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "of", "on") for p in c.children
             if p.dep_ == "pobj"]                         # 'hold X to account', 'a freeze of X's assets'
    near = {c.lower_ for c in kids} | {c.lemma_.lower() for c in kids}
    nxt = tok.doc[tok.i + 1:tok.i + 1 + len(words)]
    return all(w in near for w in words) or tuple(t.lower_ for t in nxt) == words


def _as_clause_subjects(tok: Token) -> list[Token]:
    """'regards X as a terrorist group linked to Y': the parser reads 'as' as a conjunction and the
    predicate noun as the subject of the participle after it."""
    return [s for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBN" and any(
        m.dep_ == "mark" and m.lower_ == "as" for m in c.children) for s in c.children
        if s.dep_ in ("nsubj", "nsubjpass") and s.pos_ == "NOUN"]
