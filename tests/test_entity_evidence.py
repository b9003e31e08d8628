"""The entity post-stages' shortcuts give what the full reading gives.

`evidence`, `refine`, `acronyms` and `identity` skip work when a cheap test
says it cannot matter; these tests compare each shortcut with the general
path on many varied, generated articles (and check a few outcomes a reader
sees directly).
"""

from __future__ import annotations

import random
import re
from itertools import pairwise

import pytest

from newsread.entities import evidence, refine
from newsread.entities.acronyms import drop_common_acronyms
from newsread.entities.identity import name_key, unify
from newsread.entities.lexicon import (
    BUSINESS_ROLES,
    COMPANY_NOUNS,
    DEMONYMS,
    EVENT_NOUNS,
    FACILITY_NOUNS,
    PLACE_HEADS,
    PRODUCT_NOUNS,
    ROLE_WORDS,
)
from newsread.model import Entity

_NAMES = [
    "Acme",
    "Jane Doe",
    "Nova Systems",
    "Zorbit",
    "xAI",
    "Grok",
    "Colossus",
    "Mars Rover",
    "Red River",
    "French",
    "Acme Skylark",
    "CES",
    "Consumer Electronics Show",
    "Blade Runner",
]
_WORDS = [
    *sorted(BUSINESS_ROLES)[:12],
    *sorted(PRODUCT_NOUNS)[:12],
    *sorted(COMPANY_NOUNS)[:12],
    *sorted(ROLE_WORDS)[:12],
    *sorted(PLACE_HEADS)[:6],
    *sorted(DEMONYMS)[:6],
    *sorted(EVENT_NOUNS)[:6],
    *sorted(FACILITY_NOUNS)[:6],
    *["of", "the", "at", "on", "in", "for", "from", "and", "a", "its", "CEO", "Plant"],
    *["like", "such as", "including", "companies like", "rivals such as", "2026", "5", "II"],
    *["unveiled", "launch", "said", "Series", "B", "LIKE", "li\u212ae", "stra\u00dfe", "ﬁrm"],
]
_MARKS = [",", ".", ";", "’s", "'s", "(", ")", "(US)", "“", "”", '"', "\n", "\t", ":", "-"]
_SPACES = [" ", " ", " ", "", "  ", "\t", "\u00a0", "\n"]
_LABELS = ["PERSON", "ORG", "PLACE", "MISC", "PRODUCT", "EVENT", "MONEY"]


def _article(rng: random.Random) -> tuple[str, list[Entity]]:
    """A jumble of cue words, marks and names, with the names as entities."""
    parts: list[str] = []
    entities: list[Entity] = []
    at = 0
    for _ in range(rng.randint(5, 60)):
        kind = rng.random()
        if kind < 0.3:
            name = rng.choice(_NAMES)
            label = rng.choice(_LABELS)
            entities.append(Entity(at, at + len(name), label, name, name_key(name)))
            piece = name
        elif kind < 0.8:
            piece = rng.choice(_WORDS)
        else:
            piece = rng.choice(_MARKS)
        space = rng.choice(_SPACES)
        parts.append(piece + space)
        at += len(piece) + len(space)
    return "".join(parts), entities


def _articles(count: int) -> list[tuple[str, list[Entity]]]:
    rng = random.Random(4)
    return [_article(rng) for _ in range(count)]


def _read_back(before: str) -> tuple[str, str]:
    """`_previous_words` as a plain word-by-word reading back from the name."""
    line = before.rsplit("\n", 1)[-1]
    words: list[str] = []
    for word in reversed(line.split()):
        if not word[-1:].isalpha():
            break
        words.append(word.casefold())
    words += ["", ""]
    return words[0], words[1]


def test_screened_cues_are_the_cues_found_by_reading_every_mention() -> None:
    for text, entities in _articles(600):
        keys = [name_key(e.text) for e in entities]
        gaps = [text[left.end : right.start] for left, right in pairwise(entities)] + [""]
        named = [i for i, e in enumerate(entities) if e.label != "MONEY"]
        screened = evidence._own_cues(text, entities, keys, gaps, named)
        assert screened == evidence._own_cues(text, entities, keys, gaps, named, screen=False)


