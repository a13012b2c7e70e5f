"""Argument roles of a trigger word, read off the dependency parse.

For a trigger token and the part of speech its frame uses it as, :meth:`Arguments.roles`
returns the entities (as :class:`~graphkit.extract.references.Ref`) in each role the
frames of ``graphkit/data/triggers.json`` speak of:

* verbs: ``agent`` (active subject, passive 'by' agent, the antecedent of a relative
  pronoun, the controller of an infinitive or gerund — "vowed to attack",
  "accused X of attacking", "helped X retake"), ``patient`` (direct object, passive
  subject, the noun a passive participle or relative clause modifies),
  ``recipient`` (indirect object) and one role per preposition;
* event nouns and role nouns: see :mod:`graphkit.extract.noun_arguments` and
  :mod:`graphkit.extract.role_nouns`;
* participles ("X-backed Y", "Y backed by X"): ``agent`` X, ``patient`` Y;
* adjectives ("hostile to X", "forces loyal to X"): ``agent`` the copula subject or
  the modified noun, prepositions.
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon
from .backing_roles import BackingRoles
from .noun_arguments import NounArguments
from .clause_roles import ClauseRoles
from .prepositions import Prepositions
from .references import RELATIVE, Ref, Resolver, dedup
from .refs import reciprocal
from .role_nouns import RoleNounArguments

Roles = dict[str, list[Ref]]
ACTOR_KINDS = frozenset({"Actor", "Group", "Organization", "Person"})
GERUND_HEADS = frozenset({"acl", "advcl"})


class Arguments:
    def __init__(self, resolver: Resolver, lex: Lexicon):
        self.r = resolver
        self.m = resolver.m
        self.lex = lex
        self.object_control = lex.object_control
        self.copulas = lex.word_set("copulas")
        self.listing = lex.word_set("listing_verbs")
        self.object_predicates = lex.word_set("object_predicates")
        self._cache: dict[tuple[int, str], Roles] = {}
        self._events = lex.heads("NOUN")
        self._acts = lex.word_set("act_nouns")
        self.nouns = NounArguments(self, lex)     # event nouns
        self.role_args = RoleNounArguments(self, lex)     # role nouns
        self.preps = Prepositions(self, lex)      # the roles prepositional phrases give
        self.clause = ClauseRoles(self, lex)      # roles the wider clause gives
        self.backing = BackingRoles(self, lex)    # backing roles the parse hides

    def roles(self, tok: Token, pos: str) -> Roles:
        key = (tok.i, pos)
        if key not in self._cache:
            finder = {"VERB": self.verb_roles, "NOUN": self.nouns.noun_roles, "PART": self.participle_roles,
                      "ADJ": self.adjective_roles, "ROLE": self.role_args.role_noun_roles}[pos]
            found = finder(tok)
            if pos in ("VERB", "NOUN"):
                found.setdefault("recipient", []).extend(self.clause.enabled(tok, pos))
            self._cache[key] = {k: dedup(v) for k, v in found.items() if v}
        return self._cache[key]

    # ---- verbs ----------------------------------------------------------------------------
    def verb_roles(self, verb: Token) -> Roles:
        roles: Roles = {"agent": self.subjects(verb), "patient": self.verb_objects(verb)}
        if any(reciprocal(c) for c in verb.children if c.dep_ in ("dobj", "pobj", "prep")):
            roles["patient"] = list(roles["agent"])     # "both sides accused each other": each the other
            for c in verb.children:
                if c.dep_ == "prep" and reciprocal(c):
                    roles[c.lower_] = list(roles["agent"])     # "fired at each other"
        if len(roles["agent"]) > 1:
            roles["coagent"] = list(roles["agent"])     # "X and Y clashed": each with the other
        # "gave X weapons"; "supplied weapons to X" (spaCy labels that 'to' dative too)
        roles["recipient"] = [r for c in verb.children if c.dep_ == "dative"
                              for x in ([p for p in c.children if p.dep_ == "pobj"] if c.pos_ == "ADP" else [c])
                              for r in self.r.target(x)] + _misparsed_dative(self.r, verb)
        if not any(c.dep_ == "dobj" for c in verb.children) and not any(
                c.dep_ == "dative" and c.pos_ == "ADP" for c in verb.children):
            roles["patient"] += roles["recipient"]    # "designated the Houthis a terrorist organisation"
        else:
            self.backing.helped_in_one_noun(verb, roles)     # "to help Ukraine export grain"
        self.prepositions(verb, roles)
        self.preps.subject_adjuncts(verb, roles)
        roles["sender"] = self.clause.senders(verb)
        if not roles["patient"] and not passive(verb):
            # "drove the group out of X", "pushed X back": the object is inside a particle phrase
            for c in verb.children:
                if c.dep_ == "dobj":
                    roles["patient"] += self.r.target(c)
        self.clause.own_object(verb, roles)
        self.backing.attributive(verb, roles)       # "opened supporting fronts for Y"
        return roles

    def verb_objects(self, verb: Token) -> list[Ref]:
        out: list[Ref] = []
        is_passive = passive(verb)
        gap = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in RELATIVE and c.i < verb.i] if verb.dep_ in (
            "relcl", "acl") else []           # ('the declaration that X signed' parsed as an acl)
        if gap and not is_passive:
            # "X, which Y designated a terrorist group": the relative is the object, the other noun its predicate
            return self.r.refs(verb.head, conj=False)
        for c in verb.children:
            if c.dep_ == "dobj" and c.lower_ in RELATIVE and verb.dep_ == "xcomp" and verb.head.dep_ == "relcl":
                out += self.r.refs(verb.head.head, conj=False)      # "the deal that X helped broker"
            elif c.dep_ in ("dobj",) and not is_passive:
                bare = [r for s in _misparsed_infinitive(c) for r in self.r.target(s)]
                # "condemned the group's attacks": the event's doer (not after a light verb: 'gave a
                # response', 'launched an attack' are the subject's own events)
                t = self.r.target(c)
                ev = self.event_agents(c) if verb.lemma_.lower() not in self.nouns.light else []
                # 'repelled an assault by X near Y': the event's doer, not where it was
                out += bare or (ev if ev and all(r.ent.kind == "Place" for r in t) else t)
            elif c.dep_ == "nsubjpass":
                out += self.r.refs(verb.head, conj=False) if c.lower_ in RELATIVE and verb.dep_ == "relcl" else (
                    self.r.target(c))
        if not is_passive and not out:
            out += self._small_clause_subjects(verb) or self.clause.labelled_what(verb)
        if verb.dep_ == "acl" and is_passive:
            out += self.r.target(verb.head)          # "militias armed by Iran"
        if is_passive and not out and verb.dep_ == "conj":
            # "X is armed and funded by Y", "X was trained and armed by Y": the first conjunct's subject
            first = verb.head
            subj = [c for c in first.children if c.dep_ == "nsubjpass"] or (
                [c for c in first.head.children if c.dep_ == "nsubj"] if first.dep_ == "acomp" else [])
            out += [r for c in subj for r in self.r.target(c)]
            if not subj and first.dep_ == "acl" and passive(first):
                out += self.r.target(first.head)     # "a deal brokered by X and accepted by Y"
        if verb.dep_ == "relcl" and not out and any(c.dep_ in ("nsubj",) and c.lower_ not in RELATIVE
                                                    for c in verb.children) and not any(
                t.lower_ == "whose" for t in verb.subtree):
            # "the deal (that) X signed"; "X sent troops - a move Y opposed": the move's doer
            act = verb.head.lemma_.lower() in self._acts and self.m.at(verb.head) is None
            out += (self.event_agents(verb.head) if act else []) or self.r.refs(verb.head, conj=False)
        if not out and not is_passive and _object_gap_of_relative(verb):
            out += self.r.refs(verb.head.head, conj=False)    # "the deal (that) X helped broker"
        return dedup(out)

    def _small_clause_subjects(self, verb: Token) -> list[Ref]:
        """'holding Ankara responsible', 'hold the Houthis accountable': the object of a verb
        with an object predicate, which spaCy parses as the subject of an adjectival or nominal
        complement (or a compound of an adjective taken for the object); 'helped the M23 take
        Goma': the subject of a bare infinitive is the verb's object."""
        out: list[Ref] = []
        for c in verb.children:
            if c.pos_ == "ADJ" and c.lemma_.lower() not in self.object_predicates:
                continue           # 'declared the capital free' says nothing against it
            if c.dep_ in ("ccomp", "oprd", "xcomp") and (c.pos_ in ("ADJ", "NOUN") or _bare_infinitive(c)):
                out += [r for s in c.children if s.dep_ == "nsubj" for r in self.r.target(s)]
            elif c.dep_ == "dobj" and c.pos_ == "ADJ":
                out += [r for s in c.children if s.dep_ in ("compound", "nsubj") for r in self.r.target(s)]
        return out

    def subjects(self, verb: Token, depth: int = 0) -> list[Ref]:
        if depth > 4:
            return []
        if passive(verb):
            return self._passive_agents(verb)
        out: list[Ref] = []
        own = [c for c in verb.children if c.dep_ in ("nsubj", "csubj", "expl")]
        for c in own:
            if c.lower_ in RELATIVE and verb.dep_ == "relcl":
                # "an ambush that killed X": an event noun stands for its doer
                out += (self._head_refs(verb.head) or self.event_agents(verb.head)) + coordinated_heads(self.r, verb, c)
            elif c.lower_ == "each" and verb.dep_ == "pcomp" and verb.head.lower_ == "with":
                # "with Armenia and Azerbaijan each accusing the other": the sides after 'with'
                out += [r for p in verb.head.children if p.dep_ == "pobj" for r in self.r.refs(p)]
            else:
                out += self.agent_of(c) + self.r.along_with(c)
        if not own:
            out = self._inherited_subjects(verb, depth)    # a subject of its own that names nobody stays nobody
        return dedup(out)

    def _passive_agents(self, verb: Token, shared: bool = True) -> list[Ref]:
        out: list[Ref] = []
        for c in verb.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                for p in c.children:
                    out += self.r.refs(p) + self.r.along_with(p)    # "mediated by X together with Y"
        if not out:
            # "soldiers were killed in an airstrike (blamed on X)": the event's doer
            # "backed by U.S. airstrikes": whoever carries them out
            for c in verb.children:
                if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "during", "by"):
                    out += [r for p in c.children if p.dep_ == "pobj" and (
                            p.lemma_.lower() in self._events or self.lex.lookup(p.lower_, "NOUN"))
                            for r in self.nouns.noun_agents(p)]
        if not out and shared and not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
            # "armed and funded by X": conjoined participles share their agent (not "a deal reached with X
            # and announced by Y": the deal's other side names who reached it)
            for v in [c for c in verb.children if c.dep_ == "conj"] + ([verb.head] if verb.dep_ == "conj" else []):
                if v.tag_ == "VBN":
                    out += self._passive_agents(v, shared=False)
        return dedup(out)

    def _inherited_subjects(self, verb: Token, depth: int) -> list[Ref]:
        """A verb without a subject of its own: relative clauses, control, conjunction, gerunds."""
        head = verb.head
        if verb.dep_ == "relcl":
            if head.dep_ == "attr" and head.head.lemma_.lower() in self.copulas and self.m.at(head) is None and (
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
                # "Britain and France were the first (country) to give Ukraine missiles": the copula's subject
                return self.r.refs(head, conj=False) or self.subjects(head.head, depth + 1)
            return self._head_refs(head)
        if verb.dep_ in ("xcomp", "advcl", "ccomp") and (
                any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.tag_ == "VBG"
                or verb.dep_ == "xcomp"):
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs and head.lemma_.lower() in self.object_control:
                # "asked Moscow to strike", "helped X retake"; "sent troops to help X": the sender's troops
                return self.r.refs(objs[0]) or self.subjects(head, depth + 1)
            if passive(head):
                # "X was expected to observe the truce", "X was asked to withdraw"
                return [r for c in head.children if c.dep_ == "nsubjpass" for r in self.r.refs(c)]
            if verb.tag_ == "VBG" and self.clause.blame_act(verb) and head.dep_ == "ccomp" and (
                    head.head.lemma_.lower() in self.clause.speech):
                # "X affirmed that the groups receive arms from Y, holding Ankara responsible": X blames
                return self.subjects(head.head, depth + 1)
            return self.subjects(head, depth + 1)
        if verb.dep_ == "conj" or _listed_clause(verb):
            return self.subjects(_speech_conjunct(verb, self.clause.speech) or head, depth + 1)
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            gov = head.head
            objs = [c for c in gov.children if c.dep_ == "dobj"]
            if not objs and passive(gov) and gov.lemma_.lower() in self.object_control:
                # "X is accused of supplying Y": the passive's subject is the one accused
                return [r for c in gov.children if c.dep_ == "nsubjpass" for r in self.r.refs(c)]
            if objs and gov.lemma_.lower() in self.object_control:
                if reciprocal(objs[0]):
                    return self.subjects(gov, depth + 1)    # "X and Y accused each other of violating it"
                return self.r.refs(objs[0])          # "accused France of supporting terrorists"
            if gov.pos_ in ("NOUN", "PROPN"):
                return self.nouns.noun_agents(gov)          # "responsibility for attacking X"
            return self.subjects(gov, depth + 1)
        if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ", "VBP") and not passive(verb):
            return self._head_refs(head)     # a finite clause the parser hung on a noun
        if verb.dep_ in GERUND_HEADS and verb.tag_ == "VBG":
            if verb.dep_ == "acl":
                return self._head_refs(head) or self.clause.author(head)
            out = self.subjects(head, depth + 1)
            if out and not any(r.ent.kind in ACTOR_KINDS for r in out) and head.dep_ not in ("ROOT",):
                out = self.subjects(head.head, depth + 2)   # "..., after the truce took effect, accusing X"
            return out
        return []

    def _head_refs(self, noun: Token) -> list[Ref]:
        """The noun a clause describes; a common noun that names nobody is the list it is said to
        include: 'Countries conducting strikes include X, Y and Z', 'States that armed X are Y and Z'."""
        out = self.r.refs(noun, conj=False)
        if out or self.m.at(noun) is not None or noun.dep_ != "nsubj" or noun.tag_ not in ("NNS", "NNPS"):
            return out
        verb = noun.head
        if verb.lemma_.lower() not in self.listing:
            return []
        return [r for c in verb.children if c.dep_ in ("dobj", "attr") for r in self.r.refs(c)]

    def event_agents(self, noun: Token) -> list[Ref]:
        """'condemned the group's attacks', 'denounced the Russian offensive': who did the event."""
        if self.m.at(noun) is not None:
            return []
        if noun.lemma_.lower() in self._acts:
            return self.clause.last_actor(noun) or self.clause.summarized(noun)
        if noun.lemma_.lower() in self.clause.statements:      # 'rejected a statement by France': France's
            return [Ref(r.ent, r.start, r.end, r.text, r.mention, "event") for r in self.clause.author(noun)]
        if noun.lemma_.lower() not in self._events:
            return []
        return [Ref(r.ent, r.start, r.end, r.text, r.mention, "event") for r in self.nouns.noun_agents(noun)]

    def agent_of(self, tok: Token) -> list[Ref]:
        """A subject that is an event ('Syrian offensives', 'the assault') stands for its agent."""
        r = self.r.refs(tok)
        if r:
            return r
        if tok.lemma_.lower() in self._events and self.m.at(tok) is None:
            return self.nouns.noun_agents(tok)      # 'attacks by the rebels have killed X'
        return []

    def prepositions(self, tok: Token, roles: Roles, inner: bool = True) -> None:
        """Add the roles the prepositions of ``tok`` introduce (see :mod:`.prepositions`)."""
        self.preps.read(tok, roles, inner)

    # ---- participles, adjectives -------------------------------------------------------------
    def participle_roles(self, tok: Token) -> Roles:
        doc = tok.doc
        roles: Roles = {"agent": [], "patient": []}
        if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_:
            roles["agent"] = hyphen_refs(self.r, doc[tok.i - 2])        # "Iran-backed"
        roles["agent"] += self._passive_agents(tok)
        inside = self.m.at(tok)
        if inside is not None:
            roles["patient"] = [self.r.ref(inside)]                  # "Turkish-backed Syrian National Army"
        else:
            noun = modified_noun(tok)
            if noun is not None:
                roles["patient"] = self.r.refs(noun, conj=False)
            if tok.dep_ == "advcl":
                # "Backed by Iran, the Houthis ...", "Brokered by X, the deal was signed ..."
                roles["patient"] = [r for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")
                                    for r in self.r.refs(c)]
        self.prepositions(tok, roles)
        return roles

    def adjective_roles(self, adj: Token) -> Roles:
        roles: Roles = {"agent": []}
        subj = [c for c in adj.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            roles["agent"] = [r for c in subj for r in self.r.refs(c)]   # "X is opposed to Y" parsed as a passive
        elif adj.dep_ in ("acomp", "attr") and adj.head.lemma_.lower() in self.copulas:
            roles["agent"] = self.subjects(adj.head)
        elif adj.dep_ in ("amod", "acl") and adj.head.pos_ in ("NOUN", "PROPN"):
            roles["agent"] = self.r.refs(adj.head, conj=False)
        elif adj.dep_ == "advcl":
            roles["agent"] = self.subjects(adj.head)
        self.prepositions(adj, roles)
        return roles

    # ---- hyphen compounds ------------------------------------------------------------------------


def hyphen_refs(r: Resolver, x: Token) -> list[Ref]:
    """X in 'X-backed': a state adjective, a name, or the state inside a longer alias."""
    adj = r.state_adjective(x, object_of_prefix=True)
    if adj is not None:
        return [adj]
    m = r.m.at(x)
    if m is None:
        return []
    if m.end > x.i + 2 and x.doc[x.i + 1].text == "-":
        # "Turkish-backed Syrian National Army" is one alias: the state is inside it
        hit = r.m.gaz.find(x.text)
        if hit is not None and hit.entry.kind == "Actor":
            return [r.synthetic(x, r.m.state_ent(hit.entry), "adjective")]
        return []
    if m.ent.kind in ("Actor", "Group", "Person", "Organization") and not m.locative:
        return r._mention_refs(m)
    if m.locative and m.role == "capital":
        hit = r.m.gaz.find(x.text)
        if hit:
            return [r.synthetic(x, r.m.state_ent(hit.entry), "adjective")]
    return []


def passive(verb: Token) -> bool:
    """A passive verb, or a participle hung on the noun it describes ('militias armed by Iran').
    A past participle under a noun with a subject or an auxiliary of its own is a finite clause
    in the active perfect, a content clause of a claim noun ('reports that it had armed X')."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children):
        return True          # 'X is armed and funded by Y' (the first participle parsed as an adjective)
    if verb.dep_ == "acl" and any(c.dep_ in ("nsubj", "aux") for c in verb.children):
        return False
    return verb.dep_ == "acl" and (verb.tag_ == "VBN" or any(c.dep_ == "agent" for c in verb.children))


def _bare_infinitive(c: Token) -> bool:
    """'(helped X) take Goma', '(let X) enter': an infinitive with no 'to' and no 'that'."""
    return c.pos_ == "VERB" and c.tag_ == "VB" and not any(x.dep_ in ("aux", "mark") for x in c.children)


def _misparsed_infinitive(obj: Token) -> list[Token]:
    """'helped the M23 capture Goma': spaCy takes the bare infinitive for a noun, the one helped
    for its compound, and hangs the infinitive's own object on the verb as a second direct
    object. The first object's name modifiers are then the verb's object."""
    if obj.pos_ != "NOUN" or not any(s.dep_ == "dobj" and s.i > obj.i for s in obj.head.children):
        return []
    return [m for m in obj.children if m.dep_ in ("compound", "nmod") and m.i < obj.i]


def modified_noun(tok: Token) -> Token | None:
    """The noun a modifier (a participle, an adjective, a hyphen part) belongs to."""
    t = tok
    for _ in range(4):
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "amod", "npadvmod"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return t if t.pos_ in ("NOUN", "PROPN") else None


__all__ = ["Arguments", "Roles", "passive", "modified_noun"]


def _object_gap_of_relative(verb: Token) -> bool:
    """'the deal (that) X helped broker': the verb a relative clause's verb controls, in a clause
    with a subject of its own and no object, takes the clause's noun as its object."""
    rel = verb.head
    return verb.dep_ == "xcomp" and rel.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ not in RELATIVE for c in rel.children) and not any(
        c.dep_ in ("dobj", "ccomp") for c in rel.children)


