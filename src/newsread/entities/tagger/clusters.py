"""Word clusters learned from the training text: words that occur in like contexts share one.

A word met a few times in training says little on its own; its cluster
(`Ajax` with the other club names, `Tuesday` with the other weekdays) pools
what the model learns of every word in it. The clusters are those of a
class bigram model (Kneser & Ney's exchange algorithm, as `mkcls` does it):
each word in turn moves to the cluster that most raises the likelihood of
the text, sweep after sweep, until hardly any word moves. Words are keyed
by their lowercase form with digits as `0` (`features.folded`), so `Ajax`,
`AJAX` and `ajax` share a cluster, as do `1996` and `2025`.

A word met only once in training gets no cluster, so that training sees
words without one, as tagging sees every new name. Given a cluster for
every word, the tagger leaned on them and labelled made-up names far worse
(four models trained on 746 of eng.train's documents: name F1 on the
synthetic articles of `bench/entities.py` 82.6 without clusters, 77.6 with
one for every word, 85.6 with none for words met once).

Only the training text is read, in a fixed order, with no randomness: the
same text gives the same clusters.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

from newsread.entities.tagger.features import AFTER, BEFORE, CLUSTER_LIMIT, folded

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

_SETTLED: Final = 0.002
"""Sweeps stop once fewer than this share of the words move."""


@dataclass(frozen=True, slots=True)
class WordClusters:
    """Each training word's cluster, by its `features.folded` form, and that of the stand-ins
    for positions before and after a sentence (`features.BEFORE`, `features.AFTER`)."""

    keys: list[str]
    ids: npt.NDArray[np.int16]
    """`ids[i]` is the cluster of `keys[i]`."""

    def mapping(self) -> dict[str, int]:
        """Cluster by key."""
        return dict(zip(self.keys, self.ids.tolist(), strict=True))


def learn_clusters(
    sentences: Iterable[Sequence[str]], count: int, min_count: int = 2, sweeps: int = 15
) -> WordClusters:
    """Group the words of `sentences` into `count` clusters (see the module's docstring).

    Words met fewer than `min_count` times are grouped with the rest but get no cluster.
    """
    if not 2 <= count <= CLUSTER_LIMIT:
        raise ValueError(f"the number of clusters must be from 2 to {CLUSTER_LIMIT}")
    # The stand-in for the positions around a sentence stands between sentences
    # (no bigram spans two) and gets a cluster like any word: the tagger's
    # features see it as a neighbour, and a word with no cluster must not look
    # like the edge of a sentence.
    text = [BEFORE]
    for sentence in sentences:
        text.extend(map(folded, sentence))
        text.append(BEFORE)
    keys, tokens, frequencies = np.unique(
        np.array(text, dtype=object), return_inverse=True, return_counts=True
    )
    exchange = _Exchange(tokens.astype(np.int64), len(keys), count)
    # The most frequent words move first; on equal counts, the order of `keys`.
    order = np.argsort(-frequencies, kind="stable")
    exchange.start(order)
    for _ in range(sweeps):
        if exchange.sweep(order) < _SETTLED * len(keys):
            break
    kept = frequencies >= min_count
    kept[keys == BEFORE] = True
    words = keys[kept].tolist()
    ids = exchange.cluster[kept].tolist()
    ids.append(ids[words.index(BEFORE)])
    words.append(AFTER)
    return WordClusters(words, np.array(ids, dtype=np.int16))


def _xlogx(values: Floats) -> Floats:
    """`x log x` of counts (0 for 0)."""
    result: Floats = values * np.log(np.maximum(values, 1.0))
    return result


class _Exchange:
    """The counts the exchange algorithm keeps: which word follows which, by word and cluster."""

    def __init__(self, tokens: Ints, words: int, clusters: int) -> None:
        self.clusters = clusters
        self.cluster = np.zeros(words, dtype=np.int64)
        pairs, pair_counts = np.unique(tokens[:-1] * words + tokens[1:], return_counts=True)
        self._left, self._right = pairs // words, pairs % words
        self._pair_counts = pair_counts.astype(np.float64)
        self._self_counts = np.zeros(words, dtype=np.float64)
        same = self._left == self._right
        self._self_counts[self._left[same]] = self._pair_counts[same]
        # Each word's followers and predecessors, as slices of sorted pair lists.
        by_left = np.argsort(self._left, kind="stable")
        self._followers = (
            np.searchsorted(self._left[by_left], np.arange(words + 1)),
            self._right[by_left],
            self._pair_counts[by_left],
        )
        by_right = np.argsort(self._right, kind="stable")
        self._predecessors = (
            np.searchsorted(self._right[by_right], np.arange(words + 1)),
            self._left[by_right],
            self._pair_counts[by_right],
        )
        self._bigrams = np.zeros((clusters, clusters), dtype=np.float64)
        self._as_left = np.zeros(clusters, dtype=np.float64)
        self._as_right = np.zeros(clusters, dtype=np.float64)

    def start(self, order: Ints) -> None:
        """The most frequent words one to a cluster, all others in the last."""
        self.cluster[:] = self.clusters - 1
        first = order[: self.clusters - 1]
        self.cluster[first] = np.arange(len(first))
        np.add.at(
            self._bigrams,
            (self.cluster[self._left], self.cluster[self._right]),
            self._pair_counts,
        )
        self._as_left = self._bigrams.sum(axis=1)
        self._as_right = self._bigrams.sum(axis=0)

    def sweep(self, order: Ints) -> int:
        """Move each word of `order` to its best cluster; return how many moved."""
        moved = 0
        for word in order.tolist():
            moved += self._move(word)
        return moved

    def _neighbours(self, side: tuple[Ints, Ints, Floats], word: int) -> tuple[Floats, float]:
        """Counts of `word`'s neighbours on one side by cluster, and their total."""
        offsets, others, counts = side
        low, high = offsets[word], offsets[word + 1]
        weights = counts[low:high]
        by_cluster: Floats = np.bincount(
            self.cluster[others[low:high]], weights=weights, minlength=self.clusters
        ).astype(np.float64, copy=False)
        return by_cluster, float(weights.sum())

    def _move(self, word: int) -> int:
        bigrams = self._bigrams
        old = int(self.cluster[word])
        followers, as_left = self._neighbours(self._followers, word)
        predecessors, as_right = self._neighbours(self._predecessors, word)
        # A word following itself counts once, in the cell of its own cluster twice over.
        itself = self._self_counts[word]
        followers[old] -= itself
        predecessors[old] -= itself
        bigrams[old] -= followers
        bigrams[:, old] -= predecessors
        bigrams[old, old] -= itself
        self._as_left[old] -= as_left
        self._as_right[old] -= as_right
        gain = self._gains(followers, predecessors, itself, as_left, as_right)
        new = int(gain.argmax())
        if gain[new] <= gain[old] + 1e-9:
            new = old
        self.cluster[word] = new
        bigrams[new] += followers
        bigrams[:, new] += predecessors
        bigrams[new, new] += itself
        self._as_left[new] += as_left
        self._as_right[new] += as_right
        return int(new != old)

    def _gains(
        self,
        followers: Floats,
        predecessors: Floats,
        itself: float,
        as_left: float,
        as_right: float,
    ) -> Floats:
        """The log-likelihood each cluster would gain by taking the word."""
        bigrams = self._bigrams
        after = followers.nonzero()[0]
        rows = bigrams[:, after]
        gain: Floats = (_xlogx(rows + followers[after]) - _xlogx(rows)).sum(axis=1)
        before = predecessors.nonzero()[0]
        columns = bigrams[before]
        gain += (_xlogx(columns + predecessors[before, None]) - _xlogx(columns)).sum(axis=0)
        # The cell of the cluster with itself takes followers, predecessors and the
        # word's own pairs at once, where the sums above counted each apart.
        diagonal = bigrams.diagonal()
        gain += (
            _xlogx(diagonal + followers + predecessors + itself)
            - _xlogx(diagonal + followers)
            - _xlogx(diagonal + predecessors)
            + _xlogx(diagonal)
        )
        gain -= _xlogx(self._as_left + as_left) - _xlogx(self._as_left)
        gain -= _xlogx(self._as_right + as_right) - _xlogx(self._as_right)
        return gain
