"""The `L` screen: the web links inside an article, each one openable and copyable."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from newsread.textsafe import one_line

if TYPE_CHECKING:
    # Only named in annotations: the renderer loads when the first article is shown.
    from newsread.render.blocks import Link


def open_link(app: App[object], url: str) -> None:
    """Open `url` (already checked to be http or https) in the browser."""
    app.open_url(url)


def copy_link(app: App[object], url: str) -> None:
    """Copy `url` to the clipboard (OSC 52) and say so."""
    app.copy_to_clipboard(url)
    app.notify(f"Copied {one_line(url)}", title="Link copied", markup=False)


def link_prompt(link: Link) -> Text:
    """The link's text, then its address on a second line; plain text, never markup.

    A link that shows its own address (an autolink) takes one line.
    """
    prompt = Text(no_wrap=True, overflow="ellipsis")
    text, url = one_line(link.text), one_line(link.url)
    if text and text != url:
        prompt.append(text, style="bold")
        prompt.append("\n")
    prompt.append(url, style="dim")
    return prompt


class LinksScreen(ModalScreen[None]):
    """Lists an article's links: enter opens the highlighted one, y copies it, escape closes."""

    # Parsed when the list first opens, not with app.tcss before the first frame
    # (scoped to this screen; ids outrank Textual's own defaults).
    DEFAULT_CSS = """
    LinksScreen {
        align: center middle;

        #links-frame {
            width: 90;
            max-width: 90%;
            height: auto;
            max-height: 80%;
            padding: 1 2;
            border: round $primary;
            border-title-color: $primary;
            border-subtitle-color: $foreground-darken-2;
            background: $surface;
        }
        #links-article {
            margin-bottom: 1;
        }
        #links {
            height: auto;
            max-height: 30;
            border: none;
            background: $surface;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close", id="close_links"),
        Binding("y", "copy", "Copy link", id="copy_listed_link"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Open the highlighted link in the browser. |
    | y | Copy the highlighted link. |
    | j / k | Move down / up. |
    | escape | Close the list. |
    """

    def __init__(self, title: str, links: Sequence[Link]) -> None:
        """List `links` of the article titled `title`."""
        super().__init__()
        self.article_title = title
        self.links = tuple(links)

    def compose(self) -> ComposeResult:
        """A framed list, one two-line option per link."""
        with Vertical(id="links-frame") as frame:
            count = len(self.links)
            frame.border_title = f"{count} link" if count == 1 else f"{count} links"
            frame.border_subtitle = "enter opens · y copies · esc closes"
            yield Static(Text(one_line(self.article_title), style="bold"), id="links-article")
            yield OptionList(*(Option(link_prompt(link)) for link in self.links), id="links")

    @property
    def highlighted_link(self) -> Link | None:
        """The link under the cursor."""
        index = self.query_one("#links", OptionList).highlighted
        return self.links[index] if index is not None and index < len(self.links) else None

    @on(OptionList.OptionSelected, "#links")
    def _open_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        open_link(self.app, self.links[event.option_index].url)

    def action_copy(self) -> None:
        """Copy the highlighted link."""
        link = self.highlighted_link
        if link is not None:
            copy_link(self.app, link.url)

    def action_cursor_down(self) -> None:
        """Move to the next link."""
        self.query_one("#links", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        """Move to the previous link."""
        self.query_one("#links", OptionList).action_cursor_up()
