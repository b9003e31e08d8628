"""Whether a capitalised word training never met is shaped like a name or like a common word.

Opening a sentence, every word is capitalised: `Netflix will stream…` and
`Surgeons removed…` look alike, and a word new to training has no record of
being met in small letters. What tells them apart is the shape of common
words: their endings (`-ous`, `-tion`, `-ing`, `-ly`, `-ers`), and plurals of
words training met in small letters (`Payrolls`, `Descriptions`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from newsread.entities.lexicon import PRESENT_TENSE_VERBS, SINGULAR_VERBS, SUBJECT_VERBS

COMMON_ENDINGS: Final = (
    "ous",
    "ive",
    "ical",
    "atic",
    "ent",
    "able",
    "ible",
    "ful",
    "less",
    "ness",
    "ment",
    "tion",
    "sion",
    "ity",
    "ism",
    "ing",
    "ed",
    "ly",
    "ers",
    "ors",
)
"""Endings of adjectives, adverbs, abstract nouns, verb forms and plurals of doers
(`Potent`, `Inhabited`, `Lawmakers`, `Regulators`)."""

_VOWELS: Final = frozenset("aeiouyAEIOUY")


def new_word_opens_as_name(word: str, met_in_lowercase: Callable[[str], bool]) -> bool:
    """Whether `word`, new to training, may be a name when it opens a sentence.

    It must start with a capital and have small letters (`Netflix`, `XPeng`;
    not `NATO`, whose capitals say as much anywhere), be all letters, have a
    vowel (`Wk` is an abbreviation), not end as common words do, and not
    be the plural of a word training met in small letters. `met_in_lowercase`
    tells the last.
    """
    if len(word) < 2 or not word[0].isupper() or not word.isalpha() or word.isupper():
        return False
    if not _VOWELS.intersection(word) or met_in_lowercase(word):
        return False
    lower = word.lower()
    if lower.endswith(COMMON_ENDINGS):
        return False
    if lower.endswith("s") and not lower.endswith("ss"):
        stems = [lower[:-1]]
        if lower.endswith("es"):
            stems.append(lower[:-2])
        if lower.endswith("ies"):
            stems.append(lower[:-3] + "y")
        if any(met_in_lowercase(stem) for stem in stems):
            return False
    return True


def verb_after_subject(subject: str, word: str) -> bool:
    """Whether `word`, after the capitalised `subject` opening a sentence, is its verb.

    After a subject ending in -s (`Payloads`, `Starbucks`) only a verb for one
    thing counts: `Starbucks will…`, `Starbucks plans…`; not `Payloads had…`.
    """
    if word in PRESENT_TENSE_VERBS:
        return True
    if subject.endswith("s") and not subject.endswith("ss"):
        return word in SINGULAR_VERBS
    return word in SUBJECT_VERBS or past_tense(word)


def past_tense(word: str) -> bool:
    """Whether a small word ending in -ed may be a past tense (`partnered`; not `feed`)."""
    return len(word) > 4 and word.endswith("ed") and word not in _NOUNS_IN_ED


_NOUNS_IN_ED: Final = frozenset(["speed", "breed", "greed", "steed", "tweed", "creed"])
