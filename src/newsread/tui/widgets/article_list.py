"""The sidebar's article list: a Line-API widget that draws only the rows on screen."""

from __future__ import annotations

from typing import ClassVar, Final

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip

from newsread.library.views import ArticleView, ViewQuery
from newsread.model import ArticleSummary
from newsread.tui.actions import LIST_ACTIONS, OPEN, bindings_for
from newsread.tui.widgets.article_row import DEFAULT_COLUMNS, RowStyles, row_text
from newsread.tui.widgets.quick_scrollbar import QuickScrollBar, quick_vertical_scrollbar
from newsread.tui.widgets.row_cache import RowCache, RowFetcher
from newsread.tui.widgets.row_facts import (
    STATS_COLUMNS,
    FactsWanted,
    RowFactsCache,
    RowFactsSource,
)

_NEARBY_ROWS = 256
"""How far from the top `set_view` looks for an article not under the cursor."""

_FAR_ROWS = 10_000
"""How far `position_of` looks for an article (a page of summaries per 64 rows)."""

_DRAWN_ROWS = 512
"""Rendered rows kept: jumping back to a screen seen lately redraws it from these."""

_ROW_KINDS: Final = ("row", "cursor", "blurred")
"""The kinds of drawn row (see `render_line`): a plain row, the cursor's with and without focus."""

_DRAWN_BARS = 8
"""Scrollbar drawings kept (one per thumb position): end/home redraw the bar from these."""


def row_segments(row: Text, console: Console) -> list[Segment]:
    """`row` as segments, the same as `row.render(console)` gives, in a quarter of the time.

    A row's styled parts never overlap, so each part's style is simply the row's
    style plus its own; rich's general renderer stacks overlapping styles. A row
    that does not fit that shape is rendered by rich.
    """
    base = row.style
    spans = row.spans
    if not isinstance(base, Style) or not spans:
        return list(row.render(console))
    plain = row.plain
    segments: list[Segment] = []
    position = 0
    for start, end, style in spans:
        if start < position or not isinstance(style, Style):
            return list(row.render(console))
        if start > position:
            segments.append(Segment(plain[position:start], base))
        if end > start:
            segments.append(Segment(plain[start:end], base + style))
        position = max(position, end)
    if position < len(plain):
        segments.append(Segment(plain[position:], base))
    return segments


class RememberingScrollBar(QuickScrollBar):
    """A scrollbar that keeps its last few drawings.

    Jumping between the ends of a long list moves its thumb every time.
    """

    def __init__(self, vertical: bool = True, name: str | None = None, *, thickness: int = 1):
        """A scrollbar like Textual's own (see `ScrollBar`)."""
        super().__init__(vertical, name, thickness=thickness)
        self._drawn: LRUCache[tuple[object, ...], list[Strip]] = LRUCache(_DRAWN_BARS)

    def render_lines(self, crop: Region) -> list[Strip]:
        """The bar's lines, drawn afresh only for a thumb position, size or style not seen
        lately."""
        bar = self.render()
        if not isinstance(bar, ScrollBarRender):
            return super().render_lines(crop)
        key = (
            crop,
            self.size,
            bar.virtual_size,
            bar.window_size,
            bar.position,
            bar.thickness,
            bar.style,
            self.app.theme,
        )
        lines = self._drawn.get(key)
        if lines is None:
            lines = super().render_lines(crop)
            self._drawn[key] = lines
        return lines


