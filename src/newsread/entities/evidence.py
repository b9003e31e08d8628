"""What the article says about each name, weighed against what the tagger guessed.

The tagger labels every mention on its own; a name it never met in training
(a young company, a product) gets a guess from its shape alone. Here every
mention of a name casts votes: the tagger's label, worth less when the name
is new to the model, and the cues around it in the text (`X CEO`, `CEO of X`,
`startup X` → organisation; `X system`, `X, a … model`, `Acme’s X` →
product; `on X` → place; `X 2026` after `at` → event; a role word before
it, or `Jane Doe’s Acme` → person). The label with the most weight wins for every mention.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Final, NamedTuple

from newsread.entities.common_words import in_prose_line, on_capitals_line, opens_sentence
from newsread.entities.cue_names import brand_shaped
from newsread.entities.identity import name_key
from newsread.entities.lexicon import (
    BUILDING_HEADS,
    BUSINESS_ROLES,
    BUSINESS_WORDS,
    CITIES,
    COMPANY_ACTIONS,
    COMPANY_DESIGNATORS,
    COMPANY_NOUNS,
    COUNTRIES,
    DEMONYMS,
    DISEASE_WORDS,
    EVENT_NOUNS,
    FACILITY_NOUNS,
    FIRM_NOUNS,
    FUNCTION_WORDS,
    GEOGRAPHIC_HEADS,
    LEADERSHIPS,
    MAKER_VERBS,
    ORGANISATION_ENDINGS,
    ORGANISATION_PARTS,
    PERSON_VERBS,
    PLACE_HEADS,
    PLANETS,
    PRODUCT_KINDS_BEFORE_NAMES,
    PRODUCT_NOUNS,
    ROLE_WORDS,
    STATES,
    STOCK_INDICES,
    STOCK_MOVES,
    SUBJECT_VERBS,
    TEAM_NOUNS,
    WORK_KINDS,
    WORKS_AT,
)
from newsread.entities.line_formats import WIRE_DATELINE, of_sports_story
from newsread.entities.new_words import past_tense
from newsread.model import Entity

Votes = dict[str, dict[str, float]]

KNOWN_VOTE: Final = 2.5
"""The tagger's say on a name the model met in training."""
NEW_VOTE: Final = 1.0
"""The tagger's say on a name the model never met: a guess from its shape."""
STRONGEST: Final = 2.5
STRONG: Final = 1.5
WEAK: Final = 0.75

_NAMES: Final = frozenset(["PERSON", "ORG", "PLACE", "MISC", "PRODUCT", "EVENT"])
_NEXT_WORD: Final = re.compile(
    r"(?:[ \t]?['’]s)?[ \t]*(?:\([^()\n]{1,12}\)[ \t]*)?([A-Za-z][\w-]*)"
)
"""The word after a name, past a possessive (`Acme's CEO`; `Acme 's CEO` as wire text
splits it) and a short bracket (`Acme (NASDAQ: ACME) unveiled`)."""
_APPOSITIVE: Final = re.compile(r"(?:['’]s)?,[ \t]+(?:a|an|the|its)[ \t]+([^,.;:\n]{0,80})")
_YEAR_AFTER: Final = re.compile(r"[ \t]+(?:19|20)\d\d(?!\d)")


def _listed_after(nouns: str) -> re.Pattern[str]:
    """A text that ends inside a list of the things `nouns` name: `banks such as Acme and `."""
    return re.compile(
        rf"(?i:\b(?:{nouns})[ \t]+(?:like|such[ \t]+as|including))[ \t]+"
        r"(?:[^\n.;:]{0,60}(?:,[ \t]+|[ \t]+and[ \t]+))?(?:and[ \t]+)?$"
    )


_LIST_BEFORE: Final = _listed_after(
    "companies|firms|startups|automakers|carmakers|chipmakers|drugmakers|makers|manufacturers|"
    "suppliers|exporters|importers|miners|refiners|"
    "banks|lenders|insurers|brokerages|retailers|airlines|conglomerates|publishers|broadcasters|"
    "operators|providers|vendors|platforms|services|networks|websites|sites|outlets|"
    "publications|brands"
)
"""`banks such as Acme`, `platforms like X`: a list of organisations."""
_PEERS_BEFORE: Final = _listed_after("rivals|competitors|players|investors|backers")
"""`rivals like Acme`: a list of organisations, or of people (`players like Lionel Messi`)."""
_POSSESSED: Final = re.compile(r"['’]s[ \t]+(?:[a-z][a-z-]*[ \t]+){0,2}$")
_POSSESSIVE_GAP: Final = re.compile(r"['’]s[ \t]+")
_APOSTROPHES: Final = frozenset("'’")
_APPOSITIVE_OPENERS: Final = frozenset("'’,")
"""What a text right after a name must start with for `_APPOSITIVE` to match: the marks wire
text also puts a space before (`Acme 's`, `Acme , a firm`)."""
_ROLE_AFTER: Final = re.compile(r",[ \t]+(?:the[ \t]+)?([A-Za-z-]+)")
_COMPANY_ROLES: Final = BUSINESS_ROLES - {"ceo", "founder"}
"""Roles before a name that are not a person's title (`coach`, `owner`; not `CEO`)."""
_ORG_PREFIX: Final = frozenset(
    [
        "ceo",
        "founder",
        "owner",
        "shares",
        "cofounder",
        "co-founder",
        "executive",
        "executives",
        "shareholders",
        "subsidiary",
        "subsidiaries",
    ]
)
"""`CEO of X`, `chief executive of X`, `a subsidiary of X`: X is an organisation."""
_AIDES: Final = frozenset(
    ["chief", "spokesman", "spokeswoman", "spokesperson", "head", "director", "manager", "coach"]
)
"""Roles a person may have working for them too (`Yeltsin's spokesman`; `Acme spokesman`)."""
_OF_STAFF: Final = re.compile(r"[ \t]+of[ \t]+staff\b")


def _aide(text: str, following: re.Match[str], next_character: str) -> bool:
    """Whether the role after a name (`following`, one of `_AIDES`) may be a person's aide.

    A chief of staff always may; the other roles when the name owns them
    (`Yeltsin's spokesman`: four times a person in eng.train, never an organisation).
    """
    return next_character in _APOSTROPHES or (
        following.group(1).casefold() == "chief"
        and _OF_STAFF.match(text, following.end()) is not None
    )


_HOLDINGS: Final = frozenset(
    ["shares", "stake", "stakes", "shareholding", "stakeholding", "shareholder", "shareholders"]
)
"""`shares in X`, `a stake in X`: what one holds in a company (unlike `investment in China`)."""
_COMPANY_ENDINGS: Final = ORGANISATION_ENDINGS | COMPANY_DESIGNATORS
_FOUNDED: Final = re.compile(
    r"(?:,[ \t]+|[ \t]+(?:was|is|were|had[ \t]+been)[ \t]+)(?:founded|headquartered)\b"
)
"""`Acme was founded`, `Acme, founded in 2021`, `Acme is headquartered in…`: companies are
founded (people found them) and have headquarters."""

