"""One label per name across the document, then the spans to report.

Evidence from every mention of a name is pooled (an acronym shares the pool of
the phrase it abbreviates). Then the document speaks for its parts: the
first word of a multi-word organisation leans organisation, the base of a
numbered product is the product line, and a run that opens with a known
organisation (`Acme Skylark`) splits into the organisation and its product.
Last, a person's first or last name alone is that person, and the plural of a
company's name (`three Acmes`) is its product.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Final

from newsread.entities.cues import SUFFIX, is_suffixed, score
from newsread.entities.lexicon import ROMAN_NUMERALS
from newsread.entities.mentions import DocumentFacts, Mention, name_key
from newsread.entities.tokens import Shape
from newsread.model import Entity

_TIE_ORDER: Final = ("ORG", "PERSON", "PLACE", "PRODUCT", "EVENT", "MISC")
_FALLBACK: Final = "MISC"
_FIRST_WORD_OF_ORG: Final = 1.6
_PRODUCT_LINE: Final = 1.5
_SPLIT_PRODUCT: Final = 1.5
_SPLIT_ORG: Final = 0.5
_PLURAL_LIMIT: Final = 2.0
_PRODUCT_OWNER: Final = 1.0
_PERSON_PART: Final = 1.5
_WEAK_ORG: Final = 1.0

Scores = dict[str, dict[str, float]]


@dataclass(frozen=True, slots=True)
class _Split:
    """Where a mention divides into an organisation and what follows it."""

    cut: int
    """Index (into the sentence) of the first token after the organisation."""
    head_key: str
    rest_key: str


def resolve(mentions: Sequence[Mention], facts: DocumentFacts) -> list[Entity]:
    """Label every mention consistently and return the entities, in text order."""
    scores: Scores = defaultdict(dict)
    for mention in mentions:
        _add_all(scores[_key(mention, facts)], score(mention))
    labels = _labels(scores)
    _owners_of_products(mentions, facts, labels, scores)
    own_labels = _labels(scores)
    for mention in mentions:
        _lean_parts(mention, facts, own_labels, scores)
    labels = _labels(scores)
    splits: dict[int, _Split] = {}
    for position, mention in enumerate(mentions):
        _join_product_line(mention, facts, labels, scores)
        _whole_person(mention, facts, labels, scores)
        split = _find_split(mention, own_labels, labels, scores)
        if split is not None:
            splits[position] = split
            _add(scores[split.rest_key], "PRODUCT", _SPLIT_PRODUCT)
    labels = _labels(scores)
    _person_parts(mentions, facts, labels, scores)
    _plurals(labels, scores)

    entities: list[Entity] = []
    for position, mention in enumerate(mentions):
        split = splits.get(position)
        if split is None:
            label = labels[_key(mention, facts)]
            entities.append(_entity(mention, mention.first, mention.last, label))
            continue
        entities.append(_entity(mention, mention.first, split.cut - 1, labels[split.head_key]))
        entities.append(_entity(mention, split.cut, mention.last, labels[split.rest_key]))
    return entities


def _labels(scores: Scores) -> dict[str, str]:
    return {key: _best(table) for key, table in scores.items()}


def _key(mention: Mention, facts: DocumentFacts) -> str:
    return facts.aliases.get(mention.key, mention.key)


def _add(table: dict[str, float], label: str, weight: float) -> None:
    table[label] = table.get(label, 0.0) + weight


def _add_all(table: dict[str, float], other: dict[str, float]) -> None:
    for label, weight in other.items():
        _add(table, label, weight)


def _best(table: dict[str, float]) -> str:
    if not table:
        return _FALLBACK
    return max(_TIE_ORDER, key=lambda label: (table.get(label, 0.0), -_TIE_ORDER.index(label)))


def _part_key(mention: Mention, first: int, last: int) -> str:
    tokens = mention.sentence.tokens
    offset = mention.start
    return name_key(mention.text[tokens[first].start - offset : tokens[last].end - offset])


def _lean_parts(
    mention: Mention, facts: DocumentFacts, labels: dict[str, str], scores: Scores
) -> None:
    """`Acme Energy` (org) → `Acme` leans org; `Zed 5` (numbered) → `Zed` is a product line."""
    words = mention.words
    if len(words) > 1 and labels.get(_key(mention, facts)) == "ORG":
        first_key = _part_key(mention, words[0], words[0])
        if first_key in scores:
            _add(scores[first_key], "ORG", _FIRST_WORD_OF_ORG)
    tokens = mention.sentence.tokens
    for index in range(mention.first + 1, mention.last + 1):
        token = tokens[index]
        if token.shape is Shape.NUMBER or token.lower in ROMAN_NUMERALS or token.text == "I":
            base_key = _part_key(mention, mention.first, index - 1)
            if base_key in scores:
                _add(scores[base_key], "PRODUCT", _PRODUCT_LINE)
            return


def _whole_person(
    mention: Mention, facts: DocumentFacts, labels: dict[str, str], scores: Scores
) -> None:
    """`Jane Doe`, with nothing else to go on, is the person `Doe said` shows."""
    words = mention.words
    if len(words) < 2 or labels.get(_key(mention, facts)) != "MISC":
        return
    if labels.get(_part_key(mention, words[-1], words[-1])) == "PERSON":
        _add(scores[_key(mention, facts)], "PERSON", _PERSON_PART)


def _join_product_line(
    mention: Mention, facts: DocumentFacts, labels: dict[str, str], scores: Scores
) -> None:
    """`Zed Lite`, with nothing else to go on, belongs to the `Zed` product line."""
    words = mention.words
    if len(words) < 2 or labels.get(_key(mention, facts)) != "MISC":
        return
    if labels.get(_part_key(mention, words[0], words[0])) == "PRODUCT":
        _add(scores[_key(mention, facts)], "PRODUCT", _PRODUCT_LINE)


def _owners_of_products(
    mentions: Sequence[Mention], facts: DocumentFacts, labels: dict[str, str], scores: Scores
) -> None:
    """`Acme’s Zed system`: whoever owns a product by name is an organisation."""
    for owner, owned in pairwise(mentions):
        if (
            owner.sentence is owned.sentence
            and owned.first == owner.last + 1
            and owner.sentence.tokens[owner.last].possessive
            and labels.get(_key(owned, facts)) == "PRODUCT"
        ):
            _add(scores[_key(owner, facts)], "ORG", _PRODUCT_OWNER)


def _find_split(
    mention: Mention, own_labels: dict[str, str], labels: dict[str, str], scores: Scores
) -> _Split | None:
    """`Acme Skylark` where `Acme` alone is an organisation: split off the product.

    The prefix must be an organisation on its own evidence (not merely as the
    first word of this name), and the whole must not be a well-attested
    organisation itself (`Acme Sachs`, said to employ analysts).
    """
    words = mention.words
    if len(words) < 2 or is_suffixed(mention):
        return None
    whole = labels.get(mention.key)
    weakly_org = whole == "ORG" and scores[mention.key].get("ORG", 0.0) < _WEAK_ORG
    if whole not in ("MISC", "PRODUCT") and not weakly_org:
        return None
    for count in range(len(words) - 1, 0, -1):
        prefix_end = words[count - 1]
        head_key = _part_key(mention, mention.first, prefix_end)
        if own_labels.get(head_key) != "ORG":
            continue
        cut = words[count]
        if cut != prefix_end + 1:
            return None
        return _Split(cut, head_key, _part_key(mention, cut, mention.last))
    return None


def _person_parts(
    mentions: Sequence[Mention], facts: DocumentFacts, labels: dict[str, str], scores: Scores
) -> None:
    """`Doe` after `Jane Doe`: a first or last name alone is the person."""
    for mention in mentions:
        if labels.get(_key(mention, facts)) != "PERSON":
            continue
        words = mention.words
        if len(words) < 2:
            continue
        for index in (words[0], words[-1]):
            part = _part_key(mention, index, index)
            own = scores.get(part)
            if own is None:
                continue
            rival = max((w for label, w in own.items() if label != "PERSON"), default=0.0)
            if rival < SUFFIX:
                labels[part] = "PERSON"


def _plurals(labels: dict[str, str], scores: Scores) -> None:
    """`Acmes` where `Acme` is an organisation: the company's products."""
    for key, table in scores.items():
        plural = key.endswith("s") and " " not in key and labels.get(key[:-1]) == "ORG"
        if plural and max(table.values(), default=0.0) < _PLURAL_LIMIT:
            labels[key] = "PRODUCT"


def _entity(mention: Mention, first: int, last: int, label: str) -> Entity:
    tokens = mention.sentence.tokens
    start, end = tokens[first].start, tokens[last].end
    offset = mention.start
    return Entity(start, end, label, mention.text[start - offset : end - offset])
