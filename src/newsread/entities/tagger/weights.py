"""The trained weights: what is saved, shipped and loaded.

Besides the weights, the model carries the word clusters its features were
made with (`clusters`), and the training vocabulary with each word's summed
weight rows (`Vocabulary`), so a word met in training costs one dictionary
look-up at tagging time instead of hashing its features.
Words are stored as one newline-joined UTF-8 blob, not as pickled objects.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from newsread.entities.tagger.clusters import WordClusters
from newsread.entities.tagger.features import HASH_BITS
from newsread.entities.tagger.lexicon import WordFacts
from newsread.entities.tagger.tags import TAGS

MODEL_PATH: Final = Path(__file__).with_name("model.npz")
"""The shipped model, inside the installed package."""
_SCORES: Final = "word_scores"
_CHUNK: Final = 1 << 18


@dataclass(frozen=True, slots=True)
class Weights:
    """Feature weights (one row per hashed feature, one column per tag) and tag transitions."""

    features: npt.NDArray[np.float16]
    """`(2 ** HASH_BITS, len(TAGS))`."""
    transitions: npt.NDArray[np.float32]
    """`(len(TAGS) + 1, len(TAGS))`; the last row scores a sentence's first tag."""
    clusters: WordClusters | None = None
    """The word clusters the features were made with."""


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Words known in advance, with their facts and their scores as the tagger sums them."""

    facts: WordFacts
    scores: npt.NDArray[np.float32] | None
    """`(words, rows, len(TAGS))`: each word's contribution as `scoring.Tagger` lays it out;
    None when they stay in the model file (`stored`) until `copy_scores` reads them."""
    stored: Path | None = None

    def copy_scores(self, out: npt.NDArray[np.float32]) -> None:
        """Put the scores into `out` (C-contiguous, of their shape and type).

        Scores still in the model file are read straight into `out`, a slice at
        a time, so they never take memory twice (they are most of the model).
        """
        if self.scores is not None:
            out[...] = self.scores
        elif self.stored is not None:
            _read_member_into(self.stored, _SCORES, out)
        else:
            raise ValueError("a vocabulary without scores")


def save(weights: Weights, path: Path, vocabulary: Vocabulary | None = None) -> None:
    """Write `weights` (and `vocabulary`) to `path`: only the rows some feature uses."""
    used = np.flatnonzero(np.any(weights.features != 0, axis=1)).astype(np.int32)
    # `Any`: numpy's stubs cannot tell these names from `savez`'s own keywords.
    arrays: dict[str, Any] = {
        "rows": used,
        "values": weights.features[used],
        "transitions": weights.transitions,
        "tags": np.array(TAGS),
        "hash_bits": np.array(HASH_BITS),
    }
    if weights.clusters is not None:
        arrays |= {
            "cluster_keys": _blob(weights.clusters.keys),
            "cluster_ids": weights.clusters.ids.astype(np.int16),
        }
    if vocabulary is not None:
        facts = vocabulary.facts
        arrays |= {
            "vocabulary": _blob(facts.words),
            "lower_forms": _blob(facts.lower_forms),
            "word_classes": facts.classes.astype(np.int8),
            "word_lowers": facts.lowers.astype(np.int32),
            "word_bits": facts.bits.astype(np.int8),
            _SCORES: np.asarray(vocabulary.scores, dtype=np.float32),
        }
    with path.open("wb") as stream:
        np.savez(stream, **arrays)


def _blob(words: list[str]) -> npt.NDArray[np.uint8]:
    return np.frombuffer("\n".join(words).encode(), dtype=np.uint8)


def _words(blob: npt.NDArray[np.uint8]) -> list[str]:
    return blob.tobytes().decode().split("\n") if len(blob) else []


def load(path: Path = MODEL_PATH) -> Weights:
    """Read weights written by `save`; a model for another tag set or hash size is refused."""
    with np.load(path) as archive:
        if tuple(archive["tags"].tolist()) != TAGS or int(archive["hash_bits"]) != HASH_BITS:
            raise ValueError(f"{path} was trained for another tag set or feature hashing")
        values = archive["values"].astype(np.float16, copy=False)
        features = np.zeros((1 << HASH_BITS, values.shape[1]), dtype=np.float16)
        features[archive["rows"]] = values
        transitions = archive["transitions"].astype(np.float32, copy=False)
        clusters = _clusters(archive)
    return Weights(features, transitions, clusters)


def _clusters(archive: Any) -> WordClusters | None:
    """The clusters stored in an open model archive, if it has any."""
    if "cluster_keys" not in archive.files:
        return None
    return WordClusters(_words(archive["cluster_keys"]), archive["cluster_ids"])


@dataclass(frozen=True, slots=True)
class CompactWeights:
    """The weights as tagging reads them: only the rows some feature uses, as float32."""

    index: npt.NDArray[np.int32]
    """`(2 ** HASH_BITS,)`: each hashed feature's row in `rows`; 0 is the all-zero row."""
    rows: npt.NDArray[np.float32]
    """`(used + 1, len(TAGS))`."""
    transitions: npt.NDArray[np.float32]
    """As in `Weights`."""
    clusters: WordClusters | None = None
    """As in `Weights`."""
    vocabulary: Vocabulary | None = None


