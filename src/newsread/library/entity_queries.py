"""Questions about the library's entities: look one up, complete a name, the most mentioned.

Everything reads `entity_keys` (one row per key with its article count,
total mentions and most common form) or one article's rows of the index.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from typing import Final

from newsread.entities.identity import NAME_LABELS, name_key
from newsread.model import ENTITY_LABELS, ArticleEntity, EntityInfo

_INFO_COLUMNS: Final = "key, name, label, articles, mentions"
_LAST_CHARACTER: Final = "\U0010ffff"
"""Sorts after any character a key can hold: `prefix + this` bounds a prefix range."""


def _info(row: tuple[str, str, str, int, int]) -> EntityInfo:
    key, name, label, articles, mentions = row
    return EntityInfo(
        key=key, name=name, label=label, articles=int(articles), mentions=int(mentions)
    )


def entity_info(conn: sqlite3.Connection, key: str) -> EntityInfo | None:
    """The indexed entity with exactly this key, or None when no article mentions it."""
    row = conn.execute(f"SELECT {_INFO_COLUMNS} FROM entity_keys WHERE key = ?", (key,)).fetchone()
    return None if row is None else _info(row)


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _matching(
    conn: sqlite3.Connection, pattern: str, exclude: set[str], limit: int
) -> list[EntityInfo]:
    """Keys matching a LIKE `pattern`, most articles first, leaving out `exclude`."""
    # Walks the (articles DESC) index and stops at `limit`, so common matches come fast.
    rows = conn.execute(
        f"SELECT {_INFO_COLUMNS} FROM entity_keys INDEXED BY entity_keys_by_articles "
        "WHERE key LIKE ? ESCAPE '\\' ORDER BY articles DESC, mentions DESC LIMIT ?",
        (pattern, limit + len(exclude)),
    )
    return [_info(row) for row in rows if row[0] not in exclude][:limit]


def _starting_with(
    conn: sqlite3.Connection, prefix: str, exclude: set[str], limit: int
) -> list[EntityInfo]:
    """Keys starting with `prefix`, most articles first: a range of the key index."""
    rows = conn.execute(
        f"SELECT {_INFO_COLUMNS} FROM entity_keys WHERE key >= ? AND key < ? "
        "ORDER BY articles DESC, mentions DESC LIMIT ?",
        (prefix, prefix + _LAST_CHARACTER, limit + len(exclude)),
    )
    return [_info(row) for row in rows if row[0] not in exclude][:limit]


def find_entities(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[EntityInfo]:
    """Entities whose key completes `text`: the exact key, then keys starting with it, then
    keys with a word starting with it, then keys containing its letters in order.

    Within each kind the entities mentioned by most articles come first; a
    kind is only searched while fewer than `limit` were found.
    """
    wanted = name_key(text)
    if not wanted or limit <= 0:
        return []
    found: list[EntityInfo] = []
    exact = entity_info(conn, wanted)
    if exact is not None:
        found.append(exact)
    if len(found) < limit:
        found += _starting_with(conn, wanted, {info.key for info in found}, limit - len(found))
    escaped = _like_escaped(wanted)
    letters = (_like_escaped(character) for character in wanted if character != " ")
    for pattern in (f"% {escaped}%", "%" + "%".join(letters) + "%"):
        if len(found) >= limit:
            break
        found += _matching(conn, pattern, {info.key for info in found}, limit - len(found))
    return found[:limit]


def close_matches(conn: sqlite3.Connection, text: str, limit: int = 5) -> list[EntityInfo]:
    """Entities `text` could well mean: the exact key, or keys starting (or a word starting)
    with it; the loosest kind of completion (letters in order) is left out."""
    wanted = name_key(text)
    if not wanted:
        return []
    found = [info for info in [entity_info(conn, wanted)] if info is not None]
    if len(found) < limit:
        found += _starting_with(conn, wanted, {info.key for info in found}, limit - len(found))
    if len(found) < limit:
        pattern = f"% {_like_escaped(wanted)}%"
        found += _matching(conn, pattern, {info.key for info in found}, limit - len(found))
    return found


def top_entities(
    conn: sqlite3.Connection, label: str | None = None, limit: int = 50
) -> list[EntityInfo]:
    """The entities mentioned by most articles (then most often), optionally of one label."""
    if label is None:
        rows = conn.execute(
            f"SELECT {_INFO_COLUMNS} FROM entity_keys "
            "ORDER BY articles DESC, mentions DESC LIMIT ?",
            (limit,),
        )
    else:
        rows = conn.execute(
            f"SELECT {_INFO_COLUMNS} FROM entity_keys WHERE label = ? "
            "ORDER BY articles DESC, mentions DESC LIMIT ?",
            (label, limit),
        )
    return [_info(row) for row in rows]


def article_entities(conn: sqlite3.Connection, rowid: int) -> list[ArticleEntity]:
    """One article's entities, each once with its mention count, most mentioned first.

    Names come from the index (title and body); sums, dates and numbers from
    the body's stored mentions.
    """
    found = [
        ArticleEntity(key=key, name=name, label=label, mentions=int(mentions))
        for key, name, label, mentions in conn.execute(
            "SELECT key, name, label, mentions FROM entity_mentions WHERE article_rowid = ?",
            (rowid,),
        )
    ]
    names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for label, text, key in conn.execute(
        "SELECT label, text, key FROM entities WHERE article_rowid = ? ORDER BY start",
        (rowid,),
    ):
        if label not in NAME_LABELS:
            names[(label, key or name_key(text))][text] += 1
    found += [
        ArticleEntity(key=key, name=forms.most_common(1)[0][0], label=label, mentions=forms.total())
        for (label, key), forms in names.items()
    ]
    order = {label: position for position, label in enumerate(ENTITY_LABELS)}
    found.sort(key=lambda entity: (-entity.mentions, order.get(entity.label, 99), entity.key))
    return found
