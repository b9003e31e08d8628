"""The stages' shortcuts give what the plain readings of their rules give."""

from __future__ import annotations

import random

from newsread.entities.common_words import drop_common_words
from newsread.entities.identity import _SMALL, _acronyms, _initials, unify
from newsread.entities.merge import resolve_overlaps
from newsread.model import Entity

_LABELS = ["PERSON", "ORG", "PLACE", "MISC", "MONEY", "DATE"]


def _rank(entity: Entity) -> int:
    return _LABELS.index(entity.label)


def _plain_overlaps(entities: list[Entity]) -> list[Entity]:
    """`resolve_overlaps` as one sort on the whole order, then the sweep."""
    kept: list[Entity] = []
    for entity in sorted(entities, key=lambda e: (e.start, e.start - e.end, _rank(e))):
        if kept and entity.start < kept[-1].end:
            last = kept[-1]
            if (entity.end - entity.start, -_rank(entity)) > (last.end - last.start, -_rank(last)):
                kept[-1] = entity
            continue
        kept.append(entity)
    return kept


def test_overlaps_resolve_as_with_the_whole_order() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        spans = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 30)
            end = start + rng.randint(1, 6)
            spans.append(Entity(start, end, rng.choice(_LABELS), "x" * (end - start)))
        assert resolve_overlaps(spans, _rank) == _plain_overlaps(spans)


def test_acronyms_join_the_names_they_abbreviate_whatever_their_first_word() -> None:
    names = ["consumer electronics show", "the new york times", "of the sea", "acme corp"]
    texts = ["CES", "NYT", "TS", "AC", "NY"]
    entities = [Entity(i, i + 1, "ORG", t) for i, t in enumerate(texts)]
    mentions = {t.casefold(): [i] for i, t in enumerate(texts)}
    longer = dict.fromkeys(names, "ORG")
    expected = {}
    for key in mentions:
        for name in names:
            if _initials(name) == key:
                expected.setdefault(key, name)
    assert _acronyms(entities, mentions, set(mentions), longer) == expected
    assert expected == {
        "ces": "consumer electronics show",
        "nyt": "the new york times",
        "ac": "acme corp",
    }
    assert "the" in _SMALL


def test_unify_rewrites_only_names_whose_label_or_key_changes() -> None:
    entities = [
        Entity(0, 10, "PERSON", "Elon Musk", "elon musk"),
        Entity(20, 24, "ORG", "Musk", "musk"),
        Entity(30, 34, "ORG", "Acme", "acme"),
        Entity(40, 44, "PLACE", "Acme", "acme"),
        Entity(50, 54, "ORG", "Acme", "acme"),
        Entity(60, 65, "PLACE", "Paris", "paris"),
        Entity(70, 74, "ORG", "NASA", "stale"),
    ]
    unified = unify(entities)
    assert unified[1] == Entity(20, 24, "PERSON", "Musk", "elon musk")
    assert [e.label for e in unified[2:5]] == ["ORG"] * 3
    assert unified[5] is entities[5]
    assert unified[6].key == "nasa"


class _Vocabulary:
    """Training met `cosmos` in lowercase only."""

    def met_as_written(self, word: str) -> bool:
        return word == "cosmos"

    def met_in_lowercase(self, word: str) -> bool:
        return word.lower() == "cosmos"


def _mentions(text: str, word: str) -> list[Entity]:
    starts = [i for i in range(len(text)) if text.startswith(word, i)]
    return [Entity(i, i + len(word), "ORG", word, word.casefold()) for i in starts]


def test_a_noun_capitalised_after_the_goes_only_where_every_mention_is_one() -> None:
    text = "They study the Cosmos. NASA said the Cosmos is big."
    names = _mentions(text, "Cosmos") + _mentions(text, "NASA")
    assert [e.text for e in drop_common_words(text, names, _Vocabulary())] == ["NASA"]
    text = "They study the Cosmos. Cosmos said so."
    names = _mentions(text, "Cosmos")
    assert drop_common_words(text, names, _Vocabulary()) == names
