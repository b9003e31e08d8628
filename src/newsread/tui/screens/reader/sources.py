"""Grouping the sidebar by source: the source list, reading one source, removing one."""

from __future__ import annotations

from dataclasses import replace

from textual import on

from newsread.library.views import ArticleFilter, ViewQuery
from newsread.model import SourceInfo
from newsread.textsafe import one_line
from newsread.tui.messages import RefreshFinished
from newsread.tui.screens.reader.base import ReaderBase, articles_text
from newsread.tui.screens.remove_source import RemoveSourceScreen
from newsread.tui.widgets.source_list import SourceList


class SourceMode(ReaderBase):
    """`s` shows the sources instead of the river, enter reads one, `d` removes one.

    Reading one source narrows the view query to it; escape goes back to the
    source list, and once more to every article.
    """

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
        with self.reporting_errors():
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
        self.source_title = one_line(event.info.title) or event.info.key
        self.source_list.display = False
        self.article_list.display = True
        self.view_query = replace(self.view_query, source_key=event.info.key)
        self.article_list.focus()

    @on(SourceList.Closed)
    def _sources_closed(self) -> None:
        self._close_sources()

    @on(RefreshFinished)
    def _relist_sources(self) -> None:
        """A refresh changed the counts: list the sources again if they are on show."""
        if self.source_list.display:
            self._show_sources()

    @on(SourceList.RemoveRequested)
    def _remove_requested(self, event: SourceList.RemoveRequested) -> None:
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
