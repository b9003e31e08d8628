"""Countries, capitals and states the tagger passed over are places all the same.

The tagger misses a place it knows in lines it reads as labels or codes (`HOME
CTRY SWEDEN`, `PRESS DIGEST - PHILIPPINES - DEC 19`) and before a currency
(`14.80 Hong Kong dollars`). A country's, city's or state's name
(`lexicon.COUNTRIES`, `CITIES`, `STATES`) that no name covers is a place: in
eng.train and eng.testa a capitalised country's name is a name 4,400 times and
no name once. Cities and states are left alone in sports stories, where clubs
bear them (`1860 Munich`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Any, Final

from newsread.entities.identity import name_key
from newsread.entities.lexicon import CITIES, COUNTRIES, STATES
from newsread.entities.line_formats import of_sports_story
from newsread.model import Entity

_SMALL_WORDS: Final = frozenset(["and", "of", "the", "de", "da", "du", "del", "la", "es", "al"])


def _written(name: str) -> list[str]:
    """The ways a casefolded place's name is capitalised: Title Case (`Hong Kong`, `Bosnia
    and Herzegovina`, `U.S.`) and capitals."""
    words = [
        word if word in _SMALL_WORDS else (word.upper() if "." in word else word.capitalize())
        for word in name.split()
    ]
    return [" ".join(words), name.upper()]


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of `words`, its alternatives shared by common prefixes: the
    regex engine then settles each position in a few steps, where a plain alternation of
    hundreds of names tries each of them."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(key) + pattern(child) for key, child in sorted(node.items()) if key]
        if not branches:
            return ""
        joined = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{joined})?" if "" in node else joined

    return pattern(trie)


_OUTSIDE_SPORTS: Final = COUNTRIES | CITIES | STATES
_PLACE: Final = re.compile(
    _trie_pattern({written for name in _OUTSIDE_SPORTS for written in _written(name)})
    + r"(?![\w'’-])"
)
"""A country's, city's or state's name as written, not run on into a longer word."""
_WORD_BEFORE: Final = re.compile(r"[\w'’@&.-]")


def with_known_places(
    text: str, entities: Sequence[Entity], taken: Sequence[Entity]
) -> list[Entity]:
    """`entities` with a place for each country's, city's or state's name in `text` that
    neither a name nor a number's span (`taken`) covers (`Hong Kong` as a whole)."""
    # Built at the first place found that opens no name: most texts have none.
    lazy: tuple[frozenset[str], _Covered] | None = None
    found: list[Entity] = []
    # Most places the search finds open a name already found: those cost a set look-up.
    opened = {entity.start for entity in entities}
    for match in _PLACE.finditer(text):
        start, end = match.span()
        if start in opened or (start and _WORD_BEFORE.match(text, start - 1)):
            continue
        if lazy is None:
            places = COUNTRIES if of_sports_story(text) else _OUTSIDE_SPORTS
            lazy = (places, _Covered([*entities, *taken]))
        name = match.group()
        if name.casefold() not in lazy[0] or lazy[1].overlaps(start, end):
            continue
        found.append(Entity(start, end, "PLACE", name, name_key(name)))
    if not found:
        return list(entities)
    return sorted([*entities, *found], key=lambda e: (e.start, e.end))


class _Covered:
    """Spans, asked whether they overlap a stretch of text, each ask costing log(spans)."""

    def __init__(self, spans: Sequence[Entity]) -> None:
        """Index `spans` by start, with the furthest end reached by any span so far."""
        ordered = sorted((span.start, span.end) for span in spans)
        self._starts = [start for start, _ in ordered]
        self._furthest: list[int] = []
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._furthest.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span overlaps `start`–`end`: of those starting before `end`, one
        reaches past `start`."""
        before = bisect_left(self._starts, end)
        return before > 0 and self._furthest[before - 1] > start