_SAYS: Final = (
    r"[ \t]+(?:[a-z]+[ \t]+){0,2}?(?:said|says|announced|announces|noted|notes|confirmed|"
    r"confirms|stated|states|disclosed|discloses|reported|reports)\b[^.\n]{0,40}?[ \t]that[ \t]+"
)
_SAYS_IT: Final = re.compile(
    _SAYS + r"it[ \t]+(?!was\b|is\b|had\b|has\b|would\b|will\b|could\b|might\b|may\b|"
    r"must\b|should\b|seemed\b|seems\b|appeared\b|appears\b)[a-z]+ed\b"
)
"""`Acme announced last October that it signed…`: what says of itself that it did a thing is
an organisation (a person says `he` or `she`; `it was time` says nothing)."""
_BOWLING: Final = re.compile(
    r"[ \t]+(?:\d+(?:\.\d)?-\d+-\d+-\d+\b|(?:10|\d)-\d{2,3}[ \t]*[;,)]|\d{1,2}-\d+[ \t]*[;)])"
)
"""A bowler's figures after a name: overs, maidens, runs and wickets, or wickets and runs in
a list of bowlers (a score, `Coventry 2-1 ,`, has fewer runs)."""
_SAYS_HE: Final = re.compile(_SAYS + r"(?:he|she)\b")
"""`Orvenko said on Tuesday that he would…`: who says `he` or `she` of themselves is a person."""
_MAKERS_AND_SELLERS: Final = MAKER_VERBS | {"supplied", "sold"}
_STOCK_WORDS: Final = frozenset(["shares", "stock"])
_STOCK_MOVES: Final = re.compile(
    rf"(?:[ \t]?['’]s)?[ \t]+(?:shares|stock)(?:[.,;]|[ \t]+(?:{'|'.join(sorted(STOCK_MOVES))})\b)"
)
"""`Acme shares fell`, `Acme's stock has…`: a company's shares moving (not `Jane Doe shares a
photo`, nor a people's adjective: `German shares`, nor a market: `the Milan stock market`)."""
_PRICE_VERBS: Final = frozenset(
    [
        *("rose", "fell", "gained", "lost", "added", "shed", "eased", "dropped", "climbed"),
        *("slipped", "jumped", "firmed", "slid", "surged", "tumbled", "advanced", "declined"),
        *("up", "down"),
    ]
)
_PRICE_MOVERS: Final = _PRICE_VERBS | {"was", "were"}
_PRICE_MOVE: Final = re.compile(
    r"[ \t]+(?:(?:was|were)[ \t]+)?(?:"
    + "|".join(sorted(_PRICE_VERBS))
    + r")[ \t]+\d[\d.,/-]*[ \t]+(?:marks|pence|cents|lira|yen|francs|rupiah|pesos|rand|baht"
    r"|ringgit|kroner|crowns|guilders|shillings|pfennigs|centavos|won|zlotys|forints|rupees"
    r"|p|to|at|(?P<percent>percent|pct))\b"
)
"""`Hoechst rose 1.40 marks to 106.50`, `Essilor was up 12 francs at 1,290`, `Carrefour fell
1.2 percent`: a share price's move (an index moves by points, or by percent after a name
with its count of stocks, `IMKB-100`; names before such moves in percent are companies' 7
times in 8 in eng.train and eng.testa, the eighth that index)."""
_INDEX_WORDS: Final = frozenset(["index", "indices", "average"])
_EXCHANGE_ENDINGS: Final = ORGANISATION_ENDINGS | {"exchange", "bourse", "market"}
_AGENCY_KINDS: Final = frozenset(["news", "press"])
_AGENCY: Final = re.compile(r"[ \t]+(?:news|press)[ \t]+agency\b")
"""`the official Antara news agency`: in eng.train and eng.testa the names before `news
agency` are organisations 31 times, nationalities 9 times and a place once."""
_PLACE_BEFORE: Final = frozenset(["on", "in", "to", "near", "across", "throughout"])
_CLAUSE_PLACE_BEFORE: Final = _PLACE_BEFORE | frozenset(["for", "from", "at"])
_BUYING: Final = frozenset(
    ["acquire", "acquires", "acquired", "acquiring", "buy", "buys", "bought", "buying"]
)
_BUYING_OF: Final = frozenset(
    [("of", "acquisition"), ("of", "takeover"), ("of", "buyout"), ("for", "bid"), ("for", "offer")]
)
"""`acquired X`, `the takeover of X`, `a bid for X`: what is bought is a company (in eng.train
10 of the 14 names after these words; a country it knows outweighs this)."""
_BOUGHT: Final = frozenset(["acquired", "bought", "purchased"])
_VISITS: Final = frozenset(["visited", "visiting", "visit", "visits", "toured"])
"""`visited X`: a place ten times in eng.train, a person twice (so a person guess stays)."""
_TRAVEL: Final = frozenset(
    [
        ("in", "arrived"),
        ("in", "landed"),
        ("to", "flew"),
        ("to", "travelled"),
        ("to", "traveled"),
        ("to", "headed"),
        ("to", "trip"),
    ]
)
"""`arrived in X`, `a trip to X`: where one goes is a place (all 23 such names in eng.train)."""
_CLAUSE_END: Final = re.compile(r"[ \t]*(?:[.;:!?]|,[ \t]|$)", re.MULTILINE)
_LAUNCH_VERBS: Final = frozenset(
    ["unveiled", "unveils", "launched", "launches", "introduced", "introduces", "released"]
)
_LAUNCH_NOUNS: Final = frozenset(["launch", "announcement", "release", "rollout", "debut"])


def weigh(text: str, entities: Sequence[Entity], known: Callable[[str], bool]) -> list[Entity]:
    """Relabel every name with the label its mentions and their contexts vote for.

    `known(name)` tells whether the tagger met every word of `name` in training.
    """
    if not entities:
        return []
    keys = [name_key(e.text) for e in entities]
    gaps = [text[left.end : right.start] for left, right in pairwise(entities)]
    gaps.append("")
    named: list[int] = []
    guesses: dict[str, list[str]] = {}
    mixed: set[str] = set()
    for index, entity in enumerate(entities):
        label = entity.label
        if label in _NAMES:
            named.append(index)
            labels = guesses.get(keys[index])
            if labels is None:
                guesses[keys[index]] = [label]
            else:
                if label != labels[0]:
                    mixed.add(keys[index])
                labels.append(label)
    shouted = _shares_by_line(text, entities, keys, mixed) if mixed else None
    own = _own_cues(text, entities, keys, gaps, named)
    links = _links(entities, keys, gaps, known)
    organisations = {key for key, e in zip(keys, entities, strict=True) if e.label == "ORG"}
    winners = _winners(keys, guesses, mixed, own, links, known, organisations, shouted)
    # Once: cues that lean on other names' kinds see the first round's verdicts
    # (a name left out of `winners` keeps its one label).
    verdicts = {key for key, label in winners.items() if label == "ORG"}
    verdicts |= organisations - winners.keys()
    if verdicts != organisations and _links_differ(links, organisations, verdicts):
        winners = _winners(keys, guesses, mixed, own, links, known, verdicts, shouted)
    listed = _list_votes(entities, keys, gaps, winners, guesses)
    if listed:
        for index, vote in listed.items():
            own.setdefault(index, []).append(vote)
        winners = _winners(keys, guesses, mixed, own, links, known, verdicts, shouted)
    return [
        Entity(e.start, e.end, winners[key], e.text, e.key)
        if key in winners and winners[key] != e.label
        else e
        for key, e in zip(keys, entities, strict=True)
    ]


