"""The compiled lexicon: trigger frames and word classes, loaded once, validated.

Two data files under ``graphkit/data``:

* ``triggers.json``: classes of trigger words (verbs, event nouns, participles,
  adjectives, role nouns) and, per class, the *links* that map roles around the
  word to graphkit relations ("agent ATTACKED patient|on|against");
* ``lexicon.json``: word classes the rest of extraction reads (light verbs,
  speech verbs, hedges, negation, organ heads, generic group heads, ...).

:func:`load_lexicon` compiles both into a :class:`Lexicon`: every inflected form
of every trigger (generated with lemminflect, so a tagger that lemmatises
"backed" as an adjective still finds the verb) maps to its frames. An unknown
relation, role, kind, part of speech or key fails loudly with the file and the
place, so a typo in the data never silently drops a frame.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import ENTITY_KINDS, RELATION_TYPES

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

NAMED_ROLES = frozenset({"agent", "coagent", "patient", "recipient", "holder", "owner", "self"})
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


@dataclass
class Lexicon:
    frames: list[Frame]
    words: dict                                    # lexicon.json as read (word classes)
    object_control: frozenset[str] = frozenset()   # verbs whose object does an embedded event
    complex_prepositions: dict[str, str] = field(default_factory=dict)   # "on behalf of" -> "for"
    by_form: dict[tuple[str, str], list[Frame]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for fr in self.frames:
            for form in _forms(fr.head, fr.pos):
                key = (form, fr.pos)
                if fr not in self.by_form.setdefault(key, []):
                    self.by_form[key].append(fr)

    def lookup(self, form: str, pos: str) -> list[Frame]:
        """Frames for a lower-case word form (or lemma) used as ``pos``."""
        return self.by_form.get((form, pos), [])

    def classes(self) -> list[str]:
        return sorted({f.cls for f in self.frames})

    def word_set(self, key: str) -> frozenset[str]:
        """A word class of lexicon.json as a set (lists, or the 'words' of a documented list)."""
        v = self.words[key]
        if isinstance(v, dict):
            v = v["words"]
        return frozenset(v)


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


def compile_lexicon(triggers: Path, words: Path) -> Lexicon:
    tdata = _read(triggers)
    control = tdata.get("object_control", [])
    if not isinstance(control, list):
        raise _fail(triggers, "object_control", "must be a list of verb lemmas")
    complex_preps = tdata.get("complex_prepositions", {})
    bad = {k: v for k, v in complex_preps.items() if v not in PREPOSITION_ROLES or len(k.split()) < 2}
    if bad:
        raise _fail(triggers, "complex_prepositions", f"each maps a phrase of 2+ words to a preposition role: {bad}")
    return Lexicon(_frames(triggers, tdata), _read(words), frozenset(control), dict(complex_preps))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return compile_lexicon(DATA_DIR / "triggers.json", DATA_DIR / "lexicon.json")
