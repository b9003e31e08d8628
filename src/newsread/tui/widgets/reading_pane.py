"""The right-hand pane: the article, with the entity panel beside it (or under it when narrow)."""

from __future__ import annotations

from typing import Final

from textual.containers import Horizontal

STACK_BELOW: Final = 72
"""Narrower than this, the entity panel goes under the article instead of beside it."""


class ReadingPane(Horizontal):
    """Lays the article and the entity panel side by side, or stacked when there is no room.

    Gets the `-stacked` class while narrower than `STACK_BELOW` cells; `app.tcss`
    turns that into a vertical layout.
    """

    def on_resize(self) -> None:
        """Stack the panel under the article when the pane gets narrow."""
        self.set_class(self.size.width < STACK_BELOW, "-stacked")
