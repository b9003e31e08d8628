"""Refreshing sources from the reader: a worker thread, a progress line and a report.

Besides `r`, the reader refreshes by itself when config.toml asks for it
(`refresh.on_start`, `refresh.interval_minutes`, a source's own interval): at
start it refreshes what `schedule.refresh_at_start` names, and one timer, set
again after every refresh, wakes when the next source is due and refreshes
`schedule.due_sources`. Only one refresh runs at a time, whoever started it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final, TypeAlias

from textual import on, work
from textual.reactive import var
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from newsread import schedule
from newsread.config import Config
from newsread.textsafe import one_line
from newsread.tui import refresh_report
from newsread.tui.messages import RefreshFinished
from newsread.tui.screens.reader.base import ReaderBase

if TYPE_CHECKING:
    from newsread.model import SourceInfo
    from newsread.refresh import RefreshProgress, SourceRefreshResult

SourceChoice: TypeAlias = "Callable[[Config, Sequence[SourceInfo], datetime], list[str]]"
"""Picks the sources an automatic refresh covers (`schedule.refresh_at_start`, `due_sources`)."""

SHORTEST_WAIT: Final = 5.0
"""Seconds the auto-refresh timer waits at least, so a source that stays due cannot spin."""
LONGEST_WAIT: Final = 3600.0
"""Seconds the timer waits at most before looking again (the clock may jump, a laptop sleep)."""
WAIT_AFTER_FAILURE: Final = 300.0
"""Seconds before trying again when an automatic refresh broke down."""


def auto_refresh_wanted(config: Config) -> bool:
    """Whether `config` asks for any refresh the user did not ask for with `r`."""
    return (
        config.refresh.on_start
        or config.refresh.interval_minutes > 0
        or any((source.refresh_interval_minutes or 0) > 0 for source in config.sources)
    )


def timer_wait(seconds_until_due: float | None) -> float | None:
    """How long the timer waits for a source due in `seconds_until_due` (None: no timer)."""
    if seconds_until_due is None:
        return None
    return min(max(seconds_until_due, SHORTEST_WAIT), LONGEST_WAIT)


def utc_clock() -> datetime:
    """Now, for the schedule (tests replace it)."""
    return datetime.now(UTC)


class RefreshActions(ReaderBase):
    """`r` and automatic refreshes: a thread refreshes sources, then tags what arrived."""

    refresh_line: var[str] = var("")
    """How far the refresh is; empty when none runs (shown by the status line)."""

    _auto_timer: Timer | None = None
    """The one timer waiting for the next due source (None when nothing is scheduled)."""

    def watch_refresh_line(self, line: str) -> None:
        """Show the line under the search bar (mounting it the first time there is one)."""
        if line or self.is_shown("refresh-status"):
            self.refresh_status.line = line

    @property
    def refreshing(self) -> bool:
        """Whether a refresh (from `r` or automatic) is under way."""
        return any(
            worker.group == "refresh" and not worker.is_finished for worker in self.app.workers
        )

    def on_mount(self) -> None:
        """Refresh what is due at start (and set the timer) when config.toml asks for it."""
        if auto_refresh_wanted(self.config):
            self._refresh_sources(schedule.refresh_at_start)

    def _auto_refresh_due(self) -> None:
        """The timer fired: refresh the sources due now, unless a refresh already runs."""
        self._auto_timer = None
        if self.refreshing:
            # That refresh sets the timer again when it ends.
            return
        self._refresh_sources(schedule.due_sources)

    def _set_timer(self, wait: float | None) -> None:
        """Wait `wait` seconds (None: stop waiting) for the next automatic refresh."""
        if self._auto_timer is not None:
            self._auto_timer.stop()
            self._auto_timer = None
        if wait is not None:
            self._auto_timer = self.set_timer(wait, self._auto_refresh_due, name="auto-refresh")

    def _schedule_next(self) -> None:
        """Runs in the refresh thread: set the timer for the next due source, if any is."""
        if not auto_refresh_wanted(self.config):
            return
        sources = self.library.sources()
        wait = timer_wait(schedule.seconds_until_next(self.config, sources, utc_clock()))
        self.app.call_from_thread(self._set_timer, wait)

    def action_refresh(self) -> None:
        """Refresh every source in a worker thread, then tag what arrived."""
        # Imported on first use: fetching and feed parsing are not needed to start up.
        from newsread.refresh import refreshable

        if self.refreshing:
            # A thread cannot be stopped half-way: let the running refresh finish instead.
            self.notify("Already refreshing.", markup=False)
            return
        with self.reporting_errors():
            if not refreshable(self.library):
                self.notify(refresh_report.NOTHING_TO_REFRESH, markup=False)
                return
            self.refresh_line = "Refreshing…"
            self._refresh_sources(None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="refresh")
    def _refresh_sources(self, choose: SourceChoice | None) -> None:
        """Runs in a thread: `refresh` has its own event loop and blocks on the network.

        `choose` picks the sources of an automatic refresh; None refreshes them all.
        """
        from newsread.refresh import refresh

        keys: list[str] | None = None
        if choose is not None:
            keys = choose(self.config, self.library.sources(), utc_clock())
            if not keys:
                self._schedule_next()
                return
            self.app.call_from_thread(self._show_status, "Refreshing…")

        def progress(report: RefreshProgress) -> None:
            self.app.call_from_thread(self._show_status, refresh_report.progress_line(report))

        results = refresh(self.library, keys, on_progress=progress, config=self.config)
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
        self._schedule_next()

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
            if auto_refresh_wanted(self.config):
                self._set_timer(WAIT_AFTER_FAILURE)
