"""The sources table: subscribing, listing with counts, finding, refresh state, removing, pruning.

A removed source whose articles include bookmarks is not deleted: its row
stays, marked `removed_at`, so the kept articles still show where they came
from, and subscribing to it again brings it back with the same article IDs
(an ID depends on the source's key) instead of duplicating those articles.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Final

from newsread.errors import SourceError
from newsread.library.clock import utc_now
from newsread.model import Source, SourceInfo, SourceKind
from newsread.textsafe import one_line

MAX_LISTED_MATCHES: Final = 5
"""How many candidate titles an ambiguity error names."""


@dataclass(frozen=True, slots=True)
class FeedValidators:
    """What the last successful fetch of a feed returned to make the next one conditional."""

    etag: str = ""
    last_modified: str = ""


@dataclass(frozen=True, slots=True)
class RemovedSource:
    """What removing a source did."""

    key: str
    title: str
    deleted: int
    """Articles deleted with it."""
    kept: int
    """Bookmarked articles kept."""


def encode_folder(folder: Sequence[str]) -> str:
    """The stored form of a folder path (a JSON array, so any name survives)."""
    return json.dumps([one_line(name) for name in folder], ensure_ascii=False)


def decode_folder(stored: str) -> tuple[str, ...]:
    """The folder path stored by `encode_folder`; () for anything unreadable."""
    try:
        names = json.loads(stored)
    except ValueError:
        return ()
    if not isinstance(names, list):
        return ()
    return tuple(str(name) for name in names)


def register(
    conn: sqlite3.Connection, source: Source, *, url: str = "", folder: Sequence[str] = ()
) -> None:
    """Subscribe to `source`, or update (and bring back, if removed) an existing one.

    `source.title` is the source's own; a title from config.toml is stored
    beside it (see `source_labels`) and shown instead.
    """
    conn.execute(
        """
        INSERT INTO sources (key, kind, title, added_at, url, folder) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET
            kind = excluded.kind, title = excluded.title, url = excluded.url,
            folder = excluded.folder, removed_at = NULL
        """,
        (source.key, source.kind.value, source.title, utc_now(), url, encode_folder(folder)),
    )


_INFO_SELECT: Final = """
    SELECT s.key, s.kind, s.title, s.config_title, s.folder, s.url, coalesce(c.total, 0),
           coalesce(c.unread, 0), s.last_refresh, s.last_error
    FROM sources AS s
    LEFT JOIN (
        SELECT source_id, count(*) AS total, sum(read = 0) AS unread
        FROM articles GROUP BY source_id
    ) AS c ON c.source_id = s.id
    WHERE s.removed_at IS NULL
