"""Entity extraction: `extract(text)` finds the people, organisations, places, sums and dates.

INTERFACE STUB — the entities helper replaces this.
"""

from __future__ import annotations

from newsread.model import Entity


def extract(text: str) -> list[Entity]:
    """Return the entities in `text`: sorted by offset, never overlapping."""
    return []
