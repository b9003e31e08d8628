"""Every setting config.toml knows: name, rule, default and a one-line explanation.

The validator, the `config --init` template and the documentation table are all
built from these tables, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, get_args

from newsread.config.model import (
    BackendName,
    ColumnName,
    Config,
    EntitiesConfig,
    FilterName,
    GroupName,
    IgnoreAction,
    ReaderConfig,
    RefreshConfig,
    SortName,
)
from newsread.config.rules import Boolean, Choice, Integer, Rule, Text, TextList

MAX_COUNT: Final = 1_000_000_000
MAX_MINUTES: Final = 525_600
"""A year: longer intervals are surely a typo, and keep timers in range."""
MAX_DAYS: Final = 36_500
"""A century: keeps date arithmetic far from datetime's limits."""


@dataclass(frozen=True, slots=True)
class Setting:
    """One key with a fixed meaning inside its table."""

    name: str
    rule: Rule
    help: str


def _choice(literal: object) -> Choice:
    return Choice(tuple(str(option) for option in get_args(literal)))


def _columns() -> TextList:
    return TextList(tuple(str(option) for option in get_args(ColumnName)))


TOP_LEVEL: Final = (
    Setting("theme", Text(), "a Textual theme, e.g. nord, gruvbox, textual-light"),
    Setting("watch", TextList(), 'entity names to follow, e.g. ["Nvidia", "Jensen Huang"]'),
)
READER: Final = (
    Setting("default_filter", _choice(FilterName), "articles listed at start"),
    Setting("sort", _choice(SortName), "order of the article list"),
    Setting("group", _choice(GroupName), "group the article list by source or by tag"),
    Setting("sidebar_width", Integer(20, 120), "width of the article list, in columns"),
    Setting("columns", _columns(), "extra columns in the article list, in this order"),
    Setting("mark_read_on_open", Boolean(), "opening an article marks it read"),
    Setting("cluster", Boolean(), "group stories about the same event from different sources"),
)
REFRESH: Final = (
    Setting("interval_minutes", Integer(0, MAX_MINUTES), "refresh every N minutes; 0 = never"),
    Setting("on_start", Boolean(), "refresh all sources when newsread starts"),
    Setting(
        "max_items",
        Integer(0, MAX_COUNT),
        "articles kept per source; 0 = keep all (bookmarks are never pruned)",
    ),
    Setting("max_age_days", Integer(0, MAX_DAYS), "drop articles older than N days; 0 = never"),
)
ENTITIES: Final = (
    Setting("backend", _choice(BackendName), "entity tagger: builtin, or spacy if installed"),
    Setting("spacy_model", Text(), "spaCy model used when backend = spacy"),
)
SOURCE: Final = (
    Setting("title", Text(), "name shown in the sidebar instead of the feed's own"),
    Setting(
        "refresh_interval_minutes",
        Integer(0, MAX_MINUTES),
        "overrides refresh.interval_minutes; 0 = never",
    ),
    Setting("max_items", Integer(0, MAX_COUNT), "overrides refresh.max_items"),
    Setting("max_age_days", Integer(0, MAX_DAYS), "overrides refresh.max_age_days"),
    Setting("tags", TextList(), "tags for group = tag and tag:NAME queries"),
)
IGNORE: Final = (
    Setting("query", Text(), "articles matching this query (required)"),
    Setting("action", _choice(IgnoreAction), "what happens to them"),
)

SECTIONS: Final[dict[str, tuple[Setting, ...]]] = {
    "reader": READER,
    "refresh": REFRESH,
    "entities": ENTITIES,
}
"""The tables whose keys are fixed, each mapped onto one dataclass of `Config`."""

SECTION_DEFAULTS: Final[dict[str, ReaderConfig | RefreshConfig | EntitiesConfig]] = {
    "reader": ReaderConfig(),
    "refresh": RefreshConfig(),
    "entities": EntitiesConfig(),
}

FREE_TABLES: Final = ("keys", "queries", "ignore", "sources")
"""The tables whose keys the user chooses (actions, query names, rules, source keys)."""

TOP_LEVEL_NAMES: Final = (
    *(setting.name for setting in TOP_LEVEL),
    *SECTIONS,
    *FREE_TABLES,
)

DEFAULTS: Final = Config()
