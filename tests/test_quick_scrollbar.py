"""The quick scrollbar draws exactly what Textual's own would, wherever the thumb is."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widgets import Static

from newsread.tui.widgets.quick_scrollbar import QuickScrollBar, quick_vertical_scrollbar


class TallText(VerticalScroll):
    @property
    def vertical_scrollbar(self) -> ScrollBar:
        return quick_vertical_scrollbar(self)


class TallApp(App[None]):
    CSS = "TallText { scrollbar-size-vertical: 2; }"

    def __init__(self, lines: int) -> None:
        super().__init__()
        self.lines = lines

    def compose(self) -> ComposeResult:
        with TallText():
            yield Static("\n".join(f"line {number}" for number in range(self.lines)))


def as_cells(strips: list[Strip]) -> list[list[tuple[str, object]]]:
    return [[(segment.text, segment.style) for segment in strip] for strip in strips]


def textual_lines(bar: ScrollBar, crop: Region) -> list[Strip]:
    """What Textual's own scrollbar draws in `crop`, drawn afresh."""
    bar._styles_cache.clear()
    bar.refresh()
    return ScrollBar.render_lines(bar, crop)


@pytest.mark.parametrize("lines", [30, 47, 200, 5_000])
async def test_every_thumb_position_is_drawn_as_textual_draws_it(lines: int) -> None:
    app = TallApp(lines)
    async with app.run_test(size=(40, 20)) as pilot:
        tall = app.query_one(TallText)
        bar = tall.vertical_scrollbar
        assert isinstance(bar, QuickScrollBar)
        for fraction in (0.0, 0.13, 0.5, 0.77, 1.0):
            tall.scroll_to(y=tall.max_scroll_y * fraction, animate=False, immediate=True)
            await pilot.pause()
            width, height = bar.size
            for crop in (Region(0, 0, width, height), Region(0, 3, width, 5), Region(1, 0, 1, 4)):
                quick = as_cells(bar.render_lines(crop))
                assert quick == as_cells(textual_lines(bar, crop)), (fraction, crop)
                assert len(quick) == crop.height
