"""Entity-level scores of the tagger on labelled documents (exact span and type, as conlleval)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsread.entities.tagger.conll import Document
from newsread.entities.tagger.scoring import Tagger
from newsread.entities.tagger.tags import from_iob1, spans


@dataclass(frozen=True, slots=True)
class Scores:
    """Precision, recall and F1 over exact names."""

    precision: float
    recall: float
    f1: float


def score(tagger: Tagger, documents: Sequence[Document]) -> Scores:
    """Tag each document (its own tokens) and compare the names with the gold ones."""
    correct = guessed = expected = 0
    for document in documents:
        words = [word for sentence in document for word in sentence.words]
        lengths = [len(sentence.words) for sentence in document]
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
        tags = tagger.tag(words, starts, np.zeros(len(document), dtype=bool))
        gold = [tag for sentence in document for tag in from_iob1(sentence.labels)]
        cuts = [*starts[1:].tolist(), len(words)]
        begin = 0
        for cut in cuts:
            expected_spans = set(spans(gold[begin:cut]))
            found = set(spans(tags[begin:cut].tolist()))
            correct += len(expected_spans & found)
            guessed += len(found)
            expected += len(expected_spans)
            begin = cut
    precision = correct / guessed if guessed else 0.0
    recall = correct / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1)
