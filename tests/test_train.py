"""The learned scorer's training (graphkit.extract.train): the threshold choice and a fit that
is deterministic and learns from its labels."""
import json

import pytest

from graphkit.extract import Extractor
from graphkit.extract.train import Annotated, Corpus, _smoothed_best, fit


def curve(*pairs):
    return dict(pairs)


@pytest.mark.parametrize("f1,expected", [
    # a flat curve keeps the neutral threshold
    (curve((0.4, 0.60), (0.45, 0.60), (0.5, 0.60), (0.55, 0.60), (0.6, 0.60)), 0.5),
    # a clear, broad optimum is taken
    (curve((0.2, 0.50), (0.25, 0.52), (0.3, 0.62), (0.35, 0.63), (0.4, 0.62), (0.45, 0.55), (0.5, 0.54)), 0.35),
    # a lone spike is not: its neighbours pull it down, and the rest is within the tolerance
    (curve((0.3, 0.60), (0.35, 0.60), (0.4, 0.66), (0.45, 0.60), (0.5, 0.60), (0.55, 0.60)), 0.45),
    # a ragged plateau far from 0.5 (BACKS in one refit): the point of it nearest 0.5
    (curve((0.5, 0.611), (0.55, 0.619), (0.6, 0.621), (0.65, 0.619), (0.7, 0.619), (0.75, 0.623), (0.8, 0.623)), 0.6),
])
def test_threshold_is_the_smoothed_best_nearest_neutral(f1, expected):
    assert _smoothed_best(f1) == expected


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("train")
    texts = {
        "a": "Iran supplied weapons to Hamas. Israel struck Hamas positions in Gaza.",
        "b": "Turkey backs the Syrian National Army. Russia condemned Turkey on Monday.",
        "c": "Qatar mediated the truce. Israel and Hamas signed the truce in Doha.",
    }
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    ents = {k: {"kind": kind, "aliases": [k.replace("_", " ")]} for k, kind in [
        ("iran", "Actor"), ("hamas", "Group"), ("israel", "Actor"), ("turkey", "Actor"), ("russia", "Actor"),
        ("syrian_national_army", "Group"), ("qatar", "Actor"), ("gaza", "Place"), ("truce", "Agreement")]}
    rel = {"a": [("iran", "BACKS", "hamas"), ("israel", "ATTACKED", "hamas")],
           "b": [("turkey", "BACKS", "syrian_national_army"), ("russia", "OPPOSES", "turkey")],
           "c": [("qatar", "GUARANTEES", "truce"), ("israel", "PARTY_TO", "truce"), ("hamas", "PARTY_TO", "truce")]}
    gold = {"format": "graphkit-gold/1", "scored_relations": ["BACKS", "OPPOSES", "GUARANTEES", "ATTACKED", "PARTY_TO"],
            "entities": ents,
            "documents": {d: {"aliases": {}, "relations": [{"s": s, "r": r, "o": o, "evidence": ""} for s, r, o in rs]}
                          for d, rs in rel.items()}}
    return Annotated(Corpus.read(Extractor(), folder), json.loads(json.dumps(gold)), name="tiny")


def test_a_fit_is_deterministic_and_learns_its_labels(annotated):
    one, two = fit([annotated], threshold=0.5), fit([annotated], threshold=0.5)
    assert one.weights == two.weights and one.bias == two.bias
    assert one.meta["positives"] > 0 and one.meta["candidates"] > one.meta["positives"]
    (_, cands), feats = annotated.corpus.cands[0], annotated.corpus.feats[0]
    scores = dict(zip(((c.subject.ent.name, c.relation, c.object.ent.name) for c in cands), one.score_features(feats)))
    assert scores[("Iran", "BACKS", "Hamas")] > max(s for k, s in scores.items() if k[0] == "Hamas")
