"""A name the tagger found once is a name wherever it appears in the article.

The tagger decides each mention from its own few neighbours, so it sometimes
passes over a later mention it found elsewhere (`… will work on Mars.`). Every
other occurrence of the exact text of a name it found becomes a mention too,
with that name's label; the article-wide vote (`evidence`) settles the label.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Final

from newsread.entities.common_words import on_capitals_line
from newsread.entities.lexicon import DEMONYMS, FUNCTION_WORDS
from newsread.entities.merge import with_added
from newsread.model import Entity

_JOINERS_BEFORE: Final = "_@&.'’-"
_APOSTROPHES_AND_HYPHENS: Final = "-'’"


def repeat_mentions(
    masked: str, entities: Sequence[Entity], taken: Sequence[Entity]
) -> list[Entity]:
    """`entities` plus every other occurrence of their texts in `masked`, in text order.

    New mentions never overlap `entities` or `taken` (number-shaped spans).
    Only names with a capital are repeated (`Acme`, and `xAI` or `eBay` too),
    so a lowercase word is never a name merely because it is spelled like one.
    """
    labels: dict[str, str] = {}
    for entity in entities:
        if entity.text not in labels and _repeatable(entity.text):
            labels[entity.text] = entity.label
    if not labels:
        return list(entities)
    occupied = sorted([(e.start, e.end) for e in entities] + [(e.start, e.end) for e in taken])
    names = _names_with_a_free_occurrence(masked, labels, occupied)
    if not names:
        return list(entities)
    added: list[Entity] = []
    starts = None
    if len(names) * len(masked) > _INDEX_FROM:
        starts = _NameStarts(masked, any(name[:1].islower() for name in names))
    # Longer names first, so `Acme Holdings` is claimed before `Acme` inside it.
    for name in sorted(names, key=len, reverse=True):
        candidates = starts.of(name) if starts is not None else None
        for start in _occurrences(masked, name, candidates):
            end = start + len(name)
            if _claim(occupied, start, end):
                added.append(Entity(start, end, labels[name], name))
    return with_added(list(entities), added)


def _claim(occupied: list[tuple[int, int]], start: int, end: int) -> bool:
    """Take `start`–`end` into the sorted, disjoint `occupied` spans if it overlaps none."""
    index = bisect_right(occupied, (start, end))
    if index and occupied[index - 1][1] > start:
        return False
    if index < len(occupied) and occupied[index][0] < end:
        return False
    occupied.insert(index, (start, end))
    return True


_GAP: Final = "\0"


def _names_with_a_free_occurrence(
    masked: str, names: Iterable[str], occupied: Sequence[tuple[int, int]]
) -> list[str]:
    """Of `names`, those that may occur in `masked` where no `occupied` span lies.

    Most names occur only where the tagger found them: in the text between the
    occupied spans such a name is not found at all, and searching for it word
    by word could add nothing. If the spans overlap one another every name is
    kept: a new mention is tested against its neighbours in `occupied` only,
    which is a full test only when the spans are disjoint. In a long text a name is
    kept when a word of the free text opens as it does (`_NameStarts`), since
    testing each name against the whole text would cost names × length.
    """
    between: list[str] = []
    end = 0
    for start, stop in occupied:
        if start < end:
            return list(names)
        between.append(masked[end:start])
        end = stop
    between.append(masked[end:])
    free = _GAP.join(between)
    names = list(names)
    if len(names) * len(free) <= _INDEX_FROM:
        return [name for name in names if name in free or _GAP in name]
    starts = _NameStarts(free, any(name[:1].islower() for name in names))
    kept: list[str] = []
    for name in names:
        candidates = starts.of(name)
        if _GAP in name or (name in free if candidates is None else bool(candidates)):
            kept.append(name)
    return kept


def _repeatable(name: str) -> bool:
    """Capitalised, a handle, or a lowercase start with a capital inside (`xAI`, `eBay`)."""
    first = name[:1]
    return first.isupper() or first == "@" or (first.islower() and not name.islower())


class _NameStarts:
    """Where a name can begin in a long text, by its first few characters.

    Searching the whole text once per name costs names × length, which grows
    with the square of a long article; this index is built in one scan.
    """

    def __init__(self, text: str, lowercase: bool) -> None:
        """Index the starts of capitalised words and handles, and of lowercase ones if asked."""
        self._by_prefix: dict[str, list[int]] = {}
        for match in _NAME_START.finditer(text):
            start = match.start()
            first = text[start]
            if first == "@" or first.isupper() or (lowercase and first.islower()):
                prefix = text[start : start + _PREFIX]
                self._by_prefix.setdefault(prefix, []).append(start)

    def of(self, name: str) -> list[int] | None:
        """Ascending offsets where `name` may begin, or `None` when the name is too short."""
        if len(name) < _PREFIX:
            return None
        return self._by_prefix.get(name[:_PREFIX], [])


_NAME_START: Final = re.compile(r"(?<![\w@&.'’-])[\w@]")
_PREFIX: Final = 4
_INDEX_FROM: Final = 4_000_000
"""Names × characters past which `_NameStarts` pays for itself."""


def _occurrences(text: str, name: str, candidates: list[int] | None = None) -> list[int]:
    """Offsets where `name` stands as whole words (`Acme` in `Acme’s`, not in `Acmes`).

    `candidates`, when given, are all the offsets where the name may begin.
    """
    found: list[int] = []
    if candidates is None:
        candidates = []
        start = text.find(name)
        while start >= 0:
            candidates.append(start)
            start = text.find(name, start + 1)
    for start in candidates:
        if not text.startswith(name, start):
            continue
        end = start + len(name)
        before = text[start - 1] if start else " "
        # Two spaces stand in for the text's end: `"" in "_&"` would hold.
        after = text[end : end + 2] or "  "
        if (
            not (before.isalnum() or before in _JOINERS_BEFORE)
            and not (after[:1].isalnum() or after[:1] in "_&")
            and not (
                after[:1] in _APOSTROPHES_AND_HYPHENS and after[1:2].isalnum() and after[1:2] != "s"
            )
        ):
            found.append(start)
    return found


def _completed_in_capitals(
    masked: str, entities: Sequence[Entity], shouted: set[str]
) -> list[Entity]:
    """`entities` with a name on a line of capitals run on to as much of a longer name the
    sentences give as the line goes on with (`OAKMONT` of `OAKMONT LABS` after `Oakmont
    Labs`, `NORQUAY GOLD REJECTS…` after `Norquay Gold Mines Ltd`), or back to the whole of a
    name it ends (`SAGAN` of `ASTRONOMER CARL SAGAN DIES` after `Carl Sagan`), taking its
    label: the tagger, reading capitals, stops at a word as common as `LABS`, and takes a
    first name for a title's word."""
    longer: dict[str, list[Entity]] = {}
    ending: dict[str, list[Entity]] = {}
    for entity in entities:
        text = entity.text
        if " " in text and not text.isupper() and text[:1].isupper():
            first, _, rest = text.upper().partition(" ")
            if first in shouted:
                longer.setdefault(first, []).append(entity)
                ending.setdefault(rest.rpartition(" ")[2], []).append(entity)
    if not longer:
        return list(entities)
    result = list(entities)
    for index, entity in enumerate(entities):
        if not entity.text.isupper() or not on_capitals_line(masked, entity.start, entity.end):
            continue
        if entity.text.casefold() in DEMONYMS:
            # `AUSTRALIAN WHEAT CROP…` after `Australian Wheat Board`: a nationality opening a
            # headline stands alone.
            continue
        before = entities[index - 1].end if index else 0
        start = entity.start
        label = entity.label
        for name in ending.get(entity.text.rpartition(" ")[2], ()):
            opening = _capitals_opening(masked, entity, name.text.upper(), before)
            if opening is not None:
                start, label = opening, name.label
                break
        following = entities[index + 1].start if index + 1 < len(entities) else len(masked)
        end = entity.end
        for name in longer.get(entity.text.partition(" ")[0], ()):
            prefix_end = _capitals_prefix_end(
                masked, entity, name.text.upper().split(" "), following
            )
            if prefix_end is not None:
                end, label = prefix_end, name.label
                break
        if (start, end) != (entity.start, entity.end):
            result[index] = Entity(start, end, label, masked[start:end])
    return result


