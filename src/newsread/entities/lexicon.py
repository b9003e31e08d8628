"""General English word lists the named-entity pass reasons with.

Nothing here names a particular person, company or place: these are function
words, role words, the nouns that signal what kind of thing a name is, and the
suffixes organisations, events and places are built with. Every entry is
lowercase; callers compare `word.lower()`.
"""

from __future__ import annotations

from typing import Final


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS: Final = _words(
    """
    a an the this that these those i me my mine we us our ours you your yours he him his
    she her hers it its they them their theirs who whom whose which what whatever whoever
    where when why how and or but nor so yet for if then than as because since while
    although though unless until once whether after before during of in on at by to from
    with without within into onto upon about above below under over across through
    throughout around among amid between behind beyond near against along toward towards
    despite per via like unlike off out up down is are was were be been being am do does
    did done have has had having will would shall should can could may might must not no
    yes all any both each every either neither few many much more most less least some
    several such other another same own only just also even still too very quite rather
    really already almost again ever never always often sometimes here there now today
    however thus therefore hence meanwhile moreover furthermore nevertheless nonetheless
    instead indeed perhaps maybe finally first second third last next later earlier soon
    recently currently overall according regarding including following considering given
    inasmuch whereas whereby thereby something anything nothing everything someone anyone
    everyone nobody one two three four five six seven eight nine ten well oh please let
    what's it's that's there's here's
    """
)
"""Words that carry grammar, not names (articles, pronouns, prepositions, auxiliaries…)."""

LEADING_FUNCTION_WORDS: Final = _words(
    """
    a an the this that these those i we you he she it they my our your his her its their
    in on at of for to from by with as and but or nor so if then than into onto upon about
    after before during since until while when where why how what which who whom whose
    """
)
"""Capitalised words trimmed from either end of a name (`The Acme Group` → `Acme Group`)."""

COMMON_WORDS: Final = _words(
    """
    new old big small large major minor key top recent strategic market markets performance
    due read click more news report reports reporting sources analysts analyst experts
    critics officials investors shares stocks sales prices data research studies results
    things people company companies business industry government public private global local
    national international early late long short high low great good bad best worst better
    worse full half whole real true false open close free fast slow hard easy simple clear
    important possible likely unlikely available able special general certain various
    similar different future past present current final initial original main primary
    payloads payload technology science health money time year years day days week weeks
    month months world life work home school city country state water power energy space
    car cars truck vehicle vehicles system systems platform model models service services
    product products plan plans deal deals price cost growth change changes way ways part
    parts point points case cases group groups team teams place places area areas issue
    issues problem problems question questions reason reasons idea ideas fact facts story
    stories support rules law laws policy policies security safety launch launches update
    updates production demand supply trade tax taxes rates rate jobs job workers users
    customers consumers buyers sellers drivers players fans voters residents citizens
    students children parents families women men officers police troops forces leaders
    members partners rivals competition competitors step steps move moves meanwhile
    elsewhere earlier later again despite amid ahead behind beyond inside outside together
    yesterday tomorrow tonight breaking exclusive analysis opinion editorial update
    background context explainer watch listen look see note notes say says said told tell
    asked ask think believe know known make made take taken give given get got go going
    come coming keep kept find found show shows shown call called try tried need needs want
    wants use used using start started end ended begin began run running hold held bring
    brought write written build built lead led pay paid meet met set put turn turned help
    helped play played stay stayed fall fell rise rose win won lose lost cut cuts add added
    grow grew drive driving drove sell sold buy bought spend spent raise raised expect
    expected report reported thanks welcome dear hello hi sure yeah okay ok
    """
)
"""Frequent content words that often open a sentence but are not names."""

ROLE_WORDS: Final = _words(
    """
    ceo ceos cfo cto coo cio president vice chairman chairwoman chair chairperson director
    minister secretary senator sen governor gov mayor judge mr mrs ms miss mx dr prof
    professor sir dame lord lady king queen prince princess pope rev reverend rep
    representative congressman congresswoman councillor councilman councilwoman
    commissioner ambassador chancellor premier prime deputy founder cofounder co-founder
    chief executive analyst economist strategist billionaire entrepreneur spokesperson
    spokesman spokeswoman coach manager striker midfielder defender goalkeeper captain capt
    lieutenant lt colonel col sergeant sgt detective inspector admiral author writer
    reporter journalist editor columnist scientist researcher engineer designer architect
    actor actress singer rapper artist producer chef host anchor player boss leader
    candidate nominee lawmaker legislator mp mep attorney lawyer counsel prosecutor owner
    astronaut pilot dean principal bishop archbishop cardinal rabbi imam sheikh emir sultan justice
    duke duchess inventor physicist teacher treasurer
    """
)
"""Titles, honorifics and jobs that stand before a person's name (`CEO Jane`)."""

