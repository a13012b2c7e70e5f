"""The word classes (graphkit/data/lexicon.json): the file has exactly the classes the schema
(WORD_CLASSES in graphkit/extract/lexicon.py) lists, the extraction code reads every one of them
through the Lexicon and no other, and a broken file fails naming the file and the class."""
from __future__ import annotations

import ast
import copy
import json
from pathlib import Path

import pytest

from graphkit.extract.lexicon import DATA_DIR, WORD_CLASSES, LexiconError, Table, compile_lexicon, load_lexicon

TRIGGERS = DATA_DIR / "triggers.json"
WORDS = DATA_DIR / "lexicon.json"
EXTRACT = Path(__file__).resolve().parent.parent / "graphkit" / "extract"


@pytest.fixture(scope="module")
def raw():
    return json.loads(WORDS.read_text(encoding="utf-8"))


def _reads() -> dict[str, set[str]]:
    """The classes the extraction code asks the Lexicon for: word_set("...") and table("...")."""
    out: dict[str, set[str]] = {"word_set": set(), "table": set()}
    for path in EXTRACT.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in out:
                arg = node.args[0] if node.args else None
                if path.name != "lexicon.py":
                    assert isinstance(arg, ast.Constant), f"{path.name}:{node.lineno}: a class is named literally"
                    out[node.func.attr].add(arg.value)
    return out


def test_the_file_has_exactly_the_schema_classes(raw):
    assert set(raw) - {"version", "about"} == set(WORD_CLASSES)
    words = load_lexicon().words
    assert set(words.sets) | set(words.tables) == set(WORD_CLASSES)


def test_the_code_reads_every_class_and_only_those():
    reads = _reads()
    lists = {k for k, shape in WORD_CLASSES.items() if not isinstance(shape, Table)}
    tables = set(WORD_CLASSES) - lists
    assert reads["word_set"] <= lists, reads["word_set"] - lists
    assert reads["table"] <= tables, reads["table"] - tables
    assert reads["word_set"] | reads["table"] == set(WORD_CLASSES), set(WORD_CLASSES) - reads["word_set"] - reads["table"]


def test_every_class_is_documented(raw):
    for key in WORD_CLASSES:
        assert isinstance(raw[key], dict) and raw[key]["about"].strip(), key


def test_classes_load_as_sets_and_tables():
    lex = load_lexicon()
    assert "say" in lex.word_set("speech_verbs")
    assert lex.table("number_words")["both"] == 2
    assert lex.table("description_kinds")["group"] == ("Group",)
    assert lex.table("agreement_head_forms")["cease-fire"] == "ceasefire"
    assert lex.table("organ_titles")["Ministry of Defense"] == ("defen",)


@pytest.mark.parametrize("call,key", [("word_set", "no_such_class"), ("table", "no_such_class"),
                                      ("word_set", "number_words"), ("table", "speech_verbs")])
def test_asking_for_a_class_outside_the_schema_fails(call, key):
    with pytest.raises(LexiconError) as err:
        getattr(load_lexicon(), call)(key)
    assert "lexicon.json" in str(err.value) and repr(key) in str(err.value)


def _mutate(raw, how):
    data = copy.deepcopy(raw)
    if how == "missing":
        del data["motion_verbs"]
    elif how == "unread":
        data["counter_terror_words"] = ["counter-terrorism"]
    elif how == "upper":
        data["motion_verbs"]["words"].append("Travel")
    elif how == "twice":
        data["motion_verbs"]["words"].append("travel")
    elif how == "not_a_list":
        data["motion_verbs"]["words"] = "travel"
    elif how == "empty":
        data["motion_verbs"]["words"] = []
    elif how == "undocumented":
        data["motion_verbs"] = {"words": ["travel"], "note": "x"}
    elif how == "plain_table":
        data["number_words"] = {"two": 2}
    elif how == "count":
        data["number_words"]["map"]["two"] = "2"
    elif how == "kind":
        data["description_kinds"]["map"]["group"] = ["Country"]
    elif how == "table_key":
        data["description_kinds"]["map"]["Group"] = ["Group"]
    return data


@pytest.mark.parametrize("how,key,message", [
    ("missing", "motion_verbs", "missing"),
    ("unread", "counter_terror_words", "no code reads this key"),
    ("upper", "motion_verbs", "'Travel' must be a lower-case word"),
    ("twice", "motion_verbs", "'travel' is listed twice"),
    ("not_a_list", "motion_verbs", "must be a non-empty list"),
    ("empty", "motion_verbs", "must be a non-empty list"),
    ("undocumented", "motion_verbs", "exactly the keys 'about' and 'words'"),
    ("plain_table", "number_words", "exactly the keys 'about' and 'map'"),
    ("count", "number_words", "whole number"),
    ("kind", "description_kinds", "unknown entity kind(s) ['Country']"),
    ("table_key", "description_kinds", "key 'Group' must be a lower-case word"),
])
def test_a_broken_file_fails_naming_the_file_and_class(raw, tmp_path, how, key, message):
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps(_mutate(raw, how)), encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        compile_lexicon(TRIGGERS, path)
    text = str(err.value)
    assert text.startswith("lexicon.json: ") and key in text and message in text, text


def test_a_plain_list_is_a_word_class_too(raw, tmp_path):
    data = copy.deepcopy(raw)
    data["motion_verbs"] = ["travel", "go"]
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert compile_lexicon(TRIGGERS, path).word_set("motion_verbs") == {"travel", "go"}
