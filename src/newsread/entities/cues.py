"""What kind of name is this? Evidence from the name itself and from its neighbours.

`score(mention)` returns label → weight. Weights add up over every mention of
the same name in the document (see `resolve`), so one strong cue (`CEO Jane
…`, `… Partners`) outweighs a couple of weak ones (`on …`), and a name seen
only without cues falls back to a default that is barely above nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from newsread.entities.lexicon import (
    AGENT_PARTICIPLES,
    BUSINESS_NOUNS,
    BUSINESS_ROLES,
    BUSINESS_VERBS,
    COMPANY_NOUNS,
    COMPASS_WORDS,
    DEMONYM_SUFFIXES,
    DEMONYMS,
    DETERMINERS,
    EVENT_NOUNS,
    EVENT_WORDS,
    FACILITY_NOUNS,
    FUNCTION_WORDS,
    HONORIFICS,
    INVESTMENT_WORDS,
    LIST_OPENERS,
    ORG_AFTER_NOUNS,
    ORG_SUFFIXES,
    OWNED_COMPANY_NOUNS,
    PERSON_NOUNS,
    PLACE_FIRST_WORDS,
    PLACE_HEADS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    PLATFORM_CUES,
    PRODUCT_HEADS,
    PRODUCT_NOUNS,
    ROLE_WORDS,
    ROMAN_NUMERALS,
    SPEECH_VERBS,
    VERB_ADVERBS,
    WORKER_NOUNS,
)
from newsread.entities.mentions import Mention
from newsread.entities.tokens import NAME_SHAPES, Shape, Token

Cue = tuple[str, float]

STRONG: Final = 2.0
SUFFIX: Final = 3.0
DEFAULT: Final = 0.3

_YEAR: Final = re.compile(r"(?:1[89]|20)\d\d")
_APPOSITIVE_OPENERS: Final = frozenset({"a", "an", "the", "its", "his", "her", "their"})
_APPOSITIVE_GLUE: Final = frozenset({"a", "an", "the", "its", "his", "her", "their", "of"})
_APPOSITIVE_SPAN: Final = 8
_LIST_SPAN: Final = 30
_POSSESSED_SPAN: Final = 3
_NOT_PLACE_AFTER: Final = frozenset(
    {"according", "due", "thanks", "similar", "compared", "related", "close", "attention"}
)
_PREPOSITIONS: Final = frozenset(PLACE_PREPOSITIONS) | {"of", "by", "for", "with", "about", "than"}
"""`Critics in X said`: a name inside a phrase like this is not the verb's subject."""
_DATELINE_MARKS: Final = frozenset({"(", "-", "—", "–"})
_QUOTE_ENDS: Final = frozenset({",", "”", '"', "’", "'"})
_DEMONYM_MIN_LENGTH: Final = 5
_NUMERALS: Final = ROMAN_NUMERALS | {"i"}
_NOUN_CLASSES: Final = (
    (COMPANY_NOUNS, "ORG"),
    (PRODUCT_NOUNS, "PRODUCT"),
    (PLACE_NOUNS, "PLACE"),
    (EVENT_NOUNS, "EVENT"),
)


def score(mention: Mention) -> dict[str, float]:
    """Label → weight of evidence for one occurrence of a name."""
    scores: dict[str, float] = {}
    for label, weight in (*_intrinsic(mention), *_context(mention)):
        scores[label] = scores.get(label, 0.0) + weight
    return scores


def is_suffixed(mention: Mention) -> bool:
    """Whether the name's own head word settles its kind (`… Partners`, `… Show`, `… City`)."""
    if len(_words(mention)) < 2:
        return False
    heads = _heads(mention)
    return any(head in ORG_SUFFIXES or head in EVENT_WORDS or head in PLACE_HEADS for head in heads)


def _heads(mention: Mention) -> set[str]:
    """The last word, and any word before `of`/`for` (`Bank` in `Bank of …`)."""
    words = _words(mention)
    heads = {words[-1].lower}
    tokens = mention.tokens
    for index in range(1, len(tokens)):
        if tokens[index].lower in ("of", "for"):
            heads.add(tokens[index - 1].lower)
    return heads


