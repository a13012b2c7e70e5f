"""Extraction, table-driven: one table per construction class, sentence -> triples.

Every sentence was written for these tests (about real or invented conflicts; none comes
from a corpus graphkit is developed or evaluated on). Every test runs the real spaCy model
and the real alias data (graphkit/data/aliases), plus tests/data/fictional_aliases.json for
the actors that exist only in a user's alias file.

A row is ``row(id, text, present, absent)``:

* ``present`` and ``absent`` are patterns ``(subject, relation, object)`` over the canonical
  entity names graphkit produces. A plain tuple stands for an *asserted* claim (neither
  negated nor hedged), any attribution; ``T(s, r, o, negated=..., hedged=..., by=...)`` asks for
  other flags (``None``: either way; ``by``: ``attributed_to``, ``None`` meaning unattributed and
  ``SOMEONE`` attributed to any source).
* In a pattern ``ANY`` matches every entity, ``Not(name)`` every entity but that one, and
  ``"?name"`` is a variable: within one row a
  variable names one entity throughout and two variables name two different entities
  ("the truce" and "the deal" of a text are one agreement; a second, distinct agreement is
  another). ``KNOWN_AGREEMENT`` matches any agreement of graphkit's own alias data.
* Every ``present`` pattern must be matched by some claim of the text; no claim may match an
  ``absent`` pattern (precision checks).

A row that fails today but states what an analyst wants is kept with
``xfail="<diagnosis>"`` (strict): the code is to be fixed, not the row.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from graphkit.extract import Extractor
from graphkit.extract.gazetteer import ALIAS_DIR
from graphkit.model import Document, content_id

DATA = Path(__file__).parent / "data"
FICTIONAL = DATA / "fictional_aliases.json"

ANY = "*"
SOMEONE = "<any source>"                 # by=SOMEONE: attributed, to whomever
KNOWN_AGREEMENT = "<an agreement of graphkit's alias data>"
_BUILTIN_AGREEMENTS = {e["name"] for e in json.loads((ALIAS_DIR / "agreements.json").read_text("utf-8"))["entries"]}


@dataclass(frozen=True)
class Not:
    """In a pattern: any entity but the one of this name."""
    name: str


@dataclass(frozen=True)
class T:
    """A claim pattern; the defaults ask for an asserted claim with any attribution."""
    subject: str
    relation: str
    object: str
    negated: bool | None = False
    hedged: bool | None = False
    by: str | None = ANY

    def __repr__(self):
        flags = [f"{k}={v}" for k, v in (("negated", self.negated), ("hedged", self.hedged)) if v is not False]
        if self.by != ANY:
            flags.append(f"by={self.by!r}")
        return f"({self.subject!r}, {self.relation}, {self.object!r}{', ' if flags else ''}{', '.join(flags)})"


def _pattern(p) -> T:
    return p if isinstance(p, T) else T(*p)


def row(id: str, text: str, present=(), absent=(), xfail: str | None = None):
    absent = tuple(map(_pattern, absent))
    assert not any(str(x).startswith("?") for p in absent for x in (p.subject, p.object)), \
        f"{id}: an absent pattern cannot use variables"
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, tuple(map(_pattern, present)), absent, id=id, marks=marks)


# ---- matching ------------------------------------------------------------------------

def run(ex, text, name="t"):
    return ex.extract(Document(id=content_id(text), name=name, text=text))


def _entity_ok(slot, ent, binding: dict) -> dict | None:
    """The binding extended so that ``slot`` names ``ent``, or None."""
    if slot == ANY:
        return binding
    if isinstance(slot, Not):
        return binding if ent.name != slot.name else None
    if slot == KNOWN_AGREEMENT:
        return binding if ent.kind == "Agreement" and ent.name in _BUILTIN_AGREEMENTS else None
    if slot.startswith("?"):
        if slot in binding:
            return binding if binding[slot] == ent.key else None
        if ent.key in binding.values():           # two variables are two entities
            return None
        return {**binding, slot: ent.key}
    return binding if ent.name == slot else None


def _claim_ok(p: T, c, binding: dict) -> dict | None:
    if p.relation not in (ANY, c.relation):
        return None
    if p.negated is not None and c.negated != p.negated:
        return None
    if p.hedged is not None and c.hedged != p.hedged:
        return None
    if p.by == SOMEONE:
        if not c.attributed_to:
            return None
    elif p.by != ANY and c.attributed_to != p.by:
        return None
    b = _entity_ok(p.subject, c.subject, binding)
    return None if b is None else _entity_ok(p.object, c.object, b)


def _solve(patterns, claims, binding) -> dict | None:
    """A binding of the variables under which every pattern matches a claim (backtracking)."""
    if not patterns:
        return binding
    for c in claims:
        b = _claim_ok(patterns[0], c, binding)
        if b is not None:
            found = _solve(patterns[1:], claims, b)
            if found is not None:
                return found
    return None


def _flags(c) -> str:
    return "".join(f for f, v in ((" negated", c.negated), (" hedged", c.hedged)) if v)


def _show(claims) -> str:
    return "\n".join(f"  ({c.subject.name!r}, {c.relation}, {c.object.name!r}){_flags(c)}"
                     f"{f' by {c.attributed_to!r}' if c.attributed_to else ''}   "
                     f"[{c.subject_mention!r} -> {c.object_mention!r}, {c.rule}]" for c in claims) or "  (none)"


def check(ex, text, present, absent):
    claims = run(ex, text).claims
    missing = [p for p in present if _solve([p], claims, {}) is None]
    assert not missing, f"missing {missing}\nclaims:\n{_show(claims)}"
    assert _solve(list(present), claims, {}) is not None, \
        f"each pattern matches, but not with one entity per variable\nclaims:\n{_show(claims)}"
    wrong = [p for p in absent if any(_claim_ok(p, c, {}) is not None for c in claims)]
    assert not wrong, f"unwanted {wrong}\nclaims:\n{_show(claims)}"


@pytest.fixture(scope="module")
def ex():
    return Extractor()


@pytest.fixture(scope="module")
def ex_fiction(ex):
    """graphkit with a user's alias file of invented actors (the same parser)."""
    return Extractor(aliases=[str(FICTIONAL)], nlp=ex.nlp)


# ---- 1. verbs --------------------------------------------------------------------------

