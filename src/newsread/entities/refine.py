"""Products and events among the tagger's names, from general cues around them.

The tagger knows four types; a name it calls miscellaneous (or an
organisation) becomes an event when its last word says so (`… Show`,
`… Cup`, `… Summit`), and a product when the text around it says so: a
product noun right after it (`Alpamayo model`), a number after a
miscellaneous name (`Grok 5`), an organisation owning it (`Acme’s Skylark`),
or a product it is listed with (`product_names`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from typing import Final

from newsread.entities.common_words import in_prose_line, line_around
from newsread.entities.headlines import results_row
from newsread.entities.identity import NAME_LABELS, name_key
from newsread.entities.lexicon import (
    COMPANY_ACTIONS,
    COMPANY_DESIGNATORS,
    DEMONYMS,
    EVENT_WORDS,
    FOREIGN_NEWSPAPER_TITLES,
    GEOGRAPHIC_HEADS,
    LEGAL_FORMS,
    NEWSPAPER_TITLES,
    ORGANISATION_ENDINGS,
    PRODUCT_HEADS,
    PRODUCT_NOUNS,
    SURNAME_PARTICLES,
    designator,
)
from newsread.entities.line_formats import of_sports_story
from newsread.entities.merge import touches_next
from newsread.entities.product_names import name_products_whole, without_plural_nouns
from newsread.model import Entity

_NEXT_WORD: Final = re.compile(r"[ \t]*(?:\)[ \t]*)?([A-Za-z][\w-]*)")
_NUMBER_AFTER: Final = re.compile(
    r"[ \t]+(?:\d+|[IVX]{1,4}(?![\w’'&-]))(?![\w.,:/-]\d)"
    r"(?![ \t]+(?i:hundred|thousand|million|billion|trillion|percent)\b)"
)
"""A version number after a name (`Grok 5`, `Colossus II`); not the start of an amount
(`Tesla Recalls 2 Million Cars`)."""
_ROMAN_AFTER: Final = re.compile(
    # A lone `I` is the pronoun (`in Paris I met`) unless a `II` follows.
    # A lone `V` or `X` is `versus` (`England V Pakistan`) or a name (`X`).
    r"[ \t]+(?:I(?=[ \t]+(?:and|&)[ \t]+II\b)|(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3}))"
    r"(?![\w’'&-]|\.\w)"
)
_LETTER_AFTER: Final = re.compile(r"[ \t]+[A-Z](?![\w.’'&-])")
_SCORE_GOES_ON: Final = re.compile(r"[ \t]*(?:[-–(]|\d|$|[A-Z][^\n\d]{0,40}?[ \t]\d)", re.MULTILINE)
"""What follows a score rather than a version (`Grok 4 Series`): a number after a name
(`Arsenal 2 Queen of South 1`), a dash, a bracket, or the line's end."""
_NUMBER_BEFORE: Final = re.compile(r"\d[ \t]+$")
_POSSESSIVE_BEFORE: Final = re.compile(r"['’]s[ \t]+(?:\(?)$")


_INDEX_SIZE: Final = r"(?:30|40|50|100|200|225|250|300|400|500|600|1000|2000|3000|5000)"
_INDEX_MOVE: Final = re.compile(
    r"[ \t]+(?:index|indices|indexes|futures|rose|fell|gained|lost|added|shed|closed|ended|"
    r"finished|climbed|slipped|dropped|jumped|rallied|tumbled|slid|edged|hit)\b"
)
_INDEX_AFTER: Final = re.compile(rf"[ \t]+{_INDEX_SIZE}(?={_INDEX_MOVE.pattern})")
_INDEX_ENDING: Final = re.compile(rf"[ \t]{_INDEX_SIZE}$")


