"""What every part of the reader screen shares: the library, the view query and the widgets."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, TypeVar

from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget

from newsread.config import Config, ReaderConfig
from newsread.errors import NewsreadError
from newsread.library import Library
from newsread.library.query_join import join_queries
from newsread.library.search import parse_search
from newsread.library.views import ArticleFilter, SortOrder, ViewQuery
from newsread.textsafe import one_line
from newsread.tui.actions import ALL_ACTIONS
from newsread.tui.keymap import KeyPlan
from newsread.tui.messages import StateChanged
from newsread.tui.undo import UndoHistory
from newsread.tui.widgets.article_list import ArticleList
from newsread.tui.widgets.article_view import ArticleView
from newsread.tui.widgets.search_bar import QueryProblem, SearchBar

if TYPE_CHECKING:
    from newsread.tui.widgets.refresh_status import RefreshStatus
    from newsread.tui.widgets.source_list import SourceList

SORT_PREFERENCE: Final = "sort"
"""The library preference remembering the list order chosen with `S`."""
DEFAULT_SIDEBAR_WIDTH: Final = ReaderConfig().sidebar_width
"""`reader.sidebar_width` left at its default keeps the built-in proportional sidebar
(44% of the window, at least 40 columns), which the default stands for; any other
value is the sidebar's width in columns."""
SIDEBAR_MAX_WIDTH: Final = "75%"
"""However wide `reader.sidebar_width` is, the article keeps a quarter of the window."""

SIDEBAR_ORDER: Final = ("search", "query-problem", "refresh-status", "sources", "articles")
"""The IDs of the sidebar's parts, top to bottom (all but the list are mounted when needed)."""


def _refresh_status() -> Widget:
    from newsread.tui.widgets.refresh_status import RefreshStatus

    return RefreshStatus(id="refresh-status")


def _source_list() -> Widget:
    from newsread.tui.widgets.source_list import SourceList

    return SourceList(id="sources")


def _entity_panel() -> Widget:
    from newsread.tui.widgets.entity_panel import EntityPanel

    return EntityPanel(id="entities")


PART_KINDS: Final[dict[str, Callable[[], Widget]]] = {
    "search": lambda: SearchBar(id="search"),
    "query-problem": lambda: QueryProblem(id="query-problem"),
    "refresh-status": _refresh_status,
    "sources": _source_list,
    "entities": _entity_panel,
}
"""How to make each part of the screen that stays hidden until used, by ID.

The modules of the parts a session may never show are imported when one is
first made: the first frame does not wait for them.
"""

PartT = TypeVar("PartT", bound=Widget)


def articles_text(count: int) -> str:
    """`1 article`, `5 articles`."""
    return f"{count:,} article" if count == 1 else f"{count:,} articles"


@dataclass(frozen=True, slots=True)
class ReturnPoint:
    """What the sidebar showed before it was narrowed (to a name's articles, a story's reports)."""

    query: ViewQuery
    article_id: str | None
    search_shown: bool
    sources_shown: bool


def default_key(action_id: str) -> str:
    """The keys an action has when `[keys]` in config.toml leaves it alone (`b`)."""
    return next(spec.key_display for spec in ALL_ACTIONS if spec.id == action_id)


def empty_message(
    query: ViewQuery, typed_query: str = "", key_of: Callable[[str], str] = default_key
) -> str:
    """What the list says when `query` matches nothing (`typed_query`: the filter bar's).

    `key_of` names the keys of an action by its ID, so a remapped key is the one suggested.
    """
    if query.search or typed_query:
        return "No article matches this search. Escape clears it."
    if query.filter is ArticleFilter.UNREAD:
        return f"No unread articles. Press {key_of('cycle_filter')} to change the filter."
    if query.filter is ArticleFilter.BOOKMARKED:
        return f"No bookmarks yet. Press {key_of('bookmark')} on an article to add one."
    if query.entity_key or query.watched or query.query or query.source_key:
        return "No article here. Escape goes back."
    return "The library is empty."


def highlight_terms(query: ViewQuery) -> list[tuple[tuple[str, ...], bool]]:
    """The words and phrases `query` searches for, as the article view highlights them."""
    text = query.search
    if query.query:
        # Loaded with the first query rather than with the reader, whose first frame has none.
        from newsread.library.query_language import QueryError, parse_query

        # A malformed query lists nothing, so there is nothing to highlight.
        with suppress(QueryError):
            text = join_queries(parse_query(query.query).search_text, text)
    return [(term.words, term.prefix) for term in parse_search(text).wanted]


