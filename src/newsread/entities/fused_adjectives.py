"""`Boston-based`: a name fused with an adjective's suffix is one MISC name, as CoNLL marks it.

Earlier stages cut the suffix off (`common_words.cut_adjective_suffixes`) so the name
inside takes part in the article's evidence and identity like any mention of it. Here the
suffix goes back on, and the word is labelled as CoNLL's guidelines label adjectives made
of names: MISC (in eng.train and eng.testa 102 of the 113 such words are). The mention
keeps the name's key, so the library counts it as a mention of `Boston`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from newsread.entities.identity import NAME_LABELS
from newsread.entities.lexicon import ADJECTIVE_SUFFIXES
from newsread.model import Entity

_SUFFIX: Final = re.compile(r"-([A-Za-z]+)(?![\w'’-])")


def whole_fused_adjectives(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`entities` with each name followed by an adjective's suffix (`Boston` of
    `Boston-based`) stretched over it and labelled MISC."""
    result = list(entities)
    for index, entity in enumerate(entities):
        if entity.label not in NAME_LABELS or text[entity.end : entity.end + 1] != "-":
            continue
        suffix = _SUFFIX.match(text, entity.end)
        if suffix is None or suffix.group(1).casefold() not in ADJECTIVE_SUFFIXES:
            continue
        end = suffix.end()
        if index + 1 < len(entities) and entities[index + 1].start < end:
            continue
        result[index] = Entity(entity.start, end, "MISC", text[entity.start : end], entity.key)
    return result