VERBS = [
    # active
    row("active-state-on-group", "Colombian troops raided a camp of the National Liberation Army in Arauca.",
        [("Colombia", "ATTACKED", "National Liberation Army")]),
    row("active-group-on-state", "Al-Shabaab fighters stormed a Kenyan military base near Mandera.",
        [("al-Shabaab", "ATTACKED", "Kenya")]),
    row("active-capitals-as-metonyms", "The Kremlin accused Ankara of violating the truce. "
        "Washington criticized Tehran over the strikes.",
        [("Russia", "OPPOSES", "Turkey"), ("United States", "OPPOSES", "Iran")]),
    row("active-adjective-forces", "Israeli warplanes struck Hezbollah positions in southern Lebanon on Tuesday.",
        [("Israel", "ATTACKED", "Hezbollah")]),
    row("active-condemned-for", "France condemned Russia for the strikes.",
        [("France", "OPPOSES", "Russia")], [("Russia", "OPPOSES", "France")]),
    row("a-move-a-side-opposed", "Kenya has offered troops to the new AU mission in Somalia - a move Addis Ababa opposed.",
        [("Ethiopia", "OPPOSES", "Kenya")], [("Ethiopia", "OPPOSES", "AMISOM")]),
    row("itself-at-odds-with", "Sudan has moved closer to Egypt, itself at odds with Ethiopia over the dam.",
        [("Egypt", "OPPOSES", "Ethiopia")], [("Sudan", "OPPOSES", "Ethiopia")]),
    row("rejected-a-statement-by", "Israel seized the buffer zone. Baku rejected a biased statement by Paris "
        "condemning the move.",
        [("Azerbaijan", "OPPOSES", "France"), ("France", "OPPOSES", "Israel")], [("Azerbaijan", "OPPOSES", "Israel")]),
    row("active-reject-plan-not-actor", "Sudan's army rejected the plan put forward by the Rapid Support Forces.",
        [], [("Sudanese Armed Forces", "ATTACKED", "Rapid Support Forces")]),
    # passive
    row("places-named-by-including", "Boko Haram has launched attacks on towns including Maiduguri, Konduga and Bama.",
        [("Boko Haram", "ATTACKED", "Maiduguri"), ("Boko Haram", "ATTACKED", "Bama")]),
    row("places-named-by-such-as", "Al-Shabaab militants raided border towns such as Mandera and Lamu last year.",
        [("al-Shabaab", "ATTACKED", "Mandera"), ("al-Shabaab", "ATTACKED", "Lamu")]),
    row("including-under-from-is-no-target", "Boko Haram attacked convoys from towns including Maiduguri and Bama.",
        [], [(ANY, "ATTACKED", "Maiduguri"), (ANY, "ATTACKED", "Bama")]),
    row("event-that-killed-is-its-doers", "Ansar Dine claimed an ambush that killed 12 Malian soldiers near Gao.",
        [("Ansar Dine", "ATTACKED", "Mali")]),
    row("event-subject-by-doer", "Attacks by Boko Haram over the past week have killed 13 Chadian soldiers.",
        [("Boko Haram", "ATTACKED", "Chad")]),
    row("structures-of-a-group-are-the-group", "The Estado Mayor Central broke the truce, and since then its "
        "structures have attacked police stations in Cali.",
        [("Estado Mayor Central", "ATTACKED", "Cali")]),
    row("factions-of-a-group-are-the-group", "Factions of the Free Syrian Army launched an offensive against Hezbollah.",
        [("Free Syrian Army", "ATTACKED", "Hezbollah")]),
    row("fired-at-target-not-the-weapon", "Russia fired an Iskander missile at a power plant in Kharkiv on Monday.",
        [("Russia", "ATTACKED", "Kharkiv")]),
    row("fired-someone-is-no-attack", "Ukraine's president fired the commander of the Russian-held sector on Friday.",
        [], [(ANY, "ATTACKED", ANY)]),
    row("at-the-request-of-is-no-target", "At the request of the Somali government, U.S. Africa Command conducted an "
        "airstrike against al-Shabaab.",
        [("United States", "ATTACKED", "al-Shabaab")], [("United States", "ATTACKED", "Somalia")]),
    row("places-a-road-joins-are-not-hit", "Ethiopian drones struck TPLF convoys on the Mekelle-Adigrat road.",
        [("Ethiopia", "ATTACKED", "Tigray People's Liberation Front")], [(ANY, "ATTACKED", "Mekelle")]),
    row("listing-names-the-targets", "The Houthis fired drones at Saudi targets, including Aramco's Jizan depot.",
        [("Houthis", "ATTACKED", "Saudi Aramco")]),
    row("the-city-is-the-place-last-named", "The army declared a curfew in Goma hours after M23 fighters seized "
        "the city from government troops.",
        [("M23", "ATTACKED", "Goma")]),
    row("the-city-with-a-name-of-its-own-is-not-the-last", "The army declared a curfew in Goma hours after M23 "
        "fighters seized the city of Bukavu.",
        [("M23", "ATTACKED", "Bukavu")], [("M23", "ATTACKED", "Goma")]),
    row("convoy-of-trucks-escorted-by", "Ansar Dine militants ambushed a convoy of fuel trucks escorted by "
        "Malian soldiers near Gao.",
        [("Ansar Dine", "ATTACKED", "Mali")]),
    row("fought-an-object-is-the-subject's-attack", "The Karen National Union is still fighting government forces "
        "in Kayin state, which the truce does not cover.",
        [("Karen National Union", "ATTACKED", "Myanmar")], [("Myanmar", "ATTACKED", "Karen National Union")]),
    row("inflicted-losses-on", "Peshmerga fighters inflicted heavy casualties on Islamic State militants near Sinjar.",
        [("Kurdistan Regional Government", "ATTACKED", "Islamic State")]),
    row("inflicted-damage-without-a-doer", "The floods inflicted heavy damage on Mozambique last spring.",
        [], [(ANY, "ATTACKED", ANY)]),
    row("cleared-fighters-from-a-place", "Iraqi troops cleared the remaining Islamic State fighters from the old "
        "market on Sunday.",
        [("Iraq", "ATTACKED", "Islamic State")]),
    row("cleared-people-to-travel-is-no-attack", "Egypt cleared Hamas officials to travel to Cairo.",
        [], [(ANY, "ATTACKED", ANY)]),
    row("cleared-a-road-of-mines", "Nigerian engineers cleared the road to Maiduguri of mines.",
        [], [(ANY, "ATTACKED", ANY)]),
    row("struck-deep-into-a-place", "Boko Haram fighters struck deep into Diffa overnight.",
        [("Boko Haram", "ATTACKED", "Diffa")]),
    row("place-described-as-a-side's-stronghold", "Nigerian troops recaptured Gwoza, a Boko Haram stronghold, "
        "on Friday.",
        [("Nigeria", "ATTACKED", "Boko Haram"), ("Nigeria", "ATTACKED", "Gwoza")]),
    row("place-one-of-a-side's-strongholds", "Somali forces retook Bardhere, one of the last al-Shabaab bastions "
        "in Gedo.",
        [("Somalia", "ATTACKED", "al-Shabaab")]),
    row("liberated-a-side's-stronghold-frees-it-from-the-side", "Malian troops liberated Menaka, a JNIM stronghold "
        "in the north, on Monday.",
        [("Mali", "ATTACKED", "Jama'at Nusrat al-Islam wal-Muslimin")]),
    row("subject-including-members-acts-too", "Iraqi forces, including Peshmerga units, liberated Bashiqa, "
        "an Islamic State stronghold.",
        [("Kurdistan Regional Government", "ATTACKED", "Islamic State")]),
    row("army-base-at-a-spot-is-the-spot-hit", "Boko Haram said its fighters had overrun a Nigerian army base at "
        "Malam Fatori in Borno state.",
        [("Boko Haram", "ATTACKED", "Nigeria"), ("Boko Haram", "ATTACKED", "Malam Fatori")],
        [(ANY, "ATTACKED", "Borno")]),
    row("fired-x-and-y-at-targets-including", "Hezbollah fired rockets and a large number of drones at Israeli "
        "bases, including the Meron air control base.",
        [("Hezbollah", "ATTACKED", "Israel")]),
    row("listing-beside-the-target-names-members", "The Houthis fired missiles and a swarm of drones at Saudi "
        "oil facilities, including Aramco's Zulfi terminal.",
        [("Houthis", "ATTACKED", "Saudi Aramco")], [(ANY, "ATTACKED", "Zulfi")]),
    row("strikes-on-x-near-y-and-on-z", "Israel retaliated with raids on Hamas positions in the north and on "
        "Khan Younis.",
        [("Israel", "ATTACKED", "Hamas"), ("Israel", "ATTACKED", "Khan Younis")]),
    row("capital-as-the-scene-of-strikes", "Russian jets carried out strikes on fuel depots in Kyiv on Sunday.",
        [("Russia", "ATTACKED", "Kyiv")]),
    row("capital-as-the-scene-of-talks-is-not-hit", "Syrian forces bombed rebel positions near Idlib after talks "
        "in Ankara collapsed.",
        [("Syria", "ATTACKED", "Idlib")], [(ANY, "ATTACKED", "Ankara"), (ANY, "ATTACKED", "Turkey")]),
    row("killed-soldiers-serving-with-a-mission", "Boko Haram fighters killed 12 Chadian soldiers serving with the "
        "Multinational Joint Task Force near Lake Chad.",
        [("Boko Haram", "ATTACKED", "Chad"), ("Boko Haram", "ATTACKED", "Multinational Joint Task Force")]),
    row("soldiers-serving-with-a-mission-as-doers", "Chadian soldiers serving with the Multinational Joint Task "
        "Force killed 20 Boko Haram fighters near Lake Chad.",
        [("Chad", "ATTACKED", "Boko Haram")], [(ANY, "ATTACKED", "Multinational Joint Task Force")]),
    row("the-defence-forces-are-the-government's", "Kenyan President William Ruto said the defence forces had "
        "driven al-Shabaab fighters out of Kolbio.",
        [("Kenya", "ATTACKED", "al-Shabaab")]),
    row("a-possessor's-defence-army-is-not-the-government's", "Azerbaijan says Armenia supplied the enclave's "
        "defence army with weapons.",
        [], [("Armenia", "BACKS", "Azerbaijan")]),
    row("forces-loyal-to-a-government-are-its-forces", "Forces loyal to Yemen's internationally recognised "
        "government said they had retaken Marib from the Houthis.",
        [("Yemeni government", "ATTACKED", "Houthis")]),
    row("place-described-as-a-town-has-no-owner", "Nigerian troops recaptured Gwoza, a town near the Cameroonian "
        "border.",
        [("Nigeria", "ATTACKED", "Gwoza")], [(ANY, "ATTACKED", "Cameroon")]),
    row("clashed-openly-is-a-clash-of-words", "Rome clashed openly with Paris over migration last year.",
        [], [(ANY, "ATTACKED", ANY)]),
    row("a-trade-war-is-no-attack", "Washington waged a trade war against Beijing for two years.",
        [], [(ANY, "ATTACKED", ANY)]),
    row("clashed-with-troops-is-an-attack", "Israeli troops clashed with Hamas fighters in Rafah.",
        [("Israel", "ATTACKED", "Hamas")]),
    row("on-the-front-lines-is-where", "Chad says Wagner mercenaries are fighting alongside Sudanese troops on the "
        "western front lines.",
        [], [("Wagner Group", "ATTACKED", ANY)]),
    row("passive-with-agent", "The M23 rebels were shelled by the Congolese army overnight.",
        [("Democratic Republic of the Congo", "ATTACKED", "M23")]),
    row("passive-with-agent-group", "A Kenyan army convoy was ambushed by al-Shabaab militants near Lamu.",
        [("al-Shabaab", "ATTACKED", "Kenya")]),
    row("passive-without-agent", "An Ethiopian convoy was ambushed on the road to Gondar. The village was shelled on Monday.",
        [], [(ANY, "ATTACKED", ANY)]),
    row("passive-backed-by", "Syrian government forces, backed by Russia, advanced on the town of Saraqib.",
        [("Russia", "BACKS", "Syria")]),
    row("passive-backed-by-owned-airstrikes", "The YPG, supported by U.S. airstrikes, artillery and advisers, "
        "cleared the last Islamic State fighters from the town.",
        [("United States", "BACKS", "People's Protection Units")]),
    row("passive-backed-by-adjective-airstrikes", "Hezbollah took the town, backed by Russian airstrikes.",
        [("Russia", "BACKS", "Hezbollah")]),
    row("passive-hit-by-airstrikes-backs-no-one", "Two villages near Idlib were hit by Russian airstrikes.",
        [], [("Russia", "BACKS", ANY)]),
    row("complex-prep-shoulder-to-shoulder", "Serbian President Aleksandar Vucic said Serbia would stand shoulder to "
        "shoulder with Russia.",
        [T("Serbia", "BACKS", "Russia", hedged=None, by=ANY)]),
    row("help-rebuild-an-army-pledged-is-backing", "Qatar has pledged to help rebuild the Sudanese army.",
        [T("Qatar", "BACKS", "Sudanese Armed Forces", hedged=False)]),
    row("help-rebuild-an-army-planned-stays-hedged", "Qatar plans to help rebuild the Sudanese army.",
        [T("Qatar", "BACKS", "Sudanese Armed Forces", hedged=True)],
        [T("Qatar", "BACKS", "Sudanese Armed Forces", hedged=False)]),
    row("a-vow-still-hedges-an-attack", "Tehran vowed to strike the Israeli army.",
        [T("Iran", "ATTACKED", "Israel", hedged=True)], [T("Iran", "ATTACKED", "Israel", hedged=False)]),
    row("double-object-with-an-article-misparsed", "Washington accuses Tehran of giving the Houthis drones.",
        [T("Iran", "BACKS", "Houthis", by="United States")]),
    row("received-cargo-flights-from", "Port Sudan says the Rapid Support Forces received fresh cargo flights from "
        "Chad last month.",
        [T("Chad", "BACKS", "Rapid Support Forces", by=ANY)]),
    row("rockets-fired-from-a-country-back-no-one", "Hezbollah fired rockets from Lebanon at Haifa.",
        [], [("Lebanon", "BACKS", ANY), (ANY, "BACKS", "Lebanon")]),
    row("help-x-verb-read-as-one-noun", "The EU widened its grain corridors to help Moldova export wheat.",
        [("European Union", "BACKS", "Moldova")]),
    row("arm-the-capital-militias-is-no-double-object", "Ankara continues to arm and train the Tripoli militias.",
        [], [("Turkey", "BACKS", "Libya")]),
    row("thanked-for-an-unowned-support", "The Somali army thanks Ethiopia for its steady support, and AMISOM for the "
        "logistical support it provided during the evacuation.",
        [("Ethiopia", "BACKS", "Somalia"), ("AMISOM", "BACKS", "Somalia")]),
    row("thanked-no-one-named-for-support", "Kenya thanked the nurses for the logistical support.",
        [], [(ANY, "BACKS", "Kenya")]),
    row("attributive-supporting-before-an-object", "After the ambush, the Wagner Group opened a supporting front "
        "for the Malian army near Gao.",
        [("Wagner Group", "BACKS", "Mali")]),
    row("supporting-units-attacked-are-not-backed", "Hezbollah fired rockets at supporting units of the Israeli army.",
        [], [("Hezbollah", "BACKS", ANY)]),
    row("future-backing-is-a-commitment", "Canberra said Australia would supply Kyiv with more armoured vehicles.",
        [T("Australia", "BACKS", "Ukraine", hedged=False, by=ANY)]),
    row("conditional-backing-stays-hedged", "If Moscow attacks again, Washington would arm Kyiv.",
        [T("United States", "BACKS", "Ukraine", hedged=True)], [T("United States", "BACKS", "Ukraine", hedged=False)]),
    row("future-attack-stays-hedged", "Tehran said it would strike the Israeli army.",
        [], [T("Iran", "ATTACKED", "Israel", hedged=False, by=ANY)]),
    row("joined-a-states-troops", "Afar regional militias have joined Ethiopian troops on the eastern front.",
        [(ANY, "BACKS", "Ethiopia")]),
    row("joined-an-organisation-is-no-side", "Qatar joined the United Nations in 1971.",
        [], [("Qatar", "BACKS", ANY)]),
    # phrasal verbs
    row("phrasal-crack-down-on", "Myanmar's military cracked down on the Karen National Union.",
        [("Myanmar", "ATTACKED", "Karen National Union")]),
    row("phrasal-passive-driven-out-by", "The Arakan Army was driven out of Sittwe by the Tatmadaw.",
        [("Myanmar", "ATTACKED", "Arakan Army")]),
    row("phrasal-prop-up", "Wagner mercenaries propped up the Central African government.",
        [("Wagner Group", "BACKS", "Central African Republic")]),
    row("phrasal-cut-ties-with", "Mali cut ties with Ukraine after the ambush at Tinzaouaten.",
        [("Mali", "OPPOSES", "Ukraine")]),
    row("recalled-their-own-ambassadors", "Rwanda and Uganda recalled their ambassadors after the vote.",
        [], [("Rwanda", "OPPOSES", "Uganda"), ("Uganda", "OPPOSES", "Rwanda")]),
    row("phrasal-stand-by", "Belarus will stand by Russia whatever happens, Minsk said.",
        [T("Belarus", "BACKS", "Russia", hedged=None)]),
    # control and raising
    row("control-vowed-to-crush", "Sudan's army vowed to crush the Rapid Support Forces.",
        [("Sudanese Armed Forces", "OPPOSES", "Rapid Support Forces"),
         T("Sudanese Armed Forces", "ATTACKED", "Rapid Support Forces", hedged=True)],
        [("Sudanese Armed Forces", "ATTACKED", "Rapid Support Forces")]),
    row("control-asked-x-to-strike", "Washington asked Israel to strike Hezbollah depots.",
        [T("Israel", "ATTACKED", "Hezbollah", hedged=True)],
        [T("United States", "ATTACKED", "Hezbollah", hedged=None)]),
    row("control-urged-x-to-supply", "Ukraine urged NATO to supply more air defences to Kyiv.",
        [T("NATO", "BACKS", "Ukraine", hedged=True)]),
    row("control-hired-x-to-help", "The Libyan National Army hired Sudanese gunmen of the Rapid Support Forces to "
        "help it hold Sirte.",
        [("Rapid Support Forces", "BACKS", "Libyan National Army")],
        [("Libyan National Army", "BACKS", "Rapid Support Forces")]),
    row("control-brought-in-x-to-help", "Mali's junta brought in the Wagner Group to help it fight jihadists.",
        [("Wagner Group", "BACKS", "Mali")], [("Mali", "BACKS", "Wagner Group")]),
    row("control-refuse-to-recognize", "Hamas refused to recognize the Oslo Accords.",
        [("Hamas", "OPPOSES", "Oslo Accords")]),
    row("raising-expected-to-observe", "Azerbaijan and Armenia were expected to observe the Washington Declaration.",
        [T("Azerbaijan", "PARTY_TO", "Washington Declaration (Armenia-Azerbaijan)", hedged=None),
         T("Armenia", "PARTY_TO", "Washington Declaration (Armenia-Azerbaijan)", hedged=None)]),
    row("raising-seems-to-have-supplied", "Russia seems to have supplied drones to the Tatmadaw.",
        [T("Russia", "BACKS", "Myanmar", hedged=None)]),
    # coordination
    row("coordinated-subjects", "Rwanda and Uganda backed the M23.",
        [("Rwanda", "BACKS", "M23"), ("Uganda", "BACKS", "M23")]),
    row("coordinated-objects", "Turkey bombed the Kurdistan Workers' Party and the People's Protection Units.",
        [("Turkey", "ATTACKED", "Kurdistan Workers' Party"), ("Turkey", "ATTACKED", "People's Protection Units")]),
    row("coordinated-verbs", "The United States armed and trained the Syrian Democratic Forces.",
        [("United States", "BACKS", "Syrian Democratic Forces")]),
    row("coordinated-predicates", "Hezbollah fired rockets at northern Israel and pledged support for Hamas.",
        [("Hezbollah", "ATTACKED", "Israel"), ("Hezbollah", "BACKS", "Hamas")],
        [("Israel", "BACKS", "Hamas")]),
    row("coordinated-subjects-along-with", "Egypt and Qatar, along with the United States, condemned the Israeli "
        "raid on Jenin.",
        [("Egypt", "OPPOSES", "Israel"), ("Qatar", "OPPOSES", "Israel"), ("United States", "OPPOSES", "Israel"),
         ("Israel", "ATTACKED", "Jenin")],
        [(ANY, "OPPOSES", "Egypt"), (ANY, "OPPOSES", "Qatar"), (ANY, "OPPOSES", "United States")]),
    row("coordinated-subjects-are-not-each-others-objects", "Egypt and Qatar, along with the United States, condemned "
        "the raid by settlers.",
        [], [(ANY, "OPPOSES", "Egypt"), (ANY, "OPPOSES", "Qatar"), (ANY, "OPPOSES", "United States")]),
    row("coordinated-state-adjectives", "Kyrgyz and Tajik border guards exchanged fire for two days.",
        [("Kyrgyzstan", "ATTACKED", "Tajikistan"), ("Tajikistan", "ATTACKED", "Kyrgyzstan")]),
    # symmetric verbs: each side attacks the other
    row("symmetric-clashed-with", "Hamas clashed with Fatah in Gaza.",
        [("Hamas", "ATTACKED", "Fatah"), ("Fatah", "ATTACKED", "Hamas")]),
    row("symmetric-coordinated-subjects", "The Sudanese Armed Forces and the Rapid Support Forces clashed in Omdurman.",
        [("Sudanese Armed Forces", "ATTACKED", "Rapid Support Forces"),
         ("Rapid Support Forces", "ATTACKED", "Sudanese Armed Forces")]),
    # relative clauses
    row("relative-subject-and-passive-main", "Hamas, which attacked Israel in October, is backed by Qatar.",
        [("Hamas", "ATTACKED", "Israel"), ("Qatar", "BACKS", "Hamas")]),
    row("relative-object-gap", "The militia that Iran funds attacked a U.S. base in Syria.",
        [("Iran", "BACKS", "?militia"), ("?militia", "ATTACKED", "United States")]),
    row("relative-whose", "Boko Haram, whose fighters raided a school in Borno, clashed with the Nigerian Army.",
        [("Boko Haram", "ATTACKED", "Nigeria"), ("Nigeria", "ATTACKED", "Boko Haram"),
         ("Boko Haram", "ATTACKED", "Borno")]),
    row("relative-passive", "Hezbollah, which is backed by Iran, said it would retaliate.",
        [("Iran", "BACKS", "Hezbollah")]),
    row("a-description-with-its-members-listed", "States conducting airstrikes against al-Shabaab include Kenya "
        "and Ethiopia.",
        [("Kenya", "ATTACKED", "al-Shabaab"), ("Ethiopia", "ATTACKED", "al-Shabaab")]),
    row("a-relative-description-with-its-members-listed", "Countries that have armed the RSF include the UAE and "
        "Chad.",
        [("United Arab Emirates", "BACKS", "Rapid Support Forces"), ("Chad", "BACKS", "Rapid Support Forces")]),
    row("flew-weapons-to", "Egypt flew weapons to the Somali army.", [("Egypt", "BACKS", "Somalia")]),
    row("sent-fuel-trucks-to", "Chad and Niger say they have sent fuel trucks to Sudan.",
        [T("Chad", "BACKS", "Sudan", by=ANY), T("Niger", "BACKS", "Sudan", by=ANY)]),
    row("sent-fuel-to", "Chad sent fuel to the RSF.", [("Chad", "BACKS", "Rapid Support Forces")]),
    row("materiel-sent-to-a-state-is-given-to-it", "Poland has sent tanks to Ukraine.",
        [("Poland", "BACKS", "Ukraine")]),
    row("troops-sent-to-a-state-go-there", "Russia sent troops to Belarus.",
        [], [("Russia", "BACKS", "Belarus")]),
    row("a-convoy-escorted-by-soldiers-is-their-side's", "Boko Haram fighters ambushed a convoy escorted by "
        "Nigerian soldiers.",
        [("Boko Haram", "ATTACKED", "Nigeria")]),
    row("the-rebel-stronghold-of-a-town", "Ethiopian troops seized the former rebel stronghold of Lalibela.",
        [("Ethiopia", "ATTACKED", "Lalibela")]),
    row("armed-and-funded-by", "The STC is armed and funded by the United Arab Emirates.",
        [("United Arab Emirates", "BACKS", "Southern Transitional Council")]),
    row("is-accused-of-supplying", "The UAE is accused of supplying the RSF with drones.",
        [T("United Arab Emirates", "BACKS", "Rapid Support Forces", by=ANY)]),
    row("with-the-help-of", "Israel struck Gaza with the help of the United States.",
        [("United States", "BACKS", "Israel"), ("Israel", "ATTACKED", "Gaza Strip")]),
    row("hold-to-account", "Kenya will hold al-Shabaab to account.",
        [T("Kenya", "OPPOSES", "al-Shabaab", hedged=None)]),
    row("treat-as-hostile-targets", "Myanmar's junta said it would treat any Thai aircraft as hostile targets.",
        [T("Myanmar", "OPPOSES", "Thailand", hedged=None, by=ANY)]),
    row("takes-orders-from", "The Fano militia takes orders from the TPLF, Addis Ababa claims.",
        [T("Tigray People's Liberation Front", "BACKS", "Fano", by=ANY)]),
    row("accused-of-militarising", "Serbia accused Albania of militarising Kosovo.",
        [("Serbia", "OPPOSES", "Albania"), T("Albania", "BACKS", "Kosovo", by="Serbia")]),
    row("relative-active-supports", "Tehran, a Damascus ally, and Ankara, which supports several rebel factions, "
        "met in Geneva.",
        [("Iran", "BACKS", "Syria"), ("Turkey", "BACKS", ANY)]),
    # verbs of supply and transfer
    row("supply-to", "Washington accused Tehran of supplying drones to the Houthis.",
        [("Iran", "BACKS", "Houthis")]),
    row("pledged-to-deliver", "Iran pledged to deliver drones to the Sudanese army.",
        [T("Iran", "BACKS", "Sudanese Armed Forces", hedged=None)]),
    row("pledged-to-deliver-attack-drones", "Iran pledged to deliver more attack drones to Sudan.",
        [T("Iran", "BACKS", "Sudan", hedged=None)]),
    row("fighting-alongside", "Chadian mercenaries are fighting alongside the Rapid Support Forces in Darfur.",
        [("Chad", "BACKS", "Rapid Support Forces")]),
    row("fought-alongside-a-leaders-forces", "Eritrean troops fought alongside Abiy Ahmed's forces in Tigray.",
        [("Eritrea", "BACKS", "Ethiopia")]),
    row("in-coordination-with-after-the-subject", "The Somali National Army, in coordination with Jubaland forces, "
        "has inflicted heavy losses on al-Shabaab.",
        [("Jubaland", "BACKS", "Somalia")], [("al-Shabaab", "BACKS", ANY)]),
    row("clashed-with-is-no-partner", "The Tatmadaw clashed with the KIA near Bhamo.",
        [], [("Kachin Independence Army", "BACKS", ANY), ("Myanmar", "BACKS", ANY)]),
    row("intervened-on-behalf-of", "Rwanda intervened on behalf of the M23.",
        [("Rwanda", "BACKS", "M23")]),
    row("thanked-for-its-support", "The Somali army thanked the Kenyan army for its unwavering support.",
        [("Kenya", "BACKS", "Somalia")]),
    row("thanked-whose-backing", "Mali thanked Russia, whose military backing proved decisive.",
        [("Russia", "BACKS", "Mali")]),
    row("thanked-for-support-to-another", "Mali praised Russia for its support to Niger's army.",
        [], [("Russia", "BACKS", "Mali")]),
    row("on-a-possessors-behalf", "Kenya accuses Iran of flying armed drones on al-Shabaab's behalf.",
        [("Iran", "BACKS", "al-Shabaab")]),
    row("sided-with", "Eritrea sided with Ethiopia.",
        [("Eritrea", "BACKS", "Ethiopia")], [("Ethiopia", "BACKS", "Eritrea")]),
    row("supply-x-with-weapons", "Rwanda supplies the M23 with weapons.",
        [("Rwanda", "BACKS", "M23")]),
    row("captured-place-from-side", "The Rapid Support Forces captured El Fasher from the army.",
        [("Rapid Support Forces", "ATTACKED", "El Fasher"), ("Rapid Support Forces", "ATTACKED", "Sudan")]),
    row("designated-as", "The United States designated the Houthis as a terrorist group.",
        [("United States", "OPPOSES", "Houthis")]),
    row("designated-small-clause", "Washington designated the Houthis a terrorist organisation.",
        [("United States", "OPPOSES", "Houthis")]),
    row("designated-relative-object", "Hezbollah, which the Canadian government designated a terrorist "
        "organisation in 2002, fired rockets.",
        [("Canada", "OPPOSES", "Hezbollah")], [("Canada", "OPPOSES", "militants")]),
    row("supplied-drones-that-helped", "Russia has supplied attack helicopters that helped the Malian army to retake Kidal.",
        [("Russia", "BACKS", "Mali")]),
    row("supply-allowed-a-side-to", "Turkey's deliveries of drones enabled Ethiopia to turn the tide.",
        [("Turkey", "BACKS", "Ethiopia")]),
    row("sent-foreign-fighters-to-fight-for", "Iran has sent Afghan fighters to fight for Assad.",
        [("Iran", "BACKS", "Syria")]),
    row("sent-mercenaries-to-attack-is-no-backing", "Turkey sent Syrian mercenaries to attack Armenian positions.",
        [], [("Turkey", "BACKS", "Syria"), ("Syria", "BACKS", "Turkey")]),
    row("sent-troops-to-help", "Rwanda sent troops to help the M23 capture Goma.",
        [("Rwanda", "BACKS", "M23")]),
    row("helped-x-do-y-bare-infinitive", "Rwanda helped the M23 take Goma.",
        [("Rwanda", "BACKS", "M23")]),
    row("reversed-received-from", "Ukraine received weapons from Germany.",
        [("Germany", "BACKS", "Ukraine")], [("Ukraine", "BACKS", "Germany")]),
    # what an attack hits
    row("places-held-by-a-side", "The Tatmadaw has bombed villages held by the Karen National Union.",
        [("Myanmar", "ATTACKED", "Karen National Union")]),
    row("hideouts-of-the-target-are-not-harbouring", "Pakistani jets bombed hideouts of the Tehrik-i-Taliban Pakistan.",
        [("Pakistan", "ATTACKED", "Tehrik-i-Taliban Pakistan")], [("Pakistan", "BACKS", "Tehrik-i-Taliban Pakistan")]),
    row("state-adjective-on-a-place-noun", "Russian drones struck Ukrainian cities overnight.",
        [("Russia", "ATTACKED", "Ukraine")], [(ANY, ANY, "Ukrainian")]),
    row("state-adjective-on-a-vessel", "Houthi missiles struck an American destroyer in the Red Sea.",
        [("Houthis", "ATTACKED", "United States")]),
    row("ship-name-is-not-a-leader", "Houthi missiles struck the USS Carney in the Red Sea.",
        [("Houthis", "ATTACKED", "United States")], [(ANY, ANY, "Canada")]),
    row("state-force-assets-across-countries", "JNIM fighters overran army bases across Burkina Faso and Niger.",
        [("Jama'at Nusrat al-Islam wal-Muslimin", "ATTACKED", "Burkina Faso"),
         ("Jama'at Nusrat al-Islam wal-Muslimin", "ATTACKED", "Niger")]),
    row("supplied-to-is-a-prepositional-dative", "Iran supplies weapons to Hamas.",
        [("Iran", "BACKS", "Hamas")]),
    row("sent-materiel-to-an-authority", "Turkey sent drones to the Government of National Accord.",
        [("Turkey", "BACKS", "Government of National Accord")]),
    row("sent-a-letter-is-no-backing", "Russia sent a letter to the Government of National Accord.",
        [], [("Russia", "BACKS", "Government of National Accord")]),
    row("retains-the-backing-of", "Azerbaijan, for its part, retains the backing of Turkey.",
        [("Turkey", "BACKS", "Azerbaijan")], [("Azerbaijan", "BACKS", "Turkey")]),
    row("won-adjective-support", "The Syrian Democratic Forces have won American support.",
        [("United States", "BACKS", "Syrian Democratic Forces")], [("Syrian Democratic Forces", "BACKS", ANY)]),
    row("received-support-from", "Hamas received support from Iran.",
        [("Iran", "BACKS", "Hamas")]),
    row("received-a-delegation-is-no-backing", "Hamas received a delegation from Iran.",
        [], [("Iran", "BACKS", "Hamas")]),
    row("condemned-the-move-of-the-sentence-before", "India revoked the autonomy of the region on Monday. Pakistan "
        "and China condemned the move.",
        [("Pakistan", "OPPOSES", "India"), ("China", "OPPOSES", "India")]),
    row("a-move-with-an-owner-is-its-owner's", "India revoked the autonomy of the region. China condemned "
        "Pakistan's move.",
        [("China", "OPPOSES", "Pakistan")], [("China", "OPPOSES", "India")]),
    row("regards-as-a-threat", "Kinshasa regards the M23 as an existential threat.",
        [("Democratic Republic of the Congo", "OPPOSES", "M23")]),
    row("regards-as-a-terrorist-group-after-apposition", "Ankara regards the PKK, the oldest Kurdish militant "
        "group, as a terrorist organisation.",
        [("Turkey", "OPPOSES", "Kurdistan Workers' Party")]),
    row("regards-as-a-partner-is-no-hostility", "Turkey regards Qatar as a partner.",
        [], [("Turkey", "OPPOSES", "Qatar")]),
    row("vowed-revenge-against", "The TTP vowed revenge against the Pakistani army.",
        [("Tehrik-i-Taliban Pakistan", "OPPOSES", "Pakistan")]),
    row("fought-on-x's-front-lines", "Wagner Group fighters fought on the Libyan National Army's front lines.",
        [("Wagner Group", "BACKS", "Libyan National Army")], [("Wagner Group", "ATTACKED", "Libyan National Army")]),
    row("misparsed-dative-name-before-the-object", "North Korea has shipped Moscow millions of artillery shells.",
        [("North Korea", "BACKS", "Russia")]),
    row("the-first-to-give", "Britain and France were the first to give Ukraine long-range cruise missiles.",
        [("United Kingdom", "BACKS", "Ukraine"), ("France", "BACKS", "Ukraine")]),
    row("what-is-sent-is-no-receiver", "Russia sent Wagner Group fighters to Libya. Turkey supplied Baykar drones "
        "to Kyiv.",
        [("Turkey", "BACKS", "Ukraine")], [("Russia", "BACKS", "Wagner Group"), ("Turkey", "BACKS", "Baykar")]),
    # cutting what one gave, holding to account
    row("suspended-aid-opposes", "Germany suspended development aid to Mali after the coup.",
        [("Germany", "OPPOSES", "Mali")], [("Germany", "BACKS", "Mali")]),
    row("cut-coordinated-objects", "Canada has cut military and financial cooperation with Myanmar.",
        [("Canada", "OPPOSES", "Myanmar")]),
    row("held-responsible-small-clause", "Ankara holds the PKK responsible for the bombing in Istanbul.",
        [("Turkey", "OPPOSES", "Kurdistan Workers' Party")]),
    row("declared-free-is-no-hostility", "Rebels in Syria declared Aleppo free on Saturday.",
        [], [(ANY, "OPPOSES", "Aleppo"), (ANY, "OPPOSES", "Syria")]),
    # a condemning label (labels.py): "called X null and void", "called the decision short-sighted"
    row("condemning-label-on-a-deal", "Baku signed a transit deal with Yerevan. Tehran called the transit deal "
        "null and void.",
        [("Iran", "OPPOSES", "?deal")], [("Iran", "OPPOSES", "Azerbaijan")]),
    row("condemning-label-second-object", "Cairo called the Muslim Brotherhood a terrorist organisation.",
        [("Egypt", "OPPOSES", "Muslim Brotherhood")]),
    row("condemning-label-on-an-act-is-for-its-doer", "Burundi expelled the French ambassador. Paris called the "
        "decision short-sighted.",
        [("France", "OPPOSES", "Burundi")]),
    row("a-listed-verb-hung-as-dep-shares-the-subject", "Bamako called the Algerian statement \"regrettable\", "
        "summoned its envoy and later expelled Algeria's ambassador.", [("Mali", "OPPOSES", "Algeria")]),
    row("approving-label-is-no-opposition", "Egypt called the Qatari proposal constructive.",
        [], [("Egypt", "OPPOSES", ANY)]),
    row("condemning-label-a-crime-or-a-barbaric-act", "Yerevan called the Azerbaijani shelling of Jermuk a war "
        "crime. Tbilisi called the Russian strikes on Gori a barbaric act.",
        [("Armenia", "OPPOSES", "Azerbaijan"), ("Georgia", "OPPOSES", "Russia")]),
    row("a-modified-act-of-no-condemning-word", "Ankara called the Greek move a bold act.", [], [("Turkey", "OPPOSES", ANY)]),
    row("condemning-label-after-the-object", "The Burkinabe junta declared the 2018 defence accord void.",
        [("Burkina Faso", "OPPOSES", "?deal")]),
    # oppositions.py: the makers of a condemned deal; a call to fight; refusing to renew
    row("condemned-deal-signed-by-its-makers", "Kigali condemned the accord signed in Nairobi by Uganda, Kenya and "
        "two rebel groups.",
        [("Rwanda", "OPPOSES", "?deal"), ("Rwanda", "OPPOSES", "Uganda"), ("Rwanda", "OPPOSES", "Kenya")]),
    row("rejected-memorandum-signed-between", "Athens rejected the maritime memorandum signed between Ankara and "
        "Tripoli.",
        [("Greece", "OPPOSES", "Turkey")]),
    row("welcomed-deal-opposes-no-maker", "Kigali welcomed the accord signed in Nairobi by Uganda and Kenya.",
        [], [("Rwanda", "OPPOSES", "Uganda"), ("Rwanda", "OPPOSES", "Kenya")]),
    row("a-party-criticising-its-own-deal-opposes-no-partner", "Uganda criticised the accord it had signed with "
        "Kenya.",
        [], [("Uganda", "OPPOSES", "Kenya")]),
    row("call-to-fight-a-side", "The Islamic State urged its followers to wage war on Russia. The Hezbollah leader "
        "urged Palestinians to launch attacks on Israel.",
        [("Islamic State", "OPPOSES", "Russia"), ("Hezbollah", "OPPOSES", "Israel")]),
    row("call-to-act-against-a-side", "Kyiv called on the world to isolate Moscow. Paris urged its allies to "
        "sanction Tehran.",
        [("Ukraine", "OPPOSES", "Russia"), ("France", "OPPOSES", "Iran")]),
    row("call-not-to-attack-is-no-opposition", "Egypt urged Hamas not to attack Israel.",
        [], [("Egypt", "OPPOSES", ANY)]),
    row("call-to-stop-fighting-is-no-opposition", "Egypt urged Hamas to stop attacking Israel.",
        [], [("Egypt", "OPPOSES", "Israel")]),
    row("called-for-attacks-on-a-side", "Al-Qaeda called for attacks on France.",
        [("al-Qaeda", "OPPOSES", "France")]),
    row("called-for-an-end-to-attacks-is-no-opposition", "Kenya called for an end to attacks on Somalia.",
        [], [("Kenya", "OPPOSES", "Somalia")]),
    row("demanded-that-a-side-give-up", "Ankara demanded that the YPG withdraw from Manbij. Bamako insisted that "
        "the UN mission leave the country by December.",
        [("Turkey", "OPPOSES", "People's Protection Units"), ("Mali", "OPPOSES", "United Nations")]),
    row("demanded-inclusion-is-no-opposition", "Qatar demanded that Kenya be included in the talks.",
        [], [("Qatar", "OPPOSES", ANY)]),
    row("condemned-what-it-called-a-label", "Baku condemned what it called Armenian aggression. Tehran denounced "
        "what it described as a provocation by Washington.",
        [("Azerbaijan", "OPPOSES", "Armenia"), ("Iran", "OPPOSES", "United States")]),
    row("welcomed-what-it-called-is-no-opposition", "Riyadh welcomed what it called a constructive Iranian proposal.",
        [], [("Saudi Arabia", "OPPOSES", ANY)]),
    row("fight-until-a-side-falls", "Kyiv vowed to fight on until Russian troops lay down their arms. The Arakan "
        "Army will continue its offensive until the Tatmadaw collapses.",
        [("Ukraine", "OPPOSES", "Russia"), ("Arakan Army", "OPPOSES", "Myanmar")]),
    row("until-a-side-leaves-talks-is-no-goal", "The talks went on until Qatar left.",
        [], [(ANY, "OPPOSES", "Qatar")]),
    row("taking-a-side's-assets", "ECOWAS ordered a freeze of Mali's assets in regional banks. Khartoum seized "
        "the assets of the RSF.",
        [("ECOWAS", "OPPOSES", "Mali"), ("Sudan", "OPPOSES", "Rapid Support Forces")],
        [("Sudan", "ATTACKED", "Rapid Support Forces")]),
    row("refused-to-renew-a-deal", "Moscow refused to renew the grain deal in July.",
        [("Russia", "OPPOSES", "?deal")]),
    row("agreed-to-renew-a-deal-is-no-opposition", "Moscow agreed to renew the grain deal.",
        [], [("Russia", "OPPOSES", ANY)]),
    # a fight of words, law or trade (unarmed_modifiers) opposes, from its doers' side
    row("a-clash-of-words-opposes", "Ankara clashed publicly with Athens over drilling rights.",
        [("Turkey", "OPPOSES", "Greece")], [(ANY, "ATTACKED", ANY), ("Greece", "OPPOSES", "Turkey")]),
    row("a-trade-war-opposes", "Ottawa launched a trade war against New Delhi.",
        [("Canada", "OPPOSES", "India")], [(ANY, "ATTACKED", ANY)]),
    # 'X says ... and accuses Y': a verb in the speech verb's tense, joined to the reported clause, is the speaker's
    row("speaker-act-joined-to-the-reported-clause", "Yerevan says Azerbaijani troops are shelling border villages "
        "and accuses Moscow of failing to protect Armenia.",
        [("Armenia", "OPPOSES", "Russia")], [("Azerbaijan", "OPPOSES", "Russia")]),
    row("middle-of-a-list-of-clauses-shares-the-subject", "Budapest called the ruling \"unacceptable\", recalled "
        "its envoy from Brussels and later expelled Sweden's ambassador.",
        [("Hungary", "OPPOSES", "Sweden")], [("Sweden", "OPPOSES", "Hungary")]),
    row("suspended-from-a-bloc", "The African Union suspended Mali from the bloc. ECOWAS suspended Guinea's "
        "membership after the coup.",
        [("African Union", "OPPOSES", "Mali"), ("ECOWAS", "OPPOSES", "Guinea")]),
    row("suspended-flights-from-a-capital-is-no-opposition", "Ankara suspended flights from Moscow.",
        [], [("Turkey", "OPPOSES", ANY)]),
    row("regards-as-a-label-read-as-a-clause", "New Delhi regards the Lashkar-e-Taiba as a terrorist group "
        "backed by Islamabad.",
        [("India", "OPPOSES", "Lashkar-e-Taiba")]),
    row("regards-as-a-neutral-label-is-no-opposition", "Cairo regards Hamas as a movement linked to the Muslim "
        "Brotherhood.",
        [], [("Egypt", "OPPOSES", ANY)]),
    # disputed standing (standing_nouns): 'questioned X's neutrality'; 'said the deal lacks legitimacy'
    row("questioned-a-side's-standing", "Khartoum questioned Nairobi's neutrality.",
        [("Sudan", "OPPOSES", "Kenya")]),
    row("praised-a-side's-standing-is-no-opposition", "Abuja praised the credibility of Ghana.",
        [], [("Nigeria", "OPPOSES", ANY)]),
    row("said-a-deal-lacks-legitimacy", "Tehran said the agreement lacks legitimacy.",
        [("Iran", "OPPOSES", "?deal")]),
]


