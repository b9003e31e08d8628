"""Products known by a model code: `H100 GPU`, `A380 jet`, `GB200 NVL72`.

A code is capitals followed by at least two digits (`H100`, `GB200`,
`RTX4090`). Alone it may be anything (a form, a road, a table's column), so
it is taken for a product only where the words say so: a product noun right
after it (`H100 GPU`, `A380 jet`), or a second code right after it, which
together name one model (`GB200 NVL72`). It is added only where no other
entity lies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from newsread.entities.lexicon import PRODUCT_NOUNS
from newsread.model import Entity

_CODE: Final = r"[A-Z]{1,4}\d{2,5}[A-Z]{0,3}\d{0,3}"
_MODEL: Final = re.compile(
    rf"(?<![\w@#$/.&'’-]){_CODE}(?:[ \t]+{_CODE})?(?![\w/&'’-]|\.\d)"
    r"(?:[ \t]+([A-Za-z]+))?"
)
"""A code or two, and the word after them if any (group 1)."""
_HINT: Final = re.compile(r"[A-Z]\d\d")
"""What every code holds."""
_PRODUCT_WORDS: Final = PRODUCT_NOUNS | frozenset(
    ["gpu", "gpus", "cpu", "cpus", "tpu", "tpus", "npu", "npus"]
)


def find_model_codes(
    masked: str, entities: Sequence[Entity], taken: Sequence[Entity]
) -> list[Entity]:
    """`entities` plus model codes named as products, where neither they nor `taken` lie."""
    # Few texts hold a capital right before two digits: one quick search rules out the rest.
    if _HINT.search(masked) is None:
        return list(entities)
    added: list[Entity] = []
    for match in _MODEL.finditer(masked):
        following = match.group(1)
        start = match.start()
        code = masked[start : match.start(1)].rstrip() if following else match.group()
        if " " not in code and (following or "").casefold() not in _PRODUCT_WORDS:
            continue
        end = start + len(code)
        if not any(e.start < end and e.end > start for e in [*entities, *taken, *added]):
            added.append(Entity(start, end, "PRODUCT", code))
    if not added:
        return list(entities)
    return sorted([*entities, *added], key=lambda e: e.start)
