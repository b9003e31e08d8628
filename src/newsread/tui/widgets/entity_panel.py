"""The entity panel: the open article's names, grouped by kind, most mentioned first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Final

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsread.model import ENTITY_LABELS, ArticleEntity
from newsread.render import label_name
from newsread.textsafe import one_line
from newsread.tui.actions import ENTITY_PANEL_ACTIONS

WATCHED_MARK: Final = "★"
"""Shown before a followed name."""

_ACTIONS: Final = {
    "entity_down": "cursor_down",
    "entity_up": "cursor_up",
}
"""Panel actions that are the option list's own under another name."""


def panel_component_class(label: str) -> str:
    """The component class colouring the heading of `label`'s group (`entity-panel--person`)."""
    return f"entity-panel--{label.lower()}"


def group_heading(label: str) -> str:
    """`People`, `Organisations`: a group's heading."""
    return label_name(label, 2).capitalize()


def grouped_entities(entities: Sequence[ArticleEntity]) -> list[tuple[str, list[ArticleEntity]]]:
    """`entities` by label in `ENTITY_LABELS` order, each group most mentioned first."""
    groups: dict[str, list[ArticleEntity]] = {}
    for entity in entities:
        groups.setdefault(entity.label, []).append(entity)
    order = [label for label in ENTITY_LABELS if label in groups]
    order += sorted(label for label in groups if label not in ENTITY_LABELS)
    return [
        (
            label,
            sorted(groups[label], key=lambda entity: (-entity.mentions, entity.name.casefold())),
        )
        for label in order
    ]


def entity_line(
    entity: ArticleEntity, watched: bool, width: int, mark: Style, count: Style
) -> Text:
    """`★ Jensen Huang ····· 7`: the mark, the name (plain text) and the count right-aligned."""
    number = str(entity.mentions)
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    line.append(f"{WATCHED_MARK} " if watched else "  ", mark)
    name = Text(one_line(entity.name), no_wrap=True, overflow="ellipsis", end="")
    room = max(1, width - 2 - cell_len(number) - 1)
    name.truncate(room, overflow="ellipsis")
    line.append_text(name)
    line.append(" " * max(1, width - 2 - name.cell_len - cell_len(number)))
    line.append(number, count)
    return line