def compact(weights: Weights) -> CompactWeights:
    """`weights` without the rows no feature uses."""
    used = np.flatnonzero(np.any(weights.features != 0, axis=1))
    return _compacted(used, weights.features[used], weights.transitions, weights.clusters)


def load_compact(path: Path = MODEL_PATH) -> CompactWeights:
    """Read weights written by `save` straight into the compact form (no full table)."""
    with np.load(path) as archive:
        if tuple(archive["tags"].tolist()) != TAGS or int(archive["hash_bits"]) != HASH_BITS:
            raise ValueError(f"{path} was trained for another tag set or feature hashing")
        weights = _compacted(
            archive["rows"], archive["values"], archive["transitions"], _clusters(archive)
        )
        if "vocabulary" not in archive.files:
            return weights
        facts = WordFacts(
            _words(archive["vocabulary"]),
            _words(archive["lower_forms"]),
            archive["word_classes"].astype(np.int64),
            archive["word_lowers"].astype(np.int64),
            archive["word_bits"].astype(np.int64),
        )
        vocabulary = Vocabulary(facts, None, path)
        return CompactWeights(
            weights.index, weights.rows, weights.transitions, weights.clusters, vocabulary
        )


def _compacted(
    used: npt.NDArray[np.integer],
    values: npt.NDArray[np.floating],
    transitions: npt.NDArray[np.floating],
    clusters: WordClusters | None,
) -> CompactWeights:
    index = np.zeros(1 << HASH_BITS, dtype=np.int32)
    index[used] = np.arange(1, len(used) + 1, dtype=np.int32)
    rows = np.zeros((len(used) + 1, values.shape[1]), dtype=np.float32)
    rows[1:] = values
    return CompactWeights(index, rows, transitions.astype(np.float32, copy=False), clusters)


def _read_member_into(path: Path, name: str, out: npt.NDArray[np.float32]) -> None:
    """Read the array `name` of the `.npz` at `path` into `out`, which must match it exactly."""
    with zipfile.ZipFile(path) as archive, archive.open(f"{name}.npy") as stream:
        version = np.lib.format.read_magic(stream)
        if version == (1, 0):
            shape, fortran_order, dtype = np.lib.format.read_array_header_1_0(stream)
        else:
            shape, fortran_order, dtype = np.lib.format.read_array_header_2_0(stream)
        if shape != out.shape or dtype != out.dtype or fortran_order or not out.flags.c_contiguous:
            raise ValueError(f"{path}: {name} is {dtype}{shape}, not {out.dtype}{out.shape}")
        target = out.reshape(-1).view(np.uint8)
        filled = 0
        while filled < len(target):
            chunk = stream.read(min(_CHUNK, len(target) - filled))
            if not chunk:
                raise ValueError(f"{path}: {name} ends early")
            target[filled : filled + len(chunk)] = np.frombuffer(chunk, dtype=np.uint8)
            filled += len(chunk)
