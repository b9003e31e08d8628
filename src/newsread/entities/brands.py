"""A company's name in front of its product's: `Acme Skylark` is Acme's Skylark.

The tagger reads `Acme Skylark` as one name; when the article also names
`Acme` alone (and not as a person), the first word is the maker and the rest
is what it makes. A role after the maker (`Acme CEO`) is no part of a name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from newsread.entities.identity import name_key
from newsread.entities.lexicon import BUSINESS_ROLES, COMMON_ACRONYMS, ROLE_WORDS
from newsread.model import Entity

_NOT_NAMES: Final = BUSINESS_ROLES | ROLE_WORDS | COMMON_ACRONYMS


def split_brands(entities: Sequence[Entity], known: Callable[[str], bool]) -> list[Entity]:
    """Cut `Maker Product` names where `Maker` stands alone elsewhere in the article.

    Only makers the tagger never met are cut, so established names
    (`Deutsche Bank`, `Manchester United`) stay whole.
    """
    makers = {
        name_key(e.text)
        for e in entities
        if " " not in e.text and e.label not in ("PERSON", "MISC") and not known(e.text)
    }
    if not makers:
        return list(entities)
    result: list[Entity] = []
    for entity in entities:
        first, _, rest = entity.text.partition(" ")
        if (
            not rest
            or entity.label == "PERSON"
            or name_key(first) not in makers
            or not rest[:1].isupper()
        ):
            result.append(entity)
            continue
        maker_end = entity.start + len(first)
        result.append(Entity(entity.start, maker_end, entity.label, first))
        if rest.casefold() not in _NOT_NAMES:
            start = entity.end - len(rest)
            result.append(Entity(start, entity.end, "PRODUCT", rest))
    return result
