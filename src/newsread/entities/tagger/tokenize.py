"""Words with offsets, grouped into sentences, for the tagger.

The tokenizer follows the conventions of the training data (Reuters news as
split for CoNLL-2003): a possessive `'s` is its own token, punctuation stands
alone, hyphenated words and dotted abbreviations (`U.S.`, `Inc.`) stay whole.
Offsets are exact character offsets into the text given, so curly quotes and
apostrophes are never rewritten here (features normalise them separately).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

_ABBREVIATIONS: Final = (
    "Inc|Corp|Co|Ltd|Bros|Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|"
    "Mt|Ft|No|vs|Rev|Hon|Messrs|Adm|Maj|Cmdr|Supt|Insp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|"
    "Sept|Oct|Nov|Dec"
)

_TOKEN: Final = re.compile(
    # Tokens with a period inside are tried only where one follows a short word.
    r"(?=\w{1,8}\.)(?:"
    r"(?:[A-Za-z]\.){2,}"  # U.S., U.K.
    rf"|(?:{_ABBREVIATIONS})\.(?=\s|$|,)"
    r"|[A-Z]\.(?=\s[A-Z])"  # an initial: J. Smith
    r")"
    r"|\d+(?:[.,:/]\d+)+"  # 1,700  3.5  12:30
    r"|n['’]t(?!\w)"
    r"|\w+(?:[-&]\w+|['’](?![sS](?!\w))\w+|\.(?=\w))*"  # words, O'Neill, AT&T, next-gen, xAI.com
    r"|@\w+"  # a handle
    r"|['’][sS](?!\w)"  # possessive
    r"|\.\.\.|--|[^\w\s]"
)

_SPACED: Final = re.compile(r"(\s*)(" + _TOKEN.pattern + ")")
_SENTENCE_END: Final = frozenset({".", "!", "?"})
_NEWLINE: Final = re.compile("\n")


@dataclass(frozen=True, slots=True)
class Tokens:
    """A text's tokens: the words, their offsets, and where sentences begin."""

    words: list[str]
    starts: npt.NDArray[np.int64]
    ends: npt.NDArray[np.int64]
    sentence_starts: npt.NDArray[np.int64]
    """Index of each sentence's first token: a new line, or after `.`, `!`, `?`."""


def tokenize(text: str) -> Tokens:
    """Split `text` into tokens and sentences; every non-space character is in a token."""
    # Trailing whitespace is left out: with no token after it, the pattern would
    # rescan it from every one of its positions (quadratic in its length).
    pairs = _SPACED.findall(text, 0, len(text.rstrip()))
    count = len(pairs)
    spaces: list[str] = [space for space, _ in pairs]
    words: list[str] = [word for _, word in pairs]
    space_lengths = np.fromiter(map(len, spaces), dtype=np.int64, count=count)
    word_lengths = np.fromiter(map(len, words), dtype=np.int64, count=count)
    ends = np.cumsum(space_lengths + word_lengths)
    starts = ends - word_lengths
    begins = np.zeros(count, dtype=bool)
    if count == 0:
        return Tokens(words, starts, ends, np.zeros(0, dtype=np.int64))
    breaks = np.array([m.start() for m in _NEWLINE.finditer(text)], dtype=np.int64)
    line_of = np.searchsorted(breaks, starts)
    begins[1:] = line_of[1:] != line_of[:-1]
    begins[0] = True
    single = (word_lengths[:-1] == 1).nonzero()[0].tolist()
    after_end = [index + 1 for index in single if words[index] in _SENTENCE_END]
    begins[after_end] = True
    return Tokens(words, starts, ends, begins.nonzero()[0].astype(np.int64))
