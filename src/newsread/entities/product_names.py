"""Products named whole, products known by the company they keep, and plurals that are none.

A product line (a name numbered somewhere: `Zorbit 3`) or a place names its
products whole (`Zorbit 3 Pro`, `Zorbit Voice`, `Mars Rover`); a name listed
with a product is one too (`Skylark, Zenith and Nimbus`); and a plural common
noun capitalised for emphasis (`clever Treasure Maps`) is no product at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Final

from newsread.entities.identity import name_key
from newsread.entities.lexicon import DEMONYMS, PLURAL_NAME_HEADS, PRODUCT_HEADS
from newsread.model import Entity


def name_products_whole(
    text: str, entities: list[Entity], known: Callable[[str], bool]
) -> list[Entity]:
    """Products named whole, and names listed with products taken for products.

    A product line (`Zorbit`, numbered somewhere as `Zorbit 3`) or a place
    (`Mars`) right before a capitalised name is part of a product's name, not
    its maker: `Zorbit 3 Pro`, `Zorbit Voice`, `Mars Rover`. A listed name
    taken for an organisation stays one if the tagger met it (`known`): a
    list may name makers beside products, but the tagger's guess at a new
    name is only a guess.
    """
    lines = _product_lines(entities)
    places = any(e.label == "PLACE" for e in entities)
    joined = _join_named_products(text, entities, lines) if lines or places else entities
    listed = _listed_with_products(text, joined, lines, known)
    if not listed:
        return joined
    return [
        Entity(e.start, e.end, "PRODUCT", e.text, e.key)
        if name_key(e.text) in listed
        and (e.label in ("PLACE", "MISC", "PERSON") or _guessed_organisation(e, known))
        else e
        for e in joined
    ]


def _product_lines(entities: Sequence[Entity]) -> set[str]:
    """The keys of names that some product numbers (`zorbit` for `Zorbit 3`)."""
    lines: set[str] = set()
    for entity in entities:
        if entity.label == "PRODUCT" and " " in entity.text:
            line, _, number = entity.text.rpartition(" ")
            if number.isdecimal() or _ROMAN_NUMERAL.fullmatch(number):
                lines.add(name_key(line))
    return lines


_ROMAN_NUMERAL: Final = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")
_NAMES: Final = frozenset(["PERSON", "ORG", "PLACE", "MISC", "PRODUCT", "EVENT"])


def _join_named_products(text: str, entities: list[Entity], lines: set[str]) -> list[Entity]:
    """`Zorbit` + `Voice` → `Zorbit Voice`; `Mars` + `Rover` (a product) → `Mars Rover`."""
    joined: list[Entity] = []
    for entity in entities:
        last = joined[-1] if joined else None
        if (
            last is not None
            and entity.start - last.end == 1
            and text[last.end] == " "
            and entity.label in _NAMES
            and entity.text[:1].isupper()
            and (
                _of_product_line(last, lines)
                or (last.label == "PLACE" and _named_after_place(last, entity))
            )
        ):
            name = text[last.start : entity.end]
            joined[-1] = Entity(last.start, entity.end, "PRODUCT", name, name_key(name))
            continue
        joined.append(entity)
    return joined


def _named_after_place(place: Entity, product: Entity) -> bool:
    """`Mars` + `Rover`: a product named after a place, not a place's organisation.

    The product's own name is one word or ends in a product's word (`… Rover`).
    """
    if product.label != "PRODUCT" or " " in place.text:
        return False
    last = product.text.rpartition(" ")[2]
    return last == product.text or last.casefold() in PRODUCT_HEADS


def _of_product_line(entity: Entity, lines: set[str]) -> bool:
    """`Zorbit` or `Zorbit 3` where `Zorbit` is a product line."""
    if not lines or entity.label not in _NAMES:
        return False
    key = name_key(entity.text)
    return key in lines or (entity.label == "PRODUCT" and key.rpartition(" ")[0] in lines)


_COMMA_GAPS: Final = frozenset([", ", ", and ", ", or "])
_WORD_GAPS: Final = frozenset([" and ", " or "])
_LONGEST_GAP: Final = max(len(gap) for gap in _COMMA_GAPS | _WORD_GAPS)


def _listed_with_products(
    text: str, entities: Sequence[Entity], lines: set[str], known: Callable[[str], bool]
) -> set[str]:
    """Keys of names listed with a product: `Zorbit, Colossus, and Nimbus`.

    Miscellaneous names join a product's list with `and` alone too; a place,
    a one-word name taken for a person or a new one taken for an organisation
    only in a list with commas (`in the Midwest and Route 9 in Ohio` is no
    list). A name so listed is a product for its neighbours too.
    """
    listed: set[str] = set()
    gapped = [
        (left, right, gap)
        for left, right in pairwise(entities)
        if 2 <= right.start - left.end <= _LONGEST_GAP
        and ((gap := text[left.end : right.start]) in _COMMA_GAPS or gap in _WORD_GAPS)
    ]
    if not gapped:
        return listed
    # `, and` closes a list only after a comma between names (`Zorbit, Colossus, and
    # Nimbus`); between two names alone it joins clauses (`xAI released Grok 3, and NVIDIA
    # shares rose`).
    after_comma = {id(right) for _, right, gap in gapped if gap == ", "}
    pairs = [
        (left, right, gap in _COMMA_GAPS)
        for left, right, gap in gapped
        if gap == ", " or gap in _WORD_GAPS or id(left) in after_comma
    ]
    # Forward, then back: a product at either end reaches the whole list.
    for left, right, comma in [*pairs, *reversed(pairs)]:
        if _may_be_listed(left, comma, known) and _is_product(right, lines, listed):
            listed.add(name_key(left.text))
        if _may_be_listed(right, comma, known) and _is_product(left, lines, listed):
            listed.add(name_key(right.text))
    return listed


def _is_product(entity: Entity, lines: set[str], listed: set[str]) -> bool:
    return (
        entity.label == "PRODUCT"
        or _of_product_line(entity, lines)
        or (bool(listed) and name_key(entity.text) in listed)
    )


def _guessed_organisation(entity: Entity, known: Callable[[str], bool]) -> bool:
    """A name taken for an organisation on its looks alone: new to the tagger, not one letter.

    A one-letter organisation (`X`, `𝕏`) was named so on firm evidence (`letter_names`).
    """
    return entity.label == "ORG" and len(entity.text) > 1 and not known(entity.text)


def _may_be_listed(entity: Entity, comma: bool, known: Callable[[str], bool]) -> bool:
    """Whether a name in a list with a product may be one too (a nationality may not)."""
    if entity.label == "MISC":
        allowed = True
    elif entity.label == "PERSON":
        allowed = comma and " " not in entity.text
    else:
        allowed = comma and (entity.label == "PLACE" or _guessed_organisation(entity, known))
    return allowed and entity.text.casefold() not in DEMONYMS


_PLURAL: Final = re.compile(r"[A-Z][a-z]+[^aiosu]s")
_POSSESSIVES: Final = frozenset(["'s ", "’s "])


def without_plural_nouns(
    text: str, entities: list[Entity], known: Callable[[str], bool]
) -> list[Entity]:
    """Without products whose name ends in a plural common noun: `clever Treasure Maps`.

    A name of several words taken for a product whose last word is a plural
    the tagger never met is a noun phrase in capitals: products are rarely
    named in the plural. Unless the article names its maker alone too
    (`Google … Google Maps`); and company words (`… Labs`) are no such nouns.
    So is such a name taken for a person that some mention shows as a thing
    someone has (`Veltro’s Treasure Maps`): people are not named in the plural.
    """
    owned = {
        name_key(e.text)
        for e in entities
        if e.label == "PERSON" and text[max(0, e.start - 3) : e.start] in _POSSESSIVES
    }
    if not owned and not any(e.label == "PRODUCT" for e in entities):
        return entities
    named = {name_key(e.text) for e in entities}
    return [
        e
        for e in entities
        if not (
            (e.label == "PRODUCT" or (e.label == "PERSON" and name_key(e.text) in owned))
            and " " in e.text
            and _PLURAL.fullmatch(head := e.text.rpartition(" ")[2]) is not None
            and head.casefold() not in PLURAL_NAME_HEADS
            and not known(head)
            and name_key(e.text.rpartition(" ")[0]) not in named
        )
    ]
