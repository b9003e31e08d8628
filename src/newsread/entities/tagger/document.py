"""Each token's context and document flags, for a whole document at once."""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt

from newsread.entities.tagger.features import (
    CAPS,
    HAS_LETTER,
    HAS_LOWERCASE,
    INITIAL,
    IS_CAPITALISED,
    IS_LOWER,
    NORMAL,
    STARTS_ALNUM,
    TITLE,
)
from newsread.entities.tagger.lexicon import Lexicon

Ints = npt.NDArray[np.int64]


def contexts_and_flags(
    lexicon: Lexicon, ids: Ints, starts: Ints, headlines: npt.NDArray[np.bool_]
) -> tuple[Ints, Ints]:
    """Context (`features.CONTEXTS`) and flags (`features.FLAGS`) of every token.

    `ids` are the document's tokens (lexicon indices), `starts` where each
    sentence begins, `headlines` which sentences lie on a Title Case line.
    """
    _, lowers, bits = lexicon.facts_of(ids)
    seen = np.zeros(lexicon.lower_count, dtype=np.uint8)
    return contexts_and_flags_of(np.ascontiguousarray(lowers), bits, seen, starts, headlines)


def contexts_and_flags_of(
    lowers: Ints,
    bits: Ints,
    seen: npt.NDArray[np.uint8],
    starts: Ints,
    headlines: npt.NDArray[np.bool_],
    always_capitalised: npt.NDArray[np.bool_] | None = None,
) -> tuple[Ints, Ints]:
    """`contexts_and_flags` given the tokens' lowercase forms and bits (`Lexicon.facts_of`).

    `seen` is all zeros, one entry per lowercase form the lexicon has (every
    one of `lowers` is below its length); it is left all zeros again, so a
    caller may keep it for the next document. A token `always_capitalised` marks
    keeps the normal context even opening a sentence: its capital says as much there.
    """
    count = len(bits)
    ends = np.empty(len(starts) + 1, dtype=np.int64)
    ends[:-1] = starts
    ends[-1] = count
    lengths = ends[1:] - starts
    # A sentence with letters but no lowercase one is a capitals line; else
    # one on a Title Case line is a title; else it is normal.
    sentence_context = _SENTENCE_CONTEXT.take(np.bitwise_or.reduceat(bits, starts) * 2 + headlines)
    context = sentence_context.repeat(lengths)

    # Each sentence's first token that starts with a letter or digit (else its
    # first token) is its initial word: the least position, where a position
    # not starting so is made larger than any other by a high bit.
    high = max(count, 1).bit_length()
    positions = np.arange(count)
    keys = bits & STARTS_ALNUM
    keys ^= STARTS_ALNUM
    keys <<= high
    keys |= positions
    first = np.minimum.reduceat(keys, starts)
    first &= (1 << high) - 1
    normal = context == NORMAL
    initial = first[sentence_context == NORMAL]
    if always_capitalised is not None:
        initial = initial[~always_capitalised[initial]]
    context[initial] = INITIAL

    capitalised = (bits & IS_CAPITALISED) > 0
    seen[lowers[normal & ((bits & IS_LOWER) > 0)]] = _SEEN_LOWER
    mid_sentence = positions > first.repeat(lengths)
    seen[lowers[normal & capitalised & mid_sentence]] |= _SEEN_INSIDE
    found = seen.take(lowers)
    seen[lowers] = 0
    # Seen capitalised mid-sentence: `C` for a token elsewhere, `c` for one itself mid-sentence.
    flags = _FLAGS_OF.take(found * 4 + (context == NORMAL) * 2 + capitalised)
    return context, flags


_SEEN_LOWER, _SEEN_INSIDE = 1, 2
"""What the document shows of a lowercase form: in lowercase; capitalised mid-sentence."""


def _sentence_contexts() -> Ints:
    """A sentence's context by `2 * (the OR of its tokens' case bits) + (on a Title Case line)`."""
    table = np.full(2 * (STARTS_ALNUM * 2), NORMAL, dtype=np.int64)
    for case in range(STARTS_ALNUM * 2):
        for headline in (0, 1):
            if case & (HAS_LETTER | HAS_LOWERCASE) == HAS_LETTER:
                table[2 * case + headline] = CAPS
            elif headline:
                table[2 * case + headline] = TITLE
    return table


def _flag_table() -> Ints:
    """A token's `features.FLAGS` index by `4 * found + 2 * (normal context) + capitalised`."""
    table = np.zeros(16, dtype=np.int64)
    for found in range(4):
        for normal in (0, 1):
            lower = found & _SEEN_LOWER
            inside = (4 if normal else 2) if found & _SEEN_INSIDE else 0
            table[4 * found + 2 * normal + 1] = lower + inside
    return table


_SENTENCE_CONTEXT: Final = _sentence_contexts()
_FLAGS_OF: Final = _flag_table()
