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
from collections.abc import Callable, Sequence
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
_ROMAN_AFTER: Final = re.compile(
    # A lone `I` is the pronoun (`in Paris I met`) unless a `II` follows.
    # A lone `V` or `X` is `versus` (`England V Pakistan`) or a name (`X`).
    r"[ \t]+(?:I(?=[ \t]+(?:and|&)[ \t]+II\b)|(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3}))"
    r"(?![\w’'&-]|\.\w)"
)
_LETTER_AFTER: Final = re.compile(r"[ \t]+[A-Z](?![\w.’'&-])")
_NAME_OR_NUMBER: Final = re.compile(r"[ \t]*(?:[-–]|[A-Z0-9])")
_POSSESSIVE_BEFORE: Final = re.compile(r"['’]s[ \t]+(?:\(?)$")


def refine(text: str, entities: Sequence[Entity], known: Callable[[str], bool]) -> list[Entity]:
    """Relabel names as PRODUCT or EVENT where the evidence is clear; extend `Name 5` spans.

    `known(name)` tells whether the tagger met every word of `name` in training:
    an organisation it never met followed by a number (`Zorbit 3 chip`) is a
    product, while a known one is more likely a score (`Arsenal 2 Chelsea 1`).
    """
    product: dict[str, bool] = defaultdict(bool)
    result = _companies(text, entities)
    for index, entity in enumerate(result):
        if entity.label not in ("MISC", "ORG", "PLACE"):
            continue
        if entity.label == "PLACE":
            # Places take no Roman numerals: a one-word "place" numbered so is a
            # product generation (`Colossus II`); people (`Henry VIII`) and clubs
            # (`Willem II`) are other labels.
            roman = _ROMAN_AFTER.match(text, entity.end) if " " not in entity.text else None
            if roman is not None and not _touches_next(result, index, roman.end()):
                end = roman.end()
                result[index] = replace(
                    entity, end=end, text=text[entity.start : end], label="PRODUCT"
                )
                product[name_key(result[index].text)] = True
            continue
        last = entity.text.rsplit(" ", 1)[-1].casefold()
        if last in EVENT_WORDS and " " in entity.text:
            result[index] = replace(entity, label="EVENT")
            continue
        letter = _LETTER_AFTER.match(text, entity.end) if entity.label == "MISC" else None
        if letter is not None and not _touches_next(result, index, letter.end()):
            # `Series B`, `Class A`: a letter finishes the name; it stays what it was.
            end = letter.end()
            result[index] = replace(entity, end=end, text=text[entity.start : end])
            continue
        number = _NUMBER_AFTER.match(text, entity.end) if _numbered(text, entity, known) else None
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


def _numbered(text: str, entity: Entity, known: Callable[[str], bool]) -> bool:
    """Whether a number after `entity` would be a version of it (`Grok 5`), not a score."""
    if entity.label == "MISC":
        return True
    if entity.label != "ORG" or known(entity.text):
        return False
    number = _NUMBER_AFTER.match(text, entity.end)
    return number is not None and _NAME_OR_NUMBER.match(text, number.end()) is None


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
        and not _modifies_next(text, entities, index)
        and entities[index].label != "PERSON"
        and _POSSESSIVE_BEFORE.search(gap) is not None
        and len(gap) <= 4
    )


def _modifies_next(text: str, entities: Sequence[Entity], index: int) -> bool:
    """`NASA’s Mars Rover` split as `Mars` + `Rover`: the name describes the next one."""
    if index + 1 >= len(entities):
        return False
    return text[entities[index].end : entities[index + 1].start] == " "


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
