"""The body of the article on show, laid out a block at a time as it comes into view.

Wrapping a long article takes longer than a frame, so the body draws with the
Line API: only the blocks on screen (and those above them) are laid out when
it is shown, the rest get estimated heights, and the remainder is laid out in
short slices once the first frame is up. Each block is drawn exactly as the
whole body would have been, so what is seen does not depend on how far the
layout has got.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.timer import Timer
from textual.visual import VisualType
from textual.widgets import Static

from newsread.tui.widgets.block_positions import BlockPositions

if TYPE_CHECKING:
    from textual.style import Style as VisualStyle

    from newsread.render.blocks import Block
    from newsread.render.console import BlockStyles

IDLE_DELAY: Final = 0.02
"""Seconds after an article's first frame before laying out the blocks below the screen."""
IDLE_SLICE: Final = 0.004
"""Seconds of layout per step of that background work, so keys are never kept waiting."""
WRAP_SLACK: Final = 3
"""Cells per line an estimate allows for words that do not fit at the end of a line."""


def estimated_height(block: Block, indent: int, width: int, *, separated: bool) -> int:
    """A quick guess of the lines `block` takes `width` cells wide (`indent` of them prefixes)."""
    from newsread.render.blocks import BlockKind

    lines = int(separated)
    if block.kind is BlockKind.RULE:
        return lines + 1
    available = max(1, width - indent - WRAP_SLACK)
    for line in block.text.plain.split("\n"):
        lines += max(1, -(-len(line) // available))
    return lines


class _PreparedLayout(NamedTuple):
    """The first blocks of an article laid out before it is shown (`ArticleBody.prepare`)."""

    blocks: tuple[Block, ...]
    styles: BlockStyles | None
    width: int
    wrapped: dict[int, list[Strip]]


def mark_in(block: Block, mark: str) -> bool:
    """Whether some span of `block` has a style carrying the meta key `mark`."""
    return any(
        isinstance(span.style, Style) and span.style._meta is not None and mark in span.style.meta
        for span in block.text.spans
    )


def _same_shape(first: Block, second: Block) -> bool:
    """Whether the two blocks wrap alike: same words, kind and prefixes (styles may differ)."""
    return (
        first.kind is second.kind
        and first.marker == second.marker
        and first.quote_depth == second.quote_depth
        and first.list_depth == second.list_depth
        and first.text.plain == second.text.plain
    )


class ArticleBody(Static):
    """An article's body blocks, laid out lazily: the first screen costs the same at any length.

    A `Static` to the rest of the app: its `content` is the whole body as one
    Rich renderable, built on request.
    """

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        """Create an empty body."""
        super().__init__(name=name, id=id, classes=classes)
        self._blocks: tuple[Block, ...] = ()
        self._styles: BlockStyles | None = None
        self._width = 0
        self._positions = BlockPositions(())
        self._wrapped: dict[int, list[Strip]] = {}
        """Laid-out lines of each block at `_width`, before the body's own style is laid over."""
        self._strips: dict[int, list[Strip]] = {}
        """`_wrapped` lines with `_strip_style` laid over: what is drawn."""
        self._strip_style: VisualStyle | None = None
        self._idle: Timer | None = None
        self._layouts = 0
        """Counts layouts begun, so a late start of background layout can tell it is stale."""
        self._relayout_pending = False
        self._height_stale = False
        """Whether background layout changed the height without asking for a new layout."""
        self._prepared: _PreparedLayout | None = None

    @property
    def content(self) -> VisualType:
        """The whole body as one Rich renderable (laid out in full by whoever draws it)."""
        from newsread.render.console import body_renderable

        return body_renderable(self._blocks, self._styles)

    @content.setter
    def content(self, content: VisualType) -> None:
        raise AttributeError("an article body is set with show_blocks")

    @property
    def blocks(self) -> tuple[Block, ...]:
        """The blocks on show."""
        return self._blocks

    @property
    def laid_out(self) -> bool:
        """Whether every block has been laid out at the current width."""
        return self._positions.complete

    def show_blocks(self, blocks: Sequence[Block], styles: BlockStyles | None) -> None:
        """Show `blocks` decorated with `styles`, keeping the layout of blocks that wrap alike."""
        old_blocks, old_styles = self._blocks, self._styles
        self._blocks, self._styles = tuple(blocks), styles
        same_shape = len(old_blocks) == len(self._blocks) and all(
            _same_shape(old, new) for old, new in zip(old_blocks, self._blocks, strict=True)
        )
        if same_shape:
            # Other highlights only: heights hold, and unchanged blocks keep their lines.
            if styles != old_styles:
                self._wrapped.clear()
                self._strips.clear()
            else:
                for index in list(self._wrapped):
                    if old_blocks[index] != self._blocks[index]:
                        del self._wrapped[index]
                        self._strips.pop(index, None)
            self.refresh()
            return
        self._restart_layout(self._width)
        self._use_prepared()
        self.refresh(layout=True)

    def prepare(self, blocks: Sequence[Block], styles: BlockStyles | None, height: int) -> None:
        """Lay out the blocks on the first `height` lines of an article about to be shown.

        `show_blocks` takes them over if it gets these very blocks (the same
        objects) at the same width and styles.
        """
        if not self._width:
            return
        laid_out = tuple(blocks)
        wrapped: dict[int, list[Strip]] = {}
        lines = 0
        for index in range(len(laid_out)):
            if lines >= height:
                break
            wrapped[index] = self._wrap(laid_out, index, styles)
            lines += len(wrapped[index])
        self._prepared = _PreparedLayout(laid_out, styles, self._width, wrapped)

    def _use_prepared(self) -> None:
        prepared, self._prepared = self._prepared, None
        if (
            prepared is not None
            and prepared.width == self._width
            and prepared.styles == self._styles
            and len(prepared.blocks) == len(self._blocks)
            and all(old is new for old, new in zip(prepared.blocks, self._blocks, strict=True))
        ):
            self._wrapped.update(prepared.wrapped)

    def _restart_layout(self, width: int) -> None:
        from newsread.render.console import block_indent, separated

        self._width = width
        self._wrapped.clear()
        self._strips.clear()
        self._height_stale = False
        estimates = []
        previous: Block | None = None
        for block in self._blocks:
            apart = separated(previous, block)
            estimates.append(estimated_height(block, block_indent(block), width, separated=apart))
            previous = block
        self._positions = BlockPositions(estimates)
        if self._idle is not None:
            self._idle.stop()
            self._idle = None
        self._layouts += 1
        if width and not self._positions.complete and self.is_mounted:
            # Counted from the first frame: before it, the work would only delay it.
            self.call_after_refresh(self._lay_out_later, self._layouts)

    def _lay_out_later(self, layout: int) -> None:
        """Start laying out the blocks below the screen, unless another layout began since."""
        if layout == self._layouts and self._idle is None and not self._positions.complete:
            self._idle = self.set_timer(IDLE_DELAY, self._lay_out_in_background)

    def _use_width(self, width: int) -> None:
        if width != self._width:
            self._restart_layout(width)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        """The body's height at `width`: exact for the blocks laid out, estimated below."""
        self._use_width(width)
        return self._positions.height

    def render_line(self, y: int) -> Strip:
        """Line `y` of the body, laying out every block down to it first."""
        self._use_width(self.size.width)
        style = self.visual_style
        if style != self._strip_style:
            # Only the colours changed (focus tints the article): the lines keep their wrapping.
            self._strips.clear()
            self._strip_style = style
        index = self._reach(y)
        if index is None:
            return Strip.blank(self.size.width, style.rich_style)
        lines = self._block_strips(index)
        offset = y - self._positions.start(index)
        if 0 <= offset < len(lines):
            return lines[offset]
        return Strip.blank(self.size.width, style.rich_style)

    def _reach(self, y: int) -> int | None:
        """The block on line `y`, once it and all the blocks above it are laid out."""
        positions = self._positions
        moved = False
        while True:
            index = positions.block_at(y)
            if index is not None and positions.is_exact(index):
                break
            if positions.complete:
                break
            moved |= self._lay_out_next()
        if moved:
            self._relayout_soon()
        return index

    def _lay_out_next(self) -> bool:
        """Lay out the first block not laid out yet; whether its height differed from the guess."""
        index = self._positions.exact_count
        return self._positions.add_exact(len(self._wrapped_lines(index)))

    def _block_strips(self, index: int) -> list[Strip]:
        """Block `index`'s lines as drawn: wrapped, with the body's style laid over."""
        lines = self._strips.get(index)
        if lines is None:
            style = (self._strip_style or self.visual_style).rich_style
            lines = [line.apply_style(style) for line in self._wrapped_lines(index)]
            self._strips[index] = lines
        return lines

    def _wrapped_lines(self, index: int) -> list[Strip]:
        """Block `index` laid out at `_width`, without the body's style (which focus changes)."""
        lines = self._wrapped.get(index)
        if lines is None:
            lines = self._wrap(self._blocks, index, self._styles)
            self._wrapped[index] = lines
        return lines

    def _wrap(
        self, blocks: tuple[Block, ...], index: int, styles: BlockStyles | None
    ) -> list[Strip]:
        """Block `index` of `blocks` laid out at `_width`, as a Static lays out a Rich renderable.

        Only the body's own style is left out: it goes over the lines afterwards
        (`_block_strips`) instead of under the renderable.
        """
        from newsread.render.console import block_piece

        previous = blocks[index - 1] if index else None
        piece = block_piece(blocks[index], previous, styles)
        app = self.app
        options = app.console_options.update(highlight=False, width=self._width)
        segments = app.console.render(piece, options)
        return [
            Strip(line)
            for line in Segment.split_and_crop_lines(
                segments, self._width, include_new_lines=False, pad=False
            )
        ]

    def _relayout_soon(self) -> None:
        # Called while the screen is being drawn: ask for the new height once it is done.
        if not self._relayout_pending:
            self._relayout_pending = True
            self.call_later(self._relayout)

    def _relayout(self) -> None:
        self._relayout_pending = False
        self._height_stale = False
        self.refresh(layout=True)

    def _lay_out_in_background(self) -> None:
        """Lay out blocks below the screen for a moment, then yield to keys and come back.

        The height is updated once, at the end: the blocks laid out here are below
        the screen, so nothing on it moves in the meantime.
        """
        self._idle = None
        if self._width != self.size.width or not self.is_mounted:
            return
        deadline = time.perf_counter() + IDLE_SLICE
        while not self._positions.complete and time.perf_counter() < deadline:
            self._height_stale |= self._lay_out_next()
        if not self._positions.complete:
            self._idle = self.set_timer(IDLE_DELAY / 4, self._lay_out_in_background)
        elif self._height_stale:
            self._height_stale = False
            self.refresh(layout=True)

    def lay_out_all(self) -> None:
        """Lay out every block now (before jumping to the end), updating the height."""
        if self._width == 0:
            return
        moved = False
        while not self._positions.complete:
            moved |= self._lay_out_next()
        if moved:
            self._relayout()

    def line_with_mark(self, mark: str) -> int | None:
        """The first line of the body holding a style with meta key `mark`, laying out to it."""
        if self._width == 0:
            return None
        block = next(
            (index for index, item in enumerate(self._blocks) if mark_in(item, mark)), None
        )
        if block is None:
            return None
        moved = False
        while not self._positions.is_exact(block):
            moved |= self._lay_out_next()
        if moved:
            self._relayout()
        for number, strip in enumerate(self._block_strips(block)):
            if any(segment.style and segment.style.meta.get(mark) for segment in strip):
                return self._positions.start(block) + number
        return self._positions.start(block)
