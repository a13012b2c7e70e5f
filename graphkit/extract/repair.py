"""Parse repairs: known, systematic misparses of spaCy's small English model, mended on the
Doc right after the parser so that every later pass reads the corrected tree.

Each repair is one function over a sentence that returns how many heads it moved. A repair
fires only on a shape the parser produces for that misreading and never for a sound parse,
so a sentence the parser reads correctly is left as it is.
"""
from __future__ import annotations
from collections.abc import Callable

from lemminflect import getAllLemmas, getInflection, getLemma
from spacy.attrs import DEP, HEAD, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon, load_lexicon

SUBJECTS = ("nsubj", "nsubjpass")
RELATIVES = ("which", "that", "who")
# what the parse of a sentence needs, re-run on a copy with a homograph put in a plain verb's place
PARSE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
# a plain verb of each inflection, with no noun reading to mislead the parser
STAND_IN = {"VBZ": "helps", "VBD": "helped", "VBN": "helped", "VBP": "help"}
FINITE_VERB = ("VBZ", "VBD", "VBP")      # a verb's finite tags; with a modal, what makes a clause finite
FINITE = FINITE_VERB + ("MD",)
# a one-word name with no other reading, for a name the parser misreads
NAME_STAND_IN = "Kenya"
# what a headline's verb is in a new parse: the root, a conjunct, or a clause of the root's
CLAUSE_VERB = ("ROOT", "conj", "ccomp", "parataxis")
NOMINAL_ROLES = ("nsubj", "nsubjpass", "compound", "poss", "amod", "nmod")


def fronted_phrase_subject(sent: Span) -> int:
    """'After talks with Qatar, Israel and Hamas agreed a truce': the parser runs 'Israel and
    Hamas' on as conjuncts of 'Qatar', and leaves the verb with no subject or makes 'talks' its
    subject. The subject is the coordination after the last comma that runs up to the verb; the
    opening phrase keeps its object."""
    opener = _opening_preposition(sent)
    if opener is None:
        return 0
    verb = opener.head
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS + ("expl", "csubj")), None)
    if subj is None and opener.right_edge.i == verb.i - 1:
        phrase = opener
    elif subj is not None and subj.left_edge.i == opener.i + 1 and subj.right_edge.i == verb.i - 1:
        phrase = subj
    else:
        return 0
    doc = sent.doc
    for comma in reversed([t for t in phrase.subtree if t.text == "," and t.i < verb.i - 1]):
        first = doc[comma.i + 1]
        if (first.dep_ == "conj" and first.head.i < comma.i and first.left_edge.i == first.i
                and first.right_edge.i == verb.i - 1 and first.pos_ in ("PROPN", "NOUN", "PRON")):
            first.head, first.dep_ = verb, subj.dep_ if subj is not None else "nsubj"
            comma.head, comma.dep_ = verb, "punct"
            if subj is not None:
                subj.head, subj.dep_ = opener, "pobj"
                opener.dep_ = "prep"        # 'After' read as a subordinator of the subject's clause
            return 1
    return 0


def coordinated_clause_subject(sent: Span) -> int:
    """'Taliban forces attacked border posts and Pakistani jets struck Taliban positions': the
    parser joins 'jets' to the first verb's object and leaves the second verb with no subject.
    A finite verb coordinated with another, with no subject of its own, right after a noun that
    ends that coordination has that noun as its subject (a shared subject would leave the verb
    right after 'and')."""
    doc = sent.doc
    for verb in sent:
        if verb.dep_ != "conj" or verb.tag_ not in FINITE_VERB or verb.head.pos_ not in ("VERB", "AUX") \
                or any(c.dep_ in SUBJECTS + ("expl",) for c in verb.children) or verb.i == sent.start:
            continue
        noun = doc[verb.i - 1]
        if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or noun.right_edge.i != verb.i - 1:
            continue
        first = noun.head
        while first.dep_ == "conj":
            first = first.head
        if first.dep_ not in ("dobj", "pobj", "attr") or not any(a.i == verb.head.i for a in first.ancestors):
            continue
        noun.head, noun.dep_ = verb, "nsubj"
        cc = doc[noun.left_edge.i - 1]
        if cc.dep_ == "cc":
            cc.head = verb.head          # 'and' now joins the two clauses
        return 1
    return 0


DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def dateline(sent: Span) -> int:
    """'KABUL, Dec 25 (Reuters) - Pakistani jets bombed ...': the parser hangs the dateline on the
    story's first noun ('Kabul' as a modifier of 'jets', or as the subject). The dateline is
    where the story was filed: it hangs on the main verb, apart from the clause."""
    dash = dateline_dash(sent)
    if dash is None:
        return 0
    region = sent.doc[sent.start:dash.i + 1]
    verb = sent.root
    if verb.i <= dash.i:
        return 0
    moved = 0
    for t in region:
        if not (region.start <= t.head.i < region.end):
            t.head, t.dep_ = verb, "dep" if t.i != dash.i else "punct"     # no role in the clause
            moved += 1
    return moved + _dateline_subject(sent, region)


