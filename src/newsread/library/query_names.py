"""What the names in a query mean: which sources `source:` and `tag:` pick, which entity `entity:`.

Used both by views (in SQL) and by ignore rules (on an article being stored),
so a rule and the view that shows what it would catch agree.

A source matches `source:NAME` when its key, its own title or the title the
config gives it is NAME (ignoring case), or when the title it is shown under
starts with NAME: `source:harbour` finds "Harbour News". A tag matches
exactly, ignoring case. An entity is its identity key (`Nvidia` → `nvidia`),
or, when no article mentions that key, the closest name that starts the
same way (`entity:musk` → Elon Musk).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from newsread.entities.identity import name_key
from newsread.library.entity_queries import close_matches


@dataclass(frozen=True, slots=True)
class SourceNames:
    """The names a source answers to in `source:` terms."""

    key: str
    title: str
    """The source's own title."""
    config_title: str | None = None
    """The title config.toml gives it, if any (shown instead of its own)."""

    def matches(self, name: str) -> bool:
        """True when `source:name` picks this source."""
        wanted = name.strip().casefold()
        if not wanted:
            return False
        exact = {self.key.casefold(), self.title.casefold()}
        if self.config_title is not None:
            exact.add(self.config_title.casefold())
        shown = self.config_title if self.config_title is not None else self.title
        return wanted in exact or shown.casefold().startswith(wanted)


def source_ids_named(conn: sqlite3.Connection, name: str) -> list[int]:
    """The ids of every source (subscribed or kept for its bookmarks) `source:name` picks."""
    rows = conn.execute("SELECT id, key, title, config_title FROM sources ORDER BY id")
    return [
        int(source_id)
        for source_id, key, title, config_title in rows
        if SourceNames(str(key), str(title), config_title).matches(name)
    ]


def source_ids_tagged(conn: sqlite3.Connection, tag: str) -> list[int]:
    """The ids of the sources tagged `tag` (ignoring case)."""
    rows = conn.execute(
        "SELECT source_id FROM source_tags WHERE tag = ? ORDER BY source_id", (tag.strip(),)
    )
    return [int(source_id) for (source_id,) in rows]


def entity_key_named(conn: sqlite3.Connection, name: str) -> str:
    """The index key `entity:name` means (see the module docstring)."""
    key = name_key(name)
    if not key:
        return ""
    if conn.execute("SELECT 1 FROM entity_keys WHERE key = ?", (key,)).fetchone() is not None:
        return key
    close = close_matches(conn, name, limit=1)
    return close[0].key if close else key
