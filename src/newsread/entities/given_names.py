"""`Tung Chee-hwa`: a family name before a hyphenated given name is one person's name.

Chinese and Korean names romanised in the wire's way put the family name first and join
the given name's two syllables with a hyphen, the second in lowercase (`Lee Ki-choo`,
`Kim In-so`). In eng.train and eng.testa a capitalised word before such a word is one
person's name with it all 9 times that word is no adjective (`New York-based`); the
tagger, meeting neither word in training, splits them or takes them for anything else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from newsread.entities.identity import NAME_LABELS, name_key
from newsread.entities.lexicon import ADJECTIVE_SUFFIXES, FUNCTION_WORDS
from newsread.entities.merge import names_within
from newsread.model import Entity

_FAMILY_THEN_GIVEN: Final = re.compile(
    r"[A-Z][a-z]{1,6}[ \t]+[A-Z][a-z]{1,5}-([a-z]{1,5})(?![\w'’-])"
)
"""A short capitalised word, then a hyphenated word whose second part is in lowercase."""
_NUMBER_WORDS: Final = frozenset(
    [
        *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("twenty", "thirty", "forty", "fifty", "half"),
    ]
)


def join_given_names(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`entities` with each family name before a hyphenated given name (`_FAMILY_THEN_GIVEN`)
    one person's name with it, where the tagger found a name in them and none runs out."""
    result = list(entities)
    starts = [entity.start for entity in result]
    for found in _FAMILY_THEN_GIVEN.finditer(text):
        start, end = found.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in "-'’."):
            continue
        family, _, given = found.group().partition(" ")
        if (
            family.casefold() in FUNCTION_WORDS
            or found.group(1) in ADJECTIVE_SUFFIXES
            or given.strip().partition("-")[0].casefold() in _NUMBER_WORDS
        ):
            continue
        within = names_within(result, starts, start, end)
        if within is None:
            continue
        first, last = within.start, within.stop
        inside = result[first:last]
        if not inside or any(e.label not in NAME_LABELS for e in inside):
            continue
        if [(e.start, e.end, e.label) for e in inside] == [(start, end, "PERSON")]:
            continue
        name = text[start:end]
        result[first:last] = [Entity(start, end, "PERSON", name, name_key(name))]
        starts[first:last] = [start]
    return result
