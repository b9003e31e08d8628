"""The user's marks on articles: read and bookmarked, undoable, counted; the next unread."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Final

from newsread.errors import ArticleNotFound
from newsread.library import ids
from newsread.library.clock import utc_now
from newsread.library.connection import CHUNK_SIZE, chunked, placeholders
from newsread.model import LibraryCounts

FIRST_SCAN_CHUNK: Final = 64
"""`next_unread` checks this many rows with one query first: the next unread is usually close."""


class Flag(Enum):
    """A mark the user sets on articles, named by its column and its timestamp column."""

    READ = ("read", "read_at")
    BOOKMARKED = ("bookmarked", "bookmarked_at")

    @property
    def column(self) -> str:
        """The 0/1 column holding the mark."""
        return self.value[0]

    @property
    def stamp_column(self) -> str:
        """The column recording when the mark was set (NULL once cleared)."""
        return self.value[1]


def rowids_for_ids(conn: sqlite3.Connection, article_ids: Iterable[str]) -> list[int]:
    """The rowids of exactly these IDs; `ArticleNotFound` for the first unknown one."""
    wanted = list(dict.fromkeys(ids.normalize_id(article_id) for article_id in article_ids))
    found: dict[str, int] = {}
    for chunk in chunked(wanted):
        rows = conn.execute(
            f"SELECT id, rowid FROM articles WHERE id IN ({placeholders(len(chunk))})", chunk
        )
        found.update((str(article_id), int(rowid)) for article_id, rowid in rows)
    for article_id in wanted:
        if article_id not in found:
            raise ArticleNotFound(f"no article with ID {article_id!r}")
    return [found[article_id] for article_id in wanted]


def set_flag(conn: sqlite3.Connection, rowids: Sequence[int], flag: Flag, on: bool) -> int:
    """Set or clear `flag` on `rowids` (call inside a transaction); return how many changed."""
    value = int(on)
    stamp = utc_now() if on else None
    changed = 0
    # Ascending rowids touch each table page once, in order, instead of at random.
    for chunk in chunked(sorted(rowids)):
        cursor = conn.execute(
            f"UPDATE articles SET {flag.column} = ?, {flag.stamp_column} = ? "
            f"WHERE {flag.column} != ? AND rowid IN ({placeholders(len(chunk))})",
            (value, stamp, value, *chunk),
        )
        changed += cursor.rowcount
    return changed


@dataclass(frozen=True, slots=True)
class StateChange:
    """One change of a mark on some articles, with what they had before: enough to undo it.

    Only the articles whose mark really changed are listed, by their stable
    IDs, so undoing a mark-all restores exactly those, even after a refresh
    added, updated or removed other articles.
    """

    flag: Flag
    """Which mark changed."""
    on: bool
    """The value the change set: True for marked read (or bookmarked)."""
    article_ids: tuple[str, ...] = ()
    """The articles whose mark changed."""
    previous_stamps: tuple[str | None, ...] = ()
    """For each of them, when it had been marked before (None: it was not marked)."""

    @property
    def count(self) -> int:
        """How many articles changed."""
        return len(self.article_ids)


def change_flag(
    conn: sqlite3.Connection, rowids: Sequence[int], flag: Flag, on: bool
) -> StateChange:
    """Like `set_flag`, but return exactly which articles changed and what they had before."""
    value = int(on)
    stamp = utc_now() if on else None
    changed_ids: list[str] = []
    previous: list[str | None] = []
    for chunk in chunked(sorted(rowids)):
        rows = conn.execute(
            f"SELECT rowid, id, {flag.stamp_column} FROM articles "
            f"WHERE {flag.column} != ? AND rowid IN ({placeholders(len(chunk))})",
            (value, *chunk),
        ).fetchall()
        if not rows:
            continue
        conn.execute(
            f"UPDATE articles SET {flag.column} = ?, {flag.stamp_column} = ? "
            f"WHERE rowid IN ({placeholders(len(rows))})",
            (value, stamp, *(rowid for rowid, _id, _stamp in rows)),
        )
        changed_ids.extend(str(article_id) for _rowid, article_id, _stamp in rows)
        previous.extend(None if old is None else str(old) for _rowid, _id, old in rows)
    return StateChange(flag, on, tuple(changed_ids), tuple(previous))


def restore(conn: sqlite3.Connection, change: StateChange) -> int:
    """Undo `change` (inside a transaction) on its articles that still carry the value it set.

    Each article gets back its old mark and timestamp; articles deleted since
    are skipped, and so are those whose mark was changed again since. Returns
    how many articles were restored.
    """
    flag = change.flag
    by_stamp: dict[str | None, list[str]] = {}
    for article_id, stamp in zip(change.article_ids, change.previous_stamps, strict=True):
        by_stamp.setdefault(stamp, []).append(article_id)
    restored = 0
    for stamp, article_ids in by_stamp.items():
        for chunk in chunked(article_ids):
            cursor = conn.execute(
                f"UPDATE articles SET {flag.column} = ?, {flag.stamp_column} = ? "
                f"WHERE {flag.column} = ? AND id IN ({placeholders(len(chunk))})",
                (int(not change.on), stamp, int(change.on), *chunk),
            )
            restored += cursor.rowcount
    return restored


def counts(conn: sqlite3.Connection) -> LibraryCounts:
    """Total, unread and bookmarked counts; the last two come from the partial indexes."""
    total, unread, bookmarked = conn.execute(
        """
        SELECT (SELECT count(*) FROM articles),
               (SELECT count(*) FROM articles WHERE read = 0),
               (SELECT count(*) FROM articles WHERE bookmarked = 1)
        """
    ).fetchone()
    return LibraryCounts(total=int(total), unread=int(unread), bookmarked=int(bookmarked))


def _unread_among(conn: sqlite3.Connection, rowids: Sequence[int]) -> set[int]:
    rows = conn.execute(
        f"SELECT rowid FROM articles WHERE read = 0 AND rowid IN ({placeholders(len(rowids))})",
        list(rowids),
    )
    return {int(rowid) for (rowid,) in rows}


def _all_unread(conn: sqlite3.Connection) -> set[int]:
    """Every unread rowid, read straight from the partial index of unread articles."""
    return {int(rowid) for (rowid,) in conn.execute("SELECT rowid FROM articles WHERE read = 0")}


def next_unread(
    conn: sqlite3.Connection, rowids: Sequence[int], index: int, step: int
) -> int | None:
    """The first position after `index` in direction `step` whose article is unread, or None.

    The next unread article is usually a few rows away, so the nearest rows
    are checked first with one small query. Past them, a short rest of the view
    is checked with one more query; a long one is matched in memory against
    the set of all unread rowids (an index-only scan), so a long run of read
    articles never costs a query per chunk.
    """
    if step not in (1, -1):
        raise ValueError(f"step must be 1 or -1, not {step}")
    # Positions outside the view count as "before the first" / "after the last".
    start = max(index + 1, 0) if step > 0 else min(index - 1, len(rowids) - 1)
    stop = len(rowids) if step > 0 else -1
    positions = range(start, stop, step)
    for part in (positions[:FIRST_SCAN_CHUNK], positions[FIRST_SCAN_CHUNK:]):
        if not part:
            continue
        if len(part) <= CHUNK_SIZE:
            unread = _unread_among(conn, [rowids[position] for position in part])
        else:
            unread = _all_unread(conn)
            if not unread:
                return None
        found = next((position for position in part if rowids[position] in unread), None)
        if found is not None:
            return found
    return None
