"""Each token's context and document flags, for a whole document at once."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from newsread.entities.tagger.features import CAPS, INITIAL, NORMAL, TITLE
from newsread.entities.tagger.lexicon import (
    HAS_LETTER,
    HAS_LOWERCASE,
    IS_CAPITALISED,
    IS_LOWER,
    STARTS_ALNUM,
    Lexicon,
)

Ints = npt.NDArray[np.int64]


def contexts_and_flags(
    lexicon: Lexicon, ids: Ints, starts: Ints, headlines: npt.NDArray[np.bool_]
) -> tuple[Ints, Ints]:
    """Context (`features.CONTEXTS`) and flags (`features.FLAGS`) of every token.

    `ids` are the document's tokens (lexicon indices), `starts` where each
    sentence begins, `headlines` which sentences lie on a Title Case line.
    """
    count = len(ids)
    lengths = np.empty_like(starts)
    lengths[:-1] = starts[1:] - starts[:-1]
    lengths[-1] = count - starts[-1]
    bits = lexicon.bits[ids]
    sentence_bits = np.bitwise_or.reduceat(bits, starts)
    has_letter = (sentence_bits & HAS_LETTER) > 0
    has_lower = (sentence_bits & HAS_LOWERCASE) > 0
    sentence_context = np.where(
        has_letter & ~has_lower, CAPS, np.where(headlines, TITLE, NORMAL)
    ).astype(np.int64)
    context = np.repeat(sentence_context, lengths)

    positions = np.arange(count)
    alnum = np.where((bits & STARTS_ALNUM) > 0, positions, count)
    first = np.minimum.reduceat(alnum, starts)
    ends = starts + lengths
    first = np.where(first < ends, first, starts)
    first_of_token = np.repeat(first, lengths)
    normal = context == NORMAL
    context[first[sentence_context == NORMAL]] = INITIAL

    lowers = lexicon.lowers[ids]
    capitalised = (bits & IS_CAPITALISED) > 0
    seen_lower = np.zeros(lexicon.lower_count, dtype=bool)
    seen_lower[lowers[normal & ((bits & IS_LOWER) > 0)]] = True
    seen_inside = np.zeros(lexicon.lower_count, dtype=bool)
    seen_inside[lowers[normal & capitalised & (positions > first_of_token)]] = True
    lower_flag = seen_lower[lowers].astype(np.int64)
    inside = seen_inside[lowers]
    inside_flag = np.where(inside, np.where(context == NORMAL, 4, 2), 0)
    flags = np.where(capitalised, lower_flag + inside_flag, 0)
    return context, flags
