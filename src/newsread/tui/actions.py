"""One definition per action: keys, bindings, the help screen and the command palette.

Every key the reader answers to is described exactly once here. The reader
screen and the article list build their `BINDINGS` from these specs, the help
screen lists them by group, and the command palette offers the screen actions.
Each binding carries the spec's `id`, so a keymap can remap it by name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from textual.binding import Binding, BindingType

_KEY_SYMBOLS: Final[dict[str, str]] = {
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "home": "Home",
    "end": "End",
    "enter": "enter",
    "escape": "esc",
    "shift+enter": "⇧enter",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
}


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """A user action: what it is called, which keys run it and how it is shown."""

    id: str
    """Stable name: the binding ID (for keymaps) and the `action_*` method it runs."""
    keys: str
    """Textual key names, comma separated (`"j,down"`)."""
    description: str
    """What the action does, as shown in the help screen and the command palette."""
    group: str
    """Heading the help screen lists the action under."""
    footer_label: str = ""
    """A one-word label for the footer; empty keeps the action out of the footer."""

    @property
    def show_in_footer(self) -> bool:
        """Whether the footer shows this action."""
        return bool(self.footer_label)

    @property
    def key_list(self) -> tuple[str, ...]:
        """The individual keys bound to this action."""
        return tuple(key.strip() for key in self.keys.split(","))

    @property
    def key_display(self) -> str:
        """The keys as a person reads them: `j / ↓`; a run of digits as `1…5`."""
        keys = self.key_list
        if len(keys) > 2 and all(key.isdigit() and len(key) == 1 for key in keys):
            return f"{keys[0]}…{keys[-1]}"
        return " / ".join(_KEY_SYMBOLS.get(key, key) for key in keys)

    def binding(self, action: str | None = None) -> Binding:
        """A Textual binding for this spec, running `action` (default: the spec's `id`)."""
        return Binding(
            self.keys,
            action or self.id,
            self.footer_label or self.description,
            show=self.show_in_footer,
            tooltip=self.description,
            id=self.id,
        )


OPEN = ActionSpec("open", "enter", "Open the article (marks it read)", "Read", "Open")

LIST_ACTIONS: Final[tuple[ActionSpec, ...]] = (
    ActionSpec("cursor_down", "j,down", "Move down the list", "Move"),
    ActionSpec("cursor_up", "k,up", "Move up the list", "Move"),
    ActionSpec("page_down", "pagedown", "Move down a page of the list", "Move"),
    ActionSpec("page_up", "pageup", "Move up a page of the list", "Move"),
    ActionSpec("first", "home,g", "Go to the first article", "Move"),
    ActionSpec("last", "end,G", "Go to the last article", "Move"),
)
"""Keys the article list answers to while it has focus."""

SCREEN_ACTIONS: Final[tuple[ActionSpec, ...]] = (
    OPEN,
    ActionSpec("switch_pane", "tab", "Switch between the list and the article", "Move"),
    ActionSpec("page_article", "space", "Page down in the article", "Read"),
    ActionSpec("next_unread", "n", "Open the next unread article", "Read"),
    ActionSpec("previous_unread", "p", "Open the previous unread article", "Read"),
    ActionSpec("open_link", "o", "Open the article's link in the browser", "Read"),
    ActionSpec("copy_link", "y", "Copy the article's link", "Read"),
    ActionSpec("show_links", "L", "List the links in the article", "Read"),
    ActionSpec("bookmark", "b", "Bookmark on/off", "Mark", "Bookmark"),
    ActionSpec("toggle_read", "m", "Mark read/unread", "Mark", "Read"),
    ActionSpec("mark_all_read", "A", "Mark all articles in the list read", "Mark"),
    ActionSpec("undo", "u", "Undo the last read or bookmark change", "Mark", "Undo"),
    ActionSpec("search", "/", "Search titles and text", "Find", "Search"),
    ActionSpec("cycle_filter", "f", "Filter: all → unread → bookmarked", "Find", "Filter"),
    ActionSpec("cycle_sort", "S", "Sort: date → unread → source → title", "Find"),
    ActionSpec("refresh", "r", "Refresh all sources", "Sources", "Refresh"),
    ActionSpec("toggle_sources", "s", "Group by source: all ↔ per source", "Sources"),
    ActionSpec("remove_source", "d,delete", "Remove a source (asks first)", "Sources"),
    ActionSpec("toggle_entity_panel", "e", "Entity panel: show/hide names", "Entities"),
    ActionSpec("watch", "w", "Follow / unfollow a name", "Entities"),
    ActionSpec("expand_story", "z", "List the story's reports (clustered)", "Find"),
    ActionSpec("leave_story", "escape", "Back from a story's reports", "Find"),
    ActionSpec("leave_entity", "escape", "Back from a name's articles", "Entities"),
    ActionSpec("leave_source", "escape", "From one source back to the sources", "Sources"),
    ActionSpec("help", "?", "Show the keys", "App", "Help"),
    ActionSpec("quit", "q", "Quit newsread", "App", "Quit"),
)
"""Keys the reader screen answers to, whichever pane has focus.

`leave_story` comes before `leave_entity`, which comes before `leave_source`:
escape first leaves a story's reports, then a name's articles, and only then
a source (each skips itself when it has nothing to leave).
"""

ENTITY_PANEL_ACTIONS: Final[tuple[ActionSpec, ...]] = (
    ActionSpec("entity_down", "j,down", "Next name (entity panel)", "Entities"),
    ActionSpec("entity_up", "k,up", "Previous name (entity panel)", "Entities"),
    ActionSpec(
        "next_mention", "enter,right_square_bracket", "Jump to the name's next mention", "Entities"
    ),
    ActionSpec(
        "previous_mention",
        "shift+enter,left_square_bracket",
        "Jump to its previous mention",
        "Entities",
    ),
    ActionSpec("entity_articles", "a", "List the articles mentioning it", "Entities"),
    ActionSpec("toggle_watch", "w", "Follow / unfollow the name", "Entities"),
)
"""Keys the entity panel answers to while it has focus."""

ARTICLE_ACTIONS: Final[tuple[ActionSpec, ...]] = (
    ActionSpec("scroll_down", "j,down", "Scroll the article down (article focused)", "Read"),
    ActionSpec("scroll_up", "k,up", "Scroll the article up (article focused)", "Read"),
    ActionSpec("scroll_home", "home,g", "Go to the article's top (article focused)", "Read"),
    ActionSpec("scroll_end", "end,G", "Go to the article's end (article focused)", "Read"),
)
"""Keys the article view answers to while it has focus: the list's moves, reading as `less` does."""

OPEN_RELATED = ActionSpec(
    "open_related", "1,2,3,4,5", "Open a related article (in the article)", "Entities"
)
"""Digits in the article view open the articles its "Related" section lists."""

ALL_ACTIONS: Final[tuple[ActionSpec, ...]] = (
    LIST_ACTIONS + SCREEN_ACTIONS + ARTICLE_ACTIONS + ENTITY_PANEL_ACTIONS + (OPEN_RELATED,)
)
"""Everything the help screen lists."""

GROUP_ORDER: Final[tuple[str, ...]] = (
    "Move",
    "Read",
    "Mark",
    "Find",
    "Sources",
    "App",
    "Entities",
)
"""The order of groups in the help screen."""


def bindings_for(specs: Iterable[ActionSpec]) -> list[BindingType]:
    """Bindings for `specs`, each running the action named by its spec's `id`."""
    return [spec.binding() for spec in specs]


def grouped(specs: Iterable[ActionSpec]) -> list[tuple[str, list[ActionSpec]]]:
    """`specs` sorted into their groups, in `GROUP_ORDER` then first-seen order."""
    groups: dict[str, list[ActionSpec]] = {name: [] for name in GROUP_ORDER}
    for spec in specs:
        groups.setdefault(spec.group, []).append(spec)
    return [(name, members) for name, members in groups.items() if members]
