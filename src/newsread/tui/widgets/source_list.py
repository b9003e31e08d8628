"""The sidebar's source list: one line per source with its unread count."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsread.model import SourceInfo
from newsread.textsafe import one_line


def source_label(info: SourceInfo, same_title: bool) -> str:
    """The source's title; with the end of its key too when another source has that title."""
    title = one_line(info.title) or one_line(info.key)
    if not same_title:
        return title
    tail = info.key.rstrip("/").rsplit("/", 1)[-1].split(":", 1)[-1]
    return f"{title} · {one_line(tail)}"


def source_line(label: str, unread: int, width: int) -> Text:
    """`Example Wire ········ 12`: the label, then the unread count right-aligned in `width`."""
    count = f"{unread:,}" if unread else ""
    title = label
    room = max(width - len(count) - 1, 1)
    if len(title) > room:
        title = title[: max(room - 1, 0)] + "…"
    line = Text(title, style="bold" if unread else "")
    line.append(" " * (width - len(title) - len(count)))
    line.append(count, style="bold")
    return line


class SourceList(OptionList):
    """Every subscribed source; enter filters the river to one, d asks to remove it.

    Posts `SourceList.Chosen` on enter, `SourceList.RemoveRequested` from
    `action_remove` (the screen's d) and `SourceList.Closed` on escape.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", tooltip="Back to every article", id="close_sources"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Show only this source's articles. |
    | escape | Back to every article. |
    """

    class Chosen(Message):
        """The user picked a source to read."""

        def __init__(self, info: SourceInfo) -> None:
            super().__init__()
            self.info = info

    class RemoveRequested(Message):
        """The user asked to remove a source."""

        def __init__(self, info: SourceInfo) -> None:
            super().__init__()
            self.info = info

    class Closed(Message):
        """The user left the source list."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        """Create an empty source list."""
        super().__init__(id=id, classes=classes)
        self._sources: list[SourceInfo] = []
        self.border_title = "Sources · enter reads one, d removes"

    @property
    def sources(self) -> Sequence[SourceInfo]:
        """The sources listed, in order."""
        return tuple(self._sources)

    @property
    def current(self) -> SourceInfo | None:
        """The source under the cursor."""
        index = self.highlighted
        return self._sources[index] if index is not None and index < len(self._sources) else None

    def show_sources(self, sources: Sequence[SourceInfo], keep_key: str | None = None) -> None:
        """List `sources`, keeping the cursor on `keep_key` when it is still there."""
        self._sources = list(sources)
        width = max(self.scrollable_content_region.width - 2, 20)
        titles = Counter(info.title for info in self._sources)
        self.set_options(
            Option(source_line(source_label(info, titles[info.title] > 1), info.unread, width))
            for info in self._sources
        )
        keys = [info.key for info in self._sources]
        if keep_key in keys:
            self.highlighted = keys.index(keep_key)
        elif self._sources:
            self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Turn the option list's selection into `Chosen`."""
        event.stop()
        if 0 <= event.option_index < len(self._sources):
            self.post_message(self.Chosen(self._sources[event.option_index]))

    def on_resize(self) -> None:
        """Lay the counts out again for the new width."""
        current = self.current
        self.show_sources(self._sources, current.key if current is not None else None)

    def action_remove(self) -> None:
        """Ask to remove the source under the cursor."""
        current = self.current
        if current is not None:
            self.post_message(self.RemoveRequested(current))

    def action_close(self) -> None:
        """Ask to go back to every article."""
        self.post_message(self.Closed())
