"""The trained named-entity tagger: people, organisations, places and other names.

An averaged structured perceptron over hashed word features with Viterbi
decoding, trained on CoNLL-2003 English (`newsread.entities.train`). The
model is loaded on first use and kept (`shared_tagger`), so importing this
package costs nothing.
"""

from __future__ import annotations

from functools import cache

from newsread.entities.tagger.scoring import Tagger
from newsread.entities.tagger.weights import MODEL_PATH, load_compact

__all__ = ["MODEL_PATH", "Tagger", "shared_tagger"]


@cache
def shared_tagger() -> Tagger:
    """The shipped model, loaded once per process."""
    return Tagger(load_compact(MODEL_PATH))
