"""The reader's marks: read/unread, bookmarks, mark-all, and undoing any of them."""

from __future__ import annotations

from newsread.library.state import StateChange
from newsread.tui.messages import StateChanged
from newsread.tui.screens.reader.base import ReaderBase, articles_text
from newsread.tui.undo import describe_change


class MarkingActions(ReaderBase):
    """`b`, `m`, `A` and `u`, and marking an opened article read.

    Every change is written by the library before the screen redraws, so
    nothing is lost if the process dies a moment later, and every change that
    changed something goes on the undo history.
    """

    def _changed(self, change: StateChange, article_ids: tuple[str, ...] = ()) -> None:
        """Remember `change` for undo and redraw what shows it."""
        self.undo_history.push(change)
        self.post_message(StateChanged(article_ids))

    def mark_opened(self, article_id: str) -> None:
        """Mark an opened article read (undoable), unless `reader.mark_read_on_open` is off.

        The article is opened from the cursor, so only the cursor's row changes:
        it is redrawn in the same frame as the article, and the counts in the
        subtitle (a count over the whole library) follow once that frame is up.
        """
        if not self.config.reader.mark_read_on_open:
            return
        with self.reporting_errors():
            change = self.library.change_read([article_id], True)
            if not change.count:
                return
            self.undo_history.push(change)
            if self.article_list.current_id == article_id:
                self.article_list.invalidate_current()
                self.call_after_refresh(self.update_subtitle)
            else:
                self.post_message(StateChanged((article_id,)))

    def action_bookmark(self) -> None:
        """Bookmark the article under the cursor, or remove its bookmark."""
        summary = self.article_list.current
        if summary is None:
            return
        with self.reporting_errors():
            change = self.library.change_bookmarked([summary.id], not summary.bookmarked)
            self._changed(change, (summary.id,))

    def action_toggle_read(self) -> None:
        """Mark the article under the cursor read if unread, unread if read."""
        summary = self.article_list.current
        if summary is None:
            return
        with self.reporting_errors():
            change = self.library.change_read([summary.id], not summary.read)
            self._changed(change, (summary.id,))

    def action_mark_all_read(self) -> None:
        """Mark every article in the list read."""
        with self.reporting_errors():
            change = self.library.change_read_in_view(self.article_list.view, True)
            self._changed(change)
            self.notify(f"Marked {articles_text(change.count)} read.", markup=False)

    def action_undo(self) -> None:
        """Undo the newest read or bookmark change still on the history."""
        change = self.undo_history.pop()
        if change is None:
            self.notify("Nothing to undo.", markup=False)
            return
        restored = False
        with self.reporting_errors():
            self.library.restore(change)
            restored = True
        if not restored:
            # Keep it on the history, so the user can try again.
            self.undo_history.push(change)
            return
        self.post_message(StateChanged(change.article_ids if change.count == 1 else ()))
        self.notify(f"Undid: {describe_change(change)}", markup=False)