@pytest.mark.parametrize("text,present,absent", VERBS)
def test_verbs(ex, text, present, absent):
    check(ex, text, present, absent)


# parse repairs (graphkit.extract.repair): a known misparse of the small model, mended
PARSE_REPAIRS = [
    row("sides-hung-on-a-time-are-the-verb's", "A truce was agreed at 18:00 between Chad and the Front for Change and "
        "Concord in Chad.",
        [("Chad", "PARTY_TO", "?t"), ("Front for Change and Concord in Chad", "PARTY_TO", "?t")]),
    row("two-agreements-signed-both-parties-to-each", "Kenya and Somalia signed a border protocol in May and a "
        "trade accord in June, with Djibouti acting as mediator.",
        [("Kenya", "PARTY_TO", "?p"), ("Somalia", "PARTY_TO", "?a"), ("Kenya", "PARTY_TO", "?a"),
         ("Somalia", "PARTY_TO", "?p"), ("Djibouti", "GUARANTEES", "?a"), ("Djibouti", "GUARANTEES", "?p")],
        [("Djibouti", "PARTY_TO", ANY)]),
    row("content-verb-hung-on-its-object", "Spokeswoman Maria Zakharova said Rome bore direct responsibility.",
        [T("Russia", "OPPOSES", "Italy", by="Russia")]),
    row("opening-phrase-runs-into-the-subject", "Before talks with Kenya, Ethiopia and Eritrea signed a border accord.",
        [("Ethiopia", "PARTY_TO", "?a"), ("Eritrea", "PARTY_TO", "?a")], [("Kenya", "PARTY_TO", ANY)]),
    row("opening-subordinator-runs-into-the-subject", "After talks hosted by Norway and Qatar, Colombia and the ELN "
        "agreed a ceasefire in June.",
        [("Norway", "GUARANTEES", "?c"), ("Qatar", "GUARANTEES", "?c"), ("Colombia", "PARTY_TO", "?c"),
         ("National Liberation Army", "PARTY_TO", "?c")],
        [("Colombia", "GUARANTEES", ANY), ("National Liberation Army", "GUARANTEES", ANY)]),
    row("relative-verb-tagged-as-plural-noun", "Venezuela, which finances and arms the ELN, denied the report.",
        [("Venezuela", "BACKS", "National Liberation Army")]),
    row("coordinated-verbs-tagged-as-plural-nouns", "Egypt funds and trains the Sudanese army.",
        [("Egypt", "BACKS", "Sudanese Armed Forces")]),
    row("participle-tagged-as-noun-after-has", "Al-Shabaab has overrun army bases across Somalia.",
        [("al-Shabaab", "ATTACKED", "Somalia")]),
    row("dateline-is-no-owner-of-the-story's-first-noun", "KABUL/ISLAMABAD, Dec 25 (Wire) - Pakistani warplanes "
        "bombed Taliban positions in Paktika province overnight.",
        [("Pakistan", "ATTACKED", "Taliban")], [("Afghanistan", ANY, ANY)]),
    row("second-clause-subject-taken-for-an-object", "During the clashes, Fano militiamen attacked Ethiopian army "
        "posts and Ethiopian drones struck Fano positions near Gondar.",
        [("Fano", "ATTACKED", "Ethiopia"), ("Ethiopia", "ATTACKED", "Fano")]),
    row("a-noun-compound-stays-a-noun", "Hamas arms depots were destroyed by Israel.",
        [("Israel", "ATTACKED", "Hamas")], [("Hamas", ANY, ANY)]),
    row("dateline-phrase-after-the-dash-is-the-subject", "KISMAYO, June 3 (Wire) - Al-Shabaab militants stormed "
        "a Kenyan army camp at Afmadow on Sunday, the group said.",
        [("al-Shabaab", "ATTACKED", "Afmadow")]),
    row("subject-hung-on-the-auxiliary", "Russian forces have for months pressed an offensive on the city of "
        "Avdiivka.",
        [("Russia", "ATTACKED", "Avdiivka")]),
    row("opening-preposition-read-as-a-name", "-- Near Menaka, one strike destroyed an ISGS vehicle.",
        [], [(ANY, "ATTACKED", ANY)]),
    row("opening-acronym-read-as-a-verb", "ECOWAS imposed sanctions on the junta in Niger.",
        [("ECOWAS", "OPPOSES", "Niger")]),
    row("have-since-participle", "Turkish forces have since advanced on the town of Tal Abyad.",
        [("Turkey", "ATTACKED", "Tal Abyad")]),
    row("headline-verb-tagged-as-noun", "M23 fighters storm Goma, the capital of North Kivu.",
        [("M23", "ATTACKED", "Goma")]),
    row("plural-subject-tagged-as-verb", "U.S. airstrikes against al-Shabaab have killed two commanders.",
        [("United States", "ATTACKED", "al-Shabaab")]),
    row("reduced-relative-read-as-a-clause", "The Houthis say they reject the truce plan agreed in Riyadh.",
        [("Houthis", "OPPOSES", ANY)]),
    row("finite-verb-read-as-a-modifier", "Turkish commandos, deployed since early 2020, fought alongside the "
        "Libyan army, and UN monitors have criticised the operation.", [("Turkey", "BACKS", "Libya")]),
    row("headline-subject-read-as-a-modifier", "Mali and Niger sign AES-backed defence deal",
        [("Mali", "PARTY_TO", "?d"), ("Niger", "PARTY_TO", "?d")]),
    row("event-gerund-read-as-a-clause", 'Kenya said it "strongly condemns" M23 shelling of displacement camps near '
        'Bunia, which killed at least ten people.', [("M23", "ATTACKED", "Bunia")]),
    row("dateline-subject-on-an-auxiliary", "GAROUA, Cameroon - Soldiers of the Cameroonian army have dislodged "
        "Boko Haram fighters from two villages near Kolofata.", [("Cameroon", "ATTACKED", "Boko Haram")]),
]


@pytest.mark.parametrize("text,present,absent", PARSE_REPAIRS)
def test_parse_repairs(ex, text, present, absent):
    check(ex, text, present, absent)


# ---- 2. nominal events -------------------------------------------------------------------

NOMINALS = [
    row("sanctions-on-things-linked-to-a-side", "The EU imposed sanctions on firms linked to the Wagner Group. Kenyan "
        "jets struck camps affiliated with al-Shabaab.", [("European Union", "OPPOSES", "Wagner Group"),
                                                         ("Kenya", "ATTACKED", "al-Shabaab")]),
    row("expressed-stance-noun", "Algeria voiced solidarity with the Polisario Front. Qatar expressed "
        "opposition to the Egyptian strikes.", [("Algeria", "BACKS", "Polisario Front"), ("Qatar", "OPPOSES", "Egypt")]),
    row("backing-of-x-and-of-y-across-a-participle", "Serbia, for its part, retains the backing of Russia, sealed in "
        "a treaty that the two leaders signed in 2019, and of China, which has sold it drones.",
        [("Russia", "BACKS", "Serbia"), ("China", "BACKS", "Serbia")]),
    row("backing-of-x-then-an-unrelated-of", "Serbia retains the backing of Russia, which sells it gas, and the head "
        "of China's army visited Belgrade.",
        [("Russia", "BACKS", "Serbia")], [("China", "BACKS", "Serbia")]),
    row("with-owned-money-over-a-time", "The Houthis rebuilt their arsenal over ten years with Iranian money, weapons "
        "and training.",
        [("Iran", "BACKS", "Houthis")]),
    row("in-support-of-a-gerund-by", "Near Raqqa, US strikes destroyed ISIS fighting positions in support of clearing "
        "operations by the Syrian Democratic Forces.",
        [("United States", "BACKS", "Syrian Democratic Forces")], [("United States", "BACKS", "Islamic State")]),
    row("a-sum-in-aid", "Japan has committed more than $5 billion in military aid to Ukraine since 2022.",
        [("Japan", "BACKS", "Ukraine")], [("Ukraine", "BACKS", "Japan")]),
    row("fighting-in-an-adjunct-is-the-subject's", "The RSF took Wad Madani after days of clashes with the Sudanese "
        "army.",
        [("Rapid Support Forces", "ATTACKED", "Sudanese Armed Forces")]),
    row("raid-during-a-killing-is-the-killers'", "Investigators accused Chadian troops of killing 300 people during "
        "a raid on the village of Bama.",
        [("Chad", "ATTACKED", "Bama")]),
    row("raid-during-a-visit-is-not-the-visitor's", "Chad's president visited Bol during a raid on the village of Bama.",
        [], [("Chad", "ATTACKED", "Bama")]),
    row("owner-before-a-weapon-compound", "Chad condemned the Boko Haram drone attacks on Maiduguri.",
        [("Boko Haram", "ATTACKED", "Maiduguri")]),
    row("place-in-front-of-an-attack-noun", "Ansar Dine claimed the Gao attack in a statement on Sunday.",
        [("Ansar Dine", "ATTACKED", "Gao")]),
    row("place-in-front-of-talks-is-no-target", "Ansar Dine joined the Algiers talks in a statement on Sunday.",
        [], [(ANY, "ATTACKED", ANY)]),
    row("accused-of-strikes-on-target-hung-on-the-verb", "The KNU accused the Myanmar army of air strikes on "
        "villages near Hpapun that killed nine farmers.",
        [("Myanmar", "ATTACKED", "Hpapun")]),
    row("blamed-for-attacks-through-a-relative-pronoun", "Nairobi has pressed Mogadishu to act against al-Shabaab, "
        "which it blames for most attacks on its border posts.",
        [("al-Shabaab", "ATTACKED", "Kenya")], [("Kenya", "ATTACKED", ANY)]),
    row("forces-engaged-in-operations-against", "The strike was conducted in support of Kenyan army forces engaged "
        "in offensive operations against al-Shabaab in the Lower Juba region.",
        [("Kenya", "ATTACKED", "al-Shabaab")]),
    row("adjective-bombardment-of", "The Russian bombardment of Kharkiv continued for a third night.",
        [("Russia", "ATTACKED", "Kharkiv")]),
    row("attacks-on-by", "Attacks on Malian army posts by Jama'at Nusrat al-Islam wal-Muslimin have doubled since June.",
        [("Jama'at Nusrat al-Islam wal-Muslimin", "ATTACKED", "Mali")]),
    row("support-for", "Saudi support for the Yemeni government has cost billions.",
        [("Saudi Arabia", "BACKS", "Yemeni government")]),
    row("possessive-backing-of", "Iran's backing of the Houthis is an open secret.",
        [("Iran", "BACKS", "Houthis")]),
    row("sanctions-on", "New European Union sanctions on Belarus took effect on Friday.",
        [("European Union", "OPPOSES", "Belarus")]),
    row("possessive-offensive-against", "Turkey's offensive against the Syrian Democratic Forces began at dawn.",
        [("Turkey", "ATTACKED", "Syrian Democratic Forces")]),
    row("adjective-airstrikes-against", "French airstrikes against Katiba Macina fighters killed dozens.",
        [("France", "ATTACKED", "Katiba Macina")]),
    row("adjective-deliveries-to", "Chinese arms deliveries to the Tatmadaw have continued.",
        [("China", "BACKS", "Myanmar")]),
    row("assistance-to", "Uganda's military assistance to South Sudan kept Salva Kiir in power.",
        [("Uganda", "BACKS", "South Sudan")]),
    row("siege-of-by", "The siege of El Fasher by the Rapid Support Forces entered its second year.",
        [("Rapid Support Forces", "ATTACKED", "El Fasher")]),
    row("possessive-invasion-of", "Russia's invasion of Ukraine began in February 2022.",
        [("Russia", "ATTACKED", "Ukraine")], [("Ukraine", "ATTACKED", "Russia")]),
    row("fighting-between", "Fighting between the Arakan Army and the Tatmadaw spread to Rakhine's capital.",
        [("Arakan Army", "ATTACKED", "Myanmar"), ("Myanmar", "ATTACKED", "Arakan Army")]),
    row("alliance-between", "The alliance between Russia and North Korea worries Seoul.",
        [("Russia", "BACKS", "North Korea"), ("North Korea", "BACKS", "Russia")],
        [(ANY, ANY, "South Korea")]),
    row("cooperation-between", "Cooperation between Ankara and Baku has deepened.",
        [("Turkey", "COOPERATES", "Azerbaijan")]),
    row("offensive-in-place", "The Azerbaijani offensive in Nagorno-Karabakh ended within a day.",
        [("Azerbaijan", "ATTACKED", "Nagorno-Karabakh")],
        xfail="'offensive in X' (a place): link weight 0.5 and a weak role, scored 0.35 < 0.5"),
    # light verbs
    row("light-launched-strikes-against", "Israel launched strikes against Hezbollah in the Bekaa Valley.",
        [("Israel", "ATTACKED", "Hezbollah")]),
    row("light-imposed-sanctions-on", "The United States imposed sanctions on the Rapid Support Forces.",
        [("United States", "OPPOSES", "Rapid Support Forces")]),
    row("light-carried-out-airstrikes", "Israeli aircraft carried out a series of airstrikes against Hamas targets in Gaza.",
        [("Israel", "ATTACKED", "Hamas")]),
    row("light-conducted-offensive", "The Philippine army conducted an offensive against the New People's Army in Samar.",
        [("Philippines", "ATTACKED", "New People's Army")]),
    row("light-carried-out-raid-on", "Mexican marines carried out a raid on a Sinaloa Cartel hideout.",
        [("Mexico", "ATTACKED", "Sinaloa Cartel")],
        [("Mexico", "BACKS", "Sinaloa Cartel")]),
    row("light-launched-attack-possessive-target", "The IDF said Hamas launched an attack on its post near the border.",
        [("Hamas", "ATTACKED", "Israel")]),
    row("supports-through-training", "Britain supports the Ukrainian navy through training and equipment.",
        [("United Kingdom", "BACKS", "Ukraine")]),
    row("repelled-an-assault-by", "Ukrainian troops repelled an assault by Russian marines near Krynky.",
        [("Ukraine", "ATTACKED", "Russia"), ("Russia", "ATTACKED", "Ukraine")]),
    # claimed responsibility
    row("claimed-responsibility-for-the-attack-on", "The Balochistan Liberation Army claimed responsibility for the "
        "attack on a Pakistani army convoy.",
        [("Balochistan Liberation Army", "ATTACKED", "Pakistan")]),
    row("claimed-responsibility-earlier-attack", "Gunmen attacked a police station in the town of Kafanchan. "
        "Boko Haram claimed responsibility for the attack.",
        [("Boko Haram", "ATTACKED", ANY)]),
    row("claimed-responsibility-for-bombing-at", "Islamic State Khorasan Province claimed responsibility for a bombing "
        "at a Taliban checkpoint in Jalalabad.",
        [("Islamic State Khorasan Province", "ATTACKED", "Taliban")]),
    # an event noun as the object of another predicate
    row("condemned-attacks-by", "Germany condemned the attacks by Russia on Ukrainian cities.",
        [("Germany", "OPPOSES", "Russia")], [("Germany", "OPPOSES", "Ukraine")]),
    row("attacks-by-on-state-adjective", "Germany condemned the attacks by Russia on Ukrainian cities.",
        [("Russia", "ATTACKED", "Ukraine")], [(ANY, ANY, "Ukrainian")]),
    row("drew-criticism-from", "Turkey's offensive against the Syrian Democratic Forces drew sharp criticism from Washington.",
        [("Turkey", "ATTACKED", "Syrian Democratic Forces"), ("United States", "OPPOSES", "Turkey")]),
    row("killed-in-an-airstrike-blamed-on", "Thirty Turkish soldiers were killed in an airstrike blamed on Damascus.",
        [("Syria", "ATTACKED", "Turkey")]),
    row("joint-patrol-is-cooperation", "On Sunday, Russia and Turkey cut short their first joint patrol in Idlib.",
        [("Russia", "COOPERATES", "Turkey")]),
    row("support-from-a-list-backs-the-doer",
        "French jets, in coordination with Chad and with support from Niger and Benin, struck al-Shabaab camps.",
        [("Niger", "BACKS", "France"), ("Benin", "BACKS", "France"), ("France", "COOPERATES", "Chad")],
        [(ANY, "BACKS", "al-Shabaab"), (ANY, "COOPERATES", "al-Shabaab")]),
    row("fire-from-a-country-is-a-place", "Rocket fire from Lebanon hit northern Israel overnight.",
        [], [("Lebanon", ANY, ANY)]),
    row("caused-strikes-are-not-the-causer's", "The Houthi missile attack prompted coalition air strikes on Hodeidah.",
        [], [("Houthis", "ATTACKED", "Hodeidah")]),
    row("strikes-on-villages-near-a-place", "The junta carried out airstrikes on villages near Waingmaw.",
        [(ANY, "ATTACKED", "Waingmaw")]),
    row("fired-at-each-other", "Indian and Pakistani troops fired at each other across the border.",
        [("India", "ATTACKED", "Pakistan"), ("Pakistan", "ATTACKED", "India")]),
    row("offensive-operations-against", "Kenyan troops conducted offensive operations against al-Shabaab.",
        [("Kenya", "ATTACKED", "al-Shabaab")]),
    row("a-diplomatic-campaign-is-no-attack", "The EU launched a diplomatic campaign against Russia.",
        [], [("European Union", "ATTACKED", "Russia")]),
    row("exchange-of-fire-between", "There was a brief exchange of fire between Indian and Chinese troops.",
        [("India", "ATTACKED", "China"), ("China", "ATTACKED", "India")]),
    row("every-kind-of-support-to", "Turkey will give every kind of support to the Government of National Accord.",
        [T("Turkey", "BACKS", "Government of National Accord", hedged=None)]),
    row("package-of-measures-against", "Japan adopted a new package of restrictive measures against Russia.",
        [("Japan", "OPPOSES", "Russia")]),
    row("at-odds-with-in-apposition", "Kenya, long at odds with Somalia over the maritime border, recalled its envoy.",
        [("Kenya", "OPPOSES", "Somalia")]),
    row("at-war-with-after-copula", "Eritrea is at war with Ethiopia again.",
        [("Eritrea", "ATTACKED", "Ethiopia")]),
]


