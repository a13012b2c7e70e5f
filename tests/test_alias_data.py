"""The alias data under graphkit/data/aliases: every file loads, every entry is well formed and
points at entries that exist, no name is claimed by two entities, and no alias is a common English
word or a generic phrase that would fire on ordinary text.

COMMON_WORDS below is data for these checks: the 5,000 most frequent English words of the
``wordfreq`` package (3.1.1, ``top_n_list("en", 5000)``) that Debian's ``wamerican`` dictionary
lists in lower case (so not proper nouns such as "Iran" or "Paris"), one- and non-letter words
dropped. Regenerate with:

    python -c "from wordfreq import top_n_list; d={w.strip() for w in open('/usr/share/dict/american-english') if w.strip()==w.strip().lower()}; print(' '.join(w for w in top_n_list('en', 5000) if w in d and w.isalpha() and len(w) > 1))"
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date

import pytest
from spacy.lang.en.stop_words import STOP_WORDS

from graphkit.extract.gazetteer import ALIAS_DIR, load_file, load_gazetteer
from graphkit.extract.normalize import fold
from graphkit.model import ENTITY_KINDS

FILES = sorted(p.stem for p in ALIAS_DIR.glob("*.json"))
RAW = {f: json.loads((ALIAS_DIR / f"{f}.json").read_text(encoding="utf-8"))["entries"] for f in FILES}
EXPECTED_FILES = {"countries", "governments", "groups", "organizations", "leaders", "agreements", "places"}
ACTOR_FILES = ("countries", "governments", "groups", "organizations")   # what a party, backer or parent may name
AFFILIATION_FILE = {"state": "countries", "group": "groups", "organization": "organizations", "authority": "governments"}
NAME_FIELDS = ("aliases", "adjectives", "demonyms", "capitals", "seats")

# Phrases that are resolved inside a document by code, never by alias data.
GENERIC_PHRASES = {
    "the group", "group", "the army", "army", "the military", "military", "the junta", "junta", "the government", "government",
    "the regime", "regime", "the rebels", "rebels", "militants", "insurgents", "the militia", "militia", "militias", "the alliance",
    "alliance", "the coalition", "coalition", "coalition forces", "the movement", "movement", "the front", "front", "council",
    "the council", "security forces", "armed forces", "government forces", "state forces", "the forces", "forces", "troops",
    "fighters", "the authorities", "authorities", "the administration", "the party", "party", "the organisation", "the organization",
    "the mission", "mission", "peacekeepers", "the peacekeepers", "un peacekeepers", "the state", "state", "the enemy", "enemy",
    "the deal", "deal", "the agreement", "agreement", "the accord", "accord", "the truce", "truce", "ceasefire", "the ceasefire",
    "cease-fire", "peace agreement", "peace deal", "peace accord", "peace plan", "peace talks", "peace process", "memorandum",
    "memorandum of understanding", "the memorandum", "roadmap", "road map", "framework agreement", "declaration of principles",
    "joint statement", "joint declaration", "trilateral statement", "humanitarian ceasefire", "humanitarian truce", "humanitarian pause",
    "permanent ceasefire", "nationwide ceasefire", "two-month truce", "three-phase ceasefire", "prisoner exchange", "prisoner swap",
    "defence pact", "defense pact", "mutual defence treaty", "mutual defense treaty", "maritime deal", "naval base agreement",
    "transitional government", "interim government", "unity government", "national unity government", "parallel government",
    "military council", "transitional council", "sovereign council", "presidential council", "house of representatives",
    "parliament", "the parliament", "ministry of defence", "ministry of defense", "defence ministry", "defense ministry",
    "foreign ministry", "ministry of foreign affairs", "general command", "the general command", "special forces", "the kremlin's forces",
    "national army", "national guard", "border guard", "border police", "coast guard", "air force", "navy", "the navy",
}
# Words that do not make an agreement's alias distinctive: a name needs a place, a party, a date or a proper title.
GENERIC_AGREEMENT_WORDS = set("""
agreement agreements accord accords deal deals ceasefire cease-fire fire truce peace memorandum mou understanding understandings
declaration plan roadmap road map framework process talks treaty pact protocol statement arrangement arrangements initiative
proposal cessation hostilities humanitarian permanent nationwide bilateral trilateral temporary interim comprehensive political
joint final preliminary principles of the a an on and for to in between with new partial complete lasting security military
cooperation defence defense mutual strategic partnership normalisation normalization settlement resolution communique
communiqué conclusions charter convention armistice pause exchange prisoner prisoners swap hostage hostages release phase
three two four seven week week-long day month long short short-term zone zones buffer safe de-escalation agreement's
""".split())

COMMON_WORDS_TEXT = """
the to and of in is for that you it on with this was be as are have at he not by but from my or we an your all so
his they me if one can will just like about up out what has when more do no were who had their there her which time
get been would she new people how some also them now other its our than good only after first him into know see two
make over think any then could back these us want because go well said way most much very where even should may here
need really did right work year years being day too going before off why made still take got many never those life
say world down great through last while best such love man home long look something use same used both every am come
part state three around between always better find help high little old since another does own things under during
game thing give house place school again next each without against end found must show big feel sure team ever
family keep might please put money free second someone away left number city days lot name night play until company
doing few let real called different having set thought done however getting god government group looking public top
women business care start system times week already anything case nothing person today change enough everything full
live making point read told yet bad four hard mean once support tell including music power seen states stop water
based believe call head men national small took white came far job side though try went yes actually later less line
order party run says service country open season shit thank children everyone general trying united using area black
following law makes together war whole car face five kind maybe per president story working course games health hope
important least means news within able book early friends information local oh post thanks video young ago others
social talk court fact given guys half hand level mind often single become body coming control death food guy hours
office pay problem south true almost fuck history known large lost research room several started taking university
win wrong along anyone else girl john matter pretty remember air bit friend hit needs nice playing probably saying
understand yeah class close comes idea international looks past possible wanted cause due happy human members months
move question series wait woman ask community data late leave north saw special watch either fucking future light
low million morning police short stay taken age buy deal rather reason red report soon third turn whether among
check development form further heart minutes myself services yourself act although asked child fire fun living major
media phone players art behind building easy gonna market near non plan political quite six talking west works
according available education final former front kids list ready sometimes son street bring college current example
experience heard meet program type baby chance father march process song study word across action clear gave gets
himself month outside self students words board cost cut field held instead main moment mother road seems thinking
town wants department energy fight fine force hear issue played points price re rest results running shows space
summer term wife beautiful date goes killed land miss project sex shot site strong account especially eyes include
parents period position record similar total above club common died film happened knew lead likely military perfect
personal security share won center county couple dead happen hold industry inside issues online player private
problems return rights sense star test view weeks break companies event higher hour member middle needed present
result sorry takes training wish answer boy design finally girls gold gone guess interest king learn policy society
added alone average bank brought certain church east hands hot longer medical movie original park performance press
received role sent themselves tried worked worth areas became bill books cool director exactly giving ground meeting
provide questions relationship sound source usually value evidence follow lives official production rate reading
round save stand stuff tax whatever amount blue countries drive eat fall fast federal feeling felt green league
management match model picture size step trust central changes forward groups hey key mom page paid range review
science trade upon various attention brother cannot character chief cup football hate led looked lower natural
property quality send style vote amazing august blood china complete dog economic hell involved itself language lord
oil related serious stage terms title add article attack born damn decided decision enjoy entire french kill met
perhaps poor release situation technology turned website written choice code considered continue council cover
currently door election events financial foreign hair increase legal lose pick race seem seven sign simple simply
staff super union walk bed began built career changed crazy daily daughter die difficult figure hospital knows loss
modern ones paper parts popular published safe starting systems version voice whose writing army earth forget goal
huge internet listen okay practice rules sea sir success towards waiting ways access base below created deep
followed la mark missing offer pass professional released risk schools sleep table ten truth ball box build card
cases dark district mine minister note percent piece products recent seeing straight visit wall wanna wrote allowed
boys culture etc fans gives growth included married officer pain places respect response river rock shall speak
specific standard tonight write album century charge cold create effect eight except eye funny ii limited moving
network peace provided recently required sales spent store student tomorrow track via watching weight addition ahead
allow anti association beat brown capital committee conference difference double expect gas island moved normal
plans population potential pressure radio station text treatment western ass beginning campaign certainly completely
content credit cross described despite female focus hi husband ice individual interesting join kept leading loved
message miles nearly particular previous quickly region reported section sort speed travel consider contact drop
fair feet kid link positive sale throughout tour welcome absolutely additional beyond conditions earlier extra
forces immediately jobs leaving minute nature numbers quick sell significant studies unless winning agree clean
computer construction episode favorite income justice levels manager movement photo posted safety scene sold sounds
spend statement sun teams ability announced asking calling coach collection continued costs definitely designed
expected gun happens heavy includes knowledge particularly search subject train wide wow author claim dad developed
fear fit generally global goals gotta hotel interested judge lady leader letter lines material named nobody
opportunity plus product regular secretary sister stories unit workers annual anymore bar battle brain contract
degree families features finished floor growing hurt image insurance majority meant opening opinion physical pro
reach rule seriously sports stupid successful active administration approach biggest cancer civil dance defense
direction independent master none reasons ship stock trump weekend wonder worst awesome band beach cash clearly
commercial compared effort ended fan fighting imagine impact lack latest learning multiple older operation
organization passed pictures protect secret senior spring telling wear activities address analysis anyway bought
calls choose color commission competition details direct dream easily finish grand increased literally luck marriage
names necessary patients resources rich skin speaking supposed sweet thus touch yesterday caught closed congress
damage directly disease doctor doubt drink driving established feels fish gay glad greater grow largest machine
notice overall planning professor programs records reports shown sit trip associated basic captain carry cars crime
effective effects explain fully highly holding japan laws male parties plant reality smith spot winter worse advice
agreement award block broken caused challenge characters comment equipment eventually helped holy killing lived lots
nation otherwise peter prices primary purpose rates responsible shop showing sick teacher theory uses agency avoid
camera catch cell coast comments drug economy environment executive foot hall mass meaning mission nine officers
operations politics pop produced ran status therefore trial truly weather activity app application claims coffee
complex condition division evening flight freedom google heat highest interview library located location murder
offered putting queen seconds showed sitting standing stars walking accept actual appear attempt broke channel
distance eating exchange fat fell finding glass learned losing mobile northern opened placed powerful prior
protection reached receive religious ride royal screen serve signed slow species speech traffic tree types vs
wearing whom wonderful agreed airport animals appears begin benefits bottom cities demand engine everybody famous
ideas investment keeping lie notes partner plays raised runs sad solution songs sources southern square stopped
structure traditional twice wind worry appeared becomes brand bus cent count covered critical digital forced fourth
fresh lake mental mentioned missed mostly mouth owner photos previously realize remain scale score separate smart
starts surface throw tom totally twitter views wedding acting actions arms benefit budget click estate failed faith
fashion feature fund generation hearing hill jack larger metal mid profile pull push returned rose seat seemed
sexual target understanding village agent animal apply authority basis becoming draw dude employees enter ex follows
foundation gain individuals leaders memory prime projects ring rise selling served silver soul spread supply waste
weird adult apparently artist chairman edition engineering grade happening healthy institute method mike nations
obviously option prison provides remains senate smaller somebody stone strength users wild window winner arrived bag
bet camp cast continues correct dangerous ed extremely firm greatest handle improve indeed leaves movies negative
prevent removed spirit television till trouble videos advantage apart aware cat customers decide dinner dollars
eastern fifth function gift helping herself impossible influence items marketing materials nor produce progress
proud require shooting shut standards tells thinks van wood background birth bridge carried classes completed
concept copy dear dogs drugs efforts garden host housing inc journal labor leadership length lucky neither onto
patient possibly prove rare setting skills software thousands tough units ad alive apple balance birthday bitch boss
cards changing connection dress easier fellow horse knowing liked magic managed map net owned request stick turns
vehicle volume wake aid beauty believed billion busy buying cells concerned conversation corner criminal cultural
develop driver ends existing farm file fix fly frank guide images investigation operating paying presented raise
responsibility roll slightly suggest surprise technical thoughts treat unique variety violence weapons yours youth
appreciate bigger breaking discovered dry edge evil excited forever funds helps injury iron lovely mad magazine
martin models offers ordered parliament prepared reference religion sites somewhere stated strategy teachers web
wine accounts arm audience bay blog closer core democratic description dropped excellent exist figures forms guard
honest issued joined lee lies likes medicine mention mountain nuclear orders port presence reaction reduce shoot
sides solid sport steps stress taste tea victory afternoon assistant citizens classic clothes decisions electric
emergency entered entirely facts failure festival flat fuel harry hello houses ill initial introduced kick links
mail massive matters pair picked pieces plane plenty prince proper providing quarter regional session shape sky
teaching toward transfer upper useful valley watched willing windows zone accident advanced alternative anywhere
articles awards bear boat bringing capacity cheap climate communities discussion drinking duty fantastic feelings
flying governor hundred industrial joint mix museum options path plants policies promise proposed purchase rain
remove signs spending steel supporting terrible tired treated turning vice warm afraid arts beer border command crew
crowd dating dick elements enemy ensure environmental filled fixed forest intelligence intended limit moon ocean
powers profit proof republican soldiers suit wins appearance attorney banks behavior bodies brothers buildings chair
creating debt domestic expensive grew historical homes honestly honor jump launch listed minimum native noted
originally planned ray sets suddenly supreme survey tech trees update user writer yellow younger ancient attacks
charges combined communication connected contains download email ending exercise express flow formed girlfriend hero
illegal increasing joke loan methods officials performed planet relationships restaurant selected shared shopping
soft stuck sugar suggested supported surprised taught transport accepted adding affairs allows appeal applied
appropriate artists ca confirmed device drama entry era factor feed golden grant grown heads hoping keeps lawyer
legs lying measures mistake ms organizations platform pool pulled regarding relations requires route saved schedule
scientific shoes smoke squad teach testing tests values walked abuse angry businesses candidate comfortable concern
developing discuss elections emotional everywhere facilities falling fox guns hole holiday interests internal jersey
laugh leg letters liberal listening loves lunch max milk pack payment perform recorded relatively sector sharing
snow storm streets strike studio sub weak actor advance apartment chain chapter committed confidence cook cute equal
fake finance focused hits identity journey kitchen leads maintain measure mm numerous owners posts properties quiet
revealed specifically split task taxes twenty urban acts affected aircraft applications approved approximately
argument arrested claimed conflict considering corporate debate determined distribution documents escape extended
factors faster fault fill films flowers friendly ladies lay lights millions mixed phase properly pure reduced
requirements residents revenue sat secure smile strange talent temperature thousand tony troops truck votes ah
authorities basically besides bird blame bob bowl causes chicken collected context coverage determine display dying
elected examples experienced falls false fired forgot funding identified iii incredible inspired launched ma meat
ministry mode neck noticed novel obvious passing positions remaining scored shirt shots slowly stadium stores
surgery trading vision whenever worried zero allowing begins champion charged cream crisis delivered editor
estimated giant jail kingdom literature mayor minor moments opposite orange ourselves pages remained selection
serving signal stream struggle suicide talked theme tiny typically unfortunately usual vehicles voted voting walls
wave alcohol assembly breakfast bright brings capable carrying chosen combination conservative customer cutting
desire destroyed draft drunk essential fail familiar finds granted guilty humans hundreds id improved largely
laughing markets medium opportunities papers perfectly recommend referred relevant seek sending solo spoke stands
talks ticket unable upset wing answers birds bomb creative cycle dealing directed don educational entertainment
extreme facility fields goods hang holds info mainly maximum newspaper offering painting republic reserve returns
row salt scared shares statistics switch territory threat tickets wales adults affect appointed armed aside
assistance bell blow bond boyfriend careful circumstances communications concerns controlled corporation cry danger
deals delivery deserve devices dollar dreams empty enjoyed explained faces folks fucked gender instance kinda
matches mile motion moves nick pacific prize realized reasonable receiving register resolution rural saving sees
singing tools typical universe warning wars admit attitude branch conducted decades dedicated definition drawing
favor flag frame guest ha heaven independence institutions kiss load plot possibility random recovery rent replace
represent reviews scenes seeking senator sentence teeth tips trained understood academic academy accurate achieve
afford assume bottle bunch category chat cheese chemical competitive detail diet em fruit harder index item lane
mess navy normally occurred opposition parent permanent personally pleasure prefer programme representative scheme
shift stood storage tank tend tight transportation ultimately unlike weekly yard anybody assets basketball button
candidates combat constitution consumer counter creation crown crying defined depending depression describe drivers
employment exclusive excuse expert frequently golf grace hopefully identify importance laid latter manufacturing
mining object partners pattern performing personnel perspective pregnant premier promote revolution rooms severe
sleeping suppose tool tournament turkey victim victims agents amazon arrest attend ban brilliant carbon catholic
chose circle concert crash declared deliver depth deputy dirty doctors earned electronic error existence experiences
expression factory headed interior joy legislation maintenance manner mate matt nearby noise origin panel
personality plate practices prepare relief replaced resistance retail rice roads roof shame ships somewhat staying
stronger surely tip updated writers absolute advertising agencies baseball bathroom bible cable calm championship
checked client constant dates degrees democrats doors driven dumb empire exciting expansion heavily hide incident
linked manage messages multi politicians print quit refused reporting sight significantly sing soviet weapon wet
widely worldwide ages anniversary attractive bike broad burn cake causing closely constantly contest deaths depends
drawn fees hardly hat height hidden invited letting loud marine motor officially peak portion pounds princess
protein puts raw reform regions represented respond retirement sample seats secondary solar somehow stayed suffering
tries ultimate unknown wondering attached attacked automatically balls battery bills blind breath brief chest
conduct debut decade destroy differences engaged experts expressed external fantasy ft grab immediate introduction
license paint pilot pink presidential principal recognize recognized registered regularly representatives rising
seasons shipping singer smoking steam suffered survive tall theatre therapy witness adopted aim campus cap chances
childhood clinical clubs comedy commander comparison covers defeat democracy detailed entitled exact exposed fed fee
injured kinds lets loans lock musical nose objects opposed organized plastic protected purposes quote recording semi
statements suspect swear techniques tie trend valuable wealth wise yards aged approval aspects attempts bread
burning champions contain convention dancing document eggs employee engineer equivalent facing fairly fingers ford
founded functions gang graduate hanging inner islands lift marked memories miller monthly mountains neighborhood
operate outstanding permission porn racing recommended regulations reply republicans rid roman scientists shoulder
shower solutions sons stations tower tradition visited visual wheel achieved admitted appointment authors barely
bush cabinet celebrate challenges chocolate coal contemporary criticism effectively extensive faced filed formation
fought gained gallery highway historic hunt improvement inch initially junior jury marks monster obtained philosophy
pride promised repeat returning riding rough settlement smell sought speaker studied suggests surrounding tone topic
universal vast visitors wanting auto consistent continuing earn exists finger grey guitar heading ignore involving
meal meanwhile meetings naturally necessarily offices pants partnership payments percentage pocket practical
primarily proved rape regardless relative represents rescue resulting rush sessions sharp soccer stable structures
supplies symptoms temporary tested trick attended audio bone bullshit chamber chart circuit clothing complicated
confused consequences defend divided everyday extent fishing format gap gate gotten harm healthcare household
immigration impressive joining killer lesson limits loving managers membership mirror mount nights occur parking
proposal province purchased recognition reputation rolling shortly situations strongly tears technique thin tied
accused adventure argue assessment atmosphere awful bedroom belief bound breaks carefully cats choices closing cloud
colors contrast courses courts drew egg element elsewhere establish extension files founder gear hills hip hitting
increases infrastructure locations loose machines moral offensive pa package pointed poverty processes processing
qualified railway reaching ridiculous sensitive server shock silence soldier superior supporters thick threw tons
transition violent voters wash acid actress administrative alongside angel anxiety babies bars bonus castle charity
clients compare contained cooking covering curious directors discovery discussed duke encourage enforcement
featuring finals flash formal formula fort governments gray gross horses hungry informed innocent losses math minds
mistakes mystery networks palace passes penalty pet phones photography producing protest publication rating refer
respectively scheduled select silent spoken successfully suffer temple tracks trail uncle unusual waters woods yo
arrival asks assault awareness badly bath captured chase components concrete deeply expectations explanation
exposure featured fiction guarantee happiness hearts horrible ideal injuries jimmy legend lieutenant mini mood
muscle passion picking pleased procedure producer pushing rank replacement retired roles sand savings settled shadow
singles tag tape thread visiting wage wings avenue bags beating believes blocks boring checking clock commissioner
commitment confident containing copies crimes custom denied desk drinks ear electricity episodes farmers grounds gym
helpful horror label locked naked opens output persons pitch pizza plain pushed raising rear reveal romantic scores
sisters speaks stages strategic swimming welfare winners wire worker afterwards alright android anger architecture
assist attempted behalf belt capture centers ceremony comic cops cuts designer diamond disappointed dressed
economics efficient electrical employed enjoying entering essentially establishment expecting explains flower ghost
guests handed hockey hunting industries judges kit lab languages maps min nervous newly odd op ordinary participate
prayer principles racist rarely references sexy skill soil solve stomach struck studying suck supports trash ugly
virus walker whoever amounts aspect banned boost bureau colonel comfort controls cousin crack deck demands dies
dragon dramatic dust engineers evolution foods hired illness inspiration institution kings knife lately lowest
memorial minority mum opinions patterns presents priority promotion rail readers remote repair root saint steal
stolen telephone tho titles trans ups vol whereas abandoned acquired actors alliance annoying bid buddy buried
butter cares conclusion confirm congratulations contracts convinced crap crystal dean decent decline delay describes
desert downtown elite enemies forgotten forth gods hire hop hopes insane installed landing layer managing marry
nowhere nurse obtain organic ownership participants poetry pot pray printed recall rugby sake sheet signing smooth
spiritual stops string sudden throwing thrown vacation abroad assigned associate assumed bench bother broadcast bye
citizen cleaning compete consists consumers contributed cricket critics damaged disaster discover entrance equally
fallen figured fitness friendship handling idiot intense keys lawyers lifetime liquid makeup medal mortgage
narrative narrow observed occasionally pan physics posting potentially reduction reflect refuse researchers resource
roger sciences serves shell silly subsequent towns translation visible yep adds amendment angle arrive belong bishop
channels commonly connect defensive designs efficiency enterprise experiment females findings firms forum gifts
grass hence increasingly incredibly iv jay journalist kicked lessons lists maintained mill mo occasion oxford pace
passenger pen pope possession pp races rapid regulation resident rocks shaped sixth spin styles subjects sucks
suitable thirty valid vital whilst agriculture alleged bands collect commerce cop creek currency emotions exhibition
fraud funeral genuine honey hook hunter immigrants improving instructions introduce km lands legacy log merely
monitor prisoners programming publishing ratio regret rejected remind resort resulted reverse routine scary seed
settle sin spell summary survival sword tongue ward waves achievement argued asleep automatic begun cents coat
comprehensive consent daddy destruction diseases divorce doc drove ears engage extraordinary fate frequency gaming
gene glory headquarters heritage initiative interviews juice landscape logic meets objective privacy procedures
profits reducing regard representing residence roughly salary scoring script searching sections strip surrounded
threatened transferred tube universities writes ambassador apps awarded banking breast cant chemistry concluded
consumption corruption cotton crossed discount dozen engines epic exception exit expand fancy gorgeous grateful
heroes holes impression inches indicate input josh knock leather lips luxury lyrics manufacturers masters movements
operated ought outcome painted poll preferred pulling ranked referring removal rep reporter risks rob screaming
sequence stretch tear tennis terrorist theater ties twelve versions virgin voices wishes wolf absence agricultural
asshole ate athletes bears blues boxes bull cameras commonwealth contribute contribution contributions couples
delicious deny deserves ease extend fame flood generated genetic glasses impressed indicated instant investors
involves kills liberty maria ministers monitoring occurs passengers photographs principle producers progressive
punishment rally rapidly reader representation restaurants reveals roots samples shops sum swing tail texts twin
upcoming veterans alert arena arguments billy boom boots brave claiming column commit compensation composition
computers conservation constitutional crossing defending density difficulty dropping drops elementary ethnic
expenses fleet foster fundamental gen genius greatly guidance hospitals infection intention jokes knee mechanical
parks participation periods precious pregnancy premium preparing pretend priest prominent proven radical remembered
requested residential reward rings robin satellite shake shore spots stats struggling substantial teen temperatures
transmission trap uniform wildlife wooden ads aggressive answered apparent bang blast bones brands centuries
communist complaint component connections courage cure desperate diversity duties encouraged eve faculty feedback
fighter frozen guards hiding humanity innovation instruments invest jacket legislative listing manual mothers
murdered nursing occupied ongoing operator painful pound preparation punch purple railroad registration releases
rick romance submitted sufficient survived suspended technologies tissue trailer trends trials underground versus
virtual walks wounded amongst announcement arranged arsenal attending attracted biological bite blocked boards
burned categories checks chip concerning dare database define discrimination disorder distributed districts
documentary domain dynamic edited engagement explore fewer footage giants grave implementation investigate jazz
laboratory literary mask midnight mouse packed piano praise presentation psychology relation restrictions rocket
ruin sec secrets slave stability steady stones symbol terminal toilet treaty triple unlikely updates viewed affair
agenda bat bow calendar cape collective conversations cooperation craft darkness deeper devil edit enable equity
estimates failing finishing fortune gates goodbye hardware hurts intellectual invite involvement mi nuts partly
petition phrase physically protecting racial rated regime rivers rounds ruled sauce seal separated shield similarly
slide stem summit talented throat tiger touched toy visits warriors wisdom accounting alien attacking awkward beast
beef candy carrier celebration celebrity certificate cited clay coaching colleagues constructed dated default
derived dialogue disabled distinct drag educated eligible estimate execution existed fifty followers fool framework
franchise funded furniture generations guaranteed integrated intelligent interaction jet journalists lifestyle
lighting loop mall overseas performances polish recommendations recover regarded relax reliable rely remarkable
responses ruling sacrifice sole stopping strategies succeed tables tale targets timing ton volunteers witnesses wore
worship worthy acted alarm bass bloody breathing butt characteristics collaboration con consideration counts creates
crucial daughters dependent discussions drives dual equipped expanded experimental feeding filter galaxy globe
grades gulf highlights hoped intent involve judgment knight logo mature odds peaceful photographer pin prevention
printing promoting publicly pump repeated replied requests revenge satisfied seeds signals slip spaces spare
specialist stocks stranger submit surprising tap threats tourism volunteer acceptable allies attempting auction
bonds challenging chaos churches cm composed concentration copper corp corps counting credits dawn dispute earnings
editing executed firing fits frequent gardens gathered hilarious huh ignored improvements investments margin mars
mechanism moderate opera overcome parallel passage pit psychological publications quest radiation shocked sized
stroke stunning tanks topics trains traveling treating tune utility vessel weed wherever acquisition addressed
angels anime announce autumn backed bold borders breathe choosing classical classified clip coaches coins concepts
conspiracy controversy convince cooper disappeared eh encounter equality exam examination fails federation fiscal
guardian homeless instrument intervention lover mainstream menu mounted mutual nope occasions offense oral panic
pays peoples pursue refugees removing requirement responded rip ruined scope segment spectrum stays terror uh
venture virtually waited warren worn yea accompanied aids aimed alpha approaches arguing arrangement beliefs boats
boundaries brick colleges considerable conventional designated emperor employers enormous errors focusing forgive
gains garage gathering guidelines handled hosted inquiry inspector jumped khan lion loaded lonely maintaining
measured mercy nevertheless newspapers outer oxygen pipe pissed poem powder powered promises quotes racism ratings
reads recovered refers rude screw seventh shelter signature sooner spider strikes suggesting suits toys tracking
tribute trigger vary venue wages wells wheels ye abortion accuracy applying artificial belongs beneath bitcoin
bullet burns celebrated consistently conversion copyright counties democrat deposit destination dirt diverse divine
emails exclusively export fastest formerly functional gather grandfather habit indicates isolated jealous knocked
landed laughed lazy mama modified municipal naval neighbors neutral noble oldest pat picks popularity professionals
pussy reactions relate robot sacred securities shoe speakers springs spy suggestions supplied suspension terrorism
terry toxic treasury tunnel unions upgrade warrant wider wound actively applies arrangements asset assuming backing
baker blessed brush burden carries casual certified charter chef civilian coalition cock complain complaints
controversial describing differently directions discipline discussing disgusting dominant earning essay expense
explaining furthermore graphic healing hiring hosts implemented instantly invasion jumping laptop legendary maker
opponents outdoor palm photograph pole pub quarters rangers ranks reception recipe regulatory reviewed rolls rubber
secured serial settings shed snake sponsored stealing strict subsequently substance suggestion syndrome tasks trips
ultra unexpected usage worlds accidentally affordable amateur appeals bearing beats bin biology bobby briefly canal
cancelled cheaper climb competing completion cruise custody delete demonstrated departure developers developments
dig eagles employer explosion fever fluid folk generate handsome ho holidays hotels imagination integration
integrity interpretation leaf legitimate lightning loads longest magical mills motivation nasty outfit pension
permit plates pleasant portrait productive reminds reserves safely shirts shorter slight socialist streaming sue
targeted tension theories touching transactions twist ugh unemployment unity useless viewers winds woke
"""


def _words(text: str) -> set[str]:
    return set(text.split())


COMMON_WORDS = _words(COMMON_WORDS_TEXT) | set(STOP_WORDS)


def _entries(*files: str):
    for f in files or FILES:
        for e in RAW[f]:
            yield f, e


def _names(e: dict) -> list[str]:
    return [e["name"], *(a for k in NAME_FIELDS for a in e.get(k, []))]


def _is_exact(alias: str, e: dict) -> bool:
    """Looked up case-sensitively by the gazetteer (see Gazetteer._add)."""
    return alias in e.get("case_sensitive", []) or (alias.isupper() and len(alias) <= 3 and alias.isalpha())


def _key(alias: str, e: dict) -> str:
    return alias if _is_exact(alias, e) else fold(alias)


def _index() -> dict[str, dict[str, str]]:
    """Entity name -> file, per file: which names a reference may point at."""
    return {f: {e["name"]: f for e in RAW[f]} for f in FILES}


INDEX = _index()
ACTOR_NAMES = {n for f in ACTOR_FILES for n in INDEX.get(f, {})}


# ---- files load ------------------------------------------------------------------------------------
def test_every_expected_file_is_there():
    assert EXPECTED_FILES <= set(FILES)


@pytest.mark.parametrize("stem", FILES)
def test_file_loads_with_graphkits_loader(stem):
    entries = load_file(ALIAS_DIR / f"{stem}.json")
    assert entries and len(entries) == len(RAW[stem])
    assert all(e.kind in ENTITY_KINDS for e in entries)


def test_whole_gazetteer_loads_and_finds_a_sample_of_each_file():
    gaz = load_gazetteer()
    for stem in FILES:
        e = RAW[stem][0]
        hit = gaz.find(e["name"])
        assert hit is not None, f"{stem}: {e['name']!r} is not found by the gazetteer"


def test_ship_prefixes_are_navy_prefixes_of_states():
    """'USS', 'HMS', 'HNoMS': a few letters, capitalised at both ends, given only by states; a
    prefix two navies use ('INS': India, Israel) names no one."""
    bad = [(f, e["name"], p) for f in FILES for e in RAW[f] for p in e.get("ship_prefixes", [])
           if f != "countries" or not re.fullmatch(r"[A-Z][A-Za-z]{0,4}[A-Z]", p)]
    assert not bad, bad
    gaz = load_gazetteer()
    assert gaz.ship_prefixes["USS"].name == "United States" and gaz.ship_prefixes["HMS"].name == "United Kingdom"
    assert gaz.ship_prefixes["INS"] is None


def test_rival_authorities_are_actors():
    assert {e.kind for e in load_file(ALIAS_DIR / "governments.json")} == {"Actor"}


# ---- entry shape -----------------------------------------------------------------------------------
@pytest.mark.parametrize("stem", FILES)
def test_names_and_aliases_are_clean_strings(stem):
    bad = []
    for e in RAW[stem]:
        for k in ("name", *NAME_FIELDS, "case_sensitive"):
            values = [e[k]] if k == "name" else e.get(k, [])
            assert isinstance(values, list), f"{stem}: {e['name']}: {k} must be a list"
            for a in values:
                if not isinstance(a, str) or not a.strip() or a != a.strip() or "  " in a:
                    bad.append((e.get("name"), k, a))
        if len(set(e.get("aliases", []))) != len(e.get("aliases", [])):
            bad.append((e["name"], "aliases", "duplicate"))
    assert not bad, bad


@pytest.mark.parametrize("stem", FILES)
def test_case_sensitive_aliases_are_names_of_the_entry(stem):
    bad = [(e["name"], a) for e in RAW[stem] for a in e.get("case_sensitive", []) if a not in _names(e)]
    assert not bad, bad


@pytest.mark.parametrize("stem", FILES)
def test_names_are_unique_within_a_file(stem):
    seen = defaultdict(int)
    for e in RAW[stem]:
        seen[e["name"]] += 1
    assert not [n for n, c in seen.items() if c > 1]


def test_no_entity_is_in_two_files():
    where = defaultdict(list)
    for f, e in _entries():
        where[e["name"]].append(f)
    assert not {n: fs for n, fs in where.items() if len(fs) > 1}


# ---- references ------------------------------------------------------------------------------------
def test_every_leader_acts_for_exactly_one_existing_entity():
    bad = []
    for e in RAW["leaders"]:
        aff = [k for k in AFFILIATION_FILE if e.get(k)]
        if len(aff) != 1:
            bad.append((e["name"], aff))
            continue
        target = AFFILIATION_FILE[aff[0]]
        if e[aff[0]] not in INDEX[target]:
            bad.append((e["name"], aff[0], e[aff[0]]))
    assert not bad, bad


def test_dated_affiliations_name_existing_entities():
    bad = []
    for e in RAW["leaders"]:
        for a in e.get("affiliations", []):
            keys = [k for k in AFFILIATION_FILE if k in a]
            if len(keys) != 1 or a[keys[0]] not in INDEX[AFFILIATION_FILE[keys[0]]] or not a.get("years"):
                bad.append((e["name"], a))
    assert not bad, bad


@pytest.mark.parametrize("stem,field,target", [
    ("organizations", "state", "countries"), ("organizations", "authority", "governments"),
    ("governments", "state", "countries"), ("places", "country", "countries"),
])
def test_state_references_exist(stem, field, target):
    bad = [(e["name"], e[field]) for e in RAW[stem] if e.get(field) and e[field] not in INDEX[target]]
    assert not bad, bad


def test_an_organisation_acts_for_at_most_one_state_or_authority():
    assert not [e["name"] for e in RAW["organizations"] if e.get("state") and e.get("authority")]


@pytest.mark.parametrize("stem,field", [
    ("groups", "parent"), ("groups", "backers"), ("governments", "parent"), ("governments", "backers"),
    ("agreements", "parties"), ("agreements", "guarantors"), ("organizations", "parent"),
])
def test_actor_references_exist(stem, field):
    bad = []
    for e in RAW[stem]:
        values = e.get(field) or []
        for v in [values] if isinstance(values, str) else values:
            if v not in ACTOR_NAMES:
                bad.append((e["name"], v))
    assert not bad, bad


@pytest.mark.parametrize("stem", ["groups", "governments"])
def test_named_leaders_of_groups_and_authorities_are_people_we_know(stem):
    people = INDEX["leaders"]
    bad = [(e["name"], p) for e in RAW[stem] for p in e.get("leaders", []) if p not in people]
    assert not bad, bad


# ---- agreements --------------------------------------------------------------------------------------
def _valid_date(d: str) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", d)
    if not m:
        return False
    try:
        date(int(m[1]), int(m[2]), int(m[3] or 1))
    except ValueError:
        return False
    return True


def test_every_agreement_has_a_valid_date():
    assert not [(e["name"], e.get("date")) for e in RAW["agreements"] if not _valid_date(e.get("date") or "")]


def test_agreements_named_by_more_than_generic_words():
    """'the deal', 'ceasefire', 'peace agreement', 'three-phase ceasefire' name no agreement in particular:
    every name needs a place, a party or a date, or is a capitalised official title matched case-sensitively."""
    bad = []
    for e in RAW["agreements"]:
        for a in _names(e):
            if a in e.get("case_sensitive", []):
                continue   # a capitalised official title ("Cessation of Hostilities Agreement")
            tokens = [t for t in re.split(r"[\s,()/]+", fold(a)) if t]
            if not any(re.search(r"\d", t) or t not in GENERIC_AGREEMENT_WORDS for t in tokens):
                bad.append((e["name"], a))
    assert not bad, bad


# ---- what aliases may be -------------------------------------------------------------------------------
@pytest.mark.parametrize("stem", FILES)
def test_no_case_insensitive_alias_is_a_common_english_word(stem):
    """A folded alias such as 'states' or 'sake' fires on ordinary words; short acronyms and proper names
    that double as words ('AA', 'Turkey', 'Sake') must be in case_sensitive."""
    bad = [(e["name"], a) for e in RAW[stem] for a in _names(e) if not _is_exact(a, e) and fold(a) in COMMON_WORDS]
    assert not bad, bad


@pytest.mark.parametrize("stem", FILES)
def test_no_alias_is_a_generic_phrase(stem):
    bad = [(e["name"], a) for e in RAW[stem] for a in _names(e) if not _is_exact(a, e) and fold(a) in GENERIC_PHRASES]
    assert not bad, bad


def test_common_word_list_is_what_its_docstring_says():
    assert {"council", "front", "alliance", "states", "platform"} <= COMMON_WORDS
    assert not {"iran", "paris", "russia", "hamas"} & COMMON_WORDS
    assert 4000 < len(_words(COMMON_WORDS_TEXT)) < 5000


# ---- one alias, one entity ---------------------------------------------------------------------------
# A capital that is also a city of its own country in places.json ("Tripoli") is the one intended overlap:
# the gazetteer reads it as the state, and as a place where the sentence uses it as a location.
def _capital_place_overlap(claims: set[tuple[str, str]]) -> bool:
    files = {f for f, _ in claims}
    if files != {"countries", "places"} or len(claims) != 2:
        return False
    (country,) = [n for f, n in claims if f == "countries"]
    (place,) = [n for f, n in claims if f == "places"]
    return any(p["name"] == place and p.get("country") == country for p in RAW["places"])


def _claims() -> dict[str, set[tuple[str, str]]]:
    claims = defaultdict(set)
    for f, e in _entries():
        for a in _names(e):
            claims[_key(a, e)].add((f, e["name"]))
    return claims


def test_no_alias_names_two_entities():
    claims = _claims()
    bad = {k: sorted(v) for k, v in claims.items() if len(v) > 1 and not _capital_place_overlap(v)}
    assert not bad, bad


def test_no_case_sensitive_alias_shadows_a_folded_alias_of_another_entity():
    """'PRC' (China) and a folded 'prc' of another entity would both match the same text."""
    claims = _claims()
    folded = {k: v for k, v in claims.items() if k == fold(k)}
    bad = []
    for k, v in claims.items():
        if k != fold(k) and fold(k) in folded and {n for _, n in folded[fold(k)]} - {n for _, n in v}:
            bad.append((k, sorted(v), sorted(folded[fold(k)])))
    assert not bad, bad


# ---- conventions the extractor relies on ---------------------------------------------------------------
@pytest.mark.parametrize("person,field,entity", [
    ("Dmitry Peskov", "state", "Russia"),
    ("Khalifa Haftar", "authority", "Libyan National Army"),
    ("Ahmed al-Mismari", "authority", "Libyan National Army"),
    ("Mohamed Hamdan Dagalo", "group", "Rapid Support Forces"),
    ("Abdel Fattah al-Burhan", "authority", "Sudanese Armed Forces"),
    ("Yahya Saree", "group", "Houthis"),
    ("Hibatullah Akhundzada", "authority", "Taliban"),
    ("Brahim Ghali", "group", "Polisario Front"),
    ("Min Aung Hlaing", "state", "Myanmar"),
    ("Antonio Guterres", "organization", "United Nations"),
])
def test_who_acts_for_whom(person, field, entity):
    e = next((e for e in RAW["leaders"] if e["name"] == person or person in e["aliases"]), None)
    assert e is not None and e.get(field) == entity


@pytest.mark.parametrize("name", ["Libyan National Army", "Sudanese Armed Forces", "Taliban", "National Unity Government",
                                  "Government of National Accord", "Kurdistan Regional Government", "Somaliland"])
def test_rival_authorities_live_only_in_governments(name):
    assert name in INDEX["governments"] and not any(name in INDEX[f] for f in FILES if f != "governments")
