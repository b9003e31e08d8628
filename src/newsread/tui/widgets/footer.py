"""The key bar at the bottom of the reader, rebuilt only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen


def shown_keys(screen: Screen[Any]) -> tuple[Hashable, ...]:
    """What a footer on `screen` would show: every binding it lists, with its state.

    Actions are left out (a key shows alike whichever widget handles it), except
    for which keys share one, as the footer lists those together.
    """
    palette = screen.app.COMMAND_PALETTE_BINDING
    shown = [
        (binding, enabled, tooltip)
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show or binding.key == palette
    ]
    first_with_action: dict[str, int] = {}
    return tuple(
        (
            binding.key,
            binding.key_display,
            first_with_action.setdefault(binding.action, position),
            binding.description,
            binding.group,
            enabled,
            tooltip,
        )
        for position, (binding, enabled, tooltip) in enumerate(shown)
    )


class KeyFooter(Footer):
    """Textual's footer, except that a focus change that leaves the keys alike costs nothing.

    Textual's footer removes and mounts all its keys again whenever the
    bindings may have changed, which is at every focus change: in the reader
    the list and the article offer the same keys, and that rebuild (with the
    layout it needs) kept the screen busy for longer than opening the article.
    """

    def __init__(self) -> None:
        """Create an empty footer; it fills in once the screen's bindings are known."""
        super().__init__()
        self._composed_for: tuple[Hashable, ...] | None = None

    def compose(self) -> ComposeResult:
        """The keys, as Textual's footer shows them (remembering which they were)."""
        if self._bindings_ready:
            self._composed_for = shown_keys(self.screen)
        yield from super().compose()

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Rebuild the keys only when the ones to show are not the ones shown."""
        if (
            self._composed_for is not None
            and screen is self.screen
            and shown_keys(screen) == self._composed_for
        ):
            return
        super().bindings_changed(screen)
