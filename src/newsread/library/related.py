"""Related articles and stories: who else writes about the same distinctive names.

Each shared entity weighs its inverse document frequency, `ln((N + 1) / df)`
(N articles in the library, df of them mentioning it), so a name three
articles share says far more than one half the library mentions. The work
is bounded whatever the library's size: only an article's rarest keys are
looked up (at most `MAX_KEYS`, and only while their postings stay within
`MAX_POSTINGS` index rows); ubiquitous names add little weight anyway.

Two articles tell the same story when they come from
different sources, were published within `STORY_WINDOW` of each other, share
at least `MIN_SHARED` entities, and the shared entities carry at least
`MIN_OVERLAP` of the weight of the article with fewer (or rarer) names.
"""

from __future__ import annotations

import math
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from newsread.library.connection import chunked, placeholders
from newsread.library.queries import summaries
from newsread.model import ArticleSummary, RelatedArticle

MAX_KEYS: Final = 32
"""The most keys of one article whose postings are read."""
MAX_POSTINGS: Final = 8_000
"""The most index rows one lookup reads."""
STORY_WINDOW: Final = timedelta(hours=36)
"""How far apart two reports of one story may be published."""
MIN_SHARED: Final = 2
"""The fewest entities two reports of one story share."""
MIN_OVERLAP: Final = 0.5
"""The least share of the smaller side's weight the shared entities carry."""
STORY_CANDIDATES: Final = 50
"""How many of the best-scored articles in the window are checked as the same story."""

_SEPARATOR: Final = "\x1f"
"""Joins keys in one SQL result (control characters never reach a key)."""


@dataclass(frozen=True, slots=True)
class StoryFacts:
    """What `same_story` compares: source, time and weighted names of one article."""

    rowid: int
    source_id: int
    time: datetime | None
    keys: frozenset[str]
    weight: float


def publication_time(published: str | None) -> datetime | None:
    """A stored publication time as an aware datetime (UTC when it names no zone); None if none."""
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _article_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def idf(total: int, document_frequency: int) -> float:
    """The weight of a name `document_frequency` of `total` articles mention."""
    return math.log((total + 1) / max(document_frequency, 1))


def _article_keys(conn: sqlite3.Connection, rowid: int) -> list[tuple[str, str, int]]:
    """`(key, name, df)` of each name the article mentions, rarest first."""
    rows = conn.execute(
        "SELECT m.key, k.name, k.articles FROM entity_mentions AS m "
        "JOIN entity_keys AS k ON k.key = m.key WHERE m.article_rowid = ? "
        "ORDER BY k.articles, m.key",
        (rowid,),
    )
    return [(str(key), str(name), int(df)) for key, name, df in rows]


