"""Entity extraction: `extract(text)` finds the people, organisations, places, sums and dates.

The text is an article body in Markdown. Its syntax is blanked out first
(`prose`), then number-shaped entities are matched (`patterns`) and names are
found around them (`names`); `merge` makes one sorted, non-overlapping list.
"""

from __future__ import annotations

from newsread.entities.identity import unify
from newsread.entities.merge import keep_clean, merge
from newsread.entities.names import NameFinder, find_names
from newsread.entities.patterns import find_patterns
from newsread.entities.prose import mask_markdown
from newsread.model import Entity

__all__ = ["extract"]

_find_names: NameFinder = find_names
"""The named-entity pass in use; a trained tagger replaces it here."""


def extract(text: str) -> list[Entity]:
    """Return the entities in `text`: sorted by offset, never overlapping.

    Every entity satisfies `text[e.start:e.end] == e.text`, lies within one
    line, and contains no Markdown syntax.
    """
    prose = mask_markdown(text)
    numeric = keep_clean(text, prose.text, find_patterns(prose.text))
    names = _find_names(text, prose, numeric)
    return unify(keep_clean(text, prose.text, merge(numeric, names)))
