"""Entity extraction: `extract(text)` finds the people, organisations, places, sums and dates.

The text is an article body in Markdown. The work is done by the trained
tagger and the evidence around it (`statistical`); that module, numpy and the
model are loaded on the first call, so importing this package costs nothing.
"""

from __future__ import annotations

from newsread.model import Entity

__all__ = ["extract", "extract_titled"]


def extract(text: str) -> list[Entity]:
    """Return the entities in `text`: sorted by offset, never overlapping.

    Every entity satisfies `text[e.start:e.end] == e.text`, lies within one
    line, contains no Markdown syntax, and carries an identity `key` shared by
    every mention of the same thing (`Musk` after `Elon Musk`).
    """
    from newsread.entities.statistical import extract_statistical

    return extract_statistical(text)


def extract_titled(title: str, body: str) -> tuple[list[Entity], list[Entity]]:
    """Return the entities of an article's `title` and of its `body`, each as `extract` does.

    The two are read as one document, the title as a line after the body, so
    a name in the title takes the label and key the body's evidence decides
    (`Tesla` in a headline is the company the body names). A title's opening
    word that is an ordinary word (`Update`, `Wire`) is a name only when the
    body names it. Offsets are into `title` and into `body` respectively.
    """
    from newsread.entities.common_words import drop_unproven_opener
    from newsread.entities.tagger import shared_tagger

    line = title.replace("\r", " ").replace("\n", " ")
    shift = len(body) + 1
    found = extract(body + "\n" + line)
    in_body = [e for e in found if e.end <= len(body)]
    in_title = [
        Entity(e.start - shift, e.end - shift, e.label, e.text, e.key)
        for e in found
        if e.start >= shift
    ]
    in_title = drop_unproven_opener(line, in_title, in_body, shared_tagger())
    return [e for e in in_title if title[e.start : e.end] == e.text], in_body