def _stock_indexes(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`the S&P 500 rose`, `the FTSE 100 index`: a name and its count of stocks, before an
    index's moves, is a stock index, a MISC name (so is `FTSE 100` in eng.train), neither the
    ratings agency (`S&P`) nor a product's version."""
    result = list(entities)
    indexes: set[str] = set()
    for index, entity in enumerate(entities):
        if entity.label not in ("ORG", "MISC", "PRODUCT"):
            continue
        end = entity.end
        if _INDEX_ENDING.search(entity.text) is None:
            number = _INDEX_AFTER.match(text, end)
            if number is None or touches_next(result, index, number.end()):
                continue
            end = number.end()
        elif _INDEX_MOVE.match(text, end) is None:
            continue
        name = text[entity.start : end]
        result[index] = Entity(entity.start, end, "MISC", name, name_key(name))
        indexes.add(name)
    if not indexes:
        return result
    # Its other mentions are the index too, whatever follows them (`a target for the S&P 500`).
    for index, entity in enumerate(result):
        if entity.label in ("PERSON", "PLACE") or (
            entity.label == "MISC" and entity.text in indexes
        ):
            continue
        for name in indexes:
            end = entity.start + len(name)
            if (
                text.startswith(name, entity.start)
                and end >= entity.end
                and not text[end : end + 1].isalnum()
                and not touches_next(result, index, end)
            ):
                result[index] = Entity(entity.start, end, "MISC", name, name_key(name))
                break
    return result


_STORM_WORDS: Final = ("Hurricane", "Typhoon", "Cyclone", "Storm")
_STORM_BEFORE: Final = re.compile(rf"(?:{'|'.join(_STORM_WORDS)})[ \t]+$")
_STORM_OPENING: Final = re.compile(rf"(?:Tropical[ \t]+)?(?:{'|'.join(_STORM_WORDS)})[ \t]+")


def _storms(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`Hurricane Milton`: a storm's name is an event, and `Hurricane` stays outside it, as
    CoNLL marks them (`Hurricane Edouard`, `Hurricane Dolly` in eng.train)."""
    result: list[Entity] = []
    for entity in entities:
        if entity.label in NAME_LABELS:
            opening = _STORM_OPENING.match(entity.text)
            if opening is not None and opening.end() < len(entity.text):
                start = entity.start + opening.end()
                name = text[start : entity.end]
                entity = Entity(start, entity.end, "EVENT", name, name_key(name))
            elif " " not in entity.text and _STORM_BEFORE.search(
                text, max(0, entity.start - 12), entity.start
            ):
                entity = Entity(entity.start, entity.end, "EVENT", entity.text, entity.key)
        result.append(entity)
    return result


_PLACE_LIKE_ENDINGS: Final = frozenset(["bank", "union", "federation"])
_INSTITUTION_HEADS: Final = ORGANISATION_ENDINGS - {"bank", "party", "group", "fund"}
_HEAD_BEFORE: Final = re.compile(r"(\S+)[ \t]+(?:of|for)[ \t]")


def _event_head(name: str) -> bool:
    """Whether a name ending in an event's word is an event's: not when an organisation's
    word heads it before an `of` or `for` phrase (`Organisation of the Islamic Conference`,
    `Association for … Elections`), as it does no event's (`Bank of America Classic`)."""
    head = _HEAD_BEFORE.search(name)
    return head is None or head.group(1).casefold() not in _INSTITUTION_HEADS


def refine(
    text: str,
    entities: Sequence[Entity],
    known: Callable[[str], bool],
    measured: Collection[int] = (),
) -> list[Entity]:
    """Relabel names as PRODUCT or EVENT where the evidence is clear; extend `Name 5` spans.

    `known(name)` tells whether the tagger met every word of `name` in training:
    an organisation it never met followed by a number (`Zorbit 3 chip`) is a
    product, while a known one is more likely a score (`Arsenal 2 Chelsea 1`).
    `measured` holds where number-shaped entities start: a number there is an
    amount (`Olympic 100 metres`), not a version.
    """
    product: set[str] = set()
    if any(word in text for word in _STORM_WORDS):
        entities = _storms(text, entities)
    if any(word in text for word in _NUMBERED_LAWS):
        entities = _numbered_laws(text, entities)
    result = _versioned_products(text, _companies(text, entities, known), measured)
    if _INDEX_MOVE.search(text):
        result = _stock_indexes(text, result)
    for index, entity in enumerate(result):
        if entity.label not in ("MISC", "ORG", "PLACE"):
            continue
        spaced = _finished_after(text, entity.end)
        several = " " in entity.text
        last = (
            entity.text.rsplit(" ", 1)[-1].casefold() if several or entity.label == "MISC" else ""
        )
        if several and last in EVENT_WORDS and _event_head(entity.text):
            # A place may open an event's name (`Shanghai Auto Show`), but ends none so.
            result[index] = Entity(entity.start, entity.end, "EVENT", entity.text, entity.key)
            continue
        if entity.label == "PLACE":
            # Places take no Roman numerals: a one-word "place" numbered so is a
            # product generation (`Colossus II`); people (`Henry VIII`) and clubs
            # (`Willem II`) are other labels.
            roman = (
                _ROMAN_AFTER.match(text, entity.end) if spaced and " " not in entity.text else None
            )
            if roman is not None and not touches_next(result, index, roman.end()):
                end = roman.end()
                name = text[entity.start : end]
                result[index] = Entity(entity.start, end, "PRODUCT", name, entity.key)
                product.add(name_key(name))
            continue
        if several and last in _LAW_WORDS and entity.label == "ORG":
            # `Digital Services Act`, `Test Ban Treaty`: a law or a treaty, as CoNLL marks them.
            result[index] = Entity(entity.start, entity.end, "MISC", entity.text, entity.key)
            continue
        model = spaced and entity.text.rpartition(" ")[2] == "Model"
        letter = (
            _LETTER_AFTER.match(text, entity.end)
            if spaced and (entity.label == "MISC" or model)
            else None
        )
        if letter is not None and not touches_next(result, index, letter.end()):
            # `Series B`, `Class A`: a letter finishes the name; it stays what it was,
            # but for a model's (`Model Y`), a product.
            end = letter.end()
            name = text[entity.start : end]
            result[index] = Entity(entity.start, end, entity.label, name, entity.key)
            if model:
                product.add(name_key(name))
            continue
        number = (
            _NUMBER_AFTER.match(text, entity.end)
            if spaced and _numbered(text, entity, known)
            else None
        )
        if (
            number is not None
            and not touches_next(result, index, number.end())
            and number.end() - len(number.group().lstrip()) not in measured
        ):
            end = number.end()
            name = text[entity.start : end]
            result[index] = Entity(entity.start, end, entity.label, name, entity.key)
            product.add(name_key(name))
            continue
        if entity.label == "MISC" and (_nationality(last) or last in _LEAGUE_WORDS):
            # `National Hockey League games`: a league's games are its matches.
            continue
        if _owned(text, result, index) or (
            entity.label == "MISC" and (_noun_after(text, entity) or last in PRODUCT_HEADS)
        ):
            product.add(name_key(entity.text))
    if product:
        result = [
            Entity(e.start, e.end, "PRODUCT", e.text, e.key)
            if e.label in ("MISC", "ORG") and name_key(e.text) in product
            else e
            for e in result
        ]
    whole = name_products_whole(text, without_plural_nouns(text, result, known), known)
    return _joined_names(text, _with_editions(text, _makers_of_products(_pairs_apart(whole))))


_LINE_WORDS: Final = frozenset(
    ["series", "generation", "gen", "mark", "mk", "edition", "version", "model"]
)
"""Last words of a product line's name, which a version number follows (`Watch Series 11`)."""
_LEAGUE_WORDS: Final = frozenset(["league", "leagues", "division"])
"""Last words of the names of sports leagues and their divisions (`American League`)."""
_NUMBERED_LAWS: Final = ("Proposition", "Chapter", "Resolution")
"""Last words of names a number finishes: `Proposition 209`, `Chapter 11`."""
_NUMBER_OF_LAW: Final = re.compile(r"[ \t]+\d{1,4}\b(?![.,]\d)")


def _numbered_laws(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`entities` with a name ending in `Proposition`, `Chapter` or `Resolution` run on to
    the number after it, a MISC name (`Proposition 209`, `Chapter 11`, `U.N. Resolution
    986`), as CoNLL marks a law or a bankruptcy's chapter: the tagger took the word alone for
    an organisation or a person's name."""
    result: list[Entity] = []
    for index, entity in enumerate(entities):
        last = entity.text.rpartition(" ")[2]
        number = (
            _NUMBER_OF_LAW.match(text, entity.end)
            if entity.label in NAME_LABELS and last in _NUMBERED_LAWS
            else None
        )
        if number is None or touches_next(entities, index, number.end()):
            result.append(entity)
            continue
        name = text[entity.start : number.end()]
        result.append(Entity(entity.start, number.end(), "MISC", name, name_key(name)))
    return result


_LAW_WORDS: Final = frozenset(
    ["act", "treaty", "accord", "accords", "agreement", "directive", "protocol", "charter"]
)
"""Last words of the names of laws and treaties."""
_VERSION_THEN_KIND: Final = re.compile(
    rf"[ \t]+(?:\d+(?:\.\d)?[A-Za-z]?)(?:[ \t]+(?:{'|'.join(sorted(PRODUCT_NOUNS))})\b"
    r"|(?<=\.\d)[ \t]+(?:[A-Z][a-z]+|\d+[A-Z])\b)"
)
"""`Kirin 9020 processor`, `Falcon 9 rocket`, `Claude 3.5 Sonnet`: a version, then a kind of
product in small letters or, after a point release, the edition's name."""
_POINT_RELEASE: Final = re.compile(r"[ \t]+\d{1,2}\.\d(?![\w%.,/:-])(?![ \t]+(?:\d|[mb]illion\b))")
"""A point release right after a name: `4.5`, not `4.52`, `4.5%`, `4.5 million`, a bowler's
`9.4-1-45-3` (nor an amount the patterns found: `4.5 km`)."""
_YEAR: Final = re.compile(r"[ \t]+(?:1[89]|20)\d\d\b")
_INDEX_NUMBER: Final = re.compile(r"[ \t]+\d+(?=[ \t]+(?:index|indexes|indices|average)\b)")
_EDITION_WORDS: Final = ("Pro", "Max", "Ultra", "Plus", "Mini", "Air", "Lite", "SE", "Fold", "Flip")
_EDITIONS: Final = re.compile(rf"(?:[ \t]+(?:{'|'.join(_EDITION_WORDS)}))+\b")
"""`iPhone 17 Pro Max`, `Galaxy S25 Ultra`: editions after a product's number."""


def _versioned_products(
    text: str, entities: list[Entity], measured: Collection[int]
) -> list[Entity]:
    """One-word names whose version follows, then a kind of product or an edition: products.

    Whatever the tagger guessed (a person, a place): no person or place is
    followed by a release number and `processor`, nor by `3.5 Sonnet`. A year
    is no version (`Paris 2024 games`), nor an amount (`measured`).
    """
    replaced: dict[int, Entity] = {}
    numbered = [i for i, e in enumerate(entities) if text[e.end + 1 : e.end + 2].isdecimal()]
    for index in numbered:
        entity = entities[index]
        end = entity.end
        if entity.label not in NAME_LABELS:
            continue
        index_number = _INDEX_NUMBER.match(text, end)
        if index_number is not None:
            # `S&P 500 index`, `FTSE 100 index`: the number is the index's name's.
            name = text[entity.start : index_number.end()]
            replaced[index] = Entity(entity.start, index_number.end(), "MISC", name, name_key(name))
            continue
        if " " in entity.text:
            release = _POINT_RELEASE.match(text, end)
            if (
                release is not None
                and release.end() - len(release.group().lstrip()) not in measured
                and not _closes_results_row(text, entity, release.end())
            ):
                # `Claude Sonnet 4.5`: no name of two words or more in eng.train or
                # eng.testa is followed by such a number; a product's release is.
                name = text[entity.start : release.end()]
                replaced[index] = Entity(
                    entity.start, release.end(), "PRODUCT", name, name_key(name)
                )
            continue
        version = _VERSION_THEN_KIND.match(text, end)
        if (
            version is None
            or _YEAR.match(text, end)
            or end + len(version.group()) - len(version.group().lstrip()) in measured
        ):
            continue
        before_kind, kind = version.group().rsplit(None, 1)
        # The kind of product is no part of the name: `Kirin 9020`, not `… processor`.
        name_end = end + len(before_kind) if kind[0].islower() else version.end()
        name = text[entity.start : name_end]
        replaced[index] = Entity(entity.start, name_end, "PRODUCT", name, name_key(name))
    return _with_replaced(entities, replaced)


def _with_replaced(entities: list[Entity], replaced: dict[int, Entity]) -> list[Entity]:
    """`entities` with `replaced[i]` for entity `i`, dropping what a longer replacement covers."""
    if not replaced:
        return entities
    result: list[Entity] = []
    covered_to = -1
    for index, entity in enumerate(entities):
        if entity.start < covered_to:
            continue
        entity = replaced.get(index, entity)
        result.append(entity)
        if index in replaced:
            covered_to = entity.end
    return result


_PAIRED: Final = frozenset(["PERSON", "ORG", "PLACE"])
"""What a part of a hyphened pair may be: not a people's adjective (`Arab-Israeli` stays)."""


def _pairs_apart(entities: list[Entity]) -> list[Entity]:
    """`Trump-Putin` (summit) → `Trump`, `Putin`: two names the article names alone (or, for a
    person, in full), hyphened.

    Each part takes the label its own mentions have; a name only ever written
    whole (`Rolls-Royce`, `Mercedes-Benz`) stays whole.
    """
    hyphened = [e.text.partition("-") for e in entities if "-" in e.text]
    if not any(first[:1].isupper() and second[:1].isupper() for first, _, second in hyphened):
        return entities
    alone: dict[str, str] = {}
    for entity in entities:
        if "-" in entity.text or entity.label not in _PAIRED:
            continue
        if " " not in entity.text:
            alone.setdefault(name_key(entity.text), entity.label)
        elif entity.label == "PERSON":
            # A surname counts as named alone: `Putin` of `Vladimir Putin`.
            alone.setdefault(name_key(entity.text.rsplit(" ", 1)[-1]), "PERSON")
    result: list[Entity] = []
    for entity in entities:
        first, dash, second = entity.text.partition("-")
        if (
            not dash
            or " " in entity.text
            or "-" in second
            or name_key(first) not in alone
            or name_key(second) not in alone
        ):
            result.append(entity)
            continue
        second_start = entity.start + len(first) + 1
        result.append(Entity(entity.start, second_start - 1, alone[name_key(first)], first))
        result.append(Entity(second_start, entity.end, alone[name_key(second)], second))
    return result


def _with_editions(text: str, entities: list[Entity]) -> list[Entity]:
    """A product followed by an edition's name takes it (`iPhone 17` + `Pro`, `iPhone` + `Air`).

    The product must end in a number or open with a small letter (`iPad`): a
    plain word may end a clause before another name.
    """
    replaced: dict[int, Entity] = {}
    for index in [
        i for i, e in enumerate(entities) if e.text[-1:].isdecimal() or e.text[:1].islower()
    ]:
        entity = entities[index]
        edition = (
            _EDITIONS.match(text, entity.end)
            if entity.label in ("PRODUCT", "MISC", "ORG")
            else None
        )
        if edition is not None:
            name = text[entity.start : edition.end()]
            replaced[index] = Entity(entity.start, edition.end(), "PRODUCT", name, name_key(name))
    return _with_replaced(entities, replaced)


_PLACE_OF_HEADS: Final = GEOGRAPHIC_HEADS | frozenset(
    ["republic", "kingdom", "isle", "cape", "straits", "commonwealth", "principality"]
)
_OF_BETWEEN: Final = frozenset([" of ", " of the "])
_LONGEST_GAP: Final = 11
"""The most characters between two names `_joined_names` joins (` von der `, ` of the `)."""


def _joined_names(text: str, entities: list[Entity]) -> list[Entity]:
    """Two names that are one, a few characters apart (`_joined_label`), joined."""
    result: list[Entity] = []
    for entity in entities:
        previous = result[-1] if result else None
        label = (
            _joined_label(text[previous.end : entity.start], previous, entity)
            if previous is not None and entity.start - previous.end <= _LONGEST_GAP
            else None
        )
        if previous is not None and label is not None:
            name = text[previous.start : entity.end]
            result[-1] = Entity(previous.start, entity.end, label, name, name_key(name))
        else:
            result.append(entity)
    return result


def _joined_label(gap: str, first: Entity, second: Entity) -> str | None:
    """The label of `first`, `gap`, `second` read as one name, if they are one.

    A kind of place named after a place (`Gulf` + `of` + `Mexico`): the first
    place's last word is a kind of place (`Gulf`, `Republic`, `Isle`), and only
    `of` (or `of the`) lies between. A first name and a surname with small
    particles between (`Ursula` + `von der` + `Leyen`): the first name one word,
    the surname a person's, and only particles (`von`, `der`, `de`) between.
    """
    if not gap.startswith(" ") or not gap.endswith(" "):
        return None
    if (
        second.label == "PLACE"
        and first.label == "PLACE"
        and gap in _OF_BETWEEN
        and first.text.rsplit(" ", 1)[-1].casefold() in _PLACE_OF_HEADS
    ):
        return "PLACE"
    if (
        second.label == "PERSON"
        and first.label in NAME_LABELS
        and " " not in first.text
        and gap.strip()
        and gap.islower()
        and all(word in SURNAME_PARTICLES for word in gap.split())
    ):
        return "PERSON"
    return None


def _makers_of_products(entities: list[Entity]) -> list[Entity]:
    """`Google` taken for a person where the article names `Google Maps`, a product: its maker.

    A one-word name that opens a product's name of several words is the brand
    that makes it, an organisation; only a guess of `PERSON` is overruled (a
    place opens products named after it: `Mars Rover`).
    """
    makers = {
        name_key(e.text.partition(" ")[0])
        for e in entities
        if e.label == "PRODUCT" and " " in e.text
    }
    if not makers:
        return entities
    return [
        Entity(e.start, e.end, "ORG", e.text, e.key)
        if e.label == "PERSON" and " " not in e.text and name_key(e.text) in makers
        else e
        for e in entities
    ]


_SPACING: Final = frozenset(" \t")


def _finished_after(text: str, end: int) -> bool:
    """Whether a name ending at `end` may go on with a numeral or a letter (`Grok 5`, `Series B`).

    Such a finish follows spaces or tabs and starts with a capital or a digit;
    this tells cheaply when `_ROMAN_AFTER`, `_LETTER_AFTER` and `_NUMBER_AFTER`
    cannot match.
    """
    if text[end : end + 1] not in _SPACING:
        return False
    following = text[end + 1 : end + 2]
    return following in _SPACING or following.isupper() or following.isdecimal()


def _numbered(text: str, entity: Entity, known: Callable[[str], bool]) -> bool:
    """Whether a number after `entity` would be a version of it (`Grok 5`), not a score."""
    number = _NUMBER_AFTER.match(text, entity.end)
    if number is not None and _SCORERS.match(text, number.end()):
        # `West Indies 259 ( Chanderpaul 82 ; …`: a side's total, then who made it.
        return False
    if number is not None and _closes_results_row(text, entity, number.end()):
        # `1. Gruber 180 points`, `Penalties : Etchegaray 4 .`: a count closing a row of
        # results (not a paragraph naming versions: `…, Grok 5.`).
        return False
    if (
        entity.label != "MISC"
        and number is not None
        and _SEASON.fullmatch(number.group().strip()) is None
        and of_sports_story(text)
    ):
        # `VANCOUVER 16 15 1 33`, `2. Bjoerndalen 47 , 3. …`: in a sports story a figure
        # after a team or a player is a score or a count, not a version; a year is an
        # event's (`Trofej Beograd 96`, `Euro 96`).
        return False
    if entity.label == "MISC":
        # `Olympic 100 champion`, `French 1997 budget`: an adjective takes no version.
        last = entity.text.rsplit(" ", 1)[-1].casefold()
        return not (_nationality(last) or last in _GAMES_ADJECTIVES)
    if entity.label == "ORG" and entity.text.rsplit(" ", 1)[-1].casefold() in _LINE_WORDS:
        # `Apple Watch Series 11`: a product line's number is its version, never a score.
        return True
    if entity.label != "ORG" or known(entity.text):
        return False
    if number is not None and entity.text[:1].islower():
        # `iPhone 16`, `xAI 2`: no team is named in small letters, so no score follows.
        return True
    return (
        number is not None
        and _SCORE_GOES_ON.match(text, number.end()) is None
        and _NUMBER_BEFORE.search(text, max(0, entity.start - 8), entity.start) is None
    )


_SEASON: Final = re.compile(r"(?:19|20)\d\d|9\d|0\d")
"""A year of the 1990s or 2000s, in full or in two figures (`96`, `1997`), as events carry
them (`Euro 96`)."""


def _closes_results_row(text: str, entity: Entity, end: int) -> bool:
    """Whether the figure after `entity`, ending at `end`, is a count closing a row of
    results (`1. Gruber 180 points`, `1. Shinji Takahashi 0.5`), not a version."""
    return (
        _COUNT_ENDS.match(text, end) is not None
        and results_row(line_around(text, entity.start, entity.end))
        and not in_prose_line(text, entity.start, entity.end)
    )


_COUNT_ENDS: Final = re.compile(
    r"[ \t]*(?:\.[ \t]*)?(?:$|[,;()]|\d|(?:points|pts)\b)", re.MULTILINE
)
"""What follows a count in a row of results: the row's end, a comma, a bracket, another
figure (`Fortuna Sittard 16 2 5 9`) or `points`."""


_SCORERS: Final = re.compile(r"[ \t]*\([ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)*[ \t]+\d")
"""A bracket opening with a name and a figure: a cricket innings' top scores."""
_NATIONALITY_ENDINGS: Final = ("ese", "ian", "ean", "ish")
_GAMES_ADJECTIVES: Final = frozenset(["olympic", "paralympic"])
"""A distance follows them (`Olympic 100 metres champion`): eng.train never has
`Olympic` numbered, and has it before a distance 10 times."""


def _nationality(word: str) -> bool:
    """`Norwegian`, `Sudanese`: an adjective of a people, never a product's name."""
    return word in DEMONYMS or word.endswith(_NATIONALITY_ENDINGS)


def _noun_after(text: str, entity: Entity) -> bool:
    following = _NEXT_WORD.match(text, entity.end)
    return following is not None and following.group(1) in PRODUCT_NOUNS


def _owned(text: str, entities: Sequence[Entity], index: int) -> bool:
    """`Acme’s Skylark`: right after an organisation's possessive."""
    if index == 0:
        return False
    owner = entities[index - 1]
    entity = entities[index]
    # `’s ` or `’s (`: three or four characters between the two.
    if owner.label != "ORG" or entity.label == "PERSON" or not 3 <= entity.start - owner.end <= 4:
        return False
    gap = text[owner.end : entity.start]
    if gap.endswith("(") and text[entity.end : entity.end + 1] == ")":
        # `the Bank of Japan's (BOJ) policy`: the owner's short name, set in brackets.
        return False
    return _POSSESSIVE_BEFORE.search(gap) is not None and not _modifies_next(text, entities, index)


def _modifies_next(text: str, entities: Sequence[Entity], index: int) -> bool:
    """`NASA’s Mars Rover` split as `Mars` + `Rover`: the name describes the next one."""
    if index + 1 >= len(entities):
        return False
    return text[entities[index].end : entities[index + 1].start] == " "


_COMPANY_CUES: Final = COMPANY_ACTIONS | frozenset(
    [
        "ceo",
        "ceos",
        "cfo",
        "cto",
        "coo",
        "chief",
        "founder",
        "founders",
        "cofounder",
        "co-founder",
        "spokesperson",
        "spokesman",
        "spokeswoman",
    ]
)
_ARTICLE_BEFORE: Final = re.compile(
    r"(?i:\b(?:companies|firms|startups|automakers)[ \t]+like)[ \t]+$"
)


def _companies(text: str, entities: Sequence[Entity], known: Callable[[str], bool]) -> list[Entity]:
    """A new name with a mention acting like a company (`X CEO`, `X unveiled`) is an organisation.

    The training news knows few of today's companies, so a new one is often
    guessed to be a place or a person; the words around its mentions say
    better, and so does a designator ending it (`Acme Holdings`). A name
    training knew (`U.S.`) keeps the label the tagger gave it.
    """
    companies: set[str] = set()
    for entity in entities:
        if entity.label not in ("PLACE", "PERSON", "MISC"):
            continue
        if " " in entity.text:
            ending = designator(entity.text)
            newspaper = (
                entity.label != "PERSON" and ending in NEWSPAPER_TITLES
            ) or ending in FOREIGN_NEWSPAPER_TITLES
            # `Canadian Space Agency`: a MISC name ending as an organisation's does is one (in
            # eng.train and eng.testa such names are organisations 551 times, places 56, MISC
            # once), and so is a place or a person's unless it ends in `Bank`, `Union` or
            # `Federation` (`West Bank`, `Soviet Union`): then 482 times, a place once. Names of
            # three words or more so ending are organisations 19 times in 19.
            institution = ending in ORGANISATION_ENDINGS and (
                entity.label == "MISC"
                or ending not in _PLACE_LIKE_ENDINGS
                or entity.text.count(" ") >= 2
            )
            if newspaper or institution or _designated(entity.text, known):
                companies.add(name_key(entity.text))
            continue
        if entity.label == "MISC":
            continue
        key = name_key(entity.text)
        if key in companies:
            continue
        following = _NEXT_WORD.match(text, entity.end)
        word = following.group(1).casefold() if following is not None else ""
        if (word in _COMPANY_CUES or _after_companies_like(text, entity.start)) and not known(
            entity.text
        ):
            companies.add(key)
    if not companies:
        return list(entities)
    return [
        Entity(e.start, e.end, "ORG", e.text, e.key)
        if e.label in ("PLACE", "PERSON", "MISC") and name_key(e.text) in companies
        else e
        for e in entities
    ]


def _designated(name: str, known: Callable[[str], bool]) -> bool:
    """`Kirtpar Foods`, `Zorvex Holdings`: a new name ending in a company's designator.

    A legal form (`Inc`, `SA`, `GmbH`) makes any name a company's, even one
    whose words training met (`Warner Bros`, `Ruch SA`).
    """
    last = designator(name)
    return last in LEGAL_FORMS or (
        last in COMPANY_DESIGNATORS and not known(name.rpartition(" ")[0])
    )


def _after_companies_like(text: str, start: int) -> bool:
    """`companies like X`: a name in a list of companies."""
    before = text[max(0, start - 24) : start]
    # `_ARTICLE_BEFORE` ends in `like` and spaces: a cheap test rules most text out
    # (`k` and `K` have a third case-insensitive match, the Kelvin sign).
    tail = before.rstrip()
    return (
        tail[-1:] in ("e", "E")
        and tail[-2:-1] in ("k", "K", "\u212a")
        and _ARTICLE_BEFORE.search(before) is not None
    )
