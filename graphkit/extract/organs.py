"""State organs and forces: nouns that stand for a state or an authority.

"Turkish forces", "Russia's Defense Ministry", "the Ministry of Defense of Russia",
"government troops", "the junta": a noun of ``organ_heads`` (lexicon.json) owned by a
state (adjective, name, possessive, "of X") is a mention of that state. An organ
noun (``organ_nodes``: "ministry", "army", "parliament") is also kept as a node of its
own, linked to the state (``part_of``), titled by ``organ_titles`` and named as the
alias data names it where it can (``organ_alias_names``).

A capitalised name with a word of its own between the state's adjective and the head
("the Sahrawi Popular Brigades") is the name of something else, left to spaCy's names;
"the Turkish Armed Forces" (``state_force_name_words``) is the state's.

Without an owner, a government word ("government forces", "the army", "the
regime") stands for the document's government: an authority the document names
whose aliases use that word (the Sudanese army, the Government of National Accord),
else the state the document most often names with government words.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from .repair import in_dateline
from .mentions import Ent, Mention, Mentions, anti_prefixed, compound_phrase, has_det, hyphen_after, match_phrase

# The alias data's types of state organ (the "type" of an Organization entry): such an entry
# acts for its state.
STATE_ORGANS = frozenset({"state_body", "state_military", "ministry", "military", "government", "intelligence"})


def find_organs(ms: Mentions) -> None:
    organ_nodes = ms.lex.word_set("organ_nodes")
    government = ms.lex.word_set("government_words")
    government_mods = ms.lex.word_set("government_modifiers")
    non_state = ms.lex.word_set("non_state_modifiers")
    evaluative = ms.lex.word_set("evaluative_modifiers")
    force_words = ms.lex.word_set("state_force_name_words") | {w for p in ms.organ_heads for w in p.split()}
    bare: list[Token] = []      # unowned forces: read once every organ is known
    for tok in ms.doc:
        if tok.i in ms.by_token or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        phrase = compound_phrase(tok)
        if match_phrase(phrase, ms.organ_heads) is None or any(
                c.lower_ in non_state and c.dep_ in ("amod", "compound") for c in tok.lefts):
            continue        # 'Syrian opposition forces', 'ethnic Armenian forces': no state's
        owner, first = owner_state(ms, tok)
        if owner is not None and _name_of_its_own(ms, tok, force_words):
            continue
        facility = tok.lower_ in government and _definite_facility(ms, tok)
        if owner is None and (any(c.lower_ in government_mods and c.dep_ in ("compound", "amod") for c in tok.lefts)
                              and not any(c.dep_ == "poss" for c in tok.children)   # 'the enclave's defence army'
                              or (tok.lower_ in government and has_det(tok, ("the",))
                                  and not _modified(tok, evaluative))
                              or facility):
            owner = (facility and _local_state(ms, tok)) or government_of(ms, tok)
            first = min([c.i for c in tok.lefts if c.dep_ in ("compound", "amod")] + [tok.i])
        if owner is None:
            prev = _definite_organ(ms, tok, evaluative)
            if prev is not None:
                ms.add(Mention(tok.i, tok.i + 1, tok.i, prev.ent, prev.role, own=prev.own))
            elif _bare_force(ms, tok, evaluative):
                bare.append(tok)
            continue
        organ_word = match_phrase(phrase, organ_nodes)
        own = None
        if organ_word and owner.kind == "Actor":
            title = _organ_title(ms, organ_word)
            own = ms.ent(_known_organ(ms, owner, title) or f"{title} ({owner.name})", "Actor", part_of=owner.key)
        start = min(first, tok.left_edge.i if tok.left_edge.dep_ in ("amod", "compound") else first)
        while start < tok.i and ms.doc[start].dep_ in ("det", "punct"):
            start += 1
        role = "organ" if own else "force"
        if ms.add(Mention(start, tok.i + 1, tok.i, owner, role, own=own)) is None:
            # overlaps a name mention: the head alone
            ms.add(Mention(tok.i, tok.i + 1, tok.i, owner, role, own=own))
        _elliptical_owner(ms, tok)
    for tok in bare:
        speaker = _speaking_state(ms, tok)
        if speaker is not None:
            ms.add(Mention(tok.i, tok.i + 1, tok.i, speaker.ent, "force"))


def _elliptical_owner(ms: Mentions, tok: Token) -> None:
    """'Kyrgyz and Tajik border guards': two state adjectives share one noun, but the parser
    makes the first the head of the coordination ('Kyrgyz' as the subject, 'guards' its
    conjunct). The bare first adjective stands for its state's like noun: a mention of it."""
    head = tok.head
    if (tok.dep_ != "conj" or head.i >= tok.i or head.i not in ms.adjective or head.i in ms.by_token
            or hyphen_after(head) or any(c.dep_ not in ("cc", "conj", "punct") for c in head.children)):
        return
    ms.add(Mention(head.i, head.i + 1, head.i, ms.state_ent(ms.adjective[head.i]), "force"))


