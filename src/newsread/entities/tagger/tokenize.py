"""Words with offsets, grouped into sentences, for the tagger.

The tokenizer follows the conventions of the training data (Reuters news as
split for CoNLL-2003): a possessive `'s` is its own token, and so are the ends of
contractions (`I 'm`, `do n't`), punctuation stands alone, hyphenated words and dotted
abbreviations (`U.S.`, `Inc.`) stay whole. Offsets are exact character offsets into the
text given, so curly quotes and apostrophes are never rewritten here (features normalise
them separately).
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

_GENERAL: Final = (
    # Tokens with a period inside are tried only where one follows a short word.
    r"(?=\w{1,8}\.)(?:"
    r"(?:[A-Za-z]\.){2,}"  # U.S., U.K.
    rf"|(?:{_ABBREVIATIONS})\.(?=\s|$|,)"
    r"|[A-Z]\.(?=\s[A-Z])"  # an initial: J. Smith
    r")"
    r"|\d+(?:[.,:/]\d+)+"  # 1,700  3.5  12:30
    r"|n['’]t(?!\w)"
    r"|\w+(?=n['’]t(?!\w))"  # do of don't, as CoNLL splits it
    r"|['’](?:m|ll|re|ve|d)(?!\w)"  # 'm of I'm
    # Words: O'Neill, AT&T, next-gen, xAI.com; not I'm, we're (split above).
    r"|\w+(?:[-&]\w+|['’](?![sS](?!\w)|(?:m|ll|re|ve|d)(?!\w))\w+|\.(?=\w))*"
    r"|@\w+"  # a handle
    r"|['’][sS](?!\w)"  # possessive
    r"|\.\.\.|--|[^\w\s]"
)
"""A token, whatever it is."""
_SHORTCUTS: Final = (
    # What `_GENERAL` matches at the same place, found sooner for the commonest
    # tokens: a whole word (taken whole, never shortened on a failed test) with
    # nothing after it that could extend it (a period, comma, colon, slash, `&`,
    # apostrophe or hyphen), and a punctuation mark that begins no longer token.
    r"\w++(?![.,:/&'’-])"
    r"|[^\w\s.'’@-]"
)

_SPACED: Final = re.compile(r"\s*(" + _SHORTCUTS + "|" + _GENERAL + ")")
"""White space, if any, then a token: the one group."""
_LAST_CODE: Final = 0x3001
"""Characters from this one on are looked up as this one: no white space (U+3000 is the last)."""


_SPACE, _LINE_BREAK, _SENTENCE_END = 1, 2, 4
"""Bits of `_KINDS`."""


def _character_kinds() -> npt.NDArray[np.uint8]:
    kinds = np.zeros(_LAST_CODE + 1, dtype=np.uint8)
    kinds[[code for code in range(_LAST_CODE + 1) if chr(code).isspace()]] = _SPACE
    kinds[ord("\n")] |= _LINE_BREAK
    kinds[[ord("."), ord("!"), ord("?")]] = _SENTENCE_END
    return kinds


_KINDS: Final = _character_kinds()
"""What `tokenize` needs to know of each character up to `_LAST_CODE`."""


@dataclass(frozen=True, slots=True)
class Tokens:
    """A text's tokens: the words, their offsets, and where sentences begin."""

    words: list[str]
    starts: npt.NDArray[np.int64]
    ends: npt.NDArray[np.int64]
    sentence_starts: npt.NDArray[np.int64]
    """Index of each sentence's first token: a new line, or after `.`, `!`, `?`."""
    sentence_lines: npt.NDArray[np.int64]
    """The line (counted from 0) each sentence is on."""


def tokenize(text: str) -> Tokens:
    """Split `text` into tokens and sentences; every non-space character is in a token."""
    # Trailing whitespace is left out: with no token after it, the pattern would
    # rescan it from every one of its positions (quadratic in its length).
    words: list[str] = _SPACED.findall(text, 0, len(text.rstrip()))
    count = len(words)
    if count == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Tokens(words, empty, empty, empty, empty)
    # Tokens hold every non-space character, in order, and no space: the k-th
    # token starts at the non-space character that follows the first k tokens'.
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=count)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    kinds = _KINDS.take(np.minimum(codes, _LAST_CODE))
    solid = ((kinds & _SPACE) == 0).nonzero()[0]
    after = np.cumsum(lengths)
    starts = solid[after - lengths]
    ends = solid[after - 1] + 1
    lines = np.searchsorted((kinds & _LINE_BREAK).nonzero()[0], starts)
    begins = np.empty(count, dtype=bool)
    begins[0] = True
    begins[1:] = lines[1:] != lines[:-1]
    # A sentence also begins after a `.`, `!` or `?` standing alone.
    begins[1:] |= (lengths[:-1] == 1) & ((kinds.take(starts[:-1]) & _SENTENCE_END) > 0)
    sentence_starts = begins.nonzero()[0]
    return Tokens(words, starts, ends, sentence_starts, lines[sentence_starts])