def _dateline_subject(sent: Span, region: Span) -> int:
    """'MOGADISHU, May 28 (Wire) - Al-Shabaab fighters stormed a base': the phrase after the dash,
    hung on the dateline, runs up to a verb with no subject (past adjuncts hung there too: 'Russia
    and Ukraine on Friday signed'): it is that verb's subject, the adjuncts are the verb's."""
    doc = sent.doc
    phrase = next((t for t in doc[region.end:sent.end] if region.start <= t.head.i < region.end
                   and t.pos_ in ("NOUN", "PROPN") and t.left_edge.i == region.end), None)
    if phrase is None:
        return 0
    i, adjuncts = phrase.right_edge.i + 1, []
    while i < sent.end and doc[i].tag_ not in FINITE_VERB:
        t = doc[i]
        if not (t.pos_ == "ADV" or t.dep_ in ("prep", "npadvmod") and (
                region.start <= t.head.i < region.end or t.head.i > t.right_edge.i)):
            return 0
        adjuncts.append(t)
        i = t.right_edge.i + 1
    if i < sent.end and doc[i].dep_ in ("aux", "auxpass") and doc[i].head.i > i:
        i = doc[i].head.i     # 'Troops of X have neutralised ...': the verb the auxiliary serves
    if i >= sent.end or any(c.dep_ in SUBJECTS + ("expl", "csubj") for c in doc[i].children):
        return 0
    verb = doc[i]
    phrase.head, phrase.dep_ = verb, "nsubj"
    for t in adjuncts:
        if region.start <= t.head.i < region.end:
            t.head = verb
    return 1 + len(adjuncts)


def dateline_dash(sent: Span) -> Token | None:
    """The dash that ends a dateline opening the sentence ('TRIPOLI, Jan 2 (Reuters) -',
    'Hama, December 3 -'), or None."""
    dash = next((t for t in sent[1:14] if t.text in DASHES and t.doc[t.i - 1].whitespace_ and t.whitespace_), None)
    if dash is None or not sent[0].text[:1].isupper():
        return None
    if not all(t.pos_ in ("PROPN", "NUM", "PUNCT", "SYM") or t.ent_type_ in ("DATE", "TIME", "GPE") or t.is_title
               for t in sent.doc[sent.start:dash.i]):
        return None
    return dash


def in_dateline(tok: Token) -> bool:
    """'TRIPOLI, Jan 2 (Reuters) - ...': the token is in the dateline opening its sentence."""
    dash = dateline_dash(tok.sent)
    return dash is not None and tok.i < dash.i


def _opening_preposition(sent: Span) -> Token | None:
    """The preposition that opens the sentence ('After', 'Following', 'In'), hung on a verb."""
    for tok in sent[:2]:
        if tok.dep_ in ("prep", "mark") and tok.pos_ in ("ADP", "SCONJ", "VERB") and tok.head.pos_ in ("VERB", "AUX"):
            return tok
        if not (tok.is_punct or tok.pos_ == "CCONJ"):
            return None
    return None


class Reparse:
    """A sentence parsed again on a copy with stand-ins put in some words' places; the new tree,
    tags and parts of speech are copied back onto the sentence when a repair accepts it."""

    def __init__(self, nlp: Language, lex: Lexicon):
        self.nlp, self.lex = nlp, lex

    def reparse(self, sent: Span, stand_ins: dict[int, str]) -> Doc | None:
        """The sentence parsed with stand_ins (doc index -> word) in place; None unless it is one
        sentence with its root a verb."""
        words = [stand_ins.get(t.i, t.text) for t in sent]
        doc = Doc(self.nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in sent])
        for name, proc in self.nlp.pipeline:
            if name in PARSE:
                doc = proc(doc)
        roots = [t for t in doc if t.dep_ == "ROOT"]
        return doc if len(roots) == 1 and roots[0].pos_ in ("VERB", "AUX") else None

    @staticmethod
    def adopt(sent: Span, alt: Doc) -> None:
        doc = sent.doc
        arr = doc.to_array([HEAD, DEP, TAG, POS])
        arr[sent.start:sent.end] = alt.to_array([HEAD, DEP, TAG, POS])
        doc.from_array([HEAD, DEP, TAG, POS], arr)


