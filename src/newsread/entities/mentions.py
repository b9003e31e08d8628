"""The records the named-entity pass shares: mentions of names and facts about the text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from newsread.entities.lexicon import COMMON_SUFFIXES, COMMON_WORDS, FUNCTION_WORDS
from newsread.entities.tokens import Sentence, Shape, Token

_MAX_COMMON_LENGTH: Final = 2
_MIN_SUFFIX_WORD: Final = 5


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a candidate name: tokens `first..last` of a sentence."""

    sentence: Sentence
    first: int
    last: int
    """Index of the last token (inclusive)."""
    text: str
    """Exactly the original text covered."""
    key: str
    """What identifies the name across the document (see `name_key`)."""
    words: tuple[int, ...]
    """Sentence indexes of the name's words (not its numbers, numerals or joiners)."""

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens of the name."""
        return self.sentence.tokens[self.first : self.last + 1]

    @property
    def start(self) -> int:
        """Offset of the first character."""
        return self.sentence.tokens[self.first].start

    @property
    def end(self) -> int:
        """Offset one past the last character."""
        return self.sentence.tokens[self.last].end


@dataclass(slots=True)
class DocumentFacts:
    """What the whole text says about its words."""

    evidence: set[str] = field(default_factory=set)
    """Words seen capitalised in the middle of a sentence outside headings."""
    lowercase: set[str] = field(default_factory=set)
    """Words seen in lowercase."""
    aliases: dict[str, str] = field(default_factory=dict)
    """Acronym key → key of the name it abbreviates (`European Central Bank (ECB)`)."""
    common_acronyms: set[str] = field(default_factory=set)
    """Acronyms defined by a lowercase phrase (`armored personnel carrier (APC)`)."""


def name_key(text: str) -> str:
    """Fold case and spacing so that `ACME` and `Acme` are one name."""
    return " ".join(text.split()).casefold()


def is_common(token: Token, facts: DocumentFacts) -> bool:
    """An ordinary English word that happens to be capitalised (`However`, `Market`)."""
    word = token.lower
    if word in FUNCTION_WORDS or word in COMMON_WORDS or word in facts.lowercase:
        return True
    if word.endswith("s") and word[:-1] in facts.lowercase:
        return True
    if len(word) <= _MAX_COMMON_LENGTH and token.shape is Shape.CAPITALIZED:
        return True
    return len(word) >= _MIN_SUFFIX_WORD and word.endswith(COMMON_SUFFIXES)
