"""The watchlist: entities the user follows, by key.

A name is followed by its identity key (`name_key`: `Nvidia`, `NVIDIA` and
` nvidia ` are one), whether or not any article mentions it yet: a followed
name nothing mentions simply matches once articles do. So a config file's
`watch = ["Jensen Huang"]` works on an empty library, and following is
idempotent: following a followed name changes nothing.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from newsread.errors import LibraryError
from newsread.library.clock import utc_now
from newsread.textsafe import one_line

if TYPE_CHECKING:
    from newsread.model import EntityInfo

# Identity keys, the entity index and `EntityInfo` are imported by the functions that
# follow a name or list what is followed: the reader's first frame only reads keys.


def watch_key(text: str) -> str:
    """The key `text` is followed under; `LibraryError` when it holds no name at all."""
    from newsread.entities.identity import name_key

    key = name_key(one_line(text))
    if not key:
        raise LibraryError(f"cannot follow {text!r}: it names nothing")
    return key


def _info_or_unmentioned(conn: sqlite3.Connection, key: str, name: str) -> EntityInfo:
    from newsread.library.entity_queries import entity_info
    from newsread.model import EntityInfo

    known = entity_info(conn, key)
    if known is not None:
        return known
    return EntityInfo(key=key, name=name, label="", articles=0, mentions=0)


def watch(conn: sqlite3.Connection, text: str) -> EntityInfo:
    """Follow the entity `text` names (call inside a transaction); returns what is followed."""
    key = watch_key(text)
    info = _info_or_unmentioned(conn, key, one_line(text).strip())
    conn.execute(
        "INSERT INTO watchlist (key, name, added_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING",
        (key, info.name, utc_now()),
    )
    return info


def unwatch(conn: sqlite3.Connection, text: str) -> bool:
    """Stop following `text` (a name or key); True if it was followed."""
    cursor = conn.execute("DELETE FROM watchlist WHERE key = ?", (watch_key(text),))
    return cursor.rowcount > 0


def watched(conn: sqlite3.Connection) -> list[EntityInfo]:
    """Every followed entity, in the order they were followed, with current counts."""
    rows = conn.execute("SELECT key, name FROM watchlist ORDER BY added_at, key").fetchall()
    return [_info_or_unmentioned(conn, key, name) for key, name in rows]


def watched_keys(conn: sqlite3.Connection) -> frozenset[str]:
    """The keys of every followed entity."""
    return frozenset(str(key) for (key,) in conn.execute("SELECT key FROM watchlist"))


def newest_seq(conn: sqlite3.Connection) -> int:
    """The ingest sequence number of the newest article (0 for an empty library)."""
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0])


def count_watched_since(conn: sqlite3.Connection, seq: int) -> int:
    """How many articles stored after `seq` mention a followed entity (tagged ones only)."""
    row = conn.execute(
        "SELECT count(DISTINCT article_rowid) FROM entity_mentions "
        "WHERE key IN (SELECT key FROM watchlist) AND seq > ?",
        (seq,),
    ).fetchone()
    return int(row[0])
