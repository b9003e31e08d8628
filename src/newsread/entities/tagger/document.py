"""Each token's context and document flags, for a whole document at once."""

from __future__ import annotations

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
    return contexts_and_flags_of(lowers, bits, lexicon.lower_count, starts, headlines)


def contexts_and_flags_of(
    lowers: Ints, bits: Ints, lower_count: int, starts: Ints, headlines: npt.NDArray[np.bool_]
) -> tuple[Ints, Ints]:
    """`contexts_and_flags` given the tokens' lowercase forms and bits (`Lexicon.facts_of`).

    `lower_count` is the lexicon's: every lowercase form is below it.
    """
    count = len(bits)
    lengths = np.empty_like(starts)
    lengths[:-1] = starts[1:] - starts[:-1]
    lengths[-1] = count - starts[-1]
    # A sentence with letters but no lowercase one is a capitals line.
    sentence_case = np.bitwise_or.reduceat(bits, starts) & (HAS_LETTER | HAS_LOWERCASE)
    sentence_context = np.where(sentence_case == HAS_LETTER, CAPS, headlines * TITLE)
    context = np.repeat(sentence_context, lengths)

    # Each sentence's first token that starts with a letter or digit (else its
    # first token) is its initial word.
    positions = np.arange(count)
    alnum = np.where(bits & STARTS_ALNUM, positions, count)
    first = np.minimum.reduceat(alnum, starts)
    first = np.where(first < starts + lengths, first, starts)
    normal = context == NORMAL
    context[first[sentence_context == NORMAL]] = INITIAL

    capitalised = (bits & IS_CAPITALISED) > 0
    seen = np.zeros(lower_count, dtype=np.uint8)
    seen[lowers[normal & ((bits & IS_LOWER) > 0)]] = _SEEN_LOWER
    mid_sentence = positions > np.repeat(first, lengths)
    seen[lowers[normal & capitalised & mid_sentence]] |= _SEEN_INSIDE
    found = seen.take(lowers)
    # Seen capitalised mid-sentence: `C` for a token elsewhere, `c` for one itself mid-sentence.
    inside_flag = np.where(found & _SEEN_INSIDE, np.where(context == NORMAL, 4, 2), 0)
    flags = np.where(capitalised, (found & _SEEN_LOWER) + inside_flag, 0)
    return context, flags


_SEEN_LOWER, _SEEN_INSIDE = 1, 2
"""What the document shows of a lowercase form: in lowercase; capitalised mid-sentence."""
