"""The main screen: article list on the left, the article on the right."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar, Final

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical
from textual.reactive import Reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Header, Input

from newsread.errors import NewsreadError
from newsread.library import Library
from newsread.library.sorting import is_searching
from newsread.model import Entity
from newsread.textsafe import one_line
from newsread.tui.actions import SCREEN_ACTIONS, bindings_for
from newsread.tui.coalesce import Coalescer, Debouncer
from newsread.tui.messages import ArticleOpened
from newsread.tui.screens.reader.base import SORT_PREFERENCE
from newsread.tui.screens.reader.entities import EntityActions
from newsread.tui.screens.reader.links import LinkActions
from newsread.tui.screens.reader.marking import MarkingActions
from newsread.tui.screens.reader.refreshing import RefreshActions
from newsread.tui.screens.reader.sources import SourceMode
from newsread.tui.screens.reader.stories import StoryActions
from newsread.tui.widgets.article_list import ArticleList
from newsread.tui.widgets.article_view import ArticleView
from newsread.tui.widgets.footer import KeyFooter
from newsread.tui.widgets.reading_pane import ReadingPane
from newsread.tui.widgets.search_bar import QueryProblem, SearchBar

PREVIEW_DELAY: Final = 0.06
"""Seconds the cursor must rest before the article under it is previewed."""
FRAME_INTERVAL: Final = 1 / 120
"""Seconds at least between two frames of the reader (Textual's screens allow 60 a second)."""
PREPARE_DELAY: Final = 0.05
"""Seconds the reader must rest after an article is drawn before the next unread one is prepared."""
SEARCH_INTERVAL: Final = 0.2
"""Seconds between searches while the user keeps typing."""


def entity_commands() -> type[Provider]:
    """The palette's "Articles mentioning…" commands, imported when the palette first opens."""
    from newsread.tui.entity_commands import EntityCommands

    return EntityCommands


class ReaderScreen(
    MarkingActions, LinkActions, StoryActions, EntityActions, SourceMode, RefreshActions
):
    """Browse, preview, open and mark articles.

    This class lays the screen out and moves through the list: previewing,
    opening, searching and filtering. Its parts (marks and undo, links,
    entities, sources, refreshing) each live in their own base class; all of
    them share the view query and the library of `ReaderBase`. Stories (`z`) are
    `StoryActions`.
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings_for(SCREEN_ACTIONS)
    """Generated from `SCREEN_ACTIONS`; see `newsread.tui.actions`."""

    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = Screen.COMMANDS | {
        entity_commands
    }
    """"Articles mentioning…" joins the app's commands in the palette."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """The widget with focus. Moving focus repaints the two widgets concerned, not the screen.

    Textual's `Screen.focused` repaints the whole screen on every change, which
    redraws a frame already drawn; the widgets that gain and lose focus repaint
    themselves (`Widget._on_focus` and `_on_blur`).
    """

    def __init__(self, library: Library) -> None:
        """Create the screen over `library`."""
        self._frame_timer: Timer | None = None
        super().__init__(library)
        self._preview = Debouncer(self, PREVIEW_DELAY, self._preview_current)
        self._prepare = Debouncer(self, PREPARE_DELAY, self._prepare_next_unread)
        self._search = Coalescer(self, SEARCH_INTERVAL, self._apply_search, leading=False)
        self._shown_once = False

    @property
    def _update_timer(self) -> Timer:
        """The timer that draws the screen's frames, at most `FRAME_INTERVAL` apart.

        Textual draws a screen's frames on a fixed grid of sixtieths of a second: a
        frame asked for soon after the last one (an article opened just after the
        cursor moved onto it) waited for the next slot, up to 17 ms.
        """
        if self._frame_timer is None:
            self._frame_timer = self.set_interval(
                FRAME_INTERVAL, self._on_timer_update, name="screen_update", pause=True
            )
        return self._frame_timer

    def compose(self) -> ComposeResult:
        """Header, sidebar (the list), article, footer.

        The sidebar's search bar, refresh status and sources and the entity panel
        are mounted when first shown (see `ReaderBase.part`).
        """
        yield Header(icon="≡")
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                yield ArticleList(self.library.summaries, facts=self.library, id="articles")
            with ReadingPane(id="reading"):
                yield ArticleView(id="article")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Show the newest articles with the first one previewed."""
        self.restore_entity_panel()
        self.take_view(keep_article_id=None, count_later=True)
        self.article_list.focus()
        self.show_grouped_at_start()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Skip restyling every widget the first time the screen shows: mounting styled them.

        Textual restyles a screen whenever it comes back to the top, in case the
        theme or classes changed while it was covered; the first time, nothing
        has, and restyling would redo a third of the first frame's work.
        """
        if not self._shown_once:
            self._shown_once = True
            event.refresh_styles = False

    # Events flowing up from the list and the search bar.

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
            # Rendering a long article takes longer than a key repeat: wait for the cursor to
            # rest. The wait starts once the list is repainted, so a key that took long to
            # draw does not leave the preview's timer to run out before the next press.
            self._preview.cancel()
            self.call_after_refresh(self._preview.request)

    def on_article_list_selected(self, event: ArticleList.Selected) -> None:
        """Open the chosen article."""
        self._open(event.article_id)

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
        self.set_shown("search", False)
        self._show_query_problem("")
        self.typed_query = ""
        self.view_query = replace(self.view_query, search="", query=self.combined_query())
        self.article_list.focus()

    def _apply_search(self) -> None:
        """Filter the list by the bar's text: plain words search, anything else is a query.

        A malformed query is named under the bar and the list keeps its last good rows.
        """
        # The query language loads with the first search: the first frame needs none of it.
        from newsread.library.query_language import QueryError, TermKind, parse_query
        from newsread.library.saved_queries import expand_saved

        text = self.search_bar.value.strip()
        try:
            expanded = expand_saved(text, self.config.queries)
            parsed = parse_query(expanded)
        except QueryError as error:
            self._show_query_problem(str(error))
            return
        self._show_query_problem("")
        if all(term.kind is TermKind.TEXT for term in parsed.terms) and expanded == text:
            # Plain words stay a search, exactly as before the query language.
            search, self.typed_query = text, ""
        else:
            search, self.typed_query = "", expanded
        wanted = replace(self.view_query, search=search, query=self.combined_query())
        if wanted != self.view_query:
            self.view_query = wanted
        else:
            self.update_subtitle()

    def _show_query_problem(self, problem: str) -> None:
        shown = one_line(problem)
        self.search_bar.problem = shown
        if shown or self.is_shown("query-problem"):
            self.part("query-problem", QueryProblem).show_problem(shown)

    def _preview_current(self) -> None:
        article_id = self.article_list.current_id
        if article_id is None or article_id == self.article_view.shown_id:
            return
        with self.reporting_errors():
            article = self.library.get(article_id)
            entities = self.library.stored_entities(article_id)
            self.article_view.show_article(article, entities or [])
            if entities is None:
                self._tag_in_background(article_id)
        self.call_after_refresh(self._prepare.request)

    def _prepare_next_unread(self) -> None:
        """Render the article `n` would open next, so that opening it costs only its frame."""
        article_list = self.article_list
        try:
            index = self.library.next_unread(article_list.view, article_list.cursor, 1)
            summary = article_list.row(index) if index is not None else None
            entities = self.library.stored_entities(summary.id) if summary is not None else None
            if summary is None or entities is None:
                return  # an untagged article is tagged when shown, not ahead of time
            article = self.library.get(summary.id)
        except NewsreadError:
            return  # nothing is prepared; opening it will report the problem
        self.article_view.prepare(article, entities)

    def _tag_in_background(self, article_id: str) -> None:
        """Find an untagged article's entities off the UI thread, then show them.

        The first tagging of a run loads the tagger's model (about a second), and
        each article takes tens of milliseconds: too long to hold the screen.
        """

        def tag() -> None:
            try:
                entities = self.library.entities(article_id)
            except NewsreadError as error:
                self.app.call_from_thread(self._tagging_failed, error)
                return
            self.app.call_from_thread(self._show_tagged, article_id, entities)

        self.run_worker(tag, thread=True, exclusive=True, group="tag-article", exit_on_error=False)

    def _show_tagged(self, article_id: str, entities: list[Entity]) -> None:
        if self.article_view.shown_id != article_id:
            return  # the reader moved on; the entities are stored for next time
        with self.reporting_errors():
            article = self.library.get(article_id)
            self.article_view.show_article(article, entities, keep_scroll=True)
            self.refill_entity_panel()

    def _tagging_failed(self, error: NewsreadError) -> None:
        self.notify(one_line(str(error)), title=error.title, severity="error", markup=False)

    def _open(self, article_id: str) -> None:
        """Show `article_id` at once, mark it read and move focus to it."""
        self._preview.cancel()
        self._preview_current()
        self.mark_opened(article_id)
        self.post_message(ArticleOpened(article_id))
        self.article_view.focus()

    # Moving, reading and finding: one action per `SCREEN_ACTIONS` entry, named by its `id`.

    def action_open(self) -> None:
        """Open the article under the cursor."""
        article_id = self.article_list.current_id
        if article_id is not None:
            self._open(article_id)

    def action_switch_pane(self) -> None:
        """Move focus from the list to the article, to the entity panel (when open), back."""
        if self.article_list.has_focus:
            self.article_view.focus()
        elif self.article_view.has_focus and self.is_shown("entities"):
            self.entity_panel.focus()
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
        with self.reporting_errors():
            index = self.library.next_unread(article_list.view, article_list.cursor, step)
            if index is None:
                where = "after" if step > 0 else "before"
                self.notify(f"No unread article {where} this one.", markup=False)
                return
            article_list.cursor = index
            self.action_open()

    def action_cycle_filter(self) -> None:
        """Show all → unread → bookmarked articles."""
        self.view_query = replace(self.view_query, filter=self.view_query.filter.next())

    def action_cycle_sort(self) -> None:
        """Sort by date → unread first → source → title, remembered for the next run."""
        order = self.view_query.sort.next()
        self.view_query = replace(self.view_query, sort=order)
        with self.reporting_errors():
            self.library.set_preference(SORT_PREFERENCE, order.value)
        note = " (a search keeps its best matches first)" if is_searching(self.view_query) else ""
        self.notify(f"Sort: {order.label}{note}", markup=False)

    def action_search(self) -> None:
        """Open the search bar."""
        search_bar = self.search_bar
        search_bar.display = True
        search_bar.focus()

    def action_help(self) -> None:
        """Show every key."""
        from newsread.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        """Leave newsread."""
        self.app.exit()
