"""Numbers about an article: words, reading time, and how many entities of each kind."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from newsread.model import ENTITY_LABELS, Entity

WORDS_PER_MINUTE: Final = 230
_LETTER_OR_DIGIT: Final = re.compile(r"[^\W_]")


def word_count(body: str) -> int:
    """How many words `body` has; Markdown markup standing alone (`##`, `-`, `>`) is not counted.

    A word is a run of non-space characters holding at least one letter or digit.
    """
    # Split first: one pattern matching whole words backtracks quadratically on long
    # runs of punctuation (`\*\*\*…`), which hostile bodies contain.
    return sum(map(bool, map(_LETTER_OR_DIGIT.search, body.split())))


def reading_minutes(body: str) -> int:
    """Minutes to read `body` at 230 words a minute, rounded to the nearest minute, at least 1."""
    return max(1, (word_count(body) + WORDS_PER_MINUTE // 2) // WORDS_PER_MINUTE)


def entity_counts(entities: Sequence[Entity]) -> dict[str, int]:
    """How many different things of each label `entities` name, in `ENTITY_LABELS` order.

    Mentions sharing an identity key are one thing (`Doosan` after `Doosan
    Enerbility`, `X` and `𝕏`); without a key, names are compared ignoring case
    and spacing. So an article that names the same company ten times counts
    one organisation. Labels with no entity are left out; unknown labels
    follow the known ones, alphabetically.
    """
    names: dict[str, set[str]] = {}
    for entity in entities:
        name = entity.key or " ".join(entity.text.casefold().split())
        names.setdefault(entity.label, set()).add(name)
    known = [label for label in ENTITY_LABELS if label in names]
    unknown = sorted(label for label in names if label not in ENTITY_LABELS)
    return {label: len(names[label]) for label in [*known, *unknown]}
