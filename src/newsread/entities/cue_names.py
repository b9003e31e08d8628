"""Organisations the tagger passed over where the words leave no doubt.

Two general shapes: capitalised words ending in a company designator
(`Acme Holdings`, `Zenith Group`, `Orbital Labs Inc`), and a capitalised word
right after `made by`, `built by`, `developed by` and the like. They are
added only where no other entity lies.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Final

from newsread.entities.lexicon import FUNCTION_WORDS
from newsread.model import Entity

_DESIGNATORS: Final = (
    "Inc|Corp|Corporation|Ltd|LLC|PLC|Plc|AG|GmbH|Group|Holdings|Partners|Capital|"
    "Ventures|Investments|Technologies|Labs|Robotics|Industries|Enterprises|Bancorp"
)
_DESIGNATOR_WORDS: Final = tuple(_DESIGNATORS.split("|"))
_WORD: Final = r"[A-Z][\w&'’-]*"
_COMPANY: Final = re.compile(
    rf"(?<![\w@.’'-])(?:{_WORD}[ \t]+){{1,3}}(?:{_DESIGNATORS})(?![\w’'-])"
)
_MAKER_VERBS: Final = (
    "made",
    "built",
    "developed",
    "designed",
    "manufactured",
    "produced",
    "owned",
    "operated",
)
_MAKER: Final = re.compile(
    rf"\b(?:{'|'.join(_MAKER_VERBS)})[ \t]+by[ \t]+"
    rf"({_WORD}(?:[ \t]+{_WORD}){{0,2}})(?![\w’'-])"
)


def find_cue_names(
    masked: str, entities: Sequence[Entity], taken: Sequence[Entity]
) -> list[Entity]:
    """`entities` plus organisations found by shape or cue where nothing else lies."""
    occupied = sorted((e.start, e.end) for e in [*entities, *taken])
    added: list[Entity] = []
    for start, end in [*_companies(masked), *_makers(masked)]:
        if not _free(occupied, start, end):
            continue
        added.append(Entity(start, end, "ORG", masked[start:end]))
        occupied.insert(bisect_right(occupied, (start, end)), (start, end))
    if not added:
        return list(entities)
    return sorted([*entities, *added], key=lambda e: e.start)


def _companies(masked: str) -> list[tuple[int, int]]:
    # Few articles hold a designator at all: plain substring checks rule out the rest.
    if not any(word in masked for word in _DESIGNATOR_WORDS):
        return []
    found: list[tuple[int, int]] = []
    for match in _COMPANY.finditer(masked):
        start, end = match.span()
        words = match.group().split()
        # A capitalised function word (`The`, `In`) opens the sentence, not the name.
        while len(words) > 2 and words[0].casefold() in FUNCTION_WORDS:
            start = masked.index(words[1], start + len(words[0]))
            words.pop(0)
        if words[0].casefold() not in FUNCTION_WORDS:
            found.append((start, end))
    return found


def _makers(masked: str) -> list[tuple[int, int]]:
    if not any(verb in masked for verb in _MAKER_VERBS):
        return []
    return [match.span(1) for match in _MAKER.finditer(masked)]


def _free(occupied: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect_right(occupied, (start, end))
    if index and occupied[index - 1][1] > start:
        return False
    return not (index < len(occupied) and occupied[index][0] < end)
