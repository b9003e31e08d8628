"""The typed configuration: frozen values, every setting with its default.

The entries of config.toml's lists and tables (`KeyRemap`, `SavedQuery`,
`IgnoreRule`, `SourceSettings`) live in `config.entries`, loaded when first
asked for; importing them from here works all the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Literal

from newsread.lazy_names import load_on_first_use

if TYPE_CHECKING:
    from newsread.config.entries import IgnoreRule as IgnoreRule
    from newsread.config.entries import KeyRemap as KeyRemap
    from newsread.config.entries import SavedQuery as SavedQuery
    from newsread.config.entries import SourceSettings as SourceSettings

FilterName = Literal["all", "unread", "bookmarked"]
SortName = Literal["date", "source", "title", "unread-first"]
GroupName = Literal["none", "source", "tag"]
ColumnName = Literal["date", "source", "reading-time", "entities"]
BackendName = Literal["builtin", "spacy"]
IgnoreAction = Literal["hide", "mark-read"]

_ON_FIRST_USE: Final = {
    "IgnoreRule": "newsread.config.entries",
    "KeyRemap": "newsread.config.entries",
    "SavedQuery": "newsread.config.entries",
    "SourceSettings": "newsread.config.entries",
}
"""The names `config.entries` defines, handed over when first asked for."""


def __getattr__(name: str) -> Any:
    """Import the module defining `name` on first use (see `_ON_FIRST_USE`)."""
    return load_on_first_use(globals(), _ON_FIRST_USE, name)


@dataclass(frozen=True, slots=True)
class ReaderConfig:
    """`[reader]`: how the sidebar lists articles and what opening one does."""

    default_filter: FilterName = "all"
    sort: SortName = "date"
    group: GroupName = "none"
    sidebar_width: int = 42
    """Columns; 20 to 120."""
    columns: tuple[ColumnName, ...] = ("source",)
    """Extra sidebar columns beside the title, in this order."""
    mark_read_on_open: bool = True
    cluster: bool = False
    """Group stories about the same event from different sources."""


@dataclass(frozen=True, slots=True)
class RefreshConfig:
    """`[refresh]`: when sources are re-read and how much of each is kept."""

    interval_minutes: int = 0
    """0: never refresh automatically."""
    on_start: bool = False
    max_items: int = 0
    """Articles kept per source; 0 keeps all. Bookmarks are never pruned."""
    max_age_days: int = 0
    """0 keeps articles forever."""


@dataclass(frozen=True, slots=True)
class EntitiesConfig:
    """`[entities]`: which tagger finds people, companies and places."""

    backend: BackendName = "builtin"
    spacy_model: str = "en_core_web_sm"


@dataclass(frozen=True, slots=True)
class Config:
    """Everything `config.toml` can set; `Config()` is the configuration with no file."""

    theme: str = "tokyo-night"
    """A Textual theme name; the TUI checks that it exists."""
    watch: tuple[str, ...] = ()
    """Entity names to follow."""
    reader: ReaderConfig = field(default_factory=ReaderConfig)
    refresh: RefreshConfig = field(default_factory=RefreshConfig)
    entities: EntitiesConfig = field(default_factory=EntitiesConfig)
    keys: tuple[KeyRemap, ...] = ()
    queries: tuple[SavedQuery, ...] = ()
    ignore: tuple[IgnoreRule, ...] = ()
    sources: tuple[SourceSettings, ...] = ()

    def keymap(self) -> dict[str, str]:
        """`[keys]` as a Textual keymap: binding id → comma-separated keys."""
        return {remap.action: ",".join(remap.keys) for remap in self.keys}

    def source_settings(self, source_key: str) -> SourceSettings | None:
        """The `[sources."…"]` table for the library source `source_key`, if there is one."""
        return next((entry for entry in self.sources if entry.matches(source_key)), None)

    def refresh_interval_for(self, source_key: str) -> int:
        """Minutes between automatic refreshes of this source (0: never)."""
        own = self.source_settings(source_key)
        if own is not None and own.refresh_interval_minutes is not None:
            return own.refresh_interval_minutes
        return self.refresh.interval_minutes

    def max_items_for(self, source_key: str) -> int:
        """Articles kept for this source (0: all)."""
        own = self.source_settings(source_key)
        if own is not None and own.max_items is not None:
            return own.max_items
        return self.refresh.max_items

    def max_age_days_for(self, source_key: str) -> int:
        """Days an article of this source is kept (0: forever)."""
        own = self.source_settings(source_key)
        if own is not None and own.max_age_days is not None:
            return own.max_age_days
        return self.refresh.max_age_days
