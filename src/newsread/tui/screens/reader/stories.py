"""Story clusters (`reader.cluster = true`): `z` lists a story's reports, escape goes back."""

from __future__ import annotations

from textual.actions import SkipAction

from newsread.library import Library
from newsread.library.views import ViewQuery
from newsread.tui.screens.reader.base import ReaderBase, ReturnPoint, articles_text


class StoryActions(ReaderBase):
    """Listing a story's reports in place of the list, and going back.

    A clustered list shows each story once with a `⧉ N` badge; `z` on such a
    row lists all N reports, newest first, and escape returns to the list
    with the cursor on the row it left.
    """

    def __init__(self, library: Library) -> None:
        """Create the screen's story part over `library`."""
        super().__init__(library)
        self._story_return: ReturnPoint | None = None

    def action_expand_story(self) -> None:
        """List every report of the story under the cursor."""
        if not self.config.reader.cluster:
            self.notify(
                "Stories are grouped when config.toml sets reader.cluster = true.", markup=False
            )
            return
        summary = self.article_list.current
        if summary is None or self.view_query.story_article:
            return
        with self.reporting_errors():
            reports = self.library.stored_story(summary.id)
            if len(reports) < 2:
                self.notify("No other source reports this story.", markup=False)
                return
            self._story_return = self.return_point(summary.id)
            self.show_list_only()
            self.view_query = ViewQuery(story_article=summary.id)
            self.article_list.focus()

    def action_leave_story(self) -> None:
        """Back from a story's reports to the list they were folded in."""
        back = self._story_return
        if back is None:
            # Nothing to leave: let escape reach the next binding.
            raise SkipAction()
        self._story_return = None
        self.go_back_to(back)

    def update_subtitle(self) -> None:
        """The counts, led by `story: N articles` while the list shows one story."""
        super().update_subtitle()
        if self.view_query.story_article:
            count = len(self.article_list.view)
            self.sub_title = f"story: {articles_text(count)} · {self.sub_title}"