class VerbHomographs(Reparse):
    """'Iran, which funds and arms Hamas', 'The UAE funds and trains units', 'JNIM has overrun
    army bases', 'GNA forces storm Tarhuna': a trigger verb that is also a noun is tagged as a
    noun, and the clause loses its verb ('columns repelled attacks': or it is tagged as a past
    but parsed as its object's modifier). Where the word stands between a subject (a name, a
    relative pronoun, 'has', or in a headline with no finite verb a plural or a name) and an
    object, the sentence is parsed again with a plain verb of the same inflection in its place;
    the new parse is kept if the stand-in is a verb with an object."""

    def __call__(self, sent: Span) -> int:
        found = self.homographs(sent)
        if not found:
            return 0
        alt = self.reparse(sent, {i: STAND_IN[tag] for i, tag in found.items()})
        # in a headline the stand-in must be its clause's verb
        if alt is None or not all(self._verb_again(t) and (
                not _headline(sent, sent.doc[t.i + sent.start]) or t.dep_ in CLAUSE_VERB)
                for t in (alt[i - sent.start] for i in found)):
            return 0
        self.adopt(sent, alt)
        doc = sent.doc
        for i, tag in found.items():
            doc[i].tag_, doc[i].lemma_ = tag, self.lex.lookup(doc[i].lower_, "VERB")[0].head
        return len(found)

    @staticmethod
    def _verb_again(t: Token) -> bool:
        """The stand-in came out a verb with an object, or a relative clause's verb with a subject."""
        return t.pos_ == "VERB" and (any(c.dep_ in ("dobj", "conj") for c in t.children) or t.dep_ in ("relcl", "acl")
                                     and any(c.dep_ == "nsubj" for c in t.children))

    def homographs(self, sent: Span) -> dict[int, str]:
        """Token index -> the verb tag it should have."""
        found: dict[int, str] = {}
        verbless = _verbless_clauses(sent)
        for t in sent[1:]:
            if not self.lex.lookup(t.lower_, "VERB"):
                continue
            prev = t.doc[t.i - 1]
            headline = any(a <= t.i < b for a, b in verbless)
            # a past (or a 3rd person) as a modifier: 'columns repelled attacks', 'GNA retakes al-Watiya air base'
            finite_mod = t.tag_ in ("VBD", "VBZ") and t.dep_ in ("amod", "compound")
            tag = self._verb_tag(t) or (self._headline_tag(t) if headline or finite_mod else None)
            if tag is None:
                continue
            after_verb = prev.pos_ == "CCONJ" and t.i >= 2 and (t.i - 2 in found or t.doc[t.i - 2].tag_ in FINITE_VERB)
            perfect = prev.lemma_ == "have" and tag == "VBN"      # 'has overrun army bases'
            subject = (prev.lower_ in RELATIVES and prev.tag_ in ("WDT", "WP") or perfect
                       or prev.pos_ == "PROPN" and prev.dep_ == "compound" and prev.head.i == t.i and tag == "VBZ")
            # 'GNA forces storm Tarhuna', 'the ISF, including PMF units, liberated Hawijah'
            headed = (headline or finite_mod) and (prev.tag_ in ("NNS", "NNPS", "NNP") and tag in ("VBP", "VBD")
                                                   or finite_mod and prev.tag_ == "NNP" and tag == "VBZ"
                                                   or prev.text == "," and tag == "VBD")
            noun_object = (perfect or headed) and t.i + 1 < sent.end and t.doc[t.i + 1].pos_ == "NOUN"
            if (subject or after_verb or headed) and (self._object_follows(t) or noun_object):
                found[t.i] = tag
            elif tag == "VBZ" and self._object_gap(t):
                found[t.i] = tag
        return found

    @staticmethod
    def _object_gap(t: Token) -> bool:
        """'the militia that Iran funds attacked', 'X, which Y arms, raided': a relative pronoun,
        a short subject, the word, then the clause's end (a comma, a verb, the sentence's end)."""
        doc = t.doc
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is not None and not (nxt.is_punct or nxt.tag_ in FINITE):
            return False
        i = t.i - 1
        while i > t.i - 5 and doc[i].pos_ in ("PROPN", "NOUN", "ADJ", "DET") and doc[i].lower_ not in RELATIVES:
            i -= 1
        rel = doc[i]
        if i >= t.i - 1 or rel.lower_ not in RELATIVES:
            return False
        # 'which' is a relative pronoun; 'that' is one after a noun ('the militia that Iran funds')
        return rel.tag_ in ("WDT", "WP") if rel.lower_ != "that" else i > 0 and doc[i - 1].pos_ in ("NOUN", "PROPN")

    def _verb_tag(self, t: Token) -> str | None:
        if not (t.tag_ in ("NNS", "NN") or t.tag_ == "NNP" and t.text.islower()) or t.is_title \
                or not self.lex.lookup(t.lower_, "VERB"):
            return None
        lemma = self.lex.lookup(t.lower_, "VERB")[0].head
        for tag in ("VBZ", "VBN"):
            if t.lower_ in (f.lower() for f in getInflection(lemma, tag=tag)):
                return tag
        return None

    def _headline_tag(self, t: Token) -> str | None:
        """'Armed Forces target the port', 'air strikes targeted depots': in a sentence with no
        finite verb, a trigger verb's plain form read as a noun, or its past read as a modifier."""
        frames = self.lex.lookup(t.lower_, "VERB")
        if not frames or t.is_title:
            return None
        if t.tag_ == "NN" and t.lower_ == frames[0].head:
            return "VBP"
        if t.tag_ in ("VBN", "VBD", "JJ") and t.dep_ == "amod" and t.lower_.endswith("ed"):
            return "VBD"
        if t.tag_ == "VBZ" and t.dep_ in ("amod", "compound"):
            return "VBZ"
        return None

    @staticmethod
    def _object_follows(t: Token) -> bool:
        doc = t.doc
        if t.i + 1 >= len(doc):
            return False
        nxt = doc[t.i + 1]
        if nxt.pos_ in ("DET", "PROPN", "PRON", "NUM", "ADJ") or nxt.tag_ == "PRP$":
            return True
        return nxt.pos_ == "CCONJ" and t.i + 2 < len(doc) and (doc[t.i + 2].tag_ in ("VBZ", "VBD", "NNS"))


