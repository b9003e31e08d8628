"""Entity extraction: `extract(text)` finds the people, organisations, places, sums and dates.

The text is an article body in Markdown. The work is done by the trained
tagger and the evidence around it (`statistical`); that module, numpy and the
model are loaded on the first call, so importing this package costs nothing.
"""

from __future__ import annotations

from newsread.model import Entity

__all__ = ["extract"]


def extract(text: str) -> list[Entity]:
    """Return the entities in `text`: sorted by offset, never overlapping.

    Every entity satisfies `text[e.start:e.end] == e.text`, lies within one
    line, contains no Markdown syntax, and carries an identity `key` shared by
    every mention of the same thing (`Musk` after `Elon Musk`).
    """
    from newsread.entities.statistical import extract_statistical

    return extract_statistical(text)
