"""The filter bar at the top of the sidebar, and the line under it naming a malformed query."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Static

from newsread.textsafe import one_line


class SearchBar(Input):
    """A one-line filter box: plain words search, the query language filters.

    Posts `Input.Changed` as the user types, `Input.Submitted` on enter and
    `SearchBar.Closed` on escape. `problem` holds why the text is not a valid
    query (empty when it is); the bar shows it as invalid meanwhile.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close search", id="close_search"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Clear the search and close the bar. |
    """

    problem: reactive[str] = reactive("")
    """Why the text is not a valid query (one line), or empty."""

    class Closed(Message):
        """The user dismissed the search (escape)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        """Create an empty search bar."""
        super().__init__(
            placeholder="Search, or query: unread source:x -tag:y after:7d…",
            id=id,
            classes=classes,
        )

    def watch_problem(self, problem: str) -> None:
        """Mark the bar (class `-query-problem`, an error-coloured border) while its text is
        not a query."""
        self.set_class(bool(problem), "-query-problem")
        if problem:
            # Inline, so it wins over the stylesheet's border for the bar.
            self.styles.border = ("tall", self.app.current_theme.error or "red")
        else:
            self.styles.clear_rule("border")

    def action_close(self) -> None:
        """Clear the search and ask to be closed."""
        self.value = ""
        self.problem = ""
        self.post_message(self.Closed())


class QueryProblem(Static):
    """The one line under the filter bar saying what is wrong with the query typed."""

    DEFAULT_CSS = """
    QueryProblem {
        display: none;
        height: auto;
        padding: 0 1;
        color: $error;
        background: $boost;
    }
    """

    def show_problem(self, problem: str) -> None:
        """Show `problem` (plain text, never markup); hide the line when it is empty."""
        self.update(Text(one_line(problem)))
        self.display = bool(problem)