def _words(mention: Mention) -> list[Token]:
    """The name's words, without numbers, numerals and joiners."""
    tokens = mention.sentence.tokens
    return [tokens[index] for index in mention.words] or list(mention.tokens)


def _intrinsic(mention: Mention) -> Iterator[Cue]:
    tokens = mention.tokens
    words = _words(mention)
    first, last = words[0], words[-1]
    several = len(words) > 1
    heads = _heads(mention) if several else set()
    if first.shape is Shape.HANDLE:
        yield "MISC", 1.0
        return
    if heads & ORG_SUFFIXES:
        yield "ORG", SUFFIX
    if heads & EVENT_WORDS or (several and first.lower in ("battle", "siege")):
        yield "EVENT", SUFFIX
    if heads & PLACE_HEADS or (several and first.lower in PLACE_FIRST_WORDS):
        yield "PLACE", SUFFIX
    if several and first.lower in COMPASS_WORDS:
        yield "PLACE", STRONG
    if several and last.lower in PRODUCT_HEADS:
        yield "PRODUCT", STRONG
    if any(token.shape in (Shape.NUMBER, Shape.ALNUM) for token in tokens) or (
        len(tokens) > 1 and tokens[-1].lower in _NUMERALS
    ):
        yield "PRODUCT", STRONG
    if not several:
        word = first.lower
        if word in DEMONYMS or (word.endswith("s") and word[:-1] in DEMONYMS):
            yield "MISC", SUFFIX
        elif first.shape in (Shape.UPPER, Shape.MIXED):
            yield "ORG", DEFAULT
        elif first.shape is Shape.DOTTED:
            yield "PLACE", 0.5


def _context(mention: Mention) -> Iterator[Cue]:
    tokens = mention.sentence.tokens
    before = tokens[mention.first - 1] if mention.first > 0 else None
    before2 = tokens[mention.first - 2] if mention.first > 1 else None
    after_index = _after(mention)
    after = tokens[after_index] if after_index < len(tokens) else None
    possessive = tokens[mention.last].possessive

    if before is not None:
        yield from _role_before(before, before2)
        yield from _place_before(mention, before, before2, after)
        yield from _coordinated_place(mention, after)
        quoted = before2 is None or before2.text in _QUOTE_ENDS
        if before.lower in SPEECH_VERBS and quoted and _person_like(mention):
            yield "PERSON", 1.5
    yield from _listed_after_noun(mention)
    if after is None:
        return
    if possessive:
        yield from _possessed(tokens, after_index)
        return
    yield from _dateline(mention, after)
    yield from _appositive(tokens, after_index)
    yield from _noun_after(mention, before, after)
    if before is None or before.lower not in _PREPOSITIONS:
        yield from _verb_after(mention, tokens, after_index)
    yield from _weak_demonym(mention, after)


def _dateline(mention: Mention, after: Token) -> Iterator[Cue]:
    """`CITY (Agency) -` or `CITY —` opening a story: the capitals name a place."""
    if (
        mention.first == 0
        and after.text in _DATELINE_MARKS
        and all(token.shape is Shape.UPPER for token in mention.tokens)
    ):
        yield "PLACE", STRONG


def _after(mention: Mention) -> int:
    """Index of the token after the name, skipping a defining `(ACRONYM)`."""
    tokens = mention.sentence.tokens
    index = mention.last + 1
    if (
        index + 2 < len(tokens)
        and tokens[index].text == "("
        and tokens[index + 2].text == ")"
        and tokens[index + 1].shape is Shape.UPPER
    ):
        return index + 3
    return index


def _role_before(before: Token, before2: Token | None) -> Iterator[Cue]:
    honorific = before.text == "." and before2 is not None and before2.lower in HONORIFICS
    titled = before.text == "," and before2 is not None and before2.lower in ROLE_WORDS
    if before.lower in ROLE_WORDS or honorific or titled:
        yield "PERSON", STRONG
    elif before.lower in ("of", "at") and before2 is not None and before2.lower in BUSINESS_ROLES:
        yield "ORG", STRONG


