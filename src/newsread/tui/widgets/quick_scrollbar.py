"""A vertical scrollbar that draws its lines in one step.

Textual draws a scrollbar like any widget: it renders a Rich renderable to
lines, then passes every line through the generic styling of borders,
padding, tint and opacity, none of which a scrollbar has. The thumb moves
whenever an article opens or the list pages, and drawing the bar that way took
longer than drawing the lines of text beside it.
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Spacing
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.widget import Widget

_NO_SPACING = Spacing(0, 0, 0, 0)
_BACK_COLOR = Color.parse("#555555")
_BAR_COLOR = Color.parse("bright_magenta")
"""The colours Textual's renderer falls back on when the bar's style has none."""


class QuickScrollBar(ScrollBar):
    """Textual's vertical scrollbar, drawing exactly the same lines with less work."""

    def render_lines(self, crop: Region) -> list[Strip]:
        """The bar's lines inside `crop`, as Textual's widget styling would draw them."""
        renderable = self.render()
        if not self._plain() or type(renderable) is not ScrollBarRender:
            return super().render_lines(crop)
        width, height = self.size
        bar_style = self.app.console.get_style(renderable.style)
        # The arguments Textual's renderer gives itself, drawn at the widget's size.
        cells = ScrollBarRender.render_bar(
            size=height,
            window_size=renderable.window_size,
            virtual_size=renderable.virtual_size,
            position=renderable.position,
            vertical=True,
            thickness=width,
            back_color=bar_style.bgcolor or _BACK_COLOR,
            bar_color=bar_style.color or _BAR_COLOR,
        ).segments
        base = self.visual_style.rich_style
        base_background, background = self.background_colors
        inner = Style(bgcolor=(base_background + background).rich_color)
        filters = self.get_line_filters()
        # A bar has a handful of distinct lines (track, thumb, its two ends): each is made once.
        made: dict[tuple[str, Style | None], Strip] = {}
        lines: list[Strip] = []
        for y in crop.line_range:
            text, style = cells[y][:2] if y < len(cells) else ("", None)
            line = made.get((text, style))
            if line is None:
                if text:
                    line = Strip([Segment(text, base + style)]).adjust_cell_length(width, inner)
                else:
                    line = Strip.blank(width, inner)
                for line_filter in filters:
                    line = line.apply_filter(line_filter, background)
                made[text, style] = line
            lines.append(line)
        self._dirty_regions.clear()
        if crop.column_span != (0, width):
            first, last = crop.column_span
            lines = [line.crop(first, last) for line in lines]
        return lines

    def _plain(self) -> bool:
        """Whether nothing but the bar itself is drawn: no border, padding, tint or fading."""
        styles = self.styles
        return (
            self.vertical
            and styles.gutter == _NO_SPACING
            and not any(edge for edge, _ in styles.outline)
            and not styles.tint.a
            and self.opacity == 1.0
            and styles.text_opacity == 1.0
            and not styles.has_rule("hatch")
            and self._border_title is None
        )


def quick_vertical_scrollbar(
    widget: Widget, kind: type[QuickScrollBar] = QuickScrollBar
) -> ScrollBar:
    """`widget`'s vertical scrollbar, made a `kind` the first time it is needed."""
    bar = widget._vertical_scrollbar
    if bar is None:
        bar = kind(vertical=True, name="vertical", thickness=widget.scrollbar_size_vertical)
        # As Textual makes its own: hidden until the layout shows it, started by the app.
        bar.display = False
        widget._vertical_scrollbar = bar
        widget.app._start_widget(widget, bar)
    return bar
