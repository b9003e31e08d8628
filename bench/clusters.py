"""Story clusters at N articles: clustered lists against the same lists ungrouped.

Run: `python bench/clusters.py [--quick] [--count N] [--dir CONFIG_DIR] [--backfill]`.
The library is the tagged one `entity_index.py` builds (`entities-N`), or
the config directory `--dir` names (opening it migrates it: use a copy).
Each clustered list is timed against the same list without clustering, in
the same run: taking the view (its count included) and reading its first
screen, and reading a screen deep in the list (what ↓ and page down cost).
Target: clustered within 2× of ungrouped. `--backfill` also times filing
every article under its story at once (what migration 10 does), in a
transaction that is rolled back.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Final

from entity_index import tagged_library_dir
from harness import Report, median
from newsread.library import ArticleFilter, Library, ViewQuery, story_backfill
from newsread.paths import database_path

SCREEN: Final = 40
DEEP: Final = 5_000
"""Where the deep screen starts."""


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
    """Take the view and read the rows (and, clustered, the badges) of its first screen."""

    def action() -> object:
        view = library.view(query)
        rows = list(view.rowids[:SCREEN])
        badges = library.story_sizes(rows) if query.clustered else {}
        return len(view), library.summaries(rows), badges

    return action


def deep_screen(library: Library, query: ViewQuery) -> Callable[[], object]:
    """Take a view and read a screen `DEEP` rows down (or its last), reading the rows above."""

    def action() -> object:
        view = library.view(query)
        start = min(DEEP, max(0, len(view) - SCREEN))
        return library.summaries(list(view.rowids[start : start + SCREEN]))

    return action


def time_backfill(path: Path) -> tuple[float, int]:
    """Seconds to file every article under its story, and the stories found (rolled back)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        started = time.perf_counter()
        found = story_backfill.backfill(conn)
        return time.perf_counter() - started, found
    finally:
        conn.execute("ROLLBACK")
        conn.close()


def main() -> int:
    """Time clustered lists against ungrouped ones and print medians and ratios."""
    parser = argparse.ArgumentParser(description="Story clusters at scale.")
    parser.add_argument("--quick", action="store_true", help="2,000 articles, fewer repeats")
    parser.add_argument("--count", type=int, help="articles in the library")
    parser.add_argument("--dir", type=Path, help="a config directory to use instead")
    parser.add_argument("--backfill", action="store_true", help="time migration 10's backfill")
    args = parser.parse_args()
    count = args.count or (2_000 if args.quick else 100_000)
    repeats = 3 if args.quick else 15
    directory = args.dir or tagged_library_dir(count)
    report = Report()
    with Library.open(database_path(directory)) as library:
        total = library.counts().total
        sources = library.sources()
        busiest = max(sources, key=lambda info: info.articles).key if sources else ""
        report.heading(f"story clusters at {total:,} articles (baseline: the same list ungrouped)")
        lists = {
            "river": ViewQuery(),
            "unread": ViewQuery(ArticleFilter.UNREAD),
            "one source": ViewQuery(source_key=busiest),
        }
        for name, query in lists.items():
            clustered = replace(query, clustered=True)
            for label, action in (("first screen", first_screen), ("deep screen", deep_screen)):
                plain = median(timed(action(library, query), repeats))
                grouped = median(timed(action(library, clustered), repeats))
                report.time(f"{name}, {label}, clustered: median", grouped)
                report.ratio(
                    f"{name}, {label}: clustered vs ungrouped", grouped, plain, target=2, limit=10
                )
            shown, listed = len(library.view(clustered)), len(library.view(query))
            print(f"{name}: {shown:,} rows clustered, {listed:,} ungrouped")
    if args.backfill:
        seconds, found = time_backfill(database_path(directory))
        print(f"backfill, as migration 10 runs it: {seconds:.1f} s ({found:,} stories)")
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