@pytest.mark.parametrize("text,present,absent", NOMINALS)
def test_nominal_events(ex, text, present, absent):
    check(ex, text, present, absent)


# ---- 3. adjectival and hyphenated forms ----------------------------------------------------

ADJECTIVALS = [
    # ground held is a standing state, weaker than the taking of it
    row("occupied-adjective-is-held-ground", "Thousands of civilians fled to the Russian-occupied Zaporizhzhia region. "
        "Russian troops occupied Kherson in March 2022.",
        [("Russia", "ATTACKED", "Kherson")], [T("Russia", "ATTACKED", "Zaporizhzhia", by=ANY)]),
    row("x-aligned", "Iran-aligned militias in Iraq fired drones at a U.S. base in Erbil.",
        [("Iran", "BACKS", "?militias"), ("?militias", "ATTACKED", "United States")]),
    row("x-aligned-named-group", "The Iran-aligned Kataib Hezbollah denied any role in the attack.",
        [("Iran", "BACKS", "Kataib Hezbollah")]),
    row("x-backed-code", "UAE-backed Security Belt Forces seized the island of Socotra.",
        [("United Arab Emirates", "BACKS", "Security Belt Forces"), ("Security Belt Forces", "ATTACKED", "Socotra")]),
    row("adjective-backed-named-group", "Rwandan-backed M23 rebels closed in on Goma.",
        [("Rwanda", "BACKS", "M23"), ("M23", "ATTACKED", "Goma")]),
    row("adjective-backed-and-passive-participle", "Iranian-backed Houthi fighters fired missiles at Saudi oil facilities.",
        [("Iran", "BACKS", "Houthis"), ("Houthis", "ATTACKED", "Saudi Arabia")]),
    row("adjective-supported-apposition", "The Houthis, an Iranian-supported movement in Yemen, fired drones at Israel.",
        [("Iran", "BACKS", "Houthis"), ("Houthis", "ATTACKED", "Israel")]),
    row("adjective-trained", "Turkish-trained commandos of the Somali National Army raided an al-Shabaab camp.",
        [("Turkey", "BACKS", "Somalia"), ("Somalia", "ATTACKED", "al-Shabaab")]),  # a state's army acts for it
    row("adjective-funded", "Kremlin-funded militias in the Donbas shelled Ukrainian positions.",
        [("Russia", "BACKS", ANY)]),
    row("anti-x", "Anti-Houthi fighters of the Giants Brigades advanced on Hodeidah.",
        [("Giants Brigades", "OPPOSES", "Houthis"), ("Giants Brigades", "ATTACKED", "Hodeidah")],
        [("Houthis", "ATTACKED", "Hodeidah")]),
    row("anti-capital", "Anti-Kyiv separatists rejected the plan.",
        [(ANY, "OPPOSES", "Ukraine")]),
    row("x-sanctioned", "The US-sanctioned Wagner Group expanded its operations in Libya.",
        [("United States", "OPPOSES", "Wagner Group")]),
    row("x-led-coalition", "The Saudi-led coalition said it intercepted the drones. Later, coalition warplanes pounded "
        "Houthi positions near Sanaa.",
        [("Saudi-led coalition", "ATTACKED", "Houthis"), ("Saudi Arabia", "LEADS", "Saudi-led coalition")]),
    row("x-brokered-deal", "The Qatari-brokered deal between Kinshasa and the M23 faltered within weeks.",
        [("Qatar", "GUARANTEES", "?deal"), ("Democratic Republic of the Congo", "PARTY_TO", "?deal"),
         ("M23", "PARTY_TO", "?deal")]),
    row("x-mediated-truce", "The Egyptian-mediated truce between Israel and Palestinian Islamic Jihad held overnight.",
        [("Egypt", "GUARANTEES", "?truce"), ("Israel", "PARTY_TO", "?truce"),
         ("Palestinian Islamic Jihad", "PARTY_TO", "?truce")]),
    row("pair-adjective-agreement", "The Russian-Turkish deal has largely held.",
        [("Russia", "PARTY_TO", "?deal"), ("Turkey", "PARTY_TO", "?deal")]),
    row("x-hosted-talks", "The Saudi-hosted talks in Jeddah produced a humanitarian truce between the Sudanese Armed "
        "Forces and the Rapid Support Forces.",
        [("Saudi Arabia", "GUARANTEES", "?truce"), ("Sudanese Armed Forces", "PARTY_TO", "?truce"),
         ("Rapid Support Forces", "PARTY_TO", "?truce")]),
    row("rebels-of-named-group", "Turkish-backed rebels of the National Front for Liberation shelled Syrian army positions.",
        [("Turkey", "BACKS", "National Front for Liberation"), ("National Front for Liberation", "ATTACKED", "Syria")]),
]


@pytest.mark.parametrize("text,present,absent", ADJECTIVALS)
def test_adjectival_and_hyphenated(ex, text, present, absent):
    check(ex, text, present, absent)


# ---- 4. appositions, relative clauses and role nouns --------------------------------------

ROLES = [
    row("apposition-ally-of", "Belarus, a close ally of Moscow, let Russian troops cross its territory.",
        [("Belarus", "BACKS", "Russia")]),
    row("apposition-possessive-ally", "Eritrea, Ethiopia's ally in the war, withdrew some troops from Tigray.",
        [("Eritrea", "BACKS", "Ethiopia")]),
    row("apposition-patron", "Iran, the main patron of Hezbollah, warned Israel against a ground invasion.",
        [("Iran", "BACKS", "Hezbollah")]),
    row("possessive-patron-before-name", "Hezbollah's patron Iran has not commented.",
        [("Iran", "BACKS", "Hezbollah")]),
    row("apposition-sponsor-of", "Qatar, a longtime sponsor of Hamas, hosts its political bureau in Doha.",
        [("Qatar", "BACKS", "Hamas")], [("Hamas", "BACKS", "Qatar")]),
    row("apposition-possessive-sponsor", "The Rapid Support Forces and their foreign sponsor, the United Arab Emirates, deny the "
        "allegations.",
        [("United Arab Emirates", "BACKS", "Rapid Support Forces")],
        xfail="'X and their foreign sponsor, Y': the role noun's owner 'their' and holder in apposition are not "
              "linked"),
    row("apposition-proxy", "The Houthis, an Iranian proxy, fired a missile at Eilat.",
        [("Iran", "BACKS", "Houthis"), ("Houthis", "ATTACKED", "Eilat")]),
    row("possessive-proxies", "Kataib Hezbollah, one of Tehran's proxies in Iraq, claimed the drone strike.",
        [("Iran", "BACKS", "Kataib Hezbollah")]),
    row("apposition-generic-group-supported-by", "The Southern Transitional Council, a separatist group supported by "
        "the United Arab Emirates, took control of Aden.",
        [("United Arab Emirates", "BACKS", "Southern Transitional Council")]),
    row("apposition-mediator", "Turkey, the mediator of the Ankara Declaration, urged Somalia and Ethiopia to "
        "implement it.",
        [("Turkey", "GUARANTEES", "Ankara Declaration"), T("Somalia", "PARTY_TO", "Ankara Declaration", hedged=None),
         T("Ethiopia", "PARTY_TO", "Ankara Declaration", hedged=None)],
        [("Turkey", "PARTY_TO", ANY)]),
    row("apposition-guarantor", "Egypt, a guarantor of the Israel-Hamas ceasefire of January 2025, hosted the families.",
        [("Egypt", "GUARANTEES", "Israel-Hamas ceasefire (January 2025)"),
         ("Israel", "PARTY_TO", "Israel-Hamas ceasefire (January 2025)"),
         ("Hamas", "PARTY_TO", "Israel-Hamas ceasefire (January 2025)")],
        xfail="'the Israel-Hamas ceasefire of January 2025' becomes a new 'January 2025 ceasefire' although the "
              "alias data has one of that name and date; Israel is not read as a party of the pair name"),
    row("copula-guarantors-with-along-with", "Russia and Turkey, along with Iran, are guarantors of the Astana process.",
        [("Russia", "GUARANTEES", "Astana process"), ("Turkey", "GUARANTEES", "Astana process"),
         ("Iran", "GUARANTEES", "Astana process")]),
    row("apposition-signatory", "Armenia, a signatory to the Bishkek Protocol, accused Azerbaijan of breaching it.",
        [("Armenia", "PARTY_TO", "Bishkek Protocol"), T("Azerbaijan", "OPPOSES", "Bishkek Protocol", by=ANY)]),
    row("apposition-then-accused-x-of", "Armenia, a signatory to the Bishkek Protocol, accused Azerbaijan of "
        "breaching it.",
        [("Armenia", "OPPOSES", "Azerbaijan"), T("Azerbaijan", "OPPOSES", "Bishkek Protocol", by="Armenia")]),
    row("apposition-arch-rival", "Ethiopia's arch-rival Eritrea massed troops on the border.",
        [("Eritrea", "OPPOSES", "Ethiopia")],
        xfail="'Y's arch-rival X' (possessive owner, name in compound) is not linked"),
    row("apposition-leader-of", "Abu Mohammad al-Julani, the leader of Hay'at Tahrir al-Sham, did not comment.",
        [(ANY, "LEADS", "Hayat Tahrir al-Sham")], [("Syria", "LEADS", "Hayat Tahrir al-Sham")]),
    row("leader-of-own-group", "Yahya Sinwar, the leader of Hamas, was killed in Rafah.",
        [("Yahya Sinwar", "LEADS", "Hamas")],
        xfail="the leader acts for Hamas (part_of), so 'X, the leader of Hamas' rolls up to Hamas LEADS Hamas "
              "and is dropped"),
    row("member-of", "Kataib Hezbollah, a member of the Popular Mobilization Forces, denied the report.",
        [("Kataib Hezbollah", "MEMBER_OF", "Popular Mobilization Forces")]),
    row("relative-clause-which-backs", "The Saudi-led coalition, which backs Yemen's internationally recognised "
        "government, denied hitting civilians in Saada.",
        [("Saudi-led coalition", "BACKS", "Yemeni government")], [("Saudi-led coalition", "ATTACKED", ANY)]),
]


@pytest.mark.parametrize("text,present,absent", ROLES)
def test_appositions_and_role_nouns(ex, text, present, absent):
    check(ex, text, present, absent)


# ---- 5. agreements with all their roles -----------------------------------------------------

