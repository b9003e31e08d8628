"""Render one inline token (a paragraph's or heading's content) into styled `Text`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from markdown_it.token import Token
from rich.style import Style
from rich.text import Text

from newsread.render.blocks import Link
from newsread.render.source_align import Offsets, SourceCursor
from newsread.render.styles import (
    EMPHASIS_STYLE,
    INLINE_CODE_STYLE,
    LINK_STYLE,
    STRIKETHROUGH_STYLE,
    STRONG_STYLE,
)
from newsread.textsafe import neutralize_controls

_WEB_URL: Final = re.compile(r"https?://\S", re.IGNORECASE)

_OPENING_STYLES: Final = {
    "em_open": EMPHASIS_STYLE,
    "strong_open": STRONG_STYLE,
    "s_open": STRIKETHROUGH_STYLE,
}
_CLOSERS: Final = frozenset({"em_close", "strong_close", "s_close"})
_LITERAL_TOKENS: Final = frozenset({"html_inline"})


def is_web_url(url: str) -> bool:
    """Whether `url` is an http or https address (the only kind that becomes a live link)."""
    return _WEB_URL.match(url) is not None


class InlineRenderer:
    """Builds the text of one block from inline tokens, with a source offset per character."""

    def __init__(self, cursor: SourceCursor) -> None:
        self.cursor = cursor
        self.text = Text()
        self.offsets: Offsets = []
        self.links: list[Link] = []
        self._styles: list[Style] = []
        self._open_links: list[tuple[str, int, bool]] = []
        self._pieces: list[str] = []
        """What was appended, piece by piece (`Text.plain` re-joins everything on each call)."""

    def render(self, tokens: Sequence[Token]) -> None:
        """Append the rendering of `tokens` (an inline token's children)."""
        for token in tokens:
            self._render_token(token)

    def append(self, piece: str, offsets: Offsets, style: Style | None = None) -> None:
        """Append `piece` in the current style (plus `style`), with its source offsets."""
        if not piece:
            return
        layers = [*self._styles, style] if style is not None else self._styles
        self.text.append(piece, Style.combine(layers) if layers else None)
        self.offsets.extend(offsets)
        self._pieces.append(piece)

    def _render_token(self, token: Token) -> None:
        kind = token.type
        cursor = self.cursor
        if kind == "text":
            self.append(token.content, cursor.locate(token.content))
        elif kind == "softbreak":
            self.append(" ", [cursor.skip_line_break()])
        elif kind == "hardbreak":
            self.append("\n", [cursor.skip_line_break()])
        elif kind == "code_inline":
            offsets = cursor.locate(token.content, literal=True)
            self.append(token.content, offsets, INLINE_CODE_STYLE)
        elif kind in _OPENING_STYLES:
            self._styles.append(_OPENING_STYLES[kind])
        elif kind in _CLOSERS:
            self._pop_style()
        elif kind == "link_open":
            self._open_link(token)
        elif kind == "link_close":
            self._close_link()
        elif kind == "image":
            # Show the alt text where the image would be.
            self.render(token.children or [])
            cursor.skip_link_tail()
        elif token.content:
            literal = kind in _LITERAL_TOKENS
            self.append(token.content, cursor.locate(token.content, literal=literal))

    def _pop_style(self) -> None:
        if self._styles:
            self._styles.pop()

    def _open_link(self, token: Token) -> None:
        url = neutralize_controls(str(token.attrs.get("href", "")))
        web = is_web_url(url)
        self._styles.append(LINK_STYLE + Style(link=url) if web else LINK_STYLE)
        autolink = token.markup == "autolink"
        self._open_links.append((url if web else "", len(self._pieces), autolink))

    def _close_link(self) -> None:
        self._pop_style()
        if not self._open_links:
            return
        url, start, autolink = self._open_links.pop()
        if autolink:
            self.cursor.skip_autolink_tail()
        else:
            self.cursor.skip_link_tail()
        if url:
            self.links.append(Link(text="".join(self._pieces[start:]), url=url))
