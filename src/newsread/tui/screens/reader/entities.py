"""Browsing by entity: the panel (`e`), a name's articles (`a`), following names (`w`),
related articles, and what a refresh brought about followed names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from textual import on, work
from textual.actions import SkipAction
from textual.worker import Worker, WorkerState

from newsread.errors import NewsreadError
from newsread.library import Library
from newsread.library.views import ViewQuery
from newsread.textsafe import one_line
from newsread.tui.entity_messages import ShowEntityArticles
from newsread.tui.screens.reader.base import ReaderBase, ReturnPoint, articles_text
from newsread.tui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from newsread.model import RelatedArticle
    from newsread.tui.widgets.entity_panel import EntityPanel

# The panel is imported when first shown, and its messages are handled by name
# (`on_entity_panel_…`), so that opening the reader does not load it.

PANEL_PREFERENCE: Final = "entity_panel"
"""The library preference remembering whether the entity panel was open."""
PANEL_OPEN: Final = "open"
PANEL_CLOSED: Final = "closed"


class EntityActions(ReaderBase):
    """The entity panel beside the article and everything reached from it.

    The panel lists the previewed article's names; moving in it highlights a
    name's mentions, enter jumps between them, `a` narrows the list to every
    article mentioning the name (escape goes back), and `w` follows it.
    """

    def __init__(self, library: Library) -> None:
        """Create the screen's entity part over `library`."""
        super().__init__(library)
        self._entity_return: ReturnPoint | None = None
        self._entity_name = ""
        self._watch_mark = 0
        """Ingest mark of the newest article already reported on (see `count_watched_since`)."""

    @property
    def entity_panel(self) -> EntityPanel:
        """The panel of the article's names."""
        from newsread.tui.widgets.entity_panel import EntityPanel

        return self.part("entities", EntityPanel)

    def restore_entity_panel(self) -> None:
        """Open the panel if it was open last time, and show followed names (on mount)."""
        with self.reporting_errors():
            self._watch_mark = self.library.newest_seq()
            self.article_view.set_watched(self.library.watched_keys())
            if self.library.preference(PANEL_PREFERENCE) == PANEL_OPEN:
                self._set_panel_open(True)

    # The panel.

    def action_toggle_entity_panel(self) -> None:
        """Show or hide the entity panel; showing it moves focus into it."""
        opening = not self.is_shown("entities")
        self._set_panel_open(opening)
        if opening:
            self.entity_panel.focus()
        with self.reporting_errors():
            self.library.set_preference(PANEL_PREFERENCE, PANEL_OPEN if opening else PANEL_CLOSED)

    def _set_panel_open(self, opening: bool) -> None:
        if not opening and self.is_shown("entities") and self.entity_panel.has_focus:
            self.article_view.focus()
        self.set_shown("entities", opening)
        self.set_class(opening, "-entity-panel")
        if opening:
            self._fill_panel()
        else:
            self.article_view.choose_entity("")

    def refill_entity_panel(self) -> None:
        """Show the shown article's names again (they were found after it was shown)."""
        self._fill_panel()

    def _fill_panel(self) -> None:
        if not self.is_shown("entities"):
            return
        panel = self.entity_panel
        article_id = self.article_view.shown_id
        with self.reporting_errors():
            entities = self.library.article_entities(article_id) if article_id else []
            panel.show_entities(article_id, entities, self.article_view.watched_keys)

    @on(ArticleView.Shown)
    def _article_shown(self, event: ArticleView.Shown) -> None:
        if self.is_shown("entities") and event.article_id != self.entity_panel.article_id:
            self._fill_panel()
        self._find_related(event.article_id)

    def on_entity_panel_highlighted(self, event: EntityPanel.Highlighted) -> None:
        """Lay the highlighted name's mentions over the article."""
        self.article_view.choose_entity(event.entity.key if event.entity else "")

    def on_entity_panel_mention_requested(self, event: EntityPanel.MentionRequested) -> None:
        """Jump to the next (or previous) mention of the name."""
        found = self.article_view.jump_to_mention(event.entity.key, event.step)
        if found is None:
            self.notify(
                f"{one_line(event.entity.name)} is named only in the index, not in the text.",
                markup=False,
            )

    # A name's articles.

    def on_entity_panel_articles_requested(self, event: EntityPanel.ArticlesRequested) -> None:
        """Narrow the list to the articles mentioning the name."""
        if self._is_name(event.entity.label):
            self.show_entity_articles(event.entity.key, event.entity.name)

    def _is_name(self, label: str) -> bool:
        """True for the labels the library indexes; otherwise say what can be chosen."""
        from newsread.entities.identity import NAME_LABELS

        if label in NAME_LABELS:
            return True
        self.notify(
            "Only names are indexed: choose a person, organisation, place, product or event.",
            markup=False,
        )
        return False

    @on(ShowEntityArticles)
    def _show_entity_articles(self, event: ShowEntityArticles) -> None:
        self.show_entity_articles(event.key, event.name)

    def show_entity_articles(self, key: str, name: str) -> None:
        """Narrow the list to every article mentioning entity `key`, newest first."""
        if self._entity_return is None:
            self._entity_return = self.return_point(self.article_list.current_id)
        self._entity_name = one_line(name) or key
        self.show_list_only()
        self.view_query = ViewQuery(
            filter=self.view_query.filter, entity_key=key, clustered=self.config.reader.cluster
        )
        self.article_list.focus()

    def action_leave_entity(self) -> None:
        """Back from a name's articles to the list (and the article) shown before."""
        back = self._entity_return
        if back is None:
            # Nothing to leave: let escape reach the next binding (leaving a source).
            raise SkipAction()
        self._entity_return = None
        self._entity_name = ""
        self.go_back_to(back)

    def update_subtitle(self) -> None:
        """The counts, led by `mentioning NAME` while the list shows a name's articles."""
        super().update_subtitle()
        if self.view_query.entity_key:
            self.sub_title = f"mentioning {self._entity_name} · {self.sub_title}"

    # Following names.

    def action_watch(self) -> None:
        """Follow or unfollow the name under the panel's highlight (opening the panel first)."""
        panel = self.entity_panel
        if panel.has_focus and panel.current is not None:
            if self._is_name(panel.current.label):
                self._toggle_watch(panel.current.key, panel.current.name)
            return
        if not self.is_shown("entities"):
            self._set_panel_open(True)
        panel.focus()
        self.notify("Choose a name in the panel, then press w to follow it.", markup=False)

    def on_entity_panel_watch_requested(self, event: EntityPanel.WatchRequested) -> None:
        """Follow the name, or stop following it."""
        if self._is_name(event.entity.label):
            self._toggle_watch(event.entity.key, event.entity.name)

    def _toggle_watch(self, key: str, name: str) -> None:
        shown = one_line(name) or key
        with self.reporting_errors():
            if key in self.library.watched_keys():
                self.library.unwatch(key)
                self.notify(f"No longer following {shown}", markup=False)
            else:
                self.library.watch(key)
                self.notify(f"Following {shown}", markup=False)
            watched = self.library.watched_keys()
            self.article_view.set_watched(watched)
            if self.is_shown("entities"):
                self.entity_panel.set_watched(watched)
            self.article_list.invalidate_rows()

    @on(Worker.StateChanged)
    def _report_watched_news(self, event: Worker.StateChanged) -> None:
        """After a refresh stored and tagged what it brought, tell what mentions followed names."""
        if event.worker.group != "refresh" or event.state is not WorkerState.SUCCESS:
            return
        with self.reporting_errors():
            count = self.library.count_watched_since(self._watch_mark)
            self._watch_mark = self.library.newest_seq()
            if count:
                self.notify(
                    f"{articles_text(count)} new that mention names you follow.",
                    title="Following",
                    markup=False,
                )
                self.article_list.invalidate_rows()

    # Related articles.

    @work(thread=True, exclusive=True, exit_on_error=False, group="related")
    def _find_related(self, article_id: str) -> None:
        """Runs in a thread: ranking shared names can take a moment on a large library."""
        try:
            related = self.library.related(article_id)
        except NewsreadError as error:
            self.app.call_from_thread(self._related_failed, error)
            return
        self.app.call_from_thread(self._show_related, article_id, related)

    def _show_related(self, article_id: str, related: list[RelatedArticle]) -> None:
        # The view drops a result for an article no longer on show.
        self.article_view.show_related(article_id, related)

    def _related_failed(self, error: NewsreadError) -> None:
        self.notify(one_line(str(error)), title=error.title, severity="error", markup=False)

    @on(ArticleView.RelatedChosen)
    def _related_chosen(self, event: ArticleView.RelatedChosen) -> None:
        """Move the list to the chosen article (to every article if it is not in this list)."""
        article_list = self.article_list
        position = article_list.position_of(event.article_id)
        every_article = ViewQuery(sort=self.view_query.sort, clustered=self.config.reader.cluster)
        if position is None and self.view_query != every_article:
            self._entity_return = None
            self.show_list_only()
            self.view_query = every_article
            position = article_list.position_of(event.article_id)
        if position is None:
            self.notify("That article is too far down the list to open from here.", markup=False)
            return
        article_list.cursor = position
        article_list.action_select()
