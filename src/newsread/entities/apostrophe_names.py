"""Names that end in `'s` (`Lloyd's`, `Moody's`, `McDonald's`): the `'s` is theirs, no
possessive.

A possessive's `'s` stays outside a name (`Tesla's Cybertruck`). But a name
written with `'s` in every one of its mentions, one of which the `'s` cannot
own anything after (`Lloyd's is`, `Lloyd's of London`, `gave Lloyd's a
reprieve`, `Moody's.`), is a name ending in it: a business named after its
founder, most often. In eng.train and eng.testa seven names have every one of
their (two or more) mentions followed by `'s` and one so followed: all seven
are names ending in `'s` (32 mentions); one other name is so written, but as a
possessive (`Crohn's`, four mentions). A name named once takes its `'s` when it says
something (`Standard & Poor's said`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from newsread.entities.identity import NAME_LABELS, name_key
from newsread.entities.lexicon import DISEASE_WORDS
from newsread.entities.merge import touches_next
from newsread.model import Entity

_APOSTROPHE_S: Final = re.compile(r"[ \t]?['’]s\b")
_NOTHING_OWNED: Final = re.compile(
    r"[ \t]*(?:[.,;:!?]|$|(?:a|an|the|is|was|has|had|said|says|will|would|of|and|or|to|in|on|"
    r"for|at|with|as|by|are|were|have|did|does|could|can|may|might|should|must)\b)",
    re.MULTILINE,
)
"""What may follow a name's own `'s` but not a possessive one: punctuation, a function
word, a verb (`Lloyd's is`, `Lloyd's of London`, `ordered Lloyd's to give`)."""


_AILMENT: Final = re.compile(rf"[ \t]+(?:{'|'.join(sorted(DISEASE_WORDS))})\b")
"""`Crohn's disease`: a disease named after a person, whose `'s` is a possessive's."""
_SPEAKING: Final = re.compile(r"[ \t]+(?:said|says)\b")
"""`Standard & Poor's said`: what says is no one's possession, so a name named only once
so ends in its `'s` (a possessive before `is` may stand for a thing: `Crohn's is…`)."""


def with_name_apostrophes(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`entities` with every mention of a name that ends in `'s` taking it in (see the
    module's docstring); a person's name so written becomes an organisation's."""
    if "'s" not in text and "’s" not in text:
        return list(entities)
    mentions: dict[str, list[int]] = {}
    for index, entity in enumerate(entities):
        if entity.label in NAME_LABELS:
            mentions.setdefault(entity.key or name_key(entity.text), []).append(index)
    result = list(entities)
    for indices in mentions.values():
        endings = [_APOSTROPHE_S.match(text, entities[i].end) for i in indices]
        if any(ending is None for ending in endings):
            continue
        if any(ending is not None and _AILMENT.match(text, ending.end()) for ending in endings):
            continue
        owning_nothing = _NOTHING_OWNED if len(indices) > 1 else _SPEAKING
        if not any(
            ending is not None and owning_nothing.match(text, ending.end()) for ending in endings
        ):
            continue
        for index, ending in zip(indices, endings, strict=True):
            if ending is None or touches_next(result, index, ending.end()):
                continue
            entity = result[index]
            name = text[entity.start : ending.end()]
            label = "ORG" if entity.label == "PERSON" else entity.label
            result[index] = Entity(entity.start, ending.end(), label, name, entity.key)
    return result