def _lookup_keys(keys: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """The rarest keys worth reading postings for, within the work bounds."""
    chosen: list[tuple[str, str, int]] = []
    budget = MAX_POSTINGS
    for key, name, df in keys:
        if df < 2:
            continue  # only this article mentions it
        if df > budget or len(chosen) == MAX_KEYS:
            break
        budget -= df
        chosen.append((key, name, df))
    return chosen


def _scored(
    conn: sqlite3.Connection,
    rowid: int,
    weights: dict[str, float],
    limit: int,
    window: tuple[str, str] | None = None,
) -> list[tuple[int, float, list[str]]]:
    """The `limit` articles (not `rowid`) with the highest summed weight of shared keys."""
    if not weights:
        return []
    values = ", ".join("(?, ?)" for _ in weights)
    parameters: list[object] = [item for pair in weights.items() for item in pair]
    where = "m.article_rowid != ?"
    parameters.append(rowid)
    if window is not None:
        where += " AND m.published BETWEEN ? AND ?"
        parameters += window
    parameters.append(limit)
    rows = conn.execute(
        f"WITH weight (key, value) AS (VALUES {values}) "
        f"SELECT m.article_rowid, sum(weight.value) AS score, "
        f"group_concat(m.key, '{_SEPARATOR}'), m.published, m.seq "
        f"FROM entity_mentions AS m JOIN weight ON weight.key = m.key WHERE {where} "
        "GROUP BY m.article_rowid ORDER BY score DESC, m.published DESC, m.seq LIMIT ?",
        parameters,
    )
    return [(int(found), float(score), keys.split(_SEPARATOR)) for found, score, keys, _, _ in rows]


def _summaries_by_rowid(
    conn: sqlite3.Connection, rowids: Sequence[int]
) -> dict[int, ArticleSummary]:
    """List rows of `rowids` by rowid (a handful: one indexed lookup each)."""
    found: dict[int, ArticleSummary] = {}
    for rowid in rowids:
        rows = summaries(conn, [rowid])
        if rows:
            found[rowid] = rows[0]
    return found


def related(conn: sqlite3.Connection, rowid: int, limit: int = 5) -> list[RelatedArticle]:
    """Up to `limit` articles sharing the most distinctive names with article `rowid`.

    Best first; equal scores list the newer article first.
    """
    keys = _lookup_keys(_article_keys(conn, rowid))
    total = _article_count(conn)
    weights = {key: idf(total, df) for key, _name, df in keys}
    names = {key: name for key, name, _df in keys}
    scored = _scored(conn, rowid, weights, limit)
    rows = _summaries_by_rowid(conn, [found for found, _score, _shared in scored])
    return [
        RelatedArticle(
            article=rows[found],
            score=score,
            shared=tuple(names[key] for key in sorted(shared, key=lambda key: -weights[key])),
        )
        for found, score, shared in scored
        if found in rows
    ]


def _stories(conn: sqlite3.Connection, rowids: Sequence[int], total: int) -> dict[int, StoryFacts]:
    """What `same_story` needs of each of `rowids`, read with a few chunked queries."""
    keys: dict[int, set[str]] = defaultdict(set)
    weight: dict[int, float] = defaultdict(float)
    facts: dict[int, tuple[int, str | None]] = {}
    for chunk in chunked(rowids):
        marks = placeholders(len(chunk))
        for rowid, source_id, published in conn.execute(
            f"SELECT rowid, source_id, published FROM articles WHERE rowid IN ({marks})", chunk
        ):
            facts[int(rowid)] = (int(source_id), published)
        for rowid, key, df in conn.execute(
            "SELECT m.article_rowid, m.key, k.articles FROM entity_mentions AS m "
            f"JOIN entity_keys AS k ON k.key = m.key WHERE m.article_rowid IN ({marks})",
            chunk,
        ):
            keys[int(rowid)].add(str(key))
            weight[int(rowid)] += idf(total, int(df))
    return {
        rowid: StoryFacts(
            rowid=rowid,
            source_id=source_id,
            time=publication_time(published),
            keys=frozenset(keys[rowid]),
            weight=weight[rowid],
        )
        for rowid, (source_id, published) in facts.items()
    }


def same_story(first: StoryFacts, second: StoryFacts, weights: dict[str, float]) -> bool:
    """True when two articles are different sources' reports of one event (see the module)."""
    if first.source_id == second.source_id or first.time is None or second.time is None:
        return False
    if abs(first.time - second.time) > STORY_WINDOW:
        return False
    shared = first.keys & second.keys
    if len(shared) < MIN_SHARED:
        return False
    overlap = sum(weights[key] for key in shared)
    return overlap >= MIN_OVERLAP * min(first.weight, second.weight)


def _key_weights(conn: sqlite3.Connection, keys: set[str], total: int) -> dict[str, float]:
    weights: dict[str, float] = {}
    ordered = sorted(keys)
    for chunk in chunked(ordered):
        for key, df in conn.execute(
            f"SELECT key, articles FROM entity_keys WHERE key IN ({placeholders(len(chunk))})",
            chunk,
        ):
            weights[str(key)] = idf(total, int(df))
    return weights


def story_of(conn: sqlite3.Connection, rowid: int, total: int | None = None) -> list[int]:
    """The rowids of other sources' articles telling the same story as `rowid`, newest first.

    `total` is the library's article count when the caller knows it (counting costs
    milliseconds at 100,000 articles); None counts.
    """
    total = _article_count(conn) if total is None else total
    own = _stories(conn, [rowid], total).get(rowid)
    if own is None or own.time is None:
        return []
    keys = _lookup_keys(_article_keys(conn, rowid))
    weights = {key: idf(total, df) for key, _name, df in keys}
    window = (
        (own.time - STORY_WINDOW).isoformat(timespec="seconds"),
        (own.time + STORY_WINDOW).isoformat(timespec="seconds"),
    )
    candidates = [found for found, _, _ in _scored(conn, rowid, weights, STORY_CANDIDATES, window)]
    others = _stories(conn, candidates, total)
    all_weights = _key_weights(conn, set(own.keys).union(*(s.keys for s in others.values())), total)
    return [
        found
        for found in candidates
        if found in others and same_story(own, others[found], all_weights)
    ]


def story_clusters(conn: sqlite3.Connection, rowids: Sequence[int]) -> list[list[int]]:
    """`rowids` grouped into stories, in list order.

    Each row not yet grouped starts a group and takes every later row that is
    the same story as it; a group's rows keep their list order. Rows with no
    such partner form groups of one.
    """
    total = _article_count(conn)
    stories = _stories(conn, rowids, total)
    weights = _key_weights(conn, set().union(*(s.keys for s in stories.values())), total)
    by_key: dict[str, list[int]] = defaultdict(list)
    for position, rowid in enumerate(rowids):
        story = stories.get(rowid)
        if story is not None:
            for key in story.keys:
                by_key[key].append(position)
    grouped: set[int] = set()
    groups: list[list[int]] = []
    for position, rowid in enumerate(rowids):
        if position in grouped:
            continue
        grouped.add(position)
        group = [rowid]
        leader = stories.get(rowid)
        if leader is not None and leader.time is not None:
            later = sorted(
                {other for key in leader.keys for other in by_key[key] if other > position}
            )
            for other in later:
                if other not in grouped and same_story(leader, stories[rowids[other]], weights):
                    grouped.add(other)
                    group.append(rowids[other])
        groups.append(group)
    return groups
