"""Known answers for factions: five dev-set conflicts' gold graphs (tests/data, written by
scripts/make_gold_fixtures.py) and the sample articles in corpus/ as graphkit extracts them."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from graphkit.analysis import factions, label
from graphkit.documents import read_documents
from graphkit.graph import from_extractions, from_gold

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests/data"
GOLD = json.loads((DATA / "dev_conflicts_gold.json").read_text(encoding="utf-8"))
EXPECTED = json.loads((DATA / "factions_expected.json").read_text(encoding="utf-8"))["conflicts"]
CASES = [(c, e) for c, es in EXPECTED.items() for e in es]


def _id(case):
    c, e = case
    kind = "with" if "with" in e else "apart"
    return f"{c}:{e['a']}-{kind}-{e[kind]}"


@pytest.fixture(scope="module")
def gold_factions():
    return {c: factions(from_gold(GOLD, docs)) for c, docs in GOLD["conflicts"].items()}


def test_the_fixture_holds_the_five_conflicts():
    assert sorted(GOLD["conflicts"]) == sorted(EXPECTED) == ["karabakh", "libya", "sudan", "ukraine", "yemen"]
    assert all(len(docs) >= 4 for docs in GOLD["conflicts"].values())
    rels = [r for d in GOLD["documents"].values() for r in d["relations"]]
    assert len(rels) > 300 and any(r.get("optional") for r in rels)


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_known_placements_on_the_gold_graphs(gold_factions, case):
    conflict, e = case
    r = gold_factions[conflict]
    if "with" in e:
        assert r.together(e["a"], e["with"]), (r.placement.get(e["a"]), r.placement.get(e["with"]))
    else:
        assert r.apart(e["a"], e["apart"]), (r.placement.get(e["a"]), r.placement.get(e["apart"]))


def test_gold_graphs_are_nearly_balanced(gold_factions):
    """Conflicts as an analyst reads them: few ties cut, every expected actor placed."""
    for c, r in gold_factions.items():
        assert r.balance > 0.9, (c, r.balance, r.cut_ties[:3])


def test_from_gold_takes_optional_relations_on_request():
    docs = GOLD["conflicts"]["libya"]
    every, required = from_gold(GOLD, docs), from_gold(GOLD, docs, optional=False)
    n = sum(len(GOLD["documents"][d]["relations"]) for d in docs)
    assert sum(d["weight"] for *_, d in every.edges(data=True)) == n
    assert sum(d["weight"] for *_, d in required.edges(data=True)) < n
    assert every.nodes["libya_gna"]["kind"] == "Actor" and "gna" in every.nodes["libya_gna"]["aliases"]


def test_the_fixture_script():
    spec = importlib.util.spec_from_file_location("make_gold_fixtures", REPO / "scripts/make_gold_fixtures.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    gold = {"format": "graphkit-gold/1", "scored_relations": ["BACKS"],
            "entities": {x: {"kind": "Actor", "aliases": [x]} for x in ("a", "b", "c", "d")},
            "documents": {"n1": {"aliases": {"the other": "c"}, "relations": [{"s": "a", "r": "BACKS", "o": "b"}]},
                          "n2": {"relations": [{"s": "d", "r": "BACKS", "o": "a", "optional": True}]},
                          "n3": {"relations": [{"s": "a", "r": "OPPOSES", "o": "b"}]}}}
    out = mod.fixture(gold, {"n1": "x", "n2": "x", "n3": "y"}, conflicts=("x",))
    assert out["conflicts"] == {"x": ["n1", "n2"]} and sorted(out["documents"]) == ["n1", "n2"]
    assert sorted(out["entities"]) == ["a", "b", "c", "d"]


# ------------------------------------------------------------------ the sample articles, extracted
@pytest.fixture(scope="module")
def seed():
    from graphkit.extract import Extractor
    G = from_extractions(Extractor().extract_all(d for d in read_documents([str(REPO / "corpus")])))
    return G, factions(G)


def _key(G, name):
    keys = [k for k, d in G.nodes(data=True) if d.get("name") == name]
    assert len(keys) == 1, (name, keys)
    return keys[0]


def test_sample_articles_russia_and_iran_with_damascus(seed):
    G, r = seed
    syria = _key(G, "Syria")
    for name in ("Russia", "Iran"):
        assert r.together(_key(G, name), syria), (name, r.placement.get(_key(G, name)))


@pytest.mark.parametrize("name", ["Turkey", "Hayat Tahrir al-Sham", "Hurras al-Din"])
def test_sample_articles_turkey_and_the_jihadist_groups_apart_from_damascus(seed, name):
    G, r = seed
    k = _key(G, name)
    assert r.apart(k, _key(G, "Syria")), (name, r.placement.get(k), [label(G, x) for x in r.blocs[0]])
