"""Every saved query in cypher/queries/ against a small hand-made graph with known answers."""
from __future__ import annotations

import pytest

from graphkit.model import Claim, Document, Entity, Extraction, content_id, entity_key


def ent(kind, name, aliases=()):
    return Entity(entity_key(kind, name), name, kind, tuple(aliases))


def claim(d, s, rel, o, sentence, at=0, **kw):
    return Claim(d.id, d.name, s, rel, o, s.name, o.name, (at, at + 3), (at + 10, at + 13),
                 sentence, (0, len(sentence)), **kw)


TR, RU, SY, IR = (ent("Actor", n, a) for n, a in
                  [("Turkey", ["Ankara"]), ("Russia", ["Moscow"]), ("Syria", ["Damascus"]), ("Iran", ["Tehran"])])
HTS = ent("Group", "HTS", ["Hay'at Tahrir al-Sham"])
SDF = ent("Group", "SDF")
POST = ent("Place", "Observation Post 9")
SOCHI = ent("Agreement", "Sochi Agreement", ["Sochi deal"])


def doc(name, text, published):
    return Document(content_id(text), name, text, title=name.title(), source=f"https://news.example/{name}",
                    published=published)


D1 = doc("d1", "one", "2024-01-01")
D2 = doc("d2", "two", "2024-01-02")
D3 = doc("d3", "three", "2024-01-03")

EXTRACTIONS = [
    Extraction(D1, [TR, RU, SY, HTS, SOCHI, IR], [
        claim(D1, TR, "BACKS", HTS, "Turkey backs HTS."),
        claim(D1, RU, "BACKS", SY, "Russia backs Syria.", 20),
        claim(D1, IR, "BACKS", SY, "Iran backs Syria.", 40),
        claim(D1, TR, "GUARANTEES", SOCHI, "Turkey guarantees the Sochi deal.", 60),
        claim(D1, RU, "GUARANTEES", SOCHI, "Russia guarantees the Sochi deal.", 80),
        claim(D1, SY, "PARTY_TO", SOCHI, "Syria is party to the Sochi deal.", 100),
        claim(D1, SY, "ATTACKED", POST, "Turkey says Syria attacked the post.", 120, attributed_to="Turkey"),
        claim(D1, HTS, "ATTACKED", POST, "Russia says militants attacked the post.", 140, attributed_to="Russia"),
    ]),
    Extraction(D2, [RU, SY, TR, SDF, HTS], [
        claim(D2, RU, "BACKS", SY, "Moscow backs Damascus.", 0),
        claim(D2, TR, "BACKS", HTS, "Turkey does not back HTS, Ankara said.", 20, negated=True,
              attributed_to="Turkey"),
        claim(D2, TR, "OPPOSES", SDF, "Turkey opposes the SDF.", 40),
        claim(D2, TR, "ATTACKED", SDF, "Turkey attacked SDF positions.", 60),
    ]),
    Extraction(D3, [IR, SY], [
        claim(D3, IR, "BACKS", SY, "Iran may back Syria.", 0, hedged=True),
    ]),
]


@pytest.fixture(scope="module")
def qstore(store):
    store.clear()
    store.write_extractions(EXTRACTIONS)
    yield store
    store.clear()


def run(store, query, **params):
    return store.run_saved(query, params)[1]


def test_all_saved_queries_are_described(store):
    qs = store.saved_queries()
    assert {"who_backs", "attacks_on", "agreement_parties", "contested_claims", "paths_between",
            "evidence_for_edge", "top_actors", "entity_profile"} <= set(qs)
    for q in qs.values():
        assert q.purpose, q.name
    assert qs["who_backs"].params == {"name": "entity name, alias or key (case-insensitive)"}
    assert set(qs["paths_between"].params) == {"a", "b"}
    assert set(qs["evidence_for_edge"].params) == {"subject", "relation", "object", "since", "until"}
    assert list(qs["contested_claims"].params) == ["name", "since", "until"] and qs["top_actors"].params == {}


def test_missing_parameter(qstore):
    with pytest.raises(ValueError, match=r"\$name"):
        qstore.run_saved("who_backs", {})
    with pytest.raises(KeyError):
        qstore.run_saved("no_such_query", {})


