"""Relation rules over the dependency parse.

Each rule reads one construction and yields (subject token-ref, relation, object
token-ref, predicate token); the word classes come from graphkit/data/lexicon.json:

* verbs with their subjects and objects, passives with and without agent,
  relative clauses, control ("refuse to recognize", "asked X to strike"),
  particles ("drive out") and prepositional objects ("fire on");
* light verbs with event nouns ("carried out airstrikes against X"), nominal
  events with an owner ("Turkish aggression against X", "attack on its post");
* hyphenated participles and prefixes ("Turkish-backed X", "anti-Damascus X",
  "X backed by Y", "Russian-Turkish agreement");
* role nouns in copulas, appositions and "as a ..." ("X, a Y ally", "X are
  guarantors of Y", "as a fellow guarantor of Y");
* blame ("X blamed Y for the attack": Y attacked what the attack hit, said X).

Scope (negation, hedges, conditionals) and attribution (who says so) are read
off the path from the predicate up to the sentence root.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..model import RELATION_TYPES
from .mentions import Ent, Mention, Mentions, NUMBER_WORDS

RELATIVE = {"which", "that", "who", "whom", "whose"}
PRONOUNS_SG = {"it", "its", "itself"}
PRONOUNS_PL = {"they", "their", "them", "themselves"}
COLLECTIVE = {"leaders", "countries", "sides", "states", "presidents", "nations", "governments", "powers",
              "parties", "capitals", "trio", "allies", "counterparts", "militaries"}
ALLOWED = {
    "BACKS": ({"Actor", "Group", "Person", "Organization"}, {"Actor", "Group", "Person", "Organization", "Agreement"}),
    "OPPOSES": ({"Actor", "Group", "Person", "Organization"}, {"Actor", "Group", "Person", "Organization", "Agreement"}),
    "ATTACKED": ({"Actor", "Group", "Person", "Organization"}, {"Actor", "Group", "Person", "Place", "Organization"}),
    "PARTY_TO": ({"Actor", "Group", "Person", "Organization"}, {"Agreement"}),
    "GUARANTEES": ({"Actor", "Group", "Person", "Organization"}, {"Agreement"}),
    "COOPERATES": ({"Actor", "Group", "Person", "Organization"}, {"Actor", "Group", "Person", "Organization"}),
    "MEMBER_OF": ({"Person"}, {"Actor", "Group", "Organization"}),
    "LEADS": ({"Person", "Actor", "Group"}, {"Group", "Actor", "Organization"}),
}
ATTACK_PREPS = {"against", "on", "at", "upon", "targeting", "toward", "towards"}
TEMPORAL_MARKS = {"after", "before", "when", "while", "as", "since", "because", "until", "once", "although",
                  "though", "whereas"}
OBJECT_CONTROL = {"accuse", "blame", "suspect", "charge", "condemn", "criticize", "criticise", "praise", "thank",
                  "credit", "fault", "punish", "sanction", "warn", "prevent", "stop", "bar", "ban", "urge"}
STATE_WORDS = {"army", "military", "police", "government", "security", "navy", "naval", "air", "border"}
FACILITIES = {"base", "refinery", "facility", "plant", "depot", "airfield", "airport", "station", "port",
              "infrastructure", "bridge", "headquarters", "barracks", "compound", "camp", "checkpoint"}
MEASURE_NOUNS = {"series", "wave", "waves", "string", "spate", "volley", "barrage", "round", "rounds", "salvo",
                 "flurry", "number", "dozens", "hundreds", "scores", "set"}
NP_INTERNAL = {"hyphen", "anti", "pair-agreement", "pair-joint", "poss-participle", "participle-agent"}
GROUP_NOUNS = {"organizations", "organisations", "groups", "outfits", "factions", "movements", "militias"}
COMMITMENT = {"uphold", "honor", "honour", "implement", "fulfil", "fulfill", "respect", "observe", "comply", "abide"}


@dataclass
class Ref:
    ent: Ent
    start: int      # char offsets into the document text
    end: int
    text: str
    mention: Mention | None = None
    resolved: bool = False   # came through a pronoun or description


@dataclass
class Found:
    subject: Ref
    relation: str
    object: Ref
    pred: Token
    sent: Span
    rule: str
    negated: bool = False
    hedged: bool = False
    attributed_to: str | None = None
    confidence: float = 0.7


class RelationFinder:
    def __init__(self, mentions: Mentions, lex: dict):
        self.m = mentions
        self.doc = mentions.doc
        self.lex = lex
        self.verb_rel: dict[str, list[str]] = {}
        for rel, verbs in lex["relation_verbs"].items():
            for v in verbs:
                self.verb_rel.setdefault(v, []).append(rel)
        self.particles = {(v, p): rel for rel, pairs in lex["verb_particles"].items() for v, p in pairs}
        self.prep_verbs: dict[tuple[str, str], str] = {}
        for rel, table in lex["prep_verbs"].items():
            if rel == "about":
                continue
            for v, preps in table.items():
                for p in preps:
                    self.prep_verbs[(v, p)] = rel
        self.noun_rel = {n: rel for rel, nouns in lex["relation_nouns"].items() if rel != "about" for n in nouns}
        self.role_rel = {n: rel for rel, nouns in lex["role_nouns"].items() if rel != "about" for n in nouns}
        self.proxy_rel = {n: rel for rel, nouns in lex["proxy_roles"].items() if rel != "about" for n in nouns}
        self.participles = {p: rel for rel, ps in lex["backed_participles"].items() if rel != "about" for p in ps}
        self.light = set(lex["light_verbs"])
        self.joint = set(lex["joint_nouns"]["words"])
        self.speech = set(lex["speech_verbs"])
        self.speech_nouns = set(lex["speech_nouns"])
        self.speaker_nouns = set(lex["speaker_nouns"])
        self.hedge_verbs = set(lex["hedge_verbs"])
        self.hedge_nouns = set(lex["hedge_nouns"])
        self.modals = set(lex["hedge_modals"])
        self.neg_words = set(lex["negation_words"])
        self.neg_verbs = set(lex["negating_verbs"])
        self.cond = set(lex["conditional_marks"])
        self.wrappers = set(lex["wrapper_nouns"]["words"])
        self.assets = set(lex["asset_nouns"])
        self.counter_terror = set(lex["counter_terror_words"])
        self.reversing = set(lex["reversing_verbs"]["verbs"])
        self.positive = set(lex["positive_complements"])
        self.found: list[Found] = []
        self.last_attack: tuple[list[Ref], list[Ref]] | None = None
        self.last_speaker: Ref | None = None

    # ---- references --------------------------------------------------------------
    def ref(self, m: Mention, resolved: bool = False) -> Ref:
        sp = self.doc[m.start:m.end]
        return Ref(m.ent, sp.start_char, sp.end_char, sp.text, m, resolved)

    def refs(self, tok: Token, depth: int = 0, conj: bool = True) -> list[Ref]:
        out = self._refs1(tok, depth)
        if conj:
            for c in tok.conjuncts:
                if c.i > tok.i:
                    out += self._refs1(c, depth)
            # "Moscow, a Damascus ally, and Ankara, which ...": the parser hangs Ankara off the apposition
            for a in tok.children:
                if a.dep_ == "appos" and self.m.at(a) is None:
                    for c in a.conjuncts:
                        if c.i > a.i and self.m.at(c) is not None:
                            out += self._refs1(c, depth)
        return _dedup(out)

    def _refs1(self, tok: Token, depth: int) -> list[Ref]:
        if depth > 4:
            return []
        m = self.m.at(tok)
        if m is not None:
            if m.locative:
                return []
            if m.role in ("generic", "named-of"):
                named = self.m._named_groups_of(self.doc[m.head])
                if named:
                    return [self.ref(n) for n in named]
            if m.role in ("force", "organ"):
                # "Turkish and Russian forces": one noun, two owners
                extra = [self._synthetic(c, self.m.state_ent(self.m.adjective[c.i]))
                         for a in self.doc[m.head].children if a.dep_ == "amod"
                         for c in a.conjuncts if c.i in self.m.adjective]
                if extra:
                    first = [self._synthetic(a, self.m.state_ent(self.m.adjective[a.i]))
                             for a in self.doc[m.head].children if a.dep_ == "amod" and a.i in self.m.adjective]
                    return _dedup(first + extra)
            return [self.ref(m)]
        appos = [c for c in tok.children if c.dep_ == "appos" and self.m.at(c) is not None]
        if appos:
            return [r for a in appos for r in self.refs(a)]
        low = tok.lower_
        if low in PRONOUNS_SG or low in PRONOUNS_PL:
            return self.antecedent(tok)
        if low == "capital" and any(c.lower_ == "the" for c in tok.children) and not any(
                c.dep_ in ("prep", "poss", "compound") for c in tok.children):
            caps = Counter(self.doc[m.start:m.end].text for m in self.m.mentions if m.role == "capital")
            if caps:
                # the capital the document speaks of most ("Kyiv ... fired drones at the capital")
                hit = self.m.gaz.find(caps.most_common(1)[0][0])
                if hit is not None:
                    return [self._synthetic(tok, self.m.state_ent(hit.entry))]
        if tok.dep_ == "appos" and self.m.at(tok.head) is not None and depth == 0:
            # "Hezbollah, an Iran-backed group": the apposition is the same entity
            return self._refs1(tok.head, depth + 1)
        if low in COLLECTIVE or tok.lemma_.lower() in ("leader", "country", "side", "state", "president"):
            n = self._collective_number(tok)
            if n:
                return self.last_n(tok, n)
        if tok.i in self.m.owner_mark:
            return [self._synthetic(tok, self.m.owner_mark[tok.i])]
        if low in self.m._organ_heads or tok.lemma_.lower() in self.m._organ_heads:
            # "its jets", "their troops": the owner of the forces
            for c in tok.children:
                if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and self.m.at(c) is not None
                                        and self.m.at(c).ent.kind in ("Group", "Organization")):
                    # "its jets", "coalition warplanes", "Wagner fighters"
                    r = self.antecedent(c) if c.lower_ in PRONOUNS_SG | PRONOUNS_PL else self._refs1(c, depth + 1)
                    if r:
                        return self._as(tok, r)
        if low in GROUP_NOUNS and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "both") for c in tok.children):
            named = self._recent_named_groups(tok)
            if named:
                return named
        if tok.lemma_.lower() in self.wrappers or low in self.wrappers or tok.pos_ == "NUM":
            out = []
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "among"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out += self.refs(p, depth + 1)
            if not out:
                for c in tok.children:
                    if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < tok.i:
                        out += self._refs1(c, depth + 1)
                        if c.i in self.m.adjective:
                            out.append(self._synthetic(c, self.m.state_ent(self.m.adjective[c.i])))
            if not out:
                for c in tok.children:
                    if c.dep_ == "acl" and c.lemma_ in ("hold", "control", "man", "occupy", "own", "run"):
                        for a in c.children:
                            if a.dep_ == "agent":
                                for p in a.children:
                                    out += self.refs(p, depth + 1)
            return out
        return []

    def _recent_named_groups(self, tok: Token) -> list[Ref]:
        """'the mentioned organizations', 'these groups' -> the named groups of the sentence before."""
        prev = [m for m in self.m.mentions if m.ent.kind == "Group" and m.role == "name"
                and self._window_start(tok.sent) <= m.start < tok.sent.start
                and not _of_complement(self.doc[m.head])]
        if not prev:
            return []
        last_sent = self.doc[prev[-1].start].sent.start
        return [self._synthetic(tok, m.ent) for m in prev
                if self.doc[m.start].sent.start == last_sent]

    def _as(self, tok: Token, refs: list[Ref]) -> list[Ref]:
        """The entities of refs, mentioned by tok (a pronoun, 'the targets', 'the two leaders')."""
        return [self._synthetic(tok, r.ent) for r in refs]

    def _synthetic(self, tok: Token, ent: Ent) -> Ref:
        return Ref(ent, tok.idx, tok.idx + len(tok.text), tok.text, None, True)

    def _collective_number(self, tok: Token) -> int:
        for c in tok.children:
            if c.lower_ in NUMBER_WORDS and c.dep_ in ("nummod", "det", "predet", "amod"):
                return NUMBER_WORDS[c.lower_]
        if tok.lower_ == "trio":
            return 3
        return 0

    def last_n(self, tok: Token, n: int) -> list[Ref]:
        want = {"leaders": "Person", "presidents": "Person", "leader": "Person", "president": "Person"}.get(tok.lower_)
        if want is None:
            # "Egypt and Qatar, along with the United States, ... The three countries ...": a recent
            # coordinated subject with exactly that many members
            start = tok.sent.start
            for _ in range(3):
                if start == 0:
                    break
                prev = self.doc[start - 1].sent
                start = prev.start
                for c in prev.root.children:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        group = _dedup(self.refs(c) + self._along_with(c))
                        if len(group) == n and all(r.ent.kind == "Actor" for r in group):
                            return self._as(tok, group)
        seen, out = set(), []
        for m in sorted(self.m.mentions, key=lambda m: -m.start):
            if m.start >= tok.i or m.locative:
                continue
            kind = (m.own or m.ent).kind if want == "Person" else m.ent.kind
            if want == "Person" and not (m.own and m.own.kind == "Person" or m.ent.kind == "Person"):
                continue
            if want is None and kind != "Actor":
                continue
            if m.ent.key in seen:
                continue
            seen.add(m.ent.key)
            out.append(self._synthetic(tok, m.ent))
            if len(out) == n:
                break
        return out if len(out) == n else []

    def antecedent(self, tok: Token) -> list[Ref]:
        """'it'/'its' -> the nearest singular actor before it that is not its co-argument;
        'they'/'their' -> the nearest plural one (a group, forces, or a coordination)."""
        plural = tok.lower_ in PRONOUNS_PL
        sent = tok.sent
        clause = _clause_head(tok)
        coargs = {c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")}
        # 1. the subject of its own clause ("Russia launched its largest attack"), unless the number
        # disagrees ("Syrian forces attacked its post"), then of an enclosing clause ("Ankara claims ...")
        if tok.dep_ == "poss":
            in_target = any(a.dep_ == "pobj" and a.head.lower_ in ATTACK_PREPS for a in _path_up(tok, clause))
            for c in ([] if in_target else clause.children):
                if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS_SG | PRONOUNS_PL and c.i < tok.i:
                    r = self._agreeing(self.refs(c, conj=False), plural)
                    if r and not any(c.conjuncts):
                        return self._as(tok, r)
            v = clause.head if clause.head.i != clause.i else None
            while v is not None:
                if v.pos_ in ("VERB", "AUX"):
                    for c in v.children:
                        if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS_SG | PRONOUNS_PL:
                            r = self._agreeing(self.refs(c, conj=False), plural)
                            if r:
                                return self._as(tok, r)
                if v.head.i == v.i:
                    break
                v = v.head
        # 2. the subject of the previous sentence ("Ankara ... . It has threatened ...")
        if tok.dep_ in ("nsubj", "nsubjpass") and not any(m.start < tok.i for m in self.m.mentions if m.start >= sent.start):
            if sent.start > 0:
                prev = self.doc[sent.start - 1].sent
                for c in prev.root.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in PRONOUNS_SG | PRONOUNS_PL:
                        r = self._agreeing(self.refs(c, conj=plural), plural)
                        if r:
                            return self._as(tok, r)
        cands: list[Mention] = []
        for m in sorted(self.m.mentions, key=lambda m: -m.start):
            if m.start >= tok.i or m.locative or m.ent.kind in ("Place", "Agreement"):
                continue
            if m.start < sent.start and m.start < self._window_start(sent):
                break
            cands.append(m)
        for m in cands:
            if m.start >= sent.start and (m.head in coargs or any(c in coargs for c in range(m.start, m.end))):
                if not plural:
                    continue
            head = self.doc[m.head]
            m_plural = self._is_plural(self.ref(m))
            if self.doc[m.head].dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "conj" for c in head.children):
                if plural:
                    r = self.refs(head)
                    return self._as(tok, r)
            if m_plural == plural:
                return [self._synthetic(tok, m.ent)]
        return []

    def _is_plural(self, r: Ref) -> bool:
        if r.mention is None:
            return r.ent.plural
        plural_tag = self.doc[r.mention.head].tag_ in ("NNS", "NNPS")
        if r.mention.role in ("name", "capital", "seat", "leader", "ner", "agreement"):
            # "the United States" takes 'it'; "the Houthis" take 'they'
            return plural_tag and r.ent.kind == "Group"
        return r.ent.plural or plural_tag

    def _agreeing(self, refs: list[Ref], plural: bool) -> list[Ref]:
        if not refs:
            return []
        if plural:
            return refs if len(refs) > 1 or self._is_plural(refs[0]) else []
        return refs if len(refs) == 1 and not self._is_plural(refs[0]) else []

    def _window_start(self, sent: Span) -> int:
        """Pronouns look back two sentences at most."""
        start = sent.start
        for _ in range(2):
            if start == 0:
                break
            start = self.doc[start - 1].sent.start
        return start

    # ---- arguments -----------------------------------------------------------------
    def subjects(self, verb: Token, depth: int = 0) -> list[Ref]:
        if depth > 4:
            return []
        passive = _passive(verb)
        out: list[Ref] = []
        if passive:
            for c in verb.children:
                if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "between" and verb.dep_ == "acl"):
                    for p in c.children:
                        out += self.refs(p)
            if not out:
                # "soldiers were killed in an airstrike blamed on Damascus / in a Russian airstrike"
                for c in verb.children:
                    if c.dep_ == "prep" and c.lower_ in ("in", "during", "by"):
                        for p in c.children:
                            if self.noun_rel.get(p.lemma_.lower()) == "ATTACKED":
                                out += self.owner(p) + self._blamed_on(p)
            return _dedup(out)
        for c in verb.children:
            if c.dep_ in ("nsubj", "csubj"):
                if c.lower_ in RELATIVE and verb.dep_ == "relcl":
                    out += self.refs(verb.head, conj=False)
                else:
                    out += self.agent_of(c)
                    out += self._along_with(c)
        if not out:
            if verb.dep_ == "relcl":
                out += self.refs(verb.head, conj=False)
            elif verb.dep_ in ("xcomp", "advcl", "ccomp") and (
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.tag_ == "VBG"):
                head = verb.head
                # object control: "asked Moscow to strike"
                objs = [c for c in head.children if c.dep_ in ("dobj",)]
                if objs and head.lemma_ in self.hedge_verbs | {"ask", "urge", "order", "force", "help", "allow"}:
                    out += self.refs(objs[0])
                else:
                    out += self.subjects(head, depth + 1)
            elif verb.dep_ == "conj":
                out += self.subjects(verb.head, depth + 1)
            elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                gov = verb.head.head
                objs = [c for c in gov.children if c.dep_ == "dobj"]
                if objs and gov.lemma_.lower() in OBJECT_CONTROL:
                    out += self.refs(objs[0])   # "accused France of supporting terrorists"
                else:
                    out += self.subjects(gov, depth + 1)
            elif verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBG":
                out += self.refs(verb.head, conj=False) if verb.dep_ == "acl" else self.subjects(verb.head, depth + 1)
        return _dedup(out)

    def _blamed_on(self, noun: Token) -> list[Ref]:
        """'an airstrike blamed on Damascus' -> Damascus."""
        return [r for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in ("blame", "attribute")
                for p in c.children if p.dep_ in ("prep", "agent") and p.lower_ in ("on", "to", "by")
                for q in p.children for r in self.refs(q)]

    def agent_of(self, tok: Token) -> list[Ref]:
        """A subject that is an event ('Syrian offensives', 'the assault') stands for its agent."""
        r = self.refs(tok)
        if r:
            return r
        rel = self.noun_rel.get(tok.lemma_.lower()) or self.noun_rel.get(tok.lower_)
        if rel == "ATTACKED":
            owner = self.owner(tok)
            if owner:
                return owner
            if self.last_attack and any(c.lower_ in ("the", "this", "that") for c in tok.children):
                return self._as(tok, self.last_attack[0])
        return []

    def _along_with(self, tok: Token) -> list[Ref]:
        out = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("along", "together", "alongside"):
                for p in c.subtree:
                    if p.dep_ == "pobj":
                        out += self.refs(p)
                        break
        return out

    def owner(self, noun: Token) -> list[Ref]:
        out = []
        mods = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < noun.i]
        mods += [x for c in mods for x in c.conjuncts if x.i < noun.i]   # "Hamas and Islamic Jihad targets"
        for c in mods:
            if c.i in self.m.adjective and not _hyphenated(c):
                out.append(self._synthetic(c, self.m.state_ent(self.m.adjective[c.i])))
                continue
            m = self.m.at(c)
            if m is not None and not m.locative and m.ent.kind != "Agreement" and not _hyphenated(c):
                out.append(self.ref(m))
            elif c.lower_ in PRONOUNS_SG | PRONOUNS_PL:
                out += self.antecedent(c)
        if noun.i in self.m.owner_mark:
            out.append(self._synthetic(noun, self.m.owner_mark[noun.i]))
        return _dedup(out)

    def objects(self, verb: Token, preps: set[str]) -> list[Ref]:
        out = []
        passive = _passive(verb)
        for c in verb.children:
            if c.dep_ in ("dobj", "dative") and not passive:
                out += self.target(c)
            elif c.dep_ == "nsubjpass":
                if c.lower_ in RELATIVE and verb.dep_ == "relcl":
                    out += self.refs(verb.head, conj=False)   # "Hamas, which is backed by Iran"
                else:
                    out += self.target(c)
            elif c.dep_ == "prep" and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        out += self.target(p)
        if verb.dep_ == "acl" and passive:
            out += self.target(verb.head)
        return _dedup(out)

    def target(self, tok: Token) -> list[Ref]:
        """What an attack or stance is aimed at: the entity, or the owner or holder of an asset."""
        r = self.refs(tok)
        if r:
            return r
        low = tok.lower_
        if self.noun_rel.get(tok.lemma_.lower()) == "ATTACKED" and self.m.at(tok) is None:
            # "confront any Turkish aggression", "condemned the attacks by Russia": the attacker
            agent = self.owner(tok) + [r for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"
                                       for p in c.children for r in self.refs(p)]
            if agent:
                return _dedup(agent)
        if low in self.assets or tok.lemma_.lower() in self.assets or tok.lemma_.lower() in FACILITIES:
            o = self.owner(tok)
            if o:
                return o
            if any(c.lower_ in STATE_WORDS for c in tok.lefts):
                # "an army base in northern Burkina Faso": the state's own forces
                for t in tok.subtree:
                    m = self.m.at(t)
                    if m is not None and m.locative and m.ent.kind == "Actor" and _inside_of(t, tok):
                        return [self._synthetic(tok, m.ent)]
            if any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children):
                o = self._recent_asset_owner(tok)
                if o:
                    return o
        # "residential areas in the Tal Tamr district", "places in the village of X"
        out = []
        for t in tok.subtree:
            if t.i == tok.i or abs(t.i - tok.i) > 12:
                continue
            m = self.m.at(t)
            if m and m.ent.kind == "Place" and t.i == m.head and _inside_of(t, tok):
                out.append(self.ref(m))
        return _dedup(out)

    def _recent_asset_owner(self, tok: Token) -> list[Ref]:
        """'the targets' -> the owner of the last asset named before ('militant hideouts')."""
        sent_start = self._window_start(tok.sent)
        for t in reversed(self.doc[sent_start:tok.sent.start]):
            if (t.lower_ in self.assets or t.lemma_.lower() in self.assets) and self.m.at(t) is None:
                o = self.owner(t)
                if o:
                    return self._as(tok, o)
        return []

    # ---- scope and attribution ---------------------------------------------------------
    def scope(self, pred: Token, rel: str, neg_used: bool = False) -> tuple[bool, bool, bool]:
        """(negated, hedged, threatened) for a predicate, looking up its governing verbs.
        neg_used: the predicate's own negation already made the relation ('not complying' -> OPPOSES)."""
        negated = hedged = threat = False
        t = pred
        steps = 0
        while True:
            kids = list(t.children)
            own_neg = neg_used and t.i == pred.i
            if not own_neg and any(c.dep_ == "neg" or c.lower_ in self.neg_words and c.dep_ in ("neg", "advmod", "det")
                                   for c in kids):
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
                    if lem in ("threaten", "vow", "warn", "plan", "prepare", "pledge"):
                        threat = True
                if t.lower_ in self.hedge_nouns or lem in self.hedge_nouns:
                    hedged = True
            if t.dep_ in ("ROOT",) or steps > 6:
                break
            if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in self.speech:
                break
            if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX"):
                break
            if t.dep_ == "conj" and t.head.pos_ == "VERB":
                t = t.head
                steps += 1
                continue
            if t.dep_ in ("nsubj", "nsubjpass", "appos"):
                break
            if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in t.children):
                break
            t = t.head
            steps += 1
        return negated, hedged, threat

    def attribution(self, pred: Token) -> str | None:
        sent = pred.sent
        for t in sent:
            if t.dep_ == "prep" and t.lower_ == "according":
                for p in t.subtree:
                    if p.dep_ == "pobj":
                        m = self.m.at(p)
                        if m is not None and m.ent.kind == "Agreement":
                            break
                        return self._speaker_name(p)
            if t.lower_ in ("citing",) and t.dep_ in ("advcl", "prep", "acl"):
                for p in t.children:
                    if p.dep_ in ("dobj", "pobj"):
                        return self._speaker_name(p)
        t = pred
        while t.dep_ != "ROOT" and t.head.i != t.i:
            h = t.head
            if h.lemma_.lower() in self.speech and h.pos_ in ("VERB", "AUX") and t.dep_ in (
                    "ccomp", "parataxis", "xcomp", "advcl", "dobj", "conj", "advmod", "npadvmod", "prep", "acomp"):
                subj = [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subj:
                    return self._speaker_name(subj[0])
            t = h
        # a parenthetical "..., it said," or "..., the ministry said" attached anywhere
        for t in sent:
            if t.lemma_.lower() in self.speech and t.dep_ in ("parataxis", "ROOT", "ccomp") and t.i != pred.i:
                subj = [c for c in t.children if c.dep_ == "nsubj"]
                inside_subject = any(x.i == pred.i for c in subj for x in c.subtree)
                if subj and not inside_subject and (t.dep_ == "parataxis" or t.i > pred.i):
                    name = self._speaker_name(subj[0])
                    if name:
                        return name
        if sent.text.lstrip().startswith('"') and self.last_speaker is not None:
            return self.last_speaker.ent.name
        return None

    def _speaker_name(self, tok: Token) -> str | None:
        r = self.refs(tok, conj=False)
        if r:
            return r[0].ent.name
        if tok.lower_ in self.speech_nouns or tok.lemma_.lower() in self.speech_nouns:
            # "the statement", "a ministry statement": whose statement
            o = self.owner(tok)
            if o:
                return o[0].ent.name
            if self.last_speaker is not None:
                return self.last_speaker.ent.name
        if tok.lower_ in self.speaker_nouns or tok.lemma_.lower() in self.speaker_nouns:
            o = self.owner(tok)
            if o:
                return o[0].ent.name
        return " ".join(t.text for t in tok.subtree if t.dep_ not in ("det", "punct")) or None

    # ---- emit ------------------------------------------------------------------------
    def emit(self, subs: list[Ref], rel: str, objs: list[Ref], pred: Token, rule: str,
             conf: float = 0.7, scope_from: Token | None = None, neg_used: bool = False) -> None:
        if rel not in RELATION_TYPES:
            return
        sk, ok = ALLOWED[rel]
        if rule in NP_INTERNAL:
            # "Turkish-backed militants": a presupposition of the noun phrase, not under the clause's scope
            neg, hedged, threat = False, False, False
        else:
            neg, hedged, threat = self.scope(scope_from or pred, rel, neg_used)
        if rel == "OPPOSES":
            hedged = False
        attributed = self.attribution(pred)
        if rel in ("LEADS", "MEMBER_OF"):
            # a person's own role, not the state they are rolled up to
            subs = [Ref(r.mention.own, r.start, r.end, r.text, r.mention, r.resolved)
                    if r.mention is not None and r.mention.own is not None and r.mention.own.kind == "Person" else r
                    for r in subs]
        for s in subs:
            for o in objs:
                if s.ent.key == o.ent.key or s.ent.kind not in sk or o.ent.kind not in ok:
                    continue
                if s.ent.part_of and s.ent.part_of == o.ent.key or o.ent.part_of == s.ent.key:
                    continue
                c = conf - (0.1 if s.resolved else 0) - (0.1 if o.resolved else 0)
                self.found.append(Found(s, rel, o, pred, pred.sent, rule, neg, hedged, attributed, max(0.2, c)))
                if rel == "ATTACKED" and threat and not neg:
                    self.found.append(Found(s, "OPPOSES", o, pred, pred.sent, rule + "+threat", False, False,
                                            attributed, max(0.2, c - 0.1)))
        if rel == "ATTACKED" and subs and objs and not neg and not hedged:
            self.last_attack = (subs, objs)

    # ---- rules -----------------------------------------------------------------------
    def run(self) -> list[Found]:
        for sent in self.doc.sents:
            for tok in sent:
                if tok.pos_ in ("VERB", "AUX"):
                    self.verb_rule(tok)
                if tok.pos_ in ("NOUN", "PROPN"):
                    self.noun_rule(tok)
                    self.role_rule(tok)
                    self.joint_rule(tok)
                self.hyphen_rule(tok)
            speakers = []
            for tok in sent:
                if tok.lemma_.lower() in self.speech and tok.pos_ == "VERB":
                    subj = [c for c in tok.children if c.dep_ == "nsubj"]
                    if subj:
                        speakers += self.refs(subj[0], conj=False)
            if speakers:
                # a news agency passing a statement on is not its source
                self.last_speaker = next((r for r in speakers if r.ent.kind != "Organization"), speakers[0])
        return self.found

    def verb_rule(self, verb: Token) -> None:
        lemma = verb.lemma_.lower()
        prts = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        rels: list[str] = []
        for p in prts:
            if (lemma, p) in self.particles:
                rels = [self.particles[(lemma, p)]]
        if not rels:
            rels = list(self.verb_rel.get(lemma, []))
        prep_rels = {p: r for (v, p), r in self.prep_verbs.items() if v == lemma}
        if lemma == "blame":
            return self.blame_rule(verb)
        if lemma == "claim" and any(c.dep_ == "dobj" and c.lower_ == "responsibility" for c in verb.children):
            return self.responsibility_rule(verb)
        reversed_ = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.reversing and lemma in self.positive
        if reversed_ and not rels:
            rels = ["PARTY_TO"]
        if not rels and not prep_rels:
            return
        if lemma in self.light and any(self._event_noun(c) for c in verb.children if c.dep_ == "dobj"):
            return  # the noun rule reads "launch an attack against X"
        subs = self.subjects(verb)
        if not subs:
            # "terrorists must be eliminated", said in a statement: the speaker's stance
            if self.last_speaker is not None and any(c.dep_ in ("nsubjpass",) for c in verb.children) and set(rels) & {"OPPOSES"}:
                subs = [self.last_speaker] if self.attribution(verb) else []
            if not subs:
                return
        # refuse to recognize / not complying with: the positive verb turns into OPPOSES
        negated_positive = lemma in self.positive and any(c.dep_ == "neg" for c in verb.children)
        for rel in rels:
            preps = ATTACK_PREPS if rel == "ATTACKED" else {"against"} if rel == "OPPOSES" else set()
            objs = self.objects(verb, preps)
            if reversed_ or (negated_positive and rel == "PARTY_TO" and lemma not in COMMITMENT - {"comply"}):
                self.emit(subs, "OPPOSES", objs, verb, "verb-reversed", 0.7, scope_from=verb.head if reversed_ else None,
                          neg_used=not reversed_)
                if reversed_:
                    continue
                continue
            if rel == "ATTACKED" and not objs and any(c.dep_ == "dobj" for c in verb.children):
                # "hit an oil refinery in Russia's Ryazan region": the place of the strike
                objs = [r for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "near", "outside")
                        for p in c.children if p.dep_ == "pobj" for r in self.target(p) if r.ent.kind == "Place"]
            self.emit(subs, rel, objs, verb, "verb", 0.75)
        for prep, rel in prep_rels.items():
            objs = []
            for c in verb.children:
                if c.dep_ in ("prep", "prt") and c.lower_ == prep:
                    for p in c.children:
                        if p.dep_ in ("pobj", "pcomp"):
                            objs += self.target(p)
            if negated_positive and rel == "PARTY_TO":
                if reversed_ or lemma == "comply":
                    self.emit(subs, "OPPOSES", objs, verb, "verb-prep-reversed", 0.65, neg_used=True)
                continue
            if reversed_:
                self.emit(subs, "OPPOSES", objs, verb, "verb-prep-reversed", 0.65, scope_from=verb.head)
                continue
            self.emit(subs, rel, objs, verb, "verb-prep", 0.7)

    def _event_noun(self, tok: Token) -> bool:
        return (tok.lemma_.lower() in self.noun_rel or tok.lower_ in self.noun_rel) and self.m.at(tok) is None

    def blame_rule(self, verb: Token) -> None:
        """'X blamed Y for the attack' -> Y ATTACKED (what the attack hit), attributed to X."""
        speaker = self.subjects(verb)
        blamed = [r for c in verb.children if c.dep_ == "dobj" for r in self.refs(c)]
        fors = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"]
        if not fors:  # "blamed terrorists based in Idlib for the attack": the parser attaches 'for' lower
            fors = [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree if t.dep_ == "prep" and t.lower_ == "for"]
        for p, objs in self._attacks_for(fors):
            before = len(self.found)
            self.emit(blamed, "ATTACKED", objs, p, "blame", 0.6, scope_from=verb)
            name = speaker[0].ent.name if speaker else None
            for f in self.found[before:]:
                f.attributed_to = name

    def _attacks_for(self, fors: list[Token]) -> list[tuple[Token, list[Ref]]]:
        """'for the attack (on X)': each attack noun and what it hit (X, or the last attack's target)."""
        out = []
        for f in fors:
            for p in f.children:
                if self.noun_rel.get(p.lemma_.lower()) != "ATTACKED":
                    continue
                objs = self.noun_targets(p, "ATTACKED")
                if not objs and self.last_attack:
                    objs = self._as(p, self.last_attack[1])
                out.append((p, objs))
        return out

    def responsibility_rule(self, verb: Token) -> None:
        """'JNIM claimed responsibility for the assault on the base' -> JNIM ATTACKED (the base's owner)."""
        subs = self.subjects(verb)
        resp = next(c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "responsibility")
        fors = [c for c in list(verb.children) + list(resp.children) if c.dep_ == "prep" and c.lower_ == "for"]
        for _noun, objs in self._attacks_for(fors):
            self.emit(subs, "ATTACKED", objs, verb, "responsibility", 0.75)

    def noun_targets(self, noun: Token, rel: str) -> list[Ref]:
        preps = {"ATTACKED": {"against", "on", "at", "upon", "targeting", "of", "toward", "towards"},
                 "BACKS": {"for", "to", "of"}, "OPPOSES": {"to", "against", "of", "toward", "towards", "on"},
                 "COOPERATES": {"with", "between"}}.get(rel, set())
        out = []
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        out += self.target(p)
            if c.dep_ == "acl" and c.lower_ == "targeting":
                for p in c.children:
                    if p.dep_ == "dobj":
                        out += self.target(p)
        return _dedup(out)

    def noun_rule(self, noun: Token) -> None:
        rel = self.noun_rel.get(noun.lemma_.lower()) or self.noun_rel.get(noun.lower_)
        if rel is None or self.m.at(noun) is not None:
            return
        carrier = noun
        # "a series of airstrikes", "volleys of shells", "dozens of raids": the measure noun carries the event
        while carrier.dep_ == "pobj" and carrier.head.lower_ == "of" and (
                carrier.head.head.lemma_.lower() in self.wrappers | MEASURE_NOUNS):
            carrier = carrier.head.head
        head = carrier.head
        light = carrier.dep_ in ("dobj", "attr") and head.lemma_.lower() in self.light
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in self.light:
            light, head = True, head.head   # "carried out four airstrikes" parsed oddly; "responded with attacks"
        # "volleys of mortar shells": the meaningful noun is inside
        objs = self.noun_targets(noun, rel)
        if light and not objs:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ATTACK_PREPS | {"to"} and rel != "COOPERATES":
                    for p in c.children:
                        if p.dep_ in ("pobj",):
                            objs += self.target(p)
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        objs += self.noun_targets(p, rel)
        if not objs and rel == "ATTACKED":
            words = {c.lower_ for c in noun.subtree if c.i < noun.i} | {"".join(t.text for t in noun.lefts).lower()}
            if words & self.counter_terror or any(w.replace("-", "") in {x.replace("-", "") for x in self.counter_terror}
                                                   for w in _hyphen_words(noun)):
                g = self.m.generic_group
                if g is not None:
                    objs = [self._synthetic(noun, g)]
        if not objs:
            return
        subs = self.owner(noun)
        if light and not subs:
            subs = self.subjects(head)
        if not subs and noun.dep_ in ("nsubj",):
            return
        if not subs and rel == "ATTACKED" and noun.dep_ == "pobj" and head.lower_ == "for":
            return  # blame rule
        if not subs:
            return
        pred = head if light else noun
        self.emit(subs, rel, objs, pred, "noun-light" if light else "noun", 0.7 if light else 0.65,
                  scope_from=head if light else (noun.head if noun.dep_ in ("dobj", "pobj") else noun))

    def joint_rule(self, noun: Token) -> None:
        """'Russia and Turkey cut short their first joint patrol', 'a joint patrol by Turkey and Russia'."""
        if noun.lower_ not in self.joint or not any(c.lower_ == "joint" for c in noun.lefts):
            return
        actors = [r for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "between", "of")
                  for p in c.children if p.dep_ == "pobj" for r in self.refs(p)]
        if not actors:
            head = noun.head
            while head.dep_ in ("prep", "pobj", "conj") and head.head.i != head.i:
                head = head.head
            if head.pos_ in ("VERB", "AUX"):
                actors = self.subjects(head)
        actors = [r for r in _dedup(actors) if r.ent.kind in ("Actor", "Group", "Organization")]
        for i, a in enumerate(actors):
            self.emit([a], "COOPERATES", actors[i + 1:], noun, "joint", 0.7)

    def role_rule(self, noun: Token) -> None:
        low = noun.lemma_.lower()
        rel = self.role_rel.get(low) or self.role_rel.get(noun.lower_)
        proxy = self.proxy_rel.get(low)
        if rel is None and proxy is None:
            return
        if self.m.at(noun) is not None and self.m.at(noun).role not in ("force",):
            return
        # whose role: "a Damascus ally", "an ally of Damascus", "guarantors of X"
        of = []
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "to", "for"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        of += self.refs(p)
        if not of:
            of = [r for r in self.owner(noun)]
        if not of:
            return
        holders: list[Ref] = []
        pred = noun
        if noun.dep_ == "appos":
            holders = self.refs(noun.head, conj=False)
        elif noun.dep_ in ("attr", "acomp") and noun.head.lemma_ in ("be", "become", "remain"):
            holders = self.subjects(noun.head)
            pred = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ == "as":
            verb = noun.head.head
            holders = self.subjects(verb) if verb.pos_ in ("VERB", "AUX") else self.refs(verb, conj=False)
            if any(c.lower_ in ("fellow", "co") for c in noun.children):
                for c in verb.children:
                    if c.dep_ == "prep" and c.lower_ == "with":
                        for p in c.children:
                            holders += self.refs(p)
            pred = verb
        elif noun.dep_ == "conj":
            return
        if not holders:
            return
        if proxy:
            self.emit(of, proxy, holders, pred, "role-proxy", 0.65)
        else:
            self.emit(holders, rel, of, pred, "role", 0.7)

    def hyphen_rule(self, tok: Token) -> None:
        doc = self.doc
        low = tok.lower_
        # "Turkish-backed militants", "Iran-backed Houthis"
        if low in self.participles and tok.i >= 2 and doc[tok.i - 1].text == "-":
            x = doc[tok.i - 2]
            xs = self._hyphen_refs(x)
            inside = self.m.at(tok)
            if inside is not None:
                ys = [self.ref(inside)]
            else:
                ys = self.refs(self._modified_noun(tok), conj=False) if self._modified_noun(tok) is not None else []
            rel = self.participles[low]
            if xs and ys:
                self.emit(xs, rel, ys, tok, "hyphen", 0.85)
            return
        # "their allied militias", "Iran's allied militias"
        if low in self.participles and tok.dep_ == "amod" and not (tok.i >= 1 and doc[tok.i - 1].text == "-"):
            noun = tok.head
            xs = [r for c in noun.children if c.dep_ == "poss" for r in (
                self.antecedent(c) if c.lower_ in PRONOUNS_SG | PRONOUNS_PL else self.refs(c, conj=False))]
            if xs:
                self.emit(xs, self.participles[low], self.refs(noun, conj=False), tok, "poss-participle", 0.7)
            return
        # "Y backed by X"
        if low in self.participles and tok.dep_ in ("acl", "amod", "advcl") and tok.tag_ == "VBN":
            xs = [r for c in tok.children if c.dep_ == "agent" for p in c.children for r in self.refs(p)]
            if xs:
                ys = self.refs(tok.head, conj=False) if tok.dep_ != "advcl" else self.subjects(tok.head)
                self.emit(xs, self.participles[low], ys, tok, "participle-agent", 0.8)
            return
        # "anti-Damascus militants"
        if low in self.lex["anti_prefixes"] and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
            xs = self._hyphen_refs(doc[tok.i + 2])
            y = self._modified_noun(doc[tok.i + 2]) or self._modified_noun(tok)
            ys = self.refs(y, conj=False) if y is not None else []
            if xs and ys:
                self.emit(ys, "OPPOSES", xs, tok, "anti", 0.75)
            return
        # "Russian-Turkish agreement", "Russia-Turkey joint patrols"
        if tok.text == "-" and tok.whitespace_ == "" and 0 < tok.i < len(doc) - 1:
            a, b = doc[tok.i - 1], doc[tok.i + 1]
            ra, rb = self._hyphen_refs(a), self._hyphen_refs(b)
            if not (ra and rb) or ra[0].ent.kind != "Actor" or rb[0].ent.kind != "Actor":
                return
            if tok.i >= 2 and doc[tok.i - 2].text == "-":
                return
            noun = self._modified_noun(b)
            if noun is None:
                return
            m = self.m.at(noun)
            if m is not None and m.ent.kind == "Agreement":
                self.emit(ra + rb, "PARTY_TO", [self.ref(m)], noun, "pair-agreement", 0.8)
            elif noun.lemma_.lower() in ("patrol", "patrols", "coordination", "cooperation", "operation", "exercise",
                                           "center", "centre", "force", "drill", "mission", "talks", "statement", "effort"):
                self.emit(ra, "COOPERATES", rb, noun, "pair-joint", 0.7)

    def _hyphen_refs(self, x: Token) -> list[Ref]:
        if x.i in self.m.adjective:
            return [self._synthetic(x, self.m.state_ent(self.m.adjective[x.i]))]
        m = self.m.at(x)
        if m is not None and m.end > x.i + 2 and self.doc[x.i + 1].text == "-":
            # "Turkish-backed Syrian National Army" is one alias: the state is inside it
            hit = self.m.gaz.find(x.text)
            if hit is not None and hit.entry.kind == "Actor":
                return [self._synthetic(x, self.m.state_ent(hit.entry))]
            return []
        if m is not None and m.ent.kind in ("Actor", "Group", "Person", "Organization"):
            sp = self.doc[m.start:m.end]
            return [Ref(m.ent, x.idx, x.idx + len(x.text), x.text, m)] if len(sp) > 1 else [self.ref(m)]
        if m is not None and m.locative and m.role == "capital":
            hit = self.m.gaz.find(x.text)
            if hit:
                return [self._synthetic(x, self.m.state_ent(hit.entry))]
        return []

    def _modified_noun(self, tok: Token) -> Token | None:
        t = tok
        for _ in range(4):
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "amod", "npadvmod"):
                return t
            if t.head.i == t.i:
                return None
            t = t.head
        return t if t.pos_ in ("NOUN", "PROPN") else None


