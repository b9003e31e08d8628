"""What the tagger sees of a token, as rows of a hashed weight table.

A token's score for each tag is the sum of weight rows for features of three
kinds, each depending on little, so each can be computed once and reused:

- the word itself (exact form, lowercase, shape, prefixes, suffixes), and the
  word as a neighbour up to two tokens away: per distinct word;
- the word in a context where capitals say little (first word of a sentence,
  a capitals line, a Title Case line): per word and context;
- the word's class (`cap`, `low`, `up`…) with its context and what the rest of
  the document says about it (seen in lowercase? capitalised mid-sentence?):
  from a small fixed table.

Feature ids mix a template number with a CRC-32 of a value string, so the
same word gets the same rows in every process (training and tagging alike).
"""

from __future__ import annotations

import re
import zlib
from itertools import groupby
from typing import Final

import numpy as np
import numpy.typing as npt

HASH_BITS: Final = 20
"""The weight table has `2 ** HASH_BITS` rows."""
_SHIFT: Final = np.uint64(64 - HASH_BITS)
_MIX_VALUE: Final = np.uint64(0x9E3779B97F4A7C15)
_MIX_TEMPLATE: Final = np.uint64(0xC2B2AE3D27D4EB4F)
_VALUE: Final = 0x9E3779B97F4A7C15
_TEMPLATE: Final = 0xC2B2AE3D27D4EB4F
_MASK: Final = (1 << 64) - 1

Ids = npt.NDArray[np.int64]

OFFSETS: Final = (-2, -1, 1, 2)
"""Which neighbours a token's features look at."""
BEFORE: Final = "\x02"
"""The word standing in for positions before a sentence."""
AFTER: Final = "\x03"
"""The word standing in for positions after a sentence."""

CONTEXTS: Final = ("n", "i", "c", "t")
"""Normal, first word of a sentence, capitals line, Title Case line."""
NORMAL, INITIAL, CAPS, TITLE = range(4)

FLAGS: Final = ("--", "L-", "-C", "LC", "-c", "Lc")
"""What the document says of a capitalised word: seen in lowercase (`L`); seen
capitalised mid-sentence elsewhere (`C`), or only here, mid-sentence (`c`)."""

CLASSES: Final = ("low", "cap", "up", "one", "mix", "num", "punct", "capx", "numx", "lowx", "at")
"""Coarse word classes (`word_class`)."""

_DIGIT: Final = re.compile(r"\d")

WORD_TEMPLATES: Final = 14
"""Value slots per word: w, l, s, p1-p4, x1-x4, h, k, x3 (as a neighbour)."""


def normalise(word: str) -> str:
    """The word with curly apostrophes and quotes made straight."""
    return word.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


_SHAPE_LETTERS: Final = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "d" * 10,
)


def shape(word: str) -> str:
    """`Tesla` → `Xx`, `NVIDIA` → `X`, `xAI` → `xX`, `F-35` → `X-d`."""
    if word.isascii():
        mapped = word.translate(_SHAPE_LETTERS)
    else:
        mapped = "".join(
            "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word
        )
    return "".join(character for character, _ in groupby(mapped))


def word_class(word: str) -> int:
    """Index into `CLASSES`."""
    first = word[0]
    if first == "@" and len(word) > 1:
        return 10
    if word.isalpha():
        if word.islower():
            return 0
        if word.isupper():
            return 2 if len(word) > 1 else 3
        return 1 if first.isupper() and word[1:].islower() else 4
    if word.isdigit():
        return 5
    if not any(c.isalnum() for c in word):
        return 6
    if first.isupper():
        return 7
    return 8 if first.isdigit() else 9


def _encode(text: str) -> bytes:
    """UTF-8, with lone surrogates (invalid text, but a `str` may hold them) passed through.

    Valid text encodes exactly as with `str.encode()`, so hashes match training.
    """
    return text.encode("utf-8", "surrogatepass")


def _crc(text: str) -> int:
    return zlib.crc32(_encode(text))


def word_values(word: str) -> list[int]:
    """The value hashes of a word, one per word template (see `WORD_TEMPLATES`)."""
    norm = normalise(word)
    lower = norm.lower() if norm.isalpha() else _DIGIT.sub("0", norm.lower())
    hyphen = lower.rsplit("-", 1)[-1] if "-" in norm and len(norm) > 2 else ""
    return [
        _crc(norm),
        _crc(lower),
        _crc(shape(norm)),
        _crc(norm[:1]),
        _crc(norm[:2]),
        _crc(norm[:3]),
        _crc(norm[:4]),
        _crc(lower[-1:]),
        _crc(lower[-2:]),
        _crc(lower[-3:]),
        _crc(lower[-4:]),
        _crc(hyphen),
        _crc(CLASSES[word_class(word)]),
        _crc(lower[-3:]),
    ]


_W, _L, _S, _P1, _P2, _P3, _P4, _X1, _X2, _X3, _X4, _H, _K, _NX = range(WORD_TEMPLATES)
_DIGITS_TO_ZERO: Final = str.maketrans("0123456789", "0" * 10)
_SEPARATOR: Final = "\x00"
_REPEATS: Final = re.compile(r"(.)\1+")


def values_of(words: list[str]) -> npt.NDArray[np.uint64]:
    """`word_values` of many words, `(len(words), WORD_TEMPLATES)`, hashed in one batch."""
    return values_and_classes(words)[0]


