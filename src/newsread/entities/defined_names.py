"""A name an acronym in brackets spells out is one name: `Full Self-Driving (FSD)`.

An article that defines an acronym writes the name out first and the acronym
after it in brackets (`Confederation of British Industry ( CBI )`). Where the
capitalised words before the brackets spell the acronym, they are one name of
the acronym's kind, whatever pieces the tagger made of them: in eng.train and
eng.testa 81 of the 89 such spelled-out names are one name of the acronym's
label, 6 more end a longer one (`Iraqi Kurdish Patriotic Union of Kurdistan (
PUK )`, which a name running out of the words keeps whole), and the other 2
(`Global Depositary Receipts ( GDRs )`) have an acronym that is no name either,
which this leaves alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from newsread.entities.identity import NAME_LABELS, name_key
from newsread.entities.merge import names_within
from newsread.model import Entity

_DEFINED: Final = re.compile(r"[ \t]\([ \t]?([A-Z][A-Z&]*[A-Z](?:s|[A-Z]*))[ \t]?\)")
"""An acronym in brackets after a space: `(FSD)`, `( CBI )`, `( GDRs )`."""
_WORD: Final = re.compile(r"[^ \t\n]+")
_SMALL_WORDS: Final = frozenset(["of", "and", "for", "the", "on", "in", "de", "du", "des", "&"])
"""Words a spelled-out name may hold that its acronym leaves out."""
_LONGEST: Final = 10
"""The most words a spelled-out name is looked for in."""


def join_defined_names(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`entities` with every name an acronym in brackets after it spells out one name of the
    acronym's label (`Full Self-Driving (FSD)`, `Patriotic Union of Kurdistan ( PUK )`),
    where the acronym is a name and no name runs out of the spelled-out words. Where the
    words were one name already, the acronym takes its label instead: the name says more."""
    result = list(entities)
    starts = [entity.start for entity in result]
    for defined in _DEFINED.finditer(text):
        acronym = bisect_left(starts, defined.start(1))
        if acronym == len(result) or starts[acronym] != defined.start(1):
            continue
        label = result[acronym].label
        if label not in NAME_LABELS or result[acronym].end != defined.end(1):
            continue
        span = _spelled_out(text, defined.start(), defined.group(1))
        if span is None:
            continue
        start, end = span
        inside = names_within(result, starts, start, end)
        if inside is None:
            continue
        first, last = inside.start, inside.stop
        if last == first + 1 and (result[first].start, result[first].end) == span:
            named = result[first].label
            if named != label and named in NAME_LABELS:
                result[acronym] = replace(result[acronym], label=named)
            continue
        name = text[start:end]
        result[first:last] = [Entity(start, end, label, name, name_key(name))]
        starts[first:last] = [start]
    return result


def _spelled_out(text: str, bracket: int, acronym: str) -> tuple[int, int] | None:
    """The span of the capitalised words ending at `bracket` that `acronym` abbreviates."""
    letters = acronym.removesuffix("s").replace("&", "")
    line_start = text.rfind("\n", 0, bracket) + 1
    words = list(_WORD.finditer(text, max(line_start, bracket - 160), bracket))
    run: list[re.Match[str]] = []
    for word in reversed(words):
        written = word.group()
        if not (written[:1].isupper() or written in _SMALL_WORDS) or len(run) == _LONGEST:
            break
        run.insert(0, word)
    for first in range(len(run)):
        opening = run[first].group()
        if not opening[:1].isupper():
            continue
        spelled = [word.group() for word in run[first:] if word.group() not in _SMALL_WORDS]
        if len(spelled) < 2:
            return None
        initials = "".join(word[0] for word in spelled)
        parts = "".join(part[0] for word in spelled for part in word.split("-") if part)
        if letters in (initials.upper(), parts.upper()):
            return run[first].start(), run[-1].end()
    return None
