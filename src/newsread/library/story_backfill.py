"""Filing a whole library's articles under their stories at once (migration 10).

Tagging files one article at a time (`clusters.place`); a library tagged
before stories were stored needs them all. Looking each article up the way
`place` does would take minutes at 100,000 articles, so this reads the
entity index once and pairs articles with numpy: every two articles naming
the same name within the story window, from different sources, add that
name's weight to their pair; a pair whose sums pass the rule of `related`
is one story, and stories are the connected groups of such pairs.

Names past the lookup bound of `related` (`MAX_POSTINGS` articles) are too
common to suggest a pair, as there; for a pair that others suggest, they
still count, checked by the full rule.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

import numpy as np
import numpy.typing as npt

from newsread.library.clusters import MEMBER_COLUMNS, MEMBER_VALUES, estimated_total
from newsread.library.related import (
    MAX_POSTINGS,
    MIN_OVERLAP,
    MIN_SHARED,
    STORY_WINDOW,
    StoryFacts,
    idf,
    publication_time,
    same_story,
)

PAIRS_PER_CHUNK: Final = 2_000_000
"""The most candidate pairs held at once (about 100 MB of arrays)."""

_WINDOW_S: Final = int(STORY_WINDOW.total_seconds())

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class _Index:
    """The dated, indexed articles (by position) and their names (by number)."""

    rowids: Ints
    sources: Ints
    seconds: Ints
    key_names: list[str]
    key_weights: Floats
    key_frequency: Ints
    mention_article: Ints
    """Per index row: the article's position…"""
    mention_key: Ints
    """…and the name's number."""


@dataclass(frozen=True, slots=True)
class _PairSums:
    """Candidate pairs (`first * n + second`, first < second) with their shared names."""

    pairs: Ints
    weight: Floats
    shared: Ints


def _read_index(conn: sqlite3.Connection) -> _Index | None:
    facts: dict[int, tuple[int, int]] = {}
    for rowid, source_id, published in conn.execute(
        "SELECT rowid, source_id, published FROM articles WHERE published IS NOT NULL"
    ):
        moment = publication_time(published)
        if moment is not None:
            facts[int(rowid)] = (int(source_id), int(moment.timestamp()))
    if not facts:
        return None
    rowids = sorted(facts)
    position = {rowid: number for number, rowid in enumerate(rowids)}
    total = estimated_total(conn)
    key_names: list[str] = []
    frequency: list[int] = []
    for key, df in conn.execute("SELECT key, articles FROM entity_keys"):
        key_names.append(str(key))
        frequency.append(int(df))
    key_number = {key: number for number, key in enumerate(key_names)}
    articles: list[int] = []
    keys: list[int] = []
    for rowid, key in conn.execute("SELECT article_rowid, key FROM entity_mentions"):
        at = position.get(rowid)
        number = key_number.get(key)
        if at is not None and number is not None:
            articles.append(at)
            keys.append(number)
    return _Index(
        rowids=np.array(rowids, dtype=np.int64),
        sources=np.array([facts[rowid][0] for rowid in rowids], dtype=np.int64),
        seconds=np.array([facts[rowid][1] for rowid in rowids], dtype=np.int64),
        key_names=key_names,
        key_weights=np.array([idf(total, df) for df in frequency], dtype=np.float64),
        key_frequency=np.array(frequency, dtype=np.int64),
        mention_article=np.array(articles, dtype=np.int64),
        mention_key=np.array(keys, dtype=np.int64),
    )


def _aggregate(pairs: Ints, weight: Floats, shared: Ints) -> _PairSums:
    unique, inverse = np.unique(pairs, return_inverse=True)
    return _PairSums(
        pairs=unique,
        weight=np.bincount(inverse, weights=weight, minlength=len(unique)).astype(np.float64),
        shared=np.bincount(inverse, weights=shared, minlength=len(unique)).astype(np.int64),
    )


