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

from newsread.entities.tagger.document import contexts_and_flags_of
from newsread.entities.tagger.features import (
    AFTER,
    BEFORE,
    CONTEXT_END,
    CONTEXTS,
    FLAGS,
    HAS_LOWERCASE,
    IS_CAPITALISED,
    IS_LOWER,
    LOWERCASE_COLUMN,
    NEIGHBOUR_KINDS,
    NORMAL,
    OFFSETS,
    OWN_END,
    class_ids,
    feature_rows,
    lowercase_row,
    normalise,
)
from newsread.entities.tagger.lexicon import Lexicon
from newsread.entities.tagger.viterbi import decode_scores, pruning_margin
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
_OFFSETS_BY_ROW: Final = np.array(OFFSETS, dtype=np.int64)[:, None]
_NEIGHBOUR_ROWS_BY_ROW: Final = _AS_NEIGHBOUR + np.arange(len(OFFSETS), dtype=np.int64)[:, None]


class Tagger:
    """Tags documents with the trained weights."""

    def __init__(self, weights: Weights | CompactWeights) -> None:
        if isinstance(weights, Weights):
            weights = compact(weights)
        self._index = weights.index
        self._rows = weights.rows
        self._transitions = weights.transitions
        self._clusters = weights.clusters.mapping() if weights.clusters is not None else None
        self._margin = pruning_margin(weights.transitions)
        classes = self._sum(class_ids())
        class_rows = classes.reshape(-1, classes.shape[3])
        self._padded_positions = np.zeros(0, dtype=np.int64)
        self._seen = np.zeros(0, dtype=np.uint8)
        """Scratch for `contexts_and_flags_of`, all zeros between documents."""
        vocabulary = weights.vocabulary
        self._facts = vocabulary.facts if vocabulary is not None else None
        self._known = len(vocabulary.facts.words) if vocabulary is not None else 0
        """The shipped vocabulary's words come first in the lexicon."""
        self._first_word = -(-len(class_rows) // _ROWS)
        """The table's slot of the lexicon's first word: the slots before it hold the summed
        class, context and document rows, by `(class, context, flags)`, so that one
        gather fetches every row a token's score sums."""
        self._table: Floats = np.zeros(
            (self._first_word + self._known + _SPARE, _ROWS, weights.rows.shape[1]),
            dtype=np.float32,
        )
        self._table.reshape(-1, class_rows.shape[1])[: len(class_rows)] = class_rows
        if vocabulary is not None:
            vocabulary.copy_scores(self._table[self._first_word : self._first_word + self._known])
        self._lexicon = Lexicon(clusters=self._clusters)
        self._scored = 0
        self._known_words: dict[str, bool] = {}
        self._training_forms: frozenset[str] | None = (
            frozenset(vocabulary.facts.lower_forms) if vocabulary is not None else None
        )
        """The lowercase forms of every word training met (`knows`)."""
        self._known_names: dict[str, bool] = {}
        self._reset()
        self._always_capitalised = np.zeros(self._known + 1, dtype=bool)
        """Whether each training word is capitalised and training never met it in lowercase
        (`Volkswagen`; not `Apples`): its capital means as much opening a sentence as
        inside one, so it keeps the normal context there. New words (the last entry) do not:
        `Surgeons` opening a sentence may be a common word training never met."""
        if vocabulary is not None:
            facts = vocabulary.facts
            met_in_lowercase = np.zeros(len(facts.lower_forms), dtype=bool)
            met_in_lowercase[facts.lowers[(facts.bits & IS_LOWER) > 0]] = True
            capitalised = (facts.bits & (IS_CAPITALISED | HAS_LOWERCASE)) == (
                IS_CAPITALISED | HAS_LOWERCASE
            )
            self._always_capitalised[: self._known] = capitalised & ~met_in_lowercase.take(
                facts.lowers
            )

    def tag(self, words: list[str], starts: Ints, headlines: npt.NDArray[np.bool_]) -> Ints:
        """Tag indices (`tags.TAGS`) for a document's tokens.

        `words` are all tokens, `starts` where each sentence begins (ascending,
        first 0), `headlines` whether each sentence is on a Title Case line.
        """
        if not words:
            return np.zeros(0, dtype=np.int64)
        scores = self._tag_scores(words, starts, headlines)
        return decode_scores(scores, starts, self._transitions, self._margin)

    def emissions(self, words: list[str], starts: Ints, headlines: npt.NDArray[np.bool_]) -> Floats:
        """`(tokens, tags)` scores before transitions."""
        scores: Floats = self._tag_scores(words, starts, headlines).T
        return scores

    def _tag_scores(
        self, words: list[str], starts: Ints, headlines: npt.NDArray[np.bool_]
    ) -> Floats:
        """`emissions`, tag-major: `(tags, tokens)`."""
        if len(self._lexicon) - self._lexicon.first_hashed > _WORD_LIMIT:
            self._reset()
        lexicon = self._lexicon
        ids = lexicon.ids(words)
        if len(lexicon) > self._scored:
            self._score_new_words()
        classes, lowers, bits = lexicon.facts_of(ids)
        if len(self._seen) < lexicon.lower_count:
            self._seen = np.zeros(2 * lexicon.lower_count, dtype=np.uint8)
        always_capitalised = self._always_capitalised.take(np.minimum(ids, self._known))
        context, flags = contexts_and_flags_of(
            lowers, bits, self._seen, starts, headlines, always_capitalised
        )
        count = len(ids)
        # Each sentence gets two stand-in words on either side, so a token's
        # neighbours are at fixed distances from it.
        sentence = np.zeros(count, dtype=np.int64)
        sentence[starts[1:]] = 4
        padded_at = np.cumsum(sentence)
        padded_at += self._positions(count)
        first_word = self._first_word
        after = (lexicon.index[AFTER] + first_word) * _ROWS
        padded = np.full(count + 4 * len(starts), after, dtype=np.int64)
        base = ids + first_word
        base *= _ROWS
        padded[padded_at] = base
        opening = padded_at[starts]
        padded[opening - 2] = padded[opening - 1] = (lexicon.index[BEFORE] + first_word) * _ROWS
        # One gather of every row a token's score sums, in the order they are
        # summed (float32 sums depend on it): its own, its class's (with context
        # and document flags), its context's (all zero in the normal context) and
        # its four neighbours'.
        rows = np.empty((3 + len(OFFSETS), count), dtype=np.int64)
        rows[_OWN] = base
        by_class = rows[1]
        np.multiply(classes, len(CONTEXTS) * len(FLAGS), out=by_class)
        by_class += context * len(FLAGS)
        by_class += flags
        np.add(base, context, out=rows[2])
        rows[2] += _IN_CONTEXT
        rows[3:] = padded.take(padded_at + _OFFSETS_BY_ROW)
        rows[3:] += _NEIGHBOUR_ROWS_BY_ROW
        gathered = self._table.reshape(-1, self._table.shape[2]).take(rows, axis=0)
        scores: Floats = np.add.reduce(gathered, axis=0)
        return np.ascontiguousarray(scores.T)

    def _positions(self, count: int) -> Ints:
        """`2, 3, …, count + 1`: where tokens sit in a padded single sentence (kept, with room)."""
        if len(self._padded_positions) < count:
            self._padded_positions = np.arange(2, 2 * count + 2, dtype=np.int64)
        return self._padded_positions[:count]

    def knows(self, name: str) -> bool:
        """Whether training met every word of `name` (in any case).

        With the shipped vocabulary that is a look-up; a bare model can only
        tell whether the word's lowercase row has weight, which about one new
        word in ten's has too, from other features hashed to the same row.
        """
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
            if self._training_forms is not None:
                known = normalise(lower) in self._training_forms
            else:
                known = bool(self._index[lowercase_row(lower)])
            self._known_words[lower] = known
        return known

    def _reset(self) -> None:
        """Forget every word met so far, keeping the shipped vocabulary."""
        self._lexicon = Lexicon(self._facts, self._clusters)
        kept = self._first_word + self._known
        if len(self._table) > kept + _SPARE:
            table = np.empty((kept + _SPARE, *self._table.shape[1:]), dtype=np.float32)
            table[:kept] = self._table[:kept]
            self._table = table
        self._scored = self._known
        self._lexicon.add([BEFORE, AFTER])
        self._score_new_words()

    def _score_new_words(self) -> None:
        lexicon = self._lexicon
        first = self._scored - lexicon.first_hashed
        ids = feature_rows(lexicon.values[first:])
        first_slot = self._first_word + self._scored
        needed = first_slot + len(ids)
        if needed > len(self._table):
            grown = np.zeros((needed + needed // 2, *self._table.shape[1:]), dtype=np.float32)
            grown[:first_slot] = self._table[:first_slot]
            self._table = grown
        self._table[first_slot:needed] = self._scores_of(ids)
        self._scored += len(ids)
        if self._training_forms is None:
            self._note_known(lexicon.hashed_words[first:], ids[:, LOWERCASE_COLUMN])

    def _note_known(self, words: list[str], lowercase_rows: Ints) -> None:
        """Record for `knows` whether training weighed each new word's lowercase form.

        Only plain ASCII words: for them the lowercase form `_knows_word` looks
        up is exactly the one their features hashed.
        """
        if len(self._known_words) + len(words) > _WORD_LIMIT:
            self._known_words.clear()
        weighed = (self._index.take(lowercase_rows) != 0).tolist()
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
        gathered = self._rows.take(self._index.take(ids), axis=0)
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
        lexicon = Lexicon(clusters=self._clusters)
        lexicon.add(words)
        return Vocabulary(lexicon.facts(), self.word_scores(lexicon.values))

    def _sum(self, ids: Ints) -> Floats:
        """Sum weight rows over the last axis of `ids`."""
        summed: Floats = self._rows[self._index[ids]].sum(axis=-2)
        return summed