AGREEMENTS = [
    # parties
    row("parties-x-and-y-signed", "Colombia and the ELN signed a ceasefire in Havana on Tuesday.",
        [("Colombia", "PARTY_TO", "?deal"), ("National Liberation Army", "PARTY_TO", "?deal")]),
    row("mediated-talks-process-is-no-agreement", "Qatar and Egypt have been mediating a diplomatic process between "
        "Israel and Hamas since May.",
        [], [(ANY, "PARTY_TO", ANY), (ANY, "GUARANTEES", ANY)]),
    row("peace-process-is-an-agreement", "Norway has mediated the peace process between Colombia and the ELN.",
        [("Norway", "GUARANTEES", "?process")]),
    row("parties-x-and-y-reached", "Chad and the Front for Change and Concord in Chad reached a truce after weeks of "
        "fighting.",
        [("Chad", "PARTY_TO", "?truce"), ("Front for Change and Concord in Chad", "PARTY_TO", "?truce")],
        [(ANY, ANY, KNOWN_AGREEMENT)]),
    row("parties-x-and-y-agreed-to", "Peru and Ecuador agreed to a ceasefire along the Cenepa river.",
        [("Peru", "PARTY_TO", "?deal"), ("Ecuador", "PARTY_TO", "?deal")]),
    row("parties-between-x-and-y", "A truce between the Arakan Army and the Tatmadaw collapsed in November.",
        [("Arakan Army", "PARTY_TO", "?truce"), ("Myanmar", "PARTY_TO", "?truce")]),
    row("parties-x-signed-with-y", "Mozambique signed an accord with Renamo in Maputo in August.",
        [("Mozambique", "PARTY_TO", "?deal"), ("Renamo", "PARTY_TO", "?deal")]),
    row("parties-x-struck-a-deal-with-y", "Kinshasa struck a deal with the M23 rebels last week.",
        [("Democratic Republic of the Congo", "PARTY_TO", "?deal"), ("M23", "PARTY_TO", "?deal")]),
    row("parties-leaders-act-for-states", "Vladimir Putin and Recep Tayyip Erdogan signed a memorandum on northern "
        "Syria in Sochi.",
        [("Russia", "PARTY_TO", "?memo"), ("Turkey", "PARTY_TO", "?memo")]),
    row("parties-misspelt-leader", "The clashes stopped after Erodgan traveled to Moscow and clinched a ceasefire.",
        [("Turkey", "PARTY_TO", ANY)]),
    row("parties-extended", "Israel and Hamas extended the truce by two more days.",
        [("Israel", "PARTY_TO", "?truce"), ("Hamas", "PARTY_TO", "?truce")]),
    row("parties-place-names-the-known-agreement", "Ethiopia signed a peace deal with the Tigray People's Liberation "
        "Front in Pretoria in November 2022.",
        [("Ethiopia", "PARTY_TO", "Pretoria agreement"), ("Tigray People's Liberation Front", "PARTY_TO",
                                                              "Pretoria agreement")]),
    row("parties-named-dated-generic", "Russia and Turkey signed the Sochi agreement in 2018. Under the March 5 "
        "ceasefire, joint patrols began. Iran welcomed the ceasefire.",
        [("Russia", "PARTY_TO", "Sochi agreement"), ("Turkey", "PARTY_TO", "Sochi agreement")]),
    row("parties-date-and-place-name-the-known-agreement", "Russia and Turkey agreed a ceasefire in Moscow for Idlib. "
        "Under the March 5 ceasefire, joint patrols began on the M4 highway near Idlib.",
        [("Russia", "PARTY_TO", "Moscow Protocol"), ("Turkey", "PARTY_TO", "Moscow Protocol")],
        [(ANY, "PARTY_TO", Not("Moscow Protocol"))]),
    # third parties
    row("guarantor-brokered-by", "Colombia and the ELN signed a ceasefire in Havana. The truce was brokered by Cuba "
        "and Norway.",
        [("Cuba", "GUARANTEES", "?deal"), ("Norway", "GUARANTEES", "?deal"), ("Colombia", "PARTY_TO", "?deal"),
         ("National Liberation Army", "PARTY_TO", "?deal")],
        [("Cuba", "PARTY_TO", ANY), ("Norway", "PARTY_TO", ANY)]),
    row("guarantor-mediated-by", "The truce between Israel and Hezbollah, mediated by the United States and France, "
        "took effect at dawn.",
        [("United States", "GUARANTEES", "?t"), ("France", "GUARANTEES", "?t"), ("Israel", "PARTY_TO", "?t"),
         ("Hezbollah", "PARTY_TO", "?t")],
        [("France", "PARTY_TO", ANY)]),
    row("guarantor-x-mediated", "Kenya mediated the deal between South Sudan's government and the holdout rebels.",
        [("Kenya", "GUARANTEES", ANY)], [("Kenya", "PARTY_TO", ANY)]),
    row("guarantor-facilitated", "The prisoner exchange deal between Armenia and Azerbaijan was facilitated by the "
        "United Arab Emirates.",
        [("United Arab Emirates", "GUARANTEES", "?d"), ("Armenia", "PARTY_TO", "?d"), ("Azerbaijan", "PARTY_TO", "?d")],
        [("United Arab Emirates", "PARTY_TO", ANY)]),
    row("guarantor-under-the-auspices-of", "Ethiopia signed a peace deal with the Tigray People's Liberation Front "
        "under the auspices of the African Union.",
        [("African Union", "GUARANTEES", "?deal"), ("Ethiopia", "PARTY_TO", "?deal"),
         ("Tigray People's Liberation Front", "PARTY_TO", "?deal")],
        [("African Union", "PARTY_TO", ANY)]),
    row("guarantor-hosted-talks", "Thailand and Cambodia agreed to a ceasefire after talks hosted by Malaysia.",
        [("Malaysia", "GUARANTEES", "?c"), ("Thailand", "PARTY_TO", "?c"), ("Cambodia", "PARTY_TO", "?c")],
        [("Malaysia", "PARTY_TO", ANY)]),
    row("guarantor-hosted-talks-between", "Qatar hosted talks between the Taliban and the United States that "
        "produced a deal.",
        [("Qatar", "GUARANTEES", "?d"), ("Taliban", "PARTY_TO", "?d"), ("United States", "PARTY_TO", "?d")],
        xfail="the sides of 'talks between X and Y' are not carried to the deal the talks produced"),
    row("guarantor-role-noun", "Morocco and the Polisario Front reached a truce. Algeria, a guarantor of the deal, "
        "welcomed it.",
        [("Algeria", "GUARANTEES", "?t"), ("Morocco", "PARTY_TO", "?t"), ("Polisario Front", "PARTY_TO", "?t")],
        [("Algeria", "PARTY_TO", ANY)]),
    row("guarantor-the-three-countries", "Egypt and Qatar, along with the United States, mediated for weeks. "
        "Israel rejected the plan. The three countries later brokered a truce.",
        [("Egypt", "GUARANTEES", ANY), ("Qatar", "GUARANTEES", ANY), ("United States", "GUARANTEES", ANY)],
        [("Israel", "GUARANTEES", ANY)]),
    row("guarantor-and-party-kept-apart", "Moscow and Ankara reached a ceasefire in Idlib. Russia and Turkey, along "
        "with Iran, are guarantors of a nationwide ceasefire.",
        [("Russia", "PARTY_TO", "?local"), ("Turkey", "PARTY_TO", "?local"), ("Russia", "GUARANTEES", "?national"),
         ("Turkey", "GUARANTEES", "?national"), ("Iran", "GUARANTEES", "?national")],
        [("Iran", "PARTY_TO", ANY)]),
    row("guarantor-brokered-passive-participle", "The Saudi-brokered deal was signed by the Yemeni government and the "
        "Southern Transitional Council.",
        [("Saudi Arabia", "GUARANTEES", "?d"), ("Yemeni government", "PARTY_TO", "?d"),
         ("Southern Transitional Council", "PARTY_TO", "?d")],
        [("Saudi Arabia", "PARTY_TO", ANY)]),
    # generic mentions: this document's agreement, never another conflict's
    row("generic-deal-joins-this-documents-agreement", "Mauritania and Mali signed a border security deal in "
        "Nouakchott. Senegal welcomed the deal, and Mali later accused Mauritania of breaching it.",
        [("Mauritania", "PARTY_TO", "?d"), ("Mali", "PARTY_TO", "?d"), ("Mauritania", "OPPOSES", "?d")],
        [(ANY, ANY, KNOWN_AGREEMENT)]),
    row("generic-truce-not-another-conflicts", "Fighting between Fano militias and federal troops eased after the "
        "truce. Both sides said the deal would hold.",
        [], [(ANY, ANY, KNOWN_AGREEMENT)]),
    row("generic-accord-in-a-new-conflict", "The accord was signed in Bangui on Friday by the Central African government and the "
        "Coalition of Patriots for Change.",
        [("Central African Republic", "PARTY_TO", "?a"), ("Coalition of Patriots for Change", "PARTY_TO", "?a")],
        [(ANY, ANY, KNOWN_AGREEMENT)]),
    row("generic-violated-it", "Azerbaijan and Armenia agreed a humanitarian truce on Saturday. Hours later Baku "
        "accused Yerevan of violating it.",
        [("Azerbaijan", "PARTY_TO", "?t"), ("Armenia", "PARTY_TO", "?t"), ("Azerbaijan", "OPPOSES", "Armenia"),
         T("Armenia", "OPPOSES", "?t", by="Azerbaijan")]),
    row("memorandum-of-understanding-with", "Kenya signed a memorandum of understanding with the breakaway "
        "region of Jubaland.",
        [("Kenya", "PARTY_TO", "?m"), (ANY, "PARTY_TO", "?m")]),
    row("memorandum-of-understanding-between", "The memorandum of understanding between India and Bhutan "
        "remains in force.",
        [("India", "PARTY_TO", "?m"), ("Bhutan", "PARTY_TO", "?m")]),
    row("acting-under-an-agreement", "Armenia and Azerbaijan exchanged prisoners under a humanitarian truce.",
        [("Armenia", "PARTY_TO", "?t"), ("Azerbaijan", "PARTY_TO", "?t")]),
    row("a-broker-acting-under-a-process-is-no-party", "Angola brokered a truce between Congo and Rwanda under "
        "the Luanda process.",
        [("Angola", "GUARANTEES", "?t")], [("Angola", "PARTY_TO", ANY)]),
    row("both-sides-accused-each-other-of-violating-it", "Sudan and South Sudan agreed a truce on Friday. Hours "
        "later both sides accused each other of violating it.",
        [("Sudan", "OPPOSES", "South Sudan"), ("South Sudan", "OPPOSES", "Sudan"), ("Sudan", "OPPOSES", "?t"),
         ("South Sudan", "OPPOSES", "?t"), ("Sudan", "PARTY_TO", "?t")]),
    row("each-accusing-the-other", "The truce collapsed within hours, with Sudan and South Sudan each accusing "
        "the other of violating it.",
        [("Sudan", "OPPOSES", "South Sudan"), ("South Sudan", "OPPOSES", "Sudan"), T("Sudan", "OPPOSES", "?t", by=None),
         T("South Sudan", "OPPOSES", "?t", by=None)]),
    row("an-arrangement-agreed-by", "Prisoners were freed under an arrangement agreed by Kenya and Somalia with "
        "Djibouti's mediation.",
        [("Kenya", "PARTY_TO", "?a"), ("Somalia", "PARTY_TO", "?a"), ("Djibouti", "GUARANTEES", "?a")]),
    row("a-plan-announced-is-no-agreement", "Russia announced a plan to withdraw its troops.",
        [], [(ANY, ANY, ANY)]),
    row("talks-facilitated-by-an-organisation's-panel", "The Nairobi Declaration was agreed in talks facilitated by "
        "the AU panel.",
        [("African Union", "GUARANTEES", "?d")]),
    row("brokered-together-with", "Kenya, which brokered the truce together with Ethiopia, urged restraint.",
        [("Kenya", "GUARANTEES", "?t"), ("Ethiopia", "GUARANTEES", "?t")]),
    row("mediated-by-x-together-with-y", "The deal, mediated by Angola together with Qatar and Togo, collapsed.",
        [("Angola", "GUARANTEES", "?d"), ("Qatar", "GUARANTEES", "?d"), ("Togo", "GUARANTEES", "?d")]),
    row("mediators-of-the-last-agreement-told", "A ceasefire took effect in Goma on Sunday. Angola and Qatar acted "
        "as mediators.",
        [("Angola", "GUARANTEES", "?c"), ("Qatar", "GUARANTEES", "?c")]),
    row("an-ally-is-no-agreement's", "The agreement was signed in Doha. Turkey is an ally of the Taliban.",
        [("Turkey", "BACKS", "Taliban")], [("Turkey", "GUARANTEES", ANY), ("Turkey", "PARTY_TO", ANY)]),
    row("a-new-agreement-is-named-by-its-sides-as-the-text-names-them", "The talks stalled after a bilateral "
        "ceasefire between Colombia and the ELN expired.",
        [("National Liberation Army", "PARTY_TO", "Colombia-ELN ceasefire"),
         ("Colombia", "PARTY_TO", "Colombia-ELN ceasefire")]),
    row("with-x-as-guarantors-is-no-co-signer", "The accord, signed by Sudan and South Sudan in Juba, with "
        "Uganda and Kenya as guarantors, ended the war.",
        [("Uganda", "GUARANTEES", "?a"), ("Kenya", "GUARANTEES", "?a"), ("Sudan", "PARTY_TO", "?a")],
        [("Uganda", "PARTY_TO", ANY), ("Kenya", "PARTY_TO", ANY)]),
    row("a-definite-agreement-with-a-descriptor-of-its-own-is-new", "The Stockholm Agreement was signed in 2018. "
        "The Houthis remain committed to the roadmap understandings reached with Riyadh through Omani mediation.",
        [("Houthis", "PARTY_TO", "?r"), ("Oman", "GUARANTEES", "?r")], [("Oman", "GUARANTEES", "Stockholm Agreement")]),
    row("a-new-agreement-is-named-by-the-sides-that-made-it", "Sudan and Chad signed a pact in N'Djamena. Days "
        "later prisoners were freed under an arrangement agreed by Kenya and Uganda.",
        [("Sudan", "PARTY_TO", "Sudan-Chad pact"), ("Kenya", "PARTY_TO", "Kenya-Uganda arrangement")]),
    row("a-side-in-an-apposition-or-relative-clause-of-a-signatory-is-none", "Moscow, a Damascus ally, and Ankara, "
        "which backs several rebel factions, signed the memorandum in Sochi.",
        [("Russia", "PARTY_TO", "?m"), ("Turkey", "PARTY_TO", "?m")], [("Syria", "PARTY_TO", ANY)]),
    row("a-memorandum-of-understanding-is-named-whole", "Both air forces follow the 2019 memorandum of understanding "
        "between India and Bhutan.",
        [("India", "PARTY_TO", "2019 memorandum of understanding"),
         ("Bhutan", "PARTY_TO", "2019 memorandum of understanding")]),
    row("guarantors-in-apposition-to-ministers-of-three-states", "The foreign ministers of Russia, Iran and Turkey, "
        "guarantors of the Astana process, met in Doha.",
        [("Russia", "GUARANTEES", "Astana process"), ("Iran", "GUARANTEES", "Astana process"),
         ("Turkey", "GUARANTEES", "Astana process")]),
    row("mediators-two-sentences-on-of-the-deal-not-the-one-compared", "The truce that Sudan and South Sudan agreed in "
        "Juba was, like the 2019 Khartoum accord, the product of shuttle diplomacy. The two sides never met; Kenya and "
        "Uganda acted as mediators.",
        [("Kenya", "GUARANTEES", "?t"), ("Sudan", "PARTY_TO", "?t")], [("Kenya", "GUARANTEES", "2019 Khartoum accord")]),
    row("a-state's-officers-as-co-guarantors", "A truce took effect on Sunday. Ankara said Turkish officers would act "
        "as co-guarantors of the truce.",
        [T("Turkey", "GUARANTEES", "?t", hedged=None, by=ANY)]),
    row("two-indefinite-agreements-that-differ-are-two", "Armenia and Azerbaijan freed detainees under a prisoner "
        "exchange deal brokered by the UAE. Weeks later they signed a border arrangement with Georgia's mediation.",
        [("United Arab Emirates", "GUARANTEES", "?x"), ("Georgia", "GUARANTEES", "?b"), ("Armenia", "PARTY_TO", "?b")],
        [("Georgia", "GUARANTEES", "Prisoner exchange deal")]),
    row("a-treaty-dated-by-its-verb-is-not-an-earlier-dated-one", "The 2020 trilateral statement ended the war in "
        "Karabakh. After years of talks, Armenia and Azerbaijan agreed the text of a peace treaty in March 2025.",
        [("Armenia", "PARTY_TO", "?t")], [("Armenia", "PARTY_TO", KNOWN_AGREEMENT)]),
    row("a-dated-mention-with-a-descriptor-the-known-one-lacks-is-new", "Shelling eased around Taiz and Ras Isa. "
        "The Houthis remain committed to the roadmap understandings reached with Riyadh in December.",
        [("Houthis", "PARTY_TO", "?r"), ("Saudi Arabia", "PARTY_TO", "?r")], [(ANY, ANY, KNOWN_AGREEMENT)]),
    row("a-kind-modifier-stays-in-the-name", "Georgia and Armenia agreed a humanitarian ceasefire in Sukhumi on "
        "Monday.",
        [("Georgia", "PARTY_TO", "Georgia-Armenia humanitarian ceasefire")]),
    row("a-peace-agreement-keeps-its-kind-noun-in-its-name", "The 2019 thaw between Kenya and Somalia, sealed in a "
        "peace agreement signed in Djibouti under Qatari and Turkish sponsorship, did not last.",
        [("Qatar", "GUARANTEES", "Djibouti peace agreement"), ("Turkey", "GUARANTEES", "Djibouti peace agreement")]),
    row("a-headline-truce-a-deal-it-is-in-and-the-first-such-deal-are-one", "Sudan's warring parties agree "
        "three-week truce in AU-brokered deal. KHARTOUM, May 2 - The army and the RSF have agreed to a three-week "
        "nationwide truce, the first such deal since 2023, the envoy said. Egypt welcomed the deal.",
        [("African Union", "GUARANTEES", "?t"), ("Rapid Support Forces", "PARTY_TO", "?t")],
        [("African Union", "PARTY_TO", ANY)]),
    row("a-labelled-truce-sharing-no-modifier-with-an-earlier-one-is-another", "Kenya brokered a local truce with "
        "the herders. Weeks later Uganda brokered a nationwide truce.",
        [("Kenya", "GUARANTEES", "?a"), ("Uganda", "GUARANTEES", "?b")]),
    row("with-the-assistance-of-x-an-agreement-was-made", "Kenya and Somalia signed the border pact with the help "
        "of Qatar. The rebels violated the truce they reached with the army in May with the assistance of Norway's "
        "special envoy.",
        [("Qatar", "GUARANTEES", "?p"), ("Norway", "GUARANTEES", "?t")],
        [("Qatar", "PARTY_TO", ANY), ("Norway", "PARTY_TO", ANY), ("Norway", "BACKS", ANY)]),
    row("with-the-help-of-x-in-fighting-is-no-mediation", "Russian troops retook the town with the help of Wagner.",
        [], [(ANY, "GUARANTEES", ANY)]),
    row("condemned-the-move-as-a-violation-of-the-agreement", "Eritrean troops crossed into the demilitarised strip "
        "near Badme. Kenya and Djibouti condemned the move as a violation of the May truce.",
        [("Eritrea", "OPPOSES", "May truce"), ("Kenya", "OPPOSES", "Eritrea")], [("Kenya", "OPPOSES", "May truce")]),
    row("in-defiance-of-the-agreement", "Hundreds of Rwandan soldiers remain deployed at Rubavu in defiance of the "
        "Luanda ceasefire. The spokesman noted that Ugandan troops remain at Bunia and in Beni in defiance of the "
        "same truce.",
        [("Rwanda", "OPPOSES", "?c"), ("Uganda", "OPPOSES", "?c")]),
    row("a-pair-of-mediators-is-no-pair-of-parties", "The truce builds on the May declaration, which Sudan and Chad "
        "signed under the same Kenyan-Ugandan mediation.",
        [("Kenya", "GUARANTEES", "?d"), ("Uganda", "GUARANTEES", "?d"), ("Sudan", "PARTY_TO", "?d")],
        [("Kenya", "PARTY_TO", ANY), ("Uganda", "PARTY_TO", ANY)]),
    row("the-state-speaking-of-its-agreement-with-y-is-the-other-party", "Ruto says the 2019 border agreement "
        "with Somalia has collapsed. The junta announced it was revoking the defence agreements signed with Russia.",
        [T("Kenya", "PARTY_TO", "?b", by=ANY), T("Somalia", "PARTY_TO", "?b", by=ANY)]),
    row("an-organisation-speaking-of-an-agreement-with-y-is-no-party", "The UN envoy said the agreement with the "
        "rebels had collapsed. Kenya said the truce between Sudan and Chad had collapsed.",
        [], [(Not("Sudan"), "PARTY_TO", "Sudan-Chad truce"), ("United Nations", "PARTY_TO", ANY)]),
    row("a-relation-between-two-sides-sealed-in-an-agreement", "The 2019 thaw between Kenya and Somalia, sealed in "
        "a peace agreement signed in Djibouti, did not last.",
        [T("Kenya", "PARTY_TO", "?a", hedged=None), T("Somalia", "PARTY_TO", "?a", hedged=None)]),
    row("sides-between-after-a-time", "A ceasefire was agreed at 18:00 between Armenia and Azerbaijan.",
        [("Armenia", "PARTY_TO", "?c"), ("Azerbaijan", "PARTY_TO", "?c")]),
    row("an-agreement-on-the-cessation-of-hostilities-through-mediation", "Through the mediation of the Qatari "
        "foreign ministry, an agreement on the complete cessation of hostilities was reached on Friday between Chad "
        "and the Front for Change and Concord in Chad.",
        [("Qatar", "GUARANTEES", "?a"), ("Chad", "PARTY_TO", "?a"), ("Front for Change and Concord in Chad",
                                                                      "PARTY_TO", "?a")],
        [("Qatar", "PARTY_TO", ANY)]),
    row("an-arrangement-between-two-sides-that-x-helped-broker", "Troops returned to Abyei under an arrangement "
        "between Sudan and South Sudan that Ethiopia helped broker.",
        [("Ethiopia", "GUARANTEES", "Sudan-South Sudan arrangement")], [("Ethiopia", "PARTY_TO", ANY)]),
    row("a-relative-clause-after-coordinated-names-is-said-of-all", "Delegations of Sudan and Chad signed a border "
        "truce in Juba on Friday, according to a joint statement by Kenya and Uganda, which facilitated the talks.",
        [("Kenya", "GUARANTEES", "?t"), ("Uganda", "GUARANTEES", "?t"), ("Sudan", "PARTY_TO", "?t")],
        [("Kenya", "PARTY_TO", ANY), ("Uganda", "PARTY_TO", ANY)]),
    row("talks-of-a-verb-stand-for-its-agreement-not-the-sentence's-first", "After the Juba accord, commanders of "
        "Sudan's army and the SPLM-North signed a declaration on the Nuba Mountains, in talks facilitated by the "
        "IGAD panel.",
        [("Intergovernmental Authority on Development", "GUARANTEES", "?d"), ("Sudanese Armed Forces", "PARTY_TO",
                                                                               "?d")]),
    # an agreement that binds its parties (the parser makes the object a second subject)
    row("an-agreement-binds-x-y-and-z", "The 2019 border accord, signed in Abuja, binds Chad, Niger and Cameroon to "
        "pool their patrols.",
        [("Chad", "PARTY_TO", "?a"), ("Niger", "PARTY_TO", "?a"), ("Cameroon", "PARTY_TO", "?a")]),
    row("an-agreement-binds-x-and-y-to-misparsed", "The border pact, signed last year, binds Niger and Chad to "
        "assist each other.",
        [("Niger", "PARTY_TO", "?a"), ("Chad", "PARTY_TO", "?a")]),
    row("an-actor-that-obliges-another-makes-no-party", "Nigeria's army obliged Cameroon to close the border.",
        [], [(ANY, "PARTY_TO", ANY)]),
    # a co-broker 'with' the broker
    row("x-brokered-the-truce-with-y", "Egypt, which brokered the truce with Qatar last year, said it would keep "
        "monitoring it.",
        [("Egypt", "GUARANTEES", "?t"), ("Qatar", "GUARANTEES", "?t")], [(ANY, "PARTY_TO", ANY)]),
    # 'the declaration that X and Y signed', the relative clause parsed as an acl
    row("a-declaration-that-x-and-y-signed-as-acl", "Kenya keeps the support of Uganda, formalised in a declaration "
        "on mutual defence that Ruto and Museveni signed in 2023.",
        [("Kenya", "PARTY_TO", "?d"), ("Uganda", "PARTY_TO", "?d")]),
    # a document is an agreement when it is signed or brokered, never for being mentioned
    row("the-document-was-signed-by-x-and-y", "The document, mediated by Kenya, was signed by Ethiopian Prime "
        "Minister Abiy Ahmed and Somali President Hassan Sheikh Mohamud.",
        [("Kenya", "GUARANTEES", "?d"), ("Ethiopia", "PARTY_TO", "?d"), ("Somalia", "PARTY_TO", "?d")],
        [("Kenya", "PARTY_TO", ANY)]),
    row("a-document-seen-is-no-agreement", "The document, seen by Reuters, says Kenya has signed nothing with "
        "Somalia.", [], [(ANY, ANY, "Document")]),
    row("separate-documents-are-no-agreement", "Uzbek and Tajik officials signed separate documents in Dushanbe.",
        [], [(ANY, "PARTY_TO", ANY)]),
    row("the-text-of-a-treaty-is-the-treaty", "Serbia and Kosovo agreed the text of a normalisation agreement in "
        "February.",
        [("Serbia", "PARTY_TO", "?a"), ("Kosovo", "PARTY_TO", "?a")], [(ANY, ANY, "Text")]),
    row("a-noun-with-a-subject-is-a-verb-not-a-deal", "The other track, brokered by Angola, deals with the M23 "
        "directly.", [], [(ANY, "PARTY_TO", ANY), (ANY, "GUARANTEES", ANY)]),
    row("a-truce-brokered-by-x-and-accepted-by-y-and-z", "Kenya tabled a truce brokered by Uganda and accepted by "
        "the TPLF and the OLA.",
        [("Uganda", "GUARANTEES", "?t"), ("Tigray People's Liberation Front", "PARTY_TO", "?t"),
         ("Oromo Liberation Army", "PARTY_TO", "?t")], [("Uganda", "PARTY_TO", ANY)]),
    # an agreement that grants a side something
    row("an-agreement-grants-x-something", "The accord, signed in 2021, grants Ethiopia access to the sea.",
        [("Ethiopia", "PARTY_TO", "?a")]),
    row("a-basing-deal-gives-x-a-port", "The basing deal gives India a port on the island.",
        [("India", "PARTY_TO", "?a")]),
    row("an-actor-that-allows-another-makes-no-party", "Kenya allows Somalia to use its airspace.",
        [], [(ANY, "PARTY_TO", ANY)]),
    # a plural apposition after coordinated names is said of all of them
    row("x-and-y-both-guarantors-of-the-accord", "Kenya and Uganda, both guarantors of the Arusha accord, urged "
        "restraint.",
        [("Kenya", "GUARANTEES", "?a"), ("Uganda", "GUARANTEES", "?a")]),
    row("x-a-guarantor-and-y-only-x", "Kenya, a guarantor of the Arusha accord, and Uganda urged restraint.",
        [("Kenya", "GUARANTEES", "?a")], [("Uganda", "GUARANTEES", ANY)]),
    # a deal reached with one side and announced by another: the announcer made no deal
    row("reached-with-x-and-announced-by-y", "Kenya says it remains bound by the ceasefire reached with the rebels "
        "through Ugandan mediation and announced by the Qatari foreign ministry.",
        [("Kenya", "PARTY_TO", "?c"), ("Uganda", "GUARANTEES", "?c")], [("Qatar", "PARTY_TO", ANY)]),
    # a passive with its doer, acting under an agreement: the doers are bound by it
    row("zones-agreed-by-x-and-y-under-a-process", "Kinshasa said the attacks violated the buffer zones agreed by "
        "Congo and Rwanda under the Luanda process.",
        [("Democratic Republic of the Congo", "PARTY_TO", "Luanda process"), ("Rwanda", "PARTY_TO", "Luanda process")],
        [("Angola", "PARTY_TO", ANY)]),
    row("a-truce-brokered-by-x-under-a-process-makes-no-party", "The truce was brokered by Qatar under the Luanda "
        "process.", [("Qatar", "GUARANTEES", ANY)], [("Qatar", "PARTY_TO", ANY)]),
    row("x-and-y-signed-a-founding-charter", "The TPLF and the OLA signed a founding charter in Washington.",
        [("Tigray People's Liberation Front", "PARTY_TO", "?c"), ("Oromo Liberation Army", "PARTY_TO", "?c")]),
]


