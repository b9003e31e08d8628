"""The sidebar line that says how far a refresh is."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


class RefreshStatus(Static):
    """Shows `line` (plain text) while it is not empty and hides itself otherwise."""

    line: reactive[str] = reactive("")
    """What to say; the reader binds its `refresh_line` here."""

    def watch_line(self, line: str) -> None:
        """Show the new line, or hide when there is nothing to say."""
        self.update(Text(line))
        self.display = bool(line)