def _shares_by_line(
    text: str, entities: Sequence[Entity], keys: Sequence[str], mixed: set[str]
) -> dict[str, list[float]] | None:
    """For each name the tagger labelled apart, each mention's share of the tagger's say:
    half for a mention on a line of capitals (`BOXING - MENDOZA RETAINS WBA TITLE`), whole
    otherwise; None when no such name has a mention on one."""
    shares: dict[str, list[float]] = {}
    halved = False
    for key, entity in zip(keys, entities, strict=True):
        if key not in mixed or entity.label not in _NAMES:
            continue
        capitals = on_capitals_line(text, entity.start, entity.end)
        halved = halved or capitals
        shares.setdefault(key, []).append(0.5 if capitals else 1.0)
    return shares if halved else None


LIST_VOTE: Final = STRONG
"""What a list's other names say of a name's kind (`_list_votes`)."""


def _list_votes(
    entities: Sequence[Entity],
    keys: Sequence[str],
    gaps: Sequence[str],
    winners: dict[str, str],
    guesses: dict[str, list[str]],
) -> dict[int, tuple[str, float]]:
    """A vote for each name listed with others (`A, B and C`) for the kind most of the others
    are, as the first round decided them (`Apple, Sony and ByteDance`: `Sony` was a place).

    In eng.train a name listed between two names of one kind is of their kind 242 times in
    242, one opening such a list 240 times in 248, one closing it 240 times in 249. The others
    vote with the first round's verdicts, so a cue that settled one of them counts; one no
    cue settled votes with the tagger's guess.
    """
    votes: dict[int, tuple[str, float]] = {}
    index = 0
    count = len(entities)
    while index < count:
        end = index
        while end + 1 < count and _LIST_GAP.fullmatch(gaps[end]) is not None:
            end += 1
        if end - index >= 2 and _LIST_CLOSE.fullmatch(gaps[end - 1]) is not None:
            members = range(index, end + 1)
            labels = [winners.get(keys[i], guesses.get(keys[i], [""])[0]) for i in members]
            for at, member in enumerate(members):
                others = labels[:at] + labels[at + 1 :]
                top = max(set(others), key=others.count)
                if top in _NAMES and others.count(top) * 2 > len(others):
                    votes[member] = (top, LIST_VOTE)
        index = end + 1
    return votes


_LIST_GAP: Final = re.compile(r"[ \t]*,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+")
_LIST_CLOSE: Final = re.compile(r"[ \t]*,?[ \t]+and[ \t]+")


class _Link(NamedTuple):
    """A cue that holds when one of `keys` names an organisation (`Acme’s X`, `X and Acme`)."""

    label: str
    weight: float
    keys: tuple[str, ...]


def _winners(
    keys: Sequence[str],
    guesses: dict[str, list[str]],
    mixed: set[str],
    own: dict[int, list[tuple[str, float]]],
    links: dict[int, list[_Link]],
    known: Callable[[str], bool],
    organisations: set[str],
    shouted: dict[str, list[float]] | None = None,
) -> dict[str, str]:
    """The label of each name that a cue votes for or whose mentions the tagger labelled apart.

    `guesses` are the tagger's labels by key, `mixed` the keys whose labels
    differ, and the cues come by mention. Any other name keeps its one label.
    """
    votes: Votes = {}
    for index in sorted(own.keys() | links.keys()):
        tally = votes.setdefault(keys[index], {})
        for label, weight in own.get(index, ()):
            tally[label] = tally.get(label, 0.0) + weight
        for link in links.get(index, ()):
            if not organisations.isdisjoint(link.keys):
                tally[link.label] = tally.get(link.label, 0.0) + link.weight
    winners: dict[str, str] = {}
    for key in votes.keys() | mixed:
        labels = guesses[key]
        tally = votes.get(key, {})
        first = labels[0]
        only_first = not tally or (len(tally) == 1 and first in tally)
        if only_first and labels.count(first) == len(labels):
            # Every vote is for one label, however much the tagger's counts.
            winners[key] = first
            continue
        # The mentions of one name share their features, so the tagger's labels
        # are one opinion, not independent votes: it counts once, shared out.
        say = KNOWN_VOTE if known(key) else NEW_VOTE
        shares = shouted.get(key) if shouted else None
        if shares is None:
            for label in labels:
                tally[label] = tally.get(label, 0.0) + say / len(labels)
        else:
            # A mention on a line of capitals tells the tagger less than one in a
            # sentence: it counts half.
            total = sum(shares)
            for label, share in zip(labels, shares, strict=True):
                tally[label] = tally.get(label, 0.0) + say * share / total
        # `max` keeps the first of equal weights: the label voted for first.
        winners[key] = max(tally, key=tally.__getitem__)
    return winners


def _links_differ(links: dict[int, list[_Link]], before: set[str], after: set[str]) -> bool:
    """Whether any cue leaning on organisations holds for one set and not the other."""
    return any(
        before.isdisjoint(link.keys) != after.isdisjoint(link.keys)
        for found in links.values()
        for link in found
    )


def _links(
    entities: Sequence[Entity],
    keys: Sequence[str],
    gaps: Sequence[str],
    known: Callable[[str], bool],
) -> dict[int, list[_Link]]:
    """Every mention's cues that depend on which other names are organisations.

    `gaps[i]` is the text between mentions `i` and `i + 1`. The words between
    decide here whether a cue can hold at all; which names are organisations
    decides later (`_winners`) whether it does.
    """
    last = len(entities) - 1
    # Each cue needs `and`, a space or a possessive between two neighbours.
    joined = [
        index
        for index, gap in enumerate(gaps[:last])
        if gap == " and " or gap == " " or gap[:1] in _APOSTROPHES
    ]
    links: dict[int, list[_Link]] = {}
    for index in sorted({*joined, *(index + 1 for index in joined)}):
        entity = entities[index]
        if entity.label not in _NAMES:
            continue
        before = gaps[index - 1] if index else ""
        after = gaps[index]
        found: list[_Link] = []
        # `Disney and Reliance`: in eng.train and eng.testa two names joined by `and`
        # (and no list) are of one kind 293 times in 347; beside an organisation, one 50
        # times in 69. Only the other name's kind counts: a guess of the tagger's own
        # does not vote for itself (`Ljubljana and Maribor`).
        if before == " and ":
            found.append(_Link("ORG", STRONG, (keys[index - 1],)))
        if after == " and ":
            found.append(_Link("ORG", STRONG, (keys[index + 1],)))
        if before == " ":
            found.append(_Link("PRODUCT", STRONG, (keys[index - 1],)))
        # `Acme’s Jane Doe` is Acme's person, not its product.
        if entity.label != "PERSON" and _owned(before, after):
            found.append(_Link("PRODUCT", STRONG, (keys[index - 1],)))
        if (
            entity.label == "ORG"
            and index < last
            and _founder_of(entity, after, keys[index], keys[index + 1])
            and not known(entity.text)
        ):
            found.append(_Link("PERSON", STRONG, (keys[index + 1],)))
        if found:
            links[index] = found
    return links