def _capitals_opening(masked: str, entity: Entity, name: str, before: int) -> int | None:
    """Where `name`, a longer name in capitals that ends as `entity` does, stands in full
    on `entity`'s line (`CARL SAGAN` of `ASTRONOMER CARL SAGAN DIES` after `Carl Sagan`),
    opening after `before`; else None."""
    if len(name) <= len(entity.text) or not name.endswith(" " + entity.text):
        return None
    start = entity.end - len(name)
    if start < before or masked[start : entity.end] != name:
        return None
    if start and (masked[start - 1].isalnum() or masked[start - 1] in "'’-"):
        return None
    return start


def _capitals_prefix_end(
    masked: str, entity: Entity, words: list[str], following: int
) -> int | None:
    """Where the longest run of `words`' first words, longer than `entity` and not ending in
    a function word, stands in capitals from `entity`'s start and ends on a whole word
    before `following` (`OAKMONT LABS`, `NORQUAY GOLD` of `Norquay Gold Mines Ltd`); else
    None."""
    while words:
        upper = " ".join(words)
        end = entity.start + len(upper)
        if (
            len(upper) > len(entity.text)
            and upper.startswith(entity.text)
            and end <= following
            and masked.startswith(upper, entity.start)
            and not masked[end : end + 1].isalnum()
            and words[-1].casefold() not in FUNCTION_WORDS
            and any(character.isalnum() for character in words[-1])
        ):
            return end
        words = words[:-1]
    return None


