"""Read state and bookmarks as JSON: export them, and merge an export back in.

The document is `{"format": "newsread-state", "version": 1, "exported": …,
"articles": […]}` with one entry per article that is read or bookmarked;
bookmarked entries carry their text, so a bookmark survives even where its
source is gone. Importing only ever adds marks (it never clears one) and
re-creates missing bookmarked articles in a source of their own. A file is
checked whole before anything is written, and everything it changes is
written in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from newsread.errors import SourceError
from newsread.library import ids, sources
from newsread.library.clock import utc_now
from newsread.library.connection import Database
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.textsafe import one_line

FORMAT: Final = "newsread-state"
VERSION: Final = 1
IMPORTED_SOURCE: Final = Source(
    key="import:bookmarks",
    # Like the samples, a source with nothing to refresh.
    kind=SourceKind.SAMPLE,
    title="Imported bookmarks",
)
"""Where bookmarked articles missing from the library are re-created."""

_MAX_ID_ATTEMPTS: Final = 1000


@dataclass(frozen=True, slots=True)
class ExportedArticle:
    """One entry of an export: an article's identity, marks and (if bookmarked) text."""

    id: str
    read: bool
    bookmarked: bool
    source: str = ""
    url: str = ""
    title: str = ""
    published: str | None = None
    read_at: str | None = None
    bookmarked_at: str | None = None
    body: str | None = None
    deck: str = ""
    author: str = ""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What merging an export changed."""

    entries: int
    """Articles in the file."""
    marked_read: int
    """Articles newly marked read."""
    bookmarked: int
    """Articles newly bookmarked (re-created ones included)."""
    recreated: int
    """Bookmarked articles that were missing and were re-created from the file."""
    missing: int
    """Read-only entries for articles this library does not have (nothing to mark)."""


_EXPORT_SELECT: Final = """
    SELECT a.id, s.title, a.url, t.title, a.published, a.read, a.read_at,
           a.bookmarked, a.bookmarked_at, t.body, t.deck, t.author
    FROM articles AS a
    JOIN sources AS s ON s.id = a.source_id
    JOIN article_texts AS t ON t.article_rowid = a.rowid
    WHERE a.read = 1 OR a.bookmarked = 1
    ORDER BY a.seq
