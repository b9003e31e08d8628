"""Query-language views at N articles: typical queries against the plain list, same run.

Run: `python bench/query.py --library DIR` on a config directory holding a
library (it is modified: the entity index of one name is filled in; use a
copy), or `--quick` for a generated 2,000-article one. Each query is timed
as the reader uses it: take the view (its count included) and read the rows
of the first screen. The baseline is the same for the plain list.

Tagging 100,000 articles takes most of an hour on a small machine, so when
the library is not fully tagged the bench stands in for the tagger: the
most mentioned organisation among the tagged articles gets a mention in
every article a phrase search for its name finds (the index shape the
tagger would give a name that common).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final

from harness import Report, data_dir, library_dir, median, ms, p95
from newsread.library import ArticleFilter, Library, ViewQuery
from newsread.paths import database_path

SCREEN: Final = 40
TARGET: Final = 0.050


def timed(action: Callable[[], object], repeats: int) -> list[float]:
    """Seconds per call of `action`, after one warm-up call."""
    action()
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def first_screen(library: Library, query: ViewQuery) -> Callable[[], object]:
    """Take the view and read the rows of its first screen."""

    def action() -> object:
        view = library.view(query)
        return len(view), library.summaries(view.rowids[:SCREEN])

    return action


def common_entity(path: Path) -> str:
    """A common organisation's key, its mentions filled in by a search if the index lacks them."""
    with sqlite3.connect(path) as conn:
        row = conn.execute(
            "SELECT key, name FROM entity_keys WHERE label = 'ORG' ORDER BY articles DESC LIMIT 1"
        ).fetchone()
        if row is None:
            row = ("harbour", "harbour")
        key, name = str(row[0]), str(row[1])
        untagged = conn.execute("SELECT count(*) FROM articles WHERE entities_version = 0")
        if untagged.fetchone()[0]:
            phrase = '"' + name.replace('"', "") + '"'
            conn.execute(
                "INSERT INTO entity_mentions (key, article_rowid, label, name, mentions, "
                "published, seq) "
                "SELECT ?, a.rowid, 'ORG', ?, 1, a.published, a.seq FROM articles_fts "
                "JOIN articles AS a ON a.search_key = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ON CONFLICT DO NOTHING",
                (key, name, phrase),
            )
        return key


def busiest_source(library: Library) -> str:
    return max(library.sources(), key=lambda info: info.articles).title


def tag_a_few_sources(library: Library) -> None:
    """Tag a tenth of the sources `tech`, as config.toml would."""
    from newsread.library.source_labels import SourceLabels

    keys = [info.key for info in library.sources()]
    tech = set(keys[:: max(len(keys) // 10, 1)])
    library.apply_source_labels(lambda key: SourceLabels(tags=("tech",) if key in tech else ()))


def common_word(library: Library) -> str:
    """A word in most titles of the newest screen: a search finding many articles."""
    counts: dict[str, int] = {}
    for row in library.summaries(library.view(ViewQuery()).rowids[:200]):
        for word in row.title.lower().split():
            if word.isalpha() and len(word) > 3:
                counts[word] = counts.get(word, 0) + 1
    return max(counts, key=lambda word: counts[word])


def main() -> int:
    """Time typical queries and print medians, p95s and ratios to the plain list."""
    parser = argparse.ArgumentParser(description="Query-language views at scale.")
    parser.add_argument("--library", type=Path, help="config directory of a library (a copy)")
    parser.add_argument("--quick", action="store_true", help="2,000 articles, fewer repeats")
    args = parser.parse_args()
    if args.library is not None:
        directory = args.library
    else:
        directory = data_dir() / "query-2000"
        if not database_path(directory).exists():
            directory.mkdir(parents=True, exist_ok=True)
            shutil.copy2(database_path(library_dir(2_000)), database_path(directory))
    repeats = 3 if args.quick else 15
    report = Report()
    with Library.open(database_path(directory)) as library:
        entity = common_entity(library.path)
        tag_a_few_sources(library)
        source = busiest_source(library).replace('"', "")
        word = common_word(library)
        count = library.counts().total
        baseline = timed(first_screen(library, ViewQuery()), repeats)
        report.heading(f"queries at {count:,} articles (baseline: plain list first screen)")
        report.time("plain list: view + first screen: median", median(baseline))
        queries = [
            f'unread entity:"{entity}"',
            f'source:"{source}" after:2025-01-01',
            "tag:tech -bookmarked",
            f'{word} -source:"{source}"',
            "unread after:30d -tag:tech",
            f"-{word} before:2025",
        ]
        for text in queries:
            view = library.view(ViewQuery(query=text))
            samples = timed(first_screen(library, ViewQuery(query=text)), repeats)
            name = f"{text[:34]} ({len(view):,})"
            report.time(f"{name}: median", median(samples), target=TARGET)
            report.time(f"{name}: p95", p95(samples))
            report.ratio(f"{name} vs list", median(samples), median(baseline), target=5, limit=50)
        # The same searches through the search bar alone: what the query paths inherit.
        for name, reference in (
            (f"search bar: {word}, unread", ViewQuery(search=word, filter=ArticleFilter.UNREAD)),
            (f"search bar: -{word}", ViewQuery(search=f"-{word}")),
        ):
            samples = timed(first_screen(library, reference), repeats)
            report.time(f"{name[:44]}: median", median(samples))
    print(f"(times: {ms(TARGET).strip()} is the target per query)")
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
