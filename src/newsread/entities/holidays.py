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


def _pattern(name: str) -> str:
    """A holiday's name as a regex: any spaces, wire text's spaced `'s`, either apostrophe."""
    words = [re.escape(word) for word in name.split()]
    return r"[ \t]+".join(words).replace("'s", r"[ \t]?['’]s")


_HOLIDAY: Final = re.compile(
    r"(?<![\w'’-])(?:"
    + "|".join(_pattern(name) for name in sorted(HOLIDAYS, key=len, reverse=True))
    + r")(?![\w'’-])(?![ \t]+(?-i:[A-Z][a-z]))",
    re.IGNORECASE,
)
"""A holiday's name not run on into a capitalised word (`Easter Island`)."""


def _capitalised(name: str) -> bool:
    """Whether each word of a holiday's name opens with a capital, bar `'s` and `al-`."""
    return all(
        word[:1].isupper()
        for word in re.split(r"[ \t-]+", name)
        if word[:1].isalpha() and word not in ("al", "el")
    )


def with_holidays(text: str, entities: Sequence[Entity], taken: Sequence[Entity]) -> list[Entity]:
    """`entities` with every holiday named in `text` an EVENT spanning its whole name.

    Names inside a holiday's are replaced by it (`New Year` of `New Year 's Eve`); a name
    running past it is left alone, and so is a holiday touching a number's span (`taken`).
    A name in small letters (`easter`) or with capitals only inside is no holiday's.
    """
    holidays: list[Entity] = []
    for match in _HOLIDAY.finditer(text):
        written = match.group()
        if not _capitalised(written):
            continue
        start, end = match.span()
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
