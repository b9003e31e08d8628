"""Maximal runs of capitalised words: the raw material of names.

A run is a sequence of capitalised tokens (`Jane Doe`, `NATO`, `eBay`, `A320
Neo`), joined across `of`/`for` after a head noun (`Bank of …`), `&`, name
particles (`de`, `van`), a short model number (`… 5`) and, rarely, `and`
(`Food and Drug Administration`, never `Acme and Zenith`). A run ends at a
possessive, a role word (`CEO`), punctuation or a number-shaped span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from newsread.entities.lexicon import (
    COMMON_ACRONYMS,
    COUNTED_NOUNS,
    EVENT_WORDS,
    NAME_PARTICLES,
    OF_HEADS,
    ORG_SUFFIXES,
    ROLE_WORDS,
    ROMAN_NUMERALS,
)
from newsread.entities.mentions import DocumentFacts, is_common
from newsread.entities.tokens import NAME_SHAPES, Shape, Token

_PLURAL_ACRONYM: Final = re.compile(r"[A-Z]{2,}s")
_LETTER_PAIR: Final = re.compile(r"[A-Z]&[A-Z]")
_SHORT_NUMBER: Final = re.compile(r"\d{1,3}")
_STARTABLE: Final = NAME_SHAPES | {Shape.SINGLE, Shape.DOTTED, Shape.HANDLE}


def capitalised_runs(tokens: tuple[Token, ...], facts: DocumentFacts) -> Iterator[tuple[int, int]]:
    """`(first, last)` token indexes of every run in a sentence; a handle is a run alone."""
    index = 0
    while index < len(tokens):
        if tokens[index].shape not in _STARTABLE:
            index += 1
            continue
        if tokens[index].shape is Shape.HANDLE:
            yield index, index
            index += 1
            continue
        if not _can_start(tokens, index):
            index += 1
            continue
        last = index
        while not (tokens[last].possessive or tokens[last].modifier):
            extended = _extend(tokens, last, facts)
            if extended is None:
                break
            last = extended
        yield index, last
        index = last + 1


def _can_start(tokens: tuple[Token, ...], index: int) -> bool:
    token = tokens[index]
    if token.shape is Shape.SINGLE:
        return initial_letter(tokens, index) and token.text != "I"
    if not _name_word(token) or token.lower in ROMAN_NUMERALS:
        return False
    if _LETTER_PAIR.fullmatch(token.text):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        return (
            following is not None
            and following.attached
            and (following.shape is Shape.NUMBER or following.shape in NAME_SHAPES)
        )
    return True


def _name_word(token: Token) -> bool:
    """Could be part of a name: capitalised, not a role, not a common acronym."""
    if token.blocked or (token.shape not in NAME_SHAPES and token.shape is not Shape.DOTTED):
        return False
    if token.lower in ROLE_WORDS:
        return False
    if token.shape in (Shape.UPPER, Shape.MIXED) and token.lower in COMMON_ACRONYMS:
        return False
    return not _PLURAL_ACRONYM.fullmatch(token.text)


def _can_continue(tokens: tuple[Token, ...], index: int) -> bool:
    token = tokens[index]
    if not token.attached or token.blocked:
        return False
    if token.shape is Shape.SINGLE:
        if token.text != "I":
            return True
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        return following is None or following.shape is Shape.PUNCT or following.lower == "and"
    return _name_word(token) and not _LETTER_PAIR.fullmatch(token.text)


def initial_letter(tokens: tuple[Token, ...], index: int) -> bool:
    """`J. Smith`: a capital letter, a period, then a name."""
    if index + 2 >= len(tokens):
        return False
    period, name = tokens[index + 1], tokens[index + 2]
    return (
        period.text == "."
        and period.start == tokens[index].end
        and name.attached
        and name.shape is Shape.CAPITALIZED
    )


def _extend(tokens: tuple[Token, ...], last: int, facts: DocumentFacts) -> int | None:
    """The new last index if the run can grow past `last`, else None."""
    following = last + 1
    if following >= len(tokens):
        return None
    current, token = tokens[last], tokens[following]
    if _can_continue(tokens, following):
        return following
    if not token.attached:
        return None
    if current.shape is Shape.SINGLE and initial_letter(tokens, last):
        return last + 2
    if token.shape is Shape.NUMBER:
        return following if _numbered(tokens, following) else None
    word = token.lower
    if word in ("of", "for") and current.lower in OF_HEADS:
        right = following + 1
        if right < len(tokens) and tokens[right].lower == "the":
            right += 1
        # After `of` a role word names a field, not a person: `Department of Justice`.
        office = (
            right < len(tokens) and tokens[right].lower in ROLE_WORDS and tokens[right].attached
        )
        return right if _joinable(tokens, right) or office else None
    if word in NAME_PARTICLES and current.shape is Shape.CAPITALIZED:
        right = following + 1
        joinable = _joinable(tokens, right) and tokens[right].shape is Shape.CAPITALIZED
        return right if joinable else None
    if word == "&":
        return following + 1 if _joinable(tokens, following + 1) else None
    if word == "and":
        return _and_join(tokens, last, facts)
    return None


def _joinable(tokens: tuple[Token, ...], index: int) -> bool:
    return (
        index < len(tokens) and tokens[index].shape in NAME_SHAPES and _can_continue(tokens, index)
    )


def _numbered(tokens: tuple[Token, ...], index: int) -> bool:
    """`Zed 5`, `Model 3`: a short number after a name, not a count (`… 3 times`)."""
    if not _SHORT_NUMBER.fullmatch(tokens[index].text) or tokens[index].blocked:
        return False
    return index + 1 >= len(tokens) or tokens[index + 1].lower not in COUNTED_NOUNS


def _and_join(tokens: tuple[Token, ...], last: int, facts: DocumentFacts) -> int | None:
    """`World War I and II`, `Food and Drug Administration`; never `Acme and Zenith`."""
    right = last + 2
    if not _joinable(tokens, right) and not (
        right < len(tokens) and tokens[right].lower in ROMAN_NUMERALS and tokens[right].attached
    ):
        return None
    left = tokens[last]
    if (left.lower in ROMAN_NUMERALS or left.text == "I") and tokens[right].lower in ROMAN_NUMERALS:
        return right
    if not is_common(left, facts):
        return None
    end = right
    while end + 1 < len(tokens) and _can_continue(tokens, end + 1):
        end += 1
    if tokens[end].lower in ORG_SUFFIXES or tokens[end].lower in EVENT_WORDS:
        return right
    return None
