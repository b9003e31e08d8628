"""The sidebar's source list: saved queries first, then one line per source with its unread count.

Sources are listed as they come, or under tag headings (`reader.group = "tag"`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar, Final

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsread.library.views import ViewQuery
from newsread.model import SourceInfo
from newsread.textsafe import one_line

QUERY_MARK: Final = "⌕"
"""In front of a saved query, so it never looks like a source."""
UNTAGGED: Final = "untagged"
"""The heading of sources with no tag, when grouping by tag."""
_QUERY_KEY_PREFIX: Final = "\x00query:"
"""Keeps a saved query's list key apart from every source key (which holds no controls)."""


@dataclass(frozen=True, slots=True)
class QueryEntry:
    """A saved query as the source list shows it."""

    name: str
    query: ViewQuery
    """Its articles (empty while it has an error)."""
    count: int | None = None
    """How many articles it lists; None while still being counted."""
    error: str | None = None
    """Why it cannot run (one line), or None."""

    @property
    def list_key(self) -> str:
        """The entry's key in the list (never a source's key)."""
        return query_list_key(self.name)


def query_list_key(name: str) -> str:
    """The list key of the saved query `name` (for `show_sources(keep_key=…)`)."""
    return _QUERY_KEY_PREFIX + name


def source_label(info: SourceInfo, same_title: bool) -> str:
    """The source's title; with the end of its key too when another source has that title."""
    title = one_line(info.title) or one_line(info.key)
    if not same_title:
        return title
    tail = info.key.rstrip("/").rsplit("/", 1)[-1].split(":", 1)[-1]
    return f"{title} · {one_line(tail)}"


def _fitted(label: str, room: int) -> str:
    return label if len(label) <= room else label[: max(room - 1, 0)] + "…"


def source_line(label: str, unread: int, width: int, *, indent: int = 0) -> Text:
    """`Example Wire ········ 12`: the label, then the unread count right-aligned in `width`."""
    count = f"{unread:,}" if unread else ""
    title = _fitted(label, max(width - indent - len(count) - 1, 1))
    line = Text(" " * indent)
    line.append(title, style="bold" if unread else "")
    line.append(" " * max(width - indent - len(title) - len(count), 1))
    line.append(count, style="bold")
    return line