class InitialAcronym(Reparse):
    """'ECOWAS imposed sanctions on Niger', 'IGAD mediated talks': an acronym that opens the
    sentence is read as a verb, an adverb or an auxiliary, and the clause loses its subject;
    'Army repels AA attacks, destroys camps': an acronym inside the sentence read as a verb
    leaves a noun phrase split and the next verb with the wrong subject. The sentence is parsed
    again with a one-word country name in its place; the new parse is kept if the stand-in is a
    name in a nominal role (the subject, or a modifier of a noun)."""

    def __call__(self, sent: Span) -> int:
        first = sent[0]
        found = [t for t in sent[1:] if _acronym(t) and t.pos_ in ("VERB", "AUX") and t.i + 1 < sent.end
                 and sent.doc[t.i + 1].pos_ in ("NOUN", "ADJ", "PROPN") and not sent.text.isupper()]
        if _acronym(first) and first.pos_ not in ("PROPN", "NOUN") and first.dep_ not in NOMINAL_ROLES \
                and len(sent) >= 3 and not sent[1].is_punct:
            found.insert(0, first)
        if not found:
            return 0
        alt = self.reparse(sent, {t.i: NAME_STAND_IN for t in found})
        if alt is None or any(alt[t.i - sent.start].pos_ != "PROPN" or alt[t.i - sent.start].dep_ not in NOMINAL_ROLES
                              for t in found):
            return 0
        self.adopt(sent, alt)
        for t in found:
            t.lemma_ = t.text
        return len(found)


class EventNounReadAsVerb(Reparse):
    """'Yerevan called the Azerbaijani shelling of Jermuk a war crime', 'called the Arnorian
    strikes a crime': after 'the' and an adjective (or a name the tagger does not know) an event
    noun of the lexicon is read as a verb and the adjective as the noun phrase's head. The
    sentence is parsed again with a plain event noun of the same number in its place; the new
    parse is kept if it is a noun there, with the adjective its modifier."""

    def __call__(self, sent: Span) -> int:
        doc = sent.doc
        found = [t for t in sent[2:] if t.pos_ == "VERB" and t.tag_ in ("VBZ", "VBG")
                 and self.lex.lookup(t.lower_, "NOUN") and doc[t.i - 1].pos_ in ("ADJ", "PROPN")
                 and doc[t.i - 1].dep_ in ("dobj", "nsubj", "nsubjpass", "pobj")
                 and doc[t.i - 2].dep_ == "det" and doc[t.i - 2].head.i == t.i - 1]
        if not found:
            return 0
        alt = self.reparse(sent, {t.i: "bombardments" if t.tag_ == "VBZ" else "bombardment" for t in found})
        at = sent.start
        if alt is None or any(alt[t.i - at].pos_ != "NOUN" or alt[t.i - 1 - at].head.i != t.i - at for t in found):
            return 0
        self.adopt(sent, alt)
        for t in found:
            t.lemma_ = self.lex.lookup(t.lower_, "NOUN")[0].head
        return len(found)


class OpeningPreposition(Reparse):
    """'Near Baiji, four strikes destroyed X': a capitalised preposition opening the sentence is
    read as a name and the place after it as the subject. The sentence is parsed again with the
    preposition in lower case; the new parse is kept if it is a preposition there."""

    def __init__(self, nlp: Language, lex: Lexicon):
        super().__init__(nlp, lex)
        self.preps = lex.word_set("locative_prepositions")

    def __call__(self, sent: Span) -> int:
        first = next((t for t in sent if not t.is_punct and not t.is_space), None)
        if first is None or first.lower_ not in self.preps or not first.is_title or first.pos_ != "PROPN" \
                or first.dep_ == "prep" or first.i + 1 >= sent.end:
            return 0
        alt = self.reparse(sent, {first.i: first.lower_})
        if alt is None or alt[first.i - sent.start].pos_ != "ADP" or alt[first.i - sent.start].dep_ != "prep":
            return 0
        self.adopt(sent, alt)
        first.lemma_ = first.lower_
        return 1


class PerfectParticiple(Reparse):
    """'Pashinyan has since frozen Armenia's participation', 'forces have since advanced on the
    town': 'since' between an auxiliary 'have' and a participle is read as a preposition, and the
    participle as an adjective or a modifier of the next noun. 'The insistence has alarmed Eritrea':
    'has' is read as the verb of possession, the participle as a modifier of a name (or of a noun
    phrase past its determiner). Either way the clause loses its verb; the sentence is parsed
    again with a plain adverb in the place of 'since' (or a plain participle in the participle's
    place), and the new parse is kept if 'have' is the participle's auxiliary there."""

    def __call__(self, sent: Span) -> int:
        doc = sent.doc
        for t in sent[1:-1]:
            have = doc[t.i - 1]
            if not (have.lemma_ == "have" and have.tag_ in ("VBZ", "VBP", "VBD")):
                continue
            if t.lower_ == "since" and _participle(doc[t.i + 1]) and not _perfect(have, doc[t.i + 1]):
                part, stand_ins = doc[t.i + 1], {t.i: "also"}
            elif t.tag_ == "VBN" and t.dep_ == "amod" and t.head.i > t.i and (
                    t.head.pos_ == "PROPN" or any(c.dep_ == "det" and c.i > t.i for c in t.head.children)):
                part, stand_ins = t, {t.i: STAND_IN["VBN"]}
            else:
                continue
            alt = self.reparse(sent, stand_ins)
            if alt is not None and _perfect(alt[have.i - sent.start], alt[part.i - sent.start]):
                self.adopt(sent, alt)
                return 1
        return 0


