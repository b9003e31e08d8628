"""What a name in brackets beside a player's or a club's says, in results and squad lists.

A name in brackets after a person's is where they come from or play for (`Murat Yakin (
Grasshoppers )`): a place 1,360 times in eng.train, an organisation 63 times, anything
else once. Between a player's or a club's name and a score it is their country (`Tallinna
Sadam ( Estonia ) 0`: 172 of 173 such names in eng.train and eng.testa). A name before its
country and then `v` or a score and the other side (`Kispest Honved ( Hungary ) 2 Sloga (
Macedonia ) 0`, `Club Brugge ( Belgium ) v Lyngby`) is a club: never a person in eng.train
or eng.testa (34 organisations, one place). Yugoslav tables tell clubs of one name apart by
their town's initials (`Mladost ( BJ ) 2`), part of the club's name in all eight such
places in eng.train.
"""

from __future__ import annotations

import re
from typing import Final

from newsread.entities.headlines import opening_sport
from newsread.entities.identity import name_key
from newsread.entities.lexicon import INDIVIDUAL_SPORTS, ROLE_WORDS
from newsread.entities.merge import with_added
from newsread.model import Entity


def by_brackets(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` (sorted, of a text with brackets) labelled as the module's docstring says:
    clubs' towns taken into their names, affiliations, countries and clubs."""
    result = _with_affiliations(text, _with_club_towns(text, entities))
    return _with_clubs_by_country(text, _with_countries_before_scores(text, result))


_THEN_SCORE: Final = re.compile(r"[ \t]*\)[ \t]+\d{1,2}(?![\d.,:/-])")


def _with_countries_before_scores(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with a name in brackets between a player's or a club's and a score a place
    (`Tallinna Sadam ( Estonia ) 0`): their country, in 172 of 173 such places in eng.train
    and eng.testa."""
    for index in range(1, len(entities)):
        entity, before = entities[index], entities[index - 1]
        if entity.label not in ("ORG", "MISC", "PERSON") or before.label not in ("PERSON", "ORG"):
            continue
        if _in_brackets_after(text, before, entity) and _THEN_SCORE.match(text, entity.end):
            entities[index] = Entity(entity.start, entity.end, "PLACE", entity.text, entity.key)
    return entities


_COUNTRY_THEN_RIVAL: Final = re.compile(r"[ \t]*\)[ \t]+(?:v[ \t]|\d{1,2}[ \t]+[A-Z(])")
"""What follows a club's country in a fixture or a result: `v`, or a score and the other side."""


def _with_clubs_by_country(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with a name before its country and then a rival (`_COUNTRY_THEN_RIVAL`)
    an organisation in all its mentions, and the rival after a score too, found or not
    (`… ( Poland ) 5 Llansantffraid ( Wales ) 0`): clubs."""
    if _of_an_individual_sport(text):
        return entities
    clubs: set[str] = set()
    added: list[Entity] = []
    for index in range(len(entities) - 1):
        entity, country = entities[index], entities[index + 1]
        if entity.label not in ("PERSON", "ORG") or country.label != "PLACE":
            continue
        rival = _COUNTRY_THEN_RIVAL.match(text, country.end)
        if rival is None or not _in_brackets_after(text, entity, country):
            continue
        clubs.add(entity.key or name_key(entity.text))
        other = entities[index + 2] if index + 2 < len(entities) else None
        if other is not None and other.start == rival.end() - 1:
            clubs.add(other.key or name_key(other.text))
        elif other is None or other.start > rival.end():
            side = _RIVAL_BEFORE_COUNTRY.match(text, rival.end() - 1)
            if side is not None and (other is None or side.end(1) <= other.start):
                name = side.group(1)
                added.append(Entity(side.start(1), side.end(1), "ORG", name, name_key(name)))
    if not clubs:
        return entities
    relabelled = [
        Entity(e.start, e.end, "ORG", e.text, e.key)
        if e.label == "PERSON" and (e.key or name_key(e.text)) in clubs
        else e
        for e in entities
    ]
    return with_added(relabelled, added)


def _of_an_individual_sport(text: str) -> bool:
    """Whether the story's headline names a sport of players (`CHESS - SADLER AND KRASNOV
    SHARE LEAD`), whose results (`Matthew Sadler ( England ) 1 Jeroen Vermaat`) name people."""
    return opening_sport(text) in INDIVIDUAL_SPORTS


_RIVAL_BEFORE_COUNTRY: Final = re.compile(
    r"([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*\([ \t]*[A-Z]"
)
"""The other side of a result, before its own country: `Llansantffraid ( Wales`."""


_AFFILIATION: Final = re.compile(r"[ \t]*\([ \t]*")
_AFFILIATION_END: Final = re.compile(r"[ \t]*\)")


def _in_brackets_after(text: str, before: Entity, entity: Entity) -> bool:
    """Whether `entity` opens a bracket right after `before` (`Tallinna Sadam ( Estonia`)."""
    opening = _AFFILIATION.match(text, before.end)
    return opening is not None and opening.end() == entity.start


def _with_affiliations(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with each miscellaneous name alone in parentheses after a person's
    (`_AFFILIATION`) an organisation: places the tagger mostly finds as such, and what
    it cannot place there is a club or a party. In a draw or a list of results
    (`Mark Knowles ( Bahamas ) vs. Marcelo Filippini`), a name there the tagger missed is
    the player's country, a place."""
    added: list[Entity] = []
    for index, before in enumerate(entities):
        if before.label != "PERSON":
            continue
        opening = _AFFILIATION.match(text, before.end)
        if opening is None:
            continue
        entity = entities[index + 1] if index + 1 < len(entities) else None
        if entity is not None and entity.start == opening.end():
            if entity.label == "MISC" and _AFFILIATION_END.match(text, entity.end):
                entities[index + 1] = Entity(
                    entity.start, entity.end, "ORG", entity.text, entity.key
                )
            continue
        country = _COUNTRY_IN_RESULTS.match(text, opening.end())
        if country is not None and (entity is None or country.end(1) <= entity.start):
            name = country.group(1)
            if name.casefold() not in ROLE_WORDS:
                added.append(
                    Entity(country.start(1), country.end(1), "PLACE", name, name_key(name))
                )
    return with_added(entities, added)


_COUNTRY_IN_RESULTS: Final = re.compile(
    r"([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})[ \t]*\)[ \t]*(?=vs?\.?[ \t]|beat\b|\d|$)",
    re.MULTILINE,
)
"""A country in brackets after a player, then the rival, a result or the line's end."""


_TOWN_INITIALS: Final = re.compile(
    r"[ \t]*\([ \t]*[A-Z]{1,2}[ \t]*\)(?=[ \t]+[\d-]|[ \t]*$)", re.MULTILINE
)
"""A town's initials after a club's name, then a score or a table row: `Proleter ( Z ) 0`."""


def _with_club_towns(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with each organisation followed by its town's initials (`_TOWN_INITIALS`)
    taking them in, and any name found inside them dropped."""
    result: list[Entity] = []
    taken_to = 0
    for entity in entities:
        if entity.start < taken_to:
            continue
        initials = _TOWN_INITIALS.match(text, entity.end) if entity.label == "ORG" else None
        if initials is not None:
            taken_to = initials.end()
            name = text[entity.start : taken_to]
            entity = Entity(entity.start, taken_to, "ORG", name, name_key(name))
        result.append(entity)
    return result
