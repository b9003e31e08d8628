"""Brands named with a single letter: `X` (the social network), `𝕏`.

One capital letter is far too common to be a name on its own (`Plan B`, a
list's `C`, an initial), so a letter is taken for one only where the words
prove it: a kind of platform right before it (`social media platform X`), or
the letter styled as a logo (`𝕏`, a mathematical letter, which prose uses
for nothing else). Once proven, the letter's other mentions in the article
are the same name wherever no capitalised word stands right before them
(`Model X`, `Series X` are other names). `I` and `A` are words, never these.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from newsread.entities.identity import POSSESSIVE_AFTER
from newsread.entities.lexicon import FUNCTION_WORDS

_PLATFORM_NOUNS: Final = ("platform", "network", "app", "site", "website", "service", "messenger")
_STYLED: Final = "\U0001d400-\U0001d6a3"
"""Mathematical bold, italic, script, fraktur and double-struck letters (`𝕏`)."""
_ANY_STYLED: Final = re.compile(f"[{_STYLED}]")
_APOSTROPHES: Final = "’'"
_LOOK_BACK: Final = 60
"""How many characters before a letter are read for the word before it."""


def letter_name_spans(masked: str) -> list[tuple[int, int]]:
    """Where a single-letter brand is named in `masked`, in order of offset."""
    letters = _after_platforms(masked)
    if not masked.isascii():
        # A styled capital standing alone; styled words (`𝐁𝐫𝐞𝐚𝐤𝐢𝐧𝐠`) and math (`𝑥`) prove nothing.
        letters |= {
            _plain(match.group())
            for match in _ANY_STYLED.finditer(masked)
            if _plain(match.group()).isupper() and _stands_alone(masked, *match.span())
        }
    letters -= {"I", "A"}
    if not letters:
        return []
    mentions = re.compile(f"[{''.join(sorted(letters))}{_STYLED}]")
    return [
        match.span()
        for match in mentions.finditer(masked)
        if _plain(match.group()) in letters and _stands_alone(masked, *match.span())
    ]


def _after_platforms(text: str) -> set[str]:
    """The letters standing alone right after a kind of platform and one space (`platform X`).

    Looked for from each place the noun occurs, in lowercase: far quicker than
    a search for lone capitals, which are everywhere in news.
    """
    letters: set[str] = set()
    for noun in _PLATFORM_NOUNS:
        spaced = noun + " "
        at = text.find(spaced)
        while at >= 0:
            letter_at = at + len(spaced)
            letter = text[letter_at : letter_at + 1]
            if (
                "B" <= letter <= "Z"
                and (at == 0 or not text[at - 1].isalnum())
                and _stands_alone(text, letter_at, letter_at + 1)
            ):
                letters.add(letter)
            at = text.find(spaced, letter_at)
    return letters


def _plain(character: str) -> str:
    """The plain letter a styled one is (`𝕏` → `X`); anything else as it is."""
    if character.isascii():
        return character
    plain = unicodedata.normalize("NFKC", character)
    return plain if len(plain) == 1 and "A" <= plain <= "Z" else character


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether the letter at `[start, end)` is a word of its own, no part of a longer name.

    Nothing of a word, number, address or handle touches it (`X-ray`, `X.com`,
    `@X`; a possessive may follow), and the word before it, if any on its
    line, is not capitalised (`Model X`) unless it is a function word (`The X`).
    """
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.&/@#-"):
        return False
    # Two spaces stand in for the text's end: `"" in "_&-"` would hold.
    following = text[end : end + 2] or "  "
    if following[:1].isalnum() or following[:1] in "_&-":
        return False
    # `X.com`, `X/Twitter`; an apostrophe only for a possessive (`X’s`).
    joined = following[:1] in "./" + _APOSTROPHES and following[1:2].isalnum()
    if joined and POSSESSIVE_AFTER.match(text, end) is None:
        return False
    # Only the last few words matter: looking further back on a long line would
    # cost time in proportion to the line for every mention.
    window = max(0, start - _LOOK_BACK)
    line_break = text.rfind("\n", window, start)
    before = text[line_break + 1 if line_break >= 0 else window : start].rstrip(" \t")
    if not before or not before[-1].isalnum():
        return True
    previous = before.rsplit(maxsplit=1)[-1]
    return not previous[0].isupper() or previous.casefold() in FUNCTION_WORDS
