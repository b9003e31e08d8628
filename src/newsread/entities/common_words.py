"""Common words in capitals are not names.

Three general cases the tagger gets wrong: a Roman numeral standing alone
(`Colossus I and II`), an ordinary noun capitalised for emphasis after
`the` (a word training met in lowercase but never spelled so),
and ordinary words that open a title (`Update: …`, `Wire story 3`), which
are capitalised because they come first and are a name only if the body
names them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, Protocol

from newsread.entities.identity import NAME_LABELS, name_key
from newsread.model import Entity

_ROMAN: Final = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")
"""Roman numerals of two letters or more (`II`, `XIV`); a lone `X` or `V` may be a name."""
_THE_BEFORE: Final = re.compile(r"(?<![\w-])[Tt]he[ \t]+$")


class Vocabulary(Protocol):
    """What training met: the tagger answers these (`tagger.Tagger`)."""

    def met_as_written(self, word: str) -> bool: ...

    def met_in_lowercase(self, word: str) -> bool: ...


def is_roman_numeral(word: str) -> bool:
    """`II`, `IV`, `XIV`: a Roman numeral of two letters or more."""
    return _ROMAN.fullmatch(word) is not None


def drop_common_words(
    text: str, entities: Sequence[Entity], vocabulary: Vocabulary
) -> list[Entity]:
    """`entities` without lone Roman numerals and without nouns capitalised after `the`.

    A name is such a noun when every one of its mentions is one word right
    after `the`, spelled in a way training never met but known in lowercase.
    """
    keys = [name_key(e.text) for e in entities]
    emphasised: dict[str, bool] = {}
    for key, entity in zip(keys, entities, strict=True):
        # One mention that is not such a noun decides for the name.
        if emphasised.get(key, True):
            emphasised[key] = _emphasised(text, entity, vocabulary)
    return [
        e
        for key, e in zip(keys, entities, strict=True)
        if not (e.text[:1] in _ROMAN_LETTERS and is_roman_numeral(e.text))
        and not (e.label in NAME_LABELS and emphasised[key])
    ]


_ROMAN_LETTERS: Final = frozenset("IVX")
"""What a Roman numeral of `_ROMAN` starts with: a cheap test before the pattern."""


def _emphasised(text: str, entity: Entity, vocabulary: Vocabulary) -> bool:
    word = entity.text
    return (
        word.isalpha()
        and word[0].isupper()
        and word[1:].islower()
        and _THE_BEFORE.search(text, max(0, entity.start - 8), entity.start) is not None
        and not vocabulary.met_as_written(word)
        and vocabulary.met_in_lowercase(word)
    )


def drop_unproven_opener(
    title: str, entities: Sequence[Entity], body: Sequence[Entity], vocabulary: Vocabulary
) -> list[Entity]:
    """A title's entities without the name that opens it, when that is ordinary words.

    `entities` are the title's, `body` the body's (with keys). The opening name
    goes when the body never names it and each of its words is a capitalised
    word that training met in lowercase, or a number (`Wire Story Update 3`).
    """
    if not entities:
        return list(entities)
    first = entities[0]
    words = first.text.split()
    if (
        title[: first.start].strip()
        or first.label not in NAME_LABELS
        or not any(word.isalpha() for word in words)
        or not all(word.isdigit() or _ordinary(word, vocabulary) for word in words)
        or first.key in {e.key for e in body}
    ):
        return list(entities)
    return list(entities[1:])


def _ordinary(word: str, vocabulary: Vocabulary) -> bool:
    """A capitalised common word: `Wire`, `Update` (training met `wire`, `update`)."""
    return (
        word.isalpha()
        and word[0].isupper()
        and word[1:].islower()
        and vocabulary.met_in_lowercase(word)
    )
