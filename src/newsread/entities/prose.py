"""Markdown out of the way: the text with its syntax blanked, at the same offsets.

Entity finders work on a copy of the article body in which every piece of
Markdown syntax (heading and list markers, emphasis, link targets, escapes,
code, HTML) is replaced by spaces. Offsets into the copy are offsets into the
original, so a span found in the copy can be cut from the original unchanged,
and no span can contain markup because markup is not there to be matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, NamedTuple


class Line(NamedTuple):
    """One line of the text: a paragraph, a heading or a list item.

    An immutable named tuple rather than a frozen dataclass: a long article has
    thousands of lines, and a tuple is much cheaper to build.
    """

    start: int
    end: int
    """Offset of the line break (or the end of the text)."""
    heading: bool
    """A Markdown heading (`## …`), whose words are title-cased."""


@dataclass(frozen=True, slots=True)
class Prose:
    """The masked text and its lines."""

    text: str
    """Same length as the original; markup replaced by spaces, line breaks kept."""
    lines: tuple[Line, ...]


_FENCE: Final = re.compile(r"[ \t]{0,3}(?:```|~~~)")
_THEMATIC_BREAK: Final = re.compile(r"[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_REFERENCE_DEFINITION: Final = re.compile(r"[ \t]{0,3}\[[^\]]+\]:[ \t]*\S")
_HEADING: Final = re.compile(r"[ \t]{0,3}#{1,6}(?=[ \t]|$)")
_HEADING_CLOSER: Final = re.compile(r"[ \t]#+[ \t]*$")
_CONTAINER: Final = re.compile(
    r"(?:[ \t]{0,3}>[ \t]?)*[ \t]*(?:[-+*]|\d{1,9}[.)])?[ \t]+|(?:[ \t]{0,3}>[ \t]?)+"
)
"""Block quote markers and a list marker at the start of a line."""

_INLINE: Final = re.compile(
    r"(?P<keep>(?<![\w@])@\w+)"  # a handle keeps its underscores
    r"|(?P<url>\b(?:https?://|www\.)[^\s<>()\[\]]+)"
    r"|(?P<email>(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<code>`[^`]*`)"
    r"|(?P<target>\]\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+(?:\"[^\"]*\"|'[^']*'))?\))"
    r"|(?P<reference>\]\[[^\]]*\])"
    r"|(?P<autolink><(?:https?://|mailto:)[^>\s]*>)"
    r"|(?P<html></?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<character_reference>&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});)"
    r"|(?P<escape>\\(?=[!-/:-@\[-`{-~]))"
    r"|(?P<marks>\*+|~~+|!(?=\[)|[\[\]`]|(?<![^\W_])_+|_+(?![^\W_]))"
)


_MARKUP_CHARACTERS: Final = "@`[]<&\\*_~!"
"""One of these is in every piece of inline markup `_INLINE` blanks (a link, an address, a tag…)."""


_BLOCK_SYNTAX_STARTS: Final = frozenset(" \t`~-*_[#>+")
"""How every line with block syntax (fence, break, definition, heading, quote, list) begins,
unless it begins with a digit (`1. …`)."""


def mask_markdown(text: str) -> Prose:
    """Blank out the Markdown syntax in `text`, keeping every offset and line break."""
    raw_lines = text.split("\n")
    inline = _may_hold_inline_markup(text)
    if not inline and not _may_hold_block_syntax(raw_lines):
        # Plain prose, as most news is: nothing to blank, only the lines to list.
        return Prose(text, _plain_lines(raw_lines))
    pieces: list[str] = []
    lines: list[Line] = []
    changed = False
    in_fence = False
    offset = 0
    for line in raw_lines:
        end = offset + len(line)
        first = line[:1]
        if not line or (not in_fence and first not in _BLOCK_SYNTAX_STARTS and not first.isdigit()):
            # No block syntax here: at most inline markup, and only if the text has any.
            masked = _mask_inline(line) if inline else line
            heading = False
        else:
            masked, heading, in_fence = _mask_line(line, in_fence)
        changed = changed or masked is not line
        pieces.append(masked)
        lines.append(Line(offset, end, heading))
        offset = end + 1
    return Prose("\n".join(pieces) if changed else text, tuple(lines))


def _may_hold_block_syntax(lines: list[str]) -> bool:
    """False when no line begins the way every line with block syntax begins."""
    for first in {line[:1] for line in lines}:
        if first in _BLOCK_SYNTAX_STARTS or first.isdigit():
            return True
    return False


def _plain_lines(lines: list[str]) -> tuple[Line, ...]:
    """The `Line`s of a text split into `lines`, none of them a heading."""
    # `_make` builds each named tuple without a call to Python code.
    found: list[Line] = []
    offset = 0
    for line in lines:
        end = offset + len(line)
        found.append(Line._make((offset, end, False)))
        offset = end + 1
    return tuple(found)


def _mask_line(line: str, in_fence: bool) -> tuple[str, bool, bool]:
    """Return the masked line, whether it is a heading, and whether a code fence is open."""
    if not in_fence and line[:1].isalpha():
        # A line opening with a letter has no block syntax: only inline markup is left.
        return _mask_inline(line), False, in_fence
    if _FENCE.match(line):
        return _blank(line), False, not in_fence
    if in_fence or _THEMATIC_BREAK.match(line) or _REFERENCE_DEFINITION.match(line):
        return _blank(line), False, in_fence
    heading = _HEADING.match(line)
    if heading is not None:
        prefix = heading.end()
        closer = _HEADING_CLOSER.search(line, prefix)
        stop = closer.start() if closer is not None else len(line)
        body = _mask_inline(line[prefix:stop])
        return _blank(line[:prefix]) + body + _blank(line[stop:]), True, in_fence
    container = _CONTAINER.match(line)
    prefix = container.end() if container is not None else 0
    return _blank(line[:prefix]) + _mask_inline(line[prefix:]), False, in_fence


def _may_hold_inline_markup(text: str) -> bool:
    """False when `text` has none of the characters every piece of inline markup has."""
    # One quick substring test per character beats a regex scan of the whole text.
    for char in _MARKUP_CHARACTERS:
        if char in text:
            return True
    return "://" in text or "www." in text


def _mask_inline(text: str) -> str:
    # Most lines of news prose hold no markup at all: skip the big pattern for them.
    if not _may_hold_inline_markup(text):
        return text
    return _INLINE.sub(_replace, text)


def _replace(match: re.Match[str]) -> str:
    if match.lastgroup == "keep":
        return match.group()
    return _blank(match.group())


def _blank(text: str) -> str:
    return " " * len(text)