_MARKET_VALUE: Final = re.compile(
    r"(?:[ \t]?['’]s)?[ \t]+market[ \t]+(?:value|valuation|capitali[sz]ation|cap)\b"
)
"""`Acme's market value`: only a company has one."""
_FOUNDED_AFTER: Final = frozenset(["was", "is", "were", "had", "founded", "headquartered"])
_GEOGRAPHIC_OF: Final = re.compile(
    rf"(?:{'|'.join(sorted(GEOGRAPHIC_HEADS | {'isle', 'cape'}))}) of "
)
"""A name that opens with a kind of land or water and `of` (`gulf of mexico`)."""
_SEATS: Final = frozenset(["headquarters", "hq", "office", "offices", "branch"])
_OWNERS: Final = frozenset(["its", "their", "our", "his", "her"])


_KINDS_AFTER_PLACES: Final = frozenset(
    [
        *("region", "regions", "district", "districts", "province", "provinces", "valley"),
        *("county", "township", "suburb", "village", "villages", "town", "towns", "city"),
        *("cities", "island", "islands", "mountains", "hills", "enclave", "municipality"),
        "prefecture",
    ]
)
"""Kinds of place that follow a place's name (`the Medea region`, `the Minya and Assiut
provinces`)."""
_PLACES_BEFORE_KIND: Final = re.compile(
    r"(?:[ \t]*,?[ \t]+and[ \t]+[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*)?[ \t]+"
    rf"(?:{'|'.join(sorted(_KINDS_AFTER_PLACES))})\b(?![ \t]+hall)"
)
_ADJECTIVE_SHAPE: Final = re.compile(r"(?:an|ish|ese|ic|i)s?$")
"""How names of peoples and regions' adjectives end (`Kurdish`, `Himalayan`, `Arctic`)."""
_CUES_AFTER: Final = (
    BUSINESS_ROLES
    | COMPANY_ACTIONS
    | _AGENCY_KINDS
    | _INDEX_WORDS
    | PRODUCT_NOUNS
    | FACILITY_NOUNS
    | _SEATS
    | EVENT_NOUNS
    | _STOCK_WORDS
    | _FOUNDED_AFTER
    | LEADERSHIPS
    | PERSON_VERBS
    | {"market", "and"}
    | _KINDS_AFTER_PLACES
)
"""Every word right after a name that some cue of `_cues_near` looks for."""
_CUES_BEFORE: Final = (
    frozenset(["of", "the", "at", "by"])
    | COMPANY_NOUNS
    | FIRM_NOUNS
    | TEAM_NOUNS
    | _LAUNCH_VERBS
    | _CLAUSE_PLACE_BEFORE
    | _VISITS
    | _BUYING
    | {"told", "with", "and"}
    | ROLE_WORDS
    | PRODUCT_KINDS_BEFORE_NAMES
    | WORK_KINDS
    | {"international"}
)
"""Every word right before a name that some cue of `_cues_near` looks for."""
_CUE_MARKS: Final = frozenset(",'’")
"""Every character right after a name that some cue of `_cues_near` looks for."""
_LINE_START: Final = frozenset(["", "\n"])
"""The last character before a mention that opens a line ("" when it opens the text)."""


@lru_cache(maxsize=8192)
def _name_is_a_cue(name: str) -> bool:
    """Whether the name's own words are a cue: a nationality, a planet, `… River`, `… Rover`,
    `… Syndrome`, `xAI`."""
    folded = name.casefold()
    if " " in name:
        head = folded.rsplit(" ", 1)[-1]
        return (
            head in PLACE_HEADS
            or head in PRODUCT_NOUNS
            or head in DISEASE_WORDS
            or folded in STOCK_INDICES
            or _GEOGRAPHIC_OF.match(folded) is not None
        )
    return (
        folded in DEMONYMS
        or folded in STOCK_INDICES
        or folded.removesuffix("s") in DEMONYMS
        or folded in PLANETS
        or (name[:1].islower() and not name.islower())
        or brand_shaped(name)
    )


class _Near(NamedTuple):
    """The text right around one mention, as its cues read it."""

    after: str
    """The next word, casefolded ("" if none)."""
    lowercase_after: bool
    """Whether the next word is written in lowercase."""
    last: str
    """The word before, casefolded, if it ends in a letter (see `_previous_words`)."""
    two_back: str
    """The word before that, likewise."""
    before: str
    """Up to 40 characters of text before the mention."""
    next_character: str
    """The character right after the mention ("" at the end)."""


def _own_cues(
    text: str,
    entities: Sequence[Entity],
    keys: Sequence[str],
    gaps: Sequence[str],
    named: Sequence[int],
    screen: bool = True,
) -> dict[int, list[tuple[str, float]]]:
    """The cues from the words around each mention of `named`, by index; none for most.

    `keys` are the mentions' keys and `gaps[i]` the text after mention `i`
    up to the next. A few words and characters next to a mention tell whether
    any cue can hold; only then are they all looked for (`_cues_near`), or
    always without `screen` (which gives the same, slower: tests compare).
    """
    lists = "like" in text or "such as" in text or "including" in text
    found: dict[int, list[tuple[str, float]]] = {}
    for index in named:
        entity = entities[index]
        following = _NEXT_WORD.match(text, entity.end)
        next_word = following.group(1) if following is not None else ""
        after = next_word.casefold()
        next_character = text[entity.end : entity.end + 1]
        if next_character == " " and text[entity.end + 1 : entity.end + 2] in _APPOSITIVE_OPENERS:
            # `Acme 's CEO`, `Acme , a firm`, as wire text spaces a possessive and a comma:
            # the same as `Acme's CEO`, `Acme, a firm`.
            next_character = text[entity.end + 1]
        if after in _AIDES and following is not None and _aide(text, following, next_character):
            after = ""
        before = text[max(0, entity.start - 40) : entity.start]
        last, two_back = _previous_words(before)
        if (
            not screen
            or after in _CUES_AFTER
            or last in _CUES_BEFORE
            or next_character in _CUE_MARKS
            or (next_character == " " and before[-1:] in _LINE_START)
            or (entity.label in ("PERSON", "ORG") and "that " in text[entity.end : entity.end + 80])
            or _name_is_a_cue(entity.text)
            or (
                next_character == " "
                and text[entity.end + 1 : entity.end + 2].isdigit()
                and _BOWLING.match(text, entity.end) is not None
            )
            or (after in _PRICE_MOVERS and _PRICE_MOVE.match(text, entity.end) is not None)
            or (entity.label == "PLACE" and _ACRONYM.fullmatch(entity.text) is not None)
            or (entity.label == "PERSON" and " " in entity.text and before[-1:] in _QUOTES)
            or (lists and ("like" in before or "such as" in before or "including" in before))
            or (
                entity.label in _SUBJECT_GUESSES
                and next_word[:1].islower()
                and " " not in entity.text
                and _opens_subject(text, entities, index)
            )
        ):
            lowercase_after = next_word[:1].islower()
            near = _Near(after, lowercase_after, last, two_back, before, next_character)
            cues = _cues_near(text, entities, index, keys, gaps[index], near)
            if cues:
                found[index] = cues
        elif _place_by_name(text, entity.text.casefold()):
            found[index] = [_known_place_cue(text, entity)]
    return found


