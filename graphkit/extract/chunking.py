"""Long documents in pieces: the parser's memory grows with the text it parses at once.

spaCy's parser needs memory in proportion to the tokens of the batch it is
parsing (measured here: ~17 KB a token, so a 300,000-character text took 1.1 GB
and anything over ``nlp.max_length``, 1,000,000 characters, is refused outright,
E088). So a text longer than :data:`PIECE` characters is parsed as consecutive
pieces of at most PIECE characters, cut at the strongest boundary near the end of
each piece (a blank line, a line break, a sentence end, a space), and the
extractions of the pieces are merged into one, with every offset relative to the
whole text. Texts up to PIECE characters (nearly every news article) are parsed
whole, exactly as before. What a piece cannot see is the text of the other
pieces: a relation is found within a sentence, so only context across a cut (a
name introduced in an earlier piece) is lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Iterator

from ..model import Claim, Document, Entity, Extraction

PIECE = 10_000                 # characters
_BOUNDARIES = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+"),
               re.compile(r"\s+"))


def pieces(text: str, size: int = PIECE) -> list[tuple[int, int]]:
    """(start, end) spans covering ``text`` in order, each at most ``size`` characters
    long, cut after the strongest boundary in the second half of each span."""
    spans, start, n = [], 0, len(text)
    while n - start > size:
        end = _cut(text, start, start + size)
        spans.append((start, end))
        start = end
    spans.append((start, n))
    return spans


def _cut(text: str, start: int, limit: int) -> int:
    window = text[start + (limit - start) // 2:limit]
    base = limit - len(window)
    for pattern in _BOUNDARIES:
        last = None
        for m in pattern.finditer(window):
            last = m
        if last is not None and base + last.end() > start:
            return base + last.end()
    return limit                         # no boundary at all: a hard cut


def shift(claim: Claim, offset: int) -> Claim:
    """The claim with its spans moved by ``offset`` characters."""
    if not offset:
        return claim
    return replace(claim, subject_span=(claim.subject_span[0] + offset, claim.subject_span[1] + offset),
                   object_span=(claim.object_span[0] + offset, claim.object_span[1] + offset),
                   sentence_span=(claim.sentence_span[0] + offset, claim.sentence_span[1] + offset))


def merge(document: Document, parts: list[Extraction]) -> Extraction:
    """One extraction from its pieces' (whose spans are already relative to the whole
    text): entities united by key (aliases pooled), claims in text order."""
    if len(parts) == 1:
        return parts[0]
    entities: dict[str, Entity] = {}
    for ex in parts:
        for e in ex.entities:
            have = entities.get(e.key)
            if have is None:
                entities[e.key] = e
            elif not set(e.aliases) <= set(have.aliases) or (e.part_of and not have.part_of):
                entities[e.key] = replace(have, aliases=tuple(sorted(set(have.aliases) | set(e.aliases))),
                                          part_of=have.part_of or e.part_of)
    claims = sorted((c for ex in parts for c in ex.claims), key=lambda c: (c.sentence_span, c.subject_span))
    return Extraction(document, list(entities.values()), claims)


@dataclass(frozen=True)
class Piece:
    document: Document          # the whole document
    part: Document              # the document as its extraction sees it: the piece's text
    offset: int                 # where the piece starts in the whole text
    last: bool                  # the document's last piece


class PieceStream:
    """Every piece of every document, for ``nlp.pipe(stream, as_tuples=True)``, and the
    extractions put back together. What travels with a piece through spaCy is only a
    number: with ``n_process`` workers spaCy pickles each context to a worker and back,
    and the whole document as the context of each of its pieces cost a long text's
    length again per piece."""

    def __init__(self, documents: Iterable[Document], prepare: Callable[[str], str], size: int = PIECE):
        self.documents = documents
        self.prepare = prepare          # the text the parser sees, one character for one character
        self.size = size
        self._pending: dict[int, Piece] = {}

    def __iter__(self) -> Iterator[tuple[str, int]]:
        n = 0
        for d in self.documents:
            text = self.prepare(d.text)
            spans = pieces(text, self.size)
            for i, (a, b) in enumerate(spans):
                part = d if len(spans) == 1 else replace(d, text=d.text[a:b])
                self._pending[n] = Piece(d, part, a, i == len(spans) - 1)
                yield text[a:b], n
                n += 1

    def reassemble(self, parsed: Iterable[tuple[object, int]], extract: Callable[[object, Document], Extraction]
                   ) -> Iterator[Extraction]:
        """One Extraction per document from its parsed pieces, offsets relative to the whole text."""
        parts: list[Extraction] = []
        for sdoc, key in parsed:
            piece = self._pending.pop(key)
            ex = extract(sdoc, piece.part)
            if piece.part is not piece.document:
                ex = Extraction(piece.document, ex.entities, [shift(c, piece.offset) for c in ex.claims])
            parts.append(ex)
            if piece.last:
                yield merge(piece.document, parts)
                parts = []
