"""The search input at the top of the sidebar."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """A one-line search box; typing narrows the list, escape closes it.

    Posts `Input.Changed` as the user types, `Input.Submitted` on enter and
    `SearchBar.Closed` on escape.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close search", id="close_search"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Clear the search and close the bar. |
    """

    class Closed(Message):
        """The user dismissed the search (escape)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        """Create an empty search bar."""
        super().__init__(placeholder="Search titles and text…", id=id, classes=classes)

    def action_close(self) -> None:
        """Clear the search and ask to be closed."""
        self.value = ""
        self.post_message(self.Closed())
