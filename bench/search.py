"""Search latency at N articles: `Library.view(ViewQuery(search=...))` for common and rare words.

Run: `python bench/search.py [--quick] [--count N]`. Words are drawn from
the generator's own vocabulary: frequent topic words, names that appear in
a few percent of articles, and rare words. The baseline, measured in the same
run, is the same searches on a 10-article library. The entity filter is
reported as n/a until `Library` has one.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Final

from harness import Report, library_dir, median, ms, p95
from newsread.library import Library, ViewQuery
from newsread.paths import database_path

SEARCHES: Final = {
    "common": ("market", "council budget", "energy"),
    "medium": ("harbour", "tariff", "festival"),
    "rare": ("walrus", "saffron lantern", "obsidian kayak"),
}
REPEATS: Final = 5


def timed_searches(count: int, repeats: int) -> dict[str, list[float]]:
    """Seconds per search (each taken `repeats` times), grouped by how common the words are."""
    found: dict[str, list[float]] = {kind: [] for kind in SEARCHES}
    with Library.open(database_path(library_dir(count))) as library:
        for kind, words in SEARCHES.items():
            for text in words:
                library.view(ViewQuery(search=text))  # warm the page cache once
                for _ in range(repeats):
                    started = time.perf_counter()
                    view = library.view(ViewQuery(search=text))
                    library.summaries(view.rowids[:40])
                    found[kind].append(time.perf_counter() - started)
    return found


def main() -> int:
    """Time the searches at both sizes and print medians, p95s and ratios."""
    parser = argparse.ArgumentParser(description="Search latency at scale.")
    parser.add_argument("--quick", action="store_true", help="20,000 articles, fewer repeats")
    parser.add_argument("--count", type=int, help="articles in the large library")
    args = parser.parse_args()
    count = args.count or (20_000 if args.quick else 100_000)
    repeats = 2 if args.quick else REPEATS
    small = timed_searches(10, repeats)
    large = timed_searches(count, repeats)
    report = Report()
    report.heading(f"search at {count:,} articles (view + first screen of rows)")
    everything = [seconds for samples in large.values() for seconds in samples]
    report.time("all searches: median", median(everything), target=0.020)
    report.time("all searches: p95", p95(everything))
    for kind, samples in large.items():
        report.time(f"{kind} words ({', '.join(SEARCHES[kind])}): median", median(samples))
    baseline = median([seconds for samples in small.values() for seconds in samples])
    print(f"same searches at 10 articles: median {ms(baseline).strip()}")
    report.ratio(
        f"rare words, {count:,} vs 10", median(large["rare"]), baseline, target=10, limit=200
    )
    print("entity filter: n/a (Library has no entity filter yet)")
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