def query_line(entry: QueryEntry, width: int) -> Text:
    """`⌕ tech ········ 12`: a saved query with its count, `…` while counting, or its error."""
    name = one_line(entry.name)
    if entry.error is not None:
        line = Text(f"{QUERY_MARK} ", style="bold")
        line.append(_fitted(name, max(width // 3, 8)), style="bold")
        line.append("  ")
        line.append(_fitted(one_line(entry.error), max(width - line.cell_len, 1)), style="red")
        return line
    count = "…" if entry.count is None else f"{entry.count:,}"
    title = _fitted(name, max(width - len(count) - 3, 1))
    line = Text(f"{QUERY_MARK} ", style="bold")
    line.append(title, style="bold italic")
    line.append(" " * max(width - 2 - len(title) - len(count), 1))
    line.append(count, style="bold")
    return line


def heading_line(tag: str, width: int) -> Text:
    """`── tech ────`: a tag heading."""
    label = f"── {_fitted(one_line(tag), max(width - 4, 1))} "
    return Text(label + "─" * max(width - len(label), 0), style="bold")


@dataclass(frozen=True, slots=True)
class TagHeading:
    """A tag's heading line, above the sources that have the tag."""

    tag: str


Entry = SourceInfo | QueryEntry | TagHeading
"""What one line of the list is."""


def _list_key(entry: Entry) -> str | None:
    """The key the cursor is kept on across updates (None for a heading)."""
    if isinstance(entry, QueryEntry):
        return entry.list_key
    if isinstance(entry, SourceInfo):
        return entry.key
    return None


class SourceList(OptionList):
    """Saved queries and subscribed sources; enter lists one's articles, d removes a source.

    Posts `SourceList.Chosen` (a source) or `SourceList.QueryChosen` (a saved
    query) on enter, `SourceList.RemoveRequested` from `action_remove` (the
    screen's d) and `SourceList.Closed` on escape.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", tooltip="Back to every article", id="close_sources"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Show only this source's (or saved query's) articles. |
    | escape | Back to every article. |
    """

    class Chosen(Message):
        """The user picked a source to read."""

        def __init__(self, info: SourceInfo) -> None:
            super().__init__()
            self.info = info

    class QueryChosen(Message):
        """The user picked a saved query to read."""

        def __init__(self, entry: QueryEntry) -> None:
            super().__init__()
            self.entry = entry

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
        self._queries: list[QueryEntry] = []
        self._tags: Mapping[str, Sequence[str]] | None = None
        self._entries: list[Entry] = []
        self.border_title = "Sources · enter reads one, d removes"

    @property
    def sources(self) -> Sequence[SourceInfo]:
        """The sources listed, in order (each once)."""
        return tuple(self._sources)

    @property
    def queries(self) -> Sequence[QueryEntry]:
        """The saved queries listed, in order."""
        return tuple(self._queries)

    @property
    def current_entry(self) -> SourceInfo | QueryEntry | None:
        """The source or saved query under the cursor."""
        index = self.highlighted
        if index is None or index >= len(self._entries):
            return None
        entry = self._entries[index]
        return None if isinstance(entry, TagHeading) else entry

    @property
    def current(self) -> SourceInfo | None:
        """The source under the cursor (None on a saved query)."""
        entry = self.current_entry
        return entry if isinstance(entry, SourceInfo) else None

    def show_sources(
        self,
        sources: Sequence[SourceInfo],
        keep_key: str | None = None,
        *,
        queries: Sequence[QueryEntry] | None = None,
        tags: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        """List `queries` (None: keep those listed) then `sources`, the cursor kept on `keep_key`.

        With `tags` (tags by source key) the sources are listed under tag
        headings, alphabetically, untagged ones last; a source with two tags
        is listed under both.
        """
        self._sources = list(sources)
        if queries is not None:
            self._queries = list(queries)
        self._tags = tags
        self._entries = [*self._queries, *self._grouped_sources()]
        width = max(self.scrollable_content_region.width - 2, 20)
        titles = Counter(info.title for info in self._sources)
        self.set_options(self._option(entry, width, titles) for entry in self._entries)
        self._place_cursor(keep_key)

    def show_query_counts(self, queries: Sequence[QueryEntry]) -> None:
        """Replace the saved queries' lines (once counted), the cursor staying put."""
        entry = self.current_entry
        keep = _list_key(entry) if entry is not None else None
        self.show_sources(self._sources, keep, queries=queries, tags=self._tags)

    def _grouped_sources(self) -> list[Entry]:
        if self._tags is None:
            return list(self._sources)
        by_tag: dict[str, list[SourceInfo]] = {}
        untagged: list[SourceInfo] = []
        for info in self._sources:
            source_tags = self._tags.get(info.key, ())
            for tag in source_tags:
                by_tag.setdefault(tag.casefold(), []).append(info)
            if not source_tags:
                untagged.append(info)
        entries: list[Entry] = []
        groups = sorted(by_tag.items())
        if untagged:
            groups.append((UNTAGGED, untagged))
        for tag, members in groups:
            entries.append(TagHeading(tag))
            entries.extend(members)
        return entries

    def _option(self, entry: Entry, width: int, titles: Counter[str]) -> Option:
        if isinstance(entry, QueryEntry):
            return Option(query_line(entry, width))
        if isinstance(entry, SourceInfo):
            indent = 2 if self._tags is not None else 0
            label = source_label(entry, titles[entry.title] > 1)
            return Option(source_line(label, entry.unread, width, indent=indent))
        return Option(heading_line(entry.tag, width), disabled=True)

    def _place_cursor(self, keep_key: str | None) -> None:
        keys = [_list_key(entry) for entry in self._entries]
        if keep_key is not None and keep_key in keys:
            self.highlighted = keys.index(keep_key)
        else:
            self.highlighted = next((i for i, key in enumerate(keys) if key is not None), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Turn the option list's selection into `Chosen` or `QueryChosen`."""
        event.stop()
        if not 0 <= event.option_index < len(self._entries):
            return
        entry = self._entries[event.option_index]
        if isinstance(entry, QueryEntry):
            self.post_message(self.QueryChosen(entry))
        elif isinstance(entry, SourceInfo):
            self.post_message(self.Chosen(entry))

    def on_resize(self) -> None:
        """Lay the counts out again for the new width."""
        entry = self.current_entry
        keep = _list_key(entry) if entry is not None else None
        self.show_sources(self._sources, keep, tags=self._tags)

    def action_remove(self) -> None:
        """Ask to remove the source under the cursor."""
        current = self.current
        if current is not None:
            self.post_message(self.RemoveRequested(current))

    def action_close(self) -> None:
        """Ask to go back to every article."""
        self.post_message(self.Closed())
