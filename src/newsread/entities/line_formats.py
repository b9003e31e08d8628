"""Where a line's format fixes a name's kind, whatever the article calls it elsewhere.

Wire copy names one city two ways: `DETROIT 47 86 .353 27 1/2` opens a row
of a standings table with the team (an organisation), while `DETROIT
1996-08-30` or `DETROIT, Aug 30 (Reuters) -` opens a story with the place it
was filed from. The rest of the article cannot settle which, so these
positions are labelled last, after `identity` gave each name one label: in
eng.train every name opening a standings row is an organisation (224 of
224), 897 of the 907 opening a dateline are places, and so are all 32 venues opening a
line of cricket scores (`Hove : Sussex 285-6`), as are 47 of the 48 names opening a line
after `In` or `At` and before a colon (`In Bergen : Brann ( Norway ) 2`). The two teams
of a line that is one match result (`Sale 31 Wasps 33`) are organisations in 497 of
eng.train's 502 such lines. A press digest heads each newspaper's stories with its name
in capitals (`EL PAIS`), an organisation in 53 of eng.train's 57 such lines. A baseball
fixture in capitals (`KANSAS CITY AT DETROIT`) names the visiting team, an organisation,
at the home team's city, a place: so in all 99 such lines of eng.train, and a results diary
names a company after the day (`MON Gencor YR EPS`). A league's initials heading a sports
story (`NHL ICE HOCKEY - …`), a company's results heading (`Apic Yamada - 6mth parent
forecast`) and a table's or a bond's field naming a company (`Company name …`, `BORROWER
…`) name organisations, as does the side after the ground in a line of scores (`In Dunedin
: Otago 164`), while a country before a score in a row of results is its national side,
a place in CoNLL (`Zambia 2 Mozambique 0`; 17 of 17 such rows in eng.train and eng.testa).
Names in brackets in results and squad lists are labelled by `bracketed_names`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from newsread.entities.bracketed_names import by_brackets
from newsread.entities.common_words import line_around
from newsread.entities.headlines import SPORT_HEADING, heading_sport, opening_sport, results_row
from newsread.entities.identity import NAME_LABELS, name_key
from newsread.entities.joined_names import one_organisation
from newsread.entities.lexicon import (
    COUNTRIES,
    CREDIT_VERBS,
    MONTHS,
    NEWSPAPER_TITLES,
    SPORTS,
    SPORTS_OF_TWO_WORDS,
)
from newsread.entities.merge import with_added
from newsread.model import Entity

_RECORD: Final = re.compile(r"[ \t]+\d{1,3}[ \t]+\d{1,3}[ \t]+\.\d{3}\b")
"""Wins, losses and a winning percentage (`47 86 .353`)."""
_WIRE_DATELINE: Final = (
    r",[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}\b"
    r"|[ \t]+\((?:Reuters|AP|AFP|UPI|Bloomberg|CNN|dpa|Xinhua)\)"
)
WIRE_DATELINE: Final = re.compile(_WIRE_DATELINE)
"""What follows the place a wire story's dateline opens with: `KYIV, Aug 12 (Reuters) -`,
`WASHINGTON (AP) —`."""
_DATELINE: Final = re.compile(
    _WIRE_DATELINE
    + r"|(?:[ \t]*,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)*)?[ \t]+\d{4}-\d\d-\d\d[ \t]*$"
    + r"|[ \t]*,[ \t]*[A-Z][a-z]+(?:[ \t]*\.)?[ \t]*\n[ \t]*\d{4}-\d\d-\d\d[ \t]*$",
    re.MULTILINE,
)
"""`WIRE_DATELINE`, or a line that ends in a date after the place (and its state or
country): `NICE , France 1996-08-30`, as CoNLL's copy of the wire has them, or whose
state's abbreviation ends it, the date on the next line (`RICHMOND , Va .`: a place in all
13 such lines of eng.train and eng.testa)."""


_TEAM: Final = r"[A-Z][\w.'’&-]*(?:[ \t]+(?:[A-Z][\w.'’&-]*|\d+[a-z]+|de|del|da|do|of|and))*?"
_RESULT: Final = re.compile(
    rf"^(?P<home>{_TEAM})[ \t]+\d{{1,3}}(?:[ \t]+\([^()\n]*\))?[ \t]+(?P<away>{_TEAM})"
    r"[ \t]+\d{1,3}(?:[ \t]+\(.*)?[ \t]*$",
    re.MULTILINE,
)
"""A match result on a line of its own: `Sale 31 Wasps 33`, `Bahia 2 Atletico Paranaense 0
( halftime 1-0 )`: two teams, organisations (in eng.train 497 such lines of 502; the other
four are national teams, places in CoNLL, and one a team taken for a person)."""

_VENUE: Final = re.compile(r"[ \t]*:[ \t]+[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*)*[ \t]+\d")
"""A team and its score after a colon: `Hove : Sussex 285-6`, where the match was played."""


_DATELINE_ORGANISATIONS: Final = frozenset(["united nations"])
"""Organisations wire stories are filed from: eng.train's only datelines of a name other than a
place's bar a few slips (`UNITED NATIONS 1996-08-28`, 4 of 4, an organisation as `United
Nations` is in all of its 18 other mentions)."""


def by_line_format(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`entities` labelled as the formats of their lines say (see the module's docstring):
    each name opening a standings row an organisation, each name opening a dateline or a
    line of scores after a colon (the venue) a place, and so on; a sport heading a
    headline is dropped."""
    result = list(entities)
    for index, entity in enumerate(entities):
        if entity.label not in NAME_LABELS or not _opens_line(text, entity.start):
            continue
        if entity.label != "ORG" and _RECORD.match(text, entity.end):
            result[index] = Entity(entity.start, entity.end, "ORG", entity.text, entity.key)
        elif _DATELINE.match(text, entity.end) or _VENUE.match(text, entity.end):
            label = "ORG" if entity.text.casefold() in _DATELINE_ORGANISATIONS else "PLACE"
            if entity.label != label:
                result[index] = Entity(entity.start, entity.end, label, entity.text, entity.key)
    if "\n" in text and _DIGIT_SPACE.search(text):
        result = _with_national_sides(text, _with_results(text, result))
    if "(" in text and _SCORERS_IN_BRACKETS.search(text):
        result = _with_scorers(text, result)
    if " b " in text:
        result = _with_fielders(text, result)
    if " (" in text and opening_sport(text) == "cricket":
        result = _with_cricket_sides(text, result)
    if "In " in text or "At " in text:
        result = _with_venues(text, result)
    if ": " in text:
        result = _with_cricket_venues(text, result)
    if _DIGEST in text[: text.find("\n") if "\n" in text else 120]:
        result = _with_mastheads(text, result)
    if " AT " in text:
        result = _with_fixtures(text, result)
    if " - " in text:
        result = _with_league_headings(text, _without_sport_headings(text, result))
        if "orecast" in text or "esult" in text or "ORECAST" in text or "ESULT" in text:
            result = _with_results_headings(text, result)
    if "BORROWER" in text or " name" in text or " Name" in text or "Lead " in text:
        result = _with_company_fields(text, result)
    if "(" in text:
        result = by_brackets(text, _with_agencies(text, result))
    if " EPS " in text or " DIV " in text:
        result = _with_diary_companies(text, result)
    if " by " in text:
        result = [e for e in result if not _credit_verb(text, e)]
    if any(e.label == "ORG" and " " in e.text and e.text.isupper() for e in result):
        result = _countries_before_nouns(text, result)
    if of_sports_story(text):
        result = _places_as_teams(text, result)
    return result


_SCORED_FOR: Final = re.compile(
    r"(?:\d|\b(?:points|rebounds|assists|yards|goals|twice|once|runs|wickets|saves|"
    r"touchdowns|tries))[ \t]+for[ \t]+$"
)


_PLAYER_ROLE: Final = re.compile(
    r"[ \t]+(?:coach|manager|forward|striker|midfielder|defender|goalkeeper|captain|skipper"
    r"|pitcher|outfielder|catcher|shortstop|quarterback|guard|centre|center|winger|playmaker"
    r"|owner|rookie)[ \t]+[A-Z]"
)
"""A player's or a coach's role and their name after a team's: `Dallas coach Barry Switzer`."""


def _places_as_teams(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with a place that names a team in a sports story that team, unless it is a
    country's (a national side, a place as CoNLL marks them; `twice for England`).

    A player scored for it (`22 points for Boston`, `212 yards for Dallas`, `twice for
    Montreal`): the city names the team there, as in results rows (eng.train's two such
    names are teams). A person's name stays one (`115-113 for Mendoza`, a boxer's cards),
    and the name's other mentions keep their own labels (`In Boston , …`).

    Or a role in the team and a name follow it (`Dallas coach Barry Switzer`, `Sacramento
    forward Corliss Williamson`): 52 of the 65 names so placed in eng.train's and eng.testa's
    sports stories are organisations, and the others countries bar a Texas's slip."""
    scored = " for " in text
    for index, entity in enumerate(entities):
        if (
            entity.label == "PLACE"
            and entity.text.casefold() not in COUNTRIES
            and (
                _PLAYER_ROLE.match(text, entity.end) is not None
                or (
                    scored
                    and _SCORED_FOR.search(text, max(0, entity.start - 24), entity.start)
                    is not None
                )
            )
        ):
            entities[index] = Entity(entity.start, entity.end, "ORG", entity.text, entity.key)
    return entities


def _countries_before_nouns(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with an organisation's name in capitals that opens with a country's cut to
    the country, a place (`CHAD ARMY SAYS…`, `PARAGUAY CENTRAL BANK SEIZES…`): in eng.train's
    and eng.testa's lines of capitals a country's name before a noun stands alone 116 times,
    and opens an organisation's name never (only `U.S. OPEN` and `MEXICO CITY` run on)."""
    result = list(entities)
    for index, entity in enumerate(entities):
        if entity.label != "ORG" or " " not in entity.text or not entity.text.isupper():
            continue
        if not text[entity.end : entity.end + 3].strip(" \t").isalpha():
            # A name alone on its line (`KENYA TIMES`, a press digest's masthead) or closing
            # it is no headline's subject.
            continue
        words = entity.text.split(" ")
        if words[-1].casefold() in NEWSPAPER_TITLES:
            # `HONG KONG ECONOMIC TIMES said…`: a newspaper named after its country.
            continue
        for count in (2, 1):
            country = " ".join(words[:count])
            if count < len(words) and country.casefold() in COUNTRIES:
                end = entity.start + len(country)
                result[index] = Entity(entity.start, end, "PLACE", country, name_key(country))
                break
    return result


def _credit_verb(text: str, entity: Entity) -> bool:
    """Whether `entity` is a verb of a story's credits (`…; Editing by John Roe`), no name."""
    return entity.text.casefold() in CREDIT_VERBS and text.startswith(" by ", entity.end)


_AGENCY_DATELINE: Final = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*)*"
    r"(?:[ \t]*,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)*)*"
    r"[ \t]*\([ \t]*([A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,2})[ \t]*\)[ \t]*(?:—|–|--?)",
    re.MULTILINE,
)
"""A dateline naming its news agency: `SANTA CLARA, Calif. (AP) —`, `GENEVA ( Reuters ) -`."""


def _with_agencies(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with the news agency in brackets after a dateline's place an organisation,
    added if the tagger missed it (`(AP)` was a place)."""
    added: list[Entity] = []
    result = entities
    for line in _AGENCY_DATELINE.finditer(text):
        start, end = line.span(1)
        index = bisect_left(result, start, key=lambda e: e.start)
        if index < len(result) and result[index].start == start and result[index].end == end:
            agency = result[index]
            if agency.label != "ORG":
                if result is entities:
                    result = list(entities)
                result[index] = Entity(start, end, "ORG", agency.text, agency.key)
        elif not any(e.start < end and start < e.end for e in result):
            added.append(Entity(start, end, "ORG", text[start:end], name_key(text[start:end])))
    return with_added(result, added) if added else result


_DIARY_LINE: Final = re.compile(
    r"^(?:MON|TUE|WED|THU|FRI|SAT|SUN)[ \t]+([A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3}?)"
    r"[ \t]+(?:YR|HY|H1|H2|FY|Q[1-4]|\d{1,2}MTH)[ \t]+(?:EPS|DIV)\b",
    re.MULTILINE,
)
"""`MON Gencor YR EPS 93.12 …`: a line of a results diary, the day and then the company."""


def _with_diary_companies(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with the company of each results diary line (`_DIARY_LINE`) one
    organisation, the day before it left out: so in all 16 such lines of eng.train."""
    for line in _DIARY_LINE.finditer(text):
        start, end = line.span(1)
        inside = [e for e in entities if e.start < end and e.end > line.start()]
        if [(e.start, e.end, e.label) for e in inside] == [(start, end, "ORG")]:
            continue
        if any(e.label not in NAME_LABELS for e in inside):
            continue
        outside = [e for e in entities if e not in inside]
        entities = one_organisation(text, outside, start, end)
    return entities


_TWO_WORD_SPORTS: Final = SPORTS_OF_TWO_WORDS - {"american football", "rugby union", "rugby league"}
"""Sports of two words whose heading is no name (`RUGBY UNION` and `RUGBY LEAGUE` are
missing: eng.train marks them an organisation and a MISC, 12 and 7 times of 12 and 7; so is
`AMERICAN FOOTBALL`, whose `AMERICAN` eng.testa marks a nationality)."""


def _without_sport_headings(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` without the sport heading a headline (`SPORT_HEADING`) or any name inside
    it (`AMERICAN` of `AMERICAN FOOTBALL -`): in eng.train 309 such headings are no name, bar
    four `GOLF`s marked places."""
    headings = [
        line.span(1)
        for line in SPORT_HEADING.finditer(text)
        if heading_sport(line) in SPORTS or heading_sport(line) in _TWO_WORD_SPORTS
    ]
    if not headings:
        return entities
    return [e for e in entities if not any(s <= e.start and e.end <= end for s, end in headings)]


def of_sports_story(text: str) -> bool:
    """Whether `text`'s headline opens with a sport (`SOCCER - …`, `ICE HOCKEY - …`)."""
    sport = opening_sport(text)
    return sport in SPORTS or sport in SPORTS_OF_TWO_WORDS


