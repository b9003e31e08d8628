"""Names the tagger cut in pieces, joined again.

The tagger decides each word from a few neighbours, so a long name often ends
where a small word stands inside it:

- institutions named with `and`: `Food and Drug Administration`, `State Law and
  Order Restoration Council`. The tagger reads `and` as the end of a name, so it
  finds `Drug Administration` and perhaps `Food` on its own. A name that ends in
  an institution's head (`Administration`, `Exchange`, `Council`) right after
  `and` and a run of capitalised words is one name with them. In eng.train, 11
  organisations' names run so across `and`, and no two names ever meet so;
- names with a particle (`Rio de Janeiro`), a purpose (`… Council for the
  Defence of Democracy`) or what they belong to (`Central Bank of Sri Lanka`), a
  compass word before them (`Western Australia`) or an organisation's last word after
  them (`New Korea Party`);
- a news desk and its bureau (`join_desks`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from newsread.entities.common_words import opens_sentence
from newsread.entities.identity import NAME_LABELS, name_key
from newsread.entities.lexicon import (
    COMPANY_DESIGNATORS,
    DEMONYMS,
    FUNCTION_WORDS,
    INSTITUTION_HEADS,
    LEGAL_FORMS,
    ORGANISATION_ENDINGS,
    PURPOSE_HEADS,
    ROLE_WORDS,
    designator,
)
from newsread.model import Entity

_OWN_NAMES: Final = frozenset(["PERSON", "PLACE"])
"""Names before `and` that stand on their own: `Britain and European Commission officials`."""
_CAPITALISED_RUN: Final = re.compile(r"(?:[A-Z][\w.'’-]*(?:[ \t]*,)?[ \t]+){1,5}and[ \t]+$")


def join_institution_names(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`entities` where an institution's name after `X and` takes in the capitalised `X`.

    The run before `and` must be capitalised words (function words may not
    open it) on the same line, and no person's or place's name; any names found
    inside it are replaced by the joined one, which is an organisation.
    """
    result = list(entities)
    index = len(result)
    while index > 0:
        # A join replaces the names before this one too: the list may have shrunk.
        index = min(index, len(result)) - 1
        entity = result[index]
        if entity.start < 5 or text[entity.start - 4 : entity.start] != "and ":
            continue
        if entity.text.rpartition(" ")[2].casefold() not in INSTITUTION_HEADS:
            continue
        line_start = text.rfind("\n", 0, entity.start) + 1
        run = _CAPITALISED_RUN.search(text, max(line_start, entity.start - 80), entity.start)
        if run is None:
            continue
        start = after_function_words(text, run.start(), entity.start)
        if text[start : start + 4] == "and ":
            continue
        inside = [e for e in result if e.start >= start and e.end <= entity.end]
        if any(e.label in _OWN_NAMES for e in inside if e is not entity):
            continue
        result = one_organisation(text, result, start, entity.end)
    return result


NAME_PARTICLES: Final = frozenset(
    [
        *("de", "del", "do", "da", "dos", "das", "di", "du", "della", "dello", "delle"),
        *("degli", "dei", "des", "der", "van", "von", "ng", "bin", "ibn", "bint"),
    ]
)
"""Small words inside names of Romance, Dutch and German make (`Rio de Janeiro`, `van der
Sar`): in eng.train and eng.testa they stand inside a name 93 times, between two names
never. Arabic names' `bin`, `ibn` and `bint` (son and daughter of) join a person's name
(`Hamad bin Jassim bin Jabr al-Thani`), which the training news never gives."""
_PARTICLE: Final = "|".join(sorted(NAME_PARTICLES))
_PATRONYMIC: Final = re.compile(r"[ \t](?:bin|ibn|bint)[ \t]")
_PARTICLE_GAP: Final = re.compile(rf"[ \t]+(?:(?:{_PARTICLE})[ \t]+)?")


_PARTICLE_BEFORE_NAME: Final = re.compile(rf" (?:{_PARTICLE}) [A-Z]")


def has_particles(text: str) -> bool:
    """Whether `text` has a name's particle before a capital anywhere: a cheap test before
    `join_particle_names`."""
    return _PARTICLE_BEFORE_NAME.search(text) is not None


