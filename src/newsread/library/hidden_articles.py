"""Storing a source's articles through the ignore rules: hide, mark read, or let through.

Only articles new to the library meet the rules: one already stored keeps
its place and its marks whatever the rules say later. A hidden article goes
to `hidden_articles`, whole, beside the library rather than in it, so no
view, count, search or entity index has to leave it out; a refresh that
lists it again finds it there (it is not new, nothing changes). Each time a
source is stored, its hidden articles meet the rules again: one no `hide`
rule matches any more (the rule was removed or changed) is stored as if it
had just arrived, so editing the config brings it back on the next refresh.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsread.library import ids
from newsread.library.clock import utc_now
from newsread.library.connection import Database, chunked, placeholders
from newsread.library.ignore_rules import (
    ArrivingArticle,
    IgnoreAction,
    IgnoreRule,
    Killfile,
    action_for,
    fold,
)
from newsread.library.ingesting import IngestResult
from newsread.library.query_names import SourceNames, entity_key_named
from newsread.library.tagging import extract_entities
from newsread.model import ParsedArticle, Source

Ingest = Callable[[Sequence[ParsedArticle]], IngestResult]
"""Stores articles of the source as usual (`ingesting.ingest_articles`)."""

_HIDDEN_COLUMNS = "origin_key, content_hash, url, published, title, section, author, deck, body"


@dataclass
class _Known:
    """What the library knows of the source before storing."""

    source: SourceNames
    source_id: int | None = None
    stored: set[str] = field(default_factory=set)
    """Origin keys of its stored articles."""
    hidden: dict[str, tuple[str, ParsedArticle]] = field(default_factory=dict)
    """Its hidden articles by origin key: (content hash, article)."""
    tags: frozenset[str] = frozenset()
    watched: frozenset[str] = frozenset()
    entity_keys_by_name: dict[str, str] = field(default_factory=dict)


@dataclass
class _Sorting:
    """Where each article goes."""

    keep: list[ParsedArticle] = field(default_factory=list)
    mark_read: list[str] = field(default_factory=list)
    hide: list[tuple[ParsedArticle, str, str]] = field(default_factory=list)
    """(article, content hash, rule query) to write to `hidden_articles`."""
    restore: list[str] = field(default_factory=list)
    """Origin keys leaving `hidden_articles` for the library."""
    still_hidden: int = 0


def _hidden_article(row: tuple[str, ...]) -> tuple[str, ParsedArticle]:
    key, digest, url, published, title, section, author, deck, body = row
    article = ParsedArticle(
        title=title,
        body=body,
        key=key,
        section=section,
        deck=deck,
        url=url,
        author=author,
        published=published,
    )
    return digest, article


def _known(conn: sqlite3.Connection, source: Source, killfile: Killfile) -> _Known:
    row = conn.execute(
        "SELECT id, title, config_title FROM sources WHERE key = ?", (source.key,)
    ).fetchone()
    if killfile.needs_entities:
        watched = frozenset(str(key) for (key,) in conn.execute("SELECT key FROM watchlist"))
        keys_by_name = {name: entity_key_named(conn, name) for name in killfile.entity_names()}
    else:
        watched, keys_by_name = frozenset(), {}
    if row is None:
        return _Known(
            SourceNames(source.key, source.title),
            watched=watched,
            entity_keys_by_name=keys_by_name,
        )
    source_id = int(row[0])
    known = _Known(
        SourceNames(source.key, str(row[1]), row[2]),
        source_id,
        watched=watched,
        entity_keys_by_name=keys_by_name,
    )
    known.stored = {
        str(key)
        for (key,) in conn.execute(
            "SELECT origin_key FROM articles WHERE source_id = ?", (source_id,)
        )
    }
    rows = conn.execute(
        f"SELECT {_HIDDEN_COLUMNS} FROM hidden_articles WHERE source_id = ?", (source_id,)
    )
    known.hidden = {str(row[0]): _hidden_article(row) for row in rows}
    known.tags = frozenset(
        fold(str(tag))
        for (tag,) in conn.execute("SELECT tag FROM source_tags WHERE source_id = ?", (source_id,))
    )
    return known


def _judge(killfile: Killfile, known: _Known, article: ParsedArticle) -> IgnoreRule | None:
    keys: frozenset[str] = frozenset()
    if killfile.needs_entities:
        found = extract_entities(article.body, article.title)
        keys = frozenset(entity.key for entity in (*found.body, *found.title) if entity.key)
    arriving = ArrivingArticle(
        article,
        known.source,
        tags=known.tags,
        entity_keys=keys,
        watched_keys=known.watched,
        entity_keys_by_name=known.entity_keys_by_name,
    )
    return action_for(killfile, arriving)


def _sort(killfile: Killfile, known: _Known, batch: Sequence[ParsedArticle]) -> _Sorting:
    sorting = _Sorting()
    listed = {article.key: article for article in batch}
    arriving = [article for article in batch if article.key not in known.stored]
    # Hidden articles the source no longer lists meet the rules again too.
    arriving += [article for key, (_d, article) in known.hidden.items() if key not in listed]
    for article in arriving:
        digest = ids.content_hash(article)
        rule = _judge(killfile, known, article)
        hidden = known.hidden.get(article.key)
        if rule is not None and rule.action is IgnoreAction.HIDE:
            if hidden is not None and hidden[0] == digest:
                sorting.still_hidden += 1
            else:
                sorting.hide.append((article, digest, rule.text))
            continue
        if hidden is not None:
            sorting.restore.append(article.key)
        sorting.keep.append(article)
        if rule is not None:
            sorting.mark_read.append(article.key)
    sorting.keep += [article for article in batch if article.key in known.stored]
    return sorting


def _write_hidden(conn: sqlite3.Connection, source_id: int, sorting: _Sorting) -> None:
    now = utc_now()
    conn.executemany(
        f"""
        INSERT INTO hidden_articles (source_id, {_HIDDEN_COLUMNS}, rule, hidden_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (source_id, origin_key) DO UPDATE SET
            content_hash = excluded.content_hash, url = excluded.url,
            published = excluded.published, title = excluded.title,
            section = excluded.section, author = excluded.author, deck = excluded.deck,
            body = excluded.body, rule = excluded.rule
        """,
        [
            (
                source_id,
                article.key,
                digest,
                article.url,
                article.published,
                article.title,
                article.section,
                article.author,
                article.deck,
                article.body,
                rule,
                now,
            )
            for article, digest, rule in sorting.hide
        ],
    )
    for chunk in chunked(sorting.restore):
        conn.execute(
            f"DELETE FROM hidden_articles WHERE source_id = ? "
            f"AND origin_key IN ({placeholders(len(chunk))})",
            (source_id, *chunk),
        )


def _mark_read(conn: sqlite3.Connection, source_key: str, origin_keys: Sequence[str]) -> None:
    now = utc_now()
    for chunk in chunked(list(origin_keys)):
        conn.execute(
            f"""
            UPDATE articles SET read = 1, read_at = ?
            WHERE read = 0 AND source_id = (SELECT id FROM sources WHERE key = ?)
            AND origin_key IN ({placeholders(len(chunk))})
            """,
            (now, source_key, *chunk),
        )


def _first_per_key(articles: Sequence[ParsedArticle]) -> list[ParsedArticle]:
    """As storing does: a later article repeating a key in one batch is ignored."""
    unique: dict[str, ParsedArticle] = {}
    for article in articles:
        unique.setdefault(article.key, article)
    return list(unique.values())


def ingest_screened(
    database: Database,
    source: Source,
    articles: Sequence[ParsedArticle],
    killfile: Killfile,
    ingest: Ingest,
) -> IngestResult:
    """Store `articles` of `source` through `ingest`, after the ignore rules had their say.

    Articles hidden now, or still hidden, count as unchanged: they are not new to the reader.
    """
    batch = _first_per_key(articles)
    with database.reading() as conn:
        known = _known(conn, source, killfile)
    sorting = _sort(killfile, known, batch)
    if known.source_id is None:
        # A source stored for the first time: it needs its row before its hidden articles.
        stored = ingest(sorting.keep)
        with database.reading() as conn:
            known.source_id = int(
                conn.execute("SELECT id FROM sources WHERE key = ?", (source.key,)).fetchone()[0]
            )
        with database.writing() as conn:
            _write_hidden(conn, known.source_id, sorting)
    else:
        with database.writing() as conn:
            _write_hidden(conn, known.source_id, sorting)
        stored = ingest(sorting.keep)
    if sorting.mark_read:
        with database.writing() as conn:
            _mark_read(conn, source.key, sorting.mark_read)
    aside = len(sorting.hide) + sorting.still_hidden
    return IngestResult(new=stored.new, updated=stored.updated, unchanged=stored.unchanged + aside)


def hidden_count(database: Database, source_key: str | None = None) -> int:
    """How many articles ignore rules keep hidden (of one source, or of all)."""
    with database.reading() as conn:
        if source_key is None:
            row = conn.execute("SELECT count(*) FROM hidden_articles").fetchone()
        else:
            row = conn.execute(
                "SELECT count(*) FROM hidden_articles "
                "WHERE source_id = (SELECT id FROM sources WHERE key = ?)",
                (source_key,),
            ).fetchone()
    return int(row[0])