class EntityPanel(OptionList):
    """The names an article mentions, under a heading per kind, each with its mention count.

    Moving the highlight (while focused) posts `Highlighted`; enter and
    shift+enter post `MentionRequested`, `a` posts `ArticlesRequested` and `w`
    posts `WatchRequested`. Names are article text: they are added as plain
    strings with explicit styles, never as markup.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        spec.binding(action=_ACTIONS.get(spec.id)) for spec in ENTITY_PANEL_ACTIONS
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | j, down / k, up | Move to the next / previous name. |
    | enter, ] | Jump to the name's next mention in the article. |
    | shift+enter, [ | Jump to its previous mention. |
    | a | List every article mentioning the name. |
    | w | Follow or unfollow the name. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(panel_component_class(label) for label in ENTITY_LABELS),
        "entity-panel--count",
        "entity-panel--watched",
    }
    """
    | Class | Description |
    | :- | :- |
    | `entity-panel--person` … | The heading of each kind's group, in the kind's colour. |
    | `entity-panel--count` | The mention counts. |
    | `entity-panel--watched` | The star before a followed name. |
    """

    class Highlighted(Message):
        """The user moved to another name in the panel."""

        def __init__(self, entity: ArticleEntity | None) -> None:
            super().__init__()
            self.entity = entity

    class MentionRequested(Message):
        """Jump to the next (`step` 1) or previous (`step` -1) mention of a name."""

        def __init__(self, entity: ArticleEntity, step: int) -> None:
            super().__init__()
            self.entity = entity
            self.step = step

    class ArticlesRequested(Message):
        """List every article mentioning a name."""

        def __init__(self, entity: ArticleEntity) -> None:
            super().__init__()
            self.entity = entity

    class WatchRequested(Message):
        """Follow the name, or stop following it."""

        def __init__(self, entity: ArticleEntity) -> None:
            super().__init__()
            self.entity = entity

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        """Create an empty panel."""
        super().__init__(id=id, classes=classes)
        self._entities: list[ArticleEntity] = []
        self._rows: list[ArticleEntity | None] = []
        """The entity of each option (None for a heading), by option index."""
        self._watched: frozenset[str] = frozenset()
        self.article_id: str | None = None
        """The article whose names are listed."""
        self.border_title = "Names"

    @property
    def entities(self) -> tuple[ArticleEntity, ...]:
        """The names listed, in list order."""
        return tuple(entity for entity in self._rows if entity is not None)

    @property
    def current(self) -> ArticleEntity | None:
        """The highlighted name."""
        index = self.highlighted
        return self._rows[index] if index is not None and index < len(self._rows) else None

    def show_entities(
        self,
        article_id: str | None,
        entities: Sequence[ArticleEntity],
        watched: frozenset[str],
    ) -> None:
        """List `entities` of `article_id`, the highlight on the first (or the same) name."""
        keep = self.current.key if self.current and article_id == self.article_id else None
        self.article_id = article_id
        self._entities = list(entities)
        self._watched = watched
        self._fill(keep)

    def set_watched(self, watched: frozenset[str]) -> None:
        """Mark the names with these keys as followed."""
        if watched != self._watched:
            self._watched = watched
            self._fill(self.current.key if self.current else None)

    def _fill(self, keep_key: str | None) -> None:
        width = max(self.scrollable_content_region.width - 2, 16)
        mark = self.get_component_rich_style("entity-panel--watched", partial=True)
        count = self.get_component_rich_style("entity-panel--count", partial=True)
        options: list[Option | None] = []
        rows: list[ArticleEntity | None] = []
        for number, (label, members) in enumerate(grouped_entities(self._entities)):
            if number:
                options.append(None)
            heading = self.get_component_rich_style(panel_component_class(label), partial=True)
            options.append(Option(Text(group_heading(label), style=heading), disabled=True))
            rows.append(None)
            for entity in members:
                line = entity_line(entity, entity.key in self._watched, width, mark, count)
                options.append(Option(line))
                rows.append(entity)
        if not rows:
            options.append(Option(Text("No names found in this article."), disabled=True))
            rows.append(None)
        self._rows = rows
        self.set_options(options)
        keys = [entity.key if entity else None for entity in rows]
        if keep_key is not None and keep_key in keys:
            self.highlighted = keys.index(keep_key)
        else:
            self.action_first()

    def on_resize(self) -> None:
        """Lay the counts out again for the new width."""
        if self._entities:
            self._fill(self.current.key if self.current else None)

    def on_focus(self) -> None:
        """Tell the reader which name is chosen now that the user is in the panel."""
        self.post_message(self.Highlighted(self.current))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Announce the newly highlighted name, while the user moves in the panel."""
        event.stop()
        if self.has_focus:
            self.post_message(self.Highlighted(self.current))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click (or select) jumps to the name's next mention."""
        event.stop()
        self.action_next_mention()

    def action_next_mention(self) -> None:
        """Jump to the highlighted name's next mention."""
        entity = self.current
        if entity is not None:
            self.post_message(self.MentionRequested(entity, 1))

    def action_previous_mention(self) -> None:
        """Jump to the highlighted name's previous mention."""
        entity = self.current
        if entity is not None:
            self.post_message(self.MentionRequested(entity, -1))

    def action_entity_articles(self) -> None:
        """Ask for every article mentioning the highlighted name."""
        entity = self.current
        if entity is not None:
            self.post_message(self.ArticlesRequested(entity))

    def action_toggle_watch(self) -> None:
        """Ask to follow or unfollow the highlighted name."""
        entity = self.current
        if entity is not None:
            self.post_message(self.WatchRequested(entity))
