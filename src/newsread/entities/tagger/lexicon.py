"""Every distinct word the tagger has met, with what its features need to know of it.

Words get dense indices; per-word facts (class, lowercase form, case) live in
arrays so that a document's contexts and document flags are computed with
array operations (`document`), not per token in Python.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from newsread.entities.tagger.features import WORD_TEMPLATES, values_of, word_class

IS_LOWER, IS_CAPITALISED, HAS_LETTER, HAS_LOWERCASE, STARTS_ALNUM = (1, 2, 4, 8, 16)
"""Bits of `Lexicon.bits`."""


class Lexicon:
    """A growing word → index table with per-word facts and value hashes."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self._lower_index: dict[str, int] = {}
        self.values = np.zeros((0, WORD_TEMPLATES), dtype=np.uint64)
        self.classes = np.zeros(0, dtype=np.int64)
        self.lowers = np.zeros(0, dtype=np.int64)
        self.bits = np.zeros(0, dtype=np.int64)

    def __len__(self) -> int:
        return len(self.index)

    @property
    def lower_count(self) -> int:
        """How many distinct lowercase forms there are (the range of `lowers`)."""
        return len(self._lower_index)

    def add(self, words: Iterable[str]) -> list[str]:
        """Add the words not yet known; return them, in the order they got their indices."""
        new = [w for w in dict.fromkeys(words) if w not in self.index]
        if not new:
            return new
        base = len(self.index)
        for offset, word in enumerate(new):
            self.index[word] = base + offset
        lower_index = self._lower_index
        lowers = [lower_index.setdefault(word.lower(), len(lower_index)) for word in new]
        self.values = np.concatenate([self.values, values_of(new)])
        self.classes = np.concatenate([self.classes, np.array([word_class(w) for w in new])])
        self.lowers = np.concatenate([self.lowers, np.array(lowers, dtype=np.int64)])
        self.bits = np.concatenate([self.bits, np.array([_bits(w) for w in new], dtype=np.int64)])
        return new

    def ids(self, words: list[str]) -> npt.NDArray[np.int64]:
        """Indices of `words`, adding the unknown ones first."""
        index = self.index
        try:
            return np.array([index[w] for w in words], dtype=np.int64)
        except KeyError:
            self.add(words)
            return np.array([index[w] for w in words], dtype=np.int64)

    def clear(self) -> None:
        """Forget every word."""
        self.__init__()  # type: ignore[misc]


def _bits(word: str) -> int:
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