def _words_on_capitals_lines(masked: str) -> set[str]:
    """The words of the lines of `masked` with no small letter (headlines in capitals)."""
    return {
        word
        for line in masked.split("\n")
        if len(line) >= 4 and line.upper() == line and line.lower() != line
        for word in _CAPITALS_WORD.findall(line)
    }


_CAPITALS_WORD: Final = re.compile(r"[^\s.,:;!?\"“”()]+")


def capitals_mentions(
    masked: str,
    entities: Sequence[Entity],
    taken: Sequence[Entity],
    met_in_lowercase: Callable[[str], bool],
) -> list[Entity]:
    """`entities` plus the capitals form of names found in sentences, where it stands on a
    line of capitals (`ROCKETS` in `OLAJUWON LEADS ROCKETS PAST SUNS` after `the Rockets`):
    the tagger reads a headline in capitals with little to go on.

    Only names of four letters or more none of whose words training met in small letters
    (`Heat`, `Bank` and `May` are words too), and never overlapping `entities` or `taken`.
    """
    shouted = _words_on_capitals_lines(masked)
    if not shouted:
        return list(entities)
    entities = _completed_in_capitals(masked, entities, shouted)
    labels: dict[str, str] = {}
    for entity in entities:
        text = entity.text
        upper = text.upper()
        if (
            len(text) >= 4
            and upper.partition(" ")[0] in shouted
            and not text.isupper()
            and text[:1].isupper()
            and upper not in labels
            and not any(met_in_lowercase(word) for word in text.split())
        ):
            labels[upper] = entity.label
    if not labels:
        return list(entities)
    occupied = sorted([(e.start, e.end) for e in entities] + [(e.start, e.end) for e in taken])
    added: list[Entity] = []
    for name in sorted(labels, key=len, reverse=True):
        for start in _occurrences(masked, name):
            end = start + len(name)
            if on_capitals_line(masked, start, end) and _claim(occupied, start, end):
                added.append(Entity(start, end, labels[name], name))
    if not added:
        return list(entities)
    # A mention added here runs on as a found one does (`MAPLECREST` of `MAPLECREST FOODS Q4
    # PROFIT…`, after `Maplecrest` and `Maplecrest Foods Inc`).
    return _completed_in_capitals(masked, with_added(list(entities), added), shouted)
