"""A company's name in front of its product's: `Acme Skylark` is Acme's Skylark.

The tagger reads `Acme Skylark` as one name; when the article also names
`Acme` alone (and not as a person), the first word is the maker and the rest
is what it makes. A role after the maker (`Acme CEO`) is no part of a name,
nor is one between an organisation and a person (`Acme CEO Jane Doe`), and
two companies' names joined by `and` are two names (`Acme Securities and
Zenith Advisors`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Final

from newsread.entities.identity import name_key
from newsread.entities.lexicon import (
    BUSINESS_ROLES,
    COMMON_ACRONYMS,
    COMPANY_DESIGNATORS,
    DEMONYMS,
    EVENT_WORDS,
    LEGAL_FORMS,
    ORGANISATION_ENDINGS,
    ROLE_WORDS,
    designator,
)
from newsread.model import Entity

_NOT_NAMES: Final = BUSINESS_ROLES | ROLE_WORDS | COMMON_ACRONYMS
_DESIGNATORS: Final = COMPANY_DESIGNATORS | LEGAL_FORMS


def split_brands(entities: Sequence[Entity], known: Callable[[str], bool]) -> list[Entity]:
    """Cut `Maker Product` names where `Maker` stands alone elsewhere in the article.

    Only makers the tagger never met are cut, so established names
    (`Deutsche Bank`, `Manchester United`) stay whole. Two companies' names
    joined by `and` are cut apart first (`company_pairs`), and so are an
    organisation and a person a role joins (`role_splits`).
    """
    if any(" and " in entity.text for entity in entities):
        entities = company_pairs(entities)
    entities = role_splits(entities)
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
            or _one_company(whole_labels[entity.text], rest, named_apart)
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


def _one_company(whole: Counter[str], rest: str, named_apart: set[str]) -> bool:
    """Whether a name stays one company's: `OM Gruppen`, not `OM` and a product `Gruppen`.

    It does when the tagger read most of its mentions (`whole`) as an
    organisation's and the article names the rest on no other mention
    (`named_apart`; unlike `Cybertruck` or `Mars Rover`), though the first word
    stands alone too (a company's short name: `OM`, `Novo`). A role after the
    maker (`Acme CEO`) is cut off all the same.
    """
    return (
        whole["ORG"] * 2 >= whole.total()
        and rest.casefold() not in _NOT_NAMES
        and name_key(rest) not in named_apart
    )


def _mostly_person(labels: Counter[str], label: str) -> bool:
    """Whether a name labelled `label` here, `labels` in all its mentions, is a person's."""
    return label == "PERSON" or labels["PERSON"] * 2 > labels.total()


_WHOLE_ENDINGS: Final = ORGANISATION_ENDINGS | LEGAL_FORMS | EVENT_WORDS


def _whole_name(rest: str) -> bool:
    """Whether the words after a name's first keep it one name.

    They do when they end as an organisation's or an event's name (`Acme Motor
    Corp`, `OM Gruppen`, `Swebus AB`, `Acme Film Festival`) or in a people's adjective
    (`NFL AMERICAN`).
    """
    last = rest.rsplit(" ", 1)[-1].rstrip(".").casefold()
    return last in _WHOLE_ENDINGS or last in DEMONYMS


def company_pairs(entities: Sequence[Entity]) -> list[Entity]:
    """`Acme Securities and Zenith Advisors` → two organisations.

    Both sides must be names of two words or more ending in a company's
    designator: `Securities and Exchange Commission` and `British Securities
    and Investments Board` stay one name.
    """
    result: list[Entity] = []
    for entity in entities:
        left, joined, right = entity.text.partition(" and ")
        if joined and _designated(left) and _designated(right) and " and " not in right:
            right_start = entity.start + len(left) + len(joined)
            result.append(
                Entity(entity.start, entity.start + len(left), "ORG", left, name_key(left))
            )
            result.append(Entity(right_start, entity.end, "ORG", right, name_key(right)))
        else:
            result.append(entity)
    return result


def _designated(name: str) -> bool:
    """A name of two words or more whose last is a company's designator (`Acme Capital`)."""
    return " " in name and name[:1].isupper() and designator(name) in _DESIGNATORS


def role_splits(entities: Sequence[Entity]) -> list[Entity]:
    """`Acme CEO Jane Doe` → the organisation `Acme` and the person `Jane Doe`.

    A business role inside a name (never so in eng.train's names) sits
    between whoever holds it and where they hold it.
    """
    result: list[Entity] = []
    for entity in entities:
        if entity.text.count(" ") < 2:
            result.append(entity)
            continue
        words = entity.text.split(" ")
        role = next(
            (at for at in range(1, len(words) - 1) if words[at].casefold() in BUSINESS_ROLES), None
        )
        if role is None or not words[role + 1][:1].isupper():
            result.append(entity)
            continue
        holder = " ".join(words[:role])
        person = " ".join(words[role + 1 :])
        person_start = entity.end - len(person)
        result.append(
            Entity(entity.start, entity.start + len(holder), "ORG", holder, name_key(holder))
        )
        result.append(Entity(person_start, entity.end, "PERSON", person, name_key(person)))
    return result
