"""Entity index latency at N articles: filter, related articles, top entities, fuzzy find.

Run: `python bench/entity_index.py [--quick] [--count N]`. The library is
the one `make_library.py` builds (stored untagged, as `newsread add` does),
copied once to `entities-N` beside it and tagged there through
`Library.tag_pending`, the reader's own path (the copy is kept for later
runs; tagging 100,000 articles takes a while and is timed). The baseline,
measured in the same run, is the plain list's first screen: a view and the
rows of its first 40 articles. Targets: 50 ms for the entity filter and
related articles. On a busy machine `--cpu` times with this process's CPU
time instead of the wall clock, which shows the work itself.
"""

from __future__ import annotations

import argparse
import random
import shutil
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
TAG_BATCH: Final = 500

clock: Callable[[], float] = time.perf_counter
"""What `timed` reads: the wall clock, or with `--cpu` this process's CPU time."""


def tagged_library_dir(count: int) -> Path:
    """A copy of the generated library of `count` articles with every article tagged."""
    directory = data_dir() / f"entities-{count}"
    ready = directory / "complete"
    if ready.exists():
        return directory
    source = library_dir(count)
    if not database_path(directory).exists():
        directory.mkdir(parents=True, exist_ok=True)
        for name in ("newsread.db", "newsread.db-wal"):
            if (source / name).exists():
                shutil.copy2(source / name, directory / name)
    with Library.open(database_path(directory)) as library:
        total = library.untagged_count()
        started = time.perf_counter()
        done = 0
        while True:
            tagged = library.tag_pending(TAG_BATCH)
            if tagged == 0:
                break
            done += tagged
            rate = done / (time.perf_counter() - started)
            print(f"\rtagged {done:,} / {total:,} ({rate:.0f}/s)", end="", file=sys.stderr)
        if done:
            seconds = time.perf_counter() - started
            print(f"\ntagging {done:,} articles took {seconds:.0f} s", file=sys.stderr)
    ready.touch()
    return directory


def timed(action: Callable[[], object], repeats: int) -> list[float]:
    """Seconds per call of `action`, after one warm-up call."""
    action()
    samples = []
    for _ in range(repeats):
        started = clock()
        action()
        samples.append(clock() - started)
    return samples


def first_screen(library: Library, query: ViewQuery) -> Callable[[], object]:
    """Take the view (its count included) and read the rows of its first screen."""

    def action() -> object:
        view = library.view(query)
        return len(view), library.summaries(view.rowids[:SCREEN])

    return action


def keys_by_frequency(library: Library) -> dict[str, str]:
    """A rare, a medium and the most common key of the library's index."""
    top = library.top_entities(limit=1)[0]
    everything = library.top_entities(limit=100_000)

    def nearest(articles: int) -> str:
        return min(everything, key=lambda info: abs(info.articles - articles)).key

    return {"rare": nearest(5), "medium": nearest(top.articles // 20), "common": top.key}


def main() -> int:
    """Time the entity queries and print medians, p95s and ratios."""
    parser = argparse.ArgumentParser(description="Entity index latency at scale.")
    parser.add_argument("--quick", action="store_true", help="2,000 articles, fewer repeats")
    parser.add_argument("--count", type=int, help="articles in the library")
    parser.add_argument("--cpu", action="store_true", help="time with CPU time, not wall time")
    args = parser.parse_args()
    global clock
    clock = time.process_time if args.cpu else time.perf_counter
    count = args.count or (2_000 if args.quick else 100_000)
    repeats = 3 if args.quick else 15
    report = Report()
    with Library.open(database_path(tagged_library_dir(count))) as library:
        baseline = timed(first_screen(library, ViewQuery()), repeats)
        report.heading(f"entity index at {count:,} articles (baseline: plain list first screen)")
        report.time("plain list: view + first screen: median", median(baseline))
        keys = keys_by_frequency(library)
        for kind, key in keys.items():
            info = library.entity(key)
            articles = info.articles if info else 0
            samples = timed(first_screen(library, ViewQuery(entity_key=key)), repeats)
            name = f"filter, {kind} ({articles:,} articles)"
            report.time(f"{name}: median", median(samples), target=TARGET)
            report.time(f"{name}: p95", p95(samples))
            report.ratio(
                f"{name} vs baseline", median(samples), median(baseline), target=5, limit=50
            )
        unread = ViewQuery(ArticleFilter.UNREAD, entity_key=keys["common"])
        samples = timed(first_screen(library, unread), repeats)
        report.time("filter, common, unread only: median", median(samples), target=TARGET)
        rng = random.Random(5)
        plain = library.view(ViewQuery())
        ids = [
            s.id
            for s in library.summaries([plain.rowids[rng.randrange(len(plain))] for _ in range(60)])
        ]
        related = [timed(lambda i=article_id: library.related(i), 1)[0] for article_id in ids]
        report.time("related articles (60 random): median", median(related), target=TARGET)
        report.time("related articles (60 random): p95", p95(related))
        report.ratio("related vs baseline", median(related), median(baseline), target=40, limit=100)
        stories = [timed(lambda i=article_id: library.story_of(i), 1)[0] for article_id in ids[:20]]
        report.time("same story (20 random): median", median(stories))
        top = timed(lambda: library.top_entities(limit=50), repeats)
        report.time("top 50 entities: median", median(top))
        by_type = timed(
            lambda: [library.top_entities(label, 10) for label in ("PERSON", "ORG")], repeats
        )
        report.time("top 10 people + top 10 organisations: median", median(by_type))
        finds = []
        for text in ("a", "qu", "bran", keys["medium"][:4], keys["rare"].split(" ")[-1][:3], "xq"):
            finds += timed(lambda t=text: library.find_entities(t), 3)
        report.time("fuzzy find (6 texts): median", median(finds))
        report.time("fuzzy find (6 texts): p95", p95(finds))
        library.watch_all(keys.values())
        watched = timed(first_screen(library, ViewQuery(watched=True)), repeats)
        report.time("watched view (rare + medium + common): median", median(watched))
        rows = list(plain.rowids[:SCREEN])
        markers = timed(lambda: library.watched_rowids(rows), repeats)
        report.time("watched markers for a screen: median", median(markers))
        stats = timed(lambda: library.reading_stats(rows), repeats)
        report.time("reading stats for a screen: median", median(stats))
        loaded = list(plain.rowids[:200])
        clusters = timed(lambda: library.story_clusters(loaded), repeats)
        report.time("story clusters of 200 rows: median", median(clusters))
        for key in keys.values():
            library.unwatch(key)
    print(f"(times: {ms(TARGET).strip()} is the target for filter and related)")
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