@pytest.mark.parametrize("text,present,absent", AGREEMENTS)
def test_agreements(ex, text, present, absent):
    check(ex, text, present, absent)


# ---- 6. references ----------------------------------------------------------------------

REFERENCES = [
    row("the-government-in-a-capital-is-that-states", "Islamabad accused the government in Kabul of sheltering "
        "the TTP.",
        [("Pakistan", "OPPOSES", "Afghanistan"), T("Afghanistan", "BACKS", "Tehrik-i-Taliban Pakistan", by=ANY)],
        [T("Pakistan", "BACKS", ANY, by=ANY)]),
    row("the-group-as-a-misparsed-first-object", "The Houthis fired missiles at ships in the Red Sea. Washington "
        "says Tehran gave the group drones.",
        [T("Iran", "BACKS", "Houthis", by=ANY)]),
    row("sanctuary-given-to-the-group", "Al-Shabaab has bombed hotels in Mogadishu, and Somalia accuses Eritrea of "
        "giving the group sanctuary.",
        [T("Eritrea", "BACKS", "al-Shabaab", by=ANY)]),
    row("the-government-in-the-capital-after-a-named-authority", "The Government of National Accord rejected the plan. "
        "Cairo accused the government in Tripoli of hiring Syrian mercenaries.",
        [("Egypt", "OPPOSES", "Government of National Accord")], [("Egypt", "OPPOSES", "Libya")]),
    row("force-from-a-named-group", "Paris accuses Khalifa Haftar of shelling Tripoli and says Russian mercenaries "
        "from the Wagner Group are fighting alongside his forces near Sirte.",
        [T("Wagner Group", "BACKS", "Libyan National Army", by=ANY)], [T("Russia", "BACKS", ANY, by=ANY)]),
    row("apposition-after-a-comma-describes-the-group-before", "The accord was signed in Juba by the government of "
        "Salva Kiir and the Sudan Liberation Movement (SLM), a rebel movement armed and funded by Chad.",
        [("Chad", "BACKS", "Sudan Liberation Movement")], [("Chad", "BACKS", "militants")]),
    row("it-after-an-acronym-tagged-plural", "The KNU, which fought alongside the KIA last year, says it rejects the "
        "election and accuses the Tatmadaw of airstrikes.",
        [("Karen National Union", "OPPOSES", "Myanmar")], [("Kachin Independence Army", "OPPOSES", "Myanmar")]),
    # state-media epithets are aliases of the state they name
    row("epithet-zionist-enemy", "State television said the Zionist enemy shelled southern Lebanon.",
        [T("Israel", "ATTACKED", ANY, by=ANY)]),
    row("epithet-turkish-occupier", "Damascus said the Turkish occupier shelled Tal Tamr.",
        [T("Turkey", "ATTACKED", "Tal Tamr", by="Syria")]),
    row("epithet-yankee-empire", "The Yankee empire tightened its blockade of Cuba.",
        [("United States", "OPPOSES", "Cuba")]),
    row("pronoun-it", "Ankara has deployed troops near Tal Abyad. It has threatened to attack the YPG.",
        [("Turkey", "OPPOSES", "People's Protection Units")]),
    row("expletive-it-is-someones-duty", "Tehran arms the Houthis. Washington says it is Iran's duty to restrain the "
        "militias that it funds.",
        [("Iran", "BACKS", "Houthis")],
        [("United States", "BACKS", ANY), ("United States", ANY, "Iran"), ("Iran", ANY, "United States")]),
    row("expletive-it-is-clear-that", "Kenya said it was clear that al-Shabaab had attacked Mandera.",
        [T("al-Shabaab", "ATTACKED", "Mandera", by="Kenya")], [("Kenya", ANY, ANY)]),
    row("pronoun-in-relative-on-object-is-the-verbs-doer", "Khartoum condemned the raid. Cairo struck the militia "
        "that it accuses of smuggling weapons.",
        [("Egypt", "OPPOSES", ANY)], [("Sudan", "OPPOSES", ANY)]),
    row("label-is-said-of-the-object", "Police raided a house used by the Tren de Aragua gang, which Santiago has "
        "designated a terrorist organisation.",
        [("Chile", "OPPOSES", "Tren de Aragua")], [(ANY, ANY, "militants")]),
    row("label-as", "Nairobi designated the Mungiki as a terrorist group.",
        [("Kenya", "OPPOSES", "Mungiki")], [(ANY, ANY, "militants")]),
    row("named-owner-over-generic-adjective", "The Colombian army rejected the terrorist acts of the Gulf Clan.",
        [("Colombia", "OPPOSES", "Clan del Golfo")], [(ANY, ANY, "militants")]),
    row("judged-government-is-the-documents", "Boko Haram raided Maiduguri in Nigeria. Its leader vowed to wage jihad "
        "against the apostate government.",
        [T("Boko Haram", "OPPOSES", "Nigeria", hedged=None)]),
    row("dictatorship-is-the-documents-government", "Myanmar's junta bombed Sagaing. The NUG condemned the "
        "dictatorship.",
        [T("National Unity Government", "OPPOSES", "Myanmar", hedged=None)]),
    row("pronoun-his-forces-are-the-persons-side", "Ibrahim Traore flew to Moscow. Russian mercenaries fight alongside "
        "his troops.",
        [("Russia", "BACKS", "Burkina Faso")]),
    row("pronoun-he-said-is-the-persons-side", "Houthi spokesman Yahya Saree spoke on Tuesday. \"The Zionist enemy "
        "will bear the consequences of its crimes,\" he said.",
        [T("Houthis", "OPPOSES", "Israel", by=ANY)]),
    row("first-person-of-a-coordinated-speech-verb", "\"We will respond,\" Rwanda's spokeswoman said. Congo's "
        "minister welcomed the sanctions but said they were too weak, adding: \"Rwandan troops are shelling our "
        "towns.\"",
        [T("Rwanda", "ATTACKED", "Democratic Republic of the Congo", by=ANY)], [(ANY, "ATTACKED", "Rwanda")]),
    row("plural-subject-and-its-own-their-are-one-set", "Chad, Sudan and Libya recalled their ambassadors from "
        "the summit.",
        [], [("Chad", ANY, "Sudan"), ("Sudan", ANY, "Libya"), ("Libya", ANY, "Chad")]),
    row("government-of-a-framing-place", "Iraqi forces advanced on Mosul. Iraqi jets struck Hawija. In eastern "
        "Syria, regime forces backed by Russian airpower attacked ISIS near Deir ez-Zor.",
        [("Russia", "BACKS", "Syria")], [("Russia", "BACKS", "Iraq")]),
    row("named-actor-before-a-group-noun", "Arakan Army fighters shelled Sittwe. The PDF militias take orders from "
        "the NUG terrorist group.",
        [("National Unity Government", "BACKS", "People's Defence Force")], [("Arakan Army", "BACKS", ANY)]),
    row("description-with-its-charge", "Mozambique suspended talks with Renamo on Monday, accusing the "
        "guerrilla group of war crimes.",
        [("Mozambique", "OPPOSES", "Renamo")], [("Mozambique", "OPPOSES", Not("Renamo"))]),
    row("first-person-of-state-media-narration", "Hama, May 3 - Units of our armed forces destroyed positions of "
        "the Nusra Front terrorists in the Idlib countryside.",
        [("Syria", "ATTACKED", "Jabhat al-Nusra")]),
    row("first-person-in-a-quote-of-nobody-known", "\"Our forces destroyed their positions in Idlib,\" a commander "
        "told reporters.",
        [], [(ANY, "ATTACKED", ANY)]),
    row("backed-opposition-forces-are-the-backers-umbrella-group", "Turkish-backed Syrian opposition forces "
        "shelled Manbij on Friday.",
        [("Syrian National Army", "ATTACKED", "Manbij"), ("Turkey", "BACKS", "Syrian National Army")],
        [("Syria", "ATTACKED", ANY)]),
    row("pronoun-they", "Fano militiamen seized Lalibela on Sunday. They later ambushed Ethiopian soldiers near Gondar.",
        [("Fano", "ATTACKED", "Lalibela"), ("Fano", "ATTACKED", "Ethiopia")]),
    row("pronoun-its-troops", "Rwanda denies the charge, but its troops fight alongside the M23 in North Kivu.",
        [("Rwanda", "BACKS", "M23")]),
    row("pronoun-they-in-a-complement", "The Taliban said they captured Kunduz overnight.",
        [T("Taliban", "ATTACKED", "Kunduz", by=ANY)]),
    row("pronoun-they-after-plural-description", "The rebels of the M23 said they seized Bukavu.",
        [T("M23", "ATTACKED", "Bukavu", by="M23")]),
    row("pronoun-their", "The Taliban said their fighters captured Kunduz overnight.",
        [T("Taliban", "ATTACKED", "Kunduz", by=ANY)]),
    row("pronoun-its-fighters", "Islamic State West Africa Province has expanded around Lake Chad. Its fighters "
        "overran a Nigerian army base in Borno.",
        [("Islamic State West Africa Province", "ATTACKED", "Nigeria")]),
    row("possessive-its-forces", "Russia says its forces struck a Ukrainian command post near Pokrovsk.",
        [T("Russia", "ATTACKED", "Ukraine", by="Russia")]),
    row("possessive-its-largest-attack", "Russia launched its largest drone attack on Kyiv.",
        [("Russia", "ATTACKED", "Ukraine")]),
    row("possessive-its-is-the-target", "The IDF said Hamas fired rockets at one of its bases.",
        [("Hamas", "ATTACKED", "Israel")], [("Hamas", "ATTACKED", "Hamas")]),
    row("the-group", "Ansarul Islam has grown since 2016. The group attacked a Burkinabe army post near Djibo on Monday.",
        [("Ansarul Islam", "ATTACKED", "Burkina Faso")]),
    row("the-groups-fighters", "Islamic State West Africa Province has expanded around Lake Chad. The group's fighters "
        "overran a Nigerian army base in Borno.",
        [("Islamic State West Africa Province", "ATTACKED", "Nigeria")]),
    row("the-movement", "The Sudan People's Liberation Movement-North controls parts of South Kordofan. The movement "
        "accused the army of bombing Kauda.",
        [("Sudan People's Liberation Movement-North", "OPPOSES", ANY)]),
    row("the-militia", "Kataib Hezbollah is one of the strongest armed factions in Iraq. The militia fired rockets at "
        "a U.S. base in Anbar.",
        [("Kataib Hezbollah", "ATTACKED", "United States")]),
    row("the-junta", "Myanmar's military seized power in 2021. Since then the junta has bombed positions of the "
        "Karen National Union.",
        [("Myanmar", "ATTACKED", "Karen National Union")]),
    row("the-alliance", "The Three Brotherhood Alliance launched an offensive in northern Shan State. The alliance "
        "captured Lashio in August.",
        [("Three Brotherhood Alliance", "ATTACKED", "Lashio")]),
    row("the-coalition-definite", "The Saudi-led coalition said it intercepted the drones. The coalition, which backs "
        "the government, then pounded Houthi positions near Sanaa.",
        [("Saudi-led coalition", "ATTACKED", "Houthis")]),
    row("the-group-in-a-place", "Al-Shabaab claimed the bombing in Mogadishu. Kenyan troops launched an offensive "
        "against the terrorist group in the Lower Juba region.",
        [("Kenya", "ATTACKED", "al-Shabaab")]),
    row("the-group-not-a-descriptor-of-another", "The Arakan Army took Paletwa in January. The AA gets weapons from "
        "the KIA insurgent group in Kachin State. Since then the group has attacked Sittwe.",
        [("Arakan Army", "ATTACKED", "Sittwe")], [("Kachin Independence Army", "ATTACKED", "Sittwe")]),
    row("bare-coalition-modifier", "The Saudi-led coalition announced a pause on Monday. Days later the Houthis fired "
        "missiles at Jeddah, prompting coalition air strikes on Hodeidah.",
        [("Saudi-led coalition", "ATTACKED", "Hodeidah")]),
    row("bare-coalition-modifier-before-the-name", "Coalition strikes destroyed two ISIS checkpoints near Raqqa on "
        "Friday, Operation Inherent Resolve said in a statement.",
        [T("Combined Joint Task Force-Operation Inherent Resolve", "ATTACKED", "Islamic State", by=ANY)]),
    row("epithet-separatist-forces-of-a-named-place", "Azerbaijani troops advanced across Karabakh on Tuesday and "
        "shelled positions of the separatist forces near Stepanakert.",
        [("Azerbaijan", "ATTACKED", "Republic of Artsakh")]),
    row("epithet-ethnic-forces-are-not-the-states", "Azerbaijan's offensive in Nagorno-Karabakh overwhelmed the "
        "ethnic Armenian forces within a day.",
        [("Azerbaijan", "ATTACKED", "Republic of Artsakh")], [("Azerbaijan", "ATTACKED", "Armenia")]),
    row("epithet-the-separatists", "Azerbaijan has retaken Karabakh. Baku accused Yerevan of arming the separatists.",
        [T("Armenia", "BACKS", "Republic of Artsakh", by=ANY)], [T("Armenia", "BACKS", "Azerbaijan", by=ANY)]),
    row("epithet-kurdish-led-force", "The Syrian Democratic Forces lost Manbij in 2019. The Kurdish-led force later "
        "attacked Turkish positions near Ain Issa.",
        [("Syrian Democratic Forces", "ATTACKED", "Turkey")]),
    row("epithet-backed-forces-are-the-backed-group", "The Syrian National Army shelled Ain Issa. Turkish-supported "
        "opposition forces then advanced on Tal Tamr.",
        [("Turkey", "BACKS", "Syrian National Army"), ("Syrian National Army", "ATTACKED", "Tal Tamr")]),
    row("epithet-backed-militants-stay-generic", "The Syrian National Army holds Afrin. Turkish-backed militants "
        "shelled Tal Rifaat.",
        [("?militants", "ATTACKED", "Tal Rifaat")], [("Syrian National Army", "ATTACKED", "Tal Rifaat")]),
    row("opposition-forces-are-no-states", "Syrian opposition forces shelled the town of Tal Rifaat.",
        [], [("Syria", "ATTACKED", ANY)]),
    row("pronoun-not-its-clauses-subject", "Ethiopia's prime minister Abiy Ahmed said the government would cut ties "
        "with Eritrea, accusing it of arming the TPLF.",
        [T("Eritrea", "BACKS", "Tigray People's Liberation Front", hedged=None, by=ANY)],
        [T("Ethiopia", "BACKS", ANY, hedged=None, by=ANY)]),
    row("rebels-led-by-a-named-group", "Syrian rebels led by Hayat Tahrir al-Sham seized most of Aleppo on Sunday.",
        [("Hayat Tahrir al-Sham", "ATTACKED", "Aleppo")], [(Not("Hayat Tahrir al-Sham"), "ATTACKED", "Aleppo")]),
    row("named-group-led-rebels", "HTS-led rebels stormed Hama on Thursday.",
        [("Hayat Tahrir al-Sham", "ATTACKED", "Hama")]),
    row("the-rebel-militia-with-a-gerund", "The RSF shelled El Fasher again. The army accused the rebel militia of "
        "occupying hospitals in Khartoum.",
        [("Sudan", "OPPOSES", "Rapid Support Forces")], [("Sudan", "OPPOSES", Not("Rapid Support Forces"))]),
    row("role-noun-with-coordinated-adjectives", "The Houthis warned Israel and its American and British partners.",
        [("Houthis", "OPPOSES", "United States"), ("Houthis", "OPPOSES", "United Kingdom")]),
    row("led-named-organisation-keeps-its-name", "Armenia left the Russian-led Collective Security Treaty "
        "Organization, accusing the bloc of failing to help.",
        [("Armenia", "OPPOSES", "Collective Security Treaty Organization")], [("Armenia", "OPPOSES", "Treaty")]),
    row("possessive-in-the-complement-of-accuse", "The Sudanese army took the UAE to the World Court, accusing it of "
        "complicity in war crimes through its support for the RSF.",
        [("United Arab Emirates", "BACKS", "Rapid Support Forces")], [(ANY, "BACKS", Not("Rapid Support Forces")),
                                                                      ("Sudanese Armed Forces", "BACKS", ANY)]),
    row("possessive-in-a-later-conjunct", "Kinshasa warned the M23 and its Rwandan sponsors against any new "
        "offensive.",
        [T("Rwanda", "BACKS", "M23", hedged=None, by=ANY)],
        [T("Rwanda", "BACKS", "Democratic Republic of the Congo", hedged=None, by=ANY)]),
    row("the-two-countries", "Eritrea and Djibouti clashed along the border in 2008. The two countries signed a peace "
        "accord in Doha two years later.",
        [("Eritrea", "PARTY_TO", "?a"), ("Djibouti", "PARTY_TO", "?a")]),
    row("both-sides", "Kyrgyzstan and Tajikistan exchanged fire for two days. Both sides agreed to a ceasefire on "
        "Friday.",
        [("Kyrgyzstan", "PARTY_TO", "?c"), ("Tajikistan", "PARTY_TO", "?c")]),
    row("the-two-leaders", "Vladimir Putin met Recep Tayyip Erdogan in Moscow. The two leaders agreed on a ceasefire.",
        [("Russia", "PARTY_TO", ANY), ("Turkey", "PARTY_TO", ANY)]),
    row("the-three-countries", "Egypt and Qatar, along with the United States, mediated for weeks. Israel rejected the "
        "plan. The three countries later brokered a truce.",
        [("Egypt", "GUARANTEES", ANY), ("Qatar", "GUARANTEES", ANY), ("United States", "GUARANTEES", ANY)]),
    row("first-person-we", "The Islamic Resistance in Iraq said in a statement: \"We targeted an American base in "
        "eastern Syria with two drones.\"",
        [T("Islamic Resistance in Iraq", "ATTACKED", "United States", by=ANY)]),
    row("first-person-our-partners", "\"We will keep supporting our partners in the Syrian Democratic Forces,\" the "
        "Pentagon said.",
        [T("United States", "BACKS", "Syrian Democratic Forces", hedged=None, by=ANY)]),
    row("first-person-our-forces", "\"Our forces repelled an attack by the Rapid Support Forces on El Fasher,\" the "
        "Sudanese Armed Forces said.",
        [T("Rapid Support Forces", "ATTACKED", "El Fasher", by=ANY),
         T("Sudanese Armed Forces", "ATTACKED", "Rapid Support Forces", by=ANY)]),
    row("acronym-defined-in-text", "Fighters of the Free Leopard Brigade (FLB) stormed an army checkpoint. Two days "
        "later the FLB attacked the village of Qasrayn.",
        [("Free Leopard Brigade", "ATTACKED", "Qasrayn")]),
    row("generic-group-joins-named-apposition", "The Zarqa Hawks, a militia loyal to the interior ministry, clashed "
        "with the Nawasi Brigade. The militia's commander was killed.",
        [("Zarqa Hawks", "ATTACKED", "Nawasi Brigade")]),
    row("generic-groups-one-per-document", "Takfiri militants shelled the town of Kafr Nabl. The terrorists in Idlib "
        "later withdrew. The extremists are backed by Turkey.",
        [("Turkey", "BACKS", "?militants"), ("?militants", "ATTACKED", "Kafr Nabl")]),
    row("the-capital-not-a-venue", "Envoys met for talks in Doha on Monday. Syrian rebels of the Vardan Front later "
        "shelled the capital.",
        [("Vardan Front", "ATTACKED", "Syria")], [("Vardan Front", "ATTACKED", "Qatar")]),
    row("the-capital-of-the-dateline", "TRIPOLI, Jan 2 (Wire) - Turkey's parliament approved a deployment, Ankara "
        "said. Ankara and Cairo are at odds. The Vardan Front shelled the capital.",
        [("Vardan Front", "ATTACKED", "Libya")], [("Vardan Front", "ATTACKED", "Turkey")]),
    row("the-military-not-of-the-dateline", "KABUL/ISLAMABAD, Dec 25 (Wire) - Pakistani jets bombed villages in "
        "Paktika province, the Taliban said. Pakistani troops and Pakistani drones hit Taliban posts. The military "
        "said it had struck the TTP.",
        [T("Pakistan", "ATTACKED", "Tehrik-i-Taliban Pakistan", by=ANY)],
        [("Afghanistan", "ATTACKED", "Tehrik-i-Taliban Pakistan")]),
    row("bare-rebels-after-led-rebels", "HTS-led rebels captured Kafr Nabl on Sunday. Turkey called for calm. "
        "Rebels later shelled Saraqeb.",
        [("Hayat Tahrir al-Sham", "ATTACKED", "Saraqib")]),
    row("headline-rebels-are-the-led-rebels", "Rebels shell Saraqeb\n\nIDLIB, Dec 1 - Syrian rebels led by Hayat "
        "Tahrir al-Sham said on Sunday they had entered Kafr Nabl.",
        [("Hayat Tahrir al-Sham", "ATTACKED", "Saraqib")]),
    row("rebel-columns-after-led-rebels", "HTS-led rebels captured Homs. Russian jets bombed rebel columns near Hama.",
        [("Russia", "ATTACKED", "Hayat Tahrir al-Sham")]),
    row("bare-rebels-of-two-groups-stay-generic", "HTS-led rebels captured Kafr Nabl. Kurdish rebels of the Syrian "
        "Democratic Forces held Manbij. Rebels later shelled Saraqeb.",
        [], [("Hayat Tahrir al-Sham", "ATTACKED", "Saraqib"), ("Syrian Democratic Forces", "ATTACKED", "Saraqib")]),
    row("the-army-base-of-the-state-named-here", "Niger and Mali praised the new force. Burkina Faso's president "
        "said JNIM terrorists had attacked the army base at Djibo.",
        [T("Jama'at Nusrat al-Islam wal-Muslimin", "ATTACKED", "Burkina Faso", by=ANY)]),
    row("hyphen-joined-state-adjectives", "Russian-Syrian jets bombed Maarat al-Numan. Emirati-Saudi warplanes "
        "struck Hodeidah.",
        [("Russia", "ATTACKED", ANY), ("Syria", "ATTACKED", ANY), ("United Arab Emirates", "ATTACKED", "Hodeidah"),
         ("Saudi Arabia", "ATTACKED", "Hodeidah")]),
    row("whose-forces-of-an-act-named-with-its-owners", "Kyiv condemned the Russian-Belarusian aggression, whose "
        "jets bombed Lviv on Monday.", [("Russia", "ATTACKED", "Lviv"), ("Belarus", "ATTACKED", "Lviv")]),
    row("a-description-is-not-its-own-clauses-subject", "Chad and Sudan exchanged artillery fire on Monday. Egypt "
        "and Libya sent military aid to the two countries.",
        [("Egypt", "BACKS", "Chad"), ("Libya", "BACKS", "Sudan")], [("Egypt", "BACKS", "Libya"), ("Libya", "BACKS", "Egypt")]),
    row("a-description-in-its-own-between-phrase", "Qatar and Oman have offered to mediate between the two "
        "neighbours.", [], [("Qatar", ANY, "Oman")]),
    row("people-from-a-side-are-its", "Delegations from Armenia and Azerbaijan signed a border protocol in Almaty. "
        "Officials from the UN attended the ceremony.",
        [("Armenia", "PARTY_TO", "?d"), ("Azerbaijan", "PARTY_TO", "?d")], [("United Nations", "PARTY_TO", ANY)]),
    row("unowned-troops-of-the-speaking-state", "Troops repelled an attack by ADF rebels near Beni on Sunday, the "
        "Congolese army said. Soldiers fired on protesters in Goma, the UN mission said. Drones struck Lviv "
        "overnight, Ukraine's air force said.",
        [("Democratic Republic of the Congo", "ATTACKED", "Allied Democratic Forces")],
        [(ANY, "ATTACKED", "Goma"), ("MONUSCO", ANY, ANY), ("United Nations", ANY, ANY), ("Ukraine", "ATTACKED", ANY)]),
    row("names-joined-by-a-slash", "Cameroonian soldiers repelled Boko Haram/ISWAP fighters near Kolofata. "
        "Hezbollah/Amal gunmen later shelled Kiryat Shmona.",
        [("Cameroon", "ATTACKED", "Boko Haram"), ("Cameroon", "ATTACKED", "Islamic State West Africa Province"),
         ("Hezbollah", "ATTACKED", "Kiryat Shmona"), ("Amal Movement", "ATTACKED", "Kiryat Shmona")]),
    row("a-slashed-dateline-is-no-actor", "KINSHASA/KIGALI, May 3 - M23 rebels shelled Sake on Friday.",
        [("M23", "ATTACKED", "Sake")], [("Democratic Republic of the Congo", ANY, ANY), ("Rwanda", ANY, ANY)]),
    row("judged-definite-force-is-the-last-named", "Chadian troops reached Baga Sola on Monday. The defence ministry "
        "said the gallant troops later repelled an attack by Boko Haram fighters and routed them.",
        [("Chad", "ATTACKED", "Boko Haram")]),
    row("generic-militants-blamed", "Turkey's Defense Ministry claimed that Syrian government forces attacked one of "
        "its observation posts. Russia blamed militants for the attack.",
        [T("Syria", "ATTACKED", "Turkey", by="Turkey"), T("?militants", "ATTACKED", ANY, by="Russia")]),
]