def _cues_near(
    text: str,
    entities: Sequence[Entity],
    index: int,
    keys: Sequence[str],
    gap_after: str,
    near: _Near,
) -> list[tuple[str, float]]:
    """Cues from the words around one mention, in the order they vote."""
    entity = entities[index]
    after, lowercase_after, last, two_back, before_text, next_character = near
    found: list[tuple[str, float]] = []
    single = " " not in entity.text
    full_person = entity.label == "PERSON" and not single
    if (
        (after in BUSINESS_ROLES and not (entity.label == "PERSON" and last in _NAMING_VERBS))
        # People launch and unveil things too (`Jensen Huang unveiled…`): a full name the
        # tagger took for a person's keeps it (in eng.train these verbs follow three
        # people's names, and four places' and organisations').
        or (after in COMPANY_ACTIONS and not (full_person and after in _LAUNCHING))
        or (
            after in _STOCK_WORDS
            and entity.text.casefold() not in DEMONYMS
            and _STOCK_MOVES.match(text, entity.end)
        )
        or (after == "market" and _MARKET_VALUE.match(text, entity.end))
        or (after in _PRICE_MOVERS and _moves_like_a_share(text, entity))
    ):
        found.append(("ORG", STRONG))
    if (
        after in _AGENCY_KINDS
        and _AGENCY.match(text, entity.end)
        and entity.text.casefold() not in DEMONYMS
    ):
        # As strong as the tagger's say on a name it met: 31 of the 32 names other than
        # nationalities before `news agency` are agencies.
        found.append(("ORG", STRONGEST))
    if last == "of" and two_back in _ORG_PREFIX:
        found.append(("ORG", STRONG))
    if (last == "of" and two_back in _PLACE_KINDS) or (
        last == "and" and _LISTED_PLACES.search(text, max(0, entity.start - 80), entity.start)
    ):
        # `the northern city of Groningen`: in eng.train all 116 such names are places; so are
        # all 13 in a list after `the towns of` (`Rousse and Veliko Tarnovo`).
        found.append(("PLACE", STRONGEST))
    if (
        single
        and entity.label in _SUBJECT_GUESSES
        and lowercase_after
        and entity.text.casefold() not in DEMONYMS
        # A verb's -s form is left out: `Singapore dealers said…`.
        and (after in SUBJECT_VERBS or past_tense(after))
        and _opens_subject(text, entities, index)
        and _of_business(text, entity.end)
    ):
        found.append(("ORG", STRONG))
    held = last == "in" and two_back in _HOLDINGS
    # `according to China's news agency`, `owned by China's ByteDance`: the source or
    # the owner is what the name owns.
    owner = next_character in _APOSTROPHES
    source = (
        entity.label == "PLACE"
        and not owner
        and (last == "told" or (last, two_back) in (("with", "interview"), ("to", "according")))
    )
    if held or last in _BUYING or (last, two_back) in _BUYING_OF:
        found.append(("ORG", STRONG))
    elif last == "by" and two_back in _BOUGHT:
        # `to be acquired by Marston Aggregates`: the buyer is a company (all three such
        # names in eng.train and eng.testa).
        found.append(("ORG", STRONG))
    if last == "by" and two_back in _MAKERS_AND_SELLERS and entity.label == "PLACE" and not owner:
        # `the chip, made by Quantor`: a maker or seller is no place (a country
        # the tagger knows outweighs this: `weapons supplied by Russia`).
        found.append(("ORG", STRONG))
    if entity.label == "PERSON" and _SAYS_IT.match(text, entity.end):
        found.append(("ORG", STRONG))
    if entity.label == "ORG" and single and _SAYS_HE.match(text, entity.end):
        found.append(("PERSON", STRONG))
    if next_character == " " and _BOWLING.match(text, entity.end):
        # `Ambrose 24-7-43-5`, `( McGrath 4-58 ;`: a bowler's figures. In eng.train and
        # eng.testa the names before them are people's 133 times in 133.
        found.append(("PERSON", STRONGEST))
    if before_text[-1:] in _LINE_START and WIRE_DATELINE.match(text, entity.end):
        found.append(("PLACE", STRONGEST))
    if last == "international" and (two_back in DEMONYMS or two_back in COUNTRIES):
        # `Brazilian international Rivaldo`: a player capped by a country (all 4 such names
        # in eng.train and eng.testa are people's).
        found.append(("PERSON", STRONG))
    if next_character in _APOSTROPHES and _TEAMS_PLAYER.match(text, entity.end) is not None:
        # `Celta Vigo 's Russian playmaker Alexander Mostovoi`: a player's team (2 of 2 in
        # eng.train and eng.testa).
        found.append(("ORG", STRONG))
    if (last == "at" and two_back in WORKS_AT) or (last == "with" and two_back in _WORKS_WITH):
        # `an analyst at D.A. Davidson`, `a trader with Rudolf Wolff`: people work at firms,
        # banks, universities (in eng.train and eng.testa 13 of the 14 names so placed).
        found.append(("ORG", STRONGEST))
    if (
        last in PRODUCT_KINDS_BEFORE_NAMES
        and (single or entity.label != "PERSON")
        and entity.text.rsplit(" ", 1)[-1].casefold() not in _COMPANY_ENDINGS
    ):
        found.append(("PRODUCT", STRONG))
    if last in WORK_KINDS and before_text[-1:] == " ":
        # `the thriller Ice Harbour`, `Atwood 's novel Alias Grace`: a work's title, MISC as
        # CoNLL marks them.
        found.append(("MISC", STRONG))
    if (after in _FOUNDED_AFTER or next_character == ",") and _FOUNDED.match(
        text, _mark_offset(text, entity)
    ):
        found.append(("ORG", STRONG))
    if last == "of" and two_back in ORGANISATION_PARTS and entity.label == "PERSON":
        # No one has a general manager or a unit; a place the tagger saw is left alone.
        found.append(("ORG", STRONG))
    if last in FIRM_NOUNS:
        # `tyre giant Pirelli`, `investment firm Iconiq`: no one and no place is called a firm.
        found.append(("ORG", STRONGEST))
    elif last in COMPANY_NOUNS and entity.label != "PERSON":
        found.append(("ORG", WEAK))
    if ("like" in before_text or "such as" in before_text or "including" in before_text) and (
        _LIST_BEFORE.search(before_text)
        # A full name taken for a person's in a list of rivals or investors is one.
        or ((single or entity.label != "PERSON") and _PEERS_BEFORE.search(before_text))
    ):
        found.append(("ORG", STRONGEST))
    if (
        after in PRODUCT_NOUNS
        and lowercase_after
        # `Acme’s model`: the owner of a product, not one.
        and next_character not in _APOSTROPHES
        and not _names_a_whole(keys, index, after)
    ):
        found.append(("PRODUCT", STRONG))
    if last in TEAM_NOUNS and entity.label != "PERSON":
        found.append(("ORG", STRONG))
    folded = entity.text.casefold()
    if single and (folded in DEMONYMS or folded.removesuffix("s") in DEMONYMS):
        found.append(("MISC", STRONGEST))
    if (
        (after in _KINDS_AFTER_PLACES or after == "and")
        and _PLACES_BEFORE_KIND.match(text, entity.end) is not None
        and folded not in DEMONYMS
        and _ADJECTIVE_SHAPE.search(folded) is None
        and "-" not in folded
    ):
        # `the Medea region`, `the Minya and Assiut provinces`: in eng.train and eng.testa 45
        # of the 48 names before such a word, bar peoples' adjectives (`Kurdish region`),
        # are places. Not over the tagger's say on a name it met (`Apple town hall`).
        found.append(("PLACE", STRONG))
    if single and folded in PLANETS:
        found.append(("PLACE", STRONG))
    if _place_by_name(text, folded):
        found.append(_known_place_cue(text, entity))
    if after in PERSON_VERBS and lowercase_after:
        # `Hansen told reporters`: in eng.train and eng.testa the names before `told` are
        # people's 109 times in 116, before `joked`, `recalled` or `insisted` all 7 times.
        found.append(("PERSON", STRONG))
    if single and after in LEADERSHIPS and lowercase_after and folded not in DEMONYMS:
        # `the Biden administration`, `the Dole campaign`: in eng.train and eng.testa 13 of
        # the 14 one-word names before these words are people's (a party's is the other).
        found.append(("PERSON", STRONG))
    if (
        entity.label == "PLACE"
        and _ACRONYM.fullmatch(entity.text)
        and in_prose_line(text, entity.start, entity.end)
        and not (before_text[-1:] in _LINE_START and _DATELINE_MARK.match(text, entity.end))
    ):
        # `UNICEF and Gavi said…`: in eng.train and eng.testa's sentences in small letters, a
        # word of three to six capitals is an organisation 624 times and a place 8 times
        # (`UAE`, which training knows).
        found.append(("ORG", STRONG))
    head = folded.rsplit(" ", 1)[-1]
    if not single and head in DISEASE_WORDS:
        # `Severe Acute Respiratory Syndrome`, `Creutzfeldt-Jakob Disease`: a disease, MISC
        # as CoNLL marks them (all four such names in eng.train and eng.testa).
        found.append(("MISC", STRONGEST))
    if not single and head in PLACE_HEADS:
        firm = head in GEOGRAPHIC_HEADS or head in BUILDING_HEADS
        found.append(("PLACE", STRONGEST if firm else STRONG))
    elif not single and _GEOGRAPHIC_OF.match(folded):
        # `Gulf of Mexico`, `Strait of Hormuz`, `Isle of Man`.
        found.append(("PLACE", STRONGEST))
    if (
        not single
        and entity.label == "PERSON"
        and head in PRODUCT_NOUNS
        and head not in COMPANY_DESIGNATORS
    ):
        # `Zorvex Rover`: no one's name ends in a kind of product (`… Systems` is a company).
        found.append(("PRODUCT", STRONG))
    if after in FACILITY_NOUNS or (after in _SEATS and last in _OWNERS):
        # `its Maranello headquarters` is where a company sits; `NATO headquarters`, the
        # organisation's own (eng.train: the names before `headquarters`, `office` or `branch`
        # are organisations' or nationalities' 13 times, places' twice).
        found.append(("PLACE", STRONG))
    if (last in _VISITS and entity.label != "PERSON") or (last, two_back) in _TRAVEL:
        found.append(("PLACE", STRONG))
    if source:
        # `told Bloomberg`, `according to Bloomberg`: who is told things or tells them is no
        # place (in eng.train the name after `told` is an organisation 71 times in 80,
        # mostly Reuters; after `according to`, 3 times in 8 and never a place).
        found.append(("ORG", STRONG))
    if last == "the" and after not in LEADERSHIPS:
        found.append(("PERSON", -WEAK))
    role = (
        _ROLE_AFTER.match(text, _mark_offset(text, entity))
        if not single and next_character == ","
        else None
    )
    if role is not None and role.group(1).casefold() in ROLE_WORDS:
        found.append(("PERSON", STRONG))
    if next_character in _APOSTROPHES and _owns_product(text, entities, index, gap_after):
        found.append(("ORG", STRONG))
    if single and entity.text[:1].islower() and not entity.text.islower():
        found.append(("ORG", WEAK))
    elif single and brand_shaped(entity.text):
        # `CrowdStrike`, `OpenAI`: in eng.train such words are organisations 38 times in 58.
        found.append(("ORG", STRONG))
    if after in EVENT_NOUNS:
        found.append(("EVENT", STRONG))
    if (
        after in _INDEX_WORDS
        and lowercase_after
        and entity.label != "PERSON"
        and folded.rsplit(" ", 1)[-1] not in _EXCHANGE_ENDINGS
    ):
        # `the DAX index`, `the Hang Seng index`: a stock index, MISC as CoNLL marks them (31
        # of the 36 names before `index`, `indices` or `average` in eng.train and eng.testa;
        # 3 of the others are exchanges').
        found.append(("MISC", STRONG))
    elif folded in STOCK_INDICES:
        # `HONG KONG - Hang Seng up 0.4 percent`, `DAX closed at 2,821.34`: MISC wherever
        # eng.train and eng.testa name one of them (Nikkei 8, Dow 12 of 14, Nasdaq 11…).
        found.append(("MISC", STRONGEST))
    appositive = (
        _APPOSITIVE.match(text, _mark_offset(text, entity))
        if next_character in _APPOSITIVE_OPENERS
        else None
    )
    if appositive is not None:
        kind = _apposition_kind(appositive.group(1))
        if kind is not None:
            found.append((kind, STRONGEST))
    if last in _LAUNCH_VERBS or (two_back in _LAUNCH_NOUNS and last == "of"):
        found.append(("PRODUCT", WEAK))
    # No place is named with one letter (`on X`, the network).
    # `according to Bloomberg`: a source, never a place (in eng.train 3 of the 8 names after
    # it are organisations, none a place).
    quoted_source = (last, two_back) == ("to", "according")
    placeable = single and len(entity.text) > 1 and not held and not source and not quoted_source
    if placeable and last in _PLACE_BEFORE and after not in BUSINESS_ROLES:
        found.append(("PLACE", WEAK))
    elif last in ("in", "near") and not single and entity.label == "PERSON" and not quoted_source:
        # `the Afghan embassy in Abu Dhabi`: of the names of two words or more after `in` in
        # eng.train and eng.testa, 82 are places, 3 people's.
        found.append(("PLACE", STRONG))
    # `… on Acme.`: a name closing a clause after a preposition of place.
    if placeable and last in _CLAUSE_PLACE_BEFORE and _CLAUSE_END.match(text, entity.end):
        found.append(("PLACE", WEAK))
    if entity.label == "PERSON" and not single and _quoted(text, entity):
        # `“Blade Runner”`: people's names are not put in quotation marks of their
        # own; a person-like name so quoted is a title or a nickname.
        found.append(("MISC", STRONGEST))
    if last == "at" and _YEAR_AFTER.match(text, entity.end):
        found.append(("EVENT", STRONG))
    if last in ROLE_WORDS and last not in _COMPANY_ROLES and not single:
        # `candidate Kari Lake`: in eng.train and eng.testa 434 of the 436 names of two
        # words or more after such a title are people's.
        found.append(("PERSON", STRONGEST))
    return found