def _name_of_its_own(ms: Mentions, tok: Token, force_words: frozenset[str]) -> bool:
    """'the Sahrawi Popular Brigades': a capitalised head whose capitalised modifiers have a word
    that is neither an owner nor a word of state forces' names is another name than the state's."""
    if not tok.text[:1].isupper():
        return False
    return any(t.text[:1].isupper() and t.i not in ms.adjective and t.i not in ms.by_token
               and t.lower_ not in force_words for t in ms.doc[tok.left_edge.i:tok.i]
               if t.dep_ in ("compound", "amod") and not t.is_punct)


def _definite_facility(ms: Mentions, tok: Token) -> bool:
    """'attacked the army base', 'the military headquarters': a bare government word naming a
    definite facility (and nothing else owning it) is the document's government's."""
    head = tok.head
    return tok.dep_ == "compound" and not list(tok.children) and head.lower_ in ms.lex.word_set("facility_nouns") \
        and has_det(head, ("the",)) and all(c.dep_ == "det" or c.i == tok.i for c in head.lefts)


def _modified(tok: Token, evaluative: frozenset[str]) -> bool:
    """A modifier that may make the noun another's ('the Sudanese army', 'the army of X'), not
    one that only judges it ('the apostate government', 'the illegitimate regime')."""
    return any(c.dep_ in ("amod", "compound", "poss") and c.lower_ not in evaluative for c in tok.children) or any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def owner_state(ms: Mentions, tok: Token) -> tuple[Ent | None, int]:
    """The state (or authority) that owns a noun: adjective, compound, possessive or 'of X'
    (not 'anti-Russian forces')."""
    best, first = None, tok.i
    anti = ms.lex.word_set("anti_prefixes")
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") and c.i < tok.i:
            for t in [c] + list(c.children):
                if hyphen_after(t) or anti_prefixed(t, anti):
                    continue
                if t.i in ms.adjective:
                    best, first = ms.state_ent(ms.adjective[t.i]), min(first, t.i, c.left_edge.i)
                m = ms.by_token.get(t.i)
                if m and m.ent.kind == "Actor" and not m.locative:
                    best, first = m.ent, min(first, c.left_edge.i)
            if best:
                break
    if best is None:
        best = _allegiance(ms, tok)
    if best is None:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    m = ms.by_token.get(p.i)
                    if m and m.ent.kind == "Actor":
                        return m.ent, first
                    if p.i in ms.adjective:
                        return ms.state_ent(ms.adjective[p.i]), first
        # 'the government in Tripoli' after 'the Government of National Accord': that authority
        best = _seat_state(ms, tok) if _named_authority(ms, tok) is None else None
    return best, first