def _perfect(have: Token, part: Token) -> bool:
    """'have' read as the auxiliary of the participle, the participle as a verb."""
    return part.tag_ == "VBN" and part.dep_ not in NOMINAL_ROLES and have.dep_ == "aux" and have.head.i == part.i


def _verbless_clauses(sent: Span) -> list[tuple[int, int]]:
    """The (start, end) of the sentence's parts between semicolons that have no finite verb
    (the headline clauses :func:`_headline` asks about, all of them at once)."""
    out, start = [], sent.start
    for u in [*sent, None]:
        if u is None or u.text == ";":
            end = u.i if u is not None else sent.end
            if not any(x.tag_ in FINITE for x in sent.doc[start:end]):
                out.append((start, end))
            start = end + 1
    return out


def _headline(sent: Span, t: Token) -> bool:
    """t's clause (the sentence, or its part between semicolons) has no finite verb: a headline
    ('GNA forces storm Tarhuna', 'Russia and Ukraine sign grain deal; missiles hit Odesa')."""
    return any(a <= t.i < b for a, b in _verbless_clauses(sent))


def _acronym(t: Token) -> bool:
    """'ECOWAS', 'M23', 'AU': two or more capitals, no lower-case letter."""
    return len(t.text) >= 2 and t.text.isupper() and sum(c.isalpha() for c in t.text) >= 2 \
        and all(c.isalnum() or c == "-" for c in t.text)


def _participle(t: Token) -> bool:
    lemma = getLemma(t.lower_, upos="VERB")
    return bool(lemma) and t.lower_ in (f.lower() for f in getInflection(lemma[0], tag="VBN"))


def subject_on_auxiliary(sent: Span) -> int:
    """'The rebels have for months pressed an offensive': with a phrase between the auxiliary and
    the verb, the parser hangs the subject on the auxiliary and the verb has none. The subject is
    the verb's."""
    moved = 0
    for t in sent:
        aux = t.head
        if t.dep_ in SUBJECTS and aux.dep_ in ("aux", "auxpass") and aux.i > t.i and aux.head.i > aux.i and not any(
                c.dep_ in SUBJECTS + ("expl", "csubj") for c in aux.head.children):
            t.head = aux.head
            moved += 1
    return moved


