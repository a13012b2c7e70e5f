"""One spelling per concept: a claim's fields and a document's fields come from the model,
store migrations are named steps in order."""
from __future__ import annotations

from dataclasses import fields

from graphkit.graph import from_extractions
from graphkit.model import (CLAIM_FIELDS, CLAIM_PROPERTIES, DOCUMENT_FIELDS, Claim, Document, Entity, Extraction,
                            content_id)
from graphkit.render.payload import CLAIM_ARRAY
from graphkit.store.migrations import MIGRATIONS, STORE_VERSION


def _claim() -> Claim:
    text = "Turkey backs the rebels."
    tr, rb = Entity("actor:turkey", "Turkey", "Actor"), Entity("group:rebels", "rebels", "Group")
    return Claim(doc=content_id(text), doc_name="t", subject=tr, relation="BACKS", object=rb,
                 subject_mention="Turkey", object_mention="the rebels", subject_span=(0, 6),
                 object_span=(13, 23), sentence=text, sentence_span=(0, 24), attributed_to="Ankara")


def test_claim_row_is_the_stored_properties():
    c = _claim()
    row = c.row()
    assert set(row) == set(CLAIM_PROPERTIES) | {"subject", "object"}
    assert (row["subject"], row["object"], row["subject_start"], row["object_end"], row["start"], row["end"]) == \
        ("actor:turkey", "group:rebels", 0, 23, 0, 24)
    assert set(CLAIM_FIELDS) <= set(CLAIM_PROPERTIES)
    # every field of the dataclass is stored or deliberately not
    stored_from = {f.name for f in fields(Claim)} - {"doc_name", "rule"}
    assert stored_from <= {p.replace("_start", "_span").replace("_end", "_span") for p in row} | \
        {"sentence_span"}


def test_browsing_graph_and_page_carry_the_claim_fields():
    c = _claim()
    doc = Document(id=c.doc, name="t", text=c.sentence, url="https://news.example/t", author="A. Writer")
    G = from_extractions([Extraction(doc, [c.subject, c.object], [c])])
    claim = G.edges["actor:turkey", "group:rebels", "BACKS"]["claims"][0]
    assert tuple(claim) == CLAIM_FIELDS
    assert G.graph["documents"][c.doc] == {k: getattr(doc, k) for k in DOCUMENT_FIELDS}
    assert set(CLAIM_ARRAY) == set(CLAIM_FIELDS) - {"negated", "hedged"} | {"flags"}


def test_migrations_are_named_steps_in_order():
    versions = [m.version for m in MIGRATIONS]
    assert versions == sorted(set(versions)) and STORE_VERSION == versions[-1]
    assert all(m.name and callable(m.run) for m in MIGRATIONS)