BUSINESS_ROLES: Final = _words(
    """
    ceo ceos cfo cto coo cio chief founder founders cofounder co-founder chairman chairwoman
    executive executives boss spokesperson spokesman spokeswoman owner owners director
    head shareholder shareholders board manager coach captain striker midfielder defender
    goalkeeper
    """
)
"""Roles that tie a name to an organisation: `Acme CEO`, `founder of Acme`."""

COMPANY_ACTIONS: Final = _words(
    """
    shareholders executives engineers employees unveiled unveils launched launches
    introduced introduces acquired acquires shipped ships debuted teased teases
    """
)
"""Words right after a name that say it is a company: `Acme unveiled`, `Acme shareholders`."""

HONORIFICS: Final = _words("mr mrs ms miss mx dr prof sir dame st rev sen gov rep")
"""Abbreviated titles that end with a period without ending the sentence."""

NON_FINAL_ABBREVIATIONS: Final = HONORIFICS | _words(
    """
    jr sr inc corp co ltd vs v no gen lt col capt sgt mt ft approx dept fig vol ave blvd
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)
"""Words whose trailing period does not end a sentence."""

COMMON_ACRONYMS: Final = _words(
    """
    ai ceo cfo cto coo cio ev evs gpu cpu tpu npu tv pc ipo gdp cpi api ui ux vr ar xr llm
    suv it hr pr dna rna faq id ok usb gps led lcd oled pdf url co2 am pm bc ad etf esg vc
    ram ssd hdd nft diy fyi tbd eta q&a r&d m&a p&l yoy eps roi kpi 5g 4g lte wifi wi-fi
    hd 4k 3d 2d ac dc hq mp mba phd ngo uav icu iq os hvac awd adas lidar radar saas b2b
    b2c mw gw kw gb tb mb kb ghz mhz mph rpm fps usd eur gbp ok
    """
)
"""Acronyms used as common nouns (`AI`, `GPU`, `EV`): never names on their own."""

ORG_SUFFIXES: Final = _words(
    """
    inc corp corporation co company ltd limited llc llp plc ag sa nv bv gmbh group holdings
    partners capital investments investment ventures fund funds trust bank bancorp
    financial securities insurance assurance authority agency administration commission
    committee council bureau department ministry service university college institute
    institution school academy laboratory laboratories labs foundation association
    federation union league society club fc afc party parliament senate congress assembly
    court police army navy forces daily news times post journal gazette herald tribune
    telegraph chronicle press magazine media network networks broadcasting radio studios
    pictures records entertainment motors automotive airlines airways aviation aerospace
    technologies technology systems solutions software semiconductor semiconductors
    electronics energy pharmaceuticals pharma therapeutics biosciences industries
    enterprises brands foods stores exchange reserve treasury church hospital museum centre
    center organisation organization coalition alliance consortium cooperative associates
    robotics dynamics communications telecom airline railways united rovers wanderers
    athletic
    """
)
"""Last words that make a name an organisation (`Acme Capital`, `Bank`, `Daily`)."""

OF_HEADS: Final = ORG_SUFFIXES | _words(
    """
    city republic kingdom state states island islands isle gulf bay cape statue tower house
    chamber office province duke prince princess king queen lord earl battle siege treaty
    university museum church minister secretary ministry department institute centre center
    school college academy board
    """
)
"""Heads that take `of`/`for` inside a name: `Bank of …`, `Republic of …`, `Center for …`."""

EVENT_WORDS: Final = _words(
    """
    show summit conference convention expo exposition fair festival olympics games cup
    championship championships tournament open marathon prix war wars revolution election
    elections referendum awards week day forum symposium hackathon keynote derby classic
    rally
    """
)
"""Last words that make a name an event (`… Show`, `… Summit`, `World Cup`)."""

EVENT_NOUNS: Final = _words(
    """
    conference summit expo festival event events tournament championship election fair
    convention ceremony gala hackathon keynote
    """
)
"""Lowercase nouns that mark a neighbouring name as an event."""

PLACE_HEADS: Final = _words(
    """
    city town county republic kingdom island islands isle river lake sea ocean bay gulf
    strait valley mountain mountains mount hill hills peninsula desert coast beach canyon
    forest street avenue road boulevard square bridge planet province region highlands
    plains falls harbour harbor heights springs stadium arena airport station park
    """
)
"""Last words that make a name a place (`… City`, `… River`, `Red Planet`)."""

PLACE_FIRST_WORDS: Final = _words("mount lake cape fort isle gulf")
"""First words that make a name a place (`Mount …`, `Lake …`)."""

COMPASS_WORDS: Final = _words(
    """
    north south east west northern southern eastern western northeast northwest southeast
    southwest central upper lower
    """
)
"""Directions that open place names (`South …`, `North …`)."""

COMPANY_NOUNS: Final = _words(
    """
    company companies startup startups start-up firm firms automaker automakers carmaker
    carmakers chipmaker chipmakers maker makers manufacturer manufacturers rival rivals
    competitor competitors partner partners investor investors backer backers lender
    lenders bank banks insurer insurers retailer retailers conglomerate corporation
    corporations business businesses brand brands supplier suppliers provider providers
    vendor vendors lab labs subsidiary subsidiaries giant giants outlet outlets publication
    newspaper newspapers broadcaster broadcasters agency agencies regulator regulators
    watchdog club clubs team teams operator operators airline airlines organisation
    organization organizations nonprofit charity university universities exchange union
    party parties ministry department publisher publishers studio studios developer
    developers fund funds side
    """
)
"""Nouns that mark a neighbouring name as an organisation (`startup X`, `X, a firm`)."""

PRODUCT_NOUNS: Final = _words(
    """
    system systems model models platform platforms truck trucks car cars vehicle vehicles
    phone phones smartphone chip chips processor processors app apps application software
    stack rover rovers supercomputer computer laptop tablet console device devices gadget
    robot robots robotaxi drone drones rocket rockets spacecraft satellite satellites
    aircraft jet jets plane planes airplane engine engines tool tools chatbot assistant
    browser game games headset wearable camera sensor feature features suite framework
    library protocol cryptocurrency coin drug drugs vaccine medicine film movie album song
    book novel sedan suv pickup hatchback motorcycle scooter train ship submarine missile
    tank fighter telescope lander probe capsule engine service
    """
)
"""Nouns that mark a neighbouring name as a product (`X system`, `X, a model`)."""

PRODUCT_HEADS: Final = _words(
    "rover pro max ultra plus mini lite edition phone truck app supercomputer chip os telescope"
)
"""Capitalised last words that make a name a product (`… Rover`, `… Pro`)."""

FACILITY_NOUNS: Final = _words(
    """
    factory factories plant plants facility facilities site campus office offices
    headquarters hq branch store mine refinery port airport base stadium arena hub
    gigafactory warehouse cluster supercluster datacenter residence embassy consulate
    hospital shipyard depot terminal mall
    """
)
"""Nouns for sites: `the X plant` puts X on the map."""

PLACE_NOUNS: Final = _words(
    """
    city town village state country nation province region county district capital island
    islands borough suburb neighbourhood neighborhood municipality kingdom republic
    territory
    """
)
"""Nouns that mark a neighbouring name as a place (`the city of X`)."""

PLACE_PREPOSITIONS: Final = {
    "in": 1.0,
    "from": 1.0,
    "across": 1.0,
    "near": 1.0,
    "throughout": 1.0,
    "outside": 1.0,
    "inside": 1.0,
    "around": 0.75,
    "toward": 0.75,
    "towards": 0.75,
    "within": 0.75,
    "on": 0.75,
    "to": 0.5,
    "into": 0.5,
    "onto": 0.5,
    "via": 0.5,
    "at": 0.3,
}
"""Prepositions that put a following name on the map, with how strongly they do."""

AGENT_PARTICIPLES: Final = _words(
    """
    backed owned acquired funded bought controlled operated supported financed sponsored
    published developed made built manufactured
    """
)
"""`backed by X`, `made by X`: X is an organisation."""

INVESTMENT_WORDS: Final = _words(
    "invested invest invests investing investment investments stake stakes interest shares"
)
"""Words after which `in X` means a company, not a place (`a stake in X`)."""

SPEECH_VERBS: Final = _words(
    """
    said says say told tells wrote writes tweeted added adds explained explains argued
    argues noted notes stated states asked asks replied replies insisted insists predicted
    predicts claimed claims warned warns admitted admits acknowledged conceded stressed
    emphasized emphasised joked remarked testified suggested suggests believes believed
    thinks thought avowed commented responded responds answered continued concluded
    praised criticized criticised urged promised vowed pledged hinted quipped recalled
    """
)
"""Verbs of saying: `Doe said`, `said Doe` point to a person."""

BUSINESS_VERBS: Final = _words(
    """
    announced announces unveiled unveils launched launches released releases introduced
    introduces acquired acquires bought buys purchased purchases sold sells shipped ships
    signed signs secured secures raised raises closed closes invested invests hired hires
    reported reports posted filed files supplies supplied manufactures manufactured
    produced produces builds develops developed makes partnered merged agreed teased
    teases debuted listed delisted priced employs operates owns offers offered provides
    provided charges slashed expanded expands opened opens
    """
)
"""Verbs organisations do: `X announced` leans towards a company."""

VERB_ADVERBS: Final = _words(
    """
    also later then recently previously has have had once again further reportedly
    publicly repeatedly earlier subsequently quickly initially originally separately
    already never often always just first has also will would did does
    """
)
"""Words allowed between a name and its verb (`Doe also stated`)."""

BUSINESS_NOUNS: Final = _words(
    """
    shares stock stocks shareholders investors valuation revenue revenues sales earnings
    profit profits losses margins ceo cfo board executives management employees workers
    staff workforce factory factories plant plants facilities headquarters hq offices
    subsidiary subsidiaries division unit brand brands products product lineup portfolio
    customers clients fleet rollout roadmap purchase acquisition merger deal deals funding
    round rounds ipo listing bonds debt guidance results outlook strategy business
    businesses operations suppliers partners partnership rivals competitors dealerships
    stores website technologies superiority
    """
)
"""Nouns after `X’s` that make X an organisation (`X’s shares`, `X’s purchase`)."""

ORG_AFTER_NOUNS: Final = _words(
    """
    shares stock stocks shareholders investors employees executives staff workforce
    headquarters earnings revenue revenues valuation subsidiary ipo
    """
)
"""Nouns after a bare name that make it a company (`X shares`, `X employees`)."""

PERSON_NOUNS: Final = _words(
    """
    wife husband son sons daughter daughters mother father brother sister family children
    kids parents girlfriend boyfriend fiance fiancee widow birthday death funeral career
    life childhood habit habits reaction remarks comments tweet tweets lawyer lawyers
    attorney attorneys biographer biography memoir fortune wealth legacy successor
    predecessor presidency tenure campaign speech interview resignation appointment estate
    """
)
"""Nouns after `X’s` that make X a person (`X’s wife`, `X’s reaction`)."""

OWNED_COMPANY_NOUNS: Final = _words("company companies startup firm firms businesses empire")
"""`X’s startup`: X owns a company, so X is probably a person."""

LIST_OPENERS: Final = _words("like including such e.g.")
"""Words that open an enumeration after a noun (`companies like`, `such as`)."""

NAME_PARTICLES: Final = _words("de da van von der den del della di du dos das bin ibn")
"""Lowercase particles inside personal names (`… de …`, `… van …`)."""

INDEFINITE_ARTICLES: Final = _words("a an another")
"""Before an acronym these make it a common noun (`an APC`)."""

DETERMINERS: Final = _words("the this that these those its his her their our my your")
"""Words that make a following `X system` refer to one named thing."""

DEMONYMS: Final = _words(
    """
    american british english scottish welsh irish french german italian spanish portuguese
    dutch belgian swiss austrian swedish norwegian danish finnish icelandic polish czech
    slovak hungarian romanian bulgarian greek turkish russian ukrainian belarusian serbian
    croatian bosnian albanian chinese japanese korean taiwanese vietnamese thai filipino
    indonesian malaysian singaporean indian pakistani bangladeshi afghan iranian iraqi
    syrian lebanese israeli palestinian jordanian saudi emirati qatari kuwaiti egyptian
    moroccan algerian tunisian libyan nigerian kenyan ethiopian ghanaian canadian mexican
    brazilian argentine argentinian chilean colombian peruvian venezuelan cuban australian
    european african asian arab nordic scandinavian baltic hispanic latino latina muslim
    jewish catholic protestant hindu buddhist sikh democrat democrats republican
    republicans
    """
)
"""Nationalities, peoples and faiths: tagged MISC (plural `-s` forms count too)."""

DEMONYM_SUFFIXES: Final = ("ian", "ese", "ish", "an", "i")
"""Endings that nationality adjectives usually have; weak evidence on their own."""

COUNTED_NOUNS: Final = _words(
    """
    times people units points goals games matches shares votes seats wins losses cars
    vehicles copies users customers employees workers members players rounds runs
    """
)
"""Nouns a number counts (`… 3 times`): such a number is not part of a name before it."""

PLATFORM_CUES: Final = _words(
    """
    post posts posted video videos account accounts page channel channels feed stream
    streamed episode podcast thread wrote write writes shared shares published tweeted said
    says announced live available
    """
)
"""Words before `on X` that make X a platform or service, not a place (`a post on X`)."""

WORKER_NOUNS: Final = _words(
    """
    analyst analysts economist economists researcher researchers engineer engineers
    scientist scientists executive executives employee employees worker workers staff
    official officials strategist strategists manager managers people insiders sources
    investors director
    """
)
"""People who work somewhere: `analysts at X` makes X an organisation."""

ROMAN_NUMERALS: Final = _words("ii iii iv v vi vii viii ix x xi xii xiii xiv xv xx")
"""Numerals that continue a name (`… II`), never start one."""

COMMON_SUFFIXES: Final = ("ly", "ing", "ed")
"""Endings of adverbs and participles: `Considering`, `Interestingly` open sentences."""