def plural_subject_read_as_verb(sent: Span) -> int:
    """'U.S. airstrikes against al-Qaida killed two leaders': a plural noun that heads the subject
    is tagged as a verb with its modifier for a subject. Where the word is a noun (and no verb),
    stands as the subject of a later verb in the past or with an auxiliary, and has no object,
    it is a plural noun again, its 'subject' a compound."""
    moved = 0
    for t in sent:
        if not (t.tag_ == "VBZ" and t.dep_ in SUBJECTS and t.head.i > t.i and not any(
                c.dep_ in ("dobj", "ccomp", "xcomp") for c in t.children)):
            continue
        head = t.head
        if not (head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") for c in head.children)):
            continue
        readings = getAllLemmas(t.lower_)
        if "VERB" in readings or not (readings.get("NOUN") or getLemma(t.lower_, upos="NOUN")[0] != t.lower_):
            continue
        mods = [c for c in t.children if c.dep_ == "nsubj" and c.i < t.i]
        if not mods:
            continue
        for c in mods:
            c.dep_ = "compound" if c.pos_ in ("PROPN", "NOUN") else "amod"
        t.tag_, t.pos_, t.lemma_ = "NNS", "NOUN", getLemma(t.lower_, upos="NOUN")[0]
        moved += 1
    return moved


def reduced_relative_object(sent: Span, lex: Lexicon) -> int:
    """'Kenya says it rejects the border plan agreed in Addis Ababa': the parser makes the noun
    the subject of a clause of its own ('plan agreed') and leaves the verb with no object. A
    verb that takes an object (a trigger with a patient) and has none, whose clause complement
    is a bare participle (no auxiliary, no object, no 'that') right after a common noun phrase
    opening right after the verb: the noun is the verb's object, the participle its modifier."""
    doc = sent.doc
    for comp in sent:
        if comp.dep_ != "ccomp" or comp.tag_ not in ("VBD", "VBN"):
            continue
        verb, noun = comp.head, next((c for c in comp.children if c.dep_ == "nsubj"), None)
        if noun is None or noun.pos_ != "NOUN" \
                or not _participle(comp) or noun.right_edge.i != comp.i - 1 or noun.left_edge.i != verb.i + 1 \
                or doc[verb.i + 1].pos_ != "DET" or verb.i > comp.i:
            continue
        if any(c.dep_ in ("dobj", "aux", "auxpass", "mark", "ccomp", "xcomp", "attr") for c in comp.children) \
                or any(c.dep_ in ("dobj", "dative") for c in verb.children) or not _takes_object(lex, verb):
            continue
        noun.head, noun.dep_ = verb, "dobj"
        comp.head, comp.dep_, comp.tag_ = noun, "acl", "VBN"
        return 1
    return 0


def participle_on_a_fronted_deal(sent: Span, lex: Lexicon) -> int:
    """'Under the deal, mediated by Qatar, the sides agreed to ...': the parser hangs the passive
    participle set off by commas on the main verb. Right after a fronted phrase whose noun is an
    agreement, it is that noun's modifier."""
    doc = sent.doc
    for part in sent:
        if part.dep_ != "advcl" or part.tag_ != "VBN" or part.i < sent.start + 3 or doc[part.i - 1].text != "," \
                or not any(c.dep_ == "agent" for c in part.children) or part.head.i < part.i:
            continue
        noun = doc[part.i - 2]
        if noun.dep_ != "pobj" or noun.head.head.i != part.head.i or noun.head.i >= part.i or not any(
                f.cls == "agreement_self" for f in lex.lookup(noun.lower_, "NOUN")):
            continue
        part.head, part.dep_ = noun, "acl"
        return 1
    return 0


def _takes_object(lex: Lexicon, verb: Token) -> bool:
    """A trigger verb with an agent and a patient ('reject', 'back', 'sign')."""
    return verb.pos_ == "VERB" and any("agent" in link.source and "patient" in link.target
                                       for frame in lex.lookup(verb.lower_, "VERB") for link in frame.links)


def finite_verb_read_as_modifier(sent: Span) -> int:
    """'Wagner fighters, deployed since 2021, fought alongside the army': the parser makes the
    noun the sentence's root and the finite verb a modifier of it. A past or present verb (no
    participle reading of its own in the present) hung as 'acl' on a nominal root before it,
    with no subject, is the root; the noun is its subject, and what followed the verb is the
    verb's."""
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return 0
    verb = next((c for c in root.children if c.dep_ == "acl" and c.i > root.i and c.tag_ in FINITE_VERB
                 and not any(d.dep_ in SUBJECTS + ("expl", "mark") for d in c.children)), None)
    if verb is None or (verb.tag_ == "VBD" and not verb.doc[verb.i - 1].is_punct):
        verb = _verb_on_apposition(root)
    if verb is None:
        return 0
    doc = sent.doc
    arr = doc.to_array([HEAD, DEP]).astype("int64")     # head offsets are signed
    dep = doc.vocab.strings
    for t in [*root.children, *verb.head.children]:
        if t.i > verb.i and t.dep_ in ("punct", "conj", "cc", "prep", "advmod", "npadvmod"):
            arr[t.i, 0] = verb.i - t.i
    arr[verb.i] = (0, dep.add("ROOT"))
    arr[root.i] = (verb.i - root.i, dep.add("nsubj"))
    doc.from_array([HEAD, DEP], arr.astype("uint64"))
    return 1


def _verb_on_apposition(root: Token) -> Token | None:
    """'Armenia, a signatory to the protocol, accused Azerbaijan of ...': the verb after the
    apposition's closing comma, read as a participle modifying the apposition; it has an object
    of its own, which a passive participle would not."""
    for a in root.children:
        if a.dep_ != "appos" or a.i < root.i:
            continue
        for c in a.children:
            if c.dep_ == "acl" and c.i > a.i and c.tag_ in ("VBD", "VBN") and c.doc[c.i - 1].is_punct \
                    and any(d.dep_ == "dobj" for d in c.children) \
                    and not any(d.dep_ in SUBJECTS + ("expl", "mark", "aux", "auxpass") for d in c.children):
                return c
    return None


def subject_read_as_modifier(sent: Span) -> int:
    """'Mali and Niger sign AES-backed defence deal': a name (or names) opening the sentence is
    hung on the finite verb right after it as a modifier ('nmod', 'npadvmod'), and the verb has
    no subject: the name is its subject."""
    doc = sent.doc
    for noun in sent:
        verb = noun.head
        if noun.dep_ not in ("nmod", "npadvmod", "compound", "dep") or noun.pos_ != "PROPN" \
                or noun.ent_type_ in ("DATE", "TIME") or verb.tag_ not in FINITE_VERB or verb.pos_ != "VERB" \
                or noun.right_edge.i != verb.i - 1 or not (noun.left_edge.i == sent.start
                                                           or doc[noun.left_edge.i - 1].is_punct):
            continue
        if any(c.dep_ in SUBJECTS + ("expl", "csubj") for c in verb.children):
            continue
        noun.dep_ = "nsubj"
        return 1
    return 0


def gerund_read_as_clause(sent: Span) -> int:
    """'The mission condemns M23 shelling of the camps': the parser makes the name the verb's
    object and the event noun in '-ing' a clause of the verb ('condemns M23, shelling of ...'). A
    name object right before a gerund hung on the same verb as a clause, with no object of its
    own and 'of' right after it, is that noun's modifier; the gerund is the object."""
    doc = sent.doc
    for noun in sent:
        if noun.dep_ != "dobj" or noun.pos_ != "PROPN" or noun.i + 2 >= sent.end or noun.right_edge.i != noun.i:
            continue
        ger, of = doc[noun.i + 1], doc[noun.i + 2]
        if ger.tag_ != "VBG" or ger.dep_ not in ("advcl", "xcomp", "dep") or ger.head.i != noun.head.i \
                or of.lower_ != "of" or of.head.i != ger.i or doc[noun.i].whitespace_ == "" \
                or any(c.dep_ in ("dobj", "nsubj", "aux", "mark") for c in ger.children):
            continue
        noun.head, noun.dep_ = ger, "compound"
        ger.dep_, ger.tag_, ger.pos_ = "dobj", "NN", "NOUN"
        return 1
    return 0


def sides_hung_on_a_time(sent: Span) -> int:
    """'a truce was reached at 13:00 between X and Y', 'signed on Friday between X and Y': the
    parser hangs 'between' on the time ('13:00', 'Friday'), the object of a preposition or a
    bare time of the verb. A 'between' (or 'among') on a number, a time or a date that hangs on
    a verb is the verb's."""
    moved = 0
    for t in sent:
        when = t.head
        if t.lower_ not in ("between", "among") or t.dep_ != "prep" or not (
                when.pos_ == "NUM" or when.ent_type_ in ("TIME", "DATE")):
            continue
        verb = when.head.head if when.dep_ == "pobj" else when.head
        if verb.pos_ == "VERB" and verb.i != t.i and when.dep_ in ("pobj", "npadvmod"):
            t.head = verb
            moved += 1
    return moved


def object_conjunct_on_verb(sent: Span) -> int:
    """'X and Y signed a declaration in July and a framework agreement in November': the parser
    makes the second object a conjunct of the verb. A noun conjunct of a verb that has an object
    before it, with no subject or auxiliary of its own, is a conjunct of that object."""
    moved = 0
    for n in sent:
        verb = n.head
        if n.dep_ != "conj" or n.pos_ not in ("NOUN", "PROPN") or verb.pos_ != "VERB" or any(
                c.dep_ in SUBJECTS + ("aux", "auxpass") for c in n.children):
            continue
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i < n.i]
        if not objs:
            continue
        for cc in verb.children:
            if cc.dep_ == "cc" and objs[-1].i < cc.i < n.i:
                cc.head = objs[-1]
        n.head = objs[-1]
        moved += 1
    return moved


