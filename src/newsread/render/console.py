"""Lay a rendered article out for a plain Rich console (`newsread show`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.rule import Rule
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from newsread.render.blocks import Block, BlockKind, RenderedArticle
from newsread.render.styles import (
    CODE_BLOCK_STYLE,
    DECK_STYLE,
    HEADING_STYLE,
    LIST_MARKER_STYLE,
    META_STYLE,
    QUOTE_BAR_STYLE,
    RULE_STYLE,
    TITLE_STYLE,
)

QUOTE_BAR = "▌ "
LIST_INDENT = "  "


class Prefixed:
    """A renderable drawn narrower, with a prefix before its first line and another before the rest.

    Gives quotes a bar on every wrapped line and list items a hanging indent.
    """

    def __init__(self, renderable: RenderableType, first: Text, rest: Text) -> None:
        self.renderable = renderable
        self.first = first
        self.rest = rest

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        prefix_width = max(self.first.cell_len, self.rest.cell_len)
        width = max(1, options.max_width - prefix_width)
        lines = console.render_lines(self.renderable, options.update_width(width), pad=False)
        for number, line in enumerate(lines):
            prefix = self.first if number == 0 else self.rest
            yield from prefix.render(console, end="")
            yield from line
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        prefix_width = max(self.first.cell_len, self.rest.cell_len)
        inner = Measurement.get(console, options, self.renderable)
        return Measurement(inner.minimum + prefix_width, inner.maximum + prefix_width)


@dataclass(frozen=True, slots=True)
class BlockStyles:
    """The styles of block decorations; the TUI builds one from its theme."""

    heading: Style = HEADING_STYLE
    quote_bar: Style = QUOTE_BAR_STYLE
    list_marker: Style = LIST_MARKER_STYLE
    code: Style = CODE_BLOCK_STYLE
    rule: Style = RULE_STYLE


def block_renderable(block: Block, styles: BlockStyles | None = None) -> RenderableType:
    """One block with its decoration: heading colour, code style, quote bars, bullet and indent."""
    styles = styles or BlockStyles()
    body: RenderableType
    if block.kind is BlockKind.RULE:
        body = Rule(style=styles.rule)
    else:
        text = block.text.copy()
        if block.kind is BlockKind.HEADING:
            text.style = styles.heading
        elif block.kind is BlockKind.CODE:
            text.style = styles.code
        body = text
    first, rest = _prefixes(block, styles)
    if not first.plain:
        return body
    return Prefixed(body, first, rest)


def _prefixes(block: Block, styles: BlockStyles) -> tuple[Text, Text]:
    # Styles go in spans, not Text.style: Text.render ignores the base style of unspanned text.
    bars = Text()
    bars.append(QUOTE_BAR * block.quote_depth, styles.quote_bar)
    first, rest = bars.copy(), bars.copy()
    if block.list_depth:
        indent = LIST_INDENT * (block.list_depth - 1)
        marker_width = max(2, len(block.marker) + 1)
        first.append(indent)
        first.append(block.marker.ljust(marker_width), style=styles.list_marker)
        rest.append(indent + " " * marker_width)
    return first, rest


def separated(previous: Block | None, block: Block) -> bool:
    """Whether a blank line goes before `block`: always, except between the items of one list."""
    if previous is None:
        return False
    tight = (
        previous.kind is BlockKind.LIST_ITEM
        and block.kind is BlockKind.LIST_ITEM
        and bool(block.marker)
    )
    return not tight


def block_piece(block: Block, previous: Block | None, styles: BlockStyles | None = None) -> Group:
    """`block` as drawn in the body: its decorated renderable, after a blank line if separated.

    Laying the pieces of a body out one after another gives exactly the lines of
    `body_renderable`, which lets a viewer lay out only the blocks it shows.
    """
    renderable = block_renderable(block, styles)
    if separated(previous, block):
        return Group(Text(), renderable)
    return Group(renderable)


def block_indent(block: Block) -> int:
    """How many cells of quote bars, bullets and indent go before each line of `block`."""
    first, rest = _prefixes(block, BlockStyles())
    return max(first.cell_len, rest.cell_len)


def body_renderable(blocks: Iterable[Block], styles: BlockStyles | None = None) -> Group:
    """All `blocks`, separated by blank lines except between the items of one list."""
    renderables: list[RenderableType] = []
    previous: Block | None = None
    for block in blocks:
        if separated(previous, block):
            renderables.append(Text())
        renderables.append(block_renderable(block, styles))
        previous = block
    return Group(*renderables)


def article_renderable(rendered: RenderedArticle) -> RenderableType:
    """The whole article for a console: title, deck, meta, the body blocks, then the legend."""
    title = rendered.title.copy()
    title.style = TITLE_STYLE
    parts: list[RenderableType] = [title]
    if rendered.deck is not None:
        deck = rendered.deck.copy()
        deck.style = DECK_STYLE
        parts.append(deck)
    meta = rendered.meta.copy()
    meta.style = META_STYLE
    parts.append(meta)
    parts.append(Text())
    parts.append(body_renderable(rendered.blocks))
    if rendered.legend.plain:
        parts.extend([Text(), rendered.legend])
    return Group(*parts)