def _place_before(
    mention: Mention, before: Token, before2: Token | None, after: Token | None
) -> Iterator[Cue]:
    preposition = before.lower
    if preposition == "the" and before2 is not None and before2.lower in ("in", "from"):
        yield "PLACE", 0.5
        return
    weight = PLACE_PREPOSITIONS.get(preposition, 0.0 if preposition == "by" else None)
    if weight is None:
        return
    if after is not None and after.blocked and _YEAR.fullmatch(after.text):
        yield "EVENT", 1.5
        return
    if before2 is not None and before2.lower in _NOT_PLACE_AFTER:
        return
    context = before2.lower if before2 is not None else ""
    if preposition == "in" and context in INVESTMENT_WORDS:
        yield "ORG", 1.0  # a stake in X
        return
    if preposition == "at" and context in WORKER_NOUNS:
        yield "ORG", 1.0  # analysts at X
        return
    if preposition == "by" and context in AGENT_PARTICIPLES:
        yield "ORG", 1.0  # backed by X
        return
    if preposition == "from" and context in PRODUCT_NOUNS:
        yield "ORG", 1.0  # phones from X
        return
    if preposition == "on" and context in PLATFORM_CUES:
        yield "PRODUCT", 1.0  # a post on X
        return
    if mention.sentence.tokens[mention.last].possessive:
        if after is None or after.shape is Shape.PUNCT:
            return  # `from Acme’s.`: the possessive stands for a noun left out
        weight /= 2
    if weight:
        yield "PLACE", weight


def _list_head(tokens: tuple[Token, ...], first: int) -> int:
    """Index of the word before a list of names ending at `first` (-1 if none)."""
    index = first - 1
    floor = max(0, first - _LIST_SPAN)
    while index >= floor and _list_material(tokens[index]):
        index -= 1
    return index if index >= floor else -1


def _coordinated_place(mention: Mention, after: Token | None) -> Iterator[Cue]:
    """`in X and Y`: the preposition before a list applies to every name in it."""
    tokens = mention.sentence.tokens
    before = tokens[mention.first - 1]
    if before.text != "," and before.lower not in ("and", "or"):
        return
    head = _list_head(tokens, mention.first)
    if head < 0 or not _name_follows(tokens, head):
        return
    head_before = tokens[head - 1] if head > 0 else None
    yield from _place_before(mention, tokens[head], head_before, after)


def _listed_after_noun(mention: Mention) -> Iterator[Cue]:
    """`startup X`, `companies like X, Y and Z`, `partners X and Y`."""
    tokens = mention.sentence.tokens
    index = _list_head(tokens, mention.first)
    crossed = index < mention.first - 1
    if index < 0:
        return
    word = tokens[index].lower
    weight = 1.5 if crossed else STRONG
    if word in LIST_OPENERS or (word == "as" and index > 0 and tokens[index - 1].lower == "such"):
        index -= 2 if word == "as" else 1
        if index >= 0 and tokens[index].text == ",":
            index -= 1
        if index < 0:
            return
        word = tokens[index].lower
        weight = 1.5
    noun = tokens[index]
    opening = noun.initial and noun.shape is Shape.CAPITALIZED
    if (noun.shape is not Shape.LOWER and not opening) or not _name_follows(tokens, index):
        return
    for nouns, label in _NOUN_CLASSES:
        if word in nouns:
            yield label, weight
            return


def _name_follows(tokens: tuple[Token, ...], index: int) -> bool:
    """The list starts right after its noun (and its `like`/`such as`/`including`)."""
    index += 1
    while index < len(tokens) and (
        tokens[index].text == "," or tokens[index].lower in LIST_OPENERS | {"as"}
    ):
        index += 1
    return index < len(tokens) and _list_material(tokens[index]) and tokens[index].text != ","


def _list_material(token: Token) -> bool:
    if token.text == "," or token.lower in ("and", "or"):
        return True
    if token.lower in ROLE_WORDS:
        return False
    return token.shape in NAME_SHAPES or token.shape in (Shape.SINGLE, Shape.DOTTED, Shape.HANDLE)


