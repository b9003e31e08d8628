"""Word clusters: learned from the training text, carried by the model, used for new spellings."""

from __future__ import annotations

import dataclasses
from itertools import product
from pathlib import Path

import numpy as np
import pytest

from newsread.entities.tagger.clusters import learn_clusters
from newsread.entities.tagger.conll import Document, LabelledSentence
from newsread.entities.tagger.features import AFTER, BEFORE, folded, word_values
from newsread.entities.tagger.perceptron import examples, train
from newsread.entities.tagger.scoring import Tagger
from newsread.entities.tagger.weights import load_compact, save

_DETERMINERS = ["the", "a", "this", "that"]
_ANIMALS = ["cat", "dog", "cow", "pig"]
_VERBS = ["sat", "ran", "ate", "hid"]


def _sentences() -> list[tuple[str, ...]]:
    return [tuple(words) for words in product(_DETERMINERS, _ANIMALS, _VERBS)]


def test_words_used_alike_share_a_cluster_and_words_used_apart_do_not() -> None:
    clusters = learn_clusters(_sentences(), 4).mapping()
    groups = [{clusters[word] for word in group} for group in (_DETERMINERS, _ANIMALS, _VERBS)]
    assert all(len(group) == 1 for group in groups)
    assert len(set.union(*groups)) == 3


def test_spellings_of_one_word_and_numbers_of_one_shape_share_a_cluster() -> None:
    sentences = [("Ajax", "won", "in", "1996"), ("AJAX", "lost", "in", "2025"), ("ajax", "drew")]
    clusters = learn_clusters(sentences, 8, min_count=1)
    words = {"ajax", "won", "lost", "drew", "in", "0000"}
    assert sorted(clusters.keys) == sorted(words | {BEFORE, AFTER})


def test_a_word_met_once_gets_no_cluster_as_a_new_name_has_none() -> None:
    sentences = [("Ajax", "won", "in", "1996"), ("AJAX", "lost", "in", "2025"), ("ajax", "drew")]
    clusters = learn_clusters(sentences, 8).mapping()
    assert clusters.keys() == {"ajax", "in", "0000", BEFORE, AFTER}
    assert word_values("won", clusters)[-1] == word_values("Zorblax", clusters)[-1] == 0
    assert folded("AJAX") == folded("Ajax") == "ajax"
    assert folded("1,996") == "0,000"


def test_the_number_of_clusters_is_checked() -> None:
    with pytest.raises(ValueError, match="number of clusters"):
        learn_clusters(_sentences(), 1)


def test_the_edges_of_a_sentence_have_a_cluster_so_a_new_word_never_looks_like_one() -> None:
    # A word beside a name that training never met must not read as the
    # sentence's edge to it: `Elon` before `Musk` is not a sentence's last word.
    clusters = learn_clusters(_sentences(), 4).mapping()
    assert clusters[BEFORE] == clusters[AFTER]
    edge = word_values(BEFORE, clusters)[-1]
    assert edge == word_values(AFTER, clusters)[-1] != word_values("Zorblax", clusters)[-1]


def test_a_word_without_a_cluster_gets_a_value_no_clustered_word_has() -> None:
    clusters = {"cat": 0, "dog": 0, "sat": 1}
    cat, dog, sat, emu = (word_values(word, clusters)[-1] for word in ("Cat", "dog", "sat", "emu"))
    assert cat == dog != sat
    assert emu == 0 and 0 not in (cat, sat)
    assert word_values("cat")[-1] == 0


def _document(rows: list[list[tuple[str, str]]]) -> Document:
    return [
        LabelledSentence(tuple(word for word, _ in row), tuple(label for _, label in row))
        for row in rows
    ]


def test_a_new_spelling_of_a_training_word_is_scored_through_its_cluster(tmp_path: Path) -> None:
    # `Dravik` is only ever met capitalised in training; `DRAVIK` is a spelling
    # the model never saw, which only its cluster links to what training taught.
    rows = [
        [(city, "I-LOC"), ("police", "O"), ("said", "O")]
        for city in ("Dravik", "Oslo", "Lyon", "Quito", "Pune")
    ] * 20
    rows += [[("Anna", "I-PER"), ("said", "O"), ("so", "O")]] * 20
    document = _document(rows)
    sentences = [sentence.words for sentence in document]
    clusters = learn_clusters(sentences, 8)
    weights = dataclasses.replace(
        train(examples([document], 0.0, 7, clusters.mapping()), epochs=3, seed=7),
        clusters=clusters,
    )
    saved = tmp_path / "model.npz"
    save(weights, saved)
    loaded = load_compact(saved)
    assert loaded.clusters is not None and loaded.clusters.mapping() == clusters.mapping()

    words = ["DRAVIK", "police", "said"]
    starts = np.zeros(1, dtype=np.int64)
    headlines = np.zeros(1, dtype=bool)
    with_clusters = Tagger(loaded).emissions(words, starts, headlines)
    without = Tagger(dataclasses.replace(loaded, clusters=None)).emissions(words, starts, headlines)
    assert np.array_equal(with_clusters, Tagger(weights).emissions(words, starts, headlines))
    assert not np.array_equal(with_clusters[0], without[0])


def test_the_shipped_model_carries_clusters_of_its_training_words() -> None:
    weights = load_compact()
    assert weights.clusters is not None
    clusters = weights.clusters.mapping()
    assert len(clusters) > 9_000
    assert weights.vocabulary is not None
    assert clusters.keys() <= {folded(word) for word in weights.vocabulary.facts.words}
    # Capitals in one cluster, football clubs in another: what the text taught.
    capitals = {clusters[city] for city in ("london", "paris", "berlin", "beijing", "athens")}
    clubs = {clusters[club] for club in ("chelsea", "arsenal", "aberdeen", "anderlecht")}
    assert len(capitals) == len(clubs) == 1 and capitals != clubs
