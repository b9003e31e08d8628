"""The tag set (BIO over four name types) and the step from tags to spans."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

TYPES: Final = ("PER", "ORG", "LOC", "MISC")
"""The name types the tagger learns, as the training data calls them."""
TAGS: Final = ("O", *(f"{prefix}-{kind}" for kind in TYPES for prefix in ("B", "I")))
"""Every tag: outside, or the beginning / inside of a name of one type."""
TAG_INDEX: Final = {tag: index for index, tag in enumerate(TAGS)}

IMPOSSIBLE: Final = -1e9
"""Score of a transition the tag scheme forbids (`O` → `I-PER`)."""


def allowed_transitions() -> npt.NDArray[np.float32]:
    """`(tags + 1, tags)`: 0 where a step is allowed, else `IMPOSSIBLE`; last row: the start."""
    table = np.zeros((len(TAGS) + 1, len(TAGS)), dtype=np.float32)
    for to, tag in enumerate(TAGS):
        if not tag.startswith("I-"):
            continue
        for before, previous in enumerate(TAGS):
            if previous[2:] != tag[2:]:
                table[before, to] = IMPOSSIBLE
        table[len(TAGS), to] = IMPOSSIBLE
    return table


def from_iob1(labels: Sequence[str]) -> list[int]:
    """CoNLL's IOB1 labels (`I-` unless two names touch) as indices into `TAGS` (BIO)."""
    tags: list[int] = []
    previous = "O"
    for label in labels:
        if label == "O":
            tags.append(0)
        else:
            prefix, kind = label.split("-", 1)
            begins = prefix == "B" or previous == "O" or previous[2:] != kind
            tags.append(TAG_INDEX[("B-" if begins else "I-") + kind])
        previous = label
    return tags


def spans(tags: Sequence[int]) -> list[tuple[int, int, str]]:
    """`(first token, last token + 1, type)` for each name in a tag sequence."""
    found: list[tuple[int, int, str]] = []
    start = -1
    kind = ""
    for index, tag in enumerate(tags):
        name = TAGS[tag]
        if start >= 0 and not (name.startswith("I-") and name[2:] == kind):
            found.append((start, index, kind))
            start = -1
        if name.startswith("B-") or (start < 0 and name.startswith("I-")):
            start, kind = index, name[2:]
    if start >= 0:
        found.append((start, len(tags), kind))
    return found


def document_spans(
    tags: npt.NDArray[np.int64], sentence_starts: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """`spans` of every sentence of a document at once: first tokens, ends, type indices.

    A name never runs across a sentence start; type indices are into `TYPES`.
    """
    named = tags > 0
    kinds = (tags - 1) >> 1
    # An `I-` tag (even, past `O`) right after a tag of its type continues a name.
    continues = np.zeros(len(tags) + 1, dtype=bool)
    continues[1:-1] = (kinds[1:] == kinds[:-1]) & named[:-1]
    continues[1:-1] &= (tags[1:] & 1) == 0
    continues[sentence_starts] = False
    firsts = (named & ~continues[:-1]).nonzero()[0]
    # A name's last token is a named one that the next token does not continue.
    ends = (named & ~continues[1:]).nonzero()[0] + 1
    return firsts, ends, kinds[firsts]
