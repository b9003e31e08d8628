"""Clustered views: each story once, at its first article in the list.

A story's reports are hidden behind the one listed first *in that list*:
in the river that is the newest, in the unread list the newest unread one,
in one source's list the newest from that source. So grouping never loses
an article a list would show alone; it only folds the later reports of a
story under the first (the badge counts them, `z` lists them).

- The plain list (any filter, any source, newest first) is read a screen at
  a time as usual, leaving out with one indexed `NOT EXISTS` each row that
  has an earlier member of its story in the same list. Its count is the
  plain count less, for each story, all but one of its members in the list:
  a count over the story table (small), not a check of every row.
- A list read at once (a ranked search, the watched list, a query that
  searches words) drops later members in one pass.
- A list read lazily some other way (an entity's articles, a search finding
  over 1,000 articles, a query without words, another sort order) is listed
  ungrouped: grouping it would mean reading all of it first.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from newsread.library import queries
from newsread.library.connection import chunked, placeholders
from newsread.library.queries import KeysetReader
from newsread.library.views import FIRST_CHUNK, ArticleFilter, LazyRowids, SortOrder, ViewQuery

_FILTER_CONDITIONS: Final = {
    ArticleFilter.ALL: None,
    ArticleFilter.UNREAD: "read = 0",
    ArticleFilter.BOOKMARKED: "bookmarked = 1",
}
"""As in `queries`: the partial indexes' WHERE clauses, unqualified so that the same
text applies to the listed row outside and to its story's members inside `_EARLIER_MEMBER`."""

_SOURCE_CONDITION: Final = "source_id = (SELECT id FROM sources WHERE key = ?)"

_EARLIER_MEMBER: Final = """
    SELECT 1 FROM story_members AS mine
    CROSS JOIN story_members AS other ON other.story = mine.story
    WHERE mine.article_rowid = articles.rowid AND other.article_rowid != articles.rowid
    AND (other.published > articles.published
         OR (other.published = articles.published AND other.seq < articles.seq))
    AND other.seq <= {newest_seq}{conditions}
"""
"""True when the `articles` row has a member of its story listed before it (in the
snapshot, meeting `conditions`, which read the member's copy of the article's columns
in the story table: see `_FILTER_CONDITIONS`).

CROSS JOIN fixes the order: the row's own story first, then its few members."""


def view_rowids(conn: sqlite3.Connection, query: ViewQuery) -> Sequence[int]:
    """The rowids `query` lists, grouped by story when it asks (see the module)."""
    if query.story_article:
        from newsread.library import clusters

        return array("q", clusters.members(conn, queries.rowid_of(conn, query.story_article)))
    plain = replace(query, clustered=False)
    if not query.clustered:
        return queries.view_rowids(conn, plain)
    if _is_plain_list(query):
        return _grouped_list(conn, query)
    found = queries.view_rowids(conn, plain)
    if not isinstance(found, array):
        return found  # read lazily (or in sorted parts): listed ungrouped
    return first_of_each_story(conn, found)


def _is_plain_list(query: ViewQuery) -> bool:
    return (
        query.sort is SortOrder.DATE
        and not query.search.strip()
        and not query.query.strip()
        and not query.entity_key
        and not query.watched
    )


def first_of_each_story(conn: sqlite3.Connection, rowids: Sequence[int]) -> array[int]:
    """`rowids` without the rows whose story has an earlier row in them."""
    story_of: dict[int, int] = {}
    for chunk in chunked(rowids):
        story_of.update(
            (int(rowid), int(story))
            for rowid, story in conn.execute(
                "SELECT article_rowid, story FROM story_members "
                f"WHERE article_rowid IN ({placeholders(len(chunk))})",
                chunk,
            )
        )
    seen: set[int] = set()
    kept = array("q")
    for rowid in rowids:
        story = story_of.get(rowid)
        if story is not None:
            if story in seen:
                continue
            seen.add(story)
        kept.append(rowid)
    return kept


def _grouped_list(conn: sqlite3.Connection, query: ViewQuery) -> LazyRowids:
    """The plain list newest first, each story at its first member in it."""
    conditions: list[str] = []
    parameters: list[str] = []
    filter_condition = _FILTER_CONDITIONS[query.filter]
    if filter_condition is not None:
        conditions.append(filter_condition)
    if query.source_key:
        conditions.append(_SOURCE_CONDITION)
        parameters.append(query.source_key)
    # A story with k members in the list shows one of them: the list is the
    # plain count less, per story, k - 1.
    # The story table holds each member's source and marks, so it alone tells this.
    newest_seq, listed, folded = conn.execute(
        "SELECT (SELECT coalesce(max(seq), 0) FROM articles), "
        f"(SELECT count(*) FROM articles {_where(conditions)}), "
        "(SELECT coalesce(sum(members - 1), 0) FROM (SELECT count(*) AS members "
        f"FROM story_members {_where(conditions)} GROUP BY story))",
        (*parameters, *parameters),
    ).fetchone()
    earlier = _EARLIER_MEMBER.format(
        newest_seq=int(newest_seq),
        conditions="".join(f" AND other.{condition}" for condition in conditions),
    )
    bounded = " AND ".join(["+seq <= ?", *conditions, f"NOT EXISTS ({earlier})"])
    reader = KeysetReader(
        conn,
        "SELECT rowid, published, seq FROM articles",
        bounded,
        (*parameters, *parameters),
        int(newest_seq),
    )
    return LazyRowids(int(listed) - int(folded), reader(None, True, FIRST_CHUNK), reader)


def _where(conditions: Sequence[str]) -> str:
    return f"WHERE {' AND '.join(conditions)}" if conditions else ""


def folded_members(conn: sqlite3.Connection, rowids: Sequence[int]) -> list[int]:
    """The other articles of the stories of `rowids` (a clustered view's rows), sorted."""
    from newsread.library import clusters

    listed = set(rowids)
    return sorted(clusters.members_of_all(conn, rowids) - listed)
