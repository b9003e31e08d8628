"""Reading time and entity counts of articles, for the meta line and a list column.

Counted when asked, for the few rows on screen: counting a body's words is a
split of its text, and the entity counts come from rows the index already
holds, so nothing extra is stored or kept in step.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from typing import Final

from newsread.entities.identity import NAME_LABELS
from newsread.library.connection import chunked, placeholders
from newsread.library.tagging import ENTITIES_VERSION
from newsread.model import ENTITY_LABELS, ReadingStats

WORDS_PER_MINUTE: Final = 230

_OTHER_LABELS: Final = tuple(label for label in ENTITY_LABELS if label not in NAME_LABELS)
"""Sums, dates and numbers: not in the entity index, counted from the body's mentions."""

_MARKUP_TOKENS: Final = frozenset(
    {"#", "##", "###", "####", "#####", "######", "-", "*", "+", ">", "|", "---", "***"}
)
"""Markdown's heading, list, quote and rule markers: space-separated, but not words."""


def word_count(text: str) -> int:
    """Words a reader reads in `text`: space-separated tokens, Markdown markers left out.

    A link `[two words](address)` counts as its two words.
    """
    tokens = text.split()
    return len(tokens) - sum(map(_MARKUP_TOKENS.__contains__, tokens))


def minutes_to_read(words: int) -> int:
    """Reading time in whole minutes at `WORDS_PER_MINUTE`, at least 1."""
    return max(1, round(words / WORDS_PER_MINUTE))


def reading_stats(conn: sqlite3.Connection, rowids: Sequence[int]) -> dict[int, ReadingStats]:
    """Stats of each of `rowids` that exists: words and minutes of title, deck and body,
    and distinct entities per label (names of title and body, other kinds of the body)."""
    texts: dict[int, tuple[int, bool]] = {}
    per_label: dict[int, dict[str, int]] = defaultdict(dict)
    for chunk in chunked(rowids):
        marks = placeholders(len(chunk))
        for rowid, title, deck, body, version in conn.execute(
            "SELECT t.article_rowid, t.title, t.deck, t.body, a.entities_version "
            "FROM article_texts AS t JOIN articles AS a ON a.rowid = t.article_rowid "
            f"WHERE t.article_rowid IN ({marks})",
            chunk,
        ):
            words = word_count(title) + word_count(deck) + word_count(body)
            texts[int(rowid)] = (words, int(version) >= ENTITIES_VERSION)
        for rowid, label, count in conn.execute(
            "SELECT article_rowid, label, count(*) FROM entity_mentions "
            f"WHERE article_rowid IN ({marks}) GROUP BY article_rowid, label",
            chunk,
        ):
            per_label[int(rowid)][str(label)] = int(count)
        for rowid, label, count in conn.execute(
            "SELECT article_rowid, label, count(DISTINCT CASE key WHEN '' THEN text ELSE key END) "
            f"FROM entities WHERE article_rowid IN ({marks}) "
            f"AND label IN ({placeholders(len(_OTHER_LABELS))}) GROUP BY article_rowid, label",
            (*chunk, *_OTHER_LABELS),
        ):
            per_label[int(rowid)][str(label)] = int(count)
    return {
        rowid: ReadingStats(
            words=words,
            minutes=minutes_to_read(words),
            entities=tuple(
                (label, per_label[rowid][label])
                for label in ENTITY_LABELS
                if label in per_label[rowid] and tagged
            ),
            tagged=tagged,
        )
        for rowid, (words, tagged) in texts.items()
    }