def helped_verb_read_as_noun(sent: Span, lex: Lexicon) -> int:
    """'an arrangement that Moscow helped broker': the bare verb after 'help' is tagged as a noun
    ('broker') and the relative pronoun made the object of 'help'. A trigger verb's plain form
    right after 'help', hung on it as a noun, is a verb; an object gap before 'help' is its."""
    fixed = 0
    for t in sent:
        helper = t.head
        if t.dep_ not in ("xcomp", "dobj") or helper.lemma_ != "help" or t.i != helper.i + 1 or t.pos_ != "NOUN" \
                or not t.tag_ == "NN" or not lex.lookup(t.lower_, "VERB"):
            continue
        t.pos_, t.tag_, t.dep_, t.lemma_ = "VERB", "VB", "xcomp", lex.lookup(t.lower_, "VERB")[0].head
        for rel in helper.children:
            if rel.dep_ == "dobj" and rel.i < helper.i and rel.lower_ in RELATIVES:
                rel.head = t
        fixed += 1
    return fixed


def relative_on_a_side(sent: Span, lex: Lexicon) -> int:
    """'an arrangement between X and Y that Moscow helped broker', 'the truce between X and Y
    that Qatar mediated': the relative clause is hung on the last side. An object-gap relative
    clause whose verb (or the verb it controls) makes an agreement, hung on a side of 'between',
    is the clause of the noun the sides are between."""
    makers = lex.agreement_makers
    moved = 0
    for v in sent:
        if v.dep_ != "relcl":
            continue
        verbs = [v] + [x for x in v.children if x.dep_ == "xcomp"]
        if not any(x.lemma_.lower() in makers and any(r.dep_ == "dobj" and r.lower_ in RELATIVES and r.i < v.i
                                                      for r in x.children) for x in verbs):
            continue
        side = v.head
        while side.dep_ == "conj":
            side = side.head
        prep = side.head
        if side.dep_ == "pobj" and prep.lower_ in ("between", "among") and prep.head.pos_ == "NOUN":
            v.head = prep.head
            moved += 1
    return moved


def breach_phrase_on_a_place(sent: Span, lex: Lexicon) -> int:
    """'troops remain entrenched at al-Watiya in defiance of the ceasefire': the parser hangs 'in
    defiance of' (or 'in violation of', 'in breach of') on the name of the place before it. A
    phrase 'in' + a noun of breaking an agreement + 'of', on a name that is the object of a
    preposition, is said of the clause: it hangs on that preposition's head."""
    moved = 0
    for t in sent:
        if t.lower_ != "in" or t.dep_ != "prep":
            continue
        noun = next((c for c in t.children if c.dep_ == "pobj"), None)
        name = t.head
        if noun is None or name.pos_ != "PROPN" or name.dep_ != "pobj" \
                or not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children) \
                or not any(f.cls == "violate_agreement" for f in lex.lookup(noun.lower_, "NOUN")):
            continue
        prep = name.head
        while prep.dep_ == "conj":          # 'at X and in Y in defiance of ...'
            prep = prep.head
        t.head = prep.head
        moved += 1
    return moved


