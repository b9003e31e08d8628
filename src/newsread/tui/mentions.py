"""Where an article mentions each entity: the title's and the body's mentions, in reading order.

The entity panel counts mentions by identity key (`Musk` and `Elon Musk` are
one person); this module gives the article view the same keys for the
entities it draws, so "highlight this entity" and "jump to its next mention"
agree with the counts the panel shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsread.model import Entity

# Identity keys (`entity_index`, `identity`) load with the first article shown: the
# reader's first frame shows none.


def keyed_title_entities(body: Sequence[Entity], title: Sequence[Entity]) -> list[Entity]:
    """`title`'s entities, each keyed as the body names it (a title's `Musk` → `elon musk`).

    Labels are left as the title had them; only the keys are made to agree.
    """
    if not title:
        return []
    from newsread.entities.identity import unify
    from newsread.library.entity_index import entity_key

    together = unify([*body, *title])
    return [
        replace(entity, key=entity_key(unified))
        for entity, unified in zip(title, together[len(body) :], strict=True)
    ]


@dataclass(frozen=True, slots=True)
class Mentions:
    """Every mention of one entity in an article: the title's first, then the body's."""

    key: str
    entities: tuple[Entity, ...]
    """The mentions, in reading order; each is the very object the renderer is given."""
    in_title: int
    """How many of them (the first ones) are in the title."""

    def __len__(self) -> int:
        return len(self.entities)

    def step(self, current: int | None, step: int) -> int | None:
        """The position `step` mentions after `current` (wrapping); the first or last if none."""
        if not self.entities:
            return None
        if current is None:
            return 0 if step > 0 else len(self.entities) - 1
        return (current + step) % len(self.entities)


def mentions_of(key: str, title: Sequence[Entity], body: Sequence[Entity]) -> Mentions:
    """The mentions of entity `key` in an article's `title` and `body` entities."""
    from newsread.library.entity_index import entity_key

    in_title = tuple(entity for entity in title if entity_key(entity) == key)
    in_body = tuple(entity for entity in body if entity_key(entity) == key)
    return Mentions(key=key, entities=in_title + in_body, in_title=len(in_title))
