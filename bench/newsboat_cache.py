"""A newsboat cache holding the same collection as a bench library, for side-by-side timing.

`newsboat_cache(config_dir)` gives a `cache.db`, a urls file and a config for
newsboat, kept in `config_dir/newsboat/`: each source of the library becomes a
feed (same title and order as our sidebar) and each article an item (title,
link, author, date, body as HTML paragraphs, unread when unread here), so both
programs open the same articles. newsboat writes the schema itself (one
`-x reload` of a one-item local feed); the rows are then copied in bulk by
SQLite from the library, opened read-only. The cache is rebuilt when it is
missing or the library's articles, read marks or sources have changed since.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from urllib.parse import quote

CACHE_FOLDER: Final = "newsboat"
STATE_FILE: Final = "built-from.json"
"""The library fingerprint the cache was built from, written last (so also the "complete" mark)."""

CONFIG: Final = """\
# Written by bench/newsboat_cache.py: start from the cache, never touch the network or the cache.
refresh-on-startup no
auto-reload no
show-read-feeds yes
show-read-articles yes
confirm-exit no
cleanup-on-quit no
"""

SCHEMA_FEED: Final = """\
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>schema</title><link>http://schema.invalid/</link>
<description>lets newsboat create its cache</description>
<item><title>schema</title><link>http://schema.invalid/1</link><guid>schema-1</guid>
<pubDate>Sun, 01 Jun 2025 12:00:00 +0000</pubDate><description>schema</description></item>
</channel></rss>
"""

FEEDS_SQL: Final = """
    SELECT s.id, s.key, coalesce(s.config_title, s.title), s.url
    FROM library.sources AS s
    WHERE s.removed_at IS NULL
       OR EXISTS (SELECT 1 FROM library.articles AS a WHERE a.source_id = s.id)
    ORDER BY s.id
"""
"""Our sidebar's sources in its order; a removed source whose articles were kept still shows."""

ITEMS_SQL: Final = """
    INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread)
    SELECT a.id, t.title, t.author, a.url, feeds.rssurl,
           CAST(strftime('%s', coalesce(a.published, a.ingested_at)) AS INTEGER),
           CASE WHEN t.deck = '' THEN '' ELSE '<p><em>' || html(t.deck) || '</em></p>' END
           || '<p>' || replace(html(t.body), char(10) || char(10), '</p><p>') || '</p>',
           1 - a.read
    FROM library.articles AS a
    JOIN library.article_texts AS t ON t.article_rowid = a.rowid
    JOIN temp.feeds AS feeds ON feeds.source_id = a.source_id
    ORDER BY a.rowid
"""
"""Every article as an item; `html()` escapes text for newsboat's HTML renderer."""

FINGERPRINT_SQL: Final = """
    SELECT (SELECT count(*) FROM articles), (SELECT total(read) FROM articles),
           (SELECT max(seq) FROM articles),
           (SELECT group_concat(id || ':' || coalesce(config_title, title) || ':'
                                || coalesce(removed_at, ''), '|') FROM sources)
"""


@dataclass(frozen=True)
class NewsboatCache:
    """The files newsboat is started with to show a library's articles."""

    directory: Path
    """`config_dir/newsboat`."""

    @property
    def cache(self) -> Path:
        """newsboat's SQLite cache (`-c`)."""
        return self.directory / "cache.db"

    @property
    def urls(self) -> Path:
        """The urls file (`-u`): one feed per line, in our sidebar's order."""
        return self.directory / "urls"

    @property
    def config(self) -> Path:
        """A config (`-C`) that neither reloads nor cleans up."""
        return self.directory / "config"

    @property
    def home(self) -> Path:
        """A HOME for newsboat, so its history files stay out of the real one."""
        return self.directory / "home"

    def command(self, newsboat: str = "newsboat") -> list[str]:
        """The command line starting newsboat on this cache, without network."""
        return [newsboat, "-u", str(self.urls), "-c", str(self.cache), "-C", str(self.config)]


@dataclass(frozen=True)
class FeedCount:
    """One feed as newsboat's feed list shows it: `(unread/total) title`."""

    url: str
    title: str
    unread: int
    total: int

    @property
    def label(self) -> str:
        """The counts and title as they appear on a feed-list line."""
        return f"({self.unread}/{self.total}) {self.title}"


def feed_url(key: str) -> str:
    """The source's key as a URL newsboat accepts in its urls file."""
    if key.startswith(("http://", "https://", "file://")):
        return key
    return "file://" + quote(key)


def html_escape(text: str | None) -> str:
    """`text` with `&`, `<` and `>` escaped (registered in SQLite as `html()`)."""
    if text is None:
        return ""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def read_only(database: Path) -> str:
    """An SQLite URI opening `database` read-only."""
    return f"file:{quote(str(database.resolve()))}?mode=ro"


def library_fingerprint(config_dir: Path) -> list[object]:
    """What the cache copies, in brief: article count, read marks, newest seq, the sources."""
    connection = sqlite3.connect(read_only(config_dir / "newsread.db"), uri=True)
    try:
        return list(connection.execute(FINGERPRINT_SQL).fetchone())
    finally:
        connection.close()