class ArticleList(ScrollView, can_focus=True):
    """A cursor over an `ArticleView` snapshot, drawing one line per article.

    Holds only the view's row IDs; the rows it draws are fetched from the
    library a page at a time and cached, so a list of 100,000 articles costs
    no more per keypress than a list of ten.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings_for(LIST_ACTIONS),
        OPEN.binding(action="select"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | j, down | Move the cursor down. |
    | k, up | Move the cursor up. |
    | pagedown / pageup | Move the cursor by a page. |
    | home, g / end, G | Go to the first / last article. |
    | enter | Select (open) the article under the cursor. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--cursor-blurred",
        "article-list--unread-mark",
        "article-list--bookmark-mark",
        "article-list--title-unread",
        "article-list--title-read",
        "article-list--source",
        "article-list--empty",
        "article-list--watched-mark",
    }
    """
    | Class | Description |
    | :- | :- |
    | `article-list--cursor` | The cursor row while the list has focus. |
    | `article-list--cursor-blurred` | The cursor row while focus is elsewhere. |
    | `article-list--unread-mark` | The dot in front of unread articles. |
    | `article-list--bookmark-mark` | The star in front of bookmarked articles. |
    | `article-list--title-unread` | Titles of unread articles. |
    | `article-list--title-read` | Titles of read articles. |
    | `article-list--source` | The source name at the end of each row. |
    | `article-list--empty` | The message shown when the list is empty. |
    | `article-list--watched-mark` | The mark of articles mentioning a followed name. |
    """

    DEFAULT_CSS = """
    ArticleList {
        overflow-x: hidden;
        overflow-y: auto;
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)
    """Position of the highlighted row in the view.

    Moving it repaints only the two rows that changed (and scrolls when it
    leaves the screen), not the whole list.
    """

    empty_message: reactive[str] = reactive("Nothing to show.")
    """What the list says when the view has no rows."""

    columns: reactive[tuple[str, ...]] = reactive(DEFAULT_COLUMNS, init=False)
    """What each row shows after its title, in order: any of `article_row.COLUMNS`."""

    class Highlighted(Message):
        """The cursor moved to another article (or the list became empty)."""

        def __init__(self, article_list: ArticleList, index: int, article_id: str | None):
            super().__init__()
            self.article_list = article_list
            self.index = index
            """Position of the article in the view."""
            self.article_id = article_id
            """The highlighted article, or None when the list is empty."""

        @property
        def control(self) -> ArticleList:
            """The list that sent the message."""
            return self.article_list

    class Selected(Message):
        """The user chose the article under the cursor (enter or double click)."""

        def __init__(self, article_list: ArticleList, index: int, article_id: str):
            super().__init__()
            self.article_list = article_list
            self.index = index
            """Position of the article in the view."""
            self.article_id = article_id
            """The chosen article."""

        @property
        def control(self) -> ArticleList:
            """The list that sent the message."""
            return self.article_list

    def __init__(
        self,
        fetch_rows: RowFetcher,
        *,
        facts: RowFactsSource | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """Create a list whose rows come from `fetch_rows` (usually `Library.summaries`).

        `facts` (usually the `Library`) gives the watch marks, mention counts and
        reading stats drawn beside the rows; without it rows show none.
        """
        super().__init__(name=name, id=id, classes=classes)
        self._view = ArticleView(query=ViewQuery())
        self._rows = RowCache(fetch_rows)
        self._facts = RowFactsCache(facts)
        self._last_highlighted: str | None = None
        self._painted_once = False
        """False until the first screen is drawn: the first `Highlighted` waits for it."""
        self._styles: dict[str, RowStyles] = {}
        """Row styles by kind of row, until the CSS or the focus changes."""
        self._drawn: LRUCache[tuple[int, str, int], Strip] = LRUCache(_DRAWN_ROWS)
        """Rendered rows by (position, kind of row, width), until a row, fact or style changes."""

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The list's scrollbar (a `RememberingScrollBar`), made the first time it is needed."""
        return quick_vertical_scrollbar(self, RememberingScrollBar)

    @property
    def view(self) -> ArticleView:
        """The snapshot of rows the list shows."""
        return self._view

    @property
    def current(self) -> ArticleSummary | None:
        """The summary under the cursor, or None when the list is empty."""
        return self._rows.get(self.cursor)

    @property
    def current_id(self) -> str | None:
        """The ID of the article under the cursor, or None when the list is empty."""
        summary = self.current
        return summary.id if summary is not None else None

    def row(self, index: int) -> ArticleSummary | None:
        """The summary at `index` in the view, if there is one."""
        return self._rows.get(index)

    def set_view(self, view: ArticleView, keep_article_id: str | None = None) -> None:
        """Show `view`, keeping the cursor on `keep_article_id` if it is still in it."""
        position = self._position_in(view, keep_article_id) if keep_article_id else 0
        self._view = view
        self._rows.reset(view.rowids)
        self._facts.reset(view.rowids, self._facts_wanted())
        self._drawn.clear()
        self.virtual_size = Size(0, len(view))
        self._last_highlighted = None
        self.cursor = position
        self.refresh()

    def invalidate_rows(self) -> None:
        """Fetch rows afresh (after read, bookmark or watch state changed) and redraw."""
        self._rows.clear()
        self._facts.clear()
        self._drawn.clear()
        self.refresh()

    def invalidate_current(self) -> None:
        """Redraw the row under the cursor alone, from fresh state (it was just marked read).

        Rows are fetched again (a page is one query), but only the cursor's row
        is drawn again; its facts hold, as none of them depends on the read
        state except a story's unread count, which shows in other rows' story
        badges too: a list grouped by stories is redrawn whole.
        """
        if self._view.query.clustered:
            self.invalidate_rows()
            return
        self._rows.clear()
        width = self.scrollable_content_region.width
        for kind in _ROW_KINDS:
            self._drawn.discard((self.cursor, kind, width))
        self.refresh_line(self.cursor)

    def _facts_wanted(self) -> FactsWanted:
        return FactsWanted(
            mention_key=self._view.query.entity_key,
            stats=not STATS_COLUMNS.isdisjoint(self.columns),
            stories=self._view.query.clustered,
        )

    def watch_columns(self) -> None:
        """Fetch what the new columns need and redraw."""
        self._facts.reset(self._view.rowids, self._facts_wanted())
        self._drawn.clear()
        self.refresh()

    def position_of(self, article_id: str) -> int | None:
        """Where `article_id` is in the list (looking at most `_FAR_ROWS` down), if there."""
        if article_id == self.current_id:
            return self.cursor
        lookup = RowCache(self._rows.fetch)
        lookup.reset(self._view.rowids)
        for index in range(min(len(self._view), _FAR_ROWS)):
            summary = lookup.get(index)
            if summary is not None and summary.id == article_id:
                return index
        return None

    def _position_in(self, view: ArticleView, article_id: str) -> int:
        """Where `article_id` is in `view`, or 0 when it is not there."""
        if article_id == self.current_id:
            # The article under the cursor is known by its row ID, and looking
            # that up in the new snapshot's array needs no library query.
            try:
                return view.rowids.index(self._view.rowids[self.cursor])
            except ValueError:
                return 0
        lookup = RowCache(self._rows.fetch)
        lookup.reset(view.rowids)
        for index in range(min(len(view), _NEARBY_ROWS)):
            summary = lookup.get(index)
            if summary is not None and summary.id == article_id:
                return index
        return 0

    def validate_cursor(self, cursor: int) -> int:
        """Keep the cursor on a row."""
        return max(0, min(cursor, len(self._view) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        """Redraw the two rows that changed, bring the cursor into view and announce it."""
        self.refresh_line(old)
        self.refresh_line(new)
        self._scroll_to_cursor()
        article_id = self.current_id
        if article_id != self._last_highlighted or not self._view:
            self._last_highlighted = article_id
            message = self.Highlighted(self, new, article_id)
            if self._painted_once:
                self.post_message(message)
            else:
                # Previewing loads and renders an article: show the list first.
                self._painted_once = True
                self.call_after_refresh(self.post_message, message)

    def _scroll_to_cursor(self) -> None:
        if self.is_mounted and self._view:
            self.scroll_to_region(
                Region(0, self.cursor, max(1, self.size.width), 1),
                animate=False,
                force=True,
                immediate=True,
                x_axis=False,
            )

    def on_resize(self) -> None:
        """Keep the cursor visible when the list changes size."""
        self._scroll_to_cursor()

    def watch_has_focus(self, has_focus: bool) -> None:
        """Leave the stylesheet alone when focus comes or goes: only the cursor row shows it.

        Textual would match the stylesheet again for the list and each of its
        component classes, though no rule depends on the list's focus.
        """

    def _on_focus(self, event: events.Focus) -> None:
        """Show the focused cursor style: only the cursor's row looks different.

        Textual's own handler (which this one replaces, doing the rest of its
        work) would repaint every row; row styles and drawn rows are kept, as
        they are keyed by kind of row and focus changes only the cursor's kind.
        """
        event.prevent_default()
        self.has_focus = True
        self.refresh_line(self.cursor)
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self))

    def _on_blur(self, event: events.Blur) -> None:
        """Show the blurred cursor style, repainting that row alone (as `_on_focus`)."""
        event.prevent_default()
        self.has_focus = False
        self.refresh_line(self.cursor)
        if self.parent is not None:
            self.parent.post_message(events.DescendantBlur(self))

    def notify_style_update(self) -> None:
        """Forget the row styles: the theme or a class changed."""
        super().notify_style_update()
        self._styles.clear()
        self._drawn.clear()

    def action_cursor_down(self) -> None:
        """Move to the next article."""
        self.cursor += 1

    def action_cursor_up(self) -> None:
        """Move to the previous article."""
        self.cursor -= 1

    def action_page_down(self) -> None:
        """Move down by a screenful."""
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        """Move up by a screenful."""
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_first(self) -> None:
        """Go to the first article."""
        self.cursor = 0

    def action_last(self) -> None:
        """Go to the last article."""
        self.cursor = len(self._view) - 1

    def action_select(self) -> None:
        """Choose the article under the cursor."""
        article_id = self.current_id
        if article_id is not None:
            self.post_message(self.Selected(self, self.cursor, article_id))

    def on_click(self, event: events.Click) -> None:
        """Move the cursor to the clicked row; a double click opens it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.scroll_offset.y + offset.y
        if 0 <= index < len(self._view):
            self.cursor = index
            if event.chain >= 2:
                self.action_select()

    def render_line(self, y: int) -> Strip:
        """Draw the row at screen line `y`."""
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        if not self._view:
            return self._message_line(y, width, self.rich_style)
        summary = self._rows.get(index)
        if summary is None:
            return Strip.blank(width, self._styles_for("row").row)
        kind = "row" if index != self.cursor else "cursor" if self.has_focus else "blurred"
        key = (index, kind, width)
        strip = self._drawn.get(key)
        if strip is None:
            styles = self._styles_for(kind)
            text = row_text(summary, width, styles, self._facts.get(index), self.columns)
            strip = Strip(row_segments(text, self.app.console), width)
            self._drawn[key] = strip
        return strip

    def _styles_for(self, kind: str) -> RowStyles:
        """The styles of a plain row, the focused cursor row or the blurred one (cached).

        Working them out walks every ancestor's styles, which would cost more
        than drawing the row itself.
        """
        styles = self._styles.get(kind)
        if styles is None:
            if kind == "row":
                styles = self._row_styles(self.rich_style)
            elif kind == "cursor":
                # The focused cursor's own colours win, so every part stays legible on it.
                cursor = self.get_component_rich_style("article-list--cursor")
                styles = self._row_styles(cursor, over=cursor)
            else:
                blurred = self.get_component_rich_style("article-list--cursor-blurred")
                styles = self._row_styles(blurred)
            self._styles[kind] = styles
        return styles

    def _component(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _row_styles(self, row: Style, over: Style | None = None) -> RowStyles:
        def part(name: str) -> Style:
            style = row + self._component(name)
            return style + over if over is not None else style

        return RowStyles(
            row=row + over if over is not None else row,
            unread_mark=part("article-list--unread-mark"),
            bookmark_mark=part("article-list--bookmark-mark"),
            title_unread=part("article-list--title-unread"),
            title_read=part("article-list--title-read"),
            source=part("article-list--source"),
            watched_mark=part("article-list--watched-mark"),
        )

    def _message_line(self, y: int, width: int, base: Style) -> Strip:
        """Line `y` of the empty-list message, wrapped to `width` with a one-cell margin."""
        style = base + self._component("article-list--empty")
        lines = Text(self.empty_message, style=style).wrap(self.app.console, max(1, width - 2))
        if y >= len(lines):
            return Strip.blank(width, base)
        line = Text(" ", style=style, end="").append_text(lines[y])
        line.truncate(width, pad=True)
        return Strip(line.render(self.app.console), width)

    def watch_empty_message(self) -> None:
        """Redraw when the empty-list message changes."""
        self.refresh()