def _candidate_pairs(index: _Index) -> Iterator[_PairSums]:
    """Pairs of articles naming one name within the window, from different sources, by chunk."""
    frequency = index.key_frequency[index.mention_key]
    posted = (frequency >= 2) & (frequency <= MAX_POSTINGS)
    article = index.mention_article[posted]
    key = index.mention_key[posted]
    seconds = index.seconds[article]
    order = np.lexsort((article, seconds, key))
    article, key, seconds = article[order], key[order], seconds[order]
    span = int(seconds.max() - seconds.min()) + _WINDOW_S + 1 if len(seconds) else 1
    placed = key * span + (seconds - (seconds.min() if len(seconds) else 0))
    earliest = np.searchsorted(placed, placed - _WINDOW_S, side="left")
    counts = np.arange(len(placed), dtype=np.int64) - earliest
    n = len(index.rowids)
    start = 0
    while start < len(placed):
        # Whole postings ranges only, so a pair's rows of one name fall in one chunk.
        cumulative = np.cumsum(counts[start:])
        end = start + max(1, int(np.searchsorted(cumulative, PAIRS_PER_CHUNK, side="right")))
        chunk_counts = counts[start:end]
        later = np.repeat(np.arange(start, end, dtype=np.int64), chunk_counts)
        offsets = np.arange(len(later), dtype=np.int64) - np.repeat(
            np.cumsum(chunk_counts) - chunk_counts, chunk_counts
        )
        earlier = np.repeat(earliest[start:end], chunk_counts) + offsets
        first, second = article[later], article[earlier]
        apart = index.sources[first] != index.sources[second]
        first, second = first[apart], second[apart]
        weight = index.key_weights[key[later[apart]]]
        pairs = np.minimum(first, second) * n + np.maximum(first, second)
        yield _aggregate(pairs, weight, np.ones(len(pairs), dtype=np.int64))
        start = end


def _story_pairs(index: _Index) -> list[tuple[int, int]]:
    """The pairs (positions) that pass the rule."""
    chunks = list(_candidate_pairs(index))
    if not chunks:
        return []
    sums = _aggregate(
        np.concatenate([chunk.pairs for chunk in chunks]),
        np.concatenate([chunk.weight for chunk in chunks]),
        np.concatenate([chunk.shared for chunk in chunks]),
    )
    n = len(index.rowids)
    first, second = sums.pairs // n, sums.pairs % n
    article_weight = np.bincount(
        index.mention_article, weights=index.key_weights[index.mention_key], minlength=n
    )
    passes = (sums.shared >= MIN_SHARED) & (
        sums.weight >= MIN_OVERLAP * np.minimum(article_weight[first], article_weight[second])
    )
    found = list(zip(first[passes].tolist(), second[passes].tolist(), strict=True))
    found += _checked_with_common_names(index, first[~passes], second[~passes])
    return found


def _checked_with_common_names(index: _Index, first: Ints, second: Ints) -> list[tuple[int, int]]:
    """Of pairs failing on their posted names, those passing once common names count too."""
    common_keys = index.key_frequency > MAX_POSTINGS
    if not common_keys.any():
        return []
    naming_common = np.zeros(len(index.rowids), dtype=bool)
    naming_common[index.mention_article[common_keys[index.mention_key]]] = True
    both = naming_common[first] & naming_common[second]
    first, second = first[both], second[both]
    if not len(first):
        return []
    involved = set(first.tolist()) | set(second.tolist())
    names: dict[int, set[str]] = defaultdict(set)
    for at, key in zip(index.mention_article.tolist(), index.mention_key.tolist(), strict=True):
        if at in involved:
            names[at].add(index.key_names[key])
    weights = dict(zip(index.key_names, index.key_weights.tolist(), strict=True))
    facts = {
        at: StoryFacts(
            rowid=at,
            source_id=int(index.sources[at]),
            time=datetime.fromtimestamp(int(index.seconds[at]), UTC),
            keys=frozenset(names[at]),
            weight=sum(weights[name] for name in names[at]),
        )
        for at in involved
    }
    return [
        (a, b)
        for a, b in zip(first.tolist(), second.tolist(), strict=True)
        if same_story(facts[a], facts[b], weights)
    ]


def _groups(pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Connected groups of positions, each sorted (union-find)."""
    parent: dict[int, int] = {}

    def root(at: int) -> int:
        parent.setdefault(at, at)
        while parent[at] != at:
            parent[at] = parent[parent[at]]
            at = parent[at]
        return at

    for first, second in pairs:
        a, b = root(first), root(second)
        if a != b:
            parent[max(a, b)] = min(a, b)
    grouped: dict[int, list[int]] = defaultdict(list)
    for at in parent:
        grouped[root(at)].append(at)
    return sorted(sorted(group) for group in grouped.values())


def backfill(conn: sqlite3.Connection) -> int:
    """File every indexed, dated article under its story (call inside a transaction).

    Replaces whatever the story table held; returns how many stories there are.
    """
    conn.execute("DELETE FROM story_members")
    index = _read_index(conn)
    if index is None:
        return 0
    groups = _groups(_story_pairs(index))
    conn.executemany(
        f"INSERT INTO story_members ({MEMBER_COLUMNS}) {MEMBER_VALUES}",
        [(number, int(index.rowids[at])) for number, group in enumerate(groups, 1) for at in group],
    )
    return len(groups)
