"""Words with offsets, their shapes, and the sentences they form.

Tokenising runs on the masked text (`prose.mask_markdown`), so markup is
already gone. Each word records what the named-entity pass needs to know about
it: its shape (`Acme`, `NATO`, `eBay`, `A320`…), whether it opens a sentence,
whether a possessive `’s` followed it, and whether it lies inside a money,
percent, quantity or date span found earlier.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Final, NamedTuple

from newsread.entities.lexicon import FUNCTION_WORDS, NON_FINAL_ABBREVIATIONS
from newsread.entities.prose import Prose
from newsread.model import Entity


class Shape(IntEnum):
    """What a token looks like.

    An `IntEnum` so that set look-ups hash in C: tokenising is the hot loop.
    """

    LOWER = 1
    """`technology`, `next-generation`."""
    CAPITALIZED = 2
    """`Acme`, `Self-Driving`, `O’Brien`."""
    UPPER = 3
    """`NATO`, `AT&T`: two or more letters, all capitals."""
    MIXED = 4
    """`eBay`, `iPhone`, `McDonald`, `YouTube`."""
    ALNUM = 5
    """A capital letter, then letters and digits: `A320`, `F-35`."""
    SINGLE = 6
    """One capital letter: `X`, `E`, `I`."""
    DOTTED = 7
    """Capitals with periods: `U.S.`, `U.K.`."""
    NUMBER = 8
    """`5`, `3.5`, `600`."""
    HANDLE = 9
    """`@someone_`."""
    PUNCT = 10
    """One punctuation mark."""
    OTHER = 11
    """Anything else: `3M`, `5G`, scripts without case."""


NAME_SHAPES: Final = frozenset({Shape.CAPITALIZED, Shape.UPPER, Shape.MIXED, Shape.ALNUM})
"""Shapes that can start a name."""


class Token(NamedTuple):
    """One word, number or punctuation mark.

    A named tuple rather than a dataclass: an article has thousands of tokens and
    tuples are the cheapest immutable records Python builds.
    """

    start: int
    end: int
    text: str
    lower: str
    """The text in lowercase, for lexicon look-ups."""
    shape: Shape
    initial: bool = False
    """Opens a sentence (or a quotation): its capital letter proves nothing."""
    possessive: bool = False
    """Was followed by `’s`, which is not part of the token."""
    modifier: bool = False
    """Was followed by a lowercase hyphenated tail (`Earth-based`), cut off."""
    blocked: bool = False
    """Overlaps a money, percent, quantity or date span."""
    attached: bool = False
    """Only plain spaces (no markup) separate it from the previous token."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """The tokens of one sentence, within one line."""

    tokens: tuple[Token, ...]
    heading: bool
    """Comes from a heading or a title-cased line."""


_TOKEN: Final = re.compile(
    r"(?P<handle>(?<![\w@])@\w+)"
    r"|(?P<dotted>(?<![^\W_])(?:[^\W\d_]\.){2,}(?![^\W_]))"
    r"|(?P<word>[^\W_]+(?:[-&'’.][^\W_]+)*)"
    r"|(?P<punct>[^\w\s])"
)
_APOSTROPHES: Final = "'’"
_TERMINAL: Final = frozenset(".?!…:")
_OPENING_QUOTES: Final = frozenset("“‘«„")
_AMBIGUOUS_QUOTES: Final = frozenset("\"'")
_PLAIN_SPACE: Final = re.compile(r"[ \t\u00a0\u202f]*")
_TITLE_MIN_WORDS: Final = 3
_TITLE_SHARE: Final = 0.75
_LOWER: Final = Shape.LOWER
_PUNCT: Final = Shape.PUNCT


def sentences(original: str, prose: Prose, blocked: Sequence[Entity]) -> list[Sentence]:
    """Split `prose` into sentences of tokens; `blocked` are the pattern spans, sorted."""
    text = prose.text
    result: list[Sentence] = []
    spans = iter(blocked)
    span = next(spans, None)
    for line in prose.lines:
        tokens: list[Token] = []
        previous_end = -1
        for match in _TOKEN.finditer(text, line.start, line.end):
            start, end = match.span()
            piece = text[start:end]
            if previous_end < 0:
                attached = False
            else:
                gap = original[previous_end:start]
                attached = gap == " " or not gap or _PLAIN_SPACE.fullmatch(gap) is not None
            if piece.isalpha() and piece.islower():
                # The common case, kept cheap: a plain lowercase word.
                token = Token(
                    start, end, piece, piece, _LOWER, False, False, False, False, attached
                )
            else:
                token = _make_token(match.lastgroup or "punct", start, piece, attached)
            while span is not None and span.end <= token.start:
                span = next(spans, None)
            if span is not None and span.start < token.end:
                token = token._replace(blocked=True)
            tokens.append(token)
            previous_end = token.end
        result.extend(_split_line(tokens, line.heading, original))
    return result


def _make_token(kind: str, start: int, text: str, attached: bool) -> Token:
    if kind == "word":
        possessive = False
        modifier = False
        if "'" in text or "’" in text:
            cut = _apostrophe_cut(text)
            if cut is not None:
                possessive = text[cut + 1 :].lower() == "s"
                text = text[:cut]
        if "-" in text:
            text, modifier = _cut_lowercase_tail(text)
        shape = _shape(text)
        return Token(
            start, start + len(text), text, text.lower(), shape, False, possessive, modifier,
            False, attached,
        )  # fmt: skip
    if kind == "dotted":
        shape = Shape.DOTTED if text[0].isupper() else Shape.LOWER
    else:
        shape = Shape.HANDLE if kind == "handle" else _PUNCT
    return Token(
        start, start + len(text), text, text.lower(), shape, False, False, False, False, attached
    )


def _apostrophe_cut(text: str) -> int | None:
    """Where a clitic (`’s`, `’ve`, `n’t`…) starts; `O’Brien` keeps its apostrophe."""
    for index, character in enumerate(text):
        if character in _APOSTROPHES:
            tail = text[index + 1 :]
            if not tail[:1].isupper() or (tail == "S" and text[:index].isupper()):
                return index
    return None


def _cut_lowercase_tail(text: str) -> tuple[str, bool]:
    """`Earth-based` → `Earth`: a capitalised word with a lowercase tail is a modifier."""
    if "-" not in text or not text[0].isupper():
        return text, False
    parts = text.split("-")
    for index, part in enumerate(parts[1:], start=1):
        if part[:1].islower():
            return "-".join(parts[:index]), True
    return text, False


def _shape(text: str) -> Shape:
    if text.isalpha():
        if text.islower():
            return Shape.LOWER
        if text.isupper():
            return Shape.SINGLE if len(text) == 1 else Shape.UPPER
        if text[0].isupper():
            return Shape.CAPITALIZED if text[1:].islower() else Shape.MIXED
        return Shape.MIXED if text[0].islower() else Shape.OTHER
    if text.isdigit():
        return Shape.NUMBER
    return _compound_shape(text)


def _compound_shape(text: str) -> Shape:
    """The shape of a word with digits, hyphens, apostrophes or `&` in it."""
    letters = [character for character in text if character.isalpha()]
    if not letters:
        return Shape.NUMBER if text[:1].isdigit() else Shape.OTHER
    first = letters[0]
    has_digit = any(character.isdigit() for character in text)
    if has_digit:
        if text[0].isalpha() and first.isupper():
            return Shape.ALNUM
        return Shape.LOWER if first.islower() else Shape.OTHER
    if not (first.isupper() or first.islower()):
        return Shape.OTHER
    if len(letters) == 1:
        return Shape.SINGLE if first.isupper() else Shape.LOWER
    if all(letter.isupper() for letter in letters):
        return Shape.UPPER
    if first.islower():
        return Shape.MIXED if any(letter.isupper() for letter in letters) else Shape.LOWER
    return Shape.MIXED if _inner_capital(text) else Shape.CAPITALIZED


def _inner_capital(text: str) -> bool:
    """A capital letter that does not start a hyphen- or apostrophe-separated part."""
    for index in range(1, len(text)):
        if text[index].isupper() and text[index - 1] not in "-'’":
            return True
    return False


def _split_line(tokens: list[Token], heading: bool, original: str) -> list[Sentence]:
    """Mark sentence openers and cut the line into sentences."""
    heading = heading or _title_like(tokens)
    result: list[Sentence] = []
    current: list[Token] = []
    at_start = True
    for index, token in enumerate(tokens):
        if token.shape is _PUNCT:
            current.append(token)
            if token.text in _TERMINAL and not _non_final_period(tokens, index):
                result.append(Sentence(tuple(current), heading))
                current = []
                at_start = True
            elif _opens_quote(token, original):
                at_start = True
            elif token.text not in "([{":
                at_start = False
            continue
        current.append(token._replace(initial=True) if at_start else token)
        at_start = False
    if current:
        result.append(Sentence(tuple(current), heading))
    return result


def _non_final_period(tokens: list[Token], index: int) -> bool:
    """A period after `Mr`, `Inc` or an initial does not end the sentence."""
    if tokens[index].text != "." or index == 0:
        return False
    previous = tokens[index - 1]
    if previous.end != tokens[index].start:
        return False
    return previous.shape is Shape.SINGLE or previous.lower in NON_FINAL_ABBREVIATIONS


def _opens_quote(token: Token, original: str) -> bool:
    if token.text in _OPENING_QUOTES:
        return True
    if token.text in _AMBIGUOUS_QUOTES:
        before = original[token.start - 1] if token.start > 0 else " "
        return before.isspace() or before in "([{—–-"
    return False


def _title_like(tokens: list[Token]) -> bool:
    """A line in Title Case without closing punctuation reads as a headline."""
    if tokens and tokens[-1].shape is Shape.PUNCT and tokens[-1].text in '.?!:”"':
        return False
    words = [
        token
        for token in tokens
        if token.shape not in (Shape.PUNCT, Shape.NUMBER, Shape.HANDLE)
        and len(token.text) >= 4
        and token.lower not in FUNCTION_WORDS
    ]
    if len(words) < _TITLE_MIN_WORDS:
        return False
    capitalised = sum(1 for token in words if not token.text[0].islower())
    return capitalised >= _TITLE_SHARE * len(words)