"""


def export_document(database: Database) -> dict[str, Any]:
    """The export of every read or bookmarked article, as a JSON-ready object."""
    with database.reading() as conn:
        rows = conn.execute(_EXPORT_SELECT).fetchall()
    articles: list[dict[str, Any]] = []
    for row in rows:
        entry: dict[str, Any] = {
            "id": row[0],
            "source": row[1],
            "url": row[2],
            "title": row[3],
            "published": row[4],
            "read": bool(row[5]),
            "read_at": row[6],
            "bookmarked": bool(row[7]),
            "bookmarked_at": row[8],
        }
        if row[7]:
            entry.update(body=row[9], deck=row[10], author=row[11])
        articles.append(entry)
    return {"format": FORMAT, "version": VERSION, "exported": utc_now(), "articles": articles}


class _MalformedError(ValueError):
    """What is wrong with an export document (becomes a one-line `SourceError`)."""


def _field(item: dict[str, Any], name: str, kind: type, *, optional: bool = True) -> Any:
    if name not in item or (optional and item[name] is None):
        if not optional:
            raise _MalformedError(f'an article has no "{name}"')
        return None
    value = item[name]
    # bool is an int subclass; JSON's true is never a valid string or number field here.
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise _MalformedError(f'an article\'s "{name}" is not a {kind.__name__}')
    return value


def _entry(item: object) -> ExportedArticle:
    if not isinstance(item, dict):
        raise _MalformedError("an article entry is not an object")
    texts = {
        name: _field(item, name, str)
        for name in ("source", "url", "title", "published", "read_at", "bookmarked_at")
    }
    texts.update({name: _field(item, name, str) for name in ("body", "deck", "author")})
    article_id = ids.normalize_id(_field(item, "id", str, optional=False))
    if not ids.is_id_like(article_id):
        raise _MalformedError(f"{one_line(article_id)!r} is not an article ID")
    return ExportedArticle(
        id=article_id,
        read=_field(item, "read", bool, optional=False),
        bookmarked=_field(item, "bookmarked", bool, optional=False),
        source=texts["source"] or "",
        url=texts["url"] or "",
        title=texts["title"] or "",
        published=texts["published"],
        read_at=texts["read_at"],
        bookmarked_at=texts["bookmarked_at"],
        body=texts["body"],
        deck=texts["deck"] or "",
        author=texts["author"] or "",
    )


def parse_document(text: str, origin: str) -> list[ExportedArticle]:
    """The entries of an export document; a one-line `SourceError` naming `origin` if malformed."""
    try:
        try:
            document = json.loads(text)
        except ValueError as error:
            raise _MalformedError(f"not valid JSON ({error})") from error
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise _MalformedError(f'not a newsread export (no "format": "{FORMAT}")')
        version = document.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise _MalformedError('"version" is missing or not a positive number')
        if version > VERSION:
            raise _MalformedError(f"written by a newer newsread (version {version})")
        items = document.get("articles")
        if not isinstance(items, list):
            raise _MalformedError('"articles" is missing or not a list')
        return [_entry(item) for item in items]
    except _MalformedError as problem:
        raise SourceError(f"cannot import {one_line(origin)}: {one_line(str(problem))}") from None


def _stamp(given: str | None) -> str:
    """The time a mark was set: the exported one if it is a real time, else now."""
    if given:
        try:
            datetime.fromisoformat(given)
        except ValueError:
            return utc_now()
        return given
    return utc_now()


def _find(conn: sqlite3.Connection, entry: ExportedArticle) -> tuple[int, bool, bool] | None:
    """The stored article `entry` describes: its rowid, read and bookmarked; None if absent.

    By ID first; else by URL within a source of the same title; else by a URL
    only one article has.
    """
    columns = "SELECT a.rowid, a.read, a.bookmarked FROM articles AS a"
    row = conn.execute(f"{columns} WHERE a.id = ?", (entry.id,)).fetchone()
    if row is None and entry.url:
        row = conn.execute(
            f"{columns} JOIN sources AS s ON s.id = a.source_id WHERE a.url = ? AND s.title = ?",
            (entry.url, entry.source),
        ).fetchone()
        if row is None:
            rows = conn.execute(f"{columns} WHERE a.url = ? LIMIT 2", (entry.url,)).fetchall()
            row = rows[0] if len(rows) == 1 else None
    return None if row is None else (int(row[0]), bool(row[1]), bool(row[2]))


def _free_id(conn: sqlite3.Connection, entry: ExportedArticle) -> str:
    """The exported ID if it is whole and unused here, else a fresh one."""
    taken = "SELECT 1 FROM articles WHERE id = ?"
    if len(entry.id) == ids.ID_LENGTH and conn.execute(taken, (entry.id,)).fetchone() is None:
        return entry.id
    for attempt in range(_MAX_ID_ATTEMPTS):
        candidate = ids.article_id(IMPORTED_SOURCE.key, entry.id, attempt)
        if conn.execute(taken, (candidate,)).fetchone() is None:
            return candidate
    raise SourceError(f"no free article ID for the imported article {entry.id!r}")


def _recreate(conn: sqlite3.Connection, source_id: int, entry: ExportedArticle) -> bool:
    """Store a bookmarked article from its exported text; False if it was there already.

    Its entities are found when it is first shown, like any untagged article.
    """
    # Imported only here so that opening a library never loads the ingest package.
    from newsread.ingest.fields import safe_article

    parsed = safe_article(
        ParsedArticle(
            title=entry.title,
            body=entry.body or "",
            key=entry.id,
            deck=entry.deck,
            url=entry.url,
            author=entry.author,
            published=entry.published,
        )
    )
    seq = int(conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()[0])
    read_at = _stamp(entry.read_at) if entry.read else None
    cursor = conn.execute(
        """
        INSERT INTO articles (
            id, source_id, origin_key, url, published, content_hash, seq, ingested_at,
            read, read_at, bookmarked, bookmarked_at
        ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
        ON CONFLICT (source_id, origin_key) DO NOTHING
        """,
        (
            _free_id(conn, entry),
            source_id,
            parsed.key,
            parsed.url,
            parsed.published,
            ids.content_hash(parsed),
            seq,
            utc_now(),
            int(entry.read),
            read_at,
            _stamp(entry.bookmarked_at),
        ),
    )
    if cursor.rowcount != 1:
        return False
    conn.execute(
        """
        INSERT INTO article_texts (article_rowid, title, section, author, deck, body)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        (cursor.lastrowid, parsed.title, parsed.section, parsed.author, parsed.deck, parsed.body),
    )
    return True


def _imported_source_id(conn: sqlite3.Connection) -> int:
    """The source re-created articles go to (subscribed again if it had been removed)."""
    sources.register(conn, IMPORTED_SOURCE)
    row = conn.execute("SELECT id FROM sources WHERE key = ?", (IMPORTED_SOURCE.key,)).fetchone()
    return int(row[0])


def merge(database: Database, entries: list[ExportedArticle]) -> ImportResult:
    """Add the marks of `entries` to the library in one transaction (never clearing any)."""
    marked_read = bookmarked = recreated = missing = 0
    with database.writing() as conn:
        source_id: int | None = None
        for entry in entries:
            found = _find(conn, entry)
            if found is None:
                if entry.bookmarked and entry.body is not None:
                    if source_id is None:
                        source_id = _imported_source_id(conn)
                    if _recreate(conn, source_id, entry):
                        recreated += 1
                        bookmarked += 1
                        marked_read += int(entry.read)
                else:
                    missing += 1
                continue
            rowid, is_read, is_bookmarked = found
            if entry.read and not is_read:
                conn.execute(
                    "UPDATE articles SET read = 1, read_at = ? WHERE rowid = ?",
                    (_stamp(entry.read_at), rowid),
                )
                marked_read += 1
            if entry.bookmarked and not is_bookmarked:
                conn.execute(
                    "UPDATE articles SET bookmarked = 1, bookmarked_at = ? WHERE rowid = ?",
                    (_stamp(entry.bookmarked_at), rowid),
                )
                bookmarked += 1
    return ImportResult(
        entries=len(entries),
        marked_read=marked_read,
        bookmarked=bookmarked,
        recreated=recreated,
        missing=missing,
    )
