"""Extraction speed against spaCy's own parse, on the same texts.

    python bench/extract_speed.py [--repeat 40] [--workers 1] [--rounds 3]

Prints words/s for plain ``nlp.pipe`` (spaCy's own components of the pipeline
graphkit loads: graphkit's parse repairs, which re-parse some sentences, count as
graphkit's time) and for ``Extractor.extract_all`` (parse + repairs + mentions +
relation rules + scorer), and their ratio. The texts are the sample corpus repeated with a varying suffix, so no
document is a duplicate of another. Each timing is the best of ``--rounds`` runs, the two
taken in turn.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from graphkit.extract import Extractor
from graphkit.extract.normalize import normalize
from graphkit.model import Document, content_id

ROOT = Path(__file__).resolve().parents[1]


def corpus(repeat: int) -> list[Document]:
    base = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    docs = []
    for i in range(repeat):
        for j, t in enumerate(base):
            text = f"{t}\n\nEdition {i}."
            docs.append(Document(content_id(text), f"{j}-{i}", text))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=40)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3, help="each timing is the best of this many runs, taken in turn")
    a = ap.parse_args()
    docs = corpus(a.repeat)
    ex = Extractor()
    words = sum(len(d.text.split()) for d in docs)
    list(ex.nlp.pipe([normalize(d.text) for d in docs[:10]]))  # warm up
    spacy_s = gk_s = float("inf")
    for _ in range(a.rounds):      # alternating, so a busy spell of the machine slows both alike
        with ex.nlp.select_pipes(disable=["graphkit_parse_repair"]):
            t = time.perf_counter()
            for _ in ex.nlp.pipe((normalize(d.text) for d in docs), batch_size=32, n_process=a.workers):
                pass
            spacy_s = min(spacy_s, time.perf_counter() - t)
        t = time.perf_counter()
        n = sum(len(x.claims) for x in ex.extract_all(docs, n_process=a.workers))
        gk_s = min(gk_s, time.perf_counter() - t)
    print("| documents | words | workers | nlp.pipe words/s | graphkit extract words/s | ratio | claims |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {len(docs)} | {words} | {a.workers} | {words / spacy_s:,.0f} | {words / gk_s:,.0f} | "
          f"{spacy_s / gk_s:.2f} | {n} |")


if __name__ == "__main__":
    main()
