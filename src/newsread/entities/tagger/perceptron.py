"""Training: an averaged structured perceptron over whole sentences.

Each sentence is decoded with the current weights; where the best path
differs from the gold tags, the gold path's features gain and the predicted
path's lose. The averaged weights (the mean over every step of training)
are what is kept: they generalise far better than the last ones.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsread.entities.tagger.conll import Document
from newsread.entities.tagger.document import contexts_and_flags
from newsread.entities.tagger.features import (
    AFTER,
    BEFORE,
    HASH_BITS,
    NORMAL,
    OFFSETS,
    Clusters,
    class_ids,
    word_ids,
)
from newsread.entities.tagger.lexicon import Lexicon
from newsread.entities.tagger.tags import TAGS, allowed_transitions, from_iob1
from newsread.entities.tagger.viterbi import decode_sentence
from newsread.entities.tagger.weights import Weights

Ints = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Example:
    """One sentence ready for training: every token's feature rows, and its gold tags."""

    rows: Ints
    """All feature rows of all tokens, token after token."""
    starts: Ints
    """Where each token's rows begin in `rows`."""
    gold: Ints


_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "as",
        "with",
        "from",
        "vs",
    ]
)


def _title_case(word: str) -> str:
    if word in _SMALL_WORDS or not word[:1].islower():
        return word
    return word[0].upper() + word[1:]


def examples(
    documents: Sequence[Document],
    title_case_share: float,
    seed: int,
    clusters: Clusters | None = None,
) -> list[Example]:
    """Every sentence of `documents`, encoded as the tagger will see it at run time.

    `clusters` are the word clusters the features use (the model must carry
    the same ones: `Weights.clusters`).

    The training news has capital-letter headlines but no Title Case ones, which
    modern articles are full of: copies of a share of the sentences with every
    longer word capitalised, on lines flagged as headlines, teach the model not
    to trust capitals there.
    """
    chooser = random.Random(seed)
    lexicon = Lexicon(clusters=clusters)
    lexicon.add([BEFORE, AFTER])
    prepared: list[tuple[list[tuple[str, ...]], list[list[int]], list[bool]]] = []
    for document in documents:
        sentences = [sentence.words for sentence in document]
        golds = [from_iob1(sentence.labels) for sentence in document]
        headlines = [False] * len(sentences)
        for words, gold in zip([*sentences], [*golds], strict=True):
            if chooser.random() < title_case_share and any(w.islower() for w in words):
                sentences.append(tuple(_title_case(word) for word in words))
                golds.append(gold)
                headlines.append(True)
        lexicon.add(word for words in sentences for word in words)
        prepared.append((sentences, golds, headlines))

    own, in_context, as_neighbour = word_ids(lexicon.values)
    by_class = class_ids()
    before, after = lexicon.index[BEFORE], lexicon.index[AFTER]
    encoded: list[Example] = []
    for sentences, golds, headlines in prepared:
        flat = [word for words in sentences for word in words]
        ids = lexicon.ids(flat)
        lengths = np.array([len(words) for words in sentences], dtype=np.int64)
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
        context, flags = contexts_and_flags(lexicon, ids, starts, np.array(headlines))
        special = np.where(context != NORMAL, in_context[ids, context], -1)
        columns = [own[ids], by_class[lexicon.classes[ids], context, flags], special[:, None]]
        for start, length, gold in zip(starts, lengths, golds, strict=True):
            window = np.concatenate(([before, before], ids[start : start + length], [after, after]))
            parts = [column[start : start + length] for column in columns]
            for slot, offset in enumerate(OFFSETS):
                parts.append(as_neighbour[window[2 + offset : 2 + offset + length], slot])
            rows = np.concatenate(parts, axis=1)
            keep = rows >= 0
            counts = keep.sum(axis=1)
            encoded.append(
                Example(
                    rows[keep],
                    np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64),
                    np.array(gold, dtype=np.int64),
                )
            )
    return encoded


def train(
    data: Sequence[Example],
    epochs: int,
    seed: int,
    report: Callable[[int, float], None] | None = None,
) -> Weights:
    """Averaged perceptron over `data` for `epochs` passes, in an order fixed by `seed`."""
    tags = len(TAGS)
    features = np.zeros((1 << HASH_BITS, tags), dtype=np.float32)
    feature_sums = np.zeros(features.shape, dtype=np.float64)
    transitions = np.zeros((tags + 1, tags), dtype=np.float32)
    transition_sums = np.zeros_like(transitions)
    forbidden = allowed_transitions()
    order = list(range(len(data)))
    shuffler = random.Random(seed)
    step = 1
    for epoch in range(epochs):
        shuffler.shuffle(order)
        mistakes = 0
        for index in order:
            example = data[index]
            emissions = np.add.reduceat(features[example.rows], example.starts, axis=0)
            predicted = decode_sentence(emissions, transitions + forbidden)
            wrong = predicted != example.gold
            if wrong.any():
                mistakes += int(wrong.sum())
                _update_features(features, feature_sums, example, wrong, predicted, step)
                _update_transitions(transitions, transition_sums, example.gold, predicted, step)
            step += 1
        if report is not None:
            report(epoch + 1, mistakes / sum(len(e.gold) for e in data))
    averaged = features - (feature_sums / step).astype(np.float32)
    averaged_transitions = transitions - transition_sums / step + forbidden
    return Weights(averaged.astype(np.float16), averaged_transitions.astype(np.float32))


def combine(models: Sequence[Weights]) -> Weights:
    """The mean of several models' weights: one model that errs less on news none of them saw.

    Models trained on the same data in different orders make different
    mistakes on unseen words; their mean keeps what they agree on. Their
    features must have been made with the same clusters, which the mean keeps.
    """
    if not models:
        raise ValueError("no models to combine")
    features = np.mean([model.features.astype(np.float32) for model in models], axis=0)
    transitions = np.mean([model.transitions for model in models], axis=0)
    return Weights(features.astype(np.float16), transitions.astype(np.float32), models[0].clusters)


def _update_features(
    features: npt.NDArray[np.float32],
    sums: npt.NDArray[np.float64],
    example: Example,
    wrong: npt.NDArray[np.bool_],
    predicted: Ints,
    step: int,
) -> None:
    ends = np.append(example.starts[1:], len(example.rows))
    for token in np.flatnonzero(wrong):
        rows = example.rows[example.starts[token] : ends[token]]
        gold, guess = example.gold[token], predicted[token]
        np.add.at(features, (rows, gold), 1.0)
        np.add.at(features, (rows, guess), -1.0)
        np.add.at(sums, (rows, gold), float(step))
        np.add.at(sums, (rows, guess), -float(step))


def _update_transitions(
    transitions: npt.NDArray[np.float32],
    sums: npt.NDArray[np.float32],
    gold: Ints,
    predicted: Ints,
    step: int,
) -> None:
    start = len(TAGS)
    for path, sign in ((gold, 1.0), (predicted, -1.0)):
        previous = np.concatenate(([start], path[:-1]))
        np.add.at(transitions, (previous, path), sign)
        np.add.at(sums, (previous, path), sign * step)
