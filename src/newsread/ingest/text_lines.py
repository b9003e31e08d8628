"""Judgements about single lines of copied news text, for the seed-format parser.

Is a line heading-like (short, no closing punctuation)? A deck (one short
sentence)? Site furniture (`Read more: …`, `Click here`)? And which lines of a
blank-line separated block were hard-wrapped and belong to one paragraph?
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import Final

from newsread.textsafe import strip_controls

HEADING_MAX_CHARS: Final = 120
HEADING_MAX_WORDS: Final = 16
LABEL_MAX_WORDS: Final = 4
DECK_MAX_CHARS: Final = 250
FURNITURE_MAX_CHARS: Final = 160
FURNITURE_MAX_WORDS: Final = 20
FALLBACK_TITLE_MAX_CHARS: Final = 80
WRAP_MIN_WIDTH: Final = 40
WRAP_MAX_WIDTH: Final = 100

_SENTENCE_END: Final = ".!?…"
_CLAUSE_END: Final = _SENTENCE_END + ":;,"
_CLOSING_MARKS: Final = "\"'”’»)]"

_SENTENCE_BOUNDARY: Final = re.compile(r"([.!?…][\"'”’»)\]]*)\s+[\"'“‘«(\[]*(\w)")
"""Closing punctuation, a space, then the first letter or digit of what follows."""

_ABBREVIATIONS: Final = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs"}
)
_INITIALS: Final = re.compile(r"(?:[A-Za-z]\.)+")
"""`J.` or `U.S.`: a full stop that need not end a sentence."""

_FURNITURE: Final = re.compile(
    r"""
    \b(?:click|tap)\s+here\b
    | ^(?:read|see)\s+(?:more|next|also)\b
    | ^also\s+read\b
    | ^related(?:\s+\w+)?\s*:
    | ^share\s+(?:this|on)\b
    | ^follow\s+us\b
    | ^(?:subscribe|sign\s+up)\b
    | ^(?:advertisement|sponsored(?:\s+content)?)$
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""Calls to action and navigation that sites wrap around an article."""


def count_words(line: str) -> int:
    """The number of whitespace-separated words in `line`."""
    return len(line.split())


def ends_with(line: str, marks: str) -> bool:
    """Whether `line` ends with one of `marks`, looking through closing quotes and brackets."""
    stripped = line.rstrip(_CLOSING_MARKS)
    return bool(stripped) and stripped[-1] in marks


def is_heading_like(line: str) -> bool:
    """Short, and without the punctuation that closes a sentence or clause."""
    return (
        0 < len(line) <= HEADING_MAX_CHARS
        and count_words(line) <= HEADING_MAX_WORDS
        and not ends_with(line, _CLAUSE_END)
    )


def is_top_headline(line: str) -> bool:
    """Whether the line a file (or label) opens with can be the headline.

    Looser than `is_heading_like`: a headline may ask a question or exclaim.
    """
    return (
        0 < len(line) <= HEADING_MAX_CHARS
        and count_words(line) <= HEADING_MAX_WORDS
        and not ends_with(line, ".…:;,")
        and not has_sentence_boundary(line)
    )


def is_deck(line: str) -> bool:
    """One reasonably short, complete sentence: a standfirst under the headline."""
    return (
        len(line) <= DECK_MAX_CHARS
        and ends_with(line, _SENTENCE_END)
        and not has_sentence_boundary(line)
    )


def is_furniture(line: str) -> bool:
    """A short call to action or navigation line that is not part of the article."""
    return (
        len(line) <= FURNITURE_MAX_CHARS
        and count_words(line) <= FURNITURE_MAX_WORDS
        and _FURNITURE.search(line) is not None
    )


def has_sentence_boundary(line: str) -> bool:
    """Whether one sentence ends inside `line` and another begins."""
    return _first_boundary(line) is not None


def first_sentence(line: str) -> str:
    """The text of `line` up to and including the end of its first sentence."""
    boundary = _first_boundary(line)
    return line if boundary is None else line[:boundary].rstrip()


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, marked with `…`."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _first_boundary(line: str) -> int | None:
    """Where the first sentence of `line` ends (after its closing marks), if another follows."""
    for match in _SENTENCE_BOUNDARY.finditer(line):
        following = match.group(2)
        if not (following.isupper() or following.isdigit()):
            continue
        if match.group(1).startswith(".") and _is_abbreviation(line[: match.start(1)]):
            continue
        return match.end(1)
    return None


def _is_abbreviation(before_stop: str) -> bool:
    words = before_stop.split()
    if not words:
        return False
    word = words[-1].lstrip("\"'“‘«([")
    return word.lower() in _ABBREVIATIONS or _INITIALS.fullmatch(word + ".") is not None


def logical_lines(text: str) -> Iterator[str]:
    """The paragraphs and headings of `text`, one per item, whitespace normalised.

    Control characters and byte-order marks are removed and every line's
    whitespace is collapsed. A blank-line separated block whose lines were
    hard-wrapped is joined into one line; any other line stays on its own.
    """
    # Byte-order marks also turn up mid-text where files were concatenated.
    blocks = _blocks(strip_controls(text).replace("\ufeff", ""))
    width = _document_wrap_width(blocks)
    for block in blocks:
        if _is_hard_wrapped(block, width):
            yield _join_wrapped(block)
        else:
            yield from block


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _document_wrap_width(blocks: Sequence[Sequence[str]]) -> int | None:
    """The wrap width shown by blocks long enough to be sure of, if there are any."""
    widths = [
        max(len(line) for line in block)
        for block in blocks
        if len(block) >= 3 and _is_hard_wrapped(block, None)
    ]
    return max(widths, default=None)


def _is_hard_wrapped(block: Sequence[str], document_width: int | None) -> bool:
    """Whether the lines of `block` are one paragraph broken to fit a width.

    Greedy wrapping breaks a line only when the next word would not fit, so
    every line but the last, plus the following word, must exceed the width.
    Lines that each hold a whole paragraph fail this (a short heading line, or
    a long paragraph line), and so do lines that all end a sentence.
    """
    if len(block) < 2:
        return False
    longest = max(len(line) for line in block)
    if not WRAP_MIN_WIDTH <= longest <= WRAP_MAX_WIDTH:
        return False
    width = max(longest, document_width or 0)
    for line, following in pairwise(block):
        if len(line) + 1 + len(following.split(" ", 1)[0]) <= width:
            return False
    if all(ends_with(line, _SENTENCE_END) for line in block[:-1]):
        return False
    if document_width is not None or len(block) >= 3:
        return True
    # Two lines and nothing else to measure by: a headline over its deck looks
    # the same, so join only when the second line plainly continues a sentence.
    return block[1][:1].islower()


def _join_wrapped(block: Sequence[str]) -> str:
    joined = block[0]
    for line in block[1:]:
        # A word hyphenated at the break (`self-` / `driving`) is one word again.
        if len(joined) >= 2 and joined[-1] == "-" and joined[-2].isalpha():
            joined += line
        else:
            joined += " " + line
    return joined
