"""Every distinct word the tagger has met, with what its features need to know of it.

Words get dense indices; per-word facts (class, lowercase form, case) live in
arrays so that a document's contexts and document flags are computed with
array operations (`document`), not per token in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import filterfalse, repeat

import numpy as np
import numpy.typing as npt

from newsread.entities.tagger.features import WORD_TEMPLATES, Clusters, word_facts


@dataclass(frozen=True, slots=True)
class WordFacts:
    """The per-word facts of a lexicon's words, in index order (shipped with the model)."""

    words: list[str]
    lower_forms: list[str]
    """Every distinct lowercase form, in `lowers` index order."""
    classes: npt.NDArray[np.int64]
    lowers: npt.NDArray[np.int64]
    bits: npt.NDArray[np.int64]


class Lexicon:
    """A growing word → index table with per-word facts and value hashes.

    A lexicon may start from known words (`base`): those come with their facts
    but without value hashes, which only words added later get (`values[i]`
    belongs to word `first_hashed + i`). The value hashes include each word's
    cluster in `clusters` (none without).
    """

    def __init__(self, base: WordFacts | None = None, clusters: Clusters | None = None) -> None:
        self.index: dict[str, int] = {}
        self._clusters = clusters
        self.hashed_words: list[str] = []
        """The words from `first_hashed` on, in index order."""
        self._lower_index: dict[str, int] = {}
        # Arrays with room to grow: adding words must not copy everything each time.
        self._values = np.zeros((0, WORD_TEMPLATES), dtype=np.uint64)
        self._facts = np.zeros((0, 3), dtype=np.int64)
        """Columns: class, lowercase form, bits (a word's facts share a cache line)."""
        if base is not None:
            self.index = dict(zip(base.words, range(len(base.words)), strict=True))
            self._lower_index = dict(
                zip(base.lower_forms, range(len(base.lower_forms)), strict=True)
            )
            self._facts = np.stack([base.classes, base.lowers, base.bits], axis=1).astype(np.int64)
        self.first_hashed = len(self.index)
        """The index of the first word with a row in `values`."""

    def __len__(self) -> int:
        return len(self.index)

    @property
    def values(self) -> npt.NDArray[np.uint64]:
        """`features.values_of` rows of the words from `first_hashed` on."""
        return self._values[: len(self.index) - self.first_hashed]

    @property
    def classes(self) -> npt.NDArray[np.int64]:
        """Each word's `features.word_class`."""
        return self._facts[: len(self.index), 0]

    @property
    def lowers(self) -> npt.NDArray[np.int64]:
        """Each word's lowercase form, as an index below `lower_count`."""
        return self._facts[: len(self.index), 1]

    @property
    def bits(self) -> npt.NDArray[np.int64]:
        """Each word's `features.case_bits`."""
        return self._facts[: len(self.index), 2]

    @property
    def lower_count(self) -> int:
        """How many distinct lowercase forms there are (the range of `lowers`)."""
        return len(self._lower_index)

    def add(self, words: Iterable[str]) -> list[str]:
        """Add the words not yet known; return them, in the order they got their indices."""
        new = list(dict.fromkeys(filterfalse(self.index.__contains__, words)))
        if new:
            self._add_new(new)
        return new

    def _add_new(self, new: list[str]) -> None:
        """Add `new`, distinct words none of which is known yet."""
        index = self.index
        # Everything that can fail is computed before anything is changed: a
        # word that cannot be hashed must not leave the table half updated.
        values, classes, bits = word_facts(new, self._clusters)
        start = len(index)
        end = start + len(new)
        if end > len(self._facts):
            grown = np.zeros((2 * end, 3), dtype=np.int64)
            grown[:start] = self._facts[:start]
            self._facts = grown
        hashed = start - self.first_hashed
        if hashed + len(new) > len(self._values):
            grown_values = np.zeros((2 * (hashed + len(new)), WORD_TEMPLATES), dtype=np.uint64)
            grown_values[:hashed] = self._values[:hashed]
            self._values = grown_values
        lower_index = self._lower_index
        self._values[hashed : hashed + len(new)] = values
        self._facts[start:end, 0] = classes
        self._facts[start:end, 1] = [
            lower_index.setdefault(word.lower(), len(lower_index)) for word in new
        ]
        self._facts[start:end, 2] = bits
        index.update(zip(new, range(start, end), strict=True))
        self.hashed_words += new

    def ids(self, words: list[str]) -> npt.NDArray[np.int64]:
        """Indices of `words`, adding the unknown ones first."""
        index = self.index
        # One pass that tolerates new words: nearly every document has some.
        ids = np.fromiter(map(index.get, words, repeat(-1)), dtype=np.int64, count=len(words))
        missing = (ids < 0).nonzero()[0]
        if len(missing):
            positions = missing.tolist()
            unknown = [words[position] for position in positions]
            self._add_new(list(dict.fromkeys(unknown)))
            ids[missing] = [index[word] for word in unknown]
        return ids

    def facts_of(self, ids: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """`(3, len(ids))`: the `classes`, `lowers` and `bits` of the words `ids`, in one gather."""
        return np.ascontiguousarray(self._facts.take(ids, axis=0).T)

    def facts(self) -> WordFacts:
        """Every word with its facts, to start another lexicon from."""
        return WordFacts(
            list(self.index),
            list(self._lower_index),
            self.classes,
            self.lowers,
            self.bits,
        )