def coordinated_heads(r: Resolver, verb: Token, rel: Token) -> list[Ref]:
    """'a statement by Saudi Arabia and the United States, which facilitated the talks': a
    relative clause after a comma, hung on the last of coordinated names, is said of them all
    unless its verb is singular ('X and Y, which backs Z' is Y's)."""
    head = first = verb.head
    while first.dep_ == "conj":
        first = first.head
    sides = (first, *first.conjuncts)
    if len(sides) < 2 or rel.doc[rel.i - 1].text != "," or not sides[-1].i < rel.i - 1 or any(
            t.pos_ in ("VERB", "AUX") for t in rel.doc[sides[-1].i:rel.i]) or verb.tag_ == "VBZ" or any(
            a.dep_ in ("aux", "auxpass") and (a.tag_ == "VBZ" or a.lower_ == "was") for a in verb.children):
        return []
    return [x for t in sides if t.i != head.i for x in r.refs(t, conj=False)]


def _misparsed_dative(r: "Resolver", verb: Token) -> list[Ref]:
    """'shipped Moscow millions of shells', 'gave the Houthis weapons': a name right after the verb
    (and its article) that spaCy hangs as a modifier on an object that names no one is the
    indirect object."""
    out: list[Ref] = []
    start = verb.i + 1
    while start < len(verb.doc) and verb.doc[start].lower_ == "the":
        start += 1
    for c in verb.children:
        if c.dep_ != "dobj" or r.m.at(c) is not None or c.i <= start:
            continue
        m = r.m.at(verb.doc[start])
        head = verb.doc[m.head] if m is not None else None     # 'gave the Syrian army helicopters'
        if m is not None and head is not None and head.dep_ in ("compound", "amod", "nmod") and head.head.i == c.i \
                and m.end <= c.i and m.ent.kind in ("Actor", "Group", "Organization"):
            out += r.refs(head)
    return out


def _speech_conjunct(verb: Token, speech: frozenset[str]) -> Token | None:
    """'X says soldiers are fighting in Y and accuses Z of ...': the parser joins the second verb to
    the reported clause, but its tense is the speech verb's, not the reported verb's: it is the
    speaker's act, and the speech verb's subject is its subject."""
    reported = verb.head
    said = reported.head
    if reported.dep_ != "ccomp" or said.lemma_.lower() not in speech or verb.tag_ not in ("VBZ", "VBD") or (
            said.tag_ != verb.tag_):
        return None
    aux = [c for c in reported.children if c.dep_ in ("aux", "auxpass")]
    return said if (aux[0].tag_ if aux else reported.tag_) != verb.tag_ else None


def _listed_clause(verb: Token) -> bool:
    """'X called the deal void, recalled its envoy and expelled Y's': the parser hangs a middle verb
    of a list of clauses as an unlabelled dependent; in the same tense after a comma, it shares the
    first verb's subject."""
    left = verb.left_edge
    return verb.dep_ == "dep" and verb.head.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ") and (
        verb.tag_ == verb.head.tag_) and verb.head.i < verb.i and left.i > 0 and verb.doc[left.i - 1].text == ","
