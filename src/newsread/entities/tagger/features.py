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
from collections.abc import Mapping
from itertools import chain, groupby
from operator import itemgetter
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

IS_LOWER, IS_CAPITALISED, HAS_LETTER, HAS_LOWERCASE, STARTS_ALNUM = (1, 2, 4, 8, 16)
"""Bits of `case_bits`."""

CLASSES: Final = ("low", "cap", "up", "one", "mix", "num", "punct", "capx", "numx", "lowx", "at")
"""Coarse word classes (`word_class`)."""

_DIGIT: Final = re.compile(r"\d")

WORD_TEMPLATES: Final = 15
"""Value slots per word: w, l, s, p1-p4, x1-x4, h, k, x3 (as a neighbour), cluster."""

Clusters = Mapping[str, int]
"""Each word's cluster (`clusters.learn_clusters`) by its `folded` form."""
CLUSTER_LIMIT: Final = 4096
"""Clusters are numbered below this."""


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


def case_bits(word: str) -> int:
    """What the document context needs of a word's case (`IS_LOWER`…), as bits."""
    if word.isascii():
        upper = word.upper()
        lower = word.lower()
        bits = IS_LOWER if word == lower and word != upper else 0
        if word[:1].isupper():
            bits |= IS_CAPITALISED
        if lower != upper:
            bits |= HAS_LETTER
        if word != upper:
            bits |= HAS_LOWERCASE
        if word[:1].isalnum():
            bits |= STARTS_ALNUM
        return bits
    bits = IS_LOWER if word.islower() else 0
    if word[:1].isupper():
        bits |= IS_CAPITALISED
    if any(c.isalpha() for c in word):
        bits |= HAS_LETTER
    if any(c.islower() for c in word):
        bits |= HAS_LOWERCASE
    if word[:1].isalnum():
        bits |= STARTS_ALNUM
    return bits


def _encode(text: str) -> bytes:
    """UTF-8, with lone surrogates (invalid text, but a `str` may hold them) passed through.

    Valid text encodes exactly as with `str.encode()`, so hashes match training.
    """
    return text.encode("utf-8", "surrogatepass")


def _crc(text: str) -> int:
    return zlib.crc32(_encode(text))


def folded(word: str) -> str:
    """What lowercase features and clusters read of a word: `F-35` → `f-00`, `O’Neil` → `o'neil`."""
    norm = normalise(word)
    return norm.lower() if norm.isalpha() else _DIGIT.sub("0", norm.lower())


def word_values(word: str, clusters: Clusters | None = None) -> list[int]:
    """The value hashes of a word, one per word template (see `WORD_TEMPLATES`).

    A word whose `folded` form has no cluster in `clusters` (or with none given)
    gets 0 in the cluster slot, a value no training word has.
    """
    norm = normalise(word)
    lower = folded(word)
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
        int(_CLUSTER_VALUES[clusters.get(lower, -1) if clusters else -1]),
    ]


_W, _L, _S, _P1, _P2, _P3, _P4, _X1, _X2, _X3, _X4, _H, _K, _NX, _C = range(WORD_TEMPLATES)
_SEPARATOR: Final = b"\x00"
_ASCII: Final = bytes(range(128))
_DIGITS_TO_ZERO: Final = bytes.maketrans(b"0123456789", b"0" * 10)
_SHAPE_BYTES: Final = bytes.maketrans(
    _ASCII[48:58] + _ASCII[65:91] + _ASCII[97:123], b"d" * 10 + b"X" * 26 + b"x" * 26
)
_REPEATS: Final = re.compile(rb"(.)\1+")
_FIRST_OF_RUN: Final = itemgetter(1)
"""The character a run of repeats (`_REPEATS`) collapses to, with no template to expand."""
_CLASS_HASHES: Final = np.array([_crc(name) for name in CLASSES], dtype=np.uint64)
_CLUSTER_VALUES: Final = np.array(
    [*(_crc(f"c{cluster}") for cluster in range(CLUSTER_LIMIT)), 0], dtype=np.uint64
)
"""The value of each cluster's slot, and last (index -1) of no cluster."""
_BY_SHAPE: dict[bytes, tuple[int, int]] = {}
"""`word_class` and `case_bits` of plain ASCII words by `_shape_key`, filled as words come."""
_BY_SHAPE_LIMIT: Final = 20_000


def values_of(words: list[str], clusters: Clusters | None = None) -> npt.NDArray[np.uint64]:
    """`word_values` of many words, `(len(words), WORD_TEMPLATES)`, hashed in one batch."""
    return word_facts(words, clusters)[0]


def word_facts(
    words: list[str], clusters: Clusters | None = None
) -> tuple[npt.NDArray[np.uint64], list[int], list[int]]:
    """`values_of(words)` with each word's `word_class` (which the values include) and `case_bits`.

    Plain ASCII words (nearly all) take a path where the per-word string work
    is a few slices and the hashing runs in C over all strings at once; the
    results are exactly those of the one-word functions.
    """
    joined = "\x00".join(words)
    if joined.isascii() and joined.count("\x00") == len(words) - 1:
        return _plain_word_facts(words, joined.encode(), clusters)
    plain = [word for word in words if word.isascii() and "\x00" not in word]
    hashes, classes, bits = _plain_word_facts(plain, "\x00".join(plain).encode(), clusters)
    result = np.empty((len(words), WORD_TEMPLATES), dtype=np.uint64)
    all_classes: list[int] = []
    all_bits: list[int] = []
    row = 0
    for index, word in enumerate(words):
        if word.isascii() and "\x00" not in word:
            result[index] = hashes[row]
            all_classes.append(classes[row])
            all_bits.append(bits[row])
            row += 1
        else:
            result[index] = word_values(word, clusters)
            all_classes.append(word_class(word))
            all_bits.append(case_bits(word))
    return result, all_classes, all_bits


