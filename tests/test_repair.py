"""Parse repairs (graphkit.extract.repair) on the real spaCy model: a known misparse is
mended, a sound parse is left exactly as the parser gave it."""
import pytest

from graphkit.extract.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _tree(doc):
    return [(t.text, t.dep_, t.head.i, t.pos_) for t in doc]


@pytest.mark.parametrize("text", [
    "After the talks, Qatar and Egypt agreed a ceasefire.",
    "Before the vote, the council met in Geneva.",
    "Hamas arms depots were destroyed by Israel.",
    "U.S. arms sales to Taiwan rose last year.",
    "The funds were frozen by the bank.",
    "Turkey, which backs the Syrian National Army, denied the report.",
    "In Kidal, the army and its allies took the airport.",
    "Israel bombed Gaza and Hezbollah fired rockets at Haifa.",
    "The funds that Iran sends were frozen.",
    "Turkey attacked the YPG and the SDF in Manbij.",
])
def test_a_sound_parse_is_left_as_it_is(nlp, text):
    repaired = _tree(nlp(text))
    with nlp.select_pipes(disable=["graphkit_parse_repair"]):
        assert repaired == _tree(nlp(text))


@pytest.mark.parametrize("text,verb,subject,heads", [
    # the coordination after the last comma is the subject; the opening phrase keeps its object
    ("After talks with Qatar, Israel and Hamas agreed a ceasefire.", "agreed", "Israel", {"talks": "After"}),
    ("After weeks of talks brokered by Turkey, Sudan and Chad signed a pact.", "signed", "Sudan",
     {"weeks": "After", "Chad": "Sudan"}),
    ("Following talks with Egypt, Sudan and Chad signed a pact.", "signed", "Sudan", {"talks": "Following"}),
    # a verb tagged as a plural noun is a verb again, with its subject and object
    ("Iran, which funds and arms the Houthis, denied it.", "arms", None, {"Houthis": "arms", "funds": "Iran"}),
    ("Rwanda commands and arms the rebels.", "commands", "Rwanda", {"rebels": "arms"}),
    ("The militants have overrun army posts near the border.", "overrun", "militants", {"posts": "overrun"}),
    # two coordinated clauses: the second verb's subject is the noun right before it
    ("During the clashes, Fano militiamen attacked Ethiopian army posts and Ethiopian drones struck Fano positions "
     "near Gondar.", "struck", "drones", {"and": "attacked"}),
    # an object-gap relative clause whose verb is tagged as a plural noun
    ("The brigade that Tehran funds shelled the town.", "funds", "Tehran", {"funds": "brigade"}),
    # a dateline hangs on the main verb, not on the story's first noun
    ("DAMASCUS/ANKARA, Jan 4 (Wire) - Turkish drones hit a convoy near Kobani.", "hit", "drones",
     {"DAMASCUS": "hit"}),
])
def test_a_known_misparse_is_mended(nlp, text, verb, subject, heads):
    doc = nlp(text)
    with nlp.select_pipes(disable=["graphkit_parse_repair"]):
        assert _tree(nlp(text)) != _tree(doc), "the parser reads this one right: not a test of a repair"
    v = next(t for t in doc if t.text == verb)
    assert v.pos_ in ("VERB", "AUX"), _tree(doc)
    if subject is not None:
        assert any(c.dep_ == "nsubj" and c.text == subject for c in v.children) or doc[v.i].head.text == subject, \
            _tree(doc)
    for dependent, head in heads.items():
        assert next(t for t in doc if t.text == dependent).head.text == head, _tree(doc)
