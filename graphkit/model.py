"""The graph model as plain data: what extraction produces and the store keeps.

Everything here is a frozen dataclass or a small pure helper, so any stage
(extraction, store, render, analysis) can be tested on hand-made values.

Graph model in the store (see cypher/):

    (:Document {id, name, title, source, path, published, author, url})
    (:Entity {key, name, kind, aliases})          kind in ENTITY_KINDS
    (:Claim {CLAIM_PROPERTIES})                   the Claim dataclass's fields, see Claim.row
    (claim)-[:SUBJECT]->(entity), (claim)-[:OBJECT]->(entity),
    (claim)-[:IN]->(document), (entity)-[:MENTIONED_IN]->(document)
    (entity)-[:PART_OF]->(entity)                  a ministry or leader of a state
    (a)-[:BACKS|OPPOSES|... {weight, docs}]->(b)   summary edges: asserted claims only
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields

ENTITY_KINDS = ("Actor", "Group", "Agreement", "Person", "Place", "Organization")

# Relation types graphkit can emit. The extractor's lexicon (graphkit/data) may
# only use these; the store formats them into query text, so they are checked
# against this fixed set, never taken from user input.
RELATION_TYPES = (
    "BACKS", "OPPOSES", "GUARANTEES", "ATTACKED", "PARTY_TO",
    "COOPERATES", "MEMBER_OF", "LEADS",
)
# Each relation's sign and weight for the factions analysis: graphkit/analysis/signed.py.


def slug(text: str) -> str:
    """A stable ASCII key fragment: 'Hay'at Tahrir al-Sham' -> 'hayat_tahrir_al_sham'."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    t = re.sub(r"['’`]", "", t.lower())
    return re.sub(r"[^a-z0-9]+", "_", t).strip("_") or "x"


def entity_key(kind: str, name: str) -> str:
    return f"{kind.lower()}:{slug(name)}"


def content_id(text: str) -> str:
    """Document id: a hash of the text, so the same content is the same document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Document:
    id: str
    name: str            # file name without extension (or jsonl title/line id, or the URL's last part)
    text: str
    title: str = ""
    source: str = ""     # where it came from: a path, the URL asked for, or a URL given in JSONL
    path: str = ""       # the file (and JSONL line) or the URL it was read from
    published: str | None = None   # ISO date if known
    author: str | None = None
    url: str | None = None         # canonical URL of a web page, if known

    def meta(self) -> dict:
        """Everything but the text: the Document node's properties (DOCUMENT_FIELDS and id)."""
        d = asdict(self)
        d.pop("text")
        return d


# The document fields the store keeps and the browsing graph carries (all but id and text).
DOCUMENT_FIELDS = tuple(f.name for f in fields(Document) if f.name not in ("id", "text"))


@dataclass(frozen=True)
class Entity:
    key: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    part_of: str | None = None   # key of the state an organ or leader belongs to

    def as_dict(self) -> dict:
        d = asdict(self)
        d["aliases"] = list(self.aliases)
        return d


@dataclass(frozen=True)
class Claim:
    """One relation asserted in one sentence of one document."""
    doc: str                 # Document.id
    doc_name: str            # Document.name (file stem): the contract's `doc`
    subject: Entity
    relation: str
    object: Entity
    subject_mention: str
    object_mention: str
    subject_span: tuple[int, int]
    object_span: tuple[int, int]
    sentence: str
    sentence_span: tuple[int, int]
    attributed_to: str | None = None
    negated: bool = False
    hedged: bool = False
    confidence: float = 0.5
    rule: str = ""           # which pattern produced it (for debugging and eval)

    @property
    def id(self) -> str:
        raw = "|".join(map(str, (self.doc, self.subject.key, self.relation, self.object.key,
                                 self.subject_span, self.object_span)))
        return hashlib.sha256(raw.encode()).hexdigest()[:32]

    @property
    def asserted(self) -> bool:
        """Counts for the summary edges: neither negated nor hedged."""
        return not (self.negated or self.hedged)

    def contract(self) -> dict:
        """The extraction contract of DEVELOPERS.md (graphkit extract --format jsonl)."""
        return {
            "doc": self.doc_name,
            "subject": self.subject.name,
            "relation": self.relation,
            "object": self.object.name,
            "subject_kind": self.subject.kind,
            "object_kind": self.object.kind,
            "subject_mention": self.subject_mention,
            "object_mention": self.object_mention,
            "subject_span": list(self.subject_span),
            "object_span": list(self.object_span),
            "evidence": self.sentence,
            "attributed_to": self.attributed_to,
            "confidence": round(self.confidence, 3),
            "negated": self.negated,
            "hedged": self.hedged,
        }

    def row(self) -> dict:
        """Flat parameters for the store's upsert: every field of the Claim but those in
        CLAIM_NOT_STORED, the entities as their keys, spans as start and end
        (CLAIM_SPANS), plus the claim's id. CLAIM_PROPERTIES names them."""
        out: dict = {"id": self.id}
        for f in fields(self):
            if f.name in CLAIM_NOT_STORED:
                continue
            value = getattr(self, f.name)
            if f.name in CLAIM_SPANS:
                out.update(zip(CLAIM_SPANS[f.name], value))
            elif isinstance(value, Entity):
                out[f.name] = value.key
            else:
                out[f.name] = value
        out["confidence"] = float(self.confidence)
        return out


# A claim's fields, spelled once (the Claim dataclass above is the list):
# - stored on the (:Claim) node: every field but these, spans flattened as named here;
CLAIM_NOT_STORED = ("doc_name", "rule")
CLAIM_SPANS = {"subject_span": ("subject_start", "subject_end"), "object_span": ("object_start", "object_end"),
               "sentence_span": ("start", "end")}
CLAIM_PROPERTIES = ("id",) + tuple(
    name for f in fields(Claim) if f.name not in CLAIM_NOT_STORED + ("subject", "object")
    for name in CLAIM_SPANS.get(f.name, (f.name,)))
# - on the browsing graph's edges (graphkit.graph), and so in the store's graph query,
#   the explorer page (graphkit.render.payload) and the analyses: the evidence a reader needs.
CLAIM_FIELDS = ("sentence", "doc", "attributed_to", "negated", "hedged", "confidence",
                "subject_mention", "object_mention", "id")


@dataclass
class Extraction:
    """What extraction yields for one document: the store loads it in one transaction."""
    document: Document
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
