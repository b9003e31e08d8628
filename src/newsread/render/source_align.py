"""Find where each piece of rendered text came from in the Markdown source.

markdown-it gives block tokens a line range but gives inline text no offsets.
Rendered pieces appear in the source in order, separated only by markup
(delimiters, link destinations, quote markers, indentation), so a cursor that
walks forward through the source can pin every rendered character to the source
character it came from, decoding backslash escapes and `&...;` references on the
way. A piece that cannot be found is reported as unmapped rather than guessed.
"""

from __future__ import annotations

import html
import re
import string
from typing import Final

from markdown_it.helpers import parseLinkDestination, parseLinkTitle

Offsets = list[int | None]
"""One source offset per rendered character; None where the character has no source."""

MAX_GAP: Final = 4096
"""How far past the cursor a piece may start: markup between pieces is never this long."""

_ESCAPABLE: Final = frozenset(string.punctuation)
"""What a backslash escapes in CommonMark: ASCII punctuation only."""

_CHARACTER_REFERENCE: Final = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});"
)
_LINK_SPACE: Final = " \t\n"


def unmapped(length: int) -> Offsets:
    """Offsets for `length` characters that come from nowhere in the source."""
    return [None] * length


class SourceCursor:
    """A forward-only position in the Markdown source, limited to the current block."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.position = 0
        self.limit = len(source)

    def enter_block(self, start: int, end: int) -> None:
        """Restrict matching to `source[start:end]`, never moving backwards."""
        self.position = max(self.position, start)
        self.limit = min(max(end, start), len(self.source))

    def locate(self, piece: str, *, literal: bool = False) -> Offsets:
        """Map `piece` onto the source at or after the cursor and move past it.

        With `literal`, the piece is code or raw HTML: backslashes and `&` stand
        for themselves, and a space may stand for a line break (code spans).
        Returns all None, leaving the cursor alone, when the piece is not found.
        """
        if not piece:
            return []
        first = piece[0]
        last_start = min(self.limit, self.position + MAX_GAP)
        for start in range(self.position, last_start):
            if not _could_start(self.source[start], first, literal=literal):
                continue
            found = self._align_at(piece, start, literal=literal)
            if found is not None:
                offsets, self.position = found
                return offsets
        return unmapped(len(piece))

    def skip_line_break(self) -> int | None:
        """Move past the next newline in the block and return its offset, if there is one."""
        newline = self.source.find("\n", self.position, self.limit)
        if newline < 0:
            return None
        self.position = newline + 1
        return newline

    def skip_link_tail(self) -> None:
        """Move past the `](destination "title")` or `][label]` that closes a link or image."""
        bracket = self.source.find("]", self.position, self.limit)
        if bracket < 0:
            return
        after = bracket + 1
        if after < self.limit and self.source[after] == "(":
            end = self._inline_link_end(after)
            self.position = end if end is not None else after
        elif after < self.limit and self.source[after] == "[":
            close = self.source.find("]", after + 1, self.limit)
            self.position = close + 1 if close >= 0 else after
        else:
            self.position = after

    def skip_autolink_tail(self) -> None:
        """Move past the `>` that closes an autolink such as `<https://example.com>`."""
        close = self.source.find(">", self.position, self.limit)
        if close >= 0:
            self.position = close + 1

    def _align_at(self, piece: str, start: int, *, literal: bool) -> tuple[Offsets, int] | None:
        """Offsets of `piece` if it is exactly what the source says from `start`, and its end."""
        source, limit = self.source, self.limit
        plain = literal or ("\\" not in piece and "&" not in piece)
        if plain and source.startswith(piece, start, limit):
            return list(range(start, start + len(piece))), start + len(piece)
        offsets: Offsets = []
        position = start
        index = 0
        while index < len(piece):
            if position >= limit:
                return None
            wanted = piece[index]
            character = source[position]
            if literal:
                if character != wanted and not (wanted == " " and character == "\n"):
                    return None
                offsets.append(position)
                position += 1
                index += 1
                continue
            if character == "\\" and position + 1 < limit and source[position + 1] in _ESCAPABLE:
                if source[position + 1] != wanted:
                    return None
                offsets.append(position + 1)
                position += 2
                index += 1
                continue
            if character == "&":
                reference = _CHARACTER_REFERENCE.match(source, position, limit)
                if reference is not None:
                    decoded = html.unescape(reference.group())
                    if decoded != reference.group() and piece.startswith(decoded, index):
                        offsets.extend([position] * len(decoded))
                        position = reference.end()
                        index += len(decoded)
                        continue
            if character != wanted:
                return None
            offsets.append(position)
            position += 1
            index += 1
        return offsets, position

    def _inline_link_end(self, opening: int) -> int | None:
        """The offset just past `(destination "title")` starting at `opening`, if well formed."""
        source, limit = self.source, self.limit
        position = _skip_link_space(source, opening + 1, limit)
        destination = parseLinkDestination(source, position, limit)
        if destination.ok:
            position = destination.pos
        before_title = position
        position = _skip_link_space(source, position, limit)
        if position > before_title:
            title = parseLinkTitle(source, position, limit)
            if title.ok:
                position = _skip_link_space(source, title.pos, limit)
        if position < limit and source[position] == ")":
            return position + 1
        return None


def _could_start(character: str, first: str, *, literal: bool) -> bool:
    """Whether a piece beginning with `first` may begin at a source `character`."""
    if character == first:
        return True
    if literal:
        return first == " " and character == "\n"
    return character in "\\&"


def _skip_link_space(source: str, position: int, limit: int) -> int:
    while position < limit and source[position] in _LINK_SPACE:
        position += 1
    return position