"""
"""Counts per source in one pass over the (source_id, read, bookmarked) index."""


def _info(row: sqlite3.Row | tuple[object, ...]) -> SourceInfo:
    key, kind, title, config_title, folder, url, total, unread, last_refresh, last_error = row
    return SourceInfo(
        key=str(key),
        kind=SourceKind(str(kind)),
        title=str(title) if config_title is None else str(config_title),
        own_title="" if config_title is None else str(title),
        folder=decode_folder(str(folder)),
        url=str(url),
        articles=int(str(total)),
        unread=int(str(unread)),
        last_refresh=None if last_refresh is None else str(last_refresh),
        last_error=None if last_error is None else str(last_error),
    )


def infos(conn: sqlite3.Connection) -> list[SourceInfo]:
    """Every subscribed source with its counts, in the order they were subscribed."""
    rows = conn.execute(f"{_INFO_SELECT} ORDER BY s.id")
    return [_info(row) for row in rows]


def info(conn: sqlite3.Connection, key: str) -> SourceInfo:
    """The subscribed source with exactly this key; `SourceError` if there is none."""
    row = conn.execute(f"{_INFO_SELECT} AND s.key = ?", (key,)).fetchone()
    if row is None:
        raise SourceError(f"no source {one_line(key)!r}")
    return _info(row)


def _as_path_key(text: str) -> str | None:
    try:
        return str(Path(text).expanduser().resolve())
    except (OSError, RuntimeError, ValueError):
        return None


def find(conn: sqlite3.Connection, text: str) -> SourceInfo:
    """The source the user means by `text`: its key, URL, path, title or a unique title prefix."""
    wanted = text.strip()
    every = infos(conn)
    if not wanted:
        raise SourceError("no source named ''")
    path_key = _as_path_key(wanted)
    for candidate in every:
        if wanted in (candidate.key, candidate.url) or candidate.key == path_key:
            return candidate
    folded = wanted.casefold()
    for matches in (
        [candidate for candidate in every if candidate.title.casefold() == folded],
        [candidate for candidate in every if candidate.title.casefold().startswith(folded)],
    ):
        if len(matches) == 1:
            return matches[0]
        if matches:
            named = ", ".join(f"{m.title} ({m.key})" for m in matches[:MAX_LISTED_MATCHES])
            more = ", …" if len(matches) > MAX_LISTED_MATCHES else ""
            raise SourceError(
                f"{one_line(wanted)!r} matches {len(matches)} sources: {named}{more}; "
                "give its key instead"
            )
    raise SourceError(f"no source matches {one_line(wanted)!r} (see 'newsread sources')")


def validators(conn: sqlite3.Connection, key: str) -> FeedValidators:
    """The stored ETag and Last-Modified of a source ('' when none)."""
    row = conn.execute("SELECT etag, last_modified FROM sources WHERE key = ?", (key,)).fetchone()
    if row is None:
        return FeedValidators()
    return FeedValidators(etag=str(row[0]), last_modified=str(row[1]))


def record_refresh(
    conn: sqlite3.Connection,
    key: str,
    *,
    error: str | None,
    validators: FeedValidators | None = None,
) -> None:
    """Note a refresh: its time, its error (None on success), and new validators if given."""
    conn.execute(
        """
        UPDATE sources SET last_refresh = ?, last_error = ?,
            etag = coalesce(?, etag), last_modified = coalesce(?, last_modified)
        WHERE key = ?
        """,
        (
            utc_now(),
            None if error is None else one_line(error),
            None if validators is None else validators.etag,
            None if validators is None else validators.last_modified,
            key,
        ),
    )


def _source_id(conn: sqlite3.Connection, key: str) -> tuple[int, str]:
    row = conn.execute(
        "SELECT id, title FROM sources WHERE key = ? AND removed_at IS NULL", (key,)
    ).fetchone()
    if row is None:
        raise SourceError(f"no source {one_line(key)!r}")
    return int(row[0]), str(row[1])


def remove(conn: sqlite3.Connection, key: str) -> RemovedSource:
    """Delete a source and its articles except bookmarked ones (call inside a transaction)."""
    source_id, title = _source_id(conn, key)
    deleted = conn.execute(
        "DELETE FROM articles WHERE source_id = ? AND bookmarked = 0", (source_id,)
    ).rowcount
    kept = int(
        conn.execute("SELECT count(*) FROM articles WHERE source_id = ?", (source_id,)).fetchone()[
            0
        ]
    )
    if kept:
        conn.execute(
            """
            UPDATE sources SET removed_at = ?, etag = '', last_modified = '', last_error = NULL
            WHERE id = ?
            """,
            (utc_now(), source_id),
        )
    else:
        conn.execute("DELETE FROM sources WHERE id = ?", (source_id,))
    return RemovedSource(key=key, title=title, deleted=deleted, kept=kept)


def age_cutoff(max_age_days: int, now: datetime | None = None) -> str:
    """The oldest publication time kept by an age limit, comparable with stored times."""
    moment = (now or datetime.now(UTC)) - timedelta(days=max_age_days)
    # No zone suffix: stored times end in "Z" or "+00:00", both sort after this prefix.
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def prune(
    conn: sqlite3.Connection,
    key: str,
    *,
    max_items: int | None,
    max_age_days: int | None,
    listed: Collection[str] = (),
    now: datetime | None = None,
) -> int:
    """Delete a source's articles beyond the newest `max_items` or older than `max_age_days`.

    Bookmarked articles are never deleted, nor those whose origin key is in
    `listed` (the source still lists them: deleted, they would come back as new
    on the next refresh). Undated articles are aged by when they were stored.
    Returns how many articles were deleted.
    """
    source_id, _title = _source_id(conn, key)
    kept = json.dumps(list(listed), ensure_ascii=False)
    deleted = 0
    if max_items is not None:
        deleted += conn.execute(
            """
            DELETE FROM articles
            WHERE bookmarked = 0 AND origin_key NOT IN (SELECT value FROM json_each(?))
            AND rowid IN (
                SELECT rowid FROM articles WHERE source_id = ?
                ORDER BY coalesce(published, ingested_at) DESC, seq DESC
                LIMIT -1 OFFSET ?
            )
            """,
            (kept, source_id, max(max_items, 0)),
        ).rowcount
    if max_age_days is not None:
        deleted += conn.execute(
            """
            DELETE FROM articles
            WHERE source_id = ? AND bookmarked = 0 AND coalesce(published, ingested_at) < ?
            AND origin_key NOT IN (SELECT value FROM json_each(?))
            """,
            (source_id, age_cutoff(max_age_days, now), kept),
        ).rowcount
    return deleted