_ACRONYM: Final = re.compile(r"[A-Z]{3,6}")
_DATELINE_MARK: Final = re.compile(r"[ \t]*[,(—–-]")
"""What follows a city opening a dateline (`KYIV —`, `GENEVA (Reuters)`, `SEOUL, Aug 29`)."""


_NAMING_VERBS: Final = frozenset(["named", "appointed", "hired", "promoted", "elected"])
"""`named Lip-Bu Tan chief executive`: the role after such a person is theirs, no company's."""
_LAUNCHING: Final = _LAUNCH_VERBS | frozenset(["debuted", "teased", "teases"])
"""Verbs of `COMPANY_ACTIONS` a person does too: launching and unveiling things."""
_PLURAL_PLACE_KINDS: Final = frozenset(
    ["cities", "towns", "villages", "provinces", "regions", "districts", "islands"]
)
_PLACE_KINDS: Final = frozenset(
    [
        "city",
        "town",
        "village",
        "port",
        "capital",
        "province",
        "state",
        "region",
        "island",
        "suburb",
        "district",
        "settlement",
        "county",
        "enclave",
        "municipality",
        # `south of Maryborough`: 44 of the 45 names after a compass point (or `outskirts`)
        # and `of` in eng.train and eng.testa are places.
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "outskirts",
        *_PLURAL_PLACE_KINDS,
    ]
)
"""Kinds of place a name follows with `of` (`the town of Tuzla`, `the towns of Rousse`)."""
_LISTED_PLACES: Final = re.compile(
    rf"\b(?:{'|'.join(sorted(_PLURAL_PLACE_KINDS))})[ \t]+of[ \t]+"
    r"(?:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)*[ \t]*,[ \t]+)*"
    r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)*[ \t]*,?[ \t]+and[ \t]+$"
)
"""The start of a list of places after their plural kind, up to its last name (`the towns of
Rousse and `)."""
_SUBJECT_GUESSES: Final = frozenset(["PLACE", "MISC"])
"""The tagger's guesses for a new word opening a sentence that business words may correct."""
_SENTENCE_END: Final = re.compile(r"[.!?](?:[ \t]|$)|\n", re.MULTILINE)
_SMALL_WORD: Final = re.compile(r"[a-z]+")


