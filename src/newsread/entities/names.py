"""The named-entity pass: people, organisations, places, products, events and the rest.

A rule-based first pass, built from general English cues only (no list of
particular names): find capitalised runs (`candidates`), weigh what each
mention's neighbours say (`cues`), and give every name one label for the whole
document (`resolve`). A statistical tagger can later replace this pass behind
the same signature (`NameFinder`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from newsread.entities.candidates import find_mentions, gather_facts
from newsread.entities.prose import Prose
from newsread.entities.resolve import resolve
from newsread.entities.tokens import sentences
from newsread.model import Entity


class NameFinder(Protocol):
    """The seam a statistical tagger plugs into: same inputs, same guarantees."""

    def __call__(self, original: str, prose: Prose, numeric: Sequence[Entity]) -> list[Entity]:
        """Named entities in `original`, never overlapping `numeric`, in text order."""
        ...


def find_names(original: str, prose: Prose, numeric: Sequence[Entity]) -> list[Entity]:
    """Named entities in `original`, given its masked form and the number-shaped spans.

    Names never overlap `numeric` (sorted, disjoint spans): words inside them
    cannot be part of a name.
    """
    parsed = sentences(original, prose, numeric)
    facts = gather_facts(parsed)
    mentions = find_mentions(original, parsed, facts)
    return resolve(mentions, facts)
