"""The compiled lexicon: trigger frames and word classes, loaded once, validated.

Two data files under ``graphkit/data``:

* ``triggers.json``: classes of trigger words (verbs, event nouns, participles,
  adjectives, role nouns) and, per class, the *links* that map roles around the
  word to graphkit relations ("agent ATTACKED patient|on|against");
* ``lexicon.json``: the word classes the rest of extraction reads (light verbs,
  speech verbs, hedges, negation, organ heads, generic group heads, place nouns,
  agreement heads, ...), each a list of words or a table; :data:`WORD_CLASSES` is
  its schema, the one list of the classes the code reads.

:func:`load_lexicon` compiles both into a :class:`Lexicon`: every inflected form
of every trigger (generated with lemminflect, so a tagger that lemmatises
"backed" as an adjective still finds the verb) maps to its frames; every word
class becomes a set (or a table) the code asks for by name. An unknown relation,
role, kind, part of speech or key fails loudly with the file and the place, so a
typo in the data never silently drops a frame; a word class the schema lists
must be in lexicon.json, and a class there that no code reads is refused.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from ..model import ENTITY_KINDS, RELATION_TYPES

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

NAMED_ROLES = frozenset({"agent", "coagent", "patient", "recipient", "holder", "owner", "self", "speaker", "sender"})
PREPOSITION_ROLES = frozenset({
    "on", "against", "at", "upon", "in", "with", "to", "for", "between", "from", "into", "alongside", "behind",
    "over", "toward", "towards", "among", "of", "under", "through", "across", "onto", "inside", "near", "around",
    "beside", "amid", "by", "about", "after", "within", "throughout", "out",
})
ROLES = NAMED_ROLES | PREPOSITION_ROLES
# Parts of speech a class lists words under, and the spaCy coarse tags each matches.
WORD_LISTS = {"verbs": "VERB", "nouns": "NOUN", "participles": "PART", "adjectives": "ADJ", "roles": "ROLE"}
CLASS_KEYS = frozenset({"about", "links", "control"}) | frozenset(WORD_LISTS)
LINK_KEYS = frozenset({"relation", "from", "to", "from_kinds", "to_kinds", "weight"})


@dataclass(frozen=True)
class Words:
    """A word class of lexicon.json: a list of lower-case words (or phrases), or a documented
    list, ``{"about": "...", "words": [...]}``."""


@dataclass(frozen=True)
class Table:
    """A documented table of lexicon.json, ``{"about": "...", "map": {key: value}}``. ``keys``:
    'word' (lower case) or 'title' (any text); ``values``: 'count' (a whole number >= 1),
    'kinds' (a list of entity kinds), 'words' (a list of lower-case words) or 'word'."""
    values: str
    keys: str = "word"


WORDS = Words()
# The schema of lexicon.json: every word class the extraction code reads, and its shape. The file
# must have exactly these keys (besides "version" and "about"); the code asks for them by name.
WORD_CLASSES: dict[str, Words | Table] = {
    # scope and attribution (scope.py)
    "speech_verbs": WORDS, "extraposition_words": WORDS, "labelling_verbs": WORDS, "weapon_nouns": WORDS,
    "condemning_labels": WORDS, "exhorting_verbs": WORDS, "standing_nouns": WORDS, "demanding_verbs": WORDS,
    "demanded_acts": WORDS, "downfall_verbs": WORDS,
    "evaluative_modifiers": WORDS,
    "speech_nouns": WORDS,
    "speaker_nouns": WORDS,
    "hedge_verbs": WORDS, "hedge_nouns": WORDS, "hedge_modals": WORDS, "continuing_verbs": WORDS,
    "threat_verbs": WORDS, "pledge_verbs": WORDS,
    "negation_words": WORDS, "negating_verbs": WORDS, "conditional_marks": WORDS, "temporal_marks": WORDS,
    "denial_verbs": WORDS, "cessation_verbs": WORDS,
    "negatable_adverbs": WORDS, "hedge_adverbs": WORDS, "hedge_adjectives": WORDS,
    "claim_nouns": WORDS,
    "contrast_conjunctions": WORDS,
    # argument roles and candidates (arguments.py, noun_arguments.py, candidates.py)
    "light_verbs": WORDS, "causal_verbs": WORDS, "receiving_verbs": WORDS, "act_nouns": WORDS,
    "combat_modifiers": WORDS, "unarmed_modifiers": WORDS,
    "copulas": WORDS, "listing_verbs": WORDS,
    "object_predicates": WORDS, "describing_verbs": WORDS, "blame_verbs": WORDS,
    "gratitude_verbs": WORDS, "enabling_verbs": WORDS,
    "responsibility_nouns": WORDS, "fellow_modifiers": WORDS, "wrapper_nouns": WORDS, "measure_nouns": WORDS,
    "anti_prefixes": WORDS, "reversing_verbs": WORDS, "positive_complements": WORDS, "joint_nouns": WORDS,
    "pair_nouns": WORDS, "counter_terror_modifiers": WORDS,
    # states, organs and forces (mentions.py, organs.py)
    "organ_heads": WORDS, "own_forces_nouns": WORDS, "agreement_object_verbs": WORDS,
    "linking_participles": WORDS, "organ_nodes": WORDS,
    "organ_titles": Table("words", keys="title"),
    "organ_alias_names": Table("words", keys="title"), "government_words": WORDS, "government_modifiers": WORDS,
    "state_force_name_words": WORDS,
    # armed groups (groups.py, names.py)
    "generic_group_heads": WORDS, "group_heads": WORDS, "group_modifiers": WORDS, "group_name_words": WORDS,
    "group_name_heads": WORDS, "description_kinds": Table("kinds"),
    "epithet_words": WORDS, "backing_participles": WORDS, "non_state_modifiers": WORDS,
    # ships' names (names.py)
    "civil_ship_prefixes": WORDS,
    # places (places.py, mentions.py)
    "place_nouns": WORDS, "route_nouns": WORDS, "settlement_nouns": WORDS, "locative_prepositions": WORDS,
    "motion_verbs": WORDS,
    "personnel_nouns": WORDS,
    "place_of_nouns": WORDS, "place_possessed_nouns": WORDS,
    # agreements (agreements.py)
    "agreement_heads": WORDS, "vague_agreement_heads": WORDS, "negotiation_tracks": WORDS,
    "substantive_agreement_modifiers": WORDS, "signed_only_agreement_heads": WORDS,
    "zone_modifiers": WORDS, "ceasefire_words": WORDS, "agreement_head_forms": Table("word"),
    "agreement_distinct_modifiers": WORDS,
    "agreement_kind_modifiers": WORDS, "agreement_verbs": WORDS, "naming_verbs": WORDS, "talks_nouns": WORDS,
    # references (references.py, antecedents.py)
    "number_words": Table("count"), "collective_nouns": WORDS, "collective_lemmas": WORDS,
    "person_collectives": WORDS, "group_plurals": WORDS, "asset_nouns": WORDS, "facility_nouns": WORDS,
    "state_force_modifiers": WORDS, "target_prepositions": WORDS, "holding_verbs": WORDS,
    "serving_verbs": WORDS, "allegiance_adjectives": WORDS,
    "object_control_verbs": WORDS,
}


class LexiconError(ValueError):
    """A data file under graphkit/data does not follow its schema."""


@dataclass(frozen=True)
class Link:
    """One way a trigger's roles make a relation: any mention in a ``source`` role
    RELATION any mention in a ``target`` role."""
    relation: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    source_kinds: frozenset[str] = frozenset(ENTITY_KINDS)
    target_kinds: frozenset[str] = frozenset(ENTITY_KINDS)
    weight: float = 1.0


@dataclass(frozen=True)
class Frame:
    """A trigger word of one class as one part of speech."""
    lemma: str            # may be several words: "open fire", "crack down" (lemma + particle or object)
    pos: str              # VERB | NOUN | PART | ADJ | ROLE
    cls: str
    links: tuple[Link, ...]

    @property
    def head(self) -> str:
        return self.lemma.split()[0]

    @property
    def rest(self) -> tuple[str, ...]:
        return tuple(self.lemma.split()[1:])


@dataclass(frozen=True)
class WordClasses:
    """lexicon.json checked against :data:`WORD_CLASSES`: its word lists as sets, its tables as dicts."""
    sets: dict[str, frozenset[str]]
    tables: dict[str, dict]
    source: str = "lexicon.json"                   # the file they came from

    def word_set(self, key: str) -> frozenset[str]:
        """A word class (a list, or the 'words' of a documented list) as a set."""
        if key not in self.sets:
            raise LexiconError(f"{self.source}: {key!r}: no such word list in the schema (WORD_CLASSES)")
        return self.sets[key]

    def table(self, key: str) -> dict:
        """A table (its 'map'): word -> count, kinds (a tuple), words (a tuple) or word."""
        if key not in self.tables:
            raise LexiconError(f"{self.source}: {key!r}: no such table in the schema (WORD_CLASSES)")
        return self.tables[key]


@dataclass
class Lexicon:
    frames: list[Frame]
    words: WordClasses                             # lexicon.json (see WORD_CLASSES)
    object_control: frozenset[str] = frozenset()   # verbs whose object does an embedded event
    complex_prepositions: dict[str, str] = field(default_factory=dict)   # "on behalf of" -> "for"
    by_form: dict[tuple[str, str], list[Frame]] = field(default_factory=dict)
    forms: frozenset[str] = frozenset()            # every word form that heads a frame, of any part of speech

    def __post_init__(self) -> None:
        for fr in self.frames:
            for form in _forms(fr.head, fr.pos):
                key = (form, fr.pos)
                if fr not in self.by_form.setdefault(key, []):
                    self.by_form[key].append(fr)
        self.forms = frozenset(form for form, _ in self.by_form)

    def lookup(self, form: str, pos: str) -> list[Frame]:
        """Frames for a lower-case word form (or lemma) used as ``pos``."""
        return self.by_form.get((form, pos), [])

    def classes(self) -> list[str]:
        return sorted({f.cls for f in self.frames})

    def heads(self, pos: str) -> frozenset[str]:
        """The head words of the frames used as ``pos`` (VERB, NOUN, ROLE, ...)."""
        return self._heads.get(pos, frozenset())

    @cached_property
    def _heads(self) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        for f in self.frames:
            out.setdefault(f.pos, set()).add(f.head)
        return {pos: frozenset(words) for pos, words in out.items()}

    @cached_property
    def transfer_objects(self) -> frozenset[str]:
        """What a transfer hands over: the object words of the multi-word frames that have a
        receiver ('send drones', 'supply weapons')."""
        return frozenset(f.rest[-1] for f in self.frames if f.rest and any("recipient" in lk.target for lk in f.links))

    @cached_property
    def agreement_signers(self) -> frozenset[str]:
        """Single-word verbs whose doer is a party to the agreement it makes ('sign', 'agree', 'reach')."""
        return self._doers_of(("PARTY_TO",))

    @cached_property
    def agreement_makers(self) -> frozenset[str]:
        """Single-word verbs whose doer makes or brokers an agreement ('sign', 'agree', 'broker')."""
        return self._doers_of(("PARTY_TO", "GUARANTEES"))

    def _doers_of(self, relations: tuple[str, ...]) -> frozenset[str]:
        return frozenset(f.head for f in self.frames if f.pos in ("VERB", "PART") and not f.rest and any(
            lk.relation in relations and "agent" in lk.source for lk in f.links))

    def word_set(self, key: str) -> frozenset[str]:
        """A word class of lexicon.json as a set."""
        return self.words.word_set(key)

    def table(self, key: str) -> dict:
        """A table of lexicon.json."""
        return self.words.table(key)


def _forms(lemma: str, pos: str) -> set[str]:
    """The lemma and its inflections for the part of speech (lemminflect)."""
    from lemminflect import getAllInflections
    out = {lemma}
    upos = {"VERB": "VERB", "PART": "VERB", "NOUN": "NOUN", "ROLE": "NOUN", "ADJ": "ADJ"}[pos]
    if " " in lemma or "-" in lemma and upos == "NOUN":
        # multi-word or hyphenated nouns: inflect the last part
        head, _, last = lemma.rpartition(" " if " " in lemma else "-")
        sep = " " if " " in lemma else "-"
        for forms in getAllInflections(last, upos=upos).values():
            out.update(f"{head}{sep}{f}" for f in forms)
        return out
    for forms in getAllInflections(lemma, upos=upos).values():
        out.update(f.lower() for f in forms)
    if len(out) == 1:
        # a word lemminflect does not know ("bankroll"): its regular forms
        from lemminflect import getInflection
        tags = ("VBD", "VBN", "VBG", "VBZ") if upos == "VERB" else ("NNS",) if upos == "NOUN" else ()
        for tag in tags:
            out.update(f.lower() for f in getInflection(lemma, tag=tag, inflect_oov=True))
    if upos == "NOUN" and not any(f.endswith("s") for f in out if f != lemma):
        out.add(lemma + "s")
    return out


def _fail(path: Path, where: str, msg: str) -> LexiconError:
    return LexiconError(f"{path.name}: {where}: {msg}")


def _kinds(path: Path, where: str, raw) -> frozenset[str]:
    if raw is None:
        return frozenset(ENTITY_KINDS)
    bad = [k for k in raw if k not in ENTITY_KINDS]
    if bad or not isinstance(raw, list):
        raise _fail(path, where, f"unknown entity kind(s) {bad or raw!r}; known: {', '.join(ENTITY_KINDS)}")
    return frozenset(raw)


def _link(path: Path, where: str, raw: dict) -> Link:
    if not isinstance(raw, dict):
        raise _fail(path, where, "a link must be an object")
    extra = set(raw) - LINK_KEYS
    if extra:
        raise _fail(path, where, f"unknown key(s) {sorted(extra)}; allowed: {sorted(LINK_KEYS)}")
    rel = raw.get("relation")
    if rel not in RELATION_TYPES:
        raise _fail(path, where, f"unknown relation {rel!r}; known: {', '.join(RELATION_TYPES)}")
    roles = {}
    for side in ("from", "to"):
        v = raw.get(side)
        if isinstance(v, str):
            v = [v]
        if not v or not isinstance(v, list):
            raise _fail(path, where, f"'{side}' must name one or more roles")
        bad = [r for r in v if r not in ROLES]
        if bad:
            raise _fail(path, where, f"unknown role(s) {bad}; roles are {sorted(NAMED_ROLES)} or a preposition")
        roles[side] = tuple(v)
    weight = raw.get("weight", 1.0)
    if not isinstance(weight, (int, float)) or not 0 < weight <= 1:
        raise _fail(path, where, f"weight must be in (0, 1], got {weight!r}")
    return Link(rel, roles["from"], roles["to"], _kinds(path, where, raw.get("from_kinds")),
                _kinds(path, where, raw.get("to_kinds")), float(weight))


def _frames(path: Path, data: dict) -> list[Frame]:
    classes = data.get("classes")
    if not isinstance(classes, dict) or not classes:
        raise _fail(path, "top level", "needs a non-empty 'classes' object")
    out = []
    for name, cls in classes.items():
        where = f"class {name!r}"
        if not isinstance(cls, dict):
            raise _fail(path, where, "must be an object")
        extra = set(cls) - CLASS_KEYS
        if extra:
            raise _fail(path, where, f"unknown key(s) {sorted(extra)}; allowed: {sorted(CLASS_KEYS)}")
        links = tuple(_link(path, f"{where} link {i + 1}", lk) for i, lk in enumerate(cls.get("links") or []))
        if not links:
            raise _fail(path, where, "needs at least one link")
        if not any(cls.get(k) for k in WORD_LISTS):
            raise _fail(path, where, f"lists no words (one of {', '.join(WORD_LISTS)})")
        for key, pos in WORD_LISTS.items():
            words = cls.get(key) or []
            if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                raise _fail(path, where, f"'{key}' must be a list of non-empty strings")
            for w in words:
                if w != w.lower().strip():
                    raise _fail(path, where, f"{key} entry {w!r} must be a lower-case lemma")
                out.append(Frame(w, pos, name, links))
    return out


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise LexiconError(f"{path.name}: not valid JSON: {e}") from None
    if not isinstance(data, dict) or data.get("version") != 1:
        raise LexiconError(f"{path.name}: expected an object with \"version\": 1")
    return data


def _word_list(path: Path, where: str, raw) -> list[str]:
    if not isinstance(raw, list) or not raw:
        raise _fail(path, where, "must be a non-empty list of lower-case words")
    seen = set()
    for w in raw:
        if not isinstance(w, str) or not w.strip() or w != w.strip().lower():
            raise _fail(path, where, f"entry {w!r} must be a lower-case word or phrase")
        if w in seen:
            raise _fail(path, where, f"{w!r} is listed twice")
        seen.add(w)
    return raw


def _documented(path: Path, where: str, raw: dict, body: str) -> None:
    if set(raw) != {"about", body}:
        raise _fail(path, where, f"a documented class has exactly the keys 'about' and {body!r}, got {sorted(raw)}")
    if not isinstance(raw["about"], str) or not raw["about"].strip():
        raise _fail(path, where, "'about' must say what the class is for")


def _table_value(path: Path, where: str, shape: Table, v):
    if shape.values == "count":
        if not isinstance(v, int) or isinstance(v, bool) or v < 1:
            raise _fail(path, where, f"must be a whole number >= 1, got {v!r}")
        return v
    if shape.values == "kinds":
        if not isinstance(v, list) or not v:
            raise _fail(path, where, "must be a non-empty list of entity kinds")
        _kinds(path, where, v)
        return tuple(v)
    if shape.values == "word":
        return _word_list(path, where, [v])[0]
    return tuple(_word_list(path, where, v))


def _table(path: Path, key: str, shape: Table, raw) -> dict:
    if not isinstance(raw, dict):
        raise _fail(path, key, 'must be a documented table: {"about": ..., "map": {...}}')
    _documented(path, key, raw, "map")
    table = raw["map"]
    if not isinstance(table, dict) or not table:
        raise _fail(path, key, "'map' must be a non-empty object")
    out = {}
    for k, v in table.items():
        if not k.strip() or (shape.keys == "word" and k != k.strip().lower()):
            raise _fail(path, key, f"key {k!r} must be a lower-case word")
        out[k] = _table_value(path, f"{key}: {k!r}", shape, v)
    return out


def read_word_classes(path: Path) -> WordClasses:
    """The word lists and tables of lexicon.json, checked against :data:`WORD_CLASSES`."""
    data = _read(path)
    present = set(data) - {"version", "about"}
    missing, unread = sorted(set(WORD_CLASSES) - present), sorted(present - set(WORD_CLASSES))
    if missing:
        raise _fail(path, ", ".join(missing), "missing: the extraction code reads this word class")
    if unread:
        raise _fail(path, ", ".join(unread),
                    "no code reads this key (not in WORD_CLASSES of graphkit/extract/lexicon.py)")
    sets, tables = {}, {}
    for key, shape in WORD_CLASSES.items():
        raw = data[key]
        if isinstance(shape, Table):
            tables[key] = _table(path, key, shape, raw)
            continue
        if isinstance(raw, dict):
            _documented(path, key, raw, "words")
            raw = raw["words"]
        sets[key] = frozenset(_word_list(path, key, raw))
    return WordClasses(sets, tables, path.name)


def compile_lexicon(triggers: Path, words: Path) -> Lexicon:
    tdata = _read(triggers)
    control = tdata.get("object_control", [])
    if not isinstance(control, list):
        raise _fail(triggers, "object_control", "must be a list of verb lemmas")
    complex_preps = tdata.get("complex_prepositions", {})
    bad = {k: v for k, v in complex_preps.items() if v not in PREPOSITION_ROLES or len(k.split()) < 2}
    if bad:
        raise _fail(triggers, "complex_prepositions", f"each maps a phrase of 2+ words to a preposition role: {bad}")
    return Lexicon(_frames(triggers, tdata), read_word_classes(words), frozenset(control), dict(complex_preps))


@lru_cache(maxsize=1)
def load_word_classes() -> WordClasses:
    """The package's lexicon.json alone (no trigger frames): for readers outside extraction."""
    return read_word_classes(DATA_DIR / "lexicon.json")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return compile_lexicon(DATA_DIR / "triggers.json", DATA_DIR / "lexicon.json")
