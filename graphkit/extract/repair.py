"""Parse repairs: known, systematic misparses of spaCy's small English model, mended on the
Doc right after the parser so that every later pass reads the corrected tree.

Each repair is one function over a sentence that returns how many heads it moved. A repair
fires only on a shape the parser produces for that misreading and never for a sound parse,
so a sentence the parser reads correctly is left as it is.
"""
from __future__ import annotations

from lemminflect import getInflection
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
        if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.head.pos_ not in ("VERB", "AUX") \
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
    return moved


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


def _opening_preposition(sent: Span) -> Token | None:
    """The preposition that opens the sentence ('After', 'Following', 'In'), hung on a verb."""
    for tok in sent[:2]:
        if tok.dep_ in ("prep", "mark") and tok.pos_ in ("ADP", "SCONJ", "VERB") and tok.head.pos_ in ("VERB", "AUX"):
            return tok
        if not (tok.is_punct or tok.pos_ == "CCONJ"):
            return None
    return None


class VerbHomographs:
    """'Iran, which funds and arms Hamas', 'The UAE funds and trains units', 'JNIM has overrun
    army bases': a trigger verb in the third person or past participle that is also a noun is
    tagged as a noun, and the clause loses its verb. Where the word stands between a subject
    (a name, a relative pronoun, 'has') and an object, the sentence is parsed again with a plain
    verb of the same inflection in its place; the new parse is kept if the stand-in is a verb
    with an object."""

    def __init__(self, nlp: Language, lex: Lexicon):
        self.nlp, self.lex = nlp, lex

    def __call__(self, sent: Span) -> int:
        found = self.homographs(sent)
        if not found:
            return 0
        words = [STAND_IN[tag] if t.i in found else t.text for t in sent for tag in [found.get(t.i, "")]]
        alt = self.parse(Doc(self.nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in sent]))
        stand_ins = [alt[i - sent.start] for i in found]
        if not all(self._verb_again(t) for t in stand_ins) or sum(1 for t in alt if t.dep_ == "ROOT") != 1:
            return 0
        doc = sent.doc
        arr = doc.to_array([HEAD, DEP, TAG, POS])
        arr[sent.start:sent.end] = alt.to_array([HEAD, DEP, TAG, POS])
        doc.from_array([HEAD, DEP, TAG, POS], arr)
        for i, tag in found.items():
            doc[i].tag_, doc[i].lemma_ = tag, self.lex.lookup(doc[i].lower_, "VERB")[0].head
        return len(found)

    @staticmethod
    def _verb_again(t: Token) -> bool:
        """The stand-in came out a verb with an object, or a relative clause's verb with a subject."""
        return t.pos_ == "VERB" and (any(c.dep_ in ("dobj", "conj") for c in t.children) or t.dep_ in ("relcl", "acl")
                                     and any(c.dep_ == "nsubj" for c in t.children))

    def parse(self, doc: Doc) -> Doc:
        for name, proc in self.nlp.pipeline:
            if name in PARSE:
                doc = proc(doc)
        return doc

    def homographs(self, sent: Span) -> dict[int, str]:
        """Token index -> the verb tag it should have."""
        found: dict[int, str] = {}
        for t in sent[1:]:
            tag = self._verb_tag(t)
            if tag is None:
                continue
            prev = t.doc[t.i - 1]
            after_verb = prev.pos_ == "CCONJ" and t.i >= 2 and (
                t.i - 2 in found or t.doc[t.i - 2].tag_ in ("VBZ", "VBD", "VBP"))
            subject = (prev.lower_ in RELATIVES and prev.tag_ in ("WDT", "WP")
                       or prev.lemma_ == "have" and tag == "VBN"
                       or prev.pos_ == "PROPN" and prev.dep_ == "compound" and prev.head.i == t.i and tag == "VBZ")
            perfect = prev.lemma_ == "have" and tag == "VBN"      # 'has overrun army bases'
            if (subject or after_verb) and (self._object_follows(t) or perfect and t.doc[t.i + 1].pos_ == "NOUN"):
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
        if nxt is not None and not (nxt.is_punct or nxt.tag_ in ("VBD", "VBZ", "VBP", "MD")):
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
        if t.tag_ not in ("NNS", "NN") or t.is_title or not self.lex.lookup(t.lower_, "VERB"):
            return None
        lemma = self.lex.lookup(t.lower_, "VERB")[0].head
        for tag in ("VBZ", "VBN"):
            if t.lower_ in (f.lower() for f in getInflection(lemma, tag=tag)):
                return tag
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


class ParseRepair:
    """The spaCy pipeline component: every repair over every sentence."""

    def __init__(self, nlp: Language):
        self.repairs = (dateline, fronted_phrase_subject, coordinated_clause_subject,
                        VerbHomographs(nlp, load_lexicon()))

    def __call__(self, doc: Doc) -> Doc:
        for sent in list(doc.sents):
            for fix in self.repairs:
                fix(doc[sent.start:sent.end])
        return doc


@Language.factory("graphkit_parse_repair")
def make_parse_repair(nlp: Language, name: str) -> ParseRepair:
    return ParseRepair(nlp)
