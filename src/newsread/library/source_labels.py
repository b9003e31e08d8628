"""Titles and tags that config.toml gives sources, stored where every query sees them.

A title from the config goes in `sources.config_title`, beside the source's
own `title`: the article list, the article view, the sidebar, `newsread
sources` and finding a source by name show it instead. The search index
keeps the own title, so renaming a source never re-indexes its articles
(tens of seconds for a large one). Tags live in `source_tags`, for `tag:`
queries and grouping by tag.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection
from dataclasses import dataclass

from newsread.library.connection import Database


@dataclass(frozen=True, slots=True)
class SourceLabels:
    """What the user's config says a source is called and how it is tagged."""

    title: str | None = None
    """Shown instead of the source's own title; None keeps its own."""
    tags: tuple[str, ...] = ()


LabelsFor = Callable[[str], SourceLabels]
"""The labels wanted for the source with this key."""


def clean_labels(labels: SourceLabels) -> SourceLabels:
    """`labels` as stored: one-line values, no empty or repeated tags, tags in a stable order."""
    if labels.title is None and not labels.tags:
        # What every source config.toml leaves alone wants: nothing to clean. Every command
        # (the reader too) checks the labels on start, and the ingest cleaners load slowly.
        return SourceLabels()
    from newsread.ingest.fields import clean_title

    title = clean_title(labels.title) if labels.title is not None else ""
    tags: dict[str, str] = {}
    for tag in labels.tags:
        cleaned = clean_title(tag)
        if cleaned:
            tags.setdefault(cleaned.casefold(), cleaned)
    ordered = tuple(tags[folded] for folded in sorted(tags))
    return SourceLabels(title=title or None, tags=ordered)


def _tags_of(conn: sqlite3.Connection) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for source_id, tag in conn.execute("SELECT source_id, tag FROM source_tags"):
        found.setdefault(int(source_id), []).append(str(tag))
    return found


def _sorted_tags(tags: list[str]) -> tuple[str, ...]:
    return tuple(sorted(tags, key=str.casefold))


def stored_labels(conn: sqlite3.Connection) -> dict[str, SourceLabels]:
    """The labels of every subscribed source, by key (no title: it shows its own)."""
    tags = _tags_of(conn)
    rows = conn.execute("SELECT id, key, config_title FROM sources WHERE removed_at IS NULL")
    return {
        str(key): SourceLabels(
            title=None if title is None else str(title),
            tags=_sorted_tags(tags.get(int(source_id), [])),
        )
        for source_id, key, title in rows
    }


def tags_by_source(conn: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    """The tags of every subscribed source that has any, by key."""
    rows = conn.execute(
        """
        SELECT s.key, t.tag FROM source_tags AS t JOIN sources AS s ON s.id = t.source_id
        WHERE s.removed_at IS NULL
        """
    )
    found: dict[str, list[str]] = {}
    for key, tag in rows:
        found.setdefault(str(key), []).append(str(tag))
    return {key: _sorted_tags(tags) for key, tags in found.items()}


def write_labels(conn: sqlite3.Connection, key: str, labels: SourceLabels) -> None:
    """Store cleaned `labels` for the source `key` (call inside a transaction)."""
    row = conn.execute("SELECT id FROM sources WHERE key = ?", (key,)).fetchone()
    if row is None:
        return
    source_id = int(row[0])
    conn.execute("UPDATE sources SET config_title = ? WHERE id = ?", (labels.title, source_id))
    conn.execute("DELETE FROM source_tags WHERE source_id = ?", (source_id,))
    conn.executemany(
        "INSERT INTO source_tags (source_id, tag) VALUES (?, ?)",
        [(source_id, tag) for tag in labels.tags],
    )


def apply_labels(
    database: Database, labels_for: LabelsFor, keys: Collection[str] | None = None
) -> int:
    """Give subscribed sources (those with `keys`, or all) their wanted labels; count changes.

    Nothing is written when everything already matches, so calling this on
    every start is cheap; a write is a few rows whatever the size of the sources.
    """
    with database.reading() as conn:
        current = stored_labels(conn)
    changes: dict[str, SourceLabels] = {}
    for key, stored in current.items():
        if keys is not None and key not in keys:
            continue
        wanted = clean_labels(labels_for(key))
        if wanted != stored:
            changes[key] = wanted
    if changes:
        with database.writing() as conn:
            for key, labels in changes.items():
                write_labels(conn, key, labels)
    return len(changes)
