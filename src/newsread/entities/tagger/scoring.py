"""Tagging with trained weights: per-word scores computed once, emissions as array sums.

A word's contribution to its own tag scores (alone and in each context) and
to its neighbours' is the sum of a few weight rows. For the training
vocabulary it ships with the model (`weights.Vocabulary`); for any other
word it is computed in one batch for all the new words of a document, and
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
    CONTEXT_END,
    CONTEXTS,
    FLAGS,
    LOWERCASE_COLUMN,
    NEIGHBOUR_KINDS,
    NORMAL,
    OFFSETS,
    OWN_END,
    class_ids,
    feature_rows,
    lowercase_row,
)
from newsread.entities.tagger.lexicon import Lexicon
from newsread.entities.tagger.viterbi import decode_document, pruning_margin
from newsread.entities.tagger.weights import CompactWeights, Vocabulary, Weights, compact

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]

_WORD_LIMIT: Final = 50_000
"""Past this many words met beyond the shipped vocabulary the caches start afresh (long
sessions, odd input), which bounds their memory to some 40 MB."""
_SPARE: Final = 4096
"""Rows kept free in the score table for words met while tagging."""
_OWN = 0
_IN_CONTEXT = 1
_AS_NEIGHBOUR = 1 + len(CONTEXTS)
_ROWS = _AS_NEIGHBOUR + len(OFFSETS)
_OFFSETS: Final = np.array(OFFSETS, dtype=np.int64)[None, :]
_NEIGHBOUR_ROWS: Final = _AS_NEIGHBOUR + np.arange(len(OFFSETS), dtype=np.int64)[None, :]


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
        vocabulary = weights.vocabulary
        self._facts = vocabulary.facts if vocabulary is not None else None
        self._known = len(vocabulary.facts.words) if vocabulary is not None else 0
        """The shipped vocabulary's words come first in the lexicon and the table."""
        self._table: Floats = np.empty(
            (self._known + _SPARE, _ROWS, weights.rows.shape[1]), dtype=np.float32
        )
        if vocabulary is not None:
            self._table[: self._known] = vocabulary.scores
        self._lexicon = Lexicon()
        self._scored = 0
        self._known_words: dict[str, bool] = {}
        self._known_names: dict[str, bool] = {}
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
        if len(self._lexicon) - self._lexicon.first_hashed > _WORD_LIMIT:
            self._reset()
        lexicon = self._lexicon
        ids = lexicon.ids(words)
        if len(lexicon) > self._scored:
            self._score_new_words()
        context, flags = contexts_and_flags(lexicon, ids, starts, headlines)
        count = len(ids)
        sentence = np.zeros(count, dtype=np.int64)
        sentence[starts[1:]] = 1
        sentence = np.cumsum(sentence)
        padded_at = np.arange(count) + 4 * sentence + 2
        padded = np.full(count + 4 * len(starts), lexicon.index[AFTER], dtype=np.int64)
        padded[padded_at] = ids
        opening = starts + 4 * np.arange(len(starts))
        padded[opening] = padded[opening + 1] = lexicon.index[BEFORE]
        # One gather of every row a token's score sums: its own, its context's
        # (all zero in the normal context) and its four neighbours'.
        rows = np.empty((count, 2 + len(OFFSETS)), dtype=np.int64)
        rows[:, 0] = ids * _ROWS + _OWN
        rows[:, 1] = ids * _ROWS + _IN_CONTEXT + context
        rows[:, 2:] = padded[padded_at[:, None] + _OFFSETS] * _ROWS + _NEIGHBOUR_ROWS
        gathered = self._table.reshape(-1, self._table.shape[2]).take(rows, axis=0)
        classes = self._classes.reshape(-1, self._classes.shape[3])
        by_class = (lexicon.classes[ids] * len(CONTEXTS) + context) * len(FLAGS) + flags
        scores: Floats = gathered[:, 0] + classes.take(by_class, axis=0)
        for part in range(1, rows.shape[1]):
            scores += gathered[:, part]
        return scores

    def knows(self, name: str) -> bool:
        """Whether training gave weight to every word of `name` (in any case)."""
        known = self._known_names.get(name)
        if known is None:
            if len(self._known_names) > _WORD_LIMIT:
                self._known_names.clear()
            known = all(self._knows_word(word) for word in name.split() if word[:1].isalpha())
            self._known_names[name] = known
        return known

    def met_as_written(self, word: str) -> bool:
        """Whether training met `word` spelled exactly so (`Senate`; not `Universe`)."""
        index = self._lexicon.index.get(word)
        return index is not None and index < self._known

    def met_in_lowercase(self, word: str) -> bool:
        """Whether training met `word` as a lowercase word (`universe`, `wire`)."""
        return self.met_as_written(word.lower())

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
        """Forget every word met so far, keeping the shipped vocabulary."""
        self._lexicon = Lexicon(self._facts)
        known = self._known
        if len(self._table) > known + _SPARE:
            table = np.empty((known + _SPARE, *self._table.shape[1:]), dtype=np.float32)
            table[:known] = self._table[:known]
            self._table = table
        self._scored = known
        self._lexicon.add([BEFORE, AFTER])
        self._score_new_words()

    def _score_new_words(self) -> None:
        lexicon = self._lexicon
        first = self._scored - lexicon.first_hashed
        ids = feature_rows(lexicon.values[first:])
        needed = self._scored + len(ids)
        if needed > len(self._table):
            grown = np.zeros((needed + needed // 2, *self._table.shape[1:]), dtype=np.float32)
            grown[: self._scored] = self._table[: self._scored]
            self._table = grown
        self._table[self._scored : needed] = self._scores_of(ids)
        self._scored = needed
        self._note_known(lexicon.hashed_words[first:], ids[:, LOWERCASE_COLUMN])

    def _note_known(self, words: list[str], lowercase_rows: Ints) -> None:
        """Record for `knows` whether training weighed each new word's lowercase form.

        Only plain ASCII words: for them the lowercase form `_knows_word` looks
        up is exactly the one their features hashed.
        """
        if len(self._known_words) + len(words) > _WORD_LIMIT:
            self._known_words.clear()
        weighed = (self._index[lowercase_rows] != 0).tolist()
        self._known_words.update(
            (word.lower(), known)
            for word, known in zip(words, weighed, strict=True)
            if word.isascii()
        )

    def word_scores(self, values: npt.NDArray[np.uint64]) -> Floats:
        """`(words, rows, tags)`: what each word (its `features.values_of` row) adds to scores.

        Row 0 is the word's own contribution, then one per context (`CONTEXTS`;
        zero for the normal one), then one per neighbour position (`OFFSETS`).
        """
        return self._scores_of(feature_rows(values))

    def _scores_of(self, ids: Ints) -> Floats:
        """`word_scores` from the words' `features.feature_rows`, with one gather."""
        gathered = self._rows[self._index[ids]]
        count, tags = len(ids), gathered.shape[2]
        scores = np.empty((count, _ROWS, tags), dtype=np.float32)
        scores[:, _OWN] = gathered[:, :OWN_END].sum(axis=1)
        scores[:, _IN_CONTEXT:_AS_NEIGHBOUR] = gathered[:, OWN_END:CONTEXT_END]
        scores[:, _IN_CONTEXT + NORMAL] = 0.0
        neighbours = gathered[:, CONTEXT_END:].reshape(count, len(OFFSETS), NEIGHBOUR_KINDS, tags)
        scores[:, _AS_NEIGHBOUR:] = neighbours.sum(axis=2)
        return scores

    def vocabulary(self, words: list[str]) -> Vocabulary:
        """`words` with their facts and scores, to ship with the model (`weights.save`)."""
        lexicon = Lexicon()
        lexicon.add(words)
        return Vocabulary(lexicon.facts(), self.word_scores(lexicon.values))

    def _sum(self, ids: Ints) -> Floats:
        """Sum weight rows over the last axis of `ids`."""
        summed: Floats = self._rows[self._index[ids]].sum(axis=-2)
        return summed
