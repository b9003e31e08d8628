"""A company's name in front of its product's: `Acme Skylark` is Acme's Skylark.

The tagger reads `Acme Skylark` as one name; when the article also names
`Acme` alone (and not as a person), the first word is the maker and the rest
is what it makes. A role after the maker (`Acme CEO`) is no part of a name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Final

from newsread.entities.identity import name_key
from newsread.entities.lexicon import (
    BUSINESS_ROLES,
    COMMON_ACRONYMS,
    DEMONYMS,
    EVENT_WORDS,
    ORGANISATION_ENDINGS,
    ROLE_WORDS,
)
from newsread.model import Entity

_NOT_NAMES: Final = BUSINESS_ROLES | ROLE_WORDS | COMMON_ACRONYMS


def split_brands(entities: Sequence[Entity], known: Callable[[str], bool]) -> list[Entity]:
    """Cut `Maker Product` names where `Maker` stands alone elsewhere in the article.

    Only makers the tagger never met are cut, so established names
    (`Deutsche Bank`, `Manchester United`) stay whole.
    """
    # Only a name of several words whose rest is capitalised can be cut, at a
    # first word the article also names alone: count just those lone mentions.
    firsts: set[str] = set()
    single: list[Entity] = []
    for entity in entities:
        if " " in entity.text:
            first, _, rest = entity.text.partition(" ")
            if rest[:1].isupper():
                firsts.add(name_key(first))
        else:
            single.append(entity)
    alone: dict[str, Counter[str]] = defaultdict(Counter)
    if firsts:
        for entity in single:
            key = name_key(entity.text)
            if key in firsts and not known(entity.text):
                alone[key][entity.label] += 1
    makers = {
        key
        for key, labels in alone.items()
        if labels["ORG"] + labels["PLACE"] + labels["PRODUCT"] > labels["PERSON"] + labels["MISC"]
    }
    if not makers:
        return list(entities)
    named_apart = {name_key(entity.text) for entity in entities}
    whole_labels: dict[str, Counter[str]] = defaultdict(Counter)
    for entity in entities:
        if " " in entity.text and name_key(entity.text.partition(" ")[0]) in makers:
            whole_labels[entity.text][entity.label] += 1
    result: list[Entity] = []
    for entity in entities:
        first, _, rest = entity.text.partition(" ")
        # A person's name (here, or in most of its mentions: `Elon Musk` in a
        # headline taken for an organisation) is cut only when the maker
        # stands alone more than once.
        if (
            not rest
            or name_key(first) not in makers
            or (
                _mostly_person(whole_labels[entity.text], entity.label)
                and alone[name_key(first)].total() < 2
            )
            or not rest[:1].isupper()
            or _whole_name(rest)
            or _one_company(whole_labels[entity.text], alone[name_key(first)], rest, named_apart)
        ):
            result.append(entity)
            continue
        maker_end = entity.start + len(first)
        label = entity.label
        if label == "PERSON":
            label = alone[name_key(first)].most_common(1)[0][0]
        result.append(Entity(entity.start, maker_end, label, first))
        if rest.casefold() not in _NOT_NAMES:
            start = entity.end - len(rest)
            result.append(Entity(start, entity.end, "PRODUCT", rest))
    return result


def _one_company(
    whole: Counter[str], maker_alone: Counter[str], rest: str, named_apart: set[str]
) -> bool:
    """Whether a name stays one company's: `Novo Nordisk`, not `Novo` and a product `Nordisk`.

    It does when the tagger read most of its mentions (`whole`) as an
    organisation's, never took the first word alone (`maker_alone`) for a
    company's or a product's, and the article names the rest on no other
    mention (`named_apart`; unlike `Cybertruck` or `Mars Rover`); a role after
    the maker (`Acme CEO`) is cut off all the same.
    """
    return (
        whole["ORG"] * 2 >= whole.total()
        and rest.casefold() not in _NOT_NAMES
        and maker_alone["ORG"] + maker_alone["PRODUCT"] == 0
        and name_key(rest) not in named_apart
    )


def _mostly_person(labels: Counter[str], label: str) -> bool:
    """Whether a name labelled `label` here, `labels` in all its mentions, is a person's."""
    return label == "PERSON" or labels["PERSON"] * 2 > labels.total()


_WHOLE_ENDINGS: Final = ORGANISATION_ENDINGS | EVENT_WORDS


def _whole_name(rest: str) -> bool:
    """Whether the words after a name's first keep it one name.

    They do when they end as an organisation's or an event's name (`Acme Motor
    Corp`, `Acme Film Festival`) or in a people's adjective (`NFL AMERICAN`).
    """
    last = rest.rsplit(" ", 1)[-1].rstrip(".").casefold()
    return last in _WHOLE_ENDINGS or last in DEMONYMS