def _opens_subject(text: str, entities: Sequence[Entity], index: int) -> bool:
    """Whether mention `index` opens its sentence, alone or after another name and `and`
    (`Visa and Mastercard agreed…`)."""
    entity = entities[index]
    if opens_sentence(text, entity.start):
        return True
    if index == 0 or text[entity.start - 5 : entity.start] != " and ":
        return False
    previous = entities[index - 1]
    return previous.end == entity.start - 5 and opens_sentence(text, previous.start)


def _of_business(text: str, start: int) -> bool:
    """Whether the sentence from `start` on has a word of a company's business (`BUSINESS_WORDS`).

    `Walmart cut its profit forecast`, `Klarna hired a former banker as chief
    executive`: the subject of such a sentence is a company. In eng.train, 30 of the 50
    one-word names opening a sentence before a verb and such a word are organisations,
    12 people (whom this cue leaves alone) and 8 places, all countries or states training
    knows, whose known label outweighs it.
    """
    end = _SENTENCE_END.search(text, start, start + 300)
    sentence = text[start : end.start() if end is not None else start + 300]
    return not BUSINESS_WORDS.isdisjoint(_SMALL_WORD.findall(sentence.lower()))


def _apposition_kind(apposition: str) -> str | None:
    """PRODUCT or ORG, by the head of an apposition's noun phrase (`a new chip model`).

    The head is the last word before the phrase goes on with a small word, a
    participle or an adverb (`the startup backed by…`, `the company's suite
    of…`, `a platform specifically designed…`). So a product noun before a
    company noun is what the company makes (`the electric truck maker`), and
    a company noun before a role is someone's job (`a company spokesman`). A phrase
    going on to report (`…Shanghai, the Xinhua news agency reported`) is no apposition
    but the subject of the next clause.
    """
    words = [word.casefold() for word in apposition.split()]
    for word in words:
        if word in _RELATIVES:
            break
        if word in _REPORTING_VERBS:
            return None
    head = ""
    following = ""
    for position, word in enumerate(words):
        if position and (word in FUNCTION_WORDS or word.endswith(("ed", "ly"))):
            following = word
            break
        head = word
    if head in PRODUCT_NOUNS:
        return "PRODUCT"
    if head in COMPANY_NOUNS or head in FIRM_NOUNS:
        return "ORG"
    if following in _NOT_AFTER_A_HEAD:
        # `Michael Collins, the Irish Republican Army's Director…`, `…, the French army
        # was destroyed`: the body is no head of the phrase.
        return None
    if head in _BODY_HEADS:
        return "ORG"
    if head in _SETTLEMENT_HEADS:
        return "PLACE"
    return None