def test_who_backs(qstore):
    rows = run(qstore, "who_backs", name="damascus")
    assert [(r["backer"], r["weight"]) for r in rows] == [("Russia", 2), ("Iran", 1)]
    assert rows[0]["docs"] == sorted([D1.id, D2.id])
    assert [r["backer"] for r in run(qstore, "who_backs", name="HAY'AT TAHRIR AL-SHAM")] == ["Turkey"]
    assert run(qstore, "who_backs", name="Nobody") == []


def test_attacks_on(qstore):
    rows = run(qstore, "attacks_on", name="observation post 9")
    assert [(r["attacker"], r["attributed_to"], r["document"]) for r in rows] == [
        ("HTS", "Russia", "d1"), ("Syria", "Turkey", "d1")]
    assert rows[1]["sentence"] == "Turkey says Syria attacked the post."
    assert rows[0]["source"] == "https://news.example/d1" and rows[0]["published"] == "2024-01-01"
    assert [r["attacker"] for r in run(qstore, "attacks_on", name="SDF")] == ["Turkey"]


def test_agreement_parties(qstore):
    rows = run(qstore, "agreement_parties", name="sochi deal")
    assert [(r["role"], r["entity"]) for r in rows] == [
        ("PARTY_TO", "Syria"), ("GUARANTEES", "Russia"), ("GUARANTEES", "Turkey")]
    assert all(r["agreement"] == "Sochi Agreement" and r["weight"] == 1 for r in rows)


def test_contested_claims(qstore):
    rows = run(qstore, "contested_claims", name="observation post 9") + run(qstore, "contested_claims", name="hts")
    got = {(r["object"], r["relation"], r["subject_1"], r["subject_2"], r["negated_1"], r["negated_2"])
           for r in rows}
    assert got == {
        # different subjects, each asserted by a different named source
        ("Observation Post 9", "ATTACKED", "HTS", "Syria", False, False)
        if rows and rows[0]["subject_1"] == "HTS" else ("Observation Post 9", "ATTACKED", "Syria", "HTS", False, False),
        # opposite polarity: d1 asserts (no attribution: the document is the claimant), d2 denies
        ("HTS", "BACKS", "Turkey", "Turkey", False, True)
        if any(r["negated_2"] for r in rows if r["relation"] == "BACKS") else ("HTS", "BACKS", "Turkey", "Turkey", True, False),
    }
    post = next(r for r in rows if r["relation"] == "ATTACKED")
    assert {post["sentence_1"], post["sentence_2"]} == {"Turkey says Syria attacked the post.",
                                                        "Russia says militants attacked the post."}
    assert {post["claimant_1"], post["claimant_2"]} == {"Turkey", "Russia"}
    backs = next(r for r in rows if r["relation"] == "BACKS")
    assert {backs["document_1"], backs["document_2"]} == {"d1", "d2"}
    assert {backs["source_1"], backs["source_2"]} == {"https://news.example/d1", "https://news.example/d2"}
    # Russia and Iran both backing Syria is no contest (no named opposing sources)
    assert not any(r["object"] == "Syria" for r in rows)


def test_paths_between(qstore):
    rows = run(qstore, "paths_between", a="Iran", b="ankara")
    # Iran -BACKS-> Syria <-BACKS- Russia -GUARANTEES-> Sochi <-GUARANTEES- Turkey (4) vs
    # Iran -BACKS-> Syria -PARTY_TO-> Sochi <-GUARANTEES- Turkey (3)
    assert {r["hops"] for r in rows} == {3}
    assert [r["entities"] for r in rows] == [["Iran", "Syria", "Sochi Agreement", "Turkey"]]
    assert rows[0]["steps"] == ["Iran -BACKS-> Syria", "Syria -PARTY_TO-> Sochi Agreement",
                                "Turkey -GUARANTEES-> Sochi Agreement"]
    assert rows[0]["weights"] == [1, 1, 1]
    # the search starts from the end with less evidence (here Iran); either way round,
    # the path reads from $a
    back = run(qstore, "paths_between", a="ankara", b="Iran")
    assert [r["entities"] for r in back] == [["Turkey", "Sochi Agreement", "Syria", "Iran"]]
    assert back[0]["steps"] == rows[0]["steps"][::-1]
    rows = run(qstore, "paths_between", a="HTS", b="SDF")   # via Turkey: OPPOSES and ATTACKED
    assert sorted(r["steps"][1] for r in rows) == ["Turkey -ATTACKED-> SDF", "Turkey -OPPOSES-> SDF"]
    assert [r["hops"] for r in rows] == [2, 2]
    assert run(qstore, "paths_between", a="HTS", b="HTS") == []


