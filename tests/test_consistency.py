"""Other mentions of the names the tagger found: found wherever they are free, and quickly."""

from __future__ import annotations

import random

import pytest

from newsread.entities import consistency
from newsread.entities.consistency import repeat_mentions
from newsread.entities.prose import mask_markdown
from newsread.ingest.text import parse_text_file
from newsread.model import Entity
from newsread.seeds import seed_files


def _mention(text: str, name: str, label: str, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Entity(start, start + len(name), label, name)


def test_a_later_mention_the_tagger_missed_is_added_with_its_label() -> None:
    text = "Orbital Labs said on Monday that Orbital Labs will land on Mars."
    found = repeat_mentions(text, [_mention(text, "Orbital Labs", "ORG")], [])
    assert [(e.text, e.label, e.start) for e in found] == [
        ("Orbital Labs", "ORG", 0),
        ("Orbital Labs", "ORG", text.rindex("Orbital Labs")),
    ]


def test_mentions_inside_other_names_words_or_numbers_are_not_added() -> None:
    text = "Acme Holdings bought Acmes, then Acme and 3 Acme-branded units; Acme 5 rose."
    names = [_mention(text, "Acme Holdings", "ORG"), _mention(text, "Acme", "ORG", nth=2)]
    taken = [_mention(text, "Acme 5", "QUANTITY")]
    found = repeat_mentions(text, names, taken)
    assert [(e.text, e.start) for e in found] == [
        ("Acme Holdings", 0),
        ("Acme", text.index("Acme and")),
    ]


def test_a_name_in_lowercase_is_not_repeated() -> None:
    text = "apple fell. An apple a day."
    assert repeat_mentions(text, [_mention(text, "apple", "ORG")], []) == [
        _mention(text, "apple", "ORG")
    ]


_WORDS = ["Acme", "Acme Holdings", "xAI", "@acme", "Mars", "Ma", "AcmeAcme", "the", "3"]
_GLUE = [" ", " ", ", ", ".", "’s ", "-", "'", "_", "\n", "(", "é"]


def _random_case(rng: random.Random) -> tuple[str, list[Entity], list[Entity]]:
    """A text of names and glue, some of its name occurrences tagged, some spans taken."""
    text = "".join(rng.choice(_WORDS) + rng.choice(_GLUE) for _ in range(rng.randint(1, 14)))
    occurrences = [
        (start, word)
        for word in _WORDS
        for start in range(len(text))
        if text.startswith(word, start)
    ]
    chosen = sorted(rng.sample(occurrences, rng.randint(0, min(4, len(occurrences)))))
    entities = [Entity(start, start + len(word), "ORG", word) for start, word in chosen]
    taken = []
    for _ in range(rng.randint(0, 2)):
        start = rng.randrange(len(text))
        end = min(len(text), start + rng.randint(1, 6))
        taken.append(Entity(start, end, "DATE", text[start:end]))
    return text, entities, taken


def _every_name(masked: str, names: list[str], occupied: list[tuple[int, int]]) -> list[str]:
    return list(names)


def test_skipping_names_with_no_free_occurrence_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The quick test leaves out only names the word-by-word search would add nowhere."""
    rng = random.Random(9)
    cases = [_random_case(rng) for _ in range(3000)]
    quick = [repeat_mentions(*case) for case in cases]
    monkeypatch.setattr(consistency, "_names_with_a_free_occurrence", _every_name)
    assert quick == [repeat_mentions(*case) for case in cases]
    assert sum(len(found) > len(case[1]) for found, case in zip(quick, cases, strict=True)) > 300


def test_the_sample_articles_repeat_the_same_with_and_without_the_quick_test(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cases: list[tuple[str, list[Entity], list[Entity]]] = []
    for path in seed_files():
        for article in parse_text_file(path):
            masked = mask_markdown(article.body).text
            words = sorted({word.strip(".,’'") for word in masked.split() if word[:1].isupper()})
            entities = [_mention(masked, word, "ORG") for word in words[::3] if word]
            entities.sort(key=lambda e: e.start)
            cases.append((masked, entities, []))
    quick = [repeat_mentions(*case) for case in cases]
    monkeypatch.setattr(consistency, "_names_with_a_free_occurrence", _every_name)
    assert quick == [repeat_mentions(*case) for case in cases]
