"""Search latency at N articles: `Library.view(ViewQuery(search=...))` plus the first screen.

Run: `python bench/search.py [--quick] [--count N]`. Words come from the
generator's own vocabulary: topic words in most articles, words in a few
percent, rare words; then phrases, prefixes, an exclusion, and searches with
the unread, bookmarked and source filters. Each is timed the way the TUI asks:
the view (its count and first rows) and the list rows of the first screen.

Two baselines are measured in the same run: the same searches on a
10-article library, and the plain newest-first list (no search) at N
articles, which is what a search should cost about as much as. Times are
wall-clock; CPU time is shown too, because on a busy machine the wall clock
also counts the time spent waiting for a core.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from typing import Final

from harness import Report, library_dir, median, ms, p95
from newsread.library import ArticleFilter, Library, ViewQuery
from newsread.paths import database_path

SEARCHES: Final = {
    "common": ("market", "council budget", "energy"),
    "medium": ("harbour", "tariff", "festival"),
    "rare": ("walrus", "saffron lantern", "obsidian kayak"),
}
"""The searches the target is about, by how common their words are."""

FORMS: Final = ('"city council"', "mar*", "walr", "market -energy", "-market")
"""Phrases, prefixes (typed and explicit) and exclusions."""

FILTERED: Final = (ArticleFilter.UNREAD, ArticleFilter.BOOKMARKED)
REPEATS: Final = 5
SCREEN: Final = 40
TARGET_SECONDS: Final = 0.020


@dataclass
class Samples:
    """Wall-clock and CPU seconds of repeated timings."""

    wall: list[float]
    cpu: list[float]


def timed(library: Library, query: ViewQuery, repeats: int) -> Samples:
    """Seconds for the view of `query` and its first screen of rows, `repeats` times."""
    library.summaries(library.view(query).rowids[:SCREEN])  # warm the page cache once
    samples = Samples([], [])
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        library.summaries(library.view(query).rowids[:SCREEN])
        samples.wall.append(time.perf_counter() - wall)
        samples.cpu.append(time.process_time() - cpu)
    return samples


def merged(groups: list[Samples]) -> Samples:
    """All samples of several timings together."""
    return Samples([s for g in groups for s in g.wall], [s for g in groups for s in g.cpu])


def line(report: Report, name: str, samples: Samples, *, target: bool = True) -> None:
    """Median wall and CPU time (with the target), p95 wall."""
    goal = f"   target ≤ {TARGET_SECONDS * 1000:.0f} ms" if target else ""
    print(
        f"{name:<44} median {ms(median(samples.wall))} (cpu {ms(median(samples.cpu))})"
        f"  p95 {ms(p95(samples.wall))}{goal}"
    )


def main() -> int:
    """Time the searches at both sizes and print medians, p95s, targets and ratios."""
    parser = argparse.ArgumentParser(description="Search latency at scale.")
    parser.add_argument("--quick", action="store_true", help="20,000 articles, fewer repeats")
    parser.add_argument("--count", type=int, help="articles in the large library")
    args = parser.parse_args()
    count = args.count or (20_000 if args.quick else 100_000)
    repeats = 2 if args.quick else REPEATS
    texts = [text for words in SEARCHES.values() for text in words]
    with Library.open(database_path(library_dir(10))) as small:
        tiny = merged([timed(small, ViewQuery(search=text), repeats) for text in texts])
    report = Report()
    with Library.open(database_path(library_dir(count))) as library:
        plain = timed(library, ViewQuery(), repeats)
        by_kind = {
            kind: [timed(library, ViewQuery(search=text), repeats) for text in words]
            for kind, words in SEARCHES.items()
        }
        report.heading(f"search at {count:,} articles (view + first {SCREEN} rows)")
        everything = merged([samples for group in by_kind.values() for samples in group])
        line(report, "all searches", everything)
        for kind, group in by_kind.items():
            line(report, f"{kind}: {', '.join(SEARCHES[kind])}", merged(group))
        report.heading("phrases, prefixes, exclusions and filters")
        for text in FORMS:
            line(report, f"search {text!r}", timed(library, ViewQuery(search=text), repeats))
        source = library.sources()[0].key
        for text in ("market", "walrus"):
            for which in FILTERED:
                query = ViewQuery(which, search=text)
                line(report, f"{text!r} + {which.value}", timed(library, query, repeats))
            query = ViewQuery(search=text, source_key=source)
            line(report, f"{text!r} + one source", timed(library, query, repeats))
    report.heading("baselines measured in this run")
    line(report, f"plain list (no search) at {count:,}", plain, target=False)
    line(report, "the same searches at 10 articles", tiny, target=False)
    wall, base = median(everything.wall), median(plain.wall)
    report.ratio(f"search vs plain list at {count:,}", wall, base, target=10, limit=400)
    report.ratio(
        f"rare words, {count:,} vs 10",
        median(merged(by_kind["rare"]).wall),
        median(tiny.wall),
        target=10,
        limit=200,
    )
    verdict = "met" if wall <= TARGET_SECONDS else "NOT met"
    print(f"\ntarget: search median ≤ {TARGET_SECONDS * 1000:.0f} ms at 100,000 — {verdict}")
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