def values_and_classes(words: list[str]) -> tuple[npt.NDArray[np.uint64], list[int]]:
    """`values_of(words)` with each word's `word_class`, which the values include.

    Plain ASCII words (nearly all) take a path where the per-word string work
    is a few slices and the hashing runs in C over all strings at once; the
    values are exactly those of `word_values`.
    """
    plain = [word for word in words if word.isascii() and _SEPARATOR not in word]
    classes = [word_class(word) for word in plain]
    strings: list[str] = []
    if plain:
        joined = _SEPARATOR.join(plain)
        lowers = joined.lower().translate(_DIGITS_TO_ZERO).split(_SEPARATOR)
        shapes = _REPEATS.sub(r"\1", joined.translate(_SHAPE_LETTERS)).split(_SEPARATOR)
        for word, lower, word_shape, cls in zip(plain, lowers, shapes, classes, strict=True):
            hyphen = lower.rsplit("-", 1)[-1] if "-" in word and len(word) > 2 else ""
            suffix3 = lower[-3:]
            strings += (
                word,
                lower,
                word_shape,
                word[:1],
                word[:2],
                word[:3],
                word[:4],
                lower[-1:],
                lower[-2:],
                suffix3,
                lower[-4:],
                hyphen,
                CLASSES[cls],
                suffix3,
            )
    hashes = np.fromiter(
        map(zlib.crc32, map(str.encode, strings)), dtype=np.uint64, count=len(strings)
    ).reshape(len(plain), WORD_TEMPLATES)
    if len(plain) == len(words):
        return hashes, classes
    result = np.empty((len(words), WORD_TEMPLATES), dtype=np.uint64)
    all_classes: list[int] = []
    row = 0
    for index, word in enumerate(words):
        if word.isascii() and _SEPARATOR not in word:
            result[index] = hashes[row]
            all_classes.append(classes[row])
            row += 1
        else:
            result[index] = word_values(word)
            all_classes.append(word_class(word))
    return result, all_classes


def mix(values: npt.NDArray[np.uint64], templates: npt.NDArray[np.uint64]) -> Ids:
    """Rows of the weight table for `values` under matching `templates` (broadcast)."""
    with np.errstate(over="ignore"):
        mixed = (values * _MIX_VALUE) ^ ((templates + np.uint64(1)) * _MIX_TEMPLATE)
        mixed = mixed * _MIX_VALUE
    return (mixed >> _SHIFT).astype(np.int64)


_OWN_SLOTS: Final = (_W, _L, _S, _P1, _P2, _P3, _P4, _X1, _X2, _X3, _X4, _H)
_NEIGHBOUR_SLOTS: Final = (_L, _K, _W, _NX)
_CONTEXT_TEMPLATE: Final = 100
_NEIGHBOUR_TEMPLATE: Final = 200


_SLOTS: Final = [*_OWN_SLOTS, *[_L] * len(CONTEXTS), *list(_NEIGHBOUR_SLOTS) * len(OFFSETS)]
"""Which value each feature row of a word is made from (`word_ids`)."""
_TEMPLATES: Final = np.array(
    [
        *_OWN_SLOTS,
        *[_CONTEXT_TEMPLATE + context for context in range(len(CONTEXTS))],
        *[
            _NEIGHBOUR_TEMPLATE + 10 * position + kind
            for position in range(len(OFFSETS))
            for kind in range(len(_NEIGHBOUR_SLOTS))
        ],
    ],
    dtype=np.uint64,
)[None, :]
OWN_END: Final = len(_OWN_SLOTS)
"""`feature_rows` columns before this are the word's own features."""
CONTEXT_END: Final = OWN_END + len(CONTEXTS)
"""`feature_rows` columns from `OWN_END` to this are the word in each context; the rest
are the word as each neighbour (`OFFSETS`), `NEIGHBOUR_KINDS` at a time."""
NEIGHBOUR_KINDS: Final = len(_NEIGHBOUR_SLOTS)
LOWERCASE_COLUMN: Final = _OWN_SLOTS.index(_L)
"""The `feature_rows` column of the word's lowercase form (`lowercase_row`)."""


def feature_rows(values: npt.NDArray[np.uint64]) -> Ids:
    """`(words, CONTEXT_END + len(OFFSETS) * NEIGHBOUR_KINDS)`: every feature row of each word."""
    return mix(values[:, _SLOTS], _TEMPLATES)


def word_ids(values: npt.NDArray[np.uint64]) -> tuple[Ids, Ids, Ids]:
    """Rows of each word's features, from `word_values` rows, in one array operation.

    Returns `(own, in_context, as_neighbour)`: `(words, 12)` rows of the word
    itself; `(words, len(CONTEXTS))` rows of its lowercase form in each context;
    `(words, len(OFFSETS), 4)` rows of its features as each neighbour.
    """
    ids = feature_rows(values)
    return (
        ids[:, :OWN_END],
        ids[:, OWN_END:CONTEXT_END],
        ids[:, CONTEXT_END:].reshape(len(values), len(OFFSETS), NEIGHBOUR_KINDS),
    )


def lowercase_row(word: str) -> int:
    """The weight-table row of the word's lowercase form as its own feature (as `mix` does)."""
    norm = normalise(word)
    value = _crc(norm.lower() if norm.isalpha() else _DIGIT.sub("0", norm.lower()))
    mixed = ((value * _VALUE) ^ ((_L + 1) * _TEMPLATE)) & _MASK
    return ((mixed * _VALUE) & _MASK) >> (64 - HASH_BITS)


def class_ids() -> Ids:
    """`(len(CLASSES), len(CONTEXTS), len(FLAGS), 4)`: bias, class, context, document rows."""
    values = np.array(
        [
            [_crc("b"), _crc(cls + context), _crc(context), _crc(flags + cls + context)]
            for cls in CLASSES
            for context in CONTEXTS
            for flags in FLAGS
        ],
        dtype=np.uint64,
    )
    ids = mix(values, np.arange(300, 304, dtype=np.uint64)[None, :])
    return ids.reshape(len(CLASSES), len(CONTEXTS), len(FLAGS), 4)
