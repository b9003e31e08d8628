"""Escape plain text so that Markdown shows it literally, touching as little as possible.

Articles copied from the web are plain text, but they are stored as Markdown.
A backslash goes in front of a character only where a CommonMark parser would
otherwise read it as syntax, so ordinary text such as `Q&A`, `$20B`,
`600,000+` or `@handle_` is stored exactly as it was written.

The functions expect one line of text without surrounding whitespace: the
text parser produces exactly that for every paragraph and subheading.
"""

from __future__ import annotations

import re
import string
import unicodedata
from typing import Final

_ASCII_PUNCTUATION: Final = frozenset(string.punctuation)
_WHITESPACE: Final = frozenset("\t\n\v\f\r ")

_ENTITY: Final = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
"""What a parser would decode as a character reference (`&amp;`, `&#38;`, `&#x26;`)."""

_TAG_OPENING: Final = re.compile(r"<[A-Za-z/!?]|<[^\s<>]*@[^\s<>]*>")
"""The start of raw HTML, an HTML comment or declaration, or an autolink (`<a@b.c>` too)."""

_ATX_HEADING: Final = re.compile(r"#{1,6}(?:[ \t]|$)")
_BULLET: Final = re.compile(r"[-+*](?:[ \t]|$)")
_ORDERED_MARKER: Final = re.compile(r"[0-9]{1,9}(?=[.)](?:[ \t]|$))")
_THEMATIC_BREAK: Final = re.compile(r"([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_HEADING_CLOSING_SEQUENCE: Final = re.compile(r"(?:^|[ \t])(#+)[ \t]*$")

_EMPHASIS_MARKERS: Final = frozenset("*_")
_INLINE_CANDIDATE: Final = re.compile(r"[*_~`\[\\<&]")


def escape_paragraph(text: str) -> str:
    """Escape one line of plain text to stand alone as a Markdown paragraph."""
    positions = _inline_positions(text) | _block_start_positions(text)
    return _insert_backslashes(text, positions)


def escape_heading(text: str) -> str:
    """Escape one line of plain text to be the content of an ATX heading (`## text`)."""
    positions = _inline_positions(text)
    closing = _HEADING_CLOSING_SEQUENCE.search(text)
    if closing is not None:
        # A trailing run of `#` would be taken as the heading's optional closing sequence.
        positions.add(closing.start(1))
    return _insert_backslashes(text, positions)


def escape_inline(text: str) -> str:
    """Escape text that sits inside a line, where block syntax cannot start."""
    return _insert_backslashes(text, _inline_positions(text))


def _insert_backslashes(text: str, positions: set[int]) -> str:
    if not positions:
        return text
    pieces: list[str] = []
    previous = 0
    for position in sorted(positions):
        pieces.append(text[previous:position])
        pieces.append("\\")
        previous = position
    pieces.append(text[previous:])
    return "".join(pieces)


def _block_start_positions(text: str) -> set[int]:
    """Where the start of the line would open a heading, quote, list or rule."""
    if (
        _ATX_HEADING.match(text)
        or text.startswith(">")
        or _BULLET.match(text)
        or _THEMATIC_BREAK.match(text)
    ):
        return {0}
    ordered = _ORDERED_MARKER.match(text)
    if ordered is not None:
        return {ordered.end()}
    return set()


def _inline_positions(text: str) -> set[int]:
    """Where a character would otherwise start inline syntax."""
    positions: set[int] = set()
    resume = 0
    # Only these characters can start inline syntax; a scan for them skips the rest quickly.
    for candidate in _INLINE_CANDIDATE.finditer(text):
        index = candidate.start()
        if index < resume:
            continue
        character = text[index]
        if character in _EMPHASIS_MARKERS or character == "~":
            end = _run_end(text, index)
            if _run_needs_escape(text, index, end):
                positions.update(range(index, end))
            resume = end
            continue
        if _character_needs_escape(text, index):
            positions.add(index)
    return positions


def _character_needs_escape(text: str, index: int) -> bool:
    character = text[index]
    if character in "`[":
        return True
    following = text[index + 1 : index + 2]
    if character == "\\":
        return following == "" or following in _ASCII_PUNCTUATION
    if character == "<":
        return _TAG_OPENING.match(text, index) is not None
    if character == "&":
        return _ENTITY.match(text, index) is not None
    return False


def _run_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and text[end] == text[start]:
        end += 1
    return end


def _run_needs_escape(text: str, start: int, end: int) -> bool:
    """Whether a run of `*`, `_` or `~` could open emphasis or strikethrough.

    Only runs that can open need a backslash: with every opener escaped, a
    closing-only run (as in `@handle_ said`) has nothing to pair with.
    """
    marker = text[start]
    if marker == "~":
        # Strikethrough (where a renderer enables it) needs two tildes.
        return end - start >= 2
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    left_flanking = not _is_whitespace(after) and (
        not _is_punctuation(after) or _is_whitespace(before) or _is_punctuation(before)
    )
    if marker == "*":
        return left_flanking
    right_flanking = not _is_whitespace(before) and (
        not _is_punctuation(before) or _is_whitespace(after) or _is_punctuation(after)
    )
    return left_flanking and (not right_flanking or _is_punctuation(before))


def _is_whitespace(character: str) -> bool:
    return character in _WHITESPACE or unicodedata.category(character) == "Zs"


def _is_punctuation(character: str) -> bool:
    return character in _ASCII_PUNCTUATION or unicodedata.category(character)[0] in "PS"
