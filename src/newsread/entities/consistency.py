"""A name the tagger found once is a name wherever it appears in the article.

The tagger decides each mention from its own few neighbours, so it sometimes
passes over a later mention it found elsewhere (`… will work on Mars.`). Every
other occurrence of the exact text of a name it found becomes a mention too,
with that name's label; the article-wide vote (`evidence`) settles the label.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Final

from newsread.model import Entity

_JOINERS_BEFORE: Final = "_@&.'’-"
_APOSTROPHES_AND_HYPHENS: Final = "-'’"


def repeat_mentions(
    masked: str, entities: Sequence[Entity], taken: Sequence[Entity]
) -> list[Entity]:
    """`entities` plus every other occurrence of their texts in `masked`, in text order.

    New mentions never overlap `entities` or `taken` (number-shaped spans).
    Only capitalised names are repeated, so a lowercase word is never a name
    merely because it is spelled like one.
    """
    labels: dict[str, str] = {}
    for entity in entities:
        if entity.text[:1].isupper() or entity.text[:1] == "@":
            labels.setdefault(entity.text, entity.label)
    if not labels:
        return list(entities)
    occupied = sorted((e.start, e.end) for e in [*entities, *taken])
    added: list[Entity] = []
    # Longer names first, so `Acme Holdings` is claimed before `Acme` inside it.
    for name in sorted(labels, key=len, reverse=True):
        for start in _occurrences(masked, name):
            end = start + len(name)
            index = bisect_right(occupied, (start, end))
            if index and occupied[index - 1][1] > start:
                continue
            if index < len(occupied) and occupied[index][0] < end:
                continue
            occupied.insert(index, (start, end))
            added.append(Entity(start, end, labels[name], name))
    if not added:
        return list(entities)
    return sorted([*entities, *added], key=lambda e: e.start)


def _occurrences(text: str, name: str) -> list[int]:
    """Offsets where `name` stands as whole words (`Acme` in `Acme’s`, not in `Acmes`)."""
    found: list[int] = []
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        before = text[start - 1] if start else " "
        after = text[end : end + 2]
        if (
            not (before.isalnum() or before in _JOINERS_BEFORE)
            and not (after[:1].isalnum() or after[:1] in "_&")
            and not (
                after[:1] in _APOSTROPHES_AND_HYPHENS and after[1:2].isalnum() and after[1:2] != "s"
            )
        ):
            found.append(start)
        start = text.find(name, start + 1)
    return found


def _joined_after(after: str) -> bool:
    """`-based`, `’d`: the word goes on past the name (a possessive `’s` does not)."""
    return after[:1] in _APOSTROPHES_AND_HYPHENS and after[1:2].isalnum() and after[1:2] != "s"
