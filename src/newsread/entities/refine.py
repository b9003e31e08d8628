"""Products and events among the tagger's names, from general cues around them.

The tagger knows four types; a name it calls miscellaneous (or an
organisation) becomes an event when its last word says so (`… Show`,
`… Cup`, `… Summit`), and a product when the text around it says so: a
product noun right after it (`Alpamayo model`), a number after a
miscellaneous name (`Grok 5`), or an organisation owning it (`Acme’s Skylark`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from newsread.entities.identity import name_key
from newsread.entities.lexicon import (
    COMPANY_ACTIONS,
    EVENT_WORDS,
    PRODUCT_HEADS,
    PRODUCT_NOUNS,
)
from newsread.model import Entity

_NEXT_WORD: Final = re.compile(r"[ \t]*(?:\)[ \t]*)?([A-Za-z][\w-]*)")
_NUMBER_AFTER: Final = re.compile(r"[ \t]+(?:\d+|[IVX]{1,4})(?![\w.,]\d)")
_POSSESSIVE_BEFORE: Final = re.compile(r"['’]s[ \t]+(?:\(?)$")


def refine(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """Relabel names as PRODUCT or EVENT where the evidence is clear; extend `Name 5` spans."""
    product: dict[str, bool] = defaultdict(bool)
    result = _companies(text, entities)
    for index, entity in enumerate(result):
        if entity.label not in ("MISC", "ORG"):
            continue
        last = entity.text.rsplit(" ", 1)[-1].casefold()
        if last in EVENT_WORDS and " " in entity.text:
            result[index] = replace(entity, label="EVENT")
            continue
        number = _NUMBER_AFTER.match(text, entity.end) if entity.label == "MISC" else None
        if number is not None and not _touches_next(result, index, number.end()):
            end = number.end()
            result[index] = replace(entity, end=end, text=text[entity.start : end])
            product[name_key(result[index].text)] = True
            continue
        if _owned(text, result, index) or (
            entity.label == "MISC" and (_noun_after(text, entity) or last in PRODUCT_HEADS)
        ):
            product[name_key(entity.text)] = True
    return [
        replace(e, label="PRODUCT")
        if e.label in ("MISC", "ORG") and product.get(name_key(e.text))
        else e
        for e in result
    ]


def _noun_after(text: str, entity: Entity) -> bool:
    following = _NEXT_WORD.match(text, entity.end)
    return following is not None and following.group(1) in PRODUCT_NOUNS


def _owned(text: str, entities: Sequence[Entity], index: int) -> bool:
    """`Acme’s Skylark`: right after an organisation's possessive."""
    if index == 0:
        return False
    owner = entities[index - 1]
    gap = text[owner.end : entities[index].start]
    return (
        owner.label == "ORG"
        and entities[index].label != "PERSON"
        and _POSSESSIVE_BEFORE.search(gap) is not None
        and len(gap) <= 4
    )


def _touches_next(entities: Sequence[Entity], index: int, end: int) -> bool:
    return index + 1 < len(entities) and entities[index + 1].start < end


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


def _companies(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """A name whose every mention acts like a company (`X CEO`, `X unveiled`) is an organisation.

    The training news knows few of today's companies, so a new one is often
    guessed to be a place or a person; the words around its mentions say better.
    """
    votes: dict[str, int] = defaultdict(int)
    for entity in entities:
        if entity.label not in ("PLACE", "PERSON") or " " in entity.text:
            continue
        following = _NEXT_WORD.match(text, entity.end)
        word = following.group(1).casefold() if following is not None else ""
        before = text[max(0, entity.start - 24) : entity.start]
        if word in _COMPANY_CUES or _ARTICLE_BEFORE.search(before):
            votes[name_key(entity.text)] += 1
    return [
        replace(e, label="ORG")
        if votes.get(name_key(e.text)) and e.label in ("PLACE", "PERSON")
        else e
        for e in entities
    ]