def test_evidence_for_edge(qstore):
    rows = run(qstore, "evidence_for_edge", subject="Turkey", relation="backs", object="HTS")
    assert [(r["document"], r["negated"], r["attributed_to"]) for r in rows] == [
        ("d1", False, None), ("d2", True, "Turkey")]
    assert rows[1]["sentence"] == "Turkey does not back HTS, Ankara said."
    assert rows[0]["title"] == "D1" and rows[0]["source"] == "https://news.example/d1"
    rows = run(qstore, "evidence_for_edge", subject="tehran", relation="BACKS", object="Syria")
    assert [(r["document"], r["hedged"]) for r in rows] == [("d1", False), ("d3", True)]


def test_top_actors(qstore):
    rows = run(qstore, "top_actors")
    top = [(r["entity"], r["weight"]) for r in rows[:3]]
    # Syria: BACKS in 2+1, PARTY_TO 1, ATTACKED 1 = 5; Turkey: BACKS 1, GUARANTEES 1, OPPOSES 1,
    # ATTACKED 1 = 4; Russia: BACKS 2, GUARANTEES 1 = 3 (ties broken by name)
    assert top == [("Syria", 5), ("Turkey", 4), ("Russia", 3)]
    assert next(r for r in rows if r["entity"] == "Syria")["kind"] == "Actor"


def test_entity_profile(qstore):
    rows = run(qstore, "entity_profile", name="SYRIA")
    got = [(r["direction"], r["relation"], r["other"], r["weight"]) for r in rows]
    # strongest first, then by relation and name
    assert got == [("in", "BACKS", "Russia", 2), ("out", "ATTACKED", "Observation Post 9", 1),
                   ("in", "BACKS", "Iran", 1), ("out", "PARTY_TO", "Sochi Agreement", 1)]


def test_attacks_on_shows_the_five_newest_claims_by_either_path(clean_store):
    """The edge's own list of recent claims (no dates given) and the scan of all its
    claims (dates given) agree: the five newest asserted claims, newest first, also
    after later batches bring newer and older documents."""
    docs = [doc(f"r{i}", f"raid {i}", f"2023-0{i}-15") for i in range(1, 9)]
    def ex(d, **kw):
        return Extraction(d, [RU, HTS], [claim(d, RU, "ATTACKED", HTS, f"Russia raided HTS ({d.name}).", **kw)])
    clean_store.write_extractions([ex(docs[i]) for i in (2, 5, 0)])
    clean_store.write_extractions([ex(docs[i]) for i in (7, 1)] + [ex(docs[6], hedged=True)])
    clean_store.write_extractions([ex(docs[i]) for i in (4, 3)])
    newest = ["r8", "r6", "r5", "r4", "r3"]          # r7 is hedged: not evidence of the edge
    fast = run(clean_store, "attacks_on", name="hts")
    assert [r["document"] for r in fast] == newest and {r["weight"] for r in fast} == {7}
    scanned = run(clean_store, "attacks_on", name="hts", since="2000-01-01")
    assert scanned == fast
    assert [r["document"] for r in run(clean_store, "attacks_on", name="hts", until="2023-04-30")] == [
        "r4", "r3", "r2", "r1"]


def test_relation_lists_in_saved_queries_are_all_the_relation_types():
    """Saved queries spell the summary relation types out (a type alternation, or a
    list literal for an index key); a type added to graphkit.model must be added there."""
    import re
    from graphkit.model import RELATION_TYPES
    from graphkit.store.cypher import cypher_dir
    for path in sorted((cypher_dir() / "queries").glob("*.cypher")):
        text = path.read_text(encoding="utf-8")
        found = [set(m.split("|")) - {"PART_OF"} for m in re.findall(r"\[\w*:((?:[A-Z_]+\|){4,}[A-Z_]+)", text)]
        found += [set(re.findall(r"'([A-Z_]+)'", m)) for m in re.findall(r"\[((?:'[A-Z_]+',\s*){4,}'[A-Z_]+')\]", text)]
        for types in found:
            assert types == set(RELATION_TYPES), (path.name, types ^ set(RELATION_TYPES))
