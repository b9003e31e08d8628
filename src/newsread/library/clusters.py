"""Stories: reports from different sources about one event, stored as they are found.

`story_members` maps an article to its story (an integer of its own, not
an article's row number). Storing an article's entities takes it out of
its old story (`leave`); afterwards `file_articles` looks for its partners
by the rule of `related.story_of` (different source, within 36 hours,
enough distinctive names shared) and it joins their story, merging theirs
when they were in several. The looking is done with no write lock held (it
costs milliseconds per article), so filing a batch never keeps other
writers, such as a read mark from the reader, waiting. A story that falls
to one member (an article re-tagged, deleted with its source, pruned) is
dissolved by a trigger (migration 10), so no story of one is ever stored.
Undated articles never join one.

`story_backfill` does the same for a whole library at once.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from newsread.library.connection import Database, chunked, placeholders
from newsread.library.related import story_of

_YIELD_SECONDS: Final = 0.001
"""A pause between two articles' lookups, so a waiting thread gets the connection."""

MEMBER_COLUMNS: Final = "article_rowid, story, source_id, published, seq, read, bookmarked"
MEMBER_VALUES: Final = (
    "SELECT rowid, ?, source_id, published, seq, read, bookmarked FROM articles "
    "WHERE rowid = ? AND published IS NOT NULL"
)
"""Files an article (the second parameter) under a story (the first), copying its marks."""


@dataclass(frozen=True, slots=True)
class StorySize:
    """How many articles tell one article's story (itself included), and how many are unread."""

    articles: int
    unread: int


def estimated_total(conn: sqlite3.Connection) -> int:
    """The article count, read as the largest row number (one index probe, not a count).

    Rows are numbered densely, so this is the count but for deleted articles;
    names' weights only ever compare with each other, which that barely moves.
    """
    return int(conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0])


def story_id_of(conn: sqlite3.Connection, rowid: int) -> int | None:
    """The story article `rowid` belongs to, or None."""
    row = conn.execute(
        "SELECT story FROM story_members WHERE article_rowid = ?", (rowid,)
    ).fetchone()
    return None if row is None else int(row[0])


def leave(conn: sqlite3.Connection, rowid: int) -> None:
    """Take the article out of its story (the trigger dissolves a story left with one)."""
    conn.execute("DELETE FROM story_members WHERE article_rowid = ?", (rowid,))


def _join(conn: sqlite3.Connection, rowids: Iterable[int]) -> None:
    """Put `rowids` (two or more) in one story, merging the stories any of them are in."""
    wanted = sorted(set(rowids))
    stories: set[int] = set()
    for chunk in chunked(wanted):
        stories.update(
            int(story)
            for (story,) in conn.execute(
                "SELECT DISTINCT story FROM story_members "
                f"WHERE article_rowid IN ({placeholders(len(chunk))})",
                chunk,
            )
        )
    if stories:
        story = min(stories)
        for other in sorted(stories - {story}):
            conn.execute("UPDATE story_members SET story = ? WHERE story = ?", (story, other))
    else:
        (story,) = conn.execute("SELECT coalesce(max(story), 0) + 1 FROM story_members").fetchone()
    conn.executemany(
        f"INSERT INTO story_members ({MEMBER_COLUMNS}) {MEMBER_VALUES} "
        "ON CONFLICT (article_rowid) DO NOTHING",
        [(int(story), rowid) for rowid in wanted],
    )


def file_articles(database: Database, rowids: Sequence[int]) -> None:
    """File each of `rowids` (just tagged) under its story.

    Partners are looked up one article at a time, each lookup taking the
    connection for a few milliseconds and then letting others have it (the
    reader shares this connection with its tagging worker), then joined in
    one short write transaction.
    """
    stories: list[list[int]] = []
    for rowid in rowids:
        with database.reading() as conn:
            partners = story_of(conn, rowid, estimated_total(conn))
        if partners:
            stories.append([rowid, *partners])
        time.sleep(_YIELD_SECONDS)
    if not stories:
        return
    with database.writing() as conn:
        for story in stories:
            _join(conn, story)


def story_sizes(conn: sqlite3.Connection, rowids: Sequence[int]) -> dict[int, StorySize]:
    """The story size of each of `rowids` in a story (rows in none are left out)."""
    sizes: dict[int, StorySize] = {}
    for chunk in chunked(rowids):
        rows = conn.execute(
            "SELECT mine.article_rowid, count(*), sum(other.read = 0) FROM story_members AS mine "
            "JOIN story_members AS other ON other.story = mine.story "
            f"WHERE mine.article_rowid IN ({placeholders(len(chunk))}) "
            "GROUP BY mine.article_rowid",
            chunk,
        )
        sizes.update(
            (int(rowid), StorySize(int(articles), int(unread))) for rowid, articles, unread in rows
        )
    return sizes


def members(conn: sqlite3.Connection, rowid: int) -> list[int]:
    """The rowids of article `rowid`'s story in list order (just `rowid` when in none)."""
    found = [
        int(member)
        for (member,) in conn.execute(
            "SELECT other.article_rowid FROM story_members AS mine "
            "JOIN story_members AS other ON other.story = mine.story "
            "JOIN articles AS a ON a.rowid = other.article_rowid "
            "WHERE mine.article_rowid = ? ORDER BY a.published DESC, a.seq",
            (rowid,),
        )
    ]
    return found or [rowid]


def members_of_all(conn: sqlite3.Connection, rowids: Sequence[int]) -> set[int]:
    """Every article in the stories of `rowids` (those in none are left out)."""
    found: set[int] = set()
    for chunk in chunked(rowids):
        found.update(
            int(member)
            for (member,) in conn.execute(
                "SELECT other.article_rowid FROM story_members AS mine "
                "JOIN story_members AS other ON other.story = mine.story "
                f"WHERE mine.article_rowid IN ({placeholders(len(chunk))})",
                chunk,
            )
        )
    return found
