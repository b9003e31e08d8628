"""A country's formal name is a place's: `the Kingdom of Belgium`, `Sultanate of Oman`.

The tagger knows `Republic of Ireland` from training but takes an unmet `Kingdom`
or `Sultanate` for an organisation and stops at `of`. In eng.train and eng.testa a
state's form before `of` and a country is one place's name every time (`Republic of
Ireland` 3, `Commonwealth of Independent States` 2, `Republic of Iran`, `Republic of
Yugoslavia`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from newsread.entities.identity import name_key
from newsread.entities.lexicon import COUNTRIES
from newsread.model import Entity

_FORMS: Final = ("kingdom", "republic", "sultanate", "principality", "emirate", "grand duchy")

_STATE: Final = re.compile(
    r"(?:"
    + "|".join(form.replace(" ", r"[ \t]+") for form in _FORMS)
    + r")[ \t]+of[ \t]+(?:the[ \t]+)?(?:"
    + "|".join(
        re.escape(c).replace(r"\ ", r"[ \t]+") for c in sorted(COUNTRIES, key=len, reverse=True)
    )
    + r")(?![\w'’-])",
    re.IGNORECASE,
)

_FORM_WORD: Final = re.compile(
    "|".join(written for form in _FORMS for written in (form.title(), form.upper()))
)
"""Where a state's form may open a name: `_STATE` is tried only there, its long alternation
being too dear to try at every position of every text."""
_WORD_BEFORE: Final = re.compile(r"[\w'’-]")


def _capitalised(name: str) -> bool:
    """Whether every word of a state's name but `of` and `the` opens with a capital."""
    return all(word[:1].isupper() for word in name.split() if word.casefold() not in ("of", "the"))


def join_state_names(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`entities` with each country's formal name one place's, taking in the names inside it
    and a name the tagger ran up to its form (`Federal` of `Federal Republic of …`).

    A name running past the country's is left alone (`Republic of Ireland Football
    Association`).
    """
    result = list(entities)
    for form in _FORM_WORD.finditer(text):
        if form.start() and _WORD_BEFORE.match(text, form.start() - 1):
            continue
        match = _STATE.match(text, form.start())
        if match is None or not _capitalised(match.group()):
            continue
        start, end = match.span()
        inside = [e for e in result if e.start < end and start < e.end]
        if any(e.end > end for e in inside):
            continue
        start = min([start] + [e.start for e in inside])
        name = text[start:end]
        kept = [e for e in result if e not in inside]
        kept.append(Entity(start, end, "PLACE", name, name_key(name)))
        result = sorted(kept, key=lambda e: (e.start, e.end))
    return result