_HEADED_SPORTS: Final = SPORTS | {"ice hockey", "american football"}
_SPORT_NAMES: Final = "|".join(sorted(_HEADED_SPORTS))
_SPORT_WORDS: Final = frozenset(" ".join(_HEADED_SPORTS).split())
_LEAGUE_HEADING: Final = re.compile(
    rf"^[ \t]*(?:(?i:{_SPORT_NAMES})[ \t]+-[ \t]+([A-Z]{{2,4}})[ \t]+(?:RESULTS?|STANDINGS)\b"
    rf"|([A-Z]{{2,4}})[ \t]+(?i:{_SPORT_NAMES})[ \t]*-)",
    re.MULTILINE,
)
"""`NFL AMERICAN FOOTBALL - …`, `ICE HOCKEY - NHL RESULTS`: a league's initials heading a
sports story (in eng.train `NFL` so is an organisation)."""


def _with_league_headings(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with the league whose initials head a sports story (`_LEAGUE_HEADING`) an
    organisation, found or not."""
    added: list[Entity] = []
    for line in _LEAGUE_HEADING.finditer(text):
        group = 1 if line.group(1) else 2
        start, end = line.span(group)
        if line.group(group).casefold() in _SPORT_WORDS:
            # `ICE HOCKEY -`: the first word of a sport's name.
            continue
        if not any(e.start < end and e.end > start for e in entities):
            name = text[start:end]
            added.append(Entity(start, end, "ORG", name, name_key(name)))
    return with_added(entities, added) if added else entities


_RESULTS_HEADING: Final = re.compile(
    r"^[ \t]*([A-Z][\w&.'’-]*(?:[ \t]+[A-Z&][\w&.'’-]*){0,4})[ \t]+-[ \t]+(?:[\w/.-]+[ \t]+){0,3}"
    r"(?i:parent|group|consolidated|unconsolidated)[ \t]+(?i:forecast|results?)\b",
    re.MULTILINE,
)
"""`Apic Yamada - 6mth parent forecast`, `KAWASHIMA SEIKI - SIX-MONTH PARENT RESULTS`: a
company's results heading (all seven such names in eng.train and eng.testa are companies')."""


def _with_results_headings(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with the company a results heading names (`_RESULTS_HEADING`) one
    organisation, found or not."""
    for line in _RESULTS_HEADING.finditer(text):
        start, end = line.span(1)
        if line.group(1).split()[0].casefold() not in SPORTS:
            entities = _named_organisation(text, entities, start, end)
    return entities


