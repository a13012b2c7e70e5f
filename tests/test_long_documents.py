"""Long documents are processed and stored with bounded memory: parsed in pieces with
offsets relative to the whole text, written in statements under the server's query
heap budget, and a document the store refuses never costs the rest of its batch."""
from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import psutil
import pytest

from graphkit.extract import Extractor
from graphkit.extract.chunking import PIECE, pieces
from graphkit.model import Claim, Document, Entity, Extraction, content_id, entity_key
from graphkit.store import connect
from graphkit.store.store import write_batch
from ingest_helpers import GRAPHKIT, env_for

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.parametrize("text", [
    "word " * 9000,
    ("A paragraph of some length. " * 40 + "\n\n") * 30,
    "x" * 25_000,                                   # no boundary at all: hard cuts
    "short",
])
def test_pieces_cover_the_text_in_order_within_the_size(text):
    spans = pieces(text, 2000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a < b and b - a <= 2000 for a, b in spans)
    assert all(spans[i][1] == spans[i + 1][0] for i in range(len(spans) - 1))


def test_pieces_cut_at_paragraphs_when_there_are_some():
    text = ("Sentence one here. Sentence two here.\n\n") * 500
    for _, b in pieces(text, 2000)[:-1]:
        assert text[b - 2:b] == "\n\n"


def test_a_text_longer_than_the_parser_limit_is_extracted_with_whole_text_offsets(extractor):
    singles = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    text = "\n\n".join(singles * 12)                       # ~180k characters
    extractor.nlp.max_length = 3 * PIECE                 # would refuse the whole text (spaCy E088)
    try:
        ex = extractor.extract(Document(content_id(text), "long", text))
    finally:
        extractor.nlp.max_length = 1_000_000
    expected = 12 * sum(len(extractor.extract(Document(content_id(t), "x", t)).claims) for t in singles)
    assert len(ex.claims) >= 0.9 * expected           # only context across a cut can be lost
    for c in ex.claims:
        assert text[c.subject_span[0]:c.subject_span[1]] == c.subject_mention
        assert text[c.object_span[0]:c.object_span[1]] == c.object_mention
        assert " ".join(text[c.sentence_span[0]:c.sentence_span[1]].split()) == c.sentence
    assert max(c.sentence_span[1] for c in ex.claims) > 0.9 * len(text)
    assert len({c.id for c in ex.claims}) == len(ex.claims)


def _big_extraction(n_claims: int, tag: str) -> Extraction:
    text = f"A document with many claims: {tag}"
    d = Document(content_id(text), f"big-{tag}", text)
    ents = [Entity(entity_key("Actor", f"State {i}"), f"State {i}", "Actor") for i in range(50)]
    claims = [Claim(d.id, d.name, ents[i % 50], "BACKS", ents[(i + 1) % 50], "a", "b", (i, i + 1), (i + 2, i + 3),
                    f"sentence {i} " + "y" * 1000, (i, i + 1000)) for i in range(n_claims)]
    return Extraction(d, ents, claims)


def test_a_document_with_thousands_of_claims_is_stored_under_a_small_heap_budget(tmp_path, monkeypatch):
    """3,000 claims of 1 KB in one document: one row per document used to exceed a
    256 MiB server's query heap budget (128 MB); statements are now chunked."""
    monkeypatch.setenv("GRAPHKIT_HEAP", "256m")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    with connect(home=tmp_path / "home") as s:
        r = s.write_extractions([_big_extraction(3000, "one")])
        assert r["claims_added"] == 3000
        assert s.query("MATCH (c:Claim)-[:IN]->(:Document) RETURN count(c) AS n")[1] == [{"n": 3000}]


def test_a_document_the_store_refuses_does_not_cost_its_batch(clean_store):
    good1, good2 = _big_extraction(3, "g1"), _big_extraction(3, "g2")
    d = Document(content_id("bad"), "bad", "bad")
    e1, e2 = good1.entities[:2]
    bad = Extraction(d, [e1, e2], [Claim(d.id, d.name, e1, "FUNDS", e2, "a", "b", (0, 1), (2, 3), "s", (0, 1))])
    totals, failed = write_batch(clean_store, [good1, bad, good2])
    assert totals["documents_added"] == 2 and totals["claims_added"] == 6
    assert [(ex.document.name, "FUNDS" in why) for ex, why in failed] == [("bad", True)]


def _tree_rss(p: psutil.Process) -> int:
    total = 0
    for q in [p, *p.children(recursive=True)]:
        try:
            total += q.memory_info().rss
        except psutil.Error:
            pass
    return total


@pytest.mark.slow
def test_a_1_1m_character_text_is_ingested_with_its_batch_under_2_gib(tmp_path):
    """The issue's case: a 1.1M-character text (over spaCy's 1,000,000 limit) in a batch
    with two other documents, through the CLI: all three stored, whole tree under 2 GiB."""
    singles = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    big = "\n\n".join(singles * 80)
    big = big[:1_100_000] if len(big) > 1_100_000 else big
    assert len(big) >= 1_000_001
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_before.txt").write_text(singles[0], encoding="utf-8")
    (folder / "b_long.txt").write_text(big, encoding="utf-8")
    (folder / "c_after.txt").write_text(singles[1], encoding="utf-8")
    home = tmp_path / "home"
    p = subprocess.Popen(GRAPHKIT + ["ingest", str(folder), "--format", "json"], env=env_for(home),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    proc, peak = psutil.Process(p.pid), 0
    while p.poll() is None:
        peak = max(peak, _tree_rss(proc))
        time.sleep(0.2)
    out, err = p.communicate()
    assert p.returncode == 0, err
    summary = json.loads(out)[0]
    assert summary["documents_added"] == 3 and summary["errors"] == 0
    assert summary["claims_added"] > 1000
    assert peak < 2 * 1024 ** 3, f"peak RSS of the process tree {peak / 2**30:.2f} GiB"