def _seat_state(ms: Mentions, tok: Token) -> Ent | None:
    """'the government in Kabul', 'the authorities in Bamako': the state whose capital it is (also
    when spaCy hangs the 'in' right after the noun on its verb: 'accused the government in Kabul of')."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    preps = list(tok.children) + ([after] if after is not None and after.head == tok.head != tok else [])
    for c in preps:
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in c.children:
                m = ms.by_token.get(p.i)
                if p.dep_ != "pobj" or m is None or m.role != "capital":
                    continue
                hit = ms.gaz.find(ms.doc[m.start:m.end].text)
                if hit is not None and hit.role == "capital" and hit.entry.kind == "Actor":
                    return ms.entry_ent(hit.entry)
    return None


def government_of(ms: Mentions, tok: Token) -> Ent | None:
    """Whose 'government forces', 'the army', 'the regime' a document speaks of."""
    return _named_authority(ms, tok) or _framing_state(ms, tok) or government_state(ms)


def _named_authority(ms: Mentions, tok: Token) -> Ent | None:
    """An authority named before the word whose name has that word ('the Government of National
    Accord' ... 'the government')."""
    word = tok.lower_
    authorities = Counter()
    for m in ms.mentions:
        if m.start >= tok.i or m.ent.kind != "Actor" or m.locative:
            continue
        entry = ms.gaz.state(m.ent.name)
        if entry is not None and entry.info.get("authority") and any(
                word in a.lower().split() for a in {entry.name, *entry.aliases}):
            authorities[m.ent.name] += 1
    if authorities:
        return ms.ent(authorities.most_common(1)[0][0], "Actor")
    return None


def _framing_state(ms: Mentions, tok: Token) -> Ent | None:
    """The state of an opening place phrase that frames the sentence ('In eastern Syria,
    pro-regime forces ...' in a report on Iraq and Syria)."""
    sent = tok.sent
    first = sent[0]
    if first.lower_ not in ("in", "inside", "across") or first.dep_ != "prep" or first.head.i == tok.i:
        return None
    comma = next((t for t in sent if t.i > first.i and t.text == ","), None)
    if comma is None or comma.i > tok.i:
        return None
    for p in first.children:
        m = ms.by_token.get(p.i)
        if p.dep_ != "pobj" or m is None:
            continue
        entry = ms.gaz.state(m.ent.name)
        if m.ent.kind == "Place" and entry is not None and entry.info.get("country"):
            entry = ms.gaz.state(entry.info["country"])
        if entry is not None and entry.kind == "Actor" and not entry.info.get("authority"):
            return ms.entry_ent(entry)
    return None


def _local_state(ms: Mentions, tok: Token) -> Ent | None:
    """The one state this sentence and the one before name most, by name, leader, organ or force
    or by the places of it they name ('the Defence Forces of Burkina Faso ... attacked the army
    base': a base is where a state is, more than whose story it is), if one leads; else None."""
    start = tok.sent.start
    if start > 0:
        start = ms.doc[start - 1].sent.start
    counts: Counter = Counter()
    for m in ms.mentions:
        if not start <= m.start < tok.sent.end or in_dateline(ms.doc[m.start]):
            continue
        entry = ms.gaz.state(m.ent.name)
        if m.ent.kind == "Place" and entry is not None and entry.info.get("country"):
            entry = ms.gaz.state(entry.info["country"])
        elif m.ent.kind != "Actor" or m.locative:
            continue
        if entry is not None and entry.kind == "Actor" and entry.capitals and not entry.info.get("authority"):
            counts[entry.name] += 1
    top = counts.most_common(2)
    if not top or len(top) == 2 and top[1][1] == top[0][1]:
        return None
    return ms.entry_ent(ms.gaz.state(top[0][0]))


def government_state(ms: Mentions) -> Ent | None:
    """The state the document speaks of as 'the government': named with government words
    ('the Syrian army', counted twice), the country of the places it names, and every other
    naming of it (counted half) but in a dateline ('KABUL/ISLAMABAD, Dec 25 -', where the story was filed)."""
    if "_gov" in ms.__dict__:
        return ms.__dict__["_gov"]
    words = ms.lex.word_set("government_words")
    counts: Counter = Counter()
    for tok in ms.doc:
        if tok.lower_ in words:
            for c in tok.lefts:
                if c.i in ms.adjective:
                    counts[ms.adjective[c.i].name] += 2
                m = ms.by_token.get(c.i)
                if m is not None and m.ent.kind == "Actor" and m.role in ("name", "capital"):
                    counts[m.ent.name] += 2
    for m in ms.mentions:
        entry = ms.gaz.state(m.ent.name)
        if m.ent.kind == "Place" and entry is not None and entry.info.get("country"):
            counts[entry.info["country"]] += 1
        elif m.ent.kind == "Actor" and m.role in ("name", "capital", "leader", "organ", "force") and not (
                entry is not None and entry.info.get("authority")) and not in_dateline(ms.doc[m.start]):
            counts[m.ent.name] += 0.5
    gov = None
    for name, _ in counts.most_common():
        entry = ms.gaz.state(name)
        if entry is not None and entry.kind == "Actor" and not entry.info.get("authority"):
            gov = ms.entry_ent(entry)
            break
    ms.__dict__["_gov"] = gov
    return gov


def _known_organ(ms: Mentions, state: Ent, title: str) -> str | None:
    """The alias data's own name for a state organ ('Russian Ministry of Defence'), so one
    organ is one node however it is phrased."""
    keys = ms.lex.table("organ_alias_names").get(title)
    if not keys:
        return None
    for e in ms.gaz.entries:
        if e.kind == "Organization" and e.state == state.name and e.info.get("type") in STATE_ORGANS:
            if any(k in e.name.lower() for k in keys):
                return e.name
    return None


def _allegiance(ms: Mentions, tok: Token) -> Ent | None:
    """'forces loyal to the GNA': the state or authority the forces are loyal to."""
    loyal = ms.lex.word_set("allegiance_adjectives")
    for c in tok.children:
        if c.dep_ == "amod" and c.i > tok.i and c.lemma_.lower() in loyal:
            for p in c.children:
                for q in p.children if p.dep_ == "prep" and p.lower_ == "to" else ():
                    m = ms.by_token.get(q.i)
                    if m is not None and m.ent.kind == "Actor" and not m.locative:
                        return m.ent
    return None


def _definite_organ(ms: Mentions, tok: Token, judging: frozenset[str]) -> Mention | None:
    """'the ministry', 'the military department', 'the gallant troops' -> the last organ named with
    that head word (a judging adjective picks out no other)."""
    if not has_det(tok, ("the", "this", "that")) or any(c.dep_ in ("amod", "compound", "nummod") and not (
            c.dep_ != "nummod" and c.lower_ in judging) for c in tok.children):
        return None
    words = {tok.lemma_.lower(), tok.lower_}
    for m in reversed(ms.mentions):
        head = ms.doc[m.head]
        if m.start < tok.i and m.role in ("organ", "force") and words & {head.lemma_.lower(), head.lower_}:
            return m
    return None


def _bare_force(ms: Mentions, tok: Token, judging: frozenset[str]) -> bool:
    """'Troops repelled ...', 'the gallant soldiers': a plural force noun with no owner and no
    other modifier than 'the' and a judging adjective (not a conjunct: 'Turkish vessels or troops')."""
    return tok.tag_ in ("NNS", "NNPS") and tok.dep_ != "conj" and tok.lower_ in ms.lex.word_set(
        "own_forces_nouns") and not any(
        c.dep_ in ("amod", "compound", "nummod", "poss", "nmod", "appos", "acl", "relcl") and c.lower_ not in judging
        or c.dep_ == "det" and c.lower_ != "the" or c.dep_ == "prep" and c.lower_ in ("of", "from", "loyal")
        for c in tok.children)


def _speaking_state(ms: Mentions, tok: Token) -> Mention | None:
    """'Troops repelled an attack near X, the army said': the state (or its organ) whose speech verb
    the sentence hangs on speaks of its own forces."""
    speech = ms.lex.word_set("speech_verbs")
    for t in tok.sent:
        if t.pos_ != "VERB" or t.lemma_.lower() not in speech or t.i == tok.head.i and tok.dep_ == "nsubj":
            continue
        for c in t.children:
            m = ms.by_token.get(c.i)
            if c.dep_ == "nsubj" and m is not None and m.ent.kind == "Actor" and not m.locative \
                    and m.role in ("name", "organ", "force", "leader"):
                return m
    return None


def _organ_title(ms: Mentions, word: str) -> str:
    """'defense ministry' -> 'Ministry of Defense'; a word no title matches, by its own words ('Parliament')."""
    w = word.lower()
    for title, fragments in ms.lex.table("organ_titles").items():
        if any(f in w for f in fragments):
            return title
    return " ".join(x.capitalize() for x in w.split())
