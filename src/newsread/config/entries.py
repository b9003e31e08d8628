"""The entries of config.toml's lists and tables, loaded on first use.

`[keys]`, `[queries]`, `[[ignore]]` and `[sources."…"]` are empty in most
configurations, and a reader started with them empty never needs these
classes: they live apart from `config.model` so that starting up does not pay
for creating them. Import them from `newsread.config` (or `config.model`) as usual.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsread.config.model import IgnoreAction


@dataclass(frozen=True, slots=True)
class KeyRemap:
    """One `[keys]` entry: the keys that trigger an action, replacing its defaults."""

    action: str
    keys: tuple[str, ...]
    """Textual key names, e.g. ("B",) or ("ctrl+b", "f2")."""


@dataclass(frozen=True, slots=True)
class SavedQuery:
    """One `[queries]` entry, shown as a virtual source in the sidebar."""

    name: str
    query: str


@dataclass(frozen=True, slots=True)
class IgnoreRule:
    """One `[[ignore]]` rule: articles matching `query` are hidden or marked read at ingest."""

    query: str
    action: IgnoreAction = "hide"


@dataclass(frozen=True, slots=True)
class SourceSettings:
    """One `[sources."KEY"]` table; None means "use the global setting"."""

    key: str
    """The source's URL or path as it was added."""
    title: str | None = None
    refresh_interval_minutes: int | None = None
    max_items: int | None = None
    max_age_days: int | None = None
    tags: tuple[str, ...] = ()

    def matches(self, source_key: str) -> bool:
        """Whether this table is about the library source `source_key`.

        URLs must match as written; a path may be written with `~`, relative to the
        current directory or through a symlink, since the library stores resolved paths.
        """
        if self.key == source_key:
            return True
        if "://" in self.key:
            return False
        try:
            return Path(self.key).expanduser().resolve() == Path(source_key)
        except (OSError, RuntimeError):
            return False
