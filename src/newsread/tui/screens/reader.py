"""The main screen: article list on the left, the article on the right."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, Final
from urllib.parse import urlsplit

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static
from textual.worker import Worker, WorkerState

from newsread.errors import NewsreadError
from newsread.library import Library
from newsread.library.search import parse_search
from newsread.library.views import ArticleFilter, ViewQuery
from newsread.model import SourceInfo
from newsread.textsafe import one_line
from newsread.tui import refresh_report
from newsread.tui.actions import SCREEN_ACTIONS, bindings_for
from newsread.tui.coalesce import Coalescer, Debouncer
from newsread.tui.messages import ArticleOpened, StateChanged
from newsread.tui.screens.help import HelpScreen
from newsread.tui.screens.remove_source import RemoveSourceScreen
from newsread.tui.widgets.article_list import ArticleList
from newsread.tui.widgets.article_view import ArticleView
from newsread.tui.widgets.search_bar import SearchBar
from newsread.tui.widgets.source_list import SourceList

if TYPE_CHECKING:
    from newsread.refresh import RefreshProgress, SourceRefreshResult

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
        self._source_title = ""

    def compose(self) -> ComposeResult:
        """Header, sidebar (search bar and list), article view, footer."""
        yield Header(icon="≡")
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                yield SearchBar(id="search")
                yield Static(id="refresh-status")
                yield SourceList(id="sources")
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
    def source_list(self) -> SourceList:
        """The sidebar's source list (shown when grouping by source)."""
        return self.query_one("#sources", SourceList)

    @property
    def refresh_status(self) -> Static:
        """The line saying how far a refresh is (hidden when none runs)."""
        return self.query_one("#refresh-status", Static)

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
        wanted = parse_search(self.view_query.search).wanted
        self.article_view.set_search_terms([(term.words, term.prefix) for term in wanted])

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
            if self.view_query.source_key:
                parts.append(f"source: {self._source_title}")
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
        self.view_query = replace(self.view_query, search="")
        self.article_list.focus()

    def _apply_search(self) -> None:
        words = self.search_bar.value.strip()
        if words != self.view_query.search:
            self.view_query = replace(self.view_query, search=words)

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
        self.view_query = replace(self.view_query, filter=self.view_query.filter.next())

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

    # Sources: refreshing, grouping by source, removing.

    def action_refresh(self) -> None:
        """Refresh every source in a worker thread, then tag what arrived."""
        # Imported on first use: fetching and feed parsing are not needed to start up.
        from newsread.refresh import refreshable

        if any(worker.group == "refresh" and not worker.is_finished for worker in self.app.workers):
            # A thread cannot be stopped half-way: let the running refresh finish instead.
            self.notify("Already refreshing.", markup=False)
            return
        with self._reporting_errors():
            if not refreshable(self.library):
                self.notify(refresh_report.NOTHING_TO_REFRESH, markup=False)
                return
            self._show_status("Refreshing…")
            self._refresh_sources()

    @work(thread=True, exclusive=True, exit_on_error=False, group="refresh")
    def _refresh_sources(self) -> None:
        """Runs in a thread: `refresh` has its own event loop and blocks on the network."""
        from newsread.refresh import refresh

        def progress(report: RefreshProgress) -> None:
            self.app.call_from_thread(self._show_status, refresh_report.progress_line(report))

        results = refresh(self.library, on_progress=progress)
        self.app.call_from_thread(self._refreshed, results)
        total = self.library.untagged_count()
        done = 0
        while done < total:
            self.app.call_from_thread(self._show_status, refresh_report.tagging_line(done, total))
            tagged = self.library.tag_pending()
            if tagged == 0:
                break
            done += tagged
        self.app.call_from_thread(self._show_status, "")

    def _show_status(self, line: str) -> None:
        status = self.refresh_status
        status.update(line)
        status.display = bool(line)

    def _refreshed(self, results: list[SourceRefreshResult]) -> None:
        """Show what the refresh did and take the list again, the cursor staying put."""
        self.notify(refresh_report.summary_line(results), title="Refresh", markup=False)
        for title, reason in refresh_report.failure_lines(results):
            self.notify(reason, title=f"{title} failed", severity="error", markup=False)
        self._take_view(keep_article_id=self.article_list.current_id)
        if self.source_list.display:
            self._show_sources()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Report a refresh that broke down instead of finishing."""
        if event.worker.group == "refresh" and event.state is WorkerState.ERROR:
            self._show_status("")
            error = event.worker.error
            detail = one_line(str(error)) if error is not None else "unknown error"
            self.notify(detail, title="Refresh failed", severity="error", markup=False)

    def action_toggle_sources(self) -> None:
        """Switch the sidebar between every article and the list of sources."""
        if self.source_list.display:
            self._close_sources()
        else:
            self._show_sources()
            self.source_list.display = True
            self.article_list.display = False
            self.source_list.focus()

    def _show_sources(self) -> None:
        with self._reporting_errors():
            current = self.source_list.current
            keep = self.view_query.source_key or (current.key if current else None)
            self.source_list.show_sources(self.library.sources(), keep_key=keep)

    def _close_sources(self) -> None:
        self.source_list.display = False
        self.article_list.display = True
        self.view_query = replace(self.view_query, source_key="")
        self.article_list.focus()

    def action_remove_source(self) -> None:
        """Ask to remove the source highlighted in the source list."""
        if self.source_list.display:
            self.source_list.action_remove()
        else:
            self.notify("Press s for the sources, then d on the one to remove.", markup=False)

    def action_leave_source(self) -> None:
        """From one source's articles back to the source list."""
        if self.view_query.source_key:
            self.action_toggle_sources()

    @on(SourceList.Chosen)
    def _source_chosen(self, event: SourceList.Chosen) -> None:
        self._source_title = one_line(event.info.title) or event.info.key
        self.source_list.display = False
        self.article_list.display = True
        self.view_query = replace(self.view_query, source_key=event.info.key)
        self.article_list.focus()

    @on(SourceList.Closed)
    def _sources_closed(self) -> None:
        self._close_sources()

    @on(SourceList.RemoveRequested)
    def _remove_requested(self, event: SourceList.RemoveRequested) -> None:
        info = event.info
        with self._reporting_errors():
            bookmarked = len(
                self.library.view(ViewQuery(ArticleFilter.BOOKMARKED, source_key=info.key))
            )
            self.app.push_screen(
                RemoveSourceScreen(info, bookmarked),
                lambda remove: self._remove_answered(info, bool(remove)),
            )

    def _remove_answered(self, info: SourceInfo, remove: bool) -> None:
        if not remove:
            return
        with self._reporting_errors():
            removed = self.library.remove_source(info.key)
            self.notify(
                f"Removed {one_line(removed.title)}: {_articles(removed.deleted)} deleted, "
                f"{removed.kept:,} bookmarked kept.",
                markup=False,
            )
            self._show_sources()
            self._take_view(keep_article_id=self.article_list.current_id)

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