def join_particle_names(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`Rio de` + `Janeiro Stock Exchange`, `Electrica` + `del Maipo`, `Mato Grosso` + `do` +
    `Sul`: two names the tagger split at a name's particle are one. It is an organisation if
    either part is one, else a place if either is, else what the first part was."""
    result: list[Entity] = []
    for entity in entities:
        previous = result[-1] if result else None
        if previous is None or previous.label not in NAME_LABELS or entity.label not in NAME_LABELS:
            result.append(entity)
            continue
        gap = _PARTICLE_GAP.fullmatch(text, previous.end, entity.start)
        ends_in_particle = previous.text.rpartition(" ")[2] in NAME_PARTICLES
        opens_with_particle = entity.text.partition(" ")[0] in NAME_PARTICLES
        particles = (gap is not None and gap.group().strip() != "") + ends_in_particle
        particles += opens_with_particle
        if gap is None or particles != 1:
            result.append(entity)
            continue
        labels = {previous.label, entity.label}
        label = "ORG" if "ORG" in labels else "PLACE" if "PLACE" in labels else previous.label
        if _PATRONYMIC.search(text, previous.start, entity.end):
            # `Khalid bin Ahmed al-Mahmood`: a son's or a daughter's name is a person's.
            label = "PERSON"
        name = text[previous.start : entity.end]
        result[-1] = Entity(previous.start, entity.end, label, name, name_key(name))
    return _with_particle_tails(text, result)


_PARTICLE_TAIL: Final = re.compile(
    rf"[ \t]+(?:{_PARTICLE})[ \t]+[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*"
)


def _with_particle_tails(text: str, entities: list[Entity]) -> list[Entity]:
    """`Vina` + `del Mar`: a name the tagger stopped before a particle and capitalised words
    that no other name holds takes them in."""
    for index, entity in enumerate(entities):
        if entity.label not in NAME_LABELS:
            continue
        tail = _PARTICLE_TAIL.match(text, entity.end)
        if tail is None:
            continue
        following = entities[index + 1] if index + 1 < len(entities) else None
        if following is not None and following.start < tail.end():
            continue
        name = text[entity.start : tail.end()]
        entities[index] = Entity(entity.start, tail.end(), entity.label, name, name_key(name))
    return entities


_POINTS: Final = ("North", "South", "East", "West")
"""The compass points; `Northern`… are made from them."""
_COMPASS: Final = frozenset([*_POINTS, *(point + "ern" for point in _POINTS), "Central"])
"""Compass words the tagger may leave as names of their own before a name."""
_COMPASS_STEMS: Final = (*_POINTS, "Central", *(point.upper() for point in _POINTS))
"""What every compass word holds (`Western` holds `West`): `has_compass_words`' test."""


def has_compass_words(text: str) -> bool:
    """Whether `text` may hold a compass word: a cheap test before `join_compass_names`."""
    return any(stem in text for stem in _COMPASS_STEMS)


def join_compass_names(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`Western` + `Australia`: a compass word the tagger left as a name of its own right
    before another name opens that name, which keeps its label (in eng.train and eng.testa
    such words open 323 names and never stand apart before one)."""
    result: list[Entity] = []
    for entity in entities:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.text in _COMPASS
            and previous.end + 1 == entity.start
            and text[previous.end] == " "
            and entity.label in NAME_LABELS
        ):
            name = text[previous.start : entity.end]
            result[-1] = Entity(previous.start, entity.end, entity.label, name, name_key(name))
            continue
        before = _COMPASS_BEFORE.search(text, max(0, entity.start - 10), entity.start)
        if (
            before is not None
            and entity.label in NAME_LABELS
            and (previous is None or previous.end <= before.start(1))
        ):
            # `West` + `Hartlepool`, `NORTHERN` + `IRISH`: the tagger left the word out.
            start = before.start(1)
            name = text[start : entity.end]
            entity = Entity(start, entity.end, entity.label, name, name_key(name))
        result.append(entity)
    return result


_LEFT_OUT_COMPASS: Final = sorted(
    {*(_COMPASS - {"Central"}), *(word.upper() for word in _COMPASS - {"Central"})}
)
_COMPASS_BEFORE: Final = re.compile(rf"(?<![\w.'’-])((?:{'|'.join(_LEFT_OUT_COMPASS)})) $")


_PURPOSE: Final = re.compile(
    r"[ \t]+(?P<joint>for|of)[ \t]+(?:the[ \t]+)?[A-Z][\w'’.-]*"
    r"(?:[ \t]+(?:(?:of|and|the|in|de)[ \t]+)*[A-Z][\w'’.-]*)*"
)
_BELONGING_HEADS: Final = PURPOSE_HEADS | frozenset(
    ["bank", "church", "churches", "university", "college", "institute", "academy", "society"]
)
"""Last words of institutions' names that go on with `of` and what they belong to (`Central
Bank of Sri Lanka`, `Popular Front of Moldova`): in eng.train and eng.testa such a name runs
on across `of` 72 times, and stops before it 10 times, all after a company's legal form
(`Kia Motor Corp of South Korea`) or before `in` (`U.S. District Court in Newark`)."""


def _first_word(text: str, start: int) -> str:
    """The first word after `start` (past spaces and `the`), casefolded."""
    words = text[start : start + 40].split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    return words[0].casefold() if words else ""


def join_purpose_names(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`National Council` + `for the Defence of Democracy`, `Democratic Alliance` + `for the
    Betterment of Hong Kong`: an institution's name goes on with `for` and its purpose in
    capitals, and is one name with it, whatever was found inside (in eng.train and eng.testa
    `for` stands inside 19 organisations' names and 3 others', and between two names only
    in two courts' and two teams' in their leagues). So it does with `of` and what it
    belongs to (`Central Bank` + `of Sri Lanka`, `_BELONGING_HEADS`), unless that is a
    person (`the Freedom Party of Joerg Haider`)."""
    result = list(entities)
    index = 0
    while index < len(result):
        entity = result[index]
        index += 1
        if entity.label not in ("ORG", "MISC"):
            continue
        head = entity.text.rpartition(" ")[2].casefold()
        if head not in _BELONGING_HEADS:
            continue
        purpose = _PURPOSE.match(text, entity.end)
        if purpose is None or (purpose.group("joint") == "for" and head not in PURPOSE_HEADS):
            continue
        end = purpose.end()
        inside = [e for e in result[index:] if e.start < end]
        if any(e.end > end or e.label not in NAME_LABELS for e in inside):
            continue
        if purpose.group("joint") == "of" and (
            any(e.label == "PERSON" for e in inside)
            or _first_word(text, purpose.end("joint")) in ROLE_WORDS
        ):
            # `the Freedom Party of Joerg Haider`, `… Movement of President Deby`: whose it
            # is, not part of its name.
            continue
        name = text[entity.start : end]
        result[index - 1 : index + len(inside)] = [
            Entity(entity.start, end, entity.label, name, name_key(name))
        ]
    return result


_ENDING_AFTER: Final = re.compile(r"[ \t]([A-Z][a-z]+|[A-Z]{2,4})\b(?![’'-])")
_LEGAL_FORMS_IN_CAPITALS: Final = frozenset(
    ["ab", "ag", "asa", "bhd", "bv", "gmbh", "nv", "oyj", "plc", "pty", "sa", "spa"]
)
"""Legal forms written in capitals after a company's name (`Swebus AB`, `Hoechst AG`): 26
times after a name in eng.train and eng.testa, inside it every time. `AS` and `SE` are left
out, words of capitals headlines too."""


def _organisation_ending(word: str) -> bool:
    """Whether a word after a name ends an organisation's name (`Party`, `AG`)."""
    if word.isupper():
        return word.casefold() in _LEGAL_FORMS_IN_CAPITALS
    return word.casefold() in ORGANISATION_ENDINGS


def join_organisation_endings(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`New Korea` + `Party`: a name the tagger stopped before a capitalised word that ends
    organisations' names (`lexicon.ORGANISATION_ENDINGS`, or a legal form in capitals) is an
    organisation's name with it, taking a legal form in capitals in when the tagger made it a
    name of its own (`Swebus` + `AB`, but `U.S.` + `Senate`). In eng.train and eng.testa such
    a word right after a name is outside it twice, both after a nationality, which is left
    alone (`Yemeni Ministry`)."""
    result: list[Entity | None] = list(entities)
    for index, entity in enumerate(entities):
        if result[index] is None:
            continue
        if entity.label not in NAME_LABELS or entity.text.casefold() in DEMONYMS:
            continue
        if (
            text[entity.end : entity.end + 1] != " "
            or not text[entity.end + 1 : entity.end + 2].isupper()
        ):
            continue
        ending = _ENDING_AFTER.match(text, entity.end)
        if ending is None or not _organisation_ending(ending.group(1)):
            continue
        if entity.label == "MISC" and " " not in entity.text and not ending.group(1).isupper():
            # `Sudanese Airways`: a one-word MISC name is a nationality's, most often.
            continue
        end = ending.end()
        following = entities[index + 1] if index + 1 < len(entities) else None
        if following is not None and following.start < end:
            if (following.start, following.end) != ending.span(1) or not ending.group(1).isupper():
                # `U.S.` + `Senate`: an ending the tagger named apart is a name of its own.
                continue
            result[index + 1] = None
        name = text[entity.start : end]
        result[index] = Entity(entity.start, end, "ORG", name, name_key(name))
    return [entity for entity in result if entity is not None]


def after_function_words(text: str, start: int, end: int) -> int:
    """Where a run of words from `start` (before `end`) opens once the function words
    opening it are left out (`the Food and…` → `Food and…`)."""
    while True:
        space = text.find(" ", start, end)
        if space < 0 or text[start:space].casefold() not in FUNCTION_WORDS:
            return start
        start = space + 1


def one_organisation(text: str, entities: Sequence[Entity], start: int, end: int) -> list[Entity]:
    """`entities` (in order) with the names inside `[start, end)` replaced by one
    organisation's spanning it, in its place."""
    kept = [e for e in entities if not (e.start >= start and e.end <= end)]
    name = text[start:end]
    kept.insert(
        sum(1 for e in kept if e.start < start), Entity(start, end, "ORG", name, name_key(name))
    )
    return kept


_DESK: Final = re.compile(
    r"(?<![\w.'’-])((?:[A-Z][\w.&'’-]*[ \t]+){1,4})(?:Newsroom|Desk|Bureau)\b(?![ \t]+of\b)"
)
"""`Frankfurt Newsroom`, `Energy Desk`, `Ottawa Bureau`: a news desk signing off a wire story."""


def join_desks(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`entities` where a news desk (`_DESK`) is one organisation, the place or topic
    before `Newsroom`, `Desk` or `Bureau` included (`-- John Gilardi, Frankfurt Newsroom`).

    In eng.train and eng.testa, capitalised `Newsroom`, `Desk` and `Bureau` are inside
    an organisation's name all 98 times they occur (the lowercase words, once in 76).
    Names found inside the desk's are replaced; one reaching out of it leaves the desk
    as the tagger found it.
    """
    result = list(entities)
    for match in _DESK.finditer(text):
        end = match.end()
        start = after_function_words(text, match.start(1), end)
        if any(
            e.start < end and e.end > start and (e.start < start or e.end > end) for e in result
        ):
            continue
        if any((e.start, e.end, e.label) == (start, end, "ORG") for e in result):
            continue
        result = one_organisation(text, result, start, end)
    return result


_FIRST: Final = re.compile(r"(?:First|FIRST)[ \t]+$")


def join_first(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`First` + `Keystone`: an organisation's name right after `First` opens with it (`First
    Union`, `First Chicago`: 16 of the 17 names so placed in eng.train and eng.testa).

    `First` opening a sentence may be an adverb (`First Acme cut prices`), so there the name
    takes it in only if the article writes `First` before it elsewhere too.
    """
    candidates: list[tuple[int, int]] = []
    written_so: set[str] = set()
    for index, entity in enumerate(entities):
        if entity.label != "ORG" or entity.start < 6:
            continue
        first = _FIRST.search(text, max(0, entity.start - 8), entity.start)
        if first is None or (first.start() and text[first.start() - 1].isalnum()):
            continue
        candidates.append((index, first.start()))
        if not opens_sentence(text, first.start()):
            written_so.add(entity.text.casefold())
    if not candidates:
        return list(entities)
    result = list(entities)
    for index, start in candidates:
        entity = entities[index]
        if opens_sentence(text, start) and entity.text.casefold() not in written_so:
            continue
        name = text[start : entity.end]
        result[index] = Entity(start, entity.end, "ORG", name, name_key(name))
    return result


_PARTNERS: Final = re.compile(
    r"(?<![\w'’.-])[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*)?"
    r"(?:[ \t]?,[ \t][A-Z][\w'’-]*)+[ \t]&[ \t][A-Z][\w'’-]*"
    r"(?:[ \t](?:Co|Cos|Inc|Corp|Ltd|Plc|PLC|LLP|LLC|Sons|Company)\.?)*"
)
"""A firm named after its partners: `Goldman , Sachs & Co`, `Keefe , Bruyette & Woods Inc`."""


def join_partners(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`entities` with each firm named after its partners one organisation's name, where the
    tagger split it at its commas (`Keefe` + `Bruyette & Woods Inc`): in eng.train and
    eng.testa every such name with `&` is one (`Goldman , Sachs & Co`, `Kalf , Voorhis & Co`),
    while lists with `and` are several names. A name running past it is left alone."""
    if " & " not in text:
        return list(entities)
    result = list(entities)
    for match in _PARTNERS.finditer(text):
        start, end = match.span()
        inside = [e for e in result if e.start < end and start < e.end]
        if not inside or inside[0].start != start or any(e.end > end for e in inside):
            # `Separately , Standard & Poor 's`: the first word must be a name.
            continue
        result = one_organisation(text, result, start, end)
    return result


_NATIONAL_BODIES: Final = (ORGANISATION_ENDINGS | INSTITUTION_HEADS) - {
    "ministry",
    "senate",
    "congress",
    "assembly",
    "court",
    "tribunal",
    "army",
    "navy",
    "police",
    "administration",
    "government",
}
"""Organisations' last words a nationality before them belongs to (`Canadian Red Cross
Society`): in eng.train and eng.testa a nationality right before an organisation's name of
two words or more ending in one is inside it 38 times and apart once; before a ministry or
a parliament it stands apart as often as not (`French Interior Ministry`, `Russian Duma`)."""


def join_nationality_bodies(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`Canadian` + `Red Cross Society`: a nationality the tagger named apart from the
    organisation's name it opens is part of it (`_NATIONAL_BODIES`)."""
    result: list[Entity] = []
    for entity in entities:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.label == "MISC"
            and previous.text.casefold() in DEMONYMS
            and entity.label == "ORG"
            and " " in entity.text
            and text[previous.end : entity.start] == " "
            and entity.text.rpartition(" ")[2].casefold() in _NATIONAL_BODIES
        ):
            name = text[previous.start : entity.end]
            result[-1] = Entity(previous.start, entity.end, "ORG", name, name_key(name))
            continue
        result.append(entity)
    return result


_INSTITUTION_OF: Final = re.compile(
    r"(?:Ministry|University|Department|Bank|Institute|College|Council|Court"
    r"|Commission|Office|Agency|Board|Academy|Museum|Church|School|Society|Federation|Union"
    r"|Association|League|Party|Front|Movement|Chamber|Organisation|Organization|Bureau"
    r"|Committee|Authority|Fund|Corporation)[ \t]+of[ \t]+(?:the[ \t]+)?(?=[A-Z])"
)
"""An institution's head and `of` before a capitalised name: `Ministry of Finance`. With no
look-behind, so that the regex engine skips to the heads' first letters (one cost 2% of the
tagging); `_WORD_CHARACTER` tests the character before instead."""
_WORD_CHARACTER: Final = re.compile(r"[\w'’-]")


def join_institutions_of(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`Ministry of` + `Finance`, `University of` + `Pennsylvania`: an institution's head the
    tagger left out, before `of` and a name it found, is one organisation's name with it.

    In eng.train and eng.testa a capitalised institution's head before `of` and a
    capitalised word is inside an organisation's name all 71 times it stands so. Names
    already holding the head are left to the other joins.
    """
    if " of " not in text:
        return list(entities)
    result = list(entities)
    starts = {entity.start: index for index, entity in enumerate(entities)}
    for match in _INSTITUTION_OF.finditer(text):
        if match.start() and _WORD_CHARACTER.match(text, match.start() - 1):
            continue
        following = starts.get(match.end())
        if following is None or entities[following].label not in NAME_LABELS:
            continue
        if any(e.start < match.end() and match.start() < e.end for e in entities):
            continue
        result = one_organisation(text, result, match.start(), entities[following].end)
    return result


_TRADES_JOINED: Final = frozenset([" and ", " und "])
_NOT_TRADES: Final = frozenset(["bank", "group", "international", "news", "air", "media"])
"""Designators that open a company's name of their own (`Bank of Montreal`)."""


def join_trades(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`Pohang Iron` + `Steel Co`, `Ssangyong Investment` + `Securities`: an organisation's
    name joining two trades with `and` is one, where the tagger cut it at `and` and the part
    after opens with a company's word (`lexicon.COMPANY_DESIGNATORS`: in eng.train and
    eng.testa six names run so across `and`, and one pair of organisations does not: `House
    and Senate`, whose word is an institution's). The part before has no legal form of its
    own (`Hitachi Ltd and Steel Corp` are two)."""
    result: list[Entity] = []
    for entity in entities:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.label == "ORG"
            and entity.label == "ORG"
            and text[previous.end : entity.start] in _TRADES_JOINED
            and (opening := entity.text.partition(" ")[0].casefold()) in COMPANY_DESIGNATORS
            and opening not in _NOT_TRADES
            and not any(designator(word) in LEGAL_FORMS for word in previous.text.split(" "))
        ):
            name = text[previous.start : entity.end]
            result[-1] = Entity(previous.start, entity.end, "ORG", name, name_key(name))
        else:
            result.append(entity)
    return result