def _of_complement(t: Token) -> bool:
    """'the methods of Al-Qaeda': a group named as what something belongs to, not as a referent."""
    while t.dep_ == "conj":
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ not in GROUP_NOUNS | {"members"}


def _inside_of(t: Token, top: Token) -> bool:
    """t names where top is ('areas in X district', 'the village of X'), not what is near it."""
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ == "pobj" and t.head.lower_ not in ("in", "of", "inside", "within"):
            return False
        t = t.head
    return t.i == top.i


def _passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return verb.dep_ == "acl" and (verb.tag_ == "VBN" or any(c.dep_ == "agent" for c in verb.children))


def _path_up(tok: Token, top: Token) -> list[Token]:
    out, t = [], tok
    while t.i != top.i and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out


def _clause_head(tok: Token) -> Token:
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _hyphenated(t: Token) -> bool:
    doc = t.doc
    return t.i + 1 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 1].whitespace_ == ""


def _hyphen_words(tok: Token) -> list[str]:
    doc = tok.doc
    out = []
    for c in tok.lefts:
        s = c.left_edge.i
        out.append("".join(t.text for t in doc[s:c.i + 1]).lower())
    return out


def _dedup(refs: list[Ref]) -> list[Ref]:
    seen, out = set(), []
    for r in refs:
        if r.ent.key not in seen:
            seen.add(r.ent.key)
            out.append(r)
    return out
