"""Refreshing sources from the reader: a worker thread, a progress line and a report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.reactive import var
from textual.worker import Worker, WorkerState

from newsread.textsafe import one_line
from newsread.tui import refresh_report
from newsread.tui.messages import RefreshFinished
from newsread.tui.screens.reader.base import ReaderBase

if TYPE_CHECKING:
    from newsread.refresh import RefreshProgress, SourceRefreshResult


class RefreshActions(ReaderBase):
    """`r`: refresh every source in a thread, then tag what arrived, reporting as it goes."""

    refresh_line: var[str] = var("")
    """How far the refresh is; empty when none runs (bound to the status line)."""

    def action_refresh(self) -> None:
        """Refresh every source in a worker thread, then tag what arrived."""
        # Imported on first use: fetching and feed parsing are not needed to start up.
        from newsread.refresh import refreshable

        if any(worker.group == "refresh" and not worker.is_finished for worker in self.app.workers):
            # A thread cannot be stopped half-way: let the running refresh finish instead.
            self.notify("Already refreshing.", markup=False)
            return
        with self.reporting_errors():
            if not refreshable(self.library):
                self.notify(refresh_report.NOTHING_TO_REFRESH, markup=False)
                return
            self.refresh_line = "Refreshing…"
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
        self.refresh_line = line

    def _refreshed(self, results: list[SourceRefreshResult]) -> None:
        self.post_message(RefreshFinished(results))

    @on(RefreshFinished)
    def _report_refresh(self, event: RefreshFinished) -> None:
        """Show what the refresh did and take the list again, the cursor staying put."""
        self.notify(refresh_report.summary_line(event.results), title="Refresh", markup=False)
        for title, reason in refresh_report.failure_lines(event.results):
            self.notify(reason, title=f"{title} failed", severity="error", markup=False)
        self.take_view(keep_article_id=self.article_list.current_id)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Report a refresh that broke down instead of finishing."""
        if event.worker.group == "refresh" and event.state is WorkerState.ERROR:
            self.refresh_line = ""
            error = event.worker.error
            detail = one_line(str(error)) if error is not None else "unknown error"
            self.notify(detail, title="Refresh failed", severity="error", markup=False)