_BODY_HEADS: Final = frozenset(
    [
        *("parliament", "legislature", "assembly", "senate", "congress", "house", "police"),
        *("government", "council", "wing", "movement", "front", "army", "militia", "court"),
        *("commission", "federation", "league", "coalition", "alliance", "daily", "weekly"),
    ]
)
"""Heads of an apposition naming a body: `the Saeima, Latvia's parliament`, `Herri Batasuna,
the political wing of ETA`, `the Garda Siochana, the Irish police` (eng.train and eng.testa
have only three such appositions, none of them one: a possessive after the body, `the
Irish Republican Army's Director`, a clause, `the French army was destroyed`, and an
`ancient federation` of towns)."""
_NOT_AFTER_A_HEAD: Final = frozenset(["'s", "’s", "was", "is", "were", "are", "has", "had"])
_SETTLEMENT_HEADS: Final = frozenset(
    ["town", "village", "city", "capital", "colony", "province", "region", "district"]
)
"""Heads of an apposition naming a place: `Cibadak, a town in West Java` (in eng.train and
eng.testa the names before such an apposition are places 13 times in 13)."""


def _place_by_name(text: str, folded: str) -> bool:
    """Whether a casefolded name is a place's by itself: a country's, or a city's or a
    state's outside sports stories, where clubs and teams bear them (`lexicon.COUNTRIES`,
    `lexicon.CITIES`, `lexicon.STATES`)."""
    return folded in COUNTRIES or (
        (folded in CITIES or folded in STATES) and not of_sports_story(text)
    )


_PLAYING_ROLES: Final = (
    "striker|strikers|midfielder|midfielders|defender|defenders|goalkeeper|playmaker|forward"
    "|winger|sweeper|skipper|captain|pitcher|outfielder|shortstop|quarterback|batsman|bowler"
)
_TEAMS_PLAYER: Final = re.compile(
    rf"[ \t]?['’]s[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:{_PLAYING_ROLES})[ \t]+[A-Z]"
)
"""A possessive, perhaps a nationality, a player's role and a name: `'s Russian playmaker
Alexander Mostovoi`, `'s captain Dean Jones`."""
_WORKS_WITH: Final = frozenset(
    [
        *("analyst", "analysts", "trader", "traders", "dealer", "dealers", "broker", "brokers"),
        *("economist", "economists", "strategist", "strategists", "banker", "bankers"),
    ]
)
"""Jobs of `WORKS_AT` done `with` a firm (`a trader with Rudolf Wolff`); an executive `with`
a name is more often replaced by its bearer (`replaced its chief executive with Laurent
Freixe`)."""
_KNOWN_PLACE_CUE: Final = ("PLACE", STRONG)
"""The cue of a name `_place_by_name` knows, in a table's row or an adjective (`Moscow-backed`)."""
_KNOWN_PLACE_IN_PROSE_CUE: Final = ("PLACE", STRONGEST)
"""The cue of a name `_place_by_name` knows, in prose: it outweighs the tagger, who learnt
many cities as teams (`markets like Pittsburgh and Cleveland`). Outside sports stories,
1,468 of the 1,488 mentions of `lexicon.CITIES` in eng.train and eng.testa are places', and
152 of 152 of `lexicon.STATES`."""


def _known_place_cue(text: str, entity: Entity) -> tuple[str, float]:
    """How strongly a name `_place_by_name` knows is a place's where it stands."""
    after = text[entity.end : entity.end + 2]
    if after[:1] == "-" or (after[:1] == " " and after[1:].isdigit()):
        return _KNOWN_PLACE_CUE
    return _KNOWN_PLACE_IN_PROSE_CUE


def _moves_like_a_share(text: str, entity: Entity) -> bool:
    """Whether a share price's move follows `entity` (`_PRICE_MOVE`)."""
    move = _PRICE_MOVE.match(text, entity.end)
    return move is not None and not (
        move.group("percent") and any(character.isdigit() for character in entity.text)
    )


def _mark_offset(text: str, entity: Entity) -> int:
    """Where the mark after `entity` is, past the space wire text puts before it (`Acme , a`)."""
    if text[entity.end : entity.end + 1] == " " and text[entity.end + 1 : entity.end + 2] in (
        _APPOSITIVE_OPENERS
    ):
        return entity.end + 1
    return entity.end


_RELATIVES: Final = frozenset(["that", "which", "who", "whose"])
_REPORTING_VERBS: Final = frozenset(
    ["said", "says", "reported", "reports", "told", "tells", "added", "quoted", "announced"]
)

_QUOTES: Final = {"“": "”", '"': '"', "‘": "’"}


def _quoted(text: str, entity: Entity) -> bool:
    """Whether the name alone fills a pair of quotation marks: `“Blade Runner”`."""
    opening = text[entity.start - 1 : entity.start] if entity.start else ""
    closing = _QUOTES.get(opening)
    return closing is not None and text[entity.end : entity.end + 1] == closing


def _owned(before: str, after: str) -> bool:
    """`Acme’s Skylark`, `Acme’s recently announced Skylark`: a possession (of an organisation).

    `before` and `after` are the texts between this mention and its neighbours
    ("" at either end of the article).
    """
    modifies_next = after == " "
    return before[:1] in _APOSTROPHES and _POSSESSED.match(before) is not None and not modifies_next


def _founder_of(owner: Entity, gap: str, owner_key: str, owned_key: str) -> bool:
    """`Jane Doe’s Acme`: a plain two- or three-word name owning an organisation is a person's.

    `gap` is the text between the two names; the one owned must be an
    organisation for the cue to hold. It decides between a person and an
    organisation only (`South Korea’s Acme` is a place's): an organisation
    owning one (`Acme’s Zenith`) mostly has a one-word name or one with a
    company word in it, and one the tagger met is left alone.
    """
    if gap[:1] not in _APOSTROPHES:
        return False
    words = owner.text.split(" ")
    return (
        1 < len(words) <= 3
        and all(word.isalpha() and word[0].isupper() and word[1:].islower() for word in words)
        and _POSSESSIVE_GAP.fullmatch(gap) is not None
        and owner_key != owned_key
        and not any(word.casefold() in COMPANY_NOUNS for word in words)
    )


def _names_a_whole(keys: Sequence[str], index: int, noun: str) -> bool:
    """`Mars rover` when the article names a `Mars Rover`: the noun is the name's, not a cue."""
    whole = f"{keys[index]} {noun}"
    return any(key.startswith(whole) for key in keys)


def _owns_product(text: str, entities: Sequence[Entity], index: int, gap: str) -> bool:
    """`Acme’s Skylark system`: the owner of a named product is a company.

    `gap` is the text between this mention and the next.
    """
    if index + 1 >= len(entities) or _POSSESSED.match(gap) is None:
        return False
    following = _NEXT_WORD.match(text, entities[index + 1].end)
    return following is not None and following.group(1).casefold() in PRODUCT_NOUNS


def _previous_words(before: str) -> tuple[str, str]:
    """The last two casefolded words of the text just before a name, on its line.

    Only words ending in a letter count, back from the name up to the first
    that does not (`Acme, the`: `the`, nothing before); a missing one is "".
    """
    if "\n" in before:
        before = before[before.rfind("\n") + 1 :]
    words = before.rsplit(None, 2)
    if not words or not words[-1][-1].isalpha():
        return "", ""
    if len(words) < 2 or not words[-2][-1].isalpha():
        return words[-1].casefold(), ""
    return words[-1].casefold(), words[-2].casefold()
