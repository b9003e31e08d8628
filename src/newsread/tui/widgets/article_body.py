"""Lay an article's body blocks out as one Rich renderable, in the theme's styles.

One renderable for the whole body keeps the article view to a handful of
widgets, so moving through the list re-renders a preview quickly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.style import Style
from rich.text import Text

from newsread.render import Block, BlockKind
from newsread.render.console import Prefixed

QUOTE_BAR: Final = "▌ "
LIST_INDENT: Final = "  "
MARKER_WIDTH: Final = 3
"""Cells for a bullet or a short number and the space after it."""


@dataclass(frozen=True, slots=True)
class BodyStyles:
    """The styles of block decorations, taken from the article view's component classes."""

    heading: Style
    quote_bar: Style
    list_marker: Style
    code: Style
    rule: Style


def body_renderable(blocks: Sequence[Block], styles: BodyStyles) -> RenderableType:
    """All `blocks`, separated by blank lines except between the items of one list."""
    parts: list[RenderableType] = []
    previous: Block | None = None
    for block in blocks:
        same_list = (
            previous is not None
            and previous.kind is BlockKind.LIST_ITEM
            and block.kind is BlockKind.LIST_ITEM
            and bool(block.marker)
        )
        if previous is not None and not same_list:
            parts.append(Text())
        parts.append(_block_renderable(block, styles))
        previous = block
    return Group(*parts)


def _block_renderable(block: Block, styles: BodyStyles) -> RenderableType:
    content: RenderableType
    if block.kind is BlockKind.RULE:
        content = Rule(style=styles.rule)
    else:
        text = block.text.copy()
        if block.kind is BlockKind.HEADING:
            text.style = styles.heading
        elif block.kind is BlockKind.CODE:
            text.style = styles.code
        content = text
    first, rest = _prefixes(block, styles)
    return Prefixed(content, first, rest) if first.plain else content


def _prefixes(block: Block, styles: BodyStyles) -> tuple[Text, Text]:
    """What goes before the first line of a block and before each of its other lines."""
    bars = QUOTE_BAR * block.quote_depth
    first = Text(bars, style=styles.quote_bar, end="")
    rest = Text(bars, style=styles.quote_bar, end="")
    if block.list_depth:
        indent = LIST_INDENT * (block.list_depth - 1)
        width = max(MARKER_WIDTH, len(block.marker) + 1)
        first.append(indent)
        first.append(block.marker.ljust(width), style=styles.list_marker)
        rest.append(indent + " " * width)
    return first, rest