@pytest.mark.parametrize("text,present,absent", REFERENCES)
def test_references(ex, text, present, absent):
    check(ex, text, present, absent)


# ---- 7. unknown names: a user's alias file and names only spaCy knows ------------------------

FICTION = [
    row("fiction-possessive-in-a-reason-is-the-object", "The Ostral Union imposed sanctions on Kestrevia over its "
        "support for the Marsh Wardens.", [("Ostral Union", "OPPOSES", "Kestrevia"), ("Kestrevia", "BACKS", "Marsh Wardens")],
        [("Ostral Union", "BACKS", ANY)]),
    row("fiction-relative-object-label", "Revik said his government would never negotiate with the GLF, which it "
        "considers a terrorist organisation.", [("Arnoria", "OPPOSES", "Grey Lantern Front")]),
    row("fiction-sides-named-inside-the-deal-phrase", "The Ostral Union will act as guarantor of the new ceasefire "
        "between Arnoria and the GLF.", [("Arnoria", "PARTY_TO", "?d"), ("Grey Lantern Front", "PARTY_TO", "?d")]),
    row("fiction-participle-on-a-fronted-deal", "Arnoria and the Marsh Wardens reached a deal in Saren. Under the deal, "
        "mediated by the Ostral Union, the Wardens agreed to disarm.", [("Ostral Union", "GUARANTEES", "?d"),
                                                                        ("Arnoria", "PARTY_TO", "?d")]),
    row("fiction-short-name-after-the-full-one", "The Marsh Wardens shelled Velmont on Monday. Arnorian jets "
        "retaliated by bombing Wardens positions near the border.", [("Arnoria", "ATTACKED", "Marsh Wardens")]),
    row("fiction-advisers-of-a-state", "GLF fighters, armed and trained by Kestrevian advisers, overran an Arnorian "
        "army post near the border.", [("Kestrevia", "BACKS", "Grey Lantern Front"),
                                       ("Grey Lantern Front", "ATTACKED", "Arnoria")]),
    row("fiction-double-object-after-an-article", "Velmont accuses Dovra of giving the Marsh Wardens drones.",
        [("Arnoria", "OPPOSES", "Kestrevia"), T("Kestrevia", "BACKS", "Marsh Wardens", by="Arnoria")]),
    row("fiction-the-government-in-a-capital", "The Amber Palace accused the government in Dovra of sheltering the "
        "Lanterns.",
        [("Arnoria", "OPPOSES", "Kestrevia"), T("Kestrevia", "BACKS", "Grey Lantern Front", by="Arnoria")]),
    row("fiction-with-owned-money", "The Grey Lantern Front rebuilt its arsenal over five years with Ulmarchi money.",
        [("Ulmarch", "BACKS", "Grey Lantern Front")]),
    row("fiction-pledged-to-help-rebuild", "Kestrevia has pledged to help rebuild the Arnorian navy.",
        [T("Kestrevia", "BACKS", "Arnoria", hedged=False)]),
    row("fiction-militias-known-as", "In the marshes, clan militias known as the Marsh Wardens have fought alongside "
        "Kestrevian troops.",
        [("Marsh Wardens", "BACKS", "Kestrevia")], [("militants", "BACKS", "Kestrevia")]),
    row("fiction-active", "Arnorian troops shelled positions of the Grey Lantern Front near Halden.",
        [("Arnoria", "ATTACKED", "Grey Lantern Front")]),
    row("fiction-passive-acronym", "The GLF was attacked by Kestrevian drones.",
        [("Kestrevia", "ATTACKED", "Grey Lantern Front")]),
    row("fiction-capitals-and-control", "Velmont accused Dovra of arming the Marsh Wardens.",
        [("Arnoria", "OPPOSES", "Kestrevia"), T("Kestrevia", "BACKS", "Marsh Wardens", by="Arnoria")]),
    row("fiction-alias-with-article", "Ulmarch accused the Lanterns of attacking a police station.",
        [("Ulmarch", "OPPOSES", "Grey Lantern Front")]),
    row("fiction-seat-and-its-forces", "The Amber Palace said its forces repelled an assault by the Grey Lantern Front.",
        [T("Arnoria", "ATTACKED", "Grey Lantern Front", by="Arnoria")]),
    row("fiction-leader-acts-for-state", "Tomas Revik vowed to crush the Lanterns.",
        [("Arnoria", "OPPOSES", "Grey Lantern Front")], [("Arnoria", "ATTACKED", "Grey Lantern Front")]),
    row("fiction-x-backed", "Kestrevian-backed Marsh Wardens ambushed an Arnorian patrol.",
        [("Kestrevia", "BACKS", "Marsh Wardens"), ("Marsh Wardens", "ATTACKED", "Arnoria")]),
    row("fiction-anti-x", "Anti-Kestrevian fighters of the Grey Lantern Front ambushed a convoy near Dovra.",
        [("Grey Lantern Front", "OPPOSES", "Kestrevia")]),
    row("fiction-apposition-ally", "Ulmarch, a close ally of Arnoria, condemned the Kestrevian offensive.",
        [("Ulmarch", "BACKS", "Arnoria"), ("Ulmarch", "OPPOSES", "Kestrevia")]),
    row("fiction-relative-clause", "The Marsh Wardens, which Kestrevia arms, raided a depot in Halden.",
        [("Kestrevia", "BACKS", "Marsh Wardens"), ("Marsh Wardens", "ATTACKED", "Halden")]),
    row("fiction-nominal-support", "Kestrevian support for the Marsh Wardens angered Velmont.",
        [("Kestrevia", "BACKS", "Marsh Wardens")]),
    row("fiction-agreement-named", "Arnoria and Kestrevia signed the Velmont Accord, brokered by the Ostral Union.",
        [("Arnoria", "PARTY_TO", "Velmont Accord"), ("Kestrevia", "PARTY_TO", "Velmont Accord"),
         ("Ostral Union", "GUARANTEES", "Velmont Accord")]),
    row("fiction-agreement-generic", "Arnoria and Kestrevia reached a ceasefire in Saren under Ulmarchi auspices. "
        "The truce was holding on Sunday.",
        [("Arnoria", "PARTY_TO", "?c"), ("Kestrevia", "PARTY_TO", "?c"), ("Ulmarch", "GUARANTEES", "?c")],
        [(ANY, ANY, KNOWN_AGREEMENT), ("Ulmarch", "PARTY_TO", ANY)]),
    row("fiction-leaders-sign", "Tomas Revik and Ilse Varro signed the Velmont Accord.",
        [("Arnoria", "PARTY_TO", "Velmont Accord"), ("Kestrevia", "PARTY_TO", "Velmont Accord")]),
    row("fiction-leaders-reach-misparsed", "Tomas Revik and Ilse Varro reached a ceasefire in Saren.",
        [("Arnoria", "PARTY_TO", "?c"), ("Kestrevia", "PARTY_TO", "?c")],
        xfail="spaCy misparses the coordination ('Revik' nmod of 'Varro'); the first leader is not recovered "
              "as a co-subject"),
    row("fiction-the-group", "The Grey Lantern Front was founded in the marshes of Halden. The group later ambushed "
        "Arnorian soldiers.",
        [("Grey Lantern Front", "ATTACKED", "Arnoria")]),
    row("fiction-they", "Kestrevia and Ulmarch condemned the raid. They also imposed sanctions on Arnoria.",
        [("Kestrevia", "OPPOSES", "Arnoria"), ("Ulmarch", "OPPOSES", "Arnoria")]),
    row("fiction-guarantor-role-noun", "Ulmarch, a guarantor of the Velmont Accord, warned both sides against new "
        "fighting.",
        [("Ulmarch", "GUARANTEES", "Velmont Accord")], [("Ulmarch", "PARTY_TO", ANY)]),
    row("fiction-between-and-mediated", "Ulmarchi diplomats mediated the truce between Velmont and the Lanterns.",
        [("Ulmarch", "GUARANTEES", "?t"), ("Arnoria", "PARTY_TO", "?t"), ("Grey Lantern Front", "PARTY_TO", "?t")],
        [(ANY, ANY, KNOWN_AGREEMENT), (ANY, ANY, "Velmont Accord")]),
    row("fiction-denied", "Kestrevia denied arming the Marsh Wardens.",
        [T("Kestrevia", "BACKS", "Marsh Wardens", negated=True, hedged=None)],
        [("Kestrevia", "BACKS", "Marsh Wardens")]),
    row("fiction-threat", "Arnoria threatened to invade Kestrevia.",
        [T("Arnoria", "ATTACKED", "Kestrevia", hedged=True), ("Arnoria", "OPPOSES", "Kestrevia")],
        [("Arnoria", "ATTACKED", "Kestrevia")]),
    row("fiction-according-to", "According to the Ostral Union, Kestrevian artillery shelled Halden.",
        [T("Kestrevia", "ATTACKED", "Halden", by="Ostral Union")]),
    row("fiction-possessive-offensive", "Arnoria's offensive against the Grey Lantern Front stalled in Halden.",
        [("Arnoria", "ATTACKED", "Grey Lantern Front")]),
    row("fiction-sanctions", "The Ostral Union imposed sanctions on Kestrevia.",
        [("Ostral Union", "OPPOSES", "Kestrevia")]),
    row("fiction-proxy", "The Marsh Wardens, a Kestrevian proxy, shelled Arnorian border posts.",
        [("Kestrevia", "BACKS", "Marsh Wardens"), ("Marsh Wardens", "ATTACKED", "Arnoria")]),
]

NER_ONLY = [
    row("ner-weapon-make-is-no-actor", "Ankara sold Kestrel drones to Abuja.",
        [("Turkey", "BACKS", "Nigeria")], [(ANY, ANY, "Kestrel"), ("Kestrel", ANY, ANY)]),
    row("ner-weapon-make-with-state-adjective", "Overnight, Russian Kalibr missiles struck the port of Izmail.",
        [("Russia", "ATTACKED", "Izmail")]),
    row("ner-group-active", "The Zorvian Liberation Front attacked government forces in the town of Melkar, the "
        "Malian army said.",
        [T("Zorvian Liberation Front", "ATTACKED", ANY, by=ANY)]),
    row("ner-group-backed-by", "The Popular Army of Tessaly, backed by Mauritania, seized the town of Oued Tira.",
        [("Mauritania", "BACKS", "Popular Army of Tessaly")]),
    row("ner-group-passive", "Fighters of the Kolwe Defence Movement were bombed by the Burundian army.",
        [("Burundi", "ATTACKED", "Kolwe Defence Movement")]),
    row("ner-group-accuses-state", "The Baraka Defence Council accused Uganda of shelling its camps.",
        [("Baraka Defence Council", "OPPOSES", "Uganda"),
         T("Uganda", "ATTACKED", "Baraka Defence Council", by="Baraka Defence Council")]),
    row("ner-group-with-preposition-in-name", "The government of Chad signed a peace accord with the Movement for "
        "Justice in Tibesti.",
        [("Chad", "PARTY_TO", "?a"), ("Movement for Justice in Tibesti", "PARTY_TO", "?a")]),
    row("ner-group-starting-with-state-adjective", "The Sahrawi Popular Brigades claimed responsibility for the "
        "attack on a Moroccan outpost.",
        [T("Sahrawi Popular Brigades", "ATTACKED", "Morocco", by=ANY)], [T("Western Sahara", ANY, ANY, by=ANY)]),
    row("ner-missed-title-case-group", "Kenya imposed sanctions on the Lokori Self-Defence Group.",
        [("Kenya", "OPPOSES", "Lokori Self-Defence Group")]),
]


@pytest.mark.parametrize("text,present,absent", FICTION)
def test_actors_from_a_users_alias_file(ex_fiction, text, present, absent):
    check(ex_fiction, text, present, absent)


@pytest.mark.parametrize("text,present,absent", NER_ONLY)
def test_names_only_spacy_knows(ex, text, present, absent):
    check(ex, text, present, absent)


# ---- 8. scope: negation, hedging, attribution, denials --------------------------------------