class ReaderBase(Screen[None]):
    """The reader's shared state and its way of showing it.

    The screen owns the view query (filter, search, source) and the undo
    history; it pushes the query's results into the list and the counts into
    the subtitle. The parts of the reader (marking, links, refreshing,
    sources) build on this class; `ReaderScreen` puts them together.
    """

    view_query: var[ViewQuery] = var(ViewQuery(), init=False)
    """Which articles the list shows: the filter, the search words and the source."""

    def __init__(self, library: Library) -> None:
        """Create the screen over `library`."""
        super().__init__()
        self.library = library
        self.undo_history = UndoHistory()
        """Read and bookmark changes made on this screen, for `u`."""
        self.source_title = ""
        """The title of the source the list is narrowed to (shown in the subtitle)."""
        self.typed_query = ""
        """The query-language part of the filter bar (plain words go to `search`)."""
        self.saved_query = ""
        """The saved query the list is narrowed to (its expanded text), or empty."""
        self.saved_query_name = ""
        """That saved query's name (shown in the subtitle)."""
        self.config = Config()
        """The settings in effect; `apply_config` replaces the defaults before mounting."""
        self._parts: dict[str, Widget] = {}
        """The hidden-until-used parts mounted so far, by ID (see `PART_KINDS`)."""

    def apply_config(self, config: Config) -> None:
        """Take `config` before the screen mounts: the first view uses `reader.default_filter`."""
        self.config = config
        first = ViewQuery(
            filter=ArticleFilter(config.reader.default_filter),
            sort=self.remembered_sort(),
            clustered=config.reader.cluster,
        )
        # Before mounting, so the first view is taken once, already filtered.
        self.set_reactive(ReaderBase.view_query, first)

    def remembered_sort(self) -> SortOrder:
        """The order last chosen with `S`, or `reader.sort` when none was (or it is unknown)."""
        remembered: str | None = None
        with suppress(NewsreadError):
            # An unreadable preference is no reason not to start: use the config's order.
            remembered = self.library.preference(SORT_PREFERENCE)
        for wanted in (remembered or "", self.config.reader.sort):
            with suppress(ValueError):
                return SortOrder(wanted)
        return SortOrder.DATE

    def on_mount(self) -> None:
        """Lay the sidebar out as `reader.sidebar_width` and `reader.columns` say."""
        reader = self.config.reader
        self.article_list.columns = tuple(reader.columns)
        if reader.sidebar_width != DEFAULT_SIDEBAR_WIDTH:
            sidebar = self.query_one("#sidebar")
            sidebar.styles.width = reader.sidebar_width
            # The stylesheet's minimum is for its proportional width; a set width is the user's.
            sidebar.styles.min_width = 0
            sidebar.styles.max_width = SIDEBAR_MAX_WIDTH

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
        from newsread.tui.widgets.source_list import SourceList

        return self.part("sources", SourceList)

    @property
    def refresh_status(self) -> RefreshStatus:
        """The line saying how far a refresh is (hidden when none runs)."""
        from newsread.tui.widgets.refresh_status import RefreshStatus

        return self.part("refresh-status", RefreshStatus)

    @property
    def search_bar(self) -> SearchBar:
        """The search input (hidden unless searching)."""
        return self.part("search", SearchBar)

    def part(self, part_id: str, kind: type[PartT]) -> PartT:
        """The part `part_id` of `PART_KINDS`, mounted (hidden) the first time it is asked for.

        Most of these are never shown in a session: not composing them makes the
        first frame cheaper (fewer widgets to style and mount).
        """
        part = self._parts.get(part_id)
        if part is None:
            part = PART_KINDS[part_id]()
            # Hidden as the stylesheet would have it, before the stylesheet reaches it.
            part.display = False
            self._parts[part_id] = part
            self._mount_part(part_id, part)
        if not isinstance(part, kind):
            raise TypeError(f"#{part_id} is a {type(part).__name__}, not a {kind.__name__}")
        return part

    def _mount_part(self, part_id: str, part: Widget) -> None:
        if part_id not in SIDEBAR_ORDER:
            self.query_one("#reading").mount(part)
            return
        sidebar = self.query_one("#sidebar")
        below = SIDEBAR_ORDER[SIDEBAR_ORDER.index(part_id) + 1 :]
        following = next(child for child in sidebar.children if child.id in below)
        sidebar.mount(part, before=following)

    def is_shown(self, part_id: str) -> bool:
        """Whether the part `part_id` is on show (without mounting it)."""
        part = self._parts.get(part_id)
        return part is not None and part.display

    def set_shown(self, part_id: str, shown: bool) -> None:
        """Show or hide the part `part_id`, mounting it only to show it."""
        if shown:
            self.part(part_id, Widget).display = True
        elif part_id in self._parts:
            self._parts[part_id].display = False

    @contextmanager
    def reporting_errors(self) -> Iterator[None]:
        """Show a library or source error as a notification instead of crashing."""
        try:
            yield
        except NewsreadError as error:
            self.notify(one_line(str(error)), title=error.title, severity="error", markup=False)

    def combined_query(self) -> str:
        """The saved query on show and the filter bar's query, both of which must hold."""
        return join_queries(self.saved_query, self.typed_query)

    def watch_view_query(self) -> None:
        """Retake the view, keeping the cursor on the same article if it is still there."""
        self.take_view(keep_article_id=self.article_list.current_id)
        self.article_view.set_search_terms(highlight_terms(self.view_query))

    def take_view(self, keep_article_id: str | None, *, count_later: bool = False) -> None:
        """Ask the library for the query's rows and show them, the cursor on `keep_article_id`.

        `count_later` puts off counting the library for the subtitle until the
        list has been painted (at start-up: counting grows with the library).
        """
        query = self.view_query
        with self.reporting_errors():
            view = self.library.view(query)
            article_list = self.article_list
            article_list.empty_message = empty_message(query, self.typed_query, self.key_of)
            article_list.set_view(view, keep_article_id=keep_article_id)
        if count_later:
            self.call_after_refresh(self.update_subtitle)
        else:
            self.update_subtitle()

    def return_point(self, article_id: str | None) -> ReturnPoint:
        """The sidebar as it is now, to come back to with `go_back_to`."""
        return ReturnPoint(
            query=self.view_query,
            article_id=article_id,
            search_shown=self.is_shown("search"),
            sources_shown=self.is_shown("sources"),
        )

    def show_list_only(self) -> None:
        """Hide the search bar and the source list: the sidebar shows just the list."""
        self.set_shown("search", False)
        self.set_shown("sources", False)
        self.article_list.display = True

    def go_back_to(self, point: ReturnPoint) -> None:
        """Show the sidebar as `point` saw it, the cursor on its article."""
        self.set_shown("search", point.search_shown)
        self.set_shown("sources", point.sources_shown)
        self.article_list.display = not point.sources_shown
        self.view_query = point.query
        self.take_view(keep_article_id=point.article_id)
        (self.source_list if point.sources_shown else self.article_list).focus()

    def key_of(self, action_id: str) -> str:
        """The keys action `action_id` answers to, after `[keys]` in config.toml."""
        plan = getattr(self.app, "key_plan", None)
        spec = next(spec for spec in ALL_ACTIONS if spec.id == action_id)
        return (plan.effective(spec) if isinstance(plan, KeyPlan) else spec).key_display

    def update_subtitle(self) -> None:
        """`5 articles · 3 unread · 1 bookmarked · filter: all`, plus search and source."""
        with self.reporting_errors():
            counts = self.library.counts()
            parts = [
                articles_text(counts.total),
                f"{counts.unread:,} unread",
                f"{counts.bookmarked:,} bookmarked",
                f"filter: {self.view_query.filter.value}",
            ]
            if self.view_query.search:
                parts.append(f"search: {one_line(self.view_query.search)}")
            if self.typed_query:
                parts.append(f"query: {one_line(self.typed_query)}")
            if self.view_query.source_key:
                parts.append(f"source: {self.source_title}")
            if self.view_query.sort is not SortOrder.DATE:
                parts.append(f"sort: {self.view_query.sort.label}")
            if self.view_query != ViewQuery(sort=self.view_query.sort):
                parts.append(f"{len(self.article_list.view):,} shown")
            if self.saved_query_name:
                parts.insert(0, f"query: {self.saved_query_name}")
            self.sub_title = " · ".join(parts)

    def on_state_changed(self, event: StateChanged) -> None:
        """Redraw list rows and counts from the library."""
        self.article_list.invalidate_rows()
        self.update_subtitle()
