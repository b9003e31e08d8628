"""The main screen: article list on the left, the article on the right."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar, Final
from urllib.parse import urlsplit

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Header, Input

from newsread.errors import NewsreadError
from newsread.library import Library
from newsread.library.views import ArticleFilter, ViewQuery
from newsread.textsafe import one_line
from newsread.tui.actions import SCREEN_ACTIONS, bindings_for
from newsread.tui.coalesce import Coalescer, Debouncer
from newsread.tui.messages import ArticleOpened, StateChanged
from newsread.tui.screens.help import HelpScreen
from newsread.tui.widgets.article_list import ArticleList
from newsread.tui.widgets.article_view import ArticleView
from newsread.tui.widgets.search_bar import SearchBar

PREVIEW_DELAY: Final = 0.06
"""Seconds the cursor must rest before the article under it is previewed."""
SEARCH_INTERVAL: Final = 0.2
"""Seconds between searches while the user keeps typing."""
WEB_SCHEMES: Final = frozenset({"http", "https"})


class ReaderScreen(Screen[None]):
    """Browse, preview, open and mark articles.

    The screen owns the view query (filter and search) and pushes its results
    into the list; the list reports cursor moves and choices back as messages.
    Every change of read or bookmark state is written by the library before
    the screen redraws, so nothing is lost if the process dies a moment later.
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings_for(SCREEN_ACTIONS)
    """Generated from `SCREEN_ACTIONS`; see `newsread.tui.actions`."""

    view_query: var[ViewQuery] = var(ViewQuery(), init=False)
    """Which articles the list shows: the filter and the search words."""

    def __init__(self, library: Library) -> None:
        """Create the screen over `library`."""
        super().__init__()
        self.library = library
        self._preview = Debouncer(self, PREVIEW_DELAY, self._preview_current)
        self._search = Coalescer(self, SEARCH_INTERVAL, self._apply_search, leading=False)

    def compose(self) -> ComposeResult:
        """Header, sidebar (search bar and list), article view, footer."""
        yield Header(icon="≡")
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                yield SearchBar(id="search")
                yield ArticleList(self.library.summaries, id="articles")
            yield ArticleView(id="article")
        yield Footer()

    @property
    def article_list(self) -> ArticleList:
        """The sidebar list."""
        return self.query_one("#articles", ArticleList)

    @property
    def article_view(self) -> ArticleView:
        """The reading pane."""
        return self.query_one("#article", ArticleView)

    @property
    def search_bar(self) -> SearchBar:
        """The search input (hidden unless searching)."""
        return self.query_one("#search", SearchBar)

    def on_mount(self) -> None:
        """Show the newest articles with the first one previewed."""
        self._take_view(keep_article_id=None)
        self.article_list.focus()

    @contextmanager
    def _reporting_errors(self) -> Iterator[None]:
        """Show a library or source error as a notification instead of crashing."""
        try:
            yield
        except NewsreadError as error:
            self.notify(one_line(str(error)), title=error.title, severity="error", markup=False)

    # State flowing down: the query decides the view, the view feeds the list.

    def watch_view_query(self) -> None:
        """Retake the view, keeping the cursor on the same article if it is still there."""
        self._take_view(keep_article_id=self.article_list.current_id)

    def _take_view(self, keep_article_id: str | None) -> None:
        query = self.view_query
        with self._reporting_errors():
            view = self.library.view(query)
            article_list = self.article_list
            article_list.empty_message = _empty_message(query)
            article_list.set_view(view, keep_article_id=keep_article_id)
        self._update_subtitle()

    def _update_subtitle(self) -> None:
        with self._reporting_errors():
            counts = self.library.counts()
            parts = [
                _articles(counts.total),
                f"{counts.unread:,} unread",
                f"{counts.bookmarked:,} bookmarked",
                f"filter: {self.view_query.filter.value}",
            ]
            if self.view_query.search:
                parts.append(f"search: {one_line(self.view_query.search)}")
            if self.view_query != ViewQuery():
                parts.append(f"{len(self.article_list.view):,} shown")
            self.sub_title = " · ".join(parts)

    # Events flowing up.

    def on_article_list_highlighted(self, event: ArticleList.Highlighted) -> None:
        """Preview the highlighted article (previewing does not mark it read)."""
        if event.article_id is None:
            self._preview.cancel()
            self.article_view.show_empty("Nothing in this list.")
        elif self.article_view.shown_id is None:
            # Nothing on show yet (start-up, a new view): show it at once.
            self._preview.cancel()
            self._preview_current()
        else:
            # Rendering a long article takes longer than a key repeat: wait for the cursor to rest.
            self._preview.request()

    def on_article_list_selected(self, event: ArticleList.Selected) -> None:
        """Open the chosen article."""
        self._open(event.article_id)

    def on_state_changed(self, event: StateChanged) -> None:
        """Redraw list rows and counts from the library."""
        self.article_list.invalidate_rows()
        self._update_subtitle()

    @on(Input.Changed, "#search")
    def _search_typed(self) -> None:
        self._search.request()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self._search.cancel()
        self._apply_search()
        self.article_list.focus()

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        self._search.cancel()
        self.search_bar.display = False
        self.view_query = ViewQuery(self.view_query.filter)
        self.article_list.focus()

    def _apply_search(self) -> None:
        words = self.search_bar.value.strip()
        if words != self.view_query.search:
            self.view_query = ViewQuery(self.view_query.filter, words)

    def _preview_current(self) -> None:
        article_id = self.article_list.current_id
        if article_id is None or article_id == self.article_view.shown_id:
            return
        with self._reporting_errors():
            article = self.library.get(article_id)
            entities = self.library.entities(article_id)
            self.article_view.show_article(article, entities)

    def _open(self, article_id: str) -> None:
        """Show `article_id` at once, mark it read and move focus to it."""
        self._preview.cancel()
        self._preview_current()
        with self._reporting_errors():
            if self.library.set_read([article_id], True):
                self.post_message(StateChanged((article_id,)))
            self.post_message(ArticleOpened(article_id))
        self.article_view.focus()

    # Actions: one per `SCREEN_ACTIONS` entry, named by its `id`.

    def action_open(self) -> None:
        """Open the article under the cursor."""
        article_id = self.article_list.current_id
        if article_id is not None:
            self._open(article_id)

    def action_switch_pane(self) -> None:
        """Move focus between the list and the article."""
        if self.article_list.has_focus:
            self.article_view.focus()
        else:
            self.article_list.focus()

    def action_page_article(self) -> None:
        """Page down in the article, whichever pane has focus."""
        self.article_view.action_page_down()

    def action_next_unread(self) -> None:
        """Open the next unread article in the list."""
        self._jump_to_unread(1)

    def action_previous_unread(self) -> None:
        """Open the previous unread article in the list."""
        self._jump_to_unread(-1)

    def _jump_to_unread(self, step: int) -> None:
        article_list = self.article_list
        with self._reporting_errors():
            index = self.library.next_unread(article_list.view, article_list.cursor, step)
            if index is None:
                where = "after" if step > 0 else "before"
                self.notify(f"No unread article {where} this one.", markup=False)
                return
            article_list.cursor = index
            self.action_open()

    def action_bookmark(self) -> None:
        """Bookmark the article under the cursor, or remove its bookmark."""
        summary = self.article_list.current
        if summary is None:
            return
        with self._reporting_errors():
            self.library.set_bookmarked([summary.id], not summary.bookmarked)
            self.post_message(StateChanged((summary.id,)))

    def action_toggle_read(self) -> None:
        """Mark the article under the cursor read if unread, unread if read."""
        summary = self.article_list.current
        if summary is None:
            return
        with self._reporting_errors():
            self.library.set_read([summary.id], not summary.read)
            self.post_message(StateChanged((summary.id,)))

    def action_mark_all_read(self) -> None:
        """Mark every article in the list read."""
        with self._reporting_errors():
            changed = self.library.set_read_in_view(self.article_list.view, True)
            self.post_message(StateChanged(()))
            self.notify(f"Marked {_articles(changed)} read.", markup=False)

    def action_cycle_filter(self) -> None:
        """Show all → unread → bookmarked articles."""
        query = self.view_query
        self.view_query = ViewQuery(query.filter.next(), query.search)

    def action_search(self) -> None:
        """Open the search bar."""
        search_bar = self.search_bar
        search_bar.display = True
        search_bar.focus()

    def action_open_link(self) -> None:
        """Open the article's web link in the browser."""
        summary = self.article_list.current
        url = summary.url.strip() if summary is not None else ""
        parts = urlsplit(url)
        if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
            self.notify("This article has no web link.", severity="warning", markup=False)
            return
        self.app.open_url(url)

    def action_help(self) -> None:
        """Show every key."""
        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        """Leave newsread."""
        self.app.exit()


def _articles(count: int) -> str:
    """`1 article`, `5 articles`."""
    return f"{count:,} article" if count == 1 else f"{count:,} articles"


def _empty_message(query: ViewQuery) -> str:
    """What the list says when `query` matches nothing."""
    if query.search:
        return "No article matches this search. Escape clears it."
    if query.filter is ArticleFilter.UNREAD:
        return "No unread articles. Press f to change the filter."
    if query.filter is ArticleFilter.BOOKMARKED:
        return "No bookmarks yet. Press b on an article to add one."
    return "The library is empty."
