"""Grouping the sidebar by source: the source list, reading one source (or one saved query),
removing one."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on, work

from newsread.library.views import ArticleFilter, ViewQuery
from newsread.textsafe import one_line
from newsread.tui.messages import RefreshFinished
from newsread.tui.screens.reader.base import ReaderBase, articles_text

if TYPE_CHECKING:
    from newsread.model import SourceInfo
    from newsread.tui.widgets.source_list import QueryEntry, SourceList

# The source list, the removal dialog and the query language are imported when
# first used, and the list's messages are handled by name (`on_source_list_…`), so
# that opening the reader does not load them.


class SourceMode(ReaderBase):
    """`s` shows the sources instead of the river, enter reads one, `d` removes one.

    Saved queries (`[queries]` in config.toml) head the list as virtual
    sources, counted in a worker. Reading one source or saved query narrows
    the view query to it; escape goes back to the source list, and once more
    to every article. `reader.group = "tag"` lists sources under their tags.
    """

    def show_grouped_at_start(self) -> None:
        """Open on the source list when `reader.group` asks for a grouped sidebar."""
        if self.config.reader.group != "none":
            self.action_toggle_sources()

    def action_toggle_sources(self) -> None:
        """Switch the sidebar between every article and the list of sources."""
        if self.is_shown("sources"):
            self._close_sources()
        else:
            self._show_sources()
            self.source_list.display = True
            self.article_list.display = False
            self.source_list.focus()

    def _show_sources(self) -> None:
        source_list = self.source_list
        with self.reporting_errors():
            keep = self._kept_entry_key()
            tags = self.library.source_tags() if self.config.reader.group == "tag" else None
            queries = None if source_list.queries else self._uncounted_queries()
            source_list.show_sources(self.library.sources(), keep, queries=queries, tags=tags)
        if self.config.queries:
            self._count_saved_queries()

    def _kept_entry_key(self) -> str | None:
        """The line to put the cursor on: what the list shows, else the line it was on."""
        from newsread.tui.widgets.source_list import QueryEntry, query_list_key

        if self.view_query.source_key:
            return self.view_query.source_key
        if self.saved_query_name:
            return query_list_key(self.saved_query_name)
        current = self.source_list.current_entry
        if isinstance(current, QueryEntry):
            return current.list_key
        return current.key if current is not None else None

    def _uncounted_queries(self) -> list[QueryEntry]:
        """Config's saved queries, checked but not yet counted (parsing is quick, counting not)."""
        from newsread.library.query_language import QueryError, parse_query
        from newsread.library.saved_queries import expand_saved
        from newsread.tui.widgets.source_list import QueryEntry

        entries: list[QueryEntry] = []
        for saved in self.config.queries:
            try:
                text = expand_saved(saved.query, self.config.queries)
                parse_query(text)
            except QueryError as error:
                entries.append(QueryEntry(saved.name, ViewQuery(), error=one_line(str(error))))
                continue
            entries.append(QueryEntry(saved.name, ViewQuery(query=text)))
        return entries

    @work(thread=True, exclusive=True, exit_on_error=False, group="saved-queries")
    def _count_saved_queries(self) -> None:
        """Runs in a thread: a saved query's count can take a moment on a large library."""
        from newsread.library.saved_queries import saved_query_views
        from newsread.tui.widgets.source_list import QueryEntry

        counted = [
            QueryEntry(view.name, view.query, None if view.error else view.count, view.error)
            for view in saved_query_views(self.library, self.config.queries)
        ]
        self.app.call_from_thread(self.source_list.show_query_counts, counted)

    def _close_sources(self) -> None:
        self.source_list.display = False
        self.article_list.display = True
        self._leave_saved_query()
        self.view_query = replace(self.view_query, source_key="", query=self.combined_query())
        self.article_list.focus()

    def _leave_saved_query(self) -> None:
        self.saved_query = ""
        self.saved_query_name = ""

    def action_remove_source(self) -> None:
        """Ask to remove the source highlighted in the source list."""
        if self.is_shown("sources"):
            self.source_list.action_remove()
        else:
            self.notify("Press s for the sources, then d on the one to remove.", markup=False)

    def action_leave_source(self) -> None:
        """From one source's (or saved query's) articles back to the source list."""
        if self.view_query.source_key or self.saved_query_name:
            self.action_toggle_sources()

    def on_source_list_chosen(self, event: SourceList.Chosen) -> None:
        """Read the chosen source's articles."""
        self.source_title = one_line(event.info.title) or event.info.key
        self._leave_saved_query()
        self.source_list.display = False
        self.article_list.display = True
        self.view_query = replace(
            self.view_query, source_key=event.info.key, query=self.combined_query()
        )
        self.article_list.focus()

    def on_source_list_query_chosen(self, event: SourceList.QueryChosen) -> None:
        """Read the chosen saved query's articles (or say why it cannot run)."""
        entry = event.entry
        if entry.error is not None:
            self.notify(entry.error, title=f"Saved query {one_line(entry.name)}", markup=False)
            return
        self.saved_query = entry.query.query
        self.saved_query_name = one_line(entry.name)
        self.source_list.display = False
        self.article_list.display = True
        self.view_query = replace(self.view_query, source_key="", query=self.combined_query())
        self.article_list.focus()

    def on_source_list_closed(self) -> None:
        """Back from the source list to every article."""
        self._close_sources()

    @on(RefreshFinished)
    def _relist_sources(self) -> None:
        """A refresh changed the counts: list the sources again if they are on show."""
        if self.is_shown("sources"):
            self._show_sources()

    def on_source_list_remove_requested(self, event: SourceList.RemoveRequested) -> None:
        """Ask whether to remove the source, then remove it."""
        from newsread.tui.screens.remove_source import RemoveSourceScreen

        info = event.info
        with self.reporting_errors():
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
        with self.reporting_errors():
            removed = self.library.remove_source(info.key)
            self.notify(
                f"Removed {one_line(removed.title)}: {articles_text(removed.deleted)} deleted, "
                f"{removed.kept:,} bookmarked kept.",
                markup=False,
            )
            self._show_sources()
            self.take_view(keep_article_id=self.article_list.current_id)