def create_schema(directory: Path, newsboat: str) -> None:
    """Let newsboat create its cache in `directory` from a one-item local feed, then empty it."""
    feed = directory / "schema-feed.xml"
    feed.write_text(SCHEMA_FEED, encoding="utf-8")
    cache = NewsboatCache(directory)
    cache.urls.write_text(f"file://{quote(str(feed.resolve()))}\n", encoding="utf-8")
    cache.config.write_text(CONFIG, encoding="utf-8")
    cache.home.mkdir(exist_ok=True)
    subprocess.run(
        [*cache.command(newsboat), "-x", "reload"],
        check=True,
        capture_output=True,
        timeout=60,
        env=dict(os.environ, HOME=str(cache.home)),
    )
    feed.unlink()
    connection = sqlite3.connect(cache.cache)
    try:
        with connection:
            connection.execute("DELETE FROM rss_item")
            connection.execute("DELETE FROM rss_feed")
            connection.execute("DELETE FROM sqlite_sequence")
    finally:
        connection.close()


def fill(cache: NewsboatCache, config_dir: Path) -> None:
    """Copy the library's sources and articles into the (empty) newsboat cache."""
    connection = sqlite3.connect(cache.cache)
    try:
        connection.create_function("html", 1, html_escape, deterministic=True)
        connection.execute("ATTACH DATABASE ? AS library", (read_only(config_dir / "newsread.db"),))
        feeds = [
            (source_id, feed_url(str(key)), str(title), str(url))
            for source_id, key, title, url in connection.execute(FEEDS_SQL)
        ]
        connection.execute("CREATE TEMP TABLE feeds (source_id INTEGER PRIMARY KEY, rssurl TEXT)")
        with connection:
            connection.executemany(
                "INSERT INTO temp.feeds VALUES (?, ?)", [(row[0], row[1]) for row in feeds]
            )
            connection.executemany(
                "INSERT INTO rss_feed (rssurl, title, url) VALUES (?, ?, ?)",
                [row[1:] for row in feeds],
            )
            connection.execute(ITEMS_SQL)
        connection.execute("DETACH DATABASE library")
        # Statistics as a cache grown by newsboat itself would have them.
        connection.execute("ANALYZE")
    finally:
        connection.close()
    cache.urls.write_text("".join(f"{row[1]}\n" for row in feeds), encoding="utf-8")


def build(config_dir: Path, directory: Path, newsboat: str = "newsboat") -> NewsboatCache:
    """Build the cache mirroring the library in `config_dir` into `directory` (replaced)."""
    fingerprint = library_fingerprint(config_dir)
    staging = directory.with_name(directory.name + ".building")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    create_schema(staging, newsboat)
    fill(NewsboatCache(staging), config_dir)
    (staging / STATE_FILE).write_text(json.dumps(fingerprint), encoding="utf-8")
    shutil.rmtree(directory, ignore_errors=True)
    staging.rename(directory)
    return NewsboatCache(directory)


def is_current(cache: NewsboatCache, config_dir: Path) -> bool:
    """Whether the cache was completely built from the library as it is now."""
    state = cache.directory / STATE_FILE
    if not state.exists() or not cache.cache.exists():
        return False
    recorded: object = json.loads(state.read_text(encoding="utf-8"))
    # Round-trip through JSON so floats and strings compare as they were stored.
    return bool(recorded == json.loads(json.dumps(library_fingerprint(config_dir))))


def newsboat_cache(config_dir: Path, newsboat: str = "newsboat") -> NewsboatCache:
    """The newsboat cache next to the library in `config_dir`, built or rebuilt if out of date."""
    cache = NewsboatCache(config_dir / CACHE_FOLDER)
    if not is_current(cache, config_dir):
        cache = build(config_dir, cache.directory, newsboat)
    return cache


def library_feed_counts(config_dir: Path) -> list[FeedCount]:
    """What newsboat's feed list should show for the library, read from the library itself."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("ATTACH DATABASE ? AS library", (read_only(config_dir / "newsread.db"),))
        counts = dict(
            connection.execute(
                "SELECT source_id, json_array(total(read = 0), count(*)) "
                "FROM library.articles GROUP BY source_id"
            ).fetchall()
        )
        feeds = connection.execute(FEEDS_SQL).fetchall()
    finally:
        connection.close()
    shown = []
    for source_id, key, title, _url in feeds:
        unread, total = json.loads(counts.get(source_id, "[0, 0]"))
        shown.append(FeedCount(feed_url(str(key)), str(title), int(unread), int(total)))
    return shown


def feed_counts(cache: NewsboatCache) -> list[FeedCount]:
    """Each feed of the urls file, in order, with the unread and total items the cache holds."""
    connection = sqlite3.connect(read_only(cache.cache), uri=True)
    try:
        counts = {
            str(url): FeedCount(str(url), str(title), int(unread), int(total))
            for url, title, unread, total in connection.execute(
                "SELECT f.rssurl, f.title, coalesce(sum(i.unread), 0), count(i.id) "
                "FROM rss_feed AS f LEFT JOIN rss_item AS i "
                "ON i.feedurl = f.rssurl AND i.deleted = 0 GROUP BY f.rssurl"
            )
        }
    finally:
        connection.close()
    return [counts[line] for line in cache.urls.read_text(encoding="utf-8").splitlines()]


def oldest_titles(cache: NewsboatCache, url: str) -> list[str]:
    """Titles of the feed's oldest items: the last row of newsboat's list (sorted newest first)."""
    connection = sqlite3.connect(read_only(cache.cache), uri=True)
    try:
        rows = connection.execute(
            "SELECT title FROM rss_item WHERE feedurl = ?1 AND deleted = 0 AND pubDate = "
            "(SELECT min(pubDate) FROM rss_item WHERE feedurl = ?1 AND deleted = 0)",
            (url,),
        ).fetchall()
    finally:
        connection.close()
    return [str(title) for (title,) in rows]
