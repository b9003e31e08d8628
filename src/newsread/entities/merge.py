"""Combine entity spans into one sorted, non-overlapping list."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from operator import attrgetter
from typing import Final

from newsread.model import Entity

_PATTERN_RANK: Final = {"MONEY": 0, "PERCENT": 1, "QUANTITY": 2, "DATE": 3}
_NAME_RANK: Final = len(_PATTERN_RANK)
_start: Final = attrgetter("start")


def resolve_overlaps(entities: Iterable[Entity], rank: Callable[[Entity], int]) -> list[Entity]:
    """Sort by start and drop overlaps: the longer span wins, then the lower `rank`.

    One sweep after sorting: kept spans are disjoint and ordered, so a new span
    can only ever collide with the last one kept.
    """
    ordered = sorted(entities, key=_start)
    if any(left.start == right.start for left, right in pairwise(ordered)):
        # Only spans that start together need the rest of the order.
        ordered.sort(key=lambda e: (e.start, e.start - e.end, rank(e)))
    kept: list[Entity] = []
    end = -1
    for entity in ordered:
        if entity.start < end:
            last = kept[-1]
            if (entity.end - entity.start, -rank(entity)) > (last.end - last.start, -rank(last)):
                kept[-1] = entity
                end = entity.end
            continue
        kept.append(entity)
        end = entity.end
    return kept


def with_added(entities: list[Entity], added: list[Entity]) -> list[Entity]:
    """`entities` (in order) with `added` put among them by start; `entities` itself when
    nothing is added."""
    return sorted([*entities, *added], key=_start) if added else entities


def names_within(
    entities: Sequence[Entity], starts: Sequence[int], start: int, end: int
) -> range | None:
    """The indices of the `entities` (in order, not overlapping; `starts` their starts) that
    lie inside `[start, end)`, or None when one crosses either edge."""
    first = bisect_left(starts, start)
    if first and entities[first - 1].end > start:
        return None
    last = first
    while last < len(entities) and starts[last] < end:
        last += 1
    if last > first and entities[last - 1].end > end:
        return None
    return range(first, last)


def touches_next(entities: Sequence[Entity], index: int, end: int) -> bool:
    """Whether the entity after `entities[index]` (in order) starts before `end`: a name
    stretched to `end` would overlap it."""
    return index + 1 < len(entities) and entities[index + 1].start < end


def merge(patterns: Iterable[Entity], names: Iterable[Entity]) -> list[Entity]:
    """Join number-shaped and named entities; on a tie the number-shaped one wins."""
    combined = [*patterns, *names]
    return resolve_overlaps(combined, lambda e: _PATTERN_RANK.get(e.label, _NAME_RANK))


def keep_clean(original: str, masked: str, entities: Iterable[Entity]) -> list[Entity]:
    """Drop any span that would carry markup, a line break or edge whitespace.

    `masked` is `original` with Markdown syntax blanked out; a span is clean when
    both agree on every character it covers. The finders already avoid such
    spans, so this is the contract's last guard rather than a filter that
    usually bites.
    """
    unmasked = masked == original  # plain prose: nothing was blanked
    clean: list[Entity] = []
    for entity in entities:
        covered = original[entity.start : entity.end]
        if (
            covered
            and covered == entity.text
            and (unmasked or covered == masked[entity.start : entity.end])
            and "\n" not in covered
            and not covered[0].isspace()
            and not covered[-1].isspace()
        ):
            clean.append(entity)
    return clean
