"""Asks before a source and its articles are removed."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from newsread.model import SourceInfo
from newsread.textsafe import one_line


def removal_question(info: SourceInfo, bookmarked: int) -> Text:
    """`Remove Example Wire? Its 34 articles go; 2 bookmarked ones are kept.`"""
    title = one_line(info.title) or info.key
    articles = "article" if info.articles == 1 else "articles"
    question = Text("Remove ")
    question.append(title, style="bold")
    question.append(f"? Its {info.articles:,} {articles} go")
    if bookmarked:
        kept = "bookmarked one is" if bookmarked == 1 else "bookmarked ones are"
        question.append(f"; {bookmarked:,} {kept} kept")
    question.append(".")
    return question


class RemoveSourceScreen(ModalScreen[bool]):
    """Yes or no: dismisses with True to remove the source."""

    # Parsed when the dialog first opens, not with app.tcss before the first frame
    # (scoped to this screen; ids outrank Textual's own defaults).
    DEFAULT_CSS = """
    RemoveSourceScreen {
        align: center middle;

        #remove-frame {
            width: 64;
            height: auto;
            padding: 1 2;
            border: round $error;
            background: $surface;
        }
        #remove-buttons {
            height: auto;
            margin-top: 1;
            align: right middle;

            & > Button {
                margin-left: 2;
            }
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Remove", id="confirm_remove"),
        Binding("n,escape", "answer(False)", "Keep", id="cancel_remove"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | y | Remove the source. |
    | n, escape | Keep it. |
    """

    def __init__(self, info: SourceInfo, bookmarked: int) -> None:
        """Ask about removing `info`, which has `bookmarked` bookmarked articles."""
        super().__init__()
        self.info = info
        self.bookmarked = bookmarked

    def compose(self) -> ComposeResult:
        """The question and two buttons."""
        with Vertical(id="remove-frame") as frame:
            frame.border_title = "Remove source"
            yield Static(removal_question(self.info, self.bookmarked), id="remove-question")
            with Horizontal(id="remove-buttons"):
                yield Button("Remove (y)", variant="error", id="remove-yes")
                yield Button("Keep (n)", id="remove-no")

    def on_mount(self) -> None:
        """Start on the safe answer."""
        self.query_one("#remove-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "remove-yes")

    def action_answer(self, remove: bool) -> None:
        """Close with `remove` as the answer."""
        self.dismiss(remove)
