"""Holidays are events, whatever the tagger made of them.

The tagger learned from August news, which names no holiday: it takes
`Christmas` for a place or an organisation and misses `New Year` after
`before`. A holiday's name (`lexicon.HOLIDAYS`) is an EVENT in every
mention, MISC to CoNLL as the annotators of its December test news marked
them, unless it opens a longer name (`Christmas Island`, `Easter Rising`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from newsread.entities.identity import name_key
from newsread.entities.lexicon import HOLIDAYS
from newsread.model import Entity


def _written(name: str) -> list[str]:
    """The ways a casefolded holiday's name is capitalised: Title Case (`New Year's Eve`,
    `Eid al-Fitr`) and capitals."""
    title = re.sub(r"['’]S\b", "'s", name.title()).replace("Al-", "al-")
    return [title, name.upper()]


def _pattern(name: str) -> str:
    """A holiday's name as a regex: any spaces, wire text's spaced `'s`, either apostrophe."""
    words = [re.escape(word) for word in name.split()]
    return re.sub(r"'[sS]", r"[ \\t]?['’][sS]", r"[ \t]+".join(words))


_HOLIDAY: Final = re.compile(
    "(?:"
    + "|".join(
        _pattern(written)
        for written in sorted(
            {written for name in HOLIDAYS for written in _written(name)}, key=len, reverse=True
        )
    )
    + r")(?![\w'’-])(?![ \t]+[A-Z][a-z])"
)
"""A holiday's name not run on into a capitalised word (`Easter Island`). Case-sensitive and
with no look behind, which lets the regex engine skip to the names' first letters: testing
every position of every text otherwise costs a tenth of the tagging."""
_WORD_BEFORE: Final = re.compile(r"[\w'’-]")


def with_holidays(text: str, entities: Sequence[Entity], taken: Sequence[Entity]) -> list[Entity]:
    """`entities` with every holiday named in `text` an EVENT spanning its whole name.

    Names inside a holiday's are replaced by it (`New Year` of `New Year 's Eve`); a name
    running past it is left alone, and so is a holiday touching a number's span (`taken`).
    A name in small letters (`easter`) is no holiday's.
    """
    holidays: list[Entity] = []
    for match in _HOLIDAY.finditer(text):
        start, end = match.span()
        if start and _WORD_BEFORE.match(text, start - 1):
            continue
        written = match.group()
        if any(e.start < end and start < e.end for e in taken):
            continue
        if any(
            e.start < end and start < e.end and (e.start < start or e.end > end) for e in entities
        ):
            continue
        holidays.append(Entity(start, end, "EVENT", written, name_key(written)))
    if not holidays:
        return list(entities)
    kept = [e for e in entities if not any(h.start <= e.start and e.end <= h.end for h in holidays)]
    return sorted(kept + holidays, key=lambda e: (e.start, e.end))
