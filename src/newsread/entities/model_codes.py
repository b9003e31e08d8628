"""Products known by a model code: `H100 GPU`, `A380 jet`, `GB200 NVL72`.

A code is capitals followed by at least two digits (`H100`, `GB200`,
`RTX4090`). Alone it may be anything (a form, a road, a table's column), so
it is taken for a product only where the words say so: a product noun right
after it (`H100 GPU`, `A380 jet`), or a second code right after it, which
together name one model (`GB200 NVL72`). `Model` followed by a letter or
a small number is a product too (`Model Y`, `Model 3`). `cue_names` adds them
where no other entity lies.
"""

from __future__ import annotations

import re
from typing import Final

from newsread.entities.lexicon import PRODUCT_NOUNS

_CODE_AFTER_LETTERS: Final = r"\d{2,5}[A-Z]{0,3}\d{0,3}"
_CODE: Final = rf"[A-Z]{{1,4}}{_CODE_AFTER_LETTERS}"
_MODEL: Final = re.compile(
    # The first code's first capital, then the look back from it: a search
    # tries only the text's capitals (about twice as fast over news).
    rf"[A-Z](?<![\w@#$/.&'’-].)[A-Z]{{0,3}}{_CODE_AFTER_LETTERS}"
    rf"(?:[ \t]+{_CODE})?(?![\w/&'’-]|\.\d)"
    r"(?:[ \t]+([A-Za-z]+))?"
)
"""A code or two, and the word after them if any (group 1)."""
_HINT: Final = re.compile(r"[A-Z]\d\d")
"""What every code holds."""
_PRODUCT_WORDS: Final = PRODUCT_NOUNS | frozenset(
    ["gpu", "gpus", "cpu", "cpus", "tpu", "tpus", "npu", "npus"]
)


_NAMED_MODEL: Final = re.compile(r"(?<![\w@#$/.&'’-])Model[ \t]+(?:[A-Z]|\d{1,3})(?![\w.,’'&/-])")
"""`Model Y`, `Model 3`: a model named by a letter or a small number."""


def model_code_spans(masked: str) -> list[tuple[int, int]]:
    """Where `masked` names a product by its model code (see the module's docstring)."""
    found: list[tuple[int, int]] = (
        [match.span() for match in _NAMED_MODEL.finditer(masked)] if "Model" in masked else []
    )
    # Few texts hold a capital right before two digits: one quick search rules out the rest.
    if _HINT.search(masked) is None:
        return found
    for match in _MODEL.finditer(masked):
        following = match.group(1)
        start = match.start()
        code = masked[start : match.start(1)].rstrip() if following else match.group()
        if " " in code or (following or "").casefold() in _PRODUCT_WORDS:
            found.append((start, start + len(code)))
    return found
