"""How fast the library answers the reader at scale (default 100,000 articles).

Run: `python bench/library_bench.py [COUNT]`. The library is built in a
temporary directory from synthetic articles, with entity extraction switched
off so that only the library is measured. Each operation is timed against a
baseline measured in the same run (reading every rowid of the articles table
with plain `sqlite3`), so the ratios compare across machines.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import newsread.entities
from newsread.library import ArticleFilter, Library, ViewQuery
from newsread.model import Entity, ParsedArticle, Source, SourceKind

WORDS = (
    "harbour",
    "council",
    "budget",
    "railway",
    "storm",
    "election",
    "market",
    "vaccine",
    "orbit",
    "festival",
)
SOURCE = Source(key="bench:synthetic", kind=SourceKind.FILE, title="Synthetic")


def no_entities(text: str) -> list[Entity]:
    """Stand-in extractor: the benchmark measures storage, not tagging."""
    return []


def synthetic_articles(count: int) -> list[ParsedArticle]:
    """`count` articles of ~80 words each; every seventh is undated."""
    articles = []
    for number in range(count):
        words = " ".join(WORDS[(number + offset) % len(WORDS)] for offset in range(80))
        published = None if number % 7 == 0 else f"2024-{1 + number % 12:02}-{1 + number % 28:02}"
        articles.append(
            ParsedArticle(
                title=f"Story {number} about the {WORDS[number % len(WORDS)]}",
                body=f"Paragraph {number}. {words}",
                key=f"story-{number}",
                published=published,
            )
        )
    return articles


def best_of(action: Callable[[], object], repeats: int = 5) -> float:
    """The fastest of `repeats` runs, in seconds (the least disturbed by other work)."""
    fastest = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        fastest = min(fastest, time.perf_counter() - started)
    return fastest


def toggle_read(library: Library, article_id: str) -> None:
    """Two single-article writes (two transactions), leaving the article unread."""
    library.set_read([article_id], True)
    library.set_read([article_id], False)


def baseline(path: Path) -> float:
    """Seconds to read every rowid of the articles table with a bare connection."""
    connection = sqlite3.connect(path)
    try:
        return best_of(lambda: connection.execute("SELECT rowid FROM articles").fetchall())
    finally:
        connection.close()


def run(count: int) -> None:
    """Build a library of `count` articles and print each operation's time and ratio."""
    newsread.entities.extract = no_entities
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "newsread.db"
        with Library.open(path) as library:
            started = time.perf_counter()
            library.ingest(SOURCE, synthetic_articles(count))
            print(f"ingest {count} articles: {time.perf_counter() - started:.1f} s")
            reference = baseline(path)
            everything = library.view(ViewQuery())
            last_id = library.summaries(everything.rowids[-1:])[0].id
            operations: list[tuple[str, Callable[[], object]]] = [
                ("view all", lambda: library.view(ViewQuery())),
                ("view unread", lambda: library.view(ViewQuery(ArticleFilter.UNREAD))),
                ("search, few matches", lambda: library.view(ViewQuery(search="paragraph 4242"))),
                ("counts", library.counts),
                ("summaries of 40 rows", lambda: library.summaries(everything.rowids[500:540])),
                ("mark all in view read", lambda: library.set_read_in_view(everything, True)),
                ("next unread, none left", lambda: library.next_unread(everything, 0, 1)),
                ("mark one read, then unread", lambda: toggle_read(library, last_id)),
                ("next unread, at the far end", lambda: library.next_unread(everything, 0, 1)),
                ("mark all in view unread", lambda: library.set_read_in_view(everything, False)),
            ]
            print(f"baseline (read every rowid): {reference * 1000:.1f} ms")
            for name, action in operations:
                seconds = best_of(action, repeats=1 if name.startswith("mark all") else 5)
                print(f"{name:<30} {seconds * 1000:9.1f} ms  {seconds / reference:7.2f}x baseline")


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