def _plain_word_facts(
    words: list[str], joined: bytes, clusters: Clusters | None
) -> tuple[npt.NDArray[np.uint64], list[int], list[int]]:
    """`word_facts` of ASCII words without NUL, given encoded and joined by NUL.

    ASCII text is one byte per character, so forms, prefixes and suffixes are
    cut from bytes made once for all the words, and hashed as they are.
    """
    count = len(words)
    if count == 0:
        return np.zeros((0, WORD_TEMPLATES), dtype=np.uint64), [], []
    exact = joined.split(_SEPARATOR)
    lowered = joined.lower().translate(_DIGITS_TO_ZERO)
    lowers = lowered.split(_SEPARATOR)
    shapes = _REPEATS.sub(_FIRST_OF_RUN, joined.translate(_SHAPE_BYTES)).split(_SEPARATOR)
    classes, bits = _facts_by_shape(words, shapes)
    # The first eleven slots of `WORD_TEMPLATES`, in order.
    strings = chain(
        exact,
        lowers,
        shapes,
        [word[:1] for word in exact],
        [word[:2] for word in exact],
        [word[:3] for word in exact],
        [word[:4] for word in exact],
        [lower[-1:] for lower in lowers],
        [lower[-2:] for lower in lowers],
        [lower[-3:] for lower in lowers],
        [lower[-4:] for lower in lowers],
    )
    hashed = np.fromiter(map(zlib.crc32, strings), dtype=np.uint64, count=_H * count)
    values = np.empty((count, WORD_TEMPLATES), dtype=np.uint64)
    values[:, :_H] = hashed.reshape(_H, count).T
    values[:, _H] = 0  # the CRC-32 of the empty string: no hyphen
    if b"-" in joined:
        for row in [row for row, word in enumerate(exact) if b"-" in word and len(word) > 2]:
            values[row, _H] = zlib.crc32(lowers[row].rsplit(b"-", 1)[-1])
    values[:, _K] = _CLASS_HASHES[classes]
    values[:, _NX] = values[:, _X3]
    if clusters:
        keys = lowered.decode().split("\x00")
        values[:, _C] = _CLUSTER_VALUES.take([clusters.get(key, -1) for key in keys])
    else:
        values[:, _C] = 0
    return values, classes, bits


def _facts_by_shape(words: list[str], shapes: list[bytes]) -> tuple[list[int], list[int]]:
    """`word_class` and `case_bits` of ASCII words, each worked out once per `_shape_key`."""
    known = _BY_SHAPE
    if len(known) > _BY_SHAPE_LIMIT:
        known.clear()
    keys = [
        shape if len(word) > 1 and shape != b"Xx" else _shape_key(word, shape)
        for word, shape in zip(words, shapes, strict=True)
    ]
    for key, word in zip(keys, words, strict=True):
        if key not in known:
            known[key] = (word_class(word), case_bits(word))
    facts = list(map(known.__getitem__, keys))
    return [cls for cls, _ in facts], [bits for _, bits in facts]


def _shape_key(word: str, word_shape: bytes) -> bytes:
    """What `word_class` and `case_bits` of an ASCII word depend on: mostly its shape.

    Each test they make (letters only, lowercase, capitals, digits, any letter
    or digit, the first character's kind) reads the same on the shape, whose
    runs of one kind are single characters; but `A` differs from `AB`, `@` from
    `@@`, and `Ab` from `ABc`, which the key tells apart.
    """
    if len(word) == 1:
        return b"\x01" + word_shape
    if word_shape == b"Xx" and word[1].isupper():
        return b"XXx"
    return word_shape


def mix(values: npt.NDArray[np.uint64], templates: npt.NDArray[np.uint64]) -> Ids:
    """Rows of the weight table for `values` under matching `templates` (broadcast)."""
    with np.errstate(over="ignore"):
        mixed = (values * _MIX_VALUE) ^ ((templates + np.uint64(1)) * _MIX_TEMPLATE)
        mixed = mixed * _MIX_VALUE
    return (mixed >> _SHIFT).astype(np.int64)


_OWN_SLOTS: Final = (_W, _L, _S, _P1, _P2, _P3, _P4, _X1, _X2, _X3, _X4, _H, _C)
_NEIGHBOUR_SLOTS: Final = (_L, _K, _W, _NX, _C)
_CONTEXT_TEMPLATE: Final = 100
_NEIGHBOUR_TEMPLATE: Final = 200


_SLOTS: Final = np.array(
    [*_OWN_SLOTS, *[_L] * len(CONTEXTS), *list(_NEIGHBOUR_SLOTS) * len(OFFSETS)], dtype=np.intp
)
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
    return mix(values.take(_SLOTS, axis=1), _TEMPLATES)


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
    value = _crc(folded(word))
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