SCOPE = [
    # blame and threats said of a side: the speaker opposes it
    row("speaker-blames-in-a-gerund-after-the-content", "The Iraqi army said the militants were getting rockets from "
        "Tehran, holding Iran responsible for the attacks.",
        [("Iraq", "OPPOSES", "Iran")], [("militants", "OPPOSES", "Iran")]),
    row("will-continue-an-offensive-is-under-way", "The Karen National Union will continue its offensive on "
        "Hpapun, a spokesman said.",
        [("Karen National Union", "ATTACKED", "Hpapun")]),
    row("will-launch-an-offensive-is-hedged", "The Karen National Union will launch an offensive on Hpapun, a "
        "spokesman said.",
        [], [("Karen National Union", "ATTACKED", "Hpapun")]),
    row("negation-stops-at-a-when-clause", "Kenya blamed the bloc for failing to act when Somali troops pushed into "
        "Kenyan territory.",
        [("Somalia", "ATTACKED", "Kenya")], [T("Somalia", "ATTACKED", "Kenya", negated=True, hedged=None)]),
    row("speaker-says-a-side-bears-responsibility", "Tehran said Washington bore full responsibility for the raid.",
        [T("Iran", "OPPOSES", "United States", by="Iran")]),
    row("speaker-vows-a-side-will-pay", "Kenya vowed that al-Shabaab would pay a heavy price.",
        [("Kenya", "OPPOSES", "al-Shabaab")]),
    row("speaker-before-a-colon", 'Erdogan: "The PKK will pay dearly for this attack."',
        [T("Turkey", "OPPOSES", "Kurdistan Workers' Party", by="Turkey")]),
    row("speaker-says-a-side-took-sides", 'Serbia called the sanctions "unjust" and said Berlin had "taken sides."',
        [T("Serbia", "OPPOSES", "Germany", by="Serbia")]),
    row("speaker-of-a-coordinated-speech-verb", 'Kenya called the raid "cowardly" and said its troops would stay. '
        '"Our soldiers will crush al-Shabaab."',
        [T("Kenya", "OPPOSES", "al-Shabaab", by="Kenya")]),
    row("quoted-threat-with-parenthetical-speaker", "Hamas will bear the consequences, the Israeli army said.",
        [T("Israel", "OPPOSES", "Hamas", by=ANY)]),
    row("speaker-says-a-side-breached-the-truce", "Kyiv said Moscow had breached the Easter truce.",
        [T("Ukraine", "OPPOSES", "Russia", by="Ukraine"), T("Russia", "OPPOSES", ANY, by="Ukraine")]),
    row("speaker-calls-a-side-a-threat", "Kigali said the FDLR is a threat to the whole region.",
        [T("Rwanda", "OPPOSES", "Democratic Forces for the Liberation of Rwanda", by="Rwanda")]),
    row("the-threat-is-a-side", "The real danger to the region is al-Shabaab, Nairobi said.",
        [T("Kenya", "OPPOSES", "al-Shabaab", by=ANY)]),
    row("nobody-known-says-it", "London bore responsibility for the famine, historians say.",
        [], [(ANY, "OPPOSES", "United Kingdom")]),
    # negation and denials
    row("denied-carrying-out", "Russia denied carrying out airstrikes on Idlib.",
        [T("Russia", "ATTACKED", ANY, negated=True, hedged=None)], [("Russia", "ATTACKED", ANY)]),
    row("did-not", "Turkey did not attack the Syrian army.",
        [T("Turkey", "ATTACKED", "Syria", negated=True, hedged=None)], [("Turkey", "ATTACKED", "Syria")]),
    row("denied-backing", "Rwanda denied backing the M23.",
        [T("Rwanda", "BACKS", "M23", negated=True, hedged=None)], [("Rwanda", "BACKS", "M23")]),
    row("denied-that-clause", "Uganda denied that it had armed the RSF.",
        [T("Uganda", "BACKS", "Rapid Support Forces", negated=True, hedged=None, by=ANY)],
        [T("Uganda", "BACKS", "Rapid Support Forces", by=ANY)]),
    row("never", "Qatar has never funded Hamas, its foreign minister said.",
        [T("Qatar", "BACKS", "Hamas", negated=True, hedged=None, by=ANY)], [("Qatar", "BACKS", "Hamas")]),
    row("stopped-supporting", "Rwanda stopped supporting the M23 in 2013.",
        [T("Rwanda", "BACKS", "M23", negated=True, hedged=None)], [("Rwanda", "BACKS", "M23")]),
    row("must-stop-supporting-takes-it-for-granted", "The Armenian leadership must stop supporting the separatists "
        "in Karabakh.", [T("Armenia", "BACKS", "Republic of Artsakh", hedged=None)]),
    row("urged-to-stop-arming-takes-it-for-granted", "Algeria urged Morocco to stop arming the Sahel militias. Paris "
        "urged Niamey to stop expelling French diplomats.", [("Morocco", "BACKS", ANY)], [("Algeria", "BACKS", ANY)]),
    row("no-longer", "Moscow no longer supplies weapons to Armenia.",
        [T("Russia", "BACKS", "Armenia", negated=True, hedged=None)], [("Russia", "BACKS", "Armenia")]),
    row("neither-nor-subjects", "Neither Russia nor Iran attacked Israel.",
        [T("Russia", "ATTACKED", "Israel", negated=True, hedged=None),
         T("Iran", "ATTACKED", "Israel", negated=True, hedged=None)],
        [("Russia", "ATTACKED", "Israel"), ("Iran", "ATTACKED", "Israel")]),
    row("neither-nor-objects", "Syria attacked neither Israel nor Turkey.",
        [T("Syria", "ATTACKED", "Israel", negated=True, hedged=None),
         T("Syria", "ATTACKED", "Turkey", negated=True, hedged=None)],
        [("Syria", "ATTACKED", "Israel"), ("Syria", "ATTACKED", "Turkey")]),
    row("no-on-the-object", "Russia supplied no weapons to Armenia.",
        [T("Russia", "BACKS", "Armenia", negated=True, hedged=None)], [("Russia", "BACKS", "Armenia")]),
    row("no-more-than-a-number", "Russia supplied no more than ten tanks to Armenia.",
        [("Russia", "BACKS", "Armenia")]),
    row("no-on-the-event-noun", "Israel launched no strikes on Hezbollah positions.",
        [T("Israel", "ATTACKED", "Hezbollah", negated=True, hedged=None)], [("Israel", "ATTACKED", "Hezbollah")]),
    row("no-in-an-adjunct", "Israel struck Hezbollah positions with no warning.",
        [("Israel", "ATTACKED", "Hezbollah")]),
    row("denial-and-a-second-verb", "Turkey denied attacking the YPG and said it had struck PKK positions.",
        [T("Turkey", "ATTACKED", "People's Protection Units", negated=True, hedged=None, by=ANY),
         T("Turkey", "ATTACKED", "Kurdistan Workers' Party", by=ANY)],
        [("Turkey", "ATTACKED", "People's Protection Units")]),
    row("negation-shared-by-bare-conjunct", "Russia has not attacked Kharkiv or shelled Sumy.",
        [T("Russia", "ATTACKED", "Sumy", negated=True, hedged=None)], [("Russia", "ATTACKED", "Sumy")]),
    row("conjunct-with-a-tense-of-its-own", "Russia did not attack Kharkiv and shelled Sumy instead.",
        [T("Russia", "ATTACKED", "Kharkiv", negated=True, hedged=None), ("Russia", "ATTACKED", "Sumy")]),
    row("conjunct-with-an-auxiliary-of-its-own", "Russia has not attacked Kharkiv and has shelled Sumy.",
        [T("Russia", "ATTACKED", "Kharkiv", negated=True, hedged=None), ("Russia", "ATTACKED", "Sumy")]),
    row("finite-verb-after-a-denied-gerund", "Israel denied striking Hezbollah and shelled Hamas.",
        [T("Israel", "ATTACKED", "Hezbollah", negated=True, hedged=None, by=ANY), ("Israel", "ATTACKED", "Hamas")]),
    row("did-not-deny-that", "Russia did not deny that its jets struck Idlib.",
        [T("Russia", "ATTACKED", "Idlib", hedged=True, by=ANY)], [T("Russia", "ATTACKED", "Idlib", negated=True,
                                                                    hedged=None, by=ANY)]),
    row("rejected-claims", "The Houthis rejected claims that they had attacked a Greek tanker.",
        [], [("Houthis", "ATTACKED", ANY)]),
    # hedging: threats, plans, modals, conditionals
    row("threatened-to-attack", "Turkey threatened to attack the Syrian army.",
        [T("Turkey", "ATTACKED", "Syria", hedged=True), ("Turkey", "OPPOSES", "Syria")],
        [("Turkey", "ATTACKED", "Syria")]),
    row("conditional-if", "If Iran strikes Israel, Washington will respond.",
        [T("Iran", "ATTACKED", "Israel", hedged=True)], [("Iran", "ATTACKED", "Israel")]),
    row("plans-to", "Poland plans to deliver more tanks to Ukraine next year.",
        [T("Poland", "BACKS", "Ukraine", hedged=True)], [("Poland", "BACKS", "Ukraine")]),
    row("modal-could", "The Arakan Army could seize Sittwe within weeks, analysts say.",
        [T("Arakan Army", "ATTACKED", "Sittwe", hedged=True, by=ANY)], [("Arakan Army", "ATTACKED", "Sittwe")]),
    row("considering", "Hungary is considering supplying weapons to Serbia.",
        [T("Hungary", "BACKS", "Serbia", hedged=True)], [("Hungary", "BACKS", "Serbia")]),
    row("warned-it-would", "India warned that it would strike Lashkar-e-Taiba camps if attacks continued.",
        [T("India", "ATTACKED", "Lashkar-e-Taiba", hedged=True)], [("India", "ATTACKED", "Lashkar-e-Taiba")]),
    row("may-have", "Iran may have supplied drones to the Sudanese army.",
        [T("Iran", "BACKS", "Sudanese Armed Forces", hedged=True)], [("Iran", "BACKS", "Sudanese Armed Forces")]),
    row("allegedly", "Rwanda allegedly supplied weapons to the M23.",
        [T("Rwanda", "BACKS", "M23", hedged=True)], [("Rwanda", "BACKS", "M23")]),
    row("alleged-strike", "Syria condemned Israel's alleged strike on the Iranian consulate.",
        [T("Israel", "ATTACKED", "Iran", hedged=True), ("Syria", "OPPOSES", "Israel")], [("Israel", "ATTACKED", "Iran")]),
    row("question", "Will Turkey attack the YPG again?",
        [T("Turkey", "ATTACKED", "People's Protection Units", hedged=True)],
        [("Turkey", "ATTACKED", "People's Protection Units")]),
    row("neither-confirmed-nor-denied", "Israel neither confirmed nor denied striking the Iranian consulate.",
        [T("Israel", "ATTACKED", "Iran", negated=False, hedged=True, by=ANY)],
        [T("Israel", "ATTACKED", "Iran", negated=True, hedged=None, by=ANY)]),
    row("rejected-reports-that-it", "Uganda rejected reports that it had armed the RSF.",
        [T("Uganda", "BACKS", "Rapid Support Forces", negated=True, hedged=None, by=ANY)],
        [("Uganda", "BACKS", "Rapid Support Forces")]),
    row("rejected-what-it-called", "Baku rejected what it called France's military support for Armenia.",
        [T("France", "BACKS", "Armenia", hedged=None, by=ANY)],
        [T("France", "BACKS", "Armenia", negated=True, hedged=None, by=ANY)]),
    row("asked-to-stop", "Egypt asked Ethiopia to stop filling the dam.",
        [], [("Egypt", "ATTACKED", ANY)]),
    # attribution
    row("said", "Ukraine said Russian troops shelled Kherson overnight.",
        [T("Russia", "ATTACKED", "Kherson", by="Ukraine")]),
    row("according-to", "According to SANA, Turkish forces shelled the town of Tal Tamr.",
        [T("Turkey", "ATTACKED", "Tal Tamr", by="SANA")]),
    row("accused-x-of", "Mali's junta accused Algeria of backing separatist rebels.",
        [T("Algeria", "BACKS", ANY, by="Mali")]),
    row("a-charge-x-denies", "The UN accused Rwanda of arming the M23, a charge Kigali denies.",
        [T("United Nations", "OPPOSES", "Rwanda", by=None), T("Rwanda", "BACKS", "M23", by="United Nations",
                                                              hedged=None, negated=None)]),
    row("the-charge-x-denies", "Baku accuses Yerevan of shelling Tartar; Yerevan denies the charge.",
        [T("Azerbaijan", "OPPOSES", "Armenia", by=None), T("Armenia", "ATTACKED", "Tartar", by="Azerbaijan",
                                                         hedged=None, negated=None)]),
    row("two-conflicting-claims", "Turkey's Defense Ministry claimed that Syrian government forces attacked one of "
        "its observation posts. Russia blamed militants for the attack.",
        [T("Syria", "ATTACKED", "Turkey", by="Turkey"), T(ANY, "ATTACKED", ANY, by="Russia")]),
    row("state-media-reported", "Iranian state media reported that the Revolutionary Guards struck Kurdish militants "
        "in northern Iraq.",
        [T("Iran", "ATTACKED", ANY, by=SOMEONE)]),  # the Guards act for Iran
    row("headline-claim-not-in-body", "Turkey disputes Russia on Idlib truce\n\nSyrian troops shelled the town of "
        "Saraqib on Monday.",
        [("Syria", "ATTACKED", "Saraqib"), ("Turkey", "OPPOSES", "Russia")]),
]


@pytest.mark.parametrize("text,present,absent", SCOPE)
def test_scope(ex, text, present, absent):
    check(ex, text, present, absent)


# ---- entities: names, organs, people, variants -------------------------------------------------

def test_state_organ_is_its_own_node_linked_to_the_state(ex):
    x = run(ex, "Russia's Defense Ministry said its jets bombed Hay'at Tahrir al-Sham positions near Idlib.")
    organs = [e for e in x.entities if e.part_of == "actor:russia"]
    assert organs and any("Defen" in e.name for e in organs)
    assert ("Russia", "ATTACKED", "Hayat Tahrir al-Sham") in {(c.subject.name, c.relation, c.object.name)
                                                                for c in x.claims}


@pytest.mark.parametrize("text,name,state", [
    pytest.param("Vladimir Putin and Recep Tayyip Erdogan signed a memorandum on northern Syria in Sochi.",
                 "Vladimir Putin", "actor:russia", id="leader"),
    pytest.param("The clashes stopped after Erodgan traveled to Moscow and clinched a ceasefire.",
                 None, "actor:turkey", id="misspelt-leader"),
])
def test_people_act_for_their_state(ex, text, name, state):
    people = [e for e in run(ex, text).entities if e.kind == "Person" and (name is None or e.name == name)]
    assert people and people[0].part_of == state


def test_user_alias_people_act_for_their_state(ex_fiction):
    x = run(ex_fiction, "Tomas Revik met Ilse Varro in Saren.")
    assert {e.name: e.part_of for e in x.entities if e.kind == "Person"} == {
        "Tomas Revik": "actor:arnoria", "Ilse Varro": "actor:kestrevia"}


def test_transliteration_variants_and_known_aliases_share_one_entity(ex):
    x = run(ex, "Khurras al-Din and Hurras al-Din are the same outfit, and Daesh is another name for ISIS.")
    names = {e.name for e in x.entities if e.kind == "Group"}
    assert len({n for n in names if "Din" in n or "Religion" in n}) == 1
    assert len({n for n in names if n in ("ISIS", "Islamic State", "Daesh", "ISIL")}) == 1


def test_generic_groups_become_one_group_per_document(ex):
    x = run(ex, "Takfiri militants shelled the town of Kafr Nabl. The terrorists in Idlib later withdrew. "
                "The extremists are backed by Turkey.")
    assert len({e.key for e in x.entities if e.kind == "Group"}) == 1


def test_dated_generic_agreement_is_an_agreement(ex):
    x = run(ex, "Russia and Turkey signed the Sochi agreement in 2018. Under the March 5 ceasefire, joint patrols "
                "began. Iran welcomed the ceasefire.")
    assert all(e.kind == "Agreement" for e in x.entities if "ceasefire" in e.name.lower())
    # the dated ceasefire is known to the alias data (the Moscow Protocol of 5 March 2020) or named by its date
    assert any(e.kind == "Agreement" and ("March 5" in e.name or "Moscow" in e.name) for e in x.entities)


# ---- the contract and the text as read ----------------------------------------------------------

def test_contract_fields_and_spans_point_into_the_text(ex):
    text = "Moscow \u201cstrongly\u201d condemned the U.S. strikes. Iran\u2019s Revolutionary Guards attacked Kurdish rebels."
    x = run(ex, text, name="doc1")
    assert x.claims
    for c in x.claims:
        d = c.contract()
        assert set(d) >= {"doc", "subject", "relation", "object", "subject_kind", "object_kind", "subject_mention",
                          "object_mention", "subject_span", "object_span", "evidence", "attributed_to", "confidence",
                          "negated", "hedged"}
        assert d["doc"] == "doc1"
        assert text[d["subject_span"][0]:d["subject_span"][1]] == d["subject_mention"]
        assert text[d["object_span"][0]:d["object_span"][1]] == d["object_mention"]
        assert d["evidence"] in " ".join(text.split())
        assert 0 < d["confidence"] <= 1


def test_typographic_noise_curly_quotes_and_nbsp(ex):
    text = "Turkey\u00a0backs Hay\u2019at Tahrir al\u2011Sham, a \u201cterrorist\u201d group, Moscow says."
    c = next(c for c in run(ex, text).claims if c.relation == "BACKS")
    assert c.object.name == "Hayat Tahrir al-Sham"
    assert text[c.object_span[0]:c.object_span[1]] == c.object_mention


def test_headline_without_full_stop_is_its_own_sentence(ex):
    x = run(ex, "Turkey disputes Russia on Idlib truce\n\nSyrian troops shelled the town of Saraqib on Monday.")
    assert x.claims
    for c in x.claims:
        assert "\n" not in c.sentence
        assert not (c.relation == "OPPOSES" and "Saraqib" in c.sentence)


def test_headline_case_is_lowered_where_the_body_writes_lower_case():
    from graphkit.extract.normalize import sentence_case_headlines
    text = "Rebels In Idlib Are Rejecting The Truce Brokered By Turkey\n\nThe rebels are rejecting the truce, Turkey says."
    out = sentence_case_headlines(text)
    assert len(out) == len(text)
    assert out.startswith("Rebels in Idlib are rejecting the truce Brokered by Turkey")


# ---- the tables themselves ---------------------------------------------------------------------

def test_the_matcher_fails_when_it_should(ex):
    """The table helper is itself tested: a missing triple, a wrong flag, a violated absent pattern
    and two variables bound to one entity each fail."""
    text = "Rwanda and Uganda backed the M23."
    check(ex, text, [_pattern(("Rwanda", "BACKS", "?g")), _pattern(("Uganda", "BACKS", "?g"))], [])
    for present, absent in [
        ([("Rwanda", "ATTACKED", "M23")], []),
        ([T("Rwanda", "BACKS", "M23", hedged=True)], []),
        ([T("Rwanda", "BACKS", "M23", by="Uganda")], []),
        ([("Rwanda", "BACKS", "?a"), ("Uganda", "BACKS", "?b")], []),
        ([], [("Uganda", "BACKS", ANY)]),
    ]:
        with pytest.raises(AssertionError):
            check(ex, text, [_pattern(p) for p in present], [_pattern(p) for p in absent])


@pytest.mark.parametrize("text,words,label,name,kind", [
    ("-- Near Tarkand, three strikes destroyed ISIL positions.", "Near Tarkand", "PERSON", "Tarkand", "Place"),
    ("09:40 - Zorvian Guards shelled the market in Melkar.", "09:40 - Zorvian Guards", "ORG", "Zorvian Guards", ANY),
    ("Since March, the Coalition has conducted 300 strikes.", "the Coalition", "ORG", None, None),
], ids=["capitalised-preposition", "live-blog-time-stamp", "capitalised-description"])
def test_entity_spans_lose_line_start_noise(ex, text, words, label, name, kind):
    """spaCy's entity spans take in a line's time stamp or a capitalised preposition; what is
    left is the name (a place after 'Near'), and a capitalised description names nothing."""
    from spacy.tokens import Span

    from graphkit.extract.pipeline import prepare
    doc = ex.nlp(prepare(text))
    start = next(t.i for t in doc if doc[t.i:].text.startswith(words))
    end = start + len(ex.nlp.make_doc(words))
    doc.ents = [Span(doc, start, end, label=label)]
    mentions, _ = ex.candidates(doc)
    found = {(m.ent.name, m.ent.kind) for m in mentions.mentions if start <= m.start < end}
    names = {n for n, _ in found}
    assert words not in names
    if name is None:
        assert all(k != "Organization" or n != "Coalition" for n, k in found)
    else:
        assert any(n == name and kind in (ANY, k) for n, k in found), found


def test_a_date_triggers_nothing(ex):
    """'since March' is a date, not a march on anyone."""
    from graphkit.extract.pipeline import prepare
    doc = ex.nlp(prepare("Since March, the Saudi-led coalition has conducted 300 strikes against Houthi targets."))
    assert any(t.lower_ == "march" and t.ent_type_ == "DATE" for t in doc)
    _, cands = ex.candidates(doc)
    assert cands and not [c for c in cands if c.trigger.lower_ == "march"]


@pytest.mark.parametrize("text,subject", [
    ("Oman and Qatar are guarantors of a Yemen-wide ceasefire.", "Yemen"),
    ("A Libya-wide truce took hold on Friday, and Egypt welcomed it.", "Libya"),
    ("Kenya and Ethiopia earlier brokered a full ceasefire agreement in Darfur aimed at halting clashes between "
     "government forces and militants in the area.", "militants"),
], ids=["hyphenated-scope-word", "hyphenated-scope-word-subject", "deep-in-a-clause-on-the-deal"])
def test_broad_candidates_skip_what_is_no_argument_of_the_deal(ex, text, subject):
    """A name inside a hyphenated scope word ('a Yemen-wide ceasefire') or deep in a clause on the
    agreement noun is no party to it: no broad (path) candidate links it to the agreement."""
    from graphkit.extract.pipeline import prepare
    _, cands = ex.candidates(ex.nlp(prepare(text)))
    assert cands
    wrong = [c for c in cands if c.cls.startswith("path:") and c.object.ent.kind == "Agreement"
             and subject in c.subject.text]
    assert not wrong, [(c.subject.text, c.relation, c.object.ent.name, c.cls) for c in wrong]


def test_talks_stand_for_the_deal_not_its_zone(ex):
    from graphkit.extract.pipeline import prepare
    doc = ex.nlp(prepare("Russian and Turkish officers agreed on a new ceasefire in the Idlib de-escalation zone "
                         "after four days of talks in Ankara."))
    mentions, _ = ex.candidates(doc)
    talks = [m for m in mentions.mentions if doc[m.head].lower_ == "talks"]
    deal = [m for m in mentions.mentions if doc[m.head].lower_ == "ceasefire"]
    assert talks and deal and talks[0].ent is deal[0].ent


def test_a_place_owner_is_no_broad_argument(ex):
    """'a ceasefire in Syria's Idlib zone': the possessor of a place, or of what a locative
    preposition governs, is where, not who: no broad candidate takes it."""
    from graphkit.extract.pipeline import prepare
    doc = ex.nlp(prepare("Russian and Turkish officers agreed on the details of a new ceasefire in Syria's Idlib "
                         "de-escalation zone."))
    _, cands = ex.candidates(doc)
    assert cands
    assert not [c for c in cands if c.cls.startswith("path:") and c.subject.text == "Syria"]


def test_a_pronoun_a_deal_verb_takes_is_the_deal(ex):
    """'refused to extend it': the last agreement named, never the last actor (no candidate of any score)."""
    text = ("The Lake Chad fishing initiative, brokered by Cameroon and the UN in 2021, collapsed a year later when "
            "Nigeria refused to extend it.")
    from graphkit.extract.pipeline import prepare
    _, cands = ex.candidates(ex.nlp(prepare(text)))
    objects = {c.object.ent.kind for c in cands if c.trigger.lower_ == "extend"}
    assert objects == {"Agreement"}


def test_a_label_in_a_relative_clause_with_its_pronoun_hung_elsewhere_is_no_group(ex):
    """'the group, which the parliament designated a terrorist organization in May, ...' parsed with
    'which' hung on 'in': the label is still said of the relative pronoun, no group of its own."""
    from spacy.tokens import Doc
    from graphkit.extract.groups import _predicate_of_label
    words = ["The", "group", ",", "which", "parliament", "designated", "a", "terrorist", "organization", "in", "May"]
    heads = [1, 1, 1, 9, 5, 1, 8, 8, 5, 5, 9]
    deps = ["det", "ROOT", "punct", "pobj", "nsubj", "relcl", "det", "amod", "dobj", "prep", "pobj"]
    tags = ["DT", "NN", ",", "WDT", "NN", "VBD", "DT", "JJ", "NN", "IN", "NNP"]
    pos = ["DET", "NOUN", "PUNCT", "PRON", "NOUN", "VERB", "DET", "ADJ", "NOUN", "ADP", "PROPN"]
    doc = Doc(ex.nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos,
              lemmas=[{"designated": "designate"}.get(w, w.lower()) for w in words])
    assert _predicate_of_label(doc[8], ex.lex.word_set("labelling_verbs"))
