"""Keypress latency in the sidebar at N articles, and opening an article, against 10 articles.

Run: `python bench/keys.py [--quick] [--count N]`. The reader runs headless
(Textual's Pilot) at 120x40 over a generated library. Each key is timed from
`pilot.press` until the app has processed it (`pilot.pause()`), with presses
spaced like a held key's auto-repeat. The same keys on the 10-article library
are the baseline measured in the same run. Opening uses `n` (jump to the next
unread article and open it: load, tag if needed, render with entities, mark
read). Also prints peak RSS (`ru_maxrss`) of this process.

Opening marks articles read, so the generated libraries change a little with
every run; the list order and the first screen do not.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import time
from pathlib import Path
from typing import Final

from harness import Report, library_dir, median, ms, p95
from newsread.library import Library
from newsread.paths import database_path
from newsread.tui.app import NewsreadApp
from newsread.tui.widgets.article_list import ArticleList

SIZE: Final = (120, 40)
REPEAT_GAP: Final = 0.03
"""Seconds between presses: a terminal's key auto-repeat is about 30 per second."""
KEYS: Final = ("down", "up", "pagedown", "end", "home")
UNBOUND: Final = "x"
"""A key nothing is bound to: its round trip is Pilot's own cost, the floor under every key."""


async def time_key(pilot: object, key: str) -> float:
    """Seconds from pressing `key` until the app has processed it."""
    started = time.perf_counter()
    await pilot.press(key)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    return time.perf_counter() - started


async def measure(config_dir: Path, presses: int) -> dict[str, list[float]]:
    """Per-key latencies (and `open`) in the reader over the library in `config_dir`."""
    library = Library.open(database_path(config_dir))
    app = NewsreadApp(library, config_dir)
    timings: dict[str, list[float]] = {key: [] for key in (UNBOUND, *KEYS, "open")}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        article_list = app.screen.query_one(ArticleList)
        for _ in range(presses):
            timings[UNBOUND].append(await time_key(pilot, UNBOUND))
            await asyncio.sleep(REPEAT_GAP)
        for key in KEYS:
            if key in ("up", "home"):
                continue
            for _ in range(presses):
                timings[key].append(await time_key(pilot, key))
                await asyncio.sleep(REPEAT_GAP)
                partner = {"down": "up", "end": "home"}.get(key)
                if partner is not None:
                    timings[partner].append(await time_key(pilot, partner))
                    await asyncio.sleep(REPEAT_GAP)
                if key == "pagedown" and article_list.cursor > len(article_list.view) - 100:
                    await time_key(pilot, "home")
            await pilot.pause(0.2)
        await time_key(pilot, "home")
        for _ in range(presses):
            timings["open"].append(await time_key(pilot, "n"))
            await time_key(pilot, "tab")
            await pilot.pause(0.1)
        scroll_through(article_list)
    library.close()
    return timings


def scroll_through(article_list: ArticleList) -> None:
    """Move through the whole list a screen at a time, drawing every line, as scrolling would."""
    height = article_list.size.height
    for top in range(0, len(article_list.view), height):
        article_list.cursor = top
        for line in range(height):
            article_list.render_line(line)


def main() -> int:
    """Parse options, measure both libraries, print medians, p95s and ratios."""
    parser = argparse.ArgumentParser(description="Keypress latency at scale.")
    parser.add_argument("--quick", action="store_true", help="20,000 articles, fewer presses")
    parser.add_argument("--count", type=int, help="articles in the large library")
    args = parser.parse_args()
    count = args.count or (20_000 if args.quick else 100_000)
    presses = 15 if args.quick else 60
    small = asyncio.run(measure(library_dir(10), presses))
    large = asyncio.run(measure(library_dir(count), presses))
    report = Report()
    floor = median(large[UNBOUND])
    report.heading(f"keys at {count:,} articles ({presses} presses each)")
    print(
        f"Pilot's round trip for an unbound key: {ms(floor).strip()} (median); "
        "'app' is each key's median minus it"
    )
    targets = {"down": (0.016, 0.033), "up": (0.016, 0.033), "end": (0.020, None)}
    targets |= {"home": (0.020, None), "open": (0.050, None), "pagedown": (None, None)}
    for key, (median_target, p95_target) in targets.items():
        samples = large[key]
        report.time(f"{key}: median", median(samples), target=median_target)
        report.time(f"{key}: p95", p95(samples), target=p95_target)
        report.time(f"{key}: app (median - round trip)", median(samples) - floor)
        report.time(f"{key}: app p95 (p95 - round trip)", p95(samples) - floor)
    report.heading("ratios to the same keys at 10 articles (medians)")
    for key in (UNBOUND, *KEYS, "open"):
        report.ratio(
            f"{key}: {count:,} vs 10 articles",
            median(large[key]),
            median(small[key]),
            target=1.2,
            limit=5.0,
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report.heading("memory")
    print(f"peak RSS after scrolling through all {count:,} rows once: {peak:.0f} MB (target ≤ 120)")
    small_medians = ", ".join(f"{key} {ms(median(v)).strip()}" for key, v in small.items())
    print(f"10-article medians: {small_medians}")
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
