"""One thing, one label, one key: mentions of a name agree across the article.

The tagger labels each mention on its own evidence; here the document
speaks: every mention of a name takes the label most of its mentions got,
a surname or first name alone joins the full name of the person mentioned
(`Musk` after `Elon Musk`), and an acronym joins the name it abbreviates
(`CES` after `Consumer Electronics Show`). Keys are casefolded canonical
names, so `NVIDIA` and `Nvidia` share one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from newsread.entities.lexicon import DEMONYMS
from newsread.model import Entity

NAME_LABELS: Final = frozenset({"PERSON", "ORG", "PLACE", "PRODUCT", "EVENT", "MISC"})
_SPACES: Final = re.compile(r"\s+")
_ROMAN: Final = re.compile(r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})")
"""A Roman numeral, as it reads in a (casefolded) key."""
_SMALL: Final = frozenset(["of", "the", "and", "for", "&", "de"])


@lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    """The casefolded canonical form of a name: `NVIDIA` and `Nvidia` → `nvidia`."""
    return _SPACES.sub(" ", text.replace("’", "'")).strip().casefold()


def unify(entities: Sequence[Entity]) -> list[Entity]:
    """Give every name one label and one key for the whole document."""
    keys = {index: name_key(e.text) for index, e in enumerate(entities) if e.label in NAME_LABELS}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for index, key in keys.items():
        votes[key][entities[index].label] += 1
    labels = {key: _winner(counter) for key, counter in votes.items()}
    aliases = _organisation_parts(labels) | _person_parts(labels)
    aliases |= _acronyms(entities, keys, labels)
    _product_lines(labels)
    _fleets(labels)
    result: list[Entity] = []
    for index, entity in enumerate(entities):
        own = keys.get(index)
        if own is None:
            key = name_key(entity.text)
            label = entity.label
        else:
            key = aliases.get(own, own)
            label = labels.get(key, entity.label)
        if entity.key == key and entity.label == label:
            result.append(entity)
        else:
            result.append(Entity(entity.start, entity.end, label, entity.text, key))
    return result


def _winner(counter: Counter[str]) -> str:
    # Most votes; on a tie the label seen first (Counter keeps insertion order).
    best = max(counter.values())
    return next(label for label, votes in counter.items() if votes == best)


def _person_parts(labels: dict[str, str]) -> dict[str, str]:
    """`musk` → `elon musk` when exactly one full name of a person ends (or starts) with it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for key, label in labels.items():
        parts = key.split(" ")
        if label == "PERSON" and len(parts) > 1:
            owners[parts[-1]].add(key)
            owners[parts[0]].add(key)
    return {
        part: next(iter(full))
        for part, full in owners.items()
        if len(full) == 1 and part in labels and labels[part] in ("PERSON", "MISC", "ORG")
    }


def _organisation_parts(labels: dict[str, str]) -> dict[str, str]:
    """`riverside` → `riverside united` when exactly one organisation's name starts with it.

    A word alone that the article treats as a place stays one (`Ontario` and
    `Ontario Hydro Authority` are two things), and so does a nationality
    (`Dutch`, `Dutch Football Association`).
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for key, label in labels.items():
        first, _, rest = key.partition(" ")
        if label == "ORG" and rest and first not in _SMALL:
            owners[first].add(key)
    return {
        part: next(iter(full))
        for part, full in owners.items()
        if len(full) == 1
        and labels.get(part) in ("ORG", "MISC", "PERSON")
        and part.removesuffix("s") not in DEMONYMS
    }


def _product_lines(labels: dict[str, str]) -> None:
    """`Grok` is a product when `Grok 5` is one, and so are `Grok Voice` and `Grok Imagine`.

    A generation in Roman numerals (`Colossus II`) makes even a name taken for
    a place a product line: places are not numbered so.
    """
    lines: dict[str, bool] = {}
    for key, label in labels.items():
        line, _, number = key.rpartition(" ")
        if label == "PRODUCT" and line and (number.isdigit() or _ROMAN.fullmatch(number)):
            lines[line] = lines.get(line, False) or not number.isdigit()
    for key, label in labels.items():
        first = key.split(" ", 1)[0]
        if first not in lines:
            continue
        if label in ("ORG", "MISC", "PERSON") or (
            label == "PLACE" and lines[first] and key == first
        ):
            labels[key] = "PRODUCT"


def _fleets(labels: dict[str, str]) -> None:
    """`Teslas`, `Boeings`: the plural of an organisation's name is its products, not a place.

    A plural the article itself takes for an organisation is left alone: teams
    are named so (`the Springboks`).
    """
    for key, label in labels.items():
        if label not in ("PLACE", "PERSON", "MISC") or not key.endswith("s") or " " in key:
            continue
        makers = (key[:-1], key[:-2]) if key.endswith("es") else (key[:-1],)
        if "'" not in key and any(labels.get(maker) == "ORG" for maker in makers):
            labels[key] = "PRODUCT"


def _acronyms(
    entities: Sequence[Entity], keys: dict[int, str], labels: dict[str, str]
) -> dict[str, str]:
    """`ces` → `consumer electronics show` when the initials match a name in the document."""
    by_initials: dict[str, str] = {}
    for key in labels:
        words = [w for w in key.split(" ") if w not in _SMALL]
        if len(words) > 1:
            by_initials.setdefault("".join(w[0] for w in words), key)
    found: dict[str, str] = {}
    for index, key in keys.items():
        text = entities[index].text
        if text.isupper() and text.isalpha() and len(text) > 1 and key in by_initials:
            found[key] = by_initials[key]
    return found
