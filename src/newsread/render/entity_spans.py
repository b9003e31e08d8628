"""Lay entity styles onto rendered text, using each character's source offset."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence

from rich.style import Style
from rich.text import Text

from newsread.model import Entity
from newsread.render.source_align import Offsets
from newsread.render.styles import entity_style


class EntityIndex:
    """Entities sorted and made non-overlapping, ready to answer "which entity covers offset N"."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        kept: list[Entity] = []
        for entity in sorted(entities, key=lambda item: (item.start, -item.end)):
            if entity.start < 0 or entity.end <= entity.start:
                continue
            if kept and entity.start < kept[-1].end:
                continue
            kept.append(entity)
        self.entities = kept
        self._starts = [entity.start for entity in kept]

    def covering(self, offset: int) -> Entity | None:
        """The entity whose [start, end) contains `offset`, if any."""
        position = bisect_right(self._starts, offset) - 1
        if position >= 0 and offset < self.entities[position].end:
            return self.entities[position]
        return None

    def between(self, start: int, end: int) -> list[Entity]:
        """The entities that overlap the source range [start, end)."""
        first = max(0, bisect_right(self._starts, start) - 1)
        last = bisect_left(self._starts, end)
        return [entity for entity in self.entities[first:last] if entity.end > start]


EntityOverlay = Callable[[Entity], Style | None]
"""An extra style for one entity, laid over its label's (None for none); called with the
very `Entity` objects the renderer was given, so a caller may pick one out by identity."""


def apply_entity_styles(
    text: Text,
    offsets: Offsets,
    index: EntityIndex,
    styles: Mapping[str, Style] | None,
    overlay: EntityOverlay | None = None,
) -> None:
    """Style the characters whose source offsets fall inside each entity.

    Relies on the mapped offsets never decreasing along the text, which holds
    because the source cursor only moves forward.
    """
    positions = [position for position, offset in enumerate(offsets) if offset is not None]
    if not positions:
        return
    mapped = [offsets[position] or 0 for position in positions]
    for entity in index.between(mapped[0], mapped[-1] + 1):
        first = bisect_left(mapped, entity.start)
        last = bisect_left(mapped, entity.end)
        if first >= last:
            continue
        start, end = positions[first], positions[last - 1] + 1
        style = entity_style(entity.label, styles)
        if style is not None:
            text.stylize(style, start, end)
        extra = overlay(entity) if overlay is not None else None
        if extra is not None:
            text.stylize(extra, start, end)