def content_verb_read_as_modifier(sent: Span) -> int:
    """'Zakharova said London bore direct responsibility': the parser hangs the content clause's
    finite verb, with its subject, as a modifier on its own object, and makes that object the
    speech verb's. A finite verb with a subject of its own, hung as a modifier on the noun after
    it that is a verb's object, is that verb's clause; the noun is the clause verb's object."""
    doc = sent.doc
    for verb in sent:
        noun = verb.head
        if verb.tag_ not in FINITE_VERB or verb.pos_ != "VERB" or verb.dep_ not in ("nmod", "amod", "compound") \
                or noun.i <= verb.i or noun.dep_ != "dobj" or noun.head.pos_ != "VERB" \
                or not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
            continue
        arr = doc.to_array([HEAD, DEP]).astype("int64")     # head offsets are signed
        dep = doc.vocab.strings
        arr[verb.i] = (noun.head.i - verb.i, dep.add("ccomp"))
        arr[noun.i] = (verb.i - noun.i, dep.add("dobj"))
        doc.from_array([HEAD, DEP], arr.astype("uint64"))
        return 1
    return 0


def object_read_as_second_subject(sent: Span) -> int:
    """'The charter, signed in 2023, binds X, Y and Z to assist one another': the parser makes the
    object of a verb followed by a to-infinitive a second subject of the verb, or the subject of
    the infinitive. A noun right after a finite verb that has a subject before it and no object,
    hung as a subject on the verb or on its to-infinitive, is the verb's object (the infinitive
    its complement)."""
    moved = 0
    for n in sent:
        if n.dep_ != "nsubj":
            continue
        clause = n.head if n.head.i > n.i and any(c.dep_ == "aux" and c.lower_ == "to" for c in n.head.children) \
            and n.head.dep_ in ("ccomp", "advcl", "xcomp") else None
        verb = clause.head if clause is not None else n.head
        if n.i < verb.i or n.left_edge.i != verb.i + 1 or verb.pos_ != "VERB" or verb.tag_ not in FINITE_VERB:
            continue
        kids = list(verb.children)
        if any(c.dep_ == "dobj" for c in kids) or not any(c.dep_ == "nsubj" and c.i < verb.i for c in kids):
            continue
        n.head, n.dep_ = verb, "dobj"
        if clause is not None:
            clause.dep_ = "xcomp"
        moved += 1
    return moved


SIDES = frozenset({"between", "among"})
HELP = frozenset({"help", "helped", "helps", "helping"})
AGENT_BY = frozenset({"by"})


def _when(words: frozenset[str], fix: Callable[[Span], int]) -> tuple[frozenset[str], Callable[[Span], int]]:
    """A repair that can only fire on a sentence with one of ``words``: skipped without them
    (every repair reads every token of every sentence, which is most of this component's time)."""
    return words, fix


class ParseRepair:
    """The spaCy pipeline component: every repair over every sentence."""

    def __init__(self, nlp: Language):
        lex = load_lexicon()
        getLemma("was", upos="VERB")     # lemminflect reads its tables on first use: read them at load time
        # the dateline last: a re-parse copies a whole sentence's tree back, dateline and all
        self.repairs = (InitialAcronym(nlp, lex), OpeningPreposition(nlp, lex), PerfectParticiple(nlp, lex),
                        EventNounReadAsVerb(nlp, lex),
                        fronted_phrase_subject,
                        VerbHomographs(nlp, lex), subject_on_auxiliary, plural_subject_read_as_verb,
                        coordinated_clause_subject,
                        subject_read_as_modifier, finite_verb_read_as_modifier, gerund_read_as_clause,
                        _when(SIDES, sides_hung_on_a_time), object_conjunct_on_verb,
                        _when(HELP, lambda sent: helped_verb_read_as_noun(sent, lex)),
                        _when(SIDES, lambda sent: relative_on_a_side(sent, lex)),
                        lambda sent: breach_phrase_on_a_place(sent, lex),
                        content_verb_read_as_modifier, object_read_as_second_subject,
                        lambda sent: reduced_relative_object(sent, lex),
                        _when(AGENT_BY, lambda sent: participle_on_a_fronted_deal(sent, lex)), dateline)

    def __call__(self, doc: Doc) -> Doc:
        for sent in list(doc.sents):
            words = {t.lower_ for t in sent}
            for fix in self.repairs:
                if isinstance(fix, tuple):
                    if words.isdisjoint(fix[0]):
                        continue
                    fix = fix[1]
                fix(doc[sent.start:sent.end])
        return doc


@Language.factory("graphkit_parse_repair")
def make_parse_repair(nlp: Language, name: str) -> ParseRepair:
    return ParseRepair(nlp)