def _named_organisation(text: str, entities: list[Entity], start: int, end: int) -> list[Entity]:
    """`entities` with `text[start:end]` one organisation, unless a name or a number runs
    out of it or it is one already."""
    inside = [e for e in entities if e.start < end and e.end > start]
    if [(e.start, e.end, e.label) for e in inside] == [(start, end, "ORG")]:
        return entities
    if any(e.start < start or e.end > end or e.label not in NAME_LABELS for e in inside):
        return entities
    return one_organisation(text, entities, start, end)


_COMPANY_FIELD: Final = re.compile(
    r"^[ \t]*(?:Company[ \t]+[Nn]ame|BORROWER|Lead[ \t]+(?:[Uu]nderwriter|[Mm]anager))"
    r"[ \t]*[:-]?[ \t]+([A-Z][\w&.'’-]*(?:[ \t]+(?:[A-Z&][\w&.'’-]*|and|of))*)",
    re.MULTILINE,
)
"""`Company name Liu Chong Hing Investment Ltd`, `BORROWER BAYERISCHE VEREINSBANK`, `Lead
Underwriter Bear Stearns & Co Inc`: a field of a results table or a bond's terms naming a
company (all ten such names in eng.train and eng.testa are companies')."""


def _with_company_fields(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with the company a field names (`_COMPANY_FIELD`) one organisation, found or
    not."""
    for line in _COMPANY_FIELD.finditer(text):
        start, end = line.span(1)
        while text[start:end].endswith((" and", " of")):
            end = text.rfind(" ", start, end)
        entities = _named_organisation(text, entities, start, end)
    return entities


_CAPITALS_NAME: Final = r"[A-Z][A-Z.'’&-]*(?:[ \t]+[A-Z][A-Z.'’&-]*){0,3}"
_FIXTURE: Final = re.compile(
    rf"^[ \t]*({_CAPITALS_NAME})[ \t]+AT[ \t]+({_CAPITALS_NAME})"
    r"(?:[ \t]+\([ \t]*[a-z][a-z \t]*\))?[ \t]*$",
    re.MULTILINE,
)
"""`KANSAS CITY AT DETROIT`, `CINCINNATI AT FLORIDA ( doubleheader )`: a fixture line of a
baseball results table."""


def _with_fixtures(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with the visitors of each fixture line (`_FIXTURE`) an organisation and
    the home city a place, where a name spans either exactly. The rest of a results table
    names the same cities as teams, which `identity` spreads to the home city too."""
    by_span = {(e.start, e.end): index for index, e in enumerate(entities)}
    for line in _FIXTURE.finditer(text):
        for group, label in ((1, "ORG"), (2, "PLACE")):
            index = by_span.get(line.span(group))
            if index is None:
                continue
            entity = entities[index]
            if entity.label in NAME_LABELS and entity.label != label:
                entities[index] = Entity(entity.start, entity.end, label, entity.text, entity.key)
    return entities


_CRICKET_VENUE: Final = re.compile(
    r"^([A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,3})[ \t]*:[ \t]+"
    r"([A-Z][\w.'-]*)(?:[ \t]+[A-Z][\w.'-]*){0,2}[ \t]+\d{2,3}(?:-\d{1,2})?(?![^ \t\n])"
    r"(?=[ \t]*(?:$|[(,]|(?:v|and|for|declared|dec|all|in[ \t]+\d+)(?![\w-])))",
    re.MULTILINE,
)
"""`Hove : Sussex 285-6 …` (`Hove: Sussex` as news spaces it): the ground, then a side and its
score, and what an innings' score goes on with (its scorers, the other side, `declared`)."""
_SCORE_HEADINGS: Final = frozenset(
    ["score", "scores", "result", "results", "close", "stumps", "lunch", "tea", "toss"]
)


def _with_cricket_venues(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with the ground opening a line of cricket scores (`_CRICKET_VENUE`) a place,
    found or not: so are all 13 such grounds in eng.train and eng.testa, where the line
    does not open with a heading (`Scores : England 326`) instead."""
    added: list[Entity] = []
    for line in _CRICKET_VENUE.finditer(text):
        start, end = line.span(1)
        heading = line.group(1).split()[0].casefold() in _SCORE_HEADINGS
        if heading or line.group(2).casefold() in MONTHS:
            continue
        if not any(e.start < end and e.end > start for e in entities):
            name = text[start:end]
            added.append(Entity(start, end, "PLACE", name, name_key(name)))
    return with_added(entities, added)


_DIGEST: Final = "PRESS DIGEST"
_MASTHEAD: Final = re.compile(
    r"^((?:[A-Z]|\d+[ \t]+[A-Z])[A-Z'’&.-]*(?:[ \t]+[A-Z][A-Z'’&.-]*){0,4}(?:[ \t]+\d+)?)"
    r"[ \t]*\n[ \t]*(?:-|[A-Z][a-z])",
    re.MULTILINE,
)
"""A line of one to five words in capitals (and perhaps a number) over a line of the stories
it heads, opening with a dash or a sentence: in a press digest, the newspaper whose stories
they sum up (`EL PAIS` / `- Work groups…`, `DIARIO 16`, `KOMPAS` / `Police said…`)."""
_PAGES: Final = frozenset(["page", "pages"])
"""A digest's section heading (`FRONT PAGE`, `BUSINESS PAGES`), no newspaper."""


def _with_mastheads(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with each newspaper heading its stories in a press digest (`_MASTHEAD`)
    one organisation, found or not. Every press digest of eng.train opens with `PRESS DIGEST`.
    In them and eng.testa's, 71 of the 74 such lines are organisations (two Maltese papers
    are places by CoNLL's reading, a Greek one no name); a country heading its stories is a
    section's place (`IRAQ`, twice), and `FRONT PAGE` and `BUSINESS PAGES` (twice each) are
    no names."""
    for line in _MASTHEAD.finditer(text):
        start, end = line.span(1)
        name = text[start:end].casefold()
        if name in COUNTRIES or name.rpartition(" ")[2] in _PAGES:
            continue
        entities = _named_organisation(text, entities, start, end)
    return entities


_VENUE_LINE: Final = re.compile(
    r"^(?:At|In)[ \t]+([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*:", re.MULTILINE
)
"""`In Bergen : Brann ( Norway ) 2 …`, `At Cardiff : Kent 128-1`: a line of results opened with
where they were played (a place in 47 of eng.train's 48 such lines)."""


def _with_venues(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with the place opening each line of results (`_VENUE_LINE`) a place, found
    or not."""
    added: list[Entity] = []
    for line in _VENUE_LINE.finditer(text):
        start, end = line.span(1)
        inside = [i for i, e in enumerate(entities) if e.start < end and e.end > start]
        if not inside:
            name = text[start:end]
            added.append(Entity(start, end, "PLACE", name, name_key(name)))
            continue
        for index in inside:
            entity = entities[index]
            if entity.start == start and entity.end == end and entity.label in NAME_LABELS:
                entities[index] = Entity(start, end, "PLACE", entity.text, entity.key)
    starts = [e.start for e in entities]
    for line in _VENUE_SIDE.finditer(text):
        # `In Dunedin : Otago 164 (…`: the side after the ground is a team (28 of 28 such
        # names in eng.train and eng.testa are organisations), found or not, unless it is
        # a country's (`In Lusaka : Zambia 3 Malawi 0`), a place as CoNLL marks national
        # sides.
        start, end = line.span(1)
        if text[start:end].casefold() in COUNTRIES:
            continue
        at = bisect_left(starts, start)
        side = entities[at] if at < len(entities) else None
        if side is not None and (side.start, side.end) == (start, end):
            if side.label in NAME_LABELS and side.label != "ORG":
                entities[at] = Entity(start, end, "ORG", side.text, side.key)
        elif (side is None or side.start >= end) and (not at or entities[at - 1].end <= start):
            name = text[start:end]
            added.append(Entity(start, end, "ORG", name, name_key(name)))
    return with_added(entities, added)


_CRICKET_SIDE: Final = re.compile(
    rf"(?:^|[ \t]v[ \t]+|:[ \t]+)({_TEAM})[ \t]+\d{{1,3}}(?:-\d{{1,2}})?"
    r"(?:[ \t]+(?:and|&)[ \t]+\d{1,3}(?:-\d{1,2})?)?[ \t]+\(",
    re.MULTILINE,
)
"""A side and its score before the brackets of its batsmen's and bowlers' figures:
`Delhi 290 ( A. Sharma 102 ) v Hyderabad 98-3 (`, `Kent 128-1 and 205 (`."""


def _with_cricket_sides(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with each side before its score and figures (`_CRICKET_SIDE`) in a cricket
    story one organisation, found or not, unless it is a country's, a national side, a place
    as CoNLL marks them (`West Indies` too): in eng.train's and eng.testa's cricket stories
    49 of the 52 such names are organisations, and the other 3 countries."""
    for side in _CRICKET_SIDE.finditer(text):
        start, end = side.span(1)
        if text[start:end].casefold() not in COUNTRIES:
            entities = _named_organisation(text, entities, start, end)
    return entities


_FIELDED: Final = re.compile(r"(?:^|[ \t])(?:c|b|st)[ \t]+$")


def _with_fielders(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with each name after a cricket scorecard's `c`, `b` or `st` a person's, the
    fielder or the bowler (`Klusener c Laxman b Prasad 12`): all 155 such names in eng.train
    and eng.testa are people's."""
    for index, entity in enumerate(entities):
        if (
            entity.label != "PERSON"
            and entity.label in NAME_LABELS
            and _FIELDED.search(text, max(0, entity.start - 4), entity.start) is not None
        ):
            entities[index] = Entity(entity.start, entity.end, "PERSON", entity.text, entity.key)
    return entities


_SCORERS_IN_BRACKETS: Final = re.compile(r"\d[ \t]+\(([^()\n]*)\)")
_SCORER: Final = re.compile(r"(?:^|,)[ \t]*([A-Z][^,()\d]*?)[ \t]+\d")


def _with_scorers(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with each name before a minute in brackets after a score a person's, the
    scorer (`Celtic 4 ( Cadete 12 , 56 , Di Canio 31 )`): in eng.train and eng.testa all 91
    such names are people's. The results rule, reading `Cadete 12` as a side and its score,
    had made some teams."""
    by_span = {(entity.start, entity.end): index for index, entity in enumerate(entities)}
    for brackets in _SCORERS_IN_BRACKETS.finditer(text):
        inside_start = brackets.start(1)
        for scorer in _SCORER.finditer(brackets.group(1)):
            start = inside_start + scorer.start(1)
            end = inside_start + scorer.end(1)
            index = by_span.get((start, end), -1)
            if index >= 0 and entities[index].label in NAME_LABELS:
                entity = entities[index]
                entities[index] = Entity(start, end, "PERSON", entity.text, entity.key)
    return entities


_VENUE_SIDE: Final = re.compile(
    r"^(?:At|In)[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}[ \t]*:[ \t]+"
    r"([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})[ \t]+\d",
    re.MULTILINE,
)


_DIGIT_SPACE: Final = re.compile(r"[A-Za-z][ \t]+\d{1,3}[ \t]+[A-Z]")


_SCORE: Final = re.compile(r"[ \t]+\d{1,3}")


def _with_results(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with both teams of each match result line organisations, found or not.

    Two places are national teams, and are left as they are (`Togo 1 Congo 0`). A team the
    tagger found in pieces is one name (`Germinal` + `Ekeren`), and a name running over a
    score is none (`BULLS 108 Vancouver Grizzlies`).
    """
    result: list[Entity] = []
    at = 0
    for line in _RESULT.finditer(text):
        while at < len(entities) and entities[at].start < line.start():
            result.append(entities[at])
            at += 1
        on_line: list[Entity] = []
        while at < len(entities) and entities[at].start < line.end():
            on_line.append(entities[at])
            at += 1
        result.extend(_result_line_teams(text, line, on_line))
    result.extend(entities[at:])
    return result


def _result_line_teams(text: str, line: re.Match[str], on_line: list[Entity]) -> list[Entity]:
    """The names of one result line (`on_line`, in order) with both teams organisations."""
    teams = [line.span("home"), line.span("away")]
    scores = [
        score.span()
        for score in (_SCORE.match(text, teams[0][1]), _SCORE.match(text, teams[1][1]))
        if score is not None
    ]
    names = [
        e
        for e in on_line
        if not any(e.start < end and e.end > start for start, end in scores)
        or e.label not in NAME_LABELS
    ]
    exact = [next((e for e in names if (e.start, e.end) == team), None) for team in teams]
    if all(entity is not None and entity.label == "PLACE" for entity in exact):
        return on_line
    for (start, end), entity in zip(teams, exact, strict=True):
        if entity is not None:
            if entity.label != "ORG" and entity.label in NAME_LABELS:
                names[names.index(entity)] = replace(entity, label="ORG")
            continue
        inside = [e for e in names if e.start < end and e.end > start]
        if all(e.start >= start and e.end <= end and e.label in NAME_LABELS for e in inside):
            names = one_organisation(text, names, start, end)
    return names


_SCORE_AFTER: Final = re.compile(r"[ \t]+\d")


def _with_national_sides(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with a country whose name stands before a score in a row of results
    (`Zambia 2 Mozambique 0`, `Norway 3 2 0 1 72 59 6`) a place in every mention: its
    national side, a place as CoNLL marks them (`lexicon.COUNTRIES`)."""
    sides = {
        e.key
        for e in entities
        if e.label != "PLACE"
        and e.label in NAME_LABELS
        and e.text.casefold() in COUNTRIES
        and _SCORE_AFTER.match(text, e.end)
        and results_row(line_around(text, e.start, e.end))
    }
    if not sides:
        return entities
    return [
        Entity(e.start, e.end, "PLACE", e.text, e.key)
        if e.key in sides and e.label in NAME_LABELS
        else e
        for e in entities
    ]


def _opens_line(text: str, start: int) -> bool:
    """Whether a name at `start` opens its line, or follows only `At ` there (`At Leicester :`)."""
    if start >= 3 and text[start - 3 : start] == "At ":
        start -= 3
    return start == 0 or text[start - 1] == "\n"
