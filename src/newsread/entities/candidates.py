"""Candidate names: the capitalised runs the rest of the text supports.

A capital letter at the start of a sentence or in a Title Case heading proves
nothing, so such words stay only when the text shows them capitalised
mid-sentence elsewhere, or when their shape (`NATO`, `eBay`) or a following
name makes them one. Acronyms defined by a lowercase phrase (`armored personnel
carrier (APC)`) or used after `a`/`an` are common nouns, not names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

from newsread.entities.lexicon import (
    DEMONYMS,
    INDEFINITE_ARTICLES,
    LEADING_FUNCTION_WORDS,
    NAME_PARTICLES,
    ROMAN_NUMERALS,
)
from newsread.entities.mentions import DocumentFacts, Mention, is_common, name_key
from newsread.entities.runs import capitalised_runs, initial_letter
from newsread.entities.tokens import NAME_SHAPES, Sentence, Shape, Token

_JOINERS: Final = frozenset({"of", "for", "and", "&", "the", "."}) | NAME_PARTICLES
_WORD_SHAPES: Final = NAME_SHAPES | {Shape.DOTTED, Shape.HANDLE}
_EVIDENT_SHAPES: Final = frozenset({Shape.UPPER, Shape.MIXED, Shape.ALNUM, Shape.DOTTED})
_MAX_NAME_TOKENS: Final = 12


def gather_facts(sentences: Sequence[Sentence]) -> DocumentFacts:
    """Collect the document-level evidence the candidate filter needs."""
    facts = DocumentFacts()
    for sentence in sentences:
        for token in sentence.tokens:
            if token.shape is Shape.LOWER:
                facts.lowercase.add(token.lower)
            elif (
                not sentence.heading
                and not token.initial
                and (token.shape in NAME_SHAPES or token.shape is Shape.DOTTED)
            ):
                facts.evidence.add(token.text)
        _note_lowercase_expansions(sentence.tokens, facts)
    return facts


def find_mentions(
    original: str, sentences: Sequence[Sentence], facts: DocumentFacts
) -> list[Mention]:
    """Every candidate name in the text, in order; records acronym definitions in `facts`."""
    mentions: list[Mention] = []
    for sentence in sentences:
        for first, last in capitalised_runs(sentence.tokens, facts):
            for kept_first, kept_last in _accepted(sentence, first, last, facts):
                start = sentence.tokens[kept_first].start
                end = sentence.tokens[kept_last].end
                text = original[start:end]
                words = tuple(
                    index
                    for index in range(kept_first, kept_last + 1)
                    if sentence.tokens[index].shape in _WORD_SHAPES
                    and sentence.tokens[index].lower not in ROMAN_NUMERALS
                )
                mention = Mention(sentence, kept_first, kept_last, text, name_key(text), words)
                mentions.append(mention)
                _note_expansion(mention, facts)
    return [m for m in mentions if m.key not in facts.common_acronyms]


def _evident(token: Token, facts: DocumentFacts) -> bool:
    """Proven a name whatever its position: seen capitalised mid-sentence, or shaped like one."""
    if token.shape in _EVIDENT_SHAPES or token.text in facts.evidence:
        return True
    word = token.lower
    return word in DEMONYMS or (word.endswith("s") and word[:-1] in DEMONYMS)


def _accepted(
    sentence: Sentence, first: int, last: int, facts: DocumentFacts
) -> Iterator[tuple[int, int]]:
    """The parts of a run the text supports, trimmed of leading and trailing joiners."""
    tokens = sentence.tokens
    if tokens[first].shape is Shape.HANDLE:
        yield first, last
        return
    if sentence.heading:
        for part_first, part_last in _evidenced_parts(tokens, first, last, facts):
            yield from _trimmed(tokens, part_first, part_last)
        return
    head = tokens[first]
    if head.initial and not _evident(head, facts) and (last == first or is_common(head, facts)):
        first += 1
    if _indefinite_acronym(tokens, first, last):
        return
    yield from _trimmed(tokens, first, last)


def _evidenced_parts(
    tokens: tuple[Token, ...], first: int, last: int, facts: DocumentFacts
) -> Iterator[tuple[int, int]]:
    """In a heading, only words proven elsewhere count; unproven ones split the run."""
    part_first: int | None = None
    for index in range(first, last + 1):
        token = tokens[index]
        unproven = token.shape in (Shape.CAPITALIZED, Shape.DOTTED) and not _evident(token, facts)
        if unproven:
            if part_first is not None:
                yield part_first, index - 1
            part_first = None
        elif part_first is None:
            part_first = index
    if part_first is not None:
        yield part_first, last


def _trimmed(tokens: tuple[Token, ...], first: int, last: int) -> Iterator[tuple[int, int]]:
    while first <= last and _loose_edge(tokens, first, leading=True):
        first += 1
    while last >= first and _loose_edge(tokens, last, leading=False):
        last -= 1
    if first > last or last - first >= _MAX_NAME_TOKENS:
        return  # nothing left, or a shouted line rather than a name
    if first == last and tokens[first].shape in (Shape.SINGLE, Shape.NUMBER):
        return
    yield first, last


def _loose_edge(tokens: tuple[Token, ...], index: int, *, leading: bool) -> bool:
    """Tokens that cannot begin or end a name: joiners, bare numbers, stray letters."""
    token = tokens[index]
    if token.lower in _JOINERS:
        return True
    if token.shape is Shape.CAPITALIZED and token.lower in LEADING_FUNCTION_WORDS:
        return True
    if leading:
        if token.shape is Shape.SINGLE:
            return not initial_letter(tokens, index)
        return token.shape is Shape.NUMBER or token.lower in ROMAN_NUMERALS
    return False


def _indefinite_acronym(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """`an APC`: an acronym after `a`/`an` is a common noun, not a name."""
    return (
        first == last
        and first > 0
        and tokens[first].shape is Shape.UPPER
        and tokens[first - 1].lower in INDEFINITE_ARTICLES
    )


def _initials(tokens: Sequence[Token]) -> str:
    letters: list[str] = []
    for token in tokens:
        if token.lower in _JOINERS:
            continue
        letters.extend(part[0] for part in re.split(r"[-&]", token.text) if part)
    return "".join(letters).upper()


def _note_expansion(mention: Mention, facts: DocumentFacts) -> None:
    """`World Health Organization (WHO)`: the acronym is another name for the phrase."""
    tokens = mention.sentence.tokens
    index = mention.last + 1
    if index + 2 >= len(tokens) or mention.first == mention.last:
        return
    opening, acronym, closing = tokens[index : index + 3]
    if opening.text != "(" or closing.text != ")" or acronym.shape not in _EVIDENT_SHAPES:
        return
    letters = "".join(character for character in acronym.text if character.isupper())
    initials = _initials(mention.tokens)
    if letters and initials[:1] == letters[:1] and abs(len(initials) - len(letters)) <= 1:
        facts.aliases[name_key(acronym.text)] = mention.key


def _note_lowercase_expansions(tokens: tuple[Token, ...], facts: DocumentFacts) -> None:
    """`armored personnel carrier (APC)`: an acronym for a common noun is not a name."""
    for index in range(1, len(tokens) - 2):
        opening, acronym, closing = tokens[index : index + 3]
        if opening.text != "(" or closing.text != ")" or acronym.shape is not Shape.UPPER:
            continue
        size = len(acronym.text)
        phrase = tokens[max(0, index - size) : index]
        lowercase = len(phrase) == size and all(token.shape is Shape.LOWER for token in phrase)
        if lowercase and _initials(phrase) == acronym.text:
            facts.common_acronyms.add(name_key(acronym.text))
