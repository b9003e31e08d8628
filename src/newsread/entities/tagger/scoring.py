"""Tagging with trained weights: per-word scores computed once, emissions as array sums.

A word's contribution to its own tag scores (alone and in each context) and
to its neighbours' is the sum of a few weight rows; it is computed in one
batch for all the words a document brings that were not seen before, and
kept. A document then costs one dictionary look-up per token and a few array
operations, and Viterbi runs only around candidate names (`viterbi`).
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt

from newsread.entities.tagger.document import contexts_and_flags
from newsread.entities.tagger.features import (
    AFTER,
    BEFORE,
    CONTEXTS,
    NORMAL,
    OFFSETS,
    class_ids,
    lowercase_row,
    word_ids,
)
from newsread.entities.tagger.lexicon import Lexicon
from newsread.entities.tagger.viterbi import decode_document, pruning_margin
from newsread.entities.tagger.weights import CompactWeights, Weights, compact

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]

_WORD_LIMIT: Final = 100_000
"""Past this many known words the caches start afresh (long sessions, odd input)."""
_OWN = 0
_IN_CONTEXT = 1
_AS_NEIGHBOUR = 1 + len(CONTEXTS)
_ROWS = _AS_NEIGHBOUR + len(OFFSETS)


class Tagger:
    """Tags documents with the trained weights."""

    def __init__(self, weights: Weights | CompactWeights) -> None:
        if isinstance(weights, Weights):
            weights = compact(weights)
        self._index = weights.index
        self._rows = weights.rows
        self._transitions = weights.transitions
        self._margin = pruning_margin(weights.transitions)
        self._classes = self._sum(class_ids())
        self._lexicon = Lexicon()
        self._table: Floats = np.zeros((0, _ROWS, weights.rows.shape[1]), dtype=np.float32)
        self._scored = 0
        self._known_words: dict[str, bool] = {}
        self._reset()

    def tag(self, words: list[str], starts: Ints, headlines: npt.NDArray[np.bool_]) -> Ints:
        """Tag indices (`tags.TAGS`) for a document's tokens.

        `words` are all tokens, `starts` where each sentence begins (ascending,
        first 0), `headlines` whether each sentence is on a Title Case line.
        """
        if not words:
            return np.zeros(0, dtype=np.int64)
        return decode_document(self.emissions(words, starts, headlines), starts, *self._decoding())

    def emissions(self, words: list[str], starts: Ints, headlines: npt.NDArray[np.bool_]) -> Floats:
        """`(tokens, tags)` scores before transitions."""
        if len(self._lexicon) > _WORD_LIMIT:
            self._reset()
        lexicon = self._lexicon
        ids = lexicon.ids(words)
        if len(lexicon) > self._scored:
            self._score_new_words()
        context, flags = contexts_and_flags(lexicon, ids, starts, headlines)
        table = self._table
        scores = table[ids, _OWN] + self._classes[lexicon.classes[ids], context, flags]
        special = context != NORMAL
        scores[special] += table[ids[special], _IN_CONTEXT + context[special]]
        count = len(ids)
        sentence = np.zeros(count, dtype=np.int64)
        sentence[starts[1:]] = 1
        sentence = np.cumsum(sentence)
        padded_at = np.arange(count) + 4 * sentence + 2
        padded = np.full(count + 4 * len(starts), lexicon.index[AFTER], dtype=np.int64)
        padded[padded_at] = ids
        opening = starts + 4 * np.arange(len(starts))
        padded[opening] = padded[opening + 1] = lexicon.index[BEFORE]
        for slot, offset in enumerate(OFFSETS):
            scores += table[padded[padded_at + offset], _AS_NEIGHBOUR + slot]
        return np.asarray(scores, dtype=np.float32)

    def knows(self, name: str) -> bool:
        """Whether training gave weight to every word of `name` (in any case)."""
        return all(self._knows_word(word) for word in name.split() if word[:1].isalpha())

    def _knows_word(self, word: str) -> bool:
        lower = word.lower()
        known = self._known_words.get(lower)
        if known is None:
            if len(self._known_words) > _WORD_LIMIT:
                self._known_words.clear()
            known = bool(self._index[lowercase_row(lower)])
            self._known_words[lower] = known
        return known

    def _decoding(self) -> tuple[Floats, float]:
        return self._transitions, self._margin

    def _reset(self) -> None:
        self._lexicon = Lexicon()
        self._lexicon.add([BEFORE, AFTER])
        self._scored = 0
        self._score_new_words()

    def _score_new_words(self) -> None:
        values = self._lexicon.values[self._scored :]
        own_rows, context_rows, neighbour_rows = word_ids(values)
        own = self._sum(own_rows)
        in_context = self._sum(context_rows[:, :, None])
        in_context[:, NORMAL] = 0.0
        as_neighbour = self._sum(neighbour_rows)
        rows = np.concatenate([own[:, None], in_context, as_neighbour], axis=1)
        needed = self._scored + len(rows)
        if needed > len(self._table) or self._scored == 0:
            grown = np.zeros((max(2 * needed, 4096), *self._table.shape[1:]), dtype=np.float32)
            grown[: self._scored] = self._table[: self._scored]
            self._table = grown
        self._table[self._scored : needed] = rows
        self._scored = needed

    def _sum(self, ids: Ints) -> Floats:
        """Sum weight rows over the last axis of `ids`."""
        summed: Floats = self._rows[self._index[ids]].sum(axis=-2)
        return summed