def _possessed(tokens: tuple[Token, ...], index: int) -> Iterator[Cue]:
    """`X’s CEO`, `X’s shares` (a company); `X’s wife`, `X’s startup` (a person)."""
    if tokens[index].lower in BUSINESS_ROLES:
        yield "ORG", STRONG
        return
    for token in tokens[index : index + _POSSESSED_SPAN]:
        if token.shape is not Shape.LOWER or token.lower in FUNCTION_WORDS:
            return
        word = token.lower
        if word in BUSINESS_NOUNS:
            yield "ORG", 1.0
            return
        if word in PERSON_NOUNS:
            yield "PERSON", 1.0
            return
        if word in OWNED_COMPANY_NOUNS:
            yield "PERSON", 0.5
            return


def _appositive(tokens: tuple[Token, ...], index: int) -> Iterator[Cue]:
    """`X, CEO of Y`, `X, a … model`, `X, Y’s … startup`, `X, who …`."""
    if tokens[index].text != "," or index + 1 >= len(tokens):
        return
    opener = tokens[index + 1]
    if opener.lower == "who":
        yield "PERSON", STRONG
        return
    scan = index + 1
    if opener.lower in ROLE_WORDS:
        yield "PERSON", STRONG
        return
    if opener.shape in NAME_SHAPES:
        while scan < len(tokens) and tokens[scan].shape in NAME_SHAPES:
            if tokens[scan].possessive:
                break
            scan += 1
        if scan >= len(tokens) or not tokens[scan].possessive:
            return
        scan += 1
    elif opener.lower not in _APPOSITIVE_OPENERS:
        return
    for token in tokens[scan : scan + _APPOSITIVE_SPAN]:
        word = token.lower
        if token.shape is Shape.PUNCT:
            return
        if word in ROLE_WORDS:
            yield "PERSON", STRONG
            return
        for nouns, label in _NOUN_CLASSES:
            if word in nouns:
                yield label, STRONG
                return
        if word in FUNCTION_WORDS and word not in _APPOSITIVE_GLUE:
            return


def _noun_after(mention: Mention, before: Token | None, after: Token) -> Iterator[Cue]:
    """`X CEO`, `the X system`, `the X plant`, `X shares`, `X 2026`."""
    word = after.lower
    determined = before is not None and (before.lower in DETERMINERS or before.possessive)
    if word in BUSINESS_ROLES and after.shape in (Shape.LOWER, Shape.UPPER, Shape.CAPITALIZED):
        yield "ORG", STRONG
        return
    if after.blocked and _YEAR.fullmatch(after.text):
        yield "EVENT", 1.0
        return
    if after.shape is not Shape.LOWER:
        return
    if word in FACILITY_NOUNS and determined:
        yield "PLACE", 1.0
    elif word in PRODUCT_NOUNS:
        coined = all(token.shape is not Shape.CAPITALIZED for token in _words(mention))
        yield "PRODUCT", 1.0 if determined or coined else 0.25
    elif word in EVENT_NOUNS and determined:
        yield "EVENT", 0.5
    elif word in ORG_AFTER_NOUNS:
        yield "ORG", 1.0


def _verb_after(mention: Mention, tokens: tuple[Token, ...], index: int) -> Iterator[Cue]:
    """`Doe said` (a person), `X unveiled` (leaning company)."""
    skipped = 0
    while index < len(tokens) and tokens[index].lower in VERB_ADVERBS and skipped < 2:
        index += 1
        skipped += 1
    if index >= len(tokens) or tokens[index].shape is not Shape.LOWER:
        return
    verb = tokens[index].lower
    if verb in SPEECH_VERBS and _person_like(mention):
        yield "PERSON", 1.5
    elif verb in BUSINESS_VERBS:
        yield "ORG", 0.75


def _weak_demonym(mention: Mention, after: Token) -> Iterator[Cue]:
    """`Korean regulators`: a nationality-shaped word used as an adjective."""
    words = _words(mention)
    if len(words) != 1 or words[0].shape is not Shape.CAPITALIZED:
        return
    word = words[0].lower
    if (
        len(word) >= _DEMONYM_MIN_LENGTH
        and word.endswith(DEMONYM_SUFFIXES)
        and after.shape is Shape.LOWER
        and after.lower not in FUNCTION_WORDS
    ):
        yield "MISC", 0.5


def _person_like(mention: Mention) -> bool:
    """One to three plain capitalised words: the shape of a personal name."""
    tokens = mention.tokens
    return len(tokens) <= 3 and all(token.shape is Shape.CAPITALIZED for token in tokens)