def test_the_cue_screen_lets_cues_through() -> None:
    # Not a vacuous comparison: the generated articles do carry cues.
    found = 0
    for text, entities in _articles(200):
        keys = [name_key(e.text) for e in entities]
        gaps = [text[left.end : right.start] for left, right in pairwise(entities)] + [""]
        named = list(range(len(entities)))
        found += len(evidence._own_cues(text, entities, keys, gaps, named))
    assert found > 500


def test_previous_words_read_back_to_the_first_word_not_ending_in_a_letter() -> None:
    rng = random.Random(9)
    pieces = [*_WORDS, *_MARKS, *_SPACES, "x" * 30, "word2", "ſ"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(_SPACES) for _ in range(12))
        before = text[-rng.randint(0, 40) :]
        assert evidence._previous_words(before) == _read_back(before), before


def test_name_key_folds_every_space_as_the_regex_did() -> None:
    spaces = [" ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\x85", "\x1c", "\u200b"]
    rng = random.Random(3)
    for _ in range(500):
        words = rng.sample(["Acme", "Jane’s", "NVIDIA", "Straße", "of", "X"], 3)
        text = rng.choice(spaces) + rng.choice(spaces).join(words) + rng.choice(spaces)
        expected = re.sub(r"\s+", " ", text.replace("’", "'")).strip().casefold()
        assert name_key(text) == expected


def test_finished_after_never_hides_a_numeral_or_letter() -> None:
    rng = random.Random(5)
    pieces = [" ", "\t", "  ", "II", "I", "V", "X", "5", "٣", "B", "b", "é", "É", "x", ".", ""]
    patterns = [refine._ROMAN_AFTER, refine._LETTER_AFTER, refine._NUMBER_AFTER]
    for _ in range(5000):
        text = "Name" + "".join(rng.choice(pieces) for _ in range(4))
        if not refine._finished_after(text, 4):
            assert all(p.match(text, 4) is None for p in patterns), repr(text)


@pytest.mark.parametrize(
    "before",
    [
        "startups like ",
        "Firms LIKE\t",
        "automakers li\u212ae ",
        "companies like \n",
        "companies liked ",
        "the firms like ",
        "companies, like ",
        "",
    ],
)
def test_companies_like_shortcut_agrees_with_the_pattern(before: str) -> None:
    text = before + "Zorbit"
    expected = refine._ARTICLE_BEFORE.search(text[max(0, len(before) - 24) : len(before)])
    assert refine._after_companies_like(text, len(before)) == (expected is not None)


def test_acronyms_are_dropped_or_trimmed_by_what_the_article_says() -> None:
    text = "The armored personnel carrier (APC) met Acme AI and the APC crew at GPU Labs."
    found = [
        Entity(at, at + len(name), "ORG", name)
        for name, at in [
            ("APC", text.index("APC")),
            ("Acme AI", text.index("Acme AI")),
            ("APC", text.rindex("APC")),
            ("GPU Labs", text.index("GPU Labs")),
        ]
    ]
    kept = drop_common_acronyms(text, found)
    assert [e.text for e in kept] == ["Acme", "Labs"]
    assert all(text[e.start : e.end] == e.text for e in kept)


def test_unify_gives_mentions_fresh_keys_and_one_label() -> None:
    text = "Elon Musk said. Musk left Zorbit, and Zorbit grew, and $5 fell."
    entities = [
        Entity(0, 9, "PERSON", "Elon Musk"),
        Entity(16, 20, "ORG", "Musk", "stale"),
        Entity(26, 32, "ORG", "Zorbit", "zorbit"),
        Entity(38, 44, "PLACE", "Zorbit", "zorbit"),
        Entity(text.index("$5"), text.index("$5") + 2, "MONEY", "$5"),
    ]
    assert all(text[e.start : e.end] == e.text for e in entities)
    unified = unify(entities)
    assert [e.key for e in unified] == ["elon musk", "elon musk", "zorbit", "zorbit", "$5"]
    assert [e.label for e in unified] == ["PERSON", "PERSON", "ORG", "ORG", "MONEY"]
    assert unify(unified) == unified


def test_weigh_gives_every_mention_of_a_name_one_label() -> None:
    for text, entities in _articles(300):
        weighed = evidence.weigh(text, entities, lambda name: len(name) % 2 == 0)
        labels: dict[str, set[str]] = {}
        for entity in weighed:
            if entity.label != "MONEY":
                labels.setdefault(name_key(entity.text), set()).add(entity.label)
        assert all(len(found) == 1 for found in labels.values())
